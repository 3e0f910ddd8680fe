#include "app/draw_hash.hpp"

#include <imgui.h>

#include <cstring>

namespace plotline {
namespace {

// 64-bit multiply-rotate over 8-byte words: fast in wasm (a few hundred KB of vertices a frame),
// and any changed byte changes the result with overwhelming likelihood.
struct Hasher {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    void word(uint64_t w) {
        h ^= w;
        h *= 0xBF58476D1CE4E5B9ull;
        h = (h << 31) | (h >> 33);
    }
    void bytes(const void* p, size_t n) {
        const unsigned char* c = static_cast<const unsigned char*>(p);
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            std::memcpy(&w, c + i, 8);
            word(w);
        }
        uint64_t tail = 0;
        if (n > i) std::memcpy(&tail, c + i, n - i);
        word(tail ^ (uint64_t(n) << 56));
    }
    template <class T> void value(const T& v) { bytes(&v, sizeof v); }
};

} // namespace

uint64_t drawDataHash(const ImDrawData& data) {
    Hasher h;
    h.value(data.DisplayPos);
    h.value(data.DisplaySize);
    h.value(data.FramebufferScale);
    h.value(data.CmdListsCount);
    for (int i = 0; i < data.CmdListsCount; ++i) {
        const ImDrawList& list = *data.CmdLists[i];
        h.bytes(list.VtxBuffer.Data, size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        h.bytes(list.IdxBuffer.Data, size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            h.value(cmd.ClipRect);
            h.value(cmd.TextureId);
            h.value(cmd.VtxOffset);
            h.value(cmd.IdxOffset);
            h.value(cmd.ElemCount);
            h.value(cmd.UserCallback);
        }
    }
    return h.h;
}

} // namespace plotline
