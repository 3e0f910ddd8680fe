// The overall status rule at each of its thresholds, and the sample's planned and earned value at its
// status date worked out from the file by hand (day by day), not by the budget code under test.
#include "core/budget.hpp"
#include "core/files.hpp"
#include "core/json_io.hpp"
#include "core/report.hpp"
#include "core/schedule.hpp"
#include "helpers.hpp"

#include <map>

using namespace plotline;
using namespace plotline::test;

namespace {

// A report with the given indices (EV over PV, EV over AC: PV and AC are 10,000 cents) and budgets.
StatusReport rated(int64_t evForSpi, int64_t evForCpi, std::optional<int64_t> eac = std::nullopt, int64_t base = 100000,
                   int64_t contingency = 10000) {
    StatusReport r;
    r.currency = "EUR";
    // SPI = EV / PV and CPI = EV / AC share EV: pick PV and AC to make each ratio exact.
    r.budget.ev.ev = evForSpi * evForCpi;
    r.budget.ev.pv = 10000 * evForCpi;
    r.budget.ev.ac = 10000 * evForSpi;
    r.budget.ev.eac = eac;
    r.budget.base = base;
    r.budget.contingency = contingency;
    applyStatusRule(r);
    return r;
}

} // namespace

TEST_CASE("the status rule at each threshold: red below 0.85, amber below 0.95, green from 0.95") {
    CHECK(rated(10000, 10000).rag == Rag::Green);
    CHECK(rated(10000, 10000).reasons.empty());
    CHECK(rated(9500, 10000).rag == Rag::Green);  // SPI exactly 0.95
    CHECK(rated(9499, 10000).rag == Rag::Amber);  // SPI 0.9499
    CHECK(rated(8500, 10000).rag == Rag::Amber);  // SPI exactly 0.85
    CHECK(rated(8499, 10000).rag == Rag::Red);    // SPI 0.8499
    CHECK(rated(10000, 9500).rag == Rag::Green);  // CPI exactly 0.95
    CHECK(rated(10000, 9499).rag == Rag::Amber);
    CHECK(rated(10000, 8500).rag == Rag::Amber);
    CHECK(rated(10000, 8499).rag == Rag::Red);
    REQUIRE(rated(9499, 10000).reasons.size() == 1);
    CHECK(rated(9499, 10000).reasons[0] == "SPI 0.95 (below 0.95): less work done than planned by now");
    CHECK(rated(10000, 8499).reasons[0] == "CPI 0.85 (below 0.85): the work done cost more than budgeted");
    CHECK(rated(9000, 8000).reasons.size() == 2); // both named; the worse decides
    CHECK(rated(9000, 8000).rag == Rag::Red);

    // The estimate at completion against the base (100,000) and approved (110,000) budgets.
    CHECK(rated(10000, 10000, 100000).rag == Rag::Green);
    CHECK(rated(10000, 10000, 100001).rag == Rag::Amber);
    CHECK(rated(10000, 10000, 100001).reasons[0] == "Estimate at completion €1,000.01 exceeds the base budget €1,000.00 (contingency covers it)");
    CHECK(rated(10000, 10000, 110000).rag == Rag::Amber);
    CHECK(rated(10000, 10000, 110001).rag == Rag::Red);
    CHECK(rated(10000, 10000, 110001).reasons.size() == 1);

    // Nothing planned or spent yet: no index, no forecast, green.
    StatusReport none;
    applyStatusRule(none);
    CHECK(none.rag == Rag::Green);

    // Risks: 15 raises amber, 14 does not; a late milestone raises amber.
    StatusReport r = rated(10000, 10000);
    r.topRisks.push_back({Id::random(), "Weather", 3, 5, "", "", RiskStatus::Open, {}, 0});
    applyStatusRule(r);
    CHECK(r.rag == Rag::Amber);
    CHECK(r.reasons == std::vector<std::string>{"Risk \"Weather\" scores 15"});
    r.topRisks[0].impact = 4; // 12
    r.topRisks[0].probability = 3;
    applyStatusRule(r);
    CHECK(r.rag == Rag::Green);
    r.milestonesNext.push_back({"Launch", d("2026-11-13"), false, true});
    r.milestonesNext.push_back({"Handover", d("2026-12-13"), false, false});
    applyStatusRule(r);
    CHECK(r.rag == Rag::Amber);
    CHECK(r.reasons == std::vector<std::string>{"Milestone \"Launch\" was due 2026-11-13 and is not done"});
}

TEST_CASE("the sample's planned and earned value at its status date, worked out day by day") {
    const Project p = *readProjectJson(*readWholeFile(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    const Date status = *p.statusDate;
    REQUIRE(status == d("2026-11-20"));
    // Working days by walking the calendar: Monday to Friday except the sample's four holidays.
    const std::vector<Date> holidays{d("2026-12-24"), d("2026-12-25"), d("2026-12-31"), d("2027-01-01")};
    auto working = [&](Date x) { return x.weekday() < 5 && std::find(holidays.begin(), holidays.end(), x) == holidays.end(); };
    auto daysIn = [&](Date from, Date to) { // working days in [from, to], inclusive
        int n = 0;
        for (Date x = from; x <= to; x = x + 1) n += working(x);
        return n;
    };
    auto roundDiv = [](int64_t a, int64_t b) { return (2 * a + b) / (2 * b); }; // half up, for positive amounts

    std::map<Id, int64_t> fixed; // budget lines on tasks
    int64_t unplaced = 0;
    for (const BudgetLine& l : p.budgetLines) {
        if (l.category == CostCategory::Contingency) continue;
        if (l.task.isNull()) unplaced += l.amount;
        else fixed[l.task] += l.amount;
    }
    int64_t pv = 0, ev = 0, weighted = 0, durations = 0;
    bool anyRateChange = false;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        const TaskSchedule& ts = s.tasks[i];
        if (ts.summary) continue;
        weighted += t.duration * t.percentComplete;
        durations += t.duration;
        const int days = t.milestone ? 0 : daysIn(ts.startDate, ts.finishDate);
        int64_t budget = fixed[t.id];
        for (const Assignment& a : p.assignments) {
            if (a.task != t.id) continue;
            const Resource& r = p.resources[size_t(p.resourceIndex(a.resource))];
            anyRateChange |= !r.billRateChanges.empty();
            const int64_t minutes = roundDiv(int64_t(days) * 480 * a.units, 100); // 8 h a day at its units
            budget += roundDiv(minutes * r.billRate, 60);
        }
        if (budget == 0) continue;
        const int elapsed = t.milestone ? (ts.startDate <= status ? 1 : 0) : daysIn(ts.startDate, std::min(ts.finishDate, status));
        pv += t.milestone ? (elapsed ? budget : 0) : roundDiv(budget * elapsed, days);
        ev += roundDiv(budget * t.percentComplete, 100);
    }
    REQUIRE_FALSE(anyRateChange); // the sample's rates are flat; the walk above relies on it
    // Lines on no task (CR-2's cut-downs) are planned over the whole project and earned by its % complete.
    const int projectDays = daysIn(s.start, s.finish), projectElapsed = daysIn(s.start, status);
    pv += roundDiv(unplaced * projectElapsed, projectDays);
    ev += roundDiv(unplaced * (weighted / durations), 100);

    const BudgetStatus b = budgetStatus(p, s, status);
    CHECK(b.ev.pv == pv);
    CHECK(b.ev.ev == ev);
    // And as the status report prints them.
    CHECK(formatMoney(pv, currency("EUR")) == "€59,366.89");
    CHECK(formatMoney(ev, currency("EUR")) == "€45,435.00");
}

TEST_CASE("the weekly report and the client's monthly summary state the same % complete") {
    const Project p = *readProjectJson(*readWholeFile(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
    const Schedule s = schedule(p);
    const StatusReport weekly = statusReport(p, s, *p.statusDate);
    const ReportDoc monthly = monthlySummary(p, s, 2026, 11, *p.statusDate);
    REQUIRE(monthly.sections[0].facts.size() >= 1);
    CHECK(monthly.sections[0].facts[0].first == "Project complete");
    CHECK(monthly.sections[0].facts[0].second == std::to_string(weekly.budget.percentComplete) + "%"); // written for the locale: "25 %" in German
    CHECK(weekly.budget.percentComplete == 25); // 25.x % of the work, rounded down: never 100 % before it is all done
    CHECK(renderMarkdown(weeklyReport(weekly)).find("**Complete:** 25%") != std::string::npos);
}

TEST_CASE("the monthly summary lists each section in date order, whatever the plan's order") {
    Project p = project("2026-11-02");
    Task& late = addTask(p, "Launch", 0);                 // 2026-12-18
    late.constraint = Constraint::SNET;
    late.constraintDate = d("2026-12-18");
    Task& early = addTask(p, "Design sign-off", 0);       // 2026-12-04
    early.constraint = Constraint::SNET;
    early.constraintDate = d("2026-12-04");
    Task& doneLate = addTask(p, "Copy", 3 * DAY);          // done 2026-11-20
    doneLate.actualStart = d("2026-11-18");
    doneLate.actualFinish = d("2026-11-20");
    doneLate.percentComplete = 100;
    Task& doneEarly = addTask(p, "Brief", 2 * DAY);        // done 2026-11-04
    doneEarly.actualStart = d("2026-11-03");
    doneEarly.actualFinish = d("2026-11-04");
    doneEarly.percentComplete = 100;
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    const ReportDoc doc = monthlySummary(p, s, 2026, 11, d("2026-11-30"));
    auto section = [&](const char* title) -> const ReportSection& {
        for (const ReportSection& sec : doc.sections)
            if (sec.title == title) return sec;
        FAIL("no section " << title);
        return doc.sections[0];
    };
    const auto& next = section("Coming next month").bullets;
    REQUIRE(next.size() == 2);
    CHECK(next[0].find("Design sign-off") == 0);
    CHECK(next[1].find("Launch") == 0);
    const auto& done = section("Work completed").bullets;
    REQUIRE(done.size() == 2);
    CHECK(done[0] == "Brief");
    CHECK(done[1] == "Copy");
}

TEST_CASE("the report's five milestones done (latest first) and next (soonest first); ties keep the plan's order") {
    Project p = project("2026-03-02"); // a Monday
    const Id t1 = addTask(p, "T1", DAY).id, t2 = addTask(p, "T2", 2 * DAY).id, t3 = addTask(p, "T3", 3 * DAY).id, t4 = addTask(p, "T4", 4 * DAY).id;
    auto milestone = [&](const char* name, Id after, bool done = false) {
        Task& m = addTask(p, name, 0);
        p.links.push_back({Id::random(), after, m.id, LinkType::FS, 0, 0});
        if (done) m.percentComplete = 100;
        return m.id;
    };
    milestone("O1", t3), milestone("O2", t1), milestone("D1", t2, true), milestone("O3", t1);
    const Id d2 = milestone("D2", t1, true);
    milestone("O4", t4), milestone("D3", t4, true), milestone("O5", t2), milestone("D4", t3, true);
    milestone("O6", t1), milestone("D5", t4, true), milestone("O7", t4), milestone("D6", t1, true);
    p.tasks[size_t(p.taskIndex(d2))].actualFinish = d("2026-03-20"); // done late: its actual date counts
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    const StatusReport r = statusReport(p, s, d("2026-03-03")); // after T1's finish (Mon 2), before T2's (Tue 3 ends it)
    auto names = [](const std::vector<MilestoneLine>& lines) {
        std::string out;
        for (const MilestoneLine& m : lines) out += m.name + (m.late ? "!" : "") + " ";
        return out;
    };
    CHECK(names(r.milestonesNext) == "O2! O3! O6! O5 O1 ");
    CHECK(names(r.milestonesDone) == "D2 D3 D5 D4 D1 ");
    CHECK(r.milestonesDone[0].date == d("2026-03-20"));
    CHECK(r.milestonesDone[0].done);
    CHECK(!r.milestonesNext[0].done);
    CHECK(r.milestonesNext[3].date == s.tasks[size_t(p.taskIndex(t2))].finishDate);
    CHECK(r.tasksTotal == 4);
    // A week on, every open one is late; a done one never is.
    const StatusReport later = statusReport(p, s, d("2026-03-10"));
    CHECK(names(later.milestonesNext) == "O2! O3! O6! O5! O1! ");
    CHECK(names(later.milestonesDone) == "D2 D3 D5 D4 D1 ");
}
