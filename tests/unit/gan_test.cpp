// GanttProject files: the two real ones in ../shared/interop and hostile ones.
#include "core/gan.hpp"
#include "core/schedule.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace plotline;
using plotline::test::d;

namespace {

std::string interopFile(const char* name) {
    const std::string dir = PLOTLINE_TEST_INTEROP;
    REQUIRE_MESSAGE(!dir.empty(), "the interoperability samples (../shared/interop) were not found when building");
    std::ifstream f(dir + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), "cannot read " << name);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

const Task& named(const Project& p, std::string_view name) {
    for (const Task& t : p.tasks)
        if (t.name == name) return t;
    FAIL("no task " << name);
    return p.tasks.front();
}

std::vector<std::string> linkTexts(const Project& p) {
    std::vector<std::string> out;
    for (const Link& l : p.links) out.push_back(p.task(l.predecessor)->name + " " + linkTypeName(l.type) + " " + p.task(l.successor)->name + " " + std::to_string(l.lag));
    std::sort(out.begin(), out.end());
    return out;
}

// Every task without subtasks starts on the day the file gives and lasts its working days (read here
// with pugixml, not by the importer); a milestone sits at the start of its day.
void checkFileDates(const std::string& xml, const GanImport& in) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    const Project& p = in.project;
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    size_t checked = 0;
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node t : doc.child("project").child("tasks").children("task")) stack.push_back(t);
    while (!stack.empty()) {
        pugi::xml_node t = stack.back();
        stack.pop_back();
        for (pugi::xml_node c : t.children("task")) stack.push_back(c);
        if (t.child("task")) continue;
        const Task& task = named(p, t.attribute("name").value());
        const size_t i = size_t(&task - p.tasks.data());
        const Date start = d(t.attribute("start").value());
        const int days = t.attribute("duration").as_int();
        CAPTURE(task.name);
        CHECK(task.id == *Id::parse(t.attribute("uid").value()));
        if (days == 0) CHECK(s.tasks[i].start == p.calendar.instantAt(start));
        else {
            CHECK(s.tasks[i].startDate == start);
            CHECK(s.tasks[i].finishDate == p.calendar.workday(p.calendar.workdayIndex(start) + days - 1));
        }
        ++checked;
    }
    CHECK(checked > 0);
}

} // namespace

TEST_CASE("GanttProject 3.3 file with every dependency type (task-with-dependencies.gan)") {
    const std::string xml = interopFile("task-with-dependencies.gan");
    const GanImport in = readGan(xml, "task-with-dependencies.gan");
    REQUIRE(in.ok());
    const Project& p = in.project;
    CHECK(p.name == "project-name");
    CHECK(p.tasks.size() == 5);
    // What ts-ganttproject-parser's own test expects of this file (a lag of -1 day on the FF link).
    CHECK(linkTexts(p) == std::vector<std::string>{"task A SS task B 0", "task B FS task C 0", "task C FF task D -480", "task D SF task E 0"});
    CHECK(p.calendar.holidays() == std::vector<Date>{d("2024-01-03")}); // month counted from 1
    CHECK(p.calendar.workingWeekdays() == 0x1F);
    CHECK(p.start == d("2024-01-02"));
    checkFileDates(xml, in);
    // Task A starts two days after the project without a link holding it: it keeps its date.
    CHECK(named(p, "task A").constraint == Constraint::SNET);
    CHECK(named(p, "task A").constraintDate == d("2024-01-04"));
    CHECK(named(p, "task C").constraint == Constraint::ASAP); // its link brings it to its date
    CHECK(in.notes.empty());
}

TEST_CASE("GanttProject's sample (HouseBuildingSample.gan): nesting, milestones, people, allocations, vacations, notes") {
    const std::string xml = interopFile("HouseBuildingSample.gan");
    const GanImport in = readGan(xml, "HouseBuildingSample.gan");
    REQUIRE(in.ok());
    const Project& p = in.project;
    CHECK(p.name == "HouseBuildingSample"); // the file's name is empty
    CHECK(p.tasks.size() == 20);
    CHECK(p.links.size() == 17);
    CHECK(named(p, "Create draft of architecture").parent == named(p, "Architectural design").id);
    CHECK(named(p, "Create draft of architecture").percentComplete == 100);
    CHECK(named(p, "Bring your family here").milestone);
    CHECK(named(p, "Equipment planning").notes == "Embedded devices, kitchen, washing machine, dryer etc");
    CHECK(std::count_if(p.tasks.begin(), p.tasks.end(), [](const Task& t) { return t.milestone; }) == 4);
    checkFileDates(xml, in);
    CHECK(in.notes.empty());
    REQUIRE(p.resources.size() == 7);
    const Resource& jack = p.resources[0];
    CHECK(jack.name == "Jack House");
    CHECK(jack.role == "Project manager"); // the default role set's role 1
    CHECK(jack.daysOff.size() == 6);       // his vacation 2009-02-02 to 02-09: six working days
    CHECK(p.resources[1].role == "Excavator operator");
    CHECK(p.resources[1].billRate == 500); // 40 a day: 5.00 an hour
    CHECK(p.assignments.size() == 30);
    int half = 0;
    for (const Assignment& a : p.assignments) half += a.units == 50;
    CHECK(half == 4);
}

TEST_CASE("GanttProject: bad and hostile files get a message or import safely") {
    SUBCASE("cut short") {
        const GanImport in = readGan("<?xml version=\"1.0\"?>\n<project name=\"x\">\n<tasks>\n<task id=\"1\" name=\"A\"", "x.gan");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("line 4") != std::string::npos);
    }
    SUBCASE("another XML") {
        const GanImport in = readGan("<Project/>", "x.gan");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("not <project>") != std::string::npos);
    }
    SUBCASE("a name longer than any plan keeps (found by fuzzing: the plan could not be saved and opened again)") {
        const GanImport in = readGan("<project><tasks><task id=\"1\" name=\"" + std::string(1001, 'x') + "\" start=\"2026-01-05\"/></tasks></project>", "x.gan");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("Task 1") != std::string::npos);
        CHECK(in.errors[0].find("longer than 1,000 characters") != std::string::npos);
    }
    SUBCASE("two tasks with one id") {
        const GanImport in = readGan("<project><tasks><task id=\"1\" start=\"2026-01-05\" duration=\"1\"/><task id=\"1\"/></tasks></project>", "x.gan");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("id 1") != std::string::npos);
    }
    SUBCASE("nesting 100,000 deep is refused with its place") {
        std::string xml = "<project><tasks>";
        for (int i = 0; i < 100000; ++i) xml += "<task id=\"" + std::to_string(i) + "\">";
        for (int i = 0; i < 100000; ++i) xml += "</task>";
        xml += "</tasks></project>";
        const GanImport in = readGan(xml, "deep.gan");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("nested more than 256 levels") != std::string::npos);
    }
    SUBCASE("nesting 200 deep, odd numbers, a dependency on nothing") {
        std::string xml = "<project><tasks>";
        for (int i = 0; i < 200; ++i) xml += "<task id=\"" + std::to_string(i) + "\" name=\"T\" start=\"2026-01-05\" duration=\"99999999999\" complete=\"-7\">";
        xml += "<depend id=\"777777\" type=\"9\" difference=\"-99999999999\"/>";
        for (int i = 0; i < 200; ++i) xml += "</task>";
        xml += "</tasks></project>";
        const GanImport in = readGan(xml, "deep.gan");
        REQUIRE(in.ok());
        CHECK(in.project.tasks.size() == 200);
        CHECK(in.project.tasks.back().parent == in.project.tasks[198].id);
        CHECK(in.project.tasks.back().percentComplete == 0);
        CHECK(in.project.links.empty());
        CHECK(std::any_of(in.notes.begin(), in.notes.end(), [](const std::string& n) { return n.find("777777") != std::string::npos; }));
        CHECK(schedule(in.project).ok());
    }
}
