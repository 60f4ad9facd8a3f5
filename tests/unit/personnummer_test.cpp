// The personnummer detector: every written form with a valid date and check digit is found with its
// place and reason; phone numbers, dates, diarienummer and wrong check digits are not.
#include "core/personnummer.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kvh::core;

namespace {

// The numbers found in `text`, as the text they cover.
std::vector<std::string> found(std::string_view text) {
    std::vector<std::string> out;
    for (const IdNumberHit& h : find_id_numbers(text))
        out.emplace_back(text.substr(h.begin, h.end - h.begin));
    return out;
}

using Texts = std::vector<std::string>;

} // namespace

TEST_CASE("the Luhn check digit is the one Skatteverket's examples have") {
    CHECK(luhn_check_digit("811218987") == 6);
    CHECK(luhn_check_digit("121212121") == 2);
    CHECK(luhn_check_digit("701063239") == 1);
    CHECK(luhn_check_digit("000000000") == 0);
}

TEST_CASE("a personnummer is found in every written form, with its place and reason") {
    for (const char* n : {"811218-9876", "8112189876", "19811218-9876", "198112189876", "121212-1212",
                          "19121212-1212", "191212121212"}) {
        INFO(n);
        CHECK(found(n) == Texts{n});
    }
    const std::string note = "Akt 7: brukare 811218-9876 saknar plan";
    const auto hits = find_id_numbers(note);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].begin == note.find("811218"));
    CHECK(hits[0].end == note.find(" saknar"));
    CHECK(hits[0].kind == IdNumberKind::personnummer);
    CHECK(hits[0].reason == Msg::idnr_personnummer);
    CHECK(std::string(tr(hits[0].reason, Lang::sv)).find("personnummer") != std::string::npos);
    CHECK(std::string(tr(hits[0].reason, Lang::en)).find("identity number") != std::string::npos);
    // Between letters, punctuation and other numbers, more than one.
    CHECK(found("(811218-9876),121212-1212.") == Texts{"811218-9876", "121212-1212"});
    CHECK(found("pnr:8112189876;") == Texts{"8112189876"});
    CHECK(has_id_number("x 19811218-9876"));
}

TEST_CASE("a samordningsnummer (day + 60) is found and named as one") {
    const auto hits = find_id_numbers("701063-2391");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == IdNumberKind::samordningsnummer);
    CHECK(hits[0].reason == Msg::idnr_samordningsnummer);
    CHECK(found("19701063-2391") == Texts{"19701063-2391"});
    CHECK(found("7010632391") == Texts{"7010632391"});
    // Day 92 does not exist even as a samordningsnummer (October has 31 days: 61–91).
    CHECK(found("701092-239" + std::to_string(luhn_check_digit("701092239"))).empty());
    CHECK(found("701060-239" + std::to_string(luhn_check_digit("701060239"))).empty()); // day 0 + 60
}

TEST_CASE("the date must exist: leap days by century, the + of someone aged 100 or more") {
    CHECK(found("000229-1235") == Texts{"000229-1235"}); // 2000 was a leap year
    CHECK(found("000229+1235").empty());                 // 1900 and 1800 were not
    CHECK(found("190229-1234").empty());                 // neither 1919 nor 2019
    CHECK(found("200229-1231") == Texts{"200229-1231"}); // 2020
    CHECK(found("19000229-1235").empty());               // 1900 given: not a leap year
    CHECK(found("20000229-1235") == Texts{"20000229-1235"});
    CHECK(found("811218+9876") == Texts{"811218+9876"});                                // 1881
    CHECK(found("811318-987" + std::to_string(luhn_check_digit("811318987"))).empty()); // month 13
    CHECK(found("811200-987" + std::to_string(luhn_check_digit("811200987"))).empty()); // day 0
    CHECK(found("17811218-9876").empty()); // before 1800: no one living
}

TEST_CASE("a wrong check digit is no hit") {
    for (int d = 0; d <= 9; ++d) {
        const std::string n = "811218-987" + std::to_string(d);
        INFO(n);
        CHECK(found(n).size() == (d == 6 ? 1u : 0u));
        CHECK(found("811218987" + std::to_string(d)).size() == (d == 6 ? 1u : 0u));
    }
    CHECK(found("1234567890").empty());
    CHECK(found("0000000000").empty()); // month 00
}

TEST_CASE("phone numbers, dates, diarienummer and references raise no alarm") {
    for (const char* text : {"070-123 45 67",
                             "0701234567",
                             "08-123 456 78",
                             "+46 70 123 45 67",
                             "+46701234569",
                             "0046701234569",
                             "2026-03-01",
                             "20260301",
                             "1 mars 2026",
                             "260301",
                             "2026-01-01–2026-04-30",
                             "SN 2026/123",
                             "KS 2023-000123",
                             "Dnr 2024.0045",
                             "IVO 3.5.1-12345/2025",
                             "Ärende 2026-114",
                             "Akt 12",
                             "81121898765",
                             "1981121898765",
                             "811218-98765",
                             "811218-987",
                             "811218 9876",
                             "8112-18-9876",
                             "12 av 20 = 60 %",
                             "v. 12, 2026-12-31 kl 08.00"}) {
        INFO(text);
        CHECK(found(text).empty());
    }
    // A bare ten-digit number that passes both checks cannot be told from a personnummer: a mobile
    // number like this is flagged, which errs on the side of the person.
    CHECK(found("0701234569") == Texts{"0701234569"});
}

TEST_CASE("a text typed character by character is flagged from the last digit on, and big texts are fine") {
    const std::string full = "Akt 19121212-1212";
    for (std::size_t n = 0; n <= full.size(); ++n) {
        INFO(n);
        CHECK(has_id_number(full.substr(0, n)) == (n == full.size()));
    }
    std::string big;
    for (int i = 0; i < 20'000; ++i) big += "Ärende 2026-" + std::to_string(1000 + i) + "; ";
    CHECK(find_id_numbers(big).empty());
    big += "811218-9876";
    CHECK(find_id_numbers(big).size() == 1);
}
