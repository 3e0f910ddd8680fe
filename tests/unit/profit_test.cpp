// Revenue, cost and margin on plans small enough to work out by hand: every expected number is computed
// in the comments from the rules in core/profit.hpp. Mon–Fri, 8 h days; amounts in cents.
#include "core/commands.hpp"
#include "core/profit.hpp"
#include "core/schedule.hpp"
#include "helpers.hpp"

#include <algorithm>

using namespace plotline;
using namespace plotline::test;

namespace {

// Design (5 days, Mon 2 – Fri 6 March) → milestone "Design approved" → Build (5 days, 9 – 13 March) →
// milestone "Launch". Ana on both tasks at 100 %: bill 100.00/h, cost 60.00/h. Planned: 80 h, worth
// 8,000.00 at bill rates and costing 4,800.00.
struct Plan {
    Project p = project("2026-03-02");
    Id design, approved, build, launch, ana;
    Plan() {
        Task& a = addTask(p, "Design", 5 * DAY);
        Task& b = addTask(p, "Design approved", 0);
        Task& c = addTask(p, "Build", 5 * DAY);
        Task& e = addTask(p, "Launch", 0);
        link(p, a, b);
        link(p, b, c);
        link(p, c, e);
        design = a.id, approved = b.id, build = c.id, launch = e.id;
        Resource r{Id::random(), "Ana", "Designer", 10000};
        r.costRate = 6000;
        ana = r.id;
        p.resources = {r};
        p.assignments.push_back({Id::random(), design, ana, 100});
        p.assignments.push_back({Id::random(), build, ana, 100});
    }
    Task& task(Id id) { return p.tasks[size_t(p.taskIndex(id))]; }
    void done(Id id, const char* from, const char* to) {
        Task& t = task(id);
        t.percentComplete = 100;
        t.actualStart = d(from);
        t.actualFinish = d(to);
    }
    void hours(const char* first, int days, int64_t minutesPerDay, Id on) {
        for (int k = 0; k < days; ++k) p.hours.push_back({Id::random(), d(first) + k, on, ana, minutesPerDay});
    }
    ProfitStatus at(const char* day) { return profitStatus(p, schedule(p), d(day)); }
};

const BillableLine* line(const ProfitStatus& x, BillableLine::Kind kind, int nth = 0) {
    for (const BillableLine& l : x.billable)
        if (l.kind == kind && nth-- == 0) return &l;
    return nullptr;
}

} // namespace

TEST_CASE("fixed fee: two billing milestones; revenue when each is reached; the cost forecast follows the cost performance") {
    Plan f;
    f.p.contract.type = ContractType::FixedFee;
    f.p.contract.marginTarget = 5500; // 55 %
    f.p.billing.push_back({Id::random(), "Design instalment", 600000, f.approved});
    f.p.billing.push_back({Id::random(), "Launch instalment", 600000, f.launch});
    f.p.billing.push_back({Id::random(), "Build started (nothing to bill)", 0, f.build});
    f.done(f.design, "2026-03-02", "2026-03-06");
    f.done(f.approved, "2026-03-06", "2026-03-06");
    f.hours("2026-03-02", 5, 8 * HOUR, f.design); // 40 h: cost 2,400.00

    ProfitStatus x = f.at("2026-03-06");
    REQUIRE(x.known());
    CHECK(x.revenueToDate == 600000);              // the design instalment: its milestone is complete
    CHECK(x.costToDate == 240000);                 // 40 h × 60.00
    CHECK(x.marginToDate() == 360000);
    CHECK(x.marginPercentToDate() == 6000);        // 3,600 / 6,000
    // At completion: the whole fee; cost EAC = BAC 4,800 / CPI (EV 2,400 / AC 2,400 = 1) = 4,800.
    CHECK(x.revenueAtCompletion == 1200000);
    CHECK(x.costAtCompletion == 480000);
    CHECK(x.marginAtCompletion() == 720000);
    CHECK(x.marginPercentAtCompletion() == 6000);
    CHECK(!x.belowTarget());
    // Ana's planned 80 h, at one rate each all along: worth 8,000.00, costing 4,800.00.
    REQUIRE(x.people.size() == 1);
    CHECK(x.people[0].plannedValue == 800000);
    CHECK(x.people[0].plannedCost == 480000);
    REQUIRE(x.billable.size() == 3);
    CHECK(x.billable[0].due);
    CHECK(x.billable[0].date == d("2026-03-06"));
    CHECK(x.billable[0].what == "Design instalment (\u201cDesign approved\u201d complete)");
    CHECK(x.billable[1].what == "Launch instalment (\u201cLaunch\u201d to complete)");
    CHECK(!x.billable[1].due);
    CHECK(x.billable[1].date == d("2026-03-13")); // forecast: Launch's planned date
    // An item on a task under way is billable only once the task is complete.
    f.task(f.build).percentComplete = 60;
    const ProfitStatus started = f.at("2026-03-06");
    CHECK(started.billable[2].what == "Build started (nothing to bill) (\u201cBuild\u201d to complete)");
    CHECK(!started.billable[2].due);
    f.task(f.build).percentComplete = 0;
    CHECK(x.billableIn(d("2026-03-01")) == 600000);

    // Design took 50 h instead of 40: AC 3,000, CPI 0.8, EAC 4,800 / 0.8 = 6,000; the forecast margin
    // falls to 6,000 of 12,000 = 50 %, under the 55 % target.
    f.hours("2026-03-02", 5, 2 * HOUR, f.design);
    x = f.at("2026-03-06");
    CHECK(x.costToDate == 300000);
    CHECK(x.costAtCompletion == 600000);
    CHECK(x.marginAtCompletion() == 600000);
    CHECK(x.marginPercentAtCompletion() == 5000);
    CHECK(x.belowTarget());

    // Launch reached: the whole fee is revenue to date.
    f.done(f.build, "2026-03-09", "2026-03-13");
    f.done(f.launch, "2026-03-13", "2026-03-13");
    f.hours("2026-03-09", 5, 8 * HOUR, f.build);
    x = f.at("2026-03-13");
    CHECK(x.revenueToDate == 1200000);
    CHECK(x.costToDate == 540000);     // 90 h × 60.00
    CHECK(x.costAtCompletion == 540000);
    CHECK(x.billableIn(d("2026-03-01")) == 1200000);
}

TEST_CASE("time and materials: hours at bill rates and costs with the vendor's mark-up, until the cap is reached mid-month") {
    Plan f;
    f.p.contract.type = ContractType::TimeAndMaterials;
    f.p.contract.cap = 1000000; // 10,000.00
    Vendor v{Id::random(), "Northlight", "", 0, 1500}; // 15 % on top of its costs
    f.p.vendors.push_back(v);
    // March: 80 h (8,000.00) and a vendor's 1,000.00 invoice billed at 1,150.00 = 9,150.00.
    f.hours("2026-03-02", 5, 8 * HOUR, f.design);
    f.hours("2026-03-09", 5, 8 * HOUR, f.build);
    f.p.costs.push_back({Id::random(), d("2026-03-20"), 100000, CostCategory::Vendor, f.build, v.id, "NL-1"});
    // April: 8 h a day from Wed 1: 800.00 a day. 1 April → 9,950.00; 2 April: 50.00 of its 800.00
    // reaches the 10,000.00 cap; 3 April bills nothing.
    f.hours("2026-04-01", 3, 8 * HOUR, f.build);
    f.done(f.design, "2026-03-02", "2026-03-06");
    f.task(f.build).percentComplete = 90;

    ProfitStatus x = f.at("2026-04-03");
    REQUIRE(x.known());
    CHECK(x.capReached == d("2026-04-02"));
    const BillableLine* march = line(x, BillableLine::Kind::Hours, 0);
    REQUIRE(march);
    CHECK(march->amount == 800000);
    CHECK(march->what == "Hours worked in March 2026: 80 h");
    const BillableLine* costs = line(x, BillableLine::Kind::Expenses, 0);
    REQUIRE(costs);
    CHECK(costs->amount == 115000);
    const BillableLine* april = line(x, BillableLine::Kind::Hours, 1);
    REQUIRE(april);
    CHECK(april->amount == 85000);     // 800.00 on 1 April + 50.00 of 2 April
    CHECK(april->what == "Hours worked in April 2026: 24 h (the cap is reached)");
    CHECK(x.revenueToDate == 1000000);
    CHECK(x.billableIn(d("2026-03-01")) == 915000);
    CHECK(x.billableIn(d("2026-04-01")) == 85000);
    // Cost: 104 h × 60.00 + the vendor's 1,000.00 (the mark-up is revenue, not cost).
    CHECK(x.costToDate == 104 * 6000 + 100000);
    CHECK(x.revenueAtCompletion == 1000000); // nothing more can be billed
    CHECK(x.marginToDate() == 1000000 - 724000);

    // Without a cap every hour is billed: 8,000 + 1,150 + 3 × 800 = 11,550.00.
    f.p.contract.cap.reset();
    x = f.at("2026-04-03");
    CHECK(!x.capReached);
    CHECK(x.revenueToDate == 1155000);
}

TEST_CASE("retainer: the monthly fee from the first month to the month of the planned finish") {
    Plan f;
    f.p.contract.type = ContractType::Retainer;
    f.p.contract.monthlyFee = 500000;
    f.task(f.build).duration = 40 * DAY; // Build 9 March – 1 May: the plan runs March, April, May
    f.hours("2026-03-02", 5, 8 * HOUR, f.design);
    ProfitStatus x = f.at("2026-04-15");
    REQUIRE(x.billable.size() == 3);
    CHECK(x.billable[0].what == "Retainer for March 2026");
    CHECK(x.billable[2].date == d("2026-05-01"));
    CHECK(!x.billable[2].due);
    CHECK(x.revenueToDate == 1000000);        // March and April
    CHECK(x.revenueAtCompletion == 1500000);
    CHECK(x.costToDate == 240000);
    CHECK(x.billableIn(d("2026-04-01")) == 500000);
    // Months: actual to April, May forecast with the rest of the fee.
    REQUIRE(x.months.size() == 3);
    CHECK(x.months[0].revenue == 500000);
    CHECK(x.months[0].cost == 240000);
    CHECK(x.months[2].forecast);
    CHECK(x.months[2].revenue == 500000);
}

TEST_CASE("dated changes of both rates: value and cost split where each change falls") {
    Plan f;
    Resource& ana = f.p.resources[0];
    ana.billRateChanges = {{d("2026-03-09"), 12000}};
    ana.costRateChanges = {{d("2026-03-11"), 6600}};
    f.hours("2026-03-06", 1, 8 * HOUR, f.design);  // bill 100 × 8, cost 60 × 8
    f.hours("2026-03-10", 1, 8 * HOUR, f.build);   // bill 120 × 8, cost 60 × 8
    f.hours("2026-03-11", 1, 8 * HOUR, f.build);   // bill 120 × 8, cost 66 × 8
    const ProfitStatus x = f.at("2026-03-11");
    REQUIRE(x.people.size() == 1);
    const PersonProfit& a = x.people[0];
    CHECK(a.minutesToDate == 24 * HOUR);
    CHECK(a.valueToDate == 80000 + 96000 + 96000);
    CHECK(a.costToDate == 48000 + 48000 + 52800);
    // Planned: Design (2–6 March) 40 h at 100 / 60; Build (9–13) 40 h at 120, costing 60 for 9–10 and
    // 66 for 11–13 (16 h and 24 h).
    CHECK(a.plannedValue == 400000 + 480000);
    CHECK(a.plannedCost == 240000 + 16 * 6000 + 24 * 6600);
    // Per phase: each top-level task.
    REQUIRE(x.phases.size() == 4);
    CHECK(x.phases[2].plannedValue == 480000);
    CHECK(x.phases[2].costToDate == 48000 + 52800);
}

TEST_CASE("cost rates missing: margins say so instead of inventing a cost") {
    Plan f;
    f.p.resources[0].costRate.reset();
    Resource ben{Id::random(), "Ben", "Developer", 9000};
    f.p.resources.push_back(ben);
    f.p.hours.push_back({Id::random(), d("2026-03-03"), f.design, ben.id, 60});
    ProfitStatus x = f.at("2026-03-06");
    CHECK(!x.known());
    CHECK(x.missingCostRates == std::vector<std::string>{"Ana", "Ben"});
    CHECK(x.missingText() == "Cost rates missing for Ana and Ben: margins need them.");
    CHECK(!x.belowTarget());
    // A cost rate from a date later than their first hours still leaves those hours without one.
    f.p.resources[0].costRate = 6000;
    f.p.resources[1].costRateChanges = {{d("2026-03-04"), 5000}};
    x = f.at("2026-03-06");
    CHECK(x.missingCostRates == std::vector<std::string>{"Ben"});
    // Ana's own cost is known; Ben's and, since anyone may work on it, each phase's are not.
    REQUIRE(x.people.size() == 2);
    CHECK(!x.people[0].costMissing);
    CHECK(x.people[1].costMissing);
    CHECK(x.phases[0].costMissing);
    f.p.resources[1].costRateChanges = {{d("2026-03-03"), 5000}};
    x = f.at("2026-03-06");
    CHECK(x.known());
}

TEST_CASE("a change request's effect on fee, cost and margin; approving it bills its fee") {
    Plan f;
    ChangeRequest c;
    c.id = Id::random();
    c.number = 1;
    c.title = "Two more screens";
    c.raised = d("2026-03-04");
    c.status = ChangeStatus::Submitted;
    c.items.push_back({f.design, "", {}, 7 * DAY}); // Design 5 → 7 days: 16 h more of Ana
    c.costImpact = 20000;                           // stock images
    c.feeImpact = 250000;
    f.p.changeRequests.push_back(c);

    // Fixed fee: the client pays the agreed 2,500.00; it costs 16 × 60 + 200 = 1,160.00.
    f.p.contract.type = ContractType::FixedFee;
    std::optional<ChangeEffect> e = changeEffect(f.p, c);
    REQUIRE(e);
    CHECK(e->fee == 250000);
    CHECK(e->cost == 116000);
    CHECK(e->margin() == 134000);
    CHECK(!e->costMissing);
    // Time and materials: the extra hours are billed too, at 100.00, and the images re-billed.
    f.p.contract.type = ContractType::TimeAndMaterials;
    e = changeEffect(f.p, c);
    REQUIRE(e);
    CHECK(e->fee == 250000 + 160000 + 20000);
    CHECK(e->margin() == 430000 - 116000);
    f.p.resources[0].costRate.reset();
    CHECK(changeEffect(f.p, c)->costMissing);
    f.p.resources[0].costRate = 6000;

    // Approved on 5 March: a billing item of its fee, billable from that day, in the same undo step.
    f.p.contract.type = ContractType::FixedFee;
    Document doc(f.p);
    std::string why;
    REQUIRE(doc.execute(decideChange(doc.project(), c.id, ChangeStatus::Approved, "Client", "", d("2026-03-05"), 1, why)));
    REQUIRE(doc.project().billing.size() == 1);
    const BillingItem& fee = doc.project().billing[0];
    CHECK(fee.amount == 250000);
    CHECK(fee.date == d("2026-03-05"));
    CHECK(fee.changeRequest == c.id);
    CHECK(fee.name == "CR-1 Two more screens");
    const ProfitStatus x = profitStatus(doc.project(), doc.schedule(), d("2026-03-06"));
    CHECK(x.revenueToDate == 250000);
    REQUIRE(doc.undo());
    CHECK(doc.project().billing.empty());
}

TEST_CASE("profit figures that cannot be totalled say so and stay zero") {
    Plan f;
    f.p.contract.type = ContractType::Retainer;
    f.p.contract.monthlyFee = int64_t(1) << 52;
    f.task(f.build).duration = 400 * DAY; // about 19 months of a fee near the limit
    const ProfitStatus x = f.at("2026-03-06");
    CHECK(!x.tooLarge.empty());
    CHECK(x.revenueAtCompletion == 0);
    CHECK(!x.known());
}

TEST_CASE("months: revenue and cost of every month add up to the figures at completion") {
    Plan f;
    f.p.contract.type = ContractType::FixedFee;
    f.p.billing.push_back({Id::random(), "Deposit before the work", 300000, {}, d("2026-02-10")});
    f.p.billing.push_back({Id::random(), "Design instalment", 600000, f.approved});
    f.p.billing.push_back({Id::random(), "Final payment, a quarter after launch", 600000, {}, d("2026-06-30")});
    f.done(f.design, "2026-03-02", "2026-03-06");
    f.done(f.approved, "2026-03-06", "2026-03-06");
    f.hours("2026-03-02", 5, 9 * HOUR, f.design);
    const ProfitStatus x = f.at("2026-03-06");
    int64_t revenue = 0, cost = 0;
    for (const MonthProfit& m : x.months) {
        revenue += m.revenue;
        cost += m.cost;
    }
    CHECK(x.months.front().month == d("2026-02-01"));
    CHECK(x.months.back().month == d("2026-06-01"));
    CHECK(revenue == x.revenueAtCompletion);
    CHECK(x.revenueToDate == 900000);
    CHECK(cost == x.costAtCompletion);
}
