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
    static std::optional<Id> parse(std::string_view s);  // accepts 32 hex digits, dashes allowed
};

struct IdHash {
    size_t operator()(const Id& id) const { return std::hash<uint64_t>()(id.hi ^ (id.lo * 0x9E3779B97F4A7C15ull)); }
};

} // namespace plotline
