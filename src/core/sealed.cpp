#include "sealed.hpp"

#include "json_dom.hpp"
#include "json_io.hpp"

#include <array>
#include <cstdio>

namespace plotline {

namespace {

constexpr std::string_view kMagic = "{\"plotlineVersion\":";

// Sixteen tables (slicing-by-16): 16 bytes a step. Every opening checks the whole stored version
// (100k tasks: ~17 MB) before the first frame.
struct Crc32Tables {
    std::array<std::array<uint32_t, 256>, 16> t{};
    Crc32Tables() {
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[0][i] = c;
        }
        for (uint32_t i = 0; i < 256; ++i)
            for (size_t s = 1; s < 16; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
    }
};

uint32_t load32(const unsigned char* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }

} // namespace

uint32_t crc32(std::string_view data, uint32_t crc) {
    static const Crc32Tables tables;
    const auto& t = tables.t;
    crc = ~crc;
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    size_t n = data.size();
    while (n >= 16) {
        const uint32_t a = load32(p) ^ crc, b = load32(p + 4), c = load32(p + 8), d = load32(p + 12);
        crc = t[15][a & 0xFF] ^ t[14][(a >> 8) & 0xFF] ^ t[13][(a >> 16) & 0xFF] ^ t[12][a >> 24] ^ //
              t[11][b & 0xFF] ^ t[10][(b >> 8) & 0xFF] ^ t[9][(b >> 16) & 0xFF] ^ t[8][b >> 24] ^    //
              t[7][c & 0xFF] ^ t[6][(c >> 8) & 0xFF] ^ t[5][(c >> 16) & 0xFF] ^ t[4][c >> 24] ^       //
              t[3][d & 0xFF] ^ t[2][(d >> 8) & 0xFF] ^ t[1][(d >> 16) & 0xFF] ^ t[0][d >> 24];
        p += 16;
        n -= 16;
    }
    while (n--) crc = t[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

namespace {

std::string header(size_t bytes, uint32_t crc, const VersionInfo& info) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%08x", unsigned(crc));
    std::string out(kMagic);
    out += std::to_string(info.number) + ",\"savedAt\":" + std::to_string(info.savedAt) + ",\"name\":";
    appendJsonString(out, info.name);
    out += ",\"tasks\":" + std::to_string(info.tasks) + ",\"bytes\":" + std::to_string(bytes) + ",\"crc32\":\"" + hex + "\"}\n";
    return out;
}

} // namespace

std::string seal(std::string_view body, VersionInfo info) {
    std::string out = header(body.size(), crc32(body), info);
    out.reserve(out.size() + body.size());
    out += body;
    return out;
}

std::string seal(std::string&& body, VersionInfo info, std::optional<uint32_t> crc) {
    body.insert(0, header(body.size(), crc ? *crc : crc32(body), info));
    return std::move(body);
}

namespace {

// The header's fields; bodyAt: where the body starts; crc: the checksum it records.
Result<VersionInfo> readHeader(std::string_view text, size_t& bodyAt, std::string* crc = nullptr) {
    if (text.substr(0, kMagic.size()) != kMagic) return fail("not a stored Plotline version (no header)");
    const size_t eol = text.find('\n');
    if (eol == std::string_view::npos) return fail("the header is cut off");
    JsonDoc doc;
    if (!doc.parse(text.substr(0, eol))) return fail("the header is damaged: " + doc.error());
    const JsonRef h = doc.root();
    for (const char* key : {"plotlineVersion", "savedAt", "tasks", "bytes"})
        if (!h[key].isInteger() || h[key].integer() < 0) return fail(std::string("the header's ") + key + " is damaged");
    if (!h["name"].isString() || !h["crc32"].isString()) return fail("the header is damaged");
    VersionInfo v;
    v.number = uint64_t(h["plotlineVersion"].integer());
    v.savedAt = h["savedAt"].integer();
    v.name = std::string(h["name"].str());
    v.tasks = uint64_t(h["tasks"].integer());
    v.bytes = uint64_t(h["bytes"].integer());
    if (crc) *crc = std::string(h["crc32"].str());
    bodyAt = eol + 1;
    return v;
}

} // namespace

Result<VersionInfo> peekVersion(std::string_view text) {
    size_t at = 0;
    return readHeader(text, at);
}

Result<Sealed> unseal(std::string_view text) {
    size_t at = 0;
    std::string recorded;
    Result<VersionInfo> info = readHeader(text, at, &recorded);
    if (!info) return fail(info.error());
    const std::string_view body = text.substr(at);
    if (body.size() != info->bytes)
        return fail("the stored text is " + std::to_string(body.size()) + " bytes long instead of " + std::to_string(info->bytes) +
                    " (an unfinished or damaged write)");
    const uint32_t sum = crc32(body);
    char crc[16];
    std::snprintf(crc, sizeof crc, "%08x", unsigned(sum));
    if (recorded != crc) return fail("the checksum does not match: the stored text is damaged");
    info->crc = sum;
    return Sealed{*info, body};
}

} // namespace plotline
