// What the files of the browser platform layer share: frame scheduling, the display scale, and the
// per-file entry points main_web.cpp calls. Nothing here is visible to app/ui or app/core.
#pragma once

#ifndef IMGUI_DEFINE_MATH_OPERATORS
#define IMGUI_DEFINE_MATH_OPERATORS // ImVec2 arithmetic, also what imgui_internal.h expects
#endif
#include "imgui.h"
#include "imgui_internal.h"

#include <memory>
#include <string>
#include <vector>

namespace kvh::core {
class Workspace;
}
namespace kvh::ui {
class App;
}

namespace kvh::platform {

// [SECTION] Frames (main_web.cpp)
// Draws nothing now; makes sure at least `count` more frames are drawn on the next animation frames.
void request_frames(int count);
// Draws frames synchronously, inside the current event handler, until ImGui has consumed its input
// queue. Used where the browser requires a user gesture (focusing the text agent opens the
// on-screen keyboard; file pickers and clipboard writes need transient activation).
void pump_frames();
// Zoom (Settings.zoom_percent / 100): CSS px = ImGui units * zoom.
float zoom();
// Builds one frame of UI; `present`: also draws it on the canvas (frames that only let ImGui take
// input need not be seen, and cost far less without the GL work).
void draw_frame(bool present = true);

// [SECTION] Input queue (input_queue_web.cpp)
// Builds frames, not shown, until ImGui has taken every queued input event (one frame per event).
void drain_input();
// The same at the cost of a few frames: runs of plain typing go through in one frame each.
void drain_input_fast();

// [SECTION] WebGL context (gl_context_web.cpp)
// Creates the canvas' WebGL2 context and makes it current; false when the browser has none.
// `on_restored` runs after a lost context came back and the renderer was set up again (renderer_init).
bool create_gl_context(void (*on_restored)());

// [SECTION] Renderer (renderer_web.cpp)
// Makes the renderer's program, vertex array and buffers in the current WebGL2 context, freeing
// those of a lost one; sets io.BackendRendererName and RendererHasVtxOffset. False when the shaders
// do not build. The font texture comes with the next renderer_upload_fonts.
bool renderer_init();
// Uploads io.Fonts' built atlas as the font texture, replacing the last one, and sets its TexID.
void renderer_upload_fonts();
// Clears the canvas to `clear` and draws `draw_data` on it. Reads no GL state: see renderer_web.cpp.
void renderer_draw(const ImDrawData& draw_data, ImVec4 clear);

// [SECTION] Input (input_web.cpp)
// Before NewFrame: applies drag-to-scroll and inertia to the window under the finger.
void input_before_frame(float dt_seconds);
// After Render: shows or hides the text agent (on-screen keyboard) and the mouse cursor.
void input_after_frame();
// True while something in progress needs frames without new events (inertia, a held key or button,
// input ImGui has not taken yet).
bool input_animating();
bool input_touch(); // the last pointer was a finger (FrameInfo.touch)
// What the field that has the keyboard takes (ui::FieldKind as int, -1 none) and the UI language:
// the text agent is set up for it (spelling, capitals, inputmode, lang) when it next shows.
void input_field_kind(int kind, const char* lang);
void input_init();

// [SECTION] Fonts (fonts_web.cpp)
// (Re)builds the atlas for `scale` = devicePixelRatio * zoom: Fonts[0] regular, Fonts[1] bold.
void build_fonts(float scale);

// [SECTION] Semantics (semantics_web.cpp)
// What an item is to assistive technology; decided from ImGui's item data and status flags and the
// roles the UI adds (ui/item_roles.hpp). `none`: not shown there (windows, scroll bars).
enum class Role {
    none,
    text,
    heading1,
    heading2,
    heading3,
    live,
    button,
    checkbox,
    textbox,
    textarea,
    combobox,
    expander,
    radio,
    option // a choice in a combo's open list
};
bool is_interactive(Role r);
struct SemanticItem {
    ImGuiID id = 0;
    std::string label, value;
    ImRect rect;                   // ImGui units, clipped to what is visible
    ImGuiWindow* window = nullptr; // valid until the next NewFrame
    bool submitted = false;        // an ImGui item (with item data), not only announced
    ImGuiItemFlags item_flags = 0;
    ImGuiItemStatusFlags status = 0; // as given to ItemInfo, with the UI's roles
    Role role = Role::none;
    // Where it sits in an ImGui table when it was drawn (0: in none), and whether in its header row.
    ImGuiID table = 0;
    int row = 0, column = 0;
    bool header = false;
    // In the header of a sortable table: how its column sorts the rows when it is the first sort key
    // ("ascending", "descending"), else null (aria-sort: said on one header only).
    const char* sort = nullptr;
    ImGuiID group = 0; // the innermost group (dialog, table cell, grid cell) holding it; 0 none
};
// Every frame, for everyone: records the items drawn, then sends what changed to the DOM.
void semantics_begin_frame();
void semantics_after_new_frame(); // keeps the focus ring shown while the keyboard moves the focus
void semantics_end_frame();
void semantics_pointer_pressed();                   // a click or a tap: the focus ring goes
const std::vector<SemanticItem>& semantics_items(); // of the last completed frame
const char* semantics_label(ImGuiID id);            // its name in the last frame, or null when not drawn
// An item of the last frame that reached `by` px past the right edge of its window's work area.
struct PastEdge {
    const ImGuiWindow* window;
    ImGuiID id;
    float by;
};
const std::vector<PastEdge>& semantics_past_edge();
unsigned semantics_updates(); // how often changes were sent to the DOM
void append_json_string(std::string& out, const std::string& s);
// The part of the screen an item is in (side bar, content, a popup), numbered in drawing order.
int region_of(const SemanticItem& item);

// [SECTION] Semantic groups (semantics_groups_web.cpp)
ImGuiWindow* popup_of(const ImGuiWindow* w);  // the popup a window is in, or null
bool is_combo_list(const ImGuiWindow* popup); // a combo's open list (a listbox, not a dialog)
// Puts each item of the frame (roles set) in its group (dialog, table cell, grid cell): item.group.
void make_groups(std::vector<SemanticItem>& items);
// A popup opened while the focus ring shows (`ring`): the focus goes to its first item; closed: back
// to what opened it. Sets `focus_request` when the focus is to move.
void follow_popups(bool ring, ImGuiID& focus_request);
// Appends the groups that changed since the last call to the JSON for the DOM; false when none did.
bool send_groups(std::string& json, float z);
void close_popup_on_escape(); // after NewFrame: Esc closes a popup that is not modal

// [SECTION] Test hook (test_hook_web.cpp)
// Decided once at start: on only under automation (navigator.webdriver: E2E tests, tools/bench).
// Off, the kvh_test_* exports answer nothing.
void test_hooks_init(bool enabled);
// What the bench's hooks (keystrokes, score changes) act on; `app` is empty until the workspace loads.
void test_hooks_attach(core::Workspace& ws, const std::unique_ptr<ui::App>& app);
bool test_hooks_enabled();
void test_hook_end_frame();

} // namespace kvh::platform
