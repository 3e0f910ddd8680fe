// The Gantt view: one class over five files, each named for what it draws.
//   gantt_view.cpp      derived data (bar positions, cell texts, visible rows), selection, the edits the
//                       table and menus issue, and the frame: the table with its frozen header
//   gantt_table.cpp     cells, header and rows of the task table, in-place editing
//   gantt_timeline.cpp  scale, shading, bars, links, baselines, the progress line
//   gantt_drag.cpp      bar handles, drags and their one command, pan and zoom, link editor, context menu
//   gantt_editor.cpp    the task editor
#include "gantt_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "core/csv.hpp"
#include "keys.hpp"

#include "core/csv_io.hpp"
#include "core/duration.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace plotline {

namespace {
// Column titles, in the order of GanttView::Column.
const char* const kColumnNames[] = {"#", N_("WBS"), N_("Task"), N_("Start"), N_("Finish"), N_("Duration"), N_("Predecessors"), N_("Float"), N_("Done"), N_("Resources"), N_("Cost"), N_("Actual cost"), N_("Start var."), N_("Finish var."), N_("Timeline")};

// Whether an id is one of the selected: compared with each while they are few (a search over every
// task's id then hashes none), looked up in the set when many.
class InSelection {
public:
    explicit InSelection(const std::unordered_set<Id, IdHash>& selection) : set_(selection) {
        if (selection.size() <= 8) few_.assign(selection.begin(), selection.end());
    }
    bool operator()(Id id) const { return few_.empty() ? set_.count(id) > 0 : std::find(few_.begin(), few_.end(), id) != few_.end(); }

private:
    const std::unordered_set<Id, IdHash>& set_;
    std::vector<Id> few_;
};
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
    const size_t n = p.tasks.size();
    // A cell being edited stays with its task when rows move (an undo, a merge) and closes if the
    // task is gone: its field is never left over another task's row.
    if (editing() && (size_t(edit_.row) >= n || p.tasks[size_t(edit_.row)].id != edit_.task)) {
        edit_.row = p.taskIndex(edit_.task);
        if (edit_.row < 0) edit_.column = -1;
    }
    // An edit that kept the plan's structure (a task moved, resized, renamed) and the one run of the
    // scheduler since the last refresh: the rows, links and outline are as they were (bars are made
    // from the schedule as they are drawn, barOf).
    if (follower_.follows(s) && parentRow_.size() == n) {
        if (!appliedFilter_.empty()) visibleDirty_ = true; // names may have changed
        return;
    }
    // Only numbers here, over compact lists (no pass over the tasks): the texts of a row are made when
    // it is drawn (rowTexts), so an edit in a plan of 100,000 tasks formats the few dozen rows on
    // screen, not all of them.
    // Room for rows to come: the first insert after opening a 100k-task plan moves no row's texts.
    if (rowTexts_.capacity() < n) rowTexts_.reserve(withRoomToGrow(n));
    rowTexts_.resize(n);
    // Outline position: the parent row, as the scheduler found it, and the place among its siblings
    // (1.2.3 is made from these).
    if (s.parentRow.size() == n) parentRow_ = s.parentRow;
    else parentRow_ = outlineParentRows(s); // (a schedule that did not come from a Scheduler)
    ordinal_.resize(n);
    std::vector<int>& count = scratch_; // children counted so far, per parent row + 1
    count.assign(n + 1, 0);
    for (size_t i = 0; i < n; ++i) ordinal_[i] = ++count[size_t(parentRow_[i] + 1)];
    // Rows of links and assignments as the schedule found them (no second lookup of every id): CSR
    // lists made by counting.
    auto group = [&](std::vector<int>& at, std::vector<int>& list, const std::vector<int>& rowOf) {
        at.assign(n + 1, 0);
        for (const int r : rowOf)
            if (r >= 0) ++at[size_t(r) + 1];
        for (size_t i = 0; i < n; ++i) at[i + 1] += at[i];
        list.resize(size_t(at[n]));
        count.assign(at.begin(), at.end() - 1);
        for (size_t k = 0; k < rowOf.size(); ++k)
            if (rowOf[k] >= 0) list[size_t(count[size_t(rowOf[k])]++)] = int(k);
    };
    // Each row's assignments, and each row's incoming links (for its Predecessors text, made per row
    // when drawn: see rowTexts), in the plan's order.
    group(assignmentsAt_, assignmentList_, s.assignmentRow);
    {
        // Links with a missing end are not drawn and name no predecessor.
        std::vector<int>& to = scratchLinks_; // (also read by the sort below)
        to.resize(p.links.size());
        for (size_t k = 0; k < to.size(); ++k) to[k] = s.linkFrom[k] >= 0 ? s.linkTo[k] : -1;
        group(predecessorsAt_, predecessorList_, to);
    }
    // Sorted by their upper row, short links first: a frame finds the ones crossing the rows on screen
    // by binary search, and scans only the few long ones. (A counting sort: rows are small numbers.)
    {
        std::vector<int>& at = count;
        at.assign(n + 1, 0);
        size_t shorts = 0;
        const std::vector<int>& to = scratchLinks_; // each link's successor row, -1 when an end is missing
        for (size_t k = 0; k < to.size(); ++k) {
            const int a = s.linkFrom[k], b = to[k];
            if (b >= 0 && std::abs(a - b) <= kShortLink) {
                ++at[size_t(std::min(a, b)) + 1];
                ++shorts;
            }
        }
        for (size_t i = 0; i < n; ++i) at[i + 1] += at[i];
        links_.resize(predecessorList_.size());
        size_t longAt = shorts;
        for (size_t k = 0; k < to.size(); ++k) {
            const int a = s.linkFrom[k], b = to[k];
            if (b < 0) continue;
            const LinkRows l{a, b, k};
            if (std::abs(a - b) <= kShortLink) links_[size_t(at[size_t(std::min(a, b))]++)] = l;
            else links_[longAt++] = l;
        }
        shortLinks_ = shorts;
    }
    if (!selection_.empty() && !oneSelectedAtRow()) {
        // Forget selected tasks that are gone (one found where the selected row is needs no search),
        // searched for in the scheduler's list of ids rather than over every task.
        std::unordered_set<Id, IdHash> present;
        const InSelection selected(selection_);
        auto look = [&](Id id) {
            if (selected(id)) present.insert(id);
        };
        if (const std::vector<Id>& ids = doc_.scheduler().rowIds(); ids.size() == n && !doc_.scheduleIsStored())
            for (const Id id : ids) look(id);
        else
            for (const Task& t : p.tasks) look(t.id);
        for (auto it = selection_.begin(); it != selection_.end();) it = present.count(*it) ? std::next(it) : selection_.erase(it);
    }
    if (selected_ >= int(n)) selected_ = int(n) - 1;
    visibleDirty_ = true;
    if (!originSet_ && n > 0) {
        originDay_ = s.start.days - 3;
        originSet_ = true;
    }
}

const GanttView::RowTexts& GanttView::rowTexts(int row) const {
    RowTexts& t = rowTexts_[size_t(row)];
    if (t.revision == revision_ && t.generation == textGeneration()) return t;
    t.revision = revision_;
    t.generation = textGeneration();
    const Project& p = doc_.project();
    const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
    const Calendar& cal = p.calendar;
    const int mpd = cal.minutesPerDay;
    const Task& task = p.tasks[size_t(row)];
    t.duration = formatDuration(ts.summary ? ts.finish - ts.start : (task.milestone ? 0 : task.duration), mpd);
    t.start = ts.start % mpd == 0 ? formatDate(ts.startDate) : cal.startText(ts.start);
    t.finish = ts.finish % mpd == 0 ? formatDate(ts.finishDate) : cal.finishText(ts.finish);
    t.totalFloat = formatDuration(ts.totalFloat, mpd);
    t.wbs = std::to_string(ordinal_[size_t(row)]);
    for (int up = parentRow_[size_t(row)]; up >= 0; up = parentRow_[size_t(up)]) t.wbs = std::to_string(ordinal_[size_t(up)]) + "." + t.wbs;
    t.resources.clear();
    for (int k = assignmentsAt_[size_t(row)]; k < assignmentsAt_[size_t(row) + 1]; ++k) {
        const Assignment& a = p.assignments[size_t(assignmentList_[size_t(k)])];
        const int r = p.resourceIndex(a.resource);
        if (r < 0) continue;
        t.resources += (t.resources.empty() ? "" : ", ") + p.resources[size_t(r)].name + (a.units != 100 ? " " + formatPercent(a.units) : "");
    }
    // MS Project's notation, as CSV writes it (csv_io.hpp): "3FS+2d;5SS".
    t.predecessors.clear();
    const Schedule& s = doc_.schedule();
    for (int k = predecessorsAt_[size_t(row)]; k < predecessorsAt_[size_t(row) + 1]; ++k) {
        const Link& l = p.links[size_t(predecessorList_[size_t(k)])];
        t.predecessors += (t.predecessors.empty() ? "" : ";") + predecessorItem(size_t(s.linkFrom[size_t(predecessorList_[size_t(k)])]), l.type, l.lag, mpd);
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
        hidden[i] = pr >= 0 && (hidden[size_t(pr)] || (!collapsed_.empty() && needle.empty() && collapsed_.count(p.tasks[size_t(pr)].id)));
    }
    visible_.clear();
    displayOf_.assign(n, -1);
    for (size_t i = 0; i < n; ++i)
        if (keep[i] && !hidden[i]) {
            displayOf_[i] = int(visible_.size());
            visible_.push_back(int(i));
        }
    // Typing in the filter brings the first task that matches into view, in the rows and in time.
    if (filterChanged && firstMatch >= 0 && size_t(firstMatch) < parentRow_.size()) scrollToTask(firstMatch);
}

void GanttView::scrollToTask(int row) {
    if (row < 0 || size_t(row) >= parentRow_.size()) return;
    scrollToRow_ = row;
    const float left = xOf(barOf(row).start), right = xOf(barOf(row).end);
    if (left < timelineX_ + 20 || right > timelineX_ + timelineW_ - 20) {
        originDay_ = barOf(row).start - (timelineW_ * 0.2f) / pxPerDay_;
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

bool GanttView::oneSelectedAtRow() const {
    const Project& p = doc_.project();
    return selection_.size() == 1 && selected_ >= 0 && size_t(selected_) < p.tasks.size() && p.tasks[size_t(selected_)].id == *selection_.begin();
}

// In row order. A key's edit of the selected row (indent, move, delete) asks for these: one selected
// task at the selected row needs no search; otherwise the rows are compared with the few ids
// selected, not hashed (hashing every id of a 100k plan took ~1.5 ms a call natively), and the search
// stops at the last one.
std::vector<Id> GanttView::selectedIds() const {
    if (oneSelectedAtRow()) return {*selection_.begin()};
    const Project& p = doc_.project();
    std::vector<Id> ids;
    if (!selection_.empty()) {
        const InSelection selected(selection_);
        for (const Task& t : p.tasks) {
            if (selected(t.id)) ids.push_back(t.id);
            if (ids.size() == selection_.size()) break;
        }
    }
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
        if (ids.size() > 1) onError_(tr("Select one task to move it"));
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
        name = textCell(name); // a spreadsheet pastes "=…" as a formula
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
        onError_(fmt(tr("Cannot paste: {0}"), in.errors.front()));
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
        onError_(trn("Pasted {n} task", "Pasted {n} tasks", int64_t(count)));
    }
}

void GanttView::insertTaskBelowSelection() {
    const Project& p = doc_.project();
    Task t;
    t.id = Id::random();
    t.name = tr("New task");
    t.duration = p.calendar.minutesPerDay;
    size_t at = p.tasks.size();
    if (selected_ >= 0 && size_t(selected_) < p.tasks.size()) {
        // A sibling of the selected task, after its subtree (the rows below it at a deeper level: the
        // schedule has every row's level, so only the subtree is walked).
        const std::vector<TaskSchedule>& rows = doc_.schedule().tasks;
        at = size_t(selected_) + 1;
        while (at < p.tasks.size() && rows[at].level > rows[size_t(selected_)].level) ++at;
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
        else if (io.KeyAlt && press(ImGuiKey_RightArrow)) nudgeSelected(+1, io.KeyShift);
        else if (io.KeyAlt && press(ImGuiKey_LeftArrow)) nudgeSelected(-1, io.KeyShift);
        else if (press(ImGuiKey_DownArrow) && shown) { selectRow(visible_[size_t(std::min(shown - 1, at + 1))]); scrollToRow_ = selected_; }
        else if (press(ImGuiKey_UpArrow) && shown) { selectRow(visible_[size_t(std::max(0, at - 1))]); scrollToRow_ = selected_; }
        if ((press(ImGuiKey_Enter) || ImGui::IsKeyPressed(keys::F2)) && selected_ >= 0) startEdit(selected_, ColName);
        if (press(ImGuiKey_Delete) && selected_ >= 0) deleteSelection();
        if (press(ImGuiKey_Insert)) insertTaskBelowSelection();
        if (press(ImGuiKey_Tab) && selected_ >= 0) indentSelection(io.KeyShift);
    }

    if (p.tasks.empty()) {
        ImGui::Dummy(ImVec2(0, fs * 4));
        const char* msg = tr("This plan has no tasks yet.");
        ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(msg).x) * 0.5f);
        ImGui::TextUnformatted(msg);
        const char* btn = tr("Add the first task");
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
    // A title wider than its column (another language) widens the column rather than being cut off.
    auto column = [&](int c, ImGuiTableColumnFlags f, float width) {
        const char* title = tr(kColumnNames[c]);
        ImGui::TableSetupColumn(title, f, std::max(width, std::ceil(ImGui::CalcTextSize(title).x + fs * 0.9f)));
    };
    ImGui::TableSetupColumn(kColumnNames[ColId], fixed | ImGuiTableColumnFlags_NoResize | ImGuiTableColumnFlags_NoHide,
                            std::ceil(fs * (0.56f * float(digits) + 0.95f)));
    column(ColWbs, fixed | off, fs * 3.2f);
    column(ColName, fixed | ImGuiTableColumnFlags_NoHide, fs * 17);
    column(ColStart, fixed, fs * 6.2f);
    column(ColFinish, fixed, fs * 6.2f);
    column(ColDuration, fixed, fs * 4.6f);
    column(ColPredecessors, fixed, fs * 6.4f);
    column(ColFloat, fixed | off, fs * 3.6f);
    column(ColPercent, fixed, fs * 3.2f);
    column(ColResources, fixed | off, fs * 8);
    column(ColCost, fixed | off, fs * 6.5f);
    column(ColActual, fixed | off, fs * 6.5f);
    column(ColStartVar, fixed | off, fs * 4.2f);
    column(ColFinishVar, fixed | off, fs * 4.2f);
    ImGui::TableSetupColumn(tr(kColumnNames[ColTimeline]), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoResize | ImGuiTableColumnFlags_NoHide);
    for (int c = 0; c < ColCount; ++c) {
        if (columnRequest_[c]) ImGui::TableSetColumnEnabled(c, columnRequest_[c] > 0);
        columnRequest_[c] = 0;
        columnShown_[c] = (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsEnabled) != 0;
    }
    // At a large UI scale or in a narrow window the columns would take the whole width, and Dear ImGui
    // would squeeze them all and cut their titles: the task names' column gives way first (down to 8
    // em), so the other columns keep their titles and the timeline keeps up to a quarter of the width.
    ImGuiTable* table = ImGui::GetCurrentTable();
    if (table->Columns[ColName].WidthRequest > 0) {
        const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
        float others = 0;
        for (int c = 0; c < ColTimeline; ++c)
            if (c != ColName && columnShown_[c]) others += std::max(0.0f, table->Columns[c].WidthRequest) + padding;
        const float room = std::floor(size.x * 0.75f - others - padding);
        if (table->Columns[ColName].WidthRequest > room + 0.5f) ImGui::TableSetColumnWidth(ColName, std::max(fs * 8, room));
    }
    drawHeader(headerHeight);

    const ImGuiTableColumn& tcol = table->Columns[ColTimeline];
    const ImVec2 bodyMin(tcol.MinX, table->OuterRect.Min.y + headerHeight), bodyMax(tcol.MaxX, table->InnerClipRect.Max.y);

    // A task added this frame (Insert on the last row) has no row here until the next frame, and the
    // table counts its height only from then: such a scroll is tried again (a new task's name is
    // edited only once its row is drawn). Otherwise a row that is not shown is not scrolled to.
    int scrollAgain = -1;
    if (scrollToRow_ >= 0 && size_t(scrollToRow_) >= displayOf_.size()) scrollAgain = scrollToRow_;
    else if (scrollToRow_ >= 0 && displayOf_[size_t(scrollToRow_)] >= 0) {
        const float y = displayOf_[size_t(scrollToRow_)] * rowHeight, top = ImGui::GetScrollY(), h = bodyMax.y - bodyMin.y;
        if (y < top) ImGui::SetScrollY(y);
        else if (y + rowHeight > top + h) {
            ImGui::SetScrollY(y + rowHeight - h);
            if (y + rowHeight - h > ImGui::GetScrollMaxY()) scrollAgain = scrollToRow_;
        }
    }
    scrollTries_ = scrollAgain >= 0 ? scrollTries_ + 1 : 0;
    scrollToRow_ = scrollTries_ <= 3 ? scrollAgain : -1;
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
    // The rows on screen are one run, but the clipper also submits rows elsewhere for ImGui's keyboard
    // navigation (Shift+Tab, here also outdent, asks for the list's last row): those are drawn and
    // left out of the run, which the links, the progress line, the accessibility mirror and the
    // mouse work from. (Spanning to the last row, an outdent at 100,000 tasks drew every link below.)
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            drawRow(visible_[size_t(k)], rowHeight);
            const float y = table->RowPosY1;
            if (y + rowHeight <= bodyMin.y || y >= bodyMax.y) continue;
            if (first < 0) {
                first = k;
                firstY = y;
            }
            last = k;
        }
    }
    if (first >= 0) {
        firstDisplay_ = first;
        firstRowY_ = firstY;
    }
    lastDisplay_ = last;
    if (visible_.empty()) {
        ImGui::TableNextRow(0, rowHeight);
        ImGui::TableSetColumnIndex(ColName);
        ImGui::TextDisabled(tr("No task matches \"%s\""), filter);
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
        if (drag_.kind != Drag::None && drag_.active) drawDragPreview(dl);
        // Labels go over the links and lines on a patch of their row's colour, so a link that passes
        // behind a name never runs through its letters.
        const ImU32 rowColour = ImGui::GetColorU32(ImGuiCol_WindowBg);
        for (const Label& l : labels_) {
            const Task& t = p.tasks[size_t(l.row)];
            const std::string text = l.withDate ? t.name + "  " + formatDayMonth(doc_.schedule().tasks[size_t(l.row)].startDate) : t.name;
            const ImVec2 size = ImGui::CalcTextSize(text.c_str());
            const ImVec2 a(std::floor(l.pos.x - 3), std::floor(l.pos.y - 2)), b(std::ceil(l.pos.x + size.x + 3), std::ceil(l.pos.y + size.y + 2));
            dl->AddRectFilled(a, b, isSelected(l.row) ? theme::kSelectedRow : rowColour);
            dl->AddText(l.pos, theme::kBarText, text.c_str());
            tagRect("gantt.label." + std::to_string(l.row), a, b);
        }
        criticalNote(dl, first, last);
        ImGui::PopClipRect();
    }
    tagRect("gantt.timeline", bodyMin, bodyMax);
    handleTimelineInput(bodyMin, bodyMax);
    // The popups and the find bar are called only while open: unopened, their code stays out of the
    // first download (frame_part.hpp).
    if (openContext_ || ImGui::IsPopupOpen("gantt.context")) contextMenu();
    ImGui::EndTable();
    if (find_.open) findBar(bodyMin, bodyMax);
    if (linkEdit_.open || ImGui::IsPopupOpen(tr("Link"))) linkPopup();
    if (editor_.open) editorWindow();
}

int GanttView::columnCount() { return ColCount; }
const char* GanttView::columnName(int column) { return column >= 0 && column < ColCount ? kColumnNames[column] : ""; }
void GanttView::showColumn(int column, bool show) {
    if (columnOptional(column)) columnRequest_[column] = show ? 1 : -1;
}

} // namespace plotline
