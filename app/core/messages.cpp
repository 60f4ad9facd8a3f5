// The message catalogue: tables built from the .def tables of messages_all.def, the current
// language, {0}…{9} substitution, and the singular or plural form of a count.
#include "messages.hpp"

#include <cstddef>

namespace kvh::core {

namespace {

constexpr const char* kSv[] = {
#define KVH_MSG(key, sv, en) sv,
#include "messages_all.def"
#undef KVH_MSG
};

constexpr const char* kEn[] = {
#define KVH_MSG(key, sv, en) en,
#include "messages_all.def"
#undef KVH_MSG
};

static_assert(std::size(kSv) == static_cast<std::size_t>(Msg::count_));
static_assert(std::size(kEn) == static_cast<std::size_t>(Msg::count_));

Lang g_lang = Lang::sv;

} // namespace

void set_language(Lang lang) {
    g_lang = lang;
}
Lang language() {
    return g_lang;
}
std::string_view lang_key(Lang lang) {
    return lang == Lang::en ? "en" : "sv";
}

const char* tr(Msg id) {
    return tr(id, g_lang);
}

const char* tr(Msg id, Lang lang) {
    const auto i = static_cast<std::size_t>(id);
    if (i >= static_cast<std::size_t>(Msg::count_)) return "";
    return lang == Lang::en ? kEn[i] : kSv[i];
}

namespace {

template <class Args> std::string substitute(std::string_view text, const Args& args) {
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' &&
            text[i + 2] == '}') {
            const auto n = static_cast<std::size_t>(text[i + 1] - '0');
            // A missing argument stays visible as {n}, so a mistake shows instead of vanishing.
            if (n < args.size())
                out += std::string_view(*(args.begin() + n));
            else
                out.append(text.substr(i, 3));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

std::string fmt(Msg id, std::initializer_list<std::string_view> args) {
    return fmt(id, g_lang, args);
}

std::string fmt(Msg id, Lang lang, std::initializer_list<std::string_view> args) {
    return substitute(tr(id, lang), args);
}

std::string fmt(Msg id, Lang lang, const std::vector<std::string>& args) {
    return substitute(tr(id, lang), args);
}

std::string count_text(Msg id, long long n, std::initializer_list<std::string_view> more) {
    return count_text(id, g_lang, n, more);
}

std::string count_text(Msg id, Lang lang, long long n, std::initializer_list<std::string_view> more) {
    const std::string_view forms = tr(id, lang);
    const std::size_t bar = forms.find('|');
    const std::string_view form = bar == std::string_view::npos ? forms
                                  : n == 1 || n == -1           ? forms.substr(0, bar)
                                                                : forms.substr(bar + 1);
    std::vector<std::string> args{std::to_string(n)};
    args.insert(args.end(), more.begin(), more.end());
    return substitute(form, args);
}

} // namespace kvh::core
