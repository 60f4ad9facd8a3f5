// The actions' dates as calendar entries (see action_calendar.hpp).
#include "action_calendar.hpp"

namespace kvh::core {

std::vector<report::CalendarEntry> action_calendar_entries(const std::vector<const ActionFact*>& actions,
                                                           const Workspace& ws, Lang lang) {
    std::vector<report::CalendarEntry> out;
    for (const ActionFact* f : actions) {
        const Action& a = *f->action;
        const Document* doc = ws.find(f->ref.doc);
        std::string description;
        if (!is_blank(a.responsible)) description += fmt(Msg::ical_responsible, lang, {a.responsible});
        if (doc) description += (description.empty() ? "" : "\n") + fmt(Msg::ical_source, lang, {doc->title});
        if (!is_blank(a.why)) description += (description.empty() ? "" : "\n") + a.why;
        const std::uint64_t sequence = doc ? doc->rev.number : 0;
        const bool cancelled = a.status == ActionStatus::avbruten;
        const auto state = [&](bool done) {
            return cancelled ? report::EntryState::cancelled
                   : done    ? report::EntryState::done
                             : report::EntryState::open;
        };
        if (!a.due.empty())
            out.push_back({a.id + "-klart@kvalitetshjul", a.due, fmt(Msg::ical_due, lang, {a.what}),
                           description, sequence, state(is_done(a.status))});
        if (!a.follow_up_date.empty())
            out.push_back({a.id + "-uppfoljning@kvalitetshjul", a.follow_up_date,
                           fmt(Msg::ical_follow_up, lang, {a.what}), description, sequence,
                           state(a.status == ActionStatus::uppfoljd)});
    }
    return out;
}

} // namespace kvh::core
