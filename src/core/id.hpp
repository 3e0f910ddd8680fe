// Id: a stable random 128-bit identity for every entity. It never changes across save, load,
// export and import, so offline edits made on two machines can be merged entity by entity.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace plotline {

struct Id {
    uint64_t hi = 0, lo = 0;
    bool isNull() const { return hi == 0 && lo == 0; }
    friend bool operator==(const Id& a, const Id& b) { return a.hi == b.hi && a.lo == b.lo; }
    friend bool operator!=(const Id& a, const Id& b) { return !(a == b); }
    friend bool operator<(const Id& a, const Id& b) { return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo; }

    static Id random();                                  // 122 random bits, UUID v4 layout
    std::string str() const;                             // 32 lowercase hex digits
    void format(char* out) const;                        // the same 32 digits into out (no terminator)
    static std::optional<Id> parse(std::string_view s);  // accepts 32 hex digits, dashes allowed
};

// n bytes straight from the system's random source (crypto.getRandomValues in the browser): keys
// and unguessable names.
std::string secureRandomBytes(size_t n);

// FNV-1a of a text: a stable 64-bit fingerprint (file names, "did this change" checks), not for security.
inline uint64_t fnv1a(std::string_view s) {
    uint64_t h = 14695981039346656037ull;
    for (char c : s) h = (h ^ uint8_t(c)) * 1099511628211ull;
    return h;
}

// Ids come from files nobody here wrote, so their hash is keyed: a random key drawn once per run,
// mixed through a strong finaliser, so no crafted set of ids collides (hash flooding would make
// every lookup a walk along one chain). Iteration order of hashed containers is therefore not stable
// between runs: nothing that is written out may depend on it.
uint64_t idHashKey();
inline uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
// The run's key, drawn once.
inline uint64_t idHashSeed() {
    static const uint64_t key = idHashKey();
    return key;
}
inline uint64_t hashIdWith(const Id& id, uint64_t key) { return mix64(id.hi ^ key) ^ mix64(id.lo + key * 0x9E3779B97F4A7C15ull); }
inline uint64_t hashId(const Id& id) { return hashIdWith(id, idHashSeed()); }

struct IdHash {
    size_t operator()(const Id& id) const { return size_t(hashId(id)); }
};

} // namespace plotline
