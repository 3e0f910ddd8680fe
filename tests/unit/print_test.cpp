// Printing (Ctrl+P): the page of SVG sheets the browser prints.
#include "core/files.hpp"
#include "core/json_io.hpp"
#include "core/print.hpp"
#include "core/report.hpp"
#include "helpers.hpp"

#include <regex>

using namespace plotline;
using namespace plotline::test;

namespace {

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

} // namespace

TEST_CASE("the printed sample: two landscape sheets, every task once, every bar inside the chart") {
    const Project p = *readProjectJson(*readWholeFile(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
    const Schedule s = schedule(p);
    PrintOptions o;
    o.today = d("2026-12-02");
    const std::string page = printPage(p, s, o);
    CHECK(page.find("@page { size: A4 landscape;") != std::string::npos);
    CHECK(printPages(p.tasks.size()) == 2);
    CHECK(count(page, "<section class=\"sheet\">") == 2);
    CHECK(page.find("page 2 of 2") != std::string::npos);
    for (const Task& t : p.tasks) CHECK_MESSAGE(page.find(">" + escapeHtml(t.name) + "</text>") != std::string::npos, t.name);
    // Bars (task bars, summaries, milestones' diamonds) within the chart's part of the 1000-unit sheet.
    const std::regex bar(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="9" rx="1.5" class="(bar|crit)")re");
    int bars = 0;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), bar); it != std::sregex_iterator(); ++it) {
        const double x = std::stod((*it)[1]), w = std::stod((*it)[2]);
        CHECK(x >= 470);
        CHECK(x + w <= 997);
        ++bars;
    }
    CHECK(bars > 20);
    // Today's red line on each sheet when the plan spans it; none when it does not.
    REQUIRE(s.start <= *o.today);
    REQUIRE(*o.today <= s.finish);
    CHECK(count(page, "class=\"today\"") == 2);
    o.today = s.finish + 30;
    CHECK(count(printPage(p, s, o), "class=\"today\"") == 0);
}

TEST_CASE("printing shows only the rows given, escapes names, and marks the critical path when asked") {
    Project p = project("2026-11-02");
    Task& a = addTask(p, "Brief <script>alert(1)</script>", 2 * DAY);
    Task& b = addTask(p, "Design & build", 3 * DAY);
    addTask(p, "Not shown", 1 * DAY);
    link(p, a, b);
    const Schedule s = schedule(p);
    PrintOptions o;
    o.rows = {0, 1};
    o.critical = true;
    o.today = d("2026-11-03");
    const std::string page = printPage(p, s, o);
    CHECK(page.find("<script>") == std::string::npos);
    CHECK(page.find("Brief &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("Design &amp; build") != std::string::npos);
    CHECK(page.find("Not shown") == std::string::npos);
    CHECK(page.find("2 tasks") != std::string::npos);
    CHECK(count(page, "class=\"crit\"") == 2);        // both on the critical path
    CHECK(count(page, "class=\"link\"") == 2);        // the link's line and its arrow head
    CHECK(count(page, "class=\"today\"") == 1);       // within the plan
    o.critical = false;
    CHECK(count(printPage(p, s, o), "class=\"crit\"") == 0);
}

TEST_CASE("a sheet fits the paper: its width and height within the printable area, whatever the rows") {
    for (const bool letter : {false, true}) {
        Project p = project("2026-11-02");
        for (int i = 0; i < 70; ++i) addTask(p, "Task", DAY);
        PrintOptions o;
        o.letter = letter;
        const std::string page = printPage(p, schedule(p), o);
        CHECK(count(page, "<section class=\"sheet\">") == 3);
        std::smatch m;
        REQUIRE(std::regex_search(page, m, std::regex(R"re(svg \{ display: block; width: ([0-9.]+)mm)re")));
        const double widthMm = std::stod(m[1]);
        REQUIRE(std::regex_search(page, m, std::regex(R"re(viewBox="0 0 1000 ([0-9.]+)")re")));
        const double heightMm = widthMm * std::stod(m[1]) / 1000;
        CHECK(widthMm <= (letter ? 259.4 : 277));
        CHECK(heightMm + 12 <= (letter ? 195.9 : 190)); // under a title line
        CHECK(widthMm > 200);                              // and not needlessly small
    }
}
