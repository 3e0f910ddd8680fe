#include "theme.hpp"

namespace plotline::theme {

namespace {
constexpr ImU32 rgb(unsigned hex, unsigned a = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, a);
}
ImVec4 col(unsigned hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, a);
}
} // namespace

const ImU32 kBar = rgb(0x5B8DEF), kBarProgress = rgb(0x2A5FC9), kBarText = rgb(0x4A5568), kSummary = rgb(0x2F3B4C),
            kMilestone = rgb(0xD9822B), kLink = rgb(0x8A94A6), kWeekend = rgb(0xEEF1F5), kHoliday = rgb(0xFBEFE3),
            kToday = rgb(0xE5484D), kGridLine = rgb(0xE3E7ED), kScaleText = rgb(0x4A5568), kScaleBg = rgb(0xF4F6F9),
            kSelectedRow = rgb(0xDCE7FB), kMuted = rgb(0x8792A2), kError = rgb(0xC53030), kOk = rgb(0x2F855A),
            kCritical = rgb(0xE5676B), kCriticalProgress = rgb(0xB83237), kBaseline = rgb(0xA3AFC0),
            kStatusLine = rgb(0x7C3AED), kLoad = rgb(0x7FA6E8), kOverload = rgb(0xE0663A);

void apply(float fontSize) {
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
    s.WindowBorderSize = 0;
    s.FrameBorderSize = 1;
    s.PopupBorderSize = 1;

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = col(0x1E2530);
    c[ImGuiCol_TextDisabled] = col(0x8792A2);
    c[ImGuiCol_WindowBg] = col(0xFAFBFC);
    c[ImGuiCol_ChildBg] = col(0xFFFFFF, 0);
    c[ImGuiCol_PopupBg] = col(0xFFFFFF);
    c[ImGuiCol_Border] = col(0xD9DEE5);
    c[ImGuiCol_BorderShadow] = col(0x000000, 0);
    c[ImGuiCol_FrameBg] = col(0xFFFFFF);
    c[ImGuiCol_FrameBgHovered] = col(0xF3F6FA);
    c[ImGuiCol_FrameBgActive] = col(0xFFFFFF);
    c[ImGuiCol_TitleBg] = col(0xF4F6F9);
    c[ImGuiCol_TitleBgActive] = col(0xEEF1F5);
    c[ImGuiCol_TitleBgCollapsed] = col(0xF4F6F9);
    c[ImGuiCol_MenuBarBg] = col(0xFFFFFF);
    c[ImGuiCol_ScrollbarBg] = col(0xF4F6F9, 0.6f);
    c[ImGuiCol_ScrollbarGrab] = col(0xC5CCD6);
    c[ImGuiCol_ScrollbarGrabHovered] = col(0xAEB7C4);
    c[ImGuiCol_ScrollbarGrabActive] = col(0x97A2B2);
    c[ImGuiCol_CheckMark] = col(0x2F6FEB);
    c[ImGuiCol_SliderGrab] = col(0x2F6FEB);
    c[ImGuiCol_SliderGrabActive] = col(0x1F5FD1);
    c[ImGuiCol_Button] = col(0xEEF1F5);
    c[ImGuiCol_ButtonHovered] = col(0xE1E7EF);
    c[ImGuiCol_ButtonActive] = col(0xD3DBE6);
    c[ImGuiCol_Header] = col(0xDCE7FB);
    c[ImGuiCol_HeaderHovered] = col(0xE9F0FC);
    c[ImGuiCol_HeaderActive] = col(0xD0DEF8);
    c[ImGuiCol_Separator] = col(0xE3E7ED);
    c[ImGuiCol_SeparatorHovered] = col(0x9DB8F2);
    c[ImGuiCol_SeparatorActive] = col(0x2F6FEB);
    c[ImGuiCol_ResizeGrip] = col(0x000000, 0);
    c[ImGuiCol_ResizeGripHovered] = col(0x9DB8F2);
    c[ImGuiCol_ResizeGripActive] = col(0x2F6FEB);
    c[ImGuiCol_Tab] = col(0xEEF1F5);
    c[ImGuiCol_TabHovered] = col(0xFFFFFF);
    c[ImGuiCol_TabActive] = col(0xFFFFFF);
    c[ImGuiCol_TableHeaderBg] = col(0xF4F6F9);
    c[ImGuiCol_TableBorderStrong] = col(0xD9DEE5);
    c[ImGuiCol_TableBorderLight] = col(0xE8EBF0);
    c[ImGuiCol_TableRowBg] = col(0xFFFFFF, 0);
    c[ImGuiCol_TableRowBgAlt] = col(0xF7F9FB);
    c[ImGuiCol_TextSelectedBg] = col(0x2F6FEB, 0.25f);
    c[ImGuiCol_NavHighlight] = col(0x2F6FEB);
    c[ImGuiCol_ModalWindowDimBg] = col(0x1E2530, 0.35f);
}

} // namespace plotline::theme
