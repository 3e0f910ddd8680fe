// Text that does not fit: Dear ImGui cuts a label that is wider than its button, selectable, combo,
// tab or column title (RenderTextClipped / RenderTextEllipsis). The UI tests are linked with
// --wrap on those two functions, so every cut label is recorded here; the tests below open the app's
// surfaces in the pseudo-locale (every text 40 % longer) and in German, French and Spanish, and
// expect no label cut anywhere.
#include "ui_harness.hpp"

#include "core/i18n.hpp"
#include "core/locale.hpp"

#include <imgui_internal.h>

#include <set>
#include <string>
#include <vector>

namespace {
std::vector<std::string>& cutLabels() {
    static std::vector<std::string> v;
    return v;
}
void note(const char* text, const char* end, float needed, float room) {
    if (needed <= room + 1.0f) return;
    const char* stop = end ? end : text + std::strlen(text);
    const char* hash = std::strstr(text, "##");
    if (hash && hash < stop) stop = hash;
    cutLabels().push_back(std::string(text, stop) + " (" + std::to_string(int(needed)) + " px in " + std::to_string(int(room)) + ")");
}
} // namespace

extern "C" {
// ImGui::RenderTextClipped(pos_min, pos_max, text, text_end, text_size_if_known, align, clip_rect)
void __real__ZN5ImGui17RenderTextClippedERK6ImVec2S2_PKcS4_PS1_S2_PK6ImRect(const ImVec2&, const ImVec2&, const char*, const char*, const ImVec2*,
                                                                            const ImVec2&, const ImRect*);
void __wrap__ZN5ImGui17RenderTextClippedERK6ImVec2S2_PKcS4_PS1_S2_PK6ImRect(const ImVec2& min, const ImVec2& max, const char* text, const char* end,
                                                                            const ImVec2* size, const ImVec2& align, const ImRect* clip) {
    const char* shown = ImGui::FindRenderedTextEnd(text, end);
    if (shown > text) {
        const float needed = size ? size->x : ImGui::CalcTextSize(text, shown, false).x;
        const float right = clip ? std::min(clip->Max.x, max.x + ImGui::GetStyle().FramePadding.x) : max.x;
        note(text, shown, needed, right - min.x);
    }
    __real__ZN5ImGui17RenderTextClippedERK6ImVec2S2_PKcS4_PS1_S2_PK6ImRect(min, max, text, end, size, align, clip);
}
// ImGui::RenderTextEllipsis(draw_list, pos_min, pos_max, clip_max_x, ellipsis_max_x, text, text_end, text_size_if_known)
void __real__ZN5ImGui18RenderTextEllipsisEP10ImDrawListRK6ImVec2S4_ffPKcS6_PS3_(ImDrawList*, const ImVec2&, const ImVec2&, float, float, const char*,
                                                                                 const char*, const ImVec2*);
void __wrap__ZN5ImGui18RenderTextEllipsisEP10ImDrawListRK6ImVec2S4_ffPKcS6_PS3_(ImDrawList* dl, const ImVec2& min, const ImVec2& max, float clipMaxX,
                                                                                 float ellipsisMaxX, const char* text, const char* end, const ImVec2* size) {
    const float needed = size ? size->x : ImGui::CalcTextSize(text, end, false).x;
    note(text, end, needed, max.x - min.x);
    __real__ZN5ImGui18RenderTextEllipsisEP10ImDrawListRK6ImVec2S4_ffPKcS6_PS3_(dl, min, max, clipMaxX, ellipsisMaxX, text, end, size);
}
}

using namespace plotline;
using namespace plotline::ui_test;

namespace {

// Every surface a producer opens in the first hour, one after the other; the labels cut on any of them.
std::set<std::string> cutOnEverySurface(const char* language, const char* formats) {
    Harness h(std::string("fit-") + language);
    h.host.locale = formats;
    h.host.setPreference("language", language);
    h.start();
    REQUIRE(i18n::language() == language);
    // What a settled surface cuts (a table measures its columns in its first frames).
    std::set<std::string> out;
    auto settle = [&] {
        h.frames(3);
        cutLabels().clear();
        h.frames(1);
        out.insert(cutLabels().begin(), cutLabels().end());
    };
    auto clickIf = [&](const std::string& name) {
        if (h.has(name)) h.click(h.widget(name).centre());
        settle();
    };
    h.frames(3);
    for (const char* menu : {"menu.Project", "menu.Edit", "menu.View", "menu.Help"}) {
        clickIf(menu);
        h.frames(2);
        h.key(ImGuiKey_Escape);
        h.frames(2);
    }
    clickIf("menu.View");
    clickIf("menu.View.Preferences");
    h.frames(3);
    clickIf("prefs.close");
    clickIf("menu.Project");
    clickIf("menu.Project.New");
    h.frames(3);
    h.key(ImGuiKey_Escape);
    h.frames(2);
    clickIf("menu.Help");
    clickIf("menu.Help.Shortcuts");
    h.frames(3);
    h.key(ImGuiKey_Escape);
    for (const char* view : {"view.budget", "view.portfolio", "view.board", "view.plan"}) {
        clickIf(view);
        h.frames(3);
        if (std::string(view) == "view.budget")
            for (const char* tab : {"Dashboard", "Budget", "Billing & margin", "Actuals", "Vendors", "Change requests", "Risks"}) {
                clickIf(std::string("budget.tab.") + tab);
                h.frames(3);
            }
    }
    i18n::setLanguage("en");
    setFormats(Formats{});
    return out;
}

std::string joined(const std::set<std::string>& s) {
    std::string o;
    for (const std::string& x : s) o += "\n  " + x;
    return o;
}

} // namespace

TEST_CASE("text fit: the detector sees a label cut by a narrow button") {
    Harness h("fit-detector");
    h.start();
    cutLabels().clear();
    ImGui::NewFrame();
    ImGui::Begin("probe");
    ImGui::Button("A label far too long for its button", ImVec2(40, 0));
    ImGui::Button("OK", ImVec2(80, 0));
    ImGui::End();
    ImGui::Render();
    REQUIRE(cutLabels().size() == 1);
    CHECK(cutLabels()[0].starts_with("A label far too long"));
}

TEST_CASE("text fit: no label is cut in the pseudo-locale (every text 40 % longer) on any surface") {
    const std::set<std::string> cut = cutOnEverySurface("pseudo", "en-US");
    CHECK_MESSAGE(cut.empty(), cut.size() << " labels cut:" << joined(cut));
}

TEST_CASE("text fit: no label is cut in German, French or Spanish") {
    for (auto [language, formats] : {std::pair{"de", "de-DE"}, std::pair{"fr", "fr-FR"}, std::pair{"es", "es-ES"}}) {
        const std::set<std::string> cut = cutOnEverySurface(language, formats);
        CHECK_MESSAGE(cut.empty(), language << ": " << cut.size() << " labels cut:" << joined(cut));
    }
}

TEST_CASE("text fit: at 200 % (a window half as wide) the plan's column titles stay whole: the names' column gives way") {
    Harness h("fit-narrow");
    h.start();
    ImGui::GetIO().DisplaySize = ImVec2(720, 450); // 1440 × 900 CSS pixels at a UI scale of 200 %
    h.frames(4);
    cutLabels().clear();
    h.frames(1);
    const std::set<std::string> cut(cutLabels().begin(), cutLabels().end());
    CHECK_MESSAGE(cut.empty(), cut.size() << " labels cut:" << joined(cut));
    const Rect timeline = h.widget("gantt.scale"); // the timeline's header
    CHECK(timeline.w >= 720 * 0.09f); // the default columns alone take most of it: what is left stays the timeline's
    CHECK(h.widget("column.Task").w >= ImGui::GetFontSize() * 8 - 1);
}
