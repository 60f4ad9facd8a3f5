// Översikt: what the browser holds, per kind. The checks and warnings summary comes with the
// features that compute them; until then the screen says so plainly.
#include "views.hpp"

namespace kvh::ui {

void draw_overview(App& app) {
    heading(core::tr(core::Msg::overview_title));
    wrapped_muted(core::tr(core::Msg::app_tagline));
    ImGui::Spacing();
    if (app.workspace().size() == 0) {
        wrapped(core::tr(core::Msg::overview_welcome));
        ImGui::Spacing();
        wrapped_muted(core::tr(core::Msg::empty_first_time));
        if (ImGui::Button(core::tr(core::Msg::nav_risk_analyses))) set_active_screen(app, Screen::risk_analyses);
        ImGui::SameLine();
        if (ImGui::Button(core::tr(core::Msg::nav_import))) set_active_screen(app, Screen::import);
        return;
    }
    text(core::tr(core::Msg::overview_counts));
    if (ImGui::BeginTable("##counts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("##kind", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##n", ImGuiTableColumnFlags_WidthFixed, 4 * ImGui::GetFontSize());
        for (core::DocKind k : core::all_doc_kinds) {
            ImGui::TableNextRow(0, layout().row_height * 0.8f);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            text(kinds_text(k));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%zu", app.workspace().documents_of(k).size());
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    wrapped_muted(core::tr(core::Msg::overview_not_built));
}

} // namespace kvh::ui
