// The look: light, dark and high-contrast themes, sizes in multiples of the font size.
//
//   theme::apply(15.0f * scale, theme::Look::Dark);   // ImGui's style and the colours below
//   dl->AddRectFilled(a, b, theme::kBar);
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace plotline::theme {

enum class Look { Light, Dark, HighContrast };
const char* lookName(Look look); // "Light", "Dark", "High contrast"

void apply(float fontSize, Look look = Look::Light);
Look current();

// Colours used by the views (ImU32, ABGR as ImGui packs them), set by apply() for the chosen look.
extern ImU32 kBar, kBarProgress, kBarText, kSummary, kMilestone, kLink, kWeekend, kHoliday, kToday, kGridLine, kScaleText,
    kScaleBg, kSelectedRow, kMuted, kError, kOk, kCritical, kCriticalProgress, kBaseline, kStatusLine, kLoad, kOverload,
    kWarnText, kBannerBg, kBannerText, kAccent, kOnAccent, kApprove, kCard, kCardHover, kPanel, kNoteBg, kShade, kTrack,
    kClear, kCriticalHatch;

// Diagonal stripes over a rectangle: critical bars carry them, so the critical path does not rest
// on colour alone (for the colour-blind, and in print).
void hatch(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour);

// Every pair of a text colour and the background it is drawn on, in the look applied last, with
// where it is used: each must reach 4.5:1 (WCAG 2.2 AA), which the unit tests check for every look.
struct TextPair { std::string what; ImU32 text, background; };
std::vector<TextPair> textPairs();
double contrast(ImU32 a, ImU32 b); // WCAG contrast ratio, 1 to 21

} // namespace plotline::theme
