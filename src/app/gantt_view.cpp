// [SECTION] Derived data   — bar positions and cell texts, rebuilt when the project changes
// [SECTION] Table          — header, rows (ImGuiListClipper), in-place editing
// [SECTION] Timeline       — scale, shading, bars, links, zoom and pan
#include "gantt_view.hpp"
#include "keys.hpp"

#include "core/budget.hpp"
#include "core/csv_io.hpp"
#include "core/duration.hpp"
#include "core/id_index.hpp"
#include "core/money.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plotline {

namespace {
// Column titles, in the order of GanttView::Column.
const char* const kColumnNames[] = {"#", "WBS", "Task", "Start", "Finish", "Duration", "Float", "Done", "Resources", "Cost", "Actual cost", "Start var.", "Finish var.", "Timeline"};
} // namespace

GanttView::GanttView(Document& doc, Notify onError) : doc_(doc), onError_(std::move(onError)) {}

// ---------------------------------------------------------------------------------------------------
// [SECTION] Derived data
// ---------------------------------------------------------------------------------------------------

void GanttView::refresh() {
    if (revision_ == doc_.revision()) return;
    revision_ = doc_.revision();
    const Project& p = doc_.project();
    const Schedule& s = doc_.schedule();
    const Calendar& cal = p.calendar;
    const int mpd = cal.minutesPerDay;
    const size_t n = p.tasks.size();
    // Only numbers here, in one pass: the texts of a row are made when it is drawn (rowTexts), so an
    // edit in a plan of 100,000 tasks formats the few dozen rows on screen, not all of them.
    barStart_.resize(n);
    barEnd_.resize(n);
    parentRow_.resize(n);
    ordinal_.resize(n);
    rowTexts_.resize(n);
    std::vector<int> open;      // the summary rows enclosing the current row
    std::vector<int> siblings;  // children counted so far, per open level (index 0: top level)
    siblings.assign(1, 0);
    for (size_t i = 0; i < n; ++i) {
        const TaskSchedule& ts = s.tasks[i];
        const double startFrac = double(((ts.start % mpd) + mpd) % mpd) / mpd;
        if (ts.finish == ts.start) {
            // A milestone sits at the end of the day it is shown on when a finish drives it.
            const bool atDayEnd = cal.dateOf(ts.start) != ts.startDate;
            barStart_[i] = barEnd_[i] = atDayEnd ? ts.startDate.days + 1.0 : ts.startDate.days + startFrac;
        } else {
            const double endFrac = double((((ts.finish - 1) % mpd) + mpd) % mpd + 1) / mpd;
            barStart_[i] = ts.startDate.days + startFrac;
            barEnd_[i] = ts.finishDate.days + endFrac;
        }
        // Outline position: the parent row and the place among its siblings (1.2.3 is made from these).
        const size_t depth = size_t(std::max(1, ts.level)) - 1;
        while (open.size() > depth) open.pop_back();
        siblings.resize(depth + 1, 0);
        parentRow_[i] = open.empty() ? -1 : open.back();
        ordinal_[i] = ++siblings[depth];
        open.push_back(int(i));
        siblings.push_back(0);
        rowTexts_[i].revision = 0;
    }
    IdIndex row(n);
    for (size_t i = 0; i < n; ++i) row.insert(p.tasks[i].id, int(i));
    {
        // Each row's assignments, as ranges of a list of (assignment index) sorted by row.
        assignmentsAt_.assign(n + 1, 0);
        std::vector<int> taskRow(p.assignments.size());
        for (size_t k = 0; k < p.assignments.size(); ++k) {
            taskRow[k] = row.find(p.assignments[k].task);
            if (taskRow[k] >= 0) ++assignmentsAt_[size_t(taskRow[k]) + 1];
        }
        for (size_t i = 0; i < n; ++i) assignmentsAt_[i + 1] += assignmentsAt_[i];
        assignmentList_.assign(size_t(assignmentsAt_[n]), 0);
        std::vector<int> fill(assignmentsAt_.begin(), assignmentsAt_.end() - 1);
        for (size_t k = 0; k < p.assignments.size(); ++k)
            if (taskRow[k] >= 0) assignmentList_[size_t(fill[size_t(taskRow[k])]++)] = int(k);
    }
    links_.clear();
    for (size_t k = 0; k < p.links.size(); ++k) {
        const Link& l = p.links[k];
        const int a = row.find(l.predecessor), b = row.find(l.successor);
        if (a >= 0 && b >= 0) links_.push_back({a, b, l.type, k});
    }
    // Sorted by their upper row, short links first: a frame finds the ones crossing the rows on screen
    // by binary search, and scans only the few long ones.
    auto span = [](const LinkRows& l) { return std::abs(l.from - l.to); };
    auto top = [](const LinkRows& l) { return std::min(l.from, l.to); };
    const auto longBegin = std::stable_partition(links_.begin(), links_.end(), [&](const LinkRows& l) { return span(l) <= kShortLink; });
    shortLinks_ = size_t(longBegin - links_.begin());
    std::sort(links_.begin(), longBegin, [&](const LinkRows& x, const LinkRows& y) { return top(x) < top(y); });
    if (selected_ >= int(n)) selected_ = int(n) - 1;
    for (auto it = selection_.begin(); it != selection_.end();) it = row.find(*it) >= 0 ? std::next(it) : selection_.erase(it);
    visibleDirty_ = true;
    if (!originSet_ && n > 0) {
        originDay_ = s.start.days - 3;
        originSet_ = true;
    }
}

const GanttView::RowTexts& GanttView::rowTexts(int row) const {
    RowTexts& t = rowTexts_[size_t(row)];
    if (t.revision == revision_) return t;
    t.revision = revision_;
    const Project& p = doc_.project();
    const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
    const Calendar& cal = p.calendar;
    const int mpd = cal.minutesPerDay;
    const Task& task = p.tasks[size_t(row)];
    t.duration = formatDuration(ts.summary ? ts.finish - ts.start : (task.milestone ? 0 : task.duration), mpd);
    t.start = ts.start % mpd == 0 ? ts.startDate.str() : cal.startText(ts.start);
    t.finish = ts.finish % mpd == 0 ? ts.finishDate.str() : cal.finishText(ts.finish);
    t.totalFloat = formatDuration(ts.totalFloat, mpd);
    t.wbs = std::to_string(ordinal_[size_t(row)]);
    for (int up = parentRow_[size_t(row)]; up >= 0; up = parentRow_[size_t(up)]) t.wbs = std::to_string(ordinal_[size_t(up)]) + "." + t.wbs;
    t.resources.clear();
    for (int k = assignmentsAt_[size_t(row)]; k < assignmentsAt_[size_t(row) + 1]; ++k) {
        const Assignment& a = p.assignments[size_t(assignmentList_[size_t(k)])];
        const int r = p.resourceIndex(a.resource);
        if (r < 0) continue;
        t.resources += (t.resources.empty() ? "" : ", ") + p.resources[size_t(r)].name + (a.units != 100 ? " " + std::to_string(a.units) + "%" : "");
    }
    return t;
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] View commands and row actions
// ---------------------------------------------------------------------------------------------------

void GanttView::zoom(float factor) {
    const double centre = dayAt(timelineX_ + timelineW_ * 0.5f);
    pxPerDay_ = std::clamp(pxPerDay_ * factor, kMinPxPerDay, kMaxPxPerDay);
    originDay_ = centre - (timelineW_ * 0.5f) / pxPerDay_;
}

void GanttView::fitProject() {
    const Schedule& s = doc_.schedule();
    const double days = std::max(7, s.finish - s.start + 1);
    // Leave room on the right for the last bars' names.
    const float labelRoom = std::min(timelineW_ * 0.25f, ImGui::GetFontSize() * 12);
    pxPerDay_ = std::clamp(float((timelineW_ - 40 - labelRoom) / days), kMinPxPerDay, kMaxPxPerDay);
    originDay_ = s.start.days - 20.0 / pxPerDay_;
    originSet_ = true;
}

void GanttView::goTo(Date day) {
    // The middle of the day (where the today line is drawn) at 30 % of the width: at the hours' zoom a
    // day is wider than the timeline, and its start would leave the line off screen.
    originDay_ = day.days + 0.5 - (timelineW_ * 0.3f) / pxPerDay_;
    originSet_ = true;
}

void GanttView::rebuildVisible() {
    const Project& p = doc_.project();
    const size_t n = p.tasks.size();
    visibleDirty_ = false;
    const bool filterChanged = appliedFilter_ != filter;
    appliedFilter_ = filter;
    std::string needle = appliedFilter_;
    for (char& c : needle) c = char(std::tolower(static_cast<unsigned char>(c)));
    const std::vector<int>& parentRow = parentRow_; // from refresh(), which runs first
    std::vector<char> keep(n, 1);
    int firstMatch = -1;
    if (!needle.empty()) {
        std::string name;
        for (size_t i = 0; i < n; ++i) {
            name = p.tasks[i].name;
            for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
            keep[i] = name.find(needle) != std::string::npos;
            if (keep[i] && firstMatch < 0) firstMatch = int(i);
        }
        for (size_t i = n; i-- > 0;)
            if (keep[i] && parentRow[i] >= 0) keep[size_t(parentRow[i])] = 1;
    }
    std::vector<char> hidden(n, 0); // inside a collapsed summary
    for (size_t i = 0; i < n; ++i) {
        const int pr = parentRow[i];
        hidden[i] = pr >= 0 && (hidden[size_t(pr)] || (collapsed_.count(p.tasks[size_t(pr)].id) && needle.empty()));
    }
    visible_.clear();
    displayOf_.assign(n, -1);
    for (size_t i = 0; i < n; ++i)
        if (keep[i] && !hidden[i]) {
            displayOf_[i] = int(visible_.size());
            visible_.push_back(int(i));
        }
    // Typing in the filter brings the first task that matches into view, in the rows and in time.
    if (filterChanged && firstMatch >= 0 && size_t(firstMatch) < barStart_.size()) scrollToTask(firstMatch);
}

void GanttView::scrollToTask(int row) {
    if (row < 0 || size_t(row) >= barStart_.size()) return;
    scrollToRow_ = row;
    const float left = xOf(barStart_[size_t(row)]), right = xOf(barEnd_[size_t(row)]);
    if (left < timelineX_ + 20 || right > timelineX_ + timelineW_ - 20) {
        originDay_ = barStart_[size_t(row)] - (timelineW_ * 0.2f) / pxPerDay_;
        originSet_ = true;
    }
}

void GanttView::selectRow(int row) {
    selected_ = row;
    selection_.clear();
    const Project& p = doc_.project();
    if (row >= 0 && size_t(row) < p.tasks.size()) selection_.insert(p.tasks[size_t(row)].id);
}

// A click on a row: plain selects it, Ctrl toggles it, Shift selects the range from the last one.
void GanttView::clickRow(int row) {
    const ImGuiIO& io = ImGui::GetIO();
    const Project& p = doc_.project();
    const Id id = p.tasks[size_t(row)].id;
    if (io.KeyCtrl) {
        if (!selection_.erase(id)) selection_.insert(id);
        selected_ = row;
    } else if (io.KeyShift && selected_ >= 0 && displayOf_[size_t(selected_)] >= 0) {
        const int a = std::min(displayOf_[size_t(selected_)], displayOf_[size_t(row)]);
        const int b = std::max(displayOf_[size_t(selected_)], displayOf_[size_t(row)]);
        selection_.clear();
        for (int k = a; k <= b; ++k) selection_.insert(p.tasks[size_t(visible_[size_t(k)])].id);
    } else selectRow(row);
}

std::vector<Id> GanttView::selectedIds() const {
    const Project& p = doc_.project();
    std::vector<Id> ids;
    for (const Task& t : p.tasks)
        if (selection_.count(t.id)) ids.push_back(t.id);
    if (ids.empty() && selected_ >= 0 && size_t(selected_) < p.tasks.size()) ids.push_back(p.tasks[size_t(selected_)].id);
    return ids;
}

void GanttView::indentSelection(bool outdent) {
    const std::vector<Id> ids = selectedIds();
    if (ids.empty()) return;
    std::string why;
    CommandPtr c = outdent ? outdentTasks(doc_.project(), ids, why) : indentTasks(doc_.project(), ids, why);
    if (c) doc_.execute(std::move(c));
    if (!why.empty()) onError_(why);
}

void GanttView::moveSelection(int direction) {
    const std::vector<Id> ids = selectedIds();
    if (ids.size() != 1) {
        if (ids.size() > 1) onError_("Select one task to move it");
        return;
    }
    std::string why;
    if (CommandPtr c = moveTask(doc_.project(), ids[0], direction, why)) {
        doc_.execute(std::move(c));
        selected_ = doc_.project().taskIndex(ids[0]);
        scrollToRow_ = selected_;
    } else if (!why.empty()) onError_(why);
}

std::string GanttView::copySelection() const {
    const Project& p = doc_.project();
    const Schedule& s = doc_.schedule();
    std::unordered_set<Id, IdHash> want;
    for (Id id : selectedIds()) want.insert(id);
    if (want.empty()) return {};
    std::string out = "Name\tDuration\tStart\tFinish\t% Complete\tOutline Level\n";
    int baseLevel = 0;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        if (!want.count(p.tasks[i].id)) continue;
        if (!baseLevel) baseLevel = s.tasks[i].level;
        std::string name = p.tasks[i].name;
        for (char& c : name)
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        out += name + "\t" + rowTexts(int(i)).duration + "\t" + s.tasks[i].startDate.str() + "\t" + s.tasks[i].finishDate.str() + "\t" +
               std::to_string(s.tasks[i].percentComplete) + "%\t" + std::to_string(std::max(1, s.tasks[i].level - baseLevel + 1)) + "\n";
    }
    return out;
}

void GanttView::paste(const std::string& raw) {
    const Project& p = doc_.project();
    std::string text = raw;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.empty()) return;
    // Rows straight from a spreadsheet have no header: read them as Name, Duration, Start, Finish.
    std::string first = text.substr(0, text.find('\n'));
    for (char& c : first) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (first.find("name") == std::string::npos && first.find("task") == std::string::npos) {
        const size_t cols = size_t(std::count(first.begin(), first.end(), '\t')) + 1;
        static const char* names[] = {"Name", "Duration", "Start", "Finish", "% Complete"};
        std::string header;
        for (size_t k = 0; k < cols; ++k) header += (k ? "\t" : "") + std::string(k < 5 ? names[k] : "Notes");
        text = header + "\n" + text;
    }
    const Date start = doc_.schedule().start;
    CsvImport in = readTasksCsv(text, "Pasted rows", start);
    if (!in.ok()) {
        onError_("Cannot paste: " + in.errors.front());
        return;
    }
    Project& q = in.project;
    // Dates in the pasted rows become "start no earlier than" requests; the pasted tasks go below
    // the selection's subtree, as its siblings.
    size_t at = p.tasks.size();
    Id parent;
    if (selected_ >= 0 && size_t(selected_) < p.tasks.size()) {
        at = p.subtreeEnd(size_t(selected_));
        parent = p.tasks[size_t(selected_)].parent;
    }
    // A paste is a copy: fresh ids, with parents and links re-pointed to them.
    std::unordered_map<Id, Id, IdHash> fresh;
    for (Task& t : q.tasks) {
        const Id old = t.id;
        t.id = Id::random();
        fresh[old] = t.id;
    }
    for (Task& t : q.tasks) t.parent = t.parent.isNull() ? parent : fresh[t.parent];
    for (Link& l : q.links) {
        l.id = Id::random();
        l.predecessor = fresh[l.predecessor];
        l.successor = fresh[l.successor];
    }
    const size_t count = q.tasks.size();
    if (doc_.execute(insertTasks(at, q.tasks, q.links))) {
        selection_.clear();
        for (size_t k = 0; k < count; ++k) selection_.insert(doc_.project().tasks[at + k].id);
        selected_ = int(at);
        scrollToRow_ = int(at);
        onError_("Pasted " + std::to_string(count) + (count == 1 ? " task" : " tasks"));
    }
}

void GanttView::insertTaskBelowSelection() {
    const Project& p = doc_.project();
    Task t;
    t.id = Id::random();
    t.name = "New task";
    t.duration = p.calendar.minutesPerDay;
    size_t at = p.tasks.size();
    if (selected_ >= 0 && size_t(selected_) < p.tasks.size()) {
        // A sibling of the selected task, after its subtree.
        const std::vector<int> levels = outlineLevels(p);
        at = size_t(selected_) + 1;
        while (at < p.tasks.size() && levels[at] > levels[size_t(selected_)]) ++at;
        t.parent = p.tasks[size_t(selected_)].parent;
    }
    if (doc_.execute(insertTask(at, t))) {
        selected_ = int(at);
        scrollToRow_ = int(at);
        startEdit(int(at), ColName);
    }
}

void GanttView::deleteSelection() {
    std::vector<Id> ids = selectedIds();
    if (ids.empty()) return;
    if (doc_.execute(deleteTasks(std::move(ids)))) selection_.clear();
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] Table
// ---------------------------------------------------------------------------------------------------

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
        default: return;
    }
    edit_.row = row;
    edit_.column = col;
    edit_.task = t.id;
    std::snprintf(edit_.buf, sizeof edit_.buf, "%s", text.c_str());
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
            auto d = Date::parseLoose(text);
            if (!d) { onError_("\"" + text + "\" is not a date — use YYYY-MM-DD, e.g. 2026-03-02"); return; }
            if (*d == doc_.schedule().tasks[size_t(i)].startDate) return;
            // Typing a start asks for "start no earlier than" that day (a pinned task keeps its kind).
            if (t.constraint != Constraint::MSO) t.constraint = Constraint::SNET;
            t.constraintDate = *d;
            break;
        }
        case ColFinish: {
            auto d = Date::parseLoose(text);
            if (!d) { onError_("\"" + text + "\" is not a date — use YYYY-MM-DD, e.g. 2026-03-06"); return; }
            const Date start = doc_.schedule().tasks[size_t(i)].startDate;
            if (*d < start) { onError_("The finish " + d->str() + " is before the start " + start.str()); return; }
            const int64_t days = cal.workdayIndex(*d + 1) - cal.workdayIndex(start);
            t.duration = std::max<int64_t>(1, days) * cal.minutesPerDay;
            if (t.duration == p.tasks[size_t(i)].duration) return;
            break;
        }
        case ColDuration: {
            auto m = parseDuration(text, cal.minutesPerDay);
            if (!m) { onError_("\"" + text + "\" is not a duration — e.g. 5d, 4h or 1d 4h"); return; }
            if (*m == t.duration && t.milestone == (*m == 0)) return;
            t.duration = *m;
            t.milestone = *m == 0;
            break;
        }
        case ColPercent: {
            std::string v = text;
            if (!v.empty() && v.back() == '%') v.pop_back();
            char* end = nullptr;
            long x = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || x < 0 || x > 100) { onError_("% complete is a whole number from 0 to 100"); return; }
            if (x == t.percentComplete) return;
            t.percentComplete = int(x);
            break;
        }
        default: return;
    }
    doc_.execute(editTask(t));
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
        const bool enter = ImGui::InputText("##edit", edit_.buf, sizeof edit_.buf,
                                            ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        ImGui::PopStyleVar();
        tagItem("task.edit");
        if (enter) commitEdit();
        else if (ImGui::IsItemDeactivated()) {
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
    static const char* names[] = {"id", "wbs", "name", "start", "finish", "duration", "float", "percent", "resources", "cost", "actual", "startVar", "finishVar"};
    static_assert(sizeof names / sizeof names[0] == ColTimeline);
    const bool figures = col == ColCost || col == ColActual || col == ColStartVar || col == ColFinishVar || col == ColFloat;
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
        tagItem(std::string("column.") + kColumnNames[c]);
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
    const bool isSelected = selection_.count(t.id) || (selection_.empty() && selected_ == row);
    if (ImGui::Selectable(label, isSelected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
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
    drawTextCell(row, ColName, warning + (t.name.empty() ? std::string("(no name)") : t.name), true, indent,
                 ts.flags ? theme::kError : t.name.empty() ? theme::kMuted : nameColor);
    if (size_t(row) < riskOf_.size() && riskOf_[size_t(row)] >= 0 && edit_.column != ColName) {
        // A dot after the name: the task carries an open risk (red from a score of 15, amber from 10).
        const Risk& r = doc_.project().risks[size_t(riskOf_[size_t(row)])];
        const ImVec2 end = ImGui::GetItemRectMax();
        const float radius = fs * 0.28f;
        const ImVec2 c(end.x + fs * 0.55f, end.y - ImGui::GetTextLineHeight() * 0.5f);
        const ImU32 colour = r.score() >= 15 ? IM_COL32(231, 76, 60, 255) : r.score() >= 10 ? IM_COL32(243, 156, 18, 255) : IM_COL32(160, 170, 185, 255);
        ImGui::GetWindowDrawList()->AddCircleFilled(c, radius, colour);
        const ImVec2 a(c.x - radius * 1.6f, c.y - radius * 1.6f), b(c.x + radius * 1.6f, c.y + radius * 1.6f);
        tagRect("task.risk." + std::to_string(row), a, b, r.score() >= 15 ? "red" : r.score() >= 10 ? "amber" : "grey");
        if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered())
            ImGui::SetTooltip("Risk: %s\nScore %d (probability %d × impact %d)%s%s\n%s", r.title.c_str(), r.score(), r.probability, r.impact,
                              r.owner.empty() ? "" : ", owner ", r.owner.c_str(), r.mitigation.c_str());
    }
    const RowTexts& texts = rowTexts(row);
    drawTextCell(row, ColStart, texts.start, !ts.summary);
    drawTextCell(row, ColFinish, texts.finish, !ts.summary && !t.milestone);
    drawTextCell(row, ColDuration, texts.duration, !ts.summary, 0, ts.summary ? theme::kMuted : 0);
    if (ImGui::TableGetColumnFlags(ColFloat) & ImGuiTableColumnFlags_IsEnabled)
        drawTextCell(row, ColFloat, texts.totalFloat, false, 0, ts.totalFloat < 0 ? theme::kError : theme::kMuted);
    drawTextCell(row, ColPercent, std::to_string(ts.percentComplete) + "%", !ts.summary);
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
    IdIndex taskAt(p.tasks.size());
    for (size_t i = 0; i < p.tasks.size(); ++i) taskAt.insert(p.tasks[i].id, int(i));
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

void GanttView::draw(Date today, float height) {
    refresh();
    refreshBaseline();
    refreshCosts();
    refreshRisks();
    const Project& p = doc_.project();
    const float fs = ImGui::GetFontSize();
    const float rowHeight = std::floor(fs * 1.9f);
    const float headerHeight = std::floor(fs * 2.9f);

    if (visibleDirty_ || appliedFilter_ != filter) rebuildVisible();

    // Keyboard: selection and editing, when no text field has the keyboard.
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && !editor_.open && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        const int shown = int(visible_.size());
        const int at = selected_ >= 0 && size_t(selected_) < displayOf_.size() ? displayOf_[size_t(selected_)] : -1;
        auto press = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
        if (io.KeyAlt && press(ImGuiKey_UpArrow)) moveSelection(-1);
        else if (io.KeyAlt && press(ImGuiKey_DownArrow)) moveSelection(+1);
        else if (press(ImGuiKey_DownArrow) && shown) { selectRow(visible_[size_t(std::min(shown - 1, at + 1))]); scrollToRow_ = selected_; }
        else if (press(ImGuiKey_UpArrow) && shown) { selectRow(visible_[size_t(std::max(0, at - 1))]); scrollToRow_ = selected_; }
        if ((press(ImGuiKey_Enter) || ImGui::IsKeyPressed(keys::F2)) && selected_ >= 0) startEdit(selected_, ColName);
        if (press(ImGuiKey_Delete) && selected_ >= 0) deleteSelection();
        if (press(ImGuiKey_Insert)) insertTaskBelowSelection();
        if (press(ImGuiKey_Tab) && selected_ >= 0) indentSelection(io.KeyShift);
    }

    if (p.tasks.empty()) {
        ImGui::Dummy(ImVec2(0, fs * 4));
        const char* msg = "This plan has no tasks yet.";
        ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(msg).x) * 0.5f);
        ImGui::TextUnformatted(msg);
        const char* btn = "Add the first task";
        ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(btn).x) * 0.5f - ImGui::GetStyle().FramePadding.x);
        if (ImGui::Button(btn)) insertTaskBelowSelection();
        tagItem("gantt.addFirst");
        return;
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_NoPadOuterX | ImGuiTableFlags_Hideable;
    const ImVec2 size(ImGui::GetContentRegionAvail().x, height > 0 ? height : ImGui::GetContentRegionAvail().y);
    if (!ImGui::BeginTable("gantt", ColCount, flags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Optional columns start hidden; right-click the header (or View > Columns) to show them.
    const ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed, off = ImGuiTableColumnFlags_DefaultHide;
    // The row numbers' column fits the largest number (a fixed column that cannot be resized takes
    // this width every frame).
    const int digits = int(std::to_string(std::max<size_t>(p.tasks.size(), 10)).size());
    ImGui::TableSetupColumn(kColumnNames[ColId], fixed | ImGuiTableColumnFlags_NoResize | ImGuiTableColumnFlags_NoHide,
                            std::ceil(fs * (0.56f * float(digits) + 0.95f)));
    ImGui::TableSetupColumn(kColumnNames[ColWbs], fixed | off, fs * 3.2f);
    ImGui::TableSetupColumn(kColumnNames[ColName], fixed | ImGuiTableColumnFlags_NoHide, fs * 17);
    ImGui::TableSetupColumn(kColumnNames[ColStart], fixed, fs * 6.2f);
    ImGui::TableSetupColumn(kColumnNames[ColFinish], fixed, fs * 6.2f);
    ImGui::TableSetupColumn(kColumnNames[ColDuration], fixed, fs * 4.6f);
    ImGui::TableSetupColumn(kColumnNames[ColFloat], fixed | off, fs * 3.6f);
    ImGui::TableSetupColumn(kColumnNames[ColPercent], fixed, fs * 3.2f);
    ImGui::TableSetupColumn(kColumnNames[ColResources], fixed | off, fs * 8);
    ImGui::TableSetupColumn(kColumnNames[ColCost], fixed | off, fs * 6.5f);
    ImGui::TableSetupColumn(kColumnNames[ColActual], fixed | off, fs * 6.5f);
    ImGui::TableSetupColumn(kColumnNames[ColStartVar], fixed | off, fs * 4.2f);
    ImGui::TableSetupColumn(kColumnNames[ColFinishVar], fixed | off, fs * 4.2f);
    ImGui::TableSetupColumn(kColumnNames[ColTimeline], ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoResize | ImGuiTableColumnFlags_NoHide);
    for (int c = 0; c < ColCount; ++c) {
        if (columnRequest_[c]) ImGui::TableSetColumnEnabled(c, columnRequest_[c] > 0);
        columnRequest_[c] = 0;
        columnShown_[c] = (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsEnabled) != 0;
    }
    drawHeader(headerHeight);

    ImGuiTable* table = ImGui::GetCurrentTable();
    const ImGuiTableColumn& tcol = table->Columns[ColTimeline];
    const ImVec2 bodyMin(tcol.MinX, table->OuterRect.Min.y + headerHeight), bodyMax(tcol.MaxX, table->InnerClipRect.Max.y);

    if (scrollToRow_ >= 0 && size_t(scrollToRow_) < displayOf_.size() && displayOf_[size_t(scrollToRow_)] >= 0) {
        const float y = displayOf_[size_t(scrollToRow_)] * rowHeight, top = ImGui::GetScrollY(), h = bodyMax.y - bodyMin.y;
        if (y < top) ImGui::SetScrollY(y);
        else if (y + rowHeight > top + h) ImGui::SetScrollY(y + rowHeight - h);
    }
    scrollToRow_ = -1; // a row that is not shown is not scrolled to
    ImGuiListClipper clipper;
    clipper.Begin(int(visible_.size()), rowHeight);
    int first = -1, last = -1;
    float firstY = 0;
    backgroundPending_ = true;
    bodyMin_ = bodyMin;
    bodyMax_ = bodyMax;
    today_ = today;
    rowHeight_ = rowHeight;
    labels_.clear();
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            if (first < 0) {
                first = k;
                firstDisplay_ = k;
            }
            drawRow(visible_[size_t(k)], rowHeight);
            if (k == first) {
                firstY = table->RowPosY1;
                firstRowY_ = firstY;
            }
            last = k;
        }
    }
    if (visible_.empty()) {
        ImGui::TableNextRow(0, rowHeight);
        ImGui::TableSetColumnIndex(ColName);
        ImGui::TextDisabled("No task matches \"%s\"", filter);
    }
    if (first >= 0) {
        // The clipper has ended the last row, so no cell is current: draw links and labels straight
        // into the timeline column's draw channel, above its bars, clipped to the rows' part of the
        // timeline (links reach rows above and below the visible ones, and left of the timeline).
        const ImGuiTableColumn& column = table->Columns[ColTimeline];
        ImDrawList* dl = ImGui::GetWindowDrawList();
        table->DrawSplitter->SetCurrentChannel(dl, column.DrawChannelUnfrozen);
        ImGui::PushClipRect(ImVec2(std::max(column.ClipRect.Min.x, bodyMin.x), bodyMin.y),
                            ImVec2(std::min(column.ClipRect.Max.x, bodyMax.x), bodyMax.y), false);
        drawLinks(dl, first, last, firstY, rowHeight);
        drawProgressLine(dl, first, last);
        drawDragPreview(dl);
        for (const Label& l : labels_) {
            const Task& t = p.tasks[size_t(l.row)];
            if (l.withDate) {
                const std::string text = t.name + "  " + doc_.schedule().tasks[size_t(l.row)].startDate.str().substr(5);
                dl->AddText(l.pos, theme::kBarText, text.c_str());
            } else dl->AddText(l.pos, theme::kBarText, t.name.c_str());
        }
        ImGui::PopClipRect();
    }
    tagRect("gantt.timeline", bodyMin, bodyMax);
    handleTimelineInput(bodyMin, bodyMax);
    contextMenu();
    ImGui::EndTable();
    linkPopup();
    editorWindow();
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] Timeline
// ---------------------------------------------------------------------------------------------------

namespace {

// Units of the time scale, from fine to coarse.
enum class Unit { Day, Week, Month, Quarter, Year };

Date unitStart(Date d, Unit u) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    switch (u) {
        case Unit::Day: return d;
        case Unit::Week: return d - d.weekday();
        case Unit::Month: return Date::fromYmd(y, m, 1);
        case Unit::Quarter: return Date::fromYmd(y, ((m - 1) / 3) * 3 + 1, 1);
        case Unit::Year: return Date::fromYmd(y, 1, 1);
    }
    return d;
}

Date unitNext(Date d, Unit u) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    switch (u) {
        case Unit::Day: return d + 1;
        case Unit::Week: return d + 7;
        case Unit::Month: return m == 12 ? Date::fromYmd(y + 1, 1, 1) : Date::fromYmd(y, m + 1, 1);
        case Unit::Quarter: return m >= 10 ? Date::fromYmd(y + 1, 1, 1) : Date::fromYmd(y, m + 3, 1);
        case Unit::Year: return Date::fromYmd(y + 1, 1, 1);
    }
    return d + 1;
}

std::string unitLabel(Date d, Unit u, bool top, float width) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    char buf[48];
    switch (u) {
        case Unit::Day:
            if (width > 44) std::snprintf(buf, sizeof buf, "%s %d", weekdayShortName(d.weekday()), dd);
            else std::snprintf(buf, sizeof buf, "%d", dd);
            break;
        case Unit::Week:
            if (width > 46) std::snprintf(buf, sizeof buf, "%d %s", dd, monthShortName(m));
            else std::snprintf(buf, sizeof buf, "%d", dd);
            break;
        case Unit::Month: {
            if (top) std::snprintf(buf, sizeof buf, width > 130 ? "%s %d" : "%.3s %d", monthName(m), y);
            else std::snprintf(buf, sizeof buf, width > 70 ? "%s" : "%.3s", monthName(m));
            break;
        }
        case Unit::Quarter: std::snprintf(buf, sizeof buf, top ? "Q%d %d" : "Q%d", (m - 1) / 3 + 1, y); break;
        case Unit::Year: std::snprintf(buf, sizeof buf, "%d", y); break;
    }
    return buf;
}

} // namespace

// Zoomed in to hours: days on top, the working day's clock hours below.
void GanttView::drawHourScale(ImDrawList* dl, ImVec2 min, ImVec2 max, int hoursPerDay) {
    const float fs = ImGui::GetFontSize();
    const float midY = std::floor((min.y + max.y) * 0.5f);
    const Calendar& cal = doc_.project().calendar;
    dl->AddRectFilled(min, max, theme::kScaleBg);
    dl->AddLine(ImVec2(min.x, midY), ImVec2(max.x, midY), theme::kGridLine);
    const Date from{int32_t(std::floor(dayAt(min.x)))}, to{int32_t(std::ceil(dayAt(max.x)))};
    for (Date d = from; d <= to; d = d + 1) {
        const float x0 = xOf(d.days), x1 = xOf(d.days + 1);
        dl->AddLine(ImVec2(std::floor(x0) + 0.5f, min.y), ImVec2(std::floor(x0) + 0.5f, max.y), theme::kGridLine);
        int y, m, dd;
        d.toYmd(y, m, dd);
        char buf[48];
        std::snprintf(buf, sizeof buf, "%s %d %s %d", weekdayShortName(d.weekday()), dd, monthShortName(m), y);
        const float tx = std::min(std::max(x0 + 6, min.x + 6), x1 - ImGui::CalcTextSize(buf).x - 6);
        dl->AddText(ImVec2(std::floor(tx), std::floor((min.y + midY - fs) * 0.5f)), cal.isWorkingDay(d) ? theme::kScaleText : theme::kMuted, buf);
        if (!cal.isWorkingDay(d)) continue;
        const float hw = (x1 - x0) / hoursPerDay;
        for (int h = 0; h < hoursPerDay; ++h) {
            const float hx = x0 + h * hw;
            if (h) dl->AddLine(ImVec2(std::floor(hx) + 0.5f, midY), ImVec2(std::floor(hx) + 0.5f, max.y), theme::kGridLine);
            const int clock = (cal.dayStart / 60 + h) % 24;
            std::snprintf(buf, sizeof buf, hw > fs * 3 ? "%02d:00" : "%d", clock);
            const float tw = ImGui::CalcTextSize(buf).x;
            if (tw + 4 < hw) dl->AddText(ImVec2(std::floor(hx + (hw - tw) * 0.5f), std::floor((midY + max.y - fs) * 0.5f)), theme::kScaleText, buf);
        }
    }
    dl->AddLine(ImVec2(min.x, max.y - 0.5f), ImVec2(max.x, max.y - 0.5f), theme::kGridLine);
}

void GanttView::drawScale(ImDrawList* dl, ImVec2 min, ImVec2 max) {
    const float fs = ImGui::GetFontSize();
    Unit bottom, top;
    const int hoursPerDay = std::max(1, doc_.project().calendar.minutesPerDay / 60);
    if (pxPerDay_ / hoursPerDay >= fs * 2.0f) {
        drawHourScale(dl, min, max, hoursPerDay);
        scaleUnit_ = "hours";
        return;
    }
    if (pxPerDay_ >= fs * 1.5f) { bottom = Unit::Day; top = Unit::Month; }
    else if (pxPerDay_ * 7 >= fs * 2.2f) { bottom = Unit::Week; top = Unit::Month; }
    else if (pxPerDay_ * 30 >= fs * 2.4f) { bottom = Unit::Month; top = Unit::Year; }
    else { bottom = Unit::Quarter; top = Unit::Year; }
    if (bottom == Unit::Quarter && pxPerDay_ * 91 < fs * 2.2f) { bottom = Unit::Year; top = Unit::Year; }
    static const char* unitNames[] = {"days", "weeks", "months", "quarters", "years"};
    scaleUnit_ = unitNames[int(bottom)];
    const float midY = std::floor((min.y + max.y) * 0.5f);
    dl->AddRectFilled(min, max, theme::kScaleBg);
    dl->AddLine(ImVec2(min.x, midY), ImVec2(max.x, midY), theme::kGridLine);
    const Date from{int32_t(std::floor(dayAt(min.x)))}, to{int32_t(std::ceil(dayAt(max.x)))};
    auto tier = [&](Unit u, float y0, float y1, bool isTop) {
        for (Date d = unitStart(from, u); d <= to; d = unitNext(d, u)) {
            const Date next = unitNext(d, u);
            const float x0 = xOf(d.days), x1 = xOf(next.days);
            dl->AddLine(ImVec2(std::floor(x0) + 0.5f, y0), ImVec2(std::floor(x0) + 0.5f, y1), theme::kGridLine);
            const std::string label = unitLabel(d, u, isTop, x1 - x0);
            const float tw = ImGui::CalcTextSize(label.c_str()).x;
            // Top labels stick to the left edge while their unit is on screen.
            float tx = isTop ? std::max(x0 + 6, min.x + 6) : x0 + (x1 - x0 - tw) * 0.5f;
            if (isTop) tx = std::min(tx, x1 - tw - 6);
            if (tw + 4 > x1 - x0) continue;
            const bool weekend = u == Unit::Day && (d.weekday() >= 5);
            dl->AddText(ImVec2(std::floor(tx), std::floor((y0 + y1 - fs) * 0.5f)), weekend ? theme::kMuted : theme::kScaleText, label.c_str());
        }
    };
    if (top == bottom) tier(bottom, min.y, max.y, true);
    else {
        tier(top, min.y, midY, true);
        tier(bottom, midY, max.y, false);
    }
    dl->AddLine(ImVec2(min.x, max.y - 0.5f), ImVec2(max.x, max.y - 0.5f), theme::kGridLine);
}

void GanttView::drawTimelineBackground(ImDrawList* dl, ImVec2 min, ImVec2 max, Date today) {
    const Calendar& cal = doc_.project().calendar;
    const Date from{int32_t(std::floor(dayAt(min.x)))}, to{int32_t(std::ceil(dayAt(max.x)))};
    if (pxPerDay_ >= 3.0f) {
        for (Date d = from; d <= to; d = d + 1) {
            if (cal.isWorkingDay(d)) continue;
            const bool holiday = cal.isWeekdayWorked(d.weekday());
            dl->AddRectFilled(ImVec2(xOf(d.days), min.y), ImVec2(xOf(d.days + 1), max.y), holiday ? theme::kHoliday : theme::kWeekend);
        }
    }
    // Light vertical lines at week starts (or month starts when zoomed out).
    const bool weeks = pxPerDay_ * 7 >= 24;
    for (Date d = unitStart(from, weeks ? Unit::Week : Unit::Month); d <= to; d = unitNext(d, weeks ? Unit::Week : Unit::Month)) {
        const float x = std::floor(xOf(d.days)) + 0.5f;
        dl->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), theme::kGridLine);
    }
    const float tx = std::floor(xOf(today.days + 0.5)) + 0.5f;
    if (tx >= min.x && tx <= max.x) {
        dl->AddLine(ImVec2(tx, min.y), ImVec2(tx, max.y), theme::kToday, 2.0f);
        tagRect("gantt.today", ImVec2(tx - 1, min.y), ImVec2(tx + 1, max.y));
    }
}

void GanttView::drawBar(ImDrawList* dl, int row, ImVec2 cellMin, float rowHeight) {
    const Project& p = doc_.project();
    const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
    const Task& t = p.tasks[size_t(row)];
    const float pad = ImGui::GetStyle().CellPadding.y;
    const float cy = std::floor(cellMin.y - pad + rowHeight * 0.5f);
    if (!baselineId_.isNull()) drawBaselineBar(dl, row, cy, rowHeight);
    const float x0 = xOf(barStart_[size_t(row)]), x1 = xOf(barEnd_[size_t(row)]);
    const float fs = ImGui::GetFontSize();
    float labelX;
    if (ts.finish == ts.start) {
        const float r = std::floor(fs * 0.45f);
        const ImVec2 c(std::floor(x0), cy);
        dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), theme::kMilestone);
        tagRect("gantt.bar." + std::to_string(row), ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
        barInteraction(row, ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), true);
        labelX = c.x + r + 5;
        labels_.push_back({ImVec2(labelX, cy - fs * 0.5f), row, true});
        return;
    }
    const float w = std::max(2.0f, x1 - x0);
    if (ts.summary) {
        const float h = std::floor(rowHeight * 0.22f), y0 = cy - h * 0.5f - 1;
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), theme::kSummary);
        const float tip = std::min(h * 1.4f, w * 0.5f);
        dl->AddTriangleFilled(ImVec2(x0, y0 + h), ImVec2(x0 + tip, y0 + h), ImVec2(x0, y0 + h + tip), theme::kSummary);
        dl->AddTriangleFilled(ImVec2(x0 + w, y0 + h), ImVec2(x0 + w - tip, y0 + h), ImVec2(x0 + w, y0 + h + tip), theme::kSummary);
        tagRect("gantt.bar." + std::to_string(row), ImVec2(x0, y0), ImVec2(x0 + w, y0 + h + tip));
        barInteraction(row, ImVec2(x0, y0), ImVec2(x0 + w, y0 + h + tip), false);
    } else {
        const float h = std::floor(rowHeight * 0.5f), y0 = cy - h * 0.5f;
        const float rounding = std::min(3.0f, w * 0.5f);
        const bool critical = showCritical && ts.critical;
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), critical ? theme::kCritical : theme::kBar, rounding);
        if (ts.percentComplete > 0)
            dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w * ts.percentComplete / 100.0f, y0 + h),
                              critical ? theme::kCriticalProgress : theme::kBarProgress, rounding);
        tagRect("gantt.bar." + std::to_string(row), ImVec2(x0, y0), ImVec2(x0 + w, y0 + h));
        barInteraction(row, ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), false);
        if (ImGui::IsMouseHoveringRect(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h)) && ImGui::IsWindowHovered() && !panning_ &&
            drag_.kind == Drag::None) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(t.name.c_str());
            const RowTexts& texts = rowTexts(row);
            ImGui::TextDisabled("%s → %s  ·  %s  ·  %d%% done", texts.start.c_str(), texts.finish.c_str(), texts.duration.c_str(),
                                ts.percentComplete);
            if (ts.critical) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kCriticalProgress), "Critical: no float");
            else ImGui::TextDisabled("Float %s (free %s)", formatDuration(ts.totalFloat, p.calendar.minutesPerDay).c_str(),
                                     formatDuration(ts.freeFloat, p.calendar.minutesPerDay).c_str());
            if (t.constraint != Constraint::ASAP && t.constraintDate)
                ImGui::TextDisabled("%s %s", constraintLabel(t.constraint), t.constraintDate->str().c_str());
            if (t.deadline) ImGui::TextDisabled("Deadline %s", t.deadline->str().c_str());
            if (!texts.resources.empty()) ImGui::TextDisabled("%s", texts.resources.c_str());
            if (!baselineId_.isNull() && !std::isnan(baseStart_[size_t(row)])) {
                const Date bs{int32_t(baseStart_[size_t(row)])}, bf{int32_t(baseEnd_[size_t(row)]) - 1};
                ImGui::TextDisabled("Baseline \"%s\": %s → %s (finish %+dd)", baselineName_.c_str(), bs.str().c_str(), bf.str().c_str(),
                                    finishVar_[size_t(row)]);
            }
            if (ts.flags) {
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", scheduleWarning(p, doc_.schedule(), size_t(row)).c_str());
                ImGui::PopTextWrapPos();
            }
            ImGui::TextDisabled("Drag to move, drag the right end to resize, double-click to edit");
            ImGui::EndTooltip();
        }
    }
    if (t.deadline) {
        // A deadline: a small down arrow above the row at the end of the deadline day.
        const float x = std::floor(xOf(t.deadline->days + 1.0)), r = std::floor(fs * 0.32f), top = cy - rowHeight * 0.5f + 2;
        const ImU32 col = (ts.flags & kDeadlineMissed) ? theme::kError : theme::kSummary;
        dl->AddTriangleFilled(ImVec2(x - r, top), ImVec2(x + r, top), ImVec2(x, top + r * 1.6f), col);
        dl->AddLine(ImVec2(x, top + r), ImVec2(x, cy + rowHeight * 0.3f), col, 1.0f);
        tagRect("gantt.deadline." + std::to_string(row), ImVec2(x - r, top), ImVec2(x + r, top + r * 1.6f));
    }
    if (pxPerDay_ >= 2.0f) labels_.push_back({ImVec2(x0 + w + 6, cy - fs * 0.5f), row, false});
}

void GanttView::drawLinks(ImDrawList* dl, int firstShown, int lastShown, float firstY, float rowHeight) {
    const float s = std::floor(ImGui::GetFontSize() * 0.5f), head = std::floor(ImGui::GetFontSize() * 0.32f);
    auto yMid = [&](int shown) { return std::floor(firstY + (shown - firstShown) * rowHeight + rowHeight * 0.5f) + 0.5f; };
    linkHits_.clear();
    // Links that can reach the rows on screen: short ones whose upper row is at most kShortLink above
    // the first row shown and not below the last, and every long one.
    const int firstRow = visible_[size_t(firstShown)], lastRow = visible_[size_t(lastShown)];
    const auto shortEnd = links_.begin() + long(shortLinks_);
    const auto from0 = std::lower_bound(links_.begin(), shortEnd, firstRow - kShortLink,
                                        [](const LinkRows& l, int row) { return std::min(l.from, l.to) < row; });
    const auto to0 = std::upper_bound(from0, shortEnd, lastRow, [](int row, const LinkRows& l) { return row < std::min(l.from, l.to); });
    auto draw = [&](const LinkRows& l) {
        const int from = displayOf_[size_t(l.from)], to = displayOf_[size_t(l.to)];
        if (from < 0 || to < 0) return; // collapsed or filtered away
        if (std::max(from, to) < firstShown || std::min(from, to) > lastShown) return;
        const bool fromEnd = l.type == LinkType::FS || l.type == LinkType::FF;
        const bool toStart = l.type == LinkType::FS || l.type == LinkType::SS;
        const float fx = std::floor(xOf(fromEnd ? barEnd_[size_t(l.from)] : barStart_[size_t(l.from)])) + 0.5f;
        const float tx = std::floor(xOf(toStart ? barStart_[size_t(l.to)] : barEnd_[size_t(l.to)])) + 0.5f;
        const float fy = yMid(from), ty = yMid(to);
        const float outX = fromEnd ? fx + s : fx - s;      // first stub, away from the bar
        const float inX = toStart ? tx - s : tx + s;       // last stub, into the target end
        LinkHit hit;
        hit.link = l.link;
        ImVec2* pts = hit.pts;
        int n = 0;
        pts[n++] = ImVec2(fx, fy);
        const bool straight = toStart ? outX <= inX + s : outX >= inX - s;
        if (straight) {
            const float x = toStart ? std::max(outX, std::min(inX + s, tx - 2)) : std::min(outX, inX);
            pts[n++] = ImVec2(x, fy);
            pts[n++] = ImVec2(x, ty);
        } else {
            const float midY = ty > fy ? fy + rowHeight * 0.5f : fy - rowHeight * 0.5f;
            pts[n++] = ImVec2(outX, fy);
            pts[n++] = ImVec2(outX, midY);
            pts[n++] = ImVec2(inX, midY);
            pts[n++] = ImVec2(inX, ty);
        }
        pts[n++] = ImVec2(toStart ? tx - head : tx + head, ty);
        hit.n = n;
        const bool hot = int(l.link) == hoveredLink_;
        const ImU32 color = hot ? theme::kToday : theme::kLink;
        dl->AddPolyline(pts, n, color, ImDrawFlags_None, hot ? 2.2f : 1.2f);
        if (toStart) dl->AddTriangleFilled(ImVec2(tx, ty), ImVec2(tx - head, ty - head), ImVec2(tx - head, ty + head), color);
        else dl->AddTriangleFilled(ImVec2(tx, ty), ImVec2(tx + head, ty - head), ImVec2(tx + head, ty + head), color);
        // A link is named by its predecessor and successor rows, for automation and tests.
        int longest = 0;
        float most = -1;
        for (int k = 0; k + 1 < n; ++k) {
            const float len = std::abs(pts[k + 1].x - pts[k].x) + std::abs(pts[k + 1].y - pts[k].y);
            if (len > most) { most = len; longest = k; }
        }
        const ImVec2 mid(std::floor((pts[longest].x + pts[longest + 1].x) * 0.5f), std::floor((pts[longest].y + pts[longest + 1].y) * 0.5f));
        tagRect("gantt.link." + std::to_string(l.from) + "." + std::to_string(l.to), ImVec2(mid.x - 2, mid.y - 2), ImVec2(mid.x + 2, mid.y + 2));
        linkHits_.push_back(hit);
    };
    for (auto it = from0; it != to0; ++it) draw(*it);
    for (auto it = shortEnd; it != links_.end(); ++it) draw(*it);
}

void GanttView::showBaseline(Id id) {
    if (id == baselineId_) return;
    baselineId_ = id;
    baselineRevision_ = 0;
    if (!id.isNull()) {
        showColumn(ColStartVar, true);
        showColumn(ColFinishVar, true);
    }
}

int GanttView::columnCount() { return ColCount; }
const char* GanttView::columnName(int column) { return column >= 0 && column < ColCount ? kColumnNames[column] : ""; }
void GanttView::showColumn(int column, bool show) {
    if (columnOptional(column)) columnRequest_[column] = show ? 1 : -1;
}

void GanttView::refreshBaseline() {
    const Project& p = doc_.project();
    if (baselineRevision_ == doc_.revision()) return;
    baselineRevision_ = doc_.revision();
    auto b = std::find_if(p.baselines.begin(), p.baselines.end(), [&](const Baseline& x) { return x.id == baselineId_; });
    if (b == p.baselines.end()) {
        baselineId_ = Id(); // deleted (or undone): show none
        return;
    }
    baselineName_ = b->name;
    const size_t n = p.tasks.size();
    const Schedule& s = doc_.schedule();
    const Calendar& cal = p.calendar;
    baseStart_.assign(n, std::nan(""));
    baseEnd_.assign(n, std::nan(""));
    startVar_.assign(n, 0);
    finishVar_.assign(n, 0);
    IdIndex at(n);
    for (size_t i = 0; i < n; ++i) at.insert(p.tasks[i].id, int(i));
    for (const BaselineTask& bt : b->tasks) {
        const int i = at.find(bt.task);
        if (i < 0) continue;
        const size_t k = size_t(i);
        baseStart_[k] = bt.start.days;
        baseEnd_[k] = bt.finish.days + 1.0;
        if (k < s.tasks.size()) {
            startVar_[k] = int(cal.workdayIndex(s.tasks[k].startDate) - cal.workdayIndex(bt.start));
            finishVar_[k] = int(cal.workdayIndex(s.tasks[k].finishDate) - cal.workdayIndex(bt.finish));
        }
    }
}

// The shown baseline's dates as a thin grey bar just under the live bar (a hollow diamond for a
// milestone), so slips read at a glance.
void GanttView::drawBaselineBar(ImDrawList* dl, int row, float cy, float rowHeight) {
    const size_t k = size_t(row);
    if (k >= baseStart_.size() || std::isnan(baseStart_[k])) return;
    const float barHalf = std::floor(rowHeight * 0.25f);
    const float y0 = cy + barHalf + 2, y1 = y0 + std::max(3.0f, std::floor(rowHeight * 0.12f));
    const float x0 = xOf(baseStart_[k]), x1 = xOf(baseEnd_[k]);
    const Task& t = doc_.project().tasks[k];
    if (t.milestone) {
        const float r = std::floor(ImGui::GetFontSize() * 0.3f), x = std::floor(x1);
        dl->AddQuad(ImVec2(x, y0 - 1), ImVec2(x + r, y0 + r - 1), ImVec2(x, y0 + 2 * r - 1), ImVec2(x - r, y0 + r - 1), theme::kBaseline, 1.5f);
        tagRect("gantt.baseline." + std::to_string(row), ImVec2(x - r, y0 - 1), ImVec2(x + r, y0 + 2 * r - 1));
        return;
    }
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(std::max(x0 + 2, x1), y1), theme::kBaseline);
    tagRect("gantt.baseline." + std::to_string(row), ImVec2(x0, y0), ImVec2(std::max(x0 + 2, x1), y1));
}

// The status date as a vertical line, and the progress line: for each shown task that should have
// started by then, a vertex at how far its work has got (left of the status line = behind,
// right = ahead); other tasks keep the line on the status date.
void GanttView::drawProgressLine(ImDrawList* dl, int firstDisplay, int lastDisplay) {
    const Project& p = doc_.project();
    if (!p.statusDate) return;
    const Schedule& s = doc_.schedule();
    const double statusEnd = p.statusDate->days + 1.0;
    const float sx = std::floor(xOf(statusEnd)) + 0.5f;
    if (sx < bodyMin_.x - 200 || sx > bodyMax_.x + 200) return;
    dl->AddLine(ImVec2(sx, bodyMin_.y), ImVec2(sx, bodyMax_.y), theme::kStatusLine, 1.0f);
    tagRect("gantt.status", ImVec2(sx - 1, bodyMin_.y), ImVec2(sx + 1, bodyMax_.y));
    const float top = rowCentreY(visible_[size_t(firstDisplay)]) - rowHeight_ * 0.5f;
    std::vector<ImVec2> pts;
    pts.push_back(ImVec2(sx, std::max(top, bodyMin_.y)));
    for (int k = firstDisplay; k <= lastDisplay; ++k) {
        const int row = visible_[size_t(k)];
        const TaskSchedule& ts = s.tasks[size_t(row)];
        const double b0 = barStart_[size_t(row)], b1 = barEnd_[size_t(row)];
        if (ts.summary || ts.finish == ts.start || ts.percentComplete >= 100 || (ts.percentComplete == 0 && b0 >= statusEnd)) continue;
        const float x = std::floor(xOf(b0 + (b1 - b0) * ts.percentComplete / 100.0)) + 0.5f;
        if (std::fabs(x - sx) < 1) continue;
        const float cy = rowCentreY(row);
        pts.push_back(ImVec2(sx, cy - rowHeight_ * 0.45f));
        pts.push_back(ImVec2(x, cy));
        pts.push_back(ImVec2(sx, cy + rowHeight_ * 0.45f));
        tagRect("gantt.progress." + std::to_string(row), ImVec2(x - 2, cy - 2), ImVec2(x + 2, cy + 2));
    }
    pts.push_back(ImVec2(sx, bodyMax_.y));
    dl->AddPolyline(pts.data(), int(pts.size()), theme::kStatusLine, 0, 2.0f);
}

float GanttView::rowCentreY(int row) const {
    const int shown = row >= 0 && size_t(row) < displayOf_.size() ? displayOf_[size_t(row)] : -1;
    return firstRowY_ + (shown - firstDisplay_) * rowHeight_ + rowHeight_ * 0.5f;
}

// Hover and press on one bar: choose what a drag from here does. The dots just outside each end
// start a link; the last few pixels of a task's right end resize it; the handle under its progress
// sets % complete; anywhere else moves it.
void GanttView::barInteraction(int row, ImVec2 barMin, ImVec2 barMax, bool milestone) {
    const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
    const float fs = ImGui::GetFontSize(), cy = std::floor((barMin.y + barMax.y) * 0.5f);
    const float dot = std::max(3.0f, std::floor(fs * 0.22f)), gap = dot * 2.2f;
    const ImVec2 startDot(barMin.x - gap, cy), endDot(barMax.x + gap, cy);
    const bool task = !ts.summary && !milestone;
    const float progressX = barMin.x + (barMax.x - barMin.x) * ts.percentComplete / 100.0f;
    const ImVec2 progMin(progressX - dot * 1.3f, barMax.y - 1), progMax(progressX + dot * 1.3f, barMax.y + dot * 2.2f);
    const ImVec2 resizeMin(barMax.x - std::min(6.0f, (barMax.x - barMin.x) * 0.3f), barMin.y), resizeMax(barMax.x + 2, barMax.y);
    if (!canEdit()) { // nothing to drag: only the editor (to read) and the context menu
        if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
        const ImVec2 m = ImGui::GetIO().MousePos;
        const bool on = m.x >= barMin.x && m.x <= barMax.x && m.y >= barMin.y && m.y <= barMax.y;
        if (on && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) openEditor(row);
        else if (on && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
            if (!selection_.count(doc_.project().tasks[size_t(row)].id)) selectRow(row);
            contextRow_ = row;
            openContext_ = true;
        }
        return;
    }
    const std::string tag = "gantt.bar." + std::to_string(row);
    tagRect(tag + ".linkStart", ImVec2(startDot.x - dot, cy - dot), ImVec2(startDot.x + dot, cy + dot));
    tagRect(tag + ".linkEnd", ImVec2(endDot.x - dot, cy - dot), ImVec2(endDot.x + dot, cy + dot));
    if (task) {
        tagRect(tag + ".end", resizeMin, resizeMax);
        tagRect(tag + ".progress", progMin, progMax);
    }
    if (drag_.kind != Drag::None || !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    const ImVec2 m = ImGui::GetIO().MousePos;
    const bool nearRow = m.y >= barMin.y - 4 && m.y <= barMax.y + dot * 2.4f && m.x >= startDot.x - dot * 1.5f && m.x <= endDot.x + dot * 1.5f;
    if (!nearRow) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(startDot, dot, theme::kLink);
    dl->AddCircleFilled(endDot, dot, theme::kLink);
    if (task) dl->AddTriangleFilled(ImVec2(progressX, barMax.y), ImVec2(progressX + dot * 1.2f, barMax.y + dot * 2), ImVec2(progressX - dot * 1.2f, barMax.y + dot * 2), theme::kBarText);
    auto within = [&](ImVec2 a, ImVec2 b) { return m.x >= a.x && m.x <= b.x && m.y >= a.y && m.y <= b.y; };
    auto nearDot = [&](ImVec2 c) { return std::abs(m.x - c.x) <= dot * 1.6f && std::abs(m.y - c.y) <= dot * 1.8f; };
    Drag::Kind kind = Drag::None;
    bool fromEnd = false;
    // A link under the mouse takes the click, except on the bar itself and its end dots.
    if (hoveredLink_ >= 0 && !within(barMin, barMax) && !nearDot(startDot) && !nearDot(endDot)) return;
    if (nearDot(startDot)) kind = Drag::Link;
    else if (nearDot(endDot)) { kind = Drag::Link; fromEnd = true; }
    else if (task && within(progMin, progMax)) kind = Drag::Progress;
    else if (task && within(resizeMin, resizeMax)) kind = Drag::Resize;
    else if (within(barMin, barMax) && !ts.summary) kind = Drag::Move;
    if (kind == Drag::Resize || kind == Drag::Progress) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    else if (kind == Drag::Move) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    else if (kind == Drag::Link) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (within(barMin, barMax) && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        openEditor(row);
        return;
    }
    if (within(ImVec2(barMin.x - gap, barMin.y), ImVec2(barMax.x + gap, barMax.y)) && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
        if (!selection_.count(doc_.project().tasks[size_t(row)].id)) selectRow(row);
        contextRow_ = row;
        openContext_ = true; // opened by contextMenu(), at the table level, where it is drawn
        return;
    }
    if (kind != Drag::None && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        drag_ = Drag{};
        drag_.kind = kind;
        drag_.row = row;
        drag_.task = doc_.project().tasks[size_t(row)].id;
        drag_.pressX = m.x;
        drag_.fromEnd = fromEnd;
        if (edit_.column >= 0) commitEdit();
        selectRow(row);
    }
}

void GanttView::drawDragPreview(ImDrawList* dl) {
    if (drag_.kind == Drag::None || !drag_.active) return;
    const Project& p = doc_.project();
    const int row = drag_.row;
    if (row < 0 || size_t(row) >= p.tasks.size() || displayOf_[size_t(row)] < 0) return;
    const ImVec2 m = ImGui::GetIO().MousePos;
    const float dx = m.x - drag_.pressX, cy = rowCentreY(row), h = std::floor(rowHeight_ * 0.5f);
    const float x0 = xOf(barStart_[size_t(row)]), x1 = xOf(barEnd_[size_t(row)]);
    const float fs = ImGui::GetFontSize();
    auto label = [&](float x, const std::string& text) {
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        const ImVec2 at(std::floor(x), std::floor(cy - h * 0.5f - size.y - 4));
        dl->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + size.x + 4, at.y + size.y + 2), theme::kScaleBg, 3);
        dl->AddText(at, theme::kScaleText, text.c_str());
    };
    switch (drag_.kind) {
        case Drag::Move: {
            const int days = int(std::lround(dx / pxPerDay_));
            const float sx = xOf(std::floor(barStart_[size_t(row)]) + days) + (x0 - xOf(std::floor(barStart_[size_t(row)])));
            dl->AddRect(ImVec2(sx, cy - h * 0.5f), ImVec2(sx + (x1 - x0), cy + h * 0.5f), theme::kToday, 3, 0, 2);
            label(sx, p.calendar.nextWorkingDay(Date{int32_t(std::floor(barStart_[size_t(row)])) + days}).str());
            break;
        }
        case Drag::Resize: {
            const float ex = std::max(x0 + 2, x1 + dx);
            dl->AddRect(ImVec2(x0, cy - h * 0.5f), ImVec2(ex, cy + h * 0.5f), theme::kToday, 3, 0, 2);
            label(ex, "Finish " + Date{int32_t(std::floor(dayAt(ex - 1)))}.str());
            break;
        }
        case Drag::Progress: {
            const float px = std::clamp(m.x, x0, x1);
            const int pct = x1 > x0 ? int(std::lround((px - x0) / (x1 - x0) * 20)) * 5 : 0;
            dl->AddLine(ImVec2(px, cy - h * 0.5f), ImVec2(px, cy + h * 0.5f), theme::kToday, 2);
            label(px, std::to_string(pct) + "% done");
            break;
        }
        case Drag::Link: {
            const ImVec2 from(drag_.fromEnd ? x1 + fs * 0.45f : x0 - fs * 0.45f, cy);
            dl->AddLine(from, m, theme::kToday, 2);
            dl->AddCircleFilled(m, 3, theme::kToday);
            if (drag_.targetRow >= 0 && drag_.targetRow != row) {
                const float tx = xOf(drag_.targetEnd ? barEnd_[size_t(drag_.targetRow)] : barStart_[size_t(drag_.targetRow)]);
                const float ty = rowCentreY(drag_.targetRow);
                dl->AddCircle(ImVec2(tx, ty), fs * 0.5f, theme::kToday, 0, 2);
                static const char* names[] = {"Finish-to-start", "Start-to-start", "Finish-to-finish", "Start-to-finish"};
                const int type = drag_.fromEnd ? (drag_.targetEnd ? 2 : 0) : (drag_.targetEnd ? 3 : 1);
                label(m.x + 8, std::string(names[type]) + ": " + p.tasks[size_t(row)].name + " → " + p.tasks[size_t(drag_.targetRow)].name);
            }
            break;
        }
        case Drag::None: break;
    }
}

void GanttView::finishDrag() {
    const Drag d = drag_;
    drag_ = Drag{};
    if (!d.active) return; // a click: the bar was selected on press
    const Project& p = doc_.project();
    const int row = p.taskIndex(d.task);
    if (row < 0) return;
    const Calendar& cal = p.calendar;
    const int mpd = cal.minutesPerDay;
    const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
    Task t = p.tasks[size_t(row)];
    const float dx = ImGui::GetIO().MousePos.x - d.pressX;
    switch (d.kind) {
        case Drag::Move: {
            const int days = int(std::lround(dx / pxPerDay_));
            if (days == 0) return;
            Date start = Date{ts.startDate.days + days};
            start = days > 0 ? cal.nextWorkingDay(start) : cal.workday(cal.workdayIndex(start + 1) - 1);
            if (t.constraint != Constraint::MSO) t.constraint = Constraint::SNET;
            t.constraintDate = start;
            doc_.execute(editTask(t));
            const TaskSchedule& now = doc_.schedule().tasks[size_t(row)];
            if (now.startDate > start)
                onError_("\"" + t.name + "\" starts " + now.startDate.str() + ": its links keep it from starting on " + start.str());
            return;
        }
        case Drag::Resize: {
            const double endDay = dayAt(xOf(barEnd_[size_t(row)]) + dx);
            int64_t finish;
            if (pxPerDay_ >= 120) { // hours are visible: snap the finish to the hour
                const Date day{int32_t(std::floor(endDay))};
                const double frac = endDay - day.days;
                finish = cal.instantAt(day) + (cal.isWorkingDay(day) ? int64_t(std::lround(frac * mpd / 60.0)) * 60 : 0);
            } else finish = cal.endOfDay(Date{int32_t(std::lround(endDay)) - 1});
            const int64_t step = pxPerDay_ >= 120 ? 60 : mpd;
            const int64_t duration = std::max<int64_t>(step, finish - ts.start);
            if (duration == t.duration) return;
            t.duration = duration;
            t.milestone = false;
            doc_.execute(editTask(t));
            return;
        }
        case Drag::Progress: {
            const float x0 = xOf(barStart_[size_t(row)]), x1 = xOf(barEnd_[size_t(row)]);
            const float px = std::clamp(ImGui::GetIO().MousePos.x, x0, x1);
            const int pct = x1 > x0 ? int(std::lround((px - x0) / (x1 - x0) * 20)) * 5 : 0;
            if (pct == t.percentComplete) return;
            t.percentComplete = pct;
            doc_.execute(editTask(t));
            return;
        }
        case Drag::Link: {
            if (d.targetRow < 0 || d.targetRow == row) return;
            const Task& other = p.tasks[size_t(d.targetRow)];
            Link l;
            l.id = Id::random();
            l.predecessor = t.id;
            l.successor = other.id;
            l.type = d.fromEnd ? (d.targetEnd ? LinkType::FF : LinkType::FS) : (d.targetEnd ? LinkType::SF : LinkType::SS);
            for (const Link& e : p.links)
                if (e.predecessor == l.predecessor && e.successor == l.successor) {
                    onError_("\"" + t.name + "\" is already linked to \"" + other.name + "\"");
                    return;
                }
            std::string why;
            if (!doc_.executeChecked(addLink(l), why) && !why.empty()) onError_("Not linked: it would make a loop (" + why + ")");
            return;
        }
        case Drag::None: return;
    }
}

void GanttView::handleTimelineInput(ImVec2 min, ImVec2 max) {
    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsMouseHoveringRect(min, max) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    // A drag in progress: follow the mouse, finish on release.
    if (drag_.kind != Drag::None) {
        drag_.active = drag_.active || std::abs(io.MousePos.x - drag_.pressX) > 3 || (drag_.kind == Drag::Link && io.MouseDelta.y != 0);
        if (drag_.kind == Drag::Link) {
            drag_.targetRow = -1;
            const int shown = firstDisplay_ + int(std::floor((io.MousePos.y - firstRowY_) / rowHeight_));
            if (io.MousePos.y >= min.y && shown >= 0 && size_t(shown) < visible_.size()) {
                drag_.targetRow = visible_[size_t(shown)];
                const float a = xOf(barStart_[size_t(drag_.targetRow)]), b = xOf(barEnd_[size_t(drag_.targetRow)]);
                drag_.targetEnd = io.MousePos.x > (a + b) * 0.5f;
            }
        }
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) finishDrag();
        return;
    }
    // Links under the mouse: highlighted, and a click opens their editor.
    hoveredLink_ = -1;
    if (hovered && !panning_) {
        float best = 5.0f;
        for (const LinkHit& h : linkHits_)
            for (int k = 0; k + 1 < h.n; ++k) {
                const ImVec2 a = h.pts[k], b = h.pts[k + 1];
                const ImVec2 ab(b.x - a.x, b.y - a.y);
                const float len2 = ab.x * ab.x + ab.y * ab.y;
                const float u = len2 > 0 ? std::clamp(((io.MousePos.x - a.x) * ab.x + (io.MousePos.y - a.y) * ab.y) / len2, 0.0f, 1.0f) : 0.0f;
                const float ddx = a.x + ab.x * u - io.MousePos.x, ddy = a.y + ab.y * u - io.MousePos.y;
                const float dist = std::sqrt(ddx * ddx + ddy * ddy);
                if (dist < best) { best = dist; hoveredLink_ = int(h.link); }
            }
        if (hoveredLink_ >= 0) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
                const Link& l = doc_.project().links[size_t(hoveredLink_)];
                linkEdit_.link = l.id;
                linkEdit_.type = int(l.type);
                std::snprintf(linkEdit_.lag, sizeof linkEdit_.lag, "%s", formatDuration(l.lag, doc_.project().calendar.minutesPerDay).c_str());
                linkEdit_.open = true;
                return;
            }
        }
    }
    if (hovered && io.MouseWheel != 0 && io.KeyCtrl) {
        const double anchor = dayAt(io.MousePos.x);
        pxPerDay_ = std::clamp(pxPerDay_ * std::pow(1.2f, io.MouseWheel), kMinPxPerDay, kMaxPxPerDay);
        originDay_ = anchor - (io.MousePos.x - timelineX_) / pxPerDay_;
    }
    const float wheelX = io.MouseWheelH != 0 ? -io.MouseWheelH : (io.KeyShift && !io.KeyCtrl ? io.MouseWheel : 0.0f);
    if (hovered && wheelX != 0) originDay_ -= wheelX * 60.0f / pxPerDay_;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsAnyItemActive()) panning_ = true;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Middle)) panning_ = true;
    if (panning_) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
            originDay_ -= io.MouseDelta.x / pxPerDay_;
            if (io.MouseDelta.x != 0) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        } else panning_ = false;
    }
}

void GanttView::linkPopup() {
    if (linkEdit_.open) {
        ImGui::OpenPopup("Link");
        linkEdit_.open = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 22, 0));
    if (!ImGui::BeginPopup("Link")) return;
    const Project& p = doc_.project();
    auto it = std::find_if(p.links.begin(), p.links.end(), [&](const Link& l) { return l.id == linkEdit_.link; });
    if (it == p.links.end()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const Task* a = p.task(it->predecessor);
    const Task* b = p.task(it->successor);
    ImGui::TextWrapped("%s  →  %s", a ? a->name.c_str() : "?", b ? b->name.c_str() : "?");
    static const char* types[] = {"Finish-to-start (FS)", "Start-to-start (SS)", "Finish-to-finish (FF)", "Start-to-finish (SF)"};
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
    if (ImGui::BeginCombo("Type", types[std::clamp(linkEdit_.type, 0, 3)])) {
        for (int k = 0; k < 4; ++k) {
            if (ImGui::Selectable(types[k], linkEdit_.type == k)) linkEdit_.type = k;
            tagItem("link.type." + std::string(linkTypeName(LinkType(k))));
        }
        ImGui::EndCombo();
    }
    tagItem("link.type");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
    ImGui::InputText("Lag", linkEdit_.lag, sizeof linkEdit_.lag);
    tagItem("link.lag");
    ImGui::TextDisabled("Lag in working time: 2d, 4h, -1d (a lead)");
    if (ImGui::Button("Apply")) {
        auto lag = parseDuration(linkEdit_.lag, p.calendar.minutesPerDay, true);
        if (!lag) onError_("\"" + std::string(linkEdit_.lag) + "\" is not a lag — e.g. 2d, 4h or -1d");
        else {
            Link l = *it;
            l.type = LinkType(linkEdit_.type);
            l.lag = *lag;
            if (!(l == *it)) {
                std::string why;
                if (!doc_.executeChecked(editLink(l), why) && !why.empty()) onError_("Not changed: " + why);
            }
            ImGui::CloseCurrentPopup();
        }
    }
    tagItem("link.apply");
    ImGui::SameLine();
    if (ImGui::Button("Delete link")) {
        doc_.execute(deleteLink(it->id));
        ImGui::CloseCurrentPopup();
    }
    tagItem("link.delete");
    ImGui::EndPopup();
}

void GanttView::contextMenu() {
    if (openContext_) ImGui::OpenPopup("gantt.context");
    openContext_ = false;
    if (!ImGui::BeginPopup("gantt.context")) return;
    const bool one = selectedIds().size() == 1;
    if (ImGui::MenuItem(canEdit() ? "Edit task…" : "Task details…", "Double-click", false, one && contextRow_ >= 0)) openEditor(contextRow_);
    tagItem("context.edit");
    if (canEdit()) { // a read-only plan offers no edits at all
        ImGui::Separator();
        if (ImGui::MenuItem("Insert task", "Insert")) insertTaskBelowSelection();
        tagItem("context.insert");
        if (ImGui::MenuItem(one ? "Delete task" : "Delete tasks", "Delete")) deleteSelection();
        tagItem("context.delete");
        ImGui::Separator();
        if (ImGui::MenuItem("Indent", "Tab")) indentSelection(false);
        tagItem("context.indent");
        if (ImGui::MenuItem("Outdent", "Shift+Tab")) indentSelection(true);
        tagItem("context.outdent");
        if (ImGui::MenuItem("Move up", "Alt+Up", false, one)) moveSelection(-1);
        if (ImGui::MenuItem("Move down", "Alt+Down", false, one)) moveSelection(+1);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Scroll to task", nullptr, false, contextRow_ >= 0)) scrollToTask(contextRow_);
    tagItem("context.scrollTo");
    ImGui::TextDisabled("Copy / paste rows: Ctrl+C, Ctrl+V");
    ImGui::EndPopup();
}

void GanttView::openEditor(int row) {
    const Project& p = doc_.project();
    if (row < 0 || size_t(row) >= p.tasks.size()) return;
    const Task& t = p.tasks[size_t(row)];
    Editor& e = editor_;
    e = Editor{};
    e.open = true;
    e.task = t.id;
    auto put = [](char* buf, size_t n, const std::string& s) { std::snprintf(buf, n, "%s", s.c_str()); };
    auto date = [](const std::optional<Date>& d) { return d ? d->str() : std::string(); };
    put(e.name, sizeof e.name, t.name);
    put(e.duration, sizeof e.duration, formatDuration(t.milestone ? 0 : t.duration, p.calendar.minutesPerDay));
    e.constraint = int(t.constraint);
    put(e.constraintDate, sizeof e.constraintDate, date(t.constraintDate));
    put(e.deadline, sizeof e.deadline, date(t.deadline));
    put(e.actualStart, sizeof e.actualStart, date(t.actualStart));
    put(e.actualFinish, sizeof e.actualFinish, date(t.actualFinish));
    put(e.notes, sizeof e.notes, t.notes);
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
    if (e.open && !ImGui::IsPopupOpen("Task")) ImGui::OpenPopup("Task");
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0));
    if (!ImGui::BeginPopupModal("Task", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
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
    field("Name", "##name", e.name, sizeof e.name, "");
    if (!summary) {
        field("Duration", "##duration", e.duration, sizeof e.duration, "5d, 4h, 0d for a milestone");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Schedule");
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
        auto label = [](void*, int k, const char** out) { *out = constraintLabel(Constraint(k)); return true; };
        ImGui::Combo("##constraint", &e.constraint, label, nullptr, int(Constraint::MSO) + 1);
        tagItem("editor.constraint");
        if (e.constraint != 0) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputTextWithHint("##constraintDate", "YYYY-MM-DD", e.constraintDate, sizeof e.constraintDate);
            tagItem("editor.constraintDate");
        }
    }
    field("Deadline", "##deadline", e.deadline, sizeof e.deadline, "YYYY-MM-DD (optional)");
    if (!summary) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("% complete");
        ImGui::SameLine(labelW);
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::SliderInt("##percent", &e.percent, 0, 100, "%d%%");
        tagItem("editor.percent");
        field("Actual start", "##actualStart", e.actualStart, sizeof e.actualStart, "YYYY-MM-DD (when it really started)");
        field("Actual finish", "##actualFinish", e.actualFinish, sizeof e.actualFinish, "YYYY-MM-DD (when it really finished)");
    }
    if (!summary && !p.resources.empty() && e.units.size() == p.resources.size()) {
        // Who works on it, and how much of their time (100% = full days).
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Resources");
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
    ImGui::TextUnformatted("Notes");
    ImGui::SameLine(labelW);
    ImGui::InputTextMultiline("##notes", e.notes, sizeof e.notes, ImVec2(-FLT_MIN, ImGui::GetFontSize() * 4));
    tagItem("editor.notes");
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
        ok = ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 5, 0)) ||
             (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !ImGui::IsAnyItemActive());
        tagItem("editor.ok");
        ImGui::SameLine();
    }
    const bool cancel = ImGui::Button(canEdit() ? "Cancel" : "Close", ImVec2(ImGui::GetFontSize() * 5, 0)) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    tagItem("editor.cancel");
    if (ok) {
        // Validate everything first: a bad field keeps the dialog open and changes nothing.
        Task t = p.tasks[size_t(row)];
        const int mpd = p.calendar.minutesPerDay;
        auto optDate = [&](const char* text, const char* what, std::optional<Date>& out) {
            std::string s = text;
            if (s.find_first_not_of(' ') == std::string::npos) { out.reset(); return true; }
            auto d = Date::parseLoose(s);
            if (!d) { e.error = std::string(what) + " \"" + s + "\" is not a date — use YYYY-MM-DD"; return false; }
            out = d;
            return true;
        };
        e.error.clear();
        t.name = e.name;
        bool valid = true;
        if (!summary) {
            auto m = parseDuration(e.duration, mpd);
            if (!m) { e.error = "\"" + std::string(e.duration) + "\" is not a duration — e.g. 5d, 4h or 1d 4h"; valid = false; }
            else { t.duration = *m; t.milestone = *m == 0; }
            t.constraint = Constraint(e.constraint);
            if (valid && t.constraint != Constraint::ASAP) {
                valid = optDate(e.constraintDate, constraintLabel(t.constraint), t.constraintDate);
                if (valid && !t.constraintDate) { e.error = std::string(constraintLabel(t.constraint)) + " needs a date"; valid = false; }
            } else if (t.constraint == Constraint::ASAP) t.constraintDate.reset();
            t.percentComplete = e.percent;
            valid = valid && optDate(e.actualStart, "Actual start", t.actualStart) && optDate(e.actualFinish, "Actual finish", t.actualFinish);
            if (valid && t.actualFinish && !t.actualStart) { e.error = "An actual finish needs an actual start"; valid = false; }
            if (valid && t.actualFinish && t.actualStart && *t.actualFinish < *t.actualStart) { e.error = "The actual finish is before the actual start"; valid = false; }
        }
        valid = valid && optDate(e.deadline, "Deadline", t.deadline);
        t.notes = e.notes;
        if (valid) {
            std::vector<CommandPtr> steps;
            if (!(t == p.tasks[size_t(row)])) steps.push_back(editTask(t));
            if (!summary && e.units.size() == p.resources.size()) {
                std::vector<Assignment> team;
                for (size_t r = 0; r < p.resources.size(); ++r)
                    if (e.units[r] > 0) team.push_back({e.assignment[r], t.id, p.resources[r].id, e.units[r], 0});
                steps.push_back(setTaskResources(p, t.id, team));
            }
            if (CommandPtr c = group("Edit \"" + t.name + "\"", std::move(steps))) doc_.execute(std::move(c));
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
