// Dates as people type them, read as YYYY-MM-DD; whether unfinished text can still become a date;
// the calendar arithmetic of the date picker.
#pragma once

#include "messages.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kvh::core {

struct Ymd {
    int year = 0, month = 0, day = 0;
    bool operator==(const Ymd&) const = default;
};

// The date in `text` as YYYY-MM-DD; nothing when it is no date, not a real day (2026-02-30) or its
// year is outside kMinYear–kMaxYear (a typing mistake). Spaces around it do not matter. Accepted:
// 2026-12-02, 2026-12-2, 2026/12/02, 2026.12.02, 20261202, 2/12 2026, 2/12/2026, 2.12.2026,
// 2-12-2026, 2 dec 2026, 2 dec. 2026, 2 december 2026. Month names are Swedish, and English too
// when `lang` is English; the day always comes before the month.
std::optional<std::string> parse_date(std::string_view text, Lang lang);
// True while `text` can still become a date by typing more: empty, a date, or the beginning of one
// ("2026-1", "2/12 20", "2 dec"). False once nothing typed after it can help ("2026-13", "31/2").
bool could_become_date(std::string_view text, Lang lang);

// [SECTION] Calendar arithmetic
std::optional<Ymd> ymd_of(std::string_view iso); // a YYYY-MM-DD that is_iso_date accepts
std::string iso_of(Ymd d);
int days_in_month(int year, int month);
int weekday(Ymd d); // 0 = Monday … 6 = Sunday
Ymd add_days(Ymd d, int days);
Ymd add_months(Ymd d, int months); // the day is cut to the new month's length (31 jan + 1 → 28 feb)
Msg month_name(int month);         // 1–12
Msg weekday_name(int weekday);     // 0 = Monday

} // namespace kvh::core
