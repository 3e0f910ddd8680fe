// Resource load: how much of each working day every resource is booked, from the schedule and the
// assignments (units %). 100 means a full working day; more is over-allocation.
//
//   ResourceLoad load = resourceLoad(project, schedule);
//   load.percent(r, day)   // resource r's load on a date (0 on non-working days)
//   load.overAllocated(r)  // true when some day goes past 100 %
#pragma once
#include "model.hpp"
#include "schedule.hpp"

#include <cstdint>
#include <vector>

namespace plotline {

struct ResourceLoad {
    int64_t firstWorkday = 0;               // workday index (Calendar::workdayIndex) of column 0
    std::vector<std::vector<float>> days;   // per resource (project order), per workday: percent booked
    std::vector<float> peak;                // per resource: highest daily percent
    const Calendar* calendar = nullptr;

    float percentAtWorkday(size_t resource, int64_t workday) const;
    float percent(size_t resource, Date day) const;
    bool overAllocated(size_t resource) const { return peak[resource] > 100.5f; }
};

// Summary tasks carry no load of their own (their children do). A task's load counts only on days it
// works: days off of any of its resources are skipped, as the scheduler skips them.
ResourceLoad resourceLoad(const Project& project, const Schedule& schedule);

} // namespace plotline
