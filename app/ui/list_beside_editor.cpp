// A list beside one item's editor, or not, by the width there is (see list_beside_editor.hpp).
#include "list_beside_editor.hpp"

#include <imgui.h>

#include <algorithm>

namespace kvh::ui {

bool room_beside() {
    return ImGui::GetContentRegionAvail().x > 55 * ImGui::GetFontSize();
}

void list_beside_editor(const char* list_id, core::FunctionRef<void()> list, const char* editor_id,
                        core::FunctionRef<void()> editor) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float h = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetMainViewport()->WorkSize.y * 0.85f);
    ImGui::BeginChild(list_id, ImVec2(width * 0.4f, h));
    list();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild(editor_id, ImVec2(0, h));
    editor();
    ImGui::EndChild();
}

} // namespace kvh::ui
