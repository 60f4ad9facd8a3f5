// The Åtgärder register: the seeds' 19 of 75 under the filter that asks for them, every filter alone
// and combined, sorting by each column both ways (stable, Swedish order, blanks last), rebuilding only
// when something changed, and the exports of exactly the rows shown (the CSV byte for byte).
#include "core/atgarder/action_register.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kvh::core;

namespace {

// Seven actions in two documents, on 2026-12-02: a riskanalys of Tallen (2026) with two risks of two
// actions each, and an åtgärdsplan of Björken (2025) with three.
struct Sample {
    Workspace ws{kvh::test::fixed_env()};
    std::string today = "2026-12-02";
    FactsIndex facts{ws, [this] { return today; }};
    std::string analysis, plan;
    ActionRegister reg;

    Sample() {
        analysis = ws.create(DocKind::riskanalys, "Riskanalys Tallen", "Tallen", 2026);
        plan = ws.create(DocKind::atgardsplan, "Plan efter lex Sarah", "Björken", 2025);
        const auto action = [&](std::string what, std::string why, std::string who, std::string due,
                                ActionStatus s) {
            Action a;
            a.id = new_uuid_v4(ws.env());
            a.what = std::move(what);
            a.why = std::move(why);
            a.responsible = std::move(who);
            a.due = std::move(due);
            a.status = s;
            return a;
        };
        REQUIRE(ws.edit(
            analysis, kvh::test::step("risker"),
            [&](Document& d) {
                kvh::test::change_analysis(d, [&](RiskAnalysis& a) {
                    Risk r1, r2;
                    r1.id = new_uuid_v4(ws.env());
                    r2.id = new_uuid_v4(ws.env());
                    r1.actions = {action("Rutin för läkemedel", "Signering saknas", "Anna Berg", "2026-12-01",
                                         ActionStatus::pagar),
                                  action("Utbilda personalen", "Ny personal", "Bo Ek", "2026-12-02",
                                         ActionStatus::beslutad)};
                    r2.actions = {
                        action("Öva brandlarm", "Larmet", "anna berg ", "2027-01-01", ActionStatus::beslutad),
                        action("Ändra schemat <snart>", "Stress", "", "2027-01-02",
                               ActionStatus::foreslagen)};
                    a.risks.push_back(r1);
                    a.risks.push_back(r2);
                });
            },
            false));
        REQUIRE(ws.edit(
            plan, kvh::test::step("åtgärder"),
            [&](Document& d) {
                auto p = std::make_shared<ActionPlan>(*plan_of(d));
                Action p1 = action("Åtgärda larmet", "Larmet tystnade", "Annika Lund", "2026-03-01",
                                   ActionStatus::genomford);
                p1.done_date = "2026-03-01";
                Action p2 = action("arbeta om rutinen", "x", "Bo Ek", "2026-02-01", ActionStatus::uppfoljd);
                p2.done_date = "2026-02-01";
                p2.follow_up_date = "2026-05-01";
                p2.verdict = Verdict::ja;
                p2.follow_up_note = "Fungerar; följs upp igen";
                Action p3 = action("", "y", "Cecilia", "", ActionStatus::avbruten);
                p3.cancel_reason = "Ersatt";
                p->actions.push_back(p1);
                p->actions.push_back(p2);
                p->actions.push_back(p3);
                d.body = p;
            },
            false));
    }

    // The shown rows by what they say ("-" for a blank one).
    std::vector<std::string> shown(const RegisterFilter& f, RegisterSort s = {}) {
        reg.update(facts, ws, today, f, s);
        std::vector<std::string> out;
        for (const RegisterRow* r : reg.shown())
            out.push_back(r->action().what.empty() ? "-" : r->action().what);
        return out;
    }
    const RegisterRow& row(std::string_view what) {
        reg.update(facts, ws, today, {}, {});
        for (const RegisterRow& r : reg.rows())
            if (r.action().what == what) return r;
        FAIL("no row ", what);
        return reg.rows().front();
    }
};

using V = std::vector<std::string>;
const std::string a1 = "Rutin för läkemedel", a2 = "Utbilda personalen", a3 = "Öva brandlarm",
                  a4 = "Ändra schemat <snart>", p1 = "Åtgärda larmet", p2 = "arbeta om rutinen", p3 = "-";

} // namespace

TEST_CASE("the register: 75 actions of which 19 were never followed up show exactly 19 under that rule") {
    Workspace ws(kvh::test::fixed_env());
    std::string today = "2026-12-31";
    FactsIndex facts(ws, [&] { return today; });
    kvh::test::add_lex_sarah_actions(ws);
    ActionRegister reg;
    RegisterFilter f;
    f.rule = Rule::action_not_followed_up;
    reg.update(facts, ws, today, f, {});
    CHECK(reg.rows().size() == 75);
    CHECK(reg.shown().size() == 19);
    CHECK(reg.count(f) == 19);
    for (const RegisterRow* r : reg.shown()) CHECK(r->action().status == ActionStatus::genomford);

    // The same 19 however they are asked for.
    RegisterFilter g;
    g.statuses = {ActionStatus::genomford};
    CHECK(reg.count(g) == 19);
    g = {};
    g.severity = Severity::allvarlig;
    CHECK(reg.count(g) == 19);
    g = {};
    g.flag = RegisterFlag::open_finding;
    CHECK(reg.count(g) == 19);
    f.unit = "IFO";
    f.year = 2026;
    CHECK(reg.count(f) == 19);
    f.kind = DocKind::riskanalys;
    CHECK(reg.count(f) == 4);
    f.kind = DocKind::atgardsplan;
    CHECK(reg.count(f) == 15);
    f.year = 2025;
    CHECK(reg.count(f) == 0);

    // Printed and exported: the 19 and nothing else.
    f = {};
    f.rule = Rule::action_not_followed_up;
    reg.update(facts, ws, today, f, {});
    const std::string csv = register_csv(reg.shown(), facts.settings(), Lang::sv);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 20);
    const std::string html = register_html(reg.shown(), f, facts.settings(), today, Lang::sv);
    CHECK(html.find("19 åtgärder") != std::string::npos);
    CHECK(html.find("Anmärkning: Genomförd men inte uppföljd inom 90 dagar") != std::string::npos);

    // Acknowledged with a reason: no longer open, so no longer under the rule; still genomförd.
    const Finding first =
        *std::find_if(facts.findings().begin(), facts.findings().end(),
                      [](const Finding& x) { return x.rule == Rule::action_not_followed_up; });
    const Acknowledgement ack{"", "Följs upp i årlig genomgång", "SAS", "2026-12-31"};
    REQUIRE(acknowledge(ws, first, &ack));
    CHECK(reg.update(facts, ws, today, f, {}));
    CHECK(reg.shown().size() == 18);
    CHECK(reg.count(g) == 18);
    g = {};
    g.statuses = {ActionStatus::genomford};
    CHECK(reg.count(g) == 19);
    // A day earlier the four of September were not late yet.
    today = "2026-11-30";
    facts.refresh();
    CHECK(reg.update(facts, ws, today, f, {}));
    CHECK(reg.shown().size() == 14);
}

TEST_CASE("the register's rows: where each action lives, its flags, the values offered for filters") {
    Sample s;
    s.reg.update(s.facts, s.ws, s.today, {}, {});
    REQUIRE(s.reg.rows().size() == 7);
    CHECK(register_item_label(s.row(a3), Lang::sv) == "Risk 2, åtgärd 1");
    CHECK(register_item_label(s.row(a2), Lang::en) == "Risk 1, action 2");
    CHECK(register_item_label(s.row(p2), Lang::sv) == "Åtgärd 2");
    CHECK(s.row(p1).doc->title == "Plan efter lex Sarah");
    CHECK(s.row(a1).fact->ref.doc == s.analysis);
    CHECK(s.row(a1).overdue);
    CHECK_FALSE(s.row(a1).due_soon);
    CHECK(s.row(a2).due_soon); // due today
    CHECK(s.row(a3).due_soon); // the 30th day
    CHECK_FALSE(s.row(a4).due_soon);
    CHECK_FALSE(s.row(p1).overdue); // done: late for its follow-up, not overdue
    CHECK(s.row(p1).open_findings == 1);
    CHECK(s.row(a4).open_findings == 1); // no responsible
    // "Anna Berg" and "anna berg " are one person, written as most of their actions write it.
    CHECK(s.reg.responsibles() == V{"Anna Berg", "Annika Lund", "Bo Ek", "Cecilia"});
    CHECK(s.reg.units() == V{"Björken", "Tallen"});
    CHECK(s.reg.years() == std::vector<int>{2026, 2025});
}

TEST_CASE("the register's filters, alone and combined") {
    Sample s;
    // By source (document title, then place) unless asked otherwise.
    CHECK(s.shown({}) == V{p1, p2, p3, a1, a2, a3, a4});
    RegisterFilter f;
    f.statuses = {ActionStatus::beslutad};
    CHECK(s.shown(f) == V{a2, a3});
    f.statuses.insert(ActionStatus::pagar);
    CHECK(s.shown(f) == V{a1, a2, a3});

    f = {};
    f.responsible = "ANNA BERG";
    CHECK(s.shown(f) == V{a1, a3});
    f = {};
    f.mine = " anna";
    CHECK(s.shown(f) == V{a1, a3}); // not Annika
    f.mine = "lund";
    CHECK(s.shown(f) == V{p1});

    f = {};
    f.unit = "Björken";
    CHECK(s.shown(f) == V{p1, p2, p3});
    f = {};
    f.year = 2026;
    CHECK(s.shown(f) == V{a1, a2, a3, a4});
    f = {};
    f.kind = DocKind::atgardsplan;
    CHECK(s.shown(f) == V{p1, p2, p3});

    f = {};
    f.flag = RegisterFlag::overdue;
    CHECK(s.shown(f) == V{a1});
    f.flag = RegisterFlag::due_soon;
    CHECK(s.shown(f) == V{a2, a3});
    f.flag = RegisterFlag::open_finding;
    CHECK(s.shown(f) == V{p1, a1, a4});
    f = {};
    f.rule = Rule::action_not_followed_up;
    CHECK(s.shown(f) == V{p1});
    f.rule = Rule::action_no_responsible;
    CHECK(s.shown(f) == V{a4});
    f = {};
    f.severity = Severity::allvarlig;
    CHECK(s.shown(f) == V{p1, a1});
    f.severity = Severity::varning;
    CHECK(s.shown(f) == V{a4});
    f.severity = Severity::tips;
    CHECK(s.shown(f).empty());

    // Search: every word somewhere in the action, its document or unit, case aside.
    f = {};
    f.search = "rutin TALLEN";
    CHECK(s.shown(f) == V{a1});
    f.search = "LARMET";
    CHECK(s.shown(f) == V{p1, a3});
    f.search = "ÖVA";
    CHECK(s.shown(f) == V{a3});
    f.search = "följs upp";
    CHECK(s.shown(f) == V{p2});
    f.search = "  ";
    CHECK(s.shown(f).size() == 7);
    f.search = "ingenting";
    CHECK(s.shown(f).empty());

    // Combined: each part must hold.
    f = {};
    f.kind = DocKind::riskanalys;
    f.statuses = {ActionStatus::beslutad};
    f.mine = "Anna";
    CHECK(s.shown(f) == V{a3});
    f = {};
    f.unit = "Björken";
    f.flag = RegisterFlag::open_finding;
    CHECK(s.shown(f) == V{p1});
    f.responsible = "Bo Ek";
    CHECK(s.shown(f).empty());
    CHECK(s.reg.count(f) == 0);

    CHECK(describe_filter({}, {}, Lang::sv) == "Alla åtgärder");
    f = {};
    f.statuses = {ActionStatus::uppfoljd, ActionStatus::pagar};
    f.mine = "Anna ";
    f.unit = "Tallen";
    f.year = 2026;
    f.kind = DocKind::riskanalys;
    f.flag = RegisterFlag::overdue;
    f.severity = Severity::allvarlig;
    f.search = "larm";
    CHECK(describe_filter(f, {}, Lang::sv) == "Status: Pågår, Uppföljd · Mina åtgärder: Anna · Enhet: Tallen "
                                              "· År: 2026 · Dokumenttyp: Riskanalys · "
                                              "Försenade · Anmärkning av graden Allvarlig · Sökning: ”larm”");
}

TEST_CASE("the register's sort: every column both ways, stable, Swedish order, blanks last") {
    Sample s;
    using C = RegisterColumn;
    CHECK(s.shown({}, {C::source, false}) == V{p1, p2, p3, a1, a2, a3, a4});
    CHECK(s.shown({}, {C::source, true}) == V{a4, a3, a2, a1, p3, p2, p1});
    // å, ä, ö after z and in that order; the blank one last both ways.
    CHECK(s.shown({}, {C::what, false}) == V{p2, a1, a2, p1, a4, a3, p3});
    CHECK(s.shown({}, {C::what, true}) == V{a3, a4, p1, a2, a1, p2, p3});
    // One name in two spellings sorts as one; equal ones keep the document order both ways.
    CHECK(s.shown({}, {C::responsible, false}) == V{a1, a3, p1, a2, p2, p3, a4});
    CHECK(s.shown({}, {C::responsible, true}) == V{p3, a2, p2, p1, a1, a3, a4});
    CHECK(s.shown({}, {C::due, false}) == V{p2, p1, a1, a2, a3, a4, p3});
    CHECK(s.shown({}, {C::due, true}) == V{a4, a3, a2, a1, p1, p2, p3});
    CHECK(s.shown({}, {C::follow_up, false}) == V{p2, a1, a2, a3, a4, p1, p3});
    CHECK(s.shown({}, {C::status, false}) == V{a4, a2, a3, a1, p1, p2, p3});
    CHECK(s.shown({}, {C::status, true}) == V{p3, p2, p1, a1, a2, a3, a4});
    CHECK(s.shown({}, {C::verdict, true}) == V{p2, a1, a2, a3, a4, p1, p3});
    CHECK(s.shown({}, {C::flags, true}) == V{a1, a4, p1, a2, a3, p2, p3});
    // Filter and sort together.
    RegisterFilter f;
    f.kind = DocKind::riskanalys;
    CHECK(s.shown(f, {C::due, true}) == V{a4, a3, a2, a1});
}

TEST_CASE("the register is rebuilt only when the facts, the day, the filter or the sort change") {
    Sample s;
    RegisterFilter f;
    f.kind = DocKind::riskanalys;
    CHECK(s.reg.update(s.facts, s.ws, s.today, f, {}));
    const RegisterRow* first = s.reg.shown().front();
    for (int i = 0; i < 3; ++i) CHECK_FALSE(s.reg.update(s.facts, s.ws, s.today, f, {}));
    CHECK(s.reg.shown().front() == first);
    f.kind = DocKind::atgardsplan;
    CHECK(s.reg.update(s.facts, s.ws, s.today, f, {}));
    CHECK(s.reg.shown().size() == 3);
    CHECK(s.reg.update(s.facts, s.ws, s.today, f, {RegisterColumn::due, true}));
    CHECK_FALSE(s.reg.update(s.facts, s.ws, s.today, f, {RegisterColumn::due, true}));

    // An edit wherever the action lives shows at once.
    const ActionRef ref = s.row(a3).fact->ref;
    REQUIRE(
        edit_action(s.ws, ref, kvh::test::step("status"), [](Action& x) { x.status = ActionStatus::pagar; }));
    RegisterFilter pagar;
    pagar.statuses = {ActionStatus::pagar};
    CHECK(s.shown(pagar) == V{a1, a3});
    CHECK_FALSE(s.reg.update(s.facts, s.ws, s.today, pagar, {}));
    // A new day: what was due today is overdue tomorrow.
    s.today = "2026-12-03";
    s.facts.refresh();
    RegisterFilter overdue;
    overdue.flag = RegisterFlag::overdue;
    CHECK(s.shown(overdue) == V{a1, a2});
    // A removed document takes its rows with it.
    REQUIRE(s.ws.remove(s.plan));
    CHECK(s.shown({}) == V{a1, a2, a3, a4});
}

TEST_CASE("the register's CSV: the filtered rows only, byte for byte") {
    Sample s;
    RegisterFilter f;
    f.statuses = {ActionStatus::uppfoljd, ActionStatus::pagar};
    s.reg.update(s.facts, s.ws, s.today, f, {});
    const std::string csv = register_csv(s.reg.shown(), s.facts.settings(), Lang::sv);
    CHECK(csv ==
          "\xEF\xBB\xBF"
          "Dokument;Dokumenttyp;Enhet;År;Plats i dokumentet;Åtgärd;Orsak som åtgärden riktar sig mot;Nivå;"
          "Typ av åtgärd;Ansvarig;Klart senast;Status;Varför avbruten;Genomförd (datum);Uppföljningsdatum;"
          "Effekt;Vad uppföljningen visade;Att åtgärda\r\n"
          "Plan efter lex Sarah;Åtgärdsplan;Björken;2025;Åtgärd 2;arbeta om rutinen;x;;;Bo Ek;2026-02-01;"
          "Uppföljd;;2026-02-01;2026-05-01;Ja, önskad effekt uppnådd;\"Fungerar; följs upp igen\";\r\n"
          "Riskanalys Tallen;Riskanalys;Tallen;2026;Risk 1, åtgärd 1;Rutin för läkemedel;Signering saknas;;;"
          "Anna Berg;2026-12-01;Pågår;;;;;;Försenad\r\n");
    // In English, in the order shown.
    s.reg.update(s.facts, s.ws, s.today, f, {RegisterColumn::due, true});
    const std::string en = register_csv(s.reg.shown(), s.facts.settings(), Lang::en);
    CHECK(en.find("Document;Kind of document;Unit;Year;") == 3);
    CHECK(en.find("Risk 1, action 1") < en.find("Action 2"));
    CHECK(en.find(";Overdue\r\n") != std::string::npos);
    // Nothing shown: the header alone.
    f.search = "ingenting";
    s.reg.update(s.facts, s.ws, s.today, f, {});
    const std::string header = register_csv(s.reg.shown(), {}, Lang::sv);
    CHECK(std::count(header.begin(), header.end(), '\n') == 1);
}

TEST_CASE("the register's printout and calendar file: the filtered rows only") {
    Sample s;
    RegisterFilter f;
    f.kind = DocKind::riskanalys;
    f.search = "schemat";
    s.reg.update(s.facts, s.ws, s.today, f, {});
    const std::string html = register_html(s.reg.shown(), f, s.facts.settings(), s.today, Lang::sv);
    CHECK(html.find("<h1>Åtgärder</h1>") != std::string::npos);
    CHECK(html.find("Dokumenttyp: Riskanalys · Sökning: ”schemat”") != std::string::npos);
    CHECK(html.find("1 åtgärder") != std::string::npos);
    CHECK(html.find("2026-12-02") != std::string::npos);
    CHECK(html.find("Ändra schemat &lt;snart&gt;") != std::string::npos);
    CHECK(html.find("Risk 2, åtgärd 2") != std::string::npos);
    CHECK(html.find("Ansvarig saknas") != std::string::npos);
    CHECK(html.find("Rutin för läkemedel") == std::string::npos);
    f.search = "ingenting";
    s.reg.update(s.facts, s.ws, s.today, f, {});
    CHECK(register_html(s.reg.shown(), f, {}, s.today, Lang::sv).find("Inga åtgärder i urvalet.") !=
          std::string::npos);

    f = {};
    f.kind = DocKind::atgardsplan;
    s.reg.update(s.facts, s.ws, s.today, f, {});
    const std::string ics = register_ics(s.reg.shown(), s.ws, "2026-12-02T08:00:00Z", Lang::sv);
    CHECK(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    CHECK(ics.find("X-WR-CALNAME:Åtgärder (Kvalitetshjul)") != std::string::npos);
    CHECK(ics.find(s.row(p1).action().id + "-klart@kvalitetshjul") != std::string::npos);
    CHECK(ics.find(s.row(p2).action().id + "-uppfoljning@kvalitetshjul") != std::string::npos);
    CHECK(ics.find(s.row(a1).action().id) == std::string::npos);
    // p1 and p2 have a due date, p2 a follow-up date; p3 none.
    std::size_t events = 0;
    for (std::size_t at = 0; (at = ics.find("BEGIN:VEVENT", at)) != std::string::npos; ++at) ++events;
    CHECK(events == 3);
}
