// The årshjul's facts: each planned month's state from the runs, overdue at month boundaries and at
// year end, "this month" and "overdue" lists, and the finding it gives in the facts index (with its
// acknowledgement kept in the planned check).
#include "core/egenkontroll/year_wheel.hpp"
#include "core/facts.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;
using namespace kvh::core;

namespace {

using States = std::vector<MonthState>;
constexpr MonthState N = MonthState::none, P = MonthState::planned, D = MonthState::done,
                     O = MonthState::overdue, X = MonthState::done_with_deviations;

States states(const CheckYear& c) {
    return States(c.months.begin(), c.months.end());
}

struct Fixture {
    Workspace ws{kvh::test::fixed_env()};
    std::string plan;
    std::vector<std::string> checks;

    // A plan for 2026 with: [0] March and September, [1] every quarter (3, 6, 9, 12), [2] December.
    Fixture() {
        plan = ws.create(DocKind::egenkontrollplan, "Egenkontrollplan 2026", "Kompassen", 2026);
        REQUIRE(ws.edit(
            plan, kvh::test::step("kontroller"),
            [&](Document& d) {
                auto p = std::make_shared<EgenkontrollPlan>();
                for (int i = 0; i < 3; ++i) {
                    PlannedCheck c;
                    c.id = new_uuid_v4(ws.env());
                    c.area = "Område " + std::to_string(i);
                    checks.push_back(c.id);
                    p->checks.push_back(c);
                }
                p->checks.edit(0).months = month_bit(3) | month_bit(9);
                p->checks.edit(1).frequency = Frequency::kvartal;
                p->checks.edit(2).months = month_bit(12);
                d.body = p;
            },
            false));
    }

    // A done run of check `i` with its period ending `period_to` (or none: marked done `done`), with
    // `no` answers nej of 20.
    std::string run(std::size_t i, std::string period_to, std::string done = "2026-12-31", int no = 0) {
        const std::string id = ws.create(DocKind::egenkontroll, "Granskning", "Kompassen", 2026);
        REQUIRE(ws.edit(
            id, kvh::test::step("körning"),
            [&](Document& d) {
                auto r = std::make_shared<EgenkontrollRun>(
                    run_of_check(plan, *find_check(*egenkontroll_plan_of(*ws.find(plan)), checks[i])));
                r->questions.push_back({new_uuid_v4(ws.env()), "Finns planen?"});
                for (int k = 0; k < 20; ++k) {
                    Sample s;
                    s.id = new_uuid_v4(ws.env());
                    set_answer(s, r->questions[0].id, k < no ? Answer::nej : Answer::ja);
                    r->samples.push_back(s);
                }
                if (no > 0) r->analysis = "Informationsmiss vid överlämning.";
                r->period_to = std::move(period_to);
                r->done_date = std::move(done);
                d.body = r;
            },
            false));
        return id;
    }

    YearWheel wheel(std::string_view today) { return year_wheel(*ws.find(plan), ws.documents(), today); }
};

} // namespace

TEST_CASE("a run counts for the first planned month from the end of its period, or the last one") {
    EgenkontrollRun r;
    r.period_to = "2026-04-30";
    const MonthSet planned = month_bit(4) | month_bit(12);
    CHECK(run_month(r, 2026, planned) == 4); // Kompassen: January–April, planned for April
    r.period_to = "2026-05-31";
    CHECK(run_month(r, 2026, planned) == 12);
    r.period_to = "2026-01-31";
    CHECK(run_month(r, 2026, month_bit(3) | month_bit(9)) == 3); // early: counts for March
    r.period_to = "2026-10-15";
    CHECK(run_month(r, 2026, month_bit(3) | month_bit(9)) == 9); // after the last: the last
    r.period_to = "2025-12-31";
    CHECK_FALSE(run_month(r, 2026, planned)); // another year
    r.period_to.clear();
    r.done_date = "2026-09-02";
    CHECK(run_month(r, 2026, month_bit(3) | month_bit(9)) == 9); // no period: when it was marked done
    CHECK_FALSE(run_month(r, 2026, 0));
    r.done_date.clear();
    CHECK_FALSE(run_month(r, 2026, planned));
}

TEST_CASE("each planned month's state: planned, done, overdue, done with deviations") {
    Fixture f;
    f.run(0, "2026-03-31");
    f.run(1, "2026-06-30", "2026-07-02", 1);
    const YearWheel w = f.wheel("2026-07-15");
    CHECK(w.year == 2026);
    CHECK(w.today_month == 7);
    REQUIRE(w.checks.size() == 3);
    CHECK(states(w.checks[0]) == States{N, N, D, N, N, N, N, N, P, N, N, N});
    CHECK(states(w.checks[1]) == States{N, N, O, N, N, X, N, N, P, N, N, P});
    CHECK(states(w.checks[2]) == States{N, N, N, N, N, N, N, N, N, N, N, P});
    CHECK(w.checks[1].deviations == 1);
    CHECK(w.checks[1].runs.size() == 1);
    CHECK(w.checks[1].any(MonthState::done_with_deviations));
    REQUIRE(w.overdue.size() == 1);
    CHECK(w.overdue[0] == YearWheel::Overdue{1, {3}});
    CHECK(w.this_month.empty()); // nothing planned for July
    CHECK(std::string(tr(month_state_name(MonthState::done_with_deviations), Lang::sv)) ==
          "Genomförd med avvikelser");
}

TEST_CASE("overdue from the first day after the month, at year end too; this month's list") {
    Fixture f;
    // On the last day of March, March is this month's, not overdue; on 1 April it is overdue.
    YearWheel w = f.wheel("2026-03-31");
    CHECK(w.overdue.empty());
    CHECK(w.this_month == std::vector<std::size_t>{0, 1});
    w = f.wheel("2026-04-01");
    REQUIRE(w.overdue.size() == 2);
    CHECK(w.overdue[0] == YearWheel::Overdue{0, {3}});
    CHECK(w.overdue[1] == YearWheel::Overdue{1, {3}});
    CHECK(w.this_month.empty());
    // December: planned on 31 December, overdue on 1 January of the next year (no today_month then).
    w = f.wheel("2026-12-31");
    CHECK(w.checks[2].months[11] == MonthState::planned);
    CHECK(w.this_month == std::vector<std::size_t>{1, 2});
    w = f.wheel("2027-01-01");
    CHECK(w.today_month == 0);
    CHECK(w.checks[2].months[11] == MonthState::overdue);
    CHECK(w.overdue.size() == 3);
    CHECK(w.overdue[1].months == std::vector{3, 6, 9, 12});
    // Before the year: all planned. Not a date: nothing overdue.
    w = f.wheel("2025-12-31");
    CHECK(w.overdue.empty());
    CHECK(states(w.checks[2]) == States{N, N, N, N, N, N, N, N, N, N, N, P});
    CHECK(f.wheel("2026-13-01").overdue.empty());
    // A run done late still clears the month; one not marked done does not.
    f.run(2, "2026-12-31", "2027-01-10");
    CHECK(f.wheel("2027-01-11").checks[2].months[11] == MonthState::done);
    const std::string draft = f.run(0, "2026-03-31", "");
    CHECK(f.wheel("2026-04-01").checks[0].months[2] == MonthState::overdue);
    CHECK(f.ws.find(draft));
}

TEST_CASE("runs of another plan, of no check or of another year do not count") {
    Fixture f;
    f.run(0, "2025-03-31", "2025-04-01");
    const std::string free = f.ws.create(DocKind::egenkontroll, "Fristående", "Kompassen", 2026);
    REQUIRE(f.ws.edit(
        free, kvh::test::step("x"),
        [&](Document& d) {
            auto r = std::make_shared<EgenkontrollRun>();
            r->plan = f.plan;
            r->check = new_uuid_v4(f.ws.env()); // no check of this plan
            r->period_to = "2026-03-31";
            r->questions.push_back({new_uuid_v4(f.ws.env()), "F"});
            Sample s;
            s.id = new_uuid_v4(f.ws.env());
            set_answer(s, r->questions[0].id, Answer::ja);
            r->samples.push_back(s);
            r->done_date = "2026-04-01";
            d.body = r;
        },
        false));
    CHECK(f.wheel("2026-04-01").checks[0].months[2] == MonthState::overdue);
}

TEST_CASE(
    "the facts index finds planned checks whose months passed, and the check keeps its acknowledgement") {
    Fixture f;
    std::string today = "2026-04-01";
    FactsIndex facts(f.ws, [&] { return today; });
    auto overdue = [&] {
        std::vector<Finding> out;
        for (const Finding& x : facts.findings())
            if (x.rule == Rule::check_overdue) out.push_back(x);
        return out;
    };
    REQUIRE(overdue().size() == 2);
    CHECK(overdue()[0].where == ActionRef{f.plan, f.checks[0], ""});
    CHECK(overdue()[0].unit == "Kompassen");
    CHECK(rule_spec(Rule::check_overdue).key == "egenkontroll_forsenad");
    CHECK(rule_spec(Rule::check_overdue).target == RuleTarget::check);
    const int serious = facts.open_findings(Severity::allvarlig);
    // A done run for March takes one away, once the workspace changes.
    f.run(0, "2026-03-31", "2026-04-01");
    REQUIRE(overdue().size() == 1);
    CHECK(overdue()[0].where.item == f.checks[1]);
    CHECK(facts.open_findings(Severity::allvarlig) == serious - 1);

    const Acknowledgement why{"", "Kvartalskontrollen flyttas till april efter beslut i ledningsgruppen",
                              "SAS", "2026-04-01"};
    CHECK(acknowledge(f.ws, overdue()[0], &why));
    REQUIRE_FALSE(overdue()[0].open());
    const EgenkontrollPlanPtr p = egenkontroll_plan_of(*f.ws.find(f.plan));
    REQUIRE(p->checks[1].acknowledged.size() == 1);
    CHECK(p->checks[1].acknowledged[0].rule == "egenkontroll_forsenad");
    CHECK(facts.open_findings(Severity::allvarlig) == serious - 2);
    CHECK(acknowledge(f.ws, overdue()[0], nullptr)); // withdrawn
    CHECK(overdue()[0].open());

    // The day moves on: June passes too, still one finding for the check.
    today = "2026-07-01";
    facts.refresh();
    REQUIRE(overdue().size() == 1);
    // An archived plan gives none.
    REQUIRE(
        f.ws.edit(f.plan, kvh::test::step("status"), [](Document& d) { d.status = DocStatus::arkiverad; }));
    CHECK(overdue().empty());
}
