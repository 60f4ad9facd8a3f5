// The message catalogue: complete in both languages, placeholders agree, substitution works.
#include "core/messages.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace kvh::core;

namespace {

std::set<char> placeholders(std::string_view s) {
    std::set<char> out;
    for (std::size_t i = 0; i + 2 < s.size(); ++i)
        if (s[i] == '{' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] == '}') out.insert(s[i + 1]);
    return out;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

struct LanguageGuard {
    Lang saved = language();
    ~LanguageGuard() { set_language(saved); }
};

} // namespace

TEST_CASE("every message has Swedish and English text with the same placeholders") {
    for (unsigned i = 0; i < static_cast<unsigned>(Msg::count_); ++i) {
        const auto id = static_cast<Msg>(i);
        const std::string_view sv = tr(id, Lang::sv), en = tr(id, Lang::en);
        INFO("message #" << i << ": " << sv);
        CHECK_FALSE(sv.empty());
        CHECK_FALSE(en.empty());
        CHECK(placeholders(sv) == placeholders(en));
        CHECK(valid_utf8(sv));
        CHECK(valid_utf8(en));
    }
}

TEST_CASE("Swedish texts use the words of the trade") {
    CHECK(std::string(tr(Msg::kind_arlig_genomgang, Lang::sv)) == "Årlig genomgång");
    CHECK(std::string(tr(Msg::kinds_riskanalys, Lang::sv)) == "Riskanalyser");
    CHECK(std::string(tr(Msg::status_pagar, Lang::sv)) == "Pågår");
    CHECK(std::string(tr(Msg::merge_older, Lang::sv)) == "Äldre – hoppas över");
    CHECK(std::string(tr(Msg::merge_older, Lang::en)) == "Older – skipped");
}

TEST_CASE("tr follows the current language and returns stable storage") {
    LanguageGuard guard;
    set_language(Lang::en);
    CHECK(language() == Lang::en);
    const char* p = tr(Msg::status_klar);
    CHECK(std::string(p) == "Done");
    set_language(Lang::sv);
    CHECK(std::string(tr(Msg::status_klar)) == "Klar");
    CHECK(std::string(p) == "Done"); // the earlier pointer still points at the English text
    CHECK(lang_key(Lang::sv) == "sv");
    CHECK(lang_key(Lang::en) == "en");
    CHECK(std::string(tr(Msg::count_)) == "");
}

TEST_CASE("fmt fills {0}…{9} and leaves a missing argument visible") {
    CHECK(fmt(Msg::err_year_range, Lang::sv, {"1999", "2000", "2100"}) ==
          "årtalet 1999 ligger utanför det tillåtna intervallet 2000–2100");
    CHECK(fmt(Msg::err_year_range, Lang::en, {"1999"}) ==
          "the year 1999 is outside the allowed range {1}–{2}");
    const std::vector<std::string> args{"3", "300"};
    CHECK(fmt(Msg::err_too_long, Lang::en, args) == "is too long: 3 characters, at most 300 are allowed");
    LanguageGuard guard;
    set_language(Lang::sv);
    CHECK(fmt(Msg::err_more, {"7"}) == "… och 7 fel till");
}

TEST_CASE("a count takes the singular for one and the plural otherwise, in both languages") {
    CHECK(count_text(Msg::store_bad_records, Lang::sv, 1) ==
          "1 sparat dokument kunde inte läsas och har lämnats orört. Det finns under Översikt.");
    CHECK(count_text(Msg::store_bad_records, Lang::sv, 3) ==
          "3 sparade dokument kunde inte läsas och har lämnats orörda. De finns under Översikt.");
    CHECK(count_text(Msg::n_actions, Lang::sv, 0) == "0 åtgärder");
    CHECK(count_text(Msg::n_actions, Lang::sv, 1) == "1 åtgärd");
    CHECK(count_text(Msg::n_actions, Lang::sv, 21) == "21 åtgärder"); // Swedish has no "21 åtgärd"
    CHECK(count_text(Msg::n_actions, Lang::en, -1) == "-1 action");
    CHECK(count_text(Msg::n_actions, Lang::en, 2) == "2 actions");
    // One form for all counts where the language needs no other ("dokument"); further arguments.
    CHECK(count_text(Msg::cli_valid, Lang::sv, 1, {"a.json"}) == "a.json: giltig, 1 dokument");
    CHECK(count_text(Msg::cli_valid, Lang::sv, 2, {"a.json"}) == "a.json: giltig, 2 dokument");
    CHECK(count_text(Msg::cli_valid, Lang::en, 1, {"a.json"}) == "a.json: valid, 1 document");
    CHECK(count_text(Msg::cli_valid, Lang::en, 2, {"a.json"}) == "a.json: valid, 2 documents");
    LanguageGuard guard;
    set_language(Lang::en);
    CHECK(count_text(Msg::toast_imported, 1) == "1 document was imported.");
}

TEST_CASE("a count's text has at most one singular|plural split, with the count in each form") {
    for (const Msg id : {Msg::store_bad_records, Msg::toast_imported, Msg::import_apply, Msg::cli_valid,
                         Msg::report_matrix_count, Msg::n_actions}) {
        for (const Lang lang : {Lang::sv, Lang::en}) {
            const std::string_view text = tr(id, lang);
            INFO(text);
            const std::size_t bar = text.find('|');
            if (bar == std::string_view::npos) continue;
            CHECK(text.find('|', bar + 1) == std::string_view::npos);
            CHECK(placeholders(text.substr(0, bar)).contains('0'));
            CHECK(placeholders(text.substr(bar + 1)).contains('0'));
        }
    }
}
