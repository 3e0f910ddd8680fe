#include "merge.hpp"

#include "fields.hpp"
#include "schedule.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace plotline {

namespace {

// ---- Fields: each record's fields as fields.hpp describes them, to compare and copy one at a time ----

struct Slot {
    const char* name;
    std::ptrdiff_t offset; // from the record's address
    bool (*same)(const void*, const void*);
    void (*assign)(void*, const void*);
};

template <class F> bool sameAs(const void* a, const void* b) { return *static_cast<const F*>(a) == *static_cast<const F*>(b); }
template <class F> void assignFrom(void* a, const void* b) { *static_cast<F*>(a) = *static_cast<const F*>(b); }

// A task's constraint and its date are one field (fields.hpp): compared and copied together.
bool sameConstraint(const void* a, const void* b) {
    const Task &x = *static_cast<const Task*>(a), &y = *static_cast<const Task*>(b);
    return x.constraint == y.constraint && x.constraintDate == y.constraintDate;
}
void assignConstraint(void* a, const void* b) {
    Task& x = *static_cast<Task*>(a);
    const Task& y = *static_cast<const Task*>(b);
    x.constraint = y.constraint;
    x.constraintDate = y.constraintDate;
}

template <class R> struct SlotCollector {
    const R* record;
    std::vector<Slot> out;
    template <class F> void add(const char* k, const F& x) {
        if (std::string_view(k) == "modified" || std::string_view(k) == "id") return; // the stamp merges as the later one
        out.push_back({k, reinterpret_cast<const char*>(&x) - reinterpret_cast<const char*>(record), &sameAs<F>, &assignFrom<F>});
    }
    void id(const char* k, const Id& x, Presence) { add(k, x); }
    void text(const char* k, const std::string& x, Presence, size_t = 0) { add(k, x); }
    template <class I> void integer(const char* k, const I& x, Presence, int64_t, int64_t, int64_t) { add(k, x); }
    void boolean(const char* k, const bool& x, bool) { add(k, x); }
    void date(const char* k, const Date& x, Presence) { add(k, x); }
    void date(const char* k, const std::optional<Date>& x) { add(k, x); }
    template <class E> void choice(const char* k, const E& x, E, const Names<E>&) { add(k, x); }
    void dates(const char* k, const std::vector<Date>& x) { add(k, x); }
    void ids(const char* k, const std::vector<Id>& x) { add(k, x); }
    template <class S> void list(const char* k, const std::vector<S>& x, Presence) { add(k, x); }
    void constraint(const Task&) { out.push_back({"constraint", 0, &sameConstraint, &assignConstraint}); }
};

template <class R> const std::vector<Slot>& slotsOf() {
    static const std::vector<Slot> slots = [] {
        static const R probe{};
        SlotCollector<R> c{&probe, {}};
        describe(c, probe);
        return c.out;
    }();
    return slots;
}

const void* at(const void* record, const Slot& s) { return static_cast<const char*>(record) + s.offset; }
void* at(void* record, const Slot& s) { return static_cast<char*>(record) + s.offset; }

template <class R> Stamp stampOf(const R& r) {
    if constexpr (requires { r.modified; }) return r.modified;
    else if constexpr (requires { r.saved; }) return r.saved;
    else return 0;
}
template <class R> void setStamp(R& r, Stamp s) {
    if constexpr (requires { r.modified; }) r.modified = s;
}

// ---- What the user calls each kind of record ----

template <class R> const char* entityName();
template <> const char* entityName<Task>() { return "task"; }
template <> const char* entityName<Link>() { return "link"; }
template <> const char* entityName<Resource>() { return "person"; }
template <> const char* entityName<Assignment>() { return "assignment"; }
template <> const char* entityName<Baseline>() { return "baseline"; }
template <> const char* entityName<BudgetLine>() { return "budget line"; }
template <> const char* entityName<Vendor>() { return "vendor"; }
template <> const char* entityName<CostEntry>() { return "cost"; }
template <> const char* entityName<HoursEntry>() { return "hours"; }
template <> const char* entityName<Drawdown>() { return "drawdown"; }
template <> const char* entityName<ChangeRequest>() { return "change request"; }
template <> const char* entityName<Risk>() { return "risk"; }
template <> const char* entityName<StatusRecord>() { return "status record"; }

std::string quoted(const std::string& s) { return "\u201c" + s + "\u201d"; }

// Status records have no id: their date is their identity.
template <class R> Id keyOf(const R& r) {
    if constexpr (std::is_same_v<R, StatusRecord>) return Id{~uint64_t(0), uint64_t(int64_t(r.date.days) + (int64_t(1) << 40))};
    else return r.id;
}

struct Context {
    const Project &base, &ours, &theirs;
    std::vector<MergeConflict> conflicts;
    std::vector<std::string> notes;
    // Names of tasks and people on any side, for notes about records that reference them.
    std::string taskName(Id id) const {
        for (const Project* p : {&ours, &theirs, &base})
            if (const Task* t = p->task(id)) return quoted(t->name);
        return "a deleted task";
    }
};

template <class R> std::string displayName(const R& r, const Context& c) {
    if constexpr (requires { r.name; }) return r.name;
    else if constexpr (requires { r.title; }) {
        if constexpr (requires { r.number; }) return "CR-" + std::to_string(r.number) + " " + r.title;
        else return r.title;
    } else if constexpr (std::is_same_v<R, Link>) return c.taskName(r.predecessor) + " \u2192 " + c.taskName(r.successor);
    else if constexpr (std::is_same_v<R, Assignment>) return "on " + c.taskName(r.task);
    else if constexpr (requires { r.date; }) return r.date.str();
    else return r.id.str();
}

// Field by field: a side's change wins over the base; both sides' different changes are a conflict
// decided by the later edit (then the greater value), the same whichever side is ours.
template <class R> R mergeRecord(const R* b, const R& o, const R& t, Context& c) {
    R out = o;
    if (o == t) return out;
    const Stamp so = stampOf(o), st = stampOf(t);
    for (const Slot& s : slotsOf<R>()) {
        const void *ov = at(&o, s), *tv = at(&t, s);
        if (s.same(ov, tv)) continue;
        if (b && s.same(at(b, s), ov)) { s.assign(at(&out, s), tv); continue; }
        if (b && s.same(at(b, s), tv)) continue;
        MergeConflict k{entityName<R>(), std::is_same_v<R, StatusRecord> ? Id{} : keyOf(o), displayName(o, c), s.name,
                        fieldText(o, s.name), fieldText(t, s.name), so, st, true};
        k.tookOurs = so != st ? so > st : k.ours > k.theirs;
        if (!k.tookOurs) s.assign(at(&out, s), tv);
        c.conflicts.push_back(std::move(k));
    }
    setStamp(out, std::max(so, st));
    return out;
}

// ---- Lists ----

using Order = std::vector<Id>;

// Merges three orders of entries into one, keeping only `kept` ones: the order both sides agree on,
// else that of the side that reordered (both did: the smaller sequence of ids, so either side merging
// gets the same); each side's other entries after the entry they follow there (two runs after one
// entry: the run with the smaller first id first). Kept entries in neither side are left to the caller.
template <class Kept> Order mergeOrder(const Order& b, const Order& o, const Order& t, const Kept& kept) {
    auto filter = [&](const Order& x) {
        Order out;
        out.reserve(x.size());
        for (Id id : x)
            if (kept(id)) out.push_back(id);
        return out;
    };
    Order ok = filter(o), tk = filter(t);
    if (ok == tk) return ok; // the usual case: nothing reordered or added here on either side
    std::unordered_map<Id, uint8_t, IdHash> sides; // 1: in ours, 2: in theirs
    sides.reserve(ok.size() + tk.size());
    for (Id id : ok) sides[id] |= 1;
    for (Id id : tk) sides[id] |= 2;
    auto both = [&](Id id) { auto it = sides.find(id); return it != sides.end() && it->second == 3; };
    auto common = [&](const Order& x) {
        Order out;
        for (Id id : x)
            if (both(id)) out.push_back(id);
        return out;
    };
    const Order oc = common(ok), tc = common(tk), bc = common(filter(b));
    Order spine;
    if (oc == tc) spine = oc;
    else if (tc == bc) spine = oc;
    else if (oc == bc) spine = tc;
    else spine = std::min(oc, tc);
    // One-sided entries, in runs after their anchor (the closest common entry before them on their side).
    std::unordered_map<Id, std::vector<Order>, IdHash> runs; // anchor (null: the start) → runs
    for (const Order* side : {&ok, &tk}) {
        Id anchor;
        Order run;
        auto flush = [&] {
            if (!run.empty()) runs[anchor].push_back(run);
            run.clear();
        };
        for (Id id : *side) {
            if (both(id)) {
                flush();
                anchor = id;
            } else run.push_back(id);
        }
        flush();
    }
    Order out;
    out.reserve(sides.size());
    auto emitRuns = [&](Id anchor) {
        auto it = runs.find(anchor);
        if (it == runs.end()) return;
        std::sort(it->second.begin(), it->second.end(), [](const Order& x, const Order& y) { return x.front() < y.front(); });
        for (const Order& r : it->second)
            for (Id id : r)
                if (auto& seen = sides[id]; !(seen & 4)) { // each entry once, even if both sides added it
                    seen |= 4;
                    out.push_back(id);
                }
    };
    emitRuns(Id{});
    for (Id id : spine) {
        out.push_back(id);
        emitRuns(id);
    }
    return out;
}

template <class R> Order orderOf(const std::vector<R>& list) {
    Order out;
    out.reserve(list.size());
    for (const R& r : list) out.push_back(keyOf(r));
    return out;
}

template <class R> std::unordered_map<Id, const R*, IdHash> byKey(const std::vector<R>& list) {
    std::unordered_map<Id, const R*, IdHash> out;
    out.reserve(list.size());
    for (const R& r : list) out.emplace(keyOf(r), &r);
    return out;
}

// Every entity of one kind: matched by key, merged, kept or dropped by the rules in merge.hpp.
template <class R> struct Entities {
    std::unordered_map<Id, R, IdHash> merged;
    std::unordered_map<Id, const R*, IdHash> b, o, t;
    const R* anySide(Id id) const {
        if (auto i = o.find(id); i != o.end()) return i->second;
        if (auto i = t.find(id); i != t.end()) return i->second;
        if (auto i = b.find(id); i != b.end()) return i->second;
        return nullptr;
    }
    bool has(Id id) const { return merged.count(id) > 0; }
    // Brings back an entity one side deleted, as the side that kept it has it.
    bool restore(Id id) {
        if (has(id)) return true;
        const R* r = anySide(id);
        if (!r) return false;
        merged.emplace(id, *r);
        return true;
    }
};

template <class R> Entities<R> mergeEntities(const std::vector<R>& bl, const std::vector<R>& ol, const std::vector<R>& tl, Context& c) {
    Entities<R> e;
    e.b = byKey(bl);
    e.o = byKey(ol);
    e.t = byKey(tl);
    auto visit = [&](Id id) {
        if (e.merged.count(id)) return;
        const auto bi = e.b.find(id), oi = e.o.find(id), ti = e.t.find(id);
        const R* b = bi == e.b.end() ? nullptr : bi->second;
        const R* o = oi == e.o.end() ? nullptr : oi->second;
        const R* t = ti == e.t.end() ? nullptr : ti->second;
        if (o && t) e.merged.emplace(id, mergeRecord(b, *o, *t, c));
        else if (o || t) {
            const R& side = o ? *o : *t;
            if (!b) e.merged.emplace(id, side);           // added on one side
            else if (!(side == *b)) {                     // deleted on one side, edited on the other
                e.merged.emplace(id, side);
                c.notes.push_back("Kept " + std::string(entityName<R>()) + " " + quoted(displayName(side, c)) +
                                  ": deleted in one copy, edited in the other.");
            }
        }
    };
    for (const R& r : ol) visit(keyOf(r));
    for (const R& r : tl) visit(keyOf(r));
    return e;
}

template <class R> std::vector<R> inOrder(Entities<R>& e, const std::vector<R>& bl, const std::vector<R>& ol, const std::vector<R>& tl) {
    const Order order = mergeOrder(orderOf(bl), orderOf(ol), orderOf(tl), [&](Id id) { return e.has(id); });
    std::vector<R> out;
    out.reserve(e.merged.size());
    for (Id id : order) {
        auto it = e.merged.find(id);
        out.push_back(std::move(it->second));
        e.merged.erase(it);
    }
    // Brought back, and in neither side's list: last, by key.
    std::vector<Id> rest;
    for (const auto& [id, r] : e.merged) rest.push_back(id);
    std::sort(rest.begin(), rest.end());
    for (Id id : rest) out.push_back(std::move(e.merged.at(id)));
    e.merged.clear();
    return out;
}

// When at most one side changed a list, the merge is that side's list: no record-by-record work.
template <class R> const std::vector<R>* oneSided(const std::vector<R>& bl, const std::vector<R>& ol, const std::vector<R>& tl) {
    if (ol == tl || tl == bl) return &ol;
    if (ol == bl) return &tl;
    return nullptr;
}

template <class R> std::vector<R> mergeList(const std::vector<R>& bl, const std::vector<R>& ol, const std::vector<R>& tl, Context& c) {
    if (const std::vector<R>* side = oneSided(bl, ol, tl)) return *side;
    Entities<R> e = mergeEntities(bl, ol, tl, c);
    return inOrder(e, bl, ol, tl);
}

// ---- The outline ----

std::vector<Task> mergeTasks(Context& c) {
    const Project &B = c.base, &O = c.ours, &T = c.theirs;
    Entities<Task> e = mergeEntities(B.tasks, O.tasks, T.tasks, c);
    auto name = [&](Id id) { return quoted(e.anySide(id) ? e.anySide(id)->name : id.str()); };

    // Every kept task's summary is in the plan: one deleted on one side comes back.
    for (bool changed = true; changed;) {
        changed = false;
        std::vector<Id> ids;
        for (const auto& [id, t] : e.merged) ids.push_back(id);
        std::sort(ids.begin(), ids.end());
        for (Id id : ids) {
            Task& t = e.merged.at(id);
            if (t.parent.isNull() || e.has(t.parent)) continue;
            const Id parent = t.parent;
            if (e.o.count(parent) || e.t.count(parent)) {
                e.restore(parent);
                c.notes.push_back("Kept task " + name(parent) + ": deleted in one copy, but " + quoted(t.name) + " under it was kept.");
            } else {
                t.parent = Id{};
                c.notes.push_back("Moved task " + quoted(t.name) + " to the top level: its summary was deleted in both copies.");
            }
            changed = true;
        }
    }
    // No task under itself: two copies that nested two tasks under each other.
    for (bool changed = true; changed;) {
        changed = false;
        std::vector<Id> ids;
        for (const auto& [id, t] : e.merged) ids.push_back(id);
        std::sort(ids.begin(), ids.end());
        std::unordered_map<Id, uint8_t, IdHash> state; // 1: on the walk now, 2: leads to the top level
        for (Id id : ids) {
            std::vector<Id> walk;
            Id p = id;
            while (!p.isNull() && !state.count(p)) {
                state[p] = 1;
                walk.push_back(p);
                p = e.merged.at(p).parent;
            }
            if (p.isNull() || state[p] == 2) {
                for (Id w : walk) state[w] = 2;
                continue;
            }
            // A cycle through p: lift its smallest id to its base summary, else to the top level.
            std::vector<Id> cycle{p};
            for (Id q = e.merged.at(p).parent; q != p; q = e.merged.at(q).parent) cycle.push_back(q);
            const Id lift = *std::min_element(cycle.begin(), cycle.end());
            Task& x = e.merged.at(lift);
            const auto bi = e.b.find(lift);
            const Id before = bi == e.b.end() ? Id{} : bi->second->parent;
            x.parent = std::find(cycle.begin(), cycle.end(), before) == cycle.end() && (before.isNull() || e.has(before)) ? before : Id{};
            c.notes.push_back("Put task " + quoted(x.name) + " back " + (x.parent.isNull() ? std::string("at the top level") : "under " + name(x.parent)) +
                              ": the two copies nested it and another task under each other.");
            changed = true;
            break;
        }
    }
    // Each summary's children: their orders merged; then the outline in pre-order.
    auto childrenOf = [](const Project& p) {
        std::unordered_map<Id, Order, IdHash> out;
        for (const Task& t : p.tasks) out[t.parent].push_back(t.id);
        return out;
    };
    const auto cb = childrenOf(B), co = childrenOf(O), ct = childrenOf(T);
    std::unordered_map<Id, std::vector<Id>, IdHash> candidates;
    for (const auto& [id, t] : e.merged) candidates[t.parent].push_back(id);
    static const Order none;
    auto seq = [](const std::unordered_map<Id, Order, IdHash>& m, Id parent) -> const Order& {
        auto it = m.find(parent);
        return it == m.end() ? none : it->second;
    };
    std::vector<Task> out;
    out.reserve(e.merged.size());
    std::vector<std::pair<Id, size_t>> stack; // summary, next child
    std::unordered_map<Id, Order, IdHash> ordered;
    auto childrenInOrder = [&](Id parent) -> const Order& {
        auto [it, fresh] = ordered.try_emplace(parent);
        if (!fresh) return it->second;
        auto ci = candidates.find(parent);
        if (ci == candidates.end()) return it->second;
        // The children merged under this summary, whatever their summary on each side.
        std::unordered_map<Id, bool, IdHash> under;
        for (Id id : ci->second) under[id] = true;
        auto mine = [&](Id id) { return under.count(id) > 0; };
        Order o = mergeOrder(seq(cb, parent), seq(co, parent), seq(ct, parent), mine);
        std::unordered_map<Id, bool, IdHash> placed;
        for (Id id : o) placed[id] = true;
        std::vector<Id> rest;
        for (Id id : ci->second)
            if (!placed.count(id)) rest.push_back(id);
        std::sort(rest.begin(), rest.end());
        o.insert(o.end(), rest.begin(), rest.end());
        it->second = std::move(o);
        return it->second;
    };
    stack.push_back({Id{}, 0});
    while (!stack.empty()) {
        auto& [parent, next] = stack.back();
        const Order& kids = childrenInOrder(parent);
        if (next >= kids.size()) {
            stack.pop_back();
            continue;
        }
        const Id id = kids[next++];
        out.push_back(std::move(e.merged.at(id)));
        stack.push_back({id, 0});
    }
    return out;
}

// ---- The project's own fields ----

template <class F> Slot headerSlot(const char* name, F Project::*member) {
    static const Project probe{};
    return {name, reinterpret_cast<const char*>(&(probe.*member)) - reinterpret_cast<const char*>(&probe), &sameAs<F>, &assignFrom<F>};
}

std::string headerText(const Project& p, std::string_view field) {
    if (field == "name") return p.name;
    if (field == "currency") return p.currency;
    if (field == "start") return p.start.str();
    if (field == "statusDate") return p.statusDate ? p.statusDate->str() : "";
    if (field == "contingency")
        return p.contingency.percent ? std::to_string(p.contingency.basisPoints / 100.0) + " %" : std::to_string(p.contingency.amount);
    std::string s = std::to_string(p.calendar.minutesPerDay) + " min a day from " + std::to_string(p.calendar.dayStart);
    for (int d = 0; d < 7; ++d) s += p.calendar.isWeekdayWorked(d) ? "+" : "-";
    for (Date h : p.calendar.holidays()) s += " " + h.str();
    return s;
}

void mergeHeader(Project& out, Context& c) {
    static const std::vector<Slot> slots = {headerSlot("name", &Project::name),       headerSlot("currency", &Project::currency),
                                            headerSlot("start", &Project::start),     headerSlot("calendar", &Project::calendar),
                                            headerSlot("statusDate", &Project::statusDate), headerSlot("contingency", &Project::contingency)};
    const Project &b = c.base, &o = c.ours, &t = c.theirs;
    for (const Slot& s : slots) {
        const void *ov = at(&o, s), *tv = at(&t, s);
        if (s.same(ov, tv) || s.same(at(&b, s), tv)) { s.assign(at(&out, s), ov); continue; }
        if (s.same(at(&b, s), ov)) { s.assign(at(&out, s), tv); continue; }
        MergeConflict k{"project", Id{}, o.name, s.name, headerText(o, s.name), headerText(t, s.name), o.modified, t.modified, true};
        k.tookOurs = o.modified != t.modified ? o.modified > t.modified : k.ours > k.theirs;
        s.assign(at(&out, s), k.tookOurs ? ov : tv);
        c.conflicts.push_back(std::move(k));
    }
}

} // namespace

MergeResult mergeProjects(const Project& base, const Project& ours, const Project& theirs) {
    Context c{base, ours, theirs, {}, {}};
    Project p;
    p.id = ours.id;
    p.modified = std::max(ours.modified, theirs.modified);
    mergeHeader(p, c);
    p.tasks = mergeTasks(c);
    std::unordered_map<Id, bool, IdHash> isTask;
    for (const Task& t : p.tasks) isTask[t.id] = true;
    auto taskKept = [&](Id id) { return isTask.count(id) > 0; };

    // People: anyone whose kept hours or assignments need them stays.
    Entities<Resource> people = mergeEntities(base.resources, ours.resources, theirs.resources, c);
    Entities<Assignment> assigned = mergeEntities(base.assignments, ours.assignments, theirs.assignments, c);
    for (auto it = assigned.merged.begin(); it != assigned.merged.end();) {
        if (!taskKept(it->second.task)) {
            c.notes.push_back("Dropped an assignment on " + c.taskName(it->second.task) + ": the task was deleted in one copy.");
            it = assigned.merged.erase(it);
        } else ++it;
    }
    p.hours = mergeList(base.hours, ours.hours, theirs.hours, c);
    std::vector<Id> needed;
    for (const auto& [id, a] : assigned.merged) needed.push_back(a.resource);
    for (const HoursEntry& h : p.hours) needed.push_back(h.resource);
    std::sort(needed.begin(), needed.end());
    needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
    for (Id r : needed)
        if (!people.has(r) && people.restore(r))
            c.notes.push_back("Kept person " + quoted(people.merged.at(r).name) + ": deleted in one copy, but their work was kept in the other.");
    p.resources = inOrder(people, base.resources, ours.resources, theirs.resources);
    p.assignments = inOrder(assigned, base.assignments, ours.assignments, theirs.assignments);

    // Links: none to a task that is gone, none that closes a cycle.
    Entities<Link> links = mergeEntities(base.links, ours.links, theirs.links, c);
    for (auto it = links.merged.begin(); it != links.merged.end();) {
        if (!taskKept(it->second.predecessor) || !taskKept(it->second.successor)) {
            c.notes.push_back("Dropped the link " + c.taskName(it->second.predecessor) + " \u2192 " + c.taskName(it->second.successor) +
                              ": a task it joins was deleted in one copy.");
            it = links.merged.erase(it);
        } else ++it;
    }
    p.links = inOrder(links, base.links, ours.links, theirs.links);

    p.baselines = mergeList(base.baselines, ours.baselines, theirs.baselines, c);
    p.budgetLines = mergeList(base.budgetLines, ours.budgetLines, theirs.budgetLines, c);
    p.vendors = mergeList(base.vendors, ours.vendors, theirs.vendors, c);
    p.costs = mergeList(base.costs, ours.costs, theirs.costs, c);
    p.drawdowns = mergeList(base.drawdowns, ours.drawdowns, theirs.drawdowns, c);
    p.changeRequests = mergeList(base.changeRequests, ours.changeRequests, theirs.changeRequests, c);
    p.risks = mergeList(base.risks, ours.risks, theirs.risks, c);
    p.statusRecords = mergeList(base.statusRecords, ours.statusRecords, theirs.statusRecords, c);
    std::stable_sort(p.statusRecords.begin(), p.statusRecords.end(), [](const StatusRecord& a, const StatusRecord& b) { return a.date < b.date; });

    // Change requests raised in both copies under one number: the ones new in neither base keep it in
    // order of id, the others get the next numbers.
    {
        std::map<int, std::vector<size_t>> byNumber;
        int top = 0;
        for (size_t i = 0; i < p.changeRequests.size(); ++i) {
            byNumber[p.changeRequests[i].number].push_back(i);
            top = std::max(top, p.changeRequests[i].number);
        }
        auto inBase = [&](const ChangeRequest& r) { return std::any_of(base.changeRequests.begin(), base.changeRequests.end(), [&](auto& x) { return x.id == r.id; }); };
        for (auto& [number, rows] : byNumber) {
            if (rows.size() < 2) continue;
            std::sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
                const bool ba = inBase(p.changeRequests[a]), bb = inBase(p.changeRequests[b]);
                return ba != bb ? ba : p.changeRequests[a].id < p.changeRequests[b].id;
            });
            for (size_t k = 1; k < rows.size(); ++k) {
                ChangeRequest& r = p.changeRequests[rows[k]];
                r.number = ++top;
                c.notes.push_back("Numbered change request " + quoted(r.title) + " CR-" + std::to_string(r.number) + ": both copies raised a CR-" +
                                  std::to_string(number) + ".");
            }
        }
    }

    // A dependency cycle that neither copy had alone: drop the latest-changed link in it, until none.
    for (int guard = 0; guard < 1000; ++guard) {
        const Schedule s = schedule(p);
        if (s.cycle.empty()) break;
        std::set<Id> inCycle(s.cycle.begin(), s.cycle.end());
        // Tasks in the cycle and their subtrees (a link may reach a summary through a child).
        for (size_t i = 0; i < p.tasks.size(); ++i)
            if (!p.tasks[i].parent.isNull() && inCycle.count(p.tasks[i].parent)) inCycle.insert(p.tasks[i].id);
        int drop = -1;
        auto fresh = [&](const Link& l) { auto bi = links.b.find(l.id); return bi == links.b.end() || !(*bi->second == l); };
        for (size_t i = 0; i < p.links.size(); ++i) {
            const Link& l = p.links[i];
            if (!inCycle.count(l.predecessor) || !inCycle.count(l.successor)) continue;
            if (drop < 0) { drop = int(i); continue; }
            const Link& d = p.links[size_t(drop)];
            const auto key = [&](const Link& x) { return std::tuple(fresh(x), x.modified, x.id); };
            if (key(l) > key(d)) drop = int(i);
        }
        if (drop < 0) break;
        const Link l = p.links[size_t(drop)];
        c.notes.push_back("Dropped the link " + c.taskName(l.predecessor) + " \u2192 " + c.taskName(l.successor) +
                          ": with the other copy's links it made a dependency cycle.");
        p.links.erase(p.links.begin() + drop);
    }

    std::sort(c.notes.begin(), c.notes.end());
    c.notes.erase(std::unique(c.notes.begin(), c.notes.end()), c.notes.end());
    std::sort(c.conflicts.begin(), c.conflicts.end(), [](const MergeConflict& a, const MergeConflict& b) {
        return std::tie(a.entity, a.id, a.name, a.field) < std::tie(b.entity, b.id, b.name, b.field);
    });
    return {std::move(p), std::move(c.conflicts), std::move(c.notes)};
}

} // namespace plotline
