// The field that has the keyboard in this frame: its kind goes to the platform (which on-screen
// keyboard, spelling and language to ask for), and it is kept in view when the screen shrinks under
// it, as when the on-screen keyboard opens and the platform fits the app into what is left.
#include "views.hpp"

namespace kvh::ui {

namespace {
struct Focused {
    ImGuiID id = 0;
    FieldKind kind = FieldKind::prose;
    ImRect rect; // what must stay visible: the field, or the caret's line of a tall one
    ImGuiWindow* window = nullptr;
};
Focused g_now, g_before;
ImVec2 g_display_before;
} // namespace

void note_field(FieldKind kind, const ImRect* keep_in_view) {
    if (!ImGui::IsItemActive()) return;
    g_now = {ImGui::GetItemID(), kind, keep_in_view ? *keep_in_view : GImGui->LastItemData.Rect,
             ImGui::GetCurrentWindow()};
}

void begin_keyboard_frame() {
    g_before = g_now;
    g_now = {};
}

KeyboardFrame end_keyboard_frame() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const bool shrank = display.y < g_display_before.y;
    g_display_before = display;
    if (!g_now.id) return {};
    // Newly focused, or the screen got shorter (the keyboard opened): scrolled just enough to show it.
    ImGuiWindow* w = g_now.window;
    const bool scroll = (shrank || g_now.id != g_before.id) && !w->InnerClipRect.Contains(g_now.rect);
    if (scroll) ImGui::ScrollToRect(w, g_now.rect);
    return {g_now.kind, scroll, g_now.rect};
}

} // namespace kvh::ui
