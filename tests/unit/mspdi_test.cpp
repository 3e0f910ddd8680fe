// Microsoft Project XML: the real files in ../shared/interop (MS Project 2007 and MPXJ), a fixture
// with one of each construct, the round trip through Plotline, the schema's element order, bad files.
#include "core/gan.hpp"
#include "core/json_io.hpp"
#include "core/mspdi.hpp"
#include "core/schedule.hpp"
#include "core/synthetic.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

using namespace plotline;
using plotline::test::d;

namespace {

std::string readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), "cannot read " << path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string interop(const char* name) {
    const std::string dir = PLOTLINE_TEST_INTEROP;
    REQUIRE_MESSAGE(!dir.empty(), "the interoperability samples (../shared/interop) were not found when building");
    return readAll(dir + "/" + name);
}

const Task& named(const Project& p, const char* name) {
    for (const Task& t : p.tasks)
        if (t.name == name) return t;
    FAIL("no task " << name);
    return p.tasks.front();
}
size_t rowOf(const Project& p, const char* name) { return size_t(&named(p, name) - p.tasks.data()); }

bool hasNote(const MspdiImport& in, const std::string& part) {
    return std::any_of(in.notes.begin(), in.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

std::string linkText(const Project& p, const Link& l) {
    auto name = [&](Id id) { return p.task(id)->name; };
    return name(l.predecessor) + " " + linkTypeName(l.type) + " " + name(l.successor) + " " + std::to_string(l.lag);
}
std::vector<std::string> linkTexts(const Project& p) {
    std::vector<std::string> out;
    for (const Link& l : p.links) out.push_back(linkText(p, l));
    std::sort(out.begin(), out.end());
    return out;
}

// The dates the file states for each task (by name), read here with pugixml, not by the importer:
// MS Project writes a day's work as 08:00 to 17:00 of that day, and a finish at 08:00 is the end of
// the working day before (these files have Monday-to-Friday calendars without holidays).
std::map<std::string, std::pair<std::string, std::string>> statedDates(const std::string& xml) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    std::map<std::string, std::pair<std::string, std::string>> out;
    for (pugi::xml_node t : doc.child("Project").child("Tasks").children("Task")) {
        if (std::string(t.child_value("OutlineLevel")) == "0" || std::string(t.child_value("IsNull")) == "1") continue;
        const std::string start = t.child_value("Start"), finish = t.child_value("Finish");
        Date f = d(finish.substr(0, 10).c_str());
        if (finish.substr(11) == "08:00:00" && start != finish)
            do f = f - 1;
            while (f.weekday() >= 5);
        out[t.child_value("Name")] = {start.substr(0, 10), f.str()};
    }
    return out;
}

// Every task schedules to the dates the file states, but the ones named (which the notes must name).
void checkStatedDates(const std::string& xml, const MspdiImport& in, std::vector<std::string> differing = {}) {
    const auto stated = statedDates(xml);
    const Schedule s = schedule(in.project);
    REQUIRE(s.ok());
    size_t compared = 0;
    for (size_t i = 0; i < in.project.tasks.size(); ++i) {
        const Task& t = in.project.tasks[i];
        auto it = stated.find(t.name);
        REQUIRE(it != stated.end());
        const bool expectDiffer = std::find(differing.begin(), differing.end(), t.name) != differing.end();
        const bool same = s.tasks[i].startDate.str() == it->second.first && s.tasks[i].finishDate.str() == it->second.second;
        CHECK_MESSAGE(same != expectDiffer, t.name << ": file " << it->second.first << " to " << it->second.second << ", Plotline "
                                                   << s.tasks[i].startDate.str() << " to " << s.tasks[i].finishDate.str());
        if (expectDiffer) CHECK_MESSAGE(hasNote(in, "\"" + t.name + "\": the file has"), t.name);
        ++compared;
    }
    CHECK(compared == stated.size());
}

} // namespace

TEST_CASE("MS Project 2007 file (mspdirelations.xml): the four link types, lags, and the file's dates") {
    const std::string xml = interop("mspdirelations.xml");
    const MspdiImport in = readMspdi(xml, "mspdirelations.xml");
    REQUIRE(in.ok());
    const Project& p = in.project;
    CHECK(p.tasks.size() == 5);
    CHECK(p.start == d("2006-09-21"));
    CHECK(p.currency == "GBP");
    CHECK(p.calendar.workingWeekdays() == 0x1F);
    CHECK(p.calendar.minutesPerDay == 480);
    CHECK(p.calendar.dayStart == 8 * 60);
    // What MPXJ's own test expects of this file, and the SF link after it.
    CHECK(linkTexts(p) == std::vector<std::string>{"Task 1 FS Task 2 0", "Task 2 SS Task 3 480", "Task 3 FF Task 4 0", "Task 4 SF Task 5 0"});
    checkStatedDates(xml, in);
    CHECK(in.notes.empty());
}

TEST_CASE("MS Project 2007 file with blank rows (mspdinulltasks.xml): blank rows skipped, outline kept") {
    const std::string xml = interop("mspdinulltasks.xml");
    const MspdiImport in = readMspdi(xml, "mspdinulltasks.xml");
    REQUIRE(in.ok());
    const Project& p = in.project;
    REQUIRE(p.tasks.size() == 5);
    CHECK(p.tasks[1].parent == p.tasks[0].id);
    CHECK(p.tasks[2].parent == p.tasks[0].id);
    CHECK(p.tasks[3].parent.isNull());
    CHECK(p.tasks[4].parent == p.tasks[3].id);
    checkStatedDates(xml, in);
    // The file's day is 7.5 h while its calendar works 8 h: said, durations read in hours.
    CHECK(hasNote(in, "counts a day as 7h 30m"));
}

TEST_CASE("MPXJ-written file (sample1.xml): outline, links with lags, rates, units, deadlines, notes") {
    const std::string xml = interop("sample1.xml");
    const MspdiImport in = readMspdi(xml, "sample1.xml");
    REQUIRE(in.ok());
    const Project& p = in.project;
    CHECK(p.name == "MPXJ Sample");
    CHECK(p.tasks.size() == 22);
    CHECK(linkTexts(p) == std::vector<std::string>{"Related Task 1a FS Related Task 1b 0", "Related Task 2a FS Related Task 2b 480",
                                                   "Related Task 3a FS Related Task 3b -480", "Related Task 4a SS Related Task 4b 0",
                                                   "Related Task 5a FF Related Task 5b 0", "Related Task 6a SF Related Task 6b 0"});
    CHECK(named(p, "Second Task").parent == named(p, "First Task").id);
    CHECK(named(p, "Second Task").duration == 800 * 60);
    CHECK(named(p, "Third task").milestone);
    CHECK(named(p, "First Task").notes == "Test Task Notes");
    CHECK(named(p, "Second Task").deadline == d("2003-03-17")); // 2003-03-18T08:00: the end of the 17th
    REQUIRE(p.resources.size() == 2);
    CHECK(p.resources[0].name == "First Resource");
    CHECK(p.resources[0].billRate == 1000); // 10 an hour, in cents
    CHECK(p.resources[1].billRate == 500);
    std::vector<int> units;
    for (const Assignment& a : p.assignments) units.push_back(a.units);
    CHECK(units == std::vector<int>{50, 75, 100, 100});
    // Second Task's stored duration (800 h) disagrees with its stored dates (400 h apart): the duration
    // wins and both it and its summary are named. Every other task schedules to the file's dates.
    checkStatedDates(xml, in, {"First Task", "Second Task"});
    CHECK(hasNote(in, "Resource \"Second Resource\": works other hours"));
}

TEST_CASE("MSPDI constructs: what is carried, and each approximation said per task") {
    const std::string xml = readAll(std::string(PLOTLINE_TEST_FIXTURES) + "/mspdi-constructs.xml");
    const MspdiImport in = readMspdi(xml, "constructs.xml");
    REQUIRE(in.ok());
    const Project& p = in.project;
    CHECK(p.name == "Constructs");
    CHECK(p.currency == "USD");
    CHECK(p.statusDate == d("2026-03-13"));
    // Holidays from both forms of exception (2007 WeekDay, 2010 Exceptions); a recurring one is said.
    CHECK(p.calendar.holidays() == std::vector<Date>{d("2026-03-06"), d("2026-03-16"), d("2026-03-17")});
    CHECK(hasNote(in, "recurring exceptions"));
    CHECK(p.tasks.size() == 13); // the project's own row and the blank row are not tasks
    CHECK(named(p, "Elapsed").parent == named(p, "Phase").id);
    CHECK(named(p, "Elapsed").duration == 48 * 60 * (5 * 480) / (7 * 1440)); // two calendar days of 8-hour, 5-day weeks
    CHECK(hasNote(in, "Task 2 \"Elapsed\": its elapsed duration became"));
    CHECK(named(p, "Manual").constraint == Constraint::MSO);
    CHECK(named(p, "Manual").constraintDate == d("2026-03-04"));
    CHECK(hasNote(in, "Task 3 \"Manual\": manually scheduled"));
    CHECK(named(p, "ALAP").constraint == Constraint::ASAP);
    CHECK(hasNote(in, "Task 4 \"ALAP\": \"as late as possible\""));
    CHECK(named(p, "MFO").constraint == Constraint::MSO);
    CHECK(named(p, "MFO").constraintDate == d("2026-03-12"));
    CHECK(named(p, "FNET").constraint == Constraint::SNET);
    CHECK(hasNote(in, "Task 7 \"SNLT\": \"start no later than 2026-03-20\""));
    CHECK(named(p, "SNET").constraint == Constraint::SNET);
    CHECK(named(p, "SNET").constraintDate == d("2026-03-09"));
    CHECK(named(p, "FNLT").constraint == Constraint::FNLT);
    CHECK(named(p, "FNLT").constraintDate == d("2026-03-20"));
    CHECK(!hasNote(in, "\"SNET\":"));
    const Task& facts = named(p, "Facts");
    CHECK(facts.deadline == d("2026-03-25"));
    CHECK(facts.percentComplete == 50);
    CHECK(facts.actualStart == d("2026-03-02"));
    CHECK(facts.notes == "Line one\nLine two & more <tags>");
    REQUIRE(p.budgetLines.size() == 1); // the fixed cost: 1,250.50 (MSPDI writes hundredths)
    CHECK(p.budgetLines[0].amount == 125050);
    CHECK(p.budgetLines[0].task == facts.id);
    CHECK(named(p, "Levelled").constraint == Constraint::SNET);
    CHECK(named(p, "Levelled").constraintDate == d("2026-03-05"));
    CHECK(hasNote(in, "Task 12 \"Own calendar\": has its own calendar \"Ana\""));
    CHECK(named(p, "Done").milestone);
    // Links: LinkLag in tenths of a minute; a 50 % lag is half the predecessor's day; links to missing
    // tasks and to other projects are left out and said (a link given twice is kept as given).
    CHECK(linkTexts(p) == std::vector<std::string>{"Elapsed FS ALAP 0", "Elapsed FS ALAP 0", "Elapsed FS SNET 480", "FNLT FF Done 0", "SNET SF Facts -480",
                                                   "SNET SS FNLT 240"});
    CHECK(hasNote(in, "UID 999, which is not in the file"));
    CHECK(hasNote(in, "in another project"));
    CHECK(hasNote(in, "50 % lag"));
    // Baselines 0 and 3, by MS Project's names.
    REQUIRE(p.baselines.size() == 2);
    CHECK(p.baselines[0].name == "Baseline");
    CHECK(p.baselines[0].tasks == std::vector<BaselineTask>{{named(p, "SNET").id, d("2026-03-09"), d("2026-03-09")}});
    CHECK(p.baselines[1].name == "Baseline 3");
    CHECK(p.baselines[1].tasks.size() == 2);
    // People: the material resource left out; rate tables A and B over time; the calendar's days off.
    REQUIRE(p.resources.size() == 1);
    const Resource& ana = p.resources[0];
    CHECK(ana.name == "Ana");
    CHECK(ana.role == "Design");
    CHECK(ana.billRate == 9500);
    CHECK(ana.billRateChanges == std::vector<RateChange>{{d("2026-04-01"), 10550}});
    CHECK(ana.costRate == 6000);
    CHECK(std::binary_search(ana.daysOff.begin(), ana.daysOff.end(), d("2026-03-10")));  // her exception
    CHECK(std::binary_search(ana.daysOff.begin(), ana.daysOff.end(), d("2026-03-04")));  // Wednesdays
    CHECK(!std::binary_search(ana.daysOff.begin(), ana.daysOff.end(), d("2026-03-03")));
    CHECK(hasNote(in, "Resource \"Paper\": a material resource"));
    std::vector<std::pair<std::string, int>> as;
    for (const Assignment& a : p.assignments) as.push_back({p.task(a.task)->name, a.units});
    CHECK(as == std::vector<std::pair<std::string, int>>{{"SNET", 50}, {"Facts", 100}});
}

TEST_CASE("Plotline → MSPDI → Plotline keeps everything MSPDI carries, and the dates") {
    Result<Project> read = readProjectJson(readAll(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
    REQUIRE(read);
    const Project& a = *read;
    const Schedule sa = schedule(a);
    const std::string xml = writeMspdi(a, sa);
    const MspdiImport in = readMspdi(xml, "x.xml");
    REQUIRE(in.ok());
    CHECK(in.notes.empty()); // nothing approximated, every date as stated
    const Project& b = in.project;
    CHECK(b.id == a.id);
    CHECK(b.name == a.name);
    CHECK(b.currency == a.currency);
    CHECK(b.start == a.start);
    CHECK(b.statusDate == a.statusDate);
    CHECK(b.calendar == a.calendar);
    REQUIRE(b.tasks.size() == a.tasks.size());
    for (size_t i = 0; i < a.tasks.size(); ++i) {
        const Task &x = a.tasks[i], &y = b.tasks[i];
        CAPTURE(x.name);
        CHECK(y.id == x.id);
        CHECK(y.name == x.name);
        CHECK(y.parent == x.parent);
        CHECK(y.constraint == x.constraint);
        CHECK(y.constraintDate == x.constraintDate);
        CHECK(y.deadline == x.deadline);
        CHECK(y.actualStart == x.actualStart);
        CHECK(y.actualFinish == x.actualFinish);
        CHECK(y.notes == x.notes);
        if (!sa.tasks[i].summary) {
            CHECK(y.duration == x.duration);
            CHECK(y.milestone == x.milestone);
            CHECK(y.percentComplete == x.percentComplete);
        }
    }
    CHECK(linkTexts(b) == linkTexts(a));
    REQUIRE(b.resources.size() == a.resources.size());
    for (size_t i = 0; i < a.resources.size(); ++i) {
        const Resource &x = a.resources[i], &y = b.resources[i];
        CAPTURE(x.name);
        CHECK(y.id == x.id);
        CHECK(y.name == x.name);
        CHECK(y.role == x.role);
        CHECK(y.billRate == x.billRate);
        CHECK(y.billRateChanges == x.billRateChanges);
        if (x.costRate.value_or(0) != 0) CHECK(y.costRate == x.costRate); // a zero cost reads as unknown
        CHECK(y.costRateChanges == x.costRateChanges);
        CHECK(y.daysOff == x.daysOff);
    }
    auto assignments = [](const Project& p) {
        std::vector<std::tuple<std::string, std::string, int>> out;
        for (const Assignment& s : p.assignments) out.push_back({p.task(s.task)->name, p.resources[size_t(p.resourceIndex(s.resource))].name, s.units});
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(assignments(b) == assignments(a));
    REQUIRE(b.baselines.size() == a.baselines.size());
    for (size_t k = 0; k < a.baselines.size(); ++k) CHECK(b.baselines[k].tasks == a.baselines[k].tasks);
    auto fixedCosts = [](const Project& p) {
        std::map<Id, int64_t> out;
        for (const BudgetLine& l : p.budgetLines)
            if (!l.task.isNull() && l.vendor.isNull() && l.changeRequest.isNull()) out[l.task] += l.amount;
        return out;
    };
    CHECK(!fixedCosts(a).empty());
    CHECK(fixedCosts(b) == fixedCosts(a));
    const Schedule sb = schedule(b);
    REQUIRE(sb.tasks.size() == sa.tasks.size());
    for (size_t i = 0; i < sa.tasks.size(); ++i) {
        CAPTURE(a.tasks[i].name);
        CHECK(sb.tasks[i].start == sa.tasks[i].start);
        CHECK(sb.tasks[i].finish == sa.tasks[i].finish);
    }
}

TEST_CASE("MSPDI export writes each element in the order of Microsoft's schema") {
    // The sequences of the MSPDI schema (mspdi_pj12.xsd / pj14), for the elements Plotline writes.
    const std::vector<std::string> project = {"SaveVersion", "Name", "GUID", "Title", "Company", "Manager", "ScheduleFromStart", "StartDate", "FinishDate",
                                              "CurrencyDigits", "CurrencyCode", "CalendarUID", "DefaultStartTime",
                                              "DefaultFinishTime", "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth", "DurationFormat",
                                              "StatusDate", "ProjectExternallyEdited", "Calendars", "Tasks", "Resources", "Assignments"};
    const std::vector<std::string> task = {"UID", "GUID", "ID", "Name", "Type", "IsNull", "WBS", "OutlineNumber", "OutlineLevel", "Start",
                                           "Finish", "Duration", "DurationFormat", "Milestone", "Summary", "FixedCost",
                                           "FixedCostAccrual", "PercentComplete", "ActualStart", "ActualFinish", "ConstraintType",
                                           "CalendarUID", "ConstraintDate", "Deadline", "Notes", "PredecessorLink", "Baseline"};
    const std::vector<std::string> resource = {"UID", "GUID", "ID", "Name", "Type", "IsNull", "Group", "EmailAddress", "MaxUnits", "StandardRate",
                                               "StandardRateFormat", "CalendarUID", "Rates"};
    const std::vector<std::string> calendar = {"UID", "Name", "IsBaseCalendar", "IsBaselineCalendar", "BaseCalendarUID", "WeekDays"};
    const std::vector<std::string> link = {"PredecessorUID", "Type", "CrossProject", "LinkLag", "LagFormat"};
    const std::vector<std::string> assignment = {"UID", "TaskUID", "ResourceUID", "Units"};
    auto inOrder = [](pugi::xml_node n, const std::vector<std::string>& order) {
        int last = -1;
        for (pugi::xml_node c : n.children()) {
            auto it = std::find(order.begin(), order.end(), c.name());
            if (it == order.end()) return std::string("unexpected <") + c.name() + ">";
            const int at = int(it - order.begin());
            if (at < last) return std::string("<") + c.name() + "> after <" + order[size_t(last)] + ">";
            last = at;
        }
        return std::string();
    };
    Result<Project> read = readProjectJson(readAll(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
    REQUIRE(read);
    read->client = "Northwind Retail";
    read->producer = "Mara Lind";
    read->resources.at(0).email = "ana@studio.example";
    const std::string xml = writeMspdi(*read, schedule(*read));
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    pugi::xml_node root = doc.child("Project");
    CHECK(std::string(root.child_value("Company")) == "Northwind Retail");
    CHECK(std::string(root.attribute("xmlns").value()) == "http://schemas.microsoft.com/project");
    CHECK(inOrder(root, project) == "");
    size_t tasks = 0, links = 0, baselines = 0;
    for (pugi::xml_node t : root.child("Tasks").children("Task")) {
        CHECK(inOrder(t, task) == "");
        for (pugi::xml_node l : t.children("PredecessorLink")) {
            CHECK(inOrder(l, link) == "");
            ++links;
        }
        baselines += size_t(std::distance(t.children("Baseline").begin(), t.children("Baseline").end()));
        ++tasks;
    }
    CHECK(tasks == read->tasks.size() + 1); // with the project's own row, UID 0
    CHECK(links == read->links.size());
    CHECK(baselines > 0);
    for (pugi::xml_node r : root.child("Resources").children("Resource")) CHECK(inOrder(r, resource) == "");
    for (pugi::xml_node c : root.child("Calendars").children("Calendar")) CHECK(inOrder(c, calendar) == "");
    for (pugi::xml_node a : root.child("Assignments").children("Assignment")) CHECK(inOrder(a, assignment) == "");
}

TEST_CASE("MSPDI: a 10k-task plan round-trips with the same schedule") {
    Project p = syntheticProject(10000, 7);
    addSyntheticTeam(p, 40, 7);
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    const MspdiImport in = readMspdi(writeMspdi(p, s), "big.xml");
    REQUIRE(in.ok());
    CHECK(in.notes.empty());
    REQUIRE(in.project.tasks.size() == p.tasks.size());
    CHECK(in.project.links.size() == p.links.size());
    CHECK(in.project.assignments.size() == p.assignments.size());
    const Schedule s2 = schedule(in.project);
    REQUIRE(s2.ok());
    CHECK(s2.finish == s.finish);
    size_t same = 0;
    for (size_t i = 0; i < s.tasks.size(); ++i) same += s2.tasks[i].start == s.tasks[i].start && s2.tasks[i].finish == s.tasks[i].finish;
    CHECK(same == s.tasks.size());
}

TEST_CASE("MSPDI: bad files get a message with the place of the fault, and nothing is imported") {
    SUBCASE("not XML") {
        const MspdiImport in = readMspdi("<Project>\n  <Tasks>\n    <Task><UID>1</Task>\n", "x.xml");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("line 3") != std::string::npos);
        CHECK(in.project.tasks.empty());
    }
    SUBCASE("another XML") {
        const MspdiImport in = readMspdi("<?xml version=\"1.0\"?><project><tasks/></project>", "x.xml");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("not <Project>") != std::string::npos);
        CHECK(!looksLikeMspdi("<?xml version=\"1.0\"?><project/>"));
        CHECK(looksLikeMspdi("<?xml version=\"1.0\"?>\n<!-- c -->\n<Project xmlns=\"http://schemas.microsoft.com/project\">"));
    }
    SUBCASE("no start date") {
        const MspdiImport in = readMspdi("<Project><Tasks/></Project>", "x.xml");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("StartDate") != std::string::npos);
    }
    SUBCASE("an outline 300 levels deep") {
        const MspdiImport in = readMspdi("<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>1</UID>"
                                         "<OutlineLevel>300</OutlineLevel></Task></Tasks></Project>",
                                         "x.xml");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("300 levels deep") != std::string::npos);
    }
    SUBCASE("notes longer than any plan keeps") {
        const MspdiImport in = readMspdi("<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>A</Name><Notes>" +
                                             std::string(100001, 'n') + "</Notes></Task></Tasks></Project>",
                                         "x.xml");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("its note is longer than 100,000 characters") != std::string::npos);
    }
    SUBCASE("a task without a UID") {
        const MspdiImport in = readMspdi("<Project><StartDate>2026-01-05T08:00:00</StartDate>\n<Tasks>\n  <Task><Name>A</Name></Task></Tasks></Project>", "x.xml");
        REQUIRE(!in.ok());
        CHECK(in.errors[0] == "A task at line 3, column 3 has no UID.");
    }
    SUBCASE("two tasks with one UID") {
        const MspdiImport in = readMspdi("<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>3</UID></Task>"
                                         "<Task><UID>3</UID></Task></Tasks></Project>",
                                         "x.xml");
        REQUIRE(!in.ok());
        CHECK(in.errors[0].find("UID 3") != std::string::npos);
    }
    SUBCASE("odd values are read safely") {
        const MspdiImport in = readMspdi("<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks>"
                                         "<Task><UID>1</UID><Name>A</Name><Duration>PT99999999999H</Duration><PercentComplete>400</PercentComplete>"
                                         "<Deadline>3026-01-01T00:00:00</Deadline><OutlineLevel>3</OutlineLevel></Task>"
                                         "<Task><UID>2</UID><Name>B</Name><OutlineLevel>-3</OutlineLevel></Task></Tasks></Project>",
                                         "x.xml");
        REQUIRE(in.ok());
        REQUIRE(in.project.tasks.size() == 1); // level -3 is not a task row
        CHECK(in.project.tasks[0].percentComplete == 100);
        CHECK(in.project.tasks[0].duration == 480); // unreadable: a day, said
        CHECK(!in.project.tasks[0].deadline);        // year 3026 is not a date Plotline keeps
        CHECK(hasNote(in, "could not be read"));
    }
}

TEST_CASE("every file from MS Project, MPXJ and GanttProject exports back to MSPDI and reads again the same") {
    for (const char* name : {"mspdirelations.xml", "mspdinulltasks.xml", "sample1.xml", "HouseBuildingSample.gan", "task-with-dependencies.gan"}) {
        CAPTURE(name);
        const std::string text = interop(name);
        const std::string n(name);
        Project p;
        if (n.size() > 4 && n.substr(n.size() - 4) == ".gan") {
            GanImport g = readGan(text, name);
            REQUIRE(g.ok());
            p = std::move(g.project);
        } else {
            MspdiImport m = readMspdi(text, name);
            REQUIRE(m.ok());
            p = std::move(m.project);
        }
        const Schedule s = schedule(p);
        REQUIRE(s.ok());
        const MspdiImport back = readMspdi(writeMspdi(p, s), "back.xml");
        REQUIRE(back.ok());
        CHECK(back.notes.empty()); // its own export states the dates it schedules to
        REQUIRE(back.project.tasks.size() == p.tasks.size());
        CHECK(linkTexts(back.project) == linkTexts(p));
        CHECK(back.project.resources.size() == p.resources.size());
        CHECK(back.project.assignments.size() == p.assignments.size());
        const Schedule s2 = schedule(back.project);
        for (size_t i = 0; i < p.tasks.size(); ++i) {
            CAPTURE(p.tasks[i].name);
            CHECK(back.project.tasks[i].id == p.tasks[i].id);
            CHECK(s2.tasks[i].startDate == s.tasks[i].startDate);
            CHECK(s2.tasks[i].finishDate == s.tasks[i].finishDate);
        }
    }
}
