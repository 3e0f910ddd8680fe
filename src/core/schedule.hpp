// Scheduling: the critical path method on the project's working calendar.
//
//   Schedule s = schedule(project);
//   if (!s.ok()) show(s.error);                 // e.g. "Dependency cycle: Build → QA → Build"
//   s.tasks[i].startDate, s.tasks[i].finishDate // inclusive finish: a 1-day task on Monday ends Monday
//
// Rules: a task starts as soon as possible — at the project start, or at its own requested start —
// and no earlier than each link allows (FS: after the predecessor finishes, plus lag; SS, FF, SF
// likewise). A summary task spans its children; links to a summary apply to all of its children.
// A backward pass from the project's finish gives every task its late start and finish; total float
// is late start minus early start, free float the delay a task can take before it moves any link
// successor; a task with no total float is critical.
#pragma once
#include "model.hpp"

#include <string>
#include <vector>

namespace plotline {

struct TaskSchedule {
    int64_t start = 0, finish = 0; // early start and finish: instants in working minutes (calendar.hpp)
    Date startDate, finishDate;    // finishDate is inclusive
    int64_t lateStart = 0, lateFinish = 0;
    Date lateStartDate, lateFinishDate;
    int64_t totalFloat = 0, freeFloat = 0; // working minutes
    bool critical = false;
    int level = 1;                 // outline level, 1 = top
    bool summary = false;
    int percentComplete = 0;       // rolled up (duration-weighted) for summaries
};

struct Schedule {
    std::vector<TaskSchedule> tasks; // parallel to project.tasks
    Date start, finish;              // the project's span
    std::string error;               // empty when every task could be scheduled
    std::vector<Id> cycle;           // the tasks of a dependency cycle, in order, when there is one
    bool ok() const { return error.empty(); }
};

Schedule schedule(const Project& project);

// Outline levels (1 = top) of the pre-order task list, in one pass.
std::vector<int> outlineLevels(const Project& project);

} // namespace plotline
