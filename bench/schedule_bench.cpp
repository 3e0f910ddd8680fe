// Scheduling benchmark: full CPM (forward + backward pass) over synthetic plans, natively and as wasm
// under node, and moving one task that has about 100 successors through the document (the edit
// and the incremental reschedule), inserting a task in the middle (a structural edit: the graph is
// rebuilt), deleting a summary with its tasks and indenting a task (each with its undo or outdent,
// through the commands as the keys run them), and the schedule stored beside a saved plan (schedule_store.hpp): written, and read back
// as opening does instead of scheduling. Targets (wasm): full 10k ≤ 10 ms, 100k ≤ 100 ms; move ≤ 5 ms at 10k.
//   build/native/bench_schedule            build/web/bench_schedule_wasm.js (node)
#include "timing.hpp"
#include "core/commands.hpp"
#include "core/id_index.hpp"
#include "core/schedule.hpp"
#include "core/schedule_store.hpp"
#include "core/synthetic.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace plotline;

namespace {

using bench::medianMs;
using bench::ms;

size_t bytesOf(const Project& p) {
    size_t b = sizeof(Project) + p.tasks.capacity() * sizeof(Task) + p.links.capacity() * sizeof(Link);
    for (const Task& t : p.tasks) b += t.name.capacity() > 15 ? t.name.capacity() : 0;
    return b;
}

// Tasks reachable from task i over links (not counting i), stopping once past `limit`.
size_t successorsOf(const Project& p, size_t i, size_t limit) {
    IdIndex at(p.tasks.size());
    for (size_t k = 0; k < p.tasks.size(); ++k) at.insert(p.tasks[k].id, int(k));
    std::vector<std::vector<int>> next(p.tasks.size());
    for (const Link& l : p.links) next[size_t(at.find(l.predecessor))].push_back(at.find(l.successor));
    std::vector<char> seen(p.tasks.size(), 0);
    std::vector<int> stack{int(i)};
    size_t count = 0;
    seen[i] = 1;
    while (!stack.empty() && count <= limit) {
        const int v = stack.back();
        stack.pop_back();
        for (int w : next[size_t(v)])
            if (!seen[size_t(w)]) { seen[size_t(w)] = 1; ++count; stack.push_back(w); }
    }
    return count;
}

// The leaf task whose successor count is nearest to `want`.
size_t taskWithSuccessors(const Project& p, size_t want) {
    std::vector<char> parent(p.tasks.size(), 0);
    for (size_t k = 0; k + 1 < p.tasks.size(); ++k) parent[k] = p.tasks[k + 1].parent == p.tasks[k].id;
    size_t best = 0, bestGap = SIZE_MAX;
    for (size_t k = 0; k < p.tasks.size() && bestGap > want / 10; k += 7) {
        if (parent[k]) continue;
        const size_t c = successorsOf(p, k, want * 2);
        const size_t gap = c > want ? c - want : want - c;
        if (gap < bestGap) { best = k; bestGap = gap; }
    }
    return best;
}

} // namespace

int main(int argc, char** argv) {
    const bool json = argc > 1 && std::string(argv[1]) == "--json"; // one line of JSON for bench/report.mjs
    std::string rows;
#ifdef __EMSCRIPTEN__
    const char* where = "wasm (node)";
#else
    const char* where = "native";
#endif
    if (!json) std::printf("Scheduling benchmark, %s; median of runs, milliseconds\n\n", where);
    if (!json)
        std::printf("%9s %9s %12s %23s %12s %12s %12s %21s %12s %14s\n", "tasks", "links", "full CPM", "move task + CPM", "insert + CPM", "delete + CPM",
                    "indent + CPM", "stored write/read/B", "model B/task", "schedule B/task");
    for (int n : {1000, 10000, 100000}) {
        const Project p = syntheticProject(n, 42);
        const int runs = n >= 100000 ? 7 : 21;
        Schedule s;
        const double full = medianMs(runs, [&] { s = schedule(p); });
        if (!s.ok()) { std::printf("error: %s\n", s.error.c_str()); return 1; }
        // Move a task with ~100 successors (through links, transitively) one day later and back, through
        // the command path, then the document's reschedule, as a drag in the UI does.
        Document doc;
        doc.load(p);
        (void)doc.schedule();
        const size_t mover = taskWithSuccessors(p, 100);
        const size_t reach = successorsOf(p, mover, SIZE_MAX);
        int step = 0;
        const double move = medianMs(runs, [&] {
            Task t = doc.project().tasks[mover];
            t.constraint = Constraint::SNET;
            t.constraintDate = s.tasks[mover].startDate + (++step % 2 ? 1 : 3);
            doc.execute(editTask(t));
            (void)doc.schedule();
        });
        // Insert a task in the middle and undo it, each followed by the reschedule (as the Insert key).
        bool inserting = true;
        const double insert = medianMs(runs, [&] {
            if (inserting) {
                Task t;
                t.id = Id::random();
                t.name = "New task";
                t.duration = 480;
                t.parent = doc.project().tasks[size_t(n / 2)].parent;
                doc.execute(insertTask(size_t(n / 2), t));
            } else doc.undo();
            inserting = !inserting;
            (void)doc.schedule();
        });
        // Delete a summary (with its tasks, links and assignments) in the middle and undo it; indent a
        // task under its sibling above and outdent it: each followed by the reschedule.
        size_t summary = size_t(n / 2);
        while (!doc.project().hasChildren(summary)) ++summary;
        const Id summaryId = doc.project().tasks[summary].id;
        bool deleting = true;
        const double remove = medianMs(runs, [&] {
            if (deleting) doc.execute(deleteTasks({summaryId}));
            else doc.undo();
            deleting = !deleting;
            (void)doc.schedule();
        });
        const Id leaf = doc.project().tasks[summary + 2].id;
        bool indenting = true;
        std::string why;
        const double indent = medianMs(runs, [&] {
            doc.execute(indenting ? indentTasks(doc.project(), {leaf}, why) : outdentTasks(doc.project(), {leaf}, why));
            indenting = !indenting;
            (void)doc.schedule();
        });
        std::string stored;
        const ScheduleKey key{12'345'678, 0x9e3779b9u};
        const double storeWrite = medianMs(runs, [&] { stored = writeStoredSchedule(s, key); });
        std::optional<Schedule> back;
        const double storeRead = medianMs(runs, [&] { back = readStoredSchedule(stored, key, p); });
        if (!back || !sameSchedule(*back, s)) { std::printf("error: the stored schedule reads back different\n"); return 1; }
        const double storedB = double(stored.size()) / n;
        const double modelB = double(bytesOf(p)) / n, scheduleB = double(s.tasks.capacity() * sizeof(TaskSchedule)) / n;
        if (!json)
            std::printf("%9d %9zu %12.2f %10.2f (%3zu succ.) %12.2f %12.2f %12.2f %8.2f/%5.2f/%4.0f %12.0f %14.0f\n", n, p.links.size(), full, move, reach, insert,
                        remove, indent, storeWrite, storeRead, storedB, modelB, scheduleB);
        char row[448];
        std::snprintf(row, sizeof row,
                      "%s{\"tasks\":%d,\"links\":%zu,\"fullMs\":%.3f,\"moveMs\":%.3f,\"successors\":%zu,\"insertMs\":%.3f,\"deleteMs\":%.3f,\"indentMs\":%.3f,\"storedWriteMs\":%.3f,"
                      "\"storedReadMs\":%.3f,\"storedBytesPerTask\":%.1f,\"modelBytesPerTask\":%.0f,\"scheduleBytesPerTask\":%.0f}",
                      rows.empty() ? "" : ",", n, p.links.size(), full, move, reach, insert, remove, indent, storeWrite, storeRead, storedB, modelB, scheduleB);
        rows += row;
    }
    if (json) std::printf("{\"where\":\"%s\",\"rows\":[%s]}\n", where, rows.c_str());
    return 0;
}
