// A stored version of a project: one header line (JSON) that names the version and carries the
// length and CRC-32 of the body, then the body (the project in its stored form, binary_io.hpp; JSON in
// versions saved before that form existed). A version whose body does not
// match its header is damaged (a torn write, a bad disk, a hand edit) and is never opened as if it
// were good.
//
//   std::string text = seal(json, {.number = 7, .savedAt = now, .name = "Launch", .tasks = 120});
//   Result<Sealed> v = unseal(text);   // error: "the checksum does not match …"
#pragma once
#include "model.hpp"
#include "result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plotline {

uint32_t crc32(std::string_view data, uint32_t crc = 0); // IEEE 802.3 (zlib's crc32)

struct VersionInfo {
    uint64_t number = 0;  // 1, 2, 3… in saving order
    Stamp savedAt = 0;    // ms since the epoch
    std::string name;     // the project's name at the time (for lists without reading the body)
    uint64_t tasks = 0;
    uint64_t bytes = 0;   // of the body (filled in by seal and unseal)
    uint32_t crc = 0;     // the body's CRC-32 (filled in by unseal)
};

struct Sealed {
    VersionInfo info;
    std::string_view body; // points into the text given to unseal
};

std::string seal(std::string_view body, VersionInfo info);
// The same, in place: the header goes before `body` (no copy of it), with the CRC-32 already summed
// when `crc` is given (a save that wrote the body a slice at a time summed it as it went).
std::string seal(std::string&& body, VersionInfo info, std::optional<uint32_t> crc);
Result<Sealed> unseal(std::string_view text);
// Only the header (cheap: for listing versions); no check of the body.
Result<VersionInfo> peekVersion(std::string_view text);

} // namespace plotline
