// The message catalogue: every text a user can see, Swedish first, English second.
// The texts live in X-macro tables, messages_core.def (domain, validation, CLI), messages_ui.def
// (screens), messages_egenkontroll.def (the egenkontroll kinds, core and screens) and messages_arlig.def
// (the årlig genomgång's screens), listed once in messages_all.def, so a missing translation fails to
// compile.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

enum class Lang { sv, en };

enum class Msg : unsigned short {
#define KVH_MSG(key, sv, en) key,
#include "messages_all.def"
#undef KVH_MSG
    count_
};

void set_language(Lang lang);
Lang language();
std::string_view lang_key(Lang lang); // "sv" / "en"

// The text in the current language (stable storage: safe to keep the pointer).
const char* tr(Msg id);
const char* tr(Msg id, Lang lang);
// Replaces {0}, {1}, … with the arguments.
std::string fmt(Msg id, std::initializer_list<std::string_view> args);
std::string fmt(Msg id, Lang lang, std::initializer_list<std::string_view> args);
std::string fmt(Msg id, Lang lang, const std::vector<std::string>& args);
// A count in words. The message holds the singular and the plural form apart by '|' ("{0} åtgärd|
// {0} åtgärder"); {0} is the count, {1}… the further arguments. Swedish and English both take the
// singular for exactly 1 (and -1) and the plural otherwise, 0 included ("0 åtgärder").
std::string count_text(Msg id, long long n, std::initializer_list<std::string_view> more = {});
std::string count_text(Msg id, Lang lang, long long n, std::initializer_list<std::string_view> more = {});

} // namespace kvh::core
