// The semantics layer's C++ half. Dear ImGui's test-engine callbacks record every visible item of a
// frame (id, name, rectangle, its kind and state); when the record differs from the last frame's,
// only what changed goes to web/lib_semantics.js, which keeps hidden DOM elements in step for the
// browser's accessibility tree. What assistive technology does there comes back here: activating or
// focusing an item, the skip link. The E2E hook (test_hook_web.cpp) reads the same record.
#include "platform_web.hpp"

#include "core/messages.hpp"
#include "ui/item_roles.hpp"

#include "imgui_internal.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <emscripten/emscripten.h>
#include <string>
#include <unordered_map>
#include <vector>

extern "C" { // web/lib_semantics.js
void kvh_js_semantics(const char* json);
}

namespace kvh::platform {

// [SECTION] Recording

namespace {

struct Frame {
    std::vector<SemanticItem> items;
    std::unordered_map<ImGuiID, std::size_t> at; // id -> index in items
    std::vector<PastEdge> past_edge;             // items reaching past their window's work area
};

Frame g_frame;                             // the frame being drawn
std::vector<SemanticItem> g_last;          // the last completed frame
std::vector<PastEdge> g_last_past_edge;    // of the last completed frame
std::unordered_map<ImGuiID, ImU32> g_sent; // id -> hash of what the DOM holds
ImGuiID g_sent_focus = 0;                  // the item the DOM was last told has the focus
std::string g_sent_lang;                   // the language of the skip link's text
unsigned g_updates = 0;                    // changes sent, for the tests and tools/bench
double g_ms = 0;             // spent in semantics_end_frame, the DOM's changes included (tools/bench)
ImGuiID g_focus_request = 0; // from the DOM, done when the item is drawn next
// The keyboard or assistive technology moved the focus, and no pointer has been pressed since: the
// focus ring shows. ImGui's own flag for it is reset every frame while its keyboard navigation
// is off (Tab is the browser's here, through the DOM elements).
bool g_ring = false;
bool g_leave_field = false; // the DOM focus left the active field: it is left at the next frame's start

// The state that is heard, not seen: hover and the like change nothing in the DOM.
constexpr ImGuiItemStatusFlags kStateFlags =
    ImGuiItemStatusFlags_Openable | ImGuiItemStatusFlags_Opened | ImGuiItemStatusFlags_Checkable |
    ImGuiItemStatusFlags_Checked | ImGuiItemStatusFlags_Inputable | ui::kRoleHeading1 | ui::kRoleHeading2 |
    ui::kRoleHeading3 | ui::kRoleLive | ui::kRoleMultiline | ui::kRoleCombo | ui::kRoleSelected |
    ui::kRoleGrid | ui::kRoleGridCell | ui::kRoleRadio;

// Windows register themselves as items, a child window also has a place in its parent (ChildId), and
// scroll bars are items too: none is something to read or press (the content scrolls to the focus).
std::vector<ImGuiID> g_windows; // of this frame, sorted

void collect_windows() {
    g_windows.clear();
    for (ImGuiWindow* w : GImGui->Windows) {
        g_windows.push_back(w->ID);
        if (w->ChildId) g_windows.push_back(w->ChildId);
        // As ImGui::GetWindowScrollbarID inside the window's Begin (its ID on top of its ID stack):
        // outside it, that stack may be empty (ImGui frees it in windows not drawn for a while).
        g_windows.push_back(ImHashStr("#SCROLLX", 0, w->ID));
        g_windows.push_back(ImHashStr("#SCROLLY", 0, w->ID));
    }
    std::sort(g_windows.begin(), g_windows.end());
}

Role role_of(const SemanticItem& item) {
    const ImGuiItemStatusFlags f = item.status;
    if (std::binary_search(g_windows.begin(), g_windows.end(), item.id)) return Role::none;
    if (f & (ui::kRoleGrid | ui::kRoleGridCell)) return Role::none; // groups, not elements (see below)
    if (f & ui::kRoleLive) return Role::live;
    // Nothing to say it by (a table column's resize handle): a pointer's affordance only.
    if (item.label.empty()) return Role::none;
    if (f & ui::kRoleHeading1) return Role::heading1;
    if (f & ui::kRoleHeading2) return Role::heading2;
    if (f & ui::kRoleHeading3) return Role::heading3;
    // Without ImGui's item data: a text the UI announced (ui::announce), or a part of a widget
    // (scroll bar) or window that is not an item of its own.
    if (!item.submitted) return item.label.empty() ? Role::none : Role::text;
    if ((item.item_flags & ImGuiItemFlags_Inputable) || (f & ImGuiItemStatusFlags_Inputable))
        return f & ui::kRoleMultiline ? Role::textarea : Role::textbox;
    if (f & ui::kRoleCombo) return Role::combobox;
    if (f & ui::kRoleRadio) return Role::radio;
    if (is_combo_list(popup_of(item.window))) return Role::option;
    if (f & ImGuiItemStatusFlags_Checkable) return Role::checkbox;
    if (f & ImGuiItemStatusFlags_Openable) return Role::expander;
    return Role::button;
}

} // namespace

// The part of the screen an item is in (side bar, content, a pane of the content, a popup): the child
// window one or two levels under its root window, or the root. Two levels, so that panes side by side
// in the content (a risk's editor beside the matrix) are read one after the other, not line by line
// across both. The DOM reads part by part, each top to bottom, as the eye does; parts in the order
// they are drawn.
int region_of(const SemanticItem& item) {
    const ImGuiWindow *level1 = nullptr, *level2 = nullptr;
    for (const ImGuiWindow* w = item.window; w && (w->Flags & ImGuiWindowFlags_ChildWindow);
         w = w->ParentWindow) {
        level2 = level1;
        level1 = w;
    }
    const ImGuiWindow* part = level2 ? level2 : level1 ? level1 : item.window;
    return part ? part->BeginOrderWithinContext : 0;
}

namespace {

// What the DOM shows of an item: a change in any of it is a change to send.
ImU32 hash_of(const SemanticItem& item) {
    struct {
        ImGuiID id, group;
        int region, role, status, disabled;
        int x, y, w, h; // half CSS px: finer moves are not worth a DOM write
    } key{item.id,
          item.group,
          region_of(item),
          int(item.role),
          item.status & kStateFlags,
          (item.item_flags & ImGuiItemFlags_Disabled) ? 1 : 0,
          int(item.rect.Min.x * 2),
          int(item.rect.Min.y * 2),
          int(item.rect.GetWidth() * 2),
          int(item.rect.GetHeight() * 2)};
    return ImHashStr(item.value.c_str(), 0, ImHashStr(item.label.c_str(), 0, ImHashData(&key, sizeof key)));
}

const char* role_name(Role r) {
    switch (r) {
    case Role::none:
        return "none";
    case Role::text:
        return "text";
    case Role::heading1:
        return "h1";
    case Role::heading2:
        return "h2";
    case Role::heading3:
        return "h3";
    case Role::live:
        return "live";
    case Role::button:
        return "button";
    case Role::checkbox:
        return "checkbox";
    case Role::textbox:
        return "textbox";
    case Role::textarea:
        return "textarea";
    case Role::combobox:
        return "combobox";
    case Role::expander:
        return "expander";
    case Role::radio:
        return "radio";
    case Role::option:
        return "option";
    }
    return "none";
}

} // namespace

const std::vector<SemanticItem>& semantics_items() {
    return g_last;
}

const std::vector<PastEdge>& semantics_past_edge() {
    return g_last_past_edge;
}

const char* semantics_label(ImGuiID id) {
    for (const SemanticItem& item : g_last)
        if (item.id == id) return item.label.c_str();
    return nullptr;
}

unsigned semantics_updates() {
    return g_updates;
}

bool is_interactive(Role r) {
    return r >= Role::button;
}

void semantics_after_new_frame() {
    if (g_leave_field) ImGui::ClearActiveID();
    g_leave_field = false;
    if (g_ring) GImGui->NavDisableHighlight = false;
    close_popup_on_escape();
}

void semantics_pointer_pressed() {
    g_ring = false;
}

void semantics_begin_frame() {
    g_frame.items.clear();
    g_frame.at.clear();
    g_frame.past_edge.clear();
    GImGui->TestEngineHookItems = true;
}

// [SECTION] Sending the changes

void append_json_string(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    out += '"';
}

// {"rm":[ids],"up":[{id,role,part,in,label,value,x,y,w,h,checked,selected,current,expanded,disabled}],
// "groups":…,"grm":…,"focus":id,"lang":…,"skip":…}
// in CSS px; only what differs from what the DOM holds.
static void send_changes() {
    static std::string json;
    static std::vector<ImGuiID> gone;
    const float z = zoom();
    json = "{\"up\":[";
    bool any = false;
    char buf[192];
    std::unordered_map<ImGuiID, ImU32> now;
    now.reserve(g_last.size());
    for (const SemanticItem& item : g_last) {
        if (item.role == Role::none) continue;
        const ImU32 h = hash_of(item);
        if (!now.emplace(item.id, h).second) continue;
        const auto it = g_sent.find(item.id);
        if (it != g_sent.end() && it->second == h) continue;
        if (any) json += ',';
        any = true;
        snprintf(buf, sizeof buf, "{\"id\":%u,\"role\":\"%s\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f",
                 item.id, role_name(item.role), item.rect.Min.x * z, item.rect.Min.y * z,
                 item.rect.GetWidth() * z, item.rect.GetHeight() * z);
        json += buf;
        snprintf(buf, sizeof buf, ",\"part\":%d,\"in\":%u,\"label\":", region_of(item), item.group);
        json += buf;
        append_json_string(json, item.label);
        if (!item.value.empty()) {
            json += ",\"value\":";
            append_json_string(json, item.value);
        }
        if (item.status & (int(ImGuiItemStatusFlags_Checkable) | ui::kRoleRadio))
            json += item.status & ImGuiItemStatusFlags_Checked ? ",\"checked\":1" : ",\"checked\":0";
        if (item.role == Role::option)
            json += item.status & ui::kRoleSelected ? ",\"selected\":1" : ",\"selected\":0";
        else if (item.status & ui::kRoleSelected)
            json += ",\"current\":1";
        if (item.status & ImGuiItemStatusFlags_Openable)
            json += item.status & ImGuiItemStatusFlags_Opened ? ",\"expanded\":1" : ",\"expanded\":0";
        if (item.item_flags & ImGuiItemFlags_Disabled) json += ",\"disabled\":1";
        json += '}';
    }
    json += "],\"rm\":[";
    gone.clear();
    for (const auto& [id, h] : g_sent)
        if (!now.count(id)) gone.push_back(id);
    for (std::size_t i = 0; i < gone.size(); ++i) {
        snprintf(buf, sizeof buf, i ? ",%u" : "%u", gone[i]);
        json += buf;
    }
    json += ']';
    const bool regrouped = send_groups(json, z);
    // Only while the focus ring shows (keyboard or assistive technology in use): a click or a tap
    // does not move the DOM focus.
    // Not while a field takes text: the text agent has the DOM focus then. Once it is left (Esc), the
    // DOM focus goes to the field's element, not to the page.
    const ImGuiContext& g = *GImGui;
    const bool typing = g.ActiveId && g.ActiveId == g.NavId;
    static bool was_typing = false;
    if (was_typing && !typing) g_sent_focus = 0;
    was_typing = typing;
    // The field taking text, so that Tab in it goes on in the DOM's order, as everywhere else.
    static ImGuiID sent_field = 0;
    const ImGuiID field = typing && now.count(g.ActiveId) ? g.ActiveId : 0;
    const bool refield = field != sent_field;
    if (refield) {
        snprintf(buf, sizeof buf, ",\"field\":%u", field);
        json += buf;
        sent_field = field;
    }
    const ImGuiID focus = g_ring && !typing ? g.NavId : 0;
    const bool refocus = focus && focus != g_sent_focus && now.count(focus);
    if (refocus) {
        snprintf(buf, sizeof buf, ",\"focus\":%u", focus);
        json += buf;
    }
    const char* lang = core::language() == core::Lang::en ? "en" : "sv";
    const bool relang = g_sent_lang != lang;
    if (relang) {
        json += ",\"lang\":\"";
        json += lang;
        json += "\",\"skip\":";
        append_json_string(json, core::tr(core::Msg::a11y_skip_to_content));
    }
    json += '}';
    if (!any && gone.empty() && !refocus && !relang && !regrouped && !refield) return;
    if (refocus) g_sent_focus = focus;
    g_sent_lang = lang;
    g_sent.swap(now);
    g_updates++;
    kvh_js_semantics(json.c_str());
}

// The first item of the screen's content, past the navigation (the skip link's target); 0 if none.
static ImGuiID first_in_content() {
    for (const SemanticItem& item : g_last)
        if (is_interactive(item.role) && item.window && std::strstr(item.window->Name, "##content"))
            return item.id;
    return 0;
}

// The item with the keyboard focus went away (its button opened another screen): the focus goes to
// the start of what is shown now, not nowhere, where the next Tab would start from the top.
static void keep_focus() {
    const ImGuiContext& g = *GImGui;
    if (!g_ring || !g.NavId || g_focus_request || g.ActiveId) return;
    if (std::binary_search(g_windows.begin(), g_windows.end(), g.NavId)) return;
    for (const SemanticItem& item : g_last)
        if (item.id == g.NavId) return;
    g_focus_request = first_in_content();
    if (g_focus_request) request_frames(2);
}

// Drops what ended up not drawn (ImGui's implicit "Debug" window registers itself every frame and is
// hidden at the end when nothing was submitted to it), then tells the DOM what changed.
void semantics_end_frame() {
    const double t0 = emscripten_get_now();
    std::erase_if(g_frame.items,
                  [](const SemanticItem& item) { return item.window && !item.window->Active; });
    collect_windows();
    for (SemanticItem& item : g_frame.items) item.role = role_of(item);
    g_last.swap(g_frame.items);
    g_last_past_edge.swap(g_frame.past_edge);
    make_groups(g_last);
    const ImGuiID requested = g_focus_request;
    follow_popups(g_ring, g_focus_request);
    if (g_focus_request != requested) request_frames(2);
    keep_focus();
    send_changes();
    g_ms += emscripten_get_now() - t0;
}

// The visible part of an ImGui label ("Spara##doc" -> "Spara"); for a label with nothing visible the
// hidden name ("##Titel" -> "Titel"), which the UI uses for fields whose caption is drawn above them.
// A value after ui::kValueSeparator is the item's value (a combo's choice), not its name.
static void name_item(SemanticItem& item, const char* label) {
    const char* sep = std::strchr(label, ui::kValueSeparator);
    const char* end = sep ? sep : label + std::strlen(label);
    const char* shown = ImGui::FindRenderedTextEnd(label, end);
    if (shown != label) {
        item.label.assign(label, shown);
    } else {
        while (label < end && *label == '#') label++;
        item.label.assign(label, end);
    }
    item.value = sep ? sep + 1 : "";
}

} // namespace kvh::platform

using namespace kvh;
using namespace kvh::platform;

// [SECTION] Dear ImGui test-engine hooks (declared in imgui_internal.h)

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* data) {
    ImGuiWindow* window = ctx->CurrentWindow;
    if (id == g_focus_request && data && window) {
        g_focus_request = 0;
        ImGui::SetFocusID(id, window);
        ctx->NavDisableHighlight = false; // the focus ring shows where the screen reader is
        g_ring = true;
        ImGui::ScrollToRect(window, bb);
    }
    // Also where nobody sees it (a zero-height spacer), an item wider than the window makes the
    // window scroll sideways: kept for the reflow tests.
    if (window && window->ID != id && bb.Max.x > window->WorkRect.Max.x + 0.5f &&
        id != ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y))
        g_frame.past_edge.push_back({window, id, bb.Max.x - window->WorkRect.Max.x});
    ImRect visible = bb;
    // A window registers itself before its clip rect is set up: clip it to the screen instead.
    if (window && window->ID != id)
        visible.ClipWithFull(window->ClipRect);
    else
        visible.ClipWithFull(ImRect(ImVec2(0, 0), ctx->IO.DisplaySize));
    if (visible.GetWidth() <= 0 || visible.GetHeight() <= 0) return;
    std::vector<SemanticItem>& items = g_frame.items;
    auto [it, added] = g_frame.at.try_emplace(id, items.size());
    if (added) {
        items.push_back({});
        items.back().id = id;
        items.back().window = window;
    }
    SemanticItem& item = items[it->second];
    item.rect = visible; // registered twice (e.g. ButtonBehavior): the last wins
    if (data) {
        item.submitted = true;
        item.item_flags = data->InFlags;
    }
    const ImGuiTable* table = ctx->CurrentTable;
    if (table && table->IsInsideRow && window == table->InnerWindow) {
        item.table = table->ID;
        item.row = table->CurrentRow;
        item.column = table->CurrentColumn;
        item.header = (table->RowFlags & ImGuiTableRowFlags_Headers) != 0;
        const ImGuiTableColumn& column = table->Columns[table->CurrentColumn];
        item.sort = item.header && (table->Flags & ImGuiTableFlags_Sortable) && column.SortOrder == 0
                        ? (column.SortDirection == ImGuiSortDirection_Descending ? "descending" : "ascending")
                        : nullptr;
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto it = g_frame.at.find(id);
    if (it == g_frame.at.end() || !label) return;
    SemanticItem& item = g_frame.items[it->second];
    name_item(item, label);
    item.status = flags;
}

// ImGui's own debug log lines are of no use here.
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    return semantics_label(id);
}

// [SECTION] Entry points for web/lib_semantics.js

// A DOM element was activated (a screen reader's "click", Enter on a focused button): the item is
// focused and activated as ImGui's keyboard navigation would (a text field starts taking text), in
// this handler, so what needs a user gesture (file picker, keyboard) may follow.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_sem_activate(unsigned id) {
    if (!semantics_label(id)) return;
    drain_input_fast(); // keys typed into the field being left land there first
    g_focus_request = id;
    GImGui->NavNextActivateId = id;
    GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    pump_frames();
}

// A DOM element got the focus from outside the app (a screen reader moved it): ImGui's focus follows
// at once, so a key pressed right after acts on this item.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_sem_focus(unsigned id) {
    if (id == GImGui->NavId || !semantics_label(id)) return;
    drain_input_fast(); // keys typed into the field being left land there first
    // Focus moved out of a field leaves it, keeping what was typed: at the start of the next frame,
    // so the field sees itself deactivated when drawn and reads what was typed (a date's other
    // spellings); cleared here, between frames, ImGui would forget it was ever active.
    g_leave_field = GImGui->ActiveId != 0;
    g_focus_request = id;
    g_sent_focus = id; // the DOM has it already
    pump_frames();
}

// "Hoppa till innehållet": the focus goes to the first item of the screen's content, past the
// navigation.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_sem_skip() {
    g_focus_request = first_in_content();
    if (g_focus_request) pump_frames();
}

// Tab (`dir` 1) or Shift+Tab (-1) past the last element drawn of the part of the screen with the focus:
// what lies beyond is not drawn, so not in the DOM; that part scrolls on by most of its height and is
// drawn. 0 when it is already at its end.
extern "C" EMSCRIPTEN_KEEPALIVE int kvh_sem_scroll(int dir) {
    ImGuiWindow* w = GImGui->NavWindow;
    while (w && w->ScrollMax.y <= 0 && (w->Flags & ImGuiWindowFlags_ChildWindow)) w = w->ParentWindow;
    if (!w || w->ScrollMax.y <= 0) return 0;
    const float to =
        ImClamp(w->Scroll.y + float(dir) * w->InnerRect.GetHeight() * 0.8f, 0.0f, w->ScrollMax.y);
    if (to == w->Scroll.y) return 0;
    ImGui::SetScrollY(w, to);
    pump_frames();
    return 1;
}

extern "C" EMSCRIPTEN_KEEPALIVE unsigned kvh_sem_updates() {
    return semantics_updates();
}
extern "C" EMSCRIPTEN_KEEPALIVE double kvh_sem_ms() {
    return g_ms;
}
