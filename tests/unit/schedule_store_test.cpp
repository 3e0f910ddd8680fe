#include "core/commands.hpp"
#include "core/json_io.hpp"
#include "core/schedule_store.hpp"
#include "core/sealed.hpp"
#include "core/synthetic.hpp"
#include "helpers.hpp"


using namespace plotline;
using namespace plotline::test;

namespace {

// A plan with what a schedule can say: summaries, links of every type with lags, a milestone, a
// missed deadline and a link conflict, critical and non-critical tasks.
Project varied() {
    Project p = project("2026-03-02");
    Task& phase = addTask(p, "Phase", DAY);
    const Id phaseId = phase.id;
    Task a = addTask(p, "A", 5 * DAY, phaseId);
    Task b = addTask(p, "B", 2 * DAY, phaseId);
    Task m = addTask(p, "Launch", 0);
    p.tasks.back().milestone = true;
    Task late = addTask(p, "Late", 3 * DAY);
    p.tasks.back().deadline = d("2026-03-03");
    Task pinned = addTask(p, "Pinned", DAY);
    p.tasks.back().constraint = Constraint::MSO;
    p.tasks.back().constraintDate = d("2026-03-03");
    link(p, a, b, LinkType::SS, 2 * DAY);
    link(p, b, m, LinkType::FS);
    link(p, a, late, LinkType::FF, -DAY);
    link(p, a, pinned, LinkType::FS);
    p.tasks[1].percentComplete = 40;
    return p;
}

} // namespace

TEST_CASE("a stored schedule reads back equal to the one written, for the plan and body it names") {
    for (const Project& p : {sampleProject(), varied(), syntheticProject(3000, 7)}) {
        const Schedule s = schedule(p);
        REQUIRE(s.ok());
        const std::string text = writeStoredSchedule(s, {12345, 0xabcdef01u});
        const std::optional<Schedule> back = readStoredSchedule(text, {12345, 0xabcdef01u}, p);
        REQUIRE(back);
        CHECK(sameSchedule(*back, s));
        // Compact: a few bytes a task (deltas from the task above).
        CHECK(text.size() < 40 * p.tasks.size() + 64);
    }
}

TEST_CASE("a stored schedule is nothing for another body, another plan, or when damaged or cut short") {
    const Project p = varied();
    const Schedule s = schedule(p);
    const ScheduleKey key{5000, 0x12345678u};
    const std::string text = writeStoredSchedule(s, key);
    CHECK_FALSE(readStoredSchedule(text, {5001, key.crc}, p));   // the body is longer now
    CHECK_FALSE(readStoredSchedule(text, {key.bytes, 0x12345679u}, p)); // or other bytes of that length
    Project more = p;
    addTask(more, "Added", DAY);
    CHECK_FALSE(readStoredSchedule(text, key, more));
    Project fewerLinks = p;
    fewerLinks.links.pop_back();
    CHECK_FALSE(readStoredSchedule(text, key, fewerLinks));
    for (size_t at : {size_t(0), size_t(5), text.size() / 2, text.size() - 1}) {
        std::string bad = text;
        bad[at] = char(bad[at] ^ 0x10);
        CHECK_FALSE(readStoredSchedule(bad, key, p));
    }
    CHECK_FALSE(readStoredSchedule(text.substr(0, text.size() - 1), key, p));
    CHECK_FALSE(readStoredSchedule("", key, p));
    CHECK_FALSE(readStoredSchedule("PLSC", key, p));
}

TEST_CASE("a document shows a stored schedule until the scheduler confirms it, and a wrong one is replaced") {
    const Project p = varied();
    const Schedule fresh = schedule(p);
    Document doc;
    doc.load(p, fresh);
    CHECK(doc.scheduleIsStored());
    CHECK(&doc.schedule() != nullptr);
    CHECK(sameSchedule(doc.schedule(), fresh));
    const uint64_t revision = doc.revision();
    CHECK(doc.checkStoredSchedule());
    CHECK_FALSE(doc.scheduleIsStored());
    CHECK(doc.revision() == revision);
    CHECK(sameSchedule(doc.schedule(), fresh));

    // A stored schedule that is wrong (computed by rules that changed since) is shown only until the check.
    Schedule wrong = fresh;
    wrong.tasks[2].finishDate = d("2027-01-01");
    doc.load(p, wrong);
    CHECK(doc.schedule().tasks[2].finishDate == d("2027-01-01"));
    const uint64_t before = doc.revision();
    CHECK_FALSE(doc.checkStoredSchedule());
    CHECK(doc.revision() > before); // views keyed to the revision redraw
    CHECK(sameSchedule(doc.schedule(), fresh));

    // An edit before the check: the edited plan is scheduled, the stored schedule is dropped.
    doc.load(p, wrong);
    Task t = doc.project().tasks[1];
    t.duration = 9 * DAY;
    REQUIRE(doc.execute(editTask(t)));
    CHECK_FALSE(doc.scheduleIsStored());
    CHECK(doc.schedule().tasks[1].finishDate == schedule(doc.project()).tasks[1].finishDate);
    CHECK(doc.checkStoredSchedule());
}

TEST_CASE("a run in steps gives what a run gives, leaves the scheduler ready for edits, and gives way to a run or another plan half-way") {
    for (uint64_t seed : {3u, 8u}) {
        CAPTURE(seed);
        Project p = syntheticProject(3000, seed);
        addSyntheticTeam(p, 20, seed);
        const Schedule whole = schedule(p);
        REQUIRE(whole.ok());

        Scheduler stepped;
        const Schedule* got = nullptr;
        int parts = 0;
        while (!(got = stepped.runInSteps(p)) && parts < 20) ++parts;
        REQUIRE(got);
        CHECK(parts == 7); // eight calls
        CHECK(sameSchedule(*got, whole));
        // Ready for edits: a duration changed and a task inserted, each then as a fresh run has them.
        Project edited = p;
        edited.tasks[1200].duration += 3 * DAY;
        CHECK(sameSchedule(stepped.run(edited), schedule(edited)));
        CHECK(stepped.lastWasIncremental());
        Task extra;
        extra.id = Id::random();
        extra.name = "Inserted";
        extra.duration = DAY;
        extra.parent = edited.tasks[900].parent;
        edited.tasks.insert(edited.tasks.begin() + 900, extra);
        CHECK(sameSchedule(stepped.run(edited, true), schedule(edited)));

        // A scheduler that has run before, stopped after a first part of a run in steps.
        Scheduler used;
        (void)used.run(p);
        Project longer = p;
        longer.tasks[500].duration += 2 * DAY;
        REQUIRE_FALSE(used.runInSteps(longer, true));
        CHECK(sameSchedule(used.run(longer), schedule(longer)));

        // Half-way through, after each part: an edited plan's run() builds afresh and is right, and
        // the scheduler follows the next edit incrementally.
        for (int stop = 1; stop <= 7; ++stop) {
            CAPTURE(stop);
            Scheduler s;
            for (int k = 0; k < stop; ++k) REQUIRE_FALSE(s.runInSteps(p));
            Project changed = p;
            changed.tasks[10].duration += DAY;
            CHECK(sameSchedule(s.run(changed), schedule(changed)));
            changed.tasks[2000].duration += DAY;
            CHECK(sameSchedule(s.run(changed), schedule(changed)));
            // A run in steps after that starts from its first part.
            int calls = 1;
            const Schedule* again = nullptr;
            while (!(again = s.runInSteps(changed)) && calls < 20) ++calls;
            CHECK(calls == 8);
            REQUIRE(again);
            CHECK(sameSchedule(*again, schedule(changed)));
            // Or another plan in steps again, from its first part.
            Scheduler t;
            for (int k = 0; k < stop; ++k) REQUIRE_FALSE(t.runInSteps(p));
            const Schedule* other = nullptr;
            for (bool first = true; !(other = t.runInSteps(changed, first)); first = false) {}
            CHECK(sameSchedule(*other, schedule(changed)));
        }
    }
}

TEST_CASE("a plan with a cycle, run in steps, says so as a run does") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "A", DAY);
    Task& b = addTask(p, "B", DAY);
    link(p, a, b);
    link(p, b, a);
    Scheduler s;
    const Schedule* got = nullptr;
    while (!(got = s.runInSteps(p))) {}
    CHECK_FALSE(got->ok());
    CHECK(got->error == schedule(p).error);
    CHECK(got->cycle.size() == 2);
}
