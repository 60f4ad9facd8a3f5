// One risk at a time: what can happen and why, large sannolikhet/konsekvens pickers that show the
// level words (one thumb on a phone), barriers, the actions with their follow-up, the residual risk
// and the decision. Previous/next move through the analysis without going back to the list.
#include "risk_views.hpp"

#include "action_editor.hpp"

namespace kvh::ui {

using core::Msg;

int level_picker(const char* id, const std::vector<core::ScaleLevel>& levels, int current, bool large) {
    int chosen = -1;
    ImGui::PushID(id);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::GetContentRegionAvail().x;
    // In one row when every label fits; otherwise (a phone) each level gets its own full-width line.
    // The buttons share the row equally, so the widest label (in bold, as drawn) decides.
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : ImGui::GetFont();
    float widest = 0;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const std::string label = std::to_string(i + 1) + " " + levels[i].label;
        widest = std::max(widest, bold->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, label.c_str()).x);
    }
    const float needed = (widest + 2 * style.FramePadding.x) * float(levels.size()) +
                         style.ItemSpacing.x * float(levels.size() - 1);
    const bool row = !layout().narrow && w >= needed;
    const float bw = row ? (w - style.ItemSpacing.x * float(levels.size() - 1)) / float(levels.size()) : w;
    const float line = ImGui::GetTextLineHeight();
    const float bh = large ? line * 3 + style.FramePadding.y * 2 : layout().row_height;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        if (row && i) ImGui::SameLine();
        const int level = int(i) + 1;
        const bool on = level == current;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
        const std::string label = std::to_string(level) + " " + levels[i].label;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::Button(("##" + label).c_str(), ImVec2(bw, bh)) && level != current) chosen = level;
        note_selected(("##" + label).c_str(), on);
        if (on) ImGui::PopStyleColor();
        // The level's words in bold, its hint below: the words a group agrees on, not a bare number.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec4 clip(p.x + style.FramePadding.x, p.y, p.x + bw - style.FramePadding.x, p.y + bh);
        const float y = large ? p.y + style.FramePadding.y : p.y + (bh - line) * 0.5f;
        dl->AddText(bold, ImGui::GetFontSize(), ImVec2(clip.x, y), ImGui::GetColorU32(ImGuiCol_Text),
                    label.c_str(), nullptr, 0, &clip);
        if (large) {
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(clip.x, y + line),
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), levels[i].hint.c_str(), nullptr,
                        clip.z - clip.x, &clip);
            announce_run(levels[i].hint, ImRect(clip.x, y + line, clip.z, clip.w));
        }
    }
    // Without room for the hints in the buttons, the chosen level's hint is written below them.
    if (!large && current > 0 && current <= int(levels.size()) &&
        !levels[std::size_t(current - 1)].hint.empty())
        wrapped_muted(levels[std::size_t(current - 1)].hint.c_str());
    ImGui::PopID();
    return chosen;
}

namespace {

// A text field of the risk; every keystroke is an edit, one undo step per field of this risk.
void risk_text(App& app, const core::Document& doc, const core::RiskAnalysis& a, const core::Risk& risk,
               Msg label, std::string core::Risk::*member, bool multiline) {
    std::string v = risk.*member;
    if (text_field(core::tr(label), v, multiline ? 3.5f : 0))
        edit_analysis(
            app, doc.id, risk_label(a, risk.id, label),
            [&](core::RiskAnalysis& m) {
                if (core::Risk* r = find_risk(m, risk.id)) r->*member = v;
            },
            true);
}

// "ändring i risk 3, åtgärd 2 (Ansvarig)": each action's fields are steps of their own.
core::UndoLabel action_label(const core::RiskAnalysis& a, const core::Risk& risk, std::size_t index,
                             Msg field) {
    return {Msg::risk_undo_action_field,
            {std::to_string(risk_number(a, risk.id)), std::to_string(index + 1)},
            {field}};
}

void draw_actions(App& app, const core::Document& doc, const core::RiskAnalysis& a, const core::Risk& risk) {
    section_title(core::fmt(Msg::risk_actions_title, {std::to_string(risk.actions.size())}).c_str(), 3);
    const std::size_t item = std::size_t(risk_number(a, risk.id) - 1);
    for (std::size_t i = 0; i < risk.actions.size(); ++i) {
        const core::Action& act = risk.actions[i];
        const ActionPlace place{{doc.id, risk.id, act.id}, item, int(i) + 1, [&, i](Msg field) {
                                    return action_label(a, risk, i, field);
                                }};
        if (draw_action(app, place, act, true) == ActionRowEvent::remove) {
            edit_analysis(
                app, doc.id, risk_label(a, risk.id, Msg::risk_action_remove), [&](core::RiskAnalysis& m) {
                    if (core::Risk* r = find_risk(m, risk.id))
                        std::erase_if(r->actions, [&](const core::Action& x) { return x.id == act.id; });
                });
            break;
        }
    }
    if (ImGui::Button(core::tr(Msg::risk_action_add))) {
        const std::string id = core::new_uuid_v4(app.workspace().env());
        edit_analysis(app, doc.id, risk_label(a, risk.id, Msg::risk_action_add), [&](core::RiskAnalysis& m) {
            if (core::Risk* r = find_risk(m, risk.id)) {
                core::Action act;
                act.id = id;
                r->actions.push_back(act);
            }
        });
    }
}

// The risk's findings, which can be acknowledged (from the facts index when it holds this very version),
// and the flags that are not rules.
void draw_risk_flags(App& app, const core::Document& doc, const core::RiskAnalysis& a,
                     const core::Risk& risk) {
    const core::DocFacts* f = analysis_facts(app, doc, a);
    const std::size_t item = std::size_t(risk_number(a, risk.id) - 1);
    const std::vector<core::RiskFlag> flags = f ? f->risk_flags(item) : core::risk_flags(a, risk);
    for (core::RiskFlag flag : flags)
        if (flag != core::RiskFlag::katastrofal_without_action && flag != core::RiskFlag::red_without_action)
            colored_text(color_warning(), core::tr(core::risk_flag_name(flag)));
    draw_findings(app, f ? f->items[item]->risk_findings : core::risk_rules(a, risk), {doc.id, risk.id, ""});
}

void draw_score_pickers(App& app, const core::Document& doc, const core::RiskAnalysis& a,
                        const core::Risk& risk, bool residual) {
    const int s = residual ? risk.residual_s : risk.s, k = residual ? risk.residual_k : risk.k;
    text(core::tr(residual ? Msg::risk_residual_s : Msg::risk_s));
    // Big buttons with the level's hint on a phone, where a thumb chooses; compact on a desk.
    const bool large = !residual && layout().narrow;
    if (const int v = level_picker(residual ? "##rs" : "##s", a.scale.sannolikhet, s, large); v >= 0)
        set_scores(app, doc, risk.id, v, k, residual);
    text(core::tr(residual ? Msg::risk_residual_k : Msg::risk_k));
    if (const int v = level_picker(residual ? "##rk" : "##k", a.scale.konsekvens, k, large); v >= 0)
        set_scores(app, doc, risk.id, s, v, residual);
    const int value = a.scale.value(s, k);
    const auto band = a.scale.band(value);
    const std::string result =
        value ? core::fmt(Msg::risk_value, {std::to_string(value), core::tr(core::band_risk_name(*band))})
              : std::string(core::tr(Msg::risk_not_scored));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, layout().row_height);
    ImGui::GetWindowDrawList()->AddRectFilled(p, p + size, band_colour(band), 6);
    ImGui::GetWindowDrawList()->AddText(
        p + ImVec2(ImGui::GetStyle().FramePadding.x, (size.y - ImGui::GetTextLineHeight()) * 0.5f),
        band_colour_text(), result.c_str());
    announce(result.c_str(), ImRect(p, p + size));
    ImGui::Dummy(size);
}

} // namespace

void draw_risk_editor(App& app, const core::Document& doc, const core::RiskAnalysis& a,
                      const core::Risk& risk) {
    auto& rv = app.state.risk;
    const int n = risk_number(a, risk.id);
    if (ImGui::Button(core::tr(Msg::risk_back_to_analysis))) {
        rv.risk.clear();
        return;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(n <= 1);
    if (ImGui::Button(core::tr(Msg::risk_previous))) rv.risk = a.risks[std::size_t(n - 2)].id;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(n >= int(a.risks.size()));
    if (ImGui::Button(core::tr(Msg::risk_next))) rv.risk = a.risks[std::size_t(n)].id;
    ImGui::EndDisabled();
    if (rv.risk != risk.id) return; // moved: the next frame shows the other risk
    heading(core::fmt(Msg::risk_n_of, {std::to_string(n), std::to_string(a.risks.size())}).c_str(), 2);

    ImGui::BeginDisabled(app.read_only());
    draw_risk_flags(app, doc, a, risk);
    risk_text(app, doc, a, risk, Msg::risk_description, &core::Risk::description, true);
    risk_text(app, doc, a, risk, Msg::risk_category, &core::Risk::category, false);
    if (app.risk_library() && !app.risk_library()->categories.empty()) {
        if (ImGui::Button(core::tr(Msg::risk_category_pick))) ImGui::OpenPopup("##categories");
        if (ImGui::BeginPopup("##categories")) {
            for (const std::string& c : app.risk_library()->categories)
                if (menu_item(c.c_str(), c == risk.category))
                    edit_analysis(app, doc.id, risk_label(a, risk.id, Msg::risk_category),
                                  [&](core::RiskAnalysis& m) {
                                      if (core::Risk* r = find_risk(m, risk.id)) r->category = c;
                                  });
            ImGui::EndPopup();
        }
    }
    risk_text(app, doc, a, risk, Msg::risk_causes, &core::Risk::causes, true);
    risk_text(app, doc, a, risk, Msg::risk_consequence_individual, &core::Risk::consequence_individual, true);
    risk_text(app, doc, a, risk, Msg::risk_consequence_verksamhet, &core::Risk::consequence_verksamhet, true);
    section_title(core::tr(Msg::risk_scores), 3);
    draw_score_pickers(app, doc, a, risk, false);
    risk_text(app, doc, a, risk, Msg::risk_barriers, &core::Risk::barriers, true);
    draw_actions(app, doc, a, risk);
    section_title(core::tr(Msg::risk_residual), 3);
    draw_score_pickers(app, doc, a, risk, true);
    section_title(core::tr(Msg::risk_decision), 3);
    text(core::tr(Msg::risk_decision));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 18 * ImGui::GetFontSize()));
    if (begin_combo((std::string("##") + core::tr(Msg::risk_decision)).c_str(),
                    core::tr(core::decision_name(risk.decision)))) {
        for (core::RiskDecision d :
             {core::RiskDecision::ej_beslutad, core::RiskDecision::atgarda, core::RiskDecision::acceptera})
            if (menu_item(core::tr(core::decision_name(d)), d == risk.decision))
                edit_analysis(app, doc.id, risk_label(a, risk.id, Msg::risk_decision),
                              [&](core::RiskAnalysis& m) {
                                  if (core::Risk* r = find_risk(m, risk.id)) r->decision = d;
                              });
        ImGui::EndCombo();
    }
    risk_text(app, doc, a, risk, Msg::risk_decision_reason, &core::Risk::decision_reason, true);
    ImGui::Separator();
    // The way on, where a thumb is at the end of a long form on a phone.
    ImGui::BeginDisabled(n >= int(a.risks.size()));
    if (ImGui::Button((std::string(core::tr(Msg::risk_next)) + "##bottom").c_str()))
        rv.risk = a.risks[std::size_t(n)].id;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button((std::string(core::tr(Msg::risk_back_to_analysis)) + "##bottom").c_str()))
        rv.risk.clear();
    ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
    if (ImGui::Button(core::tr(Msg::risk_remove))) {
        const std::string id = risk.id;
        edit_analysis(app, doc.id, {Msg::risk_undo_remove, {std::to_string(n)}}, [&](core::RiskAnalysis& m) {
            m.risks.erase_if([&](const core::Risk& r) { return r.id == id; });
        });
        rv.risk.clear();
        show_toast(app, core::fmt(Msg::risk_removed, {std::to_string(n)}), true);
    }
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
}

} // namespace kvh::ui
