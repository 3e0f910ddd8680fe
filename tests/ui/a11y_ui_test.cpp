// The accessibility mirror natively: what the app publishes for screen readers (the task table as
// treegrid rows, the commands, the dialog), that it is rebuilt only when what it shows changed, that
// focus follows both ways, and what the live region says after an edit, an undo and a redo.
#include "ui_harness.hpp"

#include "core/report.hpp"
#include "core/synthetic.hpp"
#include "unit/random_edits.hpp"

#include <random>

using namespace plotline;
using namespace plotline::ui_test;

namespace {
nlohmann::json mirror(Harness& h) {
    REQUIRE_FALSE(h.host.a11y.empty());
    return nlohmann::json::parse(h.host.a11y);
}
const nlohmann::json* rowNamed(const nlohmann::json& m, const std::string& name) {
    for (const auto& r : m["grid"]["rows"])
        if (r["name"] == name) return &r;
    return nullptr;
}
} // namespace

TEST_CASE("a11y: the sample's tasks as a treegrid, rebuilt only on change, focus both ways, edits announced") {
    Harness h("a11y");
    h.start();
    REQUIRE(h.app->ready());
    const Project& p = h.project();
    const Schedule& s = h.app->document().schedule();
    nlohmann::json m = mirror(h);
    CHECK(m["title"] == p.name + " \u2014 Plan");
    CHECK(m["grid"]["label"] == "Tasks of " + p.name);
    CHECK(m["grid"]["rowCount"] == int(h.app->gantt().visibleRows().size()));
    // The rows in view, in order, with what the table shows.
    const auto& rows = m["grid"]["rows"];
    REQUIRE(rows.size() >= 10);
    for (size_t k = 0; k < 10; ++k) {
        const int row = h.app->gantt().visibleRows()[k];
        const Task& t = p.tasks[size_t(row)];
        CHECK(rows[k]["key"] == t.id.str());
        CHECK(rows[k]["index"] == int(k) + 1);
        CHECK(rows[k]["name"] == t.name);
        CHECK(rows[k]["level"] == s.tasks[size_t(row)].level);
        CHECK(rows[k]["start"] == s.tasks[size_t(row)].startDate.str());
        CHECK(rows[k].contains("expanded") == s.tasks[size_t(row)].summary);
        CHECK((rows[k]["marks"].get<std::string>().find("critical") != std::string::npos) == s.tasks[size_t(row)].critical);
    }
    // The commands, with their shortcuts; a view button says which view is shown.
    bool sawPlan = false, sawDelete = false;
    for (const auto& b : m["buttons"]) {
        if (b["id"] == "view.plan") sawPlan = b.value("pressed", false);
        if (b["id"] == "task.delete") sawDelete = b.value("disabled", false); // nothing selected yet
    }
    CHECK(sawPlan);
    CHECK(sawDelete);

    // Nothing changes: nothing is rebuilt.
    const size_t builds = h.app->a11yBuilds();
    h.frames(20);
    CHECK(h.app->a11yBuilds() == builds);

    // The mirror selects a task (a screen reader moved to its row) …
    const int third = h.app->gantt().visibleRows()[3];
    REQUIRE(h.app->a11ySelect(p.tasks[size_t(third)].id.str()));
    h.frames(2);
    CHECK(h.app->gantt().selectedRow() == third);
    m = mirror(h);
    CHECK(m["grid"]["active"] == p.tasks[size_t(third)].id.str());
    CHECK(rowNamed(m, p.tasks[size_t(third)].name)->value("selected", false));
    CHECK_FALSE(h.app->a11ySelect("not-a-task"));
    // … and the app's selection moves the mirror's active row (Down arrow).
    h.key(ImGuiKey_DownArrow);
    const int fourth = h.app->gantt().visibleRows()[4];
    CHECK(h.app->gantt().selectedRow() == fourth);
    CHECK(mirror(h)["grid"]["active"] == p.tasks[size_t(fourth)].id.str());

    // An edit that pushes successors: the live region names it and counts the tasks it moved.
    int leaf = -1;
    for (size_t r = 0; r < p.tasks.size() && leaf < 0; ++r) {
        if (s.tasks[r].summary) continue;
        for (const Link& l : p.links)
            if (l.predecessor == p.tasks[r].id && l.type == LinkType::FS) { leaf = int(r); break; }
    }
    REQUIRE(leaf >= 0);
    std::vector<int64_t> before;
    for (const TaskSchedule& ts : s.tasks) before.push_back(ts.start);
    Task longer = p.tasks[size_t(leaf)];
    longer.duration += 5 * p.calendar.minutesPerDay;
    REQUIRE(h.app->document().execute(editTask(longer)));
    h.frames(2);
    int moved = 0;
    for (size_t r = 0; r < before.size(); ++r) moved += h.app->document().schedule().tasks[r].start != before[r];
    REQUIRE(moved > 0);
    REQUIRE_FALSE(h.host.announcements.empty());
    CHECK(h.host.announcements.back() == h.app->document().undoLabel() + "; " + std::to_string(moved) + (moved == 1 ? " task moved" : " tasks moved"));
    // The mirror's rows show the new dates.
    m = mirror(h);
    for (const auto& r : m["grid"]["rows"])
        for (size_t t = 0; t < p.tasks.size(); ++t)
            if (r["key"] == p.tasks[t].id.str()) CHECK(r["finish"] == h.app->document().schedule().tasks[t].finishDate.str());

    // Undo and redo through the mirror's buttons, each said.
    const std::string label = h.app->document().undoLabel();
    REQUIRE(h.app->a11yActivate("edit.undo"));
    h.frames(2);
    CHECK(h.host.announcements.back() == "Undone: " + label + "; " + std::to_string(moved) + (moved == 1 ? " task moved" : " tasks moved"));
    REQUIRE(h.app->a11yActivate("edit.redo"));
    h.frames(2);
    CHECK(h.host.announcements.back().rfind("Redone: " + label, 0) == 0);

    // Add a task from the mirror: one more row, said; not possible in another view.
    const size_t count = p.tasks.size();
    REQUIRE(h.app->a11yActivate("task.add"));
    h.frames(2);
    CHECK(p.tasks.size() == count + 1);
    CHECK(mirror(h)["grid"]["rowCount"] == int(h.app->gantt().visibleRows().size()));
    CHECK(h.host.announcements.back() == h.app->document().undoLabel());
    // Its name is being edited; undone from the mirror, the field closes instead of staying over the
    // row that takes its place.
    CHECK(h.app->gantt().editing());
    REQUIRE(h.app->a11yActivate("edit.undo"));
    h.frames(2);
    CHECK(p.tasks.size() == count);
    CHECK_FALSE(h.app->gantt().editing());
    REQUIRE(h.app->a11yActivate("edit.redo"));
    h.frames(2);
    REQUIRE(h.app->a11yActivate("view.budget"));
    h.frames(2);
    CHECK(h.app->view() == App::View::Budget);
    m = mirror(h);
    CHECK_FALSE(m.contains("grid"));
    CHECK(m["title"] == p.name + " \u2014 Budget");
    // The dashboard's figures: the status in words, facts as lines, its tables with their headers.
    const StatusReport report = statusReport(p, h.app->document().schedule(), p.statusDate.value_or(h.host.today()));
    CHECK(m["lines"].dump().find("Status: " + std::string(ragName(report.rag))) != std::string::npos);
    REQUIRE_FALSE(m["tables"].empty());
    CHECK_FALSE(m["tables"][0]["header"].empty());
    CHECK_FALSE(m["tables"][0]["rows"].empty());
    CHECK_FALSE(h.app->a11yActivate("task.add"));
    CHECK(p.tasks.size() == count + 1);

    // The keyboard help is a dialog in the mirror, and closes from it.
    REQUIRE(h.app->a11yActivate("help.keys"));
    h.frames(2);
    m = mirror(h);
    CHECK(m["dialog"]["title"] == "Keyboard shortcuts");
    CHECK(m["dialog"]["text"].get<std::string>().find("Ctrl+Z / Ctrl+Y: Undo / redo") != std::string::npos);
    REQUIRE(h.app->a11yActivate("dialog.close"));
    h.frames(2);
    CHECK_FALSE(mirror(h).contains("dialog"));
}

TEST_CASE("keyboard: Alt+Right moves the selected task a working day later, Alt+Shift+Right makes it a day longer; both said and undone") {
    Harness h("a11y-keys");
    h.start();
    const Project& p = h.project();
    auto chord = [&](ImGuiKey k, bool shift) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyAlt = true;
        io.KeyShift = shift;
        io.KeysDown[k] = true;
        h.frames(1);
        io.KeyAlt = io.KeyShift = false;
        h.frames(1);
    };
    // A leaf task with a finish-to-start successor.
    int row = -1;
    for (size_t r = 0; r < p.tasks.size() && row < 0; ++r)
        if (!h.app->document().schedule().tasks[r].summary)
            for (const Link& l : p.links)
                if (l.predecessor == p.tasks[r].id && l.type == LinkType::FS) { row = int(r); break; }
    REQUIRE(row >= 0);
    const Task before = p.tasks[size_t(row)];
    const TaskSchedule was = h.app->document().schedule().tasks[size_t(row)];
    REQUIRE(h.app->a11ySelect(before.id.str()));
    h.frames(2);
    // Its bar and its successor's, as drawn.
    int succ = -1;
    for (const Link& l : p.links)
        if (l.predecessor == before.id && l.type == LinkType::FS) succ = p.taskIndex(l.successor);
    const std::string bar = "gantt.bar." + std::to_string(row), succBar = "gantt.bar." + std::to_string(succ);
    const Rect barWas = h.widget(bar), succWas = h.widget(succBar);

    chord(ImGuiKey_RightArrow, false);
    const Date next = p.calendar.nextWorkingDay(was.startDate + 1);
    CHECK(h.app->document().schedule().tasks[size_t(row)].startDate == next);
    h.frames(1);
    CHECK(h.widget(bar).x > barWas.x + 1);            // the bar moved right, its width kept
    CHECK(std::abs(h.widget(bar).w - barWas.w) < 1);
    CHECK(h.widget(succBar).x > succWas.x + 1);       // and its successor with it
    CHECK(p.tasks[size_t(row)].constraint == Constraint::SNET);
    CHECK(p.tasks[size_t(row)].duration == before.duration);
    CHECK(h.host.announcements.back().rfind("Moved \"" + before.name + "\" to " + next.str() + "; ", 0) == 0);

    const Rect moved = h.widget(bar);
    chord(ImGuiKey_RightArrow, true);
    CHECK(p.tasks[size_t(row)].duration == before.duration + p.calendar.minutesPerDay);
    h.frames(1);
    CHECK(h.widget(bar).x == moved.x); // a day longer: the bar widens where it starts
    CHECK(h.widget(bar).w > moved.w + 1);
    CHECK(h.app->document().schedule().tasks[size_t(row)].startDate == next);
    CHECK(h.host.announcements.back().rfind("\"" + before.name + "\" now takes ", 0) == 0);
    chord(ImGuiKey_LeftArrow, true);
    CHECK(p.tasks[size_t(row)].duration == before.duration);

    h.key(ImGuiKey_Z, true);
    h.key(ImGuiKey_Z, true);
    h.key(ImGuiKey_Z, true);
    CHECK(p.tasks[size_t(row)].duration == before.duration);
    CHECK(p.tasks[size_t(row)].constraint == before.constraint);
    CHECK(p.tasks[size_t(row)].constraintDate == before.constraintDate);
    CHECK(h.app->document().schedule().tasks[size_t(row)].startDate == was.startDate);
    CHECK(h.host.announcements.back().rfind("Undone: Moved \"" + before.name + "\"", 0) == 0);
}

TEST_CASE("a11y: an edit's frame leaves the mirror and the announcement to the next frame; edits in every frame are published every other frame") {
    Harness h("a11y-next");
    h.start();
    REQUIRE(h.app->ready());
    h.frames(3);
    const size_t builds = h.app->a11yBuilds(), said = h.host.announcements.size();
    Task longer = h.project().tasks.back();
    longer.duration += 480;
    REQUIRE(h.app->document().execute(editTask(longer)));
    h.frames(1); // the edit's frame: the reschedule and the redraw only
    CHECK(h.app->a11yBuilds() == builds);
    CHECK(h.host.announcements.size() == said);
    h.frames(1);
    CHECK(h.app->a11yBuilds() == builds + 1);
    CHECK(h.host.announcements.size() == said + 1);
    CHECK(nlohmann::json::parse(h.host.a11y)["grid"]["rows"].size() > 0);
    // A drag edits in every frame: the mirror still follows.
    for (int i = 0; i < 6; ++i) {
        longer.duration += 480;
        REQUIRE(h.app->document().execute(editTask(longer)));
        h.frames(1);
    }
    CHECK(h.app->a11yBuilds() == builds + 4);
}

// The count said after an edit ("4 tasks moved") follows the scheduler's runs: over the rows each run
// rewrote, its kept starts spliced when rows came and went. Whatever came before, the count after an
// edit that keeps the rows in place is the number of tasks whose start it changed.
TEST_CASE("the count of tasks an edit moved stays right after inserts, deletes, indents and undos") {
    for (uint64_t seed = 1; seed <= 4; ++seed) {
        CAPTURE(seed);
        Document doc(syntheticProject(300, seed), [] { return Stamp(1'800'000'000'000); });
        MoveCounter moves;
        CHECK(moves.update(doc.schedule()) == -1); // (nothing to compare with)
        std::mt19937_64 rng(seed);
        int counted = 0;
        for (int step = 0; step < 120; ++step) {
            CAPTURE(step);
            std::vector<int64_t> before;
            for (const TaskSchedule& ts : doc.schedule().tasks) before.push_back(ts.start);
            const Project& p = doc.project();
            const Task& t = p.tasks[rng() % p.tasks.size()];
            const int op = int(rng() % 6);
            bool inPlace = false; // the rows stay where they were: the count is checked
            if (op == 0) { // a task made longer: its successors move
                Task e = t;
                e.duration += 3 * 480;
                inPlace = doc.execute(editTask(e));
            } else if (op == 1) {
                std::string why;
                inPlace = doc.execute(indentTasks(p, {t.id}, why));
            } else if (op == 2) {
                std::string why;
                inPlace = doc.execute(outdentTasks(p, {t.id}, why));
            } else if (op == 3) test::randomEdit(doc, rng, 0, t); // insert
            else if (op == 4) test::randomEdit(doc, rng, 1, t); // delete with its subtree
            else doc.undo();
            const Schedule& s = doc.schedule();
            const int got = moves.update(s);
            auto check = [&] {
                int moved = 0;
                for (size_t r = 0; r < before.size(); ++r) moved += s.tasks[r].start != before[r];
                CHECK(got == moved);
                counted += moved > 0;
            };
            if (s.tasks.size() != before.size()) {
                CHECK(got == -1);
                if (!s.spliced) continue;
                // The row where rows came or went made longer: its start is where it was.
                before.clear();
                for (const TaskSchedule& ts : s.tasks) before.push_back(ts.start);
                Task e = doc.project().tasks[std::min(s.spliceAt, before.size() - 1)];
                e.duration += 480;
                REQUIRE(doc.execute(editTask(e)));
                const int probe = moves.update(doc.schedule());
                int moved = 0;
                for (size_t r = 0; r < before.size(); ++r) moved += doc.schedule().tasks[r].start != before[r];
                CHECK(probe == moved);
                continue;
            }
            if (inPlace) check();
        }
        CHECK(counted >= 5);
    }
}
