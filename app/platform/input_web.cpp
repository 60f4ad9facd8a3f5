// Browser input for Dear ImGui: pointer events (mouse, pen, and touch with tap / drag-to-scroll with
// inertia / long-press = right click), wheel, keys, text from the hidden text agent, clipboard.
// The event listeners are in web/lib_platform.js; this file turns their calls into ImGui input.
#include "platform_web.hpp"

#include "imgui_internal.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <set>
#include <string>
#include <string_view>

extern "C" { // web/lib_platform.js
void kvh_js_text_agent(int want, float x, float y, float line_height, int kind, const char* lang,
                       const char* name);
void kvh_js_set_clipboard(const char* text);
void kvh_js_set_cursor(int imgui_cursor);
int kvh_js_is_apple();
int kvh_js_prefers(const char* media_query);
}

namespace kvh::platform {

// [SECTION] State

static const ImVec2 kNowhere(-FLT_MAX, -FLT_MAX); // a finger that lifted hovers nothing
static constexpr float kTapSlop = 8.0f;           // CSS px a finger may move and still tap
static constexpr double kLongPressMs = 500;
static constexpr double kHoverSettleMs = 450; // after the mouse stops: lets delayed tooltips appear
static constexpr float kFrameMs = 1000.0f / 60.0f;
static constexpr float kInertiaDecay = 0.95f; // per 60 Hz frame
static constexpr float kInertiaStop = 0.2f;   // CSS px per 60 Hz frame

enum PointerType { kDown = 0, kMove = 1, kUp = 2, kCancel = 3, kLeave = 4 };
enum PointerKind { kMouse = 0, kTouch = 1, kPen = 2 };

// One finger at a time: what it is doing decides whether ImGui sees a click, a drag or nothing.
struct Touch {
    enum class Mode { none, pending, scroll, drag, long_press };
    Mode mode = Mode::none;
    int pointer = -1;
    ImVec2 start, last; // ImGui units
    double last_ms = 0;
    ImVec2 velocity; // ImGui units per ms, smoothed, for inertia after release
    bool inertia = false;
    ImGuiID window = 0;    // the window being scrolled
    ImVec2 scroll_pending; // finger movement not yet applied to the window
    long long_press_timer = 0;
};

static Touch g_touch;
static bool g_last_was_touch = false;
static long g_hover_timer = 0;
static std::set<ImGuiKey> g_held; // non-modifier keys down: ImGui's own key repeat needs frames
static int g_mods = 0;            // last known modifier state, bit 1 ctrl, 2 shift, 4 alt, 8 meta
static std::string g_clipboard;   // what ImGui last copied, or the last pasted text
static bool g_agent_shown = false;
static ImVec2 g_agent_pos;
static int g_field_kind = -1, g_agent_kind = -1; // ui::FieldKind: of the focused field, as the agent has it
static const char* g_lang = "sv";
static const char* g_agent_lang = "";
static std::string g_agent_name; // the name of the field the agent stands for
static ImGuiMouseCursor g_cursor = ImGuiMouseCursor_Arrow;

bool input_touch() {
    return g_last_was_touch;
}

static float length(ImVec2 v) {
    return std::sqrt(v.x * v.x + v.y * v.y);
}

// [SECTION] Mouse and pen

static ImGuiMouseButton imgui_button(int dom_button) {
    switch (dom_button) {
    case 1:
        return ImGuiMouseButton_Middle;
    case 2:
        return ImGuiMouseButton_Right;
    default:
        return ImGuiMouseButton_Left;
    }
}

static void mouse_event(int type, ImGuiMouseSource source, ImVec2 p, int button) {
    ImGuiIO& io = ImGui::GetIO();
    g_last_was_touch = false;
    io.AddMouseSourceEvent(source);
    io.AddMousePosEvent(type == kLeave ? kNowhere.x : p.x, type == kLeave ? kNowhere.y : p.y);
    if (type == kDown || type == kUp) {
        io.AddMouseSourceEvent(source);
        io.AddMouseButtonEvent(imgui_button(button), type == kDown);
    }
    if (type == kCancel)
        for (int b = 0; b < ImGuiMouseButton_COUNT; b++) io.AddMouseButtonEvent(b, false);
    if (type == kUp) {
        pump_frames(); // a click may open a file picker or the keyboard: only allowed in this handler
        return;
    }
    if (type == kMove) {
        emscripten_clear_timeout(g_hover_timer);
        g_hover_timer = emscripten_set_timeout([](void*) { request_frames(3); }, kHoverSettleMs, nullptr);
    }
    request_frames(3);
}

// [SECTION] Touch

// The innermost window under `p` that can scroll the way the finger moves (`dy` > 0: down, the
// content follows it up), walking out through parent child windows the way ImGui routes the mouse
// wheel. A window already at its end in that direction hands the gesture to its parent, as browsers
// chain scrolling: a filled text area does not trap the page. Nothing behind a modal popup.
static ImGuiWindow* scrollable_window_at(ImVec2 p, float dy) {
    ImGuiContext& g = *GImGui;
    for (int i = g.Windows.Size - 1; i >= 0; i--) {
        ImGuiWindow* w = g.Windows[i];
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        if (!w->OuterRectClipped.Contains(p)) continue;
        if (ImGuiWindow* modal = ImGui::GetTopMostPopupModal())
            if (!ImGui::IsWindowWithinBeginStackOf(w, modal) && w != modal) return nullptr;
        ImGuiWindow* fallback = nullptr; // a scrollable window at its end: used when nothing else moves
        for (; w; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr) {
            if (!(w->ScrollMax.x > 0 || w->ScrollMax.y > 0) ||
                (w->Flags & ImGuiWindowFlags_NoScrollWithMouse))
                continue;
            // A text field that only scrolls sideways does not take a vertical drag.
            const bool can_move =
                dy == 0 || (dy > 0 && w->Scroll.y > 0) || (dy < 0 && w->Scroll.y < w->ScrollMax.y);
            if (can_move) return w;
            if (!fallback) fallback = w;
        }
        return fallback;
    }
    return nullptr;
}

static void on_long_press(void*) {
    Touch& t = g_touch;
    t.long_press_timer = 0;
    if (t.mode != Touch::Mode::pending) return;
    t.mode = Touch::Mode::long_press;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(ImGuiMouseButton_Right, true);
    request_frames(3);
}

// The finger moved beyond the tap slop: scroll what is under it, or hand ImGui a plain drag where
// nothing scrolls (sliders) or where the item under the finger takes the drag itself: such an item
// (a marker of the risk matrix) claims the horizontal wheel while a finger rests on it.
static void start_moving(Touch& t, ImVec2 p) {
    ImGuiIO& io = ImGui::GetIO();
    emscripten_clear_timeout(t.long_press_timer);
    t.long_press_timer = 0;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    const bool item_drags = ImGui::GetKeyOwner(ImGuiKey_MouseWheelX) != ImGuiKeyOwner_None;
    if (ImGuiWindow* w = item_drags ? nullptr : scrollable_window_at(t.start, p.y - t.start.y)) {
        t.mode = Touch::Mode::scroll;
        t.window = w->ID;
        t.last = t.start; // the content follows the finger from where it landed
        io.AddMousePosEvent(kNowhere.x, kNowhere.y);
    } else {
        t.mode = Touch::Mode::drag;
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(p.x, p.y);
    }
}

// `released`: the finger lifted (pointerup); otherwise the browser cancelled the touch.
static void finish_touch(Touch& t, bool released) {
    ImGuiIO& io = ImGui::GetIO();
    emscripten_clear_timeout(t.long_press_timer);
    t.long_press_timer = 0;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    switch (t.mode) {
    case Touch::Mode::pending:
        if (released) { // a tap is a click where the finger landed
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
            io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        }
        break;
    case Touch::Mode::scroll:
        // A finger that rested before lifting means "stop here", not a fling; and there is none for
        // a person who asked for less motion (the list stops where the finger left it).
        t.inertia = released && emscripten_get_now() - t.last_ms < 80 &&
                    !kvh_js_prefers("(prefers-reduced-motion: reduce)");
        break;
    case Touch::Mode::drag:
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        break;
    case Touch::Mode::long_press:
        io.AddMouseButtonEvent(ImGuiMouseButton_Right, false);
        break;
    case Touch::Mode::none:
        break;
    }
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(kNowhere.x, kNowhere.y);
    t.mode = Touch::Mode::none;
    t.pointer = -1;
    pump_frames(); // the tap may have focused a text field: the keyboard may only open now
}

static void touch_event(int type, int pointer, ImVec2 p) {
    ImGuiIO& io = ImGui::GetIO();
    Touch& t = g_touch;
    const double now = emscripten_get_now();
    g_last_was_touch = true;
    if (type == kDown) {
        if (t.mode != Touch::Mode::none) return; // a second finger: the app has no pinch or two-finger use
        t = Touch{};                             // also stops any inertia
        t.mode = Touch::Mode::pending;
        t.pointer = pointer;
        t.start = t.last = p;
        t.last_ms = now;
        t.long_press_timer = emscripten_set_timeout(on_long_press, kLongPressMs, nullptr);
        // The press itself waits for the release (it may become a scroll); hovering shows feedback.
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(p.x, p.y);
        request_frames(3);
        return;
    }
    if (pointer != t.pointer) return;
    if (type == kMove) {
        if (t.mode == Touch::Mode::pending && length(p - t.start) * zoom() > kTapSlop) start_moving(t, p);
        if (t.mode == Touch::Mode::scroll) {
            const ImVec2 d = p - t.last;
            const float dt = float(std::max(now - t.last_ms, 1.0));
            t.scroll_pending += d;
            t.velocity = t.velocity * 0.2f + d * (0.8f / dt);
        } else if (t.mode == Touch::Mode::drag) {
            io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            io.AddMousePosEvent(p.x, p.y);
        }
        t.last = p;
        t.last_ms = now;
        request_frames(3);
        return;
    }
    finish_touch(t, type == kUp);
}

void input_before_frame(float dt_seconds) {
    Touch& t = g_touch;
    ImGuiWindow* w = t.window ? ImGui::FindWindowByID(t.window) : nullptr;
    if (!w) {
        t.inertia = false;
        t.scroll_pending = ImVec2();
        return;
    }
    if (t.inertia) {
        const float ms = std::min(dt_seconds * 1000.0f, 2 * kFrameMs); // no jump after a stall
        t.scroll_pending += t.velocity * ms;
        t.velocity = t.velocity * std::pow(kInertiaDecay, ms / kFrameMs);
        // Stop at the ends too, so a fling into the edge does not keep drawing invisible frames.
        if ((t.velocity.y > 0 && w->Scroll.y <= 0) || (t.velocity.y < 0 && w->Scroll.y >= w->ScrollMax.y))
            t.velocity.y = 0;
        if ((t.velocity.x > 0 && w->Scroll.x <= 0) || (t.velocity.x < 0 && w->Scroll.x >= w->ScrollMax.x))
            t.velocity.x = 0;
        t.inertia = length(t.velocity) * kFrameMs * zoom() >= kInertiaStop;
    }
    // ImGui applies a scroll target in the next Begin, so one update per frame, from the last Scroll.
    if (t.scroll_pending.x != 0 && w->ScrollMax.x > 0) ImGui::SetScrollX(w, w->Scroll.x - t.scroll_pending.x);
    if (t.scroll_pending.y != 0 && w->ScrollMax.y > 0) ImGui::SetScrollY(w, w->Scroll.y - t.scroll_pending.y);
    t.scroll_pending = ImVec2();
}

bool input_animating() {
    // ImGui trickles queued input, about one typed key per frame: until it has taken every event,
    // the last keys of a fast burst (and an Esc after them) would wait for the next input to arrive.
    if (g_touch.inertia || !g_held.empty() || !GImGui->InputEventsQueue.empty()) return true;
    const ImGuiIO& io = ImGui::GetIO();
    for (bool down : io.MouseDown)
        if (down) return true;
    return false;
}

// [SECTION] Keys

// KeyboardEvent.code / .key names that are not a single letter or digit.
struct NamedKey {
    const char* name;
    ImGuiKey key;
};
static const NamedKey kNamedKeys[] = {
    {"Tab", ImGuiKey_Tab},
    {"Enter", ImGuiKey_Enter},
    {"Escape", ImGuiKey_Escape},
    {"Backspace", ImGuiKey_Backspace},
    {"Delete", ImGuiKey_Delete},
    {"Insert", ImGuiKey_Insert},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Space", ImGuiKey_Space},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift},
    {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"MetaRight", ImGuiKey_RightSuper},
    {"CapsLock", ImGuiKey_CapsLock},
    {"ContextMenu", ImGuiKey_Menu},
    {"F1", ImGuiKey_F1},
    {"F2", ImGuiKey_F2},
    {"F3", ImGuiKey_F3},
    {"F4", ImGuiKey_F4},
    {"F5", ImGuiKey_F5},
    {"F6", ImGuiKey_F6},
    {"F7", ImGuiKey_F7},
    {"F8", ImGuiKey_F8},
    {"F9", ImGuiKey_F9},
    {"F10", ImGuiKey_F10},
    {"F11", ImGuiKey_F11},
    {"F12", ImGuiKey_F12},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"NumpadDecimal", ImGuiKey_KeypadDecimal},
    {"NumpadDivide", ImGuiKey_KeypadDivide},
    {"NumpadMultiply", ImGuiKey_KeypadMultiply},
    {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"NumpadAdd", ImGuiKey_KeypadAdd},
    {"Minus", ImGuiKey_Minus},
    {"Equal", ImGuiKey_Equal},
    {"BracketLeft", ImGuiKey_LeftBracket},
    {"BracketRight", ImGuiKey_RightBracket},
    {"Backslash", ImGuiKey_Backslash},
    {"Semicolon", ImGuiKey_Semicolon},
    {"Quote", ImGuiKey_Apostrophe},
    {"Backquote", ImGuiKey_GraveAccent},
    {"Comma", ImGuiKey_Comma},
    {"Period", ImGuiKey_Period},
    {"Slash", ImGuiKey_Slash},
};

static ImGuiKey named_key(std::string_view name) {
    for (const NamedKey& k : kNamedKeys)
        if (name == k.name) return k.key;
    return ImGuiKey_None;
}

// Letters and digits follow the layout (Ctrl+Z is where the user's Z is); the rest follows the
// key name, then the physical code (modifiers, numpad). On-screen keyboards often send no code.
static ImGuiKey imgui_key(std::string_view key, std::string_view code) {
    if (key.size() == 1) {
        const char c = char(std::tolower((unsigned char)key[0]));
        if (c >= 'a' && c <= 'z') return ImGuiKey(ImGuiKey_A + (c - 'a'));
        if (c >= '0' && c <= '9') return ImGuiKey(ImGuiKey_0 + (c - '0'));
    }
    if (ImGuiKey k = named_key(key); k != ImGuiKey_None) return k;
    if (ImGuiKey k = named_key(code); k != ImGuiKey_None) return k;
    // Alt or Option changed the character (macOS Option+Z = Ω): fall back to the physical key.
    if (code.size() == 4 && code.substr(0, 3) == "Key") return ImGuiKey(ImGuiKey_A + (code[3] - 'A'));
    if (code.size() == 6 && code.substr(0, 5) == "Digit") return ImGuiKey(ImGuiKey_0 + (code[5] - '0'));
    if (code.size() == 7 && code.substr(0, 6) == "Numpad")
        return ImGuiKey(ImGuiKey_Keypad0 + (code[6] - '0'));
    return ImGuiKey_None;
}

static void add_mods(int mods) {
    ImGuiIO& io = ImGui::GetIO();
    g_mods = mods;
    io.AddKeyEvent(ImGuiMod_Ctrl, mods & 1);
    io.AddKeyEvent(ImGuiMod_Shift, mods & 2);
    io.AddKeyEvent(ImGuiMod_Alt, mods & 4);
    io.AddKeyEvent(ImGuiMod_Super, mods & 8);
}

static bool shortcut_held(int mods) {
    return ImGui::GetIO().ConfigMacOSXBehaviors ? (mods & 8) : (mods & 1);
}

static void tap_key(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
}

} // namespace kvh::platform

using namespace kvh::platform;

// [SECTION] Entry points for web/lib_platform.js

// A pointer event at (x, y) CSS px from the canvas' top left; `button` is PointerEvent.button.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_pointer(int type, int kind, int pointer, float x, float y,
                                                 int button) {
    const ImVec2 p(x / zoom(), y / zoom());
    if (type == kDown) semantics_pointer_pressed();
    if (kind == kTouch)
        touch_event(type, pointer, p);
    else
        mouse_event(type, kind == kPen ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse, p, button);
}

// Wheel steps as ImGui counts them (positive = up/left), already normalised from pixels/lines/pages.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_wheel(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMouseWheelEvent(x, y);
    request_frames(3);
}

// keydown / keyup. Returns 1 when the browser's default action must be prevented. Printable keys
// are not prevented: their character reaches ImGui once, through the text agent's input event.
extern "C" EMSCRIPTEN_KEEPALIVE int kvh_key(const char* key_name, const char* code, int down, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    add_mods(mods);
    const ImGuiKey key = imgui_key(key_name, code);
    request_frames(3);
    if (key == ImGuiKey_None) return 0;
    const bool shortcut = shortcut_held(mods);
    // Ctrl+V: the browser's paste event brings the system clipboard (kvh_paste); ImGui must not
    // paste its own cached text first.
    if (shortcut && key == ImGuiKey_V) return 0;
    if (down) {
        if (key < ImGuiKey_LeftCtrl || key > ImGuiKey_RightSuper) g_held.insert(key);
    } else if (key == ImGuiKey_LeftSuper || key == ImGuiKey_RightSuper) {
        // macOS sends no keyup for keys released while Cmd was held (Cmd+C): release them now.
        for (ImGuiKey k : g_held) io.AddKeyEvent(k, false);
        g_held.clear();
    } else {
        g_held.erase(key);
    }
    io.AddKeyEvent(key, down);
    if (!down) return 0;
    // Activating a button (Enter/Space may open a file picker) and copy/cut (the browser's copy
    // event right after this handler takes ImGui's text) must be processed inside this handler.
    // While typing, Enter and Space are text: the next animation frame is soon enough.
    const bool copy = shortcut && (key == ImGuiKey_C || key == ImGuiKey_X);
    const bool activate = key == ImGuiKey_Enter || key == ImGuiKey_KeypadEnter || key == ImGuiKey_Space;
    if (copy || (activate && !io.WantTextInput)) pump_frames();
    if (shortcut) return key == ImGuiKey_A || key == ImGuiKey_Z || key == ImGuiKey_Y || key == ImGuiKey_S;
    switch (key) {
    case ImGuiKey_Tab:
    case ImGuiKey_Enter:
    case ImGuiKey_KeypadEnter:
    case ImGuiKey_Escape:
    case ImGuiKey_Backspace:
    case ImGuiKey_Delete:
    case ImGuiKey_LeftArrow:
    case ImGuiKey_RightArrow:
    case ImGuiKey_UpArrow:
    case ImGuiKey_DownArrow:
    case ImGuiKey_Home:
    case ImGuiKey_End:
    case ImGuiKey_PageUp:
    case ImGuiKey_PageDown:
        return 1;
    default:
        return 0;
    }
}

// The whole key pressed and released, for keys that arrive as text-agent input (Android).
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_key_tap(const char* key_name) {
    tap_key(imgui_key(key_name, ""));
    request_frames(3);
}

// Window focus: keys released while the page was in the background never send keyup.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_focus(int focused) {
    ImGui::GetIO().AddFocusEvent(focused != 0);
    g_held.clear();
    request_frames(3);
}

// Typed or composed text from the text agent. A line break is the Enter key, so single-line fields
// confirm and multi-line fields break the line the same way as with a hardware keyboard.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_text(const char* utf8) {
    ImGuiIO& io = ImGui::GetIO();
    std::string_view rest(utf8);
    while (!rest.empty()) {
        const std::size_t nl = rest.find_first_of("\r\n");
        const std::string part(rest.substr(0, nl));
        if (!part.empty()) io.AddInputCharactersUTF8(part.c_str());
        if (nl == std::string_view::npos) break;
        if (rest[nl] == '\n') tap_key(ImGuiKey_Enter);
        rest.remove_prefix(nl + 1);
    }
    request_frames(3);
}

// The browser's paste event: the text becomes ImGui's clipboard and ImGui pastes it as with
// Ctrl+V (one undo step, replaces the selection).
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_paste(const char* utf8) {
    ImGuiIO& io = ImGui::GetIO();
    g_clipboard = utf8;
    const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    io.AddKeyEvent(mod, true);
    tap_key(ImGuiKey_V);
    add_mods(g_mods);
    request_frames(3);
}

namespace kvh::platform {

// [SECTION] Clipboard, text agent, cursor

static const char* get_clipboard(void*) {
    return g_clipboard.c_str();
}

static void set_clipboard(void*, const char* text) {
    g_clipboard = text;
    kvh_js_set_clipboard(text);
}

void input_init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "kvh_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    // Cmd-based shortcuts and Option word moves on Apple devices, as their users expect.
    io.ConfigMacOSXBehaviors = kvh_js_is_apple() != 0;
}

void input_field_kind(int kind, const char* lang) {
    g_field_kind = kind;
    g_lang = lang;
}

void input_after_frame() {
    ImGuiContext& g = *GImGui;
    const bool want = g.WantTextInputNextFrame == 1;
    const float z = zoom();
    const ImVec2 pos = g.PlatformImeData.InputPos * z;
    const bool moved = pos.x != g_agent_pos.x || pos.y != g_agent_pos.y;
    const char* name = semantics_label(g.ActiveId);
    const bool renamed = name && g_agent_name != name;
    const bool retyped = g_field_kind != g_agent_kind || std::strcmp(g_lang, g_agent_lang) != 0;
    if (want != g_agent_shown || (want && (moved || retyped || renamed))) {
        kvh_js_text_agent(want, pos.x, pos.y, g.PlatformImeData.InputLineHeight * z, g_field_kind, g_lang,
                          name ? name : "");
        g_agent_name = name ? name : "";
        g_agent_shown = want;
        g_agent_pos = pos;
        g_agent_kind = g_field_kind;
        g_agent_lang = g_lang;
    }
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != g_cursor) {
        kvh_js_set_cursor(cursor);
        g_cursor = cursor;
    }
}

} // namespace kvh::platform
