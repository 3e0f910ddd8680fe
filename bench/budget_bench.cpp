// Budget benchmark: the numbers the Budget view recomputes after every edit (budgetStatus: planned
// labour, actuals, earned value and the weekly series), the status report built from them, and the
// margin (the budget again at cost rates and profitStatus: revenue by the contract, cost, margin by
// month, phase and person; "margin ms", measured after an edit of a task's progress), over
// synthetic plans with a team, budget lines and about two hours entries per task. Printed, natively
// and as wasm under node; the dashboard recomputes once per edit, so it should stay well under a
// frame's budget of interactivity (≤ 50 ms at 10k tasks in wasm). "dashboard ms": everything the
// dashboard recomputes after an edit (both rates at once, the report, the margin).
//   build/native/bench_budget [--json]       node build/web/bench_budget_wasm.js [--json]
#include "timing.hpp"
#include "core/budget.hpp"
#include "core/profit.hpp"
#include "core/report.hpp"
#include "core/schedule.hpp"
#include "core/synthetic.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace plotline;

namespace {

using bench::medianMs;

// A money side in proportion to the plan: a budget line per 50 tasks, two hours entries per task
// before the status date, a cost per 20 tasks, a risk per 100 and a few status records.
void addMoney(Project& p, const Schedule& s, Date status) {
    uint64_t x = 88172645463325252ull;
    auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
    for (size_t i = 0; i < p.tasks.size(); i += 50)
        p.budgetLines.push_back({Id::random(), "Line " + std::to_string(i), CostCategory(1 + next() % 5), int64_t(next() % 500000), p.tasks[i].id});
    for (size_t i = 0; i < p.tasks.size() && !p.resources.empty(); ++i) {
        if (s.tasks[i].startDate > status) continue;
        for (int k = 0; k < 2; ++k)
            p.hours.push_back({Id::random(), s.tasks[i].startDate, p.tasks[i].id, p.resources[next() % p.resources.size()].id, int64_t(60 + next() % 420)});
        if (i % 20 == 0) p.costs.push_back({Id::random(), s.tasks[i].startDate, int64_t(next() % 200000), CostCategory::Software});
        p.tasks[i].percentComplete = int(next() % 101);
    }
    for (size_t i = 0; i < p.tasks.size(); i += 100) p.risks.push_back({Id::random(), "Risk", int(1 + next() % 5), int(1 + next() % 5)});
    p.contingency = {0, 1000, true};
    // The agency's side: cost rates at 60 % of the bill rates, a fixed fee billed in ten instalments.
    for (Resource& r : p.resources) r.costRate = r.billRate * 6 / 10;
    p.contract.type = ContractType::FixedFee;
    p.contract.marginTarget = 2500;
    for (size_t i = 0; i < p.tasks.size(); i += std::max<size_t>(1, p.tasks.size() / 10))
        p.billing.push_back({Id::random(), "Instalment", int64_t(next() % 5000000), p.tasks[i].id});
}

} // namespace

int main(int argc, char** argv) {
    const bool json = argc > 1 && std::strcmp(argv[1], "--json") == 0;
    std::string rows;
    if (!json) std::printf("%-8s %10s %10s %12s %14s %14s %12s %14s\n", "tasks", "hours", "weeks", "status ms", "report ms", "markdown ms", "margin ms", "dashboard ms");
    for (int n : {1000, 10000, 100000}) {
        Project p = syntheticProject(n, 7);
        addSyntheticTeam(p, std::max(5, n / 100), 7);
        const Schedule s0 = schedule(p);
        const Date status = s0.start + (s0.finish - s0.start) / 3;
        addMoney(p, s0, status);
        const Schedule s = schedule(p);
        const int runs = n >= 100000 ? 5 : 15;
        BudgetStatus b;
        const double statusMs = medianMs(runs, [&] { b = budgetStatus(p, s, status); });
        StatusReport r;
        const double reportMs = medianMs(runs, [&] { r = statusReport(p, s, status); });
        std::string md;
        const double mdMs = medianMs(runs, [&] { md = renderMarkdown(weeklyReport(r)); });
        // After an edit (a task's progress), what the dashboard's margin card needs on top of the status.
        ProfitStatus m;
        size_t edited = 0;
        const double marginMs = medianMs(runs, [&] {
            p.tasks[edited++ % p.tasks.size()].percentComplete = 50;
            m = profitStatus(p, s, b, budgetStatus(p, s, status, RateKind::Cost));
        });
        // After an edit, all the dashboard recomputes: the budget at both rates, the status report and
        // the margin (src/app/budget_view.cpp).
        const double dashboardMs = medianMs(runs, [&] {
            p.tasks[edited++ % p.tasks.size()].percentComplete = 40;
            BudgetAtRates both = budgetAtBothRates(p, s, status);
            r = statusReport(p, s, std::move(both.bill));
            m = profitStatus(p, s, r.budget, both.cost);
        });
        if (!m.known()) std::fprintf(stderr, "margin unknown: %s\n", m.missingText().c_str());
        if (json) {
            char buf[256];
            std::snprintf(buf, sizeof buf, "%s{\"tasks\":%d,\"hours\":%zu,\"weeks\":%zu,\"statusMs\":%.3f,\"reportMs\":%.3f,\"markdownMs\":%.3f,\"marginMs\":%.3f,\"dashboardMs\":%.3f}",
                          rows.empty() ? "" : ",", n, p.hours.size(), b.weeks.size(), statusMs, reportMs, mdMs, marginMs, dashboardMs);
            rows += buf;
        } else
            std::printf("%-8d %10zu %10zu %12.2f %14.2f %14.3f %12.2f %14.2f\n", n, p.hours.size(), b.weeks.size(), statusMs, reportMs, mdMs, marginMs, dashboardMs);
    }
    if (json) std::printf("{\"rows\":[%s]}\n", rows.c_str());
    return 0;
}
