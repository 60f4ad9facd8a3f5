// The Dear ImGui renderer on WebGL2: one shader program, one vertex array, one vertex and one index
// buffer reused across frames, and the font atlas texture.
//
// What it does: draws ImDrawData on the canvas' framebuffer (clearing it first), with a scissor
// rectangle per command, standard ("straight") alpha blending, ImDrawCmd::VtxOffset (so draw lists
// may pass 65,536 vertices with 16-bit indices) and ImDrawCallback, ImDrawCallback_ResetRenderState
// included. It uploads io.Fonts' atlas as an RGBA texture whenever fonts_web.cpp rebuilds it, and
// makes all of its objects anew after the browser restored a lost context.
//
// What it does not do: it reads no GL state, neither to save and restore it around a frame (as
// imgui_impl_opengl3 does for apps that share their context with other renderers) nor to check
// for errors. In Chrome, glGet*/glIsEnabled (WebGL getParameter/isEnabled) may be a synchronous
// round trip to the GPU process that first waits for all queued drawing; a profile of a 10 MB import
// spent 404 of 911 ms there. This app owns its context alone, so every frame simply sets all the
// state it needs: those calls are asynchronous and cheap. Nothing here knows of textures other than
// the font atlas, desktop GL, WebGL1 or several ImGui contexts.
#include "platform_web.hpp"

#include <GLES3/gl3.h>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace kvh::platform {

// [SECTION] State

namespace {

struct Renderer {
    GLuint program = 0;
    GLint proj_location = -1;
    GLuint vao = 0;
    GLuint vbo = 0, ebo = 0;
    GLsizeiptr vbo_capacity = 0, ebo_capacity = 0; // bytes allocated by glBufferData
    GLuint font_texture = 0;
};

Renderer g_renderer;

// Attribute locations, fixed by the shader's layout qualifiers.
constexpr GLuint kPosition = 0, kUv = 1, kColor = 2;

// The same shaders as imgui_impl_opengl3's GLSL ES 3.00 pair, so pixels stay as they were.
constexpr const char* kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
}
)";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
}
)";

constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;

// [SECTION] Setup (at start and after a restored context only: the status queries are allowed here)

GLuint compile_shader(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "renderer: shader does not compile: %s\n", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

GLuint link_program() {
    const GLuint vs = compile_shader(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fs = compile_shader(GL_FRAGMENT_SHADER, kFragmentShader);
    GLuint program = 0;
    if (vs && fs) {
        program = glCreateProgram();
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        GLint ok = GL_FALSE;
        glGetProgramiv(program, GL_LINK_STATUS, &ok);
        if (!ok) {
            char log[512] = {};
            glGetProgramInfoLog(program, sizeof log, nullptr, log);
            std::fprintf(stderr, "renderer: program does not link: %s\n", log);
            glDeleteProgram(program);
            program = 0;
        }
    }
    // The program keeps what it linked; the shader objects are no longer needed.
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return program;
}

// Frees the objects and forgets them. After a context loss the names belong to the lost context:
// deleting them is then a harmless no-op for WebGL, and frees Emscripten's table entries for them.
void destroy_objects() {
    Renderer& r = g_renderer;
    if (r.font_texture) glDeleteTextures(1, &r.font_texture);
    if (r.vbo) glDeleteBuffers(1, &r.vbo);
    if (r.ebo) glDeleteBuffers(1, &r.ebo);
    if (r.vao) glDeleteVertexArrays(1, &r.vao);
    if (r.program) glDeleteProgram(r.program);
    r = Renderer{};
    ImGui::GetIO().Fonts->SetTexID(ImTextureID(0));
}

// [SECTION] Frame

// Points the attributes at the vertex `first_vertex` of the bound vertex buffer. WebGL2 has no
// glDrawElementsBaseVertex, so this is how a command's VtxOffset is honoured.
void point_attributes(std::size_t first_vertex) {
    const std::size_t base = first_vertex * sizeof(ImDrawVert);
    const auto at = [base](std::size_t field) { return reinterpret_cast<const void*>(base + field); };
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                          at(offsetof(ImDrawVert, col)));
}

// Everything the draws depend on, set rather than assumed: at the start of a frame and after a
// callback asked for it (ImDrawCallback_ResetRenderState).
void setup_render_state(const ImDrawData& dd, int fb_w, int fb_h) {
    const Renderer& r = g_renderer;
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    // ImGui's colours are not premultiplied; the alpha channel is never shown (alpha: false).
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    // ImGui space: DisplayPos at the top left, DisplayPos + DisplaySize at the bottom right.
    const float L = dd.DisplayPos.x, R = dd.DisplayPos.x + dd.DisplaySize.x;
    const float T = dd.DisplayPos.y, B = dd.DisplayPos.y + dd.DisplaySize.y;
    // clang-format off
    const float projection[16] = {
        2.0f / (R - L),    0.0f,              0.0f,  0.0f,
        0.0f,              2.0f / (T - B),    0.0f,  0.0f,
        0.0f,              0.0f,              -1.0f, 0.0f,
        (R + L) / (L - R), (T + B) / (B - T), 0.0f,  1.0f,
    };
    // clang-format on
    glUseProgram(r.program);
    glUniformMatrix4fv(r.proj_location, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.ebo);
}

// Makes room for `bytes` in the bound buffer `target` and orphans what the last frame drew from, so
// the writes that follow need not wait for it. Grows by half again, so a growing UI reallocates rarely.
void reserve(GLenum target, GLsizeiptr bytes, GLsizeiptr& capacity) {
    if (bytes > capacity) capacity = std::max(bytes + bytes / 2, GLsizeiptr(64 * 1024));
    glBufferData(target, capacity, nullptr, GL_STREAM_DRAW);
}

// Writes `bytes` at `offset` of the bound buffer `target`. Never with 0 bytes: Emscripten passes a
// length of 0 on to WebGL2's bufferSubData, which reads that as "to the end of the wasm heap".
void upload(GLenum target, std::size_t offset, std::size_t bytes, const void* data) {
    if (bytes) glBufferSubData(target, GLintptr(offset), GLsizeiptr(bytes), data);
}

} // namespace

// [SECTION] Entry points

bool renderer_init() {
    destroy_objects();
    Renderer& r = g_renderer;
    r.program = link_program();
    if (!r.program) return false;
    r.proj_location = glGetUniformLocation(r.program, "ProjMtx");
    glUseProgram(r.program);
    glUniform1i(glGetUniformLocation(r.program, "Texture"), 0); // program state: set once
    glGenVertexArrays(1, &r.vao);
    glGenBuffers(1, &r.vbo);
    glGenBuffers(1, &r.ebo);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.ebo); // remembered by the vertex array
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    glBindVertexArray(0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "kvh_renderer_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return true;
}

void renderer_upload_fonts() {
    Renderer& r = g_renderer;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    // RGBA as imgui_impl_opengl3 had it (white, the glyph in alpha), so text looks as it did.
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    if (r.font_texture) glDeleteTextures(1, &r.font_texture);
    glGenTextures(1, &r.font_texture);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);
    // Bilinear: ImGui's anti-aliased lines sample between the atlas' baked texels.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    ImGui::GetIO().Fonts->SetTexID(ImTextureID(std::intptr_t(r.font_texture)));
}

void renderer_draw(const ImDrawData& dd, ImVec4 clear) {
    Renderer& r = g_renderer;
    // Rounded, not truncated: DisplayFramebufferScale is fb / DisplaySize, whose product may come
    // out a hair below the canvas' integer size.
    const int fb_w = int(std::lround(dd.DisplaySize.x * dd.FramebufferScale.x));
    const int fb_h = int(std::lround(dd.DisplaySize.y * dd.FramebufferScale.y));
    if (fb_w <= 0 || fb_h <= 0 || !r.program) return;

    // The clear must cover the whole canvas: the last frame left the scissor test on.
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    setup_render_state(dd, fb_w, fb_h);

    // All lists go into one vertex and one index buffer, one after another: one allocation a frame.
    reserve(GL_ARRAY_BUFFER, GLsizeiptr(dd.TotalVtxCount) * GLsizeiptr(sizeof(ImDrawVert)), r.vbo_capacity);
    reserve(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(dd.TotalIdxCount) * GLsizeiptr(sizeof(ImDrawIdx)),
            r.ebo_capacity);
    std::size_t vtx_base = 0, idx_base = 0;
    for (const ImDrawList* list : dd.CmdLists) {
        upload(GL_ARRAY_BUFFER, vtx_base * sizeof(ImDrawVert), list->VtxBuffer.Size * sizeof(ImDrawVert),
               list->VtxBuffer.Data);
        upload(GL_ELEMENT_ARRAY_BUFFER, idx_base * sizeof(ImDrawIdx),
               list->IdxBuffer.Size * sizeof(ImDrawIdx), list->IdxBuffer.Data);
        vtx_base += std::size_t(list->VtxBuffer.Size);
        idx_base += std::size_t(list->IdxBuffer.Size);
    }

    const ImVec2 off = dd.DisplayPos, scale = dd.FramebufferScale;
    vtx_base = idx_base = 0;
    for (const ImDrawList* list : dd.CmdLists) {
        // Indices count from the command's first vertex: the attributes move, not the indices.
        std::size_t pointed = SIZE_MAX;
        GLuint texture = ~GLuint(0);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
                    setup_render_state(dd, fb_w, fb_h);
                else
                    cmd.UserCallback(list, &cmd);
                pointed = SIZE_MAX; // the callback may have drawn with other buffers or pointers
                texture = ~GLuint(0);
                continue;
            }
            if (cmd.ElemCount == 0) continue;
            // The clip rectangle in framebuffer pixels, cut to the framebuffer.
            const float x0 = std::max((cmd.ClipRect.x - off.x) * scale.x, 0.0f);
            const float y0 = std::max((cmd.ClipRect.y - off.y) * scale.y, 0.0f);
            const float x1 = std::min((cmd.ClipRect.z - off.x) * scale.x, float(fb_w));
            const float y1 = std::min((cmd.ClipRect.w - off.y) * scale.y, float(fb_h));
            if (x1 <= x0 || y1 <= y0) continue;
            // GL counts rows from the bottom. Truncated as imgui_impl_opengl3 did, to the same pixels.
            glScissor(int(x0), int(float(fb_h) - y1), int(x1 - x0), int(y1 - y0));
            const GLuint tex = GLuint(std::intptr_t(cmd.GetTexID()));
            if (tex != texture) glBindTexture(GL_TEXTURE_2D, texture = tex);
            if (vtx_base + cmd.VtxOffset != pointed) point_attributes(pointed = vtx_base + cmd.VtxOffset);
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), kIndexType,
                           reinterpret_cast<const void*>((idx_base + cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
        vtx_base += std::size_t(list->VtxBuffer.Size);
        idx_base += std::size_t(list->IdxBuffer.Size);
    }
}

} // namespace kvh::platform
