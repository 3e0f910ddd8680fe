// The windowless UI harness: a real App over the native host (files in a scratch folder, a clock the
// test moves), ImGui frames built without a renderer, and simulated mouse and keys on named widgets.
#pragma once
#include <doctest/doctest.h>

#include "app/app.hpp"
#include "app/theme.hpp"
#include "app/widget_registry.hpp"
#include "core/binary_io.hpp"
#include "core/json_io.hpp"
#include "platform/native/native_host.hpp"
#include "test_paths.hpp"

#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace plotline::ui_test {

// The text a named widget showed in the last frame.
inline std::string textOf(const std::string& name) {
    auto j = nlohmann::json::parse(widgetsJson());
    REQUIRE_MESSAGE(j.contains(name), "no widget " << name);
    return j[name].value("text", "");
}

struct Rect { float x, y, w, h; ImVec2 centre() const { return ImVec2(x + w / 2, y + h / 2); } };

class Harness {
public:
    explicit Harness(const std::string& name)
        : dir_(std::filesystem::temp_directory_path() / ("plotline-ui-" + name + "-" + std::to_string(::getpid()))),
          host(dir_.string(), PLOTLINE_TEST_ASSETS) {
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        host.storage_ = std::make_unique<FileStorage>(dir_.string());
        ctx_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(ctx_); // CreateContext keeps another harness's context current
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1440, 900);
        io.DeltaTime = 1.0f / 60;
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
        // The glyphs the web build loads (Latin, Latin Extended-A for the pseudo-locale, punctuation,
        // currency, arrows), so text is measured as it is drawn there; fallback fonts merged in as the
        // app asks for them (fonts.hpp), from the build's fonts/.
        io.Fonts->AddFontFromFileTTF(PLOTLINE_FONT, 15.0f, nullptr, fonts::uiRanges());
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        theme::apply(15.0f);
        host.fakeNow = 1'800'000'000'000;
        host.fontsDir = PLOTLINE_FONTS_DIR;
    }
    uint64_t fontGeneration_ = 1; // the atlas made in the constructor: the UI font alone
    ~Harness() {
        app.reset();
        ImGui::DestroyContext(ctx_);
        std::filesystem::remove_all(dir_);
    }
    void start() {
        app = std::make_unique<App>(host);
        frames(1);
        app->start();
        frames(3);
    }
    const std::filesystem::path& dir() const { return dir_; }
    // The app as a link to a client view opens it.
    void startViewer(const std::string& link) {
        app = std::make_unique<App>(host);
        frames(1);
        app->startViewer(link);
        frames(3);
    }
    // The open project as saved in the library.
    Project saved() {
        std::optional<Result<std::string>> text;
        app->library().readNewest(app->openId(), [&](Result<std::string> t) { text = std::move(t); });
        REQUIRE_MESSAGE(text.has_value(), "the library never answered");
        REQUIRE_MESSAGE(*text, (*text ? "" : text->error()));
        auto project = readProjectBody(**text);
        REQUIRE(project);
        return *project;
    }
    void frames(int n) {
        ImGui::SetCurrentContext(ctx_); // two harnesses (a producer and a client) take turns
        for (int i = 0; i < n; ++i) {
            host.fakeNow += 16;
            ImGui::NewFrame();
            app->frame();
            ImGui::Render();
            ImGuiIO& io = ImGui::GetIO();
            io.MouseWheel = io.MouseWheelH = 0;
            for (auto& k : io.KeysDown) k = false;
            if (app->fonts().generation() != fontGeneration_) rebuildFonts(); // as the web build does between frames
        }
    }
    // The atlas again, with the fallback fonts held for the characters seen; how many still lack a glyph.
    size_t rebuildFonts() {
        ImGuiIO& io = ImGui::GetIO();
        app->fonts().build(*io.Fonts, PLOTLINE_FONT, 15.0f, ImFontConfig());
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        fontGeneration_ = app->fonts().generation();
        ++fontBuilds;
        return app->fonts().countMissing(*io.Fonts->Fonts[0]);
    }
    int fontBuilds = 0;
    Rect widget(const std::string& name) {
        auto j = nlohmann::json::parse(widgetsJson());
        REQUIRE_MESSAGE(j.contains(name), "no widget " << name);
        return {j[name]["x"], j[name]["y"], j[name]["w"], j[name]["h"]};
    }
    bool has(const std::string& name) { return nlohmann::json::parse(widgetsJson()).contains(name); }
    void click(ImVec2 at, bool twice = false) {
        ImGui::SetCurrentContext(ctx_);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frames(2);
        for (int k = 0; k < (twice ? 2 : 1); ++k) {
            io.MouseDown[0] = true;
            frames(1);
            io.MouseDown[0] = false;
            frames(1);
        }
        frames(1);
    }
    // Presses at `from`, moves to `to` over a few frames, releases.
    void drag(ImVec2 from, ImVec2 to) {
        ImGui::SetCurrentContext(ctx_);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = from;
        frames(2);
        io.MouseDown[0] = true;
        frames(2);
        for (int i = 1; i <= 8; ++i) {
            io.MousePos = ImVec2(from.x + (to.x - from.x) * float(i) / 8, from.y + (to.y - from.y) * float(i) / 8);
            frames(1);
        }
        io.MouseDown[0] = false;
        frames(3);
    }
    void rightClick(ImVec2 at) {
        ImGui::SetCurrentContext(ctx_);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frames(2);
        io.MouseDown[1] = true;
        frames(1);
        io.MouseDown[1] = false;
        frames(2);
    }
    void key(ImGuiKey k, bool ctrl = false) {
        ImGui::SetCurrentContext(ctx_);
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[k] = true;
        frames(1);
        io.KeyCtrl = false;
        frames(1);
    }
    void type(const char* text) {
        ImGui::GetIO().AddInputCharactersUTF8(text);
        frames(1);
    }
    // In the field being edited: select all, type, Enter.
    void replaceText(const char* text) {
        key(ImGuiKey_A, true);
        type(text);
        key(ImGuiKey_Enter);
    }
    const Project& project() { return app->document().project(); }

    std::filesystem::path dir_;
    NativeHost host;
    std::unique_ptr<App> app;
    ImGuiContext* ctx_;
};

} // namespace plotline::ui_test
