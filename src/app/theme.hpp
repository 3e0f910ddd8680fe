// The look: a calm light theme, sizes in multiples of the font size.
#pragma once
#include <imgui.h>

namespace plotline::theme {

void apply(float fontSize);

// Colours used by the views (ImU32, ABGR as ImGui packs them).
extern const ImU32 kBar, kBarProgress, kBarText, kSummary, kMilestone, kLink, kWeekend, kHoliday, kToday,
    kGridLine, kScaleText, kScaleBg, kSelectedRow, kMuted, kError, kOk, kCritical, kCriticalProgress,
    kBaseline, kStatusLine, kLoad, kOverload;

} // namespace plotline::theme
