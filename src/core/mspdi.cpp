#include "mspdi.hpp"

#include "duration.hpp"
#include "fields.hpp"
#include "i18n.hpp"
#include "locale.hpp"
#include "id_index.hpp"
#include "money.hpp"

#include "xml_read.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <unordered_map>

namespace plotline {

namespace {

using namespace xml;

// ---- reading helpers ---------------------------------------------------------------------------

// The element children of a node by local name, in one pass (a task has ~70 children: looking each
// wanted one up by name would walk them all every time).
template <size_t N> struct Picked {
    pugi::xml_node at[N];
    std::vector<pugi::xml_node> many; // repeated children (links, baselines), in order
};
template <size_t N>
void pick(pugi::xml_node parent, const std::string_view (&names)[N], Picked<N>& out, std::string_view repeated1 = {},
          std::string_view repeated2 = {}) {
    for (auto& a : out.at) a = pugi::xml_node();
    out.many.clear();
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view name = localName(c.name());
        if (name == repeated1 || name == repeated2) {
            out.many.push_back(c);
            continue;
        }
        for (size_t i = 0; i < N; ++i)
            if (name == names[i]) {
                if (!out.at[i]) out.at[i] = c;
                break;
            }
    }
}

bool flag(pugi::xml_node n) {
    const std::string_view v = valueOf(n);
    return v == "1" || v == "true";
}

struct DateTime {
    Date date;
    int minute = 0; // after midnight
};

// "2006-09-21T08:00:00" (seconds and fractions optional), or a date alone.
std::optional<DateTime> dateTime(std::string_view s) {
    s = trimmed(s);
    if (s.size() < 10) return std::nullopt;
    const auto d = Date::parse(s.substr(0, 10));
    if (!d) return std::nullopt;
    DateTime out{*d, 0};
    if (s.size() == 10) return out;
    if (s[10] != 'T' || s.size() < 16 || s[13] != ':') return std::nullopt;
    const auto h = integer(s.substr(11, 2)), m = integer(s.substr(14, 2));
    if (!h || !m || *h < 0 || *h > 24 || *m < 0 || *m > 59) return std::nullopt;
    out.minute = int(*h * 60 + *m);
    return out;
}

// "08:00:00" → 480.
std::optional<int> clockTime(std::string_view s) {
    s = trimmed(s);
    if (s.size() < 5 || s[2] != ':') return std::nullopt;
    const auto h = integer(s.substr(0, 2)), m = integer(s.substr(3, 2));
    if (!h || !m || *h < 0 || *h > 24 || *m < 0 || *m > 59) return std::nullopt;
    return int(*h * 60 + *m);
}

// An xsd:duration as MS Project writes it ("PT8H0M0S", "PT0H30M0S", "-PT16H0M0S", "P2DT4H0M0S"), in
// minutes (days count 24 h: MSPDI writes working time in hours, so they only appear in odd files).
std::optional<int64_t> duration(std::string_view s) {
    s = trimmed(s);
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    if (s.empty() || s.front() != 'P') return std::nullopt;
    s.remove_prefix(1);
    double minutes = 0;
    bool time = false, any = false;
    while (!s.empty()) {
        if (s.front() == 'T') {
            time = true;
            s.remove_prefix(1);
            continue;
        }
        size_t k = 0;
        while (k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == '.')) ++k;
        if (k == 0 || k == s.size() || k > 20) return std::nullopt;
        const auto v = decimal(s.substr(0, k));
        if (!v) return std::nullopt;
        const char unit = s[k];
        if (!time && unit == 'Y') minutes += *v * 365 * 1440;
        else if (!time && unit == 'M') minutes += *v * 30 * 1440;
        else if (!time && unit == 'D') minutes += *v * 1440;
        else if (time && unit == 'H') minutes += *v * 60;
        else if (time && unit == 'M') minutes += *v;
        else if (time && unit == 'S') minutes += *v / 60;
        else return std::nullopt;
        any = true;
        s.remove_prefix(k + 1);
    }
    if (!any || minutes > double(kMaxMinutes)) return std::nullopt;
    const int64_t m = int64_t(std::llround(minutes));
    return negative ? -m : m;
}

// MS Project's duration formats that count elapsed (calendar) time rather than working time.
bool elapsedFormat(long long f) {
    return f == 4 || f == 6 || f == 8 || f == 10 || f == 12 || f == 20 || f == 36 || f == 38 || f == 40 || f == 42 || f == 44 ||
           f == 52;
}
bool percentFormat(long long f) { return f == 19 || f == 20 || f == 51 || f == 52; }

// ---- calendars ---------------------------------------------------------------------------------

struct Span {
    int from = 0, to = 0; // minutes after midnight
};
struct DaySpec {
    bool set = false, working = false;
    std::vector<Span> times;
    int minutes() const {
        int m = 0;
        for (const Span& s : times) m += std::max(0, s.to - s.from);
        return m;
    }
};
struct CalSpec {
    std::string name;
    long long base = -1;
    DaySpec week[7]; // MS Project's DayType - 1: 0 = Sunday … 6 = Saturday
    std::vector<Date> off, on; // exception days, not worked / worked
    bool recurringSkipped = false;
};

constexpr size_t kMaxExceptionDays = 100000;

void readTimes(pugi::xml_node n, DaySpec& d) {
    if (pugi::xml_node wt = child(n, "WorkingTimes"))
        for (pugi::xml_node t = wt.first_child(); t; t = t.next_sibling()) {
            if (t.type() != pugi::node_element || localName(t.name()) != "WorkingTime") continue;
            const auto from = clockTime(valueOf(child(t, "FromTime"))), to = clockTime(valueOf(child(t, "ToTime")));
            if (!from || !to) continue;
            // "00:00:00" as a ToTime is midnight at the end of the day.
            d.times.push_back({*from, *to == 0 && *from > 0 ? 1440 : *to});
        }
}

void addRange(std::vector<Date>& days, Date from, Date to) {
    for (Date d = from; d <= to && days.size() < kMaxExceptionDays; d = d + 1) days.push_back(d);
}

CalSpec readCalendar(pugi::xml_node c) {
    CalSpec cal;
    cal.name = std::string(valueOf(child(c, "Name")));
    cal.base = integer(valueOf(child(c, "BaseCalendarUID"))).value_or(-1);
    if (pugi::xml_node wd = child(c, "WeekDays"))
        for (pugi::xml_node w = wd.first_child(); w; w = w.next_sibling()) {
            if (w.type() != pugi::node_element || localName(w.name()) != "WeekDay") continue;
            const long long type = integer(valueOf(child(w, "DayType"))).value_or(-1);
            const bool working = flag(child(w, "DayWorking"));
            if (type >= 1 && type <= 7) {
                DaySpec& d = cal.week[type - 1];
                d.set = true;
                d.working = working;
                readTimes(w, d);
            } else if (type == 0) { // an exception (the 2007 form)
                pugi::xml_node tp = child(w, "TimePeriod");
                const auto from = dateTime(valueOf(child(tp, "FromDate"))), to = dateTime(valueOf(child(tp, "ToDate")));
                if (from && to) addRange(working ? cal.on : cal.off, from->date, to->date);
            }
        }
    if (pugi::xml_node ex = child(c, "Exceptions")) // the 2010 form
        for (pugi::xml_node e = ex.first_child(); e; e = e.next_sibling()) {
            if (e.type() != pugi::node_element || localName(e.name()) != "Exception") continue;
            const long long type = integer(valueOf(child(e, "Type"))).value_or(1);
            pugi::xml_node tp = child(e, "TimePeriod");
            const auto from = dateTime(valueOf(child(tp, "FromDate"))), to = dateTime(valueOf(child(tp, "ToDate")));
            if (!from || !to) continue;
            if (type != 1) { // recurring (yearly, monthly, weekly): its period spans every occurrence
                cal.recurringSkipped = true;
                continue;
            }
            addRange(flag(child(e, "DayWorking")) ? cal.on : cal.off, from->date, to->date);
        }
    for (auto* days : {&cal.off, &cal.on}) {
        std::sort(days->begin(), days->end());
        days->erase(std::unique(days->begin(), days->end()), days->end());
    }
    return cal;
}

struct Calendars {
    std::map<long long, CalSpec> byUid;
    // A weekday (0 = Sunday) through the chain of base calendars; MS Project's standard week by default.
    DaySpec day(long long uid, int dow) const {
        for (int depth = 0; depth < 16; ++depth) {
            auto it = byUid.find(uid);
            if (it == byUid.end()) break;
            if (it->second.week[dow].set) return it->second.week[dow];
            uid = it->second.base;
        }
        DaySpec d;
        d.set = true;
        d.working = dow >= 1 && dow <= 5;
        if (d.working) d.times = {{480, 720}, {780, 1020}};
        return d;
    }
    // Exception days of a calendar and its bases (a derived calendar's own come first).
    void exceptions(long long uid, std::vector<Date>& off, std::vector<Date>& on, bool& recurring) const {
        for (int depth = 0; depth < 16; ++depth) {
            auto it = byUid.find(uid);
            if (it == byUid.end()) break;
            off.insert(off.end(), it->second.off.begin(), it->second.off.end());
            on.insert(on.end(), it->second.on.begin(), it->second.on.end());
            recurring = recurring || it->second.recurringSkipped;
            uid = it->second.base;
        }
        std::sort(off.begin(), off.end());
        off.erase(std::unique(off.begin(), off.end()), off.end());
        std::sort(on.begin(), on.end());
        on.erase(std::unique(on.begin(), on.end()), on.end());
    }
    std::string name(long long uid) const {
        auto it = byUid.find(uid);
        return it == byUid.end() ? "calendar " + std::to_string(uid) : "\"" + it->second.name + "\"";
    }
};

// Plotline's weekday (0 = Monday) as MS Project's day index (0 = Sunday).
int msDay(int weekday) { return (weekday + 1) % 7; }

// ---- the reader --------------------------------------------------------------------------------

struct Reader {
    MspdiImport& in;
    std::string_view text; // the file, for the place of a fault
    Calendars cals;
    long long projectCal = -1;
    // The project calendar's working spans per MS day (for clock times within a day).
    std::vector<Span> daySpans[7];
    int digits = 2;
    size_t noteLimit = 500, notesLeftOut = 0;

    void note(std::string text) {
        if (in.notes.size() < noteLimit) in.notes.push_back(std::move(text));
        else ++notesLeftOut;
    }

    // Working minutes into the day at a clock time, on the project calendar.
    int offsetAt(Date d, int minute) const {
        const std::vector<Span>& spans = daySpans[msDay(d.weekday())];
        int off = 0;
        for (const Span& s : spans) off += std::max(0, std::min(minute, s.to) - s.from);
        return std::min(off, in.project.calendar.minutesPerDay);
    }
    // The working day a start at this moment begins on: at or after the day's last working minute,
    // the next working day.
    Date startDay(const DateTime& t) const {
        const Calendar& cal = in.project.calendar;
        if (!cal.isWorkingDay(t.date) || offsetAt(t.date, t.minute) >= cal.minutesPerDay) return cal.nextWorkingDay(t.date + 1);
        return t.date;
    }
    // The day a zero-length task at this moment sits on: the end of a day is that day.
    Date pointDay(const DateTime& t) const {
        const Calendar& cal = in.project.calendar;
        if (!cal.isWorkingDay(t.date)) return cal.nextWorkingDay(t.date);
        return t.date;
    }
    // The working day a finish at this moment ends on: at or before the day's first working minute,
    // the working day before.
    Date finishDay(const DateTime& t) const {
        const Calendar& cal = in.project.calendar;
        if (!cal.isWorkingDay(t.date) || offsetAt(t.date, t.minute) <= 0) return cal.workday(cal.workdayIndex(t.date) - 1);
        return t.date;
    }

    void readProjectCalendar(pugi::xml_node root);
    void readTasks(pugi::xml_node tasks);
    void readResources(pugi::xml_node resources);
    void readAssignments(pugi::xml_node assignments);
    void compareDates();

    // Per task, what the file stated (for notes and the date check).
    struct FileTask {
        long long uid = 0, id = 0;
        std::optional<DateTime> start, finish;
    };
    std::vector<FileTask> fileTasks;
    std::unordered_map<long long, int> rowOfUid;
    std::unordered_map<long long, int> resourceOfUid;
    struct PendingLink {
        int successor;
        long long predecessorUid;
        long long type, lag, lagFormat;
        bool crossProject;
    };
    std::vector<PendingLink> links;
    std::map<int, std::vector<BaselineTask>> baselineTasks;

    std::string taskLabel(size_t row) const {
        return fmt(tr("Task {0} {1}"), std::to_string(fileTasks[row].id), shortQuoted(in.project.tasks[row].name));
    }
};

void Reader::readProjectCalendar(pugi::xml_node root) {
    Calendar& cal = in.project.calendar;
    int worked[7] = {};
    uint8_t mask = 0;
    for (int w = 0; w < 7; ++w) {
        const DaySpec d = cals.day(projectCal, msDay(w));
        daySpans[msDay(w)] = d.times;
        if (d.working && d.minutes() > 0) {
            mask |= uint8_t(1u << w);
            worked[w] = d.minutes();
        }
    }
    if (!mask) {
        note(tr("The project calendar has no working day: Monday to Friday, 8 hours a day, was used."));
        mask = 0x1F;
        for (int w = 0; w < 5; ++w) {
            worked[w] = 480;
            daySpans[msDay(w)] = {{480, 720}, {780, 1020}};
        }
    }
    cal.setWorkingWeekdays(mask);
    // The day's length: the hours most working days have (a shorter Friday is noted).
    std::map<int, int> lengths;
    for (int w = 0; w < 7; ++w)
        if (worked[w]) ++lengths[worked[w]];
    int common = 480, seen = 0;
    for (auto [len, count] : lengths)
        if (count > seen) common = len, seen = count;
    cal.minutesPerDay = std::clamp(common, 1, 1440);
    if (lengths.size() > 1)
        note(fmt(tr("Working hours differ between weekdays in the file; Plotline gives every working day {0}."), formatDuration(common, 1440)));
    for (int w = 0; w < 7; ++w)
        if (worked[w] && !daySpans[msDay(w)].empty()) {
            cal.dayStart = std::clamp(daySpans[msDay(w)].front().from, 0, 1439);
            break;
        }
    if (const auto mpd = integer(valueOf(child(root, "MinutesPerDay"))); mpd && *mpd != cal.minutesPerDay && *mpd > 0)
        note(fmt(tr("The file counts a day as {0} but its calendar works {1} a day; durations were read in hours, on the calendar's day."),
                 formatDuration(*mpd, 1440), formatDuration(cal.minutesPerDay, 1440)));
    std::vector<Date> off, on;
    bool recurring = false;
    cals.exceptions(projectCal, off, on, recurring);
    std::vector<Date> holidays;
    for (Date d : off)
        if (cal.isWeekdayWorked(d.weekday())) holidays.push_back(d);
    cal.setHolidays(std::move(holidays));
    size_t extra = 0;
    for (Date d : on)
        if (!cal.isWorkingDay(d) && !std::binary_search(off.begin(), off.end(), d)) ++extra;
    if (extra)
        note(trn("The project calendar has {n} extra working day (e.g. a worked Saturday); Plotline cannot add working days, so it is a day off.",
                 "The project calendar has {n} extra working days (e.g. a worked Saturday); Plotline cannot add working days, so they are days off.",
                 int64_t(extra)));
    if (recurring) note(tr("The project calendar has recurring exceptions (yearly or monthly holidays); only single-date exceptions were read."));
}

constexpr std::string_view kTaskFields[] = {
    "UID", "ID", "Name", "IsNull", "OutlineLevel", "Summary", "Milestone", "Duration", "DurationFormat", "Start",
    "Finish", "ConstraintType", "ConstraintDate", "Deadline", "PercentComplete", "ActualStart", "ActualFinish", "Notes",
    "FixedCost", "Manual", "CalendarUID", "LevelingDelay", "Active", "GUID", "ExternalTask", "IsSubproject"};
enum TaskField {
    kUid, kIdNo, kName, kIsNull, kOutlineLevel, kSummary, kMilestone, kDuration, kDurationFormat, kStart,
    kFinish, kConstraintType, kConstraintDate, kDeadline, kPercent, kActualStart, kActualFinish, kNotes,
    kFixedCost, kManual, kCalendar, kLevelingDelay, kActive, kGuid, kExternal, kSubproject
};

void Reader::readTasks(pugi::xml_node tasks) {
    Project& p = in.project;
    const Calendar& cal = p.calendar;
    const int64_t weekMinutes = int64_t(cal.minutesPerDay) * std::max(1, int(__builtin_popcount(cal.workingWeekdays())));
    auto elapsedToWorking = [&](int64_t m) { return m * weekMinutes / (7 * 1440); };
    std::vector<std::pair<int, size_t>> open; // outline level, row of the open ancestors
    std::unordered_map<Id, bool, IdHash> usedIds;
    Picked<std::size(kTaskFields)> f;
    const Currency cur = currency(p.currency);
    int64_t fixedCostTotal = 0;
    for (pugi::xml_node t = tasks.first_child(); t; t = t.next_sibling()) {
        if (t.type() != pugi::node_element || localName(t.name()) != "Task") continue;
        pick(t, kTaskFields, f, "PredecessorLink", "Baseline");
        if (flag(f.at[kIsNull])) continue; // a blank row
        const auto uid = integer(valueOf(f.at[kUid]));
        const long long level = integer(valueOf(f.at[kOutlineLevel])).value_or(1);
        if (!uid) {
            in.errors.push_back(fmt(tr("A task at {0} has no UID."), placeOf(text, t.offset_debug() - 1)));
            return;
        }
        if (level <= 0 || (*uid == 0 && !f.at[kOutlineLevel])) continue; // the project's own summary row
        if (level > kMaxOutlineDepth) {
            in.errors.push_back(fmt(tr("Task UID {0} is nested {1} levels deep; more than {2} is not a plan."), std::to_string(*uid),
                                    std::to_string(level), std::to_string(kMaxOutlineDepth)));
            return;
        }
        if (p.tasks.size() >= kMspdiMaxTasks) {
            in.errors.push_back(fmt(tr("The file has more than {0} tasks."), kMspdiMaxTasks));
            return;
        }
        if (rowOfUid.count(*uid)) {
            in.errors.push_back(fmt(tr("Two tasks have the UID {0}."), std::to_string(*uid)));
            return;
        }
        const size_t row = p.tasks.size();
        rowOfUid[*uid] = int(row);
        Task task;
        if (const auto g = Id::parse(valueOf(f.at[kGuid])); g && !g->isNull() && !usedIds.count(*g)) task.id = *g;
        else task.id = Id::random();
        usedIds[task.id] = true;
        task.name = std::string(valueOf(f.at[kName]));
        while (!open.empty() && open.back().first >= level) open.pop_back();
        if (!open.empty()) task.parent = p.tasks[open.back().second].id;
        open.push_back({level, row});
        FileTask ft;
        ft.uid = *uid;
        ft.id = integer(valueOf(f.at[kIdNo])).value_or(*uid);
        ft.start = dateTime(valueOf(f.at[kStart]));
        ft.finish = dateTime(valueOf(f.at[kFinish]));
        p.tasks.push_back(std::move(task));
        fileTasks.push_back(ft);
        Task& tk = p.tasks.back();
        std::vector<std::string> said;

        const long long format = integer(valueOf(f.at[kDurationFormat])).value_or(7);
        if (const auto d = duration(valueOf(f.at[kDuration]))) {
            int64_t m = std::max<int64_t>(0, *d);
            if (elapsedFormat(format)) {
                m = elapsedToWorking(m);
                said.push_back(fmt(tr("its elapsed duration became {0} of working time"), formatDuration(m, cal.minutesPerDay)));
            }
            tk.duration = std::min(m, kMaxMinutes);
        } else if (f.at[kDuration]) said.push_back(fmt(tr("its duration \"{0}\" could not be read (1 day used)"), std::string(valueOf(f.at[kDuration]))));
        tk.milestone = flag(f.at[kMilestone]);
        tk.percentComplete = int(std::clamp<long long>(integer(valueOf(f.at[kPercent])).value_or(0), 0, 100));
        if (const auto a = dateTime(valueOf(f.at[kActualStart]))) tk.actualStart = startDay(*a);
        if (const auto a = dateTime(valueOf(f.at[kActualFinish]))) tk.actualFinish = finishDay(*a);
        if (tk.actualStart && tk.actualFinish && *tk.actualFinish < *tk.actualStart) tk.actualFinish = tk.actualStart;
        tk.notes = std::string(valueOf(f.at[kNotes]));
        tk.notes.erase(std::remove(tk.notes.begin(), tk.notes.end(), '\r'), tk.notes.end());
        if (const auto dl = dateTime(valueOf(f.at[kDeadline]))) tk.deadline = finishDay(*dl);

        const long long ctype = integer(valueOf(f.at[kConstraintType])).value_or(0);
        const auto cdate = dateTime(valueOf(f.at[kConstraintDate]));
        const bool summaryInFile = flag(f.at[kSummary]);
        switch (ctype) {
        case 0: break;
        case 1: said.push_back(tr("\"as late as possible\" became \"as soon as possible\"")); break;
        case 2:
            if (cdate) tk.constraint = Constraint::MSO, tk.constraintDate = startDay(*cdate);
            break;
        case 4:
            if (cdate) tk.constraint = Constraint::SNET, tk.constraintDate = startDay(*cdate);
            break;
        case 7:
            if (cdate) tk.constraint = Constraint::FNLT, tk.constraintDate = finishDay(*cdate);
            break;
        case 3: // must finish on: must start on the file's start
        case 6: // finish no earlier than: start no earlier than the file's start
            if (ft.start) {
                tk.constraint = ctype == 3 ? Constraint::MSO : Constraint::SNET;
                tk.constraintDate = startDay(*ft.start);
                said.push_back(fmt(ctype == 3 ? tr("\"must finish on\" became \"must start on\" {0}") : tr("\"finish no earlier than\" became \"start no earlier than\" {0}"),
                                   formatDate(*tk.constraintDate)));
            }
            break;
        case 5:
            said.push_back(cdate ? fmt(tr("\"start no later than {0}\" is not a Plotline constraint: scheduled as soon as possible"), formatDate(startDay(*cdate)))
                                 : std::string(tr("\"start no later than\" is not a Plotline constraint: scheduled as soon as possible")));
            break;
        default: said.push_back(fmt(tr("an unknown constraint type {0} was ignored"), std::to_string(ctype))); break;
        }
        if (!summaryInFile && flag(f.at[kManual]) && ft.start) {
            tk.constraint = Constraint::MSO;
            tk.constraintDate = startDay(*ft.start);
            said.push_back(fmt(tr("manually scheduled in the file: pinned to its start {0}"), formatDate(*tk.constraintDate)));
        } else if (!summaryInFile && integer(valueOf(f.at[kLevelingDelay])).value_or(0) > 0 && ft.start &&
                   tk.constraint == Constraint::ASAP) {
            tk.constraint = Constraint::SNET;
            tk.constraintDate = startDay(*ft.start);
            said.push_back(fmt(tr("delayed by levelling in the file: starts no earlier than {0}"), formatDate(*tk.constraintDate)));
        }
        if (const long long c = integer(valueOf(f.at[kCalendar])).value_or(-1); c >= 0 && c != projectCal && cals.byUid.count(c))
            said.push_back(fmt(tr("has its own calendar {0}: scheduled on the project calendar"), cals.name(c)));
        if (f.at[kActive] && !flag(f.at[kActive])) said.push_back(tr("inactive in the file: imported as an active task"));
        if (flag(f.at[kExternal]) || flag(f.at[kSubproject])) said.push_back(tr("an external task or inserted project: imported as a plain task"));

        if (const auto fc = decimal(valueOf(f.at[kFixedCost])); fc && *fc != 0) {
            // MSPDI writes amounts in hundredths of the currency's unit.
            const double minor = *fc / 100.0 * std::pow(10.0, cur.decimals);
            if (std::fabs(minor) < double(kMaxMoney) && std::fabs(double(fixedCostTotal) + minor) < double(kMaxMoney)) {
                BudgetLine b;
                b.id = Id::random();
                b.name = tk.name.empty() ? "Fixed cost" : tk.name;
                b.amount = std::llround(minor);
                b.task = tk.id;
                fixedCostTotal += b.amount;
                p.budgetLines.push_back(std::move(b));
            } else said.push_back(tr("its fixed cost is out of range and was left out"));
        }
        for (pugi::xml_node n : f.many) {
            const std::string_view name = localName(n.name());
            if (name == "PredecessorLink") {
                const auto pred = integer(valueOf(child(n, "PredecessorUID")));
                if (!pred) continue;
                links.push_back({int(row), *pred, integer(valueOf(child(n, "Type"))).value_or(1),
                                 integer(valueOf(child(n, "LinkLag"))).value_or(0), integer(valueOf(child(n, "LagFormat"))).value_or(7),
                                 flag(child(n, "CrossProject"))});
            } else { // Baseline
                const long long number = integer(valueOf(child(n, "Number"))).value_or(-1);
                const auto bs = dateTime(valueOf(child(n, "Start"))), bf = dateTime(valueOf(child(n, "Finish")));
                if (number < 0 || number > 10 || !bs || !bf) continue;
                Date s = startDay(*bs), e = finishDay(*bf);
                if (e < s) e = s;
                baselineTasks[int(number)].push_back({tk.id, s, e});
            }
        }
        if (!said.empty()) {
            std::string text = taskLabel(row) + ": ";
            for (size_t i = 0; i < said.size(); ++i) text += (i ? "; " : "") + said[i];
            note(text + ".");
        }
    }
    // Links, now that every task has its row.
    const int mpd = cal.minutesPerDay;
    for (const PendingLink& pl : links) {
        auto it = rowOfUid.find(pl.predecessorUid);
        if (pl.crossProject || it == rowOfUid.end()) {
            note(fmt(pl.crossProject ? tr("{0}: a link from task UID {1} in another project was left out.")
                                     : tr("{0}: a link from task UID {1}, which is not in the file, was left out."),
                     taskLabel(size_t(pl.successor)), std::to_string(pl.predecessorUid)));
            continue;
        }
        const int a = it->second, b = pl.successor;
        if (a == b) continue;
        Link l;
        l.id = Id::random();
        l.predecessor = p.tasks[size_t(a)].id;
        l.successor = p.tasks[size_t(b)].id;
        switch (pl.type) {
        case 0: l.type = LinkType::FF; break;
        case 2: l.type = LinkType::SF; break;
        case 3: l.type = LinkType::SS; break;
        default: l.type = LinkType::FS; break;
        }
        // LinkLag is in tenths of a minute; a percentage lag is in tenths of a percent of the
        // predecessor's duration.
        int64_t lag = 0;
        if (percentFormat(pl.lagFormat)) {
            lag = int64_t(std::llround(double(p.tasks[size_t(a)].duration) * double(pl.lag) / 1000.0));
            note(fmt(tr("{0}: the {1} % lag after {2} became {3}."), taskLabel(size_t(b)), std::to_string(pl.lag / 10), taskLabel(size_t(a)),
                     formatDuration(lag, mpd)));
        } else {
            lag = int64_t(std::llround(double(pl.lag) / 10.0));
            if (elapsedFormat(pl.lagFormat)) {
                lag = lag * int64_t(mpd) * std::max(1, int(__builtin_popcount(cal.workingWeekdays()))) / (7 * 1440);
                note(fmt(tr("{0}: the elapsed lag after {1} became {2} of working time."), taskLabel(size_t(b)), taskLabel(size_t(a)),
                         formatDuration(lag, mpd)));
            }
        }
        l.lag = std::clamp(lag, -kMaxMinutes, kMaxMinutes);
        p.links.push_back(l);
    }
    // A summary's own duration and progress are rolled up from its children: it keeps a new task's.
    for (size_t i = 0; i + 1 < p.tasks.size(); ++i)
        if (p.tasks[i + 1].parent == p.tasks[i].id) {
            p.tasks[i].duration = Task{}.duration;
            p.tasks[i].percentComplete = 0;
            p.tasks[i].milestone = false;
        }
    for (auto& [number, list] : baselineTasks) {
        Baseline b;
        b.id = Id::random();
        b.name = number == 0 ? "Baseline" : "Baseline " + std::to_string(number);
        b.tasks = std::move(list);
        p.baselines.push_back(std::move(b));
    }
}

constexpr std::string_view kResourceFields[] = {"UID", "Name", "Type", "IsNull", "Group", "StandardRate", "CalendarUID", "GUID", "Rates", "EmailAddress"};
enum ResourceField { rUid, rName, rType, rIsNull, rGroup, rRate, rCalendar, rGuid, rRates, rEmail };

void Reader::readResources(pugi::xml_node resources) {
    Project& p = in.project;
    const Calendar& cal = p.calendar;
    const int64_t scale = int64_t(std::llround(std::pow(10.0, currency(p.currency).decimals)));
    auto money = [&](double perHour) -> std::optional<int64_t> {
        const double v = perHour * double(scale);
        if (!(std::fabs(v) < double(kMaxMoney)) || v < 0) return std::nullopt;
        return std::llround(v);
    };
    // The span of days a resource calendar's days off are read over: the plan's, with a year after.
    Date first = p.start, last = p.start + 366;
    for (const FileTask& ft : fileTasks)
        if (ft.finish && ft.finish->date > last - 366) last = std::min(ft.finish->date + 366, p.start + 365 * 20);
    Picked<std::size(kResourceFields)> f;
    for (pugi::xml_node r = resources.first_child(); r; r = r.next_sibling()) {
        if (r.type() != pugi::node_element || localName(r.name()) != "Resource") continue;
        pick(r, kResourceFields, f);
        const auto uid = integer(valueOf(f.at[rUid]));
        if (!uid || flag(f.at[rIsNull])) continue;
        const std::string name(valueOf(f.at[rName]));
        if (*uid == 0 && name.empty()) continue; // MS Project's "unassigned" row
        const long long type = integer(valueOf(f.at[rType])).value_or(1);
        if (type != 1) {
            note(fmt(type == 0 ? tr("Resource {0}: a material resource is not a person: left out with its assignments.")
                               : tr("Resource {0}: a cost resource is not a person: left out with its assignments."),
                     shortQuoted(name)));
            continue;
        }
        if (resourceOfUid.count(*uid)) continue;
        Resource res;
        if (const auto g = Id::parse(valueOf(f.at[rGuid])); g && !g->isNull()) res.id = *g;
        else res.id = Id::random();
        for (const Resource& other : p.resources)
            if (other.id == res.id) res.id = Id::random();
        res.name = name.empty() ? "Resource " + std::to_string(*uid) : name;
        res.role = std::string(valueOf(f.at[rGroup]));
        res.email = std::string(valueOf(f.at[rEmail]));
        if (const auto rate = decimal(valueOf(f.at[rRate]))) res.billRate = money(*rate).value_or(0);
        // Rate tables A (bill) and B (cost), each a list of periods.
        if (f.at[rRates]) {
            struct Period {
                Date from;
                int64_t rate;
            };
            std::vector<Period> tables[2];
            for (pugi::xml_node rt = f.at[rRates].first_child(); rt; rt = rt.next_sibling()) {
                if (rt.type() != pugi::node_element || localName(rt.name()) != "Rate") continue;
                const long long table = integer(valueOf(child(rt, "RateTable"))).value_or(0);
                if (table < 0 || table > 1) continue;
                const auto from = dateTime(valueOf(child(rt, "RatesFrom")));
                const auto rate = decimal(valueOf(child(rt, "StandardRate")));
                if (!rate) continue;
                tables[table].push_back({from ? from->date : Date::fromYmd(1984, 1, 1), money(*rate).value_or(0)});
            }
            for (auto& t : tables) std::sort(t.begin(), t.end(), [](const Period& a, const Period& b) { return a.from < b.from; });
            if (!tables[0].empty()) {
                res.billRate = tables[0].front().rate;
                for (size_t i = 1; i < tables[0].size(); ++i)
                    if (tables[0][i].from != tables[0][i - 1].from) res.billRateChanges.push_back({tables[0][i].from, tables[0][i].rate});
            }
            bool anyCost = false;
            for (const Period& pr : tables[1]) anyCost = anyCost || pr.rate != 0;
            if (anyCost) { // an all-zero table B is MS Project's default, not a known cost
                res.costRate = tables[1].front().rate;
                for (size_t i = 1; i < tables[1].size(); ++i)
                    if (tables[1][i].from != tables[1][i - 1].from) res.costRateChanges.push_back({tables[1][i].from, tables[1][i].rate});
            }
        }
        // The person's calendar: the project's working days it does not work become days off.
        if (const long long c = integer(valueOf(f.at[rCalendar])).value_or(-1); c >= 0 && c != projectCal && cals.byUid.count(c)) {
            std::vector<Date> off, on;
            bool recurring = false;
            cals.exceptions(c, off, on, recurring);
            bool hoursDiffer = false;
            for (Date d = cal.nextWorkingDay(first); d <= last && res.daysOff.size() < kMaxExceptionDays; d = cal.nextWorkingDay(d + 1)) {
                const DaySpec day = cals.day(c, msDay(d.weekday()));
                const bool excepted = std::binary_search(off.begin(), off.end(), d);
                const bool works = std::binary_search(on.begin(), on.end(), d) || (day.working && day.minutes() > 0 && !excepted);
                if (!works) res.daysOff.push_back(d);
                else if (day.working && day.minutes() != cal.minutesPerDay) hoursDiffer = true;
            }
            if (hoursDiffer)
                note(fmt(tr("Resource {0}: works other hours (calendar {1}); Plotline schedules people on the project's hours, with their days off."),
                         shortQuoted(res.name), cals.name(c)));
        }
        resourceOfUid[*uid] = int(p.resources.size());
        p.resources.push_back(std::move(res));
    }
}

void Reader::readAssignments(pugi::xml_node assignments) {
    Project& p = in.project;
    std::unordered_map<uint64_t, bool> seen;
    for (pugi::xml_node a = assignments.first_child(); a; a = a.next_sibling()) {
        if (a.type() != pugi::node_element || localName(a.name()) != "Assignment") continue;
        const auto task = integer(valueOf(child(a, "TaskUID"))), resource = integer(valueOf(child(a, "ResourceUID")));
        if (!task || !resource) continue;
        auto t = rowOfUid.find(*task);
        auto r = resourceOfUid.find(*resource);
        if (t == rowOfUid.end() || r == resourceOfUid.end()) continue;
        const uint64_t key = uint64_t(uint32_t(t->second)) << 32 | uint32_t(r->second);
        if (seen.count(key)) continue;
        seen[key] = true;
        Assignment as;
        as.id = Id::random();
        as.task = p.tasks[size_t(t->second)].id;
        as.resource = p.resources[size_t(r->second)].id;
        as.units = int(std::clamp<long long>(std::llround(decimal(valueOf(child(a, "Units"))).value_or(1.0) * 100), 1, 1000));
        p.assignments.push_back(as);
    }
}

void Reader::compareDates() {
    const Project& p = in.project;
    const Schedule s = schedule(p);
    if (!s.ok()) {
        note(fmt(tr("The plan does not schedule: {0}"), s.error));
        return;
    }
    size_t differ = 0;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const FileTask& ft = fileTasks[i];
        if (!ft.start || !ft.finish) continue;
        const TaskSchedule& ts = s.tasks[i];
        // A zero-length task sits on one day (at the end of it when a finish drives it).
        const bool point = ts.start == ts.finish;
        const Date fs = point ? pointDay(*ft.start) : startDay(*ft.start), ff = point ? pointDay(*ft.finish) : finishDay(*ft.finish);
        const Date ps = ts.startDate, pf = ts.finishDate;
        // A moment outside working hours reads two ways (23:00 is that date, or the next working
        // morning): either matches.
        const bool same = (ps == fs || ps == ft.start->date) && (pf == ff || pf == ft.finish->date);
        if (same) continue;
        ++differ;
        note(fmt(tr("{0}: the file has {1} to {2}, Plotline schedules {3} to {4}."), taskLabel(i), formatDate(fs), formatDate(ff), formatDate(ps),
                 formatDate(pf)));
    }
    if (differ) note(fmt(tr("{0} of {1} tasks have other dates than the file states (listed above)."), differ, p.tasks.size()));
}

} // namespace

bool looksLikeMspdi(std::string_view text) {
    // The first element's local name, past the declaration, comments and white space.
    size_t i = 0;
    while (i < text.size()) {
        i = text.find('<', i);
        if (i == std::string_view::npos || i + 1 >= text.size()) return false;
        if (text[i + 1] == '?' || text[i + 1] == '!') {
            ++i;
            continue;
        }
        size_t end = i + 1;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '>' && text[end] != '/') ++end;
        std::string_view name = text.substr(i + 1, end - i - 1);
        if (const size_t colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
        return name == "Project";
    }
    return false;
}

MspdiImport readMspdi(std::string_view text, std::string_view fileName) {
    MspdiImport in;
    pugi::xml_document doc;
    std::string error;
    pugi::xml_node root = xml::parseRoot(doc, text, kMspdiMaxBytes, "Project", "Microsoft Project XML", error);
    if (!root) {
        in.errors.push_back(error);
        return in;
    }
    Reader r{in, text};
    Project& p = in.project;
    p = newProject(Date::fromYmd(2026, 1, 5));
    p.id = Id::random();
    if (const auto g = Id::parse(valueOf(child(root, "GUID"))); g && !g->isNull()) p.id = *g;
    std::string title(valueOf(child(root, "Title")));
    if (title.empty()) title = fileStem(valueOf(child(root, "Name")));
    if (title.empty()) title = fileStem(fileName);
    p.name = title.empty() ? "Imported plan" : title;
    p.client = std::string(valueOf(child(root, "Company")));
    p.producer = std::string(valueOf(child(root, "Manager")));
    if (std::string_view code = valueOf(child(root, "CurrencyCode"));
        code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        p.currency = std::string(code);
    r.projectCal = integer(valueOf(child(root, "CalendarUID"))).value_or(1);
    if (pugi::xml_node cs = child(root, "Calendars"))
        for (pugi::xml_node c = cs.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || localName(c.name()) != "Calendar") continue;
            if (const auto uid = integer(valueOf(child(c, "UID")))) r.cals.byUid[*uid] = readCalendar(c);
        }
    r.readProjectCalendar(root);
    const auto start = dateTime(valueOf(child(root, "StartDate")));
    if (!start) {
        in.errors.push_back(tr("The file has no project start date (StartDate)."));
        return in;
    }
    p.start = r.startDay(*start);
    if (const auto sd = dateTime(valueOf(child(root, "StatusDate")))) p.statusDate = sd->date;
    if (pugi::xml_node tasks = child(root, "Tasks")) r.readTasks(tasks);
    if (!in.ok()) return in;
    if (pugi::xml_node res = child(root, "Resources")) r.readResources(res);
    if (pugi::xml_node as = child(root, "Assignments")) r.readAssignments(as);
    if (std::string why = textLimitProblem(p); !why.empty()) {
        in.errors.push_back(why);
        return in;
    }
    r.compareDates();
    if (r.notesLeftOut) in.notes.push_back(fmt(tr("… and {0} more."), r.notesLeftOut));
    return in;
}

// ---- the writer --------------------------------------------------------------------------------

namespace {

struct XmlOut {
    std::string s;
    int depth = 0;
    void indent() { s.append(size_t(depth), '\t'); }
    void open(const char* name) {
        indent();
        s += '<';
        s += name;
        s += ">\n";
        ++depth;
    }
    void close(const char* name) {
        --depth;
        indent();
        s += "</";
        s += name;
        s += ">\n";
    }
    void text(std::string_view v) {
        // Most values (numbers, dates, plain names) need no escaping: appended whole.
        if (std::none_of(v.begin(), v.end(), [](char c) { return c == '&' || c == '<' || c == '>' || static_cast<unsigned char>(c) < 0x20; })) {
            s.append(v);
            return;
        }
        for (char c : v) {
            const unsigned char u = static_cast<unsigned char>(c);
            if (c == '&') s += "&amp;";
            else if (c == '<') s += "&lt;";
            else if (c == '>') s += "&gt;";
            else if (u < 0x20 && c != '\n' && c != '\t') continue; // not allowed in XML 1.0 (\r dropped too)
            else s += c;
        }
    }
    void el(const char* name, std::string_view v) {
        indent();
        s += '<';
        s += name;
        s += '>';
        text(v);
        s += "</";
        s += name;
        s += ">\n";
    }
    void el(const char* name, int64_t v) {
        char b[24];
        const auto r = std::to_chars(b, b + sizeof b, v);
        el(name, std::string_view(b, size_t(r.ptr - b)));
    }
};

// Short values formatted on the stack (a 100k-task export writes millions of them).
struct Short {
    char b[48];
    size_t n = 0;
    operator std::string_view() const { return {b, n}; }
    void put(std::string_view v) {
        std::memcpy(b + n, v.data(), v.size());
        n += v.size();
    }
    void number(int64_t v) { n = size_t(std::to_chars(b + n, b + sizeof b, v).ptr - b); }
    void two(int v) {
        b[n++] = char('0' + v / 10 % 10);
        b[n++] = char('0' + v % 10);
    }
};
Short clock(int minute) {
    minute = std::clamp(minute, 0, 1440);
    Short t;
    t.two(minute / 60);
    t.put(":");
    t.two(minute % 60);
    t.put(":00");
    return t;
}
Short at(Date d, int minute) {
    Short t;
    d.format(t.b);
    t.n = 10;
    t.put("T");
    const Short c = clock(minute);
    t.put(c);
    return t;
}
// A day's start or end on the exported calendar (one working range from dayStart).
Short startOf(const Calendar& cal, Date d) { return at(d, cal.dayStart); }
Short endOf(const Calendar& cal, Date d) { return at(d, std::min(1440, cal.dayStart + cal.minutesPerDay)); }
Short durationText(int64_t minutes) {
    const int64_t m = minutes < 0 ? -minutes : minutes;
    Short t;
    if (minutes < 0) t.put("-");
    t.put("PT");
    t.number(m / 60);
    t.put("H");
    t.number(m % 60);
    t.put("M0S");
    return t;
}
Short guid(Id id) {
    char h[32];
    id.format(h);
    Short g;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) g.b[g.n++] = '-';
        g.b[g.n++] = char(std::toupper(static_cast<unsigned char>(h[i])));
    }
    return g;
}
std::string decimalText(int64_t minor, int decimals) {
    // minor units as a decimal of the major unit: 12345, 2 → "123.45"
    const bool negative = minor < 0;
    uint64_t m = negative ? uint64_t(-(minor + 1)) + 1 : uint64_t(minor);
    uint64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    std::string out = negative ? "-" : "";
    out += std::to_string(m / scale);
    if (decimals > 0) {
        std::string frac = std::to_string(m % scale);
        out += '.';
        out.append(size_t(decimals) - frac.size(), '0');
        out += frac;
    }
    return out;
}

// Days as inclusive ranges.
std::vector<std::pair<Date, Date>> ranges(const std::vector<Date>& days) {
    std::vector<std::pair<Date, Date>> out;
    for (Date d : days) {
        if (!out.empty() && out.back().second + 1 == d) out.back().second = d;
        else if (out.empty() || out.back().second < d) out.push_back({d, d});
    }
    return out;
}

void writeWeek(XmlOut& x, const Calendar& cal, bool base, const std::vector<Date>& off) {
    x.open("WeekDays");
    if (base)
        for (int ms = 0; ms < 7; ++ms) {
            const int weekday = (ms + 6) % 7; // MS day 0 = Sunday → Plotline 6
            x.open("WeekDay");
            x.el("DayType", ms + 1);
            const bool worked = cal.isWeekdayWorked(weekday);
            x.el("DayWorking", worked ? 1 : 0);
            if (worked) {
                x.open("WorkingTimes");
                x.open("WorkingTime");
                x.el("FromTime", clock(cal.dayStart));
                x.el("ToTime", clock(std::min(1440, cal.dayStart + cal.minutesPerDay) % 1440));
                x.close("WorkingTime");
                x.close("WorkingTimes");
            }
            x.close("WeekDay");
        }
    for (auto [from, to] : ranges(off)) {
        x.open("WeekDay");
        x.el("DayType", 0);
        x.el("DayWorking", 0);
        x.open("TimePeriod");
        x.el("FromDate", at(from, 0));
        x.el("ToDate", at(to, 1439));
        x.close("TimePeriod");
        x.close("WeekDay");
    }
    x.close("WeekDays");
}

void writeRates(XmlOut& x, int table, int64_t first, const std::vector<RateChange>& changes, int decimals) {
    Date from = Date::fromYmd(1984, 1, 1);
    int64_t rate = first;
    for (size_t i = 0; i <= changes.size(); ++i) {
        const bool last = i == changes.size();
        x.open("Rate");
        x.el("RatesFrom", at(from, 0));
        x.el("RatesTo", last ? at(Date::fromYmd(2049, 12, 31), 1439) : at(changes[i].from - 1, 1439));
        x.el("RateTable", table);
        x.el("StandardRate", decimalText(rate, decimals));
        x.el("StandardRateFormat", 2);
        x.el("OvertimeRate", 0);
        x.el("OvertimeRateFormat", 2);
        x.el("CostPerUse", 0);
        x.close("Rate");
        if (!last) from = changes[i].from, rate = changes[i].rate;
    }
}

} // namespace

std::string writeMspdi(const Project& p, const Schedule& s) {
    const Calendar& cal = p.calendar;
    const int mpd = cal.minutesPerDay;
    const int decimals = currency(p.currency).decimals;
    XmlOut x;
    x.s.reserve(p.tasks.size() * 1100 + 4096); // ~1 KB a task: one allocation for the whole file
    x.s += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n";
    x.depth = 1;
    x.el("SaveVersion", 14);
    x.el("Name", p.name + ".xml");
    x.el("GUID", guid(p.id));
    x.el("Title", p.name);
    if (!p.client.empty()) x.el("Company", p.client);
    if (!p.producer.empty()) x.el("Manager", p.producer);
    x.el("ScheduleFromStart", 1);
    x.el("StartDate", startOf(cal, cal.nextWorkingDay(p.start)));
    x.el("FinishDate", s.ok() && !s.tasks.empty() ? endOf(cal, s.finish) : endOf(cal, cal.nextWorkingDay(p.start)));
    x.el("CurrencyDigits", decimals);
    x.el("CurrencyCode", p.currency);
    x.el("CalendarUID", 1);
    x.el("DefaultStartTime", clock(cal.dayStart));
    x.el("DefaultFinishTime", clock(std::min(1440, cal.dayStart + mpd) % 1440));
    x.el("MinutesPerDay", mpd);
    x.el("MinutesPerWeek", int64_t(mpd) * __builtin_popcount(cal.workingWeekdays()));
    x.el("DaysPerMonth", 20);
    x.el("DurationFormat", 7);
    if (p.statusDate) x.el("StatusDate", endOf(cal, *p.statusDate));
    x.el("ProjectExternallyEdited", 0);

    // Calendars: the project's (UID 1), then one per person with days off, based on it.
    std::vector<int> resourceCal(p.resources.size(), -1);
    x.open("Calendars");
    x.open("Calendar");
    x.el("UID", 1);
    x.el("Name", "Standard");
    x.el("IsBaseCalendar", 1);
    x.el("IsBaselineCalendar", 0);
    x.el("BaseCalendarUID", -1);
    writeWeek(x, cal, true, cal.holidays());
    x.close("Calendar");
    int nextCal = 2;
    for (size_t i = 0; i < p.resources.size(); ++i) {
        if (p.resources[i].daysOff.empty()) continue;
        resourceCal[i] = nextCal++;
        x.open("Calendar");
        x.el("UID", resourceCal[i]);
        x.el("Name", p.resources[i].name);
        x.el("IsBaseCalendar", 0);
        x.el("IsBaselineCalendar", 0);
        x.el("BaseCalendarUID", 1);
        writeWeek(x, cal, false, p.resources[i].daysOff);
        x.close("Calendar");
    }
    x.close("Calendars");

    // Tasks: UID n+1 for row n; the project's own summary row (UID 0) first, as MS Project writes it.
    std::vector<int> level = outlineLevels(p);
    // Fixed costs (a task's own budget lines) and baselines per task: MS Project has Baseline (0) and
    // Baseline1-10; the first 11 are written.
    std::vector<int64_t> fixedCost(p.tasks.size(), 0);
    std::vector<std::vector<std::pair<int, const BaselineTask*>>> baselineOf(p.tasks.size());
    if (!p.budgetLines.empty() || !p.baselines.empty()) {
        const IdIndex row = indexById(p.tasks);
        for (const BudgetLine& b : p.budgetLines)
            if (!b.task.isNull() && b.vendor.isNull() && b.changeRequest.isNull())
                if (const int r = row.find(b.task); r >= 0) fixedCost[size_t(r)] += b.amount;
        for (size_t b = 0; b < p.baselines.size() && b <= 10; ++b)
            for (const BaselineTask& bt : p.baselines[b].tasks)
                if (const int r = row.find(bt.task); r >= 0) baselineOf[size_t(r)].push_back({int(b), &bt});
    }
    std::vector<std::vector<size_t>> predecessorsOf(p.tasks.size());
    for (size_t k = 0; k < p.links.size() && k < s.linkTo.size(); ++k)
        if (s.linkFrom[k] >= 0 && s.linkTo[k] >= 0) predecessorsOf[size_t(s.linkTo[k])].push_back(k);
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();

    x.open("Tasks");
    x.open("Task");
    x.el("UID", 0);
    x.el("ID", 0);
    x.el("Name", p.name);
    x.el("Type", 1);
    x.el("IsNull", 0);
    x.el("WBS", "0");
    x.el("OutlineNumber", "0");
    x.el("OutlineLevel", 0);
    x.el("Start", startOf(cal, scheduled && !p.tasks.empty() ? s.start : cal.nextWorkingDay(p.start)));
    x.el("Finish", endOf(cal, scheduled && !p.tasks.empty() ? s.finish : cal.nextWorkingDay(p.start)));
    x.el("Summary", 1);
    x.close("Task");
    std::vector<int> outline; // the outline number's parts
    std::string number;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        const int lv = level[i];
        outline.resize(size_t(lv), 0);
        ++outline[size_t(lv - 1)];
        number.clear();
        for (size_t k = 0; k < outline.size(); ++k) {
            if (k) number += '.';
            char b[16];
            number.append(b, size_t(std::to_chars(b, b + sizeof b, outline[k]).ptr - b));
        }
        const bool summary = scheduled ? s.tasks[i].summary : p.hasChildren(i);
        x.open("Task");
        x.el("UID", int64_t(i + 1));
        x.el("GUID", guid(t.id));
        x.el("ID", int64_t(i + 1));
        x.el("Name", t.name);
        x.el("Type", 0);
        x.el("IsNull", 0);
        x.el("WBS", number);
        x.el("OutlineNumber", number);
        x.el("OutlineLevel", lv);
        int64_t dur = t.duration;
        if (scheduled) {
            // On the days the schedule names (a milestone driven by a finish sits at the end of its day).
            const TaskSchedule& ts = s.tasks[i];
            x.el("Start", at(ts.startDate, int(std::clamp<int64_t>(cal.dayStart + ts.start - cal.instantAt(ts.startDate), 0, 1440))));
            x.el("Finish", at(ts.finishDate, int(std::clamp<int64_t>(cal.dayStart + ts.finish - cal.instantAt(ts.finishDate), 0, 1440))));
            if (summary) dur = ts.finish - ts.start;
        }
        x.el("Duration", durationText(dur));
        x.el("DurationFormat", dur % mpd == 0 ? 7 : 5);
        x.el("Milestone", t.milestone ? 1 : 0);
        x.el("Summary", summary ? 1 : 0);
        if (fixedCost[i]) x.el("FixedCost", decimalText(fixedCost[i] * 100, decimals)); // hundredths of the unit
        x.el("FixedCostAccrual", 3);
        x.el("PercentComplete", scheduled ? s.tasks[i].percentComplete : t.percentComplete);
        if (t.actualStart) x.el("ActualStart", startOf(cal, *t.actualStart));
        if (t.actualFinish) x.el("ActualFinish", endOf(cal, *t.actualFinish));
        int ctype = 0;
        switch (t.constraint) {
        case Constraint::ASAP: ctype = 0; break;
        case Constraint::MSO: ctype = 2; break;
        case Constraint::SNET: ctype = 4; break;
        case Constraint::FNLT: ctype = 7; break;
        }
        x.el("ConstraintType", t.constraintDate ? ctype : 0);
        x.el("CalendarUID", -1);
        if (t.constraintDate && ctype)
            x.el("ConstraintDate", t.constraint == Constraint::FNLT ? endOf(cal, *t.constraintDate) : startOf(cal, *t.constraintDate));
        if (t.deadline) x.el("Deadline", endOf(cal, *t.deadline));
        if (!t.notes.empty()) x.el("Notes", t.notes);
        for (size_t k : predecessorsOf[i]) {
            const Link& l = p.links[k];
            x.open("PredecessorLink");
            x.el("PredecessorUID", int64_t(s.linkFrom[k] + 1));
            x.el("Type", l.type == LinkType::FF ? 0 : l.type == LinkType::SF ? 2 : l.type == LinkType::SS ? 3 : 1);
            x.el("CrossProject", 0);
            x.el("LinkLag", l.lag * 10);
            x.el("LagFormat", l.lag % mpd == 0 ? 7 : 5);
            x.close("PredecessorLink");
        }
        for (auto [number, bt] : baselineOf[i]) {
            x.open("Baseline");
            x.el("Number", number);
            x.el("Start", startOf(cal, bt->start));
            x.el("Finish", endOf(cal, bt->finish));
            x.el("Duration", durationText(int64_t(cal.workingDaysBetween(bt->start, bt->finish + 1)) * mpd));
            x.el("DurationFormat", 7);
            x.close("Baseline");
        }
        x.close("Task");
    }
    x.close("Tasks");

    x.open("Resources");
    for (size_t i = 0; i < p.resources.size(); ++i) {
        const Resource& r = p.resources[i];
        x.open("Resource");
        x.el("UID", int64_t(i + 1));
        x.el("GUID", guid(r.id));
        x.el("ID", int64_t(i + 1));
        x.el("Name", r.name);
        x.el("Type", 1);
        x.el("IsNull", 0);
        if (!r.role.empty()) x.el("Group", r.role);
        if (!r.email.empty()) x.el("EmailAddress", r.email);
        x.el("MaxUnits", "1.00");
        x.el("StandardRate", decimalText(r.billRate, decimals));
        x.el("StandardRateFormat", 2);
        x.el("CalendarUID", resourceCal[i] > 0 ? resourceCal[i] : 1);
        x.open("Rates");
        writeRates(x, 0, r.billRate, r.billRateChanges, decimals);
        if (r.hasCostRate()) {
            std::vector<RateChange> changes = r.costRateChanges;
            int64_t first = r.costRate.value_or(0);
            writeRates(x, 1, first, changes, decimals);
        }
        x.close("Rates");
        x.close("Resource");
    }
    x.close("Resources");

    x.open("Assignments");
    {
        const IdIndex resourceRow = indexById(p.resources);
        int64_t uid = 1;
        for (size_t k = 0; k < p.assignments.size(); ++k) {
            const Assignment& a = p.assignments[k];
            const int row = k < s.assignmentRow.size() ? s.assignmentRow[k] : -1;
            const int r = resourceRow.find(a.resource);
            if (row < 0 || r < 0) continue;
            x.open("Assignment");
            x.el("UID", uid++);
            x.el("TaskUID", int64_t(row + 1));
            x.el("ResourceUID", int64_t(r + 1));
            char units[32];
            std::snprintf(units, sizeof units, "%d.%02d", a.units / 100, a.units % 100);
            x.el("Units", std::string_view(units));
            x.close("Assignment");
        }
    }
    x.close("Assignments");
    x.s += "</Project>\n";
    return std::move(x.s);
}

} // namespace plotline
