// The åtgärdsplan under the document's header: what it answers (origin, diarienummer, owner,
// background), its actions each in the shared action editor, a summary line, and the plan printed or
// as CSV.
#include "views.hpp"

#include "action_editor.hpp"
#include "core/atgarder/action_plan_report.hpp"

#include <algorithm>

namespace kvh::ui {

using core::Msg;

namespace {

// The summary of the plan version last drawn, computed again only when the plan or the day changes.
struct SummaryCache {
    core::PlanPtr plan;
    std::uint64_t facts = ~0ull; // the facts' generation: the day or the settings may have moved
    core::PlanSummary summary;
};
SummaryCache g_summary;

// The action just added: it opens, also where rows start closed (a phone).
std::string g_added;

bool edit_plan(App& app, const std::string& doc_id, core::UndoLabel label,
               core::FunctionRef<void(core::ActionPlan&)> change, bool typing = false) {
    return edit_body(app, doc_id, core::plan_of, std::move(label), change, typing);
}

// A text of the plan's header; every keystroke is an edit, one undo step per field.
void header_text(App& app, const core::Document& doc, const core::ActionPlan& p, Msg label,
                 std::string core::ActionPlan::*member, float lines, FieldKind kind) {
    std::string v = p.*member;
    if (text_field(core::tr(label), v, lines, kind))
        edit_plan(
            app, doc.id, {Msg::risk_undo_header, {}, {label}}, [&](core::ActionPlan& m) { m.*member = v; },
            true);
}

void draw_header(App& app, const core::Document& doc, const core::ActionPlan& p) {
    text(core::tr(Msg::plan_origin));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 22 * ImGui::GetFontSize()));
    if (begin_combo((std::string("##") + core::tr(Msg::plan_origin)).c_str(),
                    core::tr(core::plan_origin_name(p.origin)))) {
        for (core::PlanOrigin o : core::all_plan_origins)
            if (menu_item(core::tr(core::plan_origin_name(o)), o == p.origin) && o != p.origin)
                edit_plan(app, doc.id, {Msg::risk_undo_header, {}, {Msg::plan_origin}},
                          [&](core::ActionPlan& m) { m.origin = o; });
        ImGui::EndCombo();
    }
    header_text(app, doc, p, Msg::plan_case_number, &core::ActionPlan::case_number, 0, FieldKind::verbatim);
    header_text(app, doc, p, Msg::plan_owner, &core::ActionPlan::owner, 0, FieldKind::name);
    header_text(app, doc, p, Msg::plan_background, &core::ActionPlan::background, 4.5f, FieldKind::prose);
}

void draw_exports(App& app, const core::Document& doc, const core::ActionPlan& p) {
    const std::string day = app.host().today();
    if (ImGui::Button(core::tr(Msg::risk_print)))
        app.host().open_printable(
            doc.title, core::plan_report_html(doc, p, core::language(), day, app.facts().settings()));
    same_line_if_fits(core::tr(Msg::risk_csv));
    download_button(app, core::tr(Msg::risk_csv), csv_file_name(doc), "text/csv;charset=utf-8",
                    [&] { return core::plan_to_csv(p, core::language(), day, app.facts().settings()); });
}

void draw_actions(App& app, const core::Document& doc, const core::ActionPlan& p) {
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
        const core::Action& act = p.actions[i];
        const ActionPlace place{
            {doc.id, act.id, act.id}, i, int(i) + 1, [i](Msg field) {
                return core::UndoLabel{Msg::plan_undo_action_field, {std::to_string(i + 1)}, {field}};
            }};
        if (act.id == g_added) {
            ImGui::SetNextItemOpen(true);
            g_added.clear();
        }
        // On a phone one action at a time is what fits: rows start closed there.
        if (draw_action(app, place, act, !layout().narrow) != ActionRowEvent::remove) continue;
        const std::string number = std::to_string(i + 1);
        if (edit_plan(app, doc.id, {Msg::plan_undo_action_remove, {number}}, [&](core::ActionPlan& m) {
                m.actions.erase_if([&](const core::Action& x) { return x.id == act.id; });
            }))
            show_toast(app, core::fmt(Msg::plan_action_removed, {number}), true);
        break; // the rows below moved up: the next frame draws them
    }
    if (p.actions.empty()) wrapped_muted(core::tr(Msg::plan_no_actions));
    if (ImGui::Button(core::tr(Msg::risk_action_add))) {
        core::Action act;
        act.id = core::new_uuid_v4(app.workspace().env());
        if (edit_plan(app, doc.id, Msg::plan_undo_action_add,
                      [&](core::ActionPlan& m) { m.actions.push_back(act); }))
            g_added = act.id;
    }
}

} // namespace

void draw_action_plan(App& app, const core::Document& doc) {
    const core::PlanPtr p = core::plan_of(doc);
    if (!p) return;
    ImGui::BeginDisabled(app.read_only());
    draw_header(app, doc, *p);
    ImGui::EndDisabled();

    section_title(core::fmt(Msg::risk_actions_title, {std::to_string(p->actions.size())}).c_str());
    if (g_summary.plan != p || g_summary.facts != app.facts().generation()) {
        g_summary = {p, app.facts().generation(),
                     core::plan_summary(*p, app.host().today(), app.facts().settings())};
    }
    wrapped(core::plan_summary_text(g_summary.summary, core::language()).c_str());
    draw_exports(app, doc, *p);
    ImGui::BeginDisabled(app.read_only());
    draw_actions(app, doc, *p);
    ImGui::EndDisabled();
}

} // namespace kvh::ui
