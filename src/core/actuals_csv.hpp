// Actuals from a spreadsheet or a timesheet/finance export: one CSV, a header row naming the columns
// (any order, any case): Date, Amount, Hours, Category, Task, Resource (or Person), Vendor, Note.
// A row with Hours is time worked by a resource (costed at their rate on that day); a row with an
// Amount is money spent. Tasks, resources and vendors are matched by name (ignoring case and spaces
// at the ends). Dates are ISO or M/D/YYYY; hours "7.5" or "7:30"; amounts as typed ("1,250.00").
// The decimal mark is one for the whole file, hours and amounts alike: a comma when the file is
// separated by semicolons (as spreadsheets save CSV in decimal-comma locales: "7,5", "1.250,00"),
// else a point; `mark` overrides that (the CLI's --decimal).
// Nothing is imported when any row is wrong: every error names its line.
#pragma once
#include "model.hpp"
#include "money.hpp"

#include <optional>

#include <string>
#include <string_view>
#include <vector>

namespace plotline {

struct ActualsImport {
    std::vector<CostEntry> costs;
    std::vector<HoursEntry> hours;
    std::vector<std::string> errors;
    bool ok() const { return errors.empty(); }
};

ActualsImport readActualsCsv(std::string_view text, const Project& p, std::optional<DecimalMark> mark = std::nullopt);
// Every actual of the project as a CSV that readActualsCsv reads back: hours first, then costs, each
// in the project's order; amounts without grouping ("1250.00") so spreadsheets take them as numbers.
std::string writeActualsCsv(const Project& p);
// True when a CSV's header looks like actuals (a Date column and an Amount or Hours column) rather
// than a task table.
bool looksLikeActualsCsv(std::string_view text);

} // namespace plotline
