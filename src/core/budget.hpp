// The budget of a project and where it stands at a status date: planned labour and fixed costs per
// task, the budget by category, contingency, actuals, earned value, burn rate and forecasts, and the
// weekly series the charts draw. Every amount is minor units (money.hpp); nothing is floating point
// but the performance ratios.
//
// The rules, stated once:
// - Planned labour of an assignment = the task's scheduled working span × units % × the person's
//   rate, the span split where a rate change falls. Summary tasks cost only what is assigned to
//   them directly. Milestones have no labour.
// - Base budget = planned labour + every budget line except those of the contingency category.
//   Contingency = its amount (or its % of the base budget) + contingency-category lines; drawdowns
//   take from it. Approved budget = base + contingency. BAC (earned value's budget) = the base budget.
// - Earned value: a task's budget (labour + lines on it) is planned over its span and earned by its
//   % complete; lines on no task are planned over the project's span and earned by its % complete.
// - Actual cost at a date = cost entries dated up to it + hours worked up to it at the rate of the
//   day they were worked.
// - Weekly burn rate = actual cost of the 4 weeks (28 days) ending at the status date / 4.
// - Forecast finish = status date + the planned working time left / SPI (the schedule performance so
//   far continues); forecast cost = EAC.
#pragma once
#include "earned_value.hpp"
#include "model.hpp"
#include "schedule.hpp"

#include <array>
#include <optional>

namespace plotline {

using CategoryAmounts = std::array<int64_t, kCostCategories>;

struct TaskCost {
    int64_t labour = 0, fixed = 0; // planned; for a summary, what is on it directly
    int64_t booked = 0;            // actuals booked on the task, whatever their date
    int64_t total() const { return labour + fixed; }
};

// A week of the charts: cumulative values at the end of its last day.
struct WeekPoint {
    Date end;                      // the Sunday ending the week
    int64_t pv = 0, ac = 0;        // cumulative
    int64_t spent = 0;             // actual cost within the week
    std::optional<int64_t> ev;     // cumulative, where known (status records and the status date)
};

struct BudgetStatus {
    // Set when the plan's money could pass what int64 totals hold (every amount taken as positive plus
    // all labour at the highest rates, over kMaxMoney): it says so and names the largest entry, and
    // every figure below stays zero rather than wrap. Reports and views show this message instead.
    std::string tooLarge;
    Date statusDate;
    std::vector<TaskCost> tasks;   // parallel to project.tasks (zeros when too large)
    std::vector<int64_t> resourceMinutes, resourceLabour; // planned work and its cost, parallel to project.resources (zeros when too large)
    std::vector<int64_t> resourceActualMinutes, resourceActualCost; // hours booked up to the status date
    int64_t labour = 0, lines = 0, base = 0;
    int64_t contingency = 0, drawn = 0, approvedChanges = 0;
    int64_t contingencyLeft() const { return contingency - drawn; }
    int64_t approved() const { return base + contingency; }
    CategoryAmounts budgetByCategory{}, actualByCategory{}; // actuals up to the status date
    int64_t actualLabourMinutes = 0;
    EvResult ev;                   // at the status date
    int percentComplete = 0;       // duration-weighted over leaf tasks
    int64_t weeklyBurn = 0;
    Date plannedFinish, forecastFinish;
    std::vector<WeekPoint> weeks;  // from the project's first week to the later of finish and status date
    size_t statusWeek = 0;         // the week the status date falls in
    int64_t committed = 0;         // vendors: purchase orders raised
    int64_t invoiced = 0, unpaid = 0;
};

// Everything above for the project at `statusDate` (its own status date when not given, else today's
// caller-supplied date). The schedule must be the project's (Document::schedule()).
// With RateKind::Cost every labour figure is at cost rates instead (an unknown cost rate counts as 0):
// what the work costs the agency, which profit.hpp sets against the revenue.
BudgetStatus budgetStatus(const Project& p, const Schedule& s, Date statusDate, RateKind kind = RateKind::Bill);
// The project's % complete, the one figure every report and view shows: the tasks' % complete weighted
// by their durations (summaries and milestones weigh nothing), in whole percent rounded down, so a
// project reads 100 % only when all its work is done.
int percentComplete(const Project& p, const Schedule& s);

// The budget at bill rates and at cost rates together, as two budgetStatus() calls would give them,
// for about the price of one and a half: what does not depend on the rates is worked out once.
struct BudgetAtRates {
    BudgetStatus bill, cost;
};
BudgetAtRates budgetAtBothRates(const Project& p, const Schedule& s, Date statusDate);

// The labour an open change request's plan changes would add (or save), at the rates in force on the
// day it was raised: each changed task's people for the extra working minutes. New tasks add none
// until people are assigned to them. Its costImpact is on top of this: approving a request adds
// costImpact as a budget line, while this labour arrives through the changed plan. None when it would
// pass kMaxMoney either way.
std::optional<int64_t> changeLabourImpact(const Project& p, const ChangeRequest& c, RateKind kind = RateKind::Bill);

// Actual cost up to and including a day (cost entries + hours at their day's rate).
int64_t actualCostTo(const Project& p, Date day);

// The planned labour cost of `minutes` of work by a resource spread evenly over the working instants
// [start, finish) (rates change at the start of their day).
int64_t plannedLabour(const Resource& r, const Calendar& cal, int64_t start, int64_t finish, int64_t minutes, RateKind kind = RateKind::Bill);

} // namespace plotline
