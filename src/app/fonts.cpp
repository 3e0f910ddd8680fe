#include "fonts.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

namespace plotline::fonts {
namespace {

// The fonts for scripts the UI font lacks. None is part of the first load: the app fetches one the
// first time a text needs it, and the service worker keeps it for offline use. scripts/make-fonts.py
// reads this table (between the two marks) and cuts each file from its Debian package at build time
// (scripts/setup.sh installs them). A character belongs to the first font that lists it.
// Layout not done, said to the user when such text appears: rtl (written right to left: shown left to
// right), joined (letters join their neighbours: shown apart), shaped (marks and conjuncts placed by
// rules: shown one character after another).
struct Row {
    const char* file;
    const char* what;
    const char* notDone;
    const char* package;
    const char* source;
    const char* characters;
};
// fallback fonts: begin
const Row kTable[] = {
    {"extended.ttf", N_("Greek, Cyrillic, Armenian, Georgian, more Latin"), "", "fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "0180-024F 0250-02FF 0300-036F 0370-03FF 0400-052F 0530-058F 10A0-10FF 1E00-1EFF 1F00-1FFF 2070-209F 2100-218F 2200-22FF 2300-23FF 2460-24FF 2500-25FF 2600-26FF 2700-27BF 2C60-2C7F A720-A7FF FFFD-FFFD"},
    {"hebrew.ttf", N_("Hebrew"), "rtl", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
     "0590-05FF FB1D-FB4F"},
    {"arabic.ttf", N_("Arabic"), "rtl joined", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
     "0600-06FF 0750-077F 08A0-08FF FB50-FDFF FE70-FEFF"},
    {"devanagari.ttf", N_("Devanagari (Hindi, Marathi, Nepali)"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
     "0900-097F A8E0-A8FF"},
    {"bengali.ttf", N_("Bengali"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf",
     "0980-09FF"},
    {"gurmukhi.ttf", N_("Gurmukhi (Punjabi)"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Regular.ttf",
     "0A00-0A7F"},
    {"gujarati.ttf", N_("Gujarati"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansGujarati-Regular.ttf",
     "0A80-0AFF"},
    {"tamil.ttf", N_("Tamil"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansTamil-Regular.ttf",
     "0B80-0BFF"},
    {"telugu.ttf", N_("Telugu"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansTelugu-Regular.ttf",
     "0C00-0C7F"},
    {"kannada.ttf", N_("Kannada"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansKannada-Regular.ttf",
     "0C80-0CFF"},
    {"malayalam.ttf", N_("Malayalam"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansMalayalam-Regular.ttf",
     "0D00-0D7F"},
    {"sinhala.ttf", N_("Sinhala"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansSinhala-Regular.ttf",
     "0D80-0DFF"},
    {"thai.ttf", N_("Thai"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
     "0E00-0E7F"},
    {"lao.ttf", N_("Lao"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansLao-Regular.ttf",
     "0E80-0EFF"},
    {"myanmar.ttf", N_("Myanmar"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansMyanmar-Regular.ttf",
     "1000-109F"},
    {"ethiopic.ttf", N_("Ethiopic (Amharic)"), "", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf",
     "1200-139F"},
    {"khmer.ttf", N_("Khmer"), "shaped", "fonts-noto-core", "/usr/share/fonts/truetype/noto/NotoSansKhmer-Regular.ttf",
     "1780-17FF"},
    {"cjk.ttf", N_("Chinese and Japanese"), "", "fonts-droid-fallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
     "2E80-2FDF 3000-303F 3040-30FF 3100-312F 31A0-31FF 3200-33FF 3400-4DBF 4E00-9FFF F900-FAFF FE30-FE4F FF00-FFEF"},
    {"korean.ttf", N_("Korean"), "", "fonts-nanum", "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
     "1100-11FF 3130-318F A960-A97F AC00-D7FF"},
};
// fallback fonts: end

std::vector<Fallback> parseTable() {
    std::vector<Fallback> out;
    for (const Row& row : kTable) {
        Fallback f;
        f.file = row.file;
        f.what = row.what;
        const std::string_view notDone = row.notDone;
        f.rtl = notDone.find("rtl") != std::string_view::npos;
        f.joined = notDone.find("joined") != std::string_view::npos;
        f.shaped = notDone.find("shaped") != std::string_view::npos;
        for (const char* p = row.characters; *p;) { // "0590-05FF FB1D-FB4F"
            char* end = nullptr;
            const auto from = char32_t(std::strtoul(p, &end, 16));
            const auto to = char32_t(std::strtoul(end + 1, &end, 16));
            f.ranges.push_back({from, to});
            p = end;
            while (*p == ' ') ++p;
        }
        out.push_back(std::move(f));
    }
    return out;
}

// What the UI font holds: Latin and Latin Extended-A (the pseudo-locale's accents too), punctuation,
// currency signs, arrows, the minus sign, check and cross marks, triangles and circles, the warning sign.
const ImWchar kUiRanges[] = {0x0020, 0x017F, 0x2010, 0x202F, 0x2030, 0x203A, 0x20A0, 0x20BF, 0x2190, 0x2199, 0x2212, 0x2212,
                             0x2713, 0x2715, 0x25B2, 0x25CF, 0x26A0, 0x26A0, 0};

// A TrueType font's line height in ems, (ascender - descender) / unitsPerEm from its hhea and head
// tables: the height stb_truetype fits into the pixel size asked for. 0 when the tables are not there.
float lineHeightInEms(const void* data, size_t size) {
    const auto* b = static_cast<const unsigned char*>(data);
    auto u16 = [&](size_t at) { return at + 2 <= size ? unsigned(b[at] << 8 | b[at + 1]) : 0u; };
    auto u32 = [&](size_t at) { return at + 4 <= size ? uint32_t(u16(at)) << 16 | u16(at + 2) : 0u; };
    const unsigned tables = u16(4);
    size_t head = 0, hhea = 0;
    for (unsigned i = 0; i < tables; ++i) {
        const size_t entry = 12 + size_t(i) * 16; // tag, checksum, offset, length
        if (entry + 16 > size) break;
        if (std::memcmp(b + entry, "head", 4) == 0) head = u32(entry + 8);
        if (std::memcmp(b + entry, "hhea", 4) == 0) hhea = u32(entry + 8);
    }
    const unsigned unitsPerEm = head ? u16(head + 18) : 0;
    if (!unitsPerEm || !hhea) return 0;
    const int ascender = int16_t(u16(hhea + 4)), descender = int16_t(u16(hhea + 6));
    return float(ascender - descender) / float(unitsPerEm);
}

// A UTF-8 sequence's code point; `p` moves past it (one byte for a malformed one).
char32_t decode(const unsigned char*& p, const unsigned char* end) {
    const unsigned char c = *p;
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    char32_t cp = n == 3 ? c & 0x07 : n == 2 ? c & 0x0F : n == 1 ? c & 0x1F : c;
    if (end - p <= n) { ++p; return 0xFFFD; }
    for (int i = 1; i <= n; ++i) {
        if ((p[i] & 0xC0) != 0x80) { ++p; return 0xFFFD; }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    p += n + 1;
    return cp;
}

} // namespace

const std::vector<Fallback>& fallbacks() {
    static const std::vector<Fallback> table = parseTable();
    return table;
}

const ImWchar* uiRanges() { return kUiRanges; }

bool inUiFont(char32_t c) {
    for (const ImWchar* r = kUiRanges; r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return c < 0x20; // control characters are not drawn
}

int fallbackFor(char32_t c) {
    const auto& table = fallbacks();
    for (size_t i = 0; i < table.size(); ++i)
        for (const auto& [from, to] : table[i].ranges)
            if (c >= from && c <= to) return int(i);
    return -1;
}

Supply::Supply() : slots_(fallbacks().size()), seen_(std::make_unique<std::bitset<0x10000>>()) {}

void Supply::scan(std::string_view utf8) {
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const auto* end = p + utf8.size();
    while (p < end) {
        if (*p < 0xC6) { // ASCII, a continuation byte, or a lead byte of U+0080–U+017F: all in the UI font
            ++p;
            continue;
        }
        scanChar(decode(p, end));
    }
}

void Supply::scanChar(char32_t c) {
    if (c < 0x10000) {
        if ((*seen_)[c]) return;
        (*seen_)[c] = true;
    } else if (std::find(unsupported_.begin(), unsupported_.end(), c) != unsupported_.end()) {
        return;
    }
    note(c);
}

void Supply::note(char32_t c) {
    if (inUiFont(c)) return;
    ++seenCount_;
    // Dear ImGui's characters are 16 bits here: beyond the Basic Multilingual Plane (emoji, rare
    // Chinese characters) nothing can be drawn.
    const int f = c < 0x10000 ? fallbackFor(c) : -1;
    if (f < 0) {
        unsupported_.push_back(c);
        return;
    }
    Slot& slot = slots_[size_t(f)];
    slot.chars.push_back(c);
    if (slot.state == State::Held) ++generation_;
}

std::vector<int> Supply::takeRequests(double nowMs) {
    std::vector<int> out;
    for (size_t f = 0; f < slots_.size(); ++f) {
        Slot& slot = slots_[f];
        if (slot.chars.empty()) continue;
        const bool due = slot.state == State::Idle || (slot.state == State::Failed && nowMs - slot.failedAt >= kRetryMs);
        if (!due) continue;
        slot.state = State::Fetching;
        out.push_back(int(f));
    }
    return out;
}

void Supply::received(int font, std::string bytes, double nowMs) {
    // A TrueType font starts with version 1.0 or 'true'; an HTML page (a server's "not found") does not.
    const bool truetype = bytes.size() > 12 && (std::memcmp(bytes.data(), "\0\1\0\0", 4) == 0 || std::memcmp(bytes.data(), "true", 4) == 0);
    Slot& slot = slots_[size_t(font)];
    if (!truetype) { // asked again after kRetryMs, without a word: the server answered
        failed(font, "the answer is not a font", nowMs);
        slot.failureTold = false;
        return;
    }
    slot.bytes = std::move(bytes);
    slot.why.clear();
    slot.state = State::Held;
    slot.failureTold = false;
    ++generation_;
}

bool Supply::failed(int font, std::string why, double nowMs) {
    Slot& slot = slots_[size_t(font)];
    slot.state = State::Failed;
    slot.why = std::move(why);
    slot.failedAt = nowMs;
    const bool first = !slot.failureTold;
    slot.failureTold = true;
    return first;
}

bool Supply::build(ImFontAtlas& atlas, const char* uiFontPath, float pixels, ImFontConfig config) {
    atlas.Clear();
    const bool ok = atlas.AddFontFromFileTTF(uiFontPath, pixels, &config, kUiRanges) != nullptr;
    if (!ok) atlas.AddFontDefault(); // Dear ImGui's own (natively; the web build stops instead: main.cpp)
    // Fonts differ in how much line height they give their letters (Noto Sans Arabic reserves 2.1 em
    // for its marks, DejaVu Sans 1.16): each fallback is asked at the size that makes its em the UI
    // font's, so an Arabic name is as big as a Latin one.
    const ImFontConfig& ui = atlas.ConfigData[0];
    const float uiEms = ok ? lineHeightInEms(ui.FontData, size_t(ui.FontDataSize)) : 0;
    for (size_t f = 0; f < slots_.size(); ++f) {
        Slot& slot = slots_[f];
        slot.ranges.clear();
        if (slot.state != State::Held || slot.chars.empty()) continue;
        std::vector<char32_t> chars = slot.chars;
        std::sort(chars.begin(), chars.end());
        for (char32_t c : chars) { // consecutive characters share a range
            if (!slot.ranges.empty() && slot.ranges.back() + 1 == ImWchar(c)) slot.ranges.back() = ImWchar(c);
            else { slot.ranges.push_back(ImWchar(c)); slot.ranges.push_back(ImWchar(c)); }
        }
        slot.ranges.push_back(0);
        ImFontConfig merged = config;
        merged.MergeMode = true;
        merged.FontDataOwnedByAtlas = false; // the bytes stay here for the next build
        std::snprintf(merged.Name, sizeof merged.Name, "%s", fallbacks()[f].file.c_str());
        const float ems = lineHeightInEms(slot.bytes.data(), slot.bytes.size());
        const float size = uiEms > 0 && ems > 0 ? pixels * ems / uiEms : pixels;
        atlas.AddFontFromMemoryTTF(slot.bytes.data(), int(slot.bytes.size()), size, &merged, slot.ranges.Data);
    }
    return ok;
}

size_t Supply::countMissing(const ImFont& font) {
    missing_ = unsupported_.size();
    for (const Slot& slot : slots_)
        for (char32_t c : slot.chars) missing_ += font.FindGlyphNoFallback(ImWchar(c)) == nullptr;
    return missing_;
}

std::string Supply::json() const {
    nlohmann::json j{{"held", nlohmann::json::array()}, {"fetching", nlohmann::json::array()}, {"failed", nlohmann::json::array()},
                     {"seen", seenCount_}, {"unsupported", unsupported_.size()}, {"missing", missing_}};
    for (size_t f = 0; f < slots_.size(); ++f) {
        const std::string& file = fallbacks()[f].file;
        const Slot& slot = slots_[f];
        if (slot.state == State::Held) j["held"].push_back(file);
        if (slot.state == State::Fetching) j["fetching"].push_back(file);
        if (slot.state == State::Failed) j["failed"].push_back({{"file", file}, {"why", slot.why}});
    }
    return j.dump();
}

std::vector<std::string> Supply::takeNotLaidOut() {
    std::vector<std::string> out;
    for (size_t f = 0; f < slots_.size(); ++f) {
        const Fallback& font = fallbacks()[f];
        Slot& slot = slots_[f];
        if (slot.chars.empty() || slot.layoutTold || !(font.rtl || font.joined || font.shaped)) continue;
        slot.layoutTold = true;
        const std::string what = tr(font.what);
        if (font.rtl && font.joined)
            out.push_back(fmt(tr("{0} is shown left to right with its letters apart: Plotline does not lay out right-to-left or joined writing yet."), what));
        else if (font.rtl)
            out.push_back(fmt(tr("{0} is shown left to right: Plotline does not lay out right-to-left writing yet."), what));
        else
            out.push_back(fmt(tr("{0} is shown one character after another: Plotline does not form its clusters yet."), what));
    }
    return out;
}

} // namespace plotline::fonts
