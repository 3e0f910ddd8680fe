// The Board view natively: a project set up as a pipeline, articles added from the dialog, a card
// dropped on the next column completes its stage; a drop two columns on is refused with a sentence.
#include "ui_harness.hpp"

using namespace plotline;
using namespace plotline::ui_test;

TEST_CASE("board: set up a pipeline, add ten articles, drag a card to QA; a card cannot skip a stage") {
    Harness h("board");
    h.host.fakeNow = int64_t(Date::fromYmd(2026, 3, 4).days) * 86'400'000 + 10 * 3'600'000; // Wednesday 4 March 2026
    h.start();
    h.app->newProject();
    h.frames(2);
    h.click(h.widget("newProject.create").centre());
    h.app->showView(App::View::Board);
    h.frames(2);
    h.click(h.widget("board.setup").centre());
    REQUIRE(h.project().stages.size() == 5);
    h.click(h.widget("board.add").centre());
    h.click(h.widget("board.add.ok").centre());
    REQUIRE(h.project().deliverables.size() == 10);
    CHECK(h.project().tasks.size() == 60);
    CHECK(textOf("board.card.0.0") == "Article 1");
    CHECK(textOf("board.column.0") == "Write");

    // Article 1 onto QA.
    const Rect qa = h.widget("board.column.1");
    h.drag(h.widget("board.card.0.0").centre(), ImVec2(qa.x + qa.w / 2, qa.y + 80));
    CHECK(h.project().tasks[1].percentComplete == 100);
    CHECK(textOf("board.card.1.0") == "Article 1");
    CHECK(h.app->document().undoLabel().find("Write done: Article 1") != std::string::npos);
    // Article 2 onto Edit: two stages at once is refused, nothing changes.
    const Rect edit = h.widget("board.column.2");
    h.drag(h.widget("board.card.0.0").centre(), ImVec2(edit.x + edit.w / 2, edit.y + 80));
    CHECK(h.project().tasks[7].percentComplete == 0);
    CHECK(h.app->lastMessage().find("one stage at a time") != std::string::npos);
    // The brief: click a card, type a goal, save.
    h.click(h.widget("board.card.1.0").centre());
    h.click(h.widget("brief.goal").centre());
    h.type("Rank for cold brew at home");
    h.click(h.widget("brief.save").centre());
    CHECK(h.project().deliverables[0].goal == "Rank for cold brew at home");
}
