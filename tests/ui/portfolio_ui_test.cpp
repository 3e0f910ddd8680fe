// The Portfolio view and the load pane's "All projects", in the real app over the native host.
#include "ui_harness.hpp"

using namespace plotline;
using namespace plotline::ui_test;

namespace {

// A plan starting Wed 4 March 2026 where Ana (by her email) works `units` % on a 3-day task.
std::string plan(const char* hex, const char* name, const char* task, int units, const char* email, const char* client) {
    auto id = [&](int n) { return std::string(hex) + std::to_string(n) + std::string(30, '0'); };
    return nlohmann::json{{"schemaVersion", 4},
                          {"project", {{"id", id(0)}, {"name", name}, {"start", "2026-03-04"}, {"client", client}}},
                          {"tasks", {{{"id", id(1)}, {"name", task}, {"duration", 3 * 480}}, {{"id", id(2)}, {"name", "Launch"}, {"duration", 0}, {"milestone", true}}}},
                          {"links", {{{"id", id(3)}, {"predecessor", id(1)}, {"successor", id(2)}}}},
                          {"resources", {{{"id", id(4)}, {"name", "Ana"}, {"email", email}}}},
                          {"assignments", {{{"id", id(5)}, {"task", id(1)}, {"resource", id(4)}, {"units", units}}}}}
        .dump();
}

nlohmann::json portfolioOf(Harness& h) {
    const auto status = nlohmann::json::parse(h.app->statusJson());
    REQUIRE_MESSAGE(status.contains("portfolio"), "the portfolio view is not shown");
    return status["portfolio"];
}

} // namespace

TEST_CASE("portfolio: every library project on one timeline with its status; filters; a person over-booked only across projects") {
    Harness h("portfolio");
    h.host.fakeNow = int64_t(Date::fromYmd(2026, 3, 5).days) * 86'400'000 + 12 * 3'600'000; // Thursday 5 March 2026
    h.start();
    const std::string sample = h.app->openId();
    h.app->importFile("campaign.json", plan("a", "Campaign", "Copy", 60, "ana@studio.example", "Northwind"));
    h.frames(2);
    const std::string campaign = h.app->openId();
    h.app->importFile("microsite.json", plan("b", "Microsite", "Wireframes", 50, "ANA@studio.example", "Contoso"));
    h.frames(2);
    REQUIRE(h.app->library().projects().size() == 3);

    h.click(h.widget("view.portfolio").centre());
    h.frames(3);
    nlohmann::json p = portfolioOf(h);
    REQUIRE(p["rows"].size() == 3);
    std::map<std::string, std::string> status;
    for (const auto& r : p["rows"]) status[r["name"]] = r["status"];
    CHECK(status["Campaign"] == "Green");
    CHECK(status["Microsite"] == "Green");
    CHECK(status[h.app->library().find(sample)->name] == "Red"); // the sample is over budget and behind
    CHECK(p["rows"][0]["status"] == "Red");                      // red first
    CHECK(h.has("portfolio.row.0.bar"));
    // Expanded: its milestones.
    h.click(h.widget("portfolio.row.1.expand").centre());
    CHECK(h.has("portfolio.row.1.milestone.0"));
    // Ana is at 60 % + 50 % on the same three days: over only when the projects are added up.
    REQUIRE(p["people"].size() == 1);
    CHECK(p["people"][0]["daysOver"] == 3);
    CHECK(p["people"][0]["onlyAcross"] == true);
    h.click(h.widget("portfolio.tab.people").centre());
    CHECK(h.has("portfolio.person.0.over"));
    // The week's list (Monday 2 … Sunday 8 March): both tasks are due on Friday, Ana holds up both launches.
    h.click(h.widget("portfolio.tab.week").centre());
    CHECK(h.has("portfolio.week.due"));
    p = portfolioOf(h);
    const auto& due = p["week"]["due"];
    CHECK(std::find(due.begin(), due.end(), "Campaign / Copy") != due.end());
    CHECK(std::find(due.begin(), due.end(), "Microsite / Wireframes") != due.end());
    REQUIRE(p["week"]["holding"].size() == 1);
    CHECK(p["week"]["holding"][0]["waiting"] == 2);

    // Filter by client: one row.
    h.click(h.widget("portfolio.tab.table").centre());
    h.click(h.widget("portfolio.client").centre());
    h.click(h.widget("portfolio.client.0").centre()); // the clients in order: Contoso, Northwind
    p = portfolioOf(h);
    REQUIRE(p["rows"].size() == 1);
    CHECK(p["rows"][0]["name"] == "Microsite");
    CHECK(p["people"].size() == 1); // the people over every project, whatever is shown
    h.click(h.widget("portfolio.client").centre());
    h.click(h.widget("portfolio.client.all").centre());
    CHECK(portfolioOf(h)["rows"].size() == 3);

    // Clicking a project opens it in the Plan view.
    h.click(h.widget("portfolio.tab.timeline").centre());
    h.frames(2);
    p = portfolioOf(h);
    int row = -1;
    for (size_t i = 0; i < p["rows"].size(); ++i)
        if (p["rows"][i]["name"] == "Campaign") row = int(i);
    REQUIRE(row >= 0);
    h.click(h.widget("portfolio.row." + std::to_string(row)).centre());
    h.frames(3);
    CHECK(h.app->openId() == campaign);
    CHECK(h.app->view() == App::View::Plan);

    // The load pane: Ana alone in this plan is at 60 %; over all projects she is over a full day.
    h.app->showLoad = true;
    h.frames(2);
    CHECK_FALSE(h.has("load.over.0"));
    h.click(h.widget("load.allProjects").centre());
    h.frames(3);
    CHECK(h.has("load.over.0"));
    CHECK(textOf("load.row.0") == "all projects");
    h.click(h.widget("load.allProjects").centre());
    h.frames(2);
    CHECK_FALSE(h.has("load.over.0"));
}

TEST_CASE("client and producer are set in their window as one undoable step; a person's email is checked and kept") {
    Harness h("details");
    h.start();
    h.app->windows().openDetails();
    h.frames(2);
    h.click(h.widget("details.client").centre());
    h.type("Aurora Coffee");
    h.click(h.widget("details.producer").centre());
    h.type("Mara");
    h.click(h.widget("details.done").centre());
    CHECK(h.project().client == "Aurora Coffee");
    CHECK(h.project().producer == "Mara");
    h.app->document().undo();
    CHECK(h.project().client.empty());
    CHECK(h.project().producer.empty());

    h.app->windows().openResources();
    h.frames(2);
    h.click(h.widget("resources.email.0").centre());
    h.type("not an address");
    h.key(ImGuiKey_Enter);
    CHECK(h.project().resources[0].email.empty());
    h.click(h.widget("resources.email.0").centre());
    h.replaceText("ana@studio.example");
    CHECK(h.project().resources[0].email == "ana@studio.example");
}
