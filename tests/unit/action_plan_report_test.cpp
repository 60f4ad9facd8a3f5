// What an åtgärdsplan reports: the summary's counts (acknowledged findings are not open), the CSV
// (BOM, every field, formula guard, findings) and the printable HTML (escaped, self-contained, the
// header, background and an acknowledgement with its reason); and the responsibles offered.
#include "core/atgarder/action_plan_report.hpp"
#include "core/atgarder/responsibles.hpp"
#include "core/exchange_format.hpp"
#include "report_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

using kvh::test::crlf_lines;
using kvh::test::has;

namespace {

constexpr const char* kToday = "2026-04-01";

Action action(const char* id, const char* what) {
    Action a;
    a.id = id;
    a.what = what;
    return a;
}

// Four actions, each going wrong (or right) in its own way on kToday.
ActionPlan plan() {
    ActionPlan p;
    p.origin = PlanOrigin::ivo_beslut;
    p.case_number = "SN 2026/123";
    p.owner = "Verksamhetschef";
    p.background = "IVO fann brister i <dokumentationen>\nav insatser";
    Action late = action("0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "=Ny rutin för överlämning");
    late.why = "Överlämningar missades";
    late.responsible = "Samordnare";
    late.due = "2026-03-15"; // passed: overdue
    late.status = ActionStatus::pagar;
    p.actions.push_back(late);
    Action weak = action("1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "Påminnelse på APT");
    weak.type = ActionType::information_kommunikation; // no cause, no one, no date: three open
    weak.level = ActionLevel::individ;                 // acknowledged: not open
    weak.acknowledged.push_back({"atgard_individniva", "Gäller en & samma medarbetare", "SAS", "2026-03-02"});
    p.actions.push_back(weak);
    Action closed = action("2b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "Checklista vid nattens slut");
    closed.why = "Larm besvarades sent";
    closed.responsible = "Enhetschef";
    closed.due = "2026-02-01";
    closed.status = ActionStatus::uppfoljd;
    closed.done_date = "2026-01-20";
    closed.follow_up_date = "2026-03-20";
    closed.verdict = Verdict::delvis;
    closed.follow_up_note = "Färre sena larm; natten behöver en till genomgång";
    p.actions.push_back(closed);
    Action done = closed;
    done.id = "3b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
    done.what = "Utbildning i journalföring";
    done.status = ActionStatus::genomford;
    done.verdict = Verdict::ej_bedomd;
    done.follow_up_date = "";
    done.follow_up_note = "";
    done.done_date = "2026-03-31"; // within 90 days: nothing to say yet
    p.actions.push_back(done);
    return p;
}

Document doc() {
    Document d;
    d.id = "5fee13c8-3373-42d7-9c78-752d57fbeeeb";
    d.kind = DocKind::atgardsplan;
    d.title = "Åtgärder efter IVO:s beslut";
    d.unit = "Hemtjänst Norra";
    d.year = 2026;
    return d;
}

} // namespace

TEST_CASE("the summary counts actions, done, followed up and open findings; acknowledged ones are not open") {
    const ActionPlan p = plan();
    CHECK(plan_summary(p, kToday, {}) == PlanSummary{4, 2, 1, 4});
    CHECK(plan_summary_text(plan_summary(p, kToday, {}), Lang::sv) ==
          "Åtgärder: 4 · genomförda: 2 · uppföljda: 1 · anmärkningar att se över: 4");
    CHECK(plan_summary_text(plan_summary(p, kToday, {}), Lang::en) ==
          "Actions: 4 · done: 2 · followed up: 1 · findings to look into: 4");
    // The day before the due date nothing is late yet; with 1 day to follow up the done one is late.
    CHECK(plan_summary(p, "2026-03-15", {}).open_findings == 3);
    CHECK(plan_summary(p, kToday, RuleSettings{0}).open_findings == 5);
    CHECK(plan_summary(ActionPlan{}, kToday, {}) == PlanSummary{});
}

TEST_CASE("CSV: BOM, a header and one row per action with every field, guarded formulas and findings") {
    const std::string csv = plan_to_csv(plan(), Lang::sv, kToday, {});
    REQUIRE(csv.starts_with("\xEF\xBB\xBF"));
    const auto rows = crlf_lines(std::string_view(csv).substr(3));
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] ==
          "Nr;Åtgärd;Orsak som åtgärden riktar sig mot;Nivå;Typ av åtgärd;Ansvarig;Klart senast;Status;"
          "Skäl till att den avbröts;Genomförd;Uppföljningsdatum;Effekt;Vad uppföljningen visade;"
          "Att åtgärda");
    CHECK(rows[1] == "1;'=Ny rutin för överlämning;Överlämningar missades;Ej angiven;Ej angiven;Samordnare;"
                     "2026-03-15;Pågår;;;;Ej bedömd;;Försenad");
    CHECK(rows[2] ==
          "2;Påminnelse på APT;;Individ;Information eller kommunikation;;;Föreslagen;;;;Ej bedömd;;"
          "\"Ansvarig saknas; Datum för klart senast saknas; Information eller påminnelse utan koppling till "
          "en "
          "orsak: ange vad den ska åtgärda; Kvitterad: Riktad mot en enskild person: sådana åtgärder "
          "dokumenteras i personakten (Gäller en & samma medarbetare)\"");
    CHECK(rows[3] == "3;Checklista vid nattens slut;Larm besvarades sent;Ej angiven;Ej angiven;Enhetschef;"
                     "2026-02-01;Uppföljd;;2026-01-20;2026-03-20;Delvis;"
                     "\"Färre sena larm; natten behöver en till genomgång\";");
    const std::string en = plan_to_csv(plan(), Lang::en, kToday, RuleSettings{0});
    CHECK(has(en, "No.;Action;"));
    CHECK(has(en, "Carried out but not followed up within 0 days"));
}

TEST_CASE("HTML: self-contained and escaped, with the header, background, summary and every action") {
    const std::string html = plan_report_html(doc(), plan(), Lang::sv, kToday, {});
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "://"));
    CHECK(has(html, "<title>Åtgärder efter IVO:s beslut</title>"));
    for (const char* text : {"Hemtjänst Norra", "Beslut från IVO", "SN 2026/123", "Verksamhetschef",
                             "Åtgärder: 4 · genomförda: 2 · uppföljda: 1 · anmärkningar att se över: 4"})
        CHECK_MESSAGE(has(html, text), text);
    CHECK(has(html, "IVO fann brister i &lt;dokumentationen&gt;<br>av insatser"));
    CHECK(has(html, "<td class=\"n\">4</td>")); // the number of the fourth action, right-aligned
    CHECK(has(html, "Orsak som åtgärden riktar sig mot: Överlämningar missades"));
    CHECK(has(html, "Individ · Information eller kommunikation"));
    CHECK(has(html, "Kvitterad: Riktad mot en enskild person: sådana åtgärder dokumenteras i personakten "
                    "(Gäller en &amp; samma medarbetare)"));
    CHECK(has(html, "Uppföljd 2026-01-20"));
    CHECK(has(html, "2026-03-20: Färre sena larm; natten behöver en till genomgång"));
    CHECK(has(html, ">Delvis<"));
    CHECK_FALSE(has(html, "Ej bedömd")); // a verdict not yet given is an empty cell, not a word
    CHECK_FALSE(has(html, "Planen har ännu inga åtgärder."));
    // An empty plan says so, and leaves out what is not given.
    ActionPlan empty;
    const std::string none = plan_report_html(doc(), empty, Lang::en, kToday, {});
    CHECK(has(none, "The plan has no actions yet."));
    CHECK_FALSE(has(none, "Origin"));
    CHECK_FALSE(has(none, "Background"));
}

TEST_CASE("responsibles offered: each once, trimmed, the usual spelling, the most used first") {
    std::vector<Action> actions(6);
    const char* given[] = {"Enhetschef", " enhetschef ", "Samordnare", "", "Enhetschef", "   "};
    for (std::size_t i = 0; i < actions.size(); ++i) actions[i].responsible = given[i];
    actions.push_back(actions[2]);
    actions.push_back({});
    actions.back().responsible = "Anna Berg";
    std::vector<ActionFact> facts;
    for (const Action& a : actions) facts.push_back({{}, &a, {}});
    std::vector<const ActionFact*> refs;
    for (const ActionFact& f : facts) refs.push_back(&f);
    CHECK(known_responsibles(refs) == std::vector<std::string>{"Enhetschef", "Samordnare", "Anna Berg"});
    CHECK(known_responsibles({}).empty());
}
