// The accessibility mirror: what the canvas shows, as data a screen reader can be given. The app
// fills an A11yView from its own view state (never from pixels) whenever what it shows changed; the
// browser host renders it as hidden DOM beside the canvas (src/platform/web/api.js: a heading, the
// commands as buttons, the task table as an ARIA treegrid of the rows in view plus the selected one,
// a dialog, and a live region for announcements). Natively the JSON is kept for tests.
//
//   A11yView v; v.title = "Launch campaign — Plan"; v.rows.push_back({...});
//   host.publishA11y(a11yJson(v));
#pragma once
#include "core/schedule.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace plotline {

struct A11yRow {
    std::string key;        // the task's id: the mirror selects a task by it
    int index = 0;          // 1-based place among the rows shown (aria-rowindex counts the header as 1)
    int level = 1;          // outline level, 1 = top
    int expanded = -1;      // -1: no children; 0: collapsed; 1: expanded
    bool selected = false;
    std::string name, start, finish, duration, percent;
    std::string marks;      // what colour shows on screen, said in words: "critical, milestone, late"
    std::string warning;    // the schedule's warning for the task, empty when none
};

struct A11yButton {
    std::string id;         // App::a11yActivate(id) runs it
    std::string name;       // what it does, as the menu says it
    std::string keys;       // its shortcut, "" when none
    bool pressed = false;   // for views: the one shown
    bool disabled = false;
};

struct A11yTable {
    std::string label;                        // its caption
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

struct A11yView {
    std::string title;                   // the open project and the view
    std::vector<A11yButton> buttons;     // views and commands
    std::string gridLabel;               // "" when no task table is shown
    int rowCount = 0;                    // rows the table has (not just those described)
    std::vector<A11yRow> rows;           // rows in view, plus the selected one
    std::string active;                  // key of the selected row, "" when none
    std::vector<std::string> lines;      // other text on screen: save state, the view's figures
    std::vector<A11yTable> tables;       // the view's tables of figures (the Budget dashboard's)
    std::string dialog, dialogText;      // an open message the user must close
};

std::string a11yJson(const A11yView& view);

// A key of what a view shows, mixed from its parts (FNV-style): equal parts give the same key, and a
// change in any part gives another, so the mirror is rebuilt only when one changed.
inline uint64_t mixKey(uint64_t seed, std::initializer_list<uint64_t> parts) {
    for (uint64_t x : parts) seed = (seed ^ x) * 0x100000001B3ull;
    return seed;
}

// Counts how many tasks an edit moved, for announcements ("Moved Copy deck; 4 tasks moved"): keeps
// the tasks' scheduled starts of the last revision it saw. Only edits that kept the task list's
// shape are counted (an insert or delete says nothing about moves). When the scheduler ran once since
// the last call and kept the plan's structure, or spliced rows in one run of it (Schedule::spliced),
// it goes over the rows that run rewrote; otherwise over every row's start.
class MoveCounter {
public:
    // The tasks whose start differs from the last call's, or -1 when the list changed shape.
    int update(const Schedule& schedule);
private:
    std::vector<int64_t> starts_;
    bool seen_ = false;
    ScheduleFollower follower_;
};

} // namespace plotline
