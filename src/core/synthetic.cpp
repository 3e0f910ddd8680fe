#include "synthetic.hpp"

#include "schedule.hpp"

#include <algorithm>
#include <string>

namespace plotline {

namespace {
// SplitMix64: small, fast, and identical on every platform.
struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % uint64_t(n)); }
    Id id() { return Id{next(), next() | 1}; } // never null
};
} // namespace

Project syntheticProject(int count, uint64_t seed) {
    Rng rng{seed};
    Project p;
    p.id = rng.id();
    p.name = "Synthetic plan (" + std::to_string(count) + " tasks)";
    p.start = Date::fromYmd(2026, 1, 5);
    std::vector<Date> holidays;
    for (int y = 2026; y < 2046; ++y)
        for (auto [m, d] : {std::pair{1, 1}, {5, 1}, {12, 24}, {12, 25}, {12, 26}, {12, 31}}) holidays.push_back(Date::fromYmd(y, m, d));
    p.calendar.setHolidays(holidays);
    p.tasks.reserve(size_t(count));

    // Outline: phases of 20–60 tasks, each with groups of 4–12, some groups split once more; leaves
    // sit at levels 3–5.
    struct Open { int index, level; };
    std::vector<Open> stack;
    std::vector<int> subtreeEnd; // filled after
    static const int64_t durations[] = {60, 120, 240, 480, 480, 960, 1440, 2400, 4800};
    for (int i = 0; i < count; ++i) {
        Task t;
        t.id = rng.id();
        int level;
        if (stack.empty()) level = 1;
        else {
            const int r = rng.below(100);
            const int top = stack.back().level;
            if (top < 2 || (top < 4 && r < 18)) level = top + 1;                 // open a deeper group
            else if (r < 30 && top > 2) level = top - rng.below(top - 1);        // close groups
            else level = top + (top >= 5 ? 0 : 1);                              // a leaf below the current group
            level = std::clamp(level, 1, 5);
            if (level <= top && r > 95) level = 1;                              // a new phase now and then
        }
        while (!stack.empty() && stack.back().level >= level) stack.pop_back();
        t.parent = stack.empty() ? Id() : p.tasks[size_t(stack.back().index)].id;
        t.name = (level == 1 ? "Phase " : "Task ") + std::to_string(i + 1);
        const int r = rng.below(100);
        t.milestone = r < 5;
        t.duration = t.milestone ? 0 : durations[rng.below(9)];
        t.percentComplete = r < 30 ? 100 : r < 45 ? rng.below(100) : 0;
        p.tasks.push_back(std::move(t));
        stack.push_back({i, level});
    }
    if (count == 0) return p;

    // Links: from a task to one starting after its whole subtree, in the same phase, never to an
    // ancestor (acyclic by construction: every edge of the schedule graph then points forward in
    // outline order). Phases run side by side in about 16 streams: each phase follows the phase
    // `stride` before it, so a plan of any size spans a few years, as a large programme does.
    const std::vector<int> levels = outlineLevels(p);
    subtreeEnd.assign(size_t(count), count);
    std::vector<int> open; // rows whose subtree is still running
    std::vector<int> phases;
    for (int i = 0; i < count; ++i) {
        while (!open.empty() && levels[size_t(open.back())] >= levels[size_t(i)]) {
            subtreeEnd[size_t(open.back())] = i;
            open.pop_back();
        }
        open.push_back(i);
        if (levels[size_t(i)] == 1) phases.push_back(i);
    }
    static const LinkType types[] = {LinkType::FS, LinkType::FS, LinkType::FS, LinkType::FS, LinkType::FS,
                                     LinkType::FS, LinkType::FS, LinkType::SS, LinkType::SS, LinkType::FF,
                                     LinkType::FF, LinkType::SF, LinkType::FS, LinkType::SS};
    static const int64_t lags[] = {0, 0, 0, 0, 0, 480, -240, 120, 960, -480};
    p.links.reserve(size_t(count) * 7 / 4 + phases.size());
    size_t phase = 0;
    for (int i = 0; i < count; ++i) {
        while (phase + 1 < phases.size() && phases[phase + 1] <= i) ++phase;
        const int phaseEnd = subtreeEnd[size_t(phases[phase])];
        const int links = 1 + (i % 2) + (i % 4 == 3); // 1, 2, 1, 3: about 1.5 once phase ends cut some
        for (int k = 0; k < links; ++k) {
            const int from = subtreeEnd[size_t(i)];
            if (from >= phaseEnd) break;
            const int to = std::min(phaseEnd - 1, from + rng.below(12));
            p.links.push_back({rng.id(), p.tasks[size_t(i)].id, p.tasks[size_t(to)].id, types[rng.below(14)], lags[rng.below(10)], 0});
        }
    }
    const size_t stride = std::max<size_t>(1, phases.size() / 16);
    for (size_t j = stride; j < phases.size(); ++j)
        p.links.push_back({rng.id(), p.tasks[size_t(phases[j - stride])].id, p.tasks[size_t(phases[j])].id, LinkType::FS, 0, 0});
    return p;
}

void addSyntheticTeam(Project& p, int people, uint64_t seed) {
    if (people <= 0) return;
    Rng rng{seed ^ 0x7EA3ull};
    static const char* roles[] = {"Producer", "Designer", "Developer", "Copywriter", "QA Engineer", "Strategist"};
    const size_t first = p.resources.size();
    for (int i = 0; i < people; ++i) {
        const char* role = roles[i % 6];
        p.resources.push_back({rng.id(), std::string(role) + " " + std::to_string(i / 6 + 1), role, 8000 + 500 * (i % 7), 0, {}});
    }
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const bool parent = i + 1 < p.tasks.size() && p.tasks[i + 1].parent == p.tasks[i].id;
        if (parent || p.tasks[i].milestone) continue;
        const Resource& r = p.resources[first + size_t(rng.below(people))];
        p.assignments.push_back({rng.id(), p.tasks[i].id, r.id, rng.below(5) == 0 ? 50 : 100, 0});
    }
}

} // namespace plotline
