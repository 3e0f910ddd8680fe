#include "schedule.hpp"

#include "id_index.hpp"

#include <algorithm>

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

struct Edge {
    int to;
    int64_t lag;     // added to the source's value
    bool fromStart;  // take the predecessor's start rather than its finish
    bool toFinish;   // constrains the successor's finish (FF, SF): subtract its duration
};

} // namespace

Schedule schedule(const Project& p) {
    const size_t n = p.tasks.size();
    const Calendar& cal = p.calendar;
    Schedule s;
    s.tasks.resize(n);
    const std::vector<int> level = outlineLevels(p);

    IdIndex index(n);
    for (size_t i = 0; i < n; ++i) index.insert(p.tasks[i].id, int(i));

    std::vector<char> summary(n, 0);
    std::vector<int> parent(n, -1);
    for (size_t i = 0; i < n; ++i) {
        s.tasks[i].level = level[i];
        if (!p.tasks[i].parent.isNull()) {
            const int at = index.find(p.tasks[i].parent);
            if (at >= 0) {
                parent[i] = at;
                summary[size_t(at)] = 1;
            }
        }
    }
    for (size_t i = 0; i < n; ++i) s.tasks[i].summary = summary[i];

    // Nodes: i = the task's start (for leaves, the whole task); n + i = a summary's roll-up.
    // Edges in compressed rows (one array, offsets per node): two passes over the same edge list.
    const size_t nodes = 2 * n;
    auto finishNode = [&](int t) { return summary[size_t(t)] ? int(n) + t : t; };
    std::vector<std::pair<int, Edge>> edges;
    edges.reserve(2 * n + p.links.size());
    for (size_t i = 0; i < n; ++i) {
        if (parent[i] >= 0) {
            edges.push_back({parent[i], {int(i), 0, true, false}});                        // children start within the parent
            edges.push_back({finishNode(int(i)), {int(n) + parent[i], 0, false, false}}); // parent rolls up the child
        }
    }
    for (const Link& l : p.links) {
        const int a = index.find(l.predecessor), b = index.find(l.successor);
        if (a < 0 || b < 0) continue;
        const bool fromStart = l.type == LinkType::SS || l.type == LinkType::SF;
        const bool toFinish = l.type == LinkType::FF || l.type == LinkType::SF;
        edges.push_back({finishNode(a), {b, l.lag, fromStart, toFinish}});
    }
    std::vector<int> offset(nodes + 1, 0), indeg(nodes, 0);
    for (const auto& [from, e] : edges) {
        ++offset[size_t(from) + 1];
        ++indeg[size_t(e.to)];
    }
    for (size_t v = 0; v < nodes; ++v) offset[v + 1] += offset[v];
    std::vector<Edge> edgeData(edges.size());
    {
        std::vector<int> fill(offset.begin(), offset.end() - 1);
        for (const auto& [from, e] : edges) edgeData[size_t(fill[size_t(from)]++)] = e;
    }
    struct Span {
        const Edge *b, *e;
        const Edge* begin() const { return b; }
        const Edge* end() const { return e; }
        size_t size() const { return size_t(e - b); }
        const Edge& operator[](size_t k) const { return b[k]; }
    };
    auto out = [&](size_t v) { return Span{edgeData.data() + offset[v], edgeData.data() + offset[v + 1]}; };

    // Values.
    std::vector<int64_t> es(n), ef(n), rollStart(n, INT64_MAX), rollFinish(n, INT64_MIN);
    std::vector<char> endOfDay(n, 0); // milestone pinned to the end of its predecessor's day
    const int64_t projectStart = cal.instantAt(p.start);
    auto duration = [&](size_t i) { return p.tasks[i].milestone ? int64_t(0) : std::max<int64_t>(0, p.tasks[i].duration); };
    for (size_t i = 0; i < n; ++i) {
        es[i] = p.tasks[i].start ? cal.instantAt(*p.tasks[i].start) : projectStart;
        if (es[i] < projectStart && !p.tasks[i].start) es[i] = projectStart;
    }

    // Kahn's algorithm in a stable order.
    std::vector<int> queue;
    queue.reserve(nodes);
    for (size_t v = 0; v < nodes; ++v)
        if (indeg[v] == 0) queue.push_back(int(v));
    size_t head = 0;
    while (head < queue.size()) {
        const int v = queue[head++];
        int64_t fromStartValue, fromFinishValue;
        if (size_t(v) < n) {
            const size_t t = size_t(v);
            if (!summary[t]) ef[t] = es[t] + duration(t);
            fromStartValue = es[t];
            fromFinishValue = ef[t];
        } else {
            const size_t t = size_t(v) - n;
            if (!summary[t]) continue; // leaves have no roll-up node in use
            es[t] = rollStart[t] == INT64_MAX ? es[t] : rollStart[t];
            ef[t] = rollFinish[t] == INT64_MIN ? es[t] : rollFinish[t];
            fromStartValue = es[t];
            fromFinishValue = ef[t];
        }
        for (const Edge& e : out(size_t(v))) {
            if (size_t(e.to) >= n) { // roll-up into a summary
                const size_t t = size_t(e.to) - n;
                const size_t child = size_t(v) < n ? size_t(v) : size_t(v) - n;
                rollStart[t] = std::min(rollStart[t], es[child]);
                rollFinish[t] = std::max(rollFinish[t], ef[child]);
            } else {
                const size_t t = size_t(e.to);
                int64_t value = (e.fromStart ? fromStartValue : fromFinishValue) + e.lag;
                if (e.toFinish && !summary[t]) value -= duration(t);
                if (value > es[t]) {
                    es[t] = value;
                    endOfDay[t] = !e.fromStart && e.lag == 0;
                } else if (value == es[t] && !e.fromStart && e.lag == 0) {
                    endOfDay[t] = 1;
                }
            }
            if (--indeg[size_t(e.to)] == 0) queue.push_back(e.to);
        }
    }

    if (queue.size() < nodes) {
        // Some nodes never became free: find one cycle among them for the message.
        std::vector<char> state(nodes, 0); // 0 new, 1 on stack, 2 done
        std::vector<int> stack, path;
        int cycleAt = -1;
        std::vector<int> pred(nodes, -1);
        for (size_t root = 0; root < nodes && cycleAt < 0; ++root) {
            if (indeg[root] == 0 || state[root]) continue;
            // Iterative DFS restricted to blocked nodes.
            std::vector<std::pair<int, size_t>> dfs{{int(root), 0}};
            state[root] = 1;
            while (!dfs.empty() && cycleAt < 0) {
                auto& [v, k] = dfs.back();
                if (k < out(size_t(v)).size()) {
                    int w = out(size_t(v))[k++].to;
                    if (indeg[size_t(w)] == 0) continue;
                    if (state[size_t(w)] == 1) { pred[size_t(w)] = v; cycleAt = w; break; }
                    if (state[size_t(w)] == 0) { state[size_t(w)] = 1; pred[size_t(w)] = v; dfs.push_back({w, 0}); }
                } else {
                    state[size_t(v)] = 2;
                    dfs.pop_back();
                }
            }
            if (cycleAt >= 0) {
                // Walk back from the closing edge along the DFS stack.
                std::vector<int> cyc;
                int v = pred[size_t(cycleAt)];
                cyc.push_back(cycleAt);
                while (v != cycleAt && v >= 0) { cyc.push_back(v); v = pred[size_t(v)]; }
                std::reverse(cyc.begin(), cyc.end());
                std::string msg = "Dependency cycle: ";
                int firstTask = -1;
                for (int node : cyc) {
                    int t = node >= int(n) ? node - int(n) : node;
                    if (!s.cycle.empty() && s.cycle.back() == p.tasks[size_t(t)].id) continue;
                    s.cycle.push_back(p.tasks[size_t(t)].id);
                    if (firstTask < 0) firstTask = t;
                    msg += p.tasks[size_t(t)].name + " → ";
                }
                if (s.cycle.size() > 1 && s.cycle.front() == s.cycle.back()) s.cycle.pop_back();
                msg += p.tasks[size_t(firstTask)].name;
                s.error = msg;
            }
        }
        if (s.error.empty()) s.error = "Dependency cycle between tasks";
        for (size_t t = 0; t < n; ++t)
            if (indeg[t] != 0 || (summary[t] && indeg[n + t] != 0)) { ef[t] = std::max(ef[t], es[t] + duration(t)); }
    }

    // Backward pass: late finish from the project's early finish, in reverse topological order.
    // Every out-edge of a node bounds either the start or the finish of the node's task.
    int64_t projectFinish = INT64_MIN;
    for (size_t i = 0; i < n; ++i) projectFinish = std::max(projectFinish, std::max(ef[i], es[i]));
    std::vector<int64_t> lf(n, INT64_MAX), lsBound(n, INT64_MAX), ls(n, 0);
    std::vector<int64_t> freeSlack(n, INT64_MAX);
    const bool acyclic = queue.size() == nodes;
    if (acyclic) {
        for (size_t k = nodes; k-- > 0;) {
            const int v = queue[k];
            const bool rollNode = size_t(v) >= n;
            const size_t t = rollNode ? size_t(v) - n : size_t(v);
            if (rollNode && !summary[t]) continue;
            for (const Edge& e : out(size_t(v))) {
                int64_t bound, slack;
                if (size_t(e.to) >= n) { // child -> parent's roll-up: finish within the parent
                    bound = lf[size_t(e.to) - n];
                    lf[t] = std::min(lf[t], bound);
                    continue;
                }
                const size_t w = size_t(e.to);
                const int64_t dw = e.toFinish && !summary[w] ? duration(w) : 0;
                bound = ls[w] - e.lag + dw;
                slack = es[w] + dw - ((e.fromStart ? es[t] : ef[t]) + e.lag);
                if (e.fromStart) lsBound[t] = std::min(lsBound[t], bound);
                else lf[t] = std::min(lf[t], bound);
                if (!(parent[w] == int(t) && !rollNode)) freeSlack[t] = std::min(freeSlack[t], slack); // links only
            }
            if (summary[t]) {
                if (rollNode) lf[t] = std::min(lf[t], projectFinish);
                else ls[t] = std::min(lsBound[t], lf[t]);
            } else {
                lf[t] = std::min({lf[t], projectFinish, lsBound[t] == INT64_MAX ? INT64_MAX : lsBound[t] + duration(t)});
                ls[t] = lf[t] - duration(t);
            }
        }
    }

    // Dates, percent roll-up.
    std::vector<int64_t> weightDone(n, 0), weight(n, 0);
    for (size_t i = n; i-- > 0;) {
        TaskSchedule& ts = s.tasks[i];
        ts.start = es[i];
        ts.finish = std::max(ef[i], es[i]);
        if (acyclic) {
            ts.lateStart = ls[i];
            ts.lateFinish = std::max(lf[i], ls[i]);
            ts.totalFloat = ts.lateStart - ts.start;
            ts.freeFloat = std::min(ts.totalFloat, freeSlack[i] == INT64_MAX ? ts.totalFloat : std::max<int64_t>(0, freeSlack[i]));
            ts.critical = ts.totalFloat <= 0;
        } else {
            ts.lateStart = ts.start;
            ts.lateFinish = ts.finish;
        }
        ts.lateStartDate = cal.dateOf(ts.lateStart);
        ts.lateFinishDate = ts.lateFinish == ts.lateStart ? ts.lateStartDate : cal.finishDateOf(ts.lateFinish);
        if (!summary[i]) {
            const int64_t w = std::max<int64_t>(duration(i), 1);
            weight[i] += w;
            weightDone[i] += w * p.tasks[i].percentComplete;
        }
        ts.percentComplete = summary[i] ? (weight[i] ? int((weightDone[i] + weight[i] / 2) / weight[i]) : 0)
                                        : p.tasks[i].percentComplete;
        if (parent[i] >= 0) {
            weight[size_t(parent[i])] += weight[i];
            weightDone[size_t(parent[i])] += weightDone[i];
        }
        if (ts.finish == ts.start) {
            ts.startDate = ts.finishDate = endOfDay[i] && ts.start > 0 && ts.start % cal.minutesPerDay == 0
                                               ? cal.finishDateOf(ts.start)
                                               : cal.dateOf(ts.start);
        } else {
            ts.startDate = cal.dateOf(ts.start);
            ts.finishDate = cal.finishDateOf(ts.finish);
        }
    }
    s.start = n ? s.tasks[0].startDate : p.start;
    s.finish = n ? s.tasks[0].finishDate : p.start;
    for (const TaskSchedule& ts : s.tasks) {
        s.start = std::min(s.start, ts.startDate);
        s.finish = std::max(s.finish, ts.finishDate);
    }
    return s;
}

} // namespace plotline
