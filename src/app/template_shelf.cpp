#include "template_shelf.hpp"
#include "core/i18n.hpp"

#include "core/json_io.hpp"
#include "core/sealed.hpp"

#include <algorithm>
#include <memory>

namespace plotline {

void TemplateShelf::load(std::function<void()> done, bool force) {
    if (loaded_ && !force) return done();
    storage_.load(kArea, [this, done](const std::string& err) {
        items_.clear();
        problems_.clear();
        if (!err.empty()) problems_.push_back(fmt(tr("Your templates could not be read ({0})."), err));
        for (const std::string& f : storage_.list(kArea)) {
            const std::optional<std::string> text = storage_.read(std::string(kArea) + "/" + f);
            Result<Sealed> s = text ? unseal(*text) : Result<Sealed>(fail("it cannot be read"));
            Result<Project> p = s ? readProjectJson(s->body) : Result<Project>(fail(s.error()));
            if (!p) {
                problems_.push_back(fmt(tr("The template {0} is damaged and was skipped: {1}"), f, p.error()));
                continue;
            }
            p->isTemplate = true;
            items_.push_back({f, std::move(*p)});
        }
        std::sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) { return a.project.name < b.project.name; });
        loaded_ = true;
        done();
    });
}

void TemplateShelf::add(Project tmpl, Stamp now, std::function<void(const std::string&)> done) {
    // The area is read first (once), so the list it keeps holds what was there and the new one.
    if (!loaded_) return load([this, t = std::make_shared<Project>(std::move(tmpl)), now, done] { add(std::move(*t), now, done); });
    tmpl.isTemplate = true;
    const std::string file = tmpl.id.str() + ".plotline";
    VersionInfo info;
    info.number = 1;
    info.savedAt = now;
    info.name = tmpl.name;
    info.tasks = tmpl.tasks.size();
    const std::string err = storage_.write(std::string(kArea) + "/" + file, seal(writeProjectJson(tmpl), info));
    if (!err.empty()) return done(err);
    std::erase_if(items_, [&](const Item& i) { return i.file == file; });
    items_.push_back({file, std::move(tmpl)});
    std::sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) { return a.project.name < b.project.name; });
    storage_.persist(kArea, std::move(done));
}

void TemplateShelf::remove(std::string file, std::function<void(const std::string&)> done) {
    storage_.remove(std::string(kArea) + "/" + file);
    std::erase_if(items_, [&](const Item& i) { return i.file == file; });
    storage_.persist(kArea, std::move(done));
}

} // namespace plotline
