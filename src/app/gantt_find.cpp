// The Gantt view's Find bar (Ctrl+F): a small box over the chart's top right that looks in task
// names, notes and people (core/find.hpp), selects each match in turn and brings it into view,
// opening collapsed summaries and clearing a filter that hides it. Enter: next, Shift+Enter:
// previous, Escape: close.
#include "gantt_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "core/find.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <cstdio>

namespace plotline {

void GanttView::openFind() {
    find_.open = true;
    find_.focus = true;
}

// Makes a row visible (its summaries open, a filter that hides it cleared), selects it and scrolls to it.
void GanttView::reveal(int row) {
    const Project& p = doc_.project();
    if (row < 0 || size_t(row) >= p.tasks.size()) return;
    if (displayOf_.size() != p.tasks.size() || displayOf_[size_t(row)] < 0) {
        for (int up = parentRow_[size_t(row)]; up >= 0; up = parentRow_[size_t(up)]) collapsed_.erase(p.tasks[size_t(up)].id);
        if (filter[0]) filter[0] = 0;
        rebuildVisible();
    }
    selectRow(row);
    scrollToTask(row);
}

void GanttView::stepFind(int direction) {
    if (find_.matches.empty()) return;
    const int n = int(find_.matches.size());
    find_.current = ((find_.current < 0 ? (direction > 0 ? -1 : 0) : find_.current) + direction + n) % n;
    reveal(find_.matches[size_t(find_.current)]);
}

void GanttView::findBar(ImVec2 bodyMin, ImVec2 bodyMax) { // (called while open: draw())
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(bodyMax.x - fs * 0.8f, bodyMin.y + fs * 0.4f), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowBgAlpha(0.97f);
    if (find_.focus) ImGui::SetNextWindowFocus();
    ImGui::Begin("##find", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoMove);
    const Project& p = doc_.project();
    if (find_.revision != doc_.revision()) { // the plan changed: the matches may have too
        find_.revision = doc_.revision();
        find_.matches = findTasks(p, find_.text);
        find_.current = -1;
    }
    if (find_.focus) {
        ImGui::SetKeyboardFocusHere();
        find_.focus = false;
    }
    ImGui::SetNextItemWidth(fs * 14);
    const bool enter = ImGui::InputTextWithHint("##text", tr("Find in names, notes, people"), find_.text, sizeof find_.text,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    tagItem("find.text");
    if (ImGui::IsItemEdited()) {
        // A new text: the first match from the selected row on.
        find_.matches = findTasks(p, find_.text);
        find_.current = -1;
        for (size_t k = 0; k < find_.matches.size(); ++k)
            if (find_.matches[k] >= std::max(0, selected_)) { find_.current = int(k) - 1; break; }
        if (find_.current < 0 && !find_.matches.empty()) find_.current = int(find_.matches.size()) - 1;
        stepFind(+1);
    }
    if (enter) {
        stepFind(ImGui::GetIO().KeyShift ? -1 : +1);
        find_.focus = true; // Enter leaves the field: keep typing or pressing Enter in it
    }
    ImGui::SameLine();
    char count[64];
    if (!find_.text[0]) count[0] = 0;
    else if (find_.matches.empty()) std::snprintf(count, sizeof count, "%s", tr("No match"));
    else std::snprintf(count, sizeof count, "%s", fmt(tr("{0} of {1}"), find_.current + 1, find_.matches.size()).c_str());
    ImGui::AlignTextToFramePadding();
    if (find_.text[0] && find_.matches.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", count);
    else ImGui::TextDisabled("%-10s", count);
    tagText("find.count", count);
    if (find_.current >= 0 && size_t(find_.current) < find_.matches.size())
        hint(fmt(tr("Found in the task's {0}"), tr(whereFound(p, find_.matches[size_t(find_.current)], find_.text))).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(find_.matches.empty());
    if (ImGui::ArrowButton("##previous", ImGuiDir_Up)) stepFind(-1);
    tagItem("find.previous");
    hint(tr("Previous match (Shift+Enter)"));
    ImGui::SameLine(0, 2);
    if (ImGui::ArrowButton("##next", ImGuiDir_Down)) stepFind(+1);
    tagItem("find.next");
    hint(tr("Next match (Enter)"));
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("×") || (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) find_.open = false;
    tagItem("find.close");
    hint(tr("Close (Escape)"));
    ImGui::End();
}

} // namespace plotline
