// GanttProject files (.gan), read.
//
//   GanImport in = readGan(bytes, "house.gan");
//   if (!in.ok()) show(in.errors);   // "Not a readable XML file: … at line 3, column 7."
//   for (auto& n : in.notes) show(n);
//
// Carried: the project's name, the week's working days and holidays (<date year= month= date=>, the
// month counted from 1; a date without a year recurs every year and is read for the plan's years),
// tasks with their nesting, start, duration in working days, % complete, notes and milestones
// ("meeting"), task ids (GanttProject's uid) so a re-import keeps them; dependencies with their types
// (`type` 1 = SS, 2 = FS, 3 = FF, 4 = SF; written inside the predecessor, naming the successor) and lags
// in days (`difference`); people with their role and standard rate (GanttProject's rate is per day:
// read as that day's hours), allocations with their load, and vacations as days off.
// GanttProject keeps a start date on every task and links only push tasks later, so a task that starts
// later than its links (or the project start) need keeps its date as "start no earlier than", unless a
// "Strong" link holds it to its predecessor. After reading, the plan is scheduled and every task whose
// dates differ from those the file states is named with both.
#pragma once
#include "file_import.hpp"
#include "model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace plotline {

using GanImport = FileImport;

GanImport readGan(std::string_view xml, std::string_view fileName = "plan.gan");

} // namespace plotline
