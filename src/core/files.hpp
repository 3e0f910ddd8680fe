// Whole files on disk, read and replaced safely (the CLI, and file storage in native runs and on
// the browser's in-memory file system).
#pragma once
#include "result.hpp"

#include <optional>
#include <string>

namespace plotline {

// The largest file a reader takes: 1 GiB (a generated plan of a million tasks is about 750 MB). A larger file,
// a folder or a device (/dev/zero, a pipe that never ends) is refused before it is read.
inline constexpr size_t kMaxInputBytes = size_t(1) << 30;
// The whole file, or why not: "cannot read x: No such file or directory", "x is not a file",
// "x is larger than 1 GB".
Result<std::string> readInputFile(const std::string& path, size_t limit = kMaxInputBytes);
std::optional<std::string> readWholeFile(const std::string& path); // readInputFile, nullopt when refused
// Replaces path with text: written to a new temporary file beside it (created exclusively, so never
// through a planted link), flushed, then renamed over it, so a failed write never leaves half a file.
// A replaced file keeps its mode; a read-only one, or one that is not a regular file, is refused.
// "" or an error message that says why.
std::string writeFileAtomically(const std::string& path, const std::string& text);

// A file name from a project name: letters and digits kept, anything else a single '-'
// ("Aurora Coffee — Launch" → "Aurora-Coffee-Launch"); "plan" when nothing is left.
std::string fileStem(const std::string& name);

} // namespace plotline
