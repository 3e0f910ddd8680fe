// A plan's schedule kept beside its saved version, so that opening a big plan shows it without
// waiting for the critical path method: the schedule is read (a few ms at 100k tasks) instead of
// computed, and computed again just after the first frames to confirm it.
//
//   std::string text = writeStoredSchedule(doc.schedule(), {body.size(), crc32(body)});
//   std::optional<Schedule> s = readStoredSchedule(text, {info.bytes, info.crc}, project);
//
// The text names the version's body it was computed from (its length and CRC-32): read with any other
// body, or damaged (its own CRC-32 trailer), or for a plan of other sizes, it is nothing (nullopt),
// and the plan is scheduled as usual. Only a schedule without an error is kept (an error's text is in
// the language of the moment). A later Plotline that schedules differently raises kFormat, or is
// caught by the confirming run (Document::checkStoredSchedule), which then replaces it.
//
// Layout: "PLSC", format (varint), body bytes, body CRC-32, counts (tasks, links, assignments), the
// project's start and finish days, then per task its fields as zigzag varints, each a difference
// from the task above's (dates and instants of neighbouring tasks are close), the rows of the links'
// ends and the assignments' tasks the same way, and a CRC-32 of all that before.
#pragma once
#include "schedule.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace plotline {

struct ScheduleKey {
    uint64_t bytes = 0; // of the version's body
    uint32_t crc = 0;   // its CRC-32
};

std::string writeStoredSchedule(const Schedule& schedule, const ScheduleKey& key);
// nullopt unless the text is intact, for this key, and of this project's sizes.
std::optional<Schedule> readStoredSchedule(std::string_view text, const ScheduleKey& key, const Project& project);

// The same schedule, field by field (Schedule has no operator==: it holds an error text).
bool sameSchedule(const Schedule& a, const Schedule& b);

} // namespace plotline
