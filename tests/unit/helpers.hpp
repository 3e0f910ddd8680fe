// Small builders for readable tests.
#pragma once
#include "core/files.hpp"
#include "core/json_io.hpp"
#include "core/model.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>

namespace plotline::test {

// The sample plan the app opens on a first visit (assets/sample-campaign.json).
inline Project sampleProject() {
    const std::optional<std::string> text = readWholeFile(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json");
    REQUIRE(text);
    Result<Project> p = readProjectJson(*text);
    REQUIRE(p);
    return *p;
}

inline Date d(const char* iso) {
    auto x = Date::parse(iso);
    REQUIRE_MESSAGE(x.has_value(), iso);
    return *x;
}

inline Task& addTask(Project& p, const char* name, int64_t minutes, Id parent = {}) {
    Task t;
    t.id = Id::random();
    t.name = name;
    t.duration = minutes;
    t.parent = parent;
    t.milestone = minutes == 0;
    p.tasks.push_back(t);
    return p.tasks.back();
}

inline Link& link(Project& p, const Task& a, const Task& b, LinkType type = LinkType::FS, int64_t lag = 0) {
    p.links.push_back({Id::random(), a.id, b.id, type, lag, 0});
    return p.links.back();
}

inline Project project(const char* start) {
    Project p;
    p.id = Id::random();
    p.name = "Test";
    p.start = d(start);
    p.tasks.reserve(64); // addTask hands out references: keep them valid in small tests
    return p;
}

constexpr int64_t DAY = 480, HOUR = 60;

// A small plan with every field of the plan side set: outline, constraints, actuals, a baseline, a
// resource with days off, a holiday and a six-day week.
inline Project plannedProject() {
    Project p = project("2026-03-02");
    p.currency = "GBP";
    p.calendar.setHolidays({d("2026-04-03")});
    p.calendar.setWorkingWeekdays(0b0111111);
    Task& ph = addTask(p, "Phase \"one\" — ü", DAY);
    ph.notes = "line 1\nline 2";
    Id phase = ph.id;
    Task a = addTask(p, "A", 3 * DAY, phase);
    Task b = addTask(p, "B", 4 * HOUR, phase);
    b.constraint = Constraint::SNET;
    b.constraintDate = d("2026-03-10");
    b.percentComplete = 40;
    p.tasks[2] = b;
    link(p, a, b, LinkType::SS, -DAY);
    p.resources.push_back({Id::random(), "Ana", "Designer", 9500, 7, {d("2026-03-11"), d("2026-03-12")}});
    p.assignments.push_back({Id::random(), a.id, p.resources[0].id, 50, 8});
    Task& c = addTask(p, "C", 2 * DAY, phase);
    c.constraint = Constraint::FNLT;
    c.constraintDate = d("2026-03-20");
    c.deadline = d("2026-03-18");
    c.actualStart = d("2026-03-02");
    c.actualFinish = d("2026-03-03");
    p.calendar.dayStart = 8 * 60 + 30;
    p.statusDate = d("2026-03-05");
    p.baselines.push_back({Id::random(), "Signed-off plan", 99, {{a.id, d("2026-03-02"), d("2026-03-04")}}});
    p.modified = 1234;
    return p;
}

// Fills every field of the money side (schemas 3 and 4) with something, for round trips and layout tests.
// Needs at least two tasks and one resource.
inline void addMoneySide(Project& p) {
    const Id t0 = p.tasks[0].id, t1 = p.tasks[1].id, r0 = p.resources[0].id;
    p.resources[0].billRateChanges = {{d("2026-04-01"), 9900}, {d("2027-01-01"), 10400}};
    p.contingency = {0, 750, true};
    p.resources[0].costRate = 5200;
    p.resources[0].costRateChanges = {{d("2026-06-01"), 5600}};
    Vendor v{Id::random(), "Northlight Studios", "ops@northlight.example", 2400000, 1500, {}, {}, 3};
    v.orders.push_back({"PO-0042", d("2026-03-03"), 1200000});
    v.invoices.push_back({"NL-118", d("2026-03-20"), 600000, true});
    v.invoices.push_back({"NL-131", d("2026-04-20"), -5000, false});
    p.vendors.push_back(v);
    p.budgetLines.push_back({Id::random(), "Hero video", CostCategory::Vendor, 2400000, t1, v.id, {}, 4});
    p.budgetLines.push_back({Id::random(), "Paid social — \"launch\"", CostCategory::Media, 1500000, {}, {}, {}, 5});
    ChangeRequest c;
    c.id = Id::random();
    c.number = 1;
    c.title = "Add a store-finder page";
    c.description = "Client asks for\na store finder";
    c.requester = "Maya (client)";
    c.raised = d("2026-03-04");
    c.decided = d("2026-03-06");
    c.status = ChangeStatus::Approved;
    c.costImpact = 850000;
    c.feeImpact = 1200000;
    c.category = CostCategory::Labour;
    c.items.push_back({{}, "Store finder page", t0, 3 * DAY});
    c.items.push_back({t1, "", {}, 5 * DAY});
    c.log.push_back({100, ChangeStatus::Submitted, "Producer", ""});
    c.log.push_back({200, ChangeStatus::Approved, "Client", "Signed CO-1"});
    c.modified = 6;
    p.changeRequests.push_back(c);
    p.budgetLines.push_back({Id::random(), "CR-1 Add a store-finder page", CostCategory::Labour, 850000, {}, {}, c.id, 7});
    p.costs.push_back({Id::random(), d("2026-03-20"), 600000, CostCategory::Vendor, t1, v.id, "NL-118", 8});
    p.costs.push_back({Id::random(), d("2026-03-21"), -1999, CostCategory::Software, {}, {}, "", 9});
    p.hours.push_back({Id::random(), d("2026-03-02"), t0, r0, 7 * 60 + 30, "workshop", 10});
    p.hours.push_back({Id::random(), d("2026-03-03"), {}, r0, 60, "", 11});
    p.drawdowns.push_back({Id::random(), d("2026-03-10"), 120000, "Extra licence", 12});
    p.risks.push_back({Id::random(), "Video shoot weather", 4, 5, "Producer", "Indoor backup location", RiskStatus::Mitigating, {t1}, 13});
    p.risks.push_back({Id::random(), "Late API", 2, 3, "", "", RiskStatus::Closed, {}, 14});
    p.statusRecords.push_back({d("2026-03-06"), 100, 90, 120, 10});
    p.statusRecords.push_back({d("2026-03-13"), 300, 250, 320, 25});
    p.contract = {ContractType::FixedFee, 9000000, 0, 2500};
    p.billing.push_back({Id::random(), "Kick-off instalment", 3000000, t0, {}, {}, 15});
    p.billing.push_back({Id::random(), "CR-1 Add a store-finder page", 1200000, {}, d("2026-03-06"), c.id, 16});
    p.clientInvoices.push_back({Id::random(), d("2026-03-01"), "INV-2026-031", d("2026-03-31"), 4200000, d("2026-04-15"), 17});
}

} // namespace plotline::test

namespace doctest {
template <> struct StringMaker<plotline::Date> {
    static String convert(const plotline::Date& d) { return d.str().c_str(); }
};
} // namespace doctest
