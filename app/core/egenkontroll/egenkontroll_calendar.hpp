// An egenkontrollplan's months as calendar entries (report/icalendar.hpp): one all-day entry per
// planned check and month, on the month's last weekday — the last working day before the årshjul
// and Rule::check_overdue call the month försenad — so the unit's calendar says when each check must
// be done. UIDs come from the check's id and the month, so exporting again after an edit updates the
// entries a calendar already has instead of adding new ones.
// Not here: writing the file (report::icalendar), the state of each month (year_wheel.hpp).
#pragma once

#include "core/report/icalendar.hpp"
#include "year_wheel.hpp"

#include <string>
#include <vector>

namespace kvh::core {

// The last Monday–Friday of `month` in `year`, YYYY-MM-DD.
std::string last_weekday_of_month(int year, int month);

// The entries of plan document `plan` (an egenkontrollplan; none for another kind), with each month's
// state from `wheel` (year_wheel of the same plan): a month done (with or without deviations) is a
// done entry. In the plan's order of checks, then by month. The sequence is the plan's revision.
std::vector<report::CalendarEntry> plan_calendar_entries(const Document& plan, const YearWheel& wheel,
                                                         Lang lang);
// The whole .ics file of those entries as all-day events (what Outlook imports), named for the plan;
// `dtstamp` is now, ISO 8601 UTC.
std::string plan_ics(const Document& plan, const YearWheel& wheel, std::string_view dtstamp, Lang lang);

} // namespace kvh::core
