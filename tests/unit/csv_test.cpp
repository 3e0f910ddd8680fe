#include "core/csv.hpp"
#include "core/csv_io.hpp"
#include "core/json_io.hpp"
#include "helpers.hpp"

using namespace plotline;
using namespace plotline::test;

TEST_CASE("CSV quirks: BOM, CRLF, quotes, separators and newlines inside fields") {
    CsvTable t = parseCsv("\xEF\xBB\xBFID,Name\r\n1,\"Hello, \"\"world\"\"\"\r\n2,\"two\nlines\"\r\n\r\n3,last");
    REQUIRE(t.error.empty());
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].fields[0] == "ID");
    CHECK(t.rows[1].fields[1] == "Hello, \"world\"");
    CHECK(t.rows[2].fields[1] == "two\nlines");
    CHECK(t.rows[3].line == 6);
    CHECK(parseCsv("a;b\n1;2").rows[1].fields[1] == "2");
    CHECK(parseCsv("a,b\n\"open").error == "line 2: a quoted field is never closed");
    CHECK(writeCsvRow({"a", "b,c", "say \"hi\"", "x\ny"}) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
}

TEST_CASE("task tables: columns by name in any order, MS Project predecessors, outline and resources") {
    CsvImport in = readTasksCsv(
        "predecessors,% COMPLETE,name,Duration,id,Outline Level,Resource Names,Budget\n"
        ",,Phase,,1,1,,\n"
        ",50%,Design,5d,2,2,Ana,\n"
        "2FS+2d,,Build,4h,3,2,\"Ana[50%],Ben\",\n"
        "\"2SS-1d;3\",,Launch,0d,4,1,,\n");
    REQUIRE(in.ok());
    REQUIRE(in.warnings.size() == 1);
    CHECK(in.warnings[0].find("\"Budget\" ignored") != std::string::npos);
    const Project& p = in.project;
    REQUIRE(p.tasks.size() == 4);
    CHECK(p.tasks[1].parent == p.tasks[0].id);
    CHECK(p.tasks[3].parent.isNull());
    CHECK(p.tasks[1].percentComplete == 50);
    CHECK(p.tasks[2].duration == 4 * HOUR);
    CHECK(p.tasks[3].milestone);
    REQUIRE(p.links.size() == 3);
    CHECK(p.links[0].lag == 2 * DAY);
    CHECK(p.links[1].type == LinkType::SS);
    CHECK(p.links[1].lag == -DAY);
    REQUIRE(p.resources.size() == 2);
    CHECK(p.assignments.size() == 3);
    CHECK(p.assignments[1].units == 50);
}

TEST_CASE("bad rows are reported by line number and nothing is imported") {
    CsvImport in = readTasksCsv(
        "ID,Name,Duration,Start,Predecessors\n"
        "1,Good,5d,2026-03-02,\n"
        "2,\"Multi\nline\",abc,,\n"
        "3,Odd date,1d,2026-02-30,\n"
        "4,Dangling,1d,,9\n");
    CHECK_FALSE(in.ok());
    REQUIRE(in.errors.size() == 3);
    CHECK(in.errors[0] == "line 3: Duration \"abc\" is not a duration (e.g. 5d, 4h, 0d; at most 200 years)");
    CHECK(in.errors[1].rfind("line 5: Start \"2026-02-30\" is not a date", 0) == 0);
    CHECK(in.errors[2] == "line 6: Predecessor 9 is not the ID of any task");
    CHECK(in.project.tasks.empty());
    CHECK_FALSE(readTasksCsv("").ok());
    CHECK(readTasksCsv("ID,Duration\n1,5d\n").errors[0].find("no Name column") != std::string::npos);
    CHECK(readTasksCsv("Name,Outline Level\nA,1\nB,3\n").errors[0].find("skips a level") != std::string::npos);
}

TEST_CASE("export then import keeps tasks, dates, links and ids") {
    Project p = project("2026-03-02");
    Id phase = addTask(p, "Phase, with comma", DAY).id;
    Task a = addTask(p, "Design \"v2\"", 5 * DAY, phase);
    Task b = addTask(p, "Build", 3 * DAY + 4 * HOUR, phase);
    Task& late = addTask(p, "Late start", 2 * DAY);
    late.constraint = Constraint::SNET;
    late.constraintDate = d("2026-04-01");
    Task m = addTask(p, "Go live", 0);
    link(p, a, b, LinkType::FS, 2 * DAY);
    link(p, b, m);
    Schedule s = schedule(p);
    CsvImport back = readTasksCsv(writeTasksCsv(p, s), "Round trip");
    REQUIRE(back.ok());
    Schedule s2 = schedule(back.project);
    REQUIRE(back.project.tasks.size() == p.tasks.size());
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        CAPTURE(i);
        CHECK(back.project.tasks[i].id == p.tasks[i].id);
        CHECK(back.project.tasks[i].name == p.tasks[i].name);
        CHECK(back.project.tasks[i].parent == p.tasks[i].parent);
        CHECK(s2.tasks[i].startDate == s.tasks[i].startDate);
        CHECK(s2.tasks[i].finishDate == s.tasks[i].finishDate);
    }
    CHECK(back.project.links.size() == 2);
    CHECK(back.project.tasks[2].duration == 3 * DAY + 4 * HOUR);
}

TEST_CASE("an undated CSV starts on the importer's day, moved to a working day") {
    using plotline::test::d;
    CsvImport in = readTasksCsv("Name,Duration\nBrief,2d\n", "Undated", d("2026-11-21")); // a Saturday
    REQUIRE(in.ok());
    CHECK(in.project.start == d("2026-11-23"));
    CsvImport dated = readTasksCsv("Name,Start,Duration\nBrief,2026-03-02,2d\n", "Dated", d("2026-11-21"));
    REQUIRE(dated.ok());
    CHECK(dated.project.start == d("2026-03-02")); // a Start in the file wins
}

TEST_CASE("CSV predecessors, table-driven: the four types, leads and lags in days and hours") {
    struct Row { const char* cell; LinkType type; int64_t lag; };
    const Row rows[] = {
        {"1", LinkType::FS, 0},
        {"1FS", LinkType::FS, 0},
        {"1SS", LinkType::SS, 0},
        {"1FF", LinkType::FF, 0},
        {"1SF", LinkType::SF, 0},
        {"1ff", LinkType::FF, 0},
        {"1sf", LinkType::SF, 0},
        {"1FS+2d", LinkType::FS, 2 * DAY},
        {"1FS-2d", LinkType::FS, -2 * DAY},
        {"1SS+4h", LinkType::SS, 4 * HOUR},
        {"1SS-1d", LinkType::SS, -DAY},
        {"1FF+3d", LinkType::FF, 3 * DAY},
        {"1FF-4h", LinkType::FF, -4 * HOUR},
        {"1SF+1d", LinkType::SF, DAY},
        {"1SF-6h", LinkType::SF, -6 * HOUR},
        {"1 FF + 1.5d", LinkType::FF, DAY + 4 * HOUR},
        {"1+2d", LinkType::FS, 2 * DAY},
        {"1-30m", LinkType::FS, -30},
    };
    for (const Row& r : rows) {
        CAPTURE(r.cell);
        const std::string csv = std::string("ID,Name,Duration,Predecessors\n1,A,3d,\n2,B,2d,\"") + r.cell + "\"\n";
        CsvImport in = readTasksCsv(csv);
        REQUIRE(in.ok());
        REQUIRE(in.project.links.size() == 1);
        const Link& l = in.project.links[0];
        CHECK(l.predecessor == in.project.tasks[0].id);
        CHECK(l.successor == in.project.tasks[1].id);
        CHECK(l.type == r.type);
        CHECK(l.lag == r.lag);
    }
    // % complete from a spreadsheet is rounded to the nearest whole percent.
    CsvImport pct = readTasksCsv("Name,Duration,% Complete\nA,1d,33.6%\nB,1d,12.4\nC,1d,99.5%\n");
    REQUIRE(pct.ok());
    CHECK(pct.project.tasks[0].percentComplete == 34);
    CHECK(pct.project.tasks[1].percentComplete == 12);
    CHECK(pct.project.tasks[2].percentComplete == 100);
    for (const char* bad : {"1XX", "1FS2d", "FS", "1FS+", "1FS+2 parsecs", "1F"}) {
        CAPTURE(bad);
        CHECK_FALSE(readTasksCsv(std::string("ID,Name,Duration,Predecessors\n1,A,3d,\n2,B,2d,") + bad + "\n").ok());
    }
}

TEST_CASE("FF and SF links with leads and lags survive JSON -> CSV -> JSON and schedule the same") {
    Project p = project("2026-03-02");
    Task& a = addTask(p, "Design", 5 * DAY);
    Task& b = addTask(p, "Copy", 3 * DAY);
    Task& c = addTask(p, "Review", 2 * DAY);
    Task& e = addTask(p, "Handover", 4 * DAY);
    Task& f = addTask(p, "Launch", 2 * DAY);
    link(p, a, b, LinkType::FF, 2 * DAY);
    link(p, a, c, LinkType::SF, -4 * HOUR);
    link(p, b, e, LinkType::SS, DAY);
    link(p, c, f, LinkType::FS, -DAY);
    link(p, e, f, LinkType::SF, 3 * DAY);
    const Project json = *readProjectJson(writeProjectJson(p));
    const Schedule before = schedule(json);
    CsvImport back = readTasksCsv(writeTasksCsv(json, before), "Back", json.start);
    REQUIRE(back.ok());
    REQUIRE(back.project.links.size() == p.links.size());
    for (size_t k = 0; k < p.links.size(); ++k) {
        CAPTURE(k);
        CHECK(back.project.links[k].type == p.links[k].type);
        CHECK(back.project.links[k].lag == p.links[k].lag);
        CHECK(back.project.links[k].predecessor == p.links[k].predecessor); // ids travel in the Plotline ID column
        CHECK(back.project.links[k].successor == p.links[k].successor);
    }
    const Schedule after = schedule(back.project);
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        CAPTURE(p.tasks[i].name);
        CHECK(after.tasks[i].startDate == before.tasks[i].startDate);
        CHECK(after.tasks[i].finishDate == before.tasks[i].finishDate);
    }
    // By hand: Copy finishes 2 days after Design (Fri 6 + 2 = Tue 10), so runs Fri 6 – Tue 10.
    CHECK(before.tasks[1].startDate == d("2026-03-06"));
    CHECK(before.tasks[1].finishDate == d("2026-03-10"));
    // Review finishes half a day before Design starts, at least not before the project start.
    CHECK(before.tasks[2].startDate == d("2026-03-02"));
}

TEST_CASE("CSV tasks: the limits of the JSON reader, so nothing read here is refused once written") {
    auto read = [](const std::string& row) { return readTasksCsv("ID,Name,Duration,% Complete\n" + row + "\n"); };
    CHECK(read("1,A,5d,nan").errors.size() == 1); // not INT_MIN
    CHECK(read("1,A,5d,inf").errors.size() == 1);
    CHECK(read("1,A,5d,-0.4").errors.size() == 1);
    CHECK(read("1,A,700000000d,0").errors.size() == 1); // 700 million days
    CHECK(read("1,A,1000000000000m,0").errors.size() == 1);
    CHECK(read("1,A,36500d,0").ok()); // 100 years: long, but within the limit
    CHECK(readTasksCsv("ID,Name,Duration,Predecessors\n1,A,1d,\n2,B,1d,1FS+99999999d\n").errors.size() == 1);
}

TEST_CASE("CSV exports neutralise cells a spreadsheet would run as formulas, and imports read them back") {
    Project p;
    p.name = "Injection";
    p.start = Date::fromYmd(2026, 11, 2);
    for (const char* name : {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tTab", "Plain"}) {
        Task t;
        t.id = Id::random();
        t.name = name;
        t.duration = 480;
        t.notes = std::string("=") + name;
        p.tasks.push_back(t);
    }
    const std::string csv = writeTasksCsv(p, schedule(p));
    for (const CsvRow& row : parseCsv(csv).rows) {
        if (row.line == 1) continue;
        for (size_t c : {size_t(1), size_t(10)}) {
            REQUIRE(c < row.fields.size());
            const char first = row.fields[c].empty() ? ' ' : row.fields[c][0];
            CHECK_MESSAGE(std::string("=+-@\t\r").find(first) == std::string::npos, row.fields[c]);
        }
    }
    const CsvImport back = readTasksCsv(csv);
    REQUIRE(back.ok());
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        CHECK(back.project.tasks[i].name == p.tasks[i].name);
        CHECK(back.project.tasks[i].notes == p.tasks[i].notes);
    }
}
