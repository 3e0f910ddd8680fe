// Many projects at once: people matched across plans by email (never by name), their summed load, and
// the week's list of what is late, due, starting and holding others up. Hand-worked cases.
#include "core/cross_load.hpp"
#include "core/json_io.hpp"
#include "core/merge.hpp"
#include "core/mspdi.hpp"
#include "core/portfolio.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace plotline;
using namespace plotline::test;

namespace {

// Hands out a reference, like addTask: room for a few people is kept so earlier ones stay valid.
Resource& person(Project& p, const char* name, const char* email) {
    if (p.resources.capacity() < 16) p.resources.reserve(16);
    Resource r;
    r.id = Id::random();
    r.name = name;
    r.email = email;
    p.resources.push_back(r);
    return p.resources.back();
}

void assign(Project& p, const Task& t, const Resource& r, int units) { p.assignments.push_back({Id::random(), t.id, r.id, units}); }

std::vector<Booking> booked(const Project& p) {
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    return bookings(p, resourceLoad(p, s));
}

} // namespace

TEST_CASE("personKey: the email trimmed and lower-cased; not an address gives no key") {
    CHECK(personKey("  Ana.Ruiz@Studio.Example ") == "ana.ruiz@studio.example");
    CHECK(personKey("Ana Ruiz") == "");
    CHECK(personKey("@studio.example") == "");
    CHECK(personKey("ana@") == "");
    CHECK(personKey("") == "");
}

TEST_CASE("cross-project load: two plans sharing a person on overlapping days add up; names never match") {
    // Campaign: Ana at 60 % on a 5-day task, Mon 2 … Fri 6 March.
    Project campaign = project("2026-03-02");
    campaign.name = "Campaign";
    const Task& copy = addTask(campaign, "Copy deck", 5 * DAY);
    const Resource& ana = person(campaign, "Ana", "Ana@Studio.example");
    assign(campaign, copy, ana, 60);
    // Microsite: the same Ana (her email typed differently) at 50 % Wed 4 … Fri 6; another "Ana" with
    // another address; Bob with no email, who is this plan's only.
    Project site = project("2026-03-04");
    site.name = "Microsite";
    const Task& wire = addTask(site, "Wireframes", 3 * DAY);
    const Resource& ana2 = person(site, "Ana Ruiz", " ana@studio.example");
    const Resource& other = person(site, "Ana", "ana@elsewhere.example");
    const Resource& bob = person(site, "Bob", "");
    assign(site, wire, ana2, 50);
    assign(site, wire, other, 100);
    assign(site, wire, bob, 100);

    const std::vector<Booking> a = booked(campaign), b = booked(site);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 2); // Bob has no email: his load stays in his plan
    CHECK(a[0].first == d("2026-03-02"));
    CHECK(a[0].on(d("2026-03-06")) == doctest::Approx(60));
    CHECK(a[0].on(d("2026-03-07")) == 0); // after the work

    const CrossLoad all = crossLoad({&a, &b});
    REQUIRE(all.people.size() == 2);
    const PersonLoad* p = all.find("ANA@studio.example");
    REQUIRE(p);
    CHECK(p->name == "Ana"); // as the first plan given calls her
    REQUIRE(p->parts.size() == 2);
    CHECK(p->parts[0]->projectName == "Campaign");
    CHECK(p->parts[1]->projectName == "Microsite");
    CHECK(p->on(d("2026-03-02")) == doctest::Approx(60));
    CHECK(p->on(d("2026-03-03")) == doctest::Approx(60));
    CHECK(p->on(d("2026-03-04")) == doctest::Approx(110));
    CHECK(p->on(d("2026-03-06")) == doctest::Approx(110));
    CHECK(p->on(d("2026-03-09")) == 0);
    CHECK_FALSE(p->overOn(d("2026-03-03")));
    CHECK(p->overOn(d("2026-03-05")));
    CHECK(p->daysOver() == 3);
    CHECK(p->peak == doctest::Approx(110));
    CHECK(p->overOnlyAcross()); // neither plan alone books her past a day
    // The other Ana is a different person, at 100 %: full, not over.
    const PersonLoad* q = all.find("ana@elsewhere.example");
    REQUIRE(q);
    CHECK(q->parts.size() == 1);
    CHECK_FALSE(q->overAllocated());

    // The CLI's section names her with each project's part on her first day over.
    ReportDoc doc;
    appendOverbooked(doc, all);
    REQUIRE(doc.sections.size() == 1);
    REQUIRE(doc.sections[0].bullets.size() == 1);
    CHECK(doc.sections[0].bullets[0] ==
          "Ana (ana@studio.example): 3 days over, up to 110 %; first on 2026-03-04 (Campaign 60 %, Microsite 50 %)");
}

TEST_CASE("cross-project load: a plan that over-books on its own is not 'only across'; weekends book nothing") {
    Project one = project("2026-03-02");
    const Task& t1 = addTask(one, "A", 2 * DAY);
    const Task& t2 = addTask(one, "B", 2 * DAY);
    const Resource& r = person(one, "Cy", "cy@studio.example");
    assign(one, t1, r, 100);
    assign(one, t2, r, 100);
    Project two = project("2026-03-05");
    const Task& t3 = addTask(two, "C", 2 * DAY); // Thu 5, Fri 6
    assign(two, t3, person(two, "Cy", "cy@studio.example"), 100);
    const std::vector<Booking> a = booked(one), b = booked(two);
    const CrossLoad all = crossLoad({&a, &b});
    const PersonLoad* p = all.find("cy@studio.example");
    REQUIRE(p);
    CHECK(p->on(d("2026-03-02")) == doctest::Approx(200));
    CHECK(p->on(d("2026-03-05")) == doctest::Approx(100));
    CHECK_FALSE(p->overOnlyAcross());
    CHECK(p->on(d("2026-03-07")) == 0);
}

TEST_CASE("this week: late, due and starting work over projects, and who holds others up") {
    // Today is Wednesday 4 March 2026: the week runs Monday 2 … Sunday 8.
    const Date today = d("2026-03-04");
    Project p = project("2026-02-23");
    p.name = "Campaign";
    Task& design = addTask(p, "Design", 5 * DAY); // 23 … 27 Feb: late
    design.percentComplete = 40;
    Task& build = addTask(p, "Build", 2 * DAY);   // waits on Design
    link(p, design, build);
    Task& started = addTask(p, "Assets", 2 * DAY); // after Design too, but already under way: not waiting
    started.percentComplete = 20;
    link(p, design, started);
    Task& done = addTask(p, "Brief", 2 * DAY);    // finished last week: not listed
    done.percentComplete = 100;
    Task& review = addTask(p, "Review", 2 * DAY); // due Thu 5
    review.constraint = Constraint::SNET;
    review.constraintDate = d("2026-03-04");
    Task& shoot = addTask(p, "Shoot", 10 * DAY); // starts Fri 6, ends after the week
    shoot.constraint = Constraint::SNET;
    shoot.constraintDate = d("2026-03-06");
    Task& later = addTask(p, "Edit", DAY);       // next month: not listed
    later.constraint = Constraint::SNET;
    later.constraintDate = d("2026-04-01");
    const Resource& ana = person(p, "Ana", "ana@studio.example");
    assign(p, design, ana, 100);
    assign(p, review, ana, 100);
    link(p, review, later);

    Project q = project("2026-02-23");
    q.name = "Microsite";
    Task& copy = addTask(q, "Copy", 3 * DAY); // 23 … 25 Feb: late
    Task& layout = addTask(q, "Layout", DAY);
    Task& qa = addTask(q, "QA", DAY);
    link(q, copy, layout);
    link(q, copy, qa);
    assign(q, copy, person(q, "Ana R.", "ANA@studio.example"), 100);

    // A team that works Sundays: due on Sunday 8 is due this week.
    Project r = project("2026-03-08");
    r.name = "Weekend";
    r.calendar.setWorkingWeekdays(0b1111111);
    addTask(r, "Live blog", DAY);

    const Schedule sp = schedule(p), sq = schedule(q), sr = schedule(r);
    REQUIRE(sp.ok());
    REQUIRE(sq.ok());
    REQUIRE(sr.ok());
    const ThisWeek w = thisWeek({&p, &q, &r}, {&sp, &sq, &sr}, today);
    CHECK(w.from == d("2026-03-02"));
    CHECK(w.to == d("2026-03-08"));
    // Late: Copy (25 Feb), Design (27 Feb) and the tasks after them that should have run already.
    std::vector<std::string> late;
    for (const WeekTask& t : w.late) late.push_back(t.projectName + "/" + t.name);
    // By due date: Copy 25 Feb, Layout and QA 26 Feb, Design 27 Feb, Assets and Build 3 Mar (behind Design).
    CHECK(late == std::vector<std::string>{"Microsite/Copy", "Microsite/Layout", "Microsite/QA", "Campaign/Design", "Campaign/Assets", "Campaign/Build"});
    CHECK(w.late[0].waiting == 2);
    CHECK(w.late[3].waiting == 1);
    CHECK(w.late[3].people == std::vector<std::string>{"Ana"});
    CHECK(w.late[1].waiting == 0);
    std::vector<std::string> due;
    for (const WeekTask& t : w.due) due.push_back(t.name);
    CHECK(std::find(due.begin(), due.end(), "Review") != due.end());
    CHECK(std::find(due.begin(), due.end(), "Brief") == due.end());
    CHECK(due.back() == "Live blog");
    REQUIRE(w.starting.size() == 1);
    CHECK(w.starting[0].name == "Shoot");
    CHECK(w.starting[0].start == d("2026-03-06"));
    // Ana, one person over both plans (matched by email), holds up four tasks: QA and Layout behind
    // Copy, Build behind Design, Edit behind Review.
    REQUIRE_FALSE(w.holding.empty());
    CHECK(w.holding[0].person == "ana@studio.example");
    CHECK(w.holding[0].waiting == 4);
    REQUIRE(w.holding[0].tasks.size() == 3);
    CHECK(w.holding[0].tasks[0].name == "Copy");

    ReportDoc doc;
    appendThisWeek(doc, w);
    REQUIRE(doc.sections.size() == 4);
    CHECK(doc.sections[3].bullets.at(0).rfind("Ana: 4 tasks wait on \u201CCopy\u201D (Microsite, late)", 0) == 0);
    const auto j = nlohmann::json::parse(portfolioJson(portfolio({&p, &q}, today), today, &w));
    CHECK(j["thisWeek"]["starting"][0]["task"] == "Shoot");
    CHECK(j["thisWeek"]["holdingUp"][0]["waiting"] == 4);
}

TEST_CASE("client, producer and a person's email: kept by JSON, merged as the project's own fields, carried by MSPDI") {
    Project p = project("2026-03-02");
    addTask(p, "A", DAY);
    p.client = "Northwind Retail";
    p.producer = "Mara Lind";
    person(p, "Ana", "ana@studio.example");
    const Result<Project> back = readProjectJson(writeProjectJson(p));
    REQUIRE(back);
    CHECK(back->client == "Northwind Retail");
    CHECK(back->producer == "Mara Lind");
    CHECK(back->resources.at(0).email == "ana@studio.example");
    // Empty ones are left out of the file.
    Project bare = project("2026-03-02");
    CHECK(writeProjectJson(bare).find("client") == std::string::npos);

    // One side set the client, the other the producer: both kept.
    Project ours = p, theirs = p;
    ours.client = "Northwind";
    theirs.producer = "Jo";
    const MergeResult m = mergeProjects(p, ours, theirs);
    CHECK(m.project.client == "Northwind");
    CHECK(m.project.producer == "Jo");

    const FileImport x = readMspdi(writeMspdi(p, schedule(p)), "plan.xml");
    REQUIRE(x.errors.empty());
    CHECK(x.project.client == "Northwind Retail");
    CHECK(x.project.producer == "Mara Lind");
    CHECK(x.project.resources.at(0).email == "ana@studio.example");
}
