// Reports for stakeholders: the weekly status report, the monthly summary for the client and a change
// order for sign-off. Each is built once as a ReportDoc (sections of facts, paragraphs and tables)
// and written as Markdown or as a self-contained HTML page, so both say exactly the same; the status
// report is also available as JSON with raw numbers (minor units, ISO dates).
//
// Overall status (RAG), stated once:
//   Red   when SPI or CPI is below 0.85, or the estimate at completion exceeds the approved budget
//         (base + contingency);
//   Amber when SPI or CPI is below 0.95, the estimate exceeds the base budget, a milestone is late
//         (past its date and not done), or an open risk scores 15 or more;
//   Green otherwise. The report lists the reasons.
#pragma once
#include "budget.hpp"
#include "money.hpp"
#include "model.hpp"
#include "profit.hpp"
#include "schedule.hpp"

#include <string>
#include <vector>

namespace plotline {

enum class Rag : uint8_t { Green, Amber, Red };
const char* ragName(Rag r); // "Green", "Amber", "Red"

struct MilestoneLine {
    std::string name;
    Date date;          // its scheduled date (actual finish when done and recorded)
    bool done = false;
    bool late = false;  // not done and its date is before the status date
    Id task;
};

struct StatusReport {
    std::string project, currency;
    Date statusDate;
    Rag rag = Rag::Green;
    std::vector<std::string> reasons;    // why not green (empty when green)
    BudgetStatus budget;
    std::vector<MilestoneLine> milestonesDone; // done, most recent first (up to 5)
    std::vector<MilestoneLine> milestonesNext; // not done, soonest first (up to 5)
    std::vector<Risk> topRisks;          // open or mitigating, highest score first (up to 5)
    std::vector<ChangeRequest> openChanges; // draft or submitted, by number
    int tasksDone = 0, tasksInProgress = 0, tasksTotal = 0; // leaf tasks
    std::optional<ProfitStatus> profit;  // internal: only when asked for (never in a client's view)
};

// With `profit`, also revenue, cost and margin (profit.hpp): for the producer's own reports only.
StatusReport statusReport(const Project& p, const Schedule& s, Date statusDate, bool profit = false);
// The same from the budget already worked out at the status date (budgetStatus at bill rates).
StatusReport statusReport(const Project& p, const Schedule& s, BudgetStatus budget);
// Sets r.rag and r.reasons from r.budget (its earned value, base and approved budget), the late
// milestones among r.milestonesNext and the scores of r.topRisks, by the rule stated above. Without
// `money` the cost facts (CPI, the estimate, money too large to total) are left out of both: the status
// a client view shows when it holds no budget figures.
void applyStatusRule(StatusReport& r, bool money = true);

struct ReportTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<int> rightAligned;       // column indexes (amounts)
    std::vector<std::vector<int>> tone;  // per cell: 0 plain, -1 bad (red), +1 good (green); may be empty
};

struct ReportSection {
    std::string title;
    std::vector<std::pair<std::string, std::string>> facts; // "Schedule variance" → "-€1,026.67"
    std::vector<std::string> paragraphs;
    std::vector<std::string> bullets;
    ReportTable table;
    std::string svg; // a chart, written into the HTML only (Markdown has no pictures of its own)
};

struct ReportDoc {
    std::string title, subtitle;
    std::string badge;  // "Green", "Amber", "Red" or empty
    std::vector<ReportSection> sections;
};

// `internal` adds the margin section (revenue, cost and margin to date and at completion, per phase,
// person and month, what is billable this month); it needs r.profit.
ReportDoc weeklyReport(const StatusReport& r, bool internal = false);
// With r.profit, a "margin" member holds those figures.
std::string statusReportJson(const StatusReport& r);
// Work completed in a month (1–12), for the client: milestones reached, tasks finished, what is under
// way and what comes next month. No internal costs. With `billing`, also what is billed for the month
// (instalments reached, hours, the retainer) and the invoices sent for it: fees the client pays anyway.
ReportDoc monthlySummary(const Project& p, const Schedule& s, int year, int month, Date statusDate, bool billing = false);
// A change request as a document to sign: what, why, impact on cost and schedule, decisions so far.
ReportDoc changeOrder(const Project& p, const ChangeRequest& c);

// The S-curve as an SVG picture: cumulative PV, EV (where known) and AC by week, the BAC and the status
// date, for the HTML report.
std::string sCurveSvg(const BudgetStatus& b, const Currency& c);
// Cumulative revenue and cost by month (actual, then forecast dashed) for the internal report.
std::string marginChartSvg(const ProfitStatus& m, const Currency& c);
// "31.2 %" from basis points; "—" for none.
std::string formatMarginPercent(const std::optional<int>& basisPoints);

std::string renderMarkdown(const ReportDoc& doc);
std::string renderHtml(const ReportDoc& doc);

// Text made safe inside HTML and SVG: & < > " written as entities.
std::string escapeHtml(const std::string& s);

// Two decimals: "0.80"; "—" when there is no value.
std::string formatRatio(const std::optional<double>& v);

} // namespace plotline
