// Stored documents the app cannot read: listed where their kind's documents are (and on the overview),
// shown read-only with every problem and its place, and exported byte for byte. Nothing here writes
// to them: the workspace holds their ids (Workspace::set_held) so an import cannot replace them.
#include "views.hpp"

#include <algorithm>

namespace kvh::ui {

using core::Msg;

namespace {

std::string name_of(const core::UnreadableRecord& r) {
    return r.title.empty() ? core::fmt(Msg::unreadable_untitled, {r.id}) : r.title;
}

void export_button(App& app, const core::UnreadableRecord& r, const char* label) {
    ImGui::PushID(r.id.c_str());
    if (ImGui::Button(label)) {
        const std::string name = core::fmt(Msg::unreadable_filename, {r.id.substr(0, 8)});
        app.host().download(name, "application/json", r.bytes);
        show_toast(app, core::fmt(Msg::toast_exported, {name}), false);
    }
    ImGui::PopID();
}

} // namespace

void draw_unreadable_rows(App& app, const std::vector<core::DocKind>* kinds) {
    for (const core::UnreadableRecord& r : app.unreadable()) {
        const bool mine =
            !kinds || (r.kind && std::find(kinds->begin(), kinds->end(), *r.kind) != kinds->end());
        if (!mine) continue;
        // Marked in words, not by colour alone; a framed button, so it is plainly something to open.
        const std::string label = core::fmt(Msg::unreadable_row, {name_of(r)}) + "##" + r.id;
        ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
        if (ImGui::Button(label.c_str(), ImVec2(-FLT_MIN, layout().row_height)))
            app.state.open_unreadable = r.id;
        ImGui::PopStyleColor();
    }
}

bool draw_unreadable(App& app, const std::string& id) {
    const auto& all = app.unreadable();
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto& r) { return r.id == id; });
    if (it == all.end()) return false;
    if (ImGui::Button(core::tr(Msg::nav_back))) app.state.open_unreadable.clear();
    heading(name_of(*it).c_str());
    colored_text(color_warning(), core::tr(Msg::unreadable_explain));
    ImGui::Spacing();
    export_button(app, *it, core::tr(Msg::unreadable_export));
    ImGui::Spacing();
    wrapped(core::tr(Msg::unreadable_problems));
    for (const core::ValidationError& e : it->errors) wrapped(("• " + e.text(core::language())).c_str());
    return true;
}

void draw_unreadable_exports(App& app) {
    if (app.unreadable().empty()) return;
    section_title(core::tr(Msg::unreadable_export_title));
    announce(core::tr(Msg::unreadable_export_title), GImGui->LastItemData.Rect);
    for (const core::UnreadableRecord& r : app.unreadable()) {
        wrapped(name_of(r).c_str());
        export_button(app, r, core::tr(Msg::unreadable_export));
    }
}

} // namespace kvh::ui
