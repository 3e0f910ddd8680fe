// Earned value at a status date, from each task's budget, its planned span and its % complete, and
// the actual cost so far. Money is minor units (money.hpp); ratios are plain numbers.
//
// Planned value spreads a task's budget evenly over its planned working time (work-minute indexes on
// the project calendar, so nights, weekends and holidays carry none); a milestone's budget is planned
// at its date. Earned value is budget × % complete. The forecasts assume the cost performance so far
// continues: EAC = BAC / CPI (= BAC × AC / EV), rounded half away from zero.
//
//   EvResult ev = earnedValue({{100000, 0, 4800, 60}}, 3840, 75000);
//   ev.pv, ev.ev, ev.cpi(), ev.eac …
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace plotline {

struct EvTask {
    int64_t budget = 0;             // minor units, at completion
    int64_t start = 0, finish = 0;  // planned, in work minutes; finish == start for a milestone
    int percentComplete = 0;        // 0–100
};

struct EvResult {
    int64_t bac = 0, pv = 0, ev = 0, ac = 0; // budget at completion, planned value, earned value, actual cost
    int64_t sv() const { return ev - pv; }   // schedule variance (negative: behind)
    int64_t cv() const { return ev - ac; }   // cost variance (negative: over budget)
    std::optional<double> spi() const;        // EV / PV (none while nothing was planned yet)
    std::optional<double> cpi() const;        // EV / AC (none while nothing was spent)
    std::optional<int64_t> eac;              // estimate at completion (none until something is earned and spent,
                                             // or when a CPI near zero would put it past kMaxMoney)
    std::optional<int64_t> etc() const { return eac ? std::optional<int64_t>(*eac - ac) : std::nullopt; } // to complete
    std::optional<int64_t> vac() const { return eac ? std::optional<int64_t>(bac - *eac) : std::nullopt; } // variance at completion
    std::optional<double> tcpi() const;       // (BAC − EV) / (BAC − AC): the efficiency the rest needs
};

// statusMinute: the end of the status date, in work minutes; actualCost: spent up to then.
EvResult earnedValue(const std::vector<EvTask>& tasks, int64_t statusMinute, int64_t actualCost);

} // namespace plotline
