// The Projects window (the start screen: every project with its last change, tasks and size; new,
// open, duplicate, rename, move to the trash; the trash with restore and delete; storage in use)
// and the History window (the open project's saved snapshots, each restorable as one undo step).
//
//   LibraryWindow w(app);
//   w.openProjects();  w.openHistory();
//   every frame: w.draw();
#pragma once
#include "frame_part.hpp"
#include "library.hpp"

#include <string>
#include <vector>

namespace plotline {

class App;

class LibraryWindow {
public:
    explicit LibraryWindow(App& app) : app_(app) {}
    void openProjects();
    void openHistory();
    bool projectsOpen() const { return projectsOpen_; }
    PLOTLINE_FRAME_PART void draw();

private:
    void projects();
    void history();
    void rename(const ProjectEntry& e);

    App& app_;
    bool projectsOpen_ = false, historyOpen_ = false, focus_ = false, trashOpen_ = false, focusRename_ = false;
    std::string renaming_; // id of the project whose name is being edited
    char name_[128] = {};
    std::string error_;
    bool historyLoading_ = false;
    std::vector<Snapshot> snapshots_;
    std::string historyError_;
};

} // namespace plotline
