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
#include "record_edits.hpp"
#include "schedule.hpp"

#include <functional>
#include <memory>
#include <optional>
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
    // True when neither apply nor revert changes a scheduling input (duration, milestone, constraint,
    // deadline, actual dates, share done) of a task it does not insert: only rows, parents and links.
    // The scheduler then reads the inputs of the tasks whose rows or edges changed, not every task's.
    virtual bool keepsInputs() const { return false; }
    // Where the last apply or revert changed the plan's task, link and assignment lists
    // (StructureReach). It must cover every record whose keys it changed, inserted or removed: the
    // scheduler takes those outside as they were. Default: anywhere.
    virtual StructureReach reach() const { return {}; }
    // Exactly which tasks, links and assignments the last apply or revert took out and put in, when
    // that is all it changed (RecordEdits); nullptr when it cannot say or changed anything else.
    virtual const RecordEdits* recordEdits() const { return nullptr; }
};

using CommandPtr = std::unique_ptr<Command>;

// Replace a task's fields (found by id) with `after`.
CommandPtr editTask(Task after);
// Insert a task at a row; the caller sets parent consistently with the outline order.
CommandPtr insertTask(size_t row, Task task);
// Delete tasks with their subtrees, and every link and assignment that touches them.
CommandPtr deleteTasks(std::vector<Id> ids);
// Insert several tasks (with links among them) at a row, as one step: a paste.
CommandPtr insertTasks(size_t row, std::vector<Task> tasks, std::vector<Link> links);
CommandPtr addLink(Link link);
CommandPtr editLink(Link after);
CommandPtr deleteLink(Id link);
// The links into `task` made exactly `wanted` (one per predecessor: its type and lag), as one step:
// a link to a predecessor that stays keeps its id (edited if its type or lag changed), the others are
// deleted, new ones added. nullptr when nothing changes.
CommandPtr setPredecessors(const Project& p, Id task, const std::vector<Link>& wanted);

// Outline edits. Each returns nullptr with `why` set when it cannot apply ("… has no task above it
// at its level"). Rows never jump: indent puts a task under the sibling above it; outdent lifts it
// to its parent's level and adopts the siblings below it (as MS Project does); move swaps a task's
// subtree with its neighbouring sibling's. Links between a task and its new summary would make the
// plan circular: they are removed in the same step, and `why` says how many.
CommandPtr indentTasks(const Project& p, const std::vector<Id>& ids, std::string& why);
CommandPtr outdentTasks(const Project& p, const std::vector<Id>& ids, std::string& why);
CommandPtr moveTask(const Project& p, Id id, int direction, std::string& why); // -1 up, +1 down
// Name, currency, start and calendar.
CommandPtr editProjectSettings(std::string name, std::string currency, Date start, Calendar calendar);
// Baselines: the schedule's current dates saved under a name (replacing a baseline of that name).
CommandPtr saveBaseline(const Project& p, const Schedule& s, const std::string& name);
CommandPtr deleteBaseline(const Project& p, Id id);
// Who the project is for and who runs it (the portfolio's filters), as one step; nullptr when unchanged.
CommandPtr setProjectOwners(const Project& p, std::string client, std::string producer);
// A content pipeline's stage list (pipeline.hpp), replaced as one step.
CommandPtr setStages(std::vector<PipelineStage> stages);
// "Progress as of": drawn as the status line and progress line; nullopt clears it.
CommandPtr setStatusDate(std::optional<Date> day);
// The resources working on a task (each with units %), replacing its assignments.
CommandPtr setTaskResources(const Project& p, Id task, const std::vector<Assignment>& assignments);
// Replace a resource's fields (found by id): name, role, rate, days off.
CommandPtr editResource(const Project& p, Resource after);
// New people (or roles) and new assignments, appended (nullptr when none).
CommandPtr addResources(const Project& p, std::vector<Resource> people);
CommandPtr addAssignments(const Project& p, std::vector<Assignment> assignments);
// The money side. A record (BudgetLine, Vendor, CostEntry, HoursEntry, Drawdown, ChangeRequest, Risk,
// BillingItem, ClientInvoice)
// is added when its id is new (null ids get one) or replaces the record with its id; removed by id.
// nullptr when nothing would change.
template <class T> CommandPtr putRecord(const Project& p, T record, std::string label);
template <class T> CommandPtr putRecords(const Project& p, std::vector<T> records, std::string label); // one step
template <class T> CommandPtr removeRecord(const Project& p, Id id, std::string label);
// Actuals imported from a file, appended as one step.
CommandPtr addActuals(const Project& p, std::vector<CostEntry> costs, std::vector<HoursEntry> hours, std::string label);
CommandPtr setContingency(Contingency c);
// How the client pays (type, cap, monthly fee, margin target).
CommandPtr setContract(Contract c);
// Keeps the numbers of a status date (replacing a record of the same date).
CommandPtr recordStatus(const Project& p, StatusRecord r);
// A change request's next status, logged with who decided, when and why. Allowed: draft → submitted;
// submitted → approved, rejected or back to draft. Approving applies its impact in the same undo
// step: new tasks are added at the end of their summary (start no earlier than the decision day),
// changed tasks get their new duration, the cost impact becomes a budget line of the request and its
// fee impact a billing item dated the decision day.
// nullptr with `why` set when the move is not allowed or a changed task no longer exists.
CommandPtr decideChange(const Project& p, Id request, ChangeStatus to, const std::string& by, const std::string& note,
                        Date day, Stamp at, std::string& why);
// The next free change request number (CR-n).
int nextChangeNumber(const Project& p);

// Several commands as one undo step (null entries are skipped); nullptr when none is left.
CommandPtr group(std::string label, std::vector<CommandPtr> commands);
// A command under another name ("Moved \"Copy deck\" to 2026-03-12" rather than the edit's own).
CommandPtr named(std::string label, CommandPtr inner);
// Swap in a whole project (new, open sample, import): undo brings the previous one back.
CommandPtr replaceProject(Project project, std::string label);

// What the person in front of a document may do with it. The core enforces `edit` (a document that may
// not be edited refuses every command, undo and redo); the views consult all of them, so a capability
// that is off draws no affordance at all rather than one that is refused on use.
struct Capabilities {
    bool edit = true;            // change the plan (commands, undo, redo)
    bool seeMoney = true;        // rates, costs, budget, actuals, vendors
    bool manageProjects = true;  // create, open, rename, trash projects and import into the library
    bool persists = true;        // changes are saved to this browser's library
    bool operator==(const Capabilities&) const = default;
};

// Where the last change of a document came from: a local edit (stamped now), a version from elsewhere
// (a merge or restore that keeps its own stamps), or opening (no undo step).
enum class ChangeOrigin : uint8_t { Local, External, Load };

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
    // Executes a command only if the plan still schedules afterwards (no loop): otherwise the project,
    // the undo and the redo stacks are as before, nobody is notified, and `why` says what went wrong.
    bool executeChecked(CommandPtr command, std::string& why);
    // Replaces the project with a version from elsewhere (a merge from a server, a restored version) as
    // one undoable step. Unlike a local edit nothing is stamped: the incoming `modified` stamps are kept,
    // so the next sync does not send the other side's changes back as ours.
    bool applyExternal(Project incoming, std::string label);
    bool undo();
    bool redo();
    bool canUndo() const { return caps_.edit && !undo_.empty(); }
    bool canRedo() const { return caps_.edit && !redo_.empty(); }
    ChangeOrigin lastOrigin() const { return lastOrigin_; }
    // Exactly which records the last change took out and put in (Command::recordEdits), read by
    // listeners as they are told of it; nullptr when it cannot say (opening, a merge, most edits
    // besides the plan's tasks, links and assignments).
    const RecordEdits* lastRecordEdits() const { return lastEdits_ ? &*lastEdits_ : nullptr; }

    const Capabilities& capabilities() const { return caps_; }
    void setCapabilities(Capabilities caps) { caps_ = caps; } // without edit: refuses every change (load() still works)
    bool readOnly() const { return !caps_.edit; }
    std::string undoLabel() const { return undo_.empty() ? "" : undo_.back()->label(); }
    std::string redoLabel() const { return redo_.empty() ? "" : redo_.back()->label(); }

    // Replace the project without an undo step (opening from storage); clears history. stored: its
    // schedule as saved beside it (schedule_store.hpp), shown until checkStoredSchedule() or an edit.
    void load(Project project, std::optional<Schedule> stored = std::nullopt);
    // The schedule shown is the stored one, not yet confirmed by a run of the scheduler.
    bool scheduleIsStored() const { return stored_ && schedule_ == &*stored_ && scheduledRevision_ == revision_; }
    // Runs the scheduler on the plan as loaded and shows its result from now on; false when it differs
    // from the stored schedule (which was then wrong: the revision moves on, so views redraw).
    bool checkStoredSchedule();
    // The same a part per call (Scheduler::runInSteps), for one a frame: none until the last part.
    std::optional<bool> checkStoredScheduleStep();

    // What the last rescheduling did (whether it carried values across the edit, how much it touched).
    const Scheduler& scheduler() const { return scheduler_; }

    int subscribe(Listener listener);
    void unsubscribe(int token);

private:
    // reach: where the change touched the plan's lists (Command::reach); none: anywhere.
    void changed(ChangeOrigin origin, bool keepsInputs = false, const StructureReach* reach = nullptr, const RecordEdits* edits = nullptr);
    std::optional<RecordEdits> lastEdits_;
    // Where the plan's lists changed since the scheduler's last run on it (what changed() added up).
    mutable StructureReach pending_;
    // Only commands that keep every task's scheduling inputs changed the plan since the scheduler's
    // last run (Command::keepsInputs): its next run reads the inputs of the rows the change touched.
    mutable bool inputsKept_ = false;
    Project project_;
    Clock clock_;
    std::vector<CommandPtr> undo_, redo_;
    uint64_t revision_ = 1;
    Capabilities caps_;
    ChangeOrigin lastOrigin_ = ChangeOrigin::Load;
    mutable uint64_t scheduledRevision_ = 0;
    mutable Scheduler scheduler_; // keeps its graph between edits: rescheduling touches only what changed
    mutable const Schedule* schedule_ = nullptr;
    mutable std::optional<Schedule> stored_; // load()'s stored schedule, until confirmed or edited
    uint64_t checkedRevision_ = UINT64_MAX;    // the revision checkStoredScheduleStep last worked on
    std::vector<std::pair<int, Listener>> listeners_;
    int nextToken_ = 1;
};

// Milliseconds since the epoch from the system clock.
Stamp systemNow();

} // namespace plotline
