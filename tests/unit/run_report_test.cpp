// What a utförd egenkontroll reports: Karlshamn's Kompassen check (20 genomförandeplaner, 19 written
// within 24 hours) as CSV (BOM, a row per question and one for all, the share with its denominator,
// the interval's ends, below target) and as printable HTML (escaped, self-contained, the header, the
// draw's seed, findings, analysis, actions) — and never a reference or a note of the sample.
#include "core/egenkontroll/run_report.hpp"
#include "core/workspace.hpp"
#include "report_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

using kvh::test::crlf_lines;
using kvh::test::has;

namespace {

constexpr const char* kQ1 = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
constexpr const char* kQ2 = "1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";

EgenkontrollRun kompassen() {
    EgenkontrollRun r;
    r.area = "Social dokumentation";
    r.period_from = "2026-01-01";
    r.period_to = "2026-04-30";
    r.performed_by = "Kvalitetssamordnare";
    r.questions = {{kQ1, "Upprättades genomförandeplanen inom 24 timmar?"},
                   {kQ2, "Är den enskilde delaktig <och> hörd?"}};
    for (int i = 0; i < 20; ++i) {
        Sample s;
        s.id = name_based_uuid("sample " + std::to_string(i));
        s.ref = "KOMP-" + std::to_string(100 + i);
        set_answer(s, kQ1, i == 7 ? Answer::nej : Answer::ja);
        set_answer(s, kQ2, i < 2 ? Answer::ej_aktuellt : Answer::ja);
        if (i == 7) s.answers[0].note = "Fyra dagar: missad överlämning";
        r.samples.push_back(s);
    }
    r.draw = {"482913", 311, "0123456789abcdef"};
    r.findings = "En plan upprättades efter fyra dagar.";
    r.analysis = "Överlämningen missades vid\nsemesterbyte.";
    r.done_date = "2026-05-06";
    Action a;
    a.id = "2b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
    a.what = "Checklista för överlämning";
    a.why = "Överlämningen missades";
    a.responsible = "Enhetschef";
    r.actions.push_back(a);
    return r;
}

Document doc() {
    Document d;
    d.id = "5fee13c8-3373-42d7-9c78-752d57fbeeeb";
    d.kind = DocKind::egenkontroll;
    d.title = "Genomförandeplaner jan–apr";
    d.unit = "Kompassen";
    d.year = 2026;
    return d;
}

} // namespace

TEST_CASE("the run's summary counts samples, questions, answers nej and samples fully answered") {
    EgenkontrollRun r = kompassen();
    CHECK(run_summary_text(r, run_results(r), Lang::sv) ==
          "20 stickprov · 2 frågor · 1 svar nej · 20 av 20 stickprov helt besvarade");
    r.samples.edit(3).answers.clear();
    CHECK(run_summary_text(r, run_results(r), Lang::en) ==
          "20 samples · 2 questions · 1 answers no · 19 of 20 samples fully answered");
    remove_question(r, kQ2);
    CHECK(run_summary_text(r, run_results(r), Lang::sv) ==
          "20 stickprov · 1 fråga · 1 svar nej · 19 av 20 stickprov helt besvarade");
}

TEST_CASE("CSV: BOM, a row per question and for all, the share with its denominator and interval") {
    const std::string csv = run_to_csv(kompassen(), Lang::sv);
    REQUIRE(csv.starts_with("\xEF\xBB\xBF"));
    const auto rows = crlf_lines(std::string_view(csv).substr(3));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "Fråga nr;Fråga;Ja;Nej;Ej aktuellt;Obesvarade;Uppfyllt;Andel %;Sannolikt lägst %;"
                     "Sannolikt högst %;Under målet");
    // 19 of 20: Wilson 0.764–0.991.
    CHECK(rows[1] == "1;Upprättades genomförandeplanen inom 24 timmar?;19;1;0;0;19 av 20 = 95 %;95;76;99;"
                     "Under målet");
    CHECK(rows[2] == "2;Är den enskilde delaktig <och> hörd?;18;0;2;0;18 av 18 = 100 %;100;82;100;");
    CHECK(rows[3] == ";Alla frågor;37;1;2;0;37 av 38 = 97 %;97;87;100;Under målet");
    // No sample reference and no note leaves the app this way.
    CHECK_FALSE(has(csv, "KOMP-"));
    CHECK_FALSE(has(csv, "missad överlämning"));

    EgenkontrollRun empty;
    empty.questions = {{kQ1, "=SUMMA(A1)"}};
    const auto none = crlf_lines(std::string_view(run_to_csv(empty, Lang::en)).substr(3));
    REQUIRE(none.size() == 3);
    CHECK(none[1] == "1;'=SUMMA(A1);0;0;0;0;No answers to count;;;;");
}

TEST_CASE("HTML: self-contained and escaped, header, draw, results with intervals, texts and actions") {
    const std::string html = run_report_html(doc(), kompassen(), "Egenkontrollplan Kompassen 2026", Lang::sv);
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "://"));
    CHECK(has(html, "<title>Genomförandeplaner jan–apr</title>"));
    for (const char* text :
         {"Kompassen", "Egenkontrollplan Kompassen 2026", "Social dokumentation",
          "Akt- eller journalgranskning", "2026-01-01 – 2026-04-30", "Kvalitetssamordnare", "100 %",
          "20 av 311 referenser, frö 482913", "2026-05-06", "19 av 20 = 95 %", "sannolikt mellan 76 och 99 %",
          "18 av 18 = 100 %", "37 av 38 = 97 %", "En plan upprättades efter fyra dagar.",
          "Checklista för överlämning", "Enhetschef", "Föreslagen"})
        CHECK_MESSAGE(has(html, text), text);
    CHECK(has(html, "Är den enskilde delaktig &lt;och&gt; hörd?"));
    CHECK(has(html, "Överlämningen missades vid<br>semesterbyte."));
    CHECK(has(html, "<span class=\"below\">Under målet</span>"));
    CHECK_FALSE(has(html, "KOMP-"));
    CHECK_FALSE(has(html, "missad överlämning"));

    EgenkontrollRun bare;
    const std::string empty = run_report_html(doc(), bare, "", Lang::en);
    CHECK(has(empty, "The check has no actions."));
    CHECK(has(empty, "No answers to count"));
    CHECK_FALSE(has(empty, "Random sample")); // no draw, no line for it
    CHECK_FALSE(has(empty, "Findings"));
}
