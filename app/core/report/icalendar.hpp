// iCalendar (RFC 5545) files of dated reminders that Outlook and phone calendars import: one all-day
// VEVENT or one VTODO per entry, CRLF line ends, UTF-8, text escaped, lines folded at 75 octets (never
// inside a UTF-8 sequence). An entry's UID is the caller's and must stay the same for the same
// reminder, so that importing a newer file updates the entry instead of adding a second one.
// Not here: which dates become entries (atgarder/action_calendar.hpp), or anything about time zones
// (every entry is a whole day).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core::report {

enum class EntryState { open, done, cancelled };

struct CalendarEntry {
    std::string uid;            // stable, globally unique ("<id>-klart@kvalitetshjul")
    std::string date;           // YYYY-MM-DD: the whole day (an entry without a valid one is left out)
    std::string summary;        // the title a calendar shows
    std::string description;    // may be "" (left out then); line breaks are kept
    std::uint64_t sequence = 0; // grows whenever the entry may have changed (a calendar keeps the highest)
    EntryState state = EntryState::open;
};

enum class CalendarStyle {
    event, // all-day VEVENT: what Outlook and most phone calendars import
    todo,  // VTODO with a due date: for task lists that read them
};

// The whole file. `dtstamp` is when it is made, ISO 8601 UTC ("2026-12-02T07:00:00Z"); `name` is the
// calendar's name (X-WR-CALNAME), left out when empty.
std::string icalendar(const std::vector<CalendarEntry>& entries, std::string_view dtstamp,
                      CalendarStyle style, std::string_view name = {});

// A TEXT value with `\`, `;`, `,` escaped and every line break (CRLF, LF, CR) as `\n`; other control
// characters, which a TEXT value may not hold, become spaces.
std::string ical_escape(std::string_view text);
// One content line folded to at most 75 octets per physical line (CRLF and a space before each
// continuation), cut only between UTF-8 sequences; ends with CRLF.
std::string ical_line(std::string_view line);

} // namespace kvh::core::report
