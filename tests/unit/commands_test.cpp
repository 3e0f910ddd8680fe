#include "core/commands.hpp"
#include "core/synthetic.hpp"
#include "core/csv_io.hpp"
#include "helpers.hpp"

#include <algorithm>
#include <random>
#include <set>

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

namespace {
// "Name(level)" for every row, to read outline changes at a glance.
std::string outline(const Project& p) {
    std::string s;
    for (size_t i = 0; i < p.tasks.size(); ++i)
        s += (s.empty() ? "" : " ") + p.tasks[i].name + "(" + std::to_string(p.outlineLevel(i)) + ")";
    return s;
}
Id idOf(const Project& p, const char* name) {
    for (const Task& t : p.tasks)
        if (t.name == name) return t.id;
    FAIL("no task " << name);
    return {};
}
} // namespace

TEST_CASE("indent, outdent and move keep the outline valid, rows in place, and undo") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "A", DAY);
    Task& b = addTask(p, "B", DAY);
    Task& c = addTask(p, "C", DAY);
    Task& d = addTask(p, "D", DAY);
    link(p, a, b); // would become a link from a summary to its own child
    link(p, c, d);
    Document doc(p);
    std::string why;

    REQUIRE(doc.execute(indentTasks(doc.project(), {idOf(doc.project(), "B"), idOf(doc.project(), "C")}, why)));
    CHECK(outline(doc.project()) == "A(1) B(2) C(2) D(1)");
    CHECK(why == "1 link between a task and its new summary removed");
    CHECK(doc.project().links.size() == 1);
    CHECK(doc.schedule().ok());

    REQUIRE(doc.execute(indentTasks(doc.project(), {idOf(doc.project(), "C")}, why)));
    CHECK(outline(doc.project()) == "A(1) B(2) C(3) D(1)");
    CHECK(indentTasks(doc.project(), {idOf(doc.project(), "A")}, why) == nullptr);
    CHECK(why == "\"A\" has no task above it at its level to go under");

    // Outdent B: it rises to A's level; nothing below it at its old level to adopt.
    REQUIRE(doc.execute(outdentTasks(doc.project(), {idOf(doc.project(), "B")}, why)));
    CHECK(outline(doc.project()) == "A(1) B(1) C(2) D(1)");
    CHECK(outdentTasks(doc.project(), {idOf(doc.project(), "D")}, why) == nullptr);
    CHECK(why == "\"D\" is already at the top level");

    // Move B (with C) above A, then down again below D.
    REQUIRE(doc.execute(moveTask(doc.project(), idOf(doc.project(), "B"), -1, why)));
    CHECK(outline(doc.project()) == "B(1) C(2) A(1) D(1)");
    CHECK(moveTask(doc.project(), idOf(doc.project(), "B"), -1, why) == nullptr);
    REQUIRE(doc.execute(moveTask(doc.project(), idOf(doc.project(), "B"), +1, why)));
    REQUIRE(doc.execute(moveTask(doc.project(), idOf(doc.project(), "B"), +1, why)));
    CHECK(outline(doc.project()) == "A(1) D(1) B(1) C(2)");

    while (doc.canUndo()) doc.undo();
    CHECK(doc.project() == p); // every step undone, links restored
}

TEST_CASE("outdent adopts the siblings below, as in MS Project") {
    Project p = project("2026-03-02");
    Id phase = addTask(p, "Phase", DAY).id;
    addTask(p, "X", DAY, phase);
    addTask(p, "Y", DAY, phase);
    addTask(p, "Z", DAY, phase);
    addTask(p, "W", DAY, phase);
    link(p, p.tasks[1], p.tasks[2]); // X to Y stays: X is not adopted
    link(p, p.tasks[2], p.tasks[3]); // from the new summary to its child, and from a child to it: both go
    link(p, p.tasks[4], p.tasks[2]);
    Document doc(p);
    std::string why;
    REQUIRE(doc.execute(outdentTasks(doc.project(), {idOf(doc.project(), "Y")}, why)));
    CHECK(outline(doc.project()) == "Phase(1) X(2) Y(1) Z(2) W(2)");
    CHECK(doc.project().tasks[3].parent == idOf(doc.project(), "Y"));
    CHECK(why == "2 links between a task and its new summary removed");
    REQUIRE(doc.project().links.size() == 1);
    CHECK(doc.project().links[0].successor == idOf(doc.project(), "Y"));
    doc.undo();
    CHECK(doc.project() == p);
}

TEST_CASE("a summary selected with its own child moves as one: the child keeps its place under it") {
    Project p = project("2026-03-02");
    addTask(p, "Before", DAY);
    Id phase = addTask(p, "Phase", DAY).id;
    addTask(p, "X", DAY, phase);
    addTask(p, "Y", DAY, phase);
    Document doc(p);
    std::string why;
    // Y listed first, its summary after: the summary's subtree goes, Y is not indented on its own.
    REQUIRE(doc.execute(indentTasks(doc.project(), {idOf(doc.project(), "Y"), phase}, why)));
    CHECK(outline(doc.project()) == "Before(1) Phase(2) X(3) Y(3)");
    REQUIRE(doc.execute(outdentTasks(doc.project(), {phase, idOf(doc.project(), "X")}, why)));
    CHECK(outline(doc.project()) == "Before(1) Phase(1) X(2) Y(2)");
    doc.undo();
    doc.undo();
    CHECK(doc.project() == p);
}

TEST_CASE("pasting tasks inserts them with their links as one undoable step") {
    Project p = project("2026-03-02");
    addTask(p, "Existing", DAY);
    Document doc(p);
    Project clip = project("2026-03-02");
    Task& x = addTask(clip, "Shoot", 2 * DAY);
    Task& y = addTask(clip, "Edit", DAY);
    link(clip, x, y);
    REQUIRE(doc.execute(insertTasks(0, clip.tasks, clip.links)));
    CHECK(outline(doc.project()) == "Shoot(1) Edit(1) Existing(1)");
    CHECK(doc.schedule().tasks[1].startDate == d("2026-03-04"));
    CHECK(doc.undoLabel() == "Paste 2 tasks");
    doc.undo();
    CHECK(doc.project() == p);
}

TEST_CASE_FIXTURE(Fixture, "a link that would close a loop is refused without an undo or redo step, and nobody hears of it") {
    int heard = 0;
    doc.subscribe([&](const Document&) { ++heard; });
    // An edit undone: redo holds it.
    Task t = doc.project().tasks[0];
    t.name = "Discovery";
    REQUIRE(doc.execute(editTask(t)));
    REQUIRE(doc.undo());
    REQUIRE(doc.redoLabel() == "Edit \"Discovery\"");
    heard = 0;
    const Project before = doc.project();
    // Front end (row 2) already follows Design (row 0): Front end → Design closes a loop.
    std::string why;
    CHECK_FALSE(doc.executeChecked(addLink({Id::random(), doc.project().tasks[2].id, doc.project().tasks[0].id, LinkType::FS, 0, 0}), why));
    CHECK(why == "Dependency cycle: Front end → Design → Front end");
    CHECK(doc.project() == before);
    CHECK(doc.schedule().ok());
    CHECK(doc.undoLabel().empty());
    CHECK(doc.redoLabel() == "Edit \"Discovery\""); // redo still puts back the rename, not the loop
    CHECK(heard == 0);
    REQUIRE(doc.redo());
    CHECK(doc.project().links.size() == 1);
    // A link that schedules is executed as usual.
    CHECK(doc.executeChecked(addLink({Id::random(), doc.project().tasks[0].id, doc.project().tasks[3].id, LinkType::FS, 0, 0}), why));
    CHECK(why.empty());
    CHECK(doc.project().links.size() == 2);
    CHECK(doc.schedule().tasks[3].startDate == d("2026-03-04"));
    CHECK(doc.lastOrigin() == ChangeOrigin::Local);
}

TEST_CASE_FIXTURE(Fixture, "a refused trial leaves the revision as it was, and the next change is scheduled anew") {
    REQUIRE(doc.schedule().ok()); // Front end (row 2) follows Design (row 0)
    const Date finish = doc.schedule().tasks[2].finishDate;
    const uint64_t revision = doc.revision();
    std::string why;
    CHECK_FALSE(doc.executeChecked(addLink({Id::random(), doc.project().tasks[2].id, doc.project().tasks[0].id, LinkType::FS, 0, 0}), why));
    CHECK_FALSE(why.empty());
    CHECK(doc.revision() == revision); // (a save under way is not started again)
    // The next change takes the revision the trial had: its schedule is its own, not the trial's loop.
    Task t = doc.project().tasks[0];
    t.duration += 480;
    REQUIRE(doc.execute(editTask(t)));
    CHECK(doc.revision() == revision + 1);
    CHECK(doc.schedule().ok());
    CHECK(doc.schedule().tasks[2].finishDate > finish);
}

TEST_CASE_FIXTURE(Fixture, "a version from elsewhere is one undoable step that keeps its own stamps") {
    Project theirs = doc.project();
    theirs.tasks[1].name = "Build (agency)";
    theirs.tasks[1].modified = 777;
    theirs.links.clear();
    now = 5000;
    const Project mine = doc.project();
    REQUIRE(doc.applyExternal(theirs, "Merge from the server"));
    CHECK(doc.project() == theirs);
    CHECK(doc.project().tasks[1].modified == 777); // not stamped 5000: it is their change, not ours
    CHECK(doc.lastOrigin() == ChangeOrigin::External);
    CHECK(doc.undoLabel() == "Merge from the server");
    CHECK(doc.schedule().tasks[2].startDate == d("2026-03-02")); // the link is gone in their version
    REQUIRE(doc.undo());
    CHECK(doc.project() == mine);
    REQUIRE(doc.redo());
    CHECK(doc.project() == theirs);
}

TEST_CASE_FIXTURE(Fixture, "capabilities: a document that may not be edited refuses commands, merges, undo and redo") {
    Task t = doc.project().tasks[0];
    t.name = "Discovery";
    REQUIRE(doc.execute(editTask(t)));
    doc.setCapabilities({false, true, false, false});
    CHECK(doc.readOnly());
    CHECK_FALSE(doc.canUndo());
    CHECK_FALSE(doc.undo());
    t.name = "Again";
    CHECK_FALSE(doc.execute(editTask(t)));
    std::string why;
    CHECK_FALSE(doc.executeChecked(editTask(t), why));
    CHECK_FALSE(doc.applyExternal(p, "Merge"));
    CHECK(doc.project().tasks[0].name == "Discovery");
    doc.load(p); // opening still works (a read-only tab following the writer)
    CHECK(doc.project().tasks[0].name == "Design");
    CHECK(doc.lastOrigin() == ChangeOrigin::Load);
    doc.setCapabilities({});
    CHECK(doc.capabilities() == Capabilities{});
    CHECK(doc.execute(editTask(t)));
}

TEST_CASE("the Predecessors column's text sets a task's links as one step: kept links keep their ids") {
    Project p = project("2026-11-02");
    Task& a = addTask(p, "A", 2 * DAY);
    Task& b = addTask(p, "B", 2 * DAY);
    Task& c = addTask(p, "C", 2 * DAY);
    const Id kept = link(p, a, b).id;
    Document doc(p);
    CHECK(predecessorTexts(doc.project())[1] == "1");
    auto refs = parsePredecessors("1SS+1d; 3ff", p.calendar.minutesPerDay);
    REQUIRE(refs);
    REQUIRE(refs->size() == 2);
    std::vector<Link> wanted;
    for (const PredecessorRef& r : *refs) wanted.push_back({Id(), p.tasks[size_t(std::stoi(r.number) - 1)].id, b.id, r.type, r.lag, 0});
    doc.execute(setPredecessors(doc.project(), b.id, wanted));
    REQUIRE(doc.project().links.size() == 2);
    CHECK(predecessorTexts(doc.project())[1] == "1SS+1d;3FF");
    const Link* first = nullptr;
    for (const Link& l : doc.project().links)
        if (l.predecessor == a.id) first = &l;
    REQUIRE(first);
    CHECK(first->id == kept); // edited in place: a merge sees one link changed, not one gone and one new
    CHECK(first->type == LinkType::SS);
    CHECK(first->lag == DAY);
    CHECK(setPredecessors(doc.project(), b.id, {{Id(), a.id, b.id, LinkType::SS, DAY, 0}, {Id(), c.id, b.id, LinkType::FF, 0, 0}}) == nullptr);
    doc.undo(); // one step back: only the FS link again
    CHECK(predecessorTexts(doc.project())[1] == "1");
    doc.redo();
    doc.execute(setPredecessors(doc.project(), b.id, {}));
    CHECK(doc.project().links.empty());
    CHECK_FALSE(parsePredecessors("1XX", p.calendar.minutesPerDay));
    CHECK_FALSE(parsePredecessors("two", p.calendar.minutesPerDay));
    CHECK(parsePredecessors(" ", p.calendar.minutesPerDay)->empty());
}

TEST_CASE("predecessors that would close a loop are refused whole, with the loop named") {
    Project p = project("2026-11-02");
    Task& a = addTask(p, "Design", 2 * DAY);
    Task& b = addTask(p, "Build", 2 * DAY);
    link(p, a, b);
    Document doc(p);
    std::string why;
    CHECK_FALSE(doc.executeChecked(setPredecessors(doc.project(), a.id, {{Id(), b.id, a.id, LinkType::FS, 0, 0}}), why));
    CHECK(why.find("Design") != std::string::npos);
    CHECK(doc.project().links.size() == 1);
    CHECK_FALSE(doc.canRedo());
}

TEST_CASE("property: deleting any set of tasks takes their subtrees, links and assignments; undo restores the plan exactly") {
    for (uint64_t seed = 1; seed <= 6; ++seed) {
        CAPTURE(seed);
        Project start = syntheticProject(400, seed);
        addSyntheticTeam(start, 5, seed);
        Document doc(start, [] { return Stamp(1'800'000'000'000); });
        std::mt19937_64 rng(seed);
        for (int step = 0; step < 12; ++step) {
            CAPTURE(step);
            const Project before = doc.project();
            std::vector<Id> ids; // from one row to forty (compared one by one, then hashed)
            const size_t count = step % 3 == 0 ? 1 : 1 + rng() % 40;
            for (size_t k = 0; k < count; ++k) ids.push_back(before.tasks[rng() % before.tasks.size()].id);
            REQUIRE(doc.execute(deleteTasks(ids)));
            const Project& after = doc.project();
            // What is gone: the ids and every descendant; what stays keeps its order.
            std::set<Id> gone(ids.begin(), ids.end());
            for (const Task& t : before.tasks)
                if (gone.count(t.parent)) gone.insert(t.id);
            std::vector<Id> kept, left;
            for (const Task& t : before.tasks)
                if (!gone.count(t.id)) kept.push_back(t.id);
            for (const Task& t : after.tasks) left.push_back(t.id);
            CHECK(left == kept);
            for (const Link& l : after.links) CHECK((!gone.count(l.predecessor) && !gone.count(l.successor)));
            for (const Assignment& a : after.assignments) CHECK(!gone.count(a.task));
            CHECK(after.links.size() + size_t(std::count_if(before.links.begin(), before.links.end(), [&](const Link& l) {
                      return gone.count(l.predecessor) || gone.count(l.successor);
                  })) == before.links.size());
            REQUIRE(doc.undo());
            CHECK(doc.project() == before);
            REQUIRE(doc.redo());
            CHECK(doc.project().tasks.size() == kept.size());
            if (step % 2) REQUIRE(doc.undo()); // now and then the plan shrinks for the next step
        }
    }
}

namespace {
// A list's records outside a reach, as the scheduler reads it (clamped to the shorter list), are the
// same before and after: compared by the keys the scheduler keeps.
template <class T, class Key>
bool outsideUnchanged(const std::vector<T>& before, const std::vector<T>& after, ListReach r, Key key) {
    const size_t common = std::min(before.size(), after.size());
    const size_t head = std::min(r.head, common), tail = std::min(r.tail, common - head);
    for (size_t i = 0; i < head; ++i)
        if (!(key(before[i]) == key(after[i]))) return false;
    for (size_t j = 0; j < tail; ++j)
        if (!(key(before[before.size() - 1 - j]) == key(after[after.size() - 1 - j]))) return false;
    return true;
}
bool covers(const Project& before, const Project& after, const StructureReach& r) {
    auto task = [](const Task& t) { return std::pair(t.id, t.parent); };
    auto link = [](const Link& l) { return std::tuple(l.predecessor, l.successor, l.type, l.lag); };
    auto assignment = [](const Assignment& a) { return std::pair(a.task, a.resource); };
    return outsideUnchanged(before.tasks, after.tasks, r.tasks, task) && outsideUnchanged(before.links, after.links, r.links, link) &&
           outsideUnchanged(before.assignments, after.assignments, r.assignments, assignment);
}
} // namespace

TEST_CASE("property: every command's reach covers the records it changed, applied, reverted and applied again") {
    int narrow = 0;   // reaches that leave most of a list out (what the scheduler gains from)
    int dropping = 0; // indents that drop a link
    for (uint64_t seed = 1; seed <= 6; ++seed) {
        CAPTURE(seed);
        Project p = syntheticProject(120, seed);
        addSyntheticTeam(p, 4, seed);
        std::mt19937_64 rng(seed);
        for (int step = 0; step < 120; ++step) {
            CAPTURE(step);
            const size_t n = p.tasks.size();
            const Task& t = p.tasks[rng() % n];
            std::string why;
            CommandPtr c;
            const int kind = int(rng() % 13);
            CAPTURE(kind);
            switch (kind) {
                case 0: {
                    Task fresh;
                    fresh.id = Id::random();
                    const size_t at = rng() % (n + 1);
                    if (at < n) fresh.parent = p.tasks[at].parent;
                    c = insertTask(at, fresh);
                    break;
                }
                case 1: if (n > 30) c = deleteTasks({t.id, p.tasks[rng() % n].id}); break;
                case 2: c = indentTasks(p, {t.id}, why); break;
                case 3: c = outdentTasks(p, {t.id}, why); break;
                case 4: c = moveTask(p, t.id, rng() % 2 ? 1 : -1, why); break;
                case 5: c = addLink(Link{Id::random(), p.tasks[rng() % n].id, t.id, LinkType(rng() % 4), 0, 0}); break;
                case 6: if (!p.links.empty()) c = deleteLink(p.links[rng() % p.links.size()].id); break;
                case 7:
                    if (!p.links.empty()) {
                        Link l = p.links[rng() % p.links.size()];
                        l.lag += 480;
                        c = editLink(l);
                    }
                    break;
                case 8: {
                    Task e = t; // a field edit, and now and then another parent
                    e.duration += 480;
                    if (rng() % 3 == 0) e.parent = Id{};
                    c = editTask(e);
                    break;
                }
                case 9: {
                    std::vector<Task> rows(2);
                    for (Task& r : rows) r.id = Id::random();
                    c = insertTasks(rng() % (n + 1), rows, {Link{Id::random(), rows[0].id, rows[1].id, LinkType::FS, 0, 0}});
                    break;
                }
                case 10:
                    if (!p.resources.empty())
                        c = setTaskResources(p, t.id, {Assignment{Id::random(), t.id, p.resources[rng() % p.resources.size()].id, 100}});
                    break;
                case 11: {
                    std::vector<CommandPtr> parts;
                    parts.push_back(moveTask(p, t.id, 1, why));
                    Task fresh;
                    fresh.id = Id::random();
                    parts.push_back(insertTask(rng() % (n + 1), fresh));
                    c = group("Two steps", std::move(parts));
                    break;
                }
                case 12: // indenting under the sibling above drops the link between them
                    for (size_t i = 1 + rng() % (n - 1); i < n; ++i)
                        if (p.tasks[i - 1].parent == p.tasks[i].parent) {
                            p.links.insert(p.links.begin() + long(rng() % (p.links.size() + 1)), Link{Id::random(), p.tasks[i - 1].id, p.tasks[i].id, LinkType::FS, 0, 0});
                            c = indentTasks(p, {p.tasks[i].id}, why);
                            dropping += c != nullptr;
                            break;
                        }
                    break;
            }
            if (!c) continue;
            const Project before = p;
            if (!c->apply(p, 1)) continue;
            REQUIRE(covers(before, p, c->reach()));
            const StructureReach r = c->reach();
            narrow += std::min(r.tasks.head, n) + std::min(r.tasks.tail, n) >= n / 2;
            const Project applied = p;
            REQUIRE(c->revert(p, 2));
            REQUIRE(covers(applied, p, c->reach()));
            REQUIRE(c->apply(p, 3));
            REQUIRE(covers(before, p, c->reach()));
        }
    }
    CHECK(narrow >= 200);
    CHECK(dropping >= 20);
}
