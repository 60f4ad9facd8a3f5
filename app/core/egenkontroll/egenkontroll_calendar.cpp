// An egenkontrollplan's months as calendar entries (see egenkontroll_calendar.hpp).
#include "egenkontroll_calendar.hpp"

#include "core/date_input.hpp"

#include <cstdio>

namespace kvh::core {

std::string last_weekday_of_month(int year, int month) {
    Ymd day{year, month, days_in_month(year, month)};
    while (weekday(day) > 4) day = add_days(day, -1);
    return iso_of(day);
}

std::vector<report::CalendarEntry> plan_calendar_entries(const Document& plan, const YearWheel& wheel,
                                                         Lang lang) {
    std::vector<report::CalendarEntry> out;
    const EgenkontrollPlanPtr p = egenkontroll_plan_of(plan);
    if (!p || wheel.year < kMinYear || wheel.year > kMaxYear) return out;
    for (std::size_t i = 0; i < p->checks.size() && i < wheel.checks.size(); ++i) {
        const PlannedCheck& c = p->checks[i];
        const std::string name = is_blank(c.what)   ? c.area
                                 : is_blank(c.area) ? c.what
                                                    : c.area + ": " + c.what;
        std::string description = fmt(Msg::ical_check_method, lang, {tr(check_method_name(c.method), lang)});
        if (c.sample_size > 0)
            description += "\n" + fmt(Msg::ical_check_sample, lang, {std::to_string(c.sample_size)});
        if (!is_blank(c.responsible)) description += "\n" + fmt(Msg::ical_responsible, lang, {c.responsible});
        if (!is_blank(c.reported_to))
            description += "\n" + fmt(Msg::ical_check_reported_to, lang, {c.reported_to});
        description += "\n" + fmt(Msg::ical_source, lang, {plan.title});
        for (int m = 1; m <= 12; ++m) {
            const MonthState s = wheel.checks[i].months[std::size_t(m - 1)];
            if (s == MonthState::none) continue;
            const bool done = s == MonthState::done || s == MonthState::done_with_deviations;
            char month[8];
            std::snprintf(month, sizeof month, "%04d-%02d", wheel.year, m);
            out.push_back({c.id + "-" + month + "@kvalitetshjul", last_weekday_of_month(wheel.year, m),
                           fmt(Msg::ical_check, lang, {name}), description, plan.rev.number,
                           done ? report::EntryState::done : report::EntryState::open});
        }
    }
    return out;
}

std::string plan_ics(const Document& plan, const YearWheel& wheel, std::string_view dtstamp, Lang lang) {
    return report::icalendar(plan_calendar_entries(plan, wheel, lang), dtstamp, report::CalendarStyle::event,
                             plan.title);
}

} // namespace kvh::core
