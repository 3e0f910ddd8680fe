// Three-way merge of a project, entity by entity and field by field: what sync does when two copies
// were edited apart (two devices offline, two people), and what `plotline merge` does for git.
//
//   MergeResult m = mergeProjects(base, ours, theirs);   // base: the last version both sides had
//   m.project                                           // every edit of both sides
//   m.conflicts                                         // the same field edited both ways: one was picked
//   m.notes                                             // what the merge had to decide besides
//
// The rules, stated once:
// - Entities are matched by their ids (status records by their date). An entity added on either side
//   is kept; added on both sides it is kept twice (two adds have two ids).
// - Deleted on one side and unchanged on the other: deleted. Deleted on one side and edited on the
//   other: the edit is kept, and a note says so. A task kept this way, or one that a kept task needs as
//   its summary, comes back with its place in the outline.
// - Edited on both sides: each field (as fields.hpp describes it) merges by itself, so edits of
//   different fields both survive. The same field changed to two different values is a conflict: the
//   value of the later edit wins (the record's `modified` stamp; equal stamps: the greater value), and
//   the conflict is listed for review. `modified` itself becomes the later of the two.
// - Order: each summary's children (and each list) merge as a list: the order of the side that
//   reordered, the other side's new entries after the entry they followed there.
// - References: a link to a task no longer in the plan, or one that would close a dependency cycle, is
//   dropped and listed; so is an assignment of a task no longer in the plan. A person whose hours or
//   assignments are kept comes back if one side deleted them (money records are never dropped; they
//   may name a task deleted since, as everywhere).
// - The result is the same whichever side is "ours": merge(b, x, y) and merge(b, y, x) give the same
//   project, with each conflict's sides swapped.
#pragma once
#include "commands.hpp"
#include "model.hpp"

#include <string>
#include <vector>

namespace plotline {

struct MergeConflict {
    std::string entity;        // "task", "budget line", "project", …
    Id id;                     // the entity's id (null for the project's own fields and status records)
    std::string name;          // what the user calls it: the task's name, "CR-3", "2026-11-20"
    std::string field;         // as in the file: "duration", "name", …
    std::string ours, theirs;  // each side's value, as the file writes it ("" when empty)
    Stamp oursAt = 0, theirsAt = 0; // when each side edited the entity
    bool tookOurs = false;     // which value the merged project holds
    bool operator==(const MergeConflict&) const = default;
};

struct MergeResult {
    Project project;
    std::vector<MergeConflict> conflicts;
    std::vector<std::string> notes; // kept edits of deleted entities, dropped links, summaries brought back
};

MergeResult mergeProjects(const Project& base, const Project& ours, const Project& theirs);

// The conflicts window's "use the other": the listed field of the entity set to the value the merge
// did not keep, as one undoable step (a flip of a flip puts it back). nullptr with `why` when the
// entity is gone since, or (a baseline) has no edit to make.
CommandPtr flipConflict(const Project& p, const MergeConflict& k, std::string& why);

} // namespace plotline
