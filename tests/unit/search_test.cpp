// Searching document lists the way a Swedish user types, and sorting them as a Swedish reader reads.
#include "core/search.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

TEST_CASE("fold_case folds ASCII and Swedish capitals, nothing else") {
    CHECK(fold_case("Årlig GENOMGÅNG") == "årlig genomgång");
    CHECK(fold_case("ÄÖÉÜ") == "äöéü");
    CHECK(fold_case("åäö") == "åäö");
    CHECK(fold_case("3 × 4 – §") == "3 × 4 – §"); // × and other symbols untouched
    CHECK(fold_case("\xC3") == "\xC3");           // a broken sequence at the end is left as it is
}

TEST_CASE("document_matches looks at title, unit and year") {
    Document d;
    d.title = "Åtgärdsplan efter IVO-beslut";
    d.unit = "Hemtjänst Öst";
    d.year = 2026;
    CHECK(document_matches(d, fold_case("åtgärd")));
    CHECK(document_matches(d, fold_case("ivo")));
    CHECK(document_matches(d, fold_case("ÖST")));
    CHECK(document_matches(d, fold_case("2026")));
    CHECK(document_matches(d, ""));
    CHECK_FALSE(document_matches(d, fold_case("riskanalys")));
    CHECK_FALSE(document_matches(d, fold_case("2025")));
}

TEST_CASE("sort_key orders as a Swedish reader: å ä ö after z, case ignored, numbers by value") {
    const auto before = [](const char* a, const char* b) { return sort_key(a) < sort_key(b); };
    CHECK(before("Zon", "Åtgärdsplan"));
    CHECK(before("Åtgärdsplan", "Äldreboende"));
    CHECK(before("Äldreboende", "Översyn"));
    CHECK(before("äldre", "Öst")); // case ignored
    CHECK(before("Arbete", "egenkontroll"));
    CHECK(before("Åtgärdsplan 2", "Åtgärdsplan 10"));
    CHECK(before("Plan 9 b", "Plan 10 a"));
    CHECK(before("Plan 1", "Plan 1a"));
    CHECK(before("Plan 2026", "Plan a")); // digits before letters
    CHECK(sort_key("Plan 007") == sort_key("plan 7"));
    CHECK(sort_key("  Café ") == sort_key("cafe"));
    CHECK(sort_key("Müller") == sort_key("myller"));
    CHECK(sort_key("Ærø") == sort_key("ärö"));
    CHECK(sort_key("Plan 0") != sort_key("Plan "));
    CHECK(before("Plan 0", "Plan 1"));
    CHECK(sort_key("   ").empty());
    // A number longer than 127 digits still sorts after shorter ones.
    CHECK(before("9", std::string(200, '1').c_str()));
}
