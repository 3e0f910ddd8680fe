// Change requests: their allowed moves, approval applying the impact as one undoable step, the log.
#include "core/budget.hpp"
#include "core/commands.hpp"
#include "helpers.hpp"

using namespace plotline;
using namespace plotline::test;

namespace {

struct Fixture {
    Project p = project("2026-03-02");
    Id build, page, cr;
    Fixture() {
        Task& b = addTask(p, "Build", DAY);
        build = b.id;
        page = addTask(p, "Page templates", 5 * DAY, build).id;
        addTask(p, "QA", 3 * DAY);
        link(p, p.tasks[1], p.tasks[2]);
        Resource dev{Id::random(), "Dev", "", 10000};
        p.resources.push_back(dev);
        p.assignments.push_back({Id::random(), page, dev.id, 100});
        ChangeRequest c;
        c.id = cr = Id::random();
        c.number = 1;
        c.title = "Store finder";
        c.requester = "Client";
        c.raised = d("2026-03-03");
        c.costImpact = 450000;
        c.category = CostCategory::Labour;
        c.items.push_back({{}, "Store finder page", build, 2 * DAY});
        c.items.push_back({{}, "Store finder API", build, 3 * DAY});
        c.items.push_back({page, "", {}, 7 * DAY});
        p.changeRequests.push_back(c);
    }
    const ChangeRequest& request(const Document& doc) const { return doc.project().changeRequests[0]; }
};

} // namespace

TEST_CASE("approving a change request applies its tasks, durations and cost in one undoable step") {
    Fixture f;
    Document doc(f.p, [] { return Stamp(1000); });
    // Before approval the request says what its longer task costs: 2 more days of the developer.
    CHECK(changeLabourImpact(doc.project(), f.p.changeRequests[0]) == 160000);
    const int64_t budgetBefore = budgetStatus(doc.project(), doc.schedule(), d("2026-03-03")).approved();
    std::string why;

    // Straight from draft to approved is not allowed: it must be submitted first.
    CHECK(decideChange(doc.project(), f.cr, ChangeStatus::Approved, "Producer", "", d("2026-03-04"), 1, why) == nullptr);
    CHECK(why == "CR-1 is Draft: it cannot become Approved.");
    REQUIRE(doc.execute(decideChange(doc.project(), f.cr, ChangeStatus::Submitted, "Producer", "For sign-off", d("2026-03-04"), 10, why)));
    CHECK(f.request(doc).status == ChangeStatus::Submitted);
    CHECK(doc.undoLabel() == "Submit CR-1");

    REQUIRE(doc.execute(decideChange(doc.project(), f.cr, ChangeStatus::Approved, "Maya (client)", "Signed", d("2026-03-05"), 20, why)));
    CHECK(doc.undoLabel() == "Approve CR-1");
    const Project& p = doc.project();
    CHECK(f.request(doc).status == ChangeStatus::Approved);
    CHECK(f.request(doc).decided == d("2026-03-05"));
    REQUIRE(f.request(doc).log.size() == 2);
    CHECK(f.request(doc).log[1].by == "Maya (client)");
    CHECK(f.request(doc).log[1].note == "Signed");
    CHECK(f.request(doc).log[1].at == 20);
    // The two new tasks go at the end of Build, in order, and wait for the decision day.
    REQUIRE(p.tasks.size() == 5);
    CHECK(p.tasks[2].name == "Store finder page");
    CHECK(p.tasks[3].name == "Store finder API");
    CHECK(p.tasks[3].parent == f.build);
    CHECK(p.tasks[3].duration == 3 * DAY);
    CHECK(p.tasks[3].constraint == Constraint::SNET);
    CHECK(p.tasks[3].constraintDate == d("2026-03-05"));
    CHECK(p.tasks[4].name == "QA");
    CHECK(p.task(f.page)->duration == 7 * DAY);
    // The cost impact is a budget line of the request: the approved budget grows by it, and by the
    // two extra days of the assigned developer (16 h at 100.00).
    REQUIRE(p.budgetLines.size() == 1);
    CHECK(p.budgetLines[0].changeRequest == f.cr);
    CHECK(p.budgetLines[0].name == "CR-1 Store finder");
    CHECK(p.budgetLines[0].category == CostCategory::Labour); // the request's category
    CHECK(p.budgetLines[0].amount == 450000);
    const BudgetStatus after = budgetStatus(p, doc.schedule(), d("2026-03-03"));
    CHECK(after.approvedChanges == 450000);
    CHECK(after.approved() == budgetBefore + 450000 + 160000); // the cost impact, and the labour through the plan
    CHECK(changeLabourImpact(p, f.request(doc)) == 0);        // once applied, nothing more to add

    // One undo takes it all back; redo applies it again.
    REQUIRE(doc.undo());
    CHECK(doc.project().tasks.size() == 3);
    CHECK(doc.project().budgetLines.empty());
    CHECK(doc.project().task(f.page)->duration == 5 * DAY);
    CHECK(f.request(doc).status == ChangeStatus::Submitted);
    CHECK(f.request(doc).log.size() == 1);
    REQUIRE(doc.redo());
    CHECK(doc.project().tasks.size() == 5);
    CHECK(f.request(doc).status == ChangeStatus::Approved);

    // A decided request cannot be decided again.
    CHECK(decideChange(doc.project(), f.cr, ChangeStatus::Rejected, "x", "", d("2026-03-06"), 30, why) == nullptr);
    CHECK(why == "CR-1 is Approved: it cannot become Rejected.");
}

TEST_CASE("rejecting changes nothing but the request; approval refuses a request whose task is gone") {
    Fixture f;
    Document doc(f.p);
    std::string why;
    REQUIRE(doc.execute(decideChange(doc.project(), f.cr, ChangeStatus::Submitted, "P", "", d("2026-03-04"), 1, why)));
    const Project before = doc.project();
    REQUIRE(doc.execute(decideChange(doc.project(), f.cr, ChangeStatus::Rejected, "Client", "Out of budget", d("2026-03-05"), 2, why)));
    CHECK(doc.project().tasks == before.tasks);
    CHECK(doc.project().budgetLines.empty());
    CHECK(f.request(doc).status == ChangeStatus::Rejected);
    CHECK(f.request(doc).log.back().note == "Out of budget");
    REQUIRE(doc.undo());

    REQUIRE(doc.execute(deleteTasks({f.page})));
    CHECK(decideChange(doc.project(), f.cr, ChangeStatus::Approved, "Client", "", d("2026-03-05"), 3, why) == nullptr);
    CHECK(why == "CR-1 changes a task that no longer exists; edit the request first.");
    CHECK(nextChangeNumber(doc.project()) == 2);
}

TEST_CASE("money records are added, replaced and removed by id, each an undo step") {
    Project p = project("2026-03-02");
    addTask(p, "A", DAY);
    Document doc(p, [] { return Stamp(77); });
    BudgetLine line{{}, "Licences", CostCategory::Software, 120000};
    REQUIRE(doc.execute(putRecord(doc.project(), line, "Add budget line")));
    REQUIRE(doc.project().budgetLines.size() == 1);
    BudgetLine stored = doc.project().budgetLines[0];
    CHECK(!stored.id.isNull());
    CHECK(stored.modified == 77);
    CHECK(putRecord(doc.project(), stored, "same") == nullptr); // nothing changes
    stored.amount = 150000;
    REQUIRE(doc.execute(putRecord(doc.project(), stored, "Edit budget line")));
    CHECK(doc.project().budgetLines.size() == 1);
    CHECK(doc.project().budgetLines[0].amount == 150000);
    REQUIRE(doc.execute(removeRecord<BudgetLine>(doc.project(), stored.id, "Delete budget line")));
    CHECK(doc.project().budgetLines.empty());
    REQUIRE(doc.undo());
    REQUIRE(doc.undo());
    CHECK(doc.project().budgetLines[0].amount == 120000);

    REQUIRE(doc.execute(addActuals(doc.project(), {{{}, d("2026-03-02"), 5000}}, {{{}, d("2026-03-02"), {}, {}, 60}}, "Import actuals")));
    CHECK(doc.project().costs.size() == 1);
    CHECK(doc.project().hours.size() == 1);
    REQUIRE(doc.undo());
    CHECK(doc.project().costs.empty());
    CHECK(doc.project().hours.empty());

    REQUIRE(doc.execute(recordStatus(doc.project(), {d("2026-03-06"), 1, 2, 3, 10})));
    REQUIRE(doc.execute(recordStatus(doc.project(), {d("2026-03-02"), 1, 1, 1, 5})));
    REQUIRE(doc.execute(recordStatus(doc.project(), {d("2026-03-06"), 4, 5, 6, 20})));
    REQUIRE(doc.project().statusRecords.size() == 2);
    CHECK(doc.project().statusRecords[0].date == d("2026-03-02"));
    CHECK(doc.project().statusRecords[1].ev == 5);
}

TEST_CASE("a change request's labour counts each changed task's people once per item, and says when it is too large") {
    Fixture f;
    Project& p = f.p;
    ChangeRequest& c = p.changeRequests[0];
    c.items.push_back({f.page, "", {}, 8 * DAY}); // a second item on the same task: 3 more days on top of 2
    CHECK(changeLabourImpact(p, c) == 160000 + 240000);
    // A second person on the task at half time: half their rate for the same extra days.
    Resource lead{Id::random(), "Lead", "", 20000};
    p.resources.push_back(lead);
    p.assignments.push_back({Id::random(), f.page, lead.id, 50});
    CHECK(changeLabourImpact(p, c) == 400000 + 400000);
    // The highest rate on a 200-year extension at 100 × units: past int64, so none, not a wrapped value.
    p.resources.back().billRate = int64_t(1) << 50;
    p.assignments.back().units = 10000;
    c.items.back().duration = int64_t(480) * 365 * 200;
    CHECK(changeLabourImpact(p, c) == std::nullopt);
}
