#include "open_project.hpp"
#include "core/i18n.hpp"

#include "core/json_io.hpp"

namespace plotline {

Capabilities OpenProject::capabilities() const {
    Capabilities c;
    if (noStorage_) {
        c.persists = false;
        c.manageProjects = false;
    }
    if (!reason_.empty()) {
        c.edit = false;
        c.persists = false;
    }
    return c;
}

void OpenProject::explain() {
    reason_.clear();
    if (newerSchema_)
        reason_ = fmt(tr("This project was saved by a newer Plotline (file schema {0}). It is open read-only so that nothing in it is lost; reload the page to get the newer Plotline."),
                      std::to_string(schema_));
    else if (serverNewer_)
        reason_ = tr("The sync server holds this project from a newer Plotline. It is open read-only here so that "
                     "nothing is lost; reload the page to get the newer Plotline.");
    else if (!owner_)
        reason_ = kOtherTab;
}

void OpenProject::opened(const std::string& id, int schema, bool owner) {
    id_ = id;
    schema_ = schema;
    newerSchema_ = schema > kSchemaVersion;
    serverNewer_ = false;
    owner_ = owner;
    explain();
}

bool OpenProject::setOwner(bool owner) {
    if (owner == owner_) return false;
    owner_ = owner;
    explain();
    return true;
}

void OpenProject::storageUnavailable() {
    noStorage_ = true;
    owner_ = true;
    newerSchema_ = false;
    explain();
}

void OpenProject::serverNewer() {
    serverNewer_ = true;
    explain();
}

std::function<void()> OpenProject::takeWaiting() {
    auto then = std::move(afterSave_);
    afterSave_ = nullptr;
    return then;
}

} // namespace plotline
