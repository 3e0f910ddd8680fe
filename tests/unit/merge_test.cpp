// Three-way merge: golden cases for each rule of merge.hpp, then a property test over thousands of
// random edit interleavings of two and three copies made through the command layer.
#include "core/commands.hpp"
#include "core/fields.hpp"
#include "core/json_io.hpp"
#include "core/merge.hpp"
#include "core/synthetic.hpp"
#include "helpers.hpp"

#include <algorithm>
#include <random>
#include <set>

using namespace plotline;
using namespace plotline::test;

namespace {

// A plan of two phases (Design: Brief, Wireframes; Build: Pages, QA), one link, one person.
struct Plan {
    Project p = project("2026-03-02");
    Id design, brief, wire, build, pages, qa, ana;
    Plan() {
        design = addTask(p, "Design", 0).id;
        brief = addTask(p, "Brief", 2 * DAY, design).id;
        wire = addTask(p, "Wireframes", 3 * DAY, design).id;
        build = addTask(p, "Build", 0).id;
        pages = addTask(p, "Pages", 5 * DAY, build).id;
        qa = addTask(p, "QA", 2 * DAY, build).id;
        p.links.push_back({Id::random(), brief, wire, LinkType::FS, 0, 0});
        p.resources.push_back({Id::random(), "Ana", "UX", 9000});
        ana = p.resources[0].id;
        p.assignments.push_back({Id::random(), wire, ana, 100, 0});
        p.budgetLines.push_back({Id::random(), "Hosting", CostCategory::Software, 120000});
    }
};

Task& task(Project& p, Id id) { return p.tasks[size_t(p.taskIndex(id))]; }
std::vector<std::string> names(const Project& p) {
    std::vector<std::string> out;
    for (const Task& t : p.tasks) out.push_back(t.name);
    return out;
}

MergeResult both(const Project& b, const Project& o, const Project& t) {
    MergeResult m = mergeProjects(b, o, t), n = mergeProjects(b, t, o);
    CHECK_MESSAGE(m.project == n.project, "the same project whichever side merges");
    CHECK(m.notes == n.notes);
    REQUIRE(m.conflicts.size() == n.conflicts.size());
    for (size_t i = 0; i < m.conflicts.size(); ++i) {
        CHECK(m.conflicts[i].ours == n.conflicts[i].theirs);
        CHECK(m.conflicts[i].tookOurs != n.conflicts[i].tookOurs);
    }
    return m;
}

} // namespace

TEST_CASE("merge: edits of different fields of one task both survive; one side's edits pass through whole") {
    Plan x;
    Project ours = x.p, theirs = x.p;
    task(ours, x.pages).name = "Page templates";
    task(ours, x.pages).modified = 10;
    task(theirs, x.pages).duration = 7 * DAY;
    task(theirs, x.pages).notes = "Two more templates";
    task(theirs, x.pages).modified = 11;
    const MergeResult m = both(x.p, ours, theirs);
    const Task& t = *m.project.task(x.pages);
    CHECK(t.name == "Page templates");
    CHECK(t.duration == 7 * DAY);
    CHECK(t.notes == "Two more templates");
    CHECK(t.modified == 11);
    CHECK(m.conflicts.empty());
    CHECK(m.notes.empty());
    // Against an unchanged side the result is the other side, exactly.
    CHECK(mergeProjects(x.p, ours, x.p).project == ours);
    CHECK(mergeProjects(x.p, x.p, theirs).project == theirs);
    CHECK(mergeProjects(x.p, theirs, theirs).project == theirs);
}

TEST_CASE("merge: the same field edited both ways is a conflict the later edit wins, listed for review") {
    Plan x;
    Project ours = x.p, theirs = x.p;
    task(ours, x.qa).duration = 3 * DAY;
    task(ours, x.qa).modified = 20;
    task(theirs, x.qa).duration = 4 * DAY;
    task(theirs, x.qa).modified = 30; // later
    MergeResult m = both(x.p, ours, theirs);
    CHECK(m.project.task(x.qa)->duration == 4 * DAY);
    REQUIRE(m.conflicts.size() == 1);
    const MergeConflict& k = m.conflicts[0];
    CHECK(k.entity == "task");
    CHECK(k.id == x.qa);
    CHECK(k.name == "QA");
    CHECK(k.field == "duration");
    CHECK(k.ours == "1440");
    CHECK(k.theirs == "1920");
    CHECK(k.oursAt == 20);
    CHECK(k.theirsAt == 30);
    CHECK_FALSE(k.tookOurs);
    // Equal stamps: the greater value, so both devices still agree.
    task(ours, x.qa).modified = task(theirs, x.qa).modified = 30;
    m = both(x.p, ours, theirs);
    CHECK(m.project.task(x.qa)->duration == 4 * DAY);
    // The project's own fields merge the same way.
    ours = x.p;
    theirs = x.p;
    ours.name = "Spring launch";
    theirs.statusDate = d("2026-03-06");
    m = both(x.p, ours, theirs);
    CHECK(m.project.name == "Spring launch");
    CHECK(m.project.statusDate == d("2026-03-06"));
    CHECK(m.conflicts.empty());
}

TEST_CASE("merge: tasks added on both sides are all kept, each after the task it followed") {
    Plan x;
    Project ours = x.p, theirs = x.p;
    Task a;
    a.id = Id::random();
    a.name = "Sitemap";
    a.parent = x.design;
    ours.tasks.insert(ours.tasks.begin() + 2, a); // after Brief
    Task b;
    b.id = Id::random();
    b.name = "Load test";
    b.parent = x.build;
    theirs.tasks.push_back(b); // after QA
    Task c = b;
    c.id = Id::random();
    c.name = "Accessibility audit";
    ours.tasks.push_back(c); // also after QA, on the other side
    const MergeResult m = both(x.p, ours, theirs);
    const std::vector<std::string> expected = b.id < c.id
        ? std::vector<std::string>{"Design", "Brief", "Sitemap", "Wireframes", "Build", "Pages", "QA", "Load test", "Accessibility audit"}
        : std::vector<std::string>{"Design", "Brief", "Sitemap", "Wireframes", "Build", "Pages", "QA", "Accessibility audit", "Load test"};
    CHECK(names(m.project) == expected);
    CHECK(m.notes.empty());
}

TEST_CASE("merge: deleted on one side, edited on the other keeps the edit and says so; unchanged goes") {
    Plan x;
    Project ours = x.p, theirs = x.p;
    ours.tasks.erase(ours.tasks.begin() + ours.taskIndex(x.qa));        // deleted here…
    task(theirs, x.qa).notes = "Book the device lab";                    // …edited there
    ours.budgetLines.clear();                                            // deleted, untouched there
    MergeResult m = both(x.p, ours, theirs);
    REQUIRE(m.project.task(x.qa));
    CHECK(m.project.task(x.qa)->notes == "Book the device lab");
    CHECK(m.project.budgetLines.empty());
    REQUIRE(m.notes.size() == 1);
    CHECK(m.notes[0] == "Kept task \u201cQA\u201d: deleted in one copy, edited in the other.");

    // A task added under a summary the other side deleted brings the summary back, in its place.
    ours = x.p;
    theirs = x.p;
    ours.tasks.erase(ours.tasks.begin() + ours.taskIndex(x.build), ours.tasks.begin() + ours.taskIndex(x.qa) + 1);
    Task extra;
    extra.id = Id::random();
    extra.name = "Analytics";
    extra.parent = x.build;
    theirs.tasks.push_back(extra);
    m = both(x.p, ours, theirs);
    CHECK(names(m.project) == std::vector<std::string>{"Design", "Brief", "Wireframes", "Build", "Analytics"});
    CHECK(std::find(m.notes.begin(), m.notes.end(), "Kept task \u201cBuild\u201d: deleted in one copy, but \u201cAnalytics\u201d under it was kept.") !=
          m.notes.end());
    // Its deleted children stay deleted, and the link into one of them would have gone with it.
}

TEST_CASE("merge: the outline merges as a list; tasks nested under each other are put back") {
    Plan x;
    Project ours = x.p, theirs = x.p;
    // Ours moves QA above Pages; theirs renames Pages.
    std::swap(ours.tasks[size_t(ours.taskIndex(x.pages))], ours.tasks[size_t(ours.taskIndex(x.qa))]);
    task(theirs, x.pages).name = "Page templates";
    MergeResult m = both(x.p, ours, theirs);
    CHECK(names(m.project) == std::vector<std::string>{"Design", "Brief", "Wireframes", "Build", "QA", "Page templates"});

    // Ours puts Build under Design, theirs Design under Build: a loop no copy had.
    ours = x.p;
    theirs = x.p;
    task(ours, x.build).parent = x.design;
    task(theirs, x.design).parent = x.build;
    m = both(x.p, ours, theirs);
    const Task &design = *m.project.task(x.design), &build = *m.project.task(x.build);
    CHECK((design.parent.isNull() || build.parent.isNull()));
    CHECK(m.notes.size() == 1);
    CHECK(m.notes[0].find("nested it and another task under each other") != std::string::npos);
    const Result<Project> back = readProjectJson(writeProjectJson(m.project));
    REQUIRE_MESSAGE(back.ok(), back.error());
}

TEST_CASE("merge: links to deleted tasks and links that close a cycle are dropped and listed") {
    Plan x;
    Project ours = x.p, theirs = x.p;
    ours.links.push_back({Id::random(), x.wire, x.pages, LinkType::FS, 0, 40});
    theirs.links.push_back({Id::random(), x.pages, x.brief, LinkType::FS, 0, 50}); // with ours': Brief→Wire→Pages→Brief
    MergeResult m = both(x.p, ours, theirs);
    CHECK(m.project.links.size() == 2);
    CHECK(schedule(m.project).ok());
    REQUIRE(m.notes.size() == 1);
    CHECK(m.notes[0] == "Dropped the link \u201cPages\u201d \u2192 \u201cBrief\u201d: with the other copy's links it made a dependency cycle.");

    ours = x.p;
    theirs = x.p;
    ours.tasks.erase(ours.tasks.begin() + ours.taskIndex(x.qa));
    theirs.links.push_back({Id::random(), x.pages, x.qa, LinkType::FS, 0, 0});
    theirs.assignments.push_back({Id::random(), x.qa, x.ana, 50, 0});
    m = both(x.p, ours, theirs);
    CHECK_FALSE(m.project.task(x.qa));
    CHECK(m.project.links.size() == 1);
    CHECK(m.project.assignments.size() == 1);
    CHECK(m.notes.size() == 2);
}

TEST_CASE("merge: people, actuals and change requests") {
    Plan x;
    Project ours = x.p, theirs = x.p;
    // Ours deletes Ana; theirs books her hours: she comes back with them.
    ours.resources.clear();
    ours.assignments.clear();
    theirs.hours.push_back({Id::random(), d("2026-03-03"), x.wire, x.ana, 450, "", 5});
    MergeResult m = both(x.p, ours, theirs);
    CHECK(m.project.resources.size() == 1);
    CHECK(m.project.hours.size() == 1);
    CHECK(std::find(m.notes.begin(), m.notes.end(), "Kept person \u201cAna\u201d: deleted in one copy, but their work was kept in the other.") !=
          m.notes.end());
    // Both raise CR-1: both kept, one renumbered.
    ours = x.p;
    theirs = x.p;
    ChangeRequest a;
    a.id = Id::random();
    a.number = 1;
    a.title = "Store finder";
    ChangeRequest b = a;
    b.id = Id::random();
    b.title = "German version";
    ours.changeRequests.push_back(a);
    theirs.changeRequests.push_back(b);
    m = both(x.p, ours, theirs);
    REQUIRE(m.project.changeRequests.size() == 2);
    std::vector<int> numbers{m.project.changeRequests[0].number, m.project.changeRequests[1].number};
    std::sort(numbers.begin(), numbers.end());
    CHECK(numbers == std::vector<int>{1, 2});
}

TEST_CASE("merge: flipping a conflict gives the field the other value, as one undoable step") {
    Plan x;
    x.p.calendar.setHolidays({d("2026-12-24")});
    x.p.contingency = {0, 1000, true};
    Project ours = x.p, theirs = x.p;
    task(ours, x.qa).duration = 3 * DAY;
    task(ours, x.qa).constraint = Constraint::SNET;
    task(ours, x.qa).constraintDate = d("2026-03-16");
    task(ours, x.qa).modified = 20;
    task(theirs, x.qa).duration = 4 * DAY;
    task(theirs, x.qa).constraint = Constraint::MSO;
    task(theirs, x.qa).constraintDate = d("2026-03-18");
    task(theirs, x.qa).modified = 30;
    ours.budgetLines[0].amount = 150000;
    ours.budgetLines[0].modified = 40;
    theirs.budgetLines[0].amount = 90000;
    theirs.budgetLines[0].modified = 35;
    ours.contingency = {0, 750, true};
    theirs.contingency = {2500000, 0, false};
    ours.calendar.minutesPerDay = 420;
    ours.calendar.setHolidays({d("2026-12-24"), d("2026-12-31")});
    theirs.calendar.setWorkingWeekdays(0x3F); // Saturdays too
    ours.modified = 50;
    theirs.modified = 60;
    const MergeResult m = both(x.p, ours, theirs);
    REQUIRE(m.conflicts.size() == 5); // budget line amount, project calendar and contingency, task constraint and duration
    Document doc(m.project, [] { return Stamp(100); });
    for (const MergeConflict& k : m.conflicts) {
        CAPTURE(k.entity);
        CAPTURE(k.field);
        std::string why;
        CommandPtr flip = flipConflict(doc.project(), k, why);
        REQUIRE_MESSAGE(flip, why);
        REQUIRE(doc.execute(std::move(flip)));
    }
    const Project& p = doc.project();
    const Task& qa = *p.task(x.qa);
    CHECK(qa.duration == 3 * DAY); // ours, which lost
    CHECK(qa.constraint == Constraint::SNET);
    CHECK(qa.constraintDate == d("2026-03-16"));
    CHECK(p.budgetLines[0].amount == 90000); // theirs, which lost
    CHECK(p.calendar == ours.calendar);      // the calendar: the whole other calendar (theirs was later)
    CHECK((p.contingency == ours.contingency || p.contingency == theirs.contingency));
    CHECK_FALSE(p.contingency == m.project.contingency);
    for (int i = 0; i < 5; ++i) doc.undo(); // each flip is one step (undo stamps the records anew, as any edit)
    CHECK(doc.project().task(x.qa)->duration == m.project.task(x.qa)->duration);
    CHECK(doc.project().task(x.qa)->constraint == m.project.task(x.qa)->constraint);
    CHECK(doc.project().budgetLines[0].amount == m.project.budgetLines[0].amount);
    CHECK(doc.project().calendar == m.project.calendar);
    CHECK(doc.project().contingency == m.project.contingency);
    CHECK_FALSE(doc.canUndo());
    // An entity deleted since cannot be flipped, and says why.
    Project gone = m.project;
    gone.budgetLines.clear();
    std::string why;
    const auto line = std::find_if(m.conflicts.begin(), m.conflicts.end(), [](const MergeConflict& k) { return k.entity == "budget line"; });
    CHECK_FALSE(flipConflict(gone, *line, why));
    CHECK(why == "The budget line \u201cHosting\u201d is no longer in the plan.");
}

// ---- The property test ----

namespace {

// One random edit through the command layer, as a user would make it; a copy's plan always schedules.
void randomEdit(Document& doc, std::mt19937_64& rng) {
    const Project& p = doc.project();
    auto pick = [&](size_t n) { return size_t(rng() % std::max<size_t>(n, 1)); };
    std::string why;
    const size_t n = p.tasks.size();
    if (n == 0) return;
    const size_t row = pick(n);
    Task t = p.tasks[row];
    switch (rng() % 12) {
        case 0: t.name = "Renamed " + std::to_string(rng() % 1000); doc.execute(editTask(t)); break;
        case 1: if (!p.hasChildren(row)) { t.duration = int64_t(1 + rng() % 10) * DAY; t.milestone = false; doc.execute(editTask(t)); } break;
        case 2: t.notes = "Note " + std::to_string(rng() % 1000); doc.execute(editTask(t)); break;
        case 3: if (!p.hasChildren(row)) { t.percentComplete = int(rng() % 101); doc.execute(editTask(t)); } break;
        case 4: {
            Task fresh;
            fresh.id = Id::random();
            fresh.name = "New " + std::to_string(rng() % 1000);
            fresh.parent = p.tasks[row].parent;
            doc.execute(insertTask(row, fresh));
            break;
        }
        case 5: if (n > 3) doc.execute(deleteTasks({p.tasks[row].id})); break;
        case 6: {
            const size_t other = pick(n);
            if (other != row) doc.executeChecked(addLink({Id::random(), p.tasks[row].id, p.tasks[other].id, LinkType(rng() % 4), 0, 0}), why);
            break;
        }
        case 7: if (!p.links.empty()) doc.execute(deleteLink(p.links[pick(p.links.size())].id)); break;
        case 8: if (auto c = indentTasks(p, {t.id}, why)) doc.executeChecked(std::move(c), why); break;
        case 9: if (auto c = outdentTasks(p, {t.id}, why)) doc.executeChecked(std::move(c), why); break;
        case 10: if (auto c = moveTask(p, t.id, rng() % 2 ? 1 : -1, why)) doc.executeChecked(std::move(c), why); break;
        case 11: {
            if (p.budgetLines.empty() || rng() % 3 == 0) {
                BudgetLine l;
                l.name = "Line " + std::to_string(rng() % 1000);
                l.amount = int64_t(rng() % 100000);
                doc.execute(putRecord(p, l, "Add line"));
            } else {
                BudgetLine l = p.budgetLines[pick(p.budgetLines.size())];
                l.amount = int64_t(rng() % 100000);
                doc.execute(putRecord(p, l, "Edit line"));
            }
            break;
        }
    }
}

template <class R> const R* findIn(const std::vector<R>& list, Id id) {
    for (const R& r : list)
        if (r.id == id) return &r;
    return nullptr;
}

// No field edit of `side` (against base) is lost in `merged`, unless listed as a conflict or a note.
template <class R> void noEditLost(const std::vector<R>& base, const std::vector<R>& side, const std::vector<R>& merged, const MergeResult& m,
                                   const std::set<std::pair<Id, std::string>>& conflicted) {
    for (const R& s : side) {
        const R* b = findIn(base, s.id);
        if (b && *b == s) continue; // not edited on this side
        const R* r = findIn(merged, s.id);
        if (!r) {
            CHECK_MESSAGE(!m.notes.empty(), "an edited record vanished without a note: " << s.id.str());
            continue;
        }
        const std::vector<std::string> fields = b ? changedFields(*b, s) : changedFields(R{}, s);
        for (const std::string& f : fields) {
            if (f == "modified" || conflicted.count({s.id, f})) continue;
            if (f == "parent" && !m.notes.empty()) continue; // a summary put back is noted
            CHECK_MESSAGE(fieldText(*r, f) == fieldText(s, f), "lost: " << s.id.str() << "." << f);
        }
    }
}

void checkMerge(const Project& b, const Project& o, const Project& t, const MergeResult& m) {
    std::set<std::pair<Id, std::string>> conflicted;
    for (const MergeConflict& k : m.conflicts) conflicted.insert({k.id, k.field});
    for (const Project* side : {&o, &t}) {
        noEditLost(b.tasks, side->tasks, m.project.tasks, m, conflicted);
        noEditLost(b.budgetLines, side->budgetLines, m.project.budgetLines, m, conflicted);
        noEditLost(b.links, side->links, m.project.links, m, conflicted);
    }
    const Result<Project> back = readProjectJson(writeProjectJson(m.project));
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(*back == m.project);
    CHECK(schedule(m.project).cycle.empty());
    // Every listed conflict flips to the value that was not kept.
    for (const MergeConflict& k : m.conflicts) {
        if (k.entity != "task" && k.entity != "budget line") continue;
        Document doc(m.project);
        std::string why;
        CommandPtr flip = flipConflict(doc.project(), k, why);
        REQUIRE_MESSAGE(flip, why);
        doc.execute(std::move(flip));
        const std::string want = k.tookOurs ? k.theirs : k.ours;
        if (k.entity == "task") CHECK(fieldText(*doc.project().task(k.id), k.field) == want);
        else CHECK(fieldText(*findIn(doc.project().budgetLines, k.id), k.field) == want);
    }
}

} // namespace

TEST_CASE("merge property: random edits of two and three copies lose no edit, and either side merges the same") {
    const Project start = syntheticProject(16, 7); // small: edits of two copies often meet
    int conflicts = 0, notes = 0;
    for (uint64_t seed = 1; seed <= 1500; ++seed) {
        CAPTURE(seed);
        std::mt19937_64 rng(seed);
        Stamp clock = 1000;
        auto tick = [&] { return clock += 7; };
        Document a(start, tick), b(start, tick), c(start, tick);
        const int edits = int(1 + rng() % 8);
        // Interleaved in time, as two people editing the same afternoon.
        for (int i = 0; i < edits * 3; ++i) randomEdit(i % 3 == 0 ? a : i % 3 == 1 ? b : c, rng);
        const MergeResult ab = mergeProjects(start, a.project(), b.project());
        const MergeResult ba = mergeProjects(start, b.project(), a.project());
        REQUIRE(ab.project == ba.project);
        checkMerge(start, a.project(), b.project(), ab);
        conflicts += int(ab.conflicts.size());
        notes += int(ab.notes.size());
        if (seed % 3 == 0) { // a third copy merged into the result of the first two
            const MergeResult abc = mergeProjects(start, ab.project, c.project());
            checkMerge(start, ab.project, c.project(), abc);
            // a's and b's edits that survived their merge survive the third one unless it conflicts
            noEditLost(start.tasks, ab.project.tasks, abc.project.tasks, abc, [&] {
                std::set<std::pair<Id, std::string>> k;
                for (const MergeConflict& x : abc.conflicts) k.insert({x.id, x.field});
                return k;
            }());
        }
    }
    MESSAGE("conflicts: " << conflicts << ", notes: " << notes);
    CHECK(conflicts > 50); // the test does meet conflicts and notes, not only easy cases
    CHECK(notes > 50);
}

TEST_CASE("the plan's texts walked in parts are every text of the whole walk, in order") {
    Project p = syntheticProject(700, 5);
    addSyntheticTeam(p, 4, 5);
    p.risks.push_back(Risk{});
    p.risks.back().id = Id::random();
    p.risks.back().title = "Venue falls through \u2014 \u4f1a\u5834";
    p.tasks[650].notes = "Last-minute \u00e9dit";
    std::vector<std::string> whole, parts;
    forEachText(p, [&](std::string_view t) { whole.emplace_back(t); });
    for (size_t count : {1, 7, 256, 100000}) {
        CAPTURE(count);
        parts.clear();
        size_t next = 0, calls = 0;
        do {
            next = forEachTextFrom(p, next, count, [&](std::string_view t) { parts.emplace_back(t); });
            ++calls;
        } while (next != 0 && calls < 100000);
        CHECK(parts == whole);
        CHECK(calls >= std::min<size_t>(p.tasks.size() / count, 50)); // in parts, not at once
    }
}
