#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace plotline::theme {

namespace {
constexpr ImU32 rgb(unsigned hex, unsigned a = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, a);
}
ImVec4 col(unsigned hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, a);
}

// One look's colours, as 0xRRGGBB.
struct Table {
    // The views' own.
    unsigned bar, barProgress, barText, summary, milestone, link, weekend, holiday, today, gridLine, scaleText, scaleBg,
        selectedRow, muted, error, ok, critical, criticalProgress, baseline, statusLine, load, overload, warnText, bannerBg,
        bannerText, accent, onAccent, approve, card, cardHover, panel, noteBg, track, shade;
    unsigned shadeAlpha;
    // ImGui's.
    unsigned text, textDisabled, windowBg, popupBg, border, frameBg, frameBgHovered, titleBg, titleBgActive, menuBarBg,
        scrollbarBg, grab, grabHovered, grabActive, check, button, buttonHovered, buttonActive, header, headerHovered,
        headerActive, separator, tableHeaderBg, tableBorderStrong, tableBorderLight, rowAlt;
    float borderSize;
};

constexpr Table kLight = {
    0x5B8DEF, 0x2A5FC9, 0x4A5568, 0x2F3B4C, 0xD9822B, 0x8A94A6, 0xEEF1F5, 0xFBEFE3, 0xE5484D, 0xE3E7ED, 0x4A5568, 0xF4F6F9,
    0xDCE7FB, 0x5F6B7A, 0xC53030, 0x2F7A52, 0xE5676B, 0xB83237, 0xA3AFC0, 0x7C3AED, 0x7FA6E8, 0xE0663A, 0x8A4B00, 0xFDECC8,
    0x783C00, 0x3A66BE, 0xFFFFFF, 0x2E7D57, 0xFFFFFF, 0xECF2FF, 0xF6F8FB, 0xFFF4F4, 0xE6E9F0, 0x000000,
    10,
    0x1E2530, 0x5F6B7A, 0xFAFBFC, 0xFFFFFF, 0xD9DEE5, 0xFFFFFF, 0xF3F6FA, 0xF4F6F9, 0xEEF1F5, 0xFFFFFF,
    0xF4F6F9, 0xC5CCD6, 0xAEB7C4, 0x97A2B2, 0x2F6FEB, 0xEEF1F5, 0xE1E7EF, 0xD3DBE6, 0xDCE7FB, 0xE9F0FC,
    0xD0DEF8, 0xE3E7ED, 0xF4F6F9, 0xD9DEE5, 0xE8EBF0, 0xF7F9FB,
    1.0f};

constexpr Table kDark = {
    0x4F7FD9, 0x9DBBF5, 0xC3CCD8, 0xC9D3E0, 0xF0A050, 0x7D8798, 0x222830, 0x3A2E22, 0xFF6369, 0x2C333C, 0xC3CCD8, 0x242A32,
    0x2F4A78, 0x9AA5B4, 0xFF8A8A, 0x6FD39B, 0xE5676B, 0xFFB0B0, 0x5C6675, 0xA78BFA, 0x5B8DEF, 0xE0663A, 0xF5B85A, 0x4A3410,
    0xFFD99A, 0x3A66BE, 0xFFFFFF, 0x2E7D57, 0x262C35, 0x2E3745, 0x242A32, 0x3A2226, 0x323A45, 0xFFFFFF,
    12,
    0xE6EAF0, 0x9AA5B4, 0x1B1F25, 0x242A32, 0x3A424D, 0x2A3039, 0x323944, 0x20252C, 0x262C34, 0x20252C,
    0x20252C, 0x4A5360, 0x5A6472, 0x6A7584, 0x7FA6F0, 0x323A45, 0x3C4552, 0x46505E, 0x2F4A78, 0x34507F,
    0x3A5A8C, 0x2C333C, 0x242A32, 0x3A424D, 0x2C333C, 0x20252C,
    1.0f};

constexpr Table kHighContrast = {
    0x1F57C9, 0x0B2F80, 0x000000, 0x000000, 0xB35C00, 0x000000, 0xEDEDED, 0xFFE0C0, 0xD00000, 0x9A9A9A, 0x000000, 0xEDEDED,
    0xBFD4FF, 0x3A3A3A, 0xA00000, 0x005A2B, 0xC00000, 0x700000, 0x707070, 0x6000C0, 0x1F57C9, 0xC04000, 0x6A3500, 0xFFE8B0,
    0x000000, 0x0037A6, 0xFFFFFF, 0x005A2B, 0xFFFFFF, 0xE0EAFF, 0xF2F2F2, 0xFFE5E5, 0xDADADA, 0x000000,
    24,
    0x000000, 0x3A3A3A, 0xFFFFFF, 0xFFFFFF, 0x000000, 0xFFFFFF, 0xEEF3FF, 0xEDEDED, 0xDADADA, 0xFFFFFF,
    0xEDEDED, 0x767676, 0x505050, 0x000000, 0x0037A6, 0xE6E6E6, 0xD0D0D0, 0xBDBDBD, 0xBFD4FF, 0xD6E3FF,
    0xA8C4FF, 0x767676, 0xEDEDED, 0x000000, 0x767676, 0xF2F2F2,
    2.0f};

Look current_ = Look::Light;
} // namespace

ImU32 kBar, kBarProgress, kBarText, kSummary, kMilestone, kLink, kWeekend, kHoliday, kToday, kGridLine, kScaleText, kScaleBg,
    kSelectedRow, kMuted, kError, kOk, kCritical, kCriticalProgress, kBaseline, kStatusLine, kLoad, kOverload, kWarnText,
    kBannerBg, kBannerText, kAccent, kOnAccent, kApprove, kCard, kCardHover, kPanel, kNoteBg, kShade, kTrack, kClear, kCriticalHatch;

const char* lookName(Look look) {
    switch (look) {
        case Look::Dark: return "Dark";
        case Look::HighContrast: return "High contrast";
        default: return "Light";
    }
}

Look current() { return current_; }

void hatch(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour) {
    const float h = max.y - min.y, step = std::max(4.0f, h * 0.6f);
    if (h <= 0 || max.x <= min.x) return;
    dl->PushClipRect(min, max, true);
    for (float x = min.x - h; x < max.x; x += step) dl->AddLine(ImVec2(x, max.y), ImVec2(x + h, min.y), colour, 1.5f);
    dl->PopClipRect();
}

double contrast(ImU32 a, ImU32 b) {
    auto luminance = [](ImU32 c) {
        auto channel = [](unsigned v) {
            const double x = v / 255.0;
            return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
               0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<TextPair> textPairs() {
    const ImVec4* c = ImGui::GetStyle().Colors;
    auto u = [&](ImGuiCol i) { return ImGui::ColorConvertFloat4ToU32(c[i]) | IM_COL32_A_MASK; };
    const ImU32 text = u(ImGuiCol_Text), disabled = u(ImGuiCol_TextDisabled);
    return {
        {"text on the window", text, u(ImGuiCol_WindowBg)},
        {"text in popups and menus", text, u(ImGuiCol_PopupBg)},
        {"text in fields", text, u(ImGuiCol_FrameBg)},
        {"text on buttons", text, u(ImGuiCol_Button)},
        {"text on hovered buttons", text, u(ImGuiCol_ButtonHovered)},
        {"text on selected rows and items", text, u(ImGuiCol_Header)},
        {"table headers", text, u(ImGuiCol_TableHeaderBg)},
        {"the menu bar", text, u(ImGuiCol_MenuBarBg)},
        {"text on striped rows", text, u(ImGuiCol_TableRowBgAlt)},
        {"the chart's selected row", text, kSelectedRow},
        {"cards on the board and the dashboard", text, kCard},
        {"hovered cards", text, kCardHover},
        {"panels", text, kPanel},
        {"the critical-path note", text, kNoteBg},
        {"secondary text on the window", disabled, u(ImGuiCol_WindowBg)},
        {"secondary text in popups", disabled, u(ImGuiCol_PopupBg)},
        {"secondary text in fields", disabled, u(ImGuiCol_FrameBg)},
        {"secondary text on striped rows", disabled, u(ImGuiCol_TableRowBgAlt)},
        {"bar labels on the chart", kBarText, u(ImGuiCol_WindowBg)},
        {"bar labels over weekends", kBarText, kWeekend},
        {"bar labels on the selected row", kBarText, kSelectedRow},
        {"the time scale", kScaleText, kScaleBg},
        {"muted text", kMuted, u(ImGuiCol_WindowBg)},
        {"muted text on cards", kMuted, kCard},
        {"errors", kError, u(ImGuiCol_WindowBg)},
        {"errors in dialogs", kError, u(ImGuiCol_PopupBg)},
        {"good news", kOk, u(ImGuiCol_WindowBg)},
        {"good news in dialogs", kOk, u(ImGuiCol_PopupBg)},
        {"warnings", kWarnText, u(ImGuiCol_WindowBg)},
        {"the read-only banner", kBannerText, kBannerBg},
        {"text on accent buttons", kOnAccent, kAccent},
        {"text on Approve buttons", kOnAccent, kApprove},
    };
}

void apply(float fontSize, Look look) {
    current_ = look;
    const Table& t = look == Look::Dark ? kDark : look == Look::HighContrast ? kHighContrast : kLight;
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    const float u = fontSize / 15.0f; // sizes below are tuned at 15 px and scale with the font
    s.WindowPadding = ImVec2(12 * u, 10 * u);
    s.FramePadding = ImVec2(8 * u, 4 * u);
    s.CellPadding = ImVec2(6 * u, 3 * u);
    s.ItemSpacing = ImVec2(8 * u, 6 * u);
    s.ItemInnerSpacing = ImVec2(6 * u, 4 * u);
    s.ScrollbarSize = 12 * u;
    s.GrabMinSize = 10 * u;
    s.WindowRounding = 0;
    s.ChildRounding = 4 * u;
    s.FrameRounding = 4 * u;
    s.PopupRounding = 6 * u;
    s.ScrollbarRounding = 6 * u;
    s.GrabRounding = 4 * u;
    s.TabRounding = 4 * u;

    s.FrameBorderSize = t.borderSize;
    s.PopupBorderSize = t.borderSize;
    s.WindowBorderSize = look == Look::HighContrast ? 1.0f : 0.0f;

    kBar = rgb(t.bar), kBarProgress = rgb(t.barProgress), kBarText = rgb(t.barText), kSummary = rgb(t.summary);
    kMilestone = rgb(t.milestone), kLink = rgb(t.link), kWeekend = rgb(t.weekend), kHoliday = rgb(t.holiday);
    kToday = rgb(t.today), kGridLine = rgb(t.gridLine), kScaleText = rgb(t.scaleText), kScaleBg = rgb(t.scaleBg);
    kSelectedRow = rgb(t.selectedRow), kMuted = rgb(t.muted), kError = rgb(t.error), kOk = rgb(t.ok);
    kCritical = rgb(t.critical), kCriticalProgress = rgb(t.criticalProgress), kBaseline = rgb(t.baseline);
    kStatusLine = rgb(t.statusLine), kLoad = rgb(t.load), kOverload = rgb(t.overload), kWarnText = rgb(t.warnText);
    kBannerBg = rgb(t.bannerBg), kBannerText = rgb(t.bannerText), kAccent = rgb(t.accent), kOnAccent = rgb(t.onAccent);
    kApprove = rgb(t.approve), kCard = rgb(t.card), kCardHover = rgb(t.cardHover), kPanel = rgb(t.panel);
    kNoteBg = rgb(t.noteBg), kShade = rgb(t.shade, t.shadeAlpha), kTrack = rgb(t.track), kClear = rgb(t.windowBg);
    kCriticalHatch = rgb(t.criticalProgress, 150);

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = col(t.text);
    c[ImGuiCol_TextDisabled] = col(t.textDisabled);
    c[ImGuiCol_WindowBg] = col(t.windowBg);
    c[ImGuiCol_ChildBg] = col(t.popupBg, 0);
    c[ImGuiCol_PopupBg] = col(t.popupBg);
    c[ImGuiCol_Border] = col(t.border);
    c[ImGuiCol_BorderShadow] = col(0x000000, 0);
    c[ImGuiCol_FrameBg] = col(t.frameBg);
    c[ImGuiCol_FrameBgHovered] = col(t.frameBgHovered);
    c[ImGuiCol_FrameBgActive] = col(t.frameBg);
    c[ImGuiCol_TitleBg] = col(t.titleBg);
    c[ImGuiCol_TitleBgActive] = col(t.titleBgActive);
    c[ImGuiCol_TitleBgCollapsed] = col(t.titleBg);
    c[ImGuiCol_MenuBarBg] = col(t.menuBarBg);
    c[ImGuiCol_ScrollbarBg] = col(t.scrollbarBg, 0.6f);
    c[ImGuiCol_ScrollbarGrab] = col(t.grab);
    c[ImGuiCol_ScrollbarGrabHovered] = col(t.grabHovered);
    c[ImGuiCol_ScrollbarGrabActive] = col(t.grabActive);
    c[ImGuiCol_CheckMark] = col(t.check);
    c[ImGuiCol_SliderGrab] = col(t.check);
    c[ImGuiCol_SliderGrabActive] = col(t.check);
    c[ImGuiCol_Button] = col(t.button);
    c[ImGuiCol_ButtonHovered] = col(t.buttonHovered);
    c[ImGuiCol_ButtonActive] = col(t.buttonActive);
    c[ImGuiCol_Header] = col(t.header);
    c[ImGuiCol_HeaderHovered] = col(t.headerHovered);
    c[ImGuiCol_HeaderActive] = col(t.headerActive);
    c[ImGuiCol_Separator] = col(t.separator);
    c[ImGuiCol_SeparatorHovered] = col(t.check, 0.6f);
    c[ImGuiCol_SeparatorActive] = col(t.check);
    c[ImGuiCol_ResizeGrip] = col(0x000000, 0);
    c[ImGuiCol_ResizeGripHovered] = col(t.check, 0.6f);
    c[ImGuiCol_ResizeGripActive] = col(t.check);
    c[ImGuiCol_Tab] = col(t.button);
    c[ImGuiCol_TabHovered] = col(t.frameBg);
    c[ImGuiCol_TabActive] = col(t.frameBg);
    c[ImGuiCol_TableHeaderBg] = col(t.tableHeaderBg);
    c[ImGuiCol_TableBorderStrong] = col(t.tableBorderStrong);
    c[ImGuiCol_TableBorderLight] = col(t.tableBorderLight);
    c[ImGuiCol_TableRowBg] = col(t.frameBg, 0);
    c[ImGuiCol_TableRowBgAlt] = col(t.rowAlt);
    c[ImGuiCol_TextSelectedBg] = col(t.check, 0.3f);
    c[ImGuiCol_NavHighlight] = col(t.check);
    c[ImGuiCol_ModalWindowDimBg] = col(0x000000, 0.35f);
}

} // namespace plotline::theme
