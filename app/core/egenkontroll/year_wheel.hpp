// The årshjul's facts: for an egenkontrollplan and a day, each planned check's state in each month of
// the plan's year — planned, done, overdue, done with deviations — from the runs in the workspace,
// and the lists "this month" and "overdue". Computed once per workspace change, never per frame.
// Not here: drawing the wheel (app/ui), the finding it gives (Rule::check_overdue, rules.hpp).
#pragma once

#include "egenkontroll_run.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

enum class MonthState { none, planned, done, overdue, done_with_deviations };
Msg month_state_name(MonthState s); // named, never shown by colour alone

// Which planned month a done run of a check counts for: the month its period ends (or, without a
// period, the month it was marked done), moved forward to the first planned month from there — a
// check of January–April planned for April counts for April — or, after the last planned month, the
// last one (a late run still does the year's last check). Nothing when that day is in another year
// or no month is planned.
std::optional<int> run_month(const EgenkontrollRun& run, int year, MonthSet planned);

struct CheckYear {
    std::string check;                   // PlannedCheck::id
    std::array<MonthState, 12> months{}; // [0] = januari; none where not planned
    std::vector<std::string> runs;       // ids of the done runs counted, in workspace order
    int deviations = 0;                  // answers nej in those runs
    bool any(MonthState s) const;
};

struct YearWheel {
    int year = 0;
    int today_month = 0;           // 1–12 when today is in the plan's year, else 0
    std::vector<CheckYear> checks; // in the plan's order
    // Checks planned for today's month and not done yet, by index into `checks`.
    std::vector<std::size_t> this_month;
    // Checks with an overdue month, by index, with the months overdue.
    struct Overdue {
        std::size_t check;
        std::vector<int> months;
        bool operator==(const Overdue&) const = default;
    };
    std::vector<Overdue> overdue;
};

// The wheel of `plan` (an egenkontrollplan document) on `today` (YYYY-MM-DD) from `docs` (its runs
// are those of kind egenkontroll naming this plan and a check of it, marked done; any other document
// is passed over, so a caller may pass all or only those it picked out). A planned month is overdue
// from the first day after it without a done run for it.
YearWheel year_wheel(const Document& plan, const std::vector<const Document*>& docs, std::string_view today);

} // namespace kvh::core
