// Analysdag mode: the whole screen for the room — the risk under discussion as the headline, the
// matrix as tall as the rest, beside it the scores, each participant's with their spread and median,
// and a keyboard flow for the facilitator (N new risk, ←/→, S or K then a digit, Esc to leave).
#include "risk_views.hpp"

#include <algorithm>

namespace kvh::ui {

using core::Msg;

namespace {

// The headline's size in ImGui units: 48 CSS px and more at the 200 % a projector is usually set to.
constexpr float kHeadlineSize = 26.0f;

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
        app.state.risk.focus_text = true; // what the group says next is typed straight into it
    }
}

// Number buttons 1…levels on one line, the current one highlighted; returns the level pressed this
// frame (pressing the current one clears it: 0), or -1. What the room sees and taps, for the risk and
// for each participant alike.
int number_buttons(const char* id, int levels, int current) {
    int chosen = -1;
    ImGui::PushID(id);
    const float w = std::max(layout().row_height, ImGui::GetFrameHeight());
    for (int l = 1; l <= levels; ++l) {
        ImGui::SameLine();
        const bool on = l == current;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        ImGui::PushID(l);
        if (ImGui::Button(std::to_string(l).c_str(), ImVec2(w, 0))) chosen = on ? 0 : l;
        ImGui::PopID();
        if (on) ImGui::PopStyleColor();
    }
    ImGui::PopID();
    return chosen;
}

float number_buttons_width(int levels) {
    const float w = std::max(layout().row_height, ImGui::GetFrameHeight());
    return float(levels) * (w + ImGui::GetStyle().ItemSpacing.x);
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
    section_title(core::tr(Msg::risk_participant_scores));
    if (a.participants.empty()) {
        wrapped_muted(core::tr(Msg::risk_participant_scores_none));
        return;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float s_w = ImGui::CalcTextSize(core::tr(Msg::risk_s_short)).x,
                k_w = ImGui::CalcTextSize(core::tr(Msg::risk_k_short)).x;
    const float buttons_w = s_w + number_buttons_width(a.scale.levels_s()) + style.ItemSpacing.x * 2 + k_w +
                            number_buttons_width(a.scale.levels_k());
    // The name beside its buttons when there is room for a name, else above them.
    const float name_w = ImGui::GetContentRegionAvail().x - buttons_w;
    const bool beside = name_w >= ImGui::GetFontSize() * 6;
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
        if (beside) {
            const ImVec2 at = ImGui::GetCursorScreenPos() + ImVec2(0, style.FramePadding.y);
            draw_text_lines(ImGui::GetFont(), at, name_w - style.ItemSpacing.x,
                            ImGui::GetColorU32(ImGuiCol_Text), name, 1);
            ImGui::Dummy(ImVec2(name_w - style.ItemSpacing.x * 2, layout().row_height));
            ImGui::SameLine();
        } else {
            text(name.c_str());
        }
        text(core::tr(Msg::risk_s_short));
        if (const int v = number_buttons("##s", a.scale.levels_s(), s); v >= 0 && !app.read_only())
            set_participant_score(app, doc, a, risk.id, who.id, v, -1);
        ImGui::SameLine(0, style.ItemSpacing.x * 2);
        text(core::tr(Msg::risk_k_short));
        if (const int v = number_buttons("##k", a.scale.levels_k(), k); v >= 0 && !app.read_only())
            set_participant_score(app, doc, a, risk.id, who.id, -1, v);
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

// The risk's own score on the presentation's right: the axis, its number buttons, the chosen words.
void draw_score_line(App& app, const core::Document& doc, const core::Risk& risk, const core::RiskAnalysis& a,
                     bool konsekvens) {
    auto& rv = app.state.risk;
    const auto& levels = konsekvens ? a.scale.konsekvens : a.scale.sannolikhet;
    const int current = konsekvens ? risk.k : risk.s;
    ImGui::AlignTextToFramePadding();
    // The axis the digit keys set now is drawn in full colour, the other one muted.
    ImGui::PushStyleColor(ImGuiCol_Text, rv.keys_set_k == konsekvens ? ImGui::GetStyle().Colors[ImGuiCol_Text]
                                                                     : color_muted());
    text(core::tr(konsekvens ? Msg::risk_k : Msg::risk_s));
    ImGui::PopStyleColor();
    const int v = number_buttons(konsekvens ? "##pk" : "##ps", int(levels.size()), current);
    if (current > 0 && current <= int(levels.size())) {
        ImGui::SameLine();
        text(levels[std::size_t(current - 1)].label.c_str());
    }
    if (v < 1 || app.read_only()) return; // the current level again: the risk keeps its score
    if (konsekvens) {
        set_scores(app, doc, risk.id, risk.s, v, false);
    } else {
        set_scores(app, doc, risk.id, v, risk.k, false);
        rv.keys_set_k = true;
    }
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
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("##presentation", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (ImGui::Button(core::tr(Msg::risk_present_end))) end_presenting(rv);
    if (risk) {
        ImGui::SameLine();
        heading(core::fmt(Msg::risk_n_of,
                          {std::to_string(risk_number(a, risk->id)), std::to_string(a.risks.size())})
                    .c_str());
    }
    ImGui::SameLine(0, style.ItemSpacing.x * 3);
    ImGui::AlignTextToFramePadding();
    colored_text(color_muted(), core::tr(Msg::risk_present_keys));

    // [SECTION] The headline: the risk under discussion, as large as the room needs, across the top
    if (!risk) {
        wrapped(core::tr(Msg::risk_present_empty));
        if (ImGui::Button(core::tr(Msg::risk_new)) && !app.read_only()) add_risk(app, doc);
    } else {
        text(core::tr(Msg::risk_description));
        ImGui::BeginDisabled(app.read_only());
        std::string desc = risk->description;
        ImGuiIO& io = ImGui::GetIO();
        ImGui::PushFont(io.Fonts->Fonts.Size > 2 ? io.Fonts->Fonts[2] : nullptr);
        ImGui::SetWindowFontScale(kHeadlineSize / ImGui::GetFont()->FontSize / io.FontGlobalScale);
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (rv.focus_text) {
            ImGui::SetKeyboardFocusHere();
            rv.focus_text = false;
        }
        // Named by its caption for the test hooks and the accessibility layer, as every field is.
        const bool typed = text_area(("##" + std::string(core::tr(Msg::risk_description))).c_str(), desc, 1);
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopFont();
        if (typed)
            edit_analysis(
                app, doc.id, risk_label(a, risk->id, Msg::risk_description),
                [&](core::RiskAnalysis& m) {
                    if (core::Risk* r = find_risk(m, risk->id)) r->description = desc;
                },
                true);
        ImGui::EndDisabled();
    }

    // [SECTION] The matrix, as tall as what is left; the scores beside it (below it in portrait)
    const bool landscape = display.x > display.y * 1.1f;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float matrix_w = landscape ? avail.x * 0.46f : avail.x;
    const float matrix_h = landscape ? avail.y : std::min(matrix_w, display.y * 0.45f);
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
    if (!risk) {
        ImGui::End();
        return;
    }
    if (landscape) ImGui::SameLine(0, style.ItemSpacing.x * 2);
    ImGui::BeginChild("##prisk");
    ImGui::BeginDisabled(app.read_only());
    draw_score_line(app, doc, *risk, a, false);
    draw_score_line(app, doc, *risk, a, true);
    const int value = a.scale.value(risk->s, risk->k);
    const std::string result =
        value ? core::fmt(Msg::risk_value,
                          {std::to_string(value), core::tr(core::band_risk_name(*a.scale.band(value)))})
              : std::string(core::tr(Msg::risk_not_scored));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, layout().row_height * 1.2f);
    ImGui::GetWindowDrawList()->AddRectFilled(p, p + size, band_colour(a.scale.band(value)), 6);
    const ImVec2 at = p + ImVec2(style.FramePadding.x, (size.y - ImGui::GetTextLineHeight()) * 0.5f);
    draw_text_lines(ImGui::GetFont(), at, size.x - 2 * style.FramePadding.x, band_colour_text(), result, 1);
    announce(result.c_str(), ImRect(p, p + size));
    ImGui::Dummy(size);
    draw_participant_scores(app, doc, a, *risk);
    ImGui::EndDisabled();
    ImGui::EndChild();
    ImGui::End();
}

} // namespace kvh::ui
