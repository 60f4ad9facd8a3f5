// Colours (the themes of core/palette.hpp) and sizes, with hit targets of at least 44 CSS px on touch.
// Applied at the start of each frame; the style is only rebuilt when its inputs change.
#include "views.hpp"

#include "core/palette.hpp"

#include <tuple>

namespace kvh::ui {

namespace {
Theme g_effective = Theme::light;

ImVec4 rgb(unsigned hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, a);
}

const core::Palette& effective() {
    return core::palette(g_effective == Theme::high_contrast ? core::PaletteKind::high_contrast
                         : g_effective == Theme::dark        ? core::PaletteKind::dark
                                                             : core::PaletteKind::light);
}
} // namespace

ImVec4 color_muted() {
    return ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
}
ImVec4 color_warning() {
    return rgb(effective().warning);
}
ImVec4 color_ok() {
    return rgb(effective().ok);
}

void apply_theme(Theme theme, bool prefers_dark, bool touch, int zoom_percent) {
    static std::tuple<Theme, bool, bool, int> applied{Theme::automatic, false, false, -1};
    const auto key = std::make_tuple(theme, prefers_dark, touch, zoom_percent);
    if (key == applied) return;
    applied = key;
    g_effective = theme == Theme::automatic ? (prefers_dark ? Theme::dark : Theme::light) : theme;
    const core::Palette& p = effective();

    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    // Sizes are in CSS px before zoom (the platform scales the whole display by the zoom).
    s.WindowPadding = ImVec2(14, 12);
    s.FramePadding = touch ? ImVec2(14, 13.5f) : ImVec2(10, 6); // 17 px text + 27 = 44 px targets
    s.ItemSpacing = touch ? ImVec2(10, 10) : ImVec2(8, 7);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.ScrollbarSize = touch ? 8 : 14;
    s.GrabMinSize = 16;
    s.FrameRounding = s.GrabRounding = s.PopupRounding = s.ChildRounding = 6;
    s.WindowRounding = 0;
    s.ScrollbarRounding = 6;
    s.FrameBorderSize = g_effective == Theme::high_contrast ? 1.5f : 1.0f;
    s.ChildBorderSize = s.PopupBorderSize = s.WindowBorderSize = 1.0f;
    s.TouchExtraPadding = touch ? ImVec2(2, 2) : ImVec2(0, 0);

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(p.text);
    c[ImGuiCol_TextDisabled] = rgb(p.muted);
    c[ImGuiCol_WindowBg] = rgb(p.bg);
    c[ImGuiCol_ChildBg] = rgb(p.bg, 0);
    c[ImGuiCol_PopupBg] = rgb(p.panel);
    c[ImGuiCol_Border] = rgb(p.border);
    c[ImGuiCol_BorderShadow] = rgb(0, 0);
    c[ImGuiCol_FrameBg] = rgb(p.panel);
    c[ImGuiCol_FrameBgHovered] = rgb(p.frame);
    c[ImGuiCol_FrameBgActive] = rgb(p.frame_hover);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = rgb(p.panel);
    c[ImGuiCol_MenuBarBg] = rgb(p.panel);
    c[ImGuiCol_ScrollbarBg] = rgb(p.bg, 0);
    c[ImGuiCol_ScrollbarGrab] = rgb(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrabActive] = rgb(p.muted);
    c[ImGuiCol_CheckMark] = rgb(p.accent);
    c[ImGuiCol_SliderGrab] = rgb(p.accent);
    c[ImGuiCol_SliderGrabActive] = rgb(p.accent_hover);
    c[ImGuiCol_Button] = rgb(p.frame);
    c[ImGuiCol_ButtonHovered] = rgb(p.frame_hover);
    c[ImGuiCol_ButtonActive] = rgb(p.accent, 0.35f);
    c[ImGuiCol_Header] = rgb(p.accent, 0.18f);
    c[ImGuiCol_HeaderHovered] = rgb(p.accent, 0.12f);
    c[ImGuiCol_HeaderActive] = rgb(p.accent, 0.28f);
    c[ImGuiCol_Separator] = c[ImGuiCol_SeparatorHovered] = c[ImGuiCol_SeparatorActive] = rgb(p.border);
    c[ImGuiCol_ResizeGrip] = c[ImGuiCol_ResizeGripHovered] = c[ImGuiCol_ResizeGripActive] = rgb(0, 0);
    c[ImGuiCol_Tab] = rgb(p.frame);
    c[ImGuiCol_TabHovered] = c[ImGuiCol_TabActive] = rgb(p.accent, 0.3f);
    c[ImGuiCol_TableHeaderBg] = rgb(p.frame);
    c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_TableBorderLight] = rgb(p.border);
    c[ImGuiCol_TableRowBg] = rgb(0, 0);
    c[ImGuiCol_TableRowBgAlt] = rgb(p.frame, 0.4f);
    c[ImGuiCol_TextSelectedBg] = rgb(p.accent, 0.35f);
    c[ImGuiCol_NavHighlight] = rgb(p.accent);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0.45f);
}

} // namespace kvh::ui
