// An egenkontrollplan's year: its months as calendar entries (stable UIDs per check and month, on
// the month's last weekday, done once a run counts for the month), its report (summary, CSV with a
// column per month, printable HTML with states in words), and the states' colours under dark text.
#include "core/egenkontroll/egenkontroll_calendar.hpp"
#include "core/egenkontroll/egenkontroll_plan_report.hpp"
#include "core/egenkontroll/month_state_colour.hpp"
#include "report_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kvh;
using namespace kvh::core;

using kvh::test::count;

namespace {

// A plan for 2026: [0] genomförandeplaner in April and October (20 samples), [1] every quarter; one
// done run of [0] for January–April with one "nej" of 20.
struct PlanYear {
    Workspace ws{kvh::test::fixed_env()};
    std::string plan, run;
    std::vector<std::string> checks;

    PlanYear() {
        plan = ws.create(DocKind::egenkontrollplan, "Egenkontrollplan 2026", "Kompassen", 2026);
        REQUIRE(ws.edit(
            plan, kvh::test::step("kontroller"),
            [&](Document& d) {
                auto p = std::make_shared<EgenkontrollPlan>();
                p->decided_by = "Enhetschef";
                PlannedCheck a;
                a.id = new_uuid_v4(ws.env());
                a.area = "Social dokumentation";
                a.what = "Genomförandeplaner; upprättade inom 24 timmar";
                a.purpose = "=Rutin för genomförandeplaner";
                a.sample_size = 20;
                a.months = month_bit(4) | month_bit(10);
                a.responsible = "Enhetschef";
                a.reported_to = "Nämnden";
                a.questions.push_back({new_uuid_v4(ws.env()), "Upprättades planen inom 24 timmar?"});
                PlannedCheck b;
                b.id = new_uuid_v4(ws.env());
                b.area = "Hygien";
                b.method = CheckMethod::observation;
                b.frequency = Frequency::kvartal;
                checks = {a.id, b.id};
                p->checks.push_back(a);
                p->checks.push_back(b);
                d.body = p;
            },
            false));
        run = ws.create(DocKind::egenkontroll, "Genomförandeplaner jan–apr", "Kompassen", 2026);
        REQUIRE(ws.edit(
            run, kvh::test::step("körning"),
            [&](Document& d) {
                auto r = std::make_shared<EgenkontrollRun>(
                    run_of_check(plan, *find_check(*egenkontroll_plan_of(*ws.find(plan)), checks[0])));
                for (int k = 0; k < 20; ++k) {
                    Sample s;
                    s.id = new_uuid_v4(ws.env());
                    s.ref = "Akt " + std::to_string(k + 1);
                    set_answer(s, r->questions[0].id, k == 0 ? Answer::nej : Answer::ja);
                    r->samples.push_back(s);
                }
                r->analysis = "En överlämning missades.";
                r->period_from = "2026-01-01";
                r->period_to = "2026-04-30";
                r->done_date = "2026-05-04";
                d.body = r;
            },
            false));
    }
    const Document& doc() const { return *ws.find(plan); }
    YearWheel wheel(std::string_view today) const { return year_wheel(doc(), ws.documents(), today); }
};

} // namespace

TEST_CASE("the last weekday of a month steps back over a weekend") {
    CHECK(last_weekday_of_month(2026, 1) == "2026-01-30"); // the 31st is a Saturday
    CHECK(last_weekday_of_month(2026, 5) == "2026-05-29"); // the 31st is a Sunday
    CHECK(last_weekday_of_month(2026, 3) == "2026-03-31"); // a Tuesday
    CHECK(last_weekday_of_month(2028, 2) == "2028-02-29"); // leap year, a Tuesday
    CHECK(last_weekday_of_month(2026, 12) == "2026-12-31");
}

TEST_CASE("a plan's months are one calendar entry per check and month, with stable UIDs") {
    PlanYear f;
    const auto entries = plan_calendar_entries(f.doc(), f.wheel("2026-06-15"), Lang::sv);
    REQUIRE(entries.size() == 6); // April and October, and the four quarters
    CHECK(entries[0].uid == f.checks[0] + "-2026-04@kvalitetshjul");
    CHECK(entries[0].date == "2026-04-30");
    CHECK(entries[0].summary ==
          "Egenkontroll: Social dokumentation: Genomförandeplaner; upprättade inom 24 timmar");
    CHECK(entries[0].description.find("Urval: 20") != std::string::npos);
    CHECK(entries[0].description.find("Ansvarig: Enhetschef") != std::string::npos);
    CHECK(entries[0].description.find("Återrapporteras till: Nämnden") != std::string::npos);
    CHECK(entries[0].description.find("Finns i: Egenkontrollplan 2026") != std::string::npos);
    CHECK(entries[0].state == report::EntryState::done); // the run of January–April counts for April
    CHECK(entries[1].uid == f.checks[0] + "-2026-10@kvalitetshjul");
    CHECK(entries[1].state == report::EntryState::open);
    CHECK(entries[2].summary == "Egenkontroll: Hygien");
    CHECK(entries[2].date == "2026-03-31");
    CHECK(entries[5].date == "2026-12-31");
    CHECK(entries[0].sequence == f.doc().rev.number);

    // An edit of the plan keeps every UID and raises the sequence: a calendar updates its entries.
    const auto before = entries;
    REQUIRE(f.ws.edit(
        f.plan, kvh::test::step("ansvarig"),
        [&](Document& d) {
            auto p = std::make_shared<EgenkontrollPlan>(*egenkontroll_plan_of(d));
            p->checks.edit(1).responsible = "Hygienombud";
            d.body = p;
        },
        false));
    const auto after = plan_calendar_entries(f.doc(), f.wheel("2026-06-15"), Lang::sv);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].uid == before[i].uid);
        CHECK(after[i].sequence > before[i].sequence);
    }
    CHECK(after[2].description.find("Ansvarig: Hygienombud") != std::string::npos);

    const std::string ics = plan_ics(f.doc(), f.wheel("2026-06-15"), "2026-06-15T08:00:00Z", Lang::sv);
    CHECK(count(ics, "BEGIN:VEVENT") == 6);
    CHECK(ics.find("X-WR-CALNAME:Egenkontrollplan 2026") != std::string::npos);
    CHECK(ics.find("UID:" + f.checks[1] + "-2026-12@kvalitetshjul") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20260430") != std::string::npos);
}

TEST_CASE("a document that is no plan gives no calendar entries") {
    PlanYear f;
    CHECK(plan_calendar_entries(*f.ws.find(f.run), f.wheel("2026-06-15"), Lang::sv).empty());
}

TEST_CASE("the plan's year summary counts occasions by state") {
    PlanYear f;
    const PlanYearSummary s = plan_year_summary(f.wheel("2026-07-01"));
    CHECK(s == PlanYearSummary{2, 6, 1, 1, 2}); // April done with the nej; March and June overdue
    CHECK(plan_year_summary_text(s, Lang::sv) ==
          "Kontroller: 2 · planerade tillfällen: 6 · genomförda: 1, varav 1 med avvikelser · försenade: 2");
}

TEST_CASE("the plan's CSV has every field, a column per month with its state, and the results") {
    PlanYear f;
    const std::string csv = plan_year_csv(f.doc(), f.wheel("2026-07-01"), f.ws.documents(), Lang::sv);
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("Nr;Område;Vad kontrolleras;") != std::string::npos);
    CHECK(csv.find(";januari;februari;mars;") != std::string::npos);
    // Row 1: the formula guard on the purpose, the sample, April's state and the run's result.
    CHECK(csv.find("1;Social dokumentation;Genomförandeplaner; upprättade inom 24 timmar;") ==
          std::string::npos);
    CHECK(csv.find("1;Social dokumentation;\"Genomförandeplaner; upprättade inom 24 timmar\";'=Rutin") !=
          std::string::npos);
    CHECK(csv.find(";;;;Genomförd med avvikelser;;;;;;Planerad;;;2026-04-30: 19 av 20 = 95 %\r\n") !=
          std::string::npos);
    CHECK(csv.find("2;Hygien;;;Observation;;Varje "
                   "kvartal;;;100;0;;;Försenad;;;Försenad;;;Planerad;;;Planerad;\r\n") != std::string::npos);
    CHECK(count(csv, "\r\n") == 3);
}

TEST_CASE("the plan's printable report names each month's state in words beside its colour") {
    PlanYear f;
    const std::string html =
        plan_year_html(f.doc(), f.wheel("2026-07-01"), f.ws.documents(), Lang::sv, "2026-07-01");
    CHECK(html.find("<h1>Egenkontrollplan 2026</h1>") != std::string::npos);
    CHECK(html.find("Fastställd av") != std::string::npos);
    CHECK(html.find("april: Genomförd med avvikelser") != std::string::npos);
    CHECK(html.find("juni: Försenad") != std::string::npos);
    CHECK(html.find("2026-04-30: 19 av 20 = 95 %") != std::string::npos);
    CHECK(html.find("Återrapporteras till Nämnden") != std::string::npos);
    // Each state shown is beside its word: the legend's four and one per planned month.
    CHECK(count(html, "class=\"swatch\"") == 4 + 6);
    CHECK(html.find("<script") == std::string::npos);

    Workspace empty{kvh::test::fixed_env()};
    const std::string id = empty.create(DocKind::egenkontrollplan, "Tom plan", "", 2026);
    const Document& d = *empty.find(id);
    CHECK(plan_year_html(d, year_wheel(d, {}, "2026-07-01"), {}, Lang::sv, "2026-07-01")
              .find("Planen har ännu inga kontroller.") != std::string::npos);
}

TEST_CASE("every month state's colour carries dark text at 4.5:1") {
    for (MonthState s : {MonthState::none, MonthState::planned, MonthState::done, MonthState::overdue,
                         MonthState::done_with_deviations})
        CHECK(contrast_ratio(month_state_rgb(s), kOnBand) >= 4.5);
    CHECK(month_state_css(MonthState::done) == "#8fd19e");
    CHECK(month_state_rgb(MonthState::done) != month_state_rgb(MonthState::overdue));
}
