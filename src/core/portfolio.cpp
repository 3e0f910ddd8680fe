#include "portfolio.hpp"

#include "schedule.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace plotline {

std::vector<PortfolioRow> portfolio(const std::vector<const Project*>& projects, Date today) {
    std::vector<PortfolioRow> rows;
    rows.reserve(projects.size());
    for (const Project* p : projects) {
        PortfolioRow row;
        row.id = p->id;
        row.name = p->name;
        row.statusDate = p->statusDate.value_or(today);
        const Schedule s = schedule(*p);
        row.scheduled = s.ok();
        if (!s.ok()) {
            row.error = s.error;
            row.rag = Rag::Red;
            row.reasons = {"The plan does not schedule: " + s.error};
            rows.push_back(std::move(row));
            continue;
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
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const PortfolioRow& a, const PortfolioRow& b) {
        if (a.rag != b.rag) return int(a.rag) > int(b.rag); // red, amber, green
        if (a.scheduled != b.scheduled) return !a.scheduled;
        return a.finish < b.finish;
    });
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

std::string portfolioJson(const std::vector<PortfolioRow>& rows, Date today) {
    nlohmann::json out = {{"asOf", today.str()}, {"projects", nlohmann::json::array()}};
    for (const PortfolioRow& r : rows) {
        nlohmann::json j = {{"id", r.id.str()}, {"name", r.name}, {"status", ragName(r.rag)}, {"reasons", r.reasons},
                            {"statusDate", r.statusDate.str()}, {"percentComplete", r.percentComplete}, {"tasks", r.tasks},
                            {"lateMilestones", r.lateMilestones}};
        if (r.scheduled) j["start"] = r.start.str(), j["finish"] = r.finish.str();
        else j["error"] = r.error;
        if (r.nextMilestone) j["nextMilestone"] = {{"name", r.nextMilestone->name}, {"date", r.nextMilestone->date.str()}, {"late", r.nextMilestone->late}};
        out["projects"].push_back(std::move(j));
    }
    return out.dump(2) + "\n";
}

} // namespace plotline
