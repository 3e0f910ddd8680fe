// Critical path: late dates, total and free float, critical tasks. Dates checked by hand against a
// Mon–Fri calendar; 2026-03-02 is a Monday.
#include "core/schedule.hpp"
#include "core/synthetic.hpp"
#include "helpers.hpp"

#include <unordered_map>

using namespace plotline;
using namespace plotline::test;

TEST_CASE("float and the critical path of a small network") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "Brief", 2 * DAY);       // Mon–Tue
    Task& b = addTask(p, "Design", 3 * DAY);      // Wed–Fri
    Task& c = addTask(p, "Legal check", 1 * DAY); // Wed, could slip to Fri
    Task& m = addTask(p, "Sign-off", 0);          // end of Friday
    link(p, a, b);
    link(p, a, c);
    link(p, b, m);
    link(p, c, m);
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    CHECK(s.tasks[0].critical);
    CHECK(s.tasks[1].critical);
    CHECK(s.tasks[3].critical);
    CHECK_FALSE(s.tasks[2].critical);
    CHECK(s.tasks[2].totalFloat == 2 * DAY);
    CHECK(s.tasks[2].freeFloat == 2 * DAY);
    CHECK(s.tasks[2].lateStartDate == d("2026-03-06"));
    CHECK(s.tasks[2].lateFinishDate == d("2026-03-06"));
    CHECK(s.tasks[1].totalFloat == 0);
    CHECK(s.tasks[0].lateFinishDate == d("2026-03-03"));
}

TEST_CASE("free float is what a task can slip before it moves a successor") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "Copy", 1 * DAY);     // Mon
    Task& b = addTask(p, "Layout", 1 * DAY);   // Tue, could be Thu
    Task& c = addTask(p, "Video", 4 * DAY);    // Mon–Thu
    Task& e = addTask(p, "Publish", 1 * DAY);  // Fri
    link(p, a, b);
    link(p, b, e);
    link(p, c, e);
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    CHECK(s.tasks[0].totalFloat == 2 * DAY); // Copy can slip two days, but would push Layout at once
    CHECK(s.tasks[0].freeFloat == 0);
    CHECK(s.tasks[1].totalFloat == 2 * DAY);
    CHECK(s.tasks[1].freeFloat == 2 * DAY);
    CHECK(s.tasks[2].critical);
    CHECK(s.tasks[3].critical);
}

TEST_CASE("SS and FF links with lags, and float across a weekend") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "Shoot", 4 * DAY);       // Mon–Thu
    Task& b = addTask(p, "Edit", 2 * DAY);        // SS+1d: Tue–Wed; may finish Thu
    Task& c = addTask(p, "Grade", 1 * DAY);       // FF+0 with Shoot: Thu
    link(p, a, b, LinkType::SS, DAY);
    link(p, a, c, LinkType::FF, 0);
    Schedule s = schedule(p);
    REQUIRE(s.ok());
    CHECK(s.tasks[1].startDate == d("2026-03-03"));
    CHECK(s.tasks[1].totalFloat == DAY);
    CHECK(s.tasks[2].startDate == d("2026-03-05"));
    CHECK(s.tasks[2].critical);
    CHECK(s.tasks[0].critical);

    // A Friday task before a Monday successor: the weekend is not float.
    Project q = project("2026-03-06");
    Task& f = addTask(q, "Friday prep", DAY);
    Task& g = addTask(q, "Monday launch", DAY);
    link(q, f, g);
    s = schedule(q);
    REQUIRE(s.ok());
    CHECK(s.tasks[1].startDate == d("2026-03-09"));
    CHECK(s.tasks[0].totalFloat == 0);
    CHECK(s.tasks[0].freeFloat == 0);
}

TEST_CASE("a summary's float follows its critical child; a negative lag overlaps") {
    Project p = project("2026-03-02");
    Task& phase = addTask(p, "Design", DAY);
    Task& x = addTask(p, "Screens", 3 * DAY, phase.id); // Mon–Wed
    addTask(p, "Icons", 1 * DAY, phase.id);              // Mon, may finish Wed
    Task& z = addTask(p, "Build", 2 * DAY);              // FS-1d after the phase: Wed–Thu
    (void)x;
    link(p, p.tasks[0], z, LinkType::FS, -DAY);
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    CHECK(s.tasks[0].critical);
    CHECK(s.tasks[1].critical);
    CHECK(s.tasks[2].totalFloat == 2 * DAY);
    CHECK(s.tasks[3].startDate == d("2026-03-04"));
    CHECK(s.tasks[3].critical);
}

TEST_CASE("a plan with a cycle has no float figures but keeps its early dates") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "A", DAY);
    Task& b = addTask(p, "B", DAY);
    link(p, a, b);
    link(p, b, a);
    const Schedule s = schedule(p);
    CHECK_FALSE(s.ok());
    CHECK(s.tasks[0].totalFloat == 0);
    CHECK_FALSE(s.tasks[0].critical);
}

// Properties over random acyclic plans of every shape the generator makes.
TEST_CASE("property: random plans satisfy every link early and late, floats are sound") {
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        const int count = 20 + int(seed * 37 % 400);
        CAPTURE(seed);
        CAPTURE(count);
        const Project p = syntheticProject(count, seed);
        const Schedule s = schedule(p);
        REQUIRE(s.ok());
        std::unordered_map<Id, size_t, IdHash> at;
        for (size_t i = 0; i < p.tasks.size(); ++i) at[p.tasks[i].id] = i;
        int64_t projectFinish = 0;
        for (const TaskSchedule& t : s.tasks) projectFinish = std::max(projectFinish, t.finish);
        bool someCriticalAtEnd = false;
        for (size_t i = 0; i < p.tasks.size(); ++i) {
            const TaskSchedule& t = s.tasks[i];
            CHECK(t.totalFloat >= 0);
            CHECK(t.freeFloat >= 0);
            CHECK(t.freeFloat <= t.totalFloat);
            CHECK(t.critical == (t.totalFloat == 0));
            CHECK(t.lateFinish <= projectFinish);
            if (t.critical && t.finish == projectFinish) someCriticalAtEnd = true;
            if (!p.tasks[i].parent.isNull()) {
                const TaskSchedule& parent = s.tasks[at[p.tasks[i].parent]];
                CHECK(parent.start <= t.start);
                CHECK(parent.finish >= t.finish);
                CHECK(parent.lateStart <= t.lateStart);
                CHECK(parent.lateFinish >= t.lateFinish);
            }
        }
        CHECK(someCriticalAtEnd);
        for (const Link& l : p.links) {
            const size_t a = at[l.predecessor], b = at[l.successor];
            const TaskSchedule &x = s.tasks[a], &y = s.tasks[b];
            const bool fromStart = l.type == LinkType::SS || l.type == LinkType::SF;
            const bool toFinish = (l.type == LinkType::FF || l.type == LinkType::SF) && !y.summary;
            CAPTURE(linkTypeName(l.type));
            CAPTURE(l.lag);
            CHECK((toFinish ? y.finish : y.start) >= (fromStart ? x.start : x.finish) + l.lag);
            CHECK((toFinish ? y.lateFinish : y.lateStart) >= (fromStart ? x.lateStart : x.lateFinish) + l.lag);
        }
    }
}
