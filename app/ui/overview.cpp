// Översikt: what the browser holds, per kind. The checks and warnings summary comes with the
// features that compute them; until then the screen says so plainly.
#include "views.hpp"

#include <algorithm>
#include <iterator>

namespace kvh::ui {

void draw_overview(App& app) {
    heading(core::tr(core::Msg::overview_title));
    wrapped_muted(core::tr(core::Msg::app_tagline));
    ImGui::Spacing();
    if (!app.unreadable().empty()) {
        colored_text(color_warning(),
                     core::fmt(core::Msg::unreadable_count, {std::to_string(app.unreadable().size())}).c_str());
        draw_unreadable_rows(app, nullptr);
        ImGui::Spacing();
    }
    if (app.workspace().size() == 0) {
        wrapped(core::tr(core::Msg::overview_welcome));
        ImGui::Spacing();
        wrapped_muted(core::tr(core::Msg::empty_first_time));
        if (ImGui::Button(core::tr(core::Msg::nav_risk_analyses)))
            set_active_screen(app, Screen::risk_analyses);
        ImGui::SameLine();
        if (ImGui::Button(core::tr(core::Msg::nav_import))) set_active_screen(app, Screen::import);
        return;
    }
    // Counted once per change of the workspace, not every frame.
    static std::uint64_t counted_generation = ~0ull;
    static std::size_t counts[std::size(core::all_doc_kinds)] = {};
    if (counted_generation != app.workspace().generation()) {
        counted_generation = app.workspace().generation();
        std::fill(std::begin(counts), std::end(counts), 0);
        for (const core::Document* d : app.workspace().documents())
            ++counts[static_cast<std::size_t>(d->kind)];
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
            text(std::to_string(counts[static_cast<std::size_t>(k)]).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    wrapped_muted(core::tr(core::Msg::overview_not_built));
}

} // namespace kvh::ui
