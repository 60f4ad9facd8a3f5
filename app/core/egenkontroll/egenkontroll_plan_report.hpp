// What an egenkontrollplan reports for its year: a summary line (checks, planned occasions, done,
// with deviations, overdue), the checks as CSV for Swedish Excel (a column per month with its state),
// and the printable HTML of the plan — each check's area, what and why, method and sample, months
// with their state in words, who answers for it and the results of its done runs.
// Not here: the plan (egenkontroll_plan.hpp), the states (year_wheel.hpp), the report blocks (report/).
#pragma once

#include "year_wheel.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct PlanYearSummary {
    int checks = 0;
    int planned = 0; // planned occasions: a check's months together
    int done = 0;    // months done, with or without deviations
    int with_deviations = 0;
    int overdue = 0;
    bool operator==(const PlanYearSummary&) const = default;
};
PlanYearSummary plan_year_summary(const YearWheel& w);
// "Kontroller: 12 · planerade tillfällen: 30 · genomförda: 5, varav 2 med avvikelser · försenade: 3".
std::string plan_year_summary_text(const PlanYearSummary& s, Lang lang);

// The results of one check's done runs this year, oldest first: "2026-04-30: 19 av 20 = 95 %; …"
// ("" without runs). `docs` holds the runs `c` names (YearWheel::runs).
std::string check_results_text(const CheckYear& c, const std::vector<const Document*>& docs, Lang lang);

// One row per check: every field, a column per month with its state ("" where not planned), results.
// `wheel` is year_wheel(plan, docs, today).
std::string plan_year_csv(const Document& plan, const YearWheel& wheel,
                          const std::vector<const Document*>& docs, Lang lang);
// The plan on A4: header (unit, year, adopted by and when), the summary, the states' legend and the
// checks as a table; `today` is the day it is printed.
std::string plan_year_html(const Document& plan, const YearWheel& wheel,
                           const std::vector<const Document*>& docs, Lang lang, std::string_view today);

} // namespace kvh::core
