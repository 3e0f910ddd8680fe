// Task tables as CSV, the way producers keep plans in spreadsheets and MS Project exports them.
//
//   CsvImport in = readTasksCsv(text, "Launch plan");   // columns matched by name, any order
//   if (!in.ok()) show(in.errors);                        // "line 7: Duration \"abc\" is not a duration"
//   for (auto& w : in.warnings) note(w);                  // "column \"Cost\" ignored"
//   std::string out = writeTasksCsv(project, schedule(project));
//
// Columns (case-insensitive): ID, Name, Duration (5d, 4h, 0d), Start, Finish, Predecessors
// (3, 3FS+2d, 4SS-1d;7FF), Outline Level, Resource Names (Ana;Ben[50%]), % Complete, Milestone,
// Notes, Plotline ID (keeps entity ids stable across export and import).
#pragma once
#include "model.hpp"
#include "result.hpp"
#include "schedule.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plotline {

struct CsvImport {
    Project project;
    std::vector<std::string> errors;   // when any, nothing is imported
    std::vector<std::string> warnings; // imported, but the user should know
    bool ok() const { return errors.empty(); }
};

// A table without any Start date is scheduled from `undatedStart` (the importer passes today),
// moved to the next working day.
CsvImport readTasksCsv(std::string_view text, std::string projectName = "Imported plan",
                       std::optional<Date> undatedStart = std::nullopt);
std::string writeTasksCsv(const Project& project, const Schedule& schedule);

// Predecessors in MS Project's notation, as the CSV column and the chart's Predecessors column write
// and read them: items separated by ";" (or ","), each a task number (its row, from 1) with an optional
// link type and lag: "3", "3FS+2d", "4SS-1d", "7FF", "12 FS + 4h". FS without a lag is the number alone.
struct PredecessorRef {
    std::string number; // as written: a row number (the CSV's ID column, or the chart's #)
    LinkType type = LinkType::FS;
    int64_t lag = 0;    // working minutes
};
Result<std::vector<PredecessorRef>> parsePredecessors(std::string_view text, int minutesPerDay);
std::string predecessorItem(size_t predecessorRow, LinkType type, int64_t lag, int minutesPerDay); // "3FS+2d"
// The Predecessors text of every task, rows numbered from 1 (one pass over the links).
std::vector<std::string> predecessorTexts(const Project& project);

} // namespace plotline
