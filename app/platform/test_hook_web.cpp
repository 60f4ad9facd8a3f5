// The E2E test hook: Dear ImGui's test-engine callbacks record every visible item of the last frame
// (label, id, rectangle in CSS px) for window.kvhTest.items(). It never changes what is drawn, and
// is on only under automation (test_hooks_init): for everyone else the callbacks are never called.
#include "platform_web.hpp"

#include "imgui_internal.h"

#include <cstdio>
#include <emscripten/emscripten.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace kvh::platform {

// [SECTION] Recording

struct Item {
    ImGuiID id = 0;
    std::string label;
    ImRect rect;                   // ImGui units, clipped to what is visible
    ImGuiWindow* window = nullptr; // valid until the next NewFrame
};

static std::vector<Item> g_frame;                     // items of the frame being drawn
static std::unordered_map<ImGuiID, std::size_t> g_at; // id -> index in g_frame
static std::vector<Item> g_last;                      // items of the last completed frame
static bool g_enabled = false;

void test_hooks_init(bool enabled) {
    g_enabled = enabled;
}

bool test_hooks_enabled() {
    return g_enabled;
}

void test_hook_begin_frame() {
    if (!g_enabled) return;
    g_frame.clear();
    g_at.clear();
    GImGui->TestEngineHookItems = true;
}

// Drops what ended up not drawn: ImGui's implicit "Debug" window registers itself every frame and is
// hidden at the end when nothing was submitted to it.
void test_hook_end_frame() {
    if (!g_enabled) return;
    std::erase_if(g_frame, [](const Item& item) { return item.window && !item.window->Active; });
    g_last.swap(g_frame);
}

// The visible part of an ImGui label ("Spara##doc" -> "Spara"); for a label with nothing visible the
// hidden name ("##Titel" -> "Titel"), which the UI uses for fields whose caption is drawn above them.
static std::string item_label(const char* label) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    if (end != label) return std::string(label, end);
    while (*label == '#') label++;
    return label;
}

// [SECTION] Export to JavaScript

static void append_json_string(std::string& out, const std::string& s) {
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

} // namespace kvh::platform

using namespace kvh::platform;

// [SECTION] Dear ImGui test-engine hooks (declared in imgui_internal.h)

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    ImGuiWindow* window = ctx->CurrentWindow;
    ImRect visible = bb;
    // A window registers itself before its clip rect is set up: clip it to the screen instead.
    if (window && window->ID != id)
        visible.ClipWithFull(window->ClipRect);
    else
        visible.ClipWithFull(ImRect(ImVec2(0, 0), ctx->IO.DisplaySize));
    if (visible.GetWidth() <= 0 || visible.GetHeight() <= 0) return;
    auto [it, added] = g_at.try_emplace(id, g_frame.size());
    if (added)
        g_frame.push_back({id, {}, visible, window});
    else
        g_frame[it->second].rect = visible; // registered twice (e.g. ButtonBehavior): the last wins
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    auto it = g_at.find(id);
    if (it != g_at.end() && label) g_frame[it->second].label = item_label(label);
}

// ImGui's own debug log lines are of no use to the E2E tests.
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    for (const Item& item : g_last)
        if (item.id == id) return item.label.c_str();
    return nullptr;
}

// [{"label":…,"id":…,"x":…,"y":…,"w":…,"h":…}, …] in CSS px; valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* kvh_test_items() {
    static std::string json;
    if (!g_enabled) return "[]";
    const float z = zoom();
    json = "[";
    char buf[160];
    for (const Item& item : g_last) {
        if (json.size() > 1) json += ',';
        json += "{\"label\":";
        append_json_string(json, item.label);
        snprintf(buf, sizeof buf, ",\"id\":%u,\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}", item.id,
                 item.rect.Min.x * z, item.rect.Min.y * z, item.rect.GetWidth() * z,
                 item.rect.GetHeight() * z);
        json += buf;
    }
    json += ']';
    return json.c_str();
}
