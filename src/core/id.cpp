#include "id.hpp"

#include <random>

namespace plotline {

Id Id::random() {
    // Seeded once from the OS (crypto.getRandomValues in the browser); then a fast generator.
    static std::mt19937_64 gen = [] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }();
    Id id{gen(), gen()};
    id.hi = (id.hi & ~0xF000ull) | 0x4000ull;               // version 4
    id.lo = (id.lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull; // variant 1
    return id;
}

std::string secureRandomBytes(size_t n) {
    std::random_device rd;
    std::string out(n, '\0');
    for (size_t i = 0; i < n; i += 4) {
        const uint32_t r = rd();
        for (size_t k = 0; k < 4 && i + k < n; ++k) out[i + k] = char((r >> (8 * k)) & 0xff);
    }
    return out;
}

uint64_t idHashKey() {
    std::random_device rd;
    return (uint64_t(rd()) << 32) ^ uint64_t(rd()) ^ (uint64_t(rd()) << 16);
}

void Id::format(char* out) const {
    static const char* hex = "0123456789abcdef";
    for (int i = 0; i < 16; ++i) out[i] = hex[(hi >> (60 - 4 * i)) & 0xF];
    for (int i = 0; i < 16; ++i) out[16 + i] = hex[(lo >> (60 - 4 * i)) & 0xF];
}

std::string Id::str() const {
    std::string s(32, '0');
    format(s.data());
    return s;
}

namespace {
struct HexDigits {
    int8_t v[256];
    HexDigits() {
        for (int c = 0; c < 256; ++c) v[c] = -1;
        for (int c = 0; c < 10; ++c) v['0' + c] = int8_t(c);
        for (int c = 0; c < 6; ++c) v['a' + c] = v['A' + c] = int8_t(10 + c);
    }
};
} // namespace

std::optional<Id> Id::parse(std::string_view s) {
    Id id;
    if (s.size() == 32) { // as files write them: 32 digits, no dashes
        static const HexDigits digits;
        int8_t bad = 0;
        for (int i = 0; i < 32; ++i) {
            const int8_t v = digits.v[static_cast<unsigned char>(s[size_t(i)])];
            bad |= v;
            uint64_t& part = i < 16 ? id.hi : id.lo;
            part = (part << 4) | uint64_t(v & 0xF);
        }
        if (bad < 0 || id.isNull()) return std::nullopt;
        return id;
    }
    int n = 0;
    for (char c : s) {
        if (c == '-') continue;
        int v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else return std::nullopt;
        if (n >= 32) return std::nullopt;
        uint64_t& part = n < 16 ? id.hi : id.lo;
        part = (part << 4) | uint64_t(v);
        ++n;
    }
    if (n != 32 || id.isNull()) return std::nullopt;
    return id;
}

} // namespace plotline
