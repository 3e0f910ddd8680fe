// Templates: a project saved as a template keeps its shape (dates as working-day offsets, people as
// roles) and drops what happened (actuals, progress, baselines, money spent); a project made from it
// has the same structure with new ids and new dates. And the templates Plotline comes with.
#include "core/json_io.hpp"
#include "core/schedule.hpp"
#include "core/templates.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace plotline;
using namespace plotline::test;

namespace {

std::set<Id> idsOf(const Project& p) {
    std::set<Id> s{p.id};
    for (const Task& t : p.tasks) s.insert(t.id);
    for (const Link& l : p.links) s.insert(l.id);
    for (const Resource& r : p.resources) s.insert(r.id);
    for (const Assignment& a : p.assignments) s.insert(a.id);
    for (const BudgetLine& b : p.budgetLines) s.insert(b.id);
    return s;
}

int64_t workdays(const Calendar& cal, Date a, Date b) { return cal.workdayIndex(b) - cal.workdayIndex(a); }

} // namespace

TEST_CASE("template round trip: project → template → project keeps the structure with new ids and new dates") {
    // Wednesday 4 March 2026: phase, three linked tasks, a constraint and a deadline, two people with
    // progress and actuals, a baseline, money spent.
    Project p = project("2026-03-04");
    p.name = "Spring campaign";
    p.client = "Northwind";
    Task& phase = addTask(p, "Production", DAY);
    const Id ph = phase.id;
    Task& a = addTask(p, "Assets", 3 * DAY, ph);
    a.percentComplete = 100;
    a.actualStart = d("2026-03-04");
    a.actualFinish = d("2026-03-06");
    Task& b = addTask(p, "Landing page", 4 * DAY, ph);
    b.constraint = Constraint::SNET;
    b.constraintDate = d("2026-03-12"); // Thursday: 6 working days after the start
    b.percentComplete = 30;
    Task& c = addTask(p, "Launch", 0, ph);
    c.deadline = d("2026-03-20");
    link(p, a, b);
    link(p, b, c);
    p.resources.push_back({Id::random(), "Ana Ruiz", "Designer", 9000});
    p.resources.push_back({Id::random(), "Ben Ode", "Designer", 8500});
    p.resources.push_back({Id::random(), "Cy", "", 7000});
    p.resources[0].email = "ana@studio.example";
    p.resources[0].daysOff = {d("2026-03-09")};
    p.assignments.push_back({Id::random(), a.id, p.resources[0].id, 100});
    p.assignments.push_back({Id::random(), b.id, p.resources[1].id, 50});
    p.statusDate = d("2026-03-10");
    p.baselines.push_back({Id::random(), "Signed", 1, {}});
    p.budgetLines.push_back({Id::random(), "Stock photos", CostCategory::Media, 120000, a.id});
    p.budgetLines.push_back({Id::random(), "Extra page", CostCategory::Labour, 50000, b.id, Id{}, Id::random()}); // from a change request
    p.costs.push_back({Id::random(), d("2026-03-05"), 30000, CostCategory::Media, a.id});
    p.hours.push_back({Id::random(), d("2026-03-05"), a.id, p.resources[0].id, 240});
    p.risks.push_back({Id::random(), "Late feedback", 3, 4, "Ana", "Book reviews", RiskStatus::Open, {b.id}});
    p.risks.push_back({Id::random(), "Old risk", 1, 1, "", "", RiskStatus::Closed, {}});

    const Project t = makeTemplate(p);
    CHECK(t.isTemplate);
    CHECK(t.start == kTemplateAnchor);
    CHECK(t.client.empty());
    CHECK_FALSE(t.statusDate);
    CHECK(t.baselines.empty());
    CHECK(t.costs.empty());
    CHECK(t.hours.empty());
    REQUIRE(t.budgetLines.size() == 1); // the change request's line is this run's
    REQUIRE(t.risks.size() == 1);       // closed risks are history
    for (const Task& x : t.tasks) {
        CHECK(x.percentComplete == 0);
        CHECK_FALSE(x.actualStart);
        CHECK_FALSE(x.actualFinish);
    }
    // Dates as offsets from the anchor: the constraint 6 working days in, the deadline 12.
    CHECK(workdays(t.calendar, t.start, *t.tasks[2].constraintDate) == 6);
    CHECK(workdays(t.calendar, t.start, *t.tasks[3].deadline) == 12);
    // People as roles.
    REQUIRE(t.resources.size() == 3);
    CHECK(t.resources[0].name == "Designer");
    CHECK(t.resources[1].name == "Designer 2");
    CHECK(t.resources[2].name == "Cy");
    CHECK(t.resources[0].email.empty());
    CHECK(t.resources[0].daysOff.empty());
    CHECK(t.resources[0].billRate == 9000);
    // The template survives its file.
    const Result<Project> file = readProjectJson(writeProjectJson(t));
    REQUIRE(file);
    CHECK(file->isTemplate);
    CHECK(*file == t);

    // A new project on Monday 1 February 2027.
    const Date start = d("2027-02-01");
    const Project q = projectFromTemplate(t, start, "Summer campaign");
    CHECK_FALSE(q.isTemplate);
    CHECK(q.name == "Summer campaign");
    CHECK(q.start == start);
    // Same structure, nothing shared with the template or the original.
    REQUIRE(q.tasks.size() == p.tasks.size());
    for (size_t i = 0; i < q.tasks.size(); ++i) {
        CHECK(q.tasks[i].name == p.tasks[i].name);
        CHECK(q.tasks[i].duration == p.tasks[i].duration);
        CHECK(q.outlineLevel(i) == p.outlineLevel(i));
    }
    std::set<Id> shared;
    const std::set<Id> a1 = idsOf(p), a2 = idsOf(t), a3 = idsOf(q);
    for (const Id& x : a3) if (a1.count(x) || a2.count(x)) shared.insert(x);
    CHECK(shared.empty());
    REQUIRE(q.links.size() == 2);
    CHECK(q.links[0].predecessor == q.tasks[1].id);
    CHECK(q.links[0].successor == q.tasks[2].id);
    REQUIRE(q.assignments.size() == 2);
    CHECK(q.assignments[1].task == q.tasks[2].id);
    CHECK(q.assignments[1].resource == q.resources[1].id);
    CHECK(q.assignments[1].units == 50);
    CHECK(q.budgetLines[0].task == q.tasks[1].id);
    CHECK(q.risks[0].tasks == std::vector<Id>{q.tasks[2].id});
    // New dates at the same working-day distances: the constraint 6 days in, the deadline 12.
    CHECK(*q.tasks[2].constraintDate == d("2027-02-09"));
    CHECK(*q.tasks[3].deadline == d("2027-02-17"));
    // And it schedules like the original (without its actuals): each task the same working days in.
    Project unrun = p;
    for (Task& x : unrun.tasks) x.actualStart.reset(), x.actualFinish.reset(), x.percentComplete = 0;
    const Schedule s0 = schedule(unrun), s1 = schedule(q);
    REQUIRE(s0.ok());
    REQUIRE(s1.ok());
    for (size_t i = 0; i < q.tasks.size(); ++i) {
        CHECK(workdays(q.calendar, q.start, s1.tasks[i].startDate) == workdays(p.calendar, p.start, s0.tasks[i].startDate));
        CHECK(workdays(q.calendar, q.start, s1.tasks[i].finishDate) == workdays(p.calendar, p.start, s0.tasks[i].finishDate));
    }
}

TEST_CASE("the templates Plotline comes with: each schedules, has milestones and roles with rates, and starts where asked") {
    const auto& all = builtinTemplates();
    REQUIRE(all.size() >= 3);
    std::set<std::string> keys;
    for (const BuiltinTemplate& b : all) {
        CAPTURE(b.key);
        keys.insert(b.key);
        CHECK(b.project.isTemplate);
        const Project p = projectFromTemplate(b.project, d("2027-03-03"), b.name);
        CHECK(p.start == d("2027-03-03"));
        if (b.key == "content-pipeline") { // stages and roles; the articles come later
            CHECK(p.stages.size() == 5);
            CHECK(p.tasks.empty());
            CHECK(p.resources.size() == 5);
            continue;
        }
        const Schedule s = schedule(p);
        REQUIRE(s.ok());
        CHECK(s.start == d("2027-03-03"));
        CHECK(std::count_if(p.tasks.begin(), p.tasks.end(), [](const Task& t) { return t.milestone; }) >= 3);
        CHECK(p.resources.size() >= 3);
        for (const Resource& r : p.resources) {
            CHECK(r.name == r.role);
            CHECK(r.billRate > 0);
            CHECK(r.costRate.value_or(0) > 0);
        }
        for (const Assignment& a : p.assignments) CHECK(p.resourceIndex(a.resource) >= 0);
    }
    CHECK(keys == std::set<std::string>{"campaign", "microsite", "app-release", "content-pipeline"});
}
