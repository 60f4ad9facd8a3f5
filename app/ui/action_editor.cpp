// The action editor and the findings with their acknowledgements (see action_editor.hpp). A change
// the rules of the action refuse (beslutad without a cause, avbruten without a reason) changes
// nothing and says why under the field it was made in.
#include "action_editor.hpp"

#include "core/atgarder/responsibles.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace kvh::ui {

using core::Msg;

namespace {

// [SECTION] State
// The last refused change, shown under its field until anything in the workspace changes (a refused
// change changes nothing, so the generation it was refused at is the one on screen).
struct Refusal {
    std::string action;
    Msg field = Msg::count_;
    std::string text;
    std::uint64_t generation = 0;
};
Refusal g_refusal;

// A reason being written before it is kept (an acknowledgement, a cancellation), by the ImGui id of
// its form; a form is open while it has an entry.
struct Pending {
    std::string reason;
    std::string error; // why the last attempt was refused
};
std::unordered_map<ImGuiID, Pending> g_pending;

// The responsibles already given: gathered when their list is open, again only after the facts changed.
struct Responsibles {
    std::uint64_t generation = ~0ull;
    std::vector<std::string> names;
};
Responsibles g_responsibles;

const std::vector<std::string>& responsibles(App& app) {
    if (g_responsibles.generation != app.facts().generation()) {
        g_responsibles.names = core::known_responsibles(app.facts().actions());
        g_responsibles.generation = app.facts().generation();
    }
    return g_responsibles.names;
}

// [SECTION] Changing the action
bool change(App& app, const ActionPlace& place, Msg field, core::FunctionRef<void(core::Action&)> f,
            bool typing = false) {
    core::Workspace& ws = app.workspace();
    if (core::edit_action(ws, place.ref, place.label(field), f, typing)) return true;
    if (!ws.refusal().empty())
        g_refusal = {place.ref.action, field, refused_change_text(ws.refusal()), ws.generation()};
    return false;
}

void show_refusal(App& app, const ActionPlace& place, Msg field) {
    if (g_refusal.action == place.ref.action && g_refusal.field == field &&
        g_refusal.generation == app.workspace().generation())
        colored_text(color_warning(), g_refusal.text.c_str());
}

// Every keystroke is an edit, one undo step per field of this action.
void text_of(App& app, const ActionPlace& place, const core::Action& act, Msg label,
             std::string core::Action::*member, FieldKind kind = FieldKind::prose) {
    std::string v = act.*member;
    if (text_field(core::tr(label), v, 0, kind))
        change(
            app, place, label, [&](core::Action& x) { x.*member = v; }, true);
    show_refusal(app, place, label);
}

// Dates are stored only whole; typing in one is one undo step, I dag and the calendar one each.
void date_of(App& app, const ActionPlace& place, const core::Action& act, Msg label,
             std::string core::Action::*member) {
    std::string v = act.*member;
    if (const DateChange c = date_field(app, core::tr(label), v); c != DateChange::none)
        change(
            app, place, label, [&](core::Action& x) { x.*member = v; }, c == DateChange::typed);
    show_refusal(app, place, label);
}

template <typename E, std::size_t N>
void choice_of(App& app, const ActionPlace& place, const core::Action& act, Msg label,
               E core::Action::*member, const E (&all)[N], Msg (*name)(E)) {
    if (const auto e = enum_choice(core::tr(label), act.*member, all, name))
        change(app, place, label, [&](core::Action& x) { x.*member = *e; });
    show_refusal(app, place, label);
}

// Ansvarig, with the names and roles already used elsewhere one tap away. They are gathered only
// while the list is open: with 10,000 actions, not on every keystroke of every field.
void responsible_of(App& app, const ActionPlace& place, const core::Action& act) {
    text_of(app, place, act, Msg::actfield_responsible, &core::Action::responsible, FieldKind::name);
    if (app.facts().actions().size() < 2) return; // no other action to take one from
    if (ImGui::Button(core::tr(Msg::action_responsible_pick))) ImGui::OpenPopup("##responsibles");
    if (ImGui::BeginPopup("##responsibles")) {
        const auto& names = responsibles(app);
        if (names.empty()) wrapped_muted(core::tr(Msg::action_responsible_none));
        for (const std::string& name : names)
            if (menu_item(name.c_str(), name == act.responsible) && name != act.responsible)
                change(app, place, Msg::actfield_responsible, [&](core::Action& x) { x.responsible = name; });
        ImGui::EndPopup();
    }
}

// Status: avbruten asks for the reason first, and the two are kept together as one step.
void status_of(App& app, const ActionPlace& place, const core::Action& act) {
    const ImGuiID form = ImGui::GetID("##cancel");
    if (const auto s = enum_choice(core::tr(Msg::actfield_status), act.status, core::all_action_statuses,
                                   core::action_status_name)) {
        if (*s == core::ActionStatus::avbruten && core::is_blank(act.cancel_reason))
            g_pending[form] = {};
        else
            change(app, place, Msg::actfield_status,
                   [&](core::Action& x) { core::set_status(x, *s, app.host().today()); });
    }
    show_refusal(app, place, Msg::actfield_status);
    const auto it = g_pending.find(form);
    if (it == g_pending.end()) return;
    Pending& p = it->second;
    text_field(core::tr(Msg::action_cancel_prompt), p.reason, 0);
    if (!p.error.empty()) colored_text(color_warning(), p.error.c_str());
    if (ImGui::Button(core::tr(Msg::action_cancel_confirm))) {
        if (change(app, place, Msg::actfield_status, [&](core::Action& x) {
                core::set_status(x, core::ActionStatus::avbruten, app.host().today(), p.reason);
            })) {
            g_pending.erase(it);
            return;
        }
        p.error = refused_change_text(app.workspace().refusal());
        g_refusal = {};
    }
    same_line_if_fits(core::tr(Msg::action_cancel_keep));
    if (ImGui::Button(core::tr(Msg::action_cancel_keep))) g_pending.erase(it);
}

// Only a verdict closes an action, and a verdict closes it: choosing one sets the status with it.
void verdict_of(App& app, const ActionPlace& place, const core::Action& act) {
    if (const auto v =
            enum_choice(core::tr(Msg::actfield_effect), act.verdict, core::all_verdicts, core::verdict_name))
        change(app, place, Msg::actfield_effect,
               [&](core::Action& x) { core::set_verdict(x, *v, app.host().today()); });
    show_refusal(app, place, Msg::actfield_effect);
}

// The action's findings: from the facts index when it holds this very version, else computed.
std::vector<core::RuleHit> findings_of(App& app, const ActionPlace& place, const core::Action& act) {
    if (const core::DocFacts* f = app.facts().of(place.ref.doc)) {
        const auto in = [&](const std::vector<core::ActionFact>& facts) -> const core::ActionFact* {
            for (const core::ActionFact& x : facts)
                if (x.action == &act) return &x;
            return nullptr;
        };
        const core::ActionFact* x =
            place.item < f->items.size() ? in(f->items[place.item]->actions) : nullptr;
        if (!x) x = in(f->own_actions);
        if (x) return x->findings;
    }
    return core::action_rules(act, app.host().today(), app.facts().settings());
}

// Under a closed row: where the action stands, so a list of them can be read without opening each.
void draw_summary(const core::Action& act, const std::vector<core::RuleHit>& hits) {
    std::string line = core::tr(core::action_status_name(act.status));
    if (!core::is_blank(act.responsible)) line += " · " + act.responsible;
    if (!act.due.empty()) line += " · " + core::fmt(Msg::action_meta_due, {act.due});
    const auto open =
        std::count_if(hits.begin(), hits.end(), [](const core::RuleHit& h) { return h.open(); });
    if (open > 0) line += " · " + core::fmt(Msg::action_meta_findings, {std::to_string(open)});
    if (open > 0)
        colored_text(color_warning(), line.c_str());
    else
        wrapped_muted(line.c_str());
}

} // namespace

void draw_findings(App& app, const std::vector<core::RuleHit>& hits, const core::ActionRef& where) {
    ImGui::PushID((where.item + "/" + where.action).c_str());
    for (const core::RuleHit& h : hits) {
        const core::RuleSpec& spec = core::rule_spec(h.rule);
        ImGui::PushID(spec.key.data(), spec.key.data() + spec.key.size());
        const core::Finding finding{h.rule, where, "", nullptr};
        if (!h.open()) {
            // "Kvitterad: … (motivering)", as the reports write it.
            wrapped_muted(core::findings_text({h}, app.facts().settings(), core::language()).c_str());
            if (ImGui::Button(core::tr(Msg::finding_withdraw)))
                core::acknowledge(app.workspace(), finding, nullptr);
            ImGui::PopID();
            continue;
        }
        const std::string what = core::rule_text(h.rule, app.facts().settings(), core::language());
        colored_text(
            color_warning(),
            core::fmt(Msg::finding_line, {core::tr(core::severity_name(spec.severity)), what}).c_str());
        const ImGuiID form = ImGui::GetID("##acknowledge");
        const auto it = g_pending.find(form);
        if (it == g_pending.end()) {
            if (ImGui::Button(core::tr(Msg::finding_acknowledge))) g_pending[form] = {};
            ImGui::PopID();
            continue;
        }
        Pending& p = it->second;
        text_field(core::tr(Msg::finding_reason), p.reason, 0);
        if (!p.error.empty()) colored_text(color_warning(), p.error.c_str());
        bool closed = false;
        if (ImGui::Button(core::tr(Msg::finding_acknowledge_confirm))) {
            const core::Acknowledgement ack{"", p.reason, "", app.host().today()};
            if (core::acknowledge(app.workspace(), finding, &ack))
                closed = true;
            else
                p.error = refused_change_text(app.workspace().refusal());
        }
        ImGui::SameLine();
        if (ImGui::Button(core::tr(Msg::finding_acknowledge_cancel))) closed = true;
        if (closed) g_pending.erase(form);
        ImGui::PopID();
    }
    ImGui::PopID();
}

ActionRowEvent draw_action(App& app, const ActionPlace& place, const core::Action& act, bool default_open) {
    ActionRowEvent event = ActionRowEvent::none;
    ImGui::PushID(act.id.c_str());
    const std::string head =
        core::fmt(Msg::risk_action_n, {std::to_string(place.number),
                                       act.what.empty() ? core::tr(Msg::risk_action_untitled) : act.what});
    // A new action, where nothing has been written yet, gets what to do in a neutral tone; its
    // findings are warnings once the person has begun.
    const bool untouched = act.status == core::ActionStatus::foreslagen && core::is_blank(act.what) &&
                           core::is_blank(act.why) && core::is_blank(act.responsible) && act.due.empty();
    const std::vector<core::RuleHit> hits =
        untouched ? std::vector<core::RuleHit>{} : findings_of(app, place, act);
    const ImGuiTreeNodeFlags flags =
        ImGuiTreeNodeFlags_SpanAvailWidth | (default_open ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    if (!wrapped_tree_node("##action", flags, head)) {
        const float indent = ImGui::GetTreeNodeToLabelSpacing();
        ImGui::Indent(indent); // under the heading's words, not its arrow
        draw_summary(act, hits);
        ImGui::Unindent(indent);
        ImGui::PopID();
        return event;
    }
    // The personakt hint belongs where the level is chosen; every other finding heads the action.
    const auto at_level = [](const core::RuleHit& h) {
        return h.rule == core::Rule::action_individual_level;
    };
    std::vector<core::RuleHit> level_hits;
    std::copy_if(hits.begin(), hits.end(), std::back_inserter(level_hits), at_level);
    std::vector<core::RuleHit> other_hits;
    std::remove_copy_if(hits.begin(), hits.end(), std::back_inserter(other_hits), at_level);
    if (untouched) wrapped_muted(core::tr(Msg::action_next_steps));
    draw_findings(app, other_hits, place.ref);
    text_of(app, place, act, Msg::actfield_what, &core::Action::what);
    text_of(app, place, act, Msg::actfield_why, &core::Action::why);
    choice_of(app, place, act, Msg::actfield_level, &core::Action::level, core::all_action_levels,
              core::action_level_name);
    draw_findings(app, level_hits, place.ref);
    choice_of(app, place, act, Msg::actfield_type, &core::Action::type, core::all_action_types,
              core::action_type_name);
    responsible_of(app, place, act);
    date_of(app, place, act, Msg::actfield_due, &core::Action::due);
    status_of(app, place, act);
    if (act.status == core::ActionStatus::avbruten)
        text_of(app, place, act, Msg::actfield_cancel_reason, &core::Action::cancel_reason);
    date_of(app, place, act, Msg::actfield_done_date, &core::Action::done_date);
    date_of(app, place, act, Msg::actfield_follow_up_date, &core::Action::follow_up_date);
    verdict_of(app, place, act);
    text_of(app, place, act, Msg::actfield_follow_up_note, &core::Action::follow_up_note);
    if (ImGui::Button(core::tr(Msg::risk_action_remove))) event = ActionRowEvent::remove;
    ImGui::TreePop();
    ImGui::PopID();
    return event;
}

} // namespace kvh::ui
