// Small widgets every screen uses.
#include "views.hpp"


namespace kvh::ui {

namespace {
Layout g_layout;
}
const Layout& layout() { return g_layout; }
void set_layout(const Layout& l) { g_layout = l; }

void heading(const char* text) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::PushFont(io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : nullptr);
    ImGui::SetWindowFontScale(1.25f);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
}

void wrapped(const char* text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

void wrapped_muted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color_muted());
    wrapped(text);
    ImGui::PopStyleColor();
}

bool wide_button(const char* label) { return ImGui::Button(label, ImVec2(-FLT_MIN, 0)); }

// A label above its field (reads well on a phone), the field the full width of the column.
bool text_field(const char* label, std::string& value, const char* hint) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(-FLT_MIN);
    // The visible label above is also the item's name for the E2E hook: "##" hides it here.
    std::string id = std::string("##") + label;
    const bool changed = hint ? ImGui::InputTextWithHint(id.c_str(), hint, &value) : ImGui::InputText(id.c_str(), &value);
    ImGui::PopID();
    return changed;
}

void show_toast(App& app, std::string text, bool offers_undo) {
    app.state.toast = std::move(text);
    app.state.toast_undo = offers_undo;
    app.state.toast_until = ImGui::GetTime() + 8;
}

int current_year(App& app) {
    const std::string now = app.host().now_iso();
    return now.size() >= 4 ? std::atoi(now.substr(0, 4).c_str()) : 2026;
}

} // namespace kvh::ui
