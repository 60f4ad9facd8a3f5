// The scale of a risk analysis on its screen: the scale in use, and a custom scale made in a dialog
// (levels of each axis with their words and hints, the colour bands), checked before it is applied.
#include "risk_views.hpp"

namespace kvh::ui {

using core::Msg;

namespace {

// One axis of a custom scale: how many levels, and each level's words and hint.
void edit_levels(const char* id, Msg title, std::vector<core::ScaleLevel>& levels) {
    ImGui::PushID(id);
    section_title(core::tr(title));
    ImGui::AlignTextToFramePadding();
    text(core::fmt(Msg::scale_custom_levels, {std::to_string(levels.size())}).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(int(levels.size()) <= core::kMinScaleLevels);
    if (ImGui::Button("–")) levels.pop_back();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(int(levels.size()) >= core::kMaxScaleLevels);
    if (ImGui::Button("+"))
        levels.push_back({core::fmt(Msg::scale_custom_level, {std::to_string(levels.size() + 1)}), ""});
    ImGui::EndDisabled();
    for (std::size_t i = 0; i < levels.size(); ++i) {
        ImGui::PushID(int(i));
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string level = core::fmt(Msg::scale_custom_level, {std::to_string(i + 1)});
        input_text(("##" + level).c_str(), levels[i].label, level.c_str());
        ImGui::SetNextItemWidth(-FLT_MIN);
        input_text("##hint", levels[i].hint, core::tr(Msg::scale_custom_hint));
        ImGui::PopID();
    }
    ImGui::PopID();
}

// The colour bands of a custom scale as three thresholds: where gul, orange and röd begin.
void edit_bands(core::RiskScale& s) {
    section_title(core::tr(Msg::scale_custom_bands));
    int from[3] = {0, 0, 0}; // gul, orange, röd
    for (const auto& b : s.bands)
        if (b.colour != core::BandColour::gron) from[int(b.colour) - 1] = b.min_value;
    const core::BandColour colours[3] = {core::BandColour::gul, core::BandColour::orange,
                                         core::BandColour::rod};
    for (int i = 0; i < 3; ++i) {
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 10 * ImGui::GetFontSize()));
        number_field(
            core::fmt(Msg::scale_custom_from, {core::tr(core::band_colour_name(colours[i]))}).c_str(),
            &from[i]);
    }
    // Rebuilt every frame, so röd always reaches the top value as levels are added or removed.
    const int max = s.max_value();
    s.bands = {{1, from[0] - 1, core::BandColour::gron},
               {from[0], from[1] - 1, core::BandColour::gul},
               {from[1], from[2] - 1, core::BandColour::orange},
               {from[2], max, core::BandColour::rod}};
}

} // namespace

void draw_scale(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    section_title(core::tr(Msg::risk_scale));
    wrapped(core::fmt(Msg::risk_scale_now,
                      {a.scale.name, std::to_string(a.scale.levels_s()), std::to_string(a.scale.levels_k())})
                .c_str());
    static int chosen = 0, mapping = 0;
    static core::RiskScale custom;
    if (ImGui::Button(core::tr(Msg::risk_scale_change))) {
        chosen = a.scale.levels_s() == 5 ? 0 : 1;
        mapping = 0;
        custom = a.scale; // a custom scale starts from the one in use, under its own name
        if (custom.name == core::scale_4x4().name || custom.name == core::scale_5x5().name)
            custom.name = core::tr(Msg::scale_custom_default_name);
        ImGui::OpenPopup("##scale");
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(display.x - 20, 36 * ImGui::GetFontSize());
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, display.y * 0.92f));
    if (ImGui::BeginPopupModal("##scale", nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
        heading(core::tr(Msg::risk_scale_change), 2);
        ImGui::RadioButton(core::tr(Msg::scalepick_4x4), &chosen, 0);
        ImGui::RadioButton(core::tr(Msg::scalepick_5x5), &chosen, 1);
        ImGui::RadioButton(core::tr(Msg::scalepick_custom), &chosen, 2);
        // The decision first (mapping, then apply or cancel), the custom scale's details after it,
        // so the buttons stay in reach however long the list of levels grows.
        std::vector<core::ValidationError> problems;
        if (chosen == 2) core::validate_scale(custom, "skala", problems);
        const bool scored = std::any_of(a.risks.begin(), a.risks.end(), [](const core::Risk& r) {
            return r.s || r.k || r.residual_s || r.residual_k || !r.scores.empty();
        });
        if (scored) {
            wrapped(core::tr(Msg::risk_scale_mapping_question));
            ImGui::RadioButton(core::tr(Msg::scalepick_proportional), &mapping, 0);
            ImGui::RadioButton(core::tr(Msg::scalepick_clamp), &mapping, 1);
            ImGui::RadioButton(core::tr(Msg::scalepick_clear), &mapping, 2);
        }
        for (const auto& e : problems) colored_text(color_warning(), e.text(core::language()).c_str());
        ImGui::BeginDisabled(!problems.empty());
        const bool apply = ImGui::Button(core::tr(Msg::risk_scale_apply));
        ImGui::EndDisabled();
        if (apply) {
            const core::RiskScale to = chosen == 0   ? core::scale_4x4()
                                       : chosen == 1 ? core::scale_5x5()
                                                     : custom;
            const core::ScaleMapping how = mapping == 0   ? core::ScaleMapping::proportional
                                           : mapping == 1 ? core::ScaleMapping::clamp
                                                          : core::ScaleMapping::clear;
            edit_analysis(
                app, doc.id, Msg::risk_undo_scale,
                [&](core::RiskAnalysis& m) { core::change_scale(m, to, how); }, false);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(core::tr(Msg::import_cancel))) ImGui::CloseCurrentPopup();
        if (chosen == 2) {
            text_field(core::tr(Msg::scale_custom_name), custom.name);
            edit_levels("##s", Msg::risk_s, custom.sannolikhet);
            edit_levels("##k", Msg::risk_k, custom.konsekvens);
            edit_bands(custom);
        }
        ImGui::EndPopup();
    }
}

} // namespace kvh::ui
