// The budget and its status at a date, on a plan small enough to work out by hand. Every expected
// number below is computed in the comments from the rules in core/budget.hpp.
#include "core/budget.hpp"
#include "core/money.hpp"
#include "core/synthetic.hpp"
#include "helpers.hpp"

using namespace plotline;
using namespace plotline::test;

namespace {

// Mon 2026-03-02 start, Mon–Fri 8 h. A: 10 days, Ana 100 % (100.00/h, 120.00/h from 03-09).
// B: 5 days after A, Ben 50 % (80.00/h), with a 1,000.00 software line. A 2,000.00 media line on no
// task. Contingency 10 %, 300.00 drawn down.
Project handWorked() {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "A", 10 * DAY);
    Task& b = addTask(p, "B", 5 * DAY);
    link(p, a, b);
    a.percentComplete = 40;
    Resource ana{Id::random(), "Ana", "Designer", 10000};
    ana.billRateChanges = {{d("2026-03-09"), 12000}};
    Resource ben{Id::random(), "Ben", "Developer", 8000};
    p.resources = {ana, ben};
    p.assignments.push_back({Id::random(), a.id, ana.id, 100});
    p.assignments.push_back({Id::random(), b.id, ben.id, 50});
    p.budgetLines.push_back({Id::random(), "Licences", CostCategory::Software, 100000, b.id});
    p.budgetLines.push_back({Id::random(), "Paid social", CostCategory::Media, 200000});
    p.contingency = {0, 1000, true};
    p.drawdowns.push_back({Id::random(), d("2026-03-05"), 30000, "Stock photos"});
    for (int day = 0; day < 5; ++day) p.hours.push_back({Id::random(), d("2026-03-02") + day, a.id, ana.id, 480});
    p.costs.push_back({Id::random(), d("2026-03-04"), 30000, CostCategory::Media, {}, {}, "Boosted post"});
    p.costs.push_back({Id::random(), d("2026-03-10"), 50000, CostCategory::Media, {}, {}, "after the status date"});
    return p;
}

} // namespace

TEST_CASE("budget, contingency and earned value of a hand-worked plan") {
    const Project p = handWorked();
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    const BudgetStatus b = budgetStatus(p, s, d("2026-03-06"));

    // A: week 1 is 40 h at 100.00 = 4,000.00, week 2 40 h at 120.00 = 4,800.00 → 8,800.00.
    CHECK(b.tasks[0].labour == 880000);
    // B: 5 days × 50 % = 20 h at 80.00 = 1,600.00, plus its 1,000.00 line.
    CHECK(b.tasks[1].labour == 160000);
    CHECK(b.tasks[1].fixed == 100000);
    CHECK(b.labour == 1040000);
    // Base 8,800 + 1,600 + 1,000 + 2,000 = 13,400.00; contingency 10 % = 1,340.00, 300.00 drawn.
    CHECK(b.base == 1340000);
    CHECK(b.contingency == 134000);
    CHECK(b.drawn == 30000);
    CHECK(b.contingencyLeft() == 104000);
    CHECK(b.approved() == 1474000);
    CHECK(b.budgetByCategory[size_t(CostCategory::Labour)] == 1040000);
    CHECK(b.budgetByCategory[size_t(CostCategory::Media)] == 200000);
    CHECK(b.budgetByCategory[size_t(CostCategory::Contingency)] == 134000);

    // Progress: (10 d × 40 % + 5 d × 0 %) / 15 d = 26.7 % → 26 %.
    CHECK(b.percentComplete == 26);
    // PV at the end of Fri 03-06: A half its span = 4,400.00; B 0; the media line 5 of 15 days =
    // 666.666… → 666.67. PV = 5,066.67.
    CHECK(b.ev.bac == 1340000);
    CHECK(b.ev.pv == 506667);
    // EV: A 40 % = 3,520.00; the media line at the project's 26 % = 520.00 → 4,040.00.
    CHECK(b.ev.ev == 404000);
    // AC: 40 h at 100.00 + 300.00 booked on 03-04 (the 03-10 entry is after the status date).
    CHECK(b.ev.ac == 430000);
    CHECK(b.actualByCategory[size_t(CostCategory::Labour)] == 400000);
    CHECK(b.actualByCategory[size_t(CostCategory::Media)] == 30000);
    CHECK(b.actualLabourMinutes == 5 * 480);
    CHECK(b.resourceMinutes == std::vector<int64_t>{4800, 1200});
    CHECK(b.resourceLabour == std::vector<int64_t>{880000, 160000});
    CHECK(b.resourceActualMinutes == std::vector<int64_t>{2400, 0});
    CHECK(b.resourceActualCost == std::vector<int64_t>{400000, 0});
    // Booked on each task, whatever the date: A's 40 h; the media costs are on no task.
    CHECK(b.tasks[0].booked == 400000);
    CHECK(b.tasks[1].booked == 0);
    CHECK(b.ev.sv() == -102667);
    CHECK(b.ev.cv() == -26000);
    CHECK(*b.ev.spi() == doctest::Approx(404000.0 / 506667.0));
    CHECK(*b.ev.cpi() == doctest::Approx(404000.0 / 430000.0));
    // EAC = 13,400 × 4,300 / 4,040 = 14,262.376… → 14,262.38.
    CHECK(*b.ev.eac == 1426238);
    CHECK(*b.ev.vac() == -86238);
    CHECK(*b.ev.tcpi() == doctest::Approx(936000.0 / 910000.0));
    // Burn: 4,300.00 spent in the 4 weeks to the status date → 1,075.00 a week.
    CHECK(b.weeklyBurn == 107500);
    // Forecast: 10 working days left at SPI 0.797 → 4,800 / 0.797 = 6,020 minutes (12.5 days) from
    // the end of 03-06 → finishes within the 18th working day, Wed 03-25. Planned: Fri 03-20.
    CHECK(b.plannedFinish == d("2026-03-20"));
    CHECK(b.forecastFinish == d("2026-03-25"));

    // Weeks end on Sundays, from the first week to the forecast's.
    REQUIRE(b.weeks.size() == 4);
    CHECK(b.weeks[0].end == d("2026-03-08"));
    CHECK(b.weeks[0].pv == 506667);
    CHECK(b.weeks[0].ac == 430000);
    CHECK(b.weeks[0].ev == 404000);
    CHECK(b.weeks[1].pv == 880000 + 133333); // A done; the media line 10 of 15 days
    CHECK(b.weeks[1].spent == 50000);
    CHECK(!b.weeks[1].ev.has_value());
    CHECK(b.weeks[2].pv == 1340000);
    CHECK(b.weeks[3].end == d("2026-03-29"));
}

TEST_CASE("labour is split where a rate changes, and milestones cost their day's rate") {
    Calendar cal;
    Resource r{Id::random(), "Ana", "", 6000};
    r.billRateChanges = {{d("2026-03-04"), 9000}, {d("2026-03-05"), 12000}};
    const int64_t mon = cal.instantAt(d("2026-03-02"));
    // Mon–Fri, 40 h: 2 days at 60.00, 1 at 90.00, 2 at 120.00 = 960 + 720 + 1,920 = 3,600.00.
    CHECK(plannedLabour(r, cal, mon, mon + 5 * 480, 5 * 480) == 360000);
    // Half-time over the same week: half of that.
    CHECK(plannedLabour(r, cal, mon, mon + 5 * 480, 5 * 240) == 180000);
    // Zero span (a milestone given hours): the rate of its day.
    CHECK(plannedLabour(r, cal, mon + 2 * 480, mon + 2 * 480, 60) == 9000);
    CHECK(r.rateOn(d("2026-03-03")) == 6000);
    CHECK(r.rateOn(d("2026-03-04")) == 9000);
    CHECK(r.rateOn(d("2027-01-01")) == 12000);
}

TEST_CASE("a fixed contingency, status records on the EV curve, vendors' commitments") {
    Project p = handWorked();
    p.contingency = {250000, 0, false};
    p.budgetLines.push_back({Id::random(), "Risk pot", CostCategory::Contingency, 50000});
    p.statusRecords.push_back({d("2026-03-04"), 1, 2, 3, 4});
    Vendor v{Id::random(), "Studio", "", 500000};
    v.orders.push_back({"PO-1", d("2026-03-02"), 400000});
    v.invoices.push_back({"INV-1", d("2026-03-03"), 150000, true});
    v.invoices.push_back({"INV-2", d("2026-03-09"), 100000, false});
    p.vendors.push_back(v);
    const BudgetStatus b = budgetStatus(p, schedule(p), d("2026-03-13"));
    CHECK(b.base == 1340000); // contingency lines are not in the base
    CHECK(b.contingency == 300000);
    CHECK(b.committed == 400000);
    CHECK(b.invoiced == 250000);
    CHECK(b.unpaid == 100000);
    // The status record's EV is drawn in its week unless the status date is in that week too.
    REQUIRE(b.weeks.size() >= 2);
    CHECK(b.weeks[0].ev == 2);
    CHECK(b.weeks[1].ev == b.ev.ev);
}

TEST_CASE("the weekly PV series equals earned value's PV at each week's end, on a synthetic plan") {
    Project p = syntheticProject(400, 3);
    addSyntheticTeam(p, 9, 3);
    p.budgetLines.push_back({Id::random(), "On no task", CostCategory::Media, 1234567});
    p.budgetLines.push_back({Id::random(), "On a milestone", CostCategory::Other, 50000, p.tasks[5].id});
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    const BudgetStatus b = budgetStatus(p, s, s.start + 30);
    REQUIRE(b.weeks.size() > 10);
    for (const WeekPoint& w : b.weeks) {
        CAPTURE(w.end);
        CHECK(w.pv == budgetStatus(p, s, w.end).ev.pv);
    }
    CHECK(b.weeks.back().pv == b.base); // everything is planned by the last week
}

TEST_CASE("weekly burn is the last four weeks' spending over four; every drawdown counts") {
    Project p = handWorked();
    const Date status = d("2026-03-31");
    p.costs.clear();
    p.hours.clear();
    p.drawdowns.clear();
    p.costs.push_back({Id::random(), status - 28, 99900, CostCategory::Other, {}, {}, "", 0}); // the day before the 4 weeks
    p.costs.push_back({Id::random(), status - 27, 40000, CostCategory::Other, {}, {}, "", 0}); // their first day
    p.costs.push_back({Id::random(), status - 10, 30000, CostCategory::Other, {}, {}, "", 0});
    p.costs.push_back({Id::random(), status, 10002, CostCategory::Other, {}, {}, "", 0});      // the status date itself
    p.costs.push_back({Id::random(), status + 1, 77700, CostCategory::Other, {}, {}, "", 0});  // after it
    p.drawdowns.push_back({Id::random(), d("2026-03-05"), 12000, "Licence", 0});
    p.drawdowns.push_back({Id::random(), d("2026-03-20"), 3000, "Courier", 0});
    const BudgetStatus b = budgetStatus(p, schedule(p), status);
    CHECK(b.weeklyBurn == 20001); // (400.00 + 300.00 + 100.02) / 4, rounded half away from zero
    CHECK(b.ev.ac == 99900 + 40000 + 30000 + 10002);
    CHECK(b.drawn == 15000);
    CHECK(b.contingencyLeft() == b.contingency - 15000);
}

TEST_CASE("a plan's money is totalled up to 90 trillion, and past it the budget says so instead of wrapping") {
    Project p = project("2026-03-02");
    const Task& t = addTask(p, "Build", 5 * DAY);
    p.budgetLines.push_back({Id::random(), "Media", CostCategory::Media, kMaxMoney, t.id});
    const Schedule s = schedule(p);
    BudgetStatus b = budgetStatus(p, s, d("2026-03-02"));
    CHECK(b.tooLarge.empty());
    CHECK(b.approved() == kMaxMoney); // the largest amount still totals

    p.budgetLines.push_back({Id::random(), "Refund", CostCategory::Other, -1}); // every amount counts as positive
    b = budgetStatus(p, s, d("2026-03-02"));
    CHECK(b.tooLarge.find("too large to total") != std::string::npos);
    CHECK(b.tooLarge.find("the budget line “Media”") != std::string::npos);
    CHECK(b.approved() == 0);
    CHECK(b.ev.bac == 0);
    // Its lists stay parallel to the plan's, all zeros: the Budget tab reads a row per person.
    p.resources.push_back({Id::random(), "Ana", "Designer", 10000});
    b = budgetStatus(p, s, d("2026-03-02"));
    REQUIRE_FALSE(b.tooLarge.empty());
    CHECK(b.tasks.size() == p.tasks.size());
    for (const auto* v : {&b.resourceMinutes, &b.resourceLabour, &b.resourceActualMinutes, &b.resourceActualCost}) CHECK(*v == std::vector<int64_t>{0});
}

namespace {

// Every figure of two budget statuses, field by field (a sum that one side adds up differently shows
// which).
void checkSameBudget(const BudgetStatus& a, const BudgetStatus& b) {
    CHECK(a.tooLarge == b.tooLarge);
    CHECK(a.labour == b.labour);
    CHECK(a.lines == b.lines);
    CHECK(a.base == b.base);
    CHECK(a.contingency == b.contingency);
    CHECK(a.drawn == b.drawn);
    CHECK(a.approvedChanges == b.approvedChanges);
    CHECK(a.budgetByCategory == b.budgetByCategory);
    CHECK(a.actualByCategory == b.actualByCategory);
    CHECK(a.actualLabourMinutes == b.actualLabourMinutes);
    CHECK(a.ev.bac == b.ev.bac);
    CHECK(a.ev.pv == b.ev.pv);
    CHECK(a.ev.ev == b.ev.ev);
    CHECK(a.ev.ac == b.ev.ac);
    CHECK(a.ev.eac == b.ev.eac);
    CHECK(a.percentComplete == b.percentComplete);
    CHECK(a.weeklyBurn == b.weeklyBurn);
    CHECK(a.plannedFinish == b.plannedFinish);
    CHECK(a.forecastFinish == b.forecastFinish);
    CHECK(a.statusWeek == b.statusWeek);
    CHECK(a.committed == b.committed);
    CHECK(a.invoiced == b.invoiced);
    CHECK(a.unpaid == b.unpaid);
    CHECK(a.resourceMinutes == b.resourceMinutes);
    CHECK(a.resourceLabour == b.resourceLabour);
    CHECK(a.resourceActualMinutes == b.resourceActualMinutes);
    CHECK(a.resourceActualCost == b.resourceActualCost);
    REQUIRE(a.tasks.size() == b.tasks.size());
    size_t tasksDiffer = 0;
    for (size_t i = 0; i < a.tasks.size(); ++i)
        if (a.tasks[i].labour != b.tasks[i].labour || a.tasks[i].fixed != b.tasks[i].fixed || a.tasks[i].booked != b.tasks[i].booked) ++tasksDiffer;
    CHECK(tasksDiffer == 0);
    REQUIRE(a.weeks.size() == b.weeks.size());
    size_t weeksDiffer = 0;
    for (size_t w = 0; w < a.weeks.size(); ++w)
        if (a.weeks[w].end != b.weeks[w].end || a.weeks[w].pv != b.weeks[w].pv || a.weeks[w].ac != b.weeks[w].ac ||
            a.weeks[w].spent != b.weeks[w].spent || a.weeks[w].ev != b.weeks[w].ev)
            ++weeksDiffer;
    CHECK(weeksDiffer == 0);
}

} // namespace

TEST_CASE("the budget at both rates at once is each rate's budget worked out on its own") {
    for (uint64_t seed : {5u, 11u, 29u}) {
        CAPTURE(seed);
        Project p = syntheticProject(600, seed);
        addSyntheticTeam(p, 12, seed);
        const Schedule s0 = schedule(p);
        REQUIRE(s0.ok());
        const Date status = s0.start + (s0.finish - s0.start) / 2;
        // Cost rates unlike the bill rates: dated changes of either kind, one person with none.
        for (size_t r = 0; r < p.resources.size(); ++r) {
            Resource& x = p.resources[r];
            if (r != 3) x.costRate = x.billRate * int64_t(40 + 5 * r) / 100;
            if (r % 3 == 0) x.billRateChanges = {{s0.start + 20, x.billRate + 1500}};
            if (r % 4 == 1) x.costRateChanges = {{s0.start + 35, x.billRate / 3}, {status + 10, x.billRate / 2}};
        }
        for (size_t i = 0; i < p.tasks.size(); i += 7) {
            const Resource& who = p.resources[i % p.resources.size()];
            p.hours.push_back({Id::random(), s0.tasks[i].startDate, p.tasks[i].id, who.id, int64_t(30 + i % 400)});
            if (i % 21 == 0) p.costs.push_back({Id::random(), s0.tasks[i].startDate, int64_t(1000 + i * 37), CostCategory::Software});
            if (i % 35 == 0) p.budgetLines.push_back({Id::random(), "Line", CostCategory::Media, int64_t(50000 + i), p.tasks[i].id});
            p.tasks[i].percentComplete = int(i % 101);
        }
        p.hours.push_back({Id::random(), status - 3, Id(), p.resources[3].id, 240}); // on no task, no cost rate
        p.budgetLines.push_back({Id::random(), "On no task", CostCategory::Other, 777777});
        p.contingency = {0, 750, true};
        const Schedule s = schedule(p);
        const BudgetAtRates both = budgetAtBothRates(p, s, status);
        const BudgetStatus bill = budgetStatus(p, s, status, RateKind::Bill), cost = budgetStatus(p, s, status, RateKind::Cost);
        REQUIRE(bill.labour != cost.labour); // the two rates do differ here
        REQUIRE(bill.ev.ac != cost.ev.ac);
        checkSameBudget(both.bill, bill);
        checkSameBudget(both.cost, cost);
    }
}
