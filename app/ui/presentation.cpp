// Analysdag mode: the whole screen for the room — the matrix large on one side, the current risk in
// large type on the other, each participant's scores with their spread and median, and a keyboard
// flow for the facilitator (N new risk, ←/→ previous/next, S or K then a digit, Esc to leave).
#include "risk_views.hpp"

#include <algorithm>

namespace kvh::ui {

using core::Msg;

namespace {

void end_presenting(App::State::RiskView& rv) {
    rv.presenting = false;
    rv.risk = rv.risk_before_presenting; // back where the user was when the room is done
}

void add_risk(App& app, const core::Document& doc) {
    const std::string id = core::new_uuid_v4(app.workspace().env());
    if (edit_analysis(app, doc.id, Msg::risk_undo_new, [&](core::RiskAnalysis& m) {
            core::Risk r;
            r.id = id;
            m.risks.push_back(r);
        })) {
        app.state.risk.risk = id;
        app.state.risk.keys_set_k = false;
    }
}

void set_participant_score(App& app, const core::Document& doc, const core::RiskAnalysis& a,
                           const std::string& risk_id, const std::string& participant, int s, int k) {
    edit_analysis(
        app, doc.id, risk_label(a, risk_id, Msg::risk_participant_scores), [&](core::RiskAnalysis& m) {
            core::Risk* r = find_risk(m, risk_id);
            if (!r) return;
            auto it = std::find_if(r->scores.begin(), r->scores.end(), [&](const core::ParticipantScore& p) {
                return p.participant == participant;
            });
            if (it == r->scores.end())
                it = r->scores.insert(r->scores.end(), core::ParticipantScore{participant, 0, 0});
            if (s >= 0) it->s = s;
            if (k >= 0) it->k = k;
        });
}

// Keys for the facilitator; nothing happens while a text field has the keyboard.
void handle_keys(App& app, const core::Document& doc, const core::RiskAnalysis& a, const core::Risk* risk) {
    auto& rv = app.state.risk;
    if (ImGui::GetIO().WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) end_presenting(rv);
    const int n = risk ? risk_number(a, risk->id) : 0;
    // Moving to another risk starts its scoring again with sannolikhet.
    if ((ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_PageDown)) &&
        n < int(a.risks.size())) {
        rv.risk = a.risks[std::size_t(n)].id;
        rv.keys_set_k = false;
    }
    if ((ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_PageUp)) && n > 1) {
        rv.risk = a.risks[std::size_t(n - 2)].id;
        rv.keys_set_k = false;
    }
    if (app.read_only()) return;
    if (ImGui::IsKeyPressed(ImGuiKey_N, false)) add_risk(app, doc);
    if (ImGui::IsKeyPressed(ImGuiKey_S, false)) rv.keys_set_k = false;
    if (ImGui::IsKeyPressed(ImGuiKey_K, false)) rv.keys_set_k = true;
    if (!risk) return;
    const int levels = rv.keys_set_k ? a.scale.levels_k() : a.scale.levels_s();
    for (int d = 1; d <= std::min(levels, 9); ++d) {
        if (!ImGui::IsKeyPressed(ImGuiKey(ImGuiKey_1 + d - 1), false) &&
            !ImGui::IsKeyPressed(ImGuiKey(ImGuiKey_Keypad1 + d - 1), false))
            continue;
        if (rv.keys_set_k) {
            set_scores(app, doc, risk->id, risk->s, d, false);
        } else {
            set_scores(app, doc, risk->id, d, risk->k, false);
            rv.keys_set_k = true; // sannolikhet first, then konsekvens: the order a group discusses them
        }
    }
}

void draw_participant_scores(App& app, const core::Document& doc, const core::RiskAnalysis& a,
                             const core::Risk& risk) {
    ImGui::SeparatorText(core::tr(Msg::risk_participant_scores));
    if (a.participants.empty()) {
        wrapped_muted(core::tr(Msg::risk_participant_scores_none));
        return;
    }
    const float small = std::max(layout().row_height, ImGui::GetFrameHeight());
    for (std::size_t p = 0; p < a.participants.size(); ++p) {
        ImGui::PushID(int(p));
        const auto& who = a.participants[p];
        const auto it =
            std::find_if(risk.scores.begin(), risk.scores.end(),
                         [&](const core::ParticipantScore& s) { return s.participant == who.id; });
        const int s = it == risk.scores.end() ? 0 : it->s, k = it == risk.scores.end() ? 0 : it->k;
        const std::string name =
            who.name.empty()
                ? (who.role.empty() ? core::fmt(Msg::risk_participant_n, {std::to_string(p + 1)}) : who.role)
                : (who.role.empty() ? who.name : who.name + " (" + who.role + ")");
        ImGui::AlignTextToFramePadding();
        text(name.c_str());
        for (int axis = 0; axis < 2; ++axis) {
            const int levels = axis == 0 ? a.scale.levels_s() : a.scale.levels_k();
            const int current = axis == 0 ? s : k;
            ImGui::TextUnformatted(axis == 0 ? core::tr(Msg::risk_s_short) : core::tr(Msg::risk_k_short));
            for (int l = 1; l <= levels; ++l) {
                ImGui::SameLine();
                const bool on = l == current;
                if (on)
                    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
                ImGui::PushID(axis * 100 + l);
                if (ImGui::Button(std::to_string(l).c_str(), ImVec2(small, 0)) && !app.read_only())
                    set_participant_score(app, doc, a, risk.id, who.id, axis == 0 ? (on ? 0 : l) : -1,
                                          axis == 1 ? (on ? 0 : l) : -1);
                ImGui::PopID();
                if (on) ImGui::PopStyleColor();
            }
            if (axis == 0) ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        }
        ImGui::PopID();
    }
    const core::ScoreSpread sp = core::score_spread(risk);
    if (sp.n == 0) return;
    wrapped(
        core::fmt(Msg::risk_spread, {std::to_string(sp.n), std::to_string(sp.min_s), std::to_string(sp.max_s),
                                     std::to_string(sp.median_s), std::to_string(sp.min_k),
                                     std::to_string(sp.max_k), std::to_string(sp.median_k)})
            .c_str());
    ImGui::BeginDisabled(app.read_only() || !sp.median_s || !sp.median_k);
    if (ImGui::Button(
            core::fmt(Msg::risk_adopt_median, {std::to_string(sp.median_s), std::to_string(sp.median_k)})
                .c_str()))
        set_scores(app, doc, risk.id, sp.median_s, sp.median_k, false);
    ImGui::EndDisabled();
}

} // namespace

void draw_presentation(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    auto& rv = app.state.risk;
    if (rv.risk.empty() && !a.risks.empty()) rv.risk = a.risks.front().id;
    const core::Risk* risk = find_risk(a, rv.risk);
    handle_keys(app, doc, a, risk);
    if (!rv.presenting) return;

    // A window over everything, navigation included: the room sees the analysis and nothing else.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("##presentation", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (ImGui::Button(core::tr(Msg::risk_present_end))) end_presenting(rv);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    colored_text(color_muted(), core::tr(Msg::risk_present_keys));
    heading(doc.title.c_str());

    const bool landscape = display.x > display.y * 1.1f;
    const float matrix_w =
        landscape ? ImGui::GetContentRegionAvail().x * 0.52f : ImGui::GetContentRegionAvail().x;
    const float matrix_h =
        landscape ? ImGui::GetContentRegionAvail().y : std::min(matrix_w, display.y * 0.45f);
    ImGui::BeginChild("##pmatrix", ImVec2(matrix_w, matrix_h));
    const core::DocFacts* facts = analysis_facts(app, doc, a);
    MatrixOptions opt{
        ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - ImGui::GetFontSize()),
        false,
        core::tr(Msg::risk_matrix_now),
        rv.risk,
        0,
        0,
        facts ? &facts->analysis->cells : nullptr};
    const MatrixEvent ev = draw_risk_matrix("##present", a, opt);
    if (ev.kind == MatrixEvent::Kind::marker_clicked) rv.risk = ev.risk;
    if (ev.kind == MatrixEvent::Kind::marker_dropped && !app.read_only())
        set_scores(app, doc, ev.risk, ev.s, ev.k, false);
    ImGui::EndChild();
    if (landscape) ImGui::SameLine();
    ImGui::BeginChild("##prisk");
    if (!risk) {
        wrapped(core::tr(Msg::risk_present_empty));
        if (ImGui::Button(core::tr(Msg::risk_new)) && !app.read_only()) add_risk(app, doc);
    } else {
        const int n = risk_number(a, risk->id);
        heading(core::fmt(Msg::risk_n_of, {std::to_string(n), std::to_string(a.risks.size())}).c_str());
        ImGui::BeginDisabled(app.read_only());
        std::string desc = risk->description;
        if (text_field(core::tr(Msg::risk_description), desc, 3.2f))
            edit_analysis(
                app, doc.id, risk_label(a, risk->id, Msg::risk_description),
                [&](core::RiskAnalysis& m) {
                    if (core::Risk* r = find_risk(m, risk->id)) r->description = desc;
                },
                true);
        colored_text(rv.keys_set_k ? color_muted() : ImGui::GetStyle().Colors[ImGuiCol_Text],
                     core::tr(Msg::risk_s));
        if (const int v = level_picker("##ps", a.scale.sannolikhet, risk->s, false); v >= 0) {
            set_scores(app, doc, risk->id, v, risk->k, false);
            rv.keys_set_k = true;
        }
        colored_text(rv.keys_set_k ? ImGui::GetStyle().Colors[ImGuiCol_Text] : color_muted(),
                     core::tr(Msg::risk_k));
        if (const int v = level_picker("##pk", a.scale.konsekvens, risk->k, false); v >= 0)
            set_scores(app, doc, risk->id, risk->s, v, false);
        const int value = a.scale.value(risk->s, risk->k);
        const std::string result =
            value ? core::fmt(Msg::risk_value,
                              {std::to_string(value), core::tr(core::band_colour_name(*a.scale.band(value)))})
                  : std::string(core::tr(Msg::risk_not_scored));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 size(ImGui::GetContentRegionAvail().x, layout().row_height * 1.2f);
        ImGui::GetWindowDrawList()->AddRectFilled(p, p + size, band_colour(a.scale.band(value)), 6);
        ImGui::GetWindowDrawList()->AddText(
            p + ImVec2(ImGui::GetStyle().FramePadding.x, (size.y - ImGui::GetTextLineHeight()) * 0.5f),
            IM_COL32(20, 20, 20, 255), result.c_str());
        announce(result.c_str(), ImRect(p, p + size));
        ImGui::Dummy(size);
        draw_participant_scores(app, doc, a, *risk);
        ImGui::EndDisabled();
    }
    ImGui::EndChild();
    ImGui::End();
}

} // namespace kvh::ui
