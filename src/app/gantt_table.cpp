// The Gantt view's task table: cells, the header, rows (ImGuiListClipper), in-place editing, the cost and
// risk columns' derived data. One class, GanttView, split by panel (gantt_view.cpp has the frame).
#include "gantt_view.hpp"
#include "core/i18n.hpp"
#include "core/locale.hpp"

#include "cells.hpp"
#include "core/csv_io.hpp"

#include "core/budget.hpp"
#include "core/duration.hpp"
#include "core/fields.hpp"
#include "core/id_index.hpp"
#include "core/money.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>
#include <cstdio>
#include <imgui_stdlib.h>

namespace plotline {

void GanttView::startEdit(int row, Column col) {
    const Project& p = doc_.project();
    if (row < 0 || size_t(row) >= p.tasks.size() || !canEdit()) return;
    const Task& t = p.tasks[size_t(row)];
    const bool summary = doc_.schedule().tasks[size_t(row)].summary;
    std::string text;
    switch (col) {
        case ColName: text = t.name; break;
        case ColStart: if (summary) return; text = rowTexts(row).start; break;
        case ColFinish: if (summary || t.milestone) return; text = rowTexts(row).finish; break;
        case ColDuration: if (summary) return; text = rowTexts(row).duration; break;
        case ColPercent: if (summary) return; text = std::to_string(t.percentComplete); break;
        case ColPredecessors: text = rowTexts(row).predecessors; break;
        default: return;
    }
    edit_.row = row;
    edit_.column = col;
    edit_.task = t.id;
    edit_.buf = text;
    edit_.focus = true;
    selected_ = row;
}

void GanttView::commitEdit() {
    const Project& p = doc_.project();
    const int col = edit_.column;
    edit_.column = -1;
    const int i = p.taskIndex(edit_.task);
    if (i < 0) return;
    Task t = p.tasks[size_t(i)];
    const std::string text = edit_.buf;
    const Calendar& cal = p.calendar;
    switch (col) {
        case ColName:
            if (text == t.name) return;
            t.name = text;
            break;
        case ColStart: {
            auto d = readDate(text);
            if (!d) { onError_(fmt(tr("\u201c{0}\u201d is not a date: use {1}, e.g. {2}"), text, dateHint(), formatDate(*Date::parse("2026-03-02")))); return; }
            if (*d == doc_.schedule().tasks[size_t(i)].startDate) return;
            // Typing a start asks for "start no earlier than" that day (a pinned task keeps its kind).
            if (t.constraint != Constraint::MSO) t.constraint = Constraint::SNET;
            t.constraintDate = *d;
            break;
        }
        case ColFinish: {
            auto d = readDate(text);
            if (!d) { onError_(fmt(tr("\u201c{0}\u201d is not a date: use {1}, e.g. {2}"), text, dateHint(), formatDate(*Date::parse("2026-03-06")))); return; }
            const Date start = doc_.schedule().tasks[size_t(i)].startDate;
            if (*d < start) { onError_(fmt(tr("The finish {0} is before the start {1}"), formatDate(*d), formatDate(start))); return; }
            const int64_t days = cal.workdayIndex(*d + 1) - cal.workdayIndex(start);
            t.duration = std::max<int64_t>(1, days) * cal.minutesPerDay;
            if (t.duration == p.tasks[size_t(i)].duration) return;
            break;
        }
        case ColDuration: {
            auto m = parseDuration(text, cal.minutesPerDay);
            if (!m) { onError_(fmt(tr("\"{0}\" is not a duration — e.g. 5d, 4h or 1d 4h"), text)); return; }
            if (*m == t.duration && t.milestone == (*m == 0)) return;
            t.duration = *m;
            t.milestone = *m == 0;
            break;
        }
        case ColPercent: {
            std::string v = text;
            if (!v.empty() && v.back() == '%') v.pop_back();
            for (const char* space : {" ", "\u00a0", "\u202f"}) // "40 %" as German and French write it
                while (v.size() >= std::strlen(space) && v.compare(v.size() - std::strlen(space), std::string::npos, space) == 0) v.resize(v.size() - std::strlen(space));
            char* end = nullptr;
            long x = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || x < 0 || x > 100) { onError_(tr("% complete is a whole number from 0 to 100")); return; }
            if (x == t.percentComplete) return;
            t.percentComplete = int(x);
            break;
        }
        case ColPredecessors: {
            // MS Project's notation, read by the CSV importer's parser: "3FS+2d;5SS", rows from 1.
            if (text == rowTexts(i).predecessors) return;
            auto refs = parsePredecessors(text, cal.minutesPerDay);
            if (!refs) { onError_(refs.error()); return; }
            std::vector<Link> wanted;
            for (const PredecessorRef& r : *refs) {
                const long n = std::strtol(r.number.c_str(), nullptr, 10);
                if (n < 1 || size_t(n) > p.tasks.size()) { onError_(fmt(tr("Predecessor {0}: there is no task {0} (rows go from 1 to {1})"), r.number, p.tasks.size())); return; }
                if (n - 1 == i) { onError_(fmt(tr("Task {0} cannot be its own predecessor"), r.number)); return; }
                wanted.push_back({Id(), p.tasks[size_t(n - 1)].id, t.id, r.type, r.lag, 0});
            }
            std::string why;
            if (CommandPtr c = setPredecessors(p, t.id, wanted); c && !doc_.executeChecked(std::move(c), why)) onError_(why);
            return;
        }
        default: return;
    }
    doc_.execute(editTask(t));
}

void GanttView::editNextCell(int row, Column from, bool back) {
    static constexpr Column order[] = {ColName, ColStart, ColFinish, ColDuration, ColPredecessors, ColPercent};
    constexpr int n = int(sizeof order / sizeof order[0]);
    int at = 0;
    while (at < n && order[at] != from) ++at;
    for (int k = back ? at - 1 : at + 1; k >= 0 && k < n; k += back ? -1 : 1) {
        if (!(ImGui::TableGetColumnFlags(order[k]) & ImGuiTableColumnFlags_IsEnabled)) continue; // hidden
        startEdit(row, order[k]);
        if (editing()) return; // else not editable here (a summary's dates): the next one
    }
}

void GanttView::drawTextCell(int row, Column col, const std::string& text, bool editable, float indent, ImU32 color) {
    ImGui::TableSetColumnIndex(col);
    if (edit_.column == col && edit_.row == row) {
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (edit_.focus) {
            ImGui::SetKeyboardFocusHere();
            edit_.focus = false;
        }
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x * 0.5f, 1));
        // CallbackCompletion keeps Tab from ImGui's own tabbing, which would end this edit on the next
        // frame; Tab is handled below instead.
        ImGui::PushID(col); // a field of its own per cell: Tab moves to another one
        const bool enter = ImGui::InputText("##edit", &edit_.buf,
                                            ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll |
                                                ImGuiInputTextFlags_CallbackCompletion | ImGuiInputTextFlags_CallbackEdit,
                                            keepWithin, col == ColName ? const_cast<size_t*>(&kMaxLineText) : nullptr);
        ImGui::PopID();
        ImGui::PopStyleVar();
        tagItem("task.edit");
        if (enter) commitEdit();
        else if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab), false)) { // (not the cell it moves to; no repeat)
            // As in a spreadsheet: Tab keeps what was typed and edits the next cell of the row, Shift+Tab
            // the one before.
            const bool back = ImGui::GetIO().KeyShift;
            commitEdit();
            editNextCell(row, col, back);
            // Consumed: a Tab still down next frame (a slow frame) must not also move ImGui's keyboard
            // focus, which would end the edit just started. A browser's key repeat presses it again.
            ImGui::GetIO().KeysDown[ImGui::GetKeyIndex(ImGuiKey_Tab)] = false;
        } else if (ImGui::IsItemDeactivated()) {
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) edit_.column = -1;
            else commitEdit();
        }
        return;
    }
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    if (indent > 0) ImGui::SetCursorScreenPos(ImVec2(min.x + indent, min.y));
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    if (color) ImGui::PopStyleColor();
    const ImVec2 max(min.x + w, min.y + ImGui::GetTextLineHeight());
    static const char* names[] = {"id", "wbs", "name", "start", "finish", "duration", "predecessors", "float", "percent", "resources", "cost", "actual", "startVar", "finishVar"};
    static_assert(sizeof names / sizeof names[0] == ColTimeline);
    const bool figures = col == ColCost || col == ColActual || col == ColStartVar || col == ColFinishVar || col == ColFloat || col == ColPredecessors;
    tagRect(std::string("task.") + names[col] + "." + std::to_string(row), min, max, figures ? text : std::string());
    if (editable && ImGui::IsMouseHoveringRect(min, max) && ImGui::IsWindowHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) startEdit(row, col);
    }
}

void GanttView::drawHeader(float headerHeight) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, headerHeight);
    for (int c = 0; c < ColTimeline; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue; // hidden
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        tagItem(std::string("column.") + columnName(c));
    }
    ImGui::TableSetColumnIndex(ColTimeline);
    ImGuiTable* table = ImGui::GetCurrentTable();
    const ImGuiTableColumn& col = table->Columns[ColTimeline];
    const ImVec2 min(col.MinX, table->RowPosY1), max(col.MaxX, table->RowPosY1 + headerHeight);
    timelineX_ = col.MinX;
    timelineW_ = std::max(1.0f, col.MaxX - col.MinX);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushClipRect(min, max, false);
    drawScale(dl, min, max);
    dl->AddDrawCmd(); // keeps the scale out of the table's channel merge: clipped to the timeline (see drawRow)
    ImGui::PopClipRect();
    tagRect("gantt.scale", min, max, scaleUnit_); // its finest unit: hours, days, weeks, months, quarters or years
}

void GanttView::drawRow(int row, float rowHeight) {
    const Project& p = doc_.project();
    const Schedule& s = doc_.schedule();
    const Task& t = p.tasks[size_t(row)];
    const TaskSchedule& ts = s.tasks[size_t(row)];
    ImGui::TableNextRow(0, rowHeight);
    ImGui::TableSetColumnIndex(ColId);
    ImGui::PushID(row);
    // The row's selectable spans every column and sits under the cells.
    char label[32];
    std::snprintf(label, sizeof label, "%d", row + 1);
    if (ImGui::Selectable(label, isSelected(row), ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0, rowHeight - 2 * ImGui::GetStyle().CellPadding.y))) {
        clickRow(row);
        if (edit_.column >= 0 && edit_.row != row) commitEdit();
    }
    tagItem("task.row." + std::to_string(row)); // the whole row; its left end is the row number
    // Opened on the release, as ImGui's own context menus are: a popup opened on the press is closed again
    // at the end of that frame, when ImGui closes popups over the window a right button was pressed in.
    if (ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
        if (!selection_.count(t.id)) selectRow(row);
        contextRow_ = row;
        openContext_ = true; // opened by contextMenu(), at the table level, where it is drawn
    }
    const float fs = ImGui::GetFontSize();
    const ImU32 nameColor = ts.summary ? theme::kSummary : 0;
    if (ImGui::TableGetColumnFlags(ColWbs) & ImGuiTableColumnFlags_IsEnabled) drawTextCell(row, ColWbs, rowTexts(row).wbs, false, 0, theme::kMuted);
    // The name, indented by level, after a triangle that collapses or expands a summary.
    const float indent = (ts.level - 1) * fs * 1.1f + fs * 1.1f;
    if (ts.summary) {
        ImGui::TableSetColumnIndex(ColName);
        const ImVec2 c = ImGui::GetCursorScreenPos();
        const bool closed = collapsed_.count(t.id) > 0;
        const ImVec2 a(c.x + indent - fs * 1.05f, c.y), b(a.x + fs, a.y + ImGui::GetTextLineHeight());
        ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + fs * 0.15f, a.y), theme::kSummary, closed ? "\xe2\x96\xb8" : "\xe2\x96\xbe");
        tagRect("task.toggle." + std::to_string(row), a, b);
        if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            if (closed) collapsed_.erase(t.id);
            else collapsed_.insert(t.id);
            visibleDirty_ = true;
        }
    }
    const std::string warning = ts.flags ? "\xe2\x9a\xa0 " : ""; // ⚠ before the name of a task with a problem
    drawTextCell(row, ColName, warning + (t.name.empty() ? std::string(tr("(no name)")) : t.name), true, indent,
                 ts.flags ? theme::kError : t.name.empty() ? theme::kMuted : nameColor);
    const ImVec2 nameEnd = ImGui::GetItemRectMax();
    if (t.internal && edit_.column != ColName) {
        // An "internal" badge after the name (over its end when the column is narrow): the task stays
        // out of client views.
        const float scale = 0.8f, padX = fs * 0.3f;
        const char* label = tr("internal");
        const float textW = ImGui::CalcTextSize(label).x * scale, badgeW = textW + 2 * padX;
        const float cellRight = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
        const float x = std::min(nameEnd.x + fs * 0.5f, cellRight - badgeW - 2);
        const float h = ImGui::GetTextLineHeight();
        const ImVec2 a(x, nameEnd.y - h + h * 0.08f), b(x + badgeW, nameEnd.y - h * 0.04f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(a, b, theme::kScaleBg, h * 0.25f);
        dl->AddText(ImGui::GetFont(), fs * scale, ImVec2(x + padX, a.y + (b.y - a.y - fs * scale) * 0.5f), theme::kMuted, label);
        tagRect("task.internal." + std::to_string(row), a, b);
        if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered()) ImGui::SetTooltip(tr("Internal: left out of views shared with the client"));
    }
    if (size_t(row) < riskOf_.size() && riskOf_[size_t(row)] >= 0 && edit_.column != ColName) {
        // A dot after the name: the task carries an open risk (red from a score of 15, amber from 10).
        const Risk& r = doc_.project().risks[size_t(riskOf_[size_t(row)])];
        const ImVec2 end = nameEnd;
        const float radius = fs * 0.28f;
        const ImVec2 c(end.x + fs * 0.55f, end.y - ImGui::GetTextLineHeight() * 0.5f);
        static constexpr ImU32 colours[] = {IM_COL32(160, 170, 185, 255), IM_COL32(243, 156, 18, 255), IM_COL32(231, 76, 60, 255)};
        static constexpr const char* levelNames[] = {"grey", "amber", "red"}; // for automation
        const int level = r.score() >= 15 ? 2 : r.score() >= 10 ? 1 : 0;
        const ImU32 colour = colours[level];
        ImGui::GetWindowDrawList()->AddCircleFilled(c, radius, colour);
        const ImVec2 a(c.x - radius * 1.6f, c.y - radius * 1.6f), b(c.x + radius * 1.6f, c.y + radius * 1.6f);
        tagRect("task.risk." + std::to_string(row), a, b, levelNames[level]);
        if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered())
            ImGui::SetTooltip("%s", (fmt(r.owner.empty() ? tr("Risk: {0}\nScore {1} (probability {2} × impact {3})") : tr("Risk: {0}\nScore {1} (probability {2} × impact {3}), owner {4}"),
                                        r.title, r.score(), r.probability, r.impact, r.owner) + "\n" + r.mitigation).c_str());
    }
    const RowTexts& texts = rowTexts(row);
    drawTextCell(row, ColStart, texts.start, !ts.summary);
    drawTextCell(row, ColFinish, texts.finish, !ts.summary && !t.milestone);
    drawTextCell(row, ColDuration, texts.duration, !ts.summary, 0, ts.summary ? theme::kMuted : 0);
    if (columnShown_[ColPredecessors]) drawTextCell(row, ColPredecessors, texts.predecessors, true);
    if (ImGui::TableGetColumnFlags(ColFloat) & ImGuiTableColumnFlags_IsEnabled)
        drawTextCell(row, ColFloat, texts.totalFloat, false, 0, ts.totalFloat < 0 ? theme::kError : theme::kMuted);
    drawTextCell(row, ColPercent, formatPercent(ts.percentComplete), !ts.summary);
    if (ImGui::TableGetColumnFlags(ColResources) & ImGuiTableColumnFlags_IsEnabled)
        drawTextCell(row, ColResources, texts.resources, false);
    if (columnShown_[ColCost] || columnShown_[ColActual]) {
        const Currency cur = currency(doc_.project().currency);
        const size_t r = size_t(row);
        if (columnShown_[ColCost] && r < cost_.size()) drawTextCell(row, ColCost, formatMoney(cost_[r], cur, false), false, 0, ts.summary ? theme::kMuted : 0);
        if (columnShown_[ColActual] && r < actual_.size())
            drawTextCell(row, ColActual, actual_[r] ? formatMoney(actual_[r], cur, false) : std::string(), false, 0,
                         actual_[r] > cost_[r] ? theme::kError : ts.summary ? theme::kMuted : 0);
    }
    for (auto [col, var] : {std::pair{ColStartVar, &startVar_}, std::pair{ColFinishVar, &finishVar_}}) {
        if (!(ImGui::TableGetColumnFlags(col) & ImGuiTableColumnFlags_IsEnabled)) continue;
        if (baselineId_.isNull() || size_t(row) >= var->size() || std::isnan(baseStart_[size_t(row)])) {
            drawTextCell(row, col, baselineId_.isNull() ? "" : "new", false, 0, theme::kMuted);
            continue;
        }
        const int v = (*var)[size_t(row)];
        drawTextCell(row, col, v == 0 ? std::string("0d") : (v > 0 ? "+" : "") + std::to_string(v) + "d", false, 0,
                     v > 0 ? theme::kError : v < 0 ? theme::kOk : theme::kMuted);
    }
    ImGui::TableSetColumnIndex(ColTimeline);
    if (backgroundPending_) {
        // Shading, grid and the today line go under the bars of every row: drawn once, from the first row.
        // Everything in the timeline keeps the column's own clip rectangle (it spans the visible rows).
        // Bars, shading and links reach left of the timeline whenever a task starts before its left
        // edge. The table merges a column's draw channel into one clipped to all merged columns when
        // the column has a single draw command (it checks only for overflow on the right), so a second
        // command keeps this channel out of the merge and clipped to the timeline.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        drawTimelineBackground(dl, bodyMin_, bodyMax_, today_);
        dl->AddDrawCmd();
        backgroundPending_ = false;
    }
    drawBar(ImGui::GetWindowDrawList(), row, ImGui::GetCursorScreenPos(), rowHeight);
    ImGui::PopID();
}

void GanttView::refreshCosts() {
    const Project& p = doc_.project();
    if (!(columnShown_[ColCost] || columnShown_[ColActual]) || costRevision_ == doc_.revision()) return;
    const Schedule& s = doc_.schedule();
    if (!s.ok() || s.tasks.size() != p.tasks.size() || parentRow_.size() != p.tasks.size()) return;
    costRevision_ = doc_.revision();
    const BudgetStatus b = budgetStatus(p, s, p.statusDate.value_or(p.start));
    const size_t n = p.tasks.size();
    cost_.assign(n, 0);
    actual_.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
        cost_[i] = b.tasks[i].total();
        actual_[i] = b.tasks[i].booked; // whatever the date: the task's cost so far
    }
    // Summaries add up their subtree: children follow their parent, so walking back adds each row
    // to its parent after the row's own children are in it.
    for (size_t i = n; i-- > 0;)
        if (const int up = parentRow_[i]; up >= 0) {
            cost_[size_t(up)] += cost_[i];
            actual_[size_t(up)] += actual_[i];
        }
}

void GanttView::refreshRisks() {
    const Project& p = doc_.project();
    if (riskRevision_ == doc_.revision()) return;
    riskRevision_ = doc_.revision();
    riskOf_.assign(p.tasks.size(), -1);
    if (p.risks.empty()) return;
    const IdIndex taskAt = indexById(p.tasks);
    for (size_t k = 0; k < p.risks.size(); ++k) {
        const Risk& r = p.risks[k];
        if (r.status == RiskStatus::Closed) continue;
        for (Id t : r.tasks) {
            const int row = taskAt.find(t);
            if (row < 0) continue;
            int& best = riskOf_[size_t(row)];
            if (best < 0 || p.risks[size_t(best)].score() < r.score()) best = int(k);
        }
    }
}

} // namespace plotline
