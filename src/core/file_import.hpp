// What a reader of another tool's file (MS Project XML, GanttProject) gives: a new project, or the
// reasons it could not be read, and what it approximated.
#pragma once
#include "model.hpp"

#include <string>
#include <vector>

namespace plotline {

struct FileImport {
    Project project;
    std::vector<std::string> errors; // when any, nothing is imported
    std::vector<std::string> notes;  // imported, with these approximations (per task where it is one task's)
    bool ok() const { return errors.empty(); }
};

} // namespace plotline
