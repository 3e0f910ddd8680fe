// Names in any script: the fallback fonts (src/app/fonts.hpp) are fetched only when a text needs
// them, merged into the atlas for the characters seen, retried when the network fails, and the user
// is told what is not laid out. The real files the build cut from Debian's fonts (build/native/fonts).
#include "ui_harness.hpp"

#include "core/commands.hpp"
#include "core/i18n.hpp"
#include "core/locale.hpp"

#include <imgui_internal.h>

#include <filesystem>
#include <fstream>
#include <set>

using namespace plotline;
using namespace plotline::ui_test;

namespace {

int fontIndex(const std::string& file) {
    for (size_t i = 0; i < fonts::fallbacks().size(); ++i)
        if (fonts::fallbacks()[i].file == file) return int(i);
    return -1;
}

// The code points of a UTF-8 text.
std::vector<char32_t> chars(std::string_view s) {
    std::vector<char32_t> out;
    ImVector<ImWchar> wide;
    wide.resize(int(s.size()) + 1);
    const int n = ImTextStrFromUtf8(wide.Data, wide.Size, s.data(), s.data() + s.size());
    for (int i = 0; i < n; ++i) out.push_back(wide[i]);
    return out;
}

bool drawn(char32_t c) { return ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(ImWchar(c)) != nullptr; }

void rename(Harness& h, size_t row, const std::string& name) {
    Task t = h.project().tasks[row];
    t.name = name;
    REQUIRE(h.app->document().execute(editTask(t)));
    h.frames(2);
}

nlohmann::json fontsStatus(Harness& h) { return nlohmann::json::parse(h.app->statusJson())["fonts"]; }

} // namespace

TEST_CASE("fonts: the table's characters go to the right file, and every file was built") {
    CHECK(fonts::inUiFont(U'é'));
    CHECK(fonts::inUiFont(U'œ'));
    CHECK(fonts::inUiFont(U'\u2014')); // —
    CHECK_FALSE(fonts::inUiFont(U'あ'));
    CHECK(fonts::fallbackFor(U'あ') == fontIndex("cjk.ttf"));
    CHECK(fonts::fallbackFor(U'確') == fontIndex("cjk.ttf"));
    CHECK(fonts::fallbackFor(U'한') == fontIndex("korean.ttf"));
    CHECK(fonts::fallbackFor(U'\u05D0') == fontIndex("hebrew.ttf"));     // א
    CHECK(fonts::fallbackFor(U'\u0627') == fontIndex("arabic.ttf"));     // ا
    CHECK(fonts::fallbackFor(U'\u0915') == fontIndex("devanagari.ttf")); // क
    CHECK(fonts::fallbackFor(U'\u0E01') == fontIndex("thai.ttf"));       // ก
    CHECK(fonts::fallbackFor(U'\u03B1') == fontIndex("extended.ttf"));   // α
    CHECK(fonts::fallbackFor(U'\u0416') == fontIndex("extended.ttf"));   // Ж
    CHECK(fonts::fallbackFor(U'\u1EA1') == fontIndex("extended.ttf"));   // ạ (Vietnamese)
    CHECK(fonts::fallbackFor(U'\U0001F600') == -1);                      // an emoji: no font
    for (const fonts::Fallback& f : fonts::fallbacks()) {
        CHECK_MESSAGE(std::filesystem::file_size(std::string(PLOTLINE_FONTS_DIR) + "/" + f.file) > 4000, f.file);
        i18n::setLanguage("de");
        const bool same = std::set<std::string>{"Kannada", "Khmer", "Malayalam", "Tamil", "Telugu", "Gujarati",
                                                "Devanagari (Hindi, Marathi, Nepali)"}.count(f.what) > 0; // so named in German too
        CHECK_MESSAGE((std::string(tr(f.what)) != f.what) != same, "German name of " << f.what << ": " << tr(f.what));
        i18n::setLanguage("en");
    }
}

TEST_CASE("fonts: a plan in Latin script fetches no font and builds the atlas once") {
    Harness h("fonts-latin");
    h.start();
    h.click(h.widget("task.name.1").centre(), true);
    h.replaceText("Kick-off — Zoë’s café, 5 €"); // accents, dashes, quotes, currency: all in the UI font
    h.frames(3);
    CHECK(h.project().tasks[1].name == "Kick-off — Zoë’s café, 5 €");
    CHECK(h.host.fontRequests.empty());
    CHECK(h.fontBuilds == 0);
    CHECK(fontsStatus(h)["seen"] == 0);
}

TEST_CASE("fonts: typing a Japanese name fetches its font once and draws exactly the characters typed") {
    Harness h("fonts-cjk");
    h.start();
    const std::string name = "デザイン確認";
    h.click(h.widget("task.name.1").centre(), true);
    REQUIRE(h.has("task.edit"));
    h.key(ImGuiKey_A, true);
    h.type(name.c_str()); // still being typed: not yet in the plan
    CHECK(h.project().tasks[1].name != name);
    REQUIRE(h.host.fontRequests == std::vector<std::string>{"cjk.ttf"});
    h.frames(1);
    for (char32_t c : chars(name)) CHECK_MESSAGE(drawn(c), "no glyph for U+" << std::hex << unsigned(c));
    CHECK_FALSE(drawn(U'中')); // never seen: not in the atlas (a few glyphs, not twenty thousand)
    h.key(ImGuiKey_Enter);
    CHECK(h.project().tasks[1].name == name);
    h.frames(3);
    CHECK(h.host.fontRequests.size() == 1); // held: not fetched again
    const auto status = fontsStatus(h);
    CHECK(status["held"] == nlohmann::json::array({"cjk.ttf"}));
    CHECK(status["missing"] == 0);
    CHECK(status["seen"] == chars(name).size());

    // A new character of a font already held: the atlas is built again with it, nothing fetched.
    const int builds = h.fontBuilds;
    rename(h, 2, "中文");
    CHECK(h.fontBuilds == builds + 1);
    CHECK(drawn(U'中'));
    CHECK(h.host.fontRequests.size() == 1);
    CHECK(fontsStatus(h)["missing"] == 0);
}

TEST_CASE("fonts: names in Hebrew, Arabic and Hindi fetch each font once, and the user is told what is not laid out") {
    Harness h("fonts-rtl");
    h.start();
    rename(h, 1, "\u05E1\u05E7\u05D9\u05E8\u05D4");           // סקירה
    rename(h, 2, "\u0645\u0631\u0627\u062C\u0639\u0629");     // مراجعة
    rename(h, 3, "\u0938\u092E\u0940\u0915\u094D\u0937\u093E"); // समीक्षा
    h.frames(3);
    std::vector<std::string> asked = h.host.fontRequests;
    std::sort(asked.begin(), asked.end());
    CHECK(asked == std::vector<std::string>{"arabic.ttf", "devanagari.ttf", "hebrew.ttf"});
    CHECK(fontsStatus(h)["missing"] == 0);
    for (const char* c : {"\u05E1", "\u0645", "\u0938", "\u094D"}) CHECK(drawn(chars(c)[0]));
    // As big as the Latin letters: alef (ا) stands about as tall as an l, though Noto Sans Arabic
    // keeps twice DejaVu's line height for its marks.
    const ImFont& font = *ImGui::GetIO().Fonts->Fonts[0];
    const ImFontGlyph* alef = font.FindGlyphNoFallback(0x0627);
    const ImFontGlyph* l = font.FindGlyphNoFallback('l');
    REQUIRE(alef);
    CHECK(alef->Y1 - alef->Y0 > 0.75f * (l->Y1 - l->Y0));
    CHECK(alef->Y1 - alef->Y0 < 1.25f * (l->Y1 - l->Y0));
    CHECK(alef->Y1 == doctest::Approx(l->Y1).epsilon(0.15)); // on the same baseline
    // Said once per script, as the edit that brought it in.
    std::string said;
    for (const std::string& a : h.host.announcements) said += a + "\n";
    CHECK(said.find("Hebrew is shown left to right: Plotline does not lay out right-to-left writing yet.") != std::string::npos);
    CHECK(said.find("Arabic is shown left to right with its letters apart") != std::string::npos);
    CHECK(said.find("Devanagari (Hindi, Marathi, Nepali) is shown one character after another") != std::string::npos);
    const size_t before = h.host.announcements.size();
    rename(h, 4, "\u05D0\u05D1"); // more Hebrew: nothing said again
    for (size_t i = before; i < h.host.announcements.size(); ++i) CHECK(h.host.announcements[i].find("Hebrew") == std::string::npos);
}

TEST_CASE("fonts: offline, the font is asked for again every 30 seconds, said once, and drawn when it comes") {
    Harness h("fonts-offline");
    h.start();
    h.host.fontFailure = "this device is offline";
    rename(h, 1, "\uD55C\uAD6D\uC5B4 \uAC80\uD1A0"); // 한국어 검토
    CHECK(h.host.fontRequests == std::vector<std::string>{"korean.ttf"});
    CHECK(h.app->lastMessage() ==
          "The font for Korean could not be fetched (this device is offline): its characters show as ? until it arrives.");
    auto status = fontsStatus(h);
    CHECK(status["failed"][0]["file"] == "korean.ttf");
    CHECK(status["missing"] == 0); // nothing built yet: counted when the atlas is built
    h.host.fakeNow += 20'000;
    h.frames(2);
    CHECK(h.host.fontRequests.size() == 1); // not before 30 s
    h.host.fakeNow += 11'000;
    h.frames(2);
    CHECK(h.host.fontRequests.size() == 2); // asked again, failed again: not said again
    h.host.fontFailure.clear();
    h.host.fakeNow += 31'000;
    h.frames(3);
    CHECK(h.host.fontRequests.size() == 3);
    status = fontsStatus(h);
    CHECK(status["held"] == nlohmann::json::array({"korean.ttf"}));
    CHECK(status["failed"].empty());
    CHECK(status["missing"] == 0);
    CHECK(drawn(U'한'));
}

TEST_CASE("fonts: an answer that is not a font (a server's error page) is refused and asked for again later") {
    Harness h("fonts-bad");
    const std::filesystem::path dir = h.dir() / "bad-fonts";
    std::filesystem::create_directories(dir);
    {
        std::ofstream page(dir / "thai.ttf");
        page << "<!doctype html><title>Not found</title>";
    }
    h.host.fontsDir = dir.string();
    h.start();
    rename(h, 1, "\u0E15\u0E23\u0E27\u0E08"); // ตรวจ
    const auto status = fontsStatus(h);
    CHECK(status["failed"][0]["why"] == "the answer is not a font");
    CHECK(status["held"].empty());
    CHECK_FALSE(drawn(U'\u0E15'));
    h.host.fontsDir = PLOTLINE_FONTS_DIR;
    h.host.fakeNow += 31'000;
    h.frames(3);
    CHECK(drawn(U'\u0E15'));
}

TEST_CASE("fonts: Japanese formats bring the font for their month and weekday names") {
    Harness h("fonts-ja");
    h.host.locale = "ja-JP";
    h.start();
    h.frames(2);
    CHECK(h.host.fontRequests == std::vector<std::string>{"cjk.ttf"});
    CHECK(drawn(U'月'));
    CHECK(fontsStatus(h)["missing"] == 0);
    setFormats(Formats{});
}

TEST_CASE("fonts: a client view from a link brings the fonts for its names") {
    std::string link;
    {
        Harness producer("fonts-producer");
        producer.start();
        rename(producer, 1, "納品チェック");
        producer.click(producer.widget("toolbar.share").centre());
        producer.frames(2);
        link = textOf("share.copyLink");
    }
    Harness client("fonts-client");
    client.startViewer(link);
    client.frames(3);
    REQUIRE(nlohmann::json::parse(client.app->statusJson())["viewer"]["state"] == "shown");
    CHECK(client.host.fontRequests == std::vector<std::string>{"cjk.ttf"});
    CHECK(drawn(U'納'));
    CHECK(fontsStatus(client)["missing"] == 0);
}
