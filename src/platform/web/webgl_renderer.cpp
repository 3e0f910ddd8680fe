#include "webgl_renderer.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstdint>
#include <cstdio>

namespace plotline::webgl {

namespace {

struct State {
    GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font = 0;
    GLint scaleAt = -1, offsetAt = -1;
    GLsizeiptr vboSize = 0, eboSize = 0;
} gl;

const char* kVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
uniform vec2 scale;
uniform vec2 offset;
out vec2 fragUv;
out vec4 fragColor;
void main() {
    fragUv = uv;
    fragColor = color;
    gl_Position = vec4(position * scale + offset, 0.0, 1.0);
})";

const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 fragUv;
in vec4 fragColor;
layout (location = 0) out vec4 outColor;
void main() {
    outColor = fragColor * texture(atlas, fragUv);
})";

GLuint compile(GLenum kind, const char* source) {
    const GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "WebGL shader: %s\n", log);
    }
    return s;
}

} // namespace

bool init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "plotline_webgl2";
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
    gl.program = glCreateProgram();
    glAttachShader(gl.program, vs);
    glAttachShader(gl.program, fs);
    glLinkProgram(gl.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(gl.program, GL_LINK_STATUS, &linked);
    if (!linked) return false;
    gl.scaleAt = glGetUniformLocation(gl.program, "scale");
    gl.offsetAt = glGetUniformLocation(gl.program, "offset");
    glUseProgram(gl.program);
    glUniform1i(glGetUniformLocation(gl.program, "atlas"), 0);

    glGenVertexArrays(1, &gl.vao);
    glBindVertexArray(gl.vao);
    glGenBuffers(1, &gl.vbo);
    glGenBuffers(1, &gl.ebo);
    glBindBuffer(GL_ARRAY_BUFFER, gl.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gl.ebo); // (kept by the vertex array)
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, col)));

    // The state every frame draws with; nothing else in the page draws on this context.
    glActiveTexture(GL_TEXTURE0);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    return true;
}

void destroyFontTexture() {
    if (!gl.font) return;
    glDeleteTextures(1, &gl.font);
    gl.font = 0;
    ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void newFrame() {
    if (gl.font) return;
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    glGenTextures(1, &gl.font);
    glBindTexture(GL_TEXTURE_2D, gl.font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(intptr_t(gl.font)));
}

void render(const ImDrawData& data) {
    const int fbWidth = int(data.DisplaySize.x * data.FramebufferScale.x), fbHeight = int(data.DisplaySize.y * data.FramebufferScale.y);
    if (fbWidth <= 0 || fbHeight <= 0) return;
    glViewport(0, 0, fbWidth, fbHeight);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(gl.program);
    glBindVertexArray(gl.vao);
    glBindBuffer(GL_ARRAY_BUFFER, gl.vbo);
    // Display coordinates (top left origin) to clip space.
    const float sx = 2.0f / data.DisplaySize.x, sy = -2.0f / data.DisplaySize.y;
    glUniform2f(gl.scaleAt, sx, sy);
    glUniform2f(gl.offsetAt, -1.0f - data.DisplayPos.x * sx, 1.0f - data.DisplayPos.y * sy);
    const ImVec2 clipOff = data.DisplayPos, clipScale = data.FramebufferScale;
    GLuint bound = 0;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        const GLsizeiptr vtxBytes = GLsizeiptr(list.VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert));
        const GLsizeiptr idxBytes = GLsizeiptr(list.IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx));
        if (gl.vboSize < vtxBytes) glBufferData(GL_ARRAY_BUFFER, gl.vboSize = vtxBytes, nullptr, GL_STREAM_DRAW);
        if (gl.eboSize < idxBytes) glBufferData(GL_ELEMENT_ARRAY_BUFFER, gl.eboSize = idxBytes, nullptr, GL_STREAM_DRAW);
        glBufferSubData(GL_ARRAY_BUFFER, 0, vtxBytes, list.VtxBuffer.Data);
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, idxBytes, list.IdxBuffer.Data);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) { // (the app adds none; ImGui's reset asks for the state above, which no callback changed)
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clipOff.x) * clipScale.x, y0 = (cmd.ClipRect.y - clipOff.y) * clipScale.y;
            const float x1 = (cmd.ClipRect.z - clipOff.x) * clipScale.x, y1 = (cmd.ClipRect.w - clipOff.y) * clipScale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(int(x0), int(float(fbHeight) - y1), int(x1 - x0), int(y1 - y0));
            const GLuint tex = GLuint(intptr_t(cmd.GetTexID()));
            if (tex != bound) glBindTexture(GL_TEXTURE_2D, bound = tex);
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(intptr_t(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST); // (the next frame's clear covers the whole canvas)
}

} // namespace plotline::webgl
