// Many projects at once: one row per live project of the library (or files given to the CLI), with its
// span, progress, next milestone and green/amber/red status by the weekly report's rule (report.hpp).
//
//   std::vector<PortfolioRow> rows = portfolio(projects, today);   // red first, then amber, then by finish
//   std::string md = renderMarkdown(portfolioDoc(rows, today));
#pragma once
#include "model.hpp"
#include "report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace plotline {

struct PortfolioRow {
    Id id;
    std::string name;
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
};

// Each project's row, as of its status date (or `today` when it has none): red first, then amber, then
// green; within a status, the soonest finish first.
std::vector<PortfolioRow> portfolio(const std::vector<const Project*>& projects, Date today);

// The rows as a report: one table (project, status, span, done, next milestone) and the reasons.
ReportDoc portfolioDoc(const std::vector<PortfolioRow>& rows, Date today);
std::string portfolioJson(const std::vector<PortfolioRow>& rows, Date today);

} // namespace plotline
