// Portfolio benchmark: what the Portfolio view does over a library of P projects of N tasks, with the
// same team (people matched by email) booked across all of them.
//   open ms:      every project's stored form decoded, scheduled, its row, week and bookings computed,
//                 then the week and the people combined over all (opening the view on a cold cache)
//   edit ms:      after an edit of the open project: its row, week and bookings again from the
//                 document's schedule, and the combination over all (the view shown while editing)
//   combine ms:   the combination alone (the week's lists and everyone's summed load)
// Printed natively and as wasm under node.
//   build/native/bench_portfolio [--json]       node build/web/bench_portfolio_wasm.js [--json]
#include "timing.hpp"
#include "core/binary_io.hpp"
#include "core/cross_load.hpp"
#include "core/portfolio.hpp"
#include "core/resource_load.hpp"
#include "core/schedule.hpp"
#include "core/synthetic.hpp"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace plotline;

namespace {

using bench::medianMs;

struct Figures {
    PortfolioRow row;
    ThisWeek week;
    std::vector<Booking> booked;
};

Figures figures(const Project& p, const Schedule& s, Date today) {
    return {portfolioRow(p, s, today), thisWeek(p, s, today), bookings(p, resourceLoad(p, s))};
}

size_t combine(const std::vector<Figures>& all) {
    std::vector<const ThisWeek*> weeks;
    std::vector<const std::vector<Booking>*> plans;
    for (const Figures& f : all) weeks.push_back(&f.week), plans.push_back(&f.booked);
    const ThisWeek w = combineWeeks(weeks);
    const CrossLoad c = crossLoad(plans);
    return w.late.size() + w.due.size() + c.people.size();
}

} // namespace

int main(int argc, char** argv) {
    const bool json = argc > 1 && std::strcmp(argv[1], "--json") == 0;
    std::string rows;
    if (!json) std::printf("%-9s %-6s %10s %10s %12s %8s %10s\n", "projects", "tasks", "open ms", "edit ms", "combine ms", "people", "over");
    for (auto [projects, tasks] : {std::pair{10, 1000}, std::pair{50, 1000}}) {
        // A team of 30 shared by every project: the synthetic plans name people "Designer 1" …; their
        // email makes them one person everywhere.
        std::vector<std::string> bodies;
        Date today;
        for (int k = 0; k < projects; ++k) {
            Project p = syntheticProject(tasks, uint64_t(100 + k));
            addSyntheticTeam(p, 30, uint64_t(100 + k));
            p.name = "Project " + std::to_string(k + 1);
            for (Resource& r : p.resources) {
                std::string e;
                for (char c : r.name) e += c == ' ' ? '.' : char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
                r.email = e + "@studio.example";
            }
            if (k == 0) today = p.start + 60;
            bodies.push_back(writeProjectBinary(p));
        }
        std::vector<Figures> all;
        size_t sink = 0;
        const double open = medianMs(3, [&] {
            all.clear();
            for (const std::string& b : bodies) {
                Result<Project> p = readProjectBody(b);
                const Schedule s = schedule(*p);
                all.push_back(figures(*p, s, today));
            }
            sink += combine(all);
        });
        Result<Project> mine = readProjectBody(bodies[0]);
        Scheduler scheduler;
        mine->tasks[5].duration += 480; // an edit: the document reschedules, then the view recomputes
        const Schedule& s = scheduler.run(*mine);
        const double edit = medianMs(5, [&] {
            all[0] = figures(*mine, s, today);
            sink += combine(all);
        });
        const double combined = medianMs(5, [&] { sink += combine(all); });
        std::vector<const std::vector<Booking>*> plans;
        for (const Figures& f : all) plans.push_back(&f.booked);
        const CrossLoad c = crossLoad(plans);
        int over = 0;
        for (const PersonLoad& p : c.people) over += p.overAllocated();
        if (json) {
            char row[256];
            std::snprintf(row, sizeof row, "%s{\"projects\":%d,\"tasks\":%d,\"openMs\":%.2f,\"editMs\":%.2f,\"combineMs\":%.2f,\"people\":%zu,\"over\":%d}",
                          rows.empty() ? "" : ",", projects, tasks, open, edit, combined, c.people.size(), over);
            rows += row;
        } else {
            std::printf("%-9d %-6d %10.1f %10.1f %12.2f %8zu %10d\n", projects, tasks, open, edit, combined, c.people.size(), over);
        }
        if (sink == 42) std::puts("");
    }
    if (json) std::printf("{\"rows\":[%s]}\n", rows.c_str());
    return 0;
}
