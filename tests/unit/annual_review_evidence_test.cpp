// The årlig genomgång's evidence on a crafted workspace: counts with the ids behind them, the year's
// boundaries (a document of last year or next year counts for neither), and the scope (one unit or all).
#include "core/arlig_genomgang/annual_review_evidence.hpp"
#include "core/atgarder/action_plan.hpp"
#include "core/egenkontroll/egenkontroll_plan.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using kvh::test::step;

namespace {

constexpr const char* kToday = "2026-10-15";

struct Crafted {
    Workspace ws{kvh::test::fixed_env()};
    FactsIndex facts{ws, [] { return std::string(kToday); }};
    std::string plan, march_run, red_analysis, empty_analysis, last_year_analysis, actions, eken_plan;
    std::vector<std::string> action_ids;

    std::string new_id() { return new_uuid_v4(ws.env()); }

    std::string plan_with(const std::string& unit, int year, MonthSet months) {
        const std::string id = ws.create(DocKind::egenkontrollplan, "Plan", unit, year);
        REQUIRE(ws.edit(id, step("k"), [&](Document& d) {
            auto p = std::make_shared<EgenkontrollPlan>();
            PlannedCheck c;
            c.id = new_id();
            c.months = months;
            c.questions.push_back({new_id(), "Finns en aktuell genomförandeplan?"});
            p->checks.push_back(c);
            d.body = p;
        }));
        return id;
    }

    std::string run_of(const std::string& plan_id, const std::string& unit, int year, std::string done,
                       int no) {
        const std::string id = ws.create(DocKind::egenkontroll, "Granskning", unit, year);
        REQUIRE(ws.edit(id, step("r"), [&](Document& d) {
            const EgenkontrollPlan& p = *egenkontroll_plan_of(*ws.find(plan_id));
            auto r = std::make_shared<EgenkontrollRun>(run_of_check(plan_id, p.checks[0]));
            for (int k = 0; k < 20; ++k) {
                Sample s;
                s.id = new_id();
                set_answer(s, r->questions[0].id, k < no ? Answer::nej : Answer::ja);
                r->samples.push_back(s);
            }
            r->analysis = "Informationsmiss mellan personal.";
            r->period_to = done;
            r->done_date = done;
            d.body = r;
        }));
        return id;
    }

    std::string analysis(const std::string& unit, int year, bool red) {
        const std::string id = ws.create(DocKind::riskanalys, "Riskanalys", unit, year);
        if (red)
            REQUIRE(ws.edit(id, step("risk"), [&](Document& d) {
                kvh::test::change_analysis(d, [&](RiskAnalysis& a) {
                    Risk r;
                    r.id = new_id();
                    r.s = 4;
                    r.k = 3;
                    a.risks.push_back(r);
                });
            }));
        return id;
    }

    Action action(ActionStatus status, std::string done, std::string follow_up, std::string due) {
        Action a;
        a.id = new_id();
        a.what = "Se över rutinen";
        a.why = "Genomförandeplaner upprättades sent";
        a.responsible = "Enhetschef";
        a.status = status;
        a.due = std::move(due);
        a.done_date = std::move(done);
        a.follow_up_date = std::move(follow_up);
        if (status == ActionStatus::uppfoljd) a.verdict = Verdict::ja;
        action_ids.push_back(a.id);
        return a;
    }

    Crafted() {
        // Kompassen 2026: a check in March and September; March done with 19 of 20, September overdue.
        plan = plan_with("Kompassen", 2026, month_bit(3) | month_bit(9));
        march_run = run_of(plan, "Kompassen", 2026, "2026-03-31", 1);
        // Last year's plan and run, and next year's plan: outside 2026.
        const std::string old_plan = plan_with("Kompassen", 2025, month_bit(12));
        run_of(old_plan, "Kompassen", 2025, "2025-12-31", 5);
        plan_with("Kompassen", 2027, month_bit(1));
        // Eken 2026: a check in December, not yet due.
        eken_plan = plan_with("Eken", 2026, month_bit(12));
        red_analysis = analysis("Kompassen", 2026, true);
        empty_analysis = analysis("Kompassen", 2026, false);
        last_year_analysis = analysis("Kompassen", 2025, true);
        analysis("Eken", 2026, true);
        actions = ws.create(DocKind::atgardsplan, "Åtgärder efter lex Sarah", "Kompassen", 2026);
        REQUIRE(ws.edit(actions, step("a"), [&](Document& d) {
            auto p = std::make_shared<ActionPlan>();
            p->actions.push_back(action(ActionStatus::uppfoljd, "2026-04-01", "2026-04-01", "2026-04-01"));
            p->actions.push_back(action(ActionStatus::uppfoljd, "2026-04-01", "2026-08-01", "2026-04-01"));
            p->actions.push_back(action(ActionStatus::genomford, "2026-09-01", "2026-12-01", "2026-09-01"));
            p->actions.push_back(action(ActionStatus::beslutad, "", "", "2026-05-01"));
            p->actions.push_back(action(ActionStatus::pagar, "", "", "2026-11-30"));
            d.body = p;
        }));
        const std::string old_actions = ws.create(DocKind::atgardsplan, "Förra året", "Kompassen", 2025);
        REQUIRE(ws.edit(old_actions, step("a"), [&](Document& d) {
            auto p = std::make_shared<ActionPlan>();
            p->actions.push_back(action(ActionStatus::beslutad, "", "", "2025-05-01"));
            d.body = p;
        }));
        facts.refresh();
    }
};

std::vector<std::string> action_ids_of(const std::vector<ActionRef>& refs) {
    std::vector<std::string> out;
    for (const ActionRef& r : refs) out.push_back(r.action);
    return out;
}

} // namespace

TEST_CASE("evidence for one unit and year: every count with the ids behind it") {
    Crafted c;
    const ReviewEvidence e = review_evidence(c.ws, c.facts, 2026, "Kompassen", kToday);
    CHECK(e.risk_analyses == std::vector<std::string>{c.red_analysis, c.empty_analysis});
    CHECK(e.analyses_high_handled == std::vector<std::string>{c.empty_analysis});

    REQUIRE(e.checks_planned.size() == 2);
    CHECK(e.checks_planned[0].plan == c.plan);
    CHECK(e.checks_planned[0].month == 3);
    REQUIRE(e.checks_done.size() == 1);
    CHECK(e.checks_done[0].month == 3);
    REQUIRE(e.checks_overdue.size() == 1);
    CHECK(e.checks_overdue[0].month == 9);
    CHECK(e.runs == std::vector<std::string>{c.march_run});
    CHECK(e.compliance.yes == 19);
    CHECK(e.compliance.denominator() == 20);
    CHECK(compliance_text(e.compliance, Lang::sv) == "19 av 20 = 95 %");

    const auto& ids = c.action_ids;
    CHECK(action_ids_of(e.actions) == std::vector<std::string>{ids[0], ids[1], ids[2], ids[3], ids[4]});
    CHECK(action_ids_of(e.actions_done) == std::vector<std::string>{ids[0], ids[1], ids[2]});
    CHECK(action_ids_of(e.actions_followed_up) == std::vector<std::string>{ids[0], ids[1]});
    CHECK(action_ids_of(e.actions_without_follow_up) == std::vector<std::string>{ids[2]});
    CHECK(action_ids_of(e.actions_followed_up_same_day) == std::vector<std::string>{ids[0]});
    CHECK(action_ids_of(e.actions_overdue) == std::vector<std::string>{ids[3]});
    CHECK(e.actions[0].doc == c.actions);
}

TEST_CASE("evidence keeps to the year: last year's and next year's documents count for neither") {
    Crafted c;
    const ReviewEvidence last = review_evidence(c.ws, c.facts, 2025, "Kompassen", kToday);
    CHECK(last.risk_analyses == std::vector<std::string>{c.last_year_analysis});
    CHECK(last.analyses_high_handled.empty());
    CHECK(last.checks_planned.size() == 1);
    CHECK(last.checks_done.size() == 1);
    CHECK(last.compliance.yes == 15);
    CHECK(action_ids_of(last.actions) == std::vector<std::string>{c.action_ids[5]});
    CHECK(action_ids_of(last.actions_overdue) == std::vector<std::string>{c.action_ids[5]});
    const ReviewEvidence next = review_evidence(c.ws, c.facts, 2027, "Kompassen", kToday);
    CHECK(next.checks_planned.size() == 1);
    CHECK(next.checks_overdue.empty()); // January 2027 has not come
    CHECK(next.actions.empty());
    CHECK(next.runs.empty());
}

TEST_CASE("evidence for every unit adds the other units; another unit alone sees only its own") {
    Crafted c;
    const ReviewEvidence all = review_evidence(c.ws, c.facts, 2026, "", kToday);
    CHECK(all.risk_analyses.size() == 3);
    CHECK(all.checks_planned.size() == 3);
    CHECK(all.checks_overdue.size() == 1);
    CHECK(all.actions.size() == 5);
    const ReviewEvidence eken = review_evidence(c.ws, c.facts, 2026, "Eken", kToday);
    CHECK(eken.risk_analyses.size() == 1);
    CHECK(eken.analyses_high_handled.empty());
    REQUIRE(eken.checks_planned.size() == 1);
    CHECK(eken.checks_planned[0] == CheckMonth{c.eken_plan, eken.checks_planned[0].check, 12});
    CHECK(eken.checks_overdue.empty());
    CHECK(eken.actions.empty());
    CHECK(review_evidence(c.ws, c.facts, 2026, "Okänd", kToday).risk_analyses.empty());
}

TEST_CASE("each section shows the evidence that supports its requirements, and only that") {
    using G = EvidenceGroup;
    CHECK(evidence_groups(ReportSection::riskanalys) == std::vector<G>{G::risk_analyses});
    CHECK(evidence_groups(ReportSection::egenkontroll) == std::vector<G>{G::egenkontroller});
    CHECK(evidence_groups(ReportSection::resultat) == std::vector<G>{G::actions});
    CHECK(evidence_groups(ReportSection::avvikelser) == std::vector<G>{G::actions});
    CHECK(evidence_groups(ReportSection::ansvar) ==
          std::vector<G>{G::risk_analyses, G::egenkontroller, G::actions});
    CHECK(evidence_groups(ReportSection::fokus).size() == 3);
    CHECK(evidence_groups(ReportSection::samverkan).empty());
    CHECK(evidence_groups(ReportSection::individ).empty());
}
