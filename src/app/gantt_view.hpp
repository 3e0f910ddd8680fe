// The Gantt view: a task table (editable in place) beside a timeline with bars, milestones,
// link arrows, a two-tier time scale, weekend shading and a today line.
//
//   GanttView gantt(doc, [&](std::string msg) { app.notify(msg); });
//   gantt.draw(today);              // inside an ImGui window; fills the remaining space
//   gantt.zoom(2.0f); gantt.fitProject(); gantt.goTo(today);
#pragma once
#include "core/commands.hpp"

#include <imgui.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace plotline {

class GanttView {
public:
    using Notify = std::function<void(const std::string&)>;
    GanttView(Document& doc, Notify onError);

    void draw(Date today);

    // View commands (menus and keys call these); none of them edits the project.
    void zoom(float factor);        // about the centre of the timeline
    void fitProject();
    void goTo(Date day);
    void selectRow(int row) { selected_ = row; }
    int selectedRow() const { return selected_; }
    float pixelsPerDay() const { return pxPerDay_; }
    // Critical tasks (no total float) drawn in the critical colour, and their links too.
    bool showCritical = false;
    bool editing() const { return edit_.column >= 0; }

    // Row actions through commands.
    void insertTaskBelowSelection();
    void deleteSelection();

private:
    enum Column { ColId, ColName, ColStart, ColFinish, ColDuration, ColPercent, ColTimeline, ColCount };
    struct Cell { ImVec2 min, max; };

    void refresh();
    void drawHeader(float headerHeight);
    void drawRow(int row, float rowHeight);
    void drawTextCell(int row, Column col, const std::string& text, bool editable, float indent = 0, ImU32 color = 0);
    void startEdit(int row, Column col);
    void commitEdit();
    void drawTimelineBackground(ImDrawList* dl, ImVec2 min, ImVec2 max, Date today);
    void drawScale(ImDrawList* dl, ImVec2 min, ImVec2 max);
    void drawBar(ImDrawList* dl, int row, ImVec2 cellMin, float rowHeight);
    void drawLinks(ImDrawList* dl, int firstRow, int lastRow, float firstRowY, float rowHeight);
    void handleTimelineInput(ImVec2 min, ImVec2 max);
    float xOf(double day) const { return timelineX_ + float((day - originDay_) * pxPerDay_); }
    double dayAt(float x) const { return originDay_ + (x - timelineX_) / pxPerDay_; }

    Document& doc_;
    Notify onError_;
    uint64_t revision_ = 0;

    // Derived from the project, rebuilt when it changes.
    std::vector<double> barStart_, barEnd_; // in days since 1970 (fractions within the working day)
    struct LinkRows { int from, to; LinkType type; };
    // Bar labels are drawn after the link lines so that lines never cross out a task's name.
    struct Label { ImVec2 pos; int row; bool withDate; };
    std::vector<Label> labels_;
    std::vector<LinkRows> links_;
    std::vector<std::string> durationText_, startText_, finishText_;

    // View state.
    float pxPerDay_ = 22.0f;
    double originDay_ = 0;
    bool originSet_ = false;
    float timelineX_ = 0, timelineW_ = 1;
    bool panning_ = false;
    int selected_ = -1;
    int scrollToRow_ = -1;
    bool backgroundPending_ = false;
    ImVec2 bodyMin_, bodyMax_;
    Date today_;

    struct Edit {
        int row = -1;
        int column = -1;
        Id task;
        char buf[512] = {};
        bool focus = false;
    } edit_;
};

} // namespace plotline
