// A planned check's history: its done runs and those of the checks it was copied from in earlier
// years, oldest first, with compliance per question across years.
#include "core/egenkontroll/check_history.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;
using namespace kvh::core;

namespace {

std::string add_run(Workspace& ws, const std::string& plan, const PlannedCheck& check, std::string period_to,
                    int no, bool done = true) {
    EgenkontrollRun r = run_of_check(plan, check);
    for (int k = 0; k < 20; ++k) {
        Sample s;
        s.id = new_uuid_v4(ws.env());
        set_answer(s, r.questions[0].id, k < no ? Answer::nej : Answer::ja);
        r.samples.push_back(s);
    }
    r.analysis = "Analys";
    r.period_to = std::move(period_to);
    if (done) r.done_date = r.period_to;
    return ws.create(DocKind::egenkontroll, "Granskning", "Kompassen", 2025,
                     std::make_shared<EgenkontrollRun>(r));
}

} // namespace

TEST_CASE("a check's history follows its copies back through earlier years' plans") {
    Workspace ws(kvh::test::fixed_env());
    auto first = std::make_shared<EgenkontrollPlan>();
    PlannedCheck c;
    c.id = new_uuid_v4(ws.env());
    c.area = "Genomförandeplaner";
    c.questions.push_back({new_uuid_v4(ws.env()), "Upprättad inom 24 timmar?"});
    first->checks.push_back(c);
    PlannedCheck other = c;
    other.id = new_uuid_v4(ws.env());
    other.questions[0].id = new_uuid_v4(ws.env());
    first->checks.push_back(other);
    const std::string p2025 =
        ws.create(DocKind::egenkontrollplan, "Egenkontrollplan 2025", "Kompassen", 2025, first);
    // Kompassen 2025: January–April 19 of 20, May–December 20 of 20.
    const std::string may = add_run(ws, p2025, c, "2025-12-31", 0);
    const std::string jan = add_run(ws, p2025, c, "2025-04-30", 1);
    add_run(ws, p2025, other, "2025-06-30", 5);    // another check
    add_run(ws, p2025, c, "2025-09-30", 3, false); // not done
    const std::string p2026 = copy_plan_to_year(ws, p2025, 2026);
    REQUIRE_FALSE(p2026.empty());
    const PlannedCheck now = egenkontroll_plan_of(*ws.find(p2026))->checks[0];
    const std::string y2026 = add_run(ws, p2026, now, "2026-04-30", 2);

    const std::vector<HistoryPoint> h = check_history(ws.documents(), p2026, now.id);
    REQUIRE(h.size() == 3);
    CHECK(h[0].run == jan);
    CHECK(h[0].year == 2025);
    CHECK(h[0].period == "2025-04-30");
    CHECK(compliance_text(h[0].overall, Lang::sv) == "19 av 20 = 95 %");
    CHECK(h[1].run == may);
    CHECK(h[1].overall == Compliance{20, 0, 0, 0});
    CHECK(h[2].run == y2026);
    CHECK(h[2].year == 2026);
    CHECK(h[2].overall.yes == 18);
    // The same question across the years.
    for (const HistoryPoint& p : h) CHECK(p.questions.at(0).first == c.questions[0].id);
    // Last year's check sees only its own year; a check of another plan or no check gives nothing.
    CHECK(check_history(ws.documents(), p2025, c.id).size() == 2);
    CHECK(check_history(ws.documents(), p2026, c.id).empty());
    CHECK(check_history(ws.documents(), p2026, "").empty());
}

TEST_CASE("a chain of copies edited into a loop ends where it loops") {
    Workspace ws(kvh::test::fixed_env());
    auto plan = std::make_shared<EgenkontrollPlan>();
    PlannedCheck a, b;
    a.id = new_uuid_v4(ws.env());
    b.id = new_uuid_v4(ws.env());
    a.previous = b.id;
    b.previous = a.id;
    a.questions.push_back({new_uuid_v4(ws.env()), "F?"});
    plan->checks.push_back(a);
    plan->checks.push_back(b);
    const std::string p = ws.create(DocKind::egenkontrollplan, "Plan", "Tallen", 2026, plan);
    add_run(ws, p, a, "2026-03-31", 0);
    CHECK(check_history(ws.documents(), p, a.id).size() == 1);
}
