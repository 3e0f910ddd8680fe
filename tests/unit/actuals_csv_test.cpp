#include "core/actuals_csv.hpp"
#include "core/budget.hpp"
#include "core/json_io.hpp"
#include "helpers.hpp"

#include <fstream>
#include <sstream>

using namespace plotline;
using namespace plotline::test;

namespace {
Project team() {
    Project p = project("2026-03-02");
    addTask(p, "Wireframes", 5 * DAY);
    addTask(p, "Hero video", 5 * DAY);
    p.resources.push_back({Id::random(), "Ana Ruiz", "UX", 9000});
    p.vendors.push_back({Id::random(), "Northlight Studios"});
    return p;
}
} // namespace

TEST_CASE("actuals CSV: hours and amounts, matched by name, costed at the day's rate") {
    Project p = team();
    p.resources[0].billRateChanges = {{d("2026-03-04"), 10000}};
    const std::string csv =
        "date;Hours;Person;Task;Amount;Vendor;Category;Note\n"
        "2026-03-03;7,5;ana ruiz ;Wireframes;;;;workshop\n"
        "3/4/2026;7:30;Ana Ruiz;;;;;\n"
        "2026-03-05;;;Hero video;\"1.250,00\";northlight studios;;NL-118\n"
        "2026-03-05;;;;-12.50;;Software;refund\n"
        ";;;;;;;\n";
    // One decimal mark for the whole file, hours and amounts alike. Separated by semicolons, as
    // spreadsheets save CSV where the decimal mark is a comma: 7,5 hours and 1.250,00 read as such,
    // and -12.50 is refused with its line rather than read as 1,250.
    ActualsImport bad = readActualsCsv(csv, p);
    REQUIRE(!bad.ok());
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].rfind("line 5: Amount \"-12.50\"", 0) == 0);
    CHECK(bad.errors[0].find("write amounts with a decimal comma (12,34)") != std::string::npos);
    CHECK(bad.costs.empty()); // nothing is imported when a row is wrong
    CHECK(bad.hours.empty());
    // Told the file uses points, the commas are the errors instead, each with its line.
    bad = readActualsCsv(csv, p, DecimalMark::Point);
    REQUIRE(bad.errors.size() == 2);
    CHECK(bad.errors[0].rfind("line 2: Hours \"7,5\"", 0) == 0);
    CHECK(bad.errors[1].rfind("line 4: Amount \"1.250,00\"", 0) == 0);

    std::string fixed = csv;
    fixed.replace(fixed.find(";-12.50;"), 8, ";-12,50;");
    ActualsImport ok = readActualsCsv(fixed, p);
    REQUIRE_MESSAGE(ok.ok(), ok.errors[0]);
    REQUIRE(ok.hours.size() == 2);
    CHECK(ok.hours[0].minutes == 450);
    CHECK(ok.hours[0].task == p.tasks[0].id);
    CHECK(ok.hours[0].note == "workshop");
    CHECK(ok.hours[1].date == d("2026-03-04"));
    CHECK(ok.hours[1].task.isNull());
    REQUIRE(ok.costs.size() == 2);
    CHECK(ok.costs[0].amount == 125000);
    CHECK(ok.costs[0].category == CostCategory::Vendor); // a vendor's cost unless a category says otherwise
    CHECK(ok.costs[0].vendor == p.vendors[0].id);
    CHECK(ok.costs[1].amount == -1250);
    CHECK(ok.costs[1].category == CostCategory::Software);

    p.hours = ok.hours;
    p.costs = ok.costs;
    // 7.5 h at 90.00 + 7.5 h at 100.00 + 1,250.00 − 12.50.
    CHECK(actualCostTo(p, d("2026-03-31")) == 67500 + 75000 + 125000 - 1250);
    CHECK(actualCostTo(p, d("2026-03-03")) == 67500);
}

TEST_CASE("actuals CSV errors name the line and the problem") {
    const Project p = team();
    ActualsImport r = readActualsCsv("Date,Hours,Resource,Task\n"
                                     "2026-13-01,8,Ana Ruiz,\n"
                                     "2026-03-02,25,Ana Ruiz,\n"
                                     "2026-03-02,8,Bob,\n"
                                     "2026-03-02,8,,\n"
                                     "2026-03-02,8,Ana Ruiz,Nope\n",
                                     p);
    REQUIRE(r.errors.size() == 5);
    CHECK(r.errors[0] == "line 2: Date \"2026-13-01\" is not a date (YYYY-MM-DD or M/D/YYYY)");
    CHECK(r.errors[1] == "line 3: Hours \"25\" is not a number of hours from 0 to 24 (7.5 or 7:30)");
    CHECK(r.errors[2] == "line 4: no resource named \"Bob\"");
    CHECK(r.errors[3] == "line 5: Hours need a Resource (who worked them)");
    CHECK(r.errors[4] == "line 6: no task named \"Nope\"");
    CHECK(readActualsCsv("ID,Name,Duration\n1,A,1d\n", p).errors.at(0).find("needs a Date column") != std::string::npos);
    CHECK(readActualsCsv("Date,Amount\n", p).errors.at(0) == "the file has no rows of actuals");
    CHECK(looksLikeActualsCsv("Date,Amount,Note\n2026-03-02,10,x\n"));
    CHECK(!looksLikeActualsCsv("ID,Name,Duration,Start\n"));
}

TEST_CASE("actuals written as CSV read back the same (the sample's month of actuals)") {
    std::ifstream f(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json");
    std::stringstream ss;
    ss << f.rdbuf();
    const Result<Project> p = readProjectJson(ss.str());
    REQUIRE(p.ok());
    const std::string csv = writeActualsCsv(*p);
    CHECK(csv.rfind("Date,Hours,Resource,Amount,Category,Task,Vendor,Note", 0) == 0);
    CHECK(looksLikeActualsCsv(csv));
    const ActualsImport back = readActualsCsv(csv, *p);
    REQUIRE_MESSAGE(back.ok(), back.errors.at(0));
    REQUIRE(back.hours.size() == p->hours.size());
    REQUIRE(back.costs.size() == p->costs.size());
    for (size_t i = 0; i < back.hours.size(); ++i) {
        HoursEntry h = back.hours[i];
        h.id = p->hours[i].id;
        h.modified = p->hours[i].modified;
        CHECK(h == p->hours[i]);
    }
    for (size_t i = 0; i < back.costs.size(); ++i) {
        CostEntry c = back.costs[i];
        c.id = p->costs[i].id;
        c.modified = p->costs[i].modified;
        CHECK(c == p->costs[i]);
    }
    CHECK(actualCostTo(*p, Date::fromYmd(2026, 11, 30)) > 0);
}
