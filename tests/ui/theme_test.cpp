// The themes' colour tables: every text colour on every background it is drawn on reaches WCAG 2.2
// AA (4.5:1) in the light, dark and high-contrast looks; the ratio itself on hand-checked pairs.
#include "ui_harness.hpp"

#include "theme.hpp"

using namespace plotline;

TEST_CASE("theme: the WCAG contrast ratio on hand-checked pairs") {
    CHECK(theme::contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
    CHECK(theme::contrast(IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(1.0));
    // #767676 on white is the lightest grey that passes AA: 4.54.
    CHECK(theme::contrast(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(4.54).epsilon(0.01));
    // The light theme's old secondary text (#8792A2 on #FAFBFC) was 3.04: it did not pass.
    CHECK(theme::contrast(IM_COL32(0x87, 0x92, 0xA2, 255), IM_COL32(0xFA, 0xFB, 0xFC, 255)) < 4.5);
}

TEST_CASE("theme: every text and background pair of every look reaches 4.5:1") {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx);
    for (theme::Look look : {theme::Look::Light, theme::Look::Dark, theme::Look::HighContrast}) {
        theme::apply(15.0f, look);
        CHECK(theme::current() == look);
        const auto pairs = theme::textPairs();
        CHECK(pairs.size() >= 30);
        double lowest = 21;
        for (const theme::TextPair& p : pairs) {
            const double r = theme::contrast(p.text, p.background);
            lowest = std::min(lowest, r);
            CAPTURE(theme::lookName(look));
            CAPTURE(p.what);
            CHECK(r >= 4.5);
        }
        MESSAGE(std::string(theme::lookName(look)) << ": lowest text contrast " << lowest << ":1");
        if (look == theme::Look::HighContrast) CHECK(lowest >= 7.0); // AAA
    }
    // Looks differ where they should: dark text on light, light on dark.
    theme::apply(15.0f, theme::Look::Dark);
    const ImU32 darkBg = ImGui::GetColorU32(ImGuiCol_WindowBg);
    theme::apply(15.0f, theme::Look::Light);
    CHECK(theme::contrast(darkBg, ImGui::GetColorU32(ImGuiCol_WindowBg)) > 10);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("preferences: the look and the UI scale apply at once, are kept for this device, and 'system' follows the system") {
    ui_test::Harness h("prefs");
    h.start();
    CHECK(theme::current() == theme::Look::Light);
    const float padding = ImGui::GetStyle().FramePadding.x;
    h.app->openPreferences();
    h.frames(2);
    h.click(h.widget("prefs.look.dark").centre());
    CHECK(theme::current() == theme::Look::Dark);
    CHECK(h.host.preference("look") == "dark");
    h.click(h.widget("prefs.scale.200").centre());
    CHECK(h.app->uiScale() == 200);
    CHECK(ImGui::GetStyle().FramePadding.x == doctest::Approx(padding * 2));
    CHECK(nlohmann::json::parse(h.app->statusJson())["look"] == "Dark");
    // The same device later: its choices come back.
    h.app.reset();
    theme::apply(15.0f);
    h.start();
    CHECK(theme::current() == theme::Look::Dark);
    CHECK(h.app->uiScale() == 200);
    // Following the system: it asks for more contrast.
    h.app->setLook("system");
    CHECK(theme::current() == theme::Look::Light);
    h.host.systemAsks = "more";
    h.frames(70); // it is asked once a second
    CHECK(theme::current() == theme::Look::HighContrast);
    h.host.systemAsks = "dark";
    h.frames(70);
    CHECK(theme::current() == theme::Look::Dark);
    h.app->setLook("light");
    h.host.systemAsks = "more";
    h.frames(70);
    CHECK(theme::current() == theme::Look::Light);
    h.app->setUiScale(100);
    CHECK(ImGui::GetStyle().FramePadding.x == doctest::Approx(padding));
}
