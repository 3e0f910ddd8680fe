#include "commands.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_set>

namespace plotline {

Stamp systemNow() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

namespace {

class EditTask final : public Command {
public:
    explicit EditTask(Task after) : after_(std::move(after)) {}
    std::string label() const override { return "Edit " + (after_.name.empty() ? std::string("task") : "\"" + after_.name + "\""); }
    bool apply(Project& p, Stamp now) override {
        int i = p.taskIndex(after_.id);
        if (i < 0) return false;
        before_ = p.tasks[size_t(i)];
        p.tasks[size_t(i)] = after_;
        p.tasks[size_t(i)].modified = now;
        return true;
    }
    bool revert(Project& p, Stamp now) override {
        int i = p.taskIndex(after_.id);
        if (i < 0) return false;
        p.tasks[size_t(i)] = before_;
        p.tasks[size_t(i)].modified = now;
        return true;
    }

private:
    Task after_, before_;
};

class InsertTask final : public Command {
public:
    InsertTask(size_t row, Task t) : row_(row), task_(std::move(t)) {}
    std::string label() const override { return "Insert task"; }
    bool apply(Project& p, Stamp now) override {
        if (row_ > p.tasks.size()) return false;
        task_.modified = now;
        p.tasks.insert(p.tasks.begin() + long(row_), task_);
        return true;
    }
    bool revert(Project& p, Stamp) override {
        int i = p.taskIndex(task_.id);
        if (i < 0) return false;
        p.tasks.erase(p.tasks.begin() + i);
        return true;
    }

private:
    size_t row_;
    Task task_;
};

class DeleteTasks final : public Command {
public:
    explicit DeleteTasks(std::vector<Id> ids) : ids_(std::move(ids)) {}
    std::string label() const override { return ids_.size() == 1 ? "Delete task" : "Delete tasks"; }
    bool apply(Project& p, Stamp) override {
        removedTasks_.clear();
        removedLinks_.clear();
        removedAssignments_.clear();
        std::unordered_set<Id, IdHash> gone(ids_.begin(), ids_.end());
        // Subtrees: children follow their parent, so one forward pass finds every descendant.
        for (const Task& t : p.tasks)
            if (!t.parent.isNull() && gone.count(t.parent)) gone.insert(t.id);
        for (size_t i = 0; i < p.tasks.size(); ++i)
            if (gone.count(p.tasks[i].id)) removedTasks_.push_back({i, p.tasks[i]});
        if (removedTasks_.empty()) return false;
        for (size_t i = 0; i < p.links.size(); ++i)
            if (gone.count(p.links[i].predecessor) || gone.count(p.links[i].successor)) removedLinks_.push_back({i, p.links[i]});
        for (size_t i = 0; i < p.assignments.size(); ++i)
            if (gone.count(p.assignments[i].task)) removedAssignments_.push_back({i, p.assignments[i]});
        eraseAll(p.tasks, removedTasks_);
        eraseAll(p.links, removedLinks_);
        eraseAll(p.assignments, removedAssignments_);
        return true;
    }
    bool revert(Project& p, Stamp) override {
        insertAll(p.tasks, removedTasks_);
        insertAll(p.links, removedLinks_);
        insertAll(p.assignments, removedAssignments_);
        return true;
    }

private:
    template <class T>
    static void eraseAll(std::vector<T>& v, const std::vector<std::pair<size_t, T>>& removed) {
        for (size_t k = removed.size(); k-- > 0;) v.erase(v.begin() + long(removed[k].first));
    }
    template <class T>
    static void insertAll(std::vector<T>& v, const std::vector<std::pair<size_t, T>>& removed) {
        for (const auto& [i, x] : removed) v.insert(v.begin() + long(std::min(i, v.size())), x);
    }
    std::vector<Id> ids_;
    std::vector<std::pair<size_t, Task>> removedTasks_;
    std::vector<std::pair<size_t, Link>> removedLinks_;
    std::vector<std::pair<size_t, Assignment>> removedAssignments_;
};

class AddLink final : public Command {
public:
    explicit AddLink(Link l) : link_(l) {}
    std::string label() const override { return "Add link"; }
    bool apply(Project& p, Stamp now) override {
        if (p.taskIndex(link_.predecessor) < 0 || p.taskIndex(link_.successor) < 0 || link_.predecessor == link_.successor) return false;
        link_.modified = now;
        p.links.push_back(link_);
        return true;
    }
    bool revert(Project& p, Stamp) override {
        auto it = std::find_if(p.links.begin(), p.links.end(), [&](const Link& l) { return l.id == link_.id; });
        if (it == p.links.end()) return false;
        p.links.erase(it);
        return true;
    }

private:
    Link link_;
};

class DeleteLink final : public Command {
public:
    explicit DeleteLink(Id id) : id_(id) {}
    std::string label() const override { return "Delete link"; }
    bool apply(Project& p, Stamp) override {
        auto it = std::find_if(p.links.begin(), p.links.end(), [&](const Link& l) { return l.id == id_; });
        if (it == p.links.end()) return false;
        index_ = size_t(it - p.links.begin());
        link_ = *it;
        p.links.erase(it);
        return true;
    }
    bool revert(Project& p, Stamp) override {
        p.links.insert(p.links.begin() + long(std::min(index_, p.links.size())), link_);
        return true;
    }

private:
    Id id_;
    size_t index_ = 0;
    Link link_;
};

class EditProjectSettings final : public Command {
public:
    EditProjectSettings(std::string name, std::string currency, Date start, Calendar cal)
        : name_(std::move(name)), currency_(std::move(currency)), start_(start), cal_(std::move(cal)) {}
    std::string label() const override { return "Edit project settings"; }
    bool apply(Project& p, Stamp now) override { swap(p, now); return true; }
    bool revert(Project& p, Stamp now) override { swap(p, now); return true; }

private:
    void swap(Project& p, Stamp now) {
        std::swap(p.name, name_);
        std::swap(p.currency, currency_);
        std::swap(p.start, start_);
        std::swap(p.calendar, cal_);
        p.modified = now;
    }
    std::string name_, currency_;
    Date start_;
    Calendar cal_;
};

class ReplaceProject final : public Command {
public:
    ReplaceProject(Project p, std::string label) : other_(std::move(p)), label_(std::move(label)) {}
    std::string label() const override { return label_; }
    bool apply(Project& p, Stamp) override { std::swap(p, other_); return true; }
    bool revert(Project& p, Stamp) override { std::swap(p, other_); return true; }

private:
    Project other_;
    std::string label_;
};

} // namespace

CommandPtr editTask(Task after) { return std::make_unique<EditTask>(std::move(after)); }
CommandPtr insertTask(size_t row, Task task) { return std::make_unique<InsertTask>(row, std::move(task)); }
CommandPtr deleteTasks(std::vector<Id> ids) { return std::make_unique<DeleteTasks>(std::move(ids)); }
CommandPtr addLink(Link link) { return std::make_unique<AddLink>(link); }
CommandPtr deleteLink(Id link) { return std::make_unique<DeleteLink>(link); }
CommandPtr editProjectSettings(std::string name, std::string currency, Date start, Calendar calendar) {
    return std::make_unique<EditProjectSettings>(std::move(name), std::move(currency), start, std::move(calendar));
}
CommandPtr replaceProject(Project project, std::string label) {
    return std::make_unique<ReplaceProject>(std::move(project), std::move(label));
}

Document::Document(Project project, Clock clock) : project_(std::move(project)), clock_(clock ? std::move(clock) : Clock(systemNow)) {}

const Schedule& Document::schedule() const {
    if (scheduledRevision_ != revision_) {
        schedule_ = plotline::schedule(project_);
        scheduledRevision_ = revision_;
    }
    return schedule_;
}

bool Document::execute(CommandPtr command) {
    if (!command || !command->apply(project_, clock_())) return false;
    undo_.push_back(std::move(command));
    redo_.clear();
    changed();
    return true;
}

bool Document::undo() {
    if (undo_.empty()) return false;
    CommandPtr c = std::move(undo_.back());
    undo_.pop_back();
    if (!c->revert(project_, clock_())) return false;
    redo_.push_back(std::move(c));
    changed();
    return true;
}

bool Document::redo() {
    if (redo_.empty()) return false;
    CommandPtr c = std::move(redo_.back());
    redo_.pop_back();
    if (!c->apply(project_, clock_())) return false;
    undo_.push_back(std::move(c));
    changed();
    return true;
}

void Document::load(Project project) {
    project_ = std::move(project);
    undo_.clear();
    redo_.clear();
    changed();
}

int Document::subscribe(Listener l) {
    listeners_.push_back({nextToken_, std::move(l)});
    return nextToken_++;
}

void Document::unsubscribe(int token) {
    listeners_.erase(std::remove_if(listeners_.begin(), listeners_.end(), [&](auto& e) { return e.first == token; }), listeners_.end());
}

void Document::changed() {
    ++revision_;
    for (auto& [token, l] : listeners_) l(*this);
}

} // namespace plotline
