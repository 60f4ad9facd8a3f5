// A screen's views as a row of buttons (see view_buttons.hpp).
#include "view_buttons.hpp"

#include "views.hpp"

namespace kvh::ui {

std::optional<int> view_buttons(std::span<const std::string> labels, int shown) {
    std::optional<int> pressed;
    for (int k = 0; k < int(labels.size()); ++k) {
        const char* label = labels[std::size_t(k)].c_str();
        const bool on = k == shown;
        if (k) same_line_if_fits(label);
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        if (ImGui::Button(label)) pressed = k;
        note_selected(label, on);
        if (on) ImGui::PopStyleColor();
    }
    return pressed;
}

} // namespace kvh::ui
