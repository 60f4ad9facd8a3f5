// The iCalendar writer against RFC 5545: a small file byte for byte (VEVENT and VTODO), folding at 75
// octets never inside a UTF-8 sequence, escaping of `\`, `;`, `,` and line breaks, CRLF; and the
// actions' dates as entries whose UIDs stay the same across edits, so a re-import updates them.
#include "core/atgarder/action_calendar.hpp"
#include "core/atgarder/action_plan.hpp"
#include "core/report/icalendar.hpp"
#include "report_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using namespace kvh::core::report;

using kvh::test::crlf_lines;

namespace {

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Folding undone (RFC 5545 3.1: a CRLF followed by one space is removed).
std::string unfolded(std::string folded) {
    for (std::size_t at; (at = folded.find("\r\n ")) != std::string::npos;) folded.erase(at, 3);
    return folded;
}

} // namespace

TEST_CASE("a small calendar of all-day events, byte for byte") {
    const std::vector<CalendarEntry> entries = {
        {"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11-klart@kvalitetshjul", "2026-04-30",
         "Klart senast: Rutin, ny; för natten", "Ansvarig: Enhetschef\nFinns i: Plan C:\\mapp", 3,
         EntryState::open},
        {"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11-uppfoljning@kvalitetshjul", "2026-12-31", "Uppföljning: Rutin",
         "", 4, EntryState::cancelled},
    };
    const std::string want = "BEGIN:VCALENDAR\r\n"
                             "VERSION:2.0\r\n"
                             "PRODID:-//Kvalitetshjul//Kvalitetshjul//SV\r\n"
                             "CALSCALE:GREGORIAN\r\n"
                             "METHOD:PUBLISH\r\n"
                             "X-WR-CALNAME:Åtgärder\\, Tallen\r\n"
                             "BEGIN:VEVENT\r\n"
                             "UID:0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11-klart@kvalitetshjul\r\n"
                             "DTSTAMP:20261202T070000Z\r\n"
                             "SEQUENCE:3\r\n"
                             "DTSTART;VALUE=DATE:20260430\r\n"
                             "DTEND;VALUE=DATE:20260501\r\n"
                             "TRANSP:TRANSPARENT\r\n"
                             "SUMMARY:Klart senast: Rutin\\, ny\\; för natten\r\n"
                             "DESCRIPTION:Ansvarig: Enhetschef\\nFinns i: Plan C:\\\\mapp\r\n"
                             "END:VEVENT\r\n"
                             "BEGIN:VEVENT\r\n"
                             "UID:0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11-uppfoljning@kvalitetshjul\r\n"
                             "DTSTAMP:20261202T070000Z\r\n"
                             "SEQUENCE:4\r\n"
                             "DTSTART;VALUE=DATE:20261231\r\n"
                             "DTEND;VALUE=DATE:20270101\r\n"
                             "TRANSP:TRANSPARENT\r\n"
                             "SUMMARY:Uppföljning: Rutin\r\n"
                             "STATUS:CANCELLED\r\n"
                             "END:VEVENT\r\n"
                             "END:VCALENDAR\r\n";
    CHECK(icalendar(entries, "2026-12-02T07:00:00Z", CalendarStyle::event, "Åtgärder, Tallen") == want);
}

TEST_CASE("the same as tasks (VTODO), with their states; no name, no empty calendar name") {
    const std::vector<CalendarEntry> entries = {
        {"a@kvalitetshjul", "2028-02-29", "Skottdag", "", 0, EntryState::open},
        {"b@kvalitetshjul", "2026-01-31", "Klar", "", 1, EntryState::done},
        {"c@kvalitetshjul", "2026-02-01", "Avbruten", "", 2, EntryState::cancelled},
        {"d@kvalitetshjul", "2026-02-30", "Inget datum", "", 2, EntryState::open}, // left out
    };
    const std::string want =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kvalitetshjul//Kvalitetshjul//SV\r\n"
        "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
        "BEGIN:VTODO\r\nUID:a@kvalitetshjul\r\nDTSTAMP:20280101T000000Z\r\nSEQUENCE:0\r\n"
        "DUE;VALUE=DATE:20280229\r\nSUMMARY:Skottdag\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO\r\n"
        "BEGIN:VTODO\r\nUID:b@kvalitetshjul\r\nDTSTAMP:20280101T000000Z\r\nSEQUENCE:1\r\n"
        "DUE;VALUE=DATE:20260131\r\nSUMMARY:Klar\r\nSTATUS:COMPLETED\r\nEND:VTODO\r\n"
        "BEGIN:VTODO\r\nUID:c@kvalitetshjul\r\nDTSTAMP:20280101T000000Z\r\nSEQUENCE:2\r\n"
        "DUE;VALUE=DATE:20260201\r\nSUMMARY:Avbruten\r\nSTATUS:CANCELLED\r\nEND:VTODO\r\n"
        "END:VCALENDAR\r\n";
    CHECK(icalendar(entries, "2028-01-01T00:00:00Z", CalendarStyle::todo) == want);
    // An all-day event on a leap day ends on 1 March; on 28 February of a common year, too.
    const std::string leap = icalendar({entries[0]}, "2028-01-01T00:00:00Z", CalendarStyle::event);
    CHECK(leap.find("DTSTART;VALUE=DATE:20280229\r\nDTEND;VALUE=DATE:20280301\r\n") != std::string::npos);
    const std::string common = icalendar({{"e@k", "2026-02-28", "x", "", 0, EntryState::open}},
                                         "2028-01-01T00:00:00Z", CalendarStyle::event);
    CHECK(common.find("DTEND;VALUE=DATE:20260301\r\n") != std::string::npos);
}

TEST_CASE("escaping: backslash, semicolon, comma and every kind of line break; other control characters") {
    CHECK(ical_escape("a\\b;c,d") == "a\\\\b\\;c\\,d");
    CHECK(ical_escape("rad 1\r\nrad 2\nrad 3\rrad 4") == "rad 1\\nrad 2\\nrad 3\\nrad 4");
    CHECK(ical_escape("\r\n\r\n") == "\\n\\n");
    CHECK(ical_escape("flik\there") == "flik\there");
    CHECK(ical_escape(std::string("nul\x01\x1f\x7f", 6)) == "nul   ");
    CHECK(ical_escape("Åsa: \"citat\" 🙂") ==
          "Åsa: \"citat\" 🙂"); // colon and quotes need nothing in TEXT
    CHECK(ical_escape("") == "");
}

TEST_CASE("folding: 75 octets a line, a continuation starts with a space, never inside a UTF-8 sequence") {
    const std::string exact(75, 'x');
    CHECK(ical_line(exact) == exact + "\r\n");
    CHECK(ical_line(exact + "y") == exact + "\r\n y\r\n");
    // 75 + 74 + 1: a continuation's space counts towards its 75.
    CHECK(ical_line(std::string(150, 'x')) == exact + "\r\n " + std::string(74, 'x') + "\r\n x\r\n");
    CHECK(ical_line("") == "\r\n");
    // "SUMMARY:" and two-byte å: byte 75 is the middle of one, so the first line ends after 74.
    std::string summary = "SUMMARY:";
    for (int i = 0; i < 40; ++i) summary += "å";
    const std::string folded = ical_line(summary);
    const auto lines = crlf_lines(folded);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].size() == 74);
    CHECK(lines[1] == " " + summary.substr(74));
    // Every position of every width of character: no line longer than 75, none starting inside a
    // character, and unfolding gives the line back.
    const std::string chars[] = {"a", "å", "€", "🙂"};
    for (int lead = 0; lead < 8; ++lead)
        for (const std::string& c : chars) {
            std::string line = "DESCRIPTION:" + std::string(std::size_t(lead), 'x');
            for (int i = 0; i < 100; ++i) line += c;
            const std::string out = ical_line(line);
            INFO(lead, " ", c);
            const auto physical = crlf_lines(out);
            for (std::size_t i = 0; i < physical.size(); ++i) {
                CHECK(physical[i].size() <= 75);
                CHECK_FALSE(physical[i].empty());
                if (i > 0) {
                    REQUIRE(physical[i].size() >= 2);
                    CHECK(physical[i][0] == ' ');
                    CHECK_FALSE(is_continuation(physical[i][1]));
                }
            }
            CHECK(unfolded(out) == line + "\r\n");
        }
}

TEST_CASE("a whole file: every line within 75 octets, CRLF only, and it unfolds to what was written") {
    std::string long_text;
    for (int i = 0; i < 30; ++i)
        long_text += "Översyn av rutinen för läkemedel, steg " + std::to_string(i) + "; ";
    const std::string file =
        icalendar({{"x@kvalitetshjul", "2026-03-31", long_text, long_text + "\n🙂", 7, EntryState::open}},
                  "2026-03-01T08:00:00Z", CalendarStyle::event);
    for (std::size_t i = 0; i < file.size(); ++i) {
        if (file[i] == '\n') CHECK((i > 0 && file[i - 1] == '\r'));
        if (file[i] == '\r') CHECK((i + 1 < file.size() && file[i + 1] == '\n'));
    }
    for (const std::string& l : crlf_lines(file)) CHECK(l.size() <= 75);
    CHECK(unfolded(file).find("SUMMARY:" + ical_escape(long_text) + "\r\n") != std::string::npos);
}

TEST_CASE("the actions' dates as entries: stable UIDs, a sequence that grows, states from the status") {
    Workspace ws(kvh::test::fixed_env());
    FactsIndex facts(ws, [] { return std::string("2026-03-01"); });
    const std::string plan = ws.create(DocKind::atgardsplan, "Åtgärdsplan, lex Sarah", "Tallen", 2026);
    const std::string id = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
    REQUIRE(ws.edit(
        plan, kvh::test::step("åtgärd"),
        [&](Document& d) {
            auto p = std::make_shared<ActionPlan>(*plan_of(d));
            Action x;
            x.id = id;
            x.what = "Rutin, överlämning";
            x.why = "Muntlig överlämning";
            x.responsible = "Enhetschef";
            x.due = "2026-04-30";
            x.follow_up_date = "2026-09-30";
            x.status = ActionStatus::pagar;
            p->actions.push_back(x);
            Action undated;
            undated.id = "1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
            p->actions.push_back(undated);
            d.body = p;
        },
        false));
    auto entries = action_calendar_entries(facts.actions(), ws, Lang::sv);
    REQUIRE(entries.size() == 2); // the undated action has none
    CHECK(entries[0].uid == id + "-klart@kvalitetshjul");
    CHECK(entries[0].date == "2026-04-30");
    CHECK(entries[0].summary == "Klart senast: Rutin, överlämning");
    CHECK(entries[0].description ==
          "Ansvarig: Enhetschef\nFinns i: Åtgärdsplan, lex Sarah\nMuntlig överlämning");
    CHECK(entries[0].state == EntryState::open);
    CHECK(entries[1].uid == id + "-uppfoljning@kvalitetshjul");
    CHECK(entries[1].summary == "Uppföljning: Rutin, överlämning");
    const std::uint64_t sequence = entries[0].sequence;
    CHECK(sequence == ws.find(plan)->rev.number);

    // Carried out: the due entry is done, same UID, higher sequence; the follow-up still open.
    REQUIRE(edit_action(ws, {plan, id, id}, kvh::test::step("status"), [](Action& x) {
        x.status = ActionStatus::genomford;
        x.done_date = "2026-04-20";
    }));
    entries = action_calendar_entries(facts.actions(), ws, Lang::en);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].uid == id + "-klart@kvalitetshjul");
    CHECK(entries[0].sequence > sequence);
    CHECK(entries[0].summary == "Due: Rutin, överlämning");
    CHECK(entries[0].state == EntryState::done);
    CHECK(entries[1].state == EntryState::open);
    REQUIRE(edit_action(ws, {plan, id, id}, kvh::test::step("uppföljning"), [](Action& x) {
        x.status = ActionStatus::uppfoljd;
        x.verdict = Verdict::ja;
    }));
    entries = action_calendar_entries(facts.actions(), ws, Lang::sv);
    CHECK(entries[1].state == EntryState::done);
    REQUIRE(edit_action(ws, {plan, id, id}, kvh::test::step("avbryt"), [](Action& x) {
        x.status = ActionStatus::avbruten;
        x.verdict = Verdict::ej_bedomd;
        x.cancel_reason = "Ersatt av förvaltningens rutin";
    }));
    entries = action_calendar_entries(facts.actions(), ws, Lang::sv);
    CHECK(entries[0].state == EntryState::cancelled);
    CHECK(entries[1].state == EntryState::cancelled);
    // Written, the UIDs are the same as they were.
    const std::string file = icalendar(entries, "2026-03-01T08:00:00Z", CalendarStyle::event);
    CHECK(file.find("UID:" + id + "-klart@kvalitetshjul\r\n") != std::string::npos);
}
