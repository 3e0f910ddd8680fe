#include "app/draw_hash.hpp"

#include <imgui.h>

#include <cstring>

namespace plotline {
namespace {

// 64-bit multiply-rotate over 8-byte words: fast in wasm (a few hundred KB of vertices a frame),
// and any changed byte changes the result with overwhelming likelihood. Long runs (the vertex and
// index buffers) go four words a step through four lanes, whose multiplies do not wait for each
// other, then fold into the one.
struct Hasher {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    static uint64_t mix(uint64_t h, uint64_t w) {
        h ^= w;
        h *= 0xBF58476D1CE4E5B9ull;
        return (h << 31) | (h >> 33);
    }
    void word(uint64_t w) { h = mix(h, w); }
    void bytes(const void* p, size_t n) {
        const unsigned char* c = static_cast<const unsigned char*>(p);
        size_t i = 0;
        if (n >= 32) {
            uint64_t lane[4] = {h, h ^ 1, h ^ 2, h ^ 3};
            for (; i + 32 <= n; i += 32) {
                uint64_t w[4];
                std::memcpy(w, c + i, 32);
                for (int k = 0; k < 4; ++k) lane[k] = mix(lane[k], w[k]);
            }
            for (uint64_t l : lane) word(l);
        }
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
