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

struct LinkKey {
    Id a, b;
    LinkType type;
    int64_t lag;
};

} // namespace

// The graph: node t is task t's start (for a leaf, the whole task); node n + t is summary t's roll-up.
// Edges: parent start → child start (children start within the parent), child finish → parent
// roll-up, and one edge per link from the predecessor's finish node (its roll-up if a summary).
struct Scheduler::Impl {
    // What the graph was built from; any difference rebuilds it.
    bool built = false;
    std::vector<Id> ids, parentIds;
    std::vector<LinkKey> linkKeys;
    std::vector<std::pair<Id, Id>> assignKeys; // task, resource
    std::vector<std::pair<Id, std::vector<Date>>> offKeys;
    Calendar cal;
    Date projectStart;

    size_t n = 0;
    std::vector<int> parent, level;
    std::vector<char> summary;
    std::vector<int> outOff, inOff;
    std::vector<Edge> outE, inE;
    std::vector<int> order, pos; // topological order of the nodes that have one
    bool acyclic = true;
    std::string cycleError;
    std::vector<Id> cycleIds;
    std::vector<size_t> offFrom, offTo; // per task: its team's days off, offAt[offFrom[t] .. offTo[t])
    std::vector<int64_t> offAt;         // day-start instants, sorted within each team's run

    // Inputs per task (kNone when absent).
    std::vector<int64_t> init, dur, pinStart, pinFinish, mso, fnlt, deadline;
    // Forward values.
    std::vector<int64_t> bound, es, ef;
    std::vector<char> eod; // a zero-length task driven by a finish shows at the end of that day
    std::vector<uint8_t> flags;
    // Backward values: each node's own bounds from its out-edges (a summary's two nodes each hold
    // part of its bounds), and each task's late start and finish and free slack made from them.
    std::vector<int64_t> nodeLf, nodeLsBound, nodeFree; // per node
    std::vector<int64_t> ls, lf, freeSlack;             // per task
    int64_t projectFinish = INT64_MIN;
    std::vector<int64_t> weight, weightDone; // percent complete roll-up: duration, and duration × percent
    std::vector<int> done;                   // each task's own percent complete
    // Work lists.
    std::vector<int> heap;
    std::vector<char> queued;
    std::vector<int> seeds;
    std::vector<int> moved;   // tasks whose forward values a run changed (start or finish moved)
    std::vector<int> outRows; // tasks whose output an incremental run rewrites
    std::vector<char> outQueued;

    Schedule out;
    std::vector<char> shownEod;
    std::map<int, bool> beyondRows; // tasks held at the edge of the plannable dates (true: past 2999); an error names the first
    bool everyRow = false;          // the run recomputed every task's late values
    int64_t plannable[2] = {0, 0};  // the instants of 1900-01-01 and 3000-01-01 on the calendar
    bool preOrder = true;           // every parent above its children (percent roll-ups can follow a change up)
    // Dates of instants through a small cache of working days: a plan's tasks share their days, and
    // the calendar's lookup (binary searches over holidays) was a fifth of a full run.
    struct Day { int64_t index = INT64_MIN; Date date; };
    std::vector<Day> days = std::vector<Day>(1024);
    size_t touched = 0, touchedBack = 0;
    bool incremental = false;
    bool hashed = false;

    bool sameStructure(const Project& p) const;
    void build(const Project& p);
    void readInputs(const Project& p, bool collectSeeds);
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
    void outputRow(size_t i, bool fresh);
    void output(const Project& p, bool all);
};

bool Scheduler::Impl::sameStructure(const Project& p) const {
    if (!built || p.tasks.size() != ids.size() || p.links.size() != linkKeys.size() || !(p.calendar == cal) ||
        p.start != projectStart || p.assignments.size() != assignKeys.size())
        return false;
    for (size_t i = 0; i < ids.size(); ++i)
        if (p.tasks[i].id != ids[i] || p.tasks[i].parent != parentIds[i]) return false;
    for (size_t i = 0; i < linkKeys.size(); ++i) {
        const Link& l = p.links[i];
        const LinkKey& k = linkKeys[i];
        if (l.predecessor != k.a || l.successor != k.b || l.type != k.type || l.lag != k.lag) return false;
    }
    for (size_t i = 0; i < assignKeys.size(); ++i)
        if (p.assignments[i].task != assignKeys[i].first || p.assignments[i].resource != assignKeys[i].second) return false;
    size_t k = 0;
    for (const Resource& r : p.resources) {
        if (r.daysOff.empty()) continue;
        if (k >= offKeys.size() || offKeys[k].first != r.id || offKeys[k].second != r.daysOff) return false;
        ++k;
    }
    return k == offKeys.size();
}

void Scheduler::Impl::build(const Project& p) {
    // What the previous build found, to find rows again without hashing (below).
    std::vector<Id> idsBefore = std::move(ids);
    std::vector<LinkKey> linksBefore = std::move(linkKeys);
    std::vector<std::pair<Id, Id>> assignBefore = std::move(assignKeys);
    std::vector<int> fromBefore = std::move(out.linkFrom), toBefore = std::move(out.linkTo), rowBefore = std::move(out.assignmentRow);
    n = p.tasks.size();
    const size_t nodes = 2 * n;
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

    // The row of an id. An edit that inserts, removes or moves a run of rows leaves the rows above it
    // where they were and moves those below by the same count: the row an id had in the previous
    // build, so moved, is tried first and taken when the task there has that id (ids are unique: the
    // readers refuse a file that repeats one). Only what is not found so goes to an index of every
    // task, built on first need, so the rebuild after an insert or a delete hashes nothing.
    size_t above = 0; // rows before the first that changed
    while (above < std::min(idsBefore.size(), n) && idsBefore[above] == ids[above]) ++above;
    const long shift = long(n) - long(idsBefore.size());
    std::optional<IdIndex> index;
    auto rowOf = [&](Id id, int before) -> int {
        if (before >= 0) {
            const long moved = size_t(before) < above ? before : before + shift;
            if (moved >= 0 && size_t(moved) < n && ids[size_t(moved)] == id) return int(moved);
            if (size_t(before) < n && ids[size_t(before)] == id) return before;
        }
        if (!index) {
            hashed = true;
            index.emplace(n);
            for (size_t i = 0; i < n; ++i) index->insert(ids[i], int(i));
        }
        return index->find(id);
    };
    // Where record k of a list was in the previous build's list (the same, or as far from the end),
    // when it joins the same ids; else -1.
    auto wasAt = [](size_t k, size_t count, const auto& before, auto same) -> long {
        if (k < before.size() && same(before[k])) return long(k);
        const long j = long(k) + long(before.size()) - long(count);
        return j >= 0 && size_t(j) < before.size() && same(before[size_t(j)]) ? j : -1;
    };
    offKeys.clear();
    for (const Resource& r : p.resources)
        if (!r.daysOff.empty()) offKeys.push_back({r.id, r.daysOff});

    level = outlineLevels(p);
    // Parents from the rows above: in a plan's pre-order a parent is an open ancestor, found on a
    // stack without hashing; a file in another order falls back to the index.
    summary.assign(n, 0);
    parent.assign(n, -1);
    std::vector<int> open; // rows of the current row's ancestors
    for (size_t i = 0; i < n; ++i) {
        const Id up = p.tasks[i].parent;
        if (up.isNull()) open.clear();
        else {
            while (!open.empty() && ids[size_t(open.back())] != up) open.pop_back();
            const int at = open.empty() ? rowOf(up, -1) : open.back();
            if (at >= 0) {
                parent[i] = at;
                summary[size_t(at)] = 1;
            }
        }
        open.push_back(int(i));
    }

    auto finishNode = [&](int t) { return summary[size_t(t)] ? int(n) + t : t; };
    // Links once: their ends' rows (or -1), counted into the compressed rows as they are found.
    outOff.assign(nodes + 1, 0);
    inOff.assign(nodes + 1, 0);
    out.linkFrom.resize(p.links.size());
    out.linkTo.resize(p.links.size());
    for (size_t k = 0; k < p.links.size(); ++k) {
        const Link& l = p.links[k];
        const long j = wasAt(k, p.links.size(), linksBefore, [&](const LinkKey& o) { return o.a == l.predecessor && o.b == l.successor; });
        const int a = rowOf(l.predecessor, j < 0 ? -1 : fromBefore[size_t(j)]), b = rowOf(l.successor, j < 0 ? -1 : toBefore[size_t(j)]);
        out.linkFrom[k] = a;
        out.linkTo[k] = b;
        if (a < 0 || b < 0) continue;
        ++outOff[size_t(finishNode(a)) + 1];
        ++inOff[size_t(b) + 1];
    }
    out.assignmentRow.resize(p.assignments.size());
    for (size_t k = 0; k < p.assignments.size(); ++k) {
        const Assignment& a = p.assignments[k];
        const long j = wasAt(k, p.assignments.size(), assignBefore, [&](const std::pair<Id, Id>& o) { return o.first == a.task && o.second == a.resource; });
        out.assignmentRow[k] = rowOf(a.task, j < 0 ? -1 : rowBefore[size_t(j)]);
    }
    for (size_t i = 0; i < n; ++i) {
        if (parent[i] < 0) continue;
        ++outOff[size_t(parent[i]) + 1]; // parent start → child start
        ++inOff[i + 1];
        ++outOff[size_t(finishNode(int(i))) + 1]; // child finish → parent roll-up
        ++inOff[n + size_t(parent[i]) + 1];
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
            if (parent[i] < 0) continue;
            add(parent[i], int(i), 0, true, false);
            add(finishNode(int(i)), int(n) + parent[i], 0, false, false);
        }
        for (size_t k = 0; k < p.links.size(); ++k) {
            const int a = out.linkFrom[k], b = out.linkTo[k];
            if (a < 0 || b < 0) continue;
            const LinkType type = p.links[k].type;
            const bool fromStart = type == LinkType::SS || type == LinkType::SF;
            const bool toFinish = type == LinkType::FF || type == LinkType::SF;
            add(finishNode(a), b, p.links[k].lag, fromStart, toFinish);
        }
    }

    // Kahn's algorithm, sweeping the nodes in the plan's own order (each row's start, and a
    // summary's roll-up once its rows are behind): a node is taken when the sweep reaches it if it is
    // free, or as soon as its last predecessor is taken if the sweep has passed it. The passes over
    // the graph then walk the rows' data mostly in memory order.
    std::vector<int> indeg(nodes);
    for (size_t v = 0; v < nodes; ++v) indeg[v] = inOff[v + 1] - inOff[v];
    order.clear();
    order.reserve(nodes);
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
    open.clear();
    for (size_t i = 0; i < n; ++i) {
        while (!open.empty() && open.back() != parent[i]) {
            reach(int(n) + open.back());
            open.pop_back();
        }
        reach(int(i));
        open.push_back(int(i));
    }
    while (!open.empty()) {
        reach(int(n) + open.back());
        open.pop_back();
    }
    acyclic = order.size() == nodes;
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
                const int t = node >= int(n) ? node - int(n) : node;
                if (!cycleIds.empty() && cycleIds.back() == p.tasks[size_t(t)].id) continue;
                cycleIds.push_back(p.tasks[size_t(t)].id);
                if (firstTask < 0) firstTask = t;
                msg += p.tasks[size_t(t)].name + " → ";
            }
            if (cycleIds.size() > 1 && cycleIds.front() == cycleIds.back()) cycleIds.pop_back();
            cycleError = fmt(tr("Dependency cycle: {0}"), msg + p.tasks[size_t(firstTask)].name);
        } else cycleError = tr("Dependency cycle between tasks");
    }

    // Days off of each task's resources (a task works only when all of them are in), as one sorted
    // list per team: tasks with the same people share it, so two thousand tasks of one person off
    // every Friday for a century hold one list, not two thousand.
    offFrom.assign(n, 0);
    offTo.assign(n, 0);
    offAt.clear();
    if (!offKeys.empty()) {
        const IdIndex resAt = indexById(p.resources);
        std::vector<std::vector<int>> team(n);
        for (size_t k = 0; k < p.assignments.size(); ++k) {
            const Assignment& a = p.assignments[k];
            const int t = out.assignmentRow[k], r = resAt.find(a.resource);
            if (t < 0 || r < 0 || a.units <= 0 || summary[size_t(t)] || p.resources[size_t(r)].daysOff.empty()) continue;
            team[size_t(t)].push_back(r);
        }
        std::map<std::vector<int>, std::pair<size_t, size_t>> lists;
        for (size_t t = 0; t < n; ++t) {
            std::vector<int>& who = team[t];
            if (who.empty()) continue;
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
            offFrom[t] = it->second.first;
            offTo[t] = it->second.second;
        }
    }

    for (auto* v : {&init, &dur, &pinStart, &pinFinish, &mso, &fnlt, &deadline, &bound, &es, &ef, &ls, &lf, &freeSlack, &weight, &weightDone})
        v->assign(n, 0);
    for (auto* v : {&nodeLf, &nodeLsBound, &nodeFree}) v->assign(nodes, INT64_MAX);
    done.assign(n, 0);
    eod.assign(n, 0);
    shownEod.assign(n, 0);
    flags.assign(n, 0);
    queued.assign(nodes, 0);
    outQueued.assign(n, 0);
    outRows.clear();
    preOrder = true;
    for (size_t i = 0; i < n; ++i)
        if (parent[i] >= int(i)) preOrder = false;
    for (Day& d : days) d.index = INT64_MIN; // the calendar may have changed
    out.tasks.assign(n, TaskSchedule{});
    for (size_t i = 0; i < n; ++i) {
        out.tasks[i].level = level[i];
        out.tasks[i].summary = summary[i];
    }
    built = true;
}

void Scheduler::Impl::readInputs(const Project& p, bool collectSeeds) {
    seeds.clear();
    const int64_t start = cal.instantAt(p.start);
    for (size_t i = 0; i < n; ++i) {
        const Task& t = p.tasks[i];
        const bool dated = t.constraintDate.has_value();
        const bool leaf = !summary[i];
        const int64_t in = t.constraint == Constraint::SNET && dated ? cal.instantAt(*t.constraintDate) : start;
        const int64_t d = t.milestone ? 0 : std::max<int64_t>(0, t.duration);
        const int64_t ps = leaf && t.actualStart ? cal.instantAt(*t.actualStart) : kNone;
        const int64_t pf = leaf && t.actualFinish ? cal.endOfDay(*t.actualFinish) : kNone;
        const int64_t ms = leaf && t.constraint == Constraint::MSO && dated ? cal.instantAt(*t.constraintDate) : kNone;
        const int64_t fn = t.constraint == Constraint::FNLT && dated ? cal.endOfDay(*t.constraintDate) : kNone;
        const int64_t dl = t.deadline ? cal.endOfDay(*t.deadline) : kNone;
        const int pc = t.actualFinish ? 100 : t.percentComplete;
        if (collectSeeds && (in != init[i] || d != dur[i] || ps != pinStart[i] || pf != pinFinish[i] || ms != mso[i] ||
                             fn != fnlt[i] || dl != deadline[i] || pc != done[i]))
            seeds.push_back(int(i));
        done[i] = pc;
        init[i] = in;
        dur[i] = d;
        pinStart[i] = ps;
        pinFinish[i] = pf;
        mso[i] = ms;
        fnlt[i] = fn;
        deadline[i] = dl;
    }
}

int64_t Scheduler::Impl::source(const Edge& e) const {
    const size_t u = size_t(e.node());
    if (u >= n) return e.fromStart() ? es[u - n] : ef[u - n];
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
    if (size_t(v) >= n) { // a summary's roll-up
        const size_t t = size_t(v) - n;
        if (!summary[t]) return false;
        int64_t a = INT64_MAX, b = INT64_MIN;
        for (int k = inOff[size_t(v)]; k < inOff[size_t(v) + 1]; ++k) {
            const int c = inE[size_t(k)].node();
            const size_t ct = size_t(c) >= n ? size_t(c) - n : size_t(c);
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
    const size_t t = size_t(v);
    int64_t b = init[t];
    char e = 0;
    for (int k = inOff[t]; k < inOff[t + 1]; ++k) {
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
    for (size_t t = 0; t < n; ++t) { // tasks caught in a cycle keep these
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
        push(t);
        if (summary[size_t(t)]) push(int(n) + t);
        moved.push_back(t);
    }
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const int v = order[size_t(heap.back())];
        heap.pop_back();
        queued[size_t(v)] = 0;
        const int t = v >= int(n) ? v - int(n) : v;
        markOutput(t); // flags and the link-allowed start may change while the dates do not
        if (!recompute(v)) continue;
        moved.push_back(t);
        for (int k = outOff[size_t(v)]; k < outOff[size_t(v) + 1]; ++k) push(outE[size_t(k)].node());
    }
}

// Node v's bounds from its out-edges, and its task's late values from them; true when anything the
// nodes before it read (their in-edges' sources) has changed.
bool Scheduler::Impl::recomputeBack(int v) {
    const bool rollNode = size_t(v) >= n;
    const size_t t = rollNode ? size_t(v) - n : size_t(v);
    if (rollNode && !summary[t]) return false;
    ++touchedBack;
    int64_t nlf = INT64_MAX, nlsb = INT64_MAX, nfree = INT64_MAX;
    for (int j = outOff[size_t(v)]; j < outOff[size_t(v) + 1]; ++j) {
        const Edge& e = outE[size_t(j)];
        if (size_t(e.node()) >= n) { // child → parent's roll-up: finish within the parent
            nlf = std::min(nlf, lf[size_t(e.node()) - n]);
            continue;
        }
        const size_t w = size_t(e.node());
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
        const int64_t l = std::min({nlsb, nodeLsBound[n + t], nlf, lf[t]});
        freeSlack[t] = std::min(nfree, nodeFree[n + t]);
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
    for (size_t i = 0; i < n; ++i) f = std::max(f, std::max(ef[i], es[i]));
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
        push(t);
        pushSources(t);
        if (summary[size_t(t)]) {
            push(int(n) + t);
            pushSources(int(n) + t);
        }
    }
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), earlier);
        const int v = order[size_t(heap.back())];
        heap.pop_back();
        queued[size_t(v)] = 0;
        const bool rollNode = v >= int(n);
        const int t = rollNode ? v - int(n) : v;
        markOutput(t);
        const bool changed = recomputeBack(v);
        if (rollNode) push(t); // its start node combines the bounds of both (its late finish, SS links' bounds, slack)
        if (changed) pushSources(v);
    }
}

// Plans live between 1900 and 2999 (the dates every reader accepts): a chain of long tasks or lags on
// a short working day that runs past it is an error naming the task, and its instants are held at
// the edge, so no date overflows and no report walks millions of days.
void Scheduler::Impl::outputRow(size_t i, bool fresh) {
    TaskSchedule& ts = out.tasks[i];
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
        ts.start = start;
        ts.finish = finish;
        shownEod[i] = eod[i];
        if (finish == start) {
            ts.startDate = ts.finishDate = eod[i] && start > 0 && start % mpd == 0 ? finishDateOf(start) : dateOf(start);
        } else {
            ts.startDate = dateOf(start);
            ts.finishDate = finishDateOf(finish);
        }
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
    if (beyond >= 0) beyondRows[int(i)] = beyond == 1;
    else beyondRows.erase(int(i));
}

void Scheduler::Impl::output(const Project& p, bool all) {
    Schedule& s = out;
    s.error = acyclic ? std::string() : cycleError;
    s.cycle = acyclic ? std::vector<Id>() : cycleIds;
    plannable[0] = cal.instantAt(Date::fromYmd(1900, 1, 1));
    plannable[1] = cal.instantAt(Date::fromYmd(3000, 1, 1));
    // After a structural change, or when every late date changed, every row is rewritten (and the
    // roll-ups summed afresh); else only the rows the run touched.
    const bool whole = all || everyRow || !preOrder;
    if (whole) {
        // Percent complete rolls up duration-weighted: each leaf's duration (a day at least) and
        // its share done, summed up the outline.
        std::fill(weight.begin(), weight.end(), 0);
        std::fill(weightDone.begin(), weightDone.end(), 0);
        for (size_t i = n; i-- > 0;) {
            if (!summary[i]) {
                weight[i] += std::max<int64_t>(dur[i], 1);
                weightDone[i] += std::max<int64_t>(dur[i], 1) * done[i];
            }
            if (parent[i] >= 0) {
                weight[size_t(parent[i])] += weight[i];
                weightDone[size_t(parent[i])] += weightDone[i];
            }
        }
        beyondRows.clear();
        for (size_t i = n; i-- > 0;) outputRow(i, all);
        for (int i : outRows) outQueued[size_t(i)] = 0;
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
        for (int i : outRows) {
            outQueued[size_t(i)] = 0;
            outputRow(size_t(i), false);
        }
    }
    ++s.run;
    s.whole = whole;
    s.rewritten.clear();
    if (!whole) s.rewritten.swap(outRows);
    outRows.clear();
    everyRow = false;
    if (!beyondRows.empty() && s.error.empty()) {
        const auto& [i, after] = *beyondRows.begin();
        s.error = fmt(after ? tr("Task {0} \u201c{1}\u201d would end after 2999: its duration, lags or links take the plan past the dates Plotline plans in")
                            : tr("Task {0} \u201c{1}\u201d would start before 1900: its duration, lags or links take the plan past the dates Plotline plans in"),
                      std::to_string(i + 1), p.tasks[size_t(i)].name);
    }
    s.start = n ? s.tasks[0].startDate : p.start;
    s.finish = n ? s.tasks[0].finishDate : p.start;
    for (const TaskSchedule& ts : s.tasks) {
        s.start = std::min(s.start, ts.startDate);
        s.finish = std::max(s.finish, ts.finishDate);
    }
}

Scheduler::Scheduler() : impl_(std::make_unique<Impl>()) {}
Scheduler::~Scheduler() = default;

const Schedule& Scheduler::run(const Project& p) {
    Impl& m = *impl_;
    m.touched = m.touchedBack = 0;
    m.hashed = false;
    const bool same = m.sameStructure(p) && m.acyclic;
    m.incremental = same;
    if (!same) {
        m.build(p);
        m.readInputs(p, false);
        m.forwardAll();
        if (m.acyclic) m.backwardAll(m.finishOfAll());
    } else {
        m.readInputs(p, true);
        m.forwardFrom();
        m.backwardFrom();
    }
    m.output(p, !same);
    return m.out;
}

size_t Scheduler::lastTouched() const { return impl_->touched; }
size_t Scheduler::lastTouchedBackward() const { return impl_->touchedBack; }
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
