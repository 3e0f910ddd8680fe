// iCalendar (RFC 5545) export of a plan's milestones and deadlines, for the client's calendar.
//
//   std::string ics = writeICalendar(project, schedule(project), nowMs);
//
// One all-day event per milestone (on the day the schedule puts it) and per task deadline. Each
// event's UID is the task's id with the kind ("<id>-milestone@plotline"), so importing a newer export
// updates the events instead of duplicating them; SEQUENCE is the task's last change in minutes, so
// calendar programs take the newer copy. Tasks marked internal (and everything under them) are left
// out unless asked for. Lines end in CRLF and are folded at 75 octets without splitting a character.
#pragma once
#include "model.hpp"
#include "schedule.hpp"

#include <string>

namespace plotline {

struct ICalendarCount {
    size_t milestones = 0, deadlines = 0, internalLeftOut = 0;
};

std::string writeICalendar(const Project& project, const Schedule& schedule, int64_t nowMs, bool includeInternal = false,
                           ICalendarCount* count = nullptr);

} // namespace plotline
