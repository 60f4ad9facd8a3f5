// The rules: each one on an action, a risk and a unit, at the edges of the calendar (today, the end of
// a month and of a year, a leap day), acknowledged findings kept in sight, the table's keys and texts,
// and the findings the facts index gathers across a workspace (the seeds' 19 of 75).
#include "core/arlig_genomgang/annual_review.hpp"
#include "core/atgarder/action_plan.hpp"
#include "core/facts.hpp"
#include "core/rules.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace kvh::core;

namespace {

constexpr const char* kId = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";

// An action with nothing missing, beslutad, due on `due`.
Action sound(const std::string& due = "2026-05-10") {
    Action a;
    a.id = kId;
    a.what = "Rutin för överlämning";
    a.why = "Överlämningen var muntlig";
    a.level = ActionLevel::verksamhet;
    a.type = ActionType::rutin_process;
    a.responsible = "Enhetschef";
    a.due = due;
    a.status = ActionStatus::beslutad;
    return a;
}

std::vector<Rule> rules(const Action& a, std::string_view today, RuleSettings s = {}) {
    return rules_of(action_rules(a, today, s));
}

// Genomförd on `done`, not followed up.
Action done_on(const std::string& done) {
    Action a = sound(done);
    a.status = ActionStatus::genomford;
    a.done_date = done;
    return a;
}

} // namespace

TEST_CASE("the table: stable keys, one entry per rule, severities and messages") {
    std::set<std::string_view> keys;
    for (Rule r : all_rules) {
        const RuleSpec& spec = rule_spec(r);
        CHECK(spec.rule == r);
        CHECK(keys.insert(spec.key).second);
        CHECK(rule_from_key(spec.key) == r);
        CHECK_FALSE(rule_text(r, {}, Lang::sv, "Tallen").empty());
        CHECK_FALSE(rule_text(r, {}, Lang::en, "Tallen").empty());
    }
    CHECK_FALSE(rule_from_key("atgard_okand").has_value());
    CHECK(rule_spec(Rule::action_overdue).key == "atgard_forsenad");
    CHECK(rule_spec(Rule::action_not_followed_up).key == "atgard_ej_uppfoljd");
    CHECK(rule_spec(Rule::action_overdue).severity == Severity::allvarlig);
    CHECK(rule_spec(Rule::action_individual_level).severity == Severity::tips);
    CHECK(rule_spec(Rule::risk_red_without_action).target == RuleTarget::risk);
    CHECK(rule_spec(Rule::unit_no_risk_analysis).target == RuleTarget::unit);
    CHECK(rule_text(Rule::action_not_followed_up, {30}, Lang::sv) ==
          "Genomförd men inte uppföljd inom 30 dagar");
    CHECK(rule_text(Rule::action_not_followed_up, {}, Lang::en) ==
          "Carried out but not followed up within 90 days");
    CHECK(rule_text(Rule::unit_no_risk_analysis, {}, Lang::sv, "Hemtjänst Norra") ==
          "Ingen riskanalys för Hemtjänst Norra i år");
    CHECK(rule_text(Rule::action_overdue, {}, Lang::sv) == "Försenad");
    CHECK(rule_text(Rule::action_followed_up_same_day, {}, Lang::sv) ==
          "Uppföljd samma dag som den genomfördes");
    CHECK(std::string(tr(severity_name(Severity::allvarlig), Lang::sv)) == "Allvarlig");
}

TEST_CASE("a sound action has no findings; what the seeds show going wrong has") {
    const std::string today = "2026-05-10";
    CHECK(action_rules(sound(), today, {}).empty());

    Action a = sound();
    a.responsible = "  \n";
    a.due = "";
    CHECK(rules(a, today) == std::vector{Rule::action_no_responsible, Rule::action_no_due_date});
    // A cancelled action asks for nothing more; a followed-up one for no one to do it by a date.
    a.status = ActionStatus::avbruten;
    a.cancel_reason = "Ersatt";
    CHECK(rules(a, today).empty());
    a.status = ActionStatus::uppfoljd;
    a.verdict = Verdict::ja;
    CHECK(rules(a, today).empty());
}

TEST_CASE("overdue: due today is not late yet; the day after, at the end of a month, a year, a leap day") {
    const std::pair<const char*, const char*> edges[] = {
        {"2026-01-31", "2026-02-01"}, // month end
        {"2026-12-31", "2027-01-01"}, // year end
        {"2028-02-29", "2028-03-01"}, // leap day
        {"2026-02-28", "2026-03-01"}, // no leap day
    };
    for (const auto& [due, next] : edges) {
        INFO(due);
        CHECK(rules(sound(due), due).empty());
        CHECK(rules(sound(due), next) == std::vector{Rule::action_overdue});
    }
    Action a = sound("2026-05-09");
    for (ActionStatus s : {ActionStatus::foreslagen, ActionStatus::beslutad, ActionStatus::pagar}) {
        a.status = s;
        CHECK(rules(a, "2026-05-10") == std::vector{Rule::action_overdue});
    }
    a.status = ActionStatus::genomford; // done: late no longer, but owed a follow-up later
    a.done_date = "2026-05-09";
    CHECK(rules(a, "2026-05-10").empty());
    a.status = ActionStatus::avbruten;
    a.cancel_reason = "Ersatt";
    CHECK(rules(a, "2026-05-10").empty());
}

TEST_CASE("not followed up within N days: counted from the day it was done, the N-th day still in time") {
    // 90 days after 2026-01-01 is 2026-04-01; the finding comes on 2026-04-02.
    CHECK(rules(done_on("2026-01-01"), "2026-04-01").empty());
    CHECK(rules(done_on("2026-01-01"), "2026-04-02") == std::vector{Rule::action_not_followed_up});
    // Across a year end and a leap day (2028-02-29 lies between).
    CHECK(rules(done_on("2027-12-01"), "2028-02-29").empty()); // day 90
    CHECK(rules(done_on("2027-12-01"), "2028-03-01") == std::vector{Rule::action_not_followed_up});
    // Done on a month end and a leap day.
    CHECK(rules(done_on("2028-02-29"), "2028-05-29").empty()); // day 90
    CHECK(rules(done_on("2028-02-29"), "2028-05-30") == std::vector{Rule::action_not_followed_up});
    // The setting: 0 days is "the day after", 365 a year.
    CHECK(rules(done_on("2026-12-31"), "2026-12-31", {0}).empty());
    CHECK(rules(done_on("2026-12-31"), "2027-01-01", {0}) == std::vector{Rule::action_not_followed_up});
    CHECK(rules(done_on("2026-01-01"), "2027-01-01", {365}).empty());
    CHECK(rules(done_on("2026-01-01"), "2027-01-02", {365}) == std::vector{Rule::action_not_followed_up});
    // Without a done date, from the due date; without either, nothing says it is recent.
    Action a = done_on("2026-01-01");
    a.done_date = "";
    CHECK(rules(a, "2026-04-01").empty());
    CHECK(rules(a, "2026-04-02") == std::vector{Rule::action_not_followed_up});
    a.due = "";
    CHECK(rules(a, "2026-01-02") == std::vector{Rule::action_no_due_date, Rule::action_not_followed_up});
    // A verdict closes it.
    Action closed = done_on("2026-01-01");
    closed.status = ActionStatus::uppfoljd;
    closed.verdict = Verdict::nej;
    closed.follow_up_date = "2026-03-01";
    CHECK(rules(closed, "2027-01-01").empty());
}

TEST_CASE("followed up on the day it was done") {
    Action a = done_on("2026-12-31");
    a.status = ActionStatus::uppfoljd;
    a.verdict = Verdict::ja;
    a.follow_up_date = "2026-12-31";
    CHECK(rules(a, "2027-01-01") == std::vector{Rule::action_followed_up_same_day});
    a.follow_up_date = "2027-01-01";
    CHECK(rules(a, "2027-01-01").empty());
    a.done_date = a.follow_up_date = "";
    CHECK(rules(a, "2027-01-01").empty()); // no dates: nothing to compare
}

TEST_CASE("a weak action (information, a reminder) without a cause; a decided one without a cause") {
    const std::string today = "2026-05-10";
    Action a = sound();
    a.why = "";
    CHECK(rules(a, today) == std::vector{Rule::action_decided_without_cause}); // planerad in format 2
    a.status = ActionStatus::foreslagen;
    CHECK(rules(a, today).empty()); // a proposal may lack it
    a.type = ActionType::information_kommunikation;
    CHECK(rules(a, today) == std::vector{Rule::action_weak_without_cause});
    a.status = ActionStatus::pagar; // one finding for one missing cause
    CHECK(rules(a, today) == std::vector{Rule::action_weak_without_cause});
    a.why = "Personalen kände inte till rutinen";
    CHECK(rules(a, today).empty());
    // The words of a reminder count whatever the kind says, in any case.
    for (const char* what :
         {"Påminna personalen om rutinen", "INFORMERA på APT", "Info på APT", "påminnelse"}) {
        INFO(what);
        Action w = sound();
        w.what = what;
        w.why = "";
        CHECK(rules(w, today) == std::vector{Rule::action_weak_without_cause});
    }
    a.status = ActionStatus::avbruten;
    a.cancel_reason = "Ersatt";
    a.why = "";
    CHECK(rules(a, today).empty());
}

TEST_CASE("an action aimed at one person is a hint") {
    Action a = sound();
    a.level = ActionLevel::individ;
    CHECK(rules(a, "2026-05-10") == std::vector{Rule::action_individual_level});
    CHECK(rule_spec(Rule::action_individual_level).severity == Severity::tips);
}

TEST_CASE("an acknowledged finding is kept, with its acknowledgement, and only that rule's") {
    Action a = sound("2026-05-09");
    a.responsible = "";
    a.acknowledged = {{"atgard_forsenad", "Väntar på IVO:s beslut", "SAS", "2026-05-10"},
                      {"en_regel_fran_en_nyare_version", "Okänd", "", ""}};
    const std::vector<RuleHit> hits = action_rules(a, "2026-05-10", {});
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].rule == Rule::action_no_responsible);
    CHECK(hits[0].open());
    CHECK(hits[1].rule == Rule::action_overdue);
    REQUIRE_FALSE(hits[1].open());
    CHECK(hits[1].ack == &a.acknowledged[0]);
    CHECK(hits[1].ack->reason == "Väntar på IVO:s beslut");
    // An acknowledgement of a rule that does not apply acknowledges nothing, and is kept.
    CHECK(rules(sound(), "2026-05-10").empty());
}

TEST_CASE("risk rules: the highest consequence and the red band, with their acknowledgements") {
    RiskAnalysis a;
    Risk r;
    r.id = kId;
    r.s = 1;
    r.k = 4; // katastrofal, value 4
    CHECK(rules_of(risk_rules(a, r)) == std::vector{Rule::risk_katastrofal_without_action});
    r.s = 4; // 16: red too
    CHECK(rules_of(risk_rules(a, r)) ==
          std::vector{Rule::risk_katastrofal_without_action, Rule::risk_red_without_action});
    r.decision = RiskDecision::acceptera;
    r.decision_reason = "Bedömd som acceptabel av nämnden";
    CHECK(rules_of(risk_rules(a, r)) == std::vector{Rule::risk_red_without_action});
    r.acknowledged = {{"risk_rod_utan_atgard", "Åtgärdas i förvaltningens plan", "", ""}};
    const auto hits = risk_rules(a, r);
    REQUIRE(hits.size() == 1);
    CHECK_FALSE(hits[0].open());
    Action x = sound();
    r.actions.push_back(x);
    CHECK(risk_rules(a, r).empty());
    r.s = 3;
    r.k = 3; // 9: orange, not katastrofal
    r.actions.clear();
    CHECK(risk_rules(a, r).empty());
}

TEST_CASE("units without a risk analysis this year") {
    Workspace ws(kvh::test::fixed_env());
    ws.create(DocKind::riskanalys, "Riskanalys", "Tallen", 2026);
    ws.create(DocKind::riskanalys, "Förra årets", "Björken", 2025);
    ws.create(DocKind::atgardsplan, "Plan", "Eken", 2026);
    ws.create(DocKind::atgardsplan, "Plan utan enhet", "  ", 2026);
    CHECK(units_without_risk_analysis(ws.documents(), 2026) == std::vector<std::string>{"Björken", "Eken"});
    CHECK(units_without_risk_analysis(ws.documents(), 2025) == std::vector<std::string>{"Eken", "Tallen"});
    CHECK(units_without_risk_analysis({}, 2026).empty());
}

TEST_CASE("the facts index: 75 actions of which 19 were never followed up report exactly 19") {
    // The seeds' figure (S3): 75 actions after 35 lex Sarah reports, 19 without documented follow-up.
    Workspace ws(kvh::test::fixed_env());
    std::string today = "2026-12-31";
    FactsIndex facts(ws, [&] { return today; });
    kvh::test::add_lex_sarah_actions(ws);
    const auto count = [&](Rule rule, bool open_only) {
        return std::count_if(facts.findings().begin(), facts.findings().end(),
                             [&](const Finding& f) { return f.rule == rule && (!open_only || f.open()); });
    };
    CHECK(facts.actions().size() == 75);
    CHECK(count(Rule::action_not_followed_up, false) == 19);
    CHECK(facts.open_findings(Severity::allvarlig) == 19);
    CHECK(facts.open_findings(Severity::varning) == 0);
    CHECK(facts.open_findings(Severity::tips) == 0);
    for (const Finding& f : facts.findings()) {
        CHECK(f.unit == "IFO");
        CHECK_FALSE(f.where.action.empty());
    }

    // A day earlier, the four of September are not late yet.
    today = "2026-11-30";
    facts.refresh();
    CHECK(count(Rule::action_not_followed_up, false) == 15);

    // One acknowledged: still there, no longer open.
    today = "2026-12-31";
    facts.refresh();
    const Finding first = facts.findings().front();
    REQUIRE(edit_action(ws, first.where, kvh::test::step("kvittera"), [](Action& x) {
        x.acknowledged.push_back({"atgard_ej_uppfoljd", "Följs upp i årlig genomgång", "SAS", "2026-12-31"});
    }));
    CHECK(count(Rule::action_not_followed_up, false) == 19);
    CHECK(count(Rule::action_not_followed_up, true) == 18);
    CHECK(facts.open_findings(Severity::allvarlig) == 18);
    CHECK(facts.findings().front().ack->reason == "Följs upp i årlig genomgång");

    // A shorter setting: everything done before 2026-12-01 that is not followed up.
    facts.set_settings({30});
    CHECK(count(Rule::action_not_followed_up, false) == 19);
    facts.set_settings({200});
    CHECK(count(Rule::action_not_followed_up, false) ==
          8); // the 15 in the plan done on 2026-02-28: 8 of them
}

TEST_CASE("the facts index: risk findings point at the risk, unit findings at the unit") {
    Workspace ws(kvh::test::fixed_env());
    FactsIndex facts(ws, [] { return std::string("2027-01-01"); });
    const std::string a = ws.create(DocKind::riskanalys, "Riskanalys", "Tallen", 2026);
    std::string risk_id;
    REQUIRE(ws.edit(
        a, kvh::test::step("risk"),
        [&](Document& d) {
            kvh::test::change_analysis(d, [&](RiskAnalysis& x) {
                Risk r;
                r.id = risk_id = new_uuid_v4(ws.env());
                r.s = 4;
                r.k = 4;
                x.risks.push_back(r);
            });
        },
        false));
    // 2027: Tallen's analysis is of 2026.
    const auto& f = facts.findings();
    REQUIRE(f.size() == 4);
    CHECK(f[0].rule == Rule::risk_katastrofal_without_action);
    CHECK(f[0].where == ActionRef{a, risk_id, ""});
    CHECK(f[1].rule == Rule::risk_red_without_action);
    CHECK(f[2].rule == Rule::unit_no_risk_analysis);
    CHECK(f[2].unit == "Tallen");
    CHECK(f[2].where == ActionRef{});
    CHECK(f[3].rule == Rule::unit_no_annual_review); // and no review of the year it worked in
    CHECK(f[3].unit == "Tallen");
    CHECK(facts.open_findings(Severity::allvarlig) == 2);
    CHECK(facts.open_findings(Severity::varning) == 2);
}

TEST_CASE("acknowledging a finding keeps it in the item it points to, as one undo step; a unit's cannot be") {
    Workspace ws(kvh::test::fixed_env());
    FactsIndex facts(ws, [] { return std::string("2026-06-01"); });
    const std::string a = ws.create(DocKind::riskanalys, "Riskanalys", "Tallen", 2026);
    REQUIRE(ws.edit(
        a, kvh::test::step("risk"),
        [&](Document& d) {
            kvh::test::change_analysis(d, [&](RiskAnalysis& x) {
                Risk r;
                r.id = new_uuid_v4(ws.env());
                r.s = 4;
                r.k = 3; // 12: red, not the highest consequence
                Action late = sound("2026-05-31");
                late.id = new_uuid_v4(ws.env());
                x.risks.push_back(r);
                Risk other;
                other.id = new_uuid_v4(ws.env());
                other.actions.push_back(late);
                x.risks.push_back(other);
            });
        },
        false));
    ws.create(DocKind::atgardsplan, "Plan", "Eken", 2025);
    REQUIRE(facts.findings().size() == 4); // the last: no årlig genomgång of 2025 for Eken
    const Finding red = facts.findings()[0], late = facts.findings()[1], unit = facts.findings()[2];
    CHECK(red.rule == Rule::risk_red_without_action);
    CHECK(late.rule == Rule::action_overdue);
    CHECK(unit.rule == Rule::unit_no_risk_analysis);
    CHECK(unit.unit == "Eken");

    const Acknowledgement why{"ignored: the finding's rule is used", "Åtgärdas i förvaltningens plan", "SAS",
                              "2026-06-01"};
    CHECK(acknowledge(ws, red, &why));
    CHECK(ws.undo_label() == "kvittering av en kontroll");
    const AnalysisPtr after = analysis_of(*ws.find(a));
    REQUIRE(after->risks[0].acknowledged.size() == 1);
    CHECK(after->risks[0].acknowledged[0].rule == "risk_rod_utan_atgard");
    CHECK(after->risks[0].acknowledged[0].reason == "Åtgärdas i förvaltningens plan");
    CHECK(after->risks[1].acknowledged.empty());
    CHECK_FALSE(facts.findings()[0].open());
    CHECK(facts.open_findings(Severity::allvarlig) == 1);

    CHECK(acknowledge(ws, late, &why));
    CHECK(after != analysis_of(*ws.find(a)));
    CHECK(analysis_of(*ws.find(a))->risks[1].actions[0].acknowledged.at(0).rule == "atgard_forsenad");
    CHECK(facts.open_findings(Severity::allvarlig) == 0);
    // Again: replaced, not added twice.
    Acknowledgement newer = why;
    newer.reason = "Ny tidplan beslutad";
    CHECK(acknowledge(ws, late, &newer));
    CHECK(analysis_of(*ws.find(a))->risks[1].actions[0].acknowledged ==
          Acknowledgements{{"atgard_forsenad", "Ny tidplan beslutad", "SAS", "2026-06-01"}});
    // A blank reason is refused at its field.
    Acknowledgement blank = why;
    blank.reason = " ";
    CHECK_FALSE(acknowledge(ws, late, &blank));
    CHECK(ws.refusal().at(0).path == "body.risker[1].atgarder[0].kvitterade[0].motivering");
    // Withdrawn: open again, in sight as before.
    CHECK(acknowledge(ws, late, nullptr));
    CHECK(ws.undo_label() == "återtagen kvittering");
    CHECK(facts.findings()[1].open());
    CHECK(ws.undo());
    CHECK_FALSE(facts.findings()[1].open());
    // A unit's finding has no document to be kept in.
    CHECK_FALSE(acknowledge(ws, unit, &why));
}

TEST_CASE("a unit that worked last year with no årlig genomgång of last year is found, by scope") {
    Workspace ws(kvh::test::fixed_env());
    ws.create(DocKind::riskanalys, "R", "Tallen", 2025);
    ws.create(DocKind::egenkontrollplan, "P", "Eken", 2025);
    ws.create(DocKind::riskanalys, "R", "Björken", 2026); // new this year: nothing to review yet
    CHECK(units_without_annual_review(ws.documents(), 2026) == std::vector<std::string>{"Eken", "Tallen"});
    auto set_scope = [&](const std::string& id, ReviewScope scope) {
        REQUIRE(ws.edit(id, kvh::test::step("scope"), [&](Document& d) {
            auto v = std::make_shared<AnnualReview>(*annual_review_of(d));
            v->scope = scope;
            d.body = v;
        }));
    };
    // A review of a unit's own scope covers only that unit; one of the nämnd (the default) them all.
    const std::string own = ws.create(DocKind::arlig_genomgang, "G", "Tallen", 2025);
    set_scope(own, ReviewScope::enhet);
    CHECK(units_without_annual_review(ws.documents(), 2026) == std::vector<std::string>{"Eken"});
    CHECK(units_without_annual_review(ws.documents(), 2027) == std::vector<std::string>{"Björken"});
    const std::string namnd = ws.create(DocKind::arlig_genomgang, "G", "Socialnämnden", 2025);
    CHECK(units_without_annual_review(ws.documents(), 2026).empty());
    set_scope(namnd, ReviewScope::enhet);
    CHECK(units_without_annual_review(ws.documents(), 2026) == std::vector<std::string>{"Eken"});
    CHECK(rule_spec(Rule::unit_no_annual_review).target == RuleTarget::unit);
    CHECK(rule_text(Rule::unit_no_annual_review, {}, Lang::sv, "Eken") ==
          "Ingen årlig genomgång av ledningssystemet för Eken förra året");
    CHECK(rule_from_key("enhet_utan_arlig_genomgang") == Rule::unit_no_annual_review);
}
