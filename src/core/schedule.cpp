#include "schedule.hpp"
#include "locale.hpp"
#include "i18n.hpp"

#include "duration.hpp"
#include "id_index.hpp"

#include <algorithm>
#include <map>
#include <functional>
#include <optional>

namespace plotline {

std::vector<int> outlineLevels(const Project& p) {
    std::vector<int> level(p.tasks.size(), 1);
    std::vector<std::pair<Id, int>> stack; // ancestors of the current row
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Id parent = p.tasks[i].parent;
        while (!stack.empty() && stack.back().first != parent) stack.pop_back();
        level[i] = parent.isNull() || stack.empty() ? 1 : stack.back().second + 1;
        stack.push_back({p.tasks[i].id, level[i]});
    }
    return level;
}

namespace {

// Rows `from` to `to`'s parent rows from their outline levels (a row's parent is the nearest row above
// one level up), into `up`; `open` holds the rows enclosing row `from` (outermost first) and is left
// holding those enclosing row `to`.
template <class LevelOf> void parentRowsOver(std::vector<int>& up, std::vector<int>& open, size_t from, size_t to, LevelOf levelOf) {
    for (size_t i = from; i < to; ++i) {
        const size_t depth = size_t(std::max(1, levelOf(i))) - 1;
        if (open.size() > depth) open.resize(depth);
        up[i] = open.empty() ? -1 : open.back();
        open.push_back(int(i));
    }
}

// Every row's parent row, into `up`; `open` is scratch.
template <class LevelOf> void parentRowsFromLevels(std::vector<int>& up, std::vector<int>& open, size_t n, LevelOf levelOf) {
    up.resize(n);
    open.clear();
    parentRowsOver(up, open, 0, n, levelOf);
}

constexpr int64_t kNone = INT64_MIN;

// One end of an edge, stored in the compressed rows of the other end: 8 bytes, so a pass over the
// graph of a 100k-task plan reads 3 MB of edges rather than 9.
struct Edge {
    uint32_t bits;   // the other end's node (30 bits), from its start (bit 30), to the finish (bit 31)
    int32_t lag;     // added to the source's value (a file's lags are within ±kMaxMinutes)
    Edge() = default;
    Edge(int node, int64_t lagMinutes, bool fromStart, bool toFinish)
        : bits(uint32_t(node) | (fromStart ? 1u << 30 : 0) | (toFinish ? 1u << 31 : 0)),
          lag(int32_t(std::clamp<int64_t>(lagMinutes, -kLagLimit, kLagLimit))) {}
    int node() const { return int(bits & ((1u << 30) - 1)); }
    bool fromStart() const { return bits & (1u << 30); } // take the predecessor's start rather than its finish
    bool toFinish() const { return bits & (1u << 31); }  // constrains the successor's finish (FF, SF): less its duration
    // Beyond any plan's dates (1900-2999) at any length of working day: clamping keeps such a lag an error.
    static constexpr int64_t kLagLimit = int64_t(1) << 30;
};

// Which ends a link of this type ties: SS and SF wait for the predecessor's start (FS and FF for its
// finish); FF and SF constrain the successor's finish (FS and SS its start).
std::pair<bool, bool> linkEnds(LinkType type) {
    const bool fromStart = type == LinkType::SS || type == LinkType::SF;
    const bool toFinish = type == LinkType::FF || type == LinkType::SF;
    return {fromStart, toFinish};
}

struct LinkKey {
    Id a, b;
    LinkType type;
    int64_t lag;
};
// A link or an assignment as the scheduler last saw it: the same keys?
bool sameKeys(const LinkKey& k, const Link& l) { return k.a == l.predecessor && k.b == l.successor && k.type == l.type && k.lag == l.lag; }
bool sameKeys(const std::pair<Id, Id>& k, const Assignment& x) { return k.first == x.task && k.second == x.resource; }

// v[from, oldTo) replaced by `count` copies of `fill` (filled in by the caller).
template <class T> void splice(std::vector<T>& v, size_t from, size_t oldTo, size_t count, const T& fill) {
    v.erase(v.begin() + long(from), v.begin() + long(oldTo));
    v.insert(v.begin() + long(from), count, fill);
}

} // namespace

std::vector<int> outlineParentRows(const Schedule& s) {
    std::vector<int> up, open;
    parentRowsFromLevels(up, open, s.tasks.size(), [&](size_t i) { return s.tasks[i].level; });
    return up;
}

// Each task holds a slot of the scheduler's arrays for as long as it lives, wherever its row goes: an
// edit that inserts, deletes or moves rows carries every other task's values across, and the passes
// start from the tasks the edit touched, as they do after a field edit. A fresh build gives row i
// slot i; later rows take freed slots or new ones at the end.
// The graph: node 2s is slot s's start (for a leaf, the whole task), node 2s + 1 a summary's roll-up.
// Edges: parent start → child start (children start within the parent), child finish → parent
// roll-up, and one edge per link from the predecessor's finish node (its roll-up if a summary).
struct Scheduler::Impl {
    // What the graph was built from, per row; any difference rebuilds it.
    bool built = false;
    int step = 0;                   // runInSteps: the next part of a full run (0: none under way)
    std::vector<Id> ids, parentIds;
    std::vector<LinkKey> linkKeys;
    std::vector<std::pair<Id, Id>> assignKeys; // task, resource
    std::vector<std::pair<Id, std::vector<Date>>> offKeys;
    Calendar cal;
    Date projectStart;

    size_t n = 0;                     // rows
    size_t slots = 0;                 // the per-slot arrays' length
    std::vector<int> slotOf, rowAt;   // row → slot, slot → row (-1: free)
    std::vector<int> freeSlots;
    std::vector<int> parent, level, kids; // per slot: the parent's slot (-1 none), outline level, children
    std::vector<char> summary;
    std::vector<int> outOff, inOff;
    std::vector<Edge> outE, inE;
    std::vector<int> order, pos; // topological order of the nodes that have one
    std::vector<int> orderTail, kidsNew, nextNew, anchored; // reorder's: the order being rewritten; new rows' first new child and next new sibling, and an old task's first new child (-1 between runs)
    bool acyclic = true;
    std::string cycleError;
    std::vector<Id> cycleIds;
    std::vector<size_t> offFrom, offTo; // per slot: its team's days off, offAt[offFrom[t] .. offTo[t])
    std::vector<int64_t> offAt;         // day-start instants, sorted within each team's run

    // Inputs per slot (kNone when absent).
    std::vector<int64_t> init, dur, pinStart, pinFinish, mso, fnlt, deadline;
    // Forward values.
    std::vector<int64_t> bound, es, ef;
    std::vector<char> eod; // a zero-length task driven by a finish shows at the end of that day
    std::vector<uint8_t> flags;
    // Backward values: each node's own bounds from its out-edges (a summary's two nodes each hold
    // part of its bounds), and each task's late start and finish and free slack made from them.
    std::vector<int64_t> nodeLf, nodeLsBound, nodeFree; // per node
    std::vector<int64_t> ls, lf, freeSlack;             // per slot
    int64_t projectFinish = INT64_MIN;
    std::vector<int64_t> weight, weightDone; // percent complete roll-up: duration, and duration × percent
    std::vector<int> done;                   // each task's own percent complete
    // Work lists (of slots, or nodes for the heap).
    std::vector<int> heap;
    std::vector<int> openRows; // outlineRows' stack
    std::vector<char> queued;
    std::vector<int> seeds;
    std::vector<char> seeded;
    std::vector<char> born;   // slots a structural edit gave to new rows (not yet in the order)
    std::vector<int> dirty;   // slots whose edges a structural edit changed, or new
    std::vector<int> freedNow; // slots a structural edit freed (their edges go)
    std::vector<int> spareOff; // the arrays of the edges before a patch, kept for the next
    std::vector<Edge> spareE;
    std::vector<int> moved;   // slots whose forward values a run changed (start or finish moved)
    std::vector<int> outRows; // slots whose output an incremental run rewrites
    std::vector<char> outQueued;

    Schedule out;
    // The plan's span (out.start, out.finish) and how many rows hold each end. Rows rewritten since the
    // last count move it (spanLeave, spanEnter), so a run that rewrites a few rows does not read every
    // row's dates again; when the last row holding an end leaves it, the next output counts again.
    struct Span { bool known = false; size_t starts = 0, finishes = 0; } span;
    void spanLeave(const TaskSchedule& ts) {
        if (!span.known) return;
        if ((ts.startDate == out.start && --span.starts == 0) || (ts.finishDate == out.finish && --span.finishes == 0)) span.known = false;
    }
    void spanEnter(const TaskSchedule& ts) {
        if (!span.known) return;
        if (ts.startDate < out.start) out.start = ts.startDate, span.starts = 1;
        else span.starts += ts.startDate == out.start;
        if (ts.finishDate > out.finish) out.finish = ts.finishDate, span.finishes = 1;
        else span.finishes += ts.finishDate == out.finish;
    }
    std::vector<char> shownEod;
    std::map<int, bool> beyondRows; // slots held at the edge of the plannable dates (true: past 2999); an error names the first row
    bool everyRow = false;          // the run recomputed every task's late values
    int64_t plannable[2] = {0, 0};  // the instants of 1900-01-01 and 3000-01-01 on the calendar
    bool preOrder = true;           // every parent above its children (percent roll-ups can follow a change up)
    size_t dangling = 0;            // rows whose parent id names no task
    bool nested = true;             // and each row's parent is one of the open ancestors above it (subtrees are contiguous)
    // Dates of instants through a small cache of working days: a plan's tasks share their days, and
    // the calendar's lookup (binary searches over holidays) was a fifth of a full run.
    struct Day { int64_t index = INT64_MIN; Date date; };
    std::vector<Day> days = std::vector<Day>(1024);
    size_t touched = 0, touchedBack = 0, sorted = 0;
    bool incremental = false, restructured = false;
    bool outlineKept = false; // restructure brought out.parentRow up to date
    bool hashed = false;

    bool sameStructure(const Project& p, const StructureReach& reach) const;
    bool sameDaysOff(const Project& p) const;
    void setKeys(const Project& p);
    template <class RowOf>
    void linkRows(const Project& p, const std::vector<LinkKey>& linksBefore, const std::vector<std::pair<Id, Id>>& assignBefore,
                  const std::vector<int>& fromBefore, const std::vector<int>& toBefore, const std::vector<int>& rowBefore,
                  const RowOf& rowOf);
    // A fresh build's rows in three parts (fullRunPart): the keys, the links' and assignments' rows
    // (found from the previous build's, kept in `before` between the two), then the slots and parents.
    struct Before {
        std::vector<Id> ids;
        std::vector<LinkKey> links;
        std::vector<std::pair<Id, Id>> assignments;
        std::vector<int> from, to, row;
    } before;
    void buildKeys(const Project& p);
    void buildLinkRows(const Project& p);
    void buildSlots(const Project& p);
    void startOutput();
    bool fullRunPart(int part, const Project& p);
    void startFullRun();
    void finishRun();
    bool restructure(const Project& p, const StructureReach& reach);
    void findRows(const std::vector<std::pair<Id, int*>>& wanted, size_t from, size_t to, const LazyIndex<std::vector<Task>>& index) const;
    void graph(const Project& p, bool keepOrder);
    bool reorder();
    void patchEdges(const Project& p);
    void sortAll(const Project& p);
    void teams(const Project& p);
    // Every per-slot and per-node array, with the value a new entry takes: f(array, fill, per node).
    template <class F> void eachArray(F&& f) {
        for (auto* v : {&init, &dur, &pinStart, &pinFinish, &mso, &fnlt, &deadline, &bound, &es, &ef, &ls, &lf, &freeSlack, &weight, &weightDone})
            f(*v, int64_t(0), false);
        for (auto* v : {&parent, &level, &kids, &done, &rowAt}) f(*v, 0, false);
        for (auto* v : {&summary, &eod, &shownEod, &outQueued, &seeded, &born}) f(*v, char(0), false);
        f(flags, uint8_t(0), false);
        for (auto* v : {&offFrom, &offTo}) f(*v, size_t(0), false);
        for (auto* v : {&nodeLf, &nodeLsBound, &nodeFree}) f(*v, INT64_MAX, true);
        f(queued, char(0), true);
        f(pos, -1, true);
    }
    void grow(size_t count);
    void resetSlot(int s);
    int finishNode(int t) const { return 2 * t + (summary[size_t(t)] ? 1 : 0); } // a summary finishes at its roll-up
    void makeDirty(int s) { // (a deleted task's slot has nothing to recompute)
        if (s < 0 || rowAt[size_t(s)] < 0 || seeded[size_t(s)]) return;
        seeded[size_t(s)] = 1;
        dirty.push_back(s);
    }
    void readInputs(const Project& p, bool collectSeeds);
    void readInputsOf(const Project& p, const std::vector<int>& slots);
    void readRow(const Project& p, size_t i, bool collectSeeds, int64_t projectStart);
    int64_t source(const Edge& e) const;
    int64_t finishFrom(size_t t, int64_t& start, bool mayShift) const;
    bool recompute(int v);
    void forwardAll();
    void forwardFrom();
    void markOutput(int t) {
        if (outQueued[size_t(t)]) return;
        outQueued[size_t(t)] = 1;
        outRows.push_back(t);
    }
    bool recomputeBack(int v);
    int64_t finishOfAll() const;
    void backwardAll(int64_t finish);
    void backwardFrom();
    void sumWeights();
    void outputRow(size_t i, bool fresh);
    void outlineRows();
    void output(const Project& p, bool all);
};

bool Scheduler::Impl::sameDaysOff(const Project& p) const {
    size_t k = 0;
    for (const Resource& r : p.resources) {
        if (r.daysOff.empty()) continue;
        if (k >= offKeys.size() || offKeys[k].first != r.id || offKeys[k].second != r.daysOff) return false;
        ++k;
    }
    return k == offKeys.size();
}

namespace {
// The records [from, to) of a list of n that a reach leaves to compare (those outside are as they were).
struct Within {
    size_t from, to;
    Within(ListReach r, size_t n) : from(std::min(r.head, n)), to(n - std::min(r.tail, n - from)) {}
};
} // namespace

bool Scheduler::Impl::sameStructure(const Project& p, const StructureReach& reach) const {
    if (!built || p.tasks.size() != ids.size() || p.links.size() != linkKeys.size() || !(p.calendar == cal) ||
        p.start != projectStart || p.assignments.size() != assignKeys.size())
        return false;
    for (Within w(reach.tasks, ids.size()); w.from < w.to; ++w.from)
        if (p.tasks[w.from].id != ids[w.from] || p.tasks[w.from].parent != parentIds[w.from]) return false;
    for (Within w(reach.links, linkKeys.size()); w.from < w.to; ++w.from)
        if (!sameKeys(linkKeys[w.from], p.links[w.from])) return false;
    for (Within w(reach.assignments, assignKeys.size()); w.from < w.to; ++w.from)
        if (!sameKeys(assignKeys[w.from], p.assignments[w.from])) return false;
    return sameDaysOff(p);
}

void Scheduler::Impl::setKeys(const Project& p) {
    n = p.tasks.size();
    cal = p.calendar;
    projectStart = p.start;
    ids.resize(n);
    parentIds.resize(n);
    for (size_t i = 0; i < n; ++i) {
        ids[i] = p.tasks[i].id;
        parentIds[i] = p.tasks[i].parent;
    }
    linkKeys.clear();
    linkKeys.reserve(p.links.size());
    for (const Link& l : p.links) linkKeys.push_back({l.predecessor, l.successor, l.type, l.lag});
    assignKeys.clear();
    assignKeys.reserve(p.assignments.size());
    for (const Assignment& a : p.assignments) assignKeys.push_back({a.task, a.resource});
    offKeys.clear();
    for (const Resource& r : p.resources)
        if (!r.daysOff.empty()) offKeys.push_back({r.id, r.daysOff});
}

// Each link's and assignment's rows (or -1): record k is looked for where it was in the previous build's
// list (the same index, or as far from the end), and its ends' rows found from the rows they had then.
template <class RowOf>
void Scheduler::Impl::linkRows(const Project& p, const std::vector<LinkKey>& linksBefore,
                               const std::vector<std::pair<Id, Id>>& assignBefore, const std::vector<int>& fromBefore,
                               const std::vector<int>& toBefore, const std::vector<int>& rowBefore, const RowOf& rowOf) {
    auto wasAt = [](size_t k, size_t count, const auto& before, auto same) -> long {
        if (k < before.size() && same(before[k])) return long(k);
        const long j = long(k) + long(before.size()) - long(count);
        return j >= 0 && size_t(j) < before.size() && same(before[size_t(j)]) ? j : -1;
    };
    out.linkFrom.resize(p.links.size());
    out.linkTo.resize(p.links.size());
    for (size_t k = 0; k < p.links.size(); ++k) {
        const Link& l = p.links[k];
        const long j = wasAt(k, p.links.size(), linksBefore, [&](const LinkKey& o) { return o.a == l.predecessor && o.b == l.successor; });
        out.linkFrom[k] = rowOf(l.predecessor, j < 0 ? -1 : fromBefore[size_t(j)]);
        out.linkTo[k] = rowOf(l.successor, j < 0 ? -1 : toBefore[size_t(j)]);
    }
    out.assignmentRow.resize(p.assignments.size());
    for (size_t k = 0; k < p.assignments.size(); ++k) {
        const Assignment& a = p.assignments[k];
        const long j = wasAt(k, p.assignments.size(), assignBefore, [&](const std::pair<Id, Id>& o) { return o.first == a.task && o.second == a.resource; });
        out.assignmentRow[k] = rowOf(a.task, j < 0 ? -1 : rowBefore[size_t(j)]);
    }
}

void Scheduler::Impl::grow(size_t count) {
    slots = count;
    eachArray([&](auto& v, auto fill, bool perNode) { v.resize(perNode ? 2 * count : count, fill); });
}

// A slot as a new task finds it: no values yet (the run computes them from its seeds).
void Scheduler::Impl::resetSlot(int s) {
    const size_t t = size_t(s);
    init[t] = dur[t] = bound[t] = es[t] = ef[t] = ls[t] = lf[t] = weight[t] = weightDone[t] = 0;
    pinStart[t] = pinFinish[t] = mso[t] = fnlt[t] = deadline[t] = kNone;
    freeSlack[t] = INT64_MAX;
    parent[t] = -1;
    kids[t] = level[t] = done[t] = 0;
    summary[t] = eod[t] = shownEod[t] = 0;
    flags[t] = 0;
    offFrom[t] = offTo[t] = 0;
    for (size_t v = 2 * t; v < 2 * t + 2; ++v) nodeLf[v] = nodeLsBound[v] = nodeFree[v] = INT64_MAX;
    beyondRows.erase(s);
}

// A fresh build (fullRunPart): rows, parents and keys first, then the graph, then the output's rows.
// The rows take three parts (at 100k tasks, ~50 ms in one frame of a new tab): the keys, with what
// the previous build found kept aside to find rows again without hashing (below); the rows of the
// links' and assignments' ends; then each row's slot and parent.
void Scheduler::Impl::buildKeys(const Project& p) {
    before = Before{};
    if (!built) { // a run left half-way: its keys and rows need not agree, so none is a hint
        setKeys(p);
        return;
    }
    before.ids = std::move(ids);
    before.links = std::move(linkKeys);
    before.assignments = std::move(assignKeys);
    before.from = std::move(out.linkFrom);
    before.to = std::move(out.linkTo);
    before.row = std::move(out.assignmentRow);
    setKeys(p);
}

void Scheduler::Impl::buildLinkRows(const Project& p) {
    // The row of an id. An edit that inserts, removes or moves a run of rows leaves the rows above it
    // where they were and moves those below by the same count: the row an id had in the previous
    // build, so moved, is tried first and taken when the task there has that id (ids are unique: the
    // readers refuse a file that repeats one). Only what is not found so goes to an index of every
    // task, built on first need.
    const std::vector<Id>& idsBefore = before.ids;
    size_t above = 0; // rows before the first that changed
    while (above < std::min(idsBefore.size(), n) && idsBefore[above] == ids[above]) ++above;
    const long shift = long(n) - long(idsBefore.size());
    const LazyIndex index(p.tasks);
    auto rowOf = [&](Id id, int before) -> int {
        if (before >= 0) {
            const long moved = size_t(before) < above ? before : before + shift;
            if (moved >= 0 && size_t(moved) < n && ids[size_t(moved)] == id) return int(moved);
            if (size_t(before) < n && ids[size_t(before)] == id) return before;
        }
        return index.find(id);
    };
    linkRows(p, before.links, before.assignments, before.from, before.to, before.row, rowOf);
    hashed = hashed || index.built(); // (or while an edit's restructuring gave way to this build)
    before = Before{};
}

void Scheduler::Impl::buildSlots(const Project& p) {
    // Row i takes slot i; the arrays keep room for rows to come, so the first insert after opening
    // moves none of them.
    const size_t room = withRoomToGrow(n);
    eachArray([&](auto& v, auto, bool perNode) {
        v.clear();
        v.reserve(perNode ? 2 * room : room);
    });
    slotOf.reserve(room);
    ids.reserve(room);
    parentIds.reserve(room);
    out.tasks.reserve(room);
    grow(n);
    slotOf.resize(n);
    for (size_t i = 0; i < n; ++i) slotOf[i] = rowAt[i] = int(i);
    freeSlots.clear();
    beyondRows.clear();

    // Parents from the rows above: in a plan's pre-order a parent is an open ancestor, found on a
    // stack without hashing; a file in another order falls back to the index.
    const LazyIndex index(p.tasks);
    const std::vector<int> levels = outlineLevels(p);
    std::vector<int> open; // rows of the current row's ancestors
    nested = true;
    for (size_t i = 0; i < n; ++i) {
        const Id up = p.tasks[i].parent;
        level[i] = levels[i];
        parent[i] = -1;
        if (up.isNull()) open.clear();
        else {
            while (!open.empty() && ids[size_t(open.back())] != up) open.pop_back();
            const int at = open.empty() ? index.find(up) : open.back();
            nested = nested && !open.empty();
            if (at >= 0) {
                parent[i] = at;
                ++kids[size_t(at)];
                summary[size_t(at)] = 1;
            }
        }
        open.push_back(int(i));
    }
    hashed = hashed || index.built();
    preOrder = true;
    dangling = 0;
    for (size_t i = 0; i < n; ++i) {
        if (parent[i] >= int(i)) preOrder = false;
        dangling += parent[i] < 0 && !p.tasks[i].parent.isNull();
    }
}

void Scheduler::Impl::startOutput() {
    outRows.clear();
    for (Day& d : days) d.index = INT64_MIN; // the calendar may have changed
    span.known = false;
    out.tasks.assign(n, TaskSchedule{});
    for (size_t i = 0; i < n; ++i) {
        out.tasks[i].level = level[i];
        out.tasks[i].summary = summary[i];
    }
    built = true;
}

// The graph's edges in compressed rows, a topological order, and each slot's days off, from the
// slots' parents and the rows of the links' and assignments' ends.
void Scheduler::Impl::graph(const Project& p, bool keepOrder) {
    if (keepOrder) {
        patchEdges(p);
        if (!reorder()) sortAll(p);
        teams(p);
        return;
    }
    const size_t nodes = 2 * slots;
    outOff.assign(nodes + 1, 0);
    inOff.assign(nodes + 1, 0);
    for (size_t k = 0; k < p.links.size(); ++k) {
        const int a = out.linkFrom[k], b = out.linkTo[k];
        if (a < 0 || b < 0) continue;
        ++outOff[size_t(finishNode(slotOf[size_t(a)])) + 1];
        ++inOff[2 * size_t(slotOf[size_t(b)]) + 1];
    }
    for (size_t i = 0; i < n; ++i) {
        const int s = slotOf[i], up = parent[size_t(s)];
        if (up < 0) continue;
        ++outOff[2 * size_t(up) + 1]; // parent start → child start
        ++inOff[2 * size_t(s) + 1];
        ++outOff[size_t(finishNode(s)) + 1]; // child finish → parent roll-up
        ++inOff[2 * size_t(up) + 2];
    }
    for (size_t v = 0; v < nodes; ++v) {
        outOff[v + 1] += outOff[v];
        inOff[v + 1] += inOff[v];
    }
    outE.resize(size_t(outOff[nodes]));
    inE.resize(size_t(inOff[nodes]));
    {
        std::vector<int> fo(outOff.begin(), outOff.end() - 1), fi(inOff.begin(), inOff.end() - 1);
        auto add = [&](int from, int to, int64_t lag, bool fromStart, bool toFinish) {
            outE[size_t(fo[size_t(from)]++)] = Edge(to, lag, fromStart, toFinish);
            inE[size_t(fi[size_t(to)]++)] = Edge(from, lag, fromStart, toFinish);
        };
        for (size_t i = 0; i < n; ++i) {
            const int s = slotOf[i], up = parent[size_t(s)];
            if (up < 0) continue;
            add(2 * up, 2 * s, 0, true, false);
            add(finishNode(s), 2 * up + 1, 0, false, false);
        }
        for (size_t k = 0; k < p.links.size(); ++k) {
            const int a = out.linkFrom[k], b = out.linkTo[k];
            if (a < 0 || b < 0) continue;
            const auto [fromStart, toFinish] = linkEnds(p.links[k].type);
            add(finishNode(slotOf[size_t(a)]), 2 * slotOf[size_t(b)], p.links[k].lag, fromStart, toFinish);
        }
    }

    if (!keepOrder || !reorder()) sortAll(p);
    teams(p);
}

// Kahn's algorithm over the whole graph, and a cycle's message when there is one.
void Scheduler::Impl::sortAll(const Project& p) {
    const size_t nodes = 2 * slots;
    // Kahn's algorithm, sweeping the nodes in the plan's own order (each row's start, and a
    // summary's roll-up once its rows are behind): a node is taken when the sweep reaches it if it is
    // free, or as soon as its last predecessor is taken if the sweep has passed it. The passes over
    // the graph then walk the rows' data mostly in memory order.
    std::vector<int> indeg(nodes);
    for (size_t v = 0; v < nodes; ++v) indeg[v] = inOff[v + 1] - inOff[v];
    order.clear();
    order.reserve(2 * n);
    std::vector<char> passed(nodes, 0);
    std::vector<int> freed;
    auto take = [&](int v) {
        freed.push_back(v);
        while (!freed.empty()) {
            const int u = freed.back();
            freed.pop_back();
            order.push_back(u);
            for (int k = outOff[size_t(u)]; k < outOff[size_t(u) + 1]; ++k) {
                const int w = outE[size_t(k)].node();
                if (--indeg[size_t(w)] == 0 && passed[size_t(w)]) freed.push_back(w);
            }
        }
    };
    auto reach = [&](int v) {
        passed[size_t(v)] = 1;
        if (indeg[size_t(v)] == 0) take(v);
    };
    std::vector<int> open; // slots of the current row's ancestors
    for (size_t i = 0; i < n; ++i) {
        const int s = slotOf[i];
        while (!open.empty() && open.back() != parent[size_t(s)]) {
            reach(2 * open.back() + 1);
            open.pop_back();
        }
        reach(2 * s);
        open.push_back(s);
    }
    while (!open.empty()) {
        reach(2 * open.back() + 1);
        open.pop_back();
    }
    acyclic = order.size() == 2 * n;
    sorted = order.size();
    pos.assign(nodes, -1);
    for (size_t k = 0; k < order.size(); ++k) pos[size_t(order[k])] = int(k);
    cycleError.clear();
    cycleIds.clear();
    if (!acyclic) {
        // Some nodes never became free: walk one cycle among them for the message.
        std::vector<char> state(nodes, 0); // 0 new, 1 on the path, 2 done
        std::vector<int> pred(nodes, -1);
        int cycleAt = -1;
        for (size_t root = 0; root < nodes && cycleAt < 0; ++root) {
            if (indeg[root] == 0 || state[root]) continue;
            std::vector<std::pair<int, int>> dfs{{int(root), outOff[root]}};
            state[root] = 1;
            while (!dfs.empty() && cycleAt < 0) {
                auto& [v, k] = dfs.back();
                if (k < outOff[size_t(v) + 1]) {
                    const int w = outE[size_t(k++)].node();
                    if (indeg[size_t(w)] == 0) continue;
                    if (state[size_t(w)] == 1) { pred[size_t(w)] = v; cycleAt = w; break; }
                    if (state[size_t(w)] == 0) { state[size_t(w)] = 1; pred[size_t(w)] = v; dfs.push_back({w, outOff[size_t(w)]}); }
                } else {
                    state[size_t(v)] = 2;
                    dfs.pop_back();
                }
            }
        }
        if (cycleAt >= 0) {
            std::vector<int> cyc{cycleAt};
            for (int v = pred[size_t(cycleAt)]; v != cycleAt && v >= 0; v = pred[size_t(v)]) cyc.push_back(v);
            std::reverse(cyc.begin(), cyc.end());
            std::string msg;
            int firstTask = -1;
            for (int node : cyc) {
                const int t = rowAt[size_t(node / 2)];
                if (!cycleIds.empty() && cycleIds.back() == p.tasks[size_t(t)].id) continue;
                cycleIds.push_back(p.tasks[size_t(t)].id);
                if (firstTask < 0) firstTask = t;
                msg += p.tasks[size_t(t)].name + " → ";
            }
            if (cycleIds.size() > 1 && cycleIds.front() == cycleIds.back()) cycleIds.pop_back();
            cycleError = fmt(tr("Dependency cycle: {0}"), msg + p.tasks[size_t(firstTask)].name);
        } else cycleError = tr("Dependency cycle between tasks");
    }
}

// After a structural edit, the compressed edges patched rather than built again: every edge the edit
// changed has both ends dirty (restructure marks them so), so every other node keeps its lists, copied
// in runs; a dirty node keeps its edges to clean nodes and gains those to dirty ones, made from the
// plan; a deleted task's nodes have none.
void Scheduler::Impl::patchEdges(const Project& p) {
    const size_t nodes = 2 * slots, oldNodes = outOff.size() - 1;
    auto clean = [&](int node) { // a node whose task lives and is not dirty
        const size_t t = size_t(node) / 2;
        return rowAt[t] >= 0 && !seeded[t];
    };
    struct Made { int from, to; Edge out, in; };
    std::vector<Made> made; // edges between dirty tasks
    auto add = [&](int from, int to, int64_t lag, bool fromStart, bool toFinish) {
        made.push_back({from, to, Edge(to, lag, fromStart, toFinish), Edge(from, lag, fromStart, toFinish)});
    };
    for (int t : dirty) {
        const int up = parent[size_t(t)];
        if (up < 0 || !seeded[size_t(up)]) continue; // (dirty tasks live: makeDirty)
        add(2 * up, 2 * t, 0, true, false);
        add(finishNode(t), 2 * up + 1, 0, false, false);
    }
    for (size_t k = 0; k < p.links.size(); ++k) {
        const int a = out.linkFrom[k], b = out.linkTo[k];
        if (a < 0 || b < 0) continue;
        const int sa = slotOf[size_t(a)], sb = slotOf[size_t(b)];
        if (!seeded[size_t(sa)] || !seeded[size_t(sb)]) continue;
        const auto [fromStart, toFinish] = linkEnds(p.links[k].type);
        add(finishNode(sa), 2 * sb, p.links[k].lag, fromStart, toFinish);
    }
    std::vector<int> changed; // the nodes whose lists are made again, ascending
    for (int t : dirty) changed.insert(changed.end(), {2 * t, 2 * t + 1});
    for (int t : freedNow) changed.insert(changed.end(), {2 * t, 2 * t + 1});
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    auto patch = [&](std::vector<int>& off, std::vector<Edge>& edges, bool outgoing) {
        auto end = [&](const Made& m) { return outgoing ? m.from : m.to; };
        std::sort(made.begin(), made.end(), [&](const Made& x, const Made& y) { return end(x) < end(y); });
        size_t next = 0; // the first made edge of the node being written, or past it
        spareOff.assign(nodes + 1, 0);
        spareE.clear();
        spareE.reserve(edges.size() + made.size() + 64);
        size_t v = 0;
        for (size_t j = 0; j <= changed.size(); ++j) {
            const size_t stop = j < changed.size() ? size_t(changed[j]) : nodes;
            // Nodes v … stop − 1 keep their lists (a node past the old arrays has none).
            const size_t oldStop = std::min(stop, oldNodes);
            if (v < oldStop) {
                const int shift = int(spareE.size()) - off[v];
                spareE.insert(spareE.end(), edges.begin() + off[v], edges.begin() + off[oldStop]);
                for (size_t u = v; u < oldStop; ++u) spareOff[u] = off[u] + shift;
                v = oldStop;
            }
            for (; v < stop; ++v) spareOff[v] = int(spareE.size());
            if (j == changed.size()) break;
            spareOff[v] = int(spareE.size());
            const size_t t = v / 2;
            if (rowAt[t] >= 0) {
                if (v < oldNodes && !born[t])
                    for (int k = off[v]; k < off[v + 1]; ++k)
                        if (clean(edges[size_t(k)].node())) spareE.push_back(edges[size_t(k)]);
                while (next < made.size() && end(made[next]) < int(v)) ++next;
                for (; next < made.size() && end(made[next]) == int(v); ++next) spareE.push_back(outgoing ? made[next].out : made[next].in);
            }
            ++v;
        }
        spareOff[nodes] = int(spareE.size());
        off.swap(spareOff);
        edges.swap(spareE);
    };
    patch(outOff, outE, true);
    patch(inOff, inE, false);
    queued.resize(nodes, 0);
    pos.resize(nodes, -1);
}

// After a structural edit: the order before it, without the nodes of deleted tasks, still suits every
// edge that did not change. New tasks' nodes go in after their parent's start (a new summary's
// roll-up after its new rows); then only the edges of dirty tasks can point backwards, and the range
// of positions such edges span is sorted again by Kahn's algorithm over that range alone (a cycle
// lies within it). False when that range holds a cycle or half the plan: the full sort decides.
bool Scheduler::Impl::reorder() {
    std::vector<int> fresh;
    for (int t : dirty)
        if (born[size_t(t)]) fresh.push_back(t);
    // No task added or deleted (an indent, an outdent, rows moved up or down): the order holds every
    // node as it was, and so do their positions; else it is made again as below.
    if (fresh.empty() && !freedNow.empty()) {
        // Only tasks deleted (a delete, the undo of an insert or a paste): the order closed up over
        // their nodes in place, and the positions from the first of them on.
        size_t to = 0;
        while (to < order.size() && rowAt[size_t(order[to] / 2)] >= 0) ++to;
        const size_t first = to;
        for (size_t k = to; k < order.size(); ++k)
            if (const int v = order[k]; rowAt[size_t(v / 2)] >= 0) order[to++] = v;
        order.resize(to);
        if (order.size() != 2 * n) return false;
        for (size_t k = first; k < order.size(); ++k) pos[size_t(order[k])] = int(k);
    } else if (!fresh.empty() || !freedNow.empty()) {
        // (kept at -1 between runs: only the entries set here are reset)
        if (kidsNew.size() < slots) {
            kidsNew.resize(slots, -1);
            nextNew.resize(slots, -1);
            anchored.resize(slots, -1);
        }
        std::vector<int> roots; // new rows at the top level, in row order
        // (children listed in reverse row order, then walked from the end: kept in row order)
        std::sort(fresh.begin(), fresh.end(), [&](int x, int y) { return rowAt[size_t(x)] > rowAt[size_t(y)]; });
        for (int t : fresh) {
            const int up = parent[size_t(t)];
            if (up < 0) roots.push_back(t);
            else if (born[size_t(up)]) {
                nextNew[size_t(t)] = kidsNew[size_t(up)];
                kidsNew[size_t(up)] = t;
            } else {
                nextNew[size_t(t)] = anchored[size_t(up)];
                anchored[size_t(up)] = t;
            }
        }
        // The order up to the first node that goes, or that new rows follow, stays as it is, and so
        // do those nodes' positions (new top-level rows go first: then nothing stays); the rest is
        // written again.
        size_t keep = 0;
        if (roots.empty())
            for (; keep < order.size(); ++keep) {
                const int v = order[keep], t = v / 2;
                if (rowAt[size_t(t)] < 0 || born[size_t(t)] || (!(v & 1) && anchored[size_t(t)] >= 0)) break;
            }
        std::vector<int>& before = orderTail;
        before.assign(order.begin() + long(keep), order.end());
        order.resize(keep);
        order.reserve(2 * n);
        std::vector<std::pair<int, int>> stack; // (slot, next child) of new rows being written
        auto emit = [&](int t) {
            order.push_back(2 * t);
            stack.push_back({t, kidsNew[size_t(t)]});
            while (!stack.empty()) {
                auto& [u, c] = stack.back();
                if (c < 0) {
                    order.push_back(2 * u + 1);
                    stack.pop_back();
                    continue;
                }
                const int child = c;
                c = nextNew[size_t(child)];
                order.push_back(2 * child);
                stack.push_back({child, kidsNew[size_t(child)]});
            }
        };
        for (size_t k = roots.size(); k-- > 0;) emit(roots[k]);
        for (int v : before) {
            const int t = v / 2;
            if (rowAt[size_t(t)] < 0 || born[size_t(t)]) continue; // deleted (or freed and taken again)
            order.push_back(v);
            if (!(v & 1))
                for (int c = anchored[size_t(t)]; c >= 0; c = nextNew[size_t(c)]) emit(c);
        }
        for (int t : fresh) {
            born[size_t(t)] = 0;
            kidsNew[size_t(t)] = nextNew[size_t(t)] = -1;
            if (const int up = parent[size_t(t)]; up >= 0) anchored[size_t(up)] = -1;
        }
        if (order.size() != 2 * n) return false;
        for (size_t k = keep; k < order.size(); ++k) pos[size_t(order[k])] = int(k);
    } else if (order.size() != 2 * n) {
        return false;
    }
    // The range the dirty tasks' backward edges span (an edge from a node to itself, a task linked
    // to itself, among them: a cycle of one).
    int lo = INT32_MAX, hi = -1;
    for (int t : dirty)
        for (int v = 2 * t; v <= 2 * t + 1; ++v)
            for (int k = outOff[size_t(v)]; k < outOff[size_t(v) + 1]; ++k) {
                const int w = outE[size_t(k)].node();
                if (pos[size_t(w)] <= pos[size_t(v)]) {
                    lo = std::min(lo, pos[size_t(w)]);
                    hi = std::max(hi, pos[size_t(v)]);
                }
            }
    for (int t : dirty)
        for (int v = 2 * t; v <= 2 * t + 1; ++v)
            for (int k = inOff[size_t(v)]; k < inOff[size_t(v) + 1]; ++k) {
                const int u = inE[size_t(k)].node();
                if (pos[size_t(u)] >= pos[size_t(v)]) {
                    lo = std::min(lo, pos[size_t(v)]);
                    hi = std::max(hi, pos[size_t(u)]);
                }
            }
    if (hi < 0) return true;
    if (size_t(hi - lo) > n) return false;
    // Kahn's algorithm over positions lo..hi, sweeping them in their present order.
    const size_t span = size_t(hi - lo) + 1;
    std::vector<int> part(order.begin() + lo, order.begin() + hi + 1), indeg(span, 0);
    auto inRange = [&](int v) { return pos[size_t(v)] >= lo && pos[size_t(v)] <= hi; };
    for (size_t j = 0; j < span; ++j) {
        const int v = part[j];
        for (int k = inOff[size_t(v)]; k < inOff[size_t(v) + 1]; ++k)
            if (inRange(inE[size_t(k)].node())) ++indeg[j];
    }
    std::vector<char> passed(span, 0);
    std::vector<int> freed, placed;
    placed.reserve(span);
    auto take = [&](size_t j) {
        freed.push_back(int(j));
        while (!freed.empty()) {
            const int u = part[size_t(freed.back())];
            freed.pop_back();
            placed.push_back(u);
            for (int k = outOff[size_t(u)]; k < outOff[size_t(u) + 1]; ++k) {
                const int w = outE[size_t(k)].node();
                if (!inRange(w)) continue;
                const size_t i = size_t(pos[size_t(w)] - lo);
                if (--indeg[i] == 0 && passed[i]) freed.push_back(int(i));
            }
        }
    };
    for (size_t j = 0; j < span; ++j) {
        passed[j] = 1;
        if (indeg[j] == 0) take(j);
    }
    if (placed.size() != span) return false; // a cycle: the full sort names it
    sorted = span;
    for (size_t j = 0; j < span; ++j) {
        order[size_t(lo) + j] = placed[j];
        pos[size_t(placed[j])] = lo + int(j);
    }
    return true;
}

void Scheduler::Impl::teams(const Project& p) {
    // Days off of each task's resources (a task works only when all of them are in), as one sorted
    // list per team: tasks with the same people share it, so two thousand tasks of one person off
    // every Friday for a century hold one list, not two thousand.
    if (offKeys.empty() && offAt.empty()) return; // every task's range is empty already
    std::fill(offFrom.begin(), offFrom.end(), 0);
    std::fill(offTo.begin(), offTo.end(), 0);
    offAt.clear();
    if (!offKeys.empty()) {
        const IdIndex resAt = indexById(p.resources);
        std::map<int, std::vector<int>> team; // slot → its people
        for (size_t k = 0; k < p.assignments.size(); ++k) {
            const Assignment& a = p.assignments[k];
            const int row = out.assignmentRow[k], r = resAt.find(a.resource);
            if (row < 0 || r < 0 || a.units <= 0) continue;
            const int t = slotOf[size_t(row)];
            if (summary[size_t(t)] || p.resources[size_t(r)].daysOff.empty()) continue;
            team[t].push_back(r);
        }
        std::map<std::vector<int>, std::pair<size_t, size_t>> lists;
        for (auto& [t, who] : team) {
            std::sort(who.begin(), who.end());
            who.erase(std::unique(who.begin(), who.end()), who.end());
            auto [it, fresh] = lists.try_emplace(who);
            if (fresh) {
                const size_t from = offAt.size();
                for (int r : who)
                    for (Date d : p.resources[size_t(r)].daysOff)
                        if (cal.isWorkingDay(d)) offAt.push_back(cal.instantAt(d));
                std::sort(offAt.begin() + long(from), offAt.end());
                offAt.erase(std::unique(offAt.begin() + long(from), offAt.end()), offAt.end());
                it->second = {from, offAt.size()};
            }
            offFrom[size_t(t)] = it->second.first;
            offTo[size_t(t)] = it->second.second;
        }
    }
}

namespace {
// Of a run of a list that changed (keys[from, oldTo) before, list[from, newTo) now): when the run only
// lost entries or only gained them, for each entry now in it the index of the same entry before, or
// -1 for one added; otherwise (entries changed or both lost and gained) nothing.
template <class Key, class Item, class Same>
std::vector<int> keptInRun(const std::vector<Key>& keys, const std::vector<Item>& list, size_t from, size_t oldTo, size_t newTo, Same same) {
    std::vector<int> was(newTo - from, -1);
    size_t i = from, j = from;
    if (newTo < oldTo) { // every entry now is one before, in order
        for (; j < newTo; ++j, ++i) {
            while (i < oldTo && !same(keys[i], list[j])) ++i;
            if (i == oldTo) return {};
            was[j - from] = int(i);
        }
        return was;
    }
    if (newTo > oldTo) { // every entry before is one now, in order
        for (; i < oldTo; ++i, ++j) {
            while (j < newTo && !same(keys[i], list[j])) ++j;
            if (j == newTo) return {};
            was[j - from] = int(i);
        }
        return was;
    }
    return {};
}
} // namespace

// The rows of ids looked up together, each written where its pointer says (-1: no task has it). The
// rows from `from` to `to` (those an edit changed) and those around them are looked at first: a
// deleted subtree's links come back to its own rows and its neighbours'. What is left is found in one
// pass over the rows' ids against a table of the ids wanted, rather than by hashing every task's id
// (~3 ms at 100k tasks); the index of every task serves when it is built already, or when the ids
// wanted are many.
void Scheduler::Impl::findRows(const std::vector<std::pair<Id, int*>>& wanted, size_t from, size_t to, const LazyIndex<std::vector<Task>>& index) const {
    if (wanted.empty()) return;
    if (index.built() || wanted.size() > n / 32) {
        for (const auto& [id, row] : wanted) *row = index.find(id);
        return;
    }
    IdIndex table(wanted.size()); // id → its first place in `wanted`
    size_t left = 0;
    for (size_t j = 0; j < wanted.size(); ++j)
        if (!wanted[j].first.isNull() && table.insert(wanted[j].first, int(j))) ++left;
    std::vector<int> found(wanted.size(), -1);
    auto look = [&](size_t lo, size_t hi) {
        for (size_t i = lo; i < hi && left > 0; ++i)
            if (const int j = table.find(ids[i]); j >= 0 && found[size_t(j)] < 0) {
                found[size_t(j)] = int(i);
                --left;
            }
    };
    constexpr size_t around = 64;
    const size_t lo = from > around ? from - around : 0, hi = std::min(n, to + around);
    look(lo, hi);
    look(0, lo);
    look(hi, n);
    for (const auto& [id, row] : wanted) {
        const int j = id.isNull() ? -1 : table.find(id);
        *row = j < 0 ? -1 : found[size_t(j)];
    }
}

// After rows were inserted, deleted or moved, or links and assignments added or removed, in a run
// of rows: the rows above and below it keep their slots and values; the run's rows keep theirs when
// their id was in the old run, else take a free slot. Every task whose edges changed (new, moved,
// with another parent or a link added or removed, a parent that gained or lost a child) is marked
// dirty for the passes to start from. False, with nothing carried, when the change is not of that
// kind (another calendar or project start, resources' days off, a run of more than a quarter of the
// plan, a plan not in pre-order, a cycle before).
bool Scheduler::Impl::restructure(const Project& p, const StructureReach& reach) {
    const size_t nOld = n, nNew = p.tasks.size();
    if (!built || !acyclic || !preOrder || !(p.calendar == cal) || p.start != projectStart || nOld == 0 || nNew == 0) return false;
    if (!sameDaysOff(p)) return false;
    if (!offKeys.empty()) { // days off follow the people on each task: those too must be as they were
        if (p.assignments.size() != assignKeys.size()) return false;
        for (size_t i = 0; i < assignKeys.size(); ++i)
            if (p.assignments[i].task != assignKeys[i].first || p.assignments[i].resource != assignKeys[i].second) return false;
    }
    // The run of rows that changed: [a, oldEnd) before, [a, newEnd) now.
    // One pass over the tasks outside the run, which also finds those given another parent.
    // (Rows outside the reach are as they were: not compared.)
    const size_t common = std::min(nOld, nNew);
    std::vector<int> reparented, below; // rows (now) outside the run whose parent changed
    // (The rows past the reach's end are as they were too: the pass stops there even when every row
    // kept its id, as after an indent, rather than comparing ids down to the last row.)
    size_t a = std::min(reach.tasks.head, common);
    const size_t same = common - std::min(reach.tasks.tail, common);
    for (; a < same && ids[a] == p.tasks[a].id; ++a)
        if (p.tasks[a].parent != parentIds[a]) reparented.push_back(int(a));
    size_t tail = std::min(reach.tasks.tail, common - a);
    for (; tail < common - a && ids[nOld - 1 - tail] == p.tasks[nNew - 1 - tail].id; ++tail)
        if (p.tasks[nNew - 1 - tail].parent != parentIds[nOld - 1 - tail]) below.push_back(int(nNew - 1 - tail));
    reparented.insert(reparented.end(), below.rbegin(), below.rend());
    const size_t oldEnd = nOld - tail, newEnd = nNew - tail;
    if ((oldEnd - a) + (newEnd - a) > nNew / 4 + 64) return false;
    if (freeSlots.size() + (oldEnd - a) > nNew / 2 + 1024) return false; // compact: build afresh
    // The old run's ids, to keep the slots of rows that only moved.
    IdIndex wasIn(oldEnd - a);
    for (size_t r = a; r < oldEnd; ++r) wasIn.insert(ids[r], int(r));
    std::vector<int> runSlots(newEnd - a, -1);
    std::vector<char> kept(oldEnd - a, 0);
    for (size_t j = a; j < newEnd; ++j) {
        const int r = wasIn.find(p.tasks[j].id);
        if (r < 0) continue;
        if (kept[size_t(r) - a]) return false; // an id twice: the full build reports what it finds
        kept[size_t(r) - a] = 1;
        runSlots[j - a] = slotOf[size_t(r)];
    }

    // Committed from here.
    restructured = true;
    outlineKept = false;
    dirty.clear();
    freedNow.clear();
    std::vector<int> oldRowSlots(slotOf.begin() + long(a), slotOf.begin() + long(oldEnd)); // for the links' old rows
    for (int& s : runSlots) {
        if (s >= 0) continue;
        while (!freeSlots.empty() && rowAt[size_t(freeSlots.back())] >= 0) freeSlots.pop_back();
        if (!freeSlots.empty()) {
            s = freeSlots.back();
            freeSlots.pop_back();
        } else {
            s = int(slots);
            grow(slots + 1);
        }
        resetSlot(s);
        born[size_t(s)] = 1;
        rowAt[size_t(s)] = 0; // taken (its row is set below)
        makeDirty(s);
    }
    // Slots of the old run's rows not in the new run are freed (after the new rows took theirs from the
    // free list: no task of this run is given a slot a live task still names as its parent).
    for (size_t r = a; r < oldEnd; ++r) {
        if (kept[r - a]) continue;
        const int s = slotOf[r];
        rowAt[size_t(s)] = -1;
        freeSlots.push_back(s);
        freedNow.push_back(s);
        beyondRows.erase(s);
    }
    for (size_t r = a; r < oldEnd; ++r) {
        if (kept[r - a]) continue;
        const int up = parent[size_t(slotOf[r])];
        if (up >= 0 && rowAt[size_t(up)] >= 0) {
            --kids[size_t(up)];
            makeDirty(up);
        }
    }
    // The rows: the run spliced in, the rows below it moved by the difference.
    splice(slotOf, a, oldEnd, newEnd - a, -1);
    splice(ids, a, oldEnd, newEnd - a, Id{});
    splice(parentIds, a, oldEnd, newEnd - a, Id{});
    for (size_t j = a; j < newEnd; ++j) {
        slotOf[j] = runSlots[j - a];
        ids[j] = p.tasks[j].id;
        rowAt[size_t(slotOf[j])] = int(j);
        makeDirty(slotOf[j]);
    }
    if (nNew != nOld)
        for (size_t i = newEnd; i < nNew; ++i) rowAt[size_t(slotOf[i])] = int(i);
    n = nNew;

    // Parents and levels as a full build finds them: the rows' open ancestors on a stack (a parent is
    // one of them in a plan's pre-order), else the parent found by its id, and the level as
    // outlineLevels counts it. A row whose parent changed, and both parents, are dirty.
    const LazyIndex index(p.tasks); // (the rows' ids are the plan's from here)
    auto rowOfId = [&](Id id) { return index.find(id); };
    std::vector<int> levelChanged, open;
    // Rows above the run and above the first row given another parent keep their parents and levels
    // (the plan was in pre-order: a parent is above its children), so the pass starts below them, with
    // the open ancestors of the row above it on the stack. Below the run it stops at the first row
    // none of whose open ancestors changed: every row further down is as it was. Both need subtrees
    // in one piece (`nested`), and no row whose parent id names no task (it might find it now):
    // otherwise the pass goes over every row.
    const bool mayStop = dangling == 0 && nested;
    size_t from = !mayStop ? 0 : std::min(a, reparented.empty() ? a : size_t(reparented.front()));
    if (from > 0) {
        for (int up = slotOf[from - 1]; up >= 0; up = parent[size_t(up)]) open.push_back(up);
        std::reverse(open.begin(), open.end());
    }
    std::vector<char> openChanged(open.size(), 0); // per entry of `open`: its row changed here
    size_t changedOpen = 0;                        // how many of them did
    dangling = 0;
    nested = true;
    size_t nextMoved = 0; // into reparented
    size_t stop = n;      // the row below the last the pass went over
    for (size_t i = from; i < n; ++i) {
        const int s = slotOf[i];
        const int was = parent[size_t(s)];
        const bool wasLive = was >= 0 && rowAt[size_t(was)] >= 0;
        const bool inRun = i >= a && i < newEnd;
        const bool otherParent = nextMoved < reparented.size() && reparented[nextMoved] == int(i);
        if (otherParent) ++nextMoved;
        int now = was;
        if (inRun || otherParent || (!wasLive && !parentIds[i].isNull())) {
            const Id up = p.tasks[i].parent;
            now = -1;
            if (!up.isNull()) {
                for (size_t k = open.size(); k-- > 0;)
                    if (ids[size_t(rowAt[size_t(open[k])])] == up) {
                        now = open[k];
                        break;
                    }
                if (now < 0) {
                    const int r = rowOfId(up);
                    if (r >= 0 && r != int(i)) now = slotOf[size_t(r)];
                }
            }
            if (now != was || !wasLive) {
                if (wasLive) {
                    --kids[size_t(was)];
                    makeDirty(was);
                }
                if (now >= 0) ++kids[size_t(now)];
                makeDirty(now);
                makeDirty(s);
            }
            parent[size_t(s)] = now;
            parentIds[i] = up;
        }
        if (now >= 0 && rowAt[size_t(now)] >= int(i)) preOrder = false;
        if (now < 0 && !parentIds[i].isNull()) ++dangling;
        while (!open.empty() && open.back() != now) {
            changedOpen -= size_t(openChanged.back());
            open.pop_back();
            openChanged.pop_back();
        }
        if (now >= 0 && open.empty()) nested = false;
        const int lv = open.empty() ? 1 : level[size_t(open.back())] + 1;
        const bool changed = inRun || now != was || lv != level[size_t(s)];
        open.push_back(s);
        openChanged.push_back(changed);
        changedOpen += changed;
        if (lv != level[size_t(s)]) {
            level[size_t(s)] = lv;
            levelChanged.push_back(s);
        }
        if (mayStop && changedOpen == 0 && i >= newEnd && nextMoved == reparented.size()) {
            stop = i + 1;
            break;
        }
    }
    hashed = index.built();
    if (!preOrder) return true; // the caller builds afresh
    // The outline's parent rows (outlineRows) for the rows the pass went over, from their levels; the
    // rows below it keep their parents, at rows moved with the rows below the run.
    outlineKept = out.parentRow.size() == nOld;
    if (outlineKept) {
        splice(out.parentRow, a, oldEnd, newEnd - a, -1);
        if (nNew != nOld)
            for (size_t i = stop; i < n; ++i)
                if (int& up = out.parentRow[i]; up >= int(oldEnd)) up += int(nNew) - int(nOld);
        openRows.clear(); // the rows enclosing row `from`: row from − 1 and its parent rows
        for (int r = int(from) - 1; r >= 0; r = out.parentRow[size_t(r)]) openRows.push_back(r);
        std::reverse(openRows.begin(), openRows.end());
        parentRowsOver(out.parentRow, openRows, from, stop, [&](size_t i) { return level[size_t(slotOf[i])]; });
    }
    // A task that became a summary, or stopped being one, finishes at its other node: the edges from
    // its finish (to its link successors and its parent's roll-up) change at both ends.
    for (size_t i = 0, count = dirty.size(); i < count; ++i) {
        const int t = dirty[i];
        const bool isSummary = kids[size_t(t)] > 0;
        if (isSummary == bool(summary[size_t(t)])) continue;
        const size_t was = size_t(finishNode(t));
        if (!born[size_t(t)] && was + 1 < outOff.size())
            for (int k = outOff[was]; k < outOff[was + 1]; ++k) makeDirty(outE[size_t(k)].node() / 2);
        makeDirty(parent[size_t(t)]);
        summary[size_t(t)] = isSummary;
    }

    // Links and assignments: those above and below the run of them that changed keep their ends, at
    // the rows those tasks moved to; those in it are found by id (a few by a scan of the ids, more
    // through the index). The ends of every link added or removed are dirty.
    const long shift = long(nNew) - long(nOld);
    auto rowNow = [&](int r) -> int {
        if (r < 0) return -1;
        if (size_t(r) < a) return r;
        if (size_t(r) >= oldEnd) return int(r + shift);
        return rowAt[size_t(oldRowSlots[size_t(r) - a])];
    };
    // Ends found by id are looked up together, once the lists are spliced (see findRows).
    std::vector<std::pair<Id, int*>> wanted;
    auto findRow = [&](Id id, int& row) {
        row = -1;
        wanted.push_back({id, &row});
    };
    const bool rowsMoved = a != oldEnd || a != newEnd;
    // [from, oldEnd) of `keys` and [from, newEnd) of `list` are the runs that differ.
    auto runOf = [](const auto& keys, const auto& list, ListReach r, auto same, size_t& from, size_t& oldTo, size_t& newTo) {
        const size_t common = std::min(keys.size(), list.size());
        from = std::min(r.head, common);
        while (from < common && same(keys[from], list[from])) ++from;
        size_t t = std::min(r.tail, common - from);
        while (t < common - from && same(keys[keys.size() - 1 - t], list[list.size() - 1 - t])) ++t;
        oldTo = keys.size() - t;
        newTo = list.size() - t;
    };
    size_t la, lOldTo, lNewTo;
    auto sameLink = [](const LinkKey& k, const Link& l) { return sameKeys(k, l); };
    runOf(linkKeys, p.links, reach.links, sameLink, la, lOldTo, lNewTo);
    // Links only removed from the run, or only added to it (deleting tasks with their links, pasting
    // linked rows, and their undos), leave the others in it as they were: those keep their ends. (The
    // run spans from the first link removed to the last, which may be half the plan's links apart.)
    const std::vector<int> linkWas = keptInRun(linkKeys, p.links, la, lOldTo, lNewTo, sameLink);
    std::vector<char> linkKept(lOldTo - la, 0);
    std::vector<int> keptFrom(lNewTo - la, -1), keptTo(lNewTo - la, -1);
    for (size_t j = 0; j < linkWas.size(); ++j)
        if (const int k = linkWas[j]; k >= 0) {
            linkKept[size_t(k) - la] = 1;
            keptFrom[j] = out.linkFrom[size_t(k)];
            keptTo[j] = out.linkTo[size_t(k)];
        }
    for (size_t k = la; k < lOldTo; ++k)
        if (!linkKept[k - la])
            for (int r : {out.linkFrom[k], out.linkTo[k]})
                if (const int now = rowNow(r); now >= 0) makeDirty(slotOf[size_t(now)]);
    std::vector<std::pair<size_t, bool>> looked; // links whose ends are looked up, and whether the link is new
    splice(linkKeys, la, lOldTo, lNewTo - la, LinkKey{});
    splice(out.linkFrom, la, lOldTo, lNewTo - la, -1);
    splice(out.linkTo, la, lOldTo, lNewTo - la, -1);
    // A link's ends, at the rows they moved to (a link kept whose end was missing, an id no task had,
    // may find it now, and gains its edge).
    auto moveEnds = [&](size_t k) {
        int& from = out.linkFrom[k];
        int& to = out.linkTo[k];
        if (from >= 0 && to >= 0) {
            from = rowNow(from);
            to = rowNow(to);
            return;
        }
        const Link& l = p.links[k];
        if (from < 0) findRow(l.predecessor, from);
        else from = rowNow(from);
        if (to < 0) findRow(l.successor, to);
        else to = rowNow(to);
        looked.push_back({k, false});
    };
    // Outside the run of links: ends both below the run of rows move by its difference, both above
    // stay; only the others take the general way. (A tight pass over the two lists of rows: nearly
    // every link of a big plan is one of the first two kinds.)
    const size_t links = p.links.size();
    auto carry = [&](size_t k0, size_t k1) {
        if (!rowsMoved) return;
        int* const from = out.linkFrom.data();
        int* const to = out.linkTo.data();
        const int above = int(a), below = int(oldEnd), by = int(shift);
        for (size_t k = k0; k < k1; ++k) {
            if (from[k] >= below && to[k] >= below) {
                from[k] += by;
                to[k] += by;
            } else if (!(from[k] >= 0 && from[k] < above && to[k] >= 0 && to[k] < above)) {
                moveEnds(k);
            }
        }
    };
    carry(0, std::min(la, links));
    for (size_t k = la; k < lNewTo; ++k) {
        const Link& l = p.links[k];
        linkKeys[k] = {l.predecessor, l.successor, l.type, l.lag};
        if (!linkWas.empty() && linkWas[k - la] >= 0) { // kept: its ends as before, moved with their rows below
            out.linkFrom[k] = keptFrom[k - la];
            out.linkTo[k] = keptTo[k - la];
            if (rowsMoved) moveEnds(k);
        } else {
            findRow(l.predecessor, out.linkFrom[k]);
            findRow(l.successor, out.linkTo[k]);
            looked.push_back({k, true});
        }
    }
    carry(std::max(lNewTo, la), links);
    size_t xa, xOldTo, xNewTo;
    auto sameAssignment = [](const std::pair<Id, Id>& k, const Assignment& x) { return sameKeys(k, x); };
    runOf(assignKeys, p.assignments, reach.assignments, sameAssignment, xa, xOldTo, xNewTo);
    const std::vector<int> assignmentWas = keptInRun(assignKeys, p.assignments, xa, xOldTo, xNewTo, sameAssignment); // (as links')
    std::vector<int> keptRow(assignmentWas.size(), -1);
    for (size_t j = 0; j < assignmentWas.size(); ++j)
        if (assignmentWas[j] >= 0) keptRow[j] = out.assignmentRow[size_t(assignmentWas[j])];
    splice(assignKeys, xa, xOldTo, xNewTo - xa, std::pair<Id, Id>{});
    splice(out.assignmentRow, xa, xOldTo, xNewTo - xa, -1);
    for (size_t k = 0; k < p.assignments.size(); ++k) {
        const Assignment& x = p.assignments[k];
        int& row = out.assignmentRow[k];
        if (k >= xa && k < xNewTo) {
            assignKeys[k] = {x.task, x.resource};
            if (assignmentWas.empty() || assignmentWas[k - xa] < 0) {
                findRow(x.task, row);
                continue;
            }
            row = keptRow[k - xa]; // kept: its row as before, moved with the rows below (as a link's ends)
        }
        if (!rowsMoved) continue;
        if (row < 0) findRow(x.task, row);
        else row = rowNow(row);
    }
    findRows(wanted, std::min(a, oldEnd), std::max(newEnd, oldEnd), index);
    // A new link's ends are dirty; so are those of a link kept whose missing end is found now (it gains
    // its edge).
    for (const auto& [k, isNew] : looked) {
        const int from = out.linkFrom[k], to = out.linkTo[k];
        if (!isNew && (from < 0 || to < 0)) continue;
        for (int r : {from, to})
            if (r >= 0) makeDirty(slotOf[size_t(r)]);
    }

    graph(p, true);
    // (The run's rows leave the span; their new rows, all dirty, enter it when they are written. Until
    // then they hold a date no row has, which leaves nothing.)
    for (size_t r = a; r < oldEnd; ++r) spanLeave(out.tasks[r]);
    out.spliceAt = a;
    out.spliceRemoved = oldEnd - a;
    out.spliceAdded = newEnd - a;
    TaskSchedule unwritten;
    unwritten.startDate = unwritten.finishDate = Date{INT32_MIN};
    splice(out.tasks, a, oldEnd, newEnd - a, unwritten);
    hashed = index.built();
    for (int s : levelChanged) markOutput(s);
    return true;
}

void Scheduler::Impl::readInputs(const Project& p, bool collectSeeds) {
    seeds.clear();
    const int64_t start = cal.instantAt(p.start);
    for (size_t i = 0; i < n; ++i) readRow(p, i, collectSeeds, start);
}

// Only the inputs of the rows a structural edit touched (slots `of`), the others being as they were.
void Scheduler::Impl::readInputsOf(const Project& p, const std::vector<int>& of) {
    seeds.clear();
    const int64_t start = cal.instantAt(p.start);
    for (const int s : of)
        if (rowAt[size_t(s)] >= 0) readRow(p, size_t(rowAt[size_t(s)]), false, start);
}

void Scheduler::Impl::readRow(const Project& p, size_t i, bool collectSeeds, int64_t start) {
    const Task& t = p.tasks[i];
    const size_t s = size_t(slotOf[i]);
    const bool dated = t.constraintDate.has_value();
    const bool leaf = !summary[s];
    const int64_t in = t.constraint == Constraint::SNET && dated ? cal.instantAt(*t.constraintDate) : start;
    const int64_t d = t.milestone ? 0 : std::max<int64_t>(0, t.duration);
    const int64_t ps = leaf && t.actualStart ? cal.instantAt(*t.actualStart) : kNone;
    const int64_t pf = leaf && t.actualFinish ? cal.endOfDay(*t.actualFinish) : kNone;
    const int64_t ms = leaf && t.constraint == Constraint::MSO && dated ? cal.instantAt(*t.constraintDate) : kNone;
    const int64_t fn = t.constraint == Constraint::FNLT && dated ? cal.endOfDay(*t.constraintDate) : kNone;
    const int64_t dl = t.deadline ? cal.endOfDay(*t.deadline) : kNone;
    const int pc = t.actualFinish ? 100 : t.percentComplete;
    if (collectSeeds && !seeded[s] &&
        (in != init[s] || d != dur[s] || ps != pinStart[s] || pf != pinFinish[s] || ms != mso[s] || fn != fnlt[s] ||
         dl != deadline[s] || pc != done[s]))
        seeds.push_back(int(s));
    done[s] = pc;
    init[s] = in;
    dur[s] = d;
    pinStart[s] = ps;
    pinFinish[s] = pf;
    mso[s] = ms;
    fnlt[s] = fn;
    deadline[s] = dl;
}

int64_t Scheduler::Impl::source(const Edge& e) const {
    const size_t v = size_t(e.node()), u = v / 2;
    if (v & 1) return e.fromStart() ? es[u] : ef[u];
    if (summary[u]) return bound[u];
    return e.fromStart() ? es[u] : ef[u];
}

// The finish of task t starting at `start`, stretched over its resources' days off; a start that
// falls on a day off moves to the next day when mayShift.
int64_t Scheduler::Impl::finishFrom(size_t t, int64_t& start, bool mayShift) const {
    int64_t f = start + dur[t];
    const int64_t mpd = cal.minutesPerDay;
    // Days off that end before the start do not matter: start from the first that does.
    const auto first = std::upper_bound(offAt.begin() + long(offFrom[t]), offAt.begin() + long(offTo[t]), start - mpd);
    for (size_t k = size_t(first - offAt.begin()); k < offTo[t]; ++k) {
        const int64_t o = offAt[k];
        if (o + mpd <= start) continue;
        if (o <= start) {
            if (mayShift) {
                start = o + mpd;
                f = start + dur[t];
            }
            continue;
        }
        if (o < f) f += mpd;
        else break;
    }
    return f;
}

// Recomputes node v from its in-edges; true when anything its successors read has changed.
bool Scheduler::Impl::recompute(int v) {
    ++touched;
    const size_t t = size_t(v) / 2;
    if (v & 1) { // a summary's roll-up
        if (!summary[t]) return false;
        int64_t a = INT64_MAX, b = INT64_MIN;
        for (int k = inOff[size_t(v)]; k < inOff[size_t(v) + 1]; ++k) {
            const size_t ct = size_t(inE[size_t(k)].node()) / 2;
            a = std::min(a, es[ct]);
            b = std::max(b, ef[ct]);
        }
        if (a == INT64_MAX) a = b = bound[t];
        uint8_t fl = 0;
        if (fnlt[t] != kNone && b > fnlt[t]) fl |= kConstraintMissed;
        if (deadline[t] != kNone && b > deadline[t]) fl |= kDeadlineMissed;
        flags[t] = fl;
        const bool changed = a != es[t] || b != ef[t];
        es[t] = a;
        ef[t] = b;
        return changed;
    }
    int64_t b = init[t];
    char e = 0;
    for (int k = inOff[size_t(v)]; k < inOff[size_t(v) + 1]; ++k) {
        const Edge& in = inE[size_t(k)];
        int64_t value = source(in) + in.lag;
        if (in.toFinish() && !summary[t]) value -= dur[t];
        const bool byFinish = !in.fromStart() && in.lag == 0;
        if (value > b) {
            b = value;
            e = byFinish;
        } else if (value == b && byFinish) e = 1;
    }
    if (summary[t]) {
        const bool changed = b != bound[t];
        bound[t] = b;
        return changed;
    }
    uint8_t fl = 0;
    int64_t s = b;
    if (pinStart[t] != kNone) s = pinStart[t];
    else if (mso[t] != kNone) {
        s = mso[t];
        if (b > s) fl |= kLinkConflict;
    }
    if (s != b) e = 0;
    int64_t f = finishFrom(t, s, s == b);
    if (pinFinish[t] != kNone) f = std::max(s, pinFinish[t]);
    if (fnlt[t] != kNone && f > fnlt[t]) fl |= kConstraintMissed;
    if (deadline[t] != kNone && f > deadline[t]) fl |= kDeadlineMissed;
    flags[t] = fl;
    bound[t] = b;
    const bool changed = s != es[t] || f != ef[t] || e != eod[t];
    es[t] = s;
    ef[t] = f;
    eod[t] = e;
    return changed;
}

void Scheduler::Impl::forwardAll() {
    for (size_t t = 0; t < slots; ++t) { // tasks caught in a cycle keep these
        bound[t] = es[t] = init[t];
        ef[t] = init[t] + dur[t];
        eod[t] = 0;
        flags[t] = 0;
    }
    for (int v : order) recompute(v);
}

// Recomputes the seeds and whatever their changes reach, in topological order.
void Scheduler::Impl::forwardFrom() {
    auto later = [](int a, int b) { return a > b; };
    auto push = [&](int v) {
        if (queued[size_t(v)]) return;
        queued[size_t(v)] = 1;
        heap.push_back(pos[size_t(v)]);
        std::push_heap(heap.begin(), heap.end(), later);
    };
    heap.clear();
    moved.clear();
    for (int t : seeds) {
        push(2 * t);
        if (summary[size_t(t)]) push(2 * t + 1);
        moved.push_back(t);
    }
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const int v = order[size_t(heap.back())];
        heap.pop_back();
        queued[size_t(v)] = 0;
        const int t = v / 2;
        markOutput(t); // flags and the link-allowed start may change while the dates do not
        if (!recompute(v)) continue;
        moved.push_back(t);
        for (int k = outOff[size_t(v)]; k < outOff[size_t(v) + 1]; ++k) push(outE[size_t(k)].node());
    }
}

// Node v's bounds from its out-edges, and its task's late values from them; true when anything the
// nodes before it read (their in-edges' sources) has changed.
bool Scheduler::Impl::recomputeBack(int v) {
    const bool rollNode = v & 1;
    const size_t t = size_t(v) / 2;
    if (rollNode && !summary[t]) return false;
    ++touchedBack;
    int64_t nlf = INT64_MAX, nlsb = INT64_MAX, nfree = INT64_MAX;
    for (int j = outOff[size_t(v)]; j < outOff[size_t(v) + 1]; ++j) {
        const Edge& e = outE[size_t(j)];
        const size_t w = size_t(e.node()) / 2;
        if (e.node() & 1) { // child → parent's roll-up: finish within the parent
            nlf = std::min(nlf, lf[w]);
            continue;
        }
        const int64_t dw = e.toFinish() && !summary[w] ? ef[w] - es[w] : 0;
        const int64_t bnd = ls[w] - e.lag + dw;
        const int64_t slack = es[w] + dw - ((e.fromStart() ? es[t] : ef[t]) + e.lag);
        if (e.fromStart()) nlsb = std::min(nlsb, bnd);
        else nlf = std::min(nlf, bnd);
        if (!(parent[w] == int(t) && !rollNode)) nfree = std::min(nfree, slack); // links only
    }
    nodeLf[size_t(v)] = nlf;
    nodeLsBound[size_t(v)] = nlsb;
    nodeFree[size_t(v)] = nfree;
    auto capped = [&](int64_t f) {
        f = std::min(f, projectFinish);
        if (fnlt[t] != kNone) f = std::min(f, fnlt[t]);
        if (deadline[t] != kNone) f = std::min(f, deadline[t]);
        return f;
    };
    if (summary[t]) {
        if (rollNode) { // its finish: read by its children, and by its start node
            const int64_t f = capped(nlf);
            const bool changed = f != lf[t];
            lf[t] = f;
            return changed;
        }
        const int64_t l = std::min({nlsb, nodeLsBound[2 * t + 1], nlf, lf[t]});
        freeSlack[t] = std::min(nfree, nodeFree[2 * t + 1]);
        const bool changed = l != ls[t];
        ls[t] = l;
        return changed;
    }
    const int64_t span = ef[t] - es[t];
    int64_t f = capped(nlf);
    if (nlsb != INT64_MAX) f = std::min(f, nlsb + span);
    int64_t l = f - span;
    if (mso[t] != kNone && pinStart[t] == kNone && l > mso[t]) {
        l = mso[t];
        f = l + span;
    }
    freeSlack[t] = nfree;
    const bool changed = l != ls[t] || f != lf[t];
    ls[t] = l;
    lf[t] = f;
    return changed;
}

int64_t Scheduler::Impl::finishOfAll() const {
    int64_t f = INT64_MIN;
    for (size_t i = 0; i < n; ++i) {
        const size_t s = size_t(slotOf[i]);
        f = std::max(f, std::max(ef[s], es[s]));
    }
    return f;
}

void Scheduler::Impl::backwardAll(int64_t finish) {
    everyRow = true; // every task's late values may have changed: output rewrites every row
    projectFinish = finish;
    for (size_t k = order.size(); k-- > 0;) recomputeBack(order[k]);
}

// After an incremental forward pass: recomputes the tasks that moved, the nodes that read their
// dates (their in-edges' sources), and whatever their changes reach, in reverse topological order.
// A move of the project's finish changes every late date: then all of them.
void Scheduler::Impl::backwardFrom() {
    if (const int64_t finish = finishOfAll(); finish != projectFinish) return backwardAll(finish);
    auto earlier = [](int a, int b) { return a < b; };
    auto push = [&](int v) {
        if (queued[size_t(v)]) return;
        queued[size_t(v)] = 1;
        heap.push_back(pos[size_t(v)]);
        std::push_heap(heap.begin(), heap.end(), earlier);
    };
    auto pushSources = [&](int v) {
        for (int k = inOff[size_t(v)]; k < inOff[size_t(v) + 1]; ++k) push(inE[size_t(k)].node());
    };
    heap.clear();
    for (int t : moved) {
        push(2 * t);
        pushSources(2 * t);
        if (summary[size_t(t)]) {
            push(2 * t + 1);
            pushSources(2 * t + 1);
        }
    }
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), earlier);
        const int v = order[size_t(heap.back())];
        heap.pop_back();
        queued[size_t(v)] = 0;
        const int t = v / 2;
        markOutput(t);
        const bool changed = recomputeBack(v);
        if (v & 1) push(2 * t); // its start node combines the bounds of both (its late finish, SS links' bounds, slack)
        if (changed) pushSources(v);
    }
}

// Percent complete rolls up duration-weighted: each leaf's duration (a day at least) and its share
// done, summed up the outline.
void Scheduler::Impl::sumWeights() {
    for (size_t i = n; i-- > 0;) {
        const size_t s = size_t(slotOf[i]);
        weight[s] = weightDone[s] = 0;
    }
    for (size_t i = n; i-- > 0;) {
        const size_t s = size_t(slotOf[i]);
        if (!summary[s]) {
            weight[s] += std::max<int64_t>(dur[s], 1);
            weightDone[s] += std::max<int64_t>(dur[s], 1) * done[s];
        }
        if (parent[s] >= 0) {
            weight[size_t(parent[s])] += weight[s];
            weightDone[size_t(parent[s])] += weightDone[s];
        }
    }
}

// Plans live between 1900 and 2999 (the dates every reader accepts): a chain of long tasks or lags on
// a short working day that runs past it is an error naming the task, and its instants are held at
// the edge, so no date overflows and no report walks millions of days.
void Scheduler::Impl::outputRow(size_t row, bool fresh) {
    TaskSchedule& ts = out.tasks[row];
    const size_t i = size_t(slotOf[row]);
    const int mpd = cal.minutesPerDay;
    const int64_t lo = plannable[0], hi = plannable[1];
    int beyond = -1; // 1: past 2999, 0: before 1900 (the last of the row's values held decides)
    auto held = [&](int64_t at) {
        if (at >= lo && at <= hi) return at;
        beyond = at > hi;
        return std::clamp(at, lo, hi);
    };
    auto workday = [&](int64_t index) {
        Day& d = days[size_t(index) & 1023];
        if (d.index != index) d = {index, cal.workday(index)};
        return d.date;
    };
    auto dateOf = [&](int64_t at) { return workday(floorDiv(at, mpd)); };
    auto finishDateOf = [&](int64_t at) { return workday(floorDiv(at - 1, mpd)); };
    const int64_t start = held(es[i]), finish = held(std::max(ef[i], es[i]));
    const int64_t lateStart = acyclic ? held(ls[i]) : start, lateFinish = acyclic ? held(std::max(lf[i], ls[i])) : finish;
    if (start != ts.start || finish != ts.finish || eod[i] != shownEod[i] || fresh) {
        spanLeave(ts);
        ts.start = start;
        ts.finish = finish;
        shownEod[i] = eod[i];
        if (finish == start) {
            ts.startDate = ts.finishDate = eod[i] && start > 0 && start % mpd == 0 ? finishDateOf(start) : dateOf(start);
        } else {
            ts.startDate = dateOf(start);
            ts.finishDate = finishDateOf(finish);
        }
        spanEnter(ts);
    }
    if (lateStart != ts.lateStart || lateFinish != ts.lateFinish || fresh) {
        ts.lateStart = lateStart;
        ts.lateFinish = lateFinish;
        ts.lateStartDate = dateOf(lateStart);
        ts.lateFinishDate = lateFinish == lateStart ? ts.lateStartDate : finishDateOf(lateFinish);
    }
    ts.totalFloat = acyclic ? lateStart - start : 0;
    ts.freeFloat = acyclic ? std::min(ts.totalFloat, freeSlack[i] == INT64_MAX ? ts.totalFloat : std::max<int64_t>(0, freeSlack[i])) : 0;
    ts.critical = acyclic && ts.totalFloat <= 0;
    ts.flags = flags[i];
    ts.linkStart = bound[i];
    ts.percentComplete = summary[i] ? (weight[i] ? int((weightDone[i] + weight[i] / 2) / weight[i]) : 0) : done[i];
    ts.level = level[i];
    ts.summary = summary[i];
    if (beyond >= 0) beyondRows[int(i)] = beyond == 1;
    else if (!beyondRows.empty()) beyondRows.erase(int(i));
}

void Scheduler::Impl::outlineRows() {
    parentRowsFromLevels(out.parentRow, openRows, n, [&](size_t i) { return level[size_t(slotOf[i])]; });
}

void Scheduler::Impl::output(const Project& p, bool all) {
    Schedule& s = out;
    s.error = acyclic ? std::string() : cycleError;
    s.cycle = acyclic ? std::vector<Id>() : cycleIds;
    plannable[0] = cal.instantAt(Date::fromYmd(1900, 1, 1));
    plannable[1] = cal.instantAt(Date::fromYmd(3000, 1, 1));
    // After a fresh build, or when every late date changed, every row is rewritten (and the roll-ups
    // summed afresh); else only the rows the run touched, and after rows were inserted, deleted or
    // moved the new rows and those whose edges changed too.
    const bool every = all || everyRow || !preOrder;
    if (every) {
        span.known = false; // (counted again below)
        sumWeights();
        beyondRows.clear();
        for (size_t i = n; i-- > 0;) outputRow(i, all || seeded[size_t(slotOf[i])]);
        for (int t : outRows) outQueued[size_t(t)] = 0;
    } else if (restructured) {
        // The outline changed: each task the edit touched and every summary above it is rewritten, its
        // roll-up summed again from its children (theirs first: the rows from the bottom up).
        for (int t : seeds) { // (the dirty tasks among them)
            markOutput(t);
            for (int up = parent[size_t(t)]; up >= 0; up = parent[size_t(up)]) markOutput(up);
        }
        std::sort(outRows.begin(), outRows.end(), [&](int x, int y) { return rowAt[size_t(x)] > rowAt[size_t(y)]; });
        for (int t : outRows) {
            const size_t u = size_t(t);
            if (!summary[u]) {
                weight[u] = std::max<int64_t>(dur[u], 1);
                weightDone[u] = weight[u] * done[u];
                continue;
            }
            weight[u] = weightDone[u] = 0;
            for (int k = inOff[2 * u + 1]; k < inOff[2 * u + 2]; ++k) { // its children's finishes
                const size_t c = size_t(inE[size_t(k)].node()) / 2;
                weight[u] += weight[c];
                weightDone[u] += weightDone[c];
            }
        }
        for (int t : outRows) {
            outQueued[size_t(t)] = 0;
            outputRow(size_t(rowAt[size_t(t)]), seeded[size_t(t)]);
        }
    } else {
        // A leaf whose duration or share done changed passes the difference up to its summaries.
        for (int t : seeds) {
            if (summary[size_t(t)]) continue;
            const int64_t w = std::max<int64_t>(dur[size_t(t)], 1), dW = w - weight[size_t(t)], dD = w * done[size_t(t)] - weightDone[size_t(t)];
            if (!dW && !dD) continue;
            for (int a = t; a >= 0; a = parent[size_t(a)]) {
                weight[size_t(a)] += dW;
                weightDone[size_t(a)] += dD;
                markOutput(a);
            }
        }
        for (int t : outRows) {
            outQueued[size_t(t)] = 0;
            outputRow(size_t(rowAt[size_t(t)]), false);
        }
    }
    const bool whole = every || restructured;
    if (all || (restructured && !outlineKept) || s.parentRow.size() != n) outlineRows();
    ++s.run;
    s.whole = whole;
    s.spliced = restructured && !every;
    if (!s.spliced) s.spliceAt = s.spliceRemoved = s.spliceAdded = 0;
    s.rewritten.clear();
    if (!every) {
        s.rewritten.reserve(outRows.size());
        for (int t : outRows) s.rewritten.push_back(rowAt[size_t(t)]);
    }
    outRows.clear();
    everyRow = false;
    if (!beyondRows.empty() && s.error.empty()) {
        int first = INT32_MAX;
        bool after = false;
        for (const auto& [t, past] : beyondRows)
            if (rowAt[size_t(t)] >= 0 && rowAt[size_t(t)] < first) {
                first = rowAt[size_t(t)];
                after = past;
            }
        if (first != INT32_MAX)
            s.error = fmt(after ? tr("Task {0} \u201c{1}\u201d would end after 2999: its duration, lags or links take the plan past the dates Plotline plans in")
                                : tr("Task {0} \u201c{1}\u201d would start before 1900: its duration, lags or links take the plan past the dates Plotline plans in"),
                          std::to_string(first + 1), p.tasks[size_t(first)].name);
    }
    if (!n) {
        s.start = s.finish = p.start;
        span.known = false;
    } else if (!span.known) {
        s.start = s.tasks[0].startDate;
        s.finish = s.tasks[0].finishDate;
        span = {true, 0, 0};
        for (const TaskSchedule& ts : s.tasks) {
            if (ts.startDate < s.start) s.start = ts.startDate, span.starts = 0;
            span.starts += ts.startDate == s.start;
            if (ts.finishDate > s.finish) s.finish = ts.finishDate, span.finishes = 0;
            span.finishes += ts.finishDate == s.finish;
        }
    }
}

Scheduler::Scheduler() : impl_(std::make_unique<Impl>()) {}
Scheduler::~Scheduler() = default;

const Schedule& Scheduler::run(const Project& p, bool inputsKept, const StructureReach* given) {
    Impl& m = *impl_;
    const StructureReach reach = given ? *given : StructureReach{};
    m.step = 0; // (a run in steps left half-way has built = false: this one builds afresh)
    m.touched = m.touchedBack = m.sorted = 0;
    m.hashed = false;
    m.restructured = false;
    const bool same = m.sameStructure(p, reach) && m.acyclic;
    if (same) {
        m.incremental = true;
        m.readInputs(p, true);
        m.forwardFrom();
        m.backwardFrom();
        m.output(p, false);
    } else if (m.restructure(p, reach) && m.preOrder && m.acyclic) {
        // Rows or links changed in one run of the plan: values carried, passes from what changed.
        m.incremental = true;
        if (inputsKept) m.readInputsOf(p, m.dirty);
        else m.readInputs(p, true);
        for (int t : m.dirty) m.seeds.push_back(t);
        m.forwardFrom();
        for (int t : m.dirty) m.moved.push_back(t);
        m.backwardFrom();
        m.output(p, false);
    } else {
        for (int part = 0; !m.fullRunPart(part, p); ++part) {}
    }
    m.finishRun();
    return m.out;
}

// A run that builds afresh, in the parts runInSteps spreads over calls: true after the last.
bool Scheduler::Impl::fullRunPart(int part, const Project& p) {
    switch (part) {
        case 0:
            startFullRun();
            buildKeys(p);
            return false;
        case 1: buildLinkRows(p); return false;
        case 2: buildSlots(p); return false;
        case 3: graph(p, false); return false;
        case 4:
            startOutput();
            readInputs(p, false);
            return false;
        case 5: forwardAll(); return false;
        case 6:
            if (acyclic) backwardAll(finishOfAll());
            return false;
        default: output(p, true); return true;
    }
}

void Scheduler::Impl::startFullRun() {
    finishRun(); // (what a run left dirty)
    restructured = false;
    incremental = false;
}

void Scheduler::Impl::finishRun() {
    for (int t : dirty) seeded[size_t(t)] = 0;
    dirty.clear();
}

const Schedule* Scheduler::runInSteps(const Project& p, bool restart) {
    Impl& m = *impl_;
    if (restart) m.step = 0;
    if (m.step == 0) {
        m.touched = m.touchedBack = m.sorted = 0;
        m.hashed = false;
    }
    const bool last = m.fullRunPart(m.step, p);
    m.built = last; // until the last part the state is half made: a run() meanwhile builds afresh
    if (!last) {
        ++m.step;
        return nullptr;
    }
    m.finishRun();
    m.step = 0;
    return &m.out;
}

size_t Scheduler::lastTouched() const { return impl_->touched; }
const std::vector<Id>& Scheduler::rowIds() const { return impl_->ids; }
size_t Scheduler::lastTouchedBackward() const { return impl_->touchedBack; }
size_t Scheduler::lastSorted() const { return impl_->sorted; }
bool Scheduler::lastWasIncremental() const { return impl_->incremental; }
bool Scheduler::lastHashed() const { return impl_->hashed; }

Schedule schedule(const Project& p) {
    Scheduler s;
    return s.run(p);
}

std::string scheduleWarning(const Project& p, const Schedule& s, size_t i) {
    if (i >= s.tasks.size() || i >= p.tasks.size()) return {};
    const TaskSchedule& ts = s.tasks[i];
    const Task& t = p.tasks[i];
    const Calendar& cal = p.calendar;
    const int mpd = cal.minutesPerDay;
    std::string w;
    auto add = [&](const std::string& line) { w += (w.empty() ? "" : " ") + line; };
    if ((ts.flags & kLinkConflict) && t.constraintDate)
        add(fmt(tr("Must start on {0}, but its links need {1} ({2} later)."), formatDate(*t.constraintDate), cal.startText(ts.linkStart),
                formatDuration(ts.linkStart - ts.start, mpd)));
    if ((ts.flags & kConstraintMissed) && t.constraintDate)
        add(fmt(tr("Finishes {0}, {1} after its \"finish no later than\" date {2}."), cal.finishText(ts.finish),
                formatDuration(ts.finish - cal.endOfDay(*t.constraintDate), mpd), formatDate(*t.constraintDate)));
    if ((ts.flags & kDeadlineMissed) && t.deadline)
        add(fmt(tr("Misses its deadline {0} by {1}."), formatDate(*t.deadline), formatDuration(ts.finish - cal.endOfDay(*t.deadline), mpd)));
    return w;
}

BarSpan barSpan(const Calendar& cal, const TaskSchedule& ts) {
    const int mpd = cal.minutesPerDay;
    const double startFrac = double(((ts.start % mpd) + mpd) % mpd) / mpd;
    if (ts.finish == ts.start) {
        const bool atDayEnd = cal.dateOf(ts.start) != ts.startDate;
        const double at = atDayEnd ? ts.startDate.days + 1.0 : ts.startDate.days + startFrac;
        return {at, at};
    }
    const double endFrac = double((((ts.finish - 1) % mpd) + mpd) % mpd + 1) / mpd;
    return {ts.startDate.days + startFrac, ts.finishDate.days + endFrac};
}

} // namespace plotline
