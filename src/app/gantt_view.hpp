// The Gantt view: a task table (editable in place) beside a timeline with bars, milestones,
// link arrows, a two-tier time scale, weekend shading and a today line.
// Direct manipulation: drag a bar to move it (start no earlier than the new day), drag its right
// end to resize, its progress handle to set % complete, one of its end dots onto another bar to
// link them (the ends joined choose FS, SS, FF or SF); click a link to edit or delete it;
// double-click a bar for the task editor; right-click for the context menu. Rows: Ctrl/Shift-click
// select several; Tab/Shift+Tab indent/outdent; Alt+Up/Down move; the triangle collapses a summary.
//
//   GanttView gantt(doc, [&](std::string msg) { app.notify(msg); });
//   gantt.draw(today);              // inside an ImGui window; fills the remaining space (or a height)
//   gantt.zoom(2.0f); gantt.fitProject(); gantt.goTo(today);
#pragma once
#include "a11y.hpp"
#include "core/commands.hpp"
#include "frame_part.hpp"

#include <imgui.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace plotline {

class GanttView {
public:
    using Notify = std::function<void(const std::string&)>;
    GanttView(Document& doc, Notify onError);

    void draw(Date today, float height = 0); // height 0: the remaining space

    // View commands (menus and keys call these); none of them edits the project.
    void zoom(float factor);        // about the centre of the timeline
    void fitProject();
    void goTo(Date day);
    void selectRow(int row);
    void scrollToTask(int row);     // its row into view, and its bar when it is off the timeline
    int selectedRow() const { return selected_; }
    size_t selectionSize() const { return selection_.size(); }
    float pixelsPerDay() const { return pxPerDay_; }
    // The days the timeline shows now, from its left edge to its right (fractions of days).
    std::pair<double, double> shownDays() const { return {originDay_, originDay_ + timelineW_ / pxPerDay_}; }
    bool canEdit() const { return doc_.capabilities().edit; } // else: no handles, no inline editing, no edit menu items
    static constexpr float kMinPxPerDay = 0.15f, kMaxPxPerDay = 2400.0f; // decades to single hours
    // Critical tasks (no total float) drawn in the critical colour, and their links too.
    bool showCritical = false;
    bool editing() const { return edit_.column >= 0; }

    // Row actions through commands.
    void insertTaskBelowSelection();
    void deleteSelection();
    void indentSelection(bool outdent);
    void moveSelection(int direction);
    // The keyboard's move and resize (Alt+Left/Right, Alt+Shift+Left/Right): the selected task one
    // working day earlier or later (it then starts no earlier than that day, as a dragged bar does),
    // or one day shorter or longer.
    void nudgeSelected(int direction, bool resize);
    // Selected rows as tab-separated text (with a header row) for spreadsheets; empty without a selection.
    std::string copySelection() const;
    // Rows of tab-separated text (from a spreadsheet or copySelection) inserted below the selection.
    void paste(const std::string& text);
    void openEditor(int row);
    bool editorOpen() const { return editor_.open; }
    // The rows shown (not collapsed, not filtered away) in display order, as of the last frame.
    const std::vector<int>& visibleRows() const { return visible_; }
    // The accessibility mirror's task table: the rows in view as of the last frame plus the selected
    // one (a11y.hpp). `shownKey` changes whenever what it describes may have.
    void describe(A11yView& out) const;
    uint64_t shownKey() const;
    // Selects the task with this id (the mirror's focus moved to it); false when it is not shown.
    bool selectTask(const std::string& id);
    // Find (Ctrl+F): a box over the chart that selects each task holding a text in turn.
    void openFind();
    bool findOpen() const { return find_.open; }
    // The baseline drawn as thin bars under the live ones (and compared in the variance columns);
    // null shows none. Choosing one shows the variance columns.
    void showBaseline(Id id);
    Id shownBaseline() const { return baselineId_; }
    // Optional columns (WBS, Start, Finish, Duration, Float, Done, Resources, baseline variance): their
    // names, whether shown (as of the last frame), and a request to show or hide one next frame.
    static int columnCount();
    static const char* columnName(int column);
    static bool columnOptional(int column) { return column > ColId && column != ColName && column < ColTimeline; }
    bool columnShown(int column) const { return column >= 0 && column < ColCount && columnShown_[column]; }
    void showColumn(int column, bool show);
    // Where the timeline is, for panes that line up with it (the resource load histogram).
    struct Timeline { float x = 0, width = 1; double originDay = 0; float pxPerDay = 1; };
    Timeline timeline() const { return {timelineX_, timelineW_, originDay_, pxPerDay_}; }
    char filter[96] = {};           // rows whose name contains this (and their summaries) are shown

private:
    enum Column { ColId, ColWbs, ColName, ColStart, ColFinish, ColDuration, ColPredecessors, ColFloat, ColPercent, ColResources, ColCost, ColActual, ColStartVar, ColFinishVar, ColTimeline, ColCount };
    struct Cell { ImVec2 min, max; };

    void refresh();
    bool oneSelectedAtRow() const; // one task selected, the one at the selected row
    void drawHeader(float headerHeight);
    void drawRow(int row, float rowHeight);
    void editNextCell(int row, Column from, bool back); // Tab while editing a cell
    void drawTextCell(int row, Column col, const std::string& text, bool editable, float indent = 0, ImU32 color = 0);
    void startEdit(int row, Column col);
    void commitEdit();
    void drawTimelineBackground(ImDrawList* dl, ImVec2 min, ImVec2 max, Date today);
    void drawScale(ImDrawList* dl, ImVec2 min, ImVec2 max);
    const char* scaleUnit_ = "days"; // the finest unit the scale drew last
    bool openContext_ = false;       // a right-click asked for the context menu this frame
    void drawHourScale(ImDrawList* dl, ImVec2 min, ImVec2 max, int hoursPerDay);
    void drawBar(ImDrawList* dl, int row, ImVec2 cellMin, float rowHeight);
    void drawLinks(ImDrawList* dl, int firstRow, int lastRow, float firstRowY, float rowHeight);
    void drawBaselineBar(ImDrawList* dl, int row, float cy, float rowHeight);
    void drawProgressLine(ImDrawList* dl, int firstDisplay, int lastDisplay);
    void refreshBaseline();
    void refreshCosts(); // the Cost and Actual columns, when shown
    void refreshRisks(); // which rows carry an open risk
    void handleTimelineInput(ImVec2 min, ImVec2 max);
    void barInteraction(int row, ImVec2 barMin, ImVec2 barMax, bool milestone);
    void finishDrag();
    void moveStartBy(int row, int days, bool say);
    PLOTLINE_FRAME_PART void drawDragPreview(ImDrawList* dl);
    PLOTLINE_FRAME_PART void linkPopup();
    PLOTLINE_FRAME_PART void contextMenu();
    PLOTLINE_FRAME_PART void editorWindow();
    void clickRow(int row);
    void rebuildVisible();
    std::vector<Id> selectedIds() const;
    float rowCentreY(int row) const;
    bool isSelected(int row) const;
    PLOTLINE_FRAME_PART void findBar(ImVec2 bodyMin, ImVec2 bodyMax);
    void stepFind(int direction);
    void reveal(int row);
    struct Find {
        bool open = false, focus = false;
        char text[128] = {};
        std::vector<int> matches;
        int current = -1;
        uint64_t revision = 0;
    } find_;
    // With the critical path on and none of its tasks among the rows shown: says so, and where it is.
    void criticalNote(ImDrawList* dl, int firstShown, int lastShown);
    float xOf(double day) const { return timelineX_ + float((day - originDay_) * pxPerDay_); }
    double dayAt(float x) const { return originDay_ + (x - timelineX_) / pxPerDay_; }

    Document& doc_;
    Notify onError_;
    uint64_t revision_ = 0;
    ScheduleFollower follower_; // the schedule refresh() last read

    // Derived from the project, rebuilt when it changes.
    // A row's bar in days since 1970 (fractions within the working day), made from the schedule as it is drawn.
    BarSpan barOf(int row) const { return barSpan(doc_.project().calendar, doc_.schedule().tasks[size_t(row)]); }
    struct LinkRows { int from, to; size_t link; }; // a link's rows (its type: the plan's link)
    // Bar labels are drawn after the link lines so that lines never cross out a task's name.
    struct Label { ImVec2 pos; int row; bool withDate; };
    std::vector<Label> labels_;
    std::vector<LinkRows> links_;   // short links (spanning at most kShortLink rows) sorted by upper row, then long ones
    size_t shortLinks_ = 0;
    static constexpr int kShortLink = 256;
    // A row's cell texts, made when first drawn after a change (see rowTexts).
    struct RowTexts {
        uint64_t revision = 0;
        int generation = -1; // textGeneration(): the language or formats they were written in
        std::string duration, start, finish, totalFloat, wbs, resources, predecessors;
    };
    const RowTexts& rowTexts(int row) const;
    mutable std::vector<RowTexts> rowTexts_;
    std::vector<int> parentRow_, ordinal_;           // outline: parent row (-1 at the top), place among siblings
    std::vector<int> assignmentsAt_, assignmentList_; // a row's assignments: list[at[row] .. at[row + 1])
    std::vector<int> predecessorsAt_;                 // a row's incoming links, in the plan's order:
    std::vector<int> predecessorList_;                //   their indexes, predecessorList_[at[row] .. at[row + 1])
    std::vector<int> scratch_, scratchLinks_;         // refresh's counts, kept for the next
    // Planned and actual cost per row (summaries: their subtree), rebuilt after a change while shown.
    std::vector<int64_t> cost_, actual_;
    uint64_t costRevision_ = 0;
    // Per row: the highest-scoring open risk linked to the task (index into project.risks), or -1.
    std::vector<int> riskOf_;
    uint64_t riskRevision_ = 0;
    // The shown baseline, per task row: its bar in days (NaN when the task is not in it) and variances.
    Id baselineId_;
    uint64_t baselineRevision_ = 0;
    static_assert(ColCount <= 16);
    int columnRequest_[16] = {};     // per column: +1 show, -1 hide, 0 leave (applied inside the table)
    bool columnShown_[16] = {};
    std::vector<double> baseStart_, baseEnd_;
    std::vector<int> startVar_, finishVar_; // working days later (+) or earlier (-) than the baseline
    std::string baselineName_;
    std::vector<int> visible_;      // project rows shown, in order (collapsed and filtered rows left out)
    std::vector<int> displayOf_;    // project row → index in visible_, or -1
    bool visibleDirty_ = true;
    std::string appliedFilter_;
    std::unordered_set<Id, IdHash> collapsed_;
    std::unordered_set<Id, IdHash> selection_;
    float firstRowY_ = 0, rowHeight_ = 1;
    int firstDisplay_ = 0, lastDisplay_ = -1;
    struct LinkHit { size_t link; ImVec2 pts[6]; int n; };
    std::vector<LinkHit> linkHits_;
    int hoveredLink_ = -1;
    bool barHovered_ = false; // the pointer is on a bar or a part of it that takes a press, this frame

    struct Drag {
        enum Kind { None, Move, Resize, Progress, Link } kind = None;
        int row = -1;
        Id task;
        float pressX = 0;
        bool fromEnd = false; // link drags: from the bar's finish
        bool active = false;  // moved far enough to count as a drag
        int targetRow = -1;
        bool targetEnd = false;
    } drag_;
    struct LinkEdit { Id link; int type = 0; char lag[32] = {}; bool open = false; } linkEdit_;
    struct Editor {
        bool open = false;
        Id task;
        std::string name, notes; // whole, however long: a fixed buffer would cut a long note on save
        char duration[32] = {}, constraintDate[16] = {}, deadline[16] = {}, actualStart[16] = {}, actualFinish[16] = {};
        int constraint = 0, percent = 0;
        bool internal = false;
        std::vector<int> units;          // per project resource: % of their time on this task, 0 = not on it
        std::vector<Id> assignment;      // per project resource: the existing assignment, if any
        std::string error;
    } editor_;
    int contextRow_ = -1;

    // View state.
    float pxPerDay_ = 22.0f;
    double originDay_ = 0;
    bool originSet_ = false;
    float timelineX_ = 0, timelineW_ = 1;
    bool panning_ = false;
    int selected_ = -1;
    int scrollToRow_ = -1;
    int scrollTries_ = 0; // frames a scroll to a row not there yet has been tried again
    bool backgroundPending_ = false;
    ImVec2 bodyMin_, bodyMax_;
    Date today_;

    struct Edit {
        int row = -1;
        int column = -1;
        Id task;
        std::string buf; // whole: a long name or predecessor list is never cut
        bool focus = false;
    } edit_;
};

} // namespace plotline
