// App: one frame of the whole UI. Picks the layout for the device (bottom tab bar on a phone in
// portrait, side bar on wide screens), shows the save state and the read-only banner, and hands the
// content area to the screen the user is on.
#include "views.hpp"

#include "core/exchange_format.hpp"
#include "item_roles.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace kvh::ui {

// [SECTION] Navigation table
namespace {

struct NavItem {
    Screen screen;
    core::Msg label, short_label;
};
constexpr NavItem kNav[] = {
    {Screen::overview, core::Msg::nav_overview, core::Msg::nav_short_overview},
    {Screen::risk_analyses, core::Msg::nav_risk_analyses, core::Msg::nav_short_risk_analyses},
    {Screen::egenkontroller, core::Msg::nav_egenkontroller, core::Msg::nav_short_egenkontroller},
    {Screen::yearly_review, core::Msg::nav_yearly_review, core::Msg::nav_short_yearly_review},
    {Screen::actions, core::Msg::nav_actions, core::Msg::nav_short_actions},
};
struct MenuItem {
    Screen screen;
    core::Msg label;
};
constexpr MenuItem kMenu[] = {
    {Screen::import, core::Msg::nav_import},
    {Screen::exportera, core::Msg::nav_export},
    {Screen::settings, core::Msg::nav_settings},
    {Screen::about, core::Msg::nav_about},
};

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

} // namespace

// [SECTION] App
App::App(core::Workspace& ws, Host& host, Settings settings)
    : ws_(ws), host_(host), facts_(ws, [&host] { return host.today(); }), settings_(settings) {}

void App::change_settings(const Settings& s) {
    settings_ = s;
    host_.settings_changed(settings_);
    host_.request_frames(3);
}

void App::opened_from(Screen screen, std::string doc) {
    state.origin = {screen, std::move(doc), state.open_doc};
}

void undo_step(App& app) {
    const std::string label = app.workspace().undo_label();
    if (!app.workspace().undo()) return;
    show_toast(app, core::fmt(core::Msg::toast_undone, {label}), false);
}

void redo_step(App& app) {
    const std::string label = app.workspace().redo_label();
    if (!app.workspace().redo()) return;
    show_toast(app, core::fmt(core::Msg::toast_redone, {label}), false);
}

void set_active_screen(App& app, Screen s) {
    app.state.screen = s;
    app.state.origin = {};
    app.state.open_doc.clear();
    app.state.open_unreadable.clear();
    app.state.search.clear();
    app.state.menu_open = false;
}

// [SECTION] Pieces of the frame
namespace {

void draw_save_status(App& app) {
    const SaveStatus& s = app.save_status();
    using State = SaveStatus::State;
    switch (s.state) {
    case State::loading:
        colored_text(color_muted(), core::tr(core::Msg::save_loading), kRoleLive);
        break;
    case State::saved:
        colored_text(color_ok(), core::tr(core::Msg::save_saved), kRoleLive);
        break;
    case State::pending:
        colored_text(color_muted(), core::tr(core::Msg::save_pending), kRoleLive);
        break;
    case State::saving:
        colored_text(color_muted(), core::tr(core::Msg::save_saving), kRoleLive);
        break;
    case State::read_only:
        break; // the banner says it
    case State::failed: {
        ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
        wrapped(core::fmt(core::Msg::save_failed, {s.reason}).c_str(), kRoleLive);
        ImGui::PopStyleColor();
        wrapped(core::tr(core::Msg::save_failed_hint));
        if (ImGui::Button(core::tr(core::Msg::save_export_now))) set_active_screen(app, Screen::exportera);
        break;
    }
    }
}

void draw_banner(App& app) {
    if (app.save_status().state != SaveStatus::State::read_only) return;
    // Amber with black text reads in every theme (contrast > 12:1) and is not mistaken for an error.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.85f, 0.4f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 1));
    const float wrap = ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().WindowPadding.x;
    const ImVec2 text = ImGui::CalcTextSize(core::tr(core::Msg::save_read_only), nullptr, false, wrap);
    ImGui::BeginChild("##readonly", ImVec2(0, text.y + 2 * ImGui::GetStyle().WindowPadding.y),
                      ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoScrollbar);
    wrapped(core::tr(core::Msg::save_read_only));
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

// Ångra and Gör om, each with the step it takes, in up to two lines: the last step stays reachable
// after its confirmation has gone. `width` 0: the column's.
void draw_undo_redo(App& app, float width) {
    auto& ws = app.workspace();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    for (const bool redo : {false, true}) {
        const bool can = !app.read_only() && (redo ? ws.can_redo() : ws.can_undo());
        const std::string label =
            !can ? std::string(core::tr(redo ? core::Msg::menu_redo_none : core::Msg::menu_undo_none))
                 : core::fmt(redo ? core::Msg::menu_redo : core::Msg::menu_undo,
                             {redo ? ws.redo_label() : ws.undo_label()});
        const float text_w = w - style.FramePadding.x;
        const float lines = ImGui::CalcTextSize(label.c_str()).x > text_w ? 2.0f : 1.0f;
        const float h =
            std::max(layout().row_height, lines * ImGui::GetTextLineHeight() + 2 * style.FramePadding.y);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::BeginDisabled(!can);
        // Named by its text for the test hooks; the text is drawn over it, wrapped, where the menu's
        // other entries have theirs.
        if (ImGui::Selectable(("##" + label).c_str(), false, ImGuiSelectableFlags_DontClosePopups,
                              ImVec2(w, h)))
            redo ? redo_step(app) : undo_step(app);
        draw_text_lines(ImGui::GetFont(), at + ImVec2(0, (h - lines * ImGui::GetTextLineHeight()) * 0.5f),
                        text_w, ImGui::GetColorU32(ImGuiCol_Text), label, 2);
        ImGui::EndDisabled();
    }
}

void draw_menu_popup(App& app) {
    if (ImGui::BeginPopup("##menu")) {
        for (const auto& m : kMenu) {
            if (menu_item(core::tr(m.label), app.state.screen == m.screen)) set_active_screen(app, m.screen);
        }
        ImGui::Separator();
        draw_undo_redo(app, std::min(ImGui::GetIO().DisplaySize.x * 0.8f, 20 * ImGui::GetFontSize()));
        ImGui::EndPopup();
    }
}

bool menu_button() {
    const bool pressed = ImGui::Button(core::tr(core::Msg::nav_menu));
    if (pressed) ImGui::OpenPopup("##menu");
    return pressed;
}

// After document `shown` was drawn: when it was closed and had been opened from another document, that
// one is shown again. Whatever else was opened meanwhile ends the way back.
void return_to_origin(App& app, const std::string& shown) {
    auto& o = app.state.origin;
    if (!o.opened.empty() && o.opened == app.state.open_doc) return; // opened now, or still open
    if (o.opened == shown && app.state.open_doc.empty() && app.workspace().find(o.doc)) {
        app.state.screen = o.screen;
        app.state.open_doc = o.doc;
    }
    o = {};
}

void draw_content(App& app) {
    if (!app.state.open_unreadable.empty() && draw_unreadable(app, app.state.open_unreadable)) return;
    app.state.open_unreadable.clear();
    if (!app.state.open_doc.empty() && app.workspace().find(app.state.open_doc)) {
        const std::string shown = app.state.open_doc;
        if (app.save_status().state == SaveStatus::State::loading)
            wrapped_muted(core::tr(core::Msg::doc_loading)); // its items are not read yet
        else
            draw_document_editor(app, shown);
        return_to_origin(app, shown);
        return;
    }
    app.state.open_doc.clear();
    switch (app.state.screen) {
    case Screen::overview:
        draw_overview(app);
        break;
    case Screen::risk_analyses:
    case Screen::egenkontroller:
    case Screen::yearly_review:
        draw_document_screen(app, app.state.screen);
        break;
    case Screen::actions:
        draw_actions_screen(app);
        break;
    case Screen::import:
        draw_import(app);
        break;
    case Screen::exportera:
        draw_export(app);
        break;
    case Screen::settings:
        draw_settings(app);
        break;
    case Screen::about:
        draw_about(app);
        break;
    }
}

// The side bar of wide screens; while a confirmation shows, its foot holds it.
float side_width(const FrameInfo& info) {
    return std::clamp(info.width * 0.2f, 200.0f, 280.0f);
}

// The height the side bar leaves free at its foot for the confirmation: the destinations above it
// scroll instead of lying under it (at 200 % zoom on a laptop it would cover Åtgärder).
float toast_room(const App& app) {
    if (app.state.toast.empty()) return 0;
    const ImGuiWindow* last = ImGui::FindWindowByName("##toast");
    return (last ? last->Size.y : 2 * layout().row_height) + ImGui::GetStyle().ItemSpacing.y;
}

// The width of the widest word of `t` (with the punctuation after it): ImGui cuts a word wider
// than the wrap width anywhere, which leaves a lone full stop on a line of its own.
float longest_word(const std::string& t) {
    float widest = 0;
    for (std::size_t at = 0; at < t.size();) {
        const std::size_t end = std::min(t.find(' ', at), t.size());
        widest = std::max(widest, ImGui::CalcTextSize(t.data() + at, t.data() + end).x);
        at = end + 1;
    }
    return widest;
}

// `field`: the field being edited (empty when none), which the confirmation must not cover.
void draw_toast(App& app, const FrameInfo& info, const ImRect& field) {
    if (app.state.toast.empty()) return;
    if (ImGui::GetTime() > app.state.toast_until) {
        app.state.toast.clear();
        return;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    // Phone: above the tab bar, where a thumb reaches Ångra. Wide screens: at the foot of the side
    // bar, in the room it leaves (toast_room), so it never covers a field, a button or the matrix.
    const float width = layout().narrow ? std::min(info.width - 2 * style.WindowPadding.x, 560.0f)
                                        : side_width(info) - style.WindowPadding.x;
    if (layout().narrow) {
        // Over the field being edited (the on-screen keyboard has pushed it down): under the top bar.
        const ImGuiWindow* last = ImGui::FindWindowByName("##toast");
        const float h = last ? last->Size.y : 2 * layout().row_height;
        const float bottom = info.height - layout().row_height - 3 * style.WindowPadding.y;
        const bool covers = field.GetWidth() > 0 && field.Max.y > bottom - h && field.Min.y < bottom;
        if (covers)
            ImGui::SetNextWindowPos(
                ImVec2(info.width * 0.5f, layout().row_height + 2 * style.WindowPadding.y), ImGuiCond_Always,
                ImVec2(0.5f, 0.0f));
        else
            ImGui::SetNextWindowPos(ImVec2(info.width * 0.5f, bottom), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    } else
        ImGui::SetNextWindowPos(
            ImVec2(style.WindowPadding.x * 0.5f, info.height - style.WindowPadding.y * 0.5f),
            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::Begin("##toast", nullptr,
                 (kPanelFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus) | ImGuiWindowFlags_AlwaysAutoResize);
    const bool undo = app.state.toast_undo != 0 && app.state.toast_undo == app.workspace().undo_serial();
    const float undo_w =
        undo ? ImGui::CalcTextSize(core::tr(core::Msg::toast_undo)).x + 2 * style.FramePadding.x : 0;
    // Ångra beside the message while the message keeps its words whole there, else under it.
    const float text_w = width - 2 * style.WindowPadding.x;
    const float beside_w = text_w - undo_w - style.ItemSpacing.x;
    const bool beside = undo && longest_word(app.state.toast) <= beside_w;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (beside ? beside_w : text_w));
    ImGui::AlignTextToFramePadding();
    text(app.state.toast.c_str(), kRoleLive);
    ImGui::PopTextWrapPos();
    if (undo) {
        if (beside) ImGui::SameLine(width - undo_w - style.WindowPadding.x);
        if (ImGui::Button(core::tr(core::Msg::toast_undo))) undo_step(app);
    }
    ImGui::End();
}

} // namespace

// [SECTION] The frame
void App::frame(const FrameInfo& info) {
    core::set_language(settings_.lang);
    begin_keyboard_frame();
    text_area_begin_frame();

    Layout l;
    // By the space there is, not the zoom: a projector at 300 % (640 × 360) keeps the side bar.
    l.narrow = info.width < 720 && info.height > info.width;
    l.touch = info.touch || l.narrow;
    const Theme theme =
        settings_.theme == Theme::automatic && info.more_contrast ? Theme::high_contrast : settings_.theme;
    apply_theme(theme, host_.prefers_dark(), l.touch, settings_.zoom_percent);
    l.row_height = ImGui::GetFrameHeight();
    set_layout(l);
    const ImGuiStyle& style = ImGui::GetStyle();

    // Ctrl+Z / Ctrl+Shift+Z anywhere but inside a text field (which has its own undo).
    if (!ImGui::GetIO().WantTextInput && !ImGui::IsAnyItemActive() && !read_only()) {
        if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z)) undo_step(*this);
        if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z) ||
            ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y))
            redo_step(*this);
    }

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(info.width, info.height));
    ImGui::Begin("##root", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);

    if (l.narrow) {
        // Phone: a top bar (name, save state, menu), the content, a bottom tab bar.
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr);
        text(core::tr(core::Msg::app_name));
        ImGui::PopFont();
        ImGui::SameLine(info.width - ImGui::CalcTextSize(core::tr(core::Msg::nav_menu)).x -
                        2 * style.FramePadding.x - style.WindowPadding.x);
        menu_button();
        draw_menu_popup(*this);
        draw_save_status(*this);
        draw_banner(*this);
        const float tab_h = l.row_height + style.ItemSpacing.y + style.WindowPadding.y;
        ImGui::BeginChild("##content", ImVec2(0, -tab_h));
        draw_content(*this);
        ImGui::EndChild();
        // Five tabs across 390 px: smaller type and tight padding so every label fits whole, and
        // smaller still where the screen is narrower (320 px, a 1280 px screen zoomed to 400 %).
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, style.ItemSpacing.y));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2, style.FramePadding.y));
        const float tab_w = (ImGui::GetContentRegionAvail().x - 4 * 4) / 5;
        float widest = 1;
        for (const auto& n : kNav) widest = std::max(widest, ImGui::CalcTextSize(core::tr(n.short_label)).x);
        ImGui::SetWindowFontScale(std::min(0.82f, (tab_w - 2 * 2) / widest));
        for (int i = 0; i < 5; ++i) {
            if (i) ImGui::SameLine();
            const bool active = state.screen == kNav[i].screen;
            if (active) ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
            ImGui::PushID(i);
            if (ImGui::Button(core::tr(kNav[i].short_label), ImVec2(tab_w, l.row_height)))
                set_active_screen(*this, kNav[i].screen);
            note_selected(core::tr(kNav[i].short_label), active);
            ImGui::PopID();
            if (active) ImGui::PopStyleColor();
        }
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopStyleVar(2);
    } else {
        // Wide: a side bar with every destination, the content beside it.
        const float side_w = side_width(info);
        // The name and the save state stay in view at any zoom; the destinations under them scroll
        // when the zoom leaves too little height for all of them: settings stay reachable.
        ImGui::BeginGroup();
        ImGui::PushFont(ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr);
        text(core::tr(core::Msg::app_name));
        ImGui::PopFont();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side_w);
        draw_save_status(*this);
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::BeginChild("##side", ImVec2(side_w, -toast_room(*this)));
        // The screen shown is the current page for assistive technology (note_selected).
        for (const auto& n : kNav) {
            const bool here = state.screen == n.screen && state.open_doc.empty();
            if (ImGui::Selectable(core::tr(n.label), here, 0, ImVec2(0, l.row_height)))
                set_active_screen(*this, n.screen);
            note_selected(core::tr(n.label), here);
        }
        ImGui::Separator();
        for (const auto& m : kMenu) {
            const bool here = state.screen == m.screen;
            if (ImGui::Selectable(core::tr(m.label), here, 0, ImVec2(0, l.row_height)))
                set_active_screen(*this, m.screen);
            note_selected(core::tr(m.label), here);
        }
        ImGui::Separator();
        draw_undo_redo(*this, 0);
        ImGui::EndChild();
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        draw_banner(*this);
        ImGui::BeginChild("##content");
        draw_content(*this);
        ImGui::EndChild();
        ImGui::EndGroup();
    }
    ImGui::End();
    const KeyboardFrame keyboard = end_keyboard_frame();
    draw_delete_confirmation(*this);
    draw_toast(*this, info, keyboard.rect);
    draw_focus_ring();
    host_.keyboard_for(keyboard.kind, settings_.lang);
    if (keyboard.scrolled) host_.request_frames(2);
}

} // namespace kvh::ui
