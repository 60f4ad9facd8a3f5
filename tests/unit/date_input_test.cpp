// Typed dates: every accepted spelling and each of its beginnings, impossible days, leap years,
// month names in both languages, and the calendar arithmetic of the date picker.
#include "core/date_input.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace kvh::core;

namespace {

// What a Swedish person types for 2 December 2026.
const std::vector<std::string> kSpellings = {
    "2026-12-02",  "2026-12-2",       "2026/12/02",       "2026.12.02",   "20261202",    "2/12 2026",
    "2/12/2026",   "2.12.2026",       "02.12.2026",       "2-12-2026",    "2.12 2026",   "2 dec 2026",
    "2 dec. 2026", "2 december 2026", "02 December 2026", "2  dec  2026", " 2026-12-02 "};

} // namespace

TEST_CASE("every accepted spelling is read as the same day") {
    for (const auto& s : kSpellings) {
        INFO(s);
        CHECK(parse_date(s, Lang::sv) == "2026-12-02");
        CHECK(parse_date(s, Lang::en) == "2026-12-02");
    }
}

TEST_CASE("every beginning of an accepted spelling can still become a date") {
    for (const auto& s : kSpellings)
        for (std::size_t n = 0; n <= s.size(); ++n) {
            INFO(s.substr(0, n));
            CHECK(could_become_date(s.substr(0, n), Lang::sv));
        }
    for (const std::string s :
         {"2024-02-29", "29/2 2024", "31 jan 2026", "15 maj 2026", "2100-12-31", "2000-01-01"})
        for (std::size_t n = 0; n <= s.size(); ++n) {
            INFO(s.substr(0, n));
            CHECK(could_become_date(s.substr(0, n), Lang::sv));
        }
}

TEST_CASE("unfinished text is not yet a date") {
    for (const std::string s : {"2", "2026", "2026-12", "2026-12-", "202612", "2/12", "2/12 ", "2/12 202",
                                "2 dec", "2 dec 20", "20261", "2026120", "19", "2 ju"}) {
        INFO(s);
        CHECK_FALSE(parse_date(s, Lang::sv));
        CHECK(could_become_date(s, Lang::sv));
    }
}

TEST_CASE("empty text is no date, but nothing to complain about while typing") {
    CHECK_FALSE(parse_date("", Lang::sv));
    CHECK_FALSE(parse_date("   ", Lang::sv));
    CHECK(could_become_date("", Lang::sv));
    CHECK(could_become_date("  ", Lang::sv));
}

TEST_CASE("garbage and impossible days are refused, and nothing typed after them helps") {
    for (const std::string s :
         {"abc",         "x2026-12-02", "2026-12-02x", "2026-12-021", "2026-13-01", "2026-00-10",
          "2026-12-00",  "2026-12-32",  "2026-02-30",  "2026-04-31",  "32/1 2026",  "2/13 2026",
          "0/1 2026",    "2026/12-02",  "2026-12/02",  "2.12/2026",   "1999-12-31", "2101-01-01",
          "1/1 26",      "2 dex 2026",  "2 foo 2026",  "dec 2 2026",  "2 dec2026",  "2026 12 02",
          "2026--12-02", "2026-12-02-", "2,12 2026",   "2026‐12‐02",  "۲۰۲۶-۱۲-۰۲", "2026-2-30",
          "30.2.2026",   "31 apr 2026", "29/2 2026"}) {
        INFO(s);
        CHECK_FALSE(parse_date(s, Lang::sv));
        CHECK_FALSE(parse_date(s, Lang::en));
        CHECK_FALSE(could_become_date(s, Lang::sv));
    }
    for (const std::string s : {"2026-13", "2026-00", "2026-1-32", "31/2", "30.2", "32", "2026-02-30",
                                "202613", "20261200", "13/13", "2 x", "2 decx", "1/1 19"}) {
        INFO(s);
        CHECK_FALSE(could_become_date(s, Lang::sv));
    }
}

TEST_CASE("leap years: 29 February exists only in them") {
    CHECK(parse_date("2024-02-29", Lang::sv) == "2024-02-29");
    CHECK(parse_date("2000-02-29", Lang::sv) == "2000-02-29"); // divisible by 400
    CHECK(parse_date("29/2 2028", Lang::sv) == "2028-02-29");
    CHECK(parse_date("29 feb 2032", Lang::sv) == "2032-02-29");
    CHECK_FALSE(parse_date("2026-02-29", Lang::sv));
    CHECK_FALSE(parse_date("2100-02-29", Lang::sv)); // divisible by 100, not by 400
    CHECK_FALSE(parse_date("20260229", Lang::sv));
    CHECK(could_become_date("29/2", Lang::sv));     // some year will do
    CHECK(could_become_date("29/2 202", Lang::sv)); // 2024, 2028
    CHECK_FALSE(could_become_date("29/2 2026", Lang::sv));
    CHECK_FALSE(could_become_date("2026-02-29", Lang::sv));
}

TEST_CASE("month names: Swedish always, English too when the language is English") {
    const std::vector<std::pair<std::string, std::string>> swedish = {
        {"1 januari 2026", "2026-01-01"}, {"14 feb 2026", "2026-02-14"}, {"3 mars 2026", "2026-03-03"},
        {"3 mar 2026", "2026-03-03"},     {"15 maj 2026", "2026-05-15"}, {"6 jun 2026", "2026-06-06"},
        {"6 juli 2026", "2026-07-06"},    {"1 sept 2026", "2026-09-01"}, {"1 sep. 2026", "2026-09-01"},
        {"31 okt 2026", "2026-10-31"},    {"30 NOV 2026", "2026-11-30"}, {"24 Dec 2026", "2026-12-24"}};
    for (const auto& [typed, iso] : swedish) {
        INFO(typed);
        CHECK(parse_date(typed, Lang::sv) == iso);
        CHECK(parse_date(typed, Lang::en) == iso);
    }
    CHECK(parse_date("2 May 2026", Lang::en) == "2026-05-02");
    CHECK(parse_date("2 October 2026", Lang::en) == "2026-10-02");
    CHECK(parse_date("2 oct 2026", Lang::en) == "2026-10-02");
    CHECK_FALSE(parse_date("2 May 2026", Lang::sv));
    CHECK_FALSE(parse_date("2 oct 2026", Lang::sv));
    CHECK_FALSE(could_become_date("2 oc", Lang::sv));
    CHECK(could_become_date("2 oc", Lang::en));
    CHECK(could_become_date("2 ju", Lang::sv)); // juni or juli
    CHECK_FALSE(parse_date("2 ju 2026", Lang::sv));
    CHECK_FALSE(parse_date("2 de 2026", Lang::sv)); // too short to be sure of
}

TEST_CASE("calendar arithmetic for the picker") {
    CHECK(days_in_month(2026, 1) == 31);
    CHECK(days_in_month(2026, 2) == 28);
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2026, 4) == 30);
    CHECK(weekday({1970, 1, 1}) == 3);  // a Thursday
    CHECK(weekday({2024, 1, 1}) == 0);  // a Monday
    CHECK(weekday({2026, 12, 2}) == 2); // a Wednesday
    CHECK(weekday({2026, 3, 1}) == 6);  // a Sunday
    CHECK(add_days({2026, 12, 31}, 1) == Ymd{2027, 1, 1});
    CHECK(add_days({2024, 3, 1}, -1) == Ymd{2024, 2, 29});
    CHECK(add_days({2026, 12, 2}, -7) == Ymd{2026, 11, 25});
    CHECK(add_months({2026, 1, 31}, 1) == Ymd{2026, 2, 28});
    CHECK(add_months({2024, 1, 31}, 1) == Ymd{2024, 2, 29});
    CHECK(add_months({2026, 1, 15}, -1) == Ymd{2025, 12, 15});
    CHECK(add_months({2026, 12, 2}, 1) == Ymd{2027, 1, 2});
    CHECK(ymd_of("2026-12-02") == Ymd{2026, 12, 2});
    CHECK_FALSE(ymd_of("2026-12-2"));
    CHECK_FALSE(ymd_of("2026-02-30"));
    CHECK(iso_of({2026, 3, 5}) == "2026-03-05");
    CHECK(std::string(tr(month_name(12), Lang::sv)) == "december");
    CHECK(std::string(tr(weekday_name(0), Lang::sv)) == "må");
    CHECK(std::string(tr(weekday_name(6), Lang::en)) == "Su");
}
