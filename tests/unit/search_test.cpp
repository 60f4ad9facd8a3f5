// Searching document lists the way a Swedish user types.
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
