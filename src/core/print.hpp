// Printing the plan and picturing the chart.
//
// Printing: a self-contained HTML page of SVG sheets, one per page of rows, each fitted to
// the paper's width and height (A4 or Letter, landscape), with the table's columns at the left and the
// timeline at the right, from the plan's start to its finish. The browser prints it (Ctrl+P).
//
//   PrintOptions o; o.rows = rowsShownInTheChart; o.today = today;
//   std::string page = printPage(project, schedule, o);
#pragma once
#include "model.hpp"
#include "schedule.hpp"

#include <optional>
#include <string>
#include <vector>

namespace plotline {

struct PrintOptions {
    std::vector<int> rows;          // the task rows in the order shown (collapsed and filtered ones left out); empty: all
    bool critical = false;          // critical tasks in red, as the chart shows them
    Id baseline;                    // its dates as thin grey bars under the live ones (null: none)
    std::optional<Date> today;      // the red line, when it falls within the plan
    bool letter = false;            // US Letter instead of A4
    std::string printedOn;          // "2026-12-02 14:05", in the footer
};

// Rows on one sheet, and sheets for a number of rows.
inline constexpr int kPrintRowsPerPage = 32;
inline int printPages(size_t rows) { return rows == 0 ? 1 : int((rows + kPrintRowsPerPage - 1) / kPrintRowsPerPage); }

std::string printPage(const Project& p, const Schedule& s, const PrintOptions& o);

// The chart as one picture (SVG, vector: decks, statements of work, print), as the chart shows it or
// for chosen days and outline depth, of any width: a title line, the table's columns when asked, the
// timeline with bars, milestones, summaries, links, baseline, today and the status date. The app turns
// it into a PNG of any size in the browser; the CLI writes it with `convert plan.json chart.svg`.
struct ChartOptions {
    std::vector<int> rows;          // the rows in the order shown; empty: every task
    std::optional<Date> from, to;   // the first and last day of the timeline; default: the rows' span
    int maxLevel = 0;               // rows deeper than this outline level are left out (0: every level)
    bool table = true;              // the table's columns at the left
    bool critical = false;          // critical tasks in red
    Id baseline;                    // its dates as thin grey bars (null: none)
    std::optional<Date> today;      // the red line
    double width = 1600;            // SVG units (CSS pixels at 100 %), 480 to 20,000
};
struct ChartSvg {
    std::string svg;
    double width = 0, height = 0; // of the picture, in SVG units
    size_t rows = 0;              // task rows drawn (rows wholly outside the chosen days are left out)
};
ChartSvg chartSvg(const Project& p, const Schedule& s, const ChartOptions& o);

} // namespace plotline
