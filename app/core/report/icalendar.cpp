// The iCalendar writer (see icalendar.hpp).
#include "icalendar.hpp"

#include "core/date_input.hpp"

namespace kvh::core::report {

namespace {

constexpr std::size_t kMaxOctets = 75; // RFC 5545 3.1, without the CRLF

// "2026-04-30" → "20260430"; "2026-12-02T07:00:00Z" → "20261202T070000Z".
std::string compact(std::string_view iso) {
    std::string out;
    for (char c : iso)
        if (c != '-' && c != ':') out += c;
    return out;
}

bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

const char* todo_status(EntryState s) {
    switch (s) {
    case EntryState::done:
        return "COMPLETED";
    case EntryState::cancelled:
        return "CANCELLED";
    default:
        return "NEEDS-ACTION";
    }
}

} // namespace

std::string ical_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\\':
        case ';':
        case ',':
            out += '\\';
            out += c;
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F ? ' ' : c;
        }
    }
    return out;
}

std::string ical_line(std::string_view line) {
    std::string out;
    std::size_t room = kMaxOctets; // the first line has all 75; a continuation's space takes one
    while (line.size() > room) {
        std::size_t cut = room;
        while (cut > 0 && is_continuation(static_cast<unsigned char>(line[cut]))) --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = kMaxOctets - 1;
    }
    out.append(line);
    out += "\r\n";
    return out;
}

std::string icalendar(const std::vector<CalendarEntry>& entries, std::string_view dtstamp,
                      CalendarStyle style, std::string_view name) {
    std::string out;
    out += ical_line("BEGIN:VCALENDAR");
    out += ical_line("VERSION:2.0");
    out += ical_line("PRODID:-//Kvalitetshjul//Kvalitetshjul//SV");
    out += ical_line("CALSCALE:GREGORIAN");
    out += ical_line("METHOD:PUBLISH");
    if (!name.empty()) out += ical_line("X-WR-CALNAME:" + ical_escape(name));
    const std::string stamp = compact(dtstamp);
    const bool todo = style == CalendarStyle::todo;
    for (const CalendarEntry& e : entries) {
        const std::optional<Ymd> day = ymd_of(e.date);
        if (!day) continue;
        out += ical_line(todo ? "BEGIN:VTODO" : "BEGIN:VEVENT");
        out += ical_line("UID:" + e.uid);
        out += ical_line("DTSTAMP:" + stamp);
        out += ical_line("SEQUENCE:" + std::to_string(e.sequence));
        if (todo) {
            out += ical_line("DUE;VALUE=DATE:" + compact(e.date));
        } else {
            out += ical_line("DTSTART;VALUE=DATE:" + compact(e.date));
            // The end of an all-day event is the next day (exclusive).
            out += ical_line("DTEND;VALUE=DATE:" + compact(iso_of(add_days(*day, 1))));
            // A reminder for a day, not a meeting: it must not show the day as busy.
            out += ical_line("TRANSP:TRANSPARENT");
        }
        out += ical_line("SUMMARY:" + ical_escape(e.summary));
        if (!e.description.empty()) out += ical_line("DESCRIPTION:" + ical_escape(e.description));
        if (todo)
            out += ical_line(std::string("STATUS:") + todo_status(e.state));
        else if (e.state == EntryState::cancelled)
            out += ical_line("STATUS:CANCELLED");
        out += ical_line(todo ? "END:VTODO" : "END:VEVENT");
    }
    out += ical_line("END:VCALENDAR");
    return out;
}

} // namespace kvh::core::report
