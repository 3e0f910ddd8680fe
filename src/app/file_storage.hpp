// Storage as a folder of files, each value replaced atomically (write to .tmp, then rename).
// Natively the folder is on disk; in the browser it is the IDBFS mount, and flush() is overridden
// to persist the folder to IndexedDB.
#pragma once
#include "host.hpp"

namespace plotline {

std::optional<std::string> readWholeFile(const std::string& path); // nullopt when unreadable

class FileStorage : public Storage {
public:
    explicit FileStorage(std::string dir);
    std::optional<std::string> read(const std::string& key) override;
    std::string write(const std::string& key, const std::string& text) override;
    void flush(std::function<void(const std::string&)> done) override { done(""); }
    const std::string& dir() const { return dir_; }

private:
    std::string dir_;
};

} // namespace plotline
