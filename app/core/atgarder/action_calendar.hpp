// The actions' dates as calendar entries (report/icalendar.hpp): when each is due and when it is to be
// followed up, so reminders work without a server. UIDs come from the action's id and which date it
// is, so exporting again after an edit updates the entries a calendar already has.
// Not here: choosing the actions (the register's filter), writing the file.
#pragma once

#include "core/facts.hpp"
#include "core/report/icalendar.hpp"

#include <vector>

namespace kvh::core {

// One entry per date an action has: "Klart senast: …" for its due date and "Uppföljning: …" for its
// follow-up date, in the order of `actions`. A due entry is done once the work is done, a follow-up
// entry once the action is followed up; both are cancelled with the action. The sequence is the
// document's revision number, which grows with every edit. `ws` names the document holding each.
std::vector<report::CalendarEntry> action_calendar_entries(const std::vector<const ActionFact*>& actions,
                                                           const Workspace& ws, Lang lang);

} // namespace kvh::core
