// The browser entry point: WebGL2 context, Dear ImGui, the workspace and its IndexedDB storage, the
// Host the UI talks to, and frames drawn on demand (there is no main loop: an idle page draws nothing).
#include "platform_web.hpp"

#include "core/exchange_format.hpp"
#include "core/workspace.hpp"
#include "store/idb_backend_web.hpp"
#include "store/save_queue.hpp"
#include "store/tab_sync.hpp"
#include "ui/app.hpp"
#include "ui/views.hpp"

#include "imgui_internal.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

extern "C" {       // web/lib_platform.js
int kvh_js_init(); // 1 when the page runs under automation (E2E tests, tools/bench): test hooks wanted
void kvh_js_ready();
void kvh_js_fail(const char* what);
void kvh_js_warn(const char* text);
void kvh_js_download(const char* name, const char* mime, const char* bytes, std::size_t size);
void kvh_js_pick_file();
int kvh_js_open_printable(const char* html, std::size_t size);
void kvh_js_fetch_asset(const char* path, int which);
int kvh_js_prefers_dark();
int kvh_js_prefers(const char* media_query);
}

namespace kvh::platform {

// [SECTION] State

class WebHost final : public ui::Host {
  public:
    void download(const std::string& filename, const std::string& mime, const std::string& bytes) override;
    void pick_import_file() override { kvh_js_pick_file(); }
    void open_printable(const std::string& title, const std::string& html) override;
    void settings_changed(const ui::Settings& s) override;
    void request_frames(int count) override { platform::request_frames(count); }
    std::string now_iso() override;
    std::string today() override;
    bool prefers_dark() override { return kvh_js_prefers_dark() != 0; }
    void keyboard_for(std::optional<ui::FieldKind> kind, core::Lang lang) override {
        platform::input_field_kind(kind ? int(*kind) : -1, lang == core::Lang::en ? "en" : "sv");
    }
};

// What TabSync asks of the page: the clock and timers, the console, other tabs, and the app.
class WebSyncHost final : public store::TabSyncHost {
  public:
    double now_ms() override { return emscripten_get_now(); }
    int set_timeout(double delay_ms, std::function<void()> fire) override;
    void clear_timeout(int id) override;
    void warn(const std::string& text) override { kvh_js_warn(text.c_str()); }
    void announce_write(const std::string& id) override;
    void request_persistence() override;
    void request_frames(int count) override { platform::request_frames(count); }
    void after_frame(std::function<void()> then) override;
    void open_app() override;
    void show_unreadable(std::vector<core::UnreadableRecord> records) override;
    void app_started(const std::string& read_error) override;
    void save_state_changed() override;
    // Work waiting for the next frame (after_frame): started in a task of its own once the frame
    // is drawn (draw_frame), so the browser can show that frame first.
    std::vector<std::function<void()>> waiting_for_frame;

  private:
    static void on_timer(void* id);
    // Emscripten's timers call a function with a pointer; TabSync's are closures, kept here by our id.
    struct Timer {
        int handle; // emscripten's id
        std::function<void()> fire;
    };
    std::map<int, Timer> timers_;
    int last_timer_ = 0;
};

struct Platform {
    core::Workspace ws;
    store::IdbBackend idb;
    store::SaveQueue saves{ws, idb};
    WebHost host;
    WebSyncHost sync_host;
    store::TabSync sync{ws, idb, saves, sync_host};
    ui::Settings settings;        // as stored; handed to the app when it starts
    std::unique_ptr<ui::App> app; // exists once the workspace is loaded (sync.running())
    std::array<std::optional<std::string>, std::size(ui::all_assets)>
        assets;                // once fetched ("" if unreadable)
    bool load_started = false; // the settings are being read (after the lock's first answer)
};

struct Display {
    float css_w = 1, css_h = 1; // canvas size in CSS px
    float fb_w = 1, fb_h = 1;   // canvas backing store in device px
    float dpr = 1;
    float zoom = 1, next_zoom = 1; // zoom changes between frames, never inside one
    float font_scale = 0;          // dpr * zoom the atlas was built for
};

static Platform* g_platform;
static Display g_display;
static int g_frames_left = 0;
static bool g_frame_requested = false;
static double g_last_frame_ms = 0;
static unsigned g_frames_drawn = 0;
static bool g_ready = false;

float zoom() {
    return g_display.zoom;
}

// [SECTION] Frames

// ImGui's clock (ImGui::GetTime(), seconds) as the next frame will see it: each frame advances it
// by the real time since the previous one, and it starts at 0 when main() runs.
static double imgui_clock_now() {
    return ImGui::GetTime() + (emscripten_get_now() - g_last_frame_ms) / 1000.0;
}

// The UI's toast goes away at a set time, when nothing else may happen: draw a frame then.
static void arm_toast_timer() {
    static double armed_for = 0;
    const ui::App::State& s = g_platform->app->state;
    if (s.toast.empty() || s.toast_until == armed_for) return;
    armed_for = s.toast_until;
    const double ms = (s.toast_until - imgui_clock_now()) * 1000.0 + 20.0;
    emscripten_set_timeout([](void*) { request_frames(2); }, std::max(ms, 0.0), nullptr);
}

// What the last frame cost (tools/bench): building the UI, and building plus submitting to GL.
static double g_frame_build_ms = 0, g_frame_total_ms = 0;

void draw_frame(bool present) {
    Platform& p = *g_platform;
    Display& d = g_display;
    if (!p.app) return;
    ImGuiIO& io = ImGui::GetIO();
    d.zoom = d.next_zoom;
    if (d.dpr * d.zoom != d.font_scale) {
        d.font_scale = d.dpr * d.zoom;
        build_fonts(d.font_scale);
    }
    io.DisplaySize = ImVec2(d.css_w / d.zoom, d.css_h / d.zoom);
    io.DisplayFramebufferScale = ImVec2(d.fb_w / io.DisplaySize.x, d.fb_h / io.DisplaySize.y);
    const double now = emscripten_get_now();
    // Real elapsed time, also across idle stretches: ImGui's clock (double-clicks, tooltip delays,
    // the UI's toast timeout) must agree with the wall clock even though frames are rare.
    io.DeltaTime = float(std::max((now - g_last_frame_ms) / 1000.0, 0.001));
    g_last_frame_ms = now;

    input_before_frame(io.DeltaTime);
    semantics_begin_frame();
    ImGui::NewFrame();
    semantics_after_new_frame();
    p.app->frame(ui::FrameInfo{io.DisplaySize.x, io.DisplaySize.y, input_touch(),
                               kvh_js_prefers("(prefers-contrast: more)") != 0});
    ImGui::Render();
    g_frame_build_ms = emscripten_get_now() - now;
    if (present) {
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        renderer_draw(*ImGui::GetDrawData(), ImVec4(bg.x, bg.y, bg.z, 1.0f));
        g_frame_total_ms = emscripten_get_now() - now;
    }
    test_hook_end_frame();
    semantics_end_frame();
    input_after_frame();
    arm_toast_timer();

    g_frames_drawn++;
    if (!g_ready) {
        g_ready = true;
        kvh_js_ready();
    }
    for (auto& then : std::exchange(p.sync_host.waiting_for_frame, {}))
        p.sync_host.set_timeout(0, std::move(then));
}

static EM_BOOL on_animation_frame(double, void*) {
    g_frame_requested = false;
    draw_frame();
    if (g_frames_left > 0) g_frames_left--;
    if (g_frames_left > 0 || input_animating()) request_frames(0);
    return EM_FALSE;
}

// One-shot animation frames: each drawn frame asks for the next only while there is a reason.
void request_frames(int count) {
    g_frames_left = std::max(g_frames_left, count);
    if (g_frame_requested) return;
    g_frame_requested = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void pump_frames() {
    if (!g_platform || !g_platform->app) return;
    // Then two frames more, shown, so what the input caused (a focused field, an opened screen)
    // has settled and is on the canvas.
    drain_input();
    draw_frame();
    draw_frame();
    request_frames(2);
}

// [SECTION] Saving

static ui::SaveStatus save_status() {
    const store::SaveQueue& q = g_platform->saves;
    if (g_platform->sync.loading_items()) return {ui::SaveStatus::State::loading, {}};
    if (q.read_only()) return {ui::SaveStatus::State::read_only, {}};
    switch (q.state().kind) {
    case store::SaveState::Kind::saved:
        return {ui::SaveStatus::State::saved, {}};
    case store::SaveState::Kind::pending:
        return {ui::SaveStatus::State::pending, {}};
    case store::SaveState::Kind::saving:
        return {ui::SaveStatus::State::saving, {}};
    case store::SaveState::Kind::failed:
        return {ui::SaveStatus::State::failed, q.state().reason};
    }
    return {};
}

void WebHost::download(const std::string& filename, const std::string& mime, const std::string& bytes) {
    kvh_js_download(filename.c_str(), mime.c_str(), bytes.data(), bytes.size());
}

void WebHost::open_printable(const std::string& title, const std::string& html) {
    (void)title; // the report's own <title> names the window
    kvh_js_open_printable(html.data(), html.size());
}

void WebHost::settings_changed(const ui::Settings& s) {
    g_platform->idb.save_settings(ui::settings_to_json(s));
    g_display.next_zoom = std::clamp(s.zoom_percent, 100, 300) / 100.0f;
    platform::request_frames(3);
}

std::string WebHost::now_iso() {
    return g_platform->ws.env().now_iso();
}

// Emscripten's localtime takes the browser's time zone from Date, so this is the date on the
// person's own calendar.
std::string WebHost::today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &local);
    return day;
}

// [SECTION] Loading (the logic is store::TabSync's)

// The warning about unreadable stored records stays longer than a confirmation (8 s): it matters
// more, and the details are only in the console.
static constexpr double kBadRecordsToastSeconds = 30;

int WebSyncHost::set_timeout(double delay_ms, std::function<void()> fire) {
    const int id = ++last_timer_;
    const int handle =
        emscripten_set_timeout(&WebSyncHost::on_timer, delay_ms, reinterpret_cast<void*>(std::intptr_t(id)));
    timers_[id] = Timer{handle, std::move(fire)};
    return id;
}

void WebSyncHost::clear_timeout(int id) {
    const auto it = timers_.find(id);
    if (it == timers_.end()) return;
    emscripten_clear_timeout(it->second.handle);
    timers_.erase(it);
}

void WebSyncHost::on_timer(void* id) {
    std::map<int, Timer>& timers = g_platform->sync_host.timers_;
    const auto it = timers.find(int(reinterpret_cast<std::intptr_t>(id)));
    if (it == timers.end()) return;
    const std::function<void()> then = std::move(it->second.fire);
    timers.erase(it);
    then();
}

void WebSyncHost::announce_write(const std::string& id) {
    g_platform->idb.announce_write(id);
}

void WebSyncHost::request_persistence() {
    g_platform->idb.request_persistence(); // asks once, when there is something worth keeping
}

void WebSyncHost::after_frame(std::function<void()> then) {
    if (!g_platform->app) { // nothing is drawn before the app exists
        set_timeout(0, std::move(then));
        return;
    }
    waiting_for_frame.push_back(std::move(then));
    platform::request_frames(1);
}

void WebSyncHost::open_app() {
    Platform& p = *g_platform;
    g_display.zoom = g_display.next_zoom = std::clamp(p.settings.zoom_percent, 100, 300) / 100.0f;
    p.app = std::make_unique<ui::App>(p.ws, p.host, p.settings);
    for (ui::Asset a : ui::all_assets)
        if (const auto& text = p.assets[std::size_t(a)]) p.app->set_asset(a, *text);
}

void WebSyncHost::show_unreadable(std::vector<core::UnreadableRecord> records) {
    g_platform->app->set_unreadable(std::move(records));
}

void WebSyncHost::app_started(const std::string& read_error) {
    ui::App& app = *g_platform->app;
    app.set_save_status(read_error.empty() ? save_status()
                                           : ui::SaveStatus{ui::SaveStatus::State::failed, read_error});
    if (!app.unreadable().empty()) {
        app.state.toast =
            core::count_text(core::Msg::store_bad_records, static_cast<long long>(app.unreadable().size()));
        app.state.toast_until = imgui_clock_now() + kBadRecordsToastSeconds;
    }
}

void WebSyncHost::save_state_changed() {
    g_platform->app->set_save_status(save_status());
}

// The writer lock's answers (TabSync::on_role); the first one also starts loading: the settings,
// then every document.
static void on_role(bool writer) {
    Platform& p = *g_platform;
    p.sync.on_role(writer);
    if (p.load_started) return;
    p.load_started = true;
    p.idb.load_settings([](const std::string& json) {
        g_platform->settings = ui::settings_from_json(json);
        g_platform->sync.start();
    });
}

} // namespace kvh::platform

using namespace kvh;
using namespace kvh::platform;

// [SECTION] Entry points for web/lib_platform.js

// The canvas' CSS size and backing store (device px) changed, or devicePixelRatio did.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_resize(float css_w, float css_h, float fb_w, float fb_h, float dpr) {
    Display& d = g_display;
    d.css_w = std::max(css_w, 1.0f);
    d.css_h = std::max(css_h, 1.0f);
    d.fb_w = std::max(fb_w, 1.0f);
    d.fb_h = std::max(fb_h, 1.0f);
    d.dpr = dpr > 0 ? dpr : 1.0f;
    // Resizing the backing store cleared it: draw now, before the browser shows a blank canvas.
    if (g_platform && g_platform->app) draw_frame();
    request_frames(3);
}

// A file of assets/ arrived (or "" when it could not be read); the app may not exist yet.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_asset(int which, const char* text) {
    if (!g_platform || which < 0 || std::size_t(which) >= std::size(ui::all_assets)) return;
    const ui::Asset asset = ui::all_assets[which];
    g_platform->assets[std::size_t(which)] = text;
    if (g_platform->app) g_platform->app->set_asset(asset, text);
}

extern "C" EMSCRIPTEN_KEEPALIVE void kvh_request_frames(int count) {
    request_frames(count);
}

// Page hidden or being left: start every pending write now. The IndexedDB transactions are created
// and committed inside this handler (web/lib_idb.js), so they complete even if the page is frozen or
// gone right after; other tabs may not hear of them (see TabSync::on_role). A closing page gets
// about 500 ms for this: what is already an edit is handed over first, then the keys still queued
// become edits and are written in a second transaction (ordered after the first).
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_flush() {
    if (!g_platform || !g_platform->app) return;
    g_platform->saves.flush();
    // Keys typed since the last frame are still in ImGui's queue: turn them into edits, without
    // drawing (the page may have little time left, and nothing of it would be seen).
    if (!GImGui->InputEventsQueue.empty()) {
        drain_input_fast();
        draw_frame(false);
        request_frames(2); // shown when the page is visible again
        g_platform->saves.flush();
    }
}

extern "C" EMSCRIPTEN_KEEPALIVE int kvh_pending_saves() {
    if (!g_platform) return 0;
    return int(g_platform->saves.pending_count()) + (g_platform->ws.has_dirty() ? 1 : 0);
}

// A file chosen in the picker or dropped on the page: its `size` bytes as they are on disk (NUL bytes
// and invalid UTF-8 included; parse_exchange judges them).
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_open_file(const char* name, const char* bytes, int size) {
    if (!g_platform || !g_platform->app || !bytes || size < 0) return;
    g_platform->app->open_file(name ? name : "", std::string(bytes, std::size_t(size)));
    request_frames(3);
}

// The largest file web/lib_platform.js hands to kvh_open_file (bigger ones go to kvh_open_file_refused).
extern "C" EMSCRIPTEN_KEEPALIVE double kvh_max_file_bytes() {
    return double(core::kMaxFileBytes);
}

// A file that was not read: too large (`reason` empty) or unreadable (ui::App::file_refused).
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_open_file_refused(const char* name, double bytes,
                                                           const char* reason) {
    if (!g_platform || !g_platform->app) return;
    g_platform->app->file_refused(name ? name : "", std::uint64_t(std::max(bytes, 0.0)),
                                  reason ? reason : "");
}

// window.kvhTest.workspace(): every document in export format; valid until the next call. Only
// under automation: elsewhere there is no window.kvhTest, and this answers nothing.
extern "C" EMSCRIPTEN_KEEPALIVE const char* kvh_test_workspace() {
    static std::string json;
    json = g_platform && test_hooks_enabled()
               ? core::export_documents(g_platform->ws.documents(), g_platform->host.now_iso())
               : "";
    return json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE unsigned kvh_test_frames() {
    return g_frames_drawn;
}
// Input events ImGui has not taken yet: it takes about one key a frame, so keys that arrive faster
// than frames (a test typing) become edits frames later. Until then pendingSaves() is 0 but the
// typing is not in the workspace yet.
extern "C" EMSCRIPTEN_KEEPALIVE int kvh_test_input_queued() {
    return g_platform ? GImGui->InputEventsQueue.Size : 0;
}
extern "C" EMSCRIPTEN_KEEPALIVE unsigned kvh_test_store_reads() {
    return g_platform ? g_platform->sync.reads() : 0;
}
// The app has drawn and holds every stored document (not only the heads shown first).
extern "C" EMSCRIPTEN_KEEPALIVE int kvh_test_ready() {
    return g_ready && g_platform->sync.running();
}
// For tools/bench: one edit of the first document, handed to storage at once (no debounce), so
// the time until pendingSaves() is 0 is the cost of saving one edit.
extern "C" EMSCRIPTEN_KEEPALIVE int kvh_test_edit_and_flush() {
    if (!g_platform || !test_hooks_enabled() || g_platform->ws.size() == 0) return 0;
    const std::string id = g_platform->ws.documents().front()->id;
    g_platform->ws.edit(id, core::Msg::undo_year,
                        [](core::Document& d) { d.year = d.year == 2026 ? 2025 : 2026; });
    g_platform->saves.flush();
    return 1;
}
extern "C" EMSCRIPTEN_KEEPALIVE double kvh_test_frame_build_ms() {
    return g_frame_build_ms;
}
extern "C" EMSCRIPTEN_KEEPALIVE double kvh_test_frame_total_ms() {
    return g_frame_total_ms;
}
extern "C" EMSCRIPTEN_KEEPALIVE int kvh_test_bad_records() {
    return g_platform && g_platform->app ? int(g_platform->app->unreadable().size()) : 0;
}

// [SECTION] main

int main() {
    if (!create_gl_context([] {
            g_display.font_scale = 0; /* re-upload the atlas */
        })) {
        kvh_js_fail("webgl2");
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // window layout is the app's, not a file's
    io.LogFilename = nullptr;
    input_init();
    if (!renderer_init()) {
        kvh_js_fail("webgl2");
        return 1;
    }

    g_last_frame_ms = emscripten_get_now(); // ImGui's clock starts now (see imgui_clock_now)
    g_platform = new Platform;              // lives as long as the page
    test_hooks_init(kvh_js_init() != 0);
    test_hooks_attach(g_platform->ws, g_platform->app);
    for (ui::Asset a : ui::all_assets) kvh_js_fetch_asset(ui::asset_path(a), int(a));
    // Listen before anything is read, so no other tab's write after the first read began goes
    // unheard; the first read waits for the writer lock's answer (on_role).
    g_platform->idb.listen([](const std::string& id) { g_platform->sync.on_remote_write(id); });
    g_platform->idb.claim_writer(on_role);
    return 0;
}
