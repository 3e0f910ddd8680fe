#include "portfolio.hpp"

#include "fields.hpp"
#include "schedule.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

namespace plotline {

PortfolioRow portfolioRow(const Project& project, const Schedule& s, Date today) {
    const Project* p = &project;
    PortfolioRow row;
    row.id = p->id;
    row.name = p->name;
    row.client = p->client;
    row.producer = p->producer;
    row.statusDate = p->statusDate.value_or(today);
    row.scheduled = s.ok() && s.tasks.size() == p->tasks.size();
    if (!row.scheduled) {
        row.error = s.ok() ? "not scheduled" : s.error;
        row.rag = Rag::Red;
        row.reasons = {"The plan does not schedule: " + row.error};
        return row;
    }
    row.start = s.start;
    row.finish = s.finish;
    int64_t total = 0, done = 0;
    for (size_t i = 0; i < p->tasks.size(); ++i) {
        if (s.tasks[i].summary) continue;
        ++row.tasks;
        total += p->tasks[i].duration;
        done += p->tasks[i].duration * p->tasks[i].percentComplete;
    }
    row.percentComplete = total > 0 ? int(done / total) : 0;
    const StatusReport r = statusReport(*p, s, row.statusDate);
    row.rag = r.rag;
    row.reasons = r.reasons;
    // A plan without a budget has no SPI to say it slipped: its overdue work says it instead.
    if (!r.budget.ev.spi()) {
        int overdue = 0;
        for (size_t i = 0; i < p->tasks.size(); ++i)
            overdue += !s.tasks[i].summary && s.tasks[i].start != s.tasks[i].finish && // milestones: the rule's own reason
                       s.tasks[i].finishDate < row.statusDate && p->tasks[i].percentComplete < 100;
        if (overdue > 0) {
            if (row.rag == Rag::Green) row.rag = Rag::Amber;
            row.reasons.push_back(std::to_string(overdue) + (overdue == 1 ? " task was" : " tasks were") + " due by " +
                                  row.statusDate.str() + " and " + (overdue == 1 ? "is" : "are") + " not done (the plan has no budget to measure progress by)");
        }
    }
    if (!r.milestonesNext.empty()) row.nextMilestone = r.milestonesNext.front();
    for (const MilestoneLine& m : r.milestonesNext) row.lateMilestones += m.late;
    for (size_t i = 0; i < p->tasks.size(); ++i)
        if (p->tasks[i].milestone || (!s.tasks[i].summary && s.tasks[i].start == s.tasks[i].finish))
            row.milestones.push_back({p->tasks[i].id, p->tasks[i].name, s.tasks[i].finishDate, p->tasks[i].percentComplete >= 100});
    return row;
}

void sortPortfolio(std::vector<PortfolioRow>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const PortfolioRow& a, const PortfolioRow& b) {
        if (a.rag != b.rag) return int(a.rag) > int(b.rag); // red, amber, green
        if (a.scheduled != b.scheduled) return !a.scheduled;
        return a.finish < b.finish;
    });
}

std::vector<PortfolioRow> portfolio(const std::vector<const Project*>& projects, Date today) {
    std::vector<PortfolioRow> rows;
    rows.reserve(projects.size());
    for (const Project* p : projects) rows.push_back(portfolioRow(*p, schedule(*p), today));
    sortPortfolio(rows);
    return rows;
}

namespace {

std::string milestoneText(const PortfolioRow& r) {
    if (!r.nextMilestone) return "\u2014";
    return r.nextMilestone->name + " " + r.nextMilestone->date.str() + (r.nextMilestone->late ? " (late)" : "");
}

} // namespace

ReportDoc portfolioDoc(const std::vector<PortfolioRow>& rows, Date today) {
    ReportDoc doc;
    doc.title = "Portfolio";
    int red = 0, amber = 0;
    for (const PortfolioRow& r : rows) red += r.rag == Rag::Red, amber += r.rag == Rag::Amber;
    doc.subtitle = std::to_string(rows.size()) + (rows.size() == 1 ? " project" : " projects") + " as of " + today.str() + ": " +
                   std::to_string(red) + " red, " + std::to_string(amber) + " amber, " + std::to_string(int(rows.size()) - red - amber) + " green";
    ReportSection projects;
    projects.title = "Projects";
    projects.table.header = {"Project", "Status", "Start", "Finish", "Done", "Next milestone", "Tasks"};
    projects.table.rightAligned = {4, 6};
    for (const PortfolioRow& r : rows) {
        projects.table.rows.push_back({r.name, ragName(r.rag), r.scheduled ? r.start.str() : "\u2014", r.scheduled ? r.finish.str() : "\u2014",
                                       std::to_string(r.percentComplete) + " %", milestoneText(r), std::to_string(r.tasks)});
        const int tone = r.rag == Rag::Red ? -1 : r.rag == Rag::Green ? 1 : 0;
        projects.table.tone.push_back({0, tone, 0, 0, 0, r.nextMilestone && r.nextMilestone->late ? -1 : 0, 0});
    }
    doc.sections.push_back(std::move(projects));
    ReportSection why;
    why.title = "Why not green";
    for (const PortfolioRow& r : rows)
        for (const std::string& reason : r.reasons) why.bullets.push_back(r.name + ": " + reason);
    if (why.bullets.empty()) why.paragraphs.push_back("Every project is green.");
    doc.sections.push_back(std::move(why));
    return doc;
}

// ---- This week ----

namespace {

ThisWeek emptyWeek(Date today) {
    ThisWeek w;
    w.today = today;
    w.from = today - today.weekday();
    w.to = w.from + 6;
    return w;
}

} // namespace

ThisWeek thisWeek(const Project& p, const Schedule& s, Date today) {
    ThisWeek w = emptyWeek(today);
    if (!s.ok() || s.tasks.size() != p.tasks.size()) return w;
    std::unordered_map<Id, size_t, IdHash> row;
    row.reserve(p.tasks.size());
    for (size_t i = 0; i < p.tasks.size(); ++i) row.emplace(p.tasks[i].id, i);
    std::vector<int> waiting(p.tasks.size(), 0);
    for (const Link& l : p.links) {
        const auto a = row.find(l.predecessor), b = row.find(l.successor);
        if (a == row.end() || b == row.end()) continue;
        const Task& next = p.tasks[b->second];
        if (next.percentComplete == 0 && !next.actualStart) ++waiting[a->second];
    }
    std::vector<std::vector<size_t>> people(p.tasks.size());
    std::unordered_map<Id, size_t, IdHash> person;
    for (size_t r = 0; r < p.resources.size(); ++r) person.emplace(p.resources[r].id, r);
    for (const Assignment& a : p.assignments) {
        const auto t = row.find(a.task);
        const auto r = person.find(a.resource);
        if (t != row.end() && r != person.end()) people[t->second].push_back(r->second);
    }
    std::vector<HoldingUp> holders(p.resources.size());
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        const TaskSchedule& st = s.tasks[i];
        if (st.summary || t.percentComplete >= 100 || t.actualFinish) continue;
        WeekTask x;
        x.project = p.id;
        x.task = t.id;
        x.projectName = p.name;
        x.name = t.name;
        x.start = st.startDate;
        x.finish = st.finishDate;
        x.percentComplete = t.percentComplete;
        x.milestone = t.milestone || st.start == st.finish;
        x.waiting = waiting[i];
        for (size_t r : people[i]) x.people.push_back(p.resources[r].name);
        if (x.finish < today) x.kind = WeekTask::Kind::Late;
        else if (x.finish <= w.to) x.kind = WeekTask::Kind::Due;
        else if (x.start >= w.from && x.start <= w.to && t.percentComplete == 0 && !t.actualStart) x.kind = WeekTask::Kind::Starts;
        else continue;
        if (x.kind != WeekTask::Kind::Starts && x.waiting > 0)
            for (size_t r : people[i]) {
                HoldingUp& h = holders[r];
                if (h.name.empty()) {
                    h.name = p.resources[r].name;
                    h.person = personKey(p.resources[r].email);
                    if (h.person.empty()) h.project = p.id;
                }
                h.tasks.push_back(x);
            }
        (x.kind == WeekTask::Kind::Late ? w.late : x.kind == WeekTask::Kind::Due ? w.due : w.starting).push_back(std::move(x));
    }
    for (HoldingUp& h : holders)
        if (!h.tasks.empty()) w.holding.push_back(std::move(h));
    const ThisWeek* one = &w;
    return combineWeeks({one}); // sorted and totalled as any combination is
}

ThisWeek combineWeeks(const std::vector<const ThisWeek*>& weeks) {
    if (weeks.empty()) return {};
    ThisWeek w = emptyWeek(weeks.front()->today);
    std::map<std::string, HoldingUp> holders; // by person: ordered, so the list does not depend on hashing
    for (const ThisWeek* x : weeks) {
        w.late.insert(w.late.end(), x->late.begin(), x->late.end());
        w.due.insert(w.due.end(), x->due.begin(), x->due.end());
        w.starting.insert(w.starting.end(), x->starting.begin(), x->starting.end());
        for (const HoldingUp& h : x->holding) {
            HoldingUp& into = holders[h.person.empty() ? "\x01" + h.project.str() + " " + h.name : h.person];
            if (into.name.empty()) into.name = h.name, into.person = h.person, into.project = h.project;
            into.tasks.insert(into.tasks.end(), h.tasks.begin(), h.tasks.end());
        }
    }
    auto byDate = [](const WeekTask& a, const WeekTask& b) {
        return std::tie(a.finish, a.projectName, a.name) < std::tie(b.finish, b.projectName, b.name);
    };
    std::stable_sort(w.late.begin(), w.late.end(), byDate);
    std::stable_sort(w.due.begin(), w.due.end(), byDate);
    std::stable_sort(w.starting.begin(), w.starting.end(), [](const WeekTask& a, const WeekTask& b) {
        return std::tie(a.start, a.projectName, a.name) < std::tie(b.start, b.projectName, b.name);
    });
    for (auto& [key, h] : holders) {
        std::stable_sort(h.tasks.begin(), h.tasks.end(), [](const WeekTask& a, const WeekTask& b) { return a.waiting > b.waiting; });
        h.waiting = 0;
        for (const WeekTask& t : h.tasks) h.waiting += t.waiting;
        w.holding.push_back(std::move(h));
    }
    std::stable_sort(w.holding.begin(), w.holding.end(), [](const HoldingUp& a, const HoldingUp& b) {
        return a.waiting != b.waiting ? a.waiting > b.waiting : a.name < b.name;
    });
    return w;
}

ThisWeek thisWeek(const std::vector<const Project*>& projects, const std::vector<const Schedule*>& schedules, Date today) {
    std::vector<ThisWeek> each;
    each.reserve(projects.size());
    for (size_t k = 0; k < projects.size() && k < schedules.size(); ++k) each.push_back(thisWeek(*projects[k], *schedules[k], today));
    std::vector<const ThisWeek*> all;
    for (const ThisWeek& x : each) all.push_back(&x);
    if (all.empty()) return emptyWeek(today);
    return combineWeeks(all);
}

namespace {

std::string peopleText(const std::vector<std::string>& people) {
    std::string s;
    for (const std::string& n : people) s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? "\u2014" : s;
}

ReportSection weekSection(const char* title, const std::vector<WeekTask>& tasks, bool byStart, Date today) {
    ReportSection sec;
    sec.title = title;
    if (tasks.empty()) {
        sec.paragraphs.push_back("Nothing.");
        return sec;
    }
    sec.table.header = {"Project", "Task", byStart ? "Starts" : "Due", "Who", "Done", "Waiting on it"};
    sec.table.rightAligned = {4, 5};
    for (const WeekTask& t : tasks) {
        std::string when = (byStart ? t.start : t.finish).str();
        if (!byStart && t.finish < today) when += " (" + std::to_string(today - t.finish) + (today - t.finish == 1 ? " day late)" : " days late)");
        sec.table.rows.push_back({t.projectName, t.name + (t.milestone ? " \u25C6" : ""), when, peopleText(t.people),
                                  std::to_string(t.percentComplete) + " %", std::to_string(t.waiting)});
        sec.table.tone.push_back({0, 0, !byStart && t.finish < today ? -1 : 0, 0, 0, 0});
    }
    return sec;
}

} // namespace

void appendThisWeek(ReportDoc& doc, const ThisWeek& w) {
    doc.sections.push_back(weekSection("Late", w.late, false, w.today));
    doc.sections.push_back(weekSection(("Due this week (to " + w.to.str() + ")").c_str(), w.due, false, w.today));
    doc.sections.push_back(weekSection(("Starting this week (from " + w.from.str() + ")").c_str(), w.starting, true, w.today));
    ReportSection hold;
    hold.title = "Holding others up";
    for (const HoldingUp& h : w.holding) {
        std::string line = h.name + ": " + std::to_string(h.waiting) + (h.waiting == 1 ? " task waits" : " tasks wait") + " on ";
        for (size_t i = 0; i < h.tasks.size(); ++i)
            line += std::string(i ? ", " : "") + plotline::quoted(h.tasks[i].name) + " (" + h.tasks[i].projectName + ", " +
                    (h.tasks[i].finish < w.today ? "late" : "due " + h.tasks[i].finish.str()) + ")";
        hold.bullets.push_back(std::move(line));
    }
    if (hold.bullets.empty()) hold.paragraphs.push_back("Nobody: no late or due task has work waiting on it.");
    doc.sections.push_back(std::move(hold));
}

void appendOverbooked(ReportDoc& doc, const CrossLoad& load) {
    ReportSection sec;
    sec.title = "Booked past a full day across projects";
    for (const PersonLoad& p : load.people) {
        if (!p.overAllocated() || p.parts.size() < 2) continue;
        int firstOver = -1;
        for (size_t k = 0; k < p.total.size() && firstOver < 0; ++k)
            if (p.total[k] > PersonLoad::kOverAllocated) firstOver = int(k);
        const Date day = p.first + firstOver;
        std::string line = p.name + " (" + p.person + "): " + std::to_string(p.daysOver()) + (p.daysOver() == 1 ? " day" : " days") +
                           " over, up to " + std::to_string(int(std::lround(p.peak))) + " %; first on " + day.str() + " (";
        bool any = false;
        for (const Booking* b : p.parts) {
            const float v = b->on(day);
            if (v <= 0) continue;
            line += std::string(any ? ", " : "") + b->projectName + " " + std::to_string(int(std::lround(v))) + " %";
            any = true;
        }
        sec.bullets.push_back(line + ")");
    }
    if (sec.bullets.empty()) sec.paragraphs.push_back("Nobody: no one with an email in two or more projects is booked past a full day.");
    doc.sections.push_back(std::move(sec));
}

std::string portfolioJson(const std::vector<PortfolioRow>& rows, Date today, const ThisWeek* week, const CrossLoad* load) {
    nlohmann::json out = {{"asOf", today.str()}, {"projects", nlohmann::json::array()}};
    for (const PortfolioRow& r : rows) {
        nlohmann::json j = {{"id", r.id.str()}, {"name", r.name}, {"status", ragName(r.rag)}, {"reasons", r.reasons},
                            {"statusDate", r.statusDate.str()}, {"percentComplete", r.percentComplete}, {"tasks", r.tasks},
                            {"lateMilestones", r.lateMilestones}};
        if (r.scheduled) j["start"] = r.start.str(), j["finish"] = r.finish.str();
        else j["error"] = r.error;
        if (r.nextMilestone) j["nextMilestone"] = {{"name", r.nextMilestone->name}, {"date", r.nextMilestone->date.str()}, {"late", r.nextMilestone->late}};
        if (!r.client.empty()) j["client"] = r.client;
        if (!r.producer.empty()) j["producer"] = r.producer;
        out["projects"].push_back(std::move(j));
    }
    if (week) {
        auto list = [](const std::vector<WeekTask>& tasks) {
            nlohmann::json a = nlohmann::json::array();
            for (const WeekTask& t : tasks)
                a.push_back({{"project", t.projectName}, {"task", t.name}, {"taskId", t.task.str()}, {"start", t.start.str()},
                             {"finish", t.finish.str()}, {"percentComplete", t.percentComplete}, {"people", t.people}, {"waiting", t.waiting}});
            return a;
        };
        nlohmann::json holding = nlohmann::json::array();
        for (const HoldingUp& h : week->holding) holding.push_back({{"name", h.name}, {"email", h.person}, {"waiting", h.waiting}, {"tasks", list(h.tasks)}});
        out["thisWeek"] = {{"from", week->from.str()}, {"to", week->to.str()}, {"late", list(week->late)}, {"due", list(week->due)},
                           {"starting", list(week->starting)}, {"holdingUp", holding}};
    }
    if (load) {
        nlohmann::json people = nlohmann::json::array();
        for (const PersonLoad& p : load->people) {
            nlohmann::json parts = nlohmann::json::array();
            for (const Booking* b : p.parts) parts.push_back(b->projectName);
            people.push_back({{"name", p.name}, {"email", p.person}, {"peak", int(std::lround(p.peak))}, {"daysOver", p.daysOver()}, {"projects", parts}});
        }
        out["people"] = people;
    }
    return out.dump(2) + "\n";
}

} // namespace plotline
