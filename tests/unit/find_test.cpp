// Find (Ctrl+F): names, notes and people, ignoring case, in plan order.
#include "core/find.hpp"
#include "helpers.hpp"

using namespace plotline;
using namespace plotline::test;

TEST_CASE("find looks in task names, notes and the names of assigned people, ignoring case") {
    Project p = project("2026-11-02");
    addTask(p, "Kick-off workshop", DAY);
    Task& copy = addTask(p, "Write copy", 3 * DAY);
    copy.notes = "Tone of voice: see the LAUNCH deck";
    Task& shoot = addTask(p, "Photo shoot", 2 * DAY);
    addTask(p, "Launch", 0);
    p.resources.push_back({Id::random(), "Priya Launchbury", "Designer"});
    p.assignments.push_back({Id::random(), shoot.id, p.resources[0].id, 100, 0});

    CHECK(findTasks(p, "launch") == std::vector<int>{1, 2, 3}); // notes, a person, the name: in plan order
    CHECK(std::string(whereFound(p, 1, "launch")) == "notes");
    CHECK(std::string(whereFound(p, 2, "launch")) == "people");
    CHECK(std::string(whereFound(p, 3, "launch")) == "name");
    CHECK(findTasks(p, "  KICK-OFF ") == std::vector<int>{0}); // spaces around are not part of it
    CHECK(findTasks(p, "workshops").empty());
    CHECK(findTasks(p, "").empty());
    CHECK(findTasks(p, "   ").empty());
    // An assignment to a person who is gone (a merge can leave one) finds nothing and breaks nothing.
    p.assignments.push_back({Id::random(), copy.id, Id::random(), 100, 0});
    CHECK(findTasks(p, "priya") == std::vector<int>{2});
}
