#include "help_window.hpp"
#include "core/i18n.hpp"

#include "project_windows.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <string>

namespace plotline {

namespace {

struct Entry { const char* keys; const char* what; };

// Kept in step with App::shortcuts, GanttView's keys and the README.
const Entry kShortcuts[] = {
    {N_("Ctrl+F"), N_("Find a task by its name, notes or people (Enter: next, Shift+Enter: previous)")},
    {N_("Ctrl+P"), N_("Print the plan as shown, fitted to the paper")},
    {N_("Ctrl+Z / Ctrl+Y"), N_("Undo / redo")},
    {N_("Ctrl+S"), N_("Save now (Plotline also saves within a second of each change)")},
    {N_("Ctrl+O"), N_("Projects: open, duplicate, rename, trash")},
    {N_("Ctrl+1 … Ctrl+4"), N_("The plan / the budget / the portfolio of every project / a content pipeline's board")},
    {N_("Enter or F2"), N_("Edit the selected task's name (Tab: the next cell; Escape: cancel)")},
    {N_("Double-click"), N_("A cell: edit it; a bar: the task editor")},
    {N_("Insert / Delete"), N_("Add a task below the selection / delete the selected tasks")},
    {N_("Tab / Shift+Tab"), N_("Indent / outdent the selected tasks")},
    {N_("Alt+Up / Alt+Down"), N_("Move the selected tasks up / down")},
    {N_("Alt+Left / Alt+Right"), N_("Move the selected task a working day earlier / later")},
    {N_("Alt+Shift+Left / Alt+Shift+Right"), N_("Make the selected task a day shorter / longer")},
    {N_("Up / Down"), N_("Select the task above / below")},
    {N_("Ctrl+click, Shift+click"), N_("Select several tasks")},
    {N_("Ctrl+C / Ctrl+V"), N_("Copy rows to / paste rows from a spreadsheet")},
    {N_("Ctrl+wheel"), N_("Zoom the timeline (down to the hours of a day)")},
    {N_("Shift+wheel, drag"), N_("Scroll the timeline sideways")},
    {N_("Right-click"), N_("A task or bar: the task menu; the column titles: choose columns")},
    {N_("Escape"), N_("Close a drop-down, a menu or a dialog")},
    {N_("F1 or ?"), N_("This help")},
};

const Entry kHowDoI[] = {
    {N_("Link two tasks"), N_("Drag the dot at the end of one bar onto another bar (the ends you join pick FS, SS, FF or SF), "
                       "or type in the Predecessors column: 3FS+2d;5SS. Click a link to change or delete it.")},
    {N_("Make a milestone"), N_("Give the task 0 days, or tick Milestone in the task editor (double-click the bar).")},
    {N_("Move a task"), N_("Drag its bar: it then starts no earlier than the day you dropped it on.")},
    {N_("Assign people"), N_("Double-click the bar and tick people in the task editor; 50% is half their day. "
                      "Project > Resources… adds people and their days off.")},
    {N_("See who is overbooked"), N_("Tick Resource load in the toolbar: orange is more than a full day.")},
    {N_("Compare with the plan signed off"), N_("Project > Baselines… saves one; pick it in the toolbar's Baseline list.")},
    {N_("Report progress"), N_("Set the status date (toolbar), enter % complete, then Project > Status report…")},
    {N_("Track money"), N_("Switch to Budget (Ctrl+2): budget lines, actuals, change requests, risks.")},
    {N_("Share a plan"), N_("Project > Export JSON or CSV; print it with Ctrl+P.")},
    {N_("Bring in an MS Project plan"), N_("In MS Project, File > Save As > XML; then Project > Import… (or drop the .xml on the page). Plotline lists, per task, what it approximated.")},
    {N_("Bring in a GanttProject plan"), N_("Project > Import… the .gan file (or drop it on the page): tasks, links, people and holidays come along.")},
    {N_("Hand a plan back to MS Project"), N_("Project > Export MS Project XML; in MS Project, File > Open and pick the .xml.")},
    {N_("See every project at once"), N_("Switch to Portfolio (Ctrl+3): status, timeline and milestones of each project, This week, and People booked across projects.")},
    {N_("Find who is double-booked across projects"), N_("Give people the same email in each project's Resources, then tick All projects in the Resource load pane.")},
    {N_("Run a content pipeline"), N_("Project > New… with the Content pipeline template, then Board: Add articles…; drag a card to the next stage when one is done.")},
    {N_("Start from a template"), N_("Project > New… and pick a template; Project > Save as template… keeps the open project's shape for the next one.")},
    {N_("Make text bigger or the screen darker"), N_("View > Preferences…: the look (as the system says, light, dark, high contrast) and the size of text and controls, 100–200 %.")},
    {N_("Use a screen reader"), N_("The page describes the plan beside the chart: the task table as a tree grid, the main commands as buttons; each edit is said.")},
    {N_("Get a deleted project back"), N_("Project > Projects…, then Trash: restore it within 30 days.")},
};

void table(const char* id, const Entry* entries, size_t n, const char* tag, float keysWidth) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, keysWidth);
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
    for (size_t i = 0; i < n; ++i) {
        ImGui::TableNextRow();
        ImGui::PushTextWrapPos(0); // both columns wrap: a long question or key list is never cut
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(entries[i].keys));
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr(entries[i].what));
        ImGui::PopTextWrapPos();
        tagText(std::string(tag) + std::to_string(i), std::string(tr(entries[i].keys)) + ": " + tr(entries[i].what));
    }
    ImGui::EndTable();
}

} // namespace

std::vector<std::string> HelpWindow::shortcutLines() {
    std::vector<std::string> out;
    for (const Entry& e : kShortcuts) out.push_back(std::string(tr(e.keys)) + ": " + tr(e.what));
    return out;
}

void HelpWindow::draw() {
    if (!open_) return;
    const bool appearing = focus_;
    if (beginToolWindow(tr("Help"), &open_, focus_, 38)) {
        const float fs = ImGui::GetFontSize();
        const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        tagRect("help.window", at, ImVec2(at.x + size.x, at.y + size.y));
        if (ImGui::BeginTabBar("##help")) {
            const ImGuiTabItemFlags shortcuts = appearing && page_ == Shortcuts ? ImGuiTabItemFlags_SetSelected : 0;
            const ImGuiTabItemFlags how = appearing && page_ == HowDoI ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(tr("Keyboard shortcuts"), nullptr, shortcuts)) {
                table("##keys", kShortcuts, sizeof kShortcuts / sizeof *kShortcuts, "help.shortcut.", fs * 10);
                ImGui::EndTabItem();
            }
            tagItem("help.tab.shortcuts");
            if (ImGui::BeginTabItem(tr("How do I…"), nullptr, how)) {
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
