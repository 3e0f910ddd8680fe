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

std::string Id::str() const {
    static const char* hex = "0123456789abcdef";
    std::string s(32, '0');
    for (int i = 0; i < 16; ++i) s[i] = hex[(hi >> (60 - 4 * i)) & 0xF];
    for (int i = 0; i < 16; ++i) s[16 + i] = hex[(lo >> (60 - 4 * i)) & 0xF];
    return s;
}

std::optional<Id> Id::parse(std::string_view s) {
    Id id;
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
