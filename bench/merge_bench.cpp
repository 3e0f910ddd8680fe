// Merge benchmark: what sync does after a poll finds the other copy changed. Two versions of a
// synthetic plan, each with `edits` changes since their common base (renames, durations, notes,
// budget amounts, new tasks, deleted tasks, new links), merged three-way; target ≤ 30 ms at 10k
// tasks with 200 edits a side in wasm. Also prints the JSON sizes a sync of one edit sends today.
//   build/native/bench_merge [--json]       node build/web/bench_merge_wasm.js [--json]
#include "timing.hpp"
#include "core/json_io.hpp"
#include "core/merge.hpp"
#include "core/synthetic.hpp"

#include <cstdio>
#include <cstring>
#include <string>

using namespace plotline;

namespace {

// `edits` changes to a copy of base, from a seed: a fifth each of renames, new durations, notes,
// new tasks and new links; a few deletions.
Project edited(const Project& base, int edits, uint64_t seed, Stamp at) {
    Project p = base;
    uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
    for (int e = 0; e < edits; ++e) {
        const size_t row = next() % p.tasks.size();
        Task& t = p.tasks[row];
        switch (e % 5) {
            case 0: t.name += " (revised)"; break;
            case 1: if (!p.hasChildren(row)) t.duration += 480; break;
            case 2: t.notes = "Edited " + std::to_string(e); break;
            case 3: {
                Task n;
                n.id = Id::random();
                n.name = "Added " + std::to_string(e);
                n.parent = t.parent;
                n.modified = at;
                p.tasks.insert(p.tasks.begin() + long(row), n);
                continue;
            }
            case 4: {
                const size_t other = next() % p.tasks.size();
                if (other > row && !p.hasChildren(row) && !p.hasChildren(other))
                    p.links.push_back({Id::random(), p.tasks[row].id, p.tasks[other].id, LinkType::FS, 0, at});
                continue;
            }
        }
        t.modified = at;
    }
    return p;
}

} // namespace

int main(int argc, char** argv) {
    const bool json = argc > 1 && std::strcmp(argv[1], "--json") == 0;
    std::string rows;
    if (!json) std::printf("%-8s %8s %10s %10s %10s %14s\n", "tasks", "edits", "merge ms", "conflicts", "notes", "plan bytes");
    for (int n : {1000, 10000, 100000}) {
        const Project base = syntheticProject(n, 3);
        const int edits = 200;
        const Project ours = edited(base, edits, 1, 5000), theirs = edited(base, edits, 2, 6000);
        MergeResult m;
        const double mergeMs = bench::medianMs(n >= 100000 ? 3 : 9, [&] { m = mergeProjects(base, ours, theirs); });
        const size_t bytes = writeProjectJson(m.project, false).size();
        if (json) {
            char buf[256];
            std::snprintf(buf, sizeof buf, "%s{\"tasks\":%d,\"edits\":%d,\"mergeMs\":%.3f,\"conflicts\":%zu,\"notes\":%zu,\"bytes\":%zu}",
                          rows.empty() ? "" : ",", n, edits, mergeMs, m.conflicts.size(), m.notes.size(), bytes);
            rows += buf;
        } else
            std::printf("%-8d %8d %10.2f %10zu %10zu %14zu\n", n, edits, mergeMs, m.conflicts.size(), m.notes.size(), bytes);
    }
    if (json) std::printf("{\"rows\":[%s]}\n", rows.c_str());
    return 0;
}
