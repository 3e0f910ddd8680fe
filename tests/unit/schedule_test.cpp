#include "core/schedule.hpp"
#include "helpers.hpp"

#include <algorithm>
#include <numeric>
#include <random>

using namespace plotline;
using namespace plotline::test;

TEST_CASE("a 1-day task starting Monday finishes that Monday") {
    Project p = project("2026-03-02");
    addTask(p, "One day", DAY);
    Schedule s = schedule(p);
    REQUIRE(s.ok());
    CHECK(s.tasks[0].startDate == d("2026-03-02"));
    CHECK(s.tasks[0].finishDate == d("2026-03-02"));
}

TEST_CASE("finish-to-start links carry over weekends") {
    Project p = project("2026-03-02");
    Task a = addTask(p, "Design", 5 * DAY);
    Task b = addTask(p, "Build", 3 * DAY);
    link(p, a, b);
    Schedule s = schedule(p);
    CHECK(s.tasks[0].finishDate == d("2026-03-06")); // Friday
    CHECK(s.tasks[1].startDate == d("2026-03-09"));  // Monday
    CHECK(s.tasks[1].finishDate == d("2026-03-11"));
    CHECK(s.finish == d("2026-03-11"));
}

TEST_CASE("lags in days and hours, positive and negative") {
    Project p = project("2026-03-02");
    Task a = addTask(p, "A", 5 * DAY);
    Task b = addTask(p, "B", 2 * DAY);
    Task c = addTask(p, "C", 1 * DAY);
    Task e = addTask(p, "E", 4 * HOUR);
    link(p, a, b, LinkType::FS, 2 * DAY);   // Fri + 2 working days -> starts Wed
    link(p, a, c, LinkType::FS, -2 * DAY);  // overlaps: starts Thu of week 1
    link(p, a, e, LinkType::FS, 4 * HOUR);  // half a day after: Mon afternoon
    Schedule s = schedule(p);
    CHECK(s.tasks[1].startDate == d("2026-03-11"));
    CHECK(s.tasks[2].startDate == d("2026-03-05"));
    CHECK(s.tasks[3].start % DAY == 4 * HOUR);
    CHECK(s.tasks[3].startDate == d("2026-03-09"));
    CHECK(s.tasks[3].finishDate == d("2026-03-09"));
}

TEST_CASE("holidays are skipped") {
    Project p = project("2026-03-30");
    p.calendar.setHolidays({d("2026-04-03"), d("2026-04-06")}); // Good Friday, Easter Monday
    addTask(p, "Five days", 5 * DAY);
    Schedule s = schedule(p);
    CHECK(s.tasks[0].finishDate == d("2026-04-07"));
}

TEST_CASE("a requested start on a weekend moves to the next working day, links can push later") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "A", DAY);
    a.constraint = Constraint::SNET;
    a.constraintDate = d("2026-03-07"); // Saturday
    Task b = addTask(p, "B", DAY);
    b.constraint = Constraint::SNET;
    b.constraintDate = d("2026-03-02");
    p.tasks[1] = b;
    link(p, p.tasks[0], p.tasks[1]);
    Schedule s = schedule(p);
    CHECK(s.tasks[0].startDate == d("2026-03-09"));
    CHECK(s.tasks[1].startDate == d("2026-03-10"));
}

TEST_CASE("a milestone after a task sits on the task's finish day") {
    Project p = project("2026-03-02");
    Task a = addTask(p, "Work", 5 * DAY);
    Task m = addTask(p, "Done", 0);
    link(p, a, m);
    Schedule s = schedule(p);
    CHECK(s.tasks[1].startDate == d("2026-03-06"));
    CHECK(s.tasks[1].finishDate == d("2026-03-06"));
}

TEST_CASE("SS, FF and SF links") {
    Project p = project("2026-03-02");
    Task a = addTask(p, "A", 4 * DAY);
    Task b = addTask(p, "B", 2 * DAY);
    Task c = addTask(p, "C", 2 * DAY);
    Task e = addTask(p, "E", 1 * DAY);
    link(p, a, b, LinkType::SS, DAY);  // starts a day after A starts
    link(p, a, c, LinkType::FF);       // finishes with A (Thu)
    link(p, a, e, LinkType::SF, 3 * DAY); // finishes 3 days after A starts
    Schedule s = schedule(p);
    CHECK(s.tasks[1].startDate == d("2026-03-03"));
    CHECK(s.tasks[2].finishDate == d("2026-03-05"));
    CHECK(s.tasks[2].startDate == d("2026-03-04"));
    CHECK(s.tasks[3].finishDate == d("2026-03-04"));
}

TEST_CASE("summaries span their children, links to a summary apply to its children") {
    Project p = project("2026-03-02");
    Task prep = addTask(p, "Prep", 2 * DAY);
    Task& ph = addTask(p, "Phase", DAY);
    Id phase = ph.id;
    Task c1 = addTask(p, "Child 1", 3 * DAY, phase);
    Task c2 = addTask(p, "Child 2", 1 * DAY, phase);
    link(p, prep, p.tasks[1]);
    link(p, c1, c2);
    Schedule s = schedule(p);
    REQUIRE(s.ok());
    CHECK(s.tasks[1].summary);
    CHECK(s.tasks[1].level == 1);
    CHECK(s.tasks[2].level == 2);
    CHECK(s.tasks[2].startDate == d("2026-03-04")); // after Prep
    CHECK(s.tasks[3].startDate == d("2026-03-09"));
    CHECK(s.tasks[1].startDate == d("2026-03-04"));
    CHECK(s.tasks[1].finishDate == d("2026-03-09"));
}

TEST_CASE("summary percent complete is weighted by duration") {
    Project p = project("2026-03-02");
    Id phase = addTask(p, "Phase", DAY).id;
    addTask(p, "Long", 3 * DAY, phase).percentComplete = 100;
    addTask(p, "Short", 1 * DAY, phase).percentComplete = 0;
    CHECK(schedule(p).tasks[0].percentComplete == 75);
}

TEST_CASE("a dependency cycle is reported with the names of its tasks") {
    Project p = project("2026-03-02");
    Task a = addTask(p, "Design", DAY);
    Task b = addTask(p, "Build", DAY);
    Task c = addTask(p, "Test", DAY);
    addTask(p, "Unrelated", DAY);
    link(p, a, b);
    link(p, b, c);
    link(p, c, a);
    Schedule s = schedule(p);
    CHECK_FALSE(s.ok());
    CHECK(s.cycle.size() == 3);
    CHECK(s.error.find("Design") != std::string::npos);
    CHECK(s.error.find("Build") != std::string::npos);
    CHECK(s.error.find("Test") != std::string::npos);
    CHECK(s.error.find("Unrelated") == std::string::npos);
    CHECK(s.tasks[3].startDate == d("2026-03-02")); // the rest is still scheduled
}

TEST_CASE("a link from a summary to its own child is a cycle") {
    Project p = project("2026-03-02");
    Task& ph = addTask(p, "Phase", DAY);
    Id phase = ph.id;
    Task c = addTask(p, "Child", DAY, phase);
    link(p, p.tasks[0], c);
    Schedule s = schedule(p);
    CHECK_FALSE(s.ok());
    CHECK(s.error.find("Phase") != std::string::npos);
}

// Links may point up the list as well as down it (a launch milestone at the top that waits for work
// listed below it): the passes must still take every task after all its predecessors. Random plans
// whose links follow a hidden order unrelated to the rows; every link is met, early and late, and
// each task starts exactly when its tightest link lets it.
TEST_CASE("property: links that point up the list are scheduled like any other") {
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        CAPTURE(seed);
        std::mt19937_64 rng(seed);
        Project p = project("2026-03-02");
        std::vector<size_t> leaves;
        for (int phase = 0; phase < 5; ++phase) {
            const Id summary = addTask(p, "Phase", DAY).id;
            for (int k = 0; k < 30; ++k) {
                addTask(p, "Task", int64_t(rng() % 8) * HOUR + HOUR, summary);
                leaves.push_back(p.tasks.size() - 1);
            }
        }
        std::vector<size_t> rank(p.tasks.size());
        std::iota(rank.begin(), rank.end(), 0);
        std::shuffle(rank.begin(), rank.end(), rng);
        int upward = 0;
        for (int k = 0; k < 300; ++k) {
            size_t a = leaves[rng() % leaves.size()], b = leaves[rng() % leaves.size()];
            if (a == b) continue;
            if (rank[a] > rank[b]) std::swap(a, b);
            upward += a > b;
            link(p, p.tasks[a], p.tasks[b], LinkType(rng() % 4), int64_t(rng() % 5) * HOUR - HOUR);
        }
        CHECK(upward > 50);
        const Schedule s = schedule(p);
        REQUIRE(s.ok());
        std::vector<int64_t> earliest(p.tasks.size(), p.calendar.instantAt(p.start));
        auto row = [&](Id id) { return size_t(std::find_if(p.tasks.begin(), p.tasks.end(), [&](const Task& t) { return t.id == id; }) - p.tasks.begin()); };
        for (const Link& l : p.links) {
            const TaskSchedule &a = s.tasks[row(l.predecessor)], &b = s.tasks[row(l.successor)];
            const bool fromStart = l.type == LinkType::SS || l.type == LinkType::SF;
            const bool toFinish = l.type == LinkType::FF || l.type == LinkType::SF;
            const int64_t need = (fromStart ? a.start : a.finish) + l.lag;
            CHECK((toFinish ? b.finish : b.start) >= need);
            const int64_t needLate = (fromStart ? a.lateStart : a.lateFinish) + l.lag;
            CHECK((toFinish ? b.lateFinish : b.lateStart) >= needLate);
            int64_t& e = earliest[row(l.successor)];
            e = std::max(e, toFinish ? need - (b.finish - b.start) : need);
        }
        for (size_t i : leaves) {
            CAPTURE(i);
            CHECK(s.tasks[i].start == earliest[i]);
            CHECK(s.tasks[i].totalFloat >= 0);
        }
    }
}
