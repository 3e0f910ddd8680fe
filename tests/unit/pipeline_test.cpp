// Content pipelines: "Add 10 articles" builds 10 stage chains (5 stages each) with their links and
// owners as one undo step; the board puts each card in its stage with who holds it; completing a
// stage moves the card; the month's summary lists what was published; the records survive a file.
#include "core/json_io.hpp"
#include "core/binary_io.hpp"
#include "core/pipeline.hpp"
#include "core/report.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace plotline;
using namespace plotline::test;

TEST_CASE("pipeline: 10 articles × 5 stages, linked in order, each stage owned by its role, one undo step") {
    Project p = project("2026-03-02");
    p.resources.push_back({Id::random(), "Wren", "Writer", 6000}); // an existing writer is used, not duplicated
    Document doc(p);
    REQUIRE(doc.execute(setUpPipeline(defaultStages())));
    REQUIRE(doc.project().stages.size() == 5);
    std::string why;
    CHECK_FALSE(addDeliverables(doc.project(), {0, "Article", d("2026-03-02"), 2}, why));
    CHECK_FALSE(why.empty());
    REQUIRE(doc.execute(addDeliverables(doc.project(), {10, "Article", d("2026-03-02"), 2}, why)));
    const Project& q = doc.project();
    REQUIRE(q.tasks.size() == 10 * 6);
    REQUIRE(q.deliverables.size() == 10);
    CHECK(q.links.size() == 10 * 4);
    CHECK(q.assignments.size() == 10 * 5);
    // Roles: the writer there was, and QA, Editor, Designer, Producer added once each.
    REQUIRE(q.resources.size() == 5);
    CHECK(q.resources[0].name == "Wren");
    for (size_t k = 0; k < 10; ++k) {
        const size_t row = k * 6;
        CAPTURE(k);
        CHECK(q.tasks[row].name == "Article " + std::to_string(k + 1));
        CHECK(q.deliverables[k].task == q.tasks[row].id);
        for (size_t i = 0; i < 5; ++i) {
            const Task& t = q.tasks[row + 1 + i];
            CHECK(t.parent == q.tasks[row].id);
            CHECK(t.name == q.stages[i].name);
            CHECK(t.duration == q.stages[i].duration);
            // Owned by the stage's role.
            const auto a = std::find_if(q.assignments.begin(), q.assignments.end(), [&](const Assignment& x) { return x.task == t.id; });
            REQUIRE(a != q.assignments.end());
            const Resource& r = q.resources[size_t(q.resourceIndex(a->resource))];
            CHECK((r.name == q.stages[i].role || r.role == q.stages[i].role));
            // Write → QA → Edit → Design → Publish.
            if (i > 0) {
                const auto l = std::find_if(q.links.begin(), q.links.end(), [&](const Link& x) { return x.successor == t.id; });
                REQUIRE(l != q.links.end());
                CHECK(l->predecessor == q.tasks[row + i].id);
                CHECK(l->type == LinkType::FS);
            }
        }
    }
    // Scheduled: article 1 writes Mon 2 … Wed 4, QA Thu 5, Edit Fri 6, Design Mon 9 – Tue 10, publishes Wed 11;
    // article 2 starts two working days later.
    const Schedule& s = doc.schedule();
    REQUIRE(s.ok());
    CHECK(s.tasks[1].startDate == d("2026-03-02"));
    CHECK(s.tasks[1].finishDate == d("2026-03-04"));
    CHECK(s.tasks[5].finishDate == d("2026-03-11"));
    CHECK(s.tasks[7].startDate == d("2026-03-04"));
    // More of them are numbered on.
    REQUIRE(doc.execute(addDeliverables(doc.project(), {2, "Article", d("2026-03-02"), 0}, why)));
    CHECK(doc.project().tasks[60].name == "Article 11");
    doc.undo();
    doc.undo();
    CHECK(doc.project().tasks.empty());
    CHECK(doc.project().deliverables.empty());
    CHECK(doc.project().resources.size() == 1);
}

TEST_CASE("pipeline board: cards by stage with their holder and days in stage; completing a stage moves the card; published in the month") {
    Project p = project("2026-03-02");
    Document doc(p);
    doc.execute(setUpPipeline(defaultStages()));
    std::string why;
    doc.execute(addDeliverables(doc.project(), {3, "Article", d("2026-03-02"), 0}, why));
    Deliverable brief = doc.project().deliverables[0];
    brief.goal = "Rank for cold brew at home";
    brief.targetLength = 1200;
    brief.due = d("2026-03-13");
    doc.execute(putRecord(doc.project(), brief, "Brief"));

    const Date today = d("2026-03-04");
    PipelineBoard b = pipelineBoard(doc.project(), doc.schedule(), today);
    REQUIRE(b.columns == std::vector<std::string>{"Write", "QA", "Edit", "Design", "Publish", "Published"});
    REQUIRE(b.cards[0].size() == 3);
    CHECK(b.cards[0][0].holders == std::vector<std::string>{"Writer"});
    CHECK(b.cards[0][0].days == 2); // writing since Monday
    CHECK(b.cards[0][0].started);
    CHECK_FALSE(b.cards[0][0].late);
    CHECK(b.problems.empty());

    // Writing of article 1 done today: it moves to QA, with its actual dates, as one undo step.
    REQUIRE(doc.execute(advanceDeliverable(doc.project(), doc.schedule(), brief.id, today, why)));
    const Task& write = doc.project().tasks[1];
    CHECK(write.percentComplete == 100);
    CHECK(write.actualStart == d("2026-03-02"));
    CHECK(write.actualFinish == today);
    b = pipelineBoard(doc.project(), doc.schedule(), today);
    REQUIRE(b.cards[1].size() == 1);
    CHECK(b.cards[1][0].name == "Article 1");
    CHECK(b.cards[1][0].holders == std::vector<std::string>{"QA"});
    CHECK(b.cards[1][0].days == 0);
    CHECK(pipelineBoard(doc.project(), doc.schedule(), d("2026-03-06")).cards[1][0].days == 2); // in QA since writing finished on Wednesday
    CHECK(b.cards[0].size() == 2);
    doc.undo();
    CHECK(pipelineBoard(doc.project(), doc.schedule(), today).cards[0].size() == 3);

    // Through every stage, a working day each: published on Tuesday 10, in March's summary, not February's.
    const Date days[] = {d("2026-03-04"), d("2026-03-05"), d("2026-03-06"), d("2026-03-09"), d("2026-03-10")};
    for (Date day : days) REQUIRE(doc.execute(advanceDeliverable(doc.project(), doc.schedule(), brief.id, day, why)));
    const Date day = days[4];
    CHECK_FALSE(advanceDeliverable(doc.project(), doc.schedule(), brief.id, day, why));
    CHECK(why.find("published already") != std::string::npos);
    b = pipelineBoard(doc.project(), doc.schedule(), d("2026-03-09"));
    REQUIRE(b.cards[5].size() == 1);
    CHECK(b.cards[5][0].published == d("2026-03-10"));
    const ReportDoc march = monthlySummary(doc.project(), doc.schedule(), 2026, 3, d("2026-03-31"));
    const auto published = std::find_if(march.sections.begin(), march.sections.end(), [](const ReportSection& s) { return s.title == "Published"; });
    REQUIRE(published != march.sections.end());
    REQUIRE(published->bullets.size() == 1);
    CHECK(published->bullets[0] == "Article 1: Rank for cold brew at home (2026-03-10)");
    const ReportDoc feb = monthlySummary(doc.project(), doc.schedule(), 2026, 2, d("2026-02-28"));
    const auto none = std::find_if(feb.sections.begin(), feb.sections.end(), [](const ReportSection& s) { return s.title == "Published"; });
    REQUIRE(none != feb.sections.end());
    CHECK(none->bullets.empty());

    // The stages and briefs survive both file forms.
    for (const Result<Project>& back : {readProjectJson(writeProjectJson(doc.project())), readProjectBody(writeProjectBinary(doc.project()))}) {
        REQUIRE(back);
        CHECK(back->stages == doc.project().stages);
        CHECK(back->deliverables == doc.project().deliverables);
    }
}
