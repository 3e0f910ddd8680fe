// iCalendar export: RFC 5545's form checked line by line, stable UIDs, escaping and folding.
#include "core/ical.hpp"
#include "core/json_io.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace plotline;
using namespace plotline::test;

namespace {

// The content lines after unfolding, checking the physical form on the way: CRLF only, at most 75
// octets a line, continuation lines start with a space, and each physical line is whole UTF-8.
std::vector<std::string> unfold(const std::string& ics) {
    std::vector<std::string> lines;
    size_t at = 0;
    while (at < ics.size()) {
        const size_t end = ics.find("\r\n", at);
        REQUIRE_MESSAGE(end != std::string::npos, "the last line ends in CRLF");
        const std::string physical = ics.substr(at, end - at);
        CHECK_MESSAGE(physical.find('\n') == std::string::npos, "no bare LF: " << physical);
        CHECK_MESSAGE(physical.size() <= 75, "longer than 75 octets: " << physical);
        if (!physical.empty()) {
            const unsigned char first = static_cast<unsigned char>(physical[physical[0] == ' ' ? 1 : 0] );
            CHECK_MESSAGE((first & 0xC0) != 0x80, "a line starts inside a character");
        }
        if (!physical.empty() && physical[0] == ' ') {
            REQUIRE(!lines.empty());
            lines.back() += physical.substr(1);
        } else lines.push_back(physical);
        at = end + 2;
    }
    return lines;
}

struct Event {
    std::map<std::string, std::string> props; // name (with parameters) → value
};

std::vector<Event> events(const std::vector<std::string>& lines) {
    std::vector<Event> out;
    int depth = 0;
    for (const std::string& l : lines) {
        const size_t colon = l.find(':');
        REQUIRE_MESSAGE(colon != std::string::npos, "not a content line: " << l);
        const std::string name = l.substr(0, colon), value = l.substr(colon + 1);
        if (name == "BEGIN") {
            ++depth;
            if (value == "VEVENT") out.push_back({});
        } else if (name == "END") --depth;
        else if (depth == 2) out.back().props[name] = value;
    }
    CHECK(depth == 0);
    return out;
}

} // namespace

TEST_CASE("iCalendar: the sample's milestones and deadlines as all-day events with stable UIDs") {
    std::ifstream f(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json");
    std::stringstream ss;
    ss << f.rdbuf();
    Result<Project> read = readProjectJson(ss.str());
    REQUIRE(read);
    Project p = *read;
    const Schedule s = schedule(p);
    ICalendarCount count;
    const std::string ics = writeICalendar(p, s, 1767225600000 /* 2026-01-01T00:00:00Z */, false, &count);
    const auto lines = unfold(ics);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(std::find(lines.begin(), lines.end(), "VERSION:2.0") != lines.end());
    CHECK(std::find_if(lines.begin(), lines.end(), [](auto& l) { return l.rfind("PRODID:", 0) == 0; }) != lines.end());
    const auto ev = events(lines);
    size_t milestones = 0, deadlines = 0, internal = 0;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const bool hidden = p.tasks[i].internal || (!p.tasks[i].parent.isNull() && p.task(p.tasks[i].parent)->internal);
        if (hidden) internal += p.tasks[i].milestone || p.tasks[i].deadline;
        else milestones += p.tasks[i].milestone && !s.tasks[i].summary, deadlines += bool(p.tasks[i].deadline);
    }
    CHECK(milestones > 0);
    CHECK(count.milestones == milestones);
    CHECK(count.deadlines == deadlines);
    CHECK(count.internalLeftOut == internal);
    REQUIRE(ev.size() == milestones + deadlines);
    std::set<std::string> uids;
    for (const Event& e : ev) {
        for (const char* required : {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "SEQUENCE"})
            CHECK_MESSAGE(e.props.count(required), required);
        CHECK(e.props.at("DTSTAMP") == "20260101T000000Z");
        uids.insert(e.props.at("UID"));
    }
    CHECK(uids.size() == ev.size());
    // The first milestone's event on the day the schedule gives.
    for (size_t i = 0; i < p.tasks.size(); ++i)
        if (p.tasks[i].milestone && !p.tasks[i].internal) {
            const std::string uid = p.tasks[i].id.str() + "-milestone@plotline";
            auto it = std::find_if(ev.begin(), ev.end(), [&](const Event& e) { return e.props.at("UID") == uid; });
            REQUIRE(it != ev.end());
            std::string day = s.tasks[i].finishDate.str();
            day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
            CHECK(it->props.at("DTSTART;VALUE=DATE") == day);
            // Moved and edited later: the same UID, a higher SEQUENCE, the new day.
            Project q = p;
            q.tasks[i].constraint = Constraint::MSO;
            q.tasks[i].constraintDate = s.tasks[i].finishDate + 7;
            q.tasks[i].modified = p.tasks[i].modified + 60000;
            const auto ev2 = events(unfold(writeICalendar(q, schedule(q), 1767312000000)));
            auto moved = std::find_if(ev2.begin(), ev2.end(), [&](const Event& e) { return e.props.at("UID") == uid; });
            REQUIRE(moved != ev2.end());
            CHECK(std::stoll(moved->props.at("SEQUENCE")) > std::stoll(it->props.at("SEQUENCE")));
            CHECK(moved->props.at("DTSTART;VALUE=DATE") != it->props.at("DTSTART;VALUE=DATE"));
            break;
        }
}

TEST_CASE("iCalendar: text is escaped and long lines fold between characters") {
    Project p = project("2026-03-02");
    p.name = "Spring, \"launch\"; phase\\2";
    Task& m = addTask(p, "Sign-off", 0);
    m.notes = "ignored";
    std::string longName;
    for (int i = 0; i < 60; ++i) longName += "\u00e9\u6f22";
    Task& d = addTask(p, longName.c_str(), DAY);
    d.deadline = plotline::test::d("2026-03-10");
    Task& hid = addTask(p, "Internal review", 0);
    hid.internal = true;
    ICalendarCount count;
    const std::string ics = writeICalendar(p, schedule(p), 0, false, &count);
    const auto lines = unfold(ics);
    CHECK(count.internalLeftOut == 1);
    CHECK(std::find(lines.begin(), lines.end(), "X-WR-CALNAME:Spring\\, \"launch\"\\; phase\\\\2") != lines.end());
    const auto ev = events(lines);
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].props.at("SUMMARY") == "Sign-off (Spring\\, \"launch\"\\; phase\\\\2)");
    CHECK(ev[1].props.at("SUMMARY") == "Deadline: " + longName + " (Spring\\, \"launch\"\\; phase\\\\2)"); // unfolded whole
    CHECK(ev[1].props.at("DTSTART;VALUE=DATE") == "20260310");
    CHECK(ev[1].props.at("DTEND;VALUE=DATE") == "20260311");
    // With internal work asked for, the review is there too.
    CHECK(events(unfold(writeICalendar(p, schedule(p), 0, true))).size() == 3);
}
