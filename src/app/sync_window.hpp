// The sync windows, from the Project menu and the status bar's sync sentence:
// - Sync…: the server (WebDAV or CouchDB), its address and sign-in, Connect (which probes that the
//   server keeps conditional writes and says exactly what is wrong), the plans on the server with
//   Open, and Sync now.
// - Sync conflicts: each field two sides changed (entity, field, mine, theirs, when) with the value the
//   merge kept, and "Use the other" (an undoable edit that syncs as any edit) or "Keep".
#pragma once
#include "frame_part.hpp"
#include "sync_controller.hpp"

#include <functional>
#include <string>
#include <vector>

namespace plotline {

class SyncWindow {
public:
    struct Actions {
        std::function<void(const RemotePlan&)> openRemote;  // open a plan from the server on this device
        std::function<bool(const std::string&)> isLocal;     // the library has this plan
        std::function<std::string()> openId;                 // the project open now
    };
    SyncWindow(SyncController& sync, Actions actions) : sync_(sync), actions_(std::move(actions)) {}

    void open();
    void openConflicts() { conflictsOpen_ = focusConflicts_ = true; }
    bool isOpen() const { return open_; }
    PLOTLINE_FRAME_PART void draw(Stamp now);

private:
    void connection();
    void remotePlans(Stamp now);
    void conflicts();
    void refresh();

    SyncController& sync_;
    Actions actions_;
    bool open_ = false, focus_ = false, conflictsOpen_ = false, focusConflicts_ = false;
    int kind_ = 0, signIn_ = 0; // WebDAV / CouchDB; none / token / user and password
    std::string base_, token_, user_, password_;
    std::string verdict_;
    bool verdictOk_ = false, listing_ = false;
    std::vector<RemotePlan> plans_;
    std::string listError_;
    uint64_t listedAt_ = 0; // the controller's libraryWrites() when the list was read
};

} // namespace plotline
