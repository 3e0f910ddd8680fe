// The portfolio: one row per project with the report's status rule, overdue work for plans without a
// budget, the next milestone, and red first.
#include "core/portfolio.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace plotline;
using namespace plotline::test;

TEST_CASE("portfolio: status, span, progress and next milestone per project, red first") {
    // Due and done: green, its next milestone ahead.
    Project ahead = project("2026-03-02");
    ahead.name = "Ahead";
    Task& a1 = addTask(ahead, "Brief", 2 * DAY);
    a1.percentComplete = 100;
    Task& a2 = addTask(ahead, "Build", 8 * DAY);
    Task& am = addTask(ahead, "Launch", 0);
    link(ahead, a1, a2);
    link(ahead, a2, am);
    // Overdue work and a late milestone, without a budget: amber, with both reasons.
    Project late = project("2026-02-02");
    late.name = "Late";
    Task& l1 = addTask(late, "Design", 5 * DAY);
    l1.percentComplete = 40;
    Task& lm = addTask(late, "Sign-off", 0);
    link(late, l1, lm);
    // A cycle: it cannot schedule, so it is red and says why.
    Project broken = project("2026-03-02");
    broken.name = "Broken";
    Task& b1 = addTask(broken, "A", DAY);
    Task& b2 = addTask(broken, "B", DAY);
    link(broken, b1, b2);
    link(broken, b2, b1);

    const Date today = d("2026-03-04");
    const auto rows = portfolio({&ahead, &late, &broken}, today);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].name == "Broken");
    CHECK(rows[0].rag == Rag::Red);
    CHECK_FALSE(rows[0].scheduled);
    CHECK(rows[0].reasons.at(0).find("does not schedule") != std::string::npos);

    CHECK(rows[1].name == "Late");
    CHECK(rows[1].rag == Rag::Amber);
    CHECK(rows[1].start == d("2026-02-02"));
    CHECK(rows[1].finish == d("2026-02-06"));
    CHECK(rows[1].percentComplete == 40);
    REQUIRE(rows[1].nextMilestone);
    CHECK(rows[1].nextMilestone->name == "Sign-off");
    CHECK(rows[1].nextMilestone->late);
    CHECK(rows[1].lateMilestones == 1);
    const auto has = [&](const PortfolioRow& r, const char* part) {
        return std::any_of(r.reasons.begin(), r.reasons.end(), [&](const std::string& x) { return x.find(part) != std::string::npos; });
    };
    CHECK(has(rows[1], "Milestone \"Sign-off\" was due 2026-02-06"));
    CHECK(has(rows[1], "1 task was due by 2026-03-04 and is not done"));

    CHECK(rows[2].name == "Ahead");
    CHECK(rows[2].rag == Rag::Green);
    CHECK(rows[2].reasons.empty());
    CHECK(rows[2].percentComplete == 20); // 2 of 10 days done
    CHECK(rows[2].tasks == 3);
    REQUIRE(rows[2].nextMilestone);
    CHECK(rows[2].nextMilestone->date == d("2026-03-13"));
    CHECK_FALSE(rows[2].nextMilestone->late);

    // A project's own status date wins over the day asked for.
    late.statusDate = d("2026-02-03");
    const auto earlier = portfolio({&late}, today);
    CHECK(earlier[0].rag == Rag::Green);
    CHECK(earlier[0].statusDate == d("2026-02-03"));

    // The same rows as a document and as JSON.
    const ReportDoc doc = portfolioDoc(rows, today);
    CHECK(doc.subtitle == "3 projects as of 2026-03-04: 1 red, 1 amber, 1 green");
    REQUIRE(doc.sections.at(0).table.rows.size() == 3);
    CHECK(doc.sections[0].table.rows[2][5] == "Launch 2026-03-13");
    const auto j = nlohmann::json::parse(portfolioJson(rows, today));
    CHECK(j["projects"].size() == 3);
    CHECK(j["projects"][1]["status"] == "Amber");
    CHECK(j["projects"][0]["error"].get<std::string>().find("cycle") != std::string::npos);
}
