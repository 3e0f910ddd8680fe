// The resource load pane under the chart: one histogram row per resource, lined up with the
// timeline, by day when zoomed in and by week when zoomed out; bars past 100 % in the warning colour.
//
//   LoadView load(doc);
//   load.draw(gantt.timeline(), height);   // inside the main window, below the Gantt table
#pragma once
#include "core/commands.hpp"
#include "core/resource_load.hpp"
#include "gantt_view.hpp"

namespace plotline {

class LoadView {
public:
    explicit LoadView(const Document& doc) : doc_(doc) {}
    void draw(const GanttView::Timeline& timeline, float height);

private:
    const ResourceLoad& load();
    const Document& doc_;
    ResourceLoad load_;
    uint64_t revision_ = 0;
};

} // namespace plotline
