#include "pipeline.hpp"
#include "i18n.hpp"

#include "id.hpp"

#include <algorithm>
#include <unordered_map>

namespace plotline {

std::vector<PipelineStage> defaultStages() {
    const struct { const char* name; const char* role; int64_t days; } s[] = {
        {"Write", "Writer", 3}, {"QA", "QA", 1}, {"Edit", "Editor", 1}, {"Design", "Designer", 2}, {"Publish", "Producer", 1}};
    std::vector<PipelineStage> out;
    for (const auto& x : s) out.push_back({Id::random(), x.name, x.role, x.days * 480, 0});
    return out;
}

CommandPtr setUpPipeline(std::vector<PipelineStage> stages) {
    for (PipelineStage& s : stages)
        if (s.id.isNull()) s.id = Id::random();
    return setStages(std::move(stages));
}

namespace {

// The children of the summary at `row`, in order.
std::vector<size_t> childrenOf(const Project& p, size_t row) {
    std::vector<size_t> out;
    const size_t end = p.subtreeEnd(row);
    for (size_t i = row + 1; i < end; ++i)
        if (p.tasks[i].parent == p.tasks[row].id) out.push_back(i);
    return out;
}

// The first stage not done: the deliverable's current one (stages.size() once all are).
size_t currentStage(const Project& p, const std::vector<size_t>& stages) {
    size_t k = 0;
    while (k < stages.size() && p.tasks[stages[k]].percentComplete >= 100) ++k;
    return k;
}

} // namespace

CommandPtr addDeliverables(const Project& p, const NewDeliverables& n, std::string& why) {
    if (p.stages.empty()) {
        why = tr("This project has no pipeline stages yet: set them up first.");
        return nullptr;
    }
    if (n.count < 1 || n.count > 1000) {
        why = tr("Add between 1 and 1,000 at a time.");
        return nullptr;
    }
    // The roles: a person or role named so (or with that role) in Resources, else a new role.
    std::vector<Resource> added;
    std::vector<Id> holder;
    for (const PipelineStage& s : p.stages) {
        Id who;
        if (!s.role.empty()) {
            for (const Resource& r : p.resources)
                if (who.isNull() && (r.name == s.role || r.role == s.role)) who = r.id;
            for (const Resource& r : added)
                if (who.isNull() && r.name == s.role) who = r.id;
            if (who.isNull()) {
                Resource r;
                r.id = Id::random();
                r.name = r.role = s.role;
                who = r.id;
                added.push_back(std::move(r));
            }
        }
        holder.push_back(who);
    }
    int number = 0;
    for (const Deliverable& d : p.deliverables) number += d.kind == n.kind;
    const Calendar& cal = p.calendar;
    const Date first = cal.nextWorkingDay(std::max(n.firstStart, p.start));
    std::vector<Task> tasks;
    std::vector<Link> links;
    std::vector<Assignment> assignments;
    std::vector<Deliverable> records;
    for (int k = 0; k < n.count; ++k) {
        Task summary;
        summary.id = Id::random();
        summary.name = n.kind + " " + std::to_string(number + k + 1);
        summary.duration = 0;
        tasks.push_back(summary);
        Deliverable d;
        d.id = Id::random();
        d.task = summary.id;
        d.kind = n.kind;
        records.push_back(d);
        Id previous;
        for (size_t i = 0; i < p.stages.size(); ++i) {
            Task t;
            t.id = Id::random();
            t.parent = summary.id;
            t.name = p.stages[i].name;
            t.duration = p.stages[i].duration;
            t.milestone = t.duration == 0;
            if (i == 0) {
                t.constraint = Constraint::SNET;
                t.constraintDate = cal.workday(cal.workdayIndex(first) + int64_t(k) * std::max(0, n.cadenceDays));
            } else links.push_back({Id::random(), previous, t.id, LinkType::FS, 0, 0});
            previous = t.id;
            if (!holder[i].isNull()) assignments.push_back({Id::random(), t.id, holder[i], 100, 0});
            tasks.push_back(std::move(t));
        }
    }
    const std::string label = "Add " + std::to_string(n.count) + " " + n.kind + (n.count == 1 ? "" : "s");
    std::vector<CommandPtr> steps;
    if (CommandPtr c = addResources(p, std::move(added))) steps.push_back(std::move(c));
    steps.push_back(insertTasks(p.tasks.size(), std::move(tasks), std::move(links)));
    if (CommandPtr c = addAssignments(p, std::move(assignments))) steps.push_back(std::move(c));
    steps.push_back(putRecords(p, std::move(records), label));
    return group(label, std::move(steps));
}

PipelineBoard pipelineBoard(const Project& p, const Schedule& s, Date today) {
    PipelineBoard b;
    for (const PipelineStage& st : p.stages) b.columns.push_back(st.name);
    b.columns.push_back("Published");
    b.cards.resize(b.columns.size());
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    std::unordered_map<Id, size_t, IdHash> row, person;
    for (size_t i = 0; i < p.tasks.size(); ++i) row.emplace(p.tasks[i].id, i);
    for (size_t i = 0; i < p.resources.size(); ++i) person.emplace(p.resources[i].id, i);
    std::unordered_map<Id, std::vector<std::string>, IdHash> holders;
    for (const Assignment& a : p.assignments)
        if (auto r = person.find(a.resource); r != person.end()) holders[a.task].push_back(p.resources[r->second].name);
    for (const Deliverable& d : p.deliverables) {
        const auto at = row.find(d.task);
        if (at == row.end()) continue; // its task was deleted: nothing to show
        const std::vector<size_t> stages = childrenOf(p, at->second);
        if (stages.size() != p.stages.size()) {
            b.problems.push_back(p.tasks[at->second].name + " has " + std::to_string(stages.size()) + " stages where the pipeline has " +
                                 std::to_string(p.stages.size()) + ".");
        }
        PipelineCard c;
        c.deliverable = d.id;
        c.task = d.task;
        c.name = p.tasks[at->second].name;
        c.kind = d.kind;
        c.due = d.due;
        const size_t k = currentStage(p, stages);
        c.stage = int(std::min(k, p.stages.size()));
        if (k >= stages.size()) {
            c.stage = int(p.stages.size());
            if (!stages.empty()) {
                const Task& last = p.tasks[stages.back()];
                c.published = last.actualFinish ? *last.actualFinish : scheduled ? s.tasks[stages.back()].finishDate : today;
            }
        } else {
            const Task& t = p.tasks[stages[k]];
            c.stageTask = t.id;
            if (auto h = holders.find(t.id); h != holders.end()) c.holders = h->second;
            // Since when it has been in this stage: its actual start, else the stage before's actual
            // finish, else its scheduled start once that has come.
            std::optional<Date> since = t.actualStart;
            if (!since && k > 0 && p.tasks[stages[k - 1]].actualFinish) since = p.tasks[stages[k - 1]].actualFinish;
            if (!since && scheduled && s.tasks[stages[k]].startDate <= today) since = s.tasks[stages[k]].startDate;
            c.started = since && *since <= today;
            c.days = c.started ? today - *since : 0;
            c.late = scheduled && s.tasks[stages[k]].finishDate < today;
        }
        b.cards[size_t(c.stage)].push_back(std::move(c));
    }
    return b;
}

CommandPtr advanceDeliverable(const Project& p, const Schedule& s, Id deliverable, Date today, std::string& why) {
    const auto d = std::find_if(p.deliverables.begin(), p.deliverables.end(), [&](const Deliverable& x) { return x.id == deliverable; });
    const int at = d == p.deliverables.end() ? -1 : p.taskIndex(d->task);
    if (at < 0) {
        why = tr("That deliverable is no longer in the plan.");
        return nullptr;
    }
    const std::vector<size_t> stages = childrenOf(p, size_t(at));
    const size_t k = currentStage(p, stages);
    if (k >= stages.size()) {
        why = fmt(tr("{0} is published already."), p.tasks[size_t(at)].name);
        return nullptr;
    }
    Task t = p.tasks[stages[k]];
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    if (!t.actualStart) {
        Date start = scheduled ? s.tasks[stages[k]].startDate : today;
        if (k > 0 && p.tasks[stages[k - 1]].actualFinish) start = std::max(start, *p.tasks[stages[k - 1]].actualFinish);
        t.actualStart = std::min(start, today);
    }
    t.actualFinish = std::max(today, *t.actualStart);
    t.percentComplete = 100;
    const std::string stageName = k < p.stages.size() ? p.stages[k].name : t.name;
    return named(fmt(tr("{0} done: {1}"), stageName, p.tasks[size_t(at)].name), editTask(std::move(t)));
}

ReportSection publishedSection(const Project& p, Date first, Date last) {
    ReportSection sec;
    sec.title = "Published";
    std::vector<std::pair<Date, std::string>> items;
    for (const Deliverable& d : p.deliverables) {
        const int at = p.taskIndex(d.task);
        if (at < 0) continue;
        const std::vector<size_t> stages = childrenOf(p, size_t(at));
        if (stages.empty() || p.tasks[stages.back()].percentComplete < 100) continue;
        const std::optional<Date> when = p.tasks[stages.back()].actualFinish;
        if (!when || *when < first || *when > last) continue;
        items.push_back({*when, p.tasks[size_t(at)].name + (d.goal.empty() ? "" : ": " + d.goal) + " (" + when->str() + ")"});
    }
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [day, text] : items) sec.bullets.push_back(std::move(text));
    if (sec.bullets.empty()) sec.paragraphs.push_back("Nothing was published this month.");
    return sec;
}

} // namespace plotline
