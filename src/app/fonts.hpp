// Fonts for names in any script. The UI font is a Latin subset (a small first load); the fonts for
// other scripts (the table in fonts.cpp: Greek and Cyrillic, Hebrew, Arabic, the Indic scripts,
// Thai, Chinese and Japanese, Korean…) are fetched only when a text that needs one appears, and
// merged into Dear ImGui's atlas for exactly the characters seen, so a Chinese plan adds a few dozen
// glyphs rather than twenty thousand.
//
//   fonts::Supply supply;
//   supply.scan(task.name);                       // every text the app shows (App does this)
//   for (int f : supply.takeRequests(now)) host.fetchFont(fonts::fallbacks()[f].file, …received/failed…);
//   if (supply.generation() != built) { supply.build(*io.Fonts, "/fonts/ui.ttf", 15, cfg); … }
//
// Layout beyond one glyph after another is not done: right-to-left order, joined Arabic letters and
// Indic clusters are drawn as separate characters left to right, and the app says so (notLaidOut()).
#pragma once
#include <imgui.h>

#include <bitset>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace plotline::fonts {

struct Fallback {
    std::string file;    // "cjk.ttf", fetched from fonts/ beside the app
    std::string what;    // "Chinese and Japanese", as the user is told
    bool rtl = false;    // written right to left
    bool joined = false; // letters join their neighbours
    bool shaped = false; // marks and conjuncts placed by rules
    std::vector<std::pair<char32_t, char32_t>> ranges;
};
// The table, in its order (a character belongs to the first font listing it).
const std::vector<Fallback>& fallbacks();
// The characters the UI font holds, as Dear ImGui glyph ranges (pairs, 0-terminated).
const ImWchar* uiRanges();
bool inUiFont(char32_t c);
int fallbackFor(char32_t c); // index into fallbacks(); -1 when no font has it

class Supply {
public:
    Supply();
    // Notes the characters of a text that the UI font lacks. Cheap for text without any (Latin).
    void scan(std::string_view utf8);
    void scanChar(char32_t c);

    // The fonts to fetch now: needed and neither held nor being fetched, nor failed less than
    // kRetryMs ago. They count as being fetched from here on.
    std::vector<int> takeRequests(double nowMs);
    // A fetch's answer. Bytes that are not a TrueType font count as a failure.
    void received(int font, std::string bytes, double nowMs);
    // True for the first failure since the font was last asked for with success (the one to tell the
    // user about; the retries every kRetryMs are quiet).
    bool failed(int font, std::string why, double nowMs);
    static constexpr double kRetryMs = 30000;

    // Changes whenever the atlas should be built again: a font arrived for characters seen, or a
    // character of a font already held was seen for the first time.
    uint64_t generation() const { return generation_; }
    // Fills the atlas (cleared first): the UI font from a file at `pixels`, then every held fallback
    // font merged into it for the characters seen. False when the UI font could not be read (the atlas
    // then holds Dear ImGui's own font). The glyph ranges live in this Supply until the next build.
    bool build(ImFontAtlas& atlas, const char* uiFontPath, float pixels, ImFontConfig config);
    // After the atlas is built (its texture made): how many characters seen the font still lacks
    // (drawn as "?": their font is not here yet, or no font has them).
    size_t countMissing(const ImFont& font);

    // {"held":["cjk.ttf"],"fetching":[],"failed":[{"file":…,"why":…}],"seen":12,"unsupported":0,"missing":0}
    std::string json() const;
    // The scripts seen whose layout is not done, each once, as the sentence the user reads; only the
    // ones not returned before.
    std::vector<std::string> takeNotLaidOut();

private:
    enum class State : uint8_t { Idle, Fetching, Held, Failed };
    void note(char32_t c);
    // One per font of the table.
    struct Slot {
        std::vector<char32_t> chars; // the characters seen that it holds
        State state = State::Idle;
        std::string bytes, why;      // the font once held; why its last fetch failed
        double failedAt = 0;
        bool failureTold = false;    // this run of failures was said
        bool layoutTold = false;     // what is not laid out was said
        ImVector<ImWchar> ranges;    // the last build's glyph ranges
    };
    std::vector<Slot> slots_;
    std::unique_ptr<std::bitset<0x10000>> seen_;
    std::vector<char32_t> unsupported_;
    size_t seenCount_ = 0, missing_ = 0;
    uint64_t generation_ = 1;
};

} // namespace plotline::fonts
