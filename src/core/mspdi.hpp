// Microsoft Project XML (MSPDI, the "XML format" of File > Save As in MS Project 2003 and later).
//
//   MspdiImport in = readMspdi(bytes, "plan.xml");
//   if (!in.ok()) show(in.errors);          // "line 12, column 4: end tag does not match …"
//   for (auto& n : in.notes) show(n);        // what was approximated, per task: "Task 7 \"Build\": …"
//   std::string xml = writeMspdi(project, schedule(project));
//
// Read (pugixml parses; this walks the tree): the project's title, start, currency, status date and
// calendar (working weekdays, working hours, non-working exceptions as holidays, in both the 2007 form
// (WeekDay DayType 0) and the 2010 form (Exceptions)); tasks with outline, summary and milestone
// flags, durations, constraints, deadlines, % complete, actual dates, notes, fixed costs (a budget
// line of the task) and baselines (Baseline and Baseline1-10 become named baselines); links with their
// four types and lags (LinkLag is in tenths of a minute; a percentage lag becomes that share of the
// predecessor's duration); work resources with their standard rate, rate tables A (bill rate) and B
// (cost rate) over time, and their calendar's non-working days as days off; assignments with units.
// Task GUIDs become the tasks' ids, so a plan exported and imported again keeps its identity.
//
// What Plotline cannot represent is approximated and said, per task, never silently: elapsed
// durations, task calendars, manually scheduled tasks and levelling delays (pinned at the file's start),
// ALAP / SNLT / FNET / MFO constraints, extra working days, resource calendars whose hours differ.
// After reading, the plan is scheduled and every task whose dates differ from the dates the file
// states is named with both.
//
// Written: SaveVersion 14 (MS Project 2010 and later open it), elements in the order of Microsoft's
// schema (MS Project refuses out-of-order elements), a single working-time range per working day.
// Not carried: the money side beyond fixed costs and rates, tasks marked internal, baseline names.
#pragma once
#include "file_import.hpp"
#include "model.hpp"
#include "schedule.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace plotline {

using MspdiImport = FileImport;

// Limits on what a file may ask for (a bad or hostile file gets a message, never an exhausted memory).
inline constexpr size_t kMspdiMaxTasks = 1'000'000;
inline constexpr size_t kMspdiMaxBytes = size_t(1) << 30;

// `fileName` names the plan when the file has no title ("plan.xml" → "plan").
MspdiImport readMspdi(std::string_view xml, std::string_view fileName = "plan.xml");
// Whether a text is MSPDI rather than another XML (a root element named Project).
bool looksLikeMspdi(std::string_view text);
std::string writeMspdi(const Project& project, const Schedule& schedule);

} // namespace plotline
