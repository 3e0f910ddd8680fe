#include "gan.hpp"

#include "duration.hpp"
#include "fields.hpp"
#include "i18n.hpp"
#include "locale.hpp"
#include "money.hpp"
#include "schedule.hpp"
#include "xml_read.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace plotline {

namespace {

using namespace xml;

constexpr size_t kMaxBytes = size_t(1) << 30;
constexpr size_t kMaxTasks = 1'000'000;
constexpr size_t kMaxDays = 100000;

std::string_view attr(pugi::xml_node n, const char* name) { return trimmed(n.attribute(name).value()); }

struct Depend {
    long long successor;
    long long type, days;
    bool strong;
};

struct FileTask {
    long long id = 0;
    int parentRow = -1;
    std::optional<Date> start;
    long long days = 0;
    std::vector<Depend> depends;
};

} // namespace

GanImport readGan(std::string_view text, std::string_view fileName) {
    GanImport in;
    pugi::xml_document doc;
    std::string error;
    pugi::xml_node root = parseRoot(doc, text, kMaxBytes, "project", "GanttProject", error);
    if (!root) {
        in.errors.push_back(error);
        return in;
    }
    Project& p = in.project;
    p = newProject(Date::fromYmd(2026, 1, 5));
    p.id = Id::random();
    p.name = std::string(attr(root, "name"));
    if (p.name.empty()) p.name = fileStem(fileName);
    if (p.name.empty()) p.name = "Imported plan";
    Calendar& cal = p.calendar;
    const int mpd = cal.minutesPerDay;

    // The week: GanttProject marks each weekday 1 (weekend) or 0 (worked).
    pugi::xml_node calendars = child(root, "calendars");
    if (pugi::xml_node week = child(child(calendars, "day-types"), "default-week")) {
        static const char* const days[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        uint8_t mask = 0;
        for (int w = 0; w < 7; ++w)
            if (attr(week, days[w]) != "1") mask |= uint8_t(1u << w);
        if (mask) cal.setWorkingWeekdays(mask);
        else in.notes.push_back(tr("The file's week has no working day: Monday to Friday was used."));
    }

    // Tasks, nested, walked with a stack (a file cannot make the reader recurse).
    std::vector<FileTask> fileTasks;
    std::unordered_map<long long, int> rowOfId;
    std::unordered_map<Id, bool, IdHash> usedIds;
    struct Open {
        pugi::xml_node node;
        int parent;
        int depth;
    };
    std::vector<Open> stack;
    if (pugi::xml_node tasks = child(root, "tasks"))
        for (pugi::xml_node t = tasks.last_child(); t; t = t.previous_sibling())
            if (isElement(t, "task")) stack.push_back({t, -1, 1});
    while (!stack.empty()) {
        const Open o = stack.back();
        stack.pop_back();
        if (p.tasks.size() >= kMaxTasks) {
            in.errors.push_back(fmt(tr("The file has more than {0} tasks."), kMaxTasks));
            return in;
        }
        if (o.depth > kMaxOutlineDepth) {
            in.errors.push_back(fmt(tr("Tasks are nested more than {0} levels deep (at {1})."), std::to_string(kMaxOutlineDepth),
                                    placeOf(text, o.node.offset_debug() - 1)));
            return in;
        }
        const auto id = integer(attr(o.node, "id"));
        if (!id) {
            in.errors.push_back(fmt(tr("A task at {0} has no id."), placeOf(text, o.node.offset_debug() - 1)));
            return in;
        }
        if (rowOfId.count(*id)) {
            in.errors.push_back(fmt(tr("Two tasks have the id {0}."), std::to_string(*id)));
            return in;
        }
        const int row = int(p.tasks.size());
        rowOfId[*id] = row;
        Task task;
        if (const auto u = Id::parse(attr(o.node, "uid")); u && !u->isNull() && !usedIds.count(*u)) task.id = *u;
        else task.id = Id::random();
        usedIds[task.id] = true;
        task.name = std::string(attr(o.node, "name"));
        if (o.parent >= 0) task.parent = p.tasks[size_t(o.parent)].id;
        FileTask ft;
        ft.id = *id;
        ft.parentRow = o.parent;
        ft.start = Date::parse(attr(o.node, "start"));
        ft.days = std::clamp<long long>(integer(attr(o.node, "duration")).value_or(1), 0, kMaxMinutes / mpd);
        task.duration = ft.days * mpd;
        task.milestone = attr(o.node, "meeting") == "true" || ft.days == 0;
        if (task.milestone) task.duration = 0;
        task.percentComplete = int(std::clamp<long long>(integer(attr(o.node, "complete")).value_or(0), 0, 100));
        std::vector<pugi::xml_node> children;
        for (pugi::xml_node c = o.node.first_child(); c; c = c.next_sibling()) {
            if (isElement(c, "notes")) {
                std::string notes(valueOf(c));
                // GanttProject indents a note's lines with the XML around it.
                std::string clean;
                size_t at = 0;
                while (at <= notes.size()) {
                    size_t nl = notes.find('\n', at);
                    if (nl == std::string::npos) nl = notes.size();
                    if (!clean.empty()) clean += '\n';
                    clean += std::string(trimmed(std::string_view(notes).substr(at, nl - at)));
                    at = nl + 1;
                }
                task.notes = clean;
            } else if (isElement(c, "depend")) {
                const auto succ = integer(attr(c, "id"));
                if (succ)
                    ft.depends.push_back({*succ, integer(attr(c, "type")).value_or(2), integer(attr(c, "difference")).value_or(0),
                                          attr(c, "hardness") != "Rubber"});
            } else if (isElement(c, "task")) children.push_back(c);
        }
        p.tasks.push_back(std::move(task));
        fileTasks.push_back(std::move(ft));
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, row, o.depth + 1});
    }
    // A summary's own duration and progress are rolled up from its children.
    std::vector<char> summary(p.tasks.size(), 0);
    for (const FileTask& ft : fileTasks)
        if (ft.parentRow >= 0) summary[size_t(ft.parentRow)] = 1;
    for (size_t i = 0; i < p.tasks.size(); ++i)
        if (summary[i]) {
            p.tasks[i].duration = Task{}.duration;
            p.tasks[i].milestone = false;
            p.tasks[i].percentComplete = 0;
        }

    // The project starts on its earliest task.
    std::optional<Date> first;
    for (const FileTask& ft : fileTasks)
        if (ft.start && (!first || *ft.start < *first)) first = ft.start;
    if (first) p.start = *first;
    else if (const auto view = Date::parse(attr(root, "view-date"))) p.start = *view;

    // Holidays: a date without a year recurs; it is read for each year the plan may span.
    int yearFrom = 0, yearTo = 0, unused = 0;
    p.start.toYmd(yearFrom, unused, unused);
    yearTo = yearFrom + 5;
    std::vector<Date> holidays;
    size_t extraWorking = 0;
    for (pugi::xml_node dn = calendars.first_child(); dn; dn = dn.next_sibling()) {
        if (!isElement(dn, "date")) continue;
        const auto month = integer(attr(dn, "month")), day = integer(attr(dn, "date"));
        const auto year = integer(attr(dn, "year"));
        const std::string_view type = attr(dn, "type");
        if (!month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) continue;
        if (type == "WORKING_DAY") {
            ++extraWorking;
            continue;
        }
        if (!type.empty() && type != "HOLIDAY") continue;
        for (long long y = year ? *year : yearFrom; y <= (year ? *year : yearTo) && holidays.size() < kMaxDays; ++y) {
            if (y < 1900 || y > 2999) break;
            char iso[16];
            std::snprintf(iso, sizeof iso, "%04lld-%02lld-%02lld", y, *month, *day);
            if (const auto d = Date::parse(iso)) holidays.push_back(*d);
        }
    }
    std::sort(holidays.begin(), holidays.end());
    holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
    cal.setHolidays(std::move(holidays));
    if (extraWorking)
        in.notes.push_back(trn("The calendar has {n} extra working day; Plotline cannot add working days, so it is a day off.",
                               "The calendar has {n} extra working days; Plotline cannot add working days, so they are days off.", int64_t(extraWorking)));
    p.start = cal.nextWorkingDay(p.start);

    // Dependencies: written in the predecessor, naming the successor.
    std::vector<char> heldByStrong(p.tasks.size(), 0);
    for (size_t a = 0; a < fileTasks.size(); ++a)
        for (const Depend& dp : fileTasks[a].depends) {
            auto it = rowOfId.find(dp.successor);
            if (it == rowOfId.end() || size_t(it->second) == a) {
                in.notes.push_back(fmt(tr("Task {0}: a dependency on task id {1}, which is not in the file, was left out."), shortQuoted(p.tasks[a].name),
                                       std::to_string(dp.successor)));
                continue;
            }
            Link l;
            l.id = Id::random();
            l.predecessor = p.tasks[a].id;
            l.successor = p.tasks[size_t(it->second)].id;
            l.type = dp.type == 1 ? LinkType::SS : dp.type == 3 ? LinkType::FF : dp.type == 4 ? LinkType::SF : LinkType::FS;
            l.lag = std::clamp<long long>(dp.days, -kMaxMinutes / mpd, kMaxMinutes / mpd) * mpd;
            if (dp.strong) heldByStrong[size_t(it->second)] = 1;
            p.links.push_back(l);
        }

    // People: role from the file's role sets, the rate per day as the day's hours, vacations as days off.
    std::map<std::string, std::string> roles = {{"Default:0", ""}, {"Default:1", "Project manager"}};
    for (pugi::xml_node rs = root.first_child(); rs; rs = rs.next_sibling())
        if (isElement(rs, "roles"))
            for (pugi::xml_node r = rs.first_child(); r; r = r.next_sibling())
                if (isElement(r, "role")) roles[std::string(attr(r, "id"))] = std::string(attr(r, "name"));
    const int64_t scale = int64_t(std::llround(std::pow(10.0, currency(p.currency).decimals)));
    std::unordered_map<long long, int> resourceOfId;
    for (pugi::xml_node r = child(child(root, "resources"), "resource"); r; r = r.next_sibling()) {
        if (!isElement(r, "resource")) continue;
        const auto id = integer(attr(r, "id"));
        if (!id || resourceOfId.count(*id)) continue;
        Resource res;
        res.id = Id::random();
        res.name = std::string(attr(r, "name"));
        if (res.name.empty()) res.name = "Resource " + std::to_string(*id);
        if (auto role = roles.find(std::string(attr(r, "function"))); role != roles.end()) res.role = role->second;
        for (pugi::xml_node rate = r.first_child(); rate; rate = rate.next_sibling())
            if (isElement(rate, "rate") && attr(rate, "name") == "standard")
                if (const auto v = decimal(attr(rate, "value")); v && *v >= 0) {
                    const double perHour = *v * double(scale) * 60.0 / mpd;
                    if (perHour < double(kMaxMoney)) res.billRate = std::llround(perHour);
                }
        resourceOfId[*id] = int(p.resources.size());
        p.resources.push_back(std::move(res));
    }
    for (pugi::xml_node v = child(child(root, "vacations"), "vacation"); v; v = v.next_sibling()) {
        if (!isElement(v, "vacation")) continue;
        const auto who = integer(attr(v, "resourceid"));
        const auto from = Date::parse(attr(v, "start")), to = Date::parse(attr(v, "end"));
        auto r = who ? resourceOfId.find(*who) : resourceOfId.end();
        if (r == resourceOfId.end() || !from || !to) continue;
        std::vector<Date>& off = p.resources[size_t(r->second)].daysOff;
        for (Date d = *from; d <= *to && off.size() < kMaxDays; d = d + 1)
            if (cal.isWorkingDay(d)) off.push_back(d);
        std::sort(off.begin(), off.end());
        off.erase(std::unique(off.begin(), off.end()), off.end());
    }
    std::unordered_map<uint64_t, bool> allocated;
    for (pugi::xml_node a = child(child(root, "allocations"), "allocation"); a; a = a.next_sibling()) {
        if (!isElement(a, "allocation")) continue;
        const auto task = integer(attr(a, "task-id")), who = integer(attr(a, "resource-id"));
        auto t = task ? rowOfId.find(*task) : rowOfId.end();
        auto r = who ? resourceOfId.find(*who) : resourceOfId.end();
        if (t == rowOfId.end() || r == resourceOfId.end()) continue;
        if (!allocated.emplace(uint64_t(uint32_t(t->second)) << 32 | uint32_t(r->second), true).second) continue;
        Assignment as;
        as.id = Id::random();
        as.task = p.tasks[size_t(t->second)].id;
        as.resource = p.resources[size_t(r->second)].id;
        as.units = int(std::clamp<long long>(std::llround(decimal(attr(a, "load")).value_or(100.0)), 1, 1000));
        p.assignments.push_back(as);
    }

    if (std::string why = textLimitProblem(p); !why.empty()) {
        in.errors.push_back(why);
        return in;
    }

    // GanttProject's dates: a task that starts later than its links need keeps its date.
    Schedule s = schedule(p);
    if (!s.ok()) {
        in.notes.push_back(fmt(tr("The plan does not schedule: {0}"), s.error));
        return in;
    }
    // Pinned in rounds, a task only once none of its predecessors is early any more (pinning a
    // predecessor often brings its successors to their dates), all that are left in the last round.
    std::vector<std::vector<int>> predecessorsOf(p.tasks.size());
    for (size_t k = 0; k < p.links.size(); ++k)
        if (s.linkFrom[k] >= 0 && s.linkTo[k] >= 0) predecessorsOf[size_t(s.linkTo[k])].push_back(s.linkFrom[k]);
    std::vector<char> early(p.tasks.size(), 0);
    for (int round = 0; round < 8; ++round) {
        size_t found = 0;
        for (size_t i = 0; i < p.tasks.size(); ++i) {
            const FileTask& ft = fileTasks[i];
            early[i] = 0;
            if (summary[i] || !ft.start) continue;
            // Compared as moments: a milestone after a Friday finish is at Friday's end in Plotline and
            // on Monday in GanttProject, the same moment.
            const Date stated = cal.nextWorkingDay(*ft.start);
            if (s.tasks[i].start < cal.instantAt(stated) && stated > p.start) {
                early[i] = 1;
                found += !heldByStrong[i]; // a task held by a Strong link follows its predecessor
            }
        }
        if (!found) break;
        size_t pinnedNow = 0;
        for (size_t i = 0; i < p.tasks.size(); ++i) {
            if (!early[i] || heldByStrong[i]) continue;
            const bool waits = round < 7 && std::any_of(predecessorsOf[i].begin(), predecessorsOf[i].end(), [&](int a) { return early[size_t(a)]; });
            if (waits) continue;
            p.tasks[i].constraint = Constraint::SNET;
            p.tasks[i].constraintDate = cal.nextWorkingDay(*fileTasks[i].start);
            ++pinnedNow;
        }
        if (!pinnedNow) // a cycle of early tasks: pin them all
            for (size_t i = 0; i < p.tasks.size(); ++i)
                if (early[i] && !heldByStrong[i]) p.tasks[i].constraint = Constraint::SNET, p.tasks[i].constraintDate = cal.nextWorkingDay(*fileTasks[i].start);
        s = schedule(p);
        if (!s.ok()) break;
    }
    size_t differ = 0;
    for (size_t i = 0; i < p.tasks.size() && s.ok(); ++i) {
        const FileTask& ft = fileTasks[i];
        if (summary[i] || !ft.start) continue;
        const Date fs = *ft.start;
        const Date ff = ft.days == 0 ? fs : cal.workday(cal.workdayIndex(cal.nextWorkingDay(fs)) + ft.days - 1);
        if (ft.days == 0 ? s.tasks[i].start == cal.instantAt(cal.nextWorkingDay(fs))
                         : s.tasks[i].startDate == fs && s.tasks[i].finishDate == ff)
            continue;
        ++differ;
        if (in.notes.size() < 500)
            in.notes.push_back(fmt(tr("Task {0}: the file has {1} to {2}, Plotline schedules {3} to {4}."), shortQuoted(p.tasks[i].name), formatDate(fs),
                                   formatDate(ff), formatDate(s.tasks[i].startDate), formatDate(s.tasks[i].finishDate)));
    }
    if (differ)
        in.notes.push_back(fmt(tr("{0} of {1} tasks have other dates than the file states."), differ, p.tasks.size()));
    return in;
}

} // namespace plotline
