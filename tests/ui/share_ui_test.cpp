// Share with client…: the window's preview and downloads come from the core's filter, on the real App.
#include "ui_harness.hpp"

#include "core/client_view.hpp"

using namespace plotline;
using namespace plotline::ui_test;

TEST_CASE("share window: the preview says what the client gets; ticking the budget adds it; the pack downloaded holds no vendor") {
    Harness h("share");
    h.start();
    REQUIRE(h.has("toolbar.share"));
    h.click(h.widget("toolbar.share").centre());
    REQUIRE(h.has("share.preview.holds"));
    const Project& p = h.project();
    CHECK(textOf("share.preview.holds").rfind(std::to_string(p.tasks.size() - 2) + " tasks (2 marked internal left out), ", 0) == 0);
    CHECK(textOf("share.preview.out").find("budget") != std::string::npos);
    CHECK_FALSE(h.has("share.preview.budget"));
    CHECK(textOf("share.size").rfind("The view is ", 0) == 0);
    h.click(h.widget("share.budget").centre());
    REQUIRE(h.has("share.preview.budget"));
    CHECK(textOf("share.preview.budget").rfind("Budget: approved ", 0) == 0);
    h.click(h.widget("share.budget").centre()); // off again
    CHECK_FALSE(h.has("share.preview.budget"));
    h.click(h.widget("share.pack").centre());
    REQUIRE(h.host.downloads.size() == 1);
    const auto& [name, page] = h.host.downloads.back();
    CHECK(name.size() > 5);
    CHECK(name.substr(name.size() - 5) == ".html");
    REQUIRE_FALSE(p.vendors.empty());
    CHECK(page.find(p.vendors[0].name) == std::string::npos);
    CHECK(page.find("<title>") != std::string::npos);
    // The preview follows the plan: a task added shows in the count at once.
    h.app->document().execute(insertTask(p.tasks.size(), Task{Id::random(), "Client review round 2"}));
    h.frames(2);
    CHECK(textOf("share.preview.holds").rfind(std::to_string(p.tasks.size() - 2) + " tasks (2 marked internal left out), ", 0) == 0);
}
