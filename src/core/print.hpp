// Printing the plan: a self-contained HTML page of SVG sheets, one per page of rows, each fitted to
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

} // namespace plotline
