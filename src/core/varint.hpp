// LEB128 varints, signed ones zigzagged: the integers of the stored forms (binary_io, schedule_store).
//
//   std::string s;  VarintOut o{s};  o.u(300);  o.i(-2);
//   VarintIn in{p, end};  uint64_t a = in.u();  int64_t b = in.i();  if (in.bad) …  // read past the end
#pragma once
#include <cstdint>
#include <string>

namespace plotline {

// Writes v at q (at most 10 bytes); returns the end.
inline char* putVarint(char* q, uint64_t v) {
    while (v >= 0x80) {
        *q++ = char(uint8_t(v) | 0x80);
        v >>= 7;
    }
    *q++ = char(v);
    return q;
}
inline uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }

struct VarintOut {
    std::string& s;
    [[gnu::noinline]] void u(uint64_t v) {
        char b[10];
        s.append(b, size_t(putVarint(b, v) - b)); // one append (a byte at a time costs several times more in wasm)
    }
    void i(int64_t v) { u(zigzag(v)); }
};

// Reads within [p, end); a read past it (or a varint longer than 64 bits) sets bad and reads zeros.
struct VarintIn {
    const uint8_t* p = nullptr;
    const uint8_t* end = nullptr;
    bool bad = false;

    size_t left() const { return size_t(end - p); }
    void fail() {
        bad = true;
        p = end;
    }
    uint64_t u() {
        if (p != end && *p < 0x80) return *p++; // most values take one byte
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == end) break;
            const uint8_t b = *p++;
            v |= uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        fail();
        return 0;
    }
    int64_t i() {
        const uint64_t z = u();
        return int64_t(z >> 1) ^ -int64_t(z & 1);
    }
    uint8_t byte() {
        if (p == end) {
            fail();
            return 0;
        }
        return *p++;
    }
};

} // namespace plotline
