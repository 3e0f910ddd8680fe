// Many projects at once: one row per live project of the library (or files given to the CLI), with its
// span, progress, next milestone and green/amber/red status by the weekly report's rule (report.hpp).
//
//   std::vector<PortfolioRow> rows = portfolio(projects, today);   // red first, then amber, then by finish
//   std::string md = renderMarkdown(portfolioDoc(rows, today));
#pragma once
#include "model.hpp"
#include "report.hpp"
#include "cross_load.hpp"
#include "schedule.hpp"

#include <optional>
#include <string>
#include <vector>

namespace plotline {

// A milestone of a project, for the portfolio's expanded row.
struct PortfolioMilestone {
    Id task;
    std::string name;
    Date date;
    bool done = false;
};

struct PortfolioRow {
    Id id;
    std::string name;
    std::string client, producer;
    bool scheduled = false;      // false: a cycle or another error keeps it from scheduling (`error`)
    std::string error;
    Date start, finish;          // the plan's span
    Date statusDate;             // the project's own status date, else the day asked for
    int percentComplete = 0;     // duration-weighted over leaf tasks
    Rag rag = Rag::Green;
    std::vector<std::string> reasons; // why not green
    std::optional<MilestoneLine> nextMilestone; // the soonest not done
    int lateMilestones = 0;
    int tasks = 0;               // leaf tasks
    std::vector<PortfolioMilestone> milestones; // every milestone, in the plan's order
};

// Each project's row, as of its status date (or `today` when it has none): red first, then amber, then
// green; within a status, the soonest finish first.
std::vector<PortfolioRow> portfolio(const std::vector<const Project*>& projects, Date today);
// One project's row from its schedule (the app keeps one per project and version), and the order above.
PortfolioRow portfolioRow(const Project& project, const Schedule& schedule, Date today);
void sortPortfolio(std::vector<PortfolioRow>& rows);

// ---- This week: the producer's Monday-morning list across projects ----

struct WeekTask {
    enum class Kind : uint8_t { Late, Due, Starts };
    Kind kind = Kind::Due;
    Id project, task;
    std::string projectName, name;
    Date start, finish;          // as scheduled (finish inclusive)
    int percentComplete = 0;
    bool milestone = false;
    std::vector<std::string> people; // who is assigned, by name
    int waiting = 0;             // link successors not started yet: the work this task holds up
};

// One person and the late or due tasks of theirs that others wait on.
struct HoldingUp {
    std::string person;          // the email key; "" for someone without one, known in one plan only
    Id project;                  // … that plan (null when they have an email)
    std::string name;
    std::vector<WeekTask> tasks; // most waiting first
    int waiting = 0;             // tasks waiting on them, over all of theirs
};

struct ThisWeek {
    Date from, to;               // Monday and Sunday of today's week
    Date today;
    std::vector<WeekTask> late;  // leaf tasks that should have finished before today and are not done
    std::vector<WeekTask> due;   // not done, finishing today … Sunday
    std::vector<WeekTask> starting; // not started, starting this week
    std::vector<HoldingUp> holding; // the people others wait on, most waiting first
};

// `schedules[i]` is projects[i]'s schedule (a plan that does not schedule is skipped).
ThisWeek thisWeek(const std::vector<const Project*>& projects, const std::vector<const Schedule*>& schedules, Date today);
// One plan's week, and weeks of the same day put together (the app keeps one per project and version):
// thisWeek(all) == combineWeeks(thisWeek(each)).
ThisWeek thisWeek(const Project& project, const Schedule& schedule, Date today);
ThisWeek combineWeeks(const std::vector<const ThisWeek*>& weeks);
// The list as report sections ("Late", "Due this week", "Starting this week", "Holding others up").
void appendThisWeek(ReportDoc& doc, const ThisWeek& week);
// The people booked past a full day over several projects, as a report section (with each project's part).
void appendOverbooked(ReportDoc& doc, const CrossLoad& load);

// The rows as a report: one table (project, status, span, done, next milestone) and the reasons.
ReportDoc portfolioDoc(const std::vector<PortfolioRow>& rows, Date today);
// The rows, and when given the week's list and the people over-booked across projects.
std::string portfolioJson(const std::vector<PortfolioRow>& rows, Date today, const ThisWeek* week = nullptr, const CrossLoad* load = nullptr);

} // namespace plotline
