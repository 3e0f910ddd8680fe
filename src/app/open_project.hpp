// The project this tab has open: its library entry, whether this tab may write it and why not, and
// the action waiting for its save. Plain state the app changes through a few methods; the document's
// capabilities and autosave follow from it. No ImGui: tested natively (tests/unit/open_project_test.cpp).
//
//   OpenProject open;
//   open.opened("3fa…", kSchemaVersion, /*owner=*/true);  // editable, saved to the library
//   open.setOwner(false);                                  // another tab took it: read-only, follows
//   doc.setCapabilities(open.capabilities());
#pragma once
#include "core/commands.hpp"

#include <functional>
#include <string>

namespace plotline {

class OpenProject {
public:
    const std::string& id() const { return id_; }
    bool isOpen() const { return !id_.empty(); }
    bool is(const std::string& id) const { return !id_.empty() && id_ == id; }

    // What this tab may do with the project; `reason` says why it may not edit ("" when it may).
    Capabilities capabilities() const;
    const std::string& reason() const { return reason_; }
    bool readOnly() const { return !capabilities().edit; }
    bool owner() const { return owner_; }
    bool newerSchema() const { return newerSchema_; }
    // A read-only tab that shows another tab's saves (not a file from a newer Plotline, which no
    // save of this version can change).
    bool follows() const { return isOpen() && !owner_ && !newerSchema_; }

    // A version of project `id` was read (with the schema it was written in) and is now shown.
    void opened(const std::string& id, int schema, bool owner);
    // Another tab took the project (false) or let it go (true). Returns whether anything changed.
    bool setOwner(bool owner);
    // The sync server holds this project from a newer Plotline: read-only here (until reopened after an update).
    void serverNewer();
    bool isServerNewer() const { return serverNewer_; }
    // The browser's storage cannot be used: work goes on in memory, nothing is saved or managed.
    void storageUnavailable();

    // An action that must wait until what is typed is saved (switching projects, trashing).
    void waitForSave(std::function<void()> then) { afterSave_ = std::move(then); }
    bool waiting() const { return bool(afterSave_); }
    // The waiting action, handed over once (the app runs it when autosave is idle).
    std::function<void()> takeWaiting();

    static constexpr const char* kOtherTab =
        "This project is open in another tab. This tab follows its changes and is read-only; it becomes "
        "editable when the other tab closes.";

private:
    void explain();
    std::string id_, reason_;
    bool owner_ = true, newerSchema_ = false, noStorage_ = false, serverNewer_ = false;
    int schema_ = 0;
    std::function<void()> afterSave_;
};

} // namespace plotline
