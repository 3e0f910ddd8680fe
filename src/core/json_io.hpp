// The Plotline JSON document (`*.plotline.json`): the whole project, lossless, with a schemaVersion.
//
//   Result<Project> p = readProjectJson(text);   // validates everything; never half-loads
//   if (!p) std::cerr << p.error();              // "tasks[12].start: not a date (\"2026-02-30\")"
//   std::string text = writeProjectJson(*p);
//
// Format (schemaVersion 1), all durations and lags in working minutes, money in minor units:
//   { "schemaVersion": 1,
//     "project": { "id", "name", "currency", "start": "YYYY-MM-DD", "modified",
//                  "calendar": { "workingDays": ["Mon",...], "minutesPerDay": 480, "holidays": [...] } },
//     "tasks": [ { "id", "name", "parent"?, "start"?, "duration", "milestone", "percentComplete",
//                  "notes", "modified" } ],            // outline order: children follow their parent
//     "links": [ { "id", "predecessor", "successor", "type": "FS|SS|FF|SF", "lag", "modified" } ],
//     "resources": [ { "id", "name", "role", "hourlyRate", "modified" } ],
//     "assignments": [ { "id", "task", "resource", "units", "modified" } ] }
#pragma once
#include "model.hpp"
#include "result.hpp"

#include <string>
#include <string_view>

namespace plotline {

constexpr int kSchemaVersion = 1;

Result<Project> readProjectJson(std::string_view text);
std::string writeProjectJson(const Project& project, bool pretty = true);

} // namespace plotline
