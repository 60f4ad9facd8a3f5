// The E2E test hook: every visible item of the last frame as the semantics layer recorded it
// (label, id, rectangle in CSS px) for window.kvhTest.items(), on only under automation
// (test_hooks_init). Also the figures of tools/bench that only C++ can take: every frame's build time, the
// heap in use (mallinfo), one keystroke or score change through the UI's own edit path, a bare JSON parse.
#include "platform_web.hpp"

#include "core/risk_analysis.hpp"
#include "core/workspace.hpp"
#include "ui/app.hpp"
#include "ui/risk_views.hpp"

#include "imgui_internal.h"

#include <cstdio>
#include <emscripten/emscripten.h>
#include <malloc.h>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace kvh::platform {

// [SECTION] State

static bool g_enabled = false;

// What the bench hooks work on (test_hooks_attach); the app exists once the workspace is loaded.
static core::Workspace* g_ws = nullptr;
static const std::unique_ptr<ui::App>* g_app = nullptr;

// Build time (ms, CPU, without GL) of every frame since the bench last took them, shown or not.
static std::vector<double> g_frame_log;
static constexpr std::size_t kFrameLogMax = 1 << 14; // E2E runs never take them: keep the newest

void test_hooks_init(bool enabled) {
    g_enabled = enabled;
}

void test_hooks_attach(core::Workspace& ws, const std::unique_ptr<ui::App>& app) {
    g_ws = &ws;
    g_app = &app;
}

bool test_hooks_enabled() {
    return g_enabled;
}

extern "C" double kvh_test_frame_build_ms(); // main_web.cpp: the frame just built

void test_hook_end_frame() {
    if (!g_enabled) return;
    if (g_frame_log.size() >= kFrameLogMax)
        g_frame_log.erase(g_frame_log.begin(), g_frame_log.begin() + kFrameLogMax / 2);
    g_frame_log.push_back(kvh_test_frame_build_ms());
}

} // namespace kvh::platform

using namespace kvh::platform;

// [SECTION] The items of the last frame (semantics_web.cpp records them)

// [{"label":…,"interactive":0/1,"id":…,"x":…,"y":…,"w":…,"h":…}, …] in CSS px; valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* kvh_test_items() {
    static std::string json;
    if (!g_enabled) return "[]";
    const float z = zoom();
    json = "[";
    char buf[160];
    for (const SemanticItem& item : semantics_items()) {
        if (json.size() > 1) json += ',';
        json += "{\"label\":";
        append_json_string(json, item.label);
        snprintf(buf, sizeof buf,
                 ",\"interactive\":%d,\"id\":%u,\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}",
                 is_interactive(item.role) ? 1 : 0, item.id, item.rect.Min.x * z, item.rect.Min.y * z,
                 item.rect.GetWidth() * z, item.rect.GetHeight() * z);
        json += buf;
    }
    json += ']';
    return json.c_str();
}

// The windows of the last frame whose content is wider than the window (text or items cut off at
// the right, or a horizontal scroll): [{"window", "over": how far its content reaches past its work
// area, "items": ["name +N px", …] those of the last frame that do so ("#id" when unnamed)}, …] in CSS
// px, for the reflow tests (WCAG 1.4.10); valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* kvh_test_cut_off() {
    static std::string json;
    json = "[";
    char buf[64];
    if (g_enabled)
        for (const ImGuiWindow* w : GImGui->Windows) {
            if (!w->WasActive || w->Hidden || w->ScrollMax.x <= 0.5f) continue;
            if (json.size() > 1) json += ',';
            json += "{\"window\":";
            append_json_string(json, w->Name);
            snprintf(buf, sizeof buf, ",\"over\":%.1f,\"items\":[", w->ScrollMax.x * zoom());
            json += buf;
            bool first = true;
            for (const PastEdge& p : semantics_past_edge()) {
                if (p.window != w) continue;
                const char* label = semantics_label(p.id);
                snprintf(buf, sizeof buf, " +%.1f px", p.by * zoom());
                std::string named = label ? label : "#" + std::to_string(p.id);
                if (!first) json += ',';
                first = false;
                append_json_string(json, named + buf);
            }
            json += "]}";
        }
    json += ']';
    return json.c_str();
}

// [SECTION] Figures for tools/bench (window.kvhTest); every one answers nothing when not under automation

using namespace kvh;

// The build times of the frames drawn since the last call, as a JSON array; valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* kvh_test_take_frame_log() {
    static std::string json;
    json = "[";
    char buf[32];
    for (double ms : g_frame_log) {
        snprintf(buf, sizeof buf, json.size() > 1 ? ",%.4f" : "%.4f", ms);
        json += buf;
    }
    json += ']';
    g_frame_log.clear();
    return json.c_str();
}

// Bytes of the wasm heap in use (dlmalloc's allocated total), not what the heap has grown to.
extern "C" EMSCRIPTEN_KEEPALIVE double kvh_test_heap_used() {
    return g_enabled ? double(mallinfo().uordblks) : 0;
}

// The risk at `index` of the analysis `doc_id`, with the app and document; null when any is missing.
struct RiskAt {
    ui::App* app = nullptr;
    const core::Document* doc = nullptr;
    std::size_t index = 0;
    std::string risk_id;
};
static RiskAt risk_at(const char* doc_id, int index) {
    if (!g_enabled || !g_ws || !g_app || !*g_app || !doc_id || index < 0) return {};
    const core::Document* doc = g_ws->find(doc_id);
    if (!doc) return {};
    const core::AnalysisPtr a = core::analysis_of(*doc);
    if (!a || std::size_t(index) >= a->risks.size()) return {};
    return {g_app->get(), doc, std::size_t(index), a->risks[std::size_t(index)].id};
}

// One keystroke in the description of risk `index`, as the risk editor makes it (risk_text in
// app/ui/risk_editor.cpp): the field's undo label, then ui::edit_analysis with typing, which runs
// Workspace::edit (validation, revision hash, undo, dirty mark, listeners: a frame and the save
// queue's tick). `text` is appended. Returns the ms it took, or -1 when the edit was refused.
extern "C" EMSCRIPTEN_KEEPALIVE double kvh_test_keystroke(const char* doc_id, int index, const char* text) {
    const RiskAt at = risk_at(doc_id, index);
    if (!at.app) return -1;
    const double t0 = emscripten_get_now();
    const core::AnalysisPtr a = core::analysis_of(*at.doc); // what the screen drew with
    const core::Risk& risk = a->risks[at.index];
    std::string v = risk.description + text; // the field's buffer after the key
    const bool ok = ui::edit_analysis(
        *at.app, at.doc->id, ui::risk_label(*a, risk.id, core::Msg::risk_description),
        [&](core::RiskAnalysis& m) {
            if (core::Risk* r = ui::find_risk(m, risk.id)) r->description = v;
        },
        true);
    const double ms = emscripten_get_now() - t0;
    return ok ? ms : -1;
}

// One score change of risk `index` (a picker choice or a marker drop: ui::set_scores, its own undo
// step and revision). Returns the ms it took, or -1 when the edit was refused or changed nothing.
extern "C" EMSCRIPTEN_KEEPALIVE double kvh_test_set_score(const char* doc_id, int index, int s, int k,
                                                          int residual) {
    const RiskAt at = risk_at(doc_id, index);
    if (!at.app) return -1;
    const std::uint64_t generation = g_ws->generation();
    const double t0 = emscripten_get_now();
    ui::set_scores(*at.app, *at.doc, at.risk_id, s, k, residual != 0);
    const double ms = emscripten_get_now() - t0;
    return g_ws->generation() != generation ? ms : -1;
}

// A bare nlohmann::json::parse of `size` bytes, in this build: {"parse":ms,"free":ms,"ok":0|1}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* kvh_test_parse_ms(const char* bytes, int size) {
    static char json[96];
    if (!g_enabled || !bytes || size < 0) return "null";
    double parse_ms = 0, free_ms = 0;
    bool ok = false;
    {
        const double t0 = emscripten_get_now();
        nlohmann::json j = nlohmann::json::parse(bytes, bytes + size, nullptr, false);
        parse_ms = emscripten_get_now() - t0;
        ok = !j.is_discarded();
        const double t1 = emscripten_get_now();
        j = nullptr;
        free_ms = emscripten_get_now() - t1;
    }
    snprintf(json, sizeof json, "{\"parse\":%.3f,\"free\":%.3f,\"ok\":%d}", parse_ms, free_ms, ok ? 1 : 0);
    return json;
}
