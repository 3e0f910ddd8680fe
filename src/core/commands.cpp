#include "commands.hpp"
#include "schedule_store.hpp"
#include "core/i18n.hpp"
#include "locale.hpp"
#include "i18n.hpp"
#include "id_index.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <map>
#include <unordered_set>

namespace plotline {
double g_t[6];
static double nowMs(){return std::chrono::duration<double,std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();}

Stamp systemNow() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

namespace {

// A reach over the tasks, links and assignments given, the other lists untouched.
StructureReach reachOf(ListReach tasks, ListReach links = ListReach::untouched(), ListReach assignments = ListReach::untouched()) {
    return {tasks, links, assignments};
}
// The rows (ascending, as in the list counting them) of the records a change took out or put back.
template <class T> ListReach rowsOf(const std::vector<std::pair<size_t, T>>& rows, size_t size) {
    return rows.empty() ? ListReach::untouched() : ListReach::rows(rows.front().first, rows.back().first + 1, size);
}

// The rows of the records a change took out or put back (ascending).
template <class T> std::vector<size_t> rowsIn(const std::vector<std::pair<size_t, T>>& rows) {
    std::vector<size_t> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(r.first);
    return out;
}
// A change of one step.
RecordEdits oneStep(ListEdit tasks, ListEdit links = {}, ListEdit assignments = {}) {
    RecordEdits e;
    e.steps.push_back({std::move(tasks), std::move(links), std::move(assignments)});
    return e;
}

class EditTask final : public Command {
public:
    explicit EditTask(Task after) : after_(std::move(after)) {}
    std::string label() const override { return after_.name.empty() ? std::string(tr("Edit task")) : fmt(tr("Edit \"{0}\""), after_.name); }
    bool apply(Project& p, Stamp now) override {
        int i = p.taskIndex(after_.id);
        if (i < 0) return false;
        before_ = p.tasks[size_t(i)];
        p.tasks[size_t(i)] = after_;
        p.tasks[size_t(i)].modified = now;
        reached(size_t(i), p);
        return true;
    }
    bool revert(Project& p, Stamp now) override {
        int i = p.taskIndex(after_.id);
        if (i < 0) return false;
        p.tasks[size_t(i)] = before_;
        p.tasks[size_t(i)].modified = now;
        reached(size_t(i), p);
        return true;
    }
    StructureReach reach() const override { return reach_; }
    const RecordEdits* recordEdits() const override { return &edits_; }

private:
    void reached(size_t row, const Project& p) {
        reach_ = reachOf(ListReach::rows(row, row + 1, p.tasks.size()));
        edits_ = oneStep(ListEdit::rewrite(row));
    }
    Task after_, before_;
    StructureReach reach_;
    RecordEdits edits_;
};

// A command that changes only rows, parents and links, no task's scheduling inputs (Command::keepsInputs).
class RowsCommand : public Command {
public:
    bool keepsInputs() const override { return true; }
};

class InsertTask final : public RowsCommand {
public:
    InsertTask(size_t row, Task t) : row_(row), task_(std::move(t)) {}
    std::string label() const override { return tr("Insert task"); }
    bool apply(Project& p, Stamp now) override {
        if (row_ > p.tasks.size()) return false;
        task_.modified = now;
        p.tasks.insert(p.tasks.begin() + long(row_), task_);
        reach_ = reachOf(ListReach::rows(row_, row_ + 1, p.tasks.size()));
        edits_ = oneStep({{}, {row_}});
        return true;
    }
    bool revert(Project& p, Stamp) override {
        // Where it went in, unless later edits moved it.
        const int i = row_ < p.tasks.size() && p.tasks[row_].id == task_.id ? int(row_) : p.taskIndex(task_.id);
        if (i < 0) return false;
        reach_ = reachOf(ListReach::rows(size_t(i), size_t(i) + 1, p.tasks.size()));
        edits_ = oneStep({{size_t(i)}, {}});
        p.tasks.erase(p.tasks.begin() + i);
        return true;
    }
    StructureReach reach() const override { return reach_; }
    const RecordEdits* recordEdits() const override { return &edits_; }

private:
    size_t row_;
    Task task_;
    StructureReach reach_;
    RecordEdits edits_;
};

// A set of ids (tasks to delete, to indent…): compared one by one while few (a row and its children),
// hashed when many. An edit's scans ask it about every task and link of the plan, nearly all of them
// absent: a filter of 4,096 bits (one per value of 12 bits of each id's hash, 512 bytes) answers those
// at the cost of one bit's test, and only an id whose bit is set is looked for.
struct IdSet {
    std::vector<Id> few;
    std::unordered_set<Id, IdHash> many;
    std::array<uint64_t, 64> filter{};
    IdSet() = default;
    explicit IdSet(const std::vector<Id>& ids) {
        for (Id id : ids) add(id);
    }
    bool has(Id id) const {
        const uint32_t b = bit(id);
        return (filter[b >> 6] >> (b & 63) & 1) && holds(id);
    }
    void add(Id id) {
        if (has(id)) return;
        const uint32_t b = bit(id);
        filter[b >> 6] |= uint64_t(1) << (b & 63);
        if (many.empty() && few.size() < 16) return few.push_back(id);
        many.insert(few.begin(), few.end());
        few.clear();
        many.insert(id);
    }
    size_t size() const { return many.empty() ? few.size() : many.size(); }

private:
    [[gnu::noinline]] bool holds(Id id) const { // (out of line: the filter's test is what scans inline)
        return many.empty() ? std::find(few.begin(), few.end(), id) != few.end() : many.count(id) > 0;
    }
    // (Ids are random, but a file may bring its own: both halves are mixed, so a pattern in them
    // does not crowd the filter.)
    static uint32_t bit(Id id) { return uint32_t((id.hi ^ (id.lo * 0x9E3779B97F4A7C15ull)) * 0xD6E8FEB86659FD93ull >> 52); }
};

class DeleteTasks final : public RowsCommand {
public:
    explicit DeleteTasks(std::vector<Id> ids) : ids_(std::move(ids)) {}
    std::string label() const override { return ids_.size() == 1 ? tr("Delete task") : tr("Delete tasks"); }
    bool apply(Project& p, Stamp) override {
        removedTasks_.clear();
        removedLinks_.clear();
        removedAssignments_.clear();
        const size_t tasks = p.tasks.size(), links = p.links.size(), assignments = p.assignments.size();
        IdSet gone(ids_);
        // Subtrees: children follow their parent, so one forward pass finds every descendant.
        takeOut(p.tasks, removedTasks_, [&](const Task& t) {
            if (!gone.has(t.id) && (t.parent.isNull() || !gone.has(t.parent))) return false;
            gone.add(t.id);
            return true;
        });
        if (removedTasks_.empty()) return false;
        takeOut(p.links, removedLinks_, [&](const Link& l) { return gone.has(l.predecessor) || gone.has(l.successor); });
        takeOut(p.assignments, removedAssignments_, [&](const Assignment& a) { return gone.has(a.task); });
        // (the same both ways: the lists counting the removed records are the ones before and after)
        reach_ = reachOf(rowsOf(removedTasks_, tasks), rowsOf(removedLinks_, links), rowsOf(removedAssignments_, assignments));
        edits_ = oneStep({rowsIn(removedTasks_), {}}, {rowsIn(removedLinks_), {}}, {rowsIn(removedAssignments_), {}});
        return true;
    }
    bool revert(Project& p, Stamp) override {
        insertAll(p.tasks, removedTasks_);
        insertAll(p.links, removedLinks_);
        insertAll(p.assignments, removedAssignments_);
        edits_ = oneStep({{}, rowsIn(removedTasks_)}, {{}, rowsIn(removedLinks_)}, {{}, rowsIn(removedAssignments_)});
        return true;
    }
    StructureReach reach() const override { return reach_; }
    const RecordEdits* recordEdits() const override { return &edits_; }

private:
    // The records that `goes` picks taken out of `v` into `removed` with their rows (ascending), and
    // the others closed up, in one pass: each record is read once, and those above the first taken out
    // are not written.
    template <class T, class Goes>
    static void takeOut(std::vector<T>& v, std::vector<std::pair<size_t, T>>& removed, Goes goes) {
        size_t to = 0;
        for (size_t i = 0; i < v.size(); ++i) {
            if (goes(v[i])) {
                removed.push_back({i, std::move(v[i])});
                continue;
            }
            if (to != i) v[to] = std::move(v[i]);
            ++to;
        }
        v.erase(v.begin() + long(to), v.end());
    }
    // Back in: the runs between the rows moved down from the end, each in one move, and each
    // record put back at its row.
    template <class T>
    static void insertAll(std::vector<T>& v, const std::vector<std::pair<size_t, T>>& removed) {
        if (removed.empty()) return;
        const size_t old = v.size();
        v.resize(old + removed.size());
        auto end = v.begin() + long(old);
        for (size_t k = removed.size(); k-- > 0;) {
            // Rows at and past removed[k] (in the list as it was then) move down by k + 1.
            const size_t row = removed[k].first, from = row - k;
            auto begin = v.begin() + long(from);
            std::move_backward(begin, end, end + long(k + 1));
            v[row] = removed[k].second;
            end = begin;
        }
    }
    std::vector<Id> ids_;
    std::vector<std::pair<size_t, Task>> removedTasks_;
    std::vector<std::pair<size_t, Link>> removedLinks_;
    std::vector<std::pair<size_t, Assignment>> removedAssignments_;
    StructureReach reach_;
    RecordEdits edits_;
};

class AddLink final : public RowsCommand {
public:
    explicit AddLink(Link l) : link_(l) {}
    std::string label() const override { return tr("Add link"); }
    bool apply(Project& p, Stamp now) override {
        if (p.taskIndex(link_.predecessor) < 0 || p.taskIndex(link_.successor) < 0 || link_.predecessor == link_.successor) return false;
        link_.modified = now;
        p.links.push_back(link_);
        reach_ = reachOf(ListReach::untouched(), ListReach::rows(p.links.size() - 1, p.links.size(), p.links.size()));
        edits_ = oneStep({}, {{}, {p.links.size() - 1}});
        return true;
    }
    bool revert(Project& p, Stamp) override {
        auto it = std::find_if(p.links.begin(), p.links.end(), [&](const Link& l) { return l.id == link_.id; });
        if (it == p.links.end()) return false;
        const size_t k = size_t(it - p.links.begin());
        reach_ = reachOf(ListReach::untouched(), ListReach::rows(k, k + 1, p.links.size()));
        edits_ = oneStep({}, {{k}, {}});
        p.links.erase(it);
        return true;
    }
    StructureReach reach() const override { return reach_; }
    const RecordEdits* recordEdits() const override { return &edits_; }

private:
    Link link_;
    StructureReach reach_;
    RecordEdits edits_;
};

class DeleteLink final : public RowsCommand {
public:
    explicit DeleteLink(Id id) : id_(id) {}
    std::string label() const override { return tr("Delete link"); }
    bool apply(Project& p, Stamp) override {
        auto it = std::find_if(p.links.begin(), p.links.end(), [&](const Link& l) { return l.id == id_; });
        if (it == p.links.end()) return false;
        index_ = size_t(it - p.links.begin());
        link_ = *it;
        reach_ = reachOf(ListReach::untouched(), ListReach::rows(index_, index_ + 1, p.links.size()));
        edits_ = oneStep({}, {{index_}, {}});
        p.links.erase(it);
        return true;
    }
    bool revert(Project& p, Stamp) override {
        const size_t k = std::min(index_, p.links.size());
        p.links.insert(p.links.begin() + long(k), link_);
        reach_ = reachOf(ListReach::untouched(), ListReach::rows(k, k + 1, p.links.size()));
        edits_ = oneStep({}, {{}, {k}});
        return true;
    }
    StructureReach reach() const override { return reach_; }
    const RecordEdits* recordEdits() const override { return &edits_; }

private:
    Id id_;
    size_t index_ = 0;
    Link link_;
    StructureReach reach_;
    RecordEdits edits_;
};

class EditLink final : public RowsCommand {
public:
    explicit EditLink(Link after) : after_(after) {}
    std::string label() const override { return tr("Edit link"); }
    bool apply(Project& p, Stamp now) override { return swap(p, now); }
    bool revert(Project& p, Stamp now) override { return swap(p, now); }

private:
    bool swap(Project& p, Stamp now) {
        auto it = std::find_if(p.links.begin(), p.links.end(), [&](const Link& l) { return l.id == after_.id; });
        if (it == p.links.end()) return false;
        std::swap(*it, after_);
        it->modified = now;
        const size_t k = size_t(it - p.links.begin());
        reach_ = reachOf(ListReach::untouched(), ListReach::rows(k, k + 1, p.links.size()));
        edits_ = oneStep({}, ListEdit::rewrite(k));
        return true;
    }
    StructureReach reach() const override { return reach_; }
    const RecordEdits* recordEdits() const override { return &edits_; }
    Link after_;
    StructureReach reach_;
    RecordEdits edits_;
};

class InsertTasks final : public RowsCommand {
public:
    InsertTasks(size_t row, std::vector<Task> tasks, std::vector<Link> links)
        : row_(row), tasks_(std::move(tasks)), links_(std::move(links)) {}
    std::string label() const override { return trn("Paste {n} task", "Paste {n} tasks", int64_t(tasks_.size())); }
    bool apply(Project& p, Stamp now) override {
        if (row_ > p.tasks.size()) return false;
        for (Task& t : tasks_) t.modified = now;
        for (Link& l : links_) l.modified = now;
        p.tasks.insert(p.tasks.begin() + long(row_), tasks_.begin(), tasks_.end());
        p.links.insert(p.links.end(), links_.begin(), links_.end());
        setReach(p);
        edits_ = oneStep({{}, pasted()}, {{}, pastedLinks(p)});
        return true;
    }
    bool revert(Project& p, Stamp) override {
        if (row_ + tasks_.size() > p.tasks.size() || p.tasks[row_].id != tasks_.front().id) return false;
        setReach(p);
        edits_ = oneStep({pasted(), {}}, {pastedLinks(p), {}});
        p.tasks.erase(p.tasks.begin() + long(row_), p.tasks.begin() + long(row_ + tasks_.size()));
        p.links.erase(p.links.end() - long(links_.size()), p.links.end());
        return true;
    }
    StructureReach reach() const override { return reach_; }
    const RecordEdits* recordEdits() const override { return &edits_; }

private:
    std::vector<size_t> pasted() const { return ListEdit::rows(row_, row_ + tasks_.size()).inserted; }
    std::vector<size_t> pastedLinks(const Project& p) const { // (with the pasted links in)
        return ListEdit::rows(p.links.size() - links_.size(), p.links.size()).inserted;
    }
    RecordEdits edits_;
    void setReach(const Project& p) { // (with the pasted rows in)
        const size_t links = p.links.size();
        reach_ = reachOf(ListReach::rows(row_, row_ + tasks_.size(), p.tasks.size()),
                         links_.empty() ? ListReach::untouched() : ListReach::rows(links - links_.size(), links, links));
    }
    size_t row_;
    std::vector<Task> tasks_;
    std::vector<Link> links_;
    StructureReach reach_;
};

// Rows [first, first + before.size()) become `after` (the same tasks, re-parented or reordered),
// and some links go: every outline edit is one of these.
class ReplaceRows final : public RowsCommand {
public:
    ReplaceRows(std::string label, size_t first, std::vector<Task> before, std::vector<Task> after, std::vector<Id> dropLinks)
        : label_(std::move(label)), first_(first), before_(std::move(before)), after_(std::move(after)), drop_(std::move(dropLinks)) {}
    std::string label() const override { return label_; }
    bool apply(Project& p, Stamp now) override {
        if (!matches(p, before_)) return false;
        for (size_t k = 0; k < after_.size(); ++k) {
            Task& t = p.tasks[first_ + k];
            const Task* was = &before_[k];
            t = after_[k];
            if (was->id != t.id || was->parent != t.parent) t.modified = now;
        }
        removed_.clear();
        for (size_t i = drop_.empty() ? 0 : p.links.size(); i-- > 0;) // (most outline edits drop none: no pass over the links)
            if (std::find(drop_.begin(), drop_.end(), p.links[i].id) != drop_.end()) {
                removed_.insert(removed_.begin(), {i, p.links[i]});
                p.links.erase(p.links.begin() + long(i));
            }
        setReach(p.tasks.size(), p.links.size() + removed_.size());
        edits_ = oneStep(ListEdit::rows(first_, first_ + after_.size()), {rowsIn(removed_), {}});
        return true;
    }
    bool revert(Project& p, Stamp) override {
        if (!matches(p, after_)) return false;
        std::copy(before_.begin(), before_.end(), p.tasks.begin() + long(first_));
        std::vector<size_t> back;
        for (const auto& [i, l] : removed_) {
            back.push_back(std::min(i, p.links.size()));
            p.links.insert(p.links.begin() + long(back.back()), l);
        }
        setReach(p.tasks.size(), p.links.size());
        edits_ = oneStep(ListEdit::rows(first_, first_ + before_.size()), {{}, std::move(back)});
        return true;
    }
    StructureReach reach() const override { return reach_; }
    const RecordEdits* recordEdits() const override { return &edits_; }

private:
    bool matches(const Project& p, const std::vector<Task>& rows) const {
        if (first_ + rows.size() > p.tasks.size()) return false;
        for (size_t k = 0; k < rows.size(); ++k)
            if (p.tasks[first_ + k].id != rows[k].id) return false;
        return true;
    }
    std::string label_;
    size_t first_;
    std::vector<Task> before_, after_;
    void setReach(size_t tasks, size_t links) { // (links: counting those dropped)
        reach_ = reachOf(ListReach::rows(first_, first_ + after_.size(), tasks), rowsOf(removed_, links));
    }
    std::vector<Id> drop_;
    std::vector<std::pair<size_t, Link>> removed_;
    StructureReach reach_;
    RecordEdits edits_;
};

class EditProjectSettings final : public Command {
public:
    EditProjectSettings(std::string name, std::string currency, Date start, Calendar cal)
        : name_(std::move(name)), currency_(std::move(currency)), start_(start), cal_(std::move(cal)) {}
    std::string label() const override { return tr("Edit project settings"); }
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

// Replaces one member of the project (a small list or a field) and swaps it back on undo. `stamp`
// marks the entities the change touched as modified, both ways.
template <class T>
class SwapMember final : public Command {
public:
    using Stamper = std::function<void(T&, Stamp)>;
    SwapMember(T Project::*member, T value, std::string label, Stamper stamp)
        : member_(member), value_(std::move(value)), label_(std::move(label)), stamp_(std::move(stamp)) {}
    std::string label() const override { return label_; }
    bool apply(Project& p, Stamp now) override { return swap(p, now); }
    bool revert(Project& p, Stamp now) override { return swap(p, now); }
    StructureReach reach() const override {
        StructureReach r = StructureReach::untouched();
        if constexpr (std::is_same_v<T, std::vector<Task>>) r.tasks = {};
        if constexpr (std::is_same_v<T, std::vector<Link>>) r.links = {};
        if constexpr (std::is_same_v<T, std::vector<Assignment>>) r.assignments = {};
        return r;
    }

private:
    bool swap(Project& p, Stamp now) {
        std::swap(p.*member_, value_);
        p.modified = now;
        if (stamp_) stamp_(p.*member_, now);
        return true;
    }
    T Project::*member_;
    T value_;
    std::string label_;
    Stamper stamp_;
};

class Group final : public Command {
public:
    Group(std::string label, std::vector<CommandPtr> parts) : label_(std::move(label)), parts_(std::move(parts)) {}
    std::string label() const override { return label_; }
    bool keepsInputs() const override {
        return std::all_of(parts_.begin(), parts_.end(), [](const CommandPtr& c) { return c->keepsInputs(); });
    }
    bool apply(Project& p, Stamp now) override {
        reach_ = StructureReach::untouched();
        edits_ = RecordEdits{};
        for (size_t i = 0; i < parts_.size(); ++i) {
            if (!parts_[i]->apply(p, now)) {
                while (i-- > 0) reached(parts_[i]->revert(p, now), i); // all or nothing
                return false;
            }
            reached(true, i);
        }
        return true;
    }
    bool revert(Project& p, Stamp now) override {
        reach_ = StructureReach::untouched();
        edits_ = RecordEdits{};
        for (size_t i = parts_.size(); i-- > 0;) {
            if (!parts_[i]->revert(p, now)) {
                for (++i; i < parts_.size(); ++i) reached(parts_[i]->apply(p, now), i);
                return false;
            }
            reached(true, i);
        }
        return true;
    }
    // Every part's, added up (a part that did not apply may have left its own from before: anywhere).
    StructureReach reach() const override { return reach_; }
    // Every part's steps, in the order the parts ran; none when a part cannot say.
    const RecordEdits* recordEdits() const override { return edits_ ? &*edits_ : nullptr; }

private:
    void reached(bool ok, size_t part) {
        if (ok) reach_.add(parts_[part]->reach());
        else reach_ = {};
        const RecordEdits* e = parts_[part]->recordEdits();
        if (ok && e && edits_) edits_->add(*e);
        else edits_.reset();
    }
    std::string label_;
    std::vector<CommandPtr> parts_;
    StructureReach reach_;
    std::optional<RecordEdits> edits_;
};

template <class T>
CommandPtr swapMember(T Project::*member, T value, std::string label, typename SwapMember<T>::Stamper stamp = {}) {
    return std::make_unique<SwapMember<T>>(member, std::move(value), std::move(label), std::move(stamp));
}

} // namespace

CommandPtr editTask(Task after) { return std::make_unique<EditTask>(std::move(after)); }
CommandPtr insertTask(size_t row, Task task) { return std::make_unique<InsertTask>(row, std::move(task)); }
CommandPtr deleteTasks(std::vector<Id> ids) { return std::make_unique<DeleteTasks>(std::move(ids)); }
CommandPtr insertTasks(size_t row, std::vector<Task> tasks, std::vector<Link> links) {
    if (tasks.empty()) return nullptr;
    return std::make_unique<InsertTasks>(row, std::move(tasks), std::move(links));
}
CommandPtr addLink(Link link) { return std::make_unique<AddLink>(link); }
CommandPtr editLink(Link after) { return std::make_unique<EditLink>(after); }
CommandPtr deleteLink(Id link) { return std::make_unique<DeleteLink>(link); }
CommandPtr editProjectSettings(std::string name, std::string currency, Date start, Calendar calendar) {
    return std::make_unique<EditProjectSettings>(std::move(name), std::move(currency), start, std::move(calendar));
}
CommandPtr saveBaseline(const Project& p, const Schedule& s, const std::string& name) {
    if (!s.ok() || s.tasks.size() != p.tasks.size()) return nullptr;
    Baseline b;
    b.name = name;
    b.tasks.reserve(p.tasks.size());
    for (size_t i = 0; i < p.tasks.size(); ++i) b.tasks.push_back({p.tasks[i].id, s.tasks[i].startDate, s.tasks[i].finishDate});
    std::vector<Baseline> list = p.baselines;
    auto same = std::find_if(list.begin(), list.end(), [&](const Baseline& x) { return x.name == name; });
    const Id id = same != list.end() ? same->id : Id::random();
    b.id = id;
    if (same != list.end()) *same = std::move(b);
    else list.push_back(std::move(b));
    return swapMember(&Project::baselines, std::move(list), fmt(tr("Save baseline \"{0}\""), name),
                      [id](std::vector<Baseline>& bs, Stamp now) {
                          for (Baseline& x : bs)
                              if (x.id == id) x.saved = now;
                      });
}

CommandPtr deleteBaseline(const Project& p, Id id) {
    std::vector<Baseline> list = p.baselines;
    auto it = std::find_if(list.begin(), list.end(), [&](const Baseline& x) { return x.id == id; });
    if (it == list.end()) return nullptr;
    const std::string label = fmt(tr("Delete baseline \"{0}\""), it->name);
    list.erase(it);
    return swapMember(&Project::baselines, std::move(list), label);
}

CommandPtr setProjectOwners(const Project& p, std::string client, std::string producer) {
    std::vector<CommandPtr> steps;
    if (client != p.client) steps.push_back(swapMember(&Project::client, std::move(client), tr("Set client")));
    if (producer != p.producer) steps.push_back(swapMember(&Project::producer, std::move(producer), tr("Set producer")));
    if (steps.empty()) return nullptr;
    if (steps.size() == 1) return std::move(steps.front());
    return group(tr("Set client and producer"), std::move(steps));
}

CommandPtr setStatusDate(std::optional<Date> day) {
    return swapMember(&Project::statusDate, day, day ? fmt(tr("Set status date {0}"), formatDate(*day)) : std::string(tr("Clear status date")));
}

CommandPtr setTaskResources(const Project& p, Id task, const std::vector<Assignment>& assignments) {
    const Task* t = p.task(task);
    if (!t) return nullptr;
    // Kept assignments keep their place; new ones go where the task's first one was (or at the end).
    std::vector<Assignment> mine = assignments;
    for (Assignment& a : mine) {
        a.task = task;
        if (a.id.isNull()) a.id = Id::random();
        for (const Assignment& old : p.assignments) // an unchanged assignment keeps its stamp
            if (old.id == a.id) a.modified = old.modified;
    }
    std::vector<Assignment> list;
    list.reserve(p.assignments.size() + mine.size());
    bool placed = false;
    for (const Assignment& a : p.assignments) {
        if (a.task != task) { list.push_back(a); continue; }
        if (!placed) list.insert(list.end(), mine.begin(), mine.end());
        placed = true;
    }
    if (!placed) list.insert(list.end(), mine.begin(), mine.end());
    if (list == p.assignments) return nullptr;
    return swapMember(&Project::assignments, std::move(list), fmt(tr("Assign resources to \"{0}\""), t->name),
                      [task](std::vector<Assignment>& as, Stamp now) {
                          for (Assignment& a : as)
                              if (a.task == task) a.modified = now;
                      });
}

CommandPtr editResource(const Project& p, Resource after) {
    const int i = p.resourceIndex(after.id);
    if (i < 0) return nullptr;
    std::vector<Resource> list = p.resources;
    std::sort(after.daysOff.begin(), after.daysOff.end());
    after.daysOff.erase(std::unique(after.daysOff.begin(), after.daysOff.end()), after.daysOff.end());
    const std::string label = fmt(tr("Edit resource \"{0}\""), after.name);
    list[size_t(i)] = std::move(after);
    return swapMember(&Project::resources, std::move(list), label,
                      [i](std::vector<Resource>& rs, Stamp now) { rs[size_t(i)].modified = now; });
}

CommandPtr addResources(const Project& p, std::vector<Resource> people) {
    if (people.empty()) return nullptr;
    std::vector<Resource> list = p.resources;
    const size_t first = list.size();
    for (Resource& r : people) list.push_back(std::move(r));
    return swapMember(&Project::resources, std::move(list), tr("Add people"), [first](std::vector<Resource>& rs, Stamp now) {
        for (size_t i = first; i < rs.size(); ++i) rs[i].modified = now;
    });
}

CommandPtr addAssignments(const Project& p, std::vector<Assignment> assignments) {
    if (assignments.empty()) return nullptr;
    std::vector<Assignment> list = p.assignments;
    const size_t first = list.size();
    for (Assignment& a : assignments) list.push_back(a);
    return swapMember(&Project::assignments, std::move(list), tr("Assign people"), [first](std::vector<Assignment>& as, Stamp now) {
        for (size_t i = first; i < as.size(); ++i) as[i].modified = now;
    });
}

namespace {

std::vector<BudgetLine> Project::*listOf(BudgetLine*) { return &Project::budgetLines; }
std::vector<Vendor> Project::*listOf(Vendor*) { return &Project::vendors; }
std::vector<CostEntry> Project::*listOf(CostEntry*) { return &Project::costs; }
std::vector<HoursEntry> Project::*listOf(HoursEntry*) { return &Project::hours; }
std::vector<Drawdown> Project::*listOf(Drawdown*) { return &Project::drawdowns; }
std::vector<ChangeRequest> Project::*listOf(ChangeRequest*) { return &Project::changeRequests; }
std::vector<Risk> Project::*listOf(Risk*) { return &Project::risks; }
std::vector<BillingItem> Project::*listOf(BillingItem*) { return &Project::billing; }
std::vector<ClientInvoice> Project::*listOf(ClientInvoice*) { return &Project::clientInvoices; }
std::vector<PipelineStage> Project::*listOf(PipelineStage*) { return &Project::stages; }
std::vector<Deliverable> Project::*listOf(Deliverable*) { return &Project::deliverables; }

// Stamps the records with one of `ids` as modified now.
template <class T>
auto stampIds(std::vector<Id> ids) {
    return [ids = std::move(ids)](std::vector<T>& list, Stamp now) {
        IdIndex want(ids.size()); // a whole timesheet at once: one lookup per record, not a scan
        for (size_t i = 0; i < ids.size(); ++i) want.insert(ids[i], int(i));
        for (T& x : list)
            if (want.find(x.id) >= 0) x.modified = now;
    };
}

} // namespace

template <class T>
CommandPtr putRecords(const Project& p, std::vector<T> records, std::string label) {
    const auto member = listOf(static_cast<T*>(nullptr));
    std::vector<T> list = p.*member;
    std::vector<Id> ids;
    IdIndex at(list.size() + records.size());
    for (size_t i = 0; i < list.size(); ++i) at.insert(list[i].id, int(i));
    for (T& record : records) {
        if (record.id.isNull()) record.id = Id::random();
        const int i = at.find(record.id);
        if (i >= 0) {
            T& existing = list[size_t(i)];
            record.modified = existing.modified;
            if (existing == record) continue;
            existing = record;
        } else {
            at.insert(record.id, int(list.size()));
            list.push_back(record);
        }
        ids.push_back(record.id);
    }
    if (ids.empty()) return nullptr;
    return swapMember(member, std::move(list), std::move(label), stampIds<T>(std::move(ids)));
}

template <class T>
CommandPtr putRecord(const Project& p, T record, std::string label) {
    return putRecords(p, std::vector<T>{std::move(record)}, std::move(label));
}

template <class T>
CommandPtr removeRecord(const Project& p, Id id, std::string label) {
    const auto member = listOf(static_cast<T*>(nullptr));
    std::vector<T> list = p.*member;
    if (std::erase_if(list, [&](const T& x) { return x.id == id; }) == 0) return nullptr;
    return swapMember(member, std::move(list), std::move(label));
}

#define PLOTLINE_RECORD(T) \
    template CommandPtr putRecord<T>(const Project&, T, std::string); \
    template CommandPtr putRecords<T>(const Project&, std::vector<T>, std::string); \
    template CommandPtr removeRecord<T>(const Project&, Id, std::string);
PLOTLINE_RECORD(BudgetLine)
PLOTLINE_RECORD(Vendor)
PLOTLINE_RECORD(CostEntry)
PLOTLINE_RECORD(HoursEntry)
PLOTLINE_RECORD(Drawdown)
PLOTLINE_RECORD(ChangeRequest)
PLOTLINE_RECORD(Risk)
PLOTLINE_RECORD(BillingItem)
PLOTLINE_RECORD(ClientInvoice)
PLOTLINE_RECORD(PipelineStage)
PLOTLINE_RECORD(Deliverable)
#undef PLOTLINE_RECORD

CommandPtr addActuals(const Project& p, std::vector<CostEntry> costs, std::vector<HoursEntry> hours, std::string label) {
    for (CostEntry& c : costs) c.id = Id::random(); // always new records, even when the rows repeat
    for (HoursEntry& h : hours) h.id = Id::random();
    std::vector<CommandPtr> parts;
    if (!costs.empty()) parts.push_back(putRecords(p, std::move(costs), label));
    if (!hours.empty()) parts.push_back(putRecords(p, std::move(hours), label));
    return group(label, std::move(parts));
}

CommandPtr setStages(std::vector<PipelineStage> stages) {
    return swapMember(&Project::stages, std::move(stages), tr("Set up the content pipeline"), [](std::vector<PipelineStage>& ss, Stamp now) {
        for (PipelineStage& s : ss) s.modified = now;
    });
}

CommandPtr setContingency(Contingency c) {
    return swapMember(&Project::contingency, c, tr("Set contingency"));
}

CommandPtr setContract(Contract c) {
    return swapMember(&Project::contract, c, tr("Set the contract"));
}

CommandPtr recordStatus(const Project& p, StatusRecord r) {
    std::vector<StatusRecord> list = p.statusRecords;
    std::erase_if(list, [&](const StatusRecord& x) { return x.date == r.date; });
    list.insert(std::upper_bound(list.begin(), list.end(), r, [](const StatusRecord& a, const StatusRecord& b) { return a.date < b.date; }), r);
    if (list == p.statusRecords) return nullptr;
    return swapMember(&Project::statusRecords, std::move(list), fmt(tr("Record status of {0}"), formatDate(r.date)));
}

int nextChangeNumber(const Project& p) {
    int n = 0;
    for (const ChangeRequest& c : p.changeRequests) n = std::max(n, c.number);
    return n + 1;
}

CommandPtr decideChange(const Project& p, Id request, ChangeStatus to, const std::string& by, const std::string& note,
                        Date day, Stamp at, std::string& why) {
    auto it = std::find_if(p.changeRequests.begin(), p.changeRequests.end(), [&](const ChangeRequest& c) { return c.id == request; });
    if (it == p.changeRequests.end()) { why = tr("That change request no longer exists."); return nullptr; }
    ChangeRequest c = *it;
    const std::string name = "CR-" + std::to_string(c.number);
    const bool allowed = (c.status == ChangeStatus::Draft && to == ChangeStatus::Submitted) ||
                         (c.status == ChangeStatus::Submitted && to != ChangeStatus::Submitted);
    if (!allowed) {
        why = fmt(tr("{0} is {1}: it cannot become {2}."), name, tr(changeStatusLabel(c.status)), tr(changeStatusLabel(to)));
        return nullptr;
    }
    c.status = to;
    c.log.push_back({at, to, by, note});
    if (to == ChangeStatus::Approved || to == ChangeStatus::Rejected) c.decided = day;
    else c.decided.reset();
    std::vector<CommandPtr> parts;
    const char* verb = to == ChangeStatus::Approved ? tr("Approve {0}") : to == ChangeStatus::Rejected ? tr("Reject {0}")
                     : to == ChangeStatus::Submitted ? tr("Submit {0}") : tr("Return {0} to draft");
    parts.push_back(putRecord(p, c, fmt(verb, name)));
    if (to == ChangeStatus::Approved) {
        std::vector<size_t> inserted; // original rows new tasks went in at, to place later ones after them
        const IdIndex taskAt = indexById(p.tasks);
        for (const ChangeItem& item : c.items) {
            if (!item.task.isNull()) {
                const int row = taskAt.find(item.task);
                const Task* t = row >= 0 ? &p.tasks[size_t(row)] : nullptr;
                if (!t) { why = fmt(tr("{0} changes a task that no longer exists; edit the request first."), name); return nullptr; }
                Task after = *t;
                after.duration = item.duration;
                after.milestone = item.duration == 0;
                parts.push_back(editTask(after));
                continue;
            }
            size_t row = p.tasks.size();
            if (!item.parent.isNull()) {
                const int parent = taskAt.find(item.parent);
                if (parent < 0) { why = fmt(tr("{0} adds a task under a summary that no longer exists; edit the request first."), name); return nullptr; }
                row = p.subtreeEnd(size_t(parent));
            }
            const size_t shift = size_t(std::count_if(inserted.begin(), inserted.end(), [&](size_t r) { return r <= row; }));
            inserted.push_back(row);
            Task t;
            t.id = Id::random();
            t.name = item.name;
            t.parent = item.parent;
            t.duration = item.duration;
            t.milestone = item.duration == 0;
            t.constraint = Constraint::SNET;
            t.constraintDate = day;
            t.notes = fmt(tr("Added by {0} {1}"), name, c.title);
            parts.push_back(insertTask(row + shift, std::move(t)));
        }
        if (c.costImpact != 0) {
            BudgetLine line;
            line.name = name + " " + c.title;
            line.category = c.category;
            line.amount = c.costImpact;
            line.changeRequest = c.id;
            parts.push_back(putRecord(p, line, fmt(verb, name)));
        }
        if (c.feeImpact != 0) { // the client pays the change: billable from the day it was approved
            BillingItem fee;
            fee.name = name + " " + c.title;
            fee.amount = c.feeImpact;
            fee.date = day;
            fee.changeRequest = c.id;
            parts.push_back(putRecord(p, fee, fmt(verb, name)));
        }
    }
    return group(fmt(verb, name), std::move(parts));
}

CommandPtr setPredecessors(const Project& p, Id task, const std::vector<Link>& wanted) {
    std::vector<CommandPtr> steps;
    std::vector<char> kept(wanted.size(), 0);
    for (const Link& l : p.links) {
        if (l.successor != task) continue;
        size_t k = 0;
        while (k < wanted.size() && (kept[k] || wanted[k].predecessor != l.predecessor)) ++k;
        if (k == wanted.size()) { steps.push_back(deleteLink(l.id)); continue; }
        kept[k] = 1;
        if (l.type != wanted[k].type || l.lag != wanted[k].lag) {
            Link edited = l;
            edited.type = wanted[k].type;
            edited.lag = wanted[k].lag;
            steps.push_back(editLink(edited));
        }
    }
    for (size_t k = 0; k < wanted.size(); ++k) {
        if (kept[k]) continue;
        bool twice = false; // the same predecessor typed twice: the first one counts
        for (size_t j = 0; j < k; ++j) twice |= wanted[j].predecessor == wanted[k].predecessor;
        if (twice) continue;
        Link l = wanted[k];
        l.id = Id::random();
        l.successor = task;
        steps.push_back(addLink(l));
    }
    const Task* t = p.task(task);
    return group(fmt(tr("Set the predecessors of \u201c{0}\u201d"), t ? t->name : std::string()), std::move(steps));
}

CommandPtr group(std::string label, std::vector<CommandPtr> commands) {
    std::erase(commands, nullptr);
    if (commands.empty()) return nullptr;
    if (commands.size() == 1) return std::move(commands.front());
    return std::make_unique<Group>(std::move(label), std::move(commands));
}

namespace {
class Named final : public Command {
public:
    Named(std::string label, CommandPtr inner) : label_(std::move(label)), inner_(std::move(inner)) {}
    std::string label() const override { return label_; }
    bool keepsInputs() const override { return inner_->keepsInputs(); }
    bool apply(Project& p, Stamp now) override { return inner_->apply(p, now); }
    bool revert(Project& p, Stamp now) override { return inner_->revert(p, now); }
    StructureReach reach() const override { return inner_->reach(); }
    const RecordEdits* recordEdits() const override { return inner_->recordEdits(); }

private:
    std::string label_;
    CommandPtr inner_;
};
} // namespace

CommandPtr named(std::string label, CommandPtr inner) {
    if (!inner) return nullptr;
    return std::make_unique<Named>(std::move(label), std::move(inner));
}

CommandPtr replaceProject(Project project, std::string label) {
    return std::make_unique<ReplaceProject>(std::move(project), std::move(label));
}

namespace {

// Rows in outline order of the given ids, without those inside another given task's subtree. (The
// scan stops once every id is found: a selection near the top reads few rows of a big plan.)
std::vector<size_t> topRows(const Project& p, const std::vector<Id>& ids) {
    const IdSet want(ids);
    std::vector<size_t> rows;
    size_t found = 0, coveredUntil = 0; // rows before coveredUntil are inside a selected row's subtree
    for (size_t i = 0; i < p.tasks.size() && found < want.size(); ++i) {
        if (!want.has(p.tasks[i].id)) continue;
        ++found;
        if (i < coveredUntil) continue;
        rows.push_back(i);
        coveredUntil = p.subtreeEnd(i);
    }
    return rows;
}

// Links between any task of `group` and any of `other` (ids).
std::vector<Id> linksBetween(const Project& p, const IdSet& group, const IdSet& other) {
    std::vector<Id> out;
    for (const Link& l : p.links)
        if ((group.has(l.predecessor) && other.has(l.successor)) || (group.has(l.successor) && other.has(l.predecessor)))
            out.push_back(l.id);
    return out;
}

std::string linkNote(size_t n) {
    return n == 0 ? "" : trn("{n} link between a task and its new summary removed", "{n} links between a task and its new summary removed", int64_t(n));
}

// An outline edit's view of the plan: the plan's rows, with the few the edit changed held aside, so an
// indent in a plan of 100,000 tasks copies one row, not all of them.
class Outline {
public:
    explicit Outline(const Project& p) : p_(p) {}
    const Task& at(size_t r) const {
        const auto it = changed_.find(r);
        return it == changed_.end() ? p_.tasks[r] : it->second;
    }
    Task& edit(size_t r) { return changed_.try_emplace(r, p_.tasks[r]).first->second; }
    // The end of row i's subtree (pre-order), as Project::subtreeEnd.
    size_t subtreeEnd(size_t i) const {
        return subtreeEndOf(p_.tasks.size(), i, [&](size_t r) -> const Task& { return at(r); });
    }
    // The row of row i's parent (a parent is above its children), or -1.
    int parentRow(size_t i) const {
        const Id up = at(i).parent;
        if (up.isNull()) return -1;
        for (size_t j = i; j-- > 0;)
            if (at(j).id == up) return int(j);
        return -1;
    }
    // The nearest earlier row with the same parent as row i, or SIZE_MAX when i is its parent's first child.
    size_t siblingAbove(size_t i) const {
        for (size_t j = i; j-- > 0;) {
            if (at(j).parent == at(i).parent) return j;
            if (at(j).id == at(i).parent) break;
        }
        return SIZE_MAX;
    }
    IdSet ids(size_t from, size_t to) const {
        IdSet s;
        for (size_t r = from; r < to; ++r) s.add(at(r).id);
        return s;
    }
    // The edit as one command: the rows from the first to the last that changed, or nullptr when none did.
    CommandPtr command(const char* label, std::vector<Id> drop) const {
        size_t first = changed_.empty() ? 0 : changed_.begin()->first, last = changed_.empty() ? 0 : changed_.rbegin()->first + 1;
        while (first < last && at(first) == p_.tasks[first]) ++first;
        while (last > first && at(last - 1) == p_.tasks[last - 1]) --last;
        if (first == last && drop.empty()) return nullptr;
        std::vector<Task> after;
        after.reserve(last - first);
        for (size_t r = first; r < last; ++r) after.push_back(at(r));
        return std::make_unique<ReplaceRows>(label, first, std::vector<Task>(p_.tasks.begin() + long(first), p_.tasks.begin() + long(last)),
                                             std::move(after), std::move(drop));
    }

private:
    const Project& p_;
    std::map<size_t, Task> changed_;
};

} // namespace

CommandPtr indentTasks(const Project& p, const std::vector<Id>& ids, std::string& why) {
    Outline q(p);
    std::vector<Id> drop;
    for (size_t i : topRows(p, ids)) {
        const size_t j = q.siblingAbove(i);
        if (j == SIZE_MAX) {
            why = fmt(tr("\"{0}\" has no task above it at its level to go under"), q.at(i).name);
            return nullptr;
        }
        const Id under = q.at(j).id;
        q.edit(i).parent = under;
        const auto links = linksBetween(p, q.ids(i, q.subtreeEnd(i)), IdSet({under}));
        drop.insert(drop.end(), links.begin(), links.end());
    }
    why = linkNote(drop.size());
    return q.command(ids.size() == 1 ? tr("Indent task") : tr("Indent tasks"), std::move(drop));
}

CommandPtr outdentTasks(const Project& p, const std::vector<Id>& ids, std::string& why) {
    Outline q(p);
    std::vector<Id> drop;
    std::vector<size_t> order = topRows(p, ids);
    std::reverse(order.begin(), order.end());
    for (size_t i : order) {
        const Id parent = q.at(i).parent;
        const int pi = q.parentRow(i);
        if (pi < 0) {
            why = fmt(tr("\"{0}\" is already at the top level"), q.at(i).name);
            return nullptr;
        }
        const size_t end = q.subtreeEnd(i);
        // Later siblings become this task's children, so the rows stay where they are.
        bool adopted = false;
        const size_t k = q.subtreeEnd(size_t(pi));
        for (size_t r = end; r < k; ++r)
            if (q.at(r).parent == parent) {
                q.edit(r).parent = q.at(i).id;
                adopted = true;
            }
        q.edit(i).parent = q.at(size_t(pi)).parent;
        if (adopted) {
            const auto links = linksBetween(p, IdSet({q.at(i).id}), q.ids(end, k));
            drop.insert(drop.end(), links.begin(), links.end());
        }
    }
    why = linkNote(drop.size());
    return q.command(ids.size() == 1 ? tr("Outdent task") : tr("Outdent tasks"), std::move(drop));
}

CommandPtr moveTask(const Project& p, Id id, int direction, std::string& why) {
    const int at = p.taskIndex(id);
    if (at < 0) return nullptr;
    const size_t i = size_t(at), end = p.subtreeEnd(i);
    Outline q(p);
    // The rows that swap places, the task's subtree and its sibling's, rotated.
    size_t from, middle, to;
    if (direction < 0) {
        const size_t j = q.siblingAbove(i);
        if (j == SIZE_MAX) { why = fmt(tr("\"{0}\" is already first"), p.tasks[i].name); return nullptr; }
        from = j, middle = i, to = end;
    } else {
        if (end >= p.tasks.size() || p.tasks[end].parent != p.tasks[i].parent) { why = fmt(tr("\"{0}\" is already last"), p.tasks[i].name); return nullptr; }
        from = i, middle = end, to = p.subtreeEnd(end);
    }
    std::vector<Task> rows(p.tasks.begin() + long(from), p.tasks.begin() + long(to));
    std::rotate(rows.begin(), rows.begin() + long(middle - from), rows.end());
    for (size_t r = from; r < to; ++r) q.edit(r) = std::move(rows[r - from]);
    why.clear();
    return q.command(direction < 0 ? tr("Move task up") : tr("Move task down"), {});
}

namespace {
// Room for rows to come: the first insert after opening a big plan then moves no task.
void roomToGrow(Project& p) {
    p.tasks.reserve(withRoomToGrow(p.tasks.size()));
    p.links.reserve(withRoomToGrow(p.links.size()));
}
} // namespace

Document::Document(Project project, Clock clock) : project_(std::move(project)), clock_(clock ? std::move(clock) : Clock(systemNow)) {
    roomToGrow(project_);
}

const Schedule& Document::schedule() const {
    if (scheduledRevision_ != revision_) {
        schedule_ = &scheduler_.run(project_, inputsKept_, &pending_);
        inputsKept_ = true;
        pending_ = StructureReach::untouched();
        scheduledRevision_ = revision_;
        stored_.reset(); // (a stored schedule is only ever the loaded revision's)
    }
    return *schedule_;
}

bool Document::execute(CommandPtr command) {
    if (!caps_.edit || !command || !command->apply(project_, clock_())) return false;
    const bool keeps = command->keepsInputs();
    const StructureReach reach = command->reach();
    const RecordEdits* edits = command->recordEdits();
    undo_.push_back(std::move(command));
    redo_.clear();
    changed(ChangeOrigin::Local, keeps, &reach, edits);
    return true;
}

bool Document::executeChecked(CommandPtr command, std::string& why) {
    why.clear();
    if (!caps_.edit || !command) return false;
    const Stamp now = clock_();
    if (!command->apply(project_, now)) return false;
    const bool keeps = command->keepsInputs();
    inputsKept_ = inputsKept_ && keeps;
    pending_.add(command->reach());
    const uint64_t before = revision_;
    ++revision_; // a trial: the schedule is computed for it
    if (!schedule().ok()) {
        why = schedule().error;
        command->revert(project_, now);
        inputsKept_ = keeps;
        pending_.add(command->reach());
        // Nothing happened: the plan is the one of `before`, so is the revision (a save under way,
        // and what views keep of this revision, stay good). The schedule at hand is the trial's: it
        // is computed again when asked, even if a later change makes the revision before + 1.
        revision_ = before;
        scheduledRevision_ = UINT64_MAX;
        return false;
    }
    --revision_; // changed() counts the accepted change once
    const RecordEdits* edits = command->recordEdits();
    undo_.push_back(std::move(command));
    redo_.clear();
    const StructureReach none = StructureReach::untouched();
    changed(ChangeOrigin::Local, true, &none, edits); // (scheduled as it is now)
    return true;
}

bool Document::applyExternal(Project incoming, std::string label) {
    if (!caps_.edit) return false;
    CommandPtr c = replaceProject(std::move(incoming), std::move(label));
    c->apply(project_, 0);
    undo_.push_back(std::move(c));
    redo_.clear();
    changed(ChangeOrigin::External);
    return true;
}

bool Document::undo() {
    if (!caps_.edit || undo_.empty()) return false;
    CommandPtr c = std::move(undo_.back());
    undo_.pop_back();
    if (!c->revert(project_, clock_())) return false;
    const bool keeps = c->keepsInputs();
    const StructureReach reach = c->reach();
    const RecordEdits* edits = c->recordEdits();
    redo_.push_back(std::move(c));
    changed(ChangeOrigin::Local, keeps, &reach, edits);
    return true;
}

bool Document::redo() {
    if (!caps_.edit || redo_.empty()) return false;
    CommandPtr c = std::move(redo_.back());
    redo_.pop_back();
    if (!c->apply(project_, clock_())) return false;
    const bool keeps = c->keepsInputs();
    const StructureReach reach = c->reach();
    const RecordEdits* edits = c->recordEdits();
    undo_.push_back(std::move(c));
    changed(ChangeOrigin::Local, keeps, &reach, edits);
    return true;
}

void Document::load(Project project, std::optional<Schedule> stored) {
    project_ = std::move(project);
    roomToGrow(project_);
    undo_.clear();
    redo_.clear();
    stored_ = std::move(stored);
    if (stored_) { // the schedule of the revision changed() makes
        schedule_ = &*stored_;
        scheduledRevision_ = revision_ + 1;
    }
    changed(ChangeOrigin::Load);
}

bool Document::checkStoredSchedule() {
    for (;;)
        if (const std::optional<bool> same = checkStoredScheduleStep()) return *same;
}

std::optional<bool> Document::checkStoredScheduleStep() {
    if (!scheduleIsStored()) return true; // none, or edited since: schedule() runs the scheduler anyway
    const bool restart = checkedRevision_ != revision_; // another plan loaded since the last part
    checkedRevision_ = revision_;
    const Schedule* ran = scheduler_.runInSteps(project_, restart);
    if (!ran) return std::nullopt;
    const Schedule& fresh = *ran;
    inputsKept_ = true;
    pending_ = StructureReach::untouched();
    const bool same = sameSchedule(fresh, *stored_);
    schedule_ = &fresh;
    if (!same) scheduledRevision_ = ++revision_; // views keyed to the revision redraw
    stored_.reset();
    return same;
}

int Document::subscribe(Listener l) {
    listeners_.push_back({nextToken_, std::move(l)});
    return nextToken_++;
}

void Document::unsubscribe(int token) {
    listeners_.erase(std::remove_if(listeners_.begin(), listeners_.end(), [&](auto& e) { return e.first == token; }), listeners_.end());
}

void Document::changed(ChangeOrigin origin, bool keepsInputs, const StructureReach* reach, const RecordEdits* edits) {
    if (edits) lastEdits_ = *edits;
    else lastEdits_.reset();
    inputsKept_ = inputsKept_ && keepsInputs;
    if (reach) pending_.add(*reach);
    else pending_ = {};
    lastOrigin_ = origin;
    ++revision_;
    for (auto& [token, l] : listeners_) l(*this);
}

} // namespace plotline
