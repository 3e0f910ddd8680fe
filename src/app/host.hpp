// What the app needs from the platform, behind small interfaces: the browser implements them with
// IndexedDB (IDBFS), Blob downloads and the file picker (src/platform/web); tests and tools use plain
// files (src/platform/native).
#pragma once
#include "core/date.hpp"
#include "core/model.hpp"

#include <functional>
#include <optional>
#include <string>

namespace plotline {

// Durable key → text storage. write() replaces a value completely or not at all; flush() makes
// every write so far durable (IndexedDB sync in the browser) and reports an error message or "".
class Storage {
public:
    virtual ~Storage() = default;
    virtual std::optional<std::string> read(const std::string& key) = 0;
    virtual std::string write(const std::string& key, const std::string& text) = 0; // "" or an error
    virtual void flush(std::function<void(const std::string& error)> done) = 0;
};

class Host {
public:
    virtual ~Host() = default;
    virtual Stamp now() = 0;     // milliseconds since the epoch
    virtual Date today() = 0;    // the user's local date
    virtual Storage& storage() = 0;
    virtual std::optional<std::string> readAsset(const std::string& name) = 0; // shipped files (the sample)
    virtual void download(const std::string& filename, const std::string& mime, const std::string& content) = 0;
    virtual void pickFile() = 0; // the chosen file comes back through App::importFile
    // A named moment of start-up for benchmarks (performance.mark in the browser); nothing elsewhere.
    virtual void mark(const char* /*name*/) {}
};

} // namespace plotline
