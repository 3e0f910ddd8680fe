// [SECTION] Derived data   — bar positions and cell texts, rebuilt when the project changes
// [SECTION] Table          — header, rows (ImGuiListClipper), in-place editing
// [SECTION] Timeline       — scale, shading, bars, links, zoom and pan
#include "gantt_view.hpp"
#include "keys.hpp"

#include "core/duration.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plotline {

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
    barStart_.resize(n);
    barEnd_.resize(n);
    durationText_.resize(n);
    startText_.resize(n);
    finishText_.resize(n);
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
        const int64_t dur = ts.summary ? ts.finish - ts.start : (p.tasks[i].milestone ? 0 : p.tasks[i].duration);
        durationText_[i] = formatDuration(dur, mpd);
        startText_[i] = ts.startDate.str();
        finishText_[i] = ts.finishDate.str();
    }
    std::unordered_map<Id, int, IdHash> row;
    row.reserve(n);
    for (size_t i = 0; i < n; ++i) row[p.tasks[i].id] = int(i);
    links_.clear();
    for (const Link& l : p.links) {
        auto a = row.find(l.predecessor), b = row.find(l.successor);
        if (a != row.end() && b != row.end()) links_.push_back({a->second, b->second, l.type});
    }
    if (selected_ >= int(n)) selected_ = int(n) - 1;
    if (!originSet_ && n > 0) {
        originDay_ = s.start.days - 3;
        originSet_ = true;
    }
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] View commands and row actions
// ---------------------------------------------------------------------------------------------------

void GanttView::zoom(float factor) {
    const double centre = dayAt(timelineX_ + timelineW_ * 0.5f);
    pxPerDay_ = std::clamp(pxPerDay_ * factor, 0.15f, 160.0f);
    originDay_ = centre - (timelineW_ * 0.5f) / pxPerDay_;
}

void GanttView::fitProject() {
    const Schedule& s = doc_.schedule();
    const double days = std::max(7, s.finish - s.start + 1);
    // Leave room on the right for the last bars' names.
    const float labelRoom = std::min(timelineW_ * 0.25f, ImGui::GetFontSize() * 12);
    pxPerDay_ = std::clamp(float((timelineW_ - 40 - labelRoom) / days), 0.15f, 160.0f);
    originDay_ = s.start.days - 20.0 / pxPerDay_;
    originSet_ = true;
}

void GanttView::goTo(Date day) {
    originDay_ = day.days - (timelineW_ * 0.3f) / pxPerDay_;
    originSet_ = true;
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
    const Project& p = doc_.project();
    if (selected_ < 0 || size_t(selected_) >= p.tasks.size()) return;
    doc_.execute(deleteTasks({p.tasks[size_t(selected_)].id}));
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] Table
// ---------------------------------------------------------------------------------------------------

void GanttView::startEdit(int row, Column col) {
    const Project& p = doc_.project();
    if (row < 0 || size_t(row) >= p.tasks.size()) return;
    const Task& t = p.tasks[size_t(row)];
    const bool summary = doc_.schedule().tasks[size_t(row)].summary;
    std::string text;
    switch (col) {
        case ColName: text = t.name; break;
        case ColStart: if (summary) return; text = startText_[size_t(row)]; break;
        case ColFinish: if (summary || t.milestone) return; text = finishText_[size_t(row)]; break;
        case ColDuration: if (summary) return; text = durationText_[size_t(row)]; break;
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
    static const char* names[] = {"id", "name", "start", "finish", "duration", "percent"};
    tagRect(std::string("task.") + names[col] + "." + std::to_string(row), min, max);
    if (editable && ImGui::IsMouseHoveringRect(min, max) && ImGui::IsWindowHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) startEdit(row, col);
    }
}

void GanttView::drawHeader(float headerHeight) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, headerHeight);
    for (int c = 0; c < ColTimeline; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
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
    ImGui::PopClipRect();
    tagRect("gantt.scale", min, max);
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
    if (ImGui::Selectable(label, selected_ == row, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0, rowHeight - 2 * ImGui::GetStyle().CellPadding.y))) {
        selected_ = row;
        if (edit_.column >= 0 && edit_.row != row) commitEdit();
    }
    const float fs = ImGui::GetFontSize();
    const ImU32 nameColor = ts.summary ? theme::kSummary : 0;
    drawTextCell(row, ColName, t.name.empty() ? std::string("(no name)") : t.name, true, (ts.level - 1) * fs * 1.1f,
                 t.name.empty() ? theme::kMuted : nameColor);
    drawTextCell(row, ColStart, startText_[size_t(row)], !ts.summary);
    drawTextCell(row, ColFinish, finishText_[size_t(row)], !ts.summary && !t.milestone);
    drawTextCell(row, ColDuration, durationText_[size_t(row)], !ts.summary, 0, ts.summary ? theme::kMuted : 0);
    drawTextCell(row, ColPercent, std::to_string(ts.percentComplete) + "%", !ts.summary);
    ImGui::TableSetColumnIndex(ColTimeline);
    if (backgroundPending_) {
        // Shading, grid and the today line go under the bars of every row: drawn once, from the first row.
        // Everything in the timeline keeps the column's own clip rectangle (it spans the visible rows):
        // a different clip rectangle would stop the table from merging the column's draw channel, and
        // the parts would then be composed out of order.
        drawTimelineBackground(ImGui::GetWindowDrawList(), bodyMin_, bodyMax_, today_);
        backgroundPending_ = false;
    }
    drawBar(ImGui::GetWindowDrawList(), row, ImGui::GetCursorScreenPos(), rowHeight);
    ImGui::PopID();
}

void GanttView::draw(Date today) {
    refresh();
    const Project& p = doc_.project();
    const float fs = ImGui::GetFontSize();
    const float rowHeight = std::floor(fs * 1.9f);
    const float headerHeight = std::floor(fs * 2.9f);

    // Keyboard: selection and editing, when no text field has the keyboard.
    if (!ImGui::GetIO().WantTextInput && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        const int n = int(p.tasks.size());
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) && n) { selected_ = std::min(n - 1, selected_ + 1); scrollToRow_ = selected_; }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) && n) { selected_ = std::max(0, selected_ - 1); scrollToRow_ = selected_; }
        if ((ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) || ImGui::IsKeyPressed(keys::F2)) && selected_ >= 0)
            startEdit(selected_, ColName);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete)) && selected_ >= 0) deleteSelection();
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Insert))) insertTaskBelowSelection();
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
                                  ImGuiTableFlags_NoPadOuterX;
    if (!ImGui::BeginTable("gantt", ColCount, flags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize, fs * 2.4f);
    ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_WidthFixed, fs * 17);
    ImGui::TableSetupColumn("Start", ImGuiTableColumnFlags_WidthFixed, fs * 6.2f);
    ImGui::TableSetupColumn("Finish", ImGuiTableColumnFlags_WidthFixed, fs * 6.2f);
    ImGui::TableSetupColumn("Duration", ImGuiTableColumnFlags_WidthFixed, fs * 4.6f);
    ImGui::TableSetupColumn("Done", ImGuiTableColumnFlags_WidthFixed, fs * 3.2f);
    ImGui::TableSetupColumn("Timeline", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoResize);
    drawHeader(headerHeight);

    ImGuiTable* table = ImGui::GetCurrentTable();
    const ImGuiTableColumn& tcol = table->Columns[ColTimeline];
    const ImVec2 bodyMin(tcol.MinX, table->OuterRect.Min.y + headerHeight), bodyMax(tcol.MaxX, table->InnerClipRect.Max.y);

    if (scrollToRow_ >= 0) {
        const float y = scrollToRow_ * rowHeight, top = ImGui::GetScrollY(), h = bodyMax.y - bodyMin.y;
        if (y < top) ImGui::SetScrollY(y);
        else if (y + rowHeight > top + h) ImGui::SetScrollY(y + rowHeight - h);
        scrollToRow_ = -1;
    }

    ImGuiListClipper clipper;
    clipper.Begin(int(p.tasks.size()), rowHeight);
    int first = -1, last = -1;
    float firstY = 0;
    backgroundPending_ = true;
    bodyMin_ = bodyMin;
    bodyMax_ = bodyMax;
    today_ = today;
    labels_.clear();
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            if (first < 0) first = row;
            drawRow(row, rowHeight);
            if (row == first) firstY = table->RowPosY1;
            last = row;
        }
    }
    if (first >= 0) {
        // The clipper has ended the last row, so no cell is current: draw links and labels straight
        // into the timeline column's draw channel, with its clip rectangle, above its bars.
        const ImGuiTableColumn& column = table->Columns[ColTimeline];
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImGui::PushClipRect(column.ClipRect.Min, column.ClipRect.Max, false);
        table->DrawSplitter->SetCurrentChannel(dl, column.DrawChannelCurrent);
        drawLinks(dl, first, last, firstY, rowHeight);
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
    ImGui::EndTable();
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
            static const char* full[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
            if (top) std::snprintf(buf, sizeof buf, width > 130 ? "%s %d" : "%.3s %d", full[m - 1], y);
            else std::snprintf(buf, sizeof buf, width > 70 ? "%s" : "%.3s", full[m - 1]);
            break;
        }
        case Unit::Quarter: std::snprintf(buf, sizeof buf, top ? "Q%d %d" : "Q%d", (m - 1) / 3 + 1, y); break;
        case Unit::Year: std::snprintf(buf, sizeof buf, "%d", y); break;
    }
    return buf;
}

} // namespace

void GanttView::drawScale(ImDrawList* dl, ImVec2 min, ImVec2 max) {
    const float fs = ImGui::GetFontSize();
    Unit bottom, top;
    if (pxPerDay_ >= fs * 1.5f) { bottom = Unit::Day; top = Unit::Month; }
    else if (pxPerDay_ * 7 >= fs * 2.2f) { bottom = Unit::Week; top = Unit::Month; }
    else if (pxPerDay_ * 30 >= fs * 2.4f) { bottom = Unit::Month; top = Unit::Year; }
    else { bottom = Unit::Quarter; top = Unit::Year; }
    if (bottom == Unit::Quarter && pxPerDay_ * 91 < fs * 2.2f) { bottom = Unit::Year; top = Unit::Year; }
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
    const float x0 = xOf(barStart_[size_t(row)]), x1 = xOf(barEnd_[size_t(row)]);
    const float fs = ImGui::GetFontSize();
    float labelX;
    if (ts.finish == ts.start) {
        const float r = std::floor(fs * 0.45f);
        const ImVec2 c(std::floor(x0), cy);
        dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), theme::kMilestone);
        tagRect("gantt.bar." + std::to_string(row), ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
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
    } else {
        const float h = std::floor(rowHeight * 0.5f), y0 = cy - h * 0.5f;
        const float rounding = std::min(3.0f, w * 0.5f);
        const bool critical = showCritical && ts.critical;
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), critical ? theme::kCritical : theme::kBar, rounding);
        if (ts.percentComplete > 0)
            dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w * ts.percentComplete / 100.0f, y0 + h),
                              critical ? theme::kCriticalProgress : theme::kBarProgress, rounding);
        tagRect("gantt.bar." + std::to_string(row), ImVec2(x0, y0), ImVec2(x0 + w, y0 + h));
        if (ImGui::IsMouseHoveringRect(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h)) && ImGui::IsWindowHovered() && !panning_) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(t.name.c_str());
            ImGui::TextDisabled("%s → %s  ·  %s  ·  %d%% done", startText_[size_t(row)].c_str(), finishText_[size_t(row)].c_str(),
                                durationText_[size_t(row)].c_str(), ts.percentComplete);
            if (ts.critical) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kCriticalProgress), "Critical: no float");
            else ImGui::TextDisabled("Float %s (free %s)", formatDuration(ts.totalFloat, p.calendar.minutesPerDay).c_str(),
                                     formatDuration(ts.freeFloat, p.calendar.minutesPerDay).c_str());
            ImGui::EndTooltip();
        }
    }
    if (pxPerDay_ >= 2.0f) labels_.push_back({ImVec2(x0 + w + 6, cy - fs * 0.5f), row, false});
}

void GanttView::drawLinks(ImDrawList* dl, int firstRow, int lastRow, float firstY, float rowHeight) {
    const float s = std::floor(ImGui::GetFontSize() * 0.5f), head = std::floor(ImGui::GetFontSize() * 0.32f);
    auto yMid = [&](int row) { return std::floor(firstY + (row - firstRow) * rowHeight + rowHeight * 0.5f) + 0.5f; };
    for (const LinkRows& l : links_) {
        if (std::max(l.from, l.to) < firstRow || std::min(l.from, l.to) > lastRow) continue;
        const bool fromEnd = l.type == LinkType::FS || l.type == LinkType::FF;
        const bool toStart = l.type == LinkType::FS || l.type == LinkType::SS;
        const float fx = std::floor(xOf(fromEnd ? barEnd_[size_t(l.from)] : barStart_[size_t(l.from)])) + 0.5f;
        const float tx = std::floor(xOf(toStart ? barStart_[size_t(l.to)] : barEnd_[size_t(l.to)])) + 0.5f;
        const float fy = yMid(l.from), ty = yMid(l.to);
        const float outX = fromEnd ? fx + s : fx - s;      // first stub, away from the bar
        const float inX = toStart ? tx - s : tx + s;       // last stub, into the target end
        ImVec2 pts[6];
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
        dl->AddPolyline(pts, n, theme::kLink, ImDrawFlags_None, 1.2f);
        if (toStart) dl->AddTriangleFilled(ImVec2(tx, ty), ImVec2(tx - head, ty - head), ImVec2(tx - head, ty + head), theme::kLink);
        else dl->AddTriangleFilled(ImVec2(tx, ty), ImVec2(tx + head, ty - head), ImVec2(tx + head, ty + head), theme::kLink);
    }
}

void GanttView::handleTimelineInput(ImVec2 min, ImVec2 max) {
    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsMouseHoveringRect(min, max) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (hovered && io.MouseWheel != 0 && io.KeyCtrl) {
        const double anchor = dayAt(io.MousePos.x);
        pxPerDay_ = std::clamp(pxPerDay_ * std::pow(1.2f, io.MouseWheel), 0.15f, 160.0f);
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

} // namespace plotline
