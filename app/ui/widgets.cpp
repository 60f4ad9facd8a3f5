// Small widgets every screen uses.
#include "views.hpp"

#include "item_roles.hpp"

#include <imgui_internal.h>

#include <climits>

namespace kvh::ui {

namespace {
Layout g_layout;
}
const Layout& layout() {
    return g_layout;
}
void set_layout(const Layout& l) {
    g_layout = l;
}

// Texts are not items in Dear ImGui. Announcing them through its test-engine hooks lets the E2E
// tests (window.kvhTest.items()) find what a user reads, not only what they can click.
void announce(const char* label, const ImRect& rect, ImGuiItemStatusFlags role, const char* value) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    ImGuiContext& g = *GImGui;
    if (!g.TestEngineHookItems) return;
    const ImGuiID id = ImGui::GetID(label);
    ImGuiTestEngineHook_ItemAdd(&g, id, rect, nullptr);
    if (value)
        ImGuiTestEngineHook_ItemInfo(&g, id, (std::string(label) + kValueSeparator + value).c_str(), role);
    else
        ImGuiTestEngineHook_ItemInfo(&g, id, label, role);
#else
    (void)label;
    (void)rect;
    (void)role;
    (void)value;
#endif
}

void announce_run(const std::string& text, const ImRect& rect) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    ImGuiContext& g = *GImGui;
    if (!g.TestEngineHookItems) return;
    const float at[2] = {rect.Min.x, rect.Min.y};
    const ImGuiID id = ImHashData(at, sizeof at, ImHashStr(text.c_str()));
    ImGuiTestEngineHook_ItemAdd(&g, id, rect, nullptr);
    ImGuiTestEngineHook_ItemInfo(&g, id, text.c_str(), 0);
#else
    (void)text;
    (void)rect;
#endif
}

void describe_last_item(const char* label, const char* value, ImGuiItemStatusFlags role) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    ImGuiContext& g = *GImGui;
    if (!g.TestEngineHookItems) return;
    std::string named = label;
    if (value) named.append(1, kValueSeparator).append(value);
    ImGuiTestEngineHook_ItemInfo(&g, g.LastItemData.ID, named.c_str(), g.LastItemData.StatusFlags | role);
#else
    (void)label;
    (void)value;
    (void)role;
#endif
}

void note_selected(const char* label, bool selected) {
    if (selected) describe_last_item(label, nullptr, kRoleSelected);
}

bool wrapped_selectable(const std::string& label, float min_height) {
    const float wrap = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    const float h = std::max(min_height, size.y + 2 * ImGui::GetStyle().FramePadding.y);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable(("##" + label).c_str(), false, 0, ImVec2(0, h));
    describe_last_item(label.c_str(), nullptr);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                        at + ImVec2(0, (h - size.y) * 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, wrap);
    return clicked;
}

bool wrapped_tree_node(const char* str_id, ImGuiTreeNodeFlags flags, const std::string& label) {
    // The label goes in broken into lines (a tree node is as tall as its label's lines), in the width
    // left beside the arrow; its name for the hooks is the label as one line.
    const float width =
        ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() - 2 * ImGui::GetStyle().FramePadding.x;
    const std::vector<std::string>& lines = fitted_lines(ImGui::GetFont(), width, label, INT_MAX);
    std::string shown = lines.front();
    for (std::size_t i = 1; i < lines.size(); ++i) shown.append("\n").append(lines[i]);
    const bool open = ImGui::TreeNodeEx(str_id, flags, "%s", shown.c_str());
    describe_last_item(label.c_str(), nullptr);
    return open;
}

bool number_field(const char* label, int* v, int step_fast) {
    const bool changed = ImGui::InputInt(label, v, 1, step_fast);
    note_field(FieldKind::number);
#ifdef IMGUI_ENABLE_TEST_ENGINE
    // A screen reader would say only "minus" and "plus" for the step buttons.
    ImGuiContext& g = *GImGui;
    if (g.TestEngineHookItems) {
        const char* end = ImGui::FindRenderedTextEnd(label);
        const std::string name = end != label ? std::string(label, end) : std::string(label + 2);
        ImGui::PushID(label); // the ids InputScalar gives its buttons
        ImGuiTestEngineHook_ItemInfo(&g, ImGui::GetID("-"),
                                     core::fmt(core::Msg::a11y_step_down, {name}).c_str(), 0);
        ImGuiTestEngineHook_ItemInfo(&g, ImGui::GetID("+"),
                                     core::fmt(core::Msg::a11y_step_up, {name}).c_str(), 0);
        ImGui::PopID();
    }
#endif
    return changed;
}

bool radio(const char* label, int* v, int value) {
    const bool changed = ImGui::RadioButton(label, v, value);
    describe_last_item(label, nullptr, kRoleRadio | (*v == value ? ImGuiItemStatusFlags_Checked : 0));
    return changed;
}

static void announce_text(const char* text, ImGuiItemStatusFlags role) {
    announce(text, GImGui->LastItemData.Rect, role);
}

void text(const char* t, ImGuiItemStatusFlags role) {
    ImGui::TextUnformatted(t);
    announce_text(t, role);
}

void colored_text(const ImVec4& color, const char* t, ImGuiItemStatusFlags role) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    wrapped(t, role); // warnings and flags are sentences: on a phone they must wrap, not run off the edge
    ImGui::PopStyleColor();
}

void heading(const char* text, int level) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::PushFont(io.Fonts->Fonts.Size > 2 ? io.Fonts->Fonts[2] : nullptr);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    announce_text(text, level <= 1 ? kRoleHeading1 : kRoleHeading2);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void section_title(const char* title, int level) {
    const ItemRole role = level <= 2 ? kRoleHeading2 : kRoleHeading3;
    const float room = ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().SeparatorTextPadding.x;
    if (ImGui::CalcTextSize(title).x <= room) {
        ImGui::SeparatorText(title);
        announce_text(title, role);
        return;
    }
    wrapped(title, role);
    ImGui::Separator();
}

void wrapped(const char* text, ImGuiItemStatusFlags role) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    announce_text(text, role);
    ImGui::PopTextWrapPos();
}

void wrapped_muted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color_muted());
    wrapped(text);
    ImGui::PopStyleColor();
}

bool wide_button(const char* label) {
    return ImGui::Button(label, ImVec2(-FLT_MIN, 0));
}

// BeginCombo tells the test-engine hooks nothing of itself: it is named here, with its choice as its
// value. `label` is "##" + the caption drawn beside or above it.
bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags) {
    const ImGuiID id = ImGui::GetID(label);
    const bool open = ImGui::BeginCombo(label, preview, flags);
#ifdef IMGUI_ENABLE_TEST_ENGINE
    if (GImGui->TestEngineHookItems)
        ImGuiTestEngineHook_ItemInfo(GImGui, id, (std::string(label) + kValueSeparator + preview).c_str(),
                                     ImGuiItemStatusFlags_Openable |
                                         (open ? ImGuiItemStatusFlags_Opened : 0) | kRoleCombo);
#else
    (void)id;
#endif
    return open;
}

void same_line_if_fits(const char* next) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(next, nullptr, true).x + 2 * style.FramePadding.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

bool menu_item(const char* label, bool selected) {
    const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
    const bool pressed =
        ImGui::Selectable(label, selected, 0, ImVec2(w, layout().touch ? layout().row_height : 0));
    note_selected(label, selected);
    return pressed;
}

// ImGui's text field takes Esc as "cancel" and puts back the text it had when it was activated. Here
// every keystroke is already stored, so that would throw the typing away, and no undo step would
// bring it back. Esc leaves the field as it is instead; the key stays taken until it is released, so
// a screen's own Esc (leaving analysdag) waits for the next press.
bool keep_text_on_escape(ImGuiID id) {
    if (GImGui->ActiveId != id || !ImGui::IsKeyPressed(ImGuiKey_Escape, false)) return false;
    ImGui::ClearActiveID();
    ImGui::SetKeyOwner(ImGuiKey_Escape, id, ImGuiInputFlags_LockUntilRelease);
    return true;
}

bool input_text(const char* id, std::string& value, const char* hint, FieldKind kind) {
    keep_text_on_escape(ImGui::GetID(id));
    const bool changed = hint ? ImGui::InputTextWithHint(id, hint, &value) : ImGui::InputText(id, &value);
    describe_last_item(id, value.c_str(), ImGuiItemStatusFlags_Inputable);
    note_field(kind);
    return changed;
}

// A label above its field (reads well on a phone), the field the full width of the column.
bool text_field(const char* label, std::string& value, float lines, FieldKind kind) {
    wrapped(label); // a question as the label ("Bakgrund: vad hände …?") is longer than a phone is wide
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(-FLT_MIN);
    // The visible label above is also the item's name for the E2E hook: "##" hides it here.
    const std::string id = std::string("##") + label;
    const bool changed =
        lines > 0 ? text_area(id.c_str(), value, lines, kind) : input_text(id.c_str(), value, nullptr, kind);
    ImGui::PopID();
    return changed;
}

// ImGui's own nav highlight is 1 px around rows: the focus ring is drawn again, 3 px wide outside the
// item, over everything, while the keyboard (or assistive technology) moves the focus (WCAG 2.4.7).
void draw_focus_ring() {
    const ImGuiContext& g = *GImGui;
    if (g.NavDisableHighlight || !g.NavId || !g.NavWindow || g.NavId == g.NavWindow->ChildId) return;
    const ImRect item = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
    ImRect clip = g.NavWindow->ClipRect;
    clip.Expand(4);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->PushClipRect(clip.Min, clip.Max);
    // A line of the window's ground on each side keeps the ring apart from what is under it (a red
    // cell of the risk matrix as much as the page).
    const float r = ImGui::GetStyle().FrameRounding + 2;
    const ImU32 ground = ImGui::GetColorU32(ImGuiCol_WindowBg);
    dl->AddRect(item.Min - ImVec2(5, 5), item.Max + ImVec2(5, 5), ground, r + 2, 0, 1.5f);
    dl->AddRect(item.Min - ImVec2(1, 1), item.Max + ImVec2(1, 1), ground, r - 2, 0, 1.5f);
    dl->AddRect(item.Min - ImVec2(3, 3), item.Max + ImVec2(3, 3), ImGui::GetColorU32(ImGuiCol_NavHighlight),
                r, 0, 3.0f);
    dl->PopClipRect();
}

void show_toast(App& app, std::string text, bool offers_undo) {
    app.state.toast = std::move(text);
    app.state.toast_undo = offers_undo ? app.workspace().undo_serial() : 0;
    app.state.toast_until = ImGui::GetTime() + 8;
}

int current_year(App& app) {
    const std::string now = app.host().now_iso();
    return now.size() >= 4 ? std::atoi(now.substr(0, 4).c_str()) : 2026;
}

std::string refused_change_text(const std::vector<core::ValidationError>& errors) {
    std::string out;
    for (core::ValidationError e : errors) {
        e.path.clear();
        const std::string t = e.text(core::language());
        if (out.find(t) == std::string::npos) out += (out.empty() ? "" : "; ") + t; // each reason once
    }
    return core::fmt(core::Msg::change_refused, {out});
}

} // namespace kvh::ui
