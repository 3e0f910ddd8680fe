// The Plotline JSON document (`*.plotline.json`): the whole project, lossless, with a schemaVersion.
//
//   Result<Project> p = readProjectJson(text);   // validates everything; never half-loads
//   if (!p) std::cerr << p.error();              // "tasks[12].start: not a date (\"2026-02-30\")"
//   std::string text = writeProjectJson(*p);
//
// Format (schemaVersion 2), all durations and lags in working minutes, money in minor units:
//   { "schemaVersion": 2,
//     "project": { "id", "name", "currency", "start": "YYYY-MM-DD", "statusDate"?, "modified",
//                  "calendar": { "workingDays": ["Mon",...], "minutesPerDay": 480, "dayStart": 540,
//                                "holidays": [...] } },
//     "tasks": [ { "id", "name", "parent"?, "constraint"?: "SNET|FNLT|MSO", "constraintDate"?, "deadline"?,
//                  "duration", "milestone", "percentComplete", "actualStart"?, "actualFinish"?,
//                  "notes", "modified" } ],            // outline order: children follow their parent
//     "links": [ { "id", "predecessor", "successor", "type": "FS|SS|FF|SF", "lag", "modified" } ],
//     "resources": [ { "id", "name", "role", "billRate", "costRate"?, "billRateChanges"?, "costRateChanges"?,
//                      "daysOff"?: [...], "modified" } ],
//     "assignments": [ { "id", "task", "resource", "units", "modified" } ],
//     "baselines": [ { "id", "name", "saved", "tasks": [ { "task", "start", "finish" } ] } ] }
// Schema 3 added the money side (fields.hpp describes every record); schema 4 the two rates, the
// contract ("project.contract"), the billing schedule ("billing") and invoices to the client
// ("clientInvoices").
// Migrations: schema 1 wrote a task's "start no earlier than" date as "start"; it reads as SNET.
// Schema 3 and before had one rate per person ("hourlyRate", "rateChanges"): it reads as the bill rate,
// with no cost rate.
#pragma once
#include "model.hpp"
#include "result.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace plotline {

constexpr int kSchemaVersion = 4;

// Reads a project file of any schema up to kSchemaVersion; older schemas are migrated as they are
// read (schema 1: a task's "start" becomes a start-no-earlier-than constraint; schema 2 had no money side: no
// budget lines, vendors, actuals, change requests or risks). A file from a newer
// Plotline is refused unless acceptNewer: then what this version understands is read (the caller
// must not write it back). schemaVersion, when given, receives the file's schema.
Result<Project> readProjectJson(std::string_view text, bool acceptNewer = false, int* schemaVersion = nullptr);
std::string writeProjectJson(const Project& project, bool pretty = true);

// The same file written a few records at a time, so that saving a big plan can be spread over frames:
//   ProjectJsonWriter w(p, false);
//   while (!w.step(500)) { … next frame … }   // the project must not change meanwhile (start again if it did)
//   std::string json = w.take();
class ProjectJsonWriter {
public:
    // headerOnly: the project's own fields and schema, with none of its lists (the binary form keeps them so).
    ProjectJsonWriter(const Project& project, bool pretty, bool headerOnly = false);
    ~ProjectJsonWriter();
    ProjectJsonWriter(const ProjectJsonWriter&) = delete;
    ProjectJsonWriter& operator=(const ProjectJsonWriter&) = delete;
    bool step(size_t records); // writes about that many more records; true once the file is complete
    bool done() const;
    const std::string& text() const; // written so far
    std::string take();              // the file, once done

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};
// Appends s as a quoted JSON string (escapes as nlohmann::json writes them; invalid UTF-8 → U+FFFD).
void appendJsonString(std::string& out, std::string_view s);

} // namespace plotline
