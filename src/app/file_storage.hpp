// Storage as folders of files on disk (native runs, tests, tools): each area is a folder under the
// root; writes replace a file atomically (write to .tmp, then rename) and are durable at once, so
// load() and persist() only make sure the folder exists.
#pragma once
#include "core/files.hpp"
#include "host.hpp"

namespace plotline {

class FileStorage : public Storage {
public:
    explicit FileStorage(std::string root);
    void load(const std::string& area, Done done) override;
    void persist(const std::string& area, Done done) override;
    void drop(const std::string& area, Done done) override;
    void areas(std::function<void(std::vector<std::string>)> done) override;
    std::optional<std::string> read(const std::string& path) override;
    std::string write(const std::string& path, const std::string& text) override;
    void remove(const std::string& path) override;
    std::vector<std::string> list(const std::string& area) override;
    const std::string& root() const { return root_; }

private:
    std::string root_;
};

} // namespace plotline
