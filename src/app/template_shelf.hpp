// The user's templates, kept in the browser's storage beside the project library (area "templates",
// one sealed JSON file each, so a damaged one is found and skipped rather than opened).
//
//   TemplateShelf shelf(storage);
//   shelf.load([] { … });                      // reads the area once
//   shelf.add(makeTemplate(project), now);      // "" or why it could not be stored
//   for (const auto& t : shelf.items()) t.project …
#pragma once
#include "core/model.hpp"
#include "host.hpp"

#include <functional>
#include <string>
#include <vector>

namespace plotline {

class TemplateShelf {
public:
    explicit TemplateShelf(Storage& storage) : storage_(storage) {}

    struct Item {
        std::string file;   // in the area
        Project project;    // a template (isTemplate)
    };
    // Reads the area (once; again with force). Damaged files are listed in problems().
    void load(std::function<void()> done, bool force = false);
    bool loaded() const { return loaded_; }
    const std::vector<Item>& items() const { return items_; }
    const std::vector<std::string>& problems() const { return problems_; }
    // Stores a template (made durable before done is told), reading the area first if it was not;
    // "" or the error.
    void add(Project tmpl, Stamp now, std::function<void(const std::string& error)> done);
    void remove(std::string file, std::function<void(const std::string& error)> done); // (a copy: it may name an item it removes)

    static constexpr const char* kArea = "templates";

private:
    Storage& storage_;
    bool loaded_ = false;
    std::vector<Item> items_;
    std::vector<std::string> problems_;
};

} // namespace plotline
