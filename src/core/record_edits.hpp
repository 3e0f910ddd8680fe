// Exactly which records of a plan's tasks, links and assignments one change took out and put in:
// what lets a copy of the plan's stored form that is being written (ProjectBinaryWriter::follow)
// catch up with an edit instead of starting again.
//
//   RecordEdits e;                       // a task at row 7 rewritten, the link at row 3 deleted:
//   e.steps.push_back({.tasks = ListEdit::rewrite(7), .links = {{3}, {}}});
#pragma once
#include <cstddef>
#include <vector>

namespace plotline {

// What one step did to a list: the rows it took out (ascending, counted in the list before it) and the
// rows it put in (ascending, counted in the list after it). The other records stay, in their order. A
// record rewritten in place is taken out and put back at the same row (rewrite).
struct ListEdit {
    std::vector<size_t> removed, inserted;
    static ListEdit rewrite(size_t row) { return {{row}, {row}}; }
    static ListEdit rows(size_t from, size_t to) { // [from, to) rewritten, as many before as after
        ListEdit e;
        for (size_t r = from; r < to; ++r) e.removed.push_back(r);
        e.inserted = e.removed;
        return e;
    }
    bool empty() const { return removed.empty() && inserted.empty(); }
};

// A change as steps in the order they happened (a group's parts), each on the list as the step before
// left it. Nothing else of the plan changed: not the project's own fields, nor its other lists, nor a
// record outside the rows named.
struct RecordEdits {
    struct Step {
        ListEdit tasks, links, assignments;
    };
    std::vector<Step> steps;
    void add(const RecordEdits& o) { steps.insert(steps.end(), o.steps.begin(), o.steps.end()); }
};

} // namespace plotline
