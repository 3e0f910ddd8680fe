// Every edit of a project is a Command applied through a Document: that one path gives undo/redo,
// modification stamps, change notification (autosave, views) and, later, sync.
//
//   Document doc(project);
//   doc.subscribe([](const Document& d) { markDirty(); });
//   Task t = *doc.project().task(id); t.name = "Kick-off";
//   doc.execute(editTask(t));         // notifies listeners
//   doc.undo();                        // name restored, listeners notified again
#pragma once
#include "model.hpp"
#include "schedule.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace plotline {

class Command {
public:
    virtual ~Command() = default;
    virtual std::string label() const = 0;
    // Both return false when the command no longer applies (e.g. its task is gone); nothing changes then.
    virtual bool apply(Project& p, Stamp now) = 0;
    virtual bool revert(Project& p, Stamp now) = 0;
};

using CommandPtr = std::unique_ptr<Command>;

// Replace a task's fields (found by id) with `after`.
CommandPtr editTask(Task after);
// Insert a task at a row; the caller sets parent consistently with the outline order.
CommandPtr insertTask(size_t row, Task task);
// Delete tasks with their subtrees, and every link and assignment that touches them.
CommandPtr deleteTasks(std::vector<Id> ids);
CommandPtr addLink(Link link);
CommandPtr deleteLink(Id link);
// Name, currency, start and calendar.
CommandPtr editProjectSettings(std::string name, std::string currency, Date start, Calendar calendar);
// Swap in a whole project (new, open sample, import): undo brings the previous one back.
CommandPtr replaceProject(Project project, std::string label);

class Document {
public:
    using Clock = std::function<Stamp()>;
    using Listener = std::function<void(const Document&)>;

    explicit Document(Project project = {}, Clock clock = {});

    const Project& project() const { return project_; }
    // Recomputed on first use after a change.
    const Schedule& schedule() const;
    // Increases with every change (edit, undo, redo, load).
    uint64_t revision() const { return revision_; }

    bool execute(CommandPtr command);
    bool undo();
    bool redo();
    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    std::string undoLabel() const { return undo_.empty() ? "" : undo_.back()->label(); }
    std::string redoLabel() const { return redo_.empty() ? "" : redo_.back()->label(); }

    // Replace the project without an undo step (opening from storage); clears history.
    void load(Project project);

    int subscribe(Listener listener);
    void unsubscribe(int token);

private:
    void changed();
    Project project_;
    Clock clock_;
    std::vector<CommandPtr> undo_, redo_;
    uint64_t revision_ = 1;
    mutable uint64_t scheduledRevision_ = 0;
    mutable Schedule schedule_;
    std::vector<std::pair<int, Listener>> listeners_;
    int nextToken_ = 1;
};

// Milliseconds since the epoch from the system clock.
Stamp systemNow();

} // namespace plotline
