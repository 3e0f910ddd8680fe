// The resource load pane under the chart: one histogram row per resource, lined up with the
// timeline, by day when zoomed in and by week when zoomed out; bars past 100 % in the warning colour.
// With "All projects" ticked, a person with an email shows their booking over every project of the
// library (the portfolio's bookings), orange where the sum passes a full day, each project's share in
// the tooltip.
//
//   LoadView load(doc);
//   load.draw(gantt.timeline(), height);   // inside the main window, below the Gantt table
#pragma once
#include <functional>
#include <utility>
#include <vector>
#include "core/commands.hpp"
#include "core/cross_load.hpp"
#include "core/resource_load.hpp"
#include "gantt_view.hpp"

namespace plotline {

class LoadView {
public:
    explicit LoadView(const Document& doc) : doc_(doc) {}
    void draw(const GanttView::Timeline& timeline, float height);

    bool allProjects = false;
    // The other projects' bookings and a number that changes with them (PortfolioView).
    std::function<std::pair<std::vector<const std::vector<Booking>*>, uint64_t>()> others;

private:
    const ResourceLoad& load();
    const CrossLoad& across();
    const Document& doc_;
    ResourceLoad load_;
    uint64_t revision_ = 0;
    std::vector<Booking> mine_;
    CrossLoad cross_;
    uint64_t crossRevision_ = 0, crossGeneration_ = 0;
};

} // namespace plotline
