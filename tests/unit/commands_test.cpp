#include "core/commands.hpp"
#include "helpers.hpp"

using namespace plotline;
using namespace plotline::test;

namespace {
struct Fixture {
    Stamp now = 1000;
    Project p = [] {
        Project x = project("2026-03-02");
        Task a = addTask(x, "Design", 2 * DAY);
        Id phase = addTask(x, "Build", DAY).id;
        Task c = addTask(x, "Front end", 3 * DAY, phase);
        addTask(x, "Back end", 3 * DAY, phase);
        link(x, a, c);
        return x;
    }();
    Document doc{p, [this] { return now; }};
};
} // namespace

TEST_CASE_FIXTURE(Fixture, "an edit is undone and redone, listeners hear every change, stamps move") {
    int heard = 0;
    doc.subscribe([&](const Document&) { ++heard; });
    Task t = doc.project().tasks[0];
    t.name = "Discovery";
    now = 2000;
    REQUIRE(doc.execute(editTask(t)));
    CHECK(doc.project().tasks[0].name == "Discovery");
    CHECK(doc.project().tasks[0].modified == 2000);
    CHECK(doc.undoLabel() == "Edit \"Discovery\"");
    now = 3000;
    REQUIRE(doc.undo());
    CHECK(doc.project().tasks[0].name == "Design");
    CHECK(doc.project().tasks[0].modified == 3000);
    CHECK(doc.canRedo());
    REQUIRE(doc.redo());
    CHECK(doc.project().tasks[0].name == "Discovery");
    CHECK(heard == 3);
    CHECK(doc.project().tasks[0].id == p.tasks[0].id);
}

TEST_CASE_FIXTURE(Fixture, "the schedule follows edits") {
    CHECK(doc.schedule().tasks[2].startDate == d("2026-03-04"));
    Task t = doc.project().tasks[0];
    t.duration = 5 * DAY;
    doc.execute(editTask(t));
    CHECK(doc.schedule().tasks[2].startDate == d("2026-03-09"));
    doc.undo();
    CHECK(doc.schedule().tasks[2].startDate == d("2026-03-04"));
}

TEST_CASE_FIXTURE(Fixture, "deleting a summary removes its subtree and links; undo restores order exactly") {
    Project before = doc.project();
    REQUIRE(doc.execute(deleteTasks({before.tasks[1].id})));
    CHECK(doc.project().tasks.size() == 1);
    CHECK(doc.project().links.empty());
    doc.undo();
    CHECK(doc.project() == before);
}

TEST_CASE_FIXTURE(Fixture, "a new edit clears redo; insert and link commands undo") {
    Task t;
    t.id = Id::random();
    t.name = "QA";
    doc.execute(insertTask(4, t));
    CHECK(doc.project().tasks.back().name == "QA");
    Link l{Id::random(), doc.project().tasks[3].id, t.id, LinkType::FS, 0, 0};
    doc.execute(addLink(l));
    CHECK(doc.schedule().tasks[4].startDate == d("2026-03-05")); // after Back end (Mon-Wed)
    doc.undo();
    CHECK(doc.project().links.size() == 1);
    doc.undo();
    CHECK(doc.project().tasks.size() == 4);
    CHECK(doc.canRedo());
    Task e = doc.project().tasks[0];
    e.percentComplete = 50;
    doc.execute(editTask(e));
    CHECK_FALSE(doc.canRedo());
}

TEST_CASE_FIXTURE(Fixture, "replacing the project is one undoable step; load clears history") {
    Project other = project("2027-01-04");
    other.name = "Other";
    doc.execute(replaceProject(other, "Open sample"));
    CHECK(doc.project().name == "Other");
    doc.undo();
    CHECK(doc.project() == p);
    doc.load(other);
    CHECK_FALSE(doc.canUndo());
    CHECK_FALSE(doc.canRedo());
}

TEST_CASE_FIXTURE(Fixture, "commands whose target is gone change nothing") {
    Task ghost;
    ghost.id = Id::random();
    CHECK_FALSE(doc.execute(editTask(ghost)));
    CHECK_FALSE(doc.execute(deleteLink(Id::random())));
    CHECK_FALSE(doc.canUndo());
}
