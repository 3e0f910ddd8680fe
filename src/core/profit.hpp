// What the client pays against what the work costs: revenue recognised by the contract's rule, cost at
// cost rates, and the margin between them, to date and forecast at completion, for one project (a
// portfolio adds projects' figures). Every amount is minor units (money.hpp).
//
// The rules, stated once:
// - Cost is budget.hpp's figures at cost rates (budgetStatus(…, RateKind::Cost)): hours worked at the
//   cost rate of their day plus every cost booked, to date; at completion, the earned-value forecast
//   of that cost (EAC = BAC / CPI, the plan's remaining work at cost rates at the cost performance so
//   far), or the planned cost while nothing is earned and spent yet.
// - Revenue is what becomes billable, by the contract:
//   · every contract: its billing items (a fixed fee's instalments, approved change requests' fees,
//     extra charges), each billable when its task is complete (on its actual finish) or on its date
//     (an item with neither is billable when the whole project is complete);
//   · time and materials: the hours worked each month at the bill rate of their day, and the costs
//     booked each month with their vendor's mark-up, never beyond the cap (the month that reaches it
//     bills the rest, later months nothing); at completion, what is billed so far plus the remaining
//     work at bill rates as earned value forecasts it, within the cap;
//   · retainer: the monthly fee on the first day of each month from the project's first month to the
//     month of its planned finish.
//   To date = lines billable up to the status date; at completion = every line, forecast ones included.
// - Margin = revenue − cost; its percentage is of revenue. Unknown while a person with work or hours has
//   no cost rate for it: the figures then say which cost rates are missing instead of inventing one.
// - Per person and per phase (top-level task), the work's value at bill rates beside its cost at cost
//   rates: booked so far, and planned at completion. Per month: revenue and cost of the month, actual up
//   to the status date's month and forecast after it.
#pragma once
#include "budget.hpp"
#include "model.hpp"
#include "schedule.hpp"

#include <optional>
#include <string>
#include <vector>

namespace plotline {

struct BillableLine {
    enum class Kind : uint8_t { Item, Hours, Expenses, Retainer };
    Kind kind = Kind::Item;
    Date date;                    // when it is (or is forecast to become) billable
    bool due = false;             // billable by the status date
    std::string what;             // "Design sign-off (“Design sign-off” complete)", "Hours worked: 42 h"
    int64_t amount = 0;
    Id item;                      // Kind::Item: the billing item
};

struct MonthProfit {
    Date month;                   // its first day
    int64_t revenue = 0, cost = 0;
    bool forecast = false;        // after the status date's month
};

struct PersonProfit {
    size_t resource = 0;          // index into project.resources
    std::string name;
    int64_t minutesToDate = 0, valueToDate = 0, costToDate = 0; // hours booked up to the status date
    int64_t plannedMinutes = 0, plannedValue = 0, plannedCost = 0; // assigned work
    bool costMissing = false;     // this person has work or hours without a cost rate: their cost is unknown
};

struct PhaseProfit {
    size_t task = 0;              // index into project.tasks (a top-level task)
    std::string name;
    int64_t valueToDate = 0, costToDate = 0; // booked on it and under it
    int64_t plannedValue = 0, plannedCost = 0;
    bool costMissing = false;     // anyone lacks a cost rate (whoever it is may work on this phase)
};

struct ProfitStatus {
    std::string tooLarge;         // set when the figures cannot be totalled (budget.hpp's rule); all zero then
    std::vector<std::string> missingCostRates; // people with work or hours and no cost rate for it
    Date statusDate;
    ContractType type = ContractType::TimeAndMaterials;
    int64_t revenueToDate = 0, costToDate = 0;
    int64_t revenueAtCompletion = 0, costAtCompletion = 0;
    std::optional<int64_t> cap;   // time and materials
    std::optional<Date> capReached; // the day the billed hours and costs reached the cap
    std::optional<int> marginTarget;
    std::vector<BillableLine> billable; // in date order
    std::vector<MonthProfit> months;
    std::vector<PersonProfit> people;   // those with work, hours or a rate
    std::vector<PhaseProfit> phases;

    bool known() const { return tooLarge.empty() && missingCostRates.empty(); }
    int64_t marginToDate() const { return revenueToDate - costToDate; }
    int64_t marginAtCompletion() const { return revenueAtCompletion - costAtCompletion; }
    // In basis points of revenue; none without revenue.
    std::optional<int> marginPercentToDate() const { return percentOfRevenue(marginToDate(), revenueToDate); }
    std::optional<int> marginPercentAtCompletion() const { return percentOfRevenue(marginAtCompletion(), revenueAtCompletion); }
    // The forecast margin under the producer's target (known figures only).
    bool belowTarget() const;
    // "Cost rates missing for Producer and Designer: margins need them." ("" when none is missing)
    std::string missingText() const;
    // What the lines due in `month` (its first day) add up to.
    int64_t billableIn(Date month) const;

    static std::optional<int> percentOfRevenue(int64_t margin, int64_t revenue);
};

// The figures at `statusDate`, from the budget at bill rates and at cost rates (both of the same plan,
// schedule and date; the convenience form computes them).
ProfitStatus profitStatus(const Project& p, const Schedule& s, const BudgetStatus& bill, const BudgetStatus& cost);
ProfitStatus profitStatus(const Project& p, const Schedule& s, Date statusDate);

// What approving a change request does to the money: the fee the client pays more (its fee impact, and
// under time and materials the changed work at bill rates and its cost impact, billed as worked), the
// cost (the changed work at cost rates and its cost impact), and so the margin.
struct ChangeEffect {
    int64_t fee = 0, cost = 0;
    bool costMissing = false;     // someone on the changed work has no cost rate
    int64_t margin() const { return fee - cost; }
};
std::optional<ChangeEffect> changeEffect(const Project& p, const ChangeRequest& c);

// What the client is asked to pay and has paid: the billing items (under a fixed fee, the fee), the
// invoices sent and those paid; `invoicedFor` those of one month (its first day).
struct FeeTotals {
    int64_t fee = 0, invoiced = 0, paid = 0;
};
FeeTotals feeTotals(const Project& p);
int64_t invoicedFor(const Project& p, Date month);

// The first day of the month a day falls in, and the first day of the next month.
Date monthOf(Date d);
Date nextMonth(Date month);
// "December 2026"
std::string monthTitle(Date month);

} // namespace plotline
