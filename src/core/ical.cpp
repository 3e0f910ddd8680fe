#include "ical.hpp"

#include <algorithm>

namespace plotline {

namespace {

// TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11).
std::string text(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (c == '\r') continue;
        else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') continue; // controls are not allowed
        else out += c;
    }
    return out;
}

// A content line, folded at 75 octets: continuation lines start with a space, and a UTF-8 sequence is
// never split.
void line(std::string& out, std::string_view l) {
    size_t width = 75;
    while (l.size() > width) {
        size_t cut = width;
        while (cut > 0 && (static_cast<unsigned char>(l[cut]) & 0xC0) == 0x80) --cut; // not inside a character
        out.append(l.substr(0, cut));
        out += "\r\n ";
        l.remove_prefix(cut);
        width = 74; // the leading space counts
    }
    out.append(l);
    out += "\r\n";
}

std::string day(Date d) {
    int y = 0, m = 0, dd = 0;
    d.toYmd(y, m, dd);
    char b[16];
    std::snprintf(b, sizeof b, "%04d%02d%02d", y, m, dd);
    return b;
}

std::string stamp(int64_t ms) {
    const int64_t secs = ms / 1000;
    const Date d{int32_t(secs / 86400)};
    const int64_t s = secs % 86400;
    char b[24];
    std::snprintf(b, sizeof b, "T%02d%02d%02dZ", int(s / 3600), int(s / 60 % 60), int(s % 60));
    return day(d) + b;
}

} // namespace

std::string writeICalendar(const Project& p, const Schedule& s, int64_t nowMs, bool includeInternal, ICalendarCount* count) {
    ICalendarCount n;
    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Plotline//Plotline planner//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(p.name));
    // Left out: internal tasks and everything under them (pre-order: a subtree follows its root).
    std::vector<char> hidden(p.tasks.size(), 0);
    if (!includeInternal)
        for (size_t i = 0; i < p.tasks.size(); ++i)
            if (p.tasks[i].internal && !hidden[i])
                for (size_t k = i, end = p.subtreeEnd(i); k < end; ++k) hidden[k] = 1;
    const std::string dtstamp = stamp(nowMs);
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    auto event = [&](const Task& t, const char* kind, Date on, const std::string& summary, const std::string& description) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + t.id.str() + "-" + kind + "@plotline");
        line(out, "DTSTAMP:" + dtstamp);
        // Grows with each change of the task (its last change in minutes since 1970), so a calendar
        // keeps the newer copy.
        line(out, "SEQUENCE:" + std::to_string(std::clamp<int64_t>(t.modified / 60000, 0, INT32_MAX)));
        line(out, "DTSTART;VALUE=DATE:" + day(on));
        line(out, "DTEND;VALUE=DATE:" + day(on + 1));
        line(out, "SUMMARY:" + text(summary));
        line(out, "DESCRIPTION:" + text(description));
        line(out, std::string("CATEGORIES:") + (kind[0] == 'm' ? "Milestone" : "Deadline"));
        line(out, "TRANSP:TRANSPARENT");
        line(out, "END:VEVENT");
    };
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        if (hidden[i]) {
            if (t.milestone || t.deadline) ++n.internalLeftOut;
            continue;
        }
        if (t.milestone && scheduled && !s.tasks[i].summary) {
            const Date on = s.tasks[i].finishDate;
            std::string d = "Milestone of " + p.name + ", planned for " + on.str() + ".";
            if (t.percentComplete >= 100) d += " Reached.";
            event(t, "milestone", on, t.name + " (" + p.name + ")", d);
            ++n.milestones;
        }
        if (t.deadline) {
            std::string d = "Deadline of \u201c" + t.name + "\u201d in " + p.name + ".";
            if (scheduled) d += " Planned to finish " + s.tasks[i].finishDate.str() + ".";
            event(t, "deadline", *t.deadline, "Deadline: " + t.name + " (" + p.name + ")", d);
            ++n.deadlines;
        }
    }
    line(out, "END:VCALENDAR");
    if (count) *count = n;
    return out;
}

} // namespace plotline
