#include "help_window.hpp"

#include "project_windows.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <string>

namespace plotline {

namespace {

struct Entry { const char* keys; const char* what; };

// Kept in step with App::shortcuts, GanttView's keys and the README.
const Entry kShortcuts[] = {
    {"Ctrl+F", "Find a task by its name, notes or people (Enter: next, Shift+Enter: previous)"},
    {"Ctrl+P", "Print the plan as shown, fitted to the paper"},
    {"Ctrl+Z / Ctrl+Y", "Undo / redo"},
    {"Ctrl+S", "Save now (Plotline also saves within a second of each change)"},
    {"Ctrl+O", "Projects: open, duplicate, rename, trash"},
    {"Ctrl+1 … Ctrl+4", "The plan / the budget / the portfolio of every project / a content pipeline's board"},
    {"Enter or F2", "Edit the selected task's name (Tab: the next cell; Escape: cancel)"},
    {"Double-click", "A cell: edit it; a bar: the task editor"},
    {"Insert / Delete", "Add a task below the selection / delete the selected tasks"},
    {"Tab / Shift+Tab", "Indent / outdent the selected tasks"},
    {"Alt+Up / Alt+Down", "Move the selected tasks up / down"},
    {"Alt+Left / Alt+Right", "Move the selected task a working day earlier / later"},
    {"Alt+Shift+Left / Alt+Shift+Right", "Make the selected task a day shorter / longer"},
    {"Up / Down", "Select the task above / below"},
    {"Ctrl+click, Shift+click", "Select several tasks"},
    {"Ctrl+C / Ctrl+V", "Copy rows to / paste rows from a spreadsheet"},
    {"Ctrl+wheel", "Zoom the timeline (down to the hours of a day)"},
    {"Shift+wheel, drag", "Scroll the timeline sideways"},
    {"Right-click", "A task or bar: the task menu; the column titles: choose columns"},
    {"Escape", "Close a drop-down, a menu or a dialog"},
    {"F1 or ?", "This help"},
};

const Entry kHowDoI[] = {
    {"Link two tasks", "Drag the dot at the end of one bar onto another bar (the ends you join pick FS, SS, FF or SF), "
                       "or type in the Predecessors column: 3FS+2d;5SS. Click a link to change or delete it."},
    {"Make a milestone", "Give the task 0 days, or tick Milestone in the task editor (double-click the bar)."},
    {"Move a task", "Drag its bar: it then starts no earlier than the day you dropped it on."},
    {"Assign people", "Double-click the bar and tick people in the task editor; 50% is half their day. "
                      "Project > Resources… adds people and their days off."},
    {"See who is overbooked", "Tick Resource load in the toolbar: orange is more than a full day."},
    {"Compare with the plan signed off", "Project > Baselines… saves one; pick it in the toolbar's Baseline list."},
    {"Report progress", "Set the status date (toolbar), enter % complete, then Project > Status report…"},
    {"Track money", "Switch to Budget (Ctrl+2): budget lines, actuals, change requests, risks."},
    {"Share a plan", "Project > Export JSON or CSV; print it with Ctrl+P."},
    {"Bring in an MS Project plan", "In MS Project, File > Save As > XML; then Project > Import… (or drop the .xml on the page). Plotline lists, per task, what it approximated."},
    {"Bring in a GanttProject plan", "Project > Import… the .gan file (or drop it on the page): tasks, links, people and holidays come along."},
    {"Hand a plan back to MS Project", "Project > Export MS Project XML; in MS Project, File > Open and pick the .xml."},
    {"See every project at once", "Switch to Portfolio (Ctrl+3): status, timeline and milestones of each project, This week, and People booked across projects."},
    {"Find who is double-booked across projects", "Give people the same email in each project's Resources, then tick All projects in the Resource load pane."},
    {"Run a content pipeline", "Project > New… with the Content pipeline template, then Board: Add articles…; drag a card to the next stage when one is done."},
    {"Start from a template", "Project > New… and pick a template; Project > Save as template… keeps the open project's shape for the next one."},
    {"Make text bigger or the screen darker", "View > Preferences…: the look (as the system says, light, dark, high contrast) and the size of text and controls, 100–200 %."},
    {"Use a screen reader", "The page describes the plan beside the chart: the task table as a tree grid, the main commands as buttons; each edit is said."},
    {"Get a deleted project back", "Project > Projects…, then Trash: restore it within 30 days."},
};

void table(const char* id, const Entry* entries, size_t n, const char* tag, float keysWidth) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, keysWidth);
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
    for (size_t i = 0; i < n; ++i) {
        ImGui::TableNextRow();
        ImGui::PushTextWrapPos(0); // both columns wrap: a long question or key list is never cut
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(entries[i].keys);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", entries[i].what);
        ImGui::PopTextWrapPos();
        tagText(std::string(tag) + std::to_string(i), std::string(entries[i].keys) + ": " + entries[i].what);
    }
    ImGui::EndTable();
}

} // namespace

std::vector<std::string> HelpWindow::shortcutLines() {
    std::vector<std::string> out;
    for (const Entry& e : kShortcuts) out.push_back(std::string(e.keys) + ": " + e.what);
    return out;
}

void HelpWindow::draw() {
    if (!open_) return;
    const bool appearing = focus_;
    if (beginToolWindow("Help", &open_, focus_, 38)) {
        const float fs = ImGui::GetFontSize();
        const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        tagRect("help.window", at, ImVec2(at.x + size.x, at.y + size.y));
        if (ImGui::BeginTabBar("##help")) {
            const ImGuiTabItemFlags shortcuts = appearing && page_ == Shortcuts ? ImGuiTabItemFlags_SetSelected : 0;
            const ImGuiTabItemFlags how = appearing && page_ == HowDoI ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem("Keyboard shortcuts", nullptr, shortcuts)) {
                table("##keys", kShortcuts, sizeof kShortcuts / sizeof *kShortcuts, "help.shortcut.", fs * 10);
                ImGui::EndTabItem();
            }
            tagItem("help.tab.shortcuts");
            if (ImGui::BeginTabItem("How do I…", nullptr, how)) {
                table("##how", kHowDoI, sizeof kHowDoI / sizeof *kHowDoI, "help.how.", fs * 12);
                ImGui::EndTabItem();
            }
            tagItem("help.tab.how");
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    focus_ = false;
}

} // namespace plotline
