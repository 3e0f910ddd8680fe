#include "merge.hpp"

#include "fields.hpp"
#include "id_index.hpp"
#include "schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
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
    template <class I> void integer(const char* k, const std::optional<I>& x, int64_t, int64_t) { add(k, x); }
    void boolean(const char* k, const bool& x, bool, Presence = Optional) { add(k, x); }
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
template <> const char* entityName<BillingItem>() { return "billing item"; }
template <> const char* entityName<ClientInvoice>() { return "client invoice"; }
template <> const char* entityName<PipelineStage>() { return "stage"; }
template <> const char* entityName<Deliverable>() { return "deliverable"; }


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
    else if constexpr (std::is_same_v<R, ClientInvoice>) return (r.number.empty() ? "" : r.number + " ") + "for " + r.month.str().substr(0, 7);
    else if constexpr (requires { r.date; }) return r.date.str();
    else return r.id.str();
}

// Field by field: a side's change wins over the base; both sides' different changes are a conflict
// decided by the later edit (then the greater value), the same whichever side is ours.
template <class R> R mergeRecord(const R* b, const R& o, const R& t, Context& c) {
    R out = o;
    if (o == t) return out;
    const Stamp so = stampOf(o), st = stampOf(t);
    const size_t first = c.conflicts.size();
    for (const Slot& s : slotsOf<R>()) {
        const void *ov = at(&o, s), *tv = at(&t, s);
        if (s.same(ov, tv)) continue;
        if (b && s.same(at(b, s), ov)) { s.assign(at(&out, s), tv); continue; }
        if (b && s.same(at(b, s), tv)) continue;
        MergeConflict k{entityName<R>(), std::is_same_v<R, StatusRecord> ? Id{} : keyOf(o), {}, s.name, // named below, as merged
                        fieldText(o, s.name), fieldText(t, s.name), so, st, true};
        k.tookOurs = so != st ? so > st : k.ours > k.theirs;
        if (!k.tookOurs) s.assign(at(&out, s), tv);
        c.conflicts.push_back(std::move(k));
    }
    setStamp(out, std::max(so, st));
    for (size_t i = first; i < c.conflicts.size(); ++i) c.conflicts[i].name = displayName(out, c); // as merged, the same either way
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
    IdIndex row(ok.size() + tk.size());    // id → its entry in `sides`
    std::vector<uint8_t> sides;            // 1: in ours, 2: in theirs, 4: written out
    sides.reserve(ok.size() + tk.size());
    auto mark = [&](Id id, uint8_t side) {
        int r = row.find(id);
        if (r < 0) {
            r = int(sides.size());
            row.insert(id, r);
            sides.push_back(0);
        }
        sides[size_t(r)] |= side;
    };
    for (Id id : ok) mark(id, 1);
    for (Id id : tk) mark(id, 2);
    auto both = [&](Id id) { const int r = row.find(id); return r >= 0 && (sides[size_t(r)] & 3) == 3; };
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
                if (auto& seen = sides[size_t(row.find(id))]; !(seen & 4)) { // each entry once, even if both sides added it
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

template <class R> IdIndex indexByKey(const std::vector<R>& list) {
    IdIndex at(list.size());
    for (size_t i = 0; i < list.size(); ++i) at.insert(keyOf(list[i]), int(i));
    return at;
}

// Every entity of one kind: matched by key, merged, kept or dropped by the rules in merge.hpp. Records
// live in one vector in the order first met (ours, then theirs); nothing written out depends on that
// order (lists are ordered by mergeOrder, decisions taken over sorted ids), so either side merges the same.
template <class R> struct Entities {
    const std::vector<R> &bl, &ol, &tl;
    IdIndex b, o, t;        // key → row on each side
    IdIndex slot;           // key → row of `records`
    std::vector<R> records;
    std::vector<char> alive;

    Entities(const std::vector<R>& base, const std::vector<R>& ours, const std::vector<R>& theirs)
        : bl(base), ol(ours), tl(theirs), b(indexByKey(base)), o(indexByKey(ours)), t(indexByKey(theirs)),
          slot(base.size() + ours.size() + theirs.size()) {}
    const R* inBase(Id id) const { const int r = b.find(id); return r < 0 ? nullptr : &bl[size_t(r)]; }
    const R* inOurs(Id id) const { const int r = o.find(id); return r < 0 ? nullptr : &ol[size_t(r)]; }
    const R* inTheirs(Id id) const { const int r = t.find(id); return r < 0 ? nullptr : &tl[size_t(r)]; }
    const R* anySide(Id id) const {
        if (const R* r = inOurs(id)) return r;
        if (const R* r = inTheirs(id)) return r;
        return inBase(id);
    }
    bool met(Id id) const { return slot.find(id) >= 0; }
    bool has(Id id) const { const int s = slot.find(id); return s >= 0 && alive[size_t(s)]; }
    R& at(Id id) { return records[size_t(slot.find(id))]; }
    void add(Id id, R r) {
        slot.insert(id, int(records.size()));
        records.push_back(std::move(r));
        alive.push_back(1);
    }
    void drop(Id id) { alive[size_t(slot.find(id))] = 0; }
    // Brings back an entity one side deleted, as the side that kept it has it.
    bool restore(Id id) {
        if (has(id)) return true;
        const R* r = anySide(id);
        if (!r) return false;
        if (const int s = slot.find(id); s >= 0) {
            records[size_t(s)] = *r;
            alive[size_t(s)] = 1;
        } else add(id, *r);
        return true;
    }
    std::vector<Id> ids() const { // alive, sorted
        std::vector<Id> out;
        for (size_t i = 0; i < records.size(); ++i)
            if (alive[i]) out.push_back(keyOf(records[i]));
        std::sort(out.begin(), out.end());
        return out;
    }
};

template <class R> Entities<R> mergeEntities(const std::vector<R>& bl, const std::vector<R>& ol, const std::vector<R>& tl, Context& c) {
    Entities<R> e(bl, ol, tl);
    e.records.reserve(std::max(ol.size(), tl.size()));
    auto visit = [&](Id id) {
        if (e.met(id)) return;
        const R *b = e.inBase(id), *o = e.inOurs(id), *t = e.inTheirs(id);
        if (o && t) e.add(id, mergeRecord(b, *o, *t, c));
        else if (o || t) {
            const R& side = o ? *o : *t;
            if (!b) e.add(id, side);                      // added on one side
            else if (!(side == *b)) {                     // deleted on one side, edited on the other
                e.add(id, side);
                c.notes.push_back("Kept " + std::string(entityName<R>()) + " " + quoted(displayName(side, c)) +
                                  ": deleted in one copy, edited in the other.");
            }
        }
    };
    for (const R& r : ol) visit(keyOf(r));
    for (const R& r : tl) visit(keyOf(r));
    return e;
}

template <class R> std::vector<R> inOrder(Entities<R>& e) {
    const Order order = mergeOrder(orderOf(e.bl), orderOf(e.ol), orderOf(e.tl), [&](Id id) { return e.has(id); });
    std::vector<R> out;
    out.reserve(e.records.size());
    for (Id id : order) {
        const size_t s = size_t(e.slot.find(id));
        out.push_back(std::move(e.records[s]));
        e.alive[s] = 0;
    }
    for (Id id : e.ids()) out.push_back(std::move(e.at(id))); // brought back, and in neither side's list: last, by key
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
    return inOrder(e);
}

// ---- The outline ----

std::vector<Task> mergeTasks(Context& c) {
    const Project &B = c.base, &O = c.ours, &T = c.theirs;
    if (const std::vector<Task>* side = oneSided(B.tasks, O.tasks, T.tasks)) return *side;
    Entities<Task> e = mergeEntities(B.tasks, O.tasks, T.tasks, c);
    auto name = [&](Id id) { return quoted(e.anySide(id) ? e.anySide(id)->name : id.str()); };

    // Every kept task's summary is in the plan: one deleted on one side comes back.
    for (bool changed = true; changed;) {
        changed = false;
        for (Id id : e.ids()) {
            Task& t = e.at(id);
            if (t.parent.isNull() || e.has(t.parent)) continue;
            const Id parent = t.parent;
            if (e.inOurs(parent) || e.inTheirs(parent)) {
                e.restore(parent);
                c.notes.push_back("Kept task " + name(parent) + ": deleted in one copy, but " + quoted(e.at(id).name) + " under it was kept.");
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
        std::vector<uint8_t> state(e.records.size(), 0); // by slot: 1 on the walk now, 2 leads to the top level
        for (Id id : e.ids()) {
            std::vector<Id> walk;
            Id p = id;
            while (!p.isNull() && !state[size_t(e.slot.find(p))]) {
                state[size_t(e.slot.find(p))] = 1;
                walk.push_back(p);
                p = e.at(p).parent;
            }
            if (p.isNull() || state[size_t(e.slot.find(p))] == 2) {
                for (Id w : walk) state[size_t(e.slot.find(w))] = 2;
                continue;
            }
            // A cycle through p: lift its smallest id to its base summary, else to the top level.
            std::vector<Id> cycle{p};
            for (Id q = e.at(p).parent; q != p; q = e.at(q).parent) cycle.push_back(q);
            const Id lift = *std::min_element(cycle.begin(), cycle.end());
            Task& x = e.at(lift);
            const Id before = e.inBase(lift) ? e.inBase(lift)->parent : Id{};
            x.parent = std::find(cycle.begin(), cycle.end(), before) == cycle.end() && (before.isNull() || e.has(before)) ? before : Id{};
            c.notes.push_back("Put task " + quoted(x.name) + " back " + (x.parent.isNull() ? std::string("at the top level") : "under " + name(x.parent)) +
                              ": the two copies nested it and another task under each other.");
            changed = true;
            break;
        }
    }
    // The outline: the three rows orders merged as one list, then each summary's children in that
    // order under their merged summary, written out in pre-order.
    Order flat = mergeOrder(orderOf(B.tasks), orderOf(O.tasks), orderOf(T.tasks), [&](Id id) { return e.has(id); });
    {
        std::vector<char> placed(e.records.size(), 0);
        for (Id id : flat) placed[size_t(e.slot.find(id))] = 1;
        for (Id id : e.ids())
            if (!placed[size_t(e.slot.find(id))]) flat.push_back(id); // brought back, in neither order: last, by id
    }
    const size_t n = e.records.size();
    std::vector<size_t> count(n + 2, 0); // children per summary slot + 1 (0: the top level), then offsets
    std::vector<int> parentOf(n, -1);
    for (Id id : flat) {
        const size_t s = size_t(e.slot.find(id));
        const Id p = e.records[s].parent;
        parentOf[s] = p.isNull() ? -1 : e.slot.find(p);
        ++count[size_t(parentOf[s] + 1) + 1];
    }
    for (size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
    std::vector<int> children(flat.size());
    std::vector<size_t> fill(count.begin(), count.end() - 1);
    for (Id id : flat) {
        const int s = e.slot.find(id);
        children[fill[size_t(parentOf[size_t(s)] + 1)]++] = s;
    }
    std::vector<Task> out;
    out.reserve(flat.size());
    std::vector<std::pair<int, size_t>> stack{{-1, count[0]}}; // summary slot, next child
    while (!stack.empty()) {
        auto [parent, next] = stack.back();
        if (next >= count[size_t(parent + 1) + 1]) {
            stack.pop_back();
            continue;
        }
        stack.back().second = next + 1;
        const int child = children[next];
        out.push_back(std::move(e.records[size_t(child)]));
        stack.push_back({child, count[size_t(child + 1)]});
    }
    return out;
}

// ---- The project's own fields ----

template <class F> Slot headerSlot(const char* name, F Project::*member) {
    static const Project probe{};
    return {name, reinterpret_cast<const char*>(&(probe.*member)) - reinterpret_cast<const char*>(&probe), &sameAs<F>, &assignFrom<F>};
}

// The project's own fields as text, and back: "7.5 %" or "120000" for the contingency, "480 540 1111100
// 2026-12-24 …" (minutes a day, start of day, Monday-to-Sunday worked, holidays) for the calendar.
std::string headerText(const Project& p, std::string_view field) {
    if (field == "name") return p.name;
    if (field == "currency") return p.currency;
    if (field == "client") return p.client;
    if (field == "producer") return p.producer;
    if (field == "start") return p.start.str();
    if (field == "statusDate") return p.statusDate ? p.statusDate->str() : "";
    if (field == "contract") return recordText(p.contract);
    if (field == "contingency") {
        if (!p.contingency.percent) return std::to_string(p.contingency.amount);
        std::string s = std::to_string(p.contingency.basisPoints / 100);
        if (const int rest = p.contingency.basisPoints % 100; rest) s += (rest % 10 ? "." + std::to_string(100 + rest).substr(1) : "." + std::to_string(rest / 10));
        return s + " %";
    }
    std::string s = std::to_string(p.calendar.minutesPerDay) + " " + std::to_string(p.calendar.dayStart) + " ";
    for (int d = 0; d < 7; ++d) s += p.calendar.isWeekdayWorked(d) ? "1" : "0";
    for (Date h : p.calendar.holidays()) s += " " + h.str();
    return s;
}

void mergeHeader(Project& out, Context& c) {
    static const std::vector<Slot> slots = {headerSlot("name", &Project::name),       headerSlot("currency", &Project::currency),
                                            headerSlot("start", &Project::start),     headerSlot("calendar", &Project::calendar),
                                            headerSlot("statusDate", &Project::statusDate), headerSlot("contingency", &Project::contingency),
                                            headerSlot("contract", &Project::contract), headerSlot("client", &Project::client),
                                            headerSlot("producer", &Project::producer)};
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
    for (MergeConflict& k : c.conflicts)
        if (k.entity == "project") k.name = out.name; // the project as merged, the same either way
}

template <class R> CommandPtr flipRecord(const std::vector<R>& list, const MergeConflict& k, const std::string& value, std::string& why,
                                         const std::function<CommandPtr(R)>& make) {
    auto it = std::find_if(list.begin(), list.end(), [&](const R& r) {
        if constexpr (std::is_same_v<R, StatusRecord>) return r.date.str() == k.name; // status records are known by their date
        else return r.id == k.id;
    });
    if (it == list.end()) {
        why = "The " + k.entity + " " + quoted(k.name) + " is no longer in the plan.";
        return nullptr;
    }
    Result<R> r = withFieldText(*it, k.field, value);
    if (!r) {
        why = r.error();
        return nullptr;
    }
    return make(std::move(*r));
}

} // namespace

CommandPtr flipConflict(const Project& p, const MergeConflict& k, std::string& why) {
    const std::string& value = k.tookOurs ? k.theirs : k.ours;
    const std::string label = "Use the other " + k.field + " of " + quoted(k.name);
    auto put = [&](auto* tag) {
        using R = std::remove_pointer_t<decltype(tag)>;
        return std::function<CommandPtr(R)>([&](R r) { return putRecord(p, std::move(r), label); });
    };
    const std::string& e = k.entity;
    if (e == "task") return flipRecord<Task>(p.tasks, k, value, why, [](Task t) { return editTask(std::move(t)); });
    if (e == "link") return flipRecord<Link>(p.links, k, value, why, [](Link l) { return editLink(l); });
    if (e == "person") return flipRecord<Resource>(p.resources, k, value, why, [&](Resource r) { return editResource(p, std::move(r)); });
    if (e == "assignment")
        return flipRecord<Assignment>(p.assignments, k, value, why, [&](Assignment a) {
            std::vector<Assignment> team;
            for (const Assignment& x : p.assignments)
                if (x.task == a.task) team.push_back(x.id == a.id ? a : x);
            return setTaskResources(p, a.task, team);
        });
    if (e == "status record") return flipRecord<StatusRecord>(p.statusRecords, k, value, why, [&](StatusRecord r) { return recordStatus(p, r); });
    if (e == "budget line") return flipRecord<BudgetLine>(p.budgetLines, k, value, why, put((BudgetLine*)nullptr));
    if (e == "vendor") return flipRecord<Vendor>(p.vendors, k, value, why, put((Vendor*)nullptr));
    if (e == "cost") return flipRecord<CostEntry>(p.costs, k, value, why, put((CostEntry*)nullptr));
    if (e == "hours") return flipRecord<HoursEntry>(p.hours, k, value, why, put((HoursEntry*)nullptr));
    if (e == "drawdown") return flipRecord<Drawdown>(p.drawdowns, k, value, why, put((Drawdown*)nullptr));
    if (e == "change request") return flipRecord<ChangeRequest>(p.changeRequests, k, value, why, put((ChangeRequest*)nullptr));
    if (e == "risk") return flipRecord<Risk>(p.risks, k, value, why, put((Risk*)nullptr));
    if (e == "billing item") return flipRecord<BillingItem>(p.billing, k, value, why, put((BillingItem*)nullptr));
    if (e == "client invoice") return flipRecord<ClientInvoice>(p.clientInvoices, k, value, why, put((ClientInvoice*)nullptr));
    if (e == "stage") return flipRecord<PipelineStage>(p.stages, k, value, why, put((PipelineStage*)nullptr));
    if (e == "deliverable") return flipRecord<Deliverable>(p.deliverables, k, value, why, put((Deliverable*)nullptr));
    if (e == "project") {
        const std::string& f = k.field;
        if (f == "name" || f == "currency" || f == "start" || f == "calendar") {
            std::string name = p.name, code = p.currency;
            Date start = p.start;
            Calendar cal = p.calendar;
            if (f == "name") name = value;
            else if (f == "currency") code = value;
            else if (f == "start") {
                const auto d = Date::parse(value);
                if (!d) { why = "start: not a date"; return nullptr; }
                start = *d;
            } else {
                int mpd = 0, dayStart = 0;
                char days[8] = {};
                if (std::sscanf(value.c_str(), "%d %d %7s", &mpd, &dayStart, days) != 3) { why = "calendar: not understood"; return nullptr; }
                cal.minutesPerDay = mpd;
                cal.dayStart = dayStart;
                uint8_t mask = 0;
                for (int d = 0; d < 7; ++d) mask |= uint8_t(days[d] == '1') << d;
                cal.setWorkingWeekdays(mask);
                std::vector<Date> holidays;
                for (size_t at = value.find(' ', value.find(' ', value.find(' ') + 1) + 1); at != std::string::npos && at + 1 < value.size();) {
                    const size_t end = value.find(' ', at + 1);
                    if (auto h = Date::parse(value.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1))) holidays.push_back(*h);
                    at = end;
                }
                cal.setHolidays(holidays);
            }
            return editProjectSettings(name, code, start, cal);
        }
        if (f == "contract") {
            Result<Contract> c = recordFromText<Contract>(value);
            if (!c) { why = "contract: " + c.error(); return nullptr; }
            return setContract(*c);
        }
        if (f == "client" || f == "producer") return setProjectOwners(p, f == "client" ? value : p.client, f == "producer" ? value : p.producer);
        if (f == "statusDate") return setStatusDate(value.empty() ? std::nullopt : Date::parse(value));
        if (f == "contingency") {
            Contingency c;
            if (value.size() > 2 && value.ends_with(" %")) {
                c.percent = true;
                c.basisPoints = int(std::lround(std::strtod(value.c_str(), nullptr) * 100));
            } else c.amount = std::strtoll(value.c_str(), nullptr, 10);
            return setContingency(c);
        }
    }
    why = "A " + e + " cannot be changed here: edit it in its own window.";
    return nullptr;
}

MergeResult mergeProjects(const Project& base, const Project& ours, const Project& theirs) {
    Context c{base, ours, theirs, {}, {}};
    Project p;
    p.id = ours.id;
    p.modified = std::max(ours.modified, theirs.modified);
    mergeHeader(p, c);
    p.isTemplate = ours.isTemplate; // templates are kept on one device; a merge never makes or unmakes one
    p.tasks = mergeTasks(c);
    const IdIndex isTask = indexById(p.tasks);
    auto taskKept = [&](Id id) { return isTask.find(id) >= 0; };

    // People: anyone whose kept hours or assignments need them stays.
    Entities<Resource> people = mergeEntities(base.resources, ours.resources, theirs.resources, c);
    Entities<Assignment> assigned = mergeEntities(base.assignments, ours.assignments, theirs.assignments, c);
    for (Id id : assigned.ids())
        if (!taskKept(assigned.at(id).task)) {
            c.notes.push_back("Dropped an assignment on " + c.taskName(assigned.at(id).task) + ": the task was deleted in one copy.");
            assigned.drop(id);
        }
    p.hours = mergeList(base.hours, ours.hours, theirs.hours, c);
    std::vector<Id> needed;
    for (Id id : assigned.ids()) needed.push_back(assigned.at(id).resource);
    for (const HoursEntry& h : p.hours) needed.push_back(h.resource);
    std::sort(needed.begin(), needed.end());
    needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
    for (Id r : needed)
        if (!people.has(r) && people.restore(r))
            c.notes.push_back("Kept person " + quoted(people.at(r).name) + ": deleted in one copy, but their work was kept in the other.");
    p.resources = inOrder(people);
    p.assignments = inOrder(assigned);

    // Links: none to a task that is gone, none that closes a cycle.
    Entities<Link> links = mergeEntities(base.links, ours.links, theirs.links, c);
    for (Id id : links.ids()) {
        const Link& l = links.at(id);
        if (!taskKept(l.predecessor) || !taskKept(l.successor)) {
            c.notes.push_back("Dropped the link " + c.taskName(l.predecessor) + " \u2192 " + c.taskName(l.successor) +
                              ": a task it joins was deleted in one copy.");
            links.drop(id);
        }
    }
    p.links = inOrder(links);

    p.baselines = mergeList(base.baselines, ours.baselines, theirs.baselines, c);
    p.budgetLines = mergeList(base.budgetLines, ours.budgetLines, theirs.budgetLines, c);
    p.vendors = mergeList(base.vendors, ours.vendors, theirs.vendors, c);
    p.costs = mergeList(base.costs, ours.costs, theirs.costs, c);
    p.drawdowns = mergeList(base.drawdowns, ours.drawdowns, theirs.drawdowns, c);
    p.changeRequests = mergeList(base.changeRequests, ours.changeRequests, theirs.changeRequests, c);
    p.risks = mergeList(base.risks, ours.risks, theirs.risks, c);
    p.statusRecords = mergeList(base.statusRecords, ours.statusRecords, theirs.statusRecords, c);
    p.billing = mergeList(base.billing, ours.billing, theirs.billing, c);
    p.clientInvoices = mergeList(base.clientInvoices, ours.clientInvoices, theirs.clientInvoices, c);
    p.stages = mergeList(base.stages, ours.stages, theirs.stages, c);
    p.deliverables = mergeList(base.deliverables, ours.deliverables, theirs.deliverables, c);
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
        auto fresh = [&](const Link& l) { const Link* b = links.inBase(l.id); return !b || !(*b == l); };
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
