// Resource load (the histogram under the chart), resource assignment, baselines and the status date.
#include "core/commands.hpp"
#include "core/resource_load.hpp"
#include "helpers.hpp"

using namespace plotline;
using namespace plotline::test;

namespace {
Resource person(const char* name) { return Resource{Id::random(), name, "", 0, 0, {}}; }
void assign(Project& p, const Task& t, const Resource& r, int units) { p.assignments.push_back({Id::random(), t.id, r.id, units, 0}); }
} // namespace

TEST_CASE("load: units per working day, overlaps add up, weekends and half days count right") {
    Project p = project("2026-03-02");                 // Monday
    Task& a = addTask(p, "Wireframes", 3 * DAY);       // Mon–Wed
    Task& b = addTask(p, "Copy", 2 * DAY);             // Mon–Tue
    Task& c = addTask(p, "Review", DAY + 4 * HOUR);    // after Wireframes: Thu, Fri morning
    link(p, a, c);
    Resource ana = person("Ana"), ben = person("Ben");
    p.resources = {ana, ben};
    assign(p, a, ana, 100);
    assign(p, b, ana, 50);
    assign(p, c, ana, 100);
    assign(p, c, ben, 50);
    const Schedule s = schedule(p);
    const ResourceLoad load = resourceLoad(p, s);
    CHECK(load.percent(0, d("2026-03-02")) == doctest::Approx(150)); // both tasks Monday
    CHECK(load.percent(0, d("2026-03-03")) == doctest::Approx(150));
    CHECK(load.percent(0, d("2026-03-04")) == doctest::Approx(100));
    CHECK(load.percent(0, d("2026-03-05")) == doctest::Approx(100));
    CHECK(load.percent(0, d("2026-03-06")) == doctest::Approx(50));  // half a day of Review
    CHECK(load.percent(0, d("2026-03-07")) == 0);                    // Saturday
    CHECK(load.percent(1, d("2026-03-05")) == doctest::Approx(50));
    CHECK(load.percent(1, d("2026-03-06")) == doctest::Approx(25));
    CHECK(load.percent(1, d("2026-03-02")) == 0);
    CHECK(load.percent(1, d("2027-01-01")) == 0);                    // outside the plan
    CHECK(load.overAllocated(0));
    CHECK_FALSE(load.overAllocated(1));
    CHECK(load.peak[0] == doctest::Approx(150));
}

TEST_CASE("load: a task does not book anyone on its resources' days off, and summaries book nothing") {
    Project p = project("2026-03-02");
    Id phase = addTask(p, "Design", DAY).id;
    Task& a = addTask(p, "Storyboard", 2 * DAY, phase);
    Resource ana = person("Ana"), ben = person("Ben");
    ben.daysOff = {d("2026-03-03")};
    p.resources = {ana, ben};
    assign(p, p.tasks[0], ana, 100); // on the summary: ignored
    assign(p, a, ana, 100);
    assign(p, a, ben, 100);          // Ben is off Tuesday, so the task skips it: Mon, Wed
    const ResourceLoad load = resourceLoad(p, schedule(p));
    CHECK(load.percent(0, d("2026-03-02")) == doctest::Approx(100));
    CHECK(load.percent(0, d("2026-03-03")) == 0);
    CHECK(load.percent(0, d("2026-03-04")) == doctest::Approx(100));
    CHECK(load.percent(1, d("2026-03-03")) == 0);
    CHECK_FALSE(load.overAllocated(0));
}

TEST_CASE("assigning resources with units is one undoable step; other tasks' assignments keep their place") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "Shoot", 2 * DAY);
    Task& b = addTask(p, "Edit", DAY);
    Resource ana = person("Ana"), ben = person("Ben");
    p.resources = {ana, ben};
    assign(p, a, ana, 100);
    assign(p, b, ben, 100);
    Stamp now = 10;
    Document doc(p, [&] { return now; });
    const Project before = doc.project();
    Assignment kept = before.assignments[0];
    kept.units = 50;
    Assignment added{{}, {}, ben.id, 25, 0};
    REQUIRE(doc.execute(setTaskResources(doc.project(), a.id, {kept, added})));
    const auto& as = doc.project().assignments;
    REQUIRE(as.size() == 3);
    CHECK(as[0].id == kept.id);
    CHECK(as[0].units == 50);
    CHECK(as[0].modified == 10);
    CHECK(as[1].task == a.id);
    CHECK(as[1].resource == ben.id);
    CHECK_FALSE(as[1].id.isNull());
    CHECK(as[2] == before.assignments[1]);
    // Ben: a quarter of his Monday on Shoot, all of it on Edit.
    CHECK(resourceLoad(doc.project(), doc.schedule()).percent(1, d("2026-03-02")) == doctest::Approx(125));
    CHECK(doc.undoLabel() == "Assign resources to \"Shoot\"");
    // The same list again changes nothing: no command.
    CHECK(setTaskResources(doc.project(), a.id, {as[0], as[1]}) == nullptr);
    doc.undo(); // the same assignments again (stamped as changed now, so a merge sees the undo)
    REQUIRE(doc.project().assignments.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CHECK(doc.project().assignments[i].id == before.assignments[i].id);
        CHECK(doc.project().assignments[i].units == before.assignments[i].units);
    }
    // Removing every resource from a task.
    REQUIRE(doc.execute(setTaskResources(doc.project(), b.id, {})));
    CHECK(doc.project().assignments.size() == 1);
}

TEST_CASE("editing a resource's days off reschedules its tasks; undo brings them back") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "Shoot", 2 * DAY);
    Resource ana = person("Ana");
    p.resources = {ana};
    assign(p, a, ana, 100);
    Document doc(p);
    CHECK(doc.schedule().tasks[0].finishDate == d("2026-03-03"));
    Resource r = doc.project().resources[0];
    r.daysOff = {d("2026-03-03"), d("2026-03-02"), d("2026-03-03")}; // unsorted, doubled
    REQUIRE(doc.execute(editResource(doc.project(), r)));
    CHECK(doc.project().resources[0].daysOff == std::vector<Date>{d("2026-03-02"), d("2026-03-03")});
    CHECK(doc.schedule().tasks[0].startDate == d("2026-03-04"));
    CHECK(doc.schedule().tasks[0].finishDate == d("2026-03-05"));
    doc.undo();
    CHECK(doc.schedule().tasks[0].finishDate == d("2026-03-03"));
    Resource ghost = person("Nobody");
    CHECK(editResource(doc.project(), ghost) == nullptr);
}

TEST_CASE("baselines: saved under a name, replaced by name, deleted; each step undoable") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "Design", 2 * DAY);
    Task& b = addTask(p, "Build", 3 * DAY);
    link(p, a, b);
    Stamp now = 5;
    Document doc(p, [&] { return now; });
    REQUIRE(doc.execute(saveBaseline(doc.project(), doc.schedule(), "Signed off")));
    REQUIRE(doc.project().baselines.size() == 1);
    const Baseline& first = doc.project().baselines[0];
    CHECK(first.name == "Signed off");
    CHECK(first.saved == 5);
    REQUIRE(first.tasks.size() == 2);
    CHECK(first.tasks[1].task == b.id);
    CHECK(first.tasks[1].start == d("2026-03-04"));
    CHECK(first.tasks[1].finish == d("2026-03-06"));
    const Id firstId = first.id;

    Task longer = doc.project().tasks[0];
    longer.duration = 4 * DAY;
    doc.execute(editTask(longer));
    now = 9;
    REQUIRE(doc.execute(saveBaseline(doc.project(), doc.schedule(), "Change request 1")));
    REQUIRE(doc.execute(saveBaseline(doc.project(), doc.schedule(), "Signed off"))); // replaces the first
    REQUIRE(doc.project().baselines.size() == 2);
    CHECK(doc.project().baselines[0].id == firstId);
    CHECK(doc.project().baselines[0].tasks[1].start == d("2026-03-06"));
    doc.undo();
    CHECK(doc.project().baselines[0].tasks[1].start == d("2026-03-04"));
    REQUIRE(doc.execute(deleteBaseline(doc.project(), firstId)));
    CHECK(doc.project().baselines.size() == 1);
    CHECK(doc.project().baselines[0].name == "Change request 1");
    CHECK(doc.undoLabel() == "Delete baseline \"Signed off\"");
    doc.undo();
    CHECK(doc.project().baselines.size() == 2);
    CHECK(deleteBaseline(doc.project(), Id::random()) == nullptr);
}

TEST_CASE("status date: set and cleared through commands") {
    Document doc(project("2026-03-02"));
    REQUIRE(doc.execute(setStatusDate(d("2026-03-13"))));
    CHECK(doc.project().statusDate == d("2026-03-13"));
    CHECK(doc.undoLabel() == "Set status date 2026-03-13");
    REQUIRE(doc.execute(setStatusDate(std::nullopt)));
    CHECK_FALSE(doc.project().statusDate.has_value());
    doc.undo();
    CHECK(doc.project().statusDate == d("2026-03-13"));
}

TEST_CASE("a group of commands is one undo step, and all or nothing") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "Shoot", 2 * DAY);
    Resource ana = person("Ana");
    p.resources = {ana};
    Document doc(p);
    Task renamed = doc.project().tasks[0];
    renamed.name = "Hero shoot";
    std::vector<CommandPtr> steps;
    steps.push_back(editTask(renamed));
    steps.push_back(setTaskResources(doc.project(), a.id, {{{}, {}, ana.id, 50, 0}}));
    steps.push_back(nullptr); // nothing to do for this part
    REQUIRE(doc.execute(group("Edit \"Hero shoot\"", std::move(steps))));
    CHECK(doc.project().tasks[0].name == "Hero shoot");
    CHECK(doc.project().assignments.size() == 1);
    doc.undo();
    CHECK(doc.project().tasks[0].name == "Shoot");
    CHECK(doc.project().assignments.empty());
    CHECK_FALSE(doc.canUndo());

    // A part that cannot apply (its task is gone) leaves the project as it was.
    Task ghost = renamed;
    ghost.id = Id::random();
    std::vector<CommandPtr> bad;
    bad.push_back(editTask(renamed));
    bad.push_back(editTask(ghost));
    const Project before = doc.project();
    CHECK_FALSE(doc.execute(group("Edit", std::move(bad))));
    CHECK(doc.project().tasks[0].name == before.tasks[0].name);
    std::vector<CommandPtr> none;
    none.push_back(nullptr);
    CHECK(group("Nothing", std::move(none)) == nullptr);
}
