// The stored form of a project in the library: the same project as the JSON file, in a compact
// binary that opens several times faster (a 100k-task plan: ~110 B a task against ~530 in JSON). JSON
// stays the format of files, exports, sync and client views; this form never leaves the browser's
// storage, where each version is sealed (sealed.hpp) so that a damaged one is found before it is read.
//
//   std::string body = writeProjectBinary(p);
//   Result<Project> q = readProjectBody(body);   // this form or JSON, told apart by the first bytes
//
// Layout (all integers LEB128 varints; signed ones zigzagged):
//   "PLTB" 0x01                     magic and the layout's version
//   header                          the project's own fields and schemaVersion as Plotline JSON with no
//                                   lists (length, text): read by the JSON reader, migrations included
//   types                           count, then each record type fields.hpp describes: its name, its
//                                   fields (count; name, kind, and for a nested list its record type)
//   lists                           count, then each of the project's lists (fields.hpp's forEachList):
//                                   name, record type, count, records
//   record                          its fields in the order its type lists them; an id is 16 bytes, a
//                                   text its length and bytes, a number a varint, a date its day number,
//                                   an optional one a presence byte first, a choice its name, a list its
//                                   count and items
// Each file carries its own field list, so a field added, removed or reordered by a later Plotline
// reads like a JSON member: matched by name, absent ones take their defaults, unknown ones are skipped.
//
// What the reader checks: the structure (no read past the end, counts and lengths that fit), each
// field's range and text length as the JSON reader does, and dates from 1900 to 2999. It does not
// check references between records (a link's tasks, unique ids): the stored form is only ever written
// from a project the app holds, which the JSON reader or the commands checked when it came in.
#pragma once
#include "model.hpp"
#include "record_edits.hpp"
#include "result.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace plotline {

bool isProjectBinary(std::string_view body);
// acceptNewer and schemaVersion as readProjectJson's.
Result<Project> readProjectBinary(std::string_view body, bool acceptNewer = false, int* schemaVersion = nullptr);
std::string writeProjectBinary(const Project& project);
// A stored body of either form (binary or JSON), by its first bytes.
Result<Project> readProjectBody(std::string_view body, bool acceptNewer = false, int* schemaVersion = nullptr);

// The same written a few records at a time (as ProjectJsonWriter), so that a save of a big plan can be
// spread over frames; the project must not change meanwhile.
class ProjectBinaryWriter {
public:
    explicit ProjectBinaryWriter(const Project& project);
    ~ProjectBinaryWriter();
    ProjectBinaryWriter(const ProjectBinaryWriter&) = delete;
    ProjectBinaryWriter& operator=(const ProjectBinaryWriter&) = delete;
    bool step(size_t records); // true once the body is complete
    bool done() const;
    const std::string& text() const; // written so far
    std::string take();
    // The project changed by `edits` (RecordEdits, each step as it happened): the records already
    // written that it took out or rewrote are taken out or written again, and the counts set, so the
    // body reads as if written after the change, and goes on from there. A few of a big plan's
    // records cost a copy of the bytes from the first of them on, not a new start. False when the
    // edits do not fit what was written: the writer is then of no use (start a new one).
    bool follow(const RecordEdits& edits);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace plotline
