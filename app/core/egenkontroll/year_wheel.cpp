// The årshjul's facts (see year_wheel.hpp).
#include "year_wheel.hpp"

#include "core/date_input.hpp"

#include <algorithm>
#include <map>

namespace kvh::core {

namespace {

constexpr Msg kStateNames[] = {Msg::month_state_none, Msg::month_state_planned, Msg::month_state_done,
                               Msg::month_state_overdue, Msg::month_state_done_with_deviations};

} // namespace

Msg month_state_name(MonthState s) {
    return kStateNames[static_cast<std::size_t>(s)];
}

bool CheckYear::any(MonthState s) const {
    return std::find(months.begin(), months.end(), s) != months.end();
}

std::optional<int> run_month(const EgenkontrollRun& run, int year, MonthSet planned) {
    const std::optional<Ymd> day = ymd_of(!run.period_to.empty() ? run.period_to : run.done_date);
    if (!day || day->year != year || planned == 0) return std::nullopt;
    int last = 0;
    for (int m = 1; m <= 12; ++m) {
        if (!has_month(planned, m)) continue;
        if (m >= day->month) return m;
        last = m;
    }
    return last;
}

YearWheel year_wheel(const Document& plan, const std::vector<const Document*>& docs, std::string_view today) {
    YearWheel w;
    w.year = plan.year;
    const EgenkontrollPlanPtr p = egenkontroll_plan_of(plan);
    if (!p) return w;
    const std::optional<Ymd> now = ymd_of(today);
    if (now && now->year == w.year) w.today_month = now->month;
    // Months before this one (in the plan's year) have passed: all of them in a later year.
    const int passed_before = !now ? 1 : now->year > w.year ? 13 : now->year < w.year ? 1 : now->month;

    std::map<std::string_view, std::size_t> index; // check id -> place
    w.checks.resize(p->checks.size());
    for (std::size_t i = 0; i < p->checks.size(); ++i) {
        w.checks[i].check = p->checks[i].id;
        index.emplace(p->checks[i].id, i);
    }
    // Per check and month: counted by a done run, and whether one of those had a deviation.
    std::vector<std::array<int, 12>> done(p->checks.size()), deviating(p->checks.size());
    for (const Document* d : docs) {
        const EgenkontrollRunPtr r = d ? egenkontroll_run_of(*d) : nullptr;
        if (!r || !r->done() || r->plan != plan.id) continue;
        const auto it = index.find(r->check);
        if (it == index.end()) continue;
        const std::size_t i = it->second;
        const std::optional<int> m = run_month(*r, w.year, planned_months(p->checks[i]));
        if (!m) continue;
        const int nej = run_results(*r).deviations;
        ++done[i][std::size_t(*m - 1)];
        deviating[i][std::size_t(*m - 1)] += nej > 0;
        w.checks[i].deviations += nej;
        w.checks[i].runs.push_back(d->id);
    }
    for (std::size_t i = 0; i < p->checks.size(); ++i) {
        const MonthSet planned = planned_months(p->checks[i]);
        CheckYear& c = w.checks[i];
        std::vector<int> late;
        for (int m = 1; m <= 12; ++m) {
            if (!has_month(planned, m)) continue;
            const std::size_t k = std::size_t(m - 1);
            if (deviating[i][k] > 0)
                c.months[k] = MonthState::done_with_deviations;
            else if (done[i][k] > 0)
                c.months[k] = MonthState::done;
            else if (m < passed_before)
                c.months[k] = MonthState::overdue;
            else
                c.months[k] = MonthState::planned;
            if (c.months[k] == MonthState::overdue) late.push_back(m);
        }
        if (w.today_month != 0 && c.months[std::size_t(w.today_month - 1)] == MonthState::planned)
            w.this_month.push_back(i);
        if (!late.empty()) w.overdue.push_back({i, std::move(late)});
    }
    return w;
}

} // namespace kvh::core
