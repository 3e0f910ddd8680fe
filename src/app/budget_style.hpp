// Colours and small widgets shared by the Budget view's tabs (one class over several files).
#pragma once
#include "core/report.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <algorithm>

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace plotline::budget_ui {

inline constexpr ImU32 kPv = IM_COL32(66, 110, 200, 255), kEv = IM_COL32(46, 139, 87, 255), kAc = IM_COL32(214, 96, 40, 255);
inline constexpr ImU32 kGood = IM_COL32(46, 139, 87, 255), kWarn = IM_COL32(190, 120, 0, 255), kBad = IM_COL32(192, 57, 43, 255);
inline constexpr ImU32 kCard = IM_COL32(246, 248, 251, 255), kCardEdge = IM_COL32(218, 223, 232, 255);

inline ImU32 ragColour(Rag r) { return r == Rag::Green ? kGood : r == Rag::Amber ? IM_COL32(212, 136, 6, 255) : kBad; }
// The status as text on the light background (the Share preview, the client's viewer): a darker amber.
inline ImU32 ragTextColour(Rag r) { return r == Rag::Red ? theme::kError : r == Rag::Amber ? IM_COL32(170, 95, 0, 255) : theme::kOk; }

// Colour of a performance index: green from 0.95, amber from 0.85, red below.
inline ImU32 indexColour(const std::optional<double>& v) {
    if (!v) return theme::kMuted;
    return *v >= 0.95 ? kGood : *v >= 0.85 ? kWarn : kBad;
}

// A table row's delete button: a small ×, with a tooltip.
inline bool deleteButton(const char* what) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    const bool hit = ImGui::SmallButton("×");
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) hint(("Delete this " + std::string(what)).c_str());
    return hit;
}

// Where the record with this id is in its list, or -1.
template <class T> int indexById(const std::vector<T>& list, Id id) {
    if (id.isNull()) return -1;
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id) return int(i);
    return -1;
}

// Where a record just added is shown, for focusNextCell(): its index in `order` (the list's own order
// when empty), or -1. `focus` is cleared once the record is there, or when no command is pending (its
// command was refused).
template <class T> int takeFocus(const std::vector<T>& list, const std::vector<int>& order, Id& focus, bool pending) {
    const int at = indexById(list, focus);
    if (at >= 0 || !pending) focus = Id();
    if (at < 0 || order.empty()) return at;
    return int(std::find(order.begin(), order.end(), at) - order.begin());
}

// The order a dated list is shown in: by date, then as entered.
template <class T> std::vector<int> byDate(const std::vector<T>& list) {
    std::vector<int> order(list.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return list[size_t(a)].date < list[size_t(b)].date; });
    return order;
}

inline void sectionTitle(const char* text) {
    ImGui::Spacing();
    ImGui::TextUnformatted(text);
    ImGui::Separator();
}

inline ImU32 statusColour(ChangeStatus s) {
    switch (s) {
        case ChangeStatus::Draft: return IM_COL32(107, 114, 128, 255);
        case ChangeStatus::Submitted: return IM_COL32(212, 136, 6, 255);
        case ChangeStatus::Approved: return IM_COL32(46, 139, 87, 255);
        case ChangeStatus::Rejected: return IM_COL32(192, 57, 43, 255);
    }
    return IM_COL32(107, 114, 128, 255);
}

// Heat-map colour of a risk score (probability × impact, 1–25).
inline ImU32 scoreColour(int score) {
    if (score >= 15) return IM_COL32(231, 76, 60, 255);
    if (score >= 10) return IM_COL32(243, 156, 18, 255);
    if (score >= 5) return IM_COL32(241, 196, 15, 255);
    return IM_COL32(120, 190, 120, 255);
}

} // namespace plotline::budget_ui
