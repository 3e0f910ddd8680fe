// Whole files on disk, read and replaced safely (the CLI, and file storage in native runs and on
// the browser's in-memory file system).
#pragma once
#include <optional>
#include <string>

namespace plotline {

std::optional<std::string> readWholeFile(const std::string& path); // nullopt when unreadable
// Replaces path with text: written to path.tmp, then renamed over it, so a failed write never leaves
// half a file behind. "" or an error message.
std::string writeFileAtomically(const std::string& path, const std::string& text);

// A file name from a project name: letters and digits kept, anything else a single '-'
// ("Aurora Coffee — Launch" → "Aurora-Coffee-Launch"); "plan" when nothing is left.
std::string fileStem(const std::string& name);

} // namespace plotline
