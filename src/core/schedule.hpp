// Scheduling: the critical path method on the project's working calendar.
//
//   Schedule s = schedule(project);
//   if (!s.ok()) show(s.error);                 // e.g. "Dependency cycle: Build → QA → Build"
//   s.tasks[i].startDate, s.tasks[i].finishDate // inclusive finish: a 1-day task on Monday ends Monday
//
// Rules: a task starts as soon as possible — at the project start, or no earlier than its SNET date —
// and no earlier than each link allows (FS: after the predecessor finishes, plus lag; SS, FF, SF
// likewise). A summary task spans its children; links to a summary apply to all of its children.
// "Must start on" and an actual start pin a task's start; an actual finish pins its finish. Days off
// of the task's resources stretch it (it works only when all of them are in). Constraints that
// cannot be met are flagged (TaskSchedule::flags, explained by scheduleWarning), never silently moved.
// A backward pass from the project's finish (and from FNLT dates and deadlines, which may make float
// negative) gives every task its late start and finish; total float is late start minus early start,
// free float the delay a task can take before it moves any link successor; a task with no total
// float is critical.
//
// A Scheduler keeps its graph between runs: when only task fields changed (a moved or resized task),
// it recomputes just the tasks the change can reach, in topological order, their late dates back
// from them (all of them when the project's finish moved), and rewrites only those tasks' entries.
#pragma once
#include "model.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace plotline {

// Where a change may have touched a list's structure (a task's id and parent; a link's ends, type and
// lag; an assignment's task and resource): anywhere but its first `head` and last `tail` records,
// which are the same records, in the same order, before and after it. {0, 0}: anywhere.
struct ListReach {
    size_t head = 0, tail = 0;
    static ListReach untouched() { return {SIZE_MAX, SIZE_MAX}; }
    // Records [from, to) of a list of `size` records (counting them) were changed, inserted or removed.
    static ListReach rows(size_t from, size_t to, size_t size) { return {from, size - std::min(size, to)}; }
    void add(ListReach o) {
        head = std::min(head, o.head);
        tail = std::min(tail, o.tail);
    }
};
// The same for the three lists that make a plan's structure. Default: anywhere (a change that does not
// say). Command::reach() gives one; the Document adds them up between runs of its scheduler, which
// then compares only what they cover (a field edit of one task at 100k: one row, not every row).
struct StructureReach {
    ListReach tasks, links, assignments;
    static StructureReach untouched() { return {ListReach::untouched(), ListReach::untouched(), ListReach::untouched()}; }
    void add(const StructureReach& o) {
        tasks.add(o.tasks);
        links.add(o.links);
        assignments.add(o.assignments);
    }
};

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
    uint8_t flags = 0;             // ScheduleFlag bits
    int64_t linkStart = 0;         // for a pinned task: the earliest start its links allow
    bool operator==(const TaskSchedule&) const = default;
};

enum ScheduleFlag : uint8_t {
    kLinkConflict = 1,     // "must start on" earlier than its links allow
    kConstraintMissed = 2, // finishes after its "finish no later than" date
    kDeadlineMissed = 4,   // finishes after its deadline
};

struct Schedule {
    std::vector<TaskSchedule> tasks; // parallel to project.tasks
    Date start, finish;              // the project's span
    std::string error;               // empty when every task could be scheduled
    std::vector<Id> cycle;           // the tasks of a dependency cycle, in order, when there is one
    // Rows found while scheduling, so views need not look ids up again: each link's predecessor
    // and successor (parallel to project.links) and each assignment's task (parallel to
    // project.assignments); -1 for an id that names no task. Every run fills them, a plan with a
    // cycle too.
    std::vector<int> linkFrom, linkTo, assignmentRow;
    // Each row's parent row (-1 at the top) as the outline shows it (outlineLevels), filled when the
    // rows change: views draw the outline from it without reading every row's entry.
    std::vector<int> parentRow;
    // What the last run of a Scheduler changed, for views that follow it: `run` counts its runs; when
    // the plan kept its structure (rows, links, assignments, calendar), `rewritten` lists the rows
    // whose entries the run rewrote and `whole` is false (other rows are as the run before left them).
    uint64_t run = 0;
    bool whole = true;
    std::vector<int> rewritten;
    // After a run that inserted, deleted or moved rows in one run of the plan and carried the other
    // rows' values (`whole` is true: links, outline and rows moved): rows [spliceAt, spliceAt +
    // spliceRemoved) of the run before became [spliceAt, spliceAt + spliceAdded), the rows below moved
    // with them, and `rewritten` lists the rows (now) whose entries the run rewrote, every new row
    // among them. What keeps only a value per row can follow such a run without reading every row.
    bool spliced = false;
    size_t spliceAt = 0, spliceRemoved = 0, spliceAdded = 0;
    bool ok() const { return error.empty(); }
};

Schedule schedule(const Project& project);
// Each row's parent row from the rows' outline levels, as Schedule::parentRow has it (for a schedule
// read back from storage).
std::vector<int> outlineParentRows(const Schedule& s);

// For what keeps a value per row of a Scheduler's schedule (bars, starts): follows(s) is true when s is
// the schedule seen last time, one run later, with the plan's structure kept, so only s.rewritten
// changed; either way it remembers s.
struct ScheduleFollower {
    const Schedule* seen = nullptr;
    uint64_t run = 0;
    bool follows(const Schedule& s) { return oneOn(s) && !s.whole; }
    // s is the schedule seen last time, one run later, whatever the run changed (s.whole, s.spliced and
    // s.rewritten say what); either way it remembers s.
    bool oneOn(const Schedule& s) {
        const bool next = &s == seen && s.run == run + 1;
        seen = &s;
        run = s.run;
        return next;
    }
};

// Where a task's bar is drawn, in days since 1970 with fractions within the working day: a 1-day task
// on a Monday spans [Monday, Tuesday); a milestone is a point (at the end of its day when a finish
// drives it). For the chart and for printing.
struct BarSpan { double start = 0, end = 0; };
BarSpan barSpan(const Calendar& cal, const TaskSchedule& ts);

// One sentence per problem of task i ("Misses its deadline 2026-03-06 by 2d"), empty when none.
std::string scheduleWarning(const Project& project, const Schedule& s, size_t i);

class Scheduler {
public:
    Scheduler();
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;
    // The schedule of `project`; valid until the next run. inputsKept: since the last run only rows,
    // parents and links changed, no task's scheduling inputs (Command::keepsInputs): after such a
    // structural edit only the inputs of the tasks it touched are read.
    // reach (when given): where the plan's lists changed since the last run (StructureReach); records
    // outside it are taken as they were, not compared.
    const Schedule& run(const Project& project, bool inputsKept = false, const StructureReach* reach = nullptr);
    // The same as a run that builds afresh, a part per call, for a caller that spreads it over frames
    // (eight calls; each part at 100k tasks takes a fraction of the whole): null until the last part,
    // then the schedule. The project must not change between the calls, or the next comes with
    // restart; a run() between them builds afresh.
    const Schedule* runInSteps(const Project& project, bool restart = false);
    // Graph nodes (two per task) recomputed by the last run: all of them after a structural change.
    size_t lastTouched() const;
    bool lastWasIncremental() const;
    // Nodes whose late values the last run recomputed: all of them after a structural change or when
    // the project's finish moved, else those an edit's moves reach backwards.
    size_t lastTouchedBackward() const;
    // The last run hashed every task's id to find rows (a first run; not after inserting or deleting rows).
    bool lastHashed() const;
    // Graph nodes the last run put in topological order with Kahn's algorithm: all of them when it
    // built the graph afresh, those of the range a structural edit disordered, none after a field edit.
    size_t lastSorted() const;
    // Each row's task id as of the last run (empty before the first): a compact list to search.
    const std::vector<Id>& rowIds() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Outline levels (1 = top) of the pre-order task list, in one pass.
std::vector<int> outlineLevels(const Project& project);

} // namespace plotline
