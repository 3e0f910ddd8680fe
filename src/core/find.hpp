// Find: the tasks whose name, notes or people hold a text, for the planner's Find bar (Ctrl+F).
//
//   std::vector<int> rows = findTasks(project, "launch");   // plan order
#pragma once
#include "model.hpp"

#include <string_view>
#include <vector>

namespace plotline {

// Rows of the tasks whose name, notes or assigned people's names contain `text`, ignoring the case
// of ASCII letters and spaces around the text; in plan order. An empty text finds nothing.
std::vector<int> findTasks(const Project& p, std::string_view text);

// Where a match is, in words, for the Find bar: "name", "notes" or "people".
const char* whereFound(const Project& p, int row, std::string_view text);

} // namespace plotline
