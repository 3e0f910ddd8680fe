// Scheduling benchmark: full CPM (forward + backward pass) over synthetic plans, natively and as wasm
// under node. Prints a table; targets are in the Gantt issue (10k ≤ 10 ms, 100k ≤ 100 ms in wasm).
//   build/native/bench_schedule            build/web/bench_schedule_wasm.js (node)
#include "core/commands.hpp"
#include "core/id_index.hpp"
#include "core/schedule.hpp"
#include "core/synthetic.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace plotline;

namespace {

double ms(std::chrono::steady_clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

template <class F> double medianMs(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(ms(std::chrono::steady_clock::now() - a));
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

size_t bytesOf(const Project& p) {
    size_t b = sizeof(Project) + p.tasks.capacity() * sizeof(Task) + p.links.capacity() * sizeof(Link);
    for (const Task& t : p.tasks) b += t.name.capacity() > 15 ? t.name.capacity() : 0;
    return b;
}

} // namespace

int main() {
#ifdef __EMSCRIPTEN__
    const char* where = "wasm (node)";
#else
    const char* where = "native";
#endif
    std::printf("Scheduling benchmark, %s; median of runs, milliseconds\n\n", where);
    std::printf("%9s %9s %12s %14s %16s %14s\n", "tasks", "links", "full CPM", "edit+CPM", "model B/task", "schedule B/task");
    for (int n : {1000, 10000, 100000}) {
        const Project p = syntheticProject(n, 42);
        const int runs = n >= 100000 ? 7 : 21;
        Schedule s;
        const double full = medianMs(runs, [&] { s = schedule(p); });
        if (!s.ok()) { std::printf("error: %s\n", s.error.c_str()); return 1; }
        // An edit through the command path (duration of the task with the most link successors),
        // then the document's reschedule, as the UI does after every change.
        Document doc;
        doc.load(p);
        size_t busiest = 0;
        {
            std::vector<int> succ(p.tasks.size());
            IdIndex at(p.tasks.size());
            for (size_t i = 0; i < p.tasks.size(); ++i) at.insert(p.tasks[i].id, int(i));
            for (const Link& l : p.links) ++succ[size_t(at.find(l.predecessor))];
            busiest = size_t(std::max_element(succ.begin(), succ.end()) - succ.begin());
        }
        int64_t dur = p.tasks[busiest].duration;
        const double edit = medianMs(runs, [&] {
            Task t = doc.project().tasks[busiest];
            t.duration = (dur += 60);
            doc.execute(editTask(t));
            (void)doc.schedule();
        });
        std::printf("%9d %9zu %12.2f %14.2f %16.0f %14.0f\n", n, p.links.size(), full, edit,
                    double(bytesOf(p)) / n, double(s.tasks.capacity() * sizeof(TaskSchedule)) / n);
    }
    return 0;
}
