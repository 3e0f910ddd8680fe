#include "templates.hpp"

#include "pipeline.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

namespace plotline {

namespace {

// Moves dates by whole working days (of the calendar's week, holidays aside: they are dated facts of
// one year, not of the plan's shape) so that `from` lands on `to`.
struct Shift {
    Calendar week;
    int64_t delta = 0;
    Shift(const Calendar& cal, Date from, Date to) : week(cal) {
        week.setHolidays({});
        delta = week.workdayIndex(week.nextWorkingDay(to)) - week.workdayIndex(week.nextWorkingDay(from));
    }
    Date operator()(Date d) const { return week.workday(week.workdayIndex(d) + delta); }
    std::optional<Date> operator()(const std::optional<Date>& d) const { return d ? std::optional<Date>((*this)(*d)) : std::nullopt; }
};

// New ids for every record, references followed.
struct Renumber {
    std::unordered_map<Id, Id, IdHash> map;
    Id operator()(Id old) {
        if (old.isNull()) return old;
        auto [it, added] = map.emplace(old, Id{});
        if (added) it->second = Id::random();
        return it->second;
    }
};

} // namespace

Project makeTemplate(const Project& p) {
    Project t;
    t.id = Id::random();
    t.name = p.name;
    t.currency = p.currency;
    t.calendar = p.calendar;
    t.isTemplate = true;
    const Shift shift(p.calendar, p.start, kTemplateAnchor);
    t.start = shift(p.start);
    t.tasks.reserve(p.tasks.size());
    for (const Task& x : p.tasks) {
        Task y = x;
        y.percentComplete = 0;
        y.actualStart.reset();
        y.actualFinish.reset();
        y.constraintDate = shift(x.constraintDate);
        y.deadline = shift(x.deadline);
        y.modified = 0;
        t.tasks.push_back(std::move(y));
    }
    t.links = p.links;
    for (Link& l : t.links) l.modified = 0;
    // People become their roles; a role met twice is numbered.
    std::map<std::string, int> seen;
    for (const Resource& r : p.resources) {
        Resource y;
        y.id = r.id;
        y.role = r.role;
        std::string base = r.role.empty() ? r.name : r.role;
        const int n = ++seen[base];
        y.name = n == 1 ? base : base + " " + std::to_string(n);
        y.billRate = r.rateOn(p.start);
        y.costRate = r.costRateOn(p.start);
        t.resources.push_back(std::move(y));
    }
    t.assignments = p.assignments;
    for (Assignment& a : t.assignments) a.modified = 0;
    for (const BudgetLine& b : p.budgetLines) {
        if (!b.changeRequest.isNull()) continue; // added by a change request: this run's, not the shape's
        BudgetLine y = b;
        y.modified = 0;
        t.budgetLines.push_back(std::move(y));
    }
    for (const Vendor& v : p.vendors) {
        Vendor y = v;
        y.orders.clear();
        y.invoices.clear();
        y.modified = 0;
        t.vendors.push_back(std::move(y));
    }
    t.contingency = p.contingency;
    t.contract = p.contract;
    t.stages = p.stages;
    for (PipelineStage& s : t.stages) s.modified = 0;
    t.deliverables = p.deliverables;
    for (Deliverable& d : t.deliverables) d.due = shift(d.due), d.modified = 0;
    for (const Risk& r : p.risks) {
        if (r.status == RiskStatus::Closed) continue;
        Risk y = r;
        y.status = RiskStatus::Open;
        y.modified = 0;
        t.risks.push_back(std::move(y));
    }
    return t;
}

Project projectFromTemplate(const Project& tmpl, Date start, std::string name) {
    Project p;
    p.id = Id::random();
    p.name = std::move(name);
    p.currency = tmpl.currency;
    p.calendar = tmpl.calendar;
    const Shift shift(tmpl.calendar, tmpl.start, start);
    p.start = shift(tmpl.start);
    Renumber id;
    p.tasks = tmpl.tasks;
    for (Task& t : p.tasks) {
        t.id = id(t.id);
        t.parent = id(t.parent);
        t.constraintDate = shift(t.constraintDate);
        t.deadline = shift(t.deadline);
        t.percentComplete = 0;
        t.actualStart.reset();
        t.actualFinish.reset();
        t.modified = 0;
    }
    p.links = tmpl.links;
    for (Link& l : p.links) l.id = id(l.id), l.predecessor = id(l.predecessor), l.successor = id(l.successor), l.modified = 0;
    p.resources = tmpl.resources;
    for (Resource& r : p.resources) r.id = id(r.id), r.modified = 0, r.daysOff.clear();
    p.assignments = tmpl.assignments;
    for (Assignment& a : p.assignments) a.id = id(a.id), a.task = id(a.task), a.resource = id(a.resource), a.modified = 0;
    p.vendors = tmpl.vendors;
    for (Vendor& v : p.vendors) v.id = id(v.id), v.orders.clear(), v.invoices.clear(), v.modified = 0;
    p.budgetLines = tmpl.budgetLines;
    for (BudgetLine& b : p.budgetLines) b.id = id(b.id), b.task = id(b.task), b.vendor = id(b.vendor), b.changeRequest = Id{}, b.modified = 0;
    p.risks = tmpl.risks;
    for (Risk& r : p.risks) {
        r.id = id(r.id);
        for (Id& t : r.tasks) t = id(t);
        r.modified = 0;
    }
    p.contingency = tmpl.contingency;
    p.contract = tmpl.contract;
    p.stages = tmpl.stages;
    for (PipelineStage& s : p.stages) s.id = id(s.id), s.modified = 0;
    p.deliverables = tmpl.deliverables;
    for (Deliverable& d : p.deliverables) d.id = id(d.id), d.task = id(d.task), d.due = shift(d.due), d.modified = 0;
    return p;
}

// ---- the templates Plotline comes with ----

namespace {

struct Step {
    const char* name;
    int days;          // 0: a milestone
    const char* role;  // "" for nobody
    int level = 2;     // 1: a phase (a summary of the steps after it)
};

struct Role {
    const char* name;
    int64_t bill, cost; // cents an hour
};

constexpr Role kRoles[] = {{"Producer", 9500, 5500}, {"Strategist", 11000, 6500}, {"Designer", 9000, 5200},
                           {"Copywriter", 7500, 4500}, {"Developer", 10000, 6000}, {"QA Engineer", 7000, 4000}};

// A template with no tasks yet: one person per role, named after it, at the role's rates.
Project emptyTemplate(const char* name, std::span<const Role> roles) {
    Project p;
    p.id = Id::random();
    p.name = name;
    p.isTemplate = true;
    p.start = kTemplateAnchor;
    for (const Role& r : roles) {
        Resource x;
        x.id = Id::random();
        x.name = x.role = r.name;
        x.billRate = r.bill;
        x.costRate = r.cost;
        p.resources.push_back(std::move(x));
    }
    return p;
}

// Steps in order; each step follows the one before it within its phase, and each phase's first step
// follows the previous phase's last.
Project build(const char* name, std::initializer_list<Step> steps) {
    Project p = emptyTemplate(name, kRoles);
    std::map<std::string, Id> roles;
    for (const Resource& x : p.resources) roles[x.role] = x.id;
    Id phase, previous;
    std::set<std::string> used;
    for (const Step& s : steps) {
        Task t;
        t.id = Id::random();
        t.name = s.name;
        if (s.level == 1) {
            t.duration = 0;
            phase = t.id;
            p.tasks.push_back(std::move(t));
            continue;
        }
        t.parent = phase;
        t.duration = int64_t(s.days) * 480;
        t.milestone = s.days == 0;
        if (!previous.isNull()) p.links.push_back({Id::random(), previous, t.id, LinkType::FS, 0, 0});
        previous = t.id;
        if (*s.role) {
            p.assignments.push_back({Id::random(), t.id, roles.at(s.role), 100, 0});
            used.insert(s.role);
        }
        p.tasks.push_back(std::move(t));
    }
    std::erase_if(p.resources, [&](const Resource& r) { return !used.count(r.name); });
    return p;
}

} // namespace

const std::vector<BuiltinTemplate>& builtinTemplates() {
    static const std::vector<BuiltinTemplate> all = [] {
        std::vector<BuiltinTemplate> v;
        v.push_back({"campaign", "Digital campaign", "Brief, concepts, production of assets and a landing page, launch and a report",
                     build("Digital campaign", {{"Discovery", 0, "", 1},
                                                {"Kick-off workshop", 1, "Producer"},
                                                {"Brief and goals", 2, "Strategist"},
                                                {"Audience research", 3, "Strategist"},
                                                {"Brief signed off", 0, "Producer"},
                                                {"Creative", 0, "", 1},
                                                {"Concepts", 5, "Designer"},
                                                {"Copy deck", 4, "Copywriter"},
                                                {"Client review of concepts", 2, "Producer"},
                                                {"Creative approved", 0, "Producer"},
                                                {"Production", 0, "", 1},
                                                {"Campaign assets", 8, "Designer"},
                                                {"Landing page", 6, "Developer"},
                                                {"Tracking and analytics", 2, "Developer"},
                                                {"QA", 3, "QA Engineer"},
                                                {"Launch", 0, "", 1},
                                                {"Go live", 0, "Producer"},
                                                {"Monitoring and optimisation", 10, "Strategist"},
                                                {"Results report", 2, "Producer"}})});
        v.push_back({"microsite", "Microsite", "Sitemap, wireframes, visual design, build on a CMS, content, QA and launch",
                     build("Microsite", {{"Discovery", 0, "", 1},
                                         {"Kick-off", 1, "Producer"},
                                         {"Sitemap and content plan", 3, "Strategist"},
                                         {"Scope signed off", 0, "Producer"},
                                         {"Design", 0, "", 1},
                                         {"Wireframes", 4, "Designer"},
                                         {"Visual design", 6, "Designer"},
                                         {"Client review of design", 2, "Producer"},
                                         {"Design approved", 0, "Producer"},
                                         {"Build", 0, "", 1},
                                         {"Front-end build", 8, "Developer"},
                                         {"CMS setup", 3, "Developer"},
                                         {"Content entry", 4, "Copywriter"},
                                         {"QA and accessibility check", 3, "QA Engineer"},
                                         {"Launch", 0, "Producer"},
                                         {"After launch", 0, "", 1},
                                         {"Analytics check", 1, "Strategist"},
                                         {"Handover and training", 1, "Producer"}})});
        v.push_back({"app-release", "App feature release", "Requirements, UX, build, test with a beta, store submission and release",
                     build("App feature release", {{"Definition", 0, "", 1},
                                                   {"Requirements", 3, "Producer"},
                                                   {"UX flows", 4, "Designer"},
                                                   {"Technical spec", 3, "Developer"},
                                                   {"Spec approved", 0, "Producer"},
                                                   {"Build", 0, "", 1},
                                                   {"Back end", 8, "Developer"},
                                                   {"App screens", 10, "Developer"},
                                                   {"Code review", 2, "Developer"},
                                                   {"Test", 0, "", 1},
                                                   {"QA pass", 4, "QA Engineer"},
                                                   {"Beta with testers", 5, "Producer"},
                                                   {"Fixes", 4, "Developer"},
                                                   {"Release candidate", 0, "Producer"},
                                                   {"Release", 0, "", 1},
                                                   {"Store submission and review", 3, "Producer"},
                                                   {"Released", 0, "Producer"},
                                                   {"Monitoring", 5, "QA Engineer"}})});
        // A content pipeline: no deliverables yet, its stages and their roles (Writer, QA, Editor,
        // Designer, Producer); "Add articles" makes the stage chains.
        {
            static constexpr Role kPipelineRoles[] = {{"Writer", 7500, 4500}, {"QA", 7000, 4000}, {"Editor", 8000, 4800},
                                                       {"Designer", 9000, 5200}, {"Producer", 9500, 5500}};
            Project p = emptyTemplate("Content pipeline", kPipelineRoles);
            p.stages = defaultStages();
            v.push_back({"content-pipeline", "Content pipeline",
                         "Articles, pages or videos through write, QA, edit, design and publish, each stage with its owner", std::move(p)});
        }
        return v;
    }();
    return all;
}

} // namespace plotline
