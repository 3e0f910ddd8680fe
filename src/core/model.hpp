// The domain model: a Project with its tasks, links, resources, assignments and calendar.
// Plain data; edits go through commands (commands.hpp) so undo, autosave and sync see every change.
//
// Task order in `tasks` is the outline order shown to the user: a task's children follow it
// directly (pre-order), and `parent` names the summary task it belongs to.
#pragma once
#include "calendar.hpp"
#include "date.hpp"
#include "id.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plotline {

// Milliseconds since 1970-01-01 UTC of an entity's last change; later merges compare these.
using Stamp = int64_t;

enum class LinkType : uint8_t { FS, SS, FF, SF };
const char* linkTypeName(LinkType t); // "FS", ...
std::optional<LinkType> parseLinkType(std::string_view s);

// When a task may start. ASAP: as soon as its links and the project start allow. SNET: start no
// earlier than the date. FNLT: finish no later than the date (scheduled ASAP; flagged when late).
// MSO: must start on the date (kept there; flagged when links would need it later).
enum class Constraint : uint8_t { ASAP, SNET, FNLT, MSO };
const char* constraintName(Constraint c);       // "ASAP", "SNET", "FNLT", "MSO"
const char* constraintLabel(Constraint c);      // "As soon as possible", "Start no earlier than", ...
std::optional<Constraint> parseConstraint(std::string_view s);

struct Task {
    Id id;
    std::string name;
    Id parent;                    // null for top-level tasks
    Constraint constraint = Constraint::ASAP;
    std::optional<Date> constraintDate; // set for every constraint but ASAP
    std::optional<Date> deadline;       // a target finish: flagged when missed, never moves the task
    int64_t duration = 480;       // working minutes
    bool milestone = false;
    int percentComplete = 0;      // 0..100
    std::optional<Date> actualStart, actualFinish; // facts: they pin the task where it really ran
    std::string notes;
    Stamp modified = 0;
    bool operator==(const Task&) const = default;
};

struct Link {
    Id id;
    Id predecessor, successor;
    LinkType type = LinkType::FS;
    int64_t lag = 0;              // working minutes, may be negative
    Stamp modified = 0;
    bool operator==(const Link&) const = default;
};

struct Resource {
    Id id;
    std::string name;
    std::string role;
    int64_t hourlyRate = 0;       // minor units of the project currency per hour
    Stamp modified = 0;
    std::vector<Date> daysOff;    // sorted: days this person does not work (leave, part-time days)
    bool operator==(const Resource&) const = default;
};

struct Assignment {
    Id id;
    Id task, resource;
    int units = 100;              // percent of the resource's time
    Stamp modified = 0;
    bool operator==(const Assignment&) const = default;
};

// A saved copy of the plan's dates, to compare the live plan against.
struct BaselineTask {
    Id task;
    Date start, finish;           // inclusive finish, as shown
    bool operator==(const BaselineTask&) const = default;
};

struct Baseline {
    Id id;
    std::string name;
    Stamp saved = 0;
    std::vector<BaselineTask> tasks; // in the plan's order when saved
    bool operator==(const Baseline&) const = default;
};

struct Project {
    Id id;
    std::string name = "Untitled project";
    std::string currency = "EUR"; // ISO 4217
    Date start = Date::fromYmd(2026, 1, 5);
    Calendar calendar;
    std::optional<Date> statusDate; // "progress as of": drawn as the progress line
    Stamp modified = 0;

    std::vector<Task> tasks;
    std::vector<Link> links;
    std::vector<Resource> resources;
    std::vector<Assignment> assignments;
    std::vector<Baseline> baselines;

    // Lookups by id; -1 when absent. Linear: callers that need speed build an index.
    int taskIndex(Id id) const;
    int resourceIndex(Id id) const;
    const Task* task(Id id) const { int i = taskIndex(id); return i < 0 ? nullptr : &tasks[size_t(i)]; }

    // Outline helpers over the pre-order task list.
    bool hasChildren(size_t index) const;
    int outlineLevel(size_t index) const; // 1 for top-level tasks
    size_t subtreeEnd(size_t index) const; // one past the last descendant

    bool operator==(const Project& o) const = default;
};

// A new empty project starting on the next Monday after `today`.
Project newProject(Date today, std::string name = "Untitled project");

} // namespace plotline
