// The Gantt view's task editor: a modal over one task (dates, constraints, deadline, actuals, notes,
// people with units), validated as a whole and applied as one undo step.
#include "gantt_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "cells.hpp"
#include "core/duration.hpp"
#include "core/fields.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <cstdio>
#include <imgui_stdlib.h>

namespace plotline {

void GanttView::openEditor(int row) {
    const Project& p = doc_.project();
    if (row < 0 || size_t(row) >= p.tasks.size()) return;
    const Task& t = p.tasks[size_t(row)];
    Editor& e = editor_;
    e = Editor{};
    e.open = true;
    e.task = t.id;
    auto put = [](char* buf, size_t n, const std::string& s) { std::snprintf(buf, n, "%s", s.c_str()); };
    auto date = [](const std::optional<Date>& d) { return d ? formatDate(*d) : std::string(); };
    e.name = t.name;
    put(e.duration, sizeof e.duration, formatDuration(t.milestone ? 0 : t.duration, p.calendar.minutesPerDay));
    e.constraint = int(t.constraint);
    put(e.constraintDate, sizeof e.constraintDate, date(t.constraintDate));
    put(e.deadline, sizeof e.deadline, date(t.deadline));
    put(e.actualStart, sizeof e.actualStart, date(t.actualStart));
    put(e.actualFinish, sizeof e.actualFinish, date(t.actualFinish));
    e.notes = t.notes;
    e.internal = t.internal;
    e.percent = t.percentComplete;
    e.units.assign(p.resources.size(), 0);
    e.assignment.assign(p.resources.size(), Id());
    for (const Assignment& a : p.assignments) {
        const int r = a.task == t.id ? p.resourceIndex(a.resource) : -1;
        if (r < 0) continue;
        e.units[size_t(r)] = a.units;
        e.assignment[size_t(r)] = a.id;
    }
    selectRow(row);
}

void GanttView::editorWindow() {
    Editor& e = editor_;
    if (e.open && !ImGui::IsPopupOpen(tr("Task"))) ImGui::OpenPopup(tr("Task"));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0));
    if (!ImGui::BeginPopupModal(tr("Task"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        e.open = false;
        return;
    }
    const Project& p = doc_.project();
    const int row = p.taskIndex(e.task);
    if (row < 0) {
        e.open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const bool summary = doc_.schedule().tasks[size_t(row)].summary;
    const float labelW = ImGui::GetFontSize() * 9;
    ImGui::BeginDisabled(!canEdit()); // a read-only plan shows its fields, greyed, and only a Close button
    auto field = [&](const char* label, const char* id, char* buf, size_t n, const char* hint) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint(id, hint, buf, n);
        tagItem(std::string("editor.") + (id + 2));
    };
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Name"));
    ImGui::SameLine(labelW);
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputText("##name", &e.name, ImGuiInputTextFlags_CallbackEdit, keepWithin, const_cast<size_t*>(&kMaxLineText));
    tagItem("editor.name");
    if (!summary) {
        field(tr("Duration"), "##duration", e.duration, sizeof e.duration, tr("5d, 4h, 0d for a milestone"));
        // A milestone is a moment, not a stretch of work: ticking it makes the duration 0 days, and
        // unticking gives it a day back (the duration field says the same thing, either way).
        const auto minutes = parseDuration(e.duration, p.calendar.minutesPerDay);
        bool milestone = minutes && *minutes == 0;
        ImGui::SetCursorPosX(labelW);
        if (ImGui::Checkbox(tr("Milestone"), &milestone))
            std::snprintf(e.duration, sizeof e.duration, "%s", milestone ? "0d" : "1d");
        tagItem("editor.milestone");
        hint(tr("A point in time (a diamond on the chart): a sign-off, a launch, a delivery"));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("Schedule"));
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
        auto label = [](void*, int k, const char** out) { *out = constraintLabel(Constraint(k)); return true; };
        ImGui::Combo("##constraint", &e.constraint, label, nullptr, int(Constraint::MSO) + 1);
        tagItem("editor.constraint");
        if (e.constraint != 0) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputTextWithHint("##constraintDate", dateHint().c_str(), e.constraintDate, sizeof e.constraintDate);
            tagItem("editor.constraintDate");
        }
    }
    field(tr("Deadline"), "##deadline", e.deadline, sizeof e.deadline, fmt(tr("{0} (optional)"), dateHint()).c_str());
    if (!summary) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("% complete"));
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::SliderInt("##percent", &e.percent, 0, 100, "%d%%");
        tagItem("editor.percent");
        field(tr("Actual start"), "##actualStart", e.actualStart, sizeof e.actualStart, fmt(tr("{0} (when it really started)"), dateHint()).c_str());
        field(tr("Actual finish"), "##actualFinish", e.actualFinish, sizeof e.actualFinish, fmt(tr("{0} (when it really finished)"), dateHint()).c_str());
    }
    if (!summary && !p.resources.empty() && e.units.size() == p.resources.size()) {
        // Who works on it, and how much of their time (100% = full days).
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("Resources"));
        ImGui::SameLine(labelW);
        const float rowH = ImGui::GetFrameHeightWithSpacing();
        ImGui::BeginChild("##resources", ImVec2(-FLT_MIN, std::min<float>(6.5f, float(p.resources.size())) * rowH), true);
        for (size_t r = 0; r < p.resources.size(); ++r) {
            ImGui::PushID(int(r));
            bool on = e.units[r] > 0;
            if (ImGui::Checkbox(p.resources[r].name.c_str(), &on)) e.units[r] = on ? 100 : 0;
            tagItem("editor.resource." + std::to_string(r));
            if (on) {
                ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.5f);
                ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
                ImGui::DragInt("##units", &e.units[r], 1.0f, 1, 400, "%d%%", ImGuiSliderFlags_AlwaysClamp);
                tagItem("editor.units." + std::to_string(r));
            }
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Notes"));
    ImGui::SameLine(labelW);
    ImGui::InputTextMultiline("##notes", &e.notes, ImVec2(-FLT_MIN, ImGui::GetFontSize() * 4), ImGuiInputTextFlags_CallbackEdit, keepWithin,
                              const_cast<size_t*>(&kMaxLongText));
    tagItem("editor.notes");
    ImGui::SetCursorPosX(labelW);
    ImGui::Checkbox(tr("Internal: keep out of client views"), &e.internal);
    tagItem("editor.internal");
    hint(tr("The team's own work (an internal review, a buffer): a view shared with the client leaves it out unless you choose otherwise"));
    const std::string warning = scheduleWarning(p, doc_.schedule(), size_t(row));
    if (!warning.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", warning.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!e.error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", e.error.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndDisabled();
    ImGui::Separator();
    bool ok = false;
    if (canEdit()) {
        ok = ImGui::Button(tr("OK"), ImVec2(ImGui::GetFontSize() * 5, 0)) ||
             (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !ImGui::IsAnyItemActive());
        tagItem("editor.ok");
        ImGui::SameLine();
    }
    const bool cancel = ImGui::Button(canEdit() ? tr("Cancel") : tr("Close"), ImVec2(std::max(ImGui::GetFontSize() * 5, ImGui::CalcTextSize(canEdit() ? tr("Cancel") : tr("Close")).x + ImGui::GetFontSize()), 0)) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    tagItem("editor.cancel");
    if (ok) {
        // Validate everything first: a bad field keeps the dialog open and changes nothing.
        Task t = p.tasks[size_t(row)];
        const int mpd = p.calendar.minutesPerDay;
        auto optDate = [&](const char* text, const char* what, std::optional<Date>& out) {
            std::string s = text;
            if (s.find_first_not_of(' ') == std::string::npos) { out.reset(); return true; }
            auto d = readDate(s);
            if (!d) { e.error = fmt(tr("{0} \"{1}\" is not a date — use {2}"), what, s, dateHint()); return false; }
            out = d;
            return true;
        };
        e.error.clear();
        t.name = e.name;
        bool valid = true;
        if (!summary) {
            auto m = parseDuration(e.duration, mpd);
            if (!m) { e.error = fmt(tr("\"{0}\" is not a duration — e.g. 5d, 4h or 1d 4h"), e.duration); valid = false; }
            else { t.duration = *m; t.milestone = *m == 0; }
            t.constraint = Constraint(e.constraint);
            if (valid && t.constraint != Constraint::ASAP) {
                valid = optDate(e.constraintDate, constraintLabel(t.constraint), t.constraintDate);
                if (valid && !t.constraintDate) { e.error = fmt(tr("{0} needs a date"), constraintLabel(t.constraint)); valid = false; }
            } else if (t.constraint == Constraint::ASAP) t.constraintDate.reset();
            t.percentComplete = e.percent;
            valid = valid && optDate(e.actualStart, tr("Actual start"), t.actualStart) && optDate(e.actualFinish, tr("Actual finish"), t.actualFinish);
            if (valid && t.actualFinish && !t.actualStart) { e.error = tr("An actual finish needs an actual start"); valid = false; }
            if (valid && t.actualFinish && t.actualStart && *t.actualFinish < *t.actualStart) { e.error = tr("The actual finish is before the actual start"); valid = false; }
        }
        valid = valid && optDate(e.deadline, tr("Deadline"), t.deadline);
        t.notes = e.notes;
        t.internal = e.internal;
        if (valid) {
            std::vector<CommandPtr> steps;
            if (!(t == p.tasks[size_t(row)])) steps.push_back(editTask(t));
            if (!summary && e.units.size() == p.resources.size()) {
                std::vector<Assignment> team;
                for (size_t r = 0; r < p.resources.size(); ++r)
                    if (e.units[r] > 0) team.push_back({e.assignment[r], t.id, p.resources[r].id, e.units[r], 0});
                steps.push_back(setTaskResources(p, t.id, team));
            }
            if (CommandPtr c = group(fmt(tr("Edit \"{0}\""), t.name), std::move(steps))) doc_.execute(std::move(c));
            e.open = false;
            ImGui::CloseCurrentPopup();
        }
    } else if (cancel) {
        e.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace plotline
