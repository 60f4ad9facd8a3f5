// The browser entry point: WebGL2 context, Dear ImGui, the workspace and its IndexedDB storage, the
// Host the UI talks to, and frames drawn on demand (there is no main loop: an idle page draws nothing).
#include "platform_web.hpp"

#include "core/exchange_format.hpp"
#include "core/workspace.hpp"
#include "store/idb_backend_web.hpp"
#include "store/save_queue.hpp"
#include "ui/app.hpp"

#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

#include <GLES3/gl3.h>
#include <algorithm>
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

extern "C" { // web/lib_platform.js
void kvh_js_init();
void kvh_js_ready();
void kvh_js_fail(const char* what);
void kvh_js_warn(const char* text);
void kvh_js_download(const char* name, const char* mime, const char* bytes, std::size_t size);
void kvh_js_pick_file();
int kvh_js_prefers_dark();
}

namespace kvh::platform {

// [SECTION] State

class WebHost final : public ui::Host {
  public:
    void download(const std::string& filename, const std::string& mime, const std::string& bytes) override;
    void pick_import_file() override { kvh_js_pick_file(); }
    void settings_changed(const ui::Settings& s) override;
    void request_frames(int count) override { platform::request_frames(count); }
    std::string now_iso() override;
    bool prefers_dark() override { return kvh_js_prefers_dark() != 0; }
};

struct Platform {
    core::Workspace ws;
    store::IdbBackend idb;
    store::SaveQueue saves{ws, idb};
    WebHost host;
    std::unique_ptr<ui::App> app;         // exists once the workspace is loaded
    std::vector<std::string> bad_records; // stored records that did not parse: kept, never overwritten
    bool persistence_asked = false;
    long save_timer = 0;
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

// The UI's toast goes away at a set time, when nothing else may happen: draw a frame then.
static void arm_toast_timer() {
    static double armed_for = 0;
    const ui::App::State& s = g_platform->app->state;
    if (s.toast.empty() || s.toast_until == armed_for) return;
    armed_for = s.toast_until;
    const double ms = (s.toast_until - ImGui::GetTime()) * 1000.0 + 20.0;
    emscripten_set_timeout([](void*) { request_frames(2); }, std::max(ms, 0.0), nullptr);
}

// What the last frame cost (tools/bench): building the UI, and building plus submitting to GL.
static double g_frame_build_ms = 0, g_frame_total_ms = 0;

static void draw_frame() {
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
    test_hook_begin_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    p.app->frame(ui::FrameInfo{io.DisplaySize.x, io.DisplaySize.y, input_touch()});
    ImGui::Render();
    g_frame_build_ms = emscripten_get_now() - now;
    glViewport(0, 0, int(d.fb_w), int(d.fb_h));
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g_frame_total_ms = emscripten_get_now() - now;
    test_hook_end_frame();
    input_after_frame();
    arm_toast_timer();

    g_frames_drawn++;
    if (!g_ready) {
        g_ready = true;
        kvh_js_ready();
    }
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
    // ImGui spreads a press and a release over two frames (trickled input): drain the queue, then
    // two more so what the click caused (a focused field, an opened screen) has settled.
    int n = 0;
    do draw_frame();
    while (!GImGui->InputEventsQueue.empty() && ++n < 8);
    draw_frame();
    draw_frame();
    request_frames(2);
}

// [SECTION] Saving

static ui::SaveStatus save_status() {
    const store::SaveQueue& q = g_platform->saves;
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

// One timer for the queue's next deadline (debounce, max delay, retry after a failure). Re-armed
// whenever the queue's state changes too: a write that completes may leave new work waiting.
static void arm_save_timer();

static void tick_saves() {
    g_platform->saves.tick(emscripten_get_now());
    arm_save_timer();
}

static void arm_save_timer() {
    Platform& p = *g_platform;
    emscripten_clear_timeout(p.save_timer);
    p.save_timer = 0;
    const double due = p.saves.next_due_in(emscripten_get_now());
    if (due >= 0) p.save_timer = emscripten_set_timeout([](void*) { tick_saves(); }, due, nullptr);
}

void WebHost::download(const std::string& filename, const std::string& mime, const std::string& bytes) {
    kvh_js_download(filename.c_str(), mime.c_str(), bytes.data(), bytes.size());
}

void WebHost::settings_changed(const ui::Settings& s) {
    g_platform->idb.save_settings(ui::settings_to_json(s));
    g_display.next_zoom = std::clamp(s.zoom_percent, 100, 300) / 100.0f;
    platform::request_frames(3);
}

std::string WebHost::now_iso() {
    return g_platform->ws.env().now_iso();
}

// [SECTION] Loading

// Parses every stored record. A record that does not parse or validate is set aside and reported,
// never dropped: it stays in IndexedDB untouched, and the rest of the workspace still opens.
static void load_documents(std::function<void(std::vector<core::Document>, std::string error)> done) {
    g_platform->idb.load_all([done](std::vector<std::string> records, const std::string& error) {
        Platform& p = *g_platform;
        std::vector<core::Document> docs;
        p.bad_records.clear();
        for (std::string& record : records) {
            std::vector<core::ValidationError> errors;
            std::optional<core::Document> doc;
            const nlohmann::json j = nlohmann::json::parse(record, nullptr, false);
            if (!j.is_discarded()) doc = core::document_from_json(j, "", errors);
            if (doc) {
                docs.push_back(std::move(*doc));
                continue;
            }
            std::string why = "Kvalitetshjul: a stored record could not be read and was set aside";
            for (const core::ValidationError& e : errors) why += "\n  " + e.text(core::Lang::en);
            kvh_js_warn(why.c_str());
            p.bad_records.push_back(std::move(record));
        }
        done(std::move(docs), error);
    });
}

static void on_role(bool writer) {
    Platform& p = *g_platform;
    p.saves.set_read_only(!writer);
    p.app->set_save_status(save_status());
    if (writer) tick_saves();
    request_frames(3);
}

// Another tab wrote: this one shows the stored state, unless it has edits of its own still to write.
static void on_remote_write(const std::string&) {
    if (g_platform->saves.pending_count() > 0) return;
    load_documents([](std::vector<core::Document> docs, const std::string&) {
        g_platform->ws.load(std::move(docs));
        request_frames(3);
    });
}

static void start_app(const ui::Settings& settings, std::vector<core::Document> docs,
                      const std::string& error) {
    Platform& p = *g_platform;
    p.ws.load(std::move(docs));
    g_display.zoom = g_display.next_zoom = std::clamp(settings.zoom_percent, 100, 300) / 100.0f;
    p.app = std::make_unique<ui::App>(p.ws, p.host, settings);
    p.app->set_save_status(error.empty() ? save_status()
                                         : ui::SaveStatus{ui::SaveStatus::State::failed, error});
    if (!p.bad_records.empty()) {
        p.app->state.toast = core::fmt(core::Msg::store_bad_records, {std::to_string(p.bad_records.size())});
        p.app->state.toast_until = 30; // seconds on ImGui's clock, which starts with the first frame
    }

    p.ws.on_change = [] {
        request_frames(3);
        tick_saves();
    };
    p.saves.on_state = [](const store::SaveState&) {
        g_platform->app->set_save_status(save_status());
        arm_save_timer();
        request_frames(3);
    };
    p.saves.on_written = [](const std::string& id) {
        Platform& p = *g_platform;
        p.idb.announce_write(id);
        if (!p.persistence_asked) { // only once there is something worth keeping
            p.persistence_asked = true;
            p.idb.request_persistence();
        }
    };
    p.idb.claim_writer(on_role, on_remote_write);
    request_frames(3);
}

// [SECTION] WebGL context

static EM_BOOL on_context_lost(int, const void*, void*) {
    return EM_TRUE; // preventDefault: the browser may restore the context (mobile background tabs)
}

static EM_BOOL on_context_restored(int, const void*, void*) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    g_display.font_scale = 0; // re-upload the atlas
    request_frames(3);
    return EM_TRUE;
}

static bool create_gl_context() {
    EmscriptenWebGLContextAttributes attr;
    emscripten_webgl_init_context_attributes(&attr);
    attr.majorVersion = 2;
    attr.minorVersion = 0;
    attr.alpha = EM_FALSE;
    attr.depth = EM_FALSE;
    attr.stencil = EM_FALSE;
    attr.antialias = EM_FALSE;
    attr.preserveDrawingBuffer = EM_FALSE; // we only swap when we draw, so the last frame stays up
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context("#canvas", &attr);
    if (ctx <= 0) return false;
    emscripten_webgl_make_context_current(ctx);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);
    return true;
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

extern "C" EMSCRIPTEN_KEEPALIVE void kvh_request_frames(int count) {
    request_frames(count);
}

// Page hidden or being left: start every pending write now (the IndexedDB transactions begin
// synchronously, so they complete even if the page is frozen right after).
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_flush() {
    if (!g_platform || !g_platform->app) return;
    // Keys typed since the last frame are still in ImGui's queue: turn them into edits first.
    if (!GImGui->InputEventsQueue.empty()) pump_frames();
    g_platform->saves.flush();
}

extern "C" EMSCRIPTEN_KEEPALIVE int kvh_pending_saves() {
    if (!g_platform) return 0;
    return int(g_platform->saves.pending_count()) + (g_platform->ws.has_dirty() ? 1 : 0);
}

// A file chosen in the picker or dropped on the page, read as UTF-8 text.
extern "C" EMSCRIPTEN_KEEPALIVE void kvh_open_file(const char* name, const char* bytes, int size) {
    if (!g_platform || !g_platform->app) return;
    g_platform->app->open_file(name, std::string(bytes, std::size_t(size)));
    request_frames(3);
}

// window.kvhTest.workspace(): every document in export format; valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* kvh_test_workspace() {
    static std::string json;
    json = g_platform ? core::export_documents(g_platform->ws.documents(), g_platform->host.now_iso()) : "";
    return json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE unsigned kvh_test_frames() {
    return g_frames_drawn;
}
extern "C" EMSCRIPTEN_KEEPALIVE int kvh_test_ready() {
    return g_ready;
}
// For tools/bench: one edit of the first document, handed to storage at once (no debounce), so
// the time until pendingSaves() is 0 is the cost of saving one edit.
extern "C" EMSCRIPTEN_KEEPALIVE int kvh_test_edit_and_flush() {
    if (!g_platform || g_platform->ws.size() == 0) return 0;
    const std::string id = g_platform->ws.documents().front()->id;
    g_platform->ws.edit(id, "bench", [](core::Document& d) { d.year = d.year == 2026 ? 2025 : 2026; });
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
    return g_platform ? int(g_platform->bad_records.size()) : 0;
}

// [SECTION] main

int main() {
    if (!create_gl_context()) {
        kvh_js_fail("webgl2");
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // window layout is the app's, not a file's
    io.LogFilename = nullptr;
    input_init();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    g_platform = new Platform; // lives as long as the page
    kvh_js_init();
    g_platform->idb.load_settings([](const std::string& json) {
        const ui::Settings settings = ui::settings_from_json(json);
        load_documents([settings](std::vector<core::Document> docs, const std::string& error) {
            start_app(settings, std::move(docs), error);
        });
    });
    return 0;
}
