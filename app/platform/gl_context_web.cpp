// The WebGL2 context of the canvas: created once, and brought back when the browser restores it
// after losing it (mobile background tabs); the caller then re-uploads what lived on the GPU.
#include "platform_web.hpp"

#include <emscripten/html5.h>

namespace kvh::platform {

static EM_BOOL on_context_lost(int, const void*, void*) {
    return EM_TRUE; // preventDefault: the browser may restore the context (mobile background tabs)
}

static void (*g_on_restored)() = nullptr;

static EM_BOOL on_context_restored(int, const void*, void*) {
    renderer_init(); // the program, buffers and texture died with the lost context
    if (g_on_restored) g_on_restored();
    request_frames(3);
    return EM_TRUE;
}

bool create_gl_context(void (*on_restored)()) {
    g_on_restored = on_restored;
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
