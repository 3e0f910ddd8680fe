#include "binary_io.hpp"
#include "varint.hpp"

#include "fields.hpp"
#include "json_io.hpp"
#include "sliced_parts.hpp"

#include <array>
#include <cstring>
#include <functional>

namespace plotline {

namespace {

constexpr std::string_view kMagic = "PLTB\x01";

// The name of each record type in a file's type list.
template <class T> constexpr const char* kRecordName = nullptr;
template <> constexpr const char* kRecordName<Task> = "Task";
template <> constexpr const char* kRecordName<Link> = "Link";
template <> constexpr const char* kRecordName<Resource> = "Resource";
template <> constexpr const char* kRecordName<RateChange> = "RateChange";
template <> constexpr const char* kRecordName<Assignment> = "Assignment";
template <> constexpr const char* kRecordName<Baseline> = "Baseline";
template <> constexpr const char* kRecordName<BaselineTask> = "BaselineTask";
template <> constexpr const char* kRecordName<BudgetLine> = "BudgetLine";
template <> constexpr const char* kRecordName<Vendor> = "Vendor";
template <> constexpr const char* kRecordName<PurchaseOrder> = "PurchaseOrder";
template <> constexpr const char* kRecordName<Invoice> = "Invoice";
template <> constexpr const char* kRecordName<CostEntry> = "CostEntry";
template <> constexpr const char* kRecordName<HoursEntry> = "HoursEntry";
template <> constexpr const char* kRecordName<Drawdown> = "Drawdown";
template <> constexpr const char* kRecordName<ChangeRequest> = "ChangeRequest";
template <> constexpr const char* kRecordName<ChangeItem> = "ChangeItem";
template <> constexpr const char* kRecordName<ChangeDecision> = "ChangeDecision";
template <> constexpr const char* kRecordName<Risk> = "Risk";
template <> constexpr const char* kRecordName<StatusRecord> = "StatusRecord";
template <> constexpr const char* kRecordName<BillingItem> = "BillingItem";
template <> constexpr const char* kRecordName<ClientInvoice> = "ClientInvoice";
template <> constexpr const char* kRecordName<PipelineStage> = "PipelineStage";
template <> constexpr const char* kRecordName<Deliverable> = "Deliverable";

enum Kind : uint8_t { KId = 1, KText, KInt, KOptInt, KBool, KDate, KOptDate, KChoice, KDates, KIds, KList, KConstraint, KLastKind = KConstraint };

// A stored value of one kind can fill a field of another: a number or a date whether optional or not.
bool compatible(Kind stored, Kind field) {
    auto plain = [](Kind k) { return k == KOptInt ? KInt : k == KOptDate ? KDate : k; };
    return plain(stored) == plain(field);
}

struct FieldInfo {
    std::string name;
    Kind kind;
    std::string sub; // a nested list's record type
};

// A record type's fields, from its description.
struct SchemaOf {
    std::vector<FieldInfo> f;
    [[gnu::noinline]] void add(const char* k, Kind kind, const char* sub = "") { f.push_back({k, kind, sub}); }
    void id(const char* k, const Id&, Presence) { add(k, KId); }
    void text(const char* k, const std::string&, Presence, size_t = 0) { add(k, KText); }
    template <class I> void integer(const char* k, const I&, Presence, int64_t, int64_t, int64_t) { add(k, KInt); }
    template <class I> void integer(const char* k, const std::optional<I>&, int64_t, int64_t) { add(k, KOptInt); }
    void boolean(const char* k, bool, bool, Presence = Optional) { add(k, KBool); }
    void date(const char* k, const Date&, Presence) { add(k, KDate); }
    void date(const char* k, const std::optional<Date>&) { add(k, KOptDate); }
    template <class E> void choice(const char* k, const E&, E, const Names<E>&) { add(k, KChoice); }
    void dates(const char* k, const std::vector<Date>&) { add(k, KDates); }
    void ids(const char* k, const std::vector<Id>&) { add(k, KIds); }
    template <class S> void list(const char* k, const std::vector<S>&, Presence) { add(k, KList, kRecordName<S>); }
    void constraint(const Task&) { add("constraint", KConstraint); }
};

template <class T> const std::vector<FieldInfo>& schemaOf() {
    static const std::vector<FieldInfo> fields = [] {
        SchemaOf v;
        const T x{};
        describe(v, x);
        return v.f;
    }();
    return fields;
}

// Every record type, for the type list at the top of a file.
template <class F> void forEachType(F&& f) {
    f.template operator()<Task>();
    f.template operator()<Link>();
    f.template operator()<Resource>();
    f.template operator()<RateChange>();
    f.template operator()<Assignment>();
    f.template operator()<Baseline>();
    f.template operator()<BaselineTask>();
    f.template operator()<BudgetLine>();
    f.template operator()<Vendor>();
    f.template operator()<PurchaseOrder>();
    f.template operator()<Invoice>();
    f.template operator()<CostEntry>();
    f.template operator()<HoursEntry>();
    f.template operator()<Drawdown>();
    f.template operator()<ChangeRequest>();
    f.template operator()<ChangeItem>();
    f.template operator()<ChangeDecision>();
    f.template operator()<Risk>();
    f.template operator()<StatusRecord>();
    f.template operator()<BillingItem>();
    f.template operator()<ClientInvoice>();
    f.template operator()<PipelineStage>();
    f.template operator()<Deliverable>();
}

// ---- writing -------------------------------------------------------------------------------------

struct Out : VarintOut {
    [[gnu::noinline]] void str(std::string_view t) {
        u(t.size());
        s.append(t);
    }
    [[gnu::noinline]] void id(Id x) {
        char b[16];
        for (int k = 0; k < 8; ++k) {
            b[k] = char(uint8_t(x.hi >> (8 * k)));
            b[8 + k] = char(uint8_t(x.lo >> (8 * k)));
        }
        s.append(b, 16);
    }
    void flag(bool b) { s += char(b ? 1 : 0); }
};

struct WriteFields {
    Out o;
    void id(const char*, Id x, Presence) { o.id(x); }
    void text(const char*, const std::string& x, Presence, size_t = 0) { o.str(x); }
    template <class I> void integer(const char*, I x, Presence, int64_t, int64_t, int64_t) { o.i(int64_t(x)); }
    template <class I> void integer(const char*, const std::optional<I>& x, int64_t, int64_t) {
        o.flag(bool(x));
        if (x) o.i(int64_t(*x));
    }
    void boolean(const char*, bool x, bool, Presence = Optional) { o.flag(x); }
    void date(const char*, Date x, Presence) { o.i(x.days); }
    void date(const char*, const std::optional<Date>& x) {
        o.flag(bool(x));
        if (x) o.i(x->days);
    }
    template <class E> void choice(const char*, E x, E, const Names<E>& n) { o.str(n.name(x)); }
    void dates(const char*, const std::vector<Date>& x) {
        o.u(x.size());
        for (Date d : x) o.i(d.days);
    }
    void ids(const char*, const std::vector<Id>& x) {
        o.u(x.size());
        for (Id t : x) o.id(t);
    }
    template <class S> void list(const char*, const std::vector<S>& x, Presence) {
        o.u(x.size());
        for (const S& s : x) describe(*this, s);
    }
    void constraint(const Task& t) {
        o.str(constraintName(t.constraint));
        date("constraintDate", t.constraintDate);
    }
};

// ---- reading -------------------------------------------------------------------------------------

struct In : VarintIn {
    std::string_view str() {
        const uint64_t n = u();
        if (n > left()) {
            fail();
            return {};
        }
        std::string_view s(reinterpret_cast<const char*>(p), size_t(n));
        p += n;
        return s;
    }
    Id id() {
        if (left() < 16) {
            fail();
            return {};
        }
        Id x;
        for (int k = 0; k < 8; ++k) {
            x.hi |= uint64_t(p[k]) << (8 * k);
            x.lo |= uint64_t(p[8 + k]) << (8 * k);
        }
        p += 16;
        return x;
    }
    // A count of items that take at least `each` bytes apiece: no larger than what is left.
    size_t count(size_t each = 1) {
        const uint64_t n = u();
        if (n > left() / std::max<size_t>(each, 1)) {
            fail();
            return 0;
        }
        return size_t(n);
    }
};

struct StoredType {
    std::string name;
    std::vector<FieldInfo> fields;
    std::vector<int> sub;     // for a nested list: the index of its stored type; else -1
    std::vector<int> map;     // for each field of the current type of that name: its stored field, or -1
    bool mapped = false;
    bool inOrder = false;     // the current type's fields exactly, in its order: each record is read in one pass
};

const int32_t kMinDay = Date::fromYmd(1900, 1, 1).days, kMaxDay = Date::fromYmd(2999, 12, 31).days;

struct Ctx {
    std::vector<StoredType> types;
    std::string error; // the first fault, with its place
    // Where each stored field of a record starts, per depth of nesting (records in records in…; the
    // types of this version nest two deep, a file's own type list may claim any depth: it is capped).
    static constexpr size_t kMaxDepth = 6;
    std::array<std::vector<const uint8_t*>, kMaxDepth> scratch;
    size_t depth = 0;

    void fault(const std::string& place, const std::string& what) {
        if (error.empty()) error = place + ": " + what;
    }
    // Moves past a value of a stored kind.
    [[gnu::noinline]] void skip(In& in, Kind kind, int sub) {
        switch (kind) {
        case KId: in.id(); break;
        case KText: case KChoice: in.str(); break;
        case KInt: case KDate: in.i(); break;
        case KOptInt: case KOptDate: if (in.byte()) in.i(); break;
        case KBool: in.byte(); break;
        case KDates: for (size_t n = in.count(), k = 0; k < n; ++k) in.i(); break;
        case KIds: for (size_t n = in.count(16), k = 0; k < n; ++k) in.id(); break;
        case KConstraint: in.str(); if (in.byte()) in.i(); break;
        case KList: {
            if (sub < 0 || depth >= kMaxDepth) return in.fail();
            const StoredType& t = types[size_t(sub)];
            ++depth;
            for (size_t n = in.count(), k = 0; k < n && !in.bad; ++k)
                for (size_t f = 0; f < t.fields.size(); ++f) skip(in, t.fields[f].kind, t.sub[f]);
            --depth;
            break;
        }
        }
    }
    int typeIndex(std::string_view name) const {
        for (size_t k = 0; k < types.size(); ++k)
            if (types[k].name == name) return int(k);
        return -1;
    }
    // Matches a stored type's fields to the current type's (`now`), by name and kind.
    [[gnu::noinline]] void mapFields(StoredType& st, const std::vector<FieldInfo>& now) {
        st.map.assign(now.size(), -1);
        for (size_t n = 0; n < now.size(); ++n)
            for (size_t j = 0; j < st.fields.size(); ++j)
                if (st.fields[j].name == now[n].name && compatible(st.fields[j].kind, now[n].kind) &&
                    (now[n].kind != KList || st.fields[j].sub == now[n].sub)) {
                    st.map[n] = int(j);
                    break;
                }
        st.mapped = true;
        st.inOrder = st.fields.size() == now.size();
        for (size_t n = 0; n < now.size() && st.inOrder; ++n)
            st.inOrder = st.map[n] == int(n) && st.fields[n].kind == now[n].kind;
    }
    // What a record's reading and a list's share whatever their type, out of line: one copy of it, not
    // one per record type. (Every opening runs this reader, so its code is in the web app's first
    // download: the copies made 5 KB of it, gzipped.)
    [[gnu::noinline]] const std::vector<const uint8_t*>* fieldStarts(In& in, const StoredType& st, const std::string& place);
    [[gnu::noinline]] StoredType* listType(In& in, int typeAt, const char* recordName, const std::string& place, size_t& count);
    [[gnu::noinline]] void recordFault(const std::string& place, size_t i);
    template <class T> void readRecord(In& in, StoredType& st, T& x, const std::string& place);
    template <class S> void readList(In& in, int typeAt, std::vector<S>& out, const std::string& place);
};

// Reads the fields of one record, in its description's order: from the record's bytes in turn when
// its stored type is the current one (inOrder), else from where each stored field begins (`at`).
struct ReadFields {
    Ctx& c;
    const StoredType& st;
    In& cur;                                 // inOrder: the record's bytes, read as the fields come
    const std::vector<const uint8_t*>* at;   // otherwise: where each stored field begins
    const std::string& place;
    In one{};                                // (that field's bytes)
    size_t n = 0;                            // the current field

    // The stored value of the next field, read from what this returns, moving it past the value;
    // null when the file has none.
    In* next(Kind& kind, int& sub) {
        const int j = st.map[n++];
        if (j < 0) return nullptr;
        kind = st.fields[size_t(j)].kind;
        sub = st.sub[size_t(j)];
        if (st.inOrder) return &cur;
        one = In{{(*at)[size_t(j)], cur.end}};
        return &one;
    }
    In* next() {
        Kind k;
        int s;
        return next(k, s);
    }
    std::string where(const char* k) const { return place + "." + k; }
    void missing(const char* k, Presence p) {
        if (p == Required) c.fault(where(k), "missing");
    }
    bool day(const char* k, int64_t d, Date& out) {
        if (d < kMinDay || d > kMaxDay) {
            c.fault(where(k), "not a date from 1900 to 2999");
            return false;
        }
        out = Date{int32_t(d)};
        return true;
    }
    // A number or date, whichever form (optional or not) it was stored in; false when absent.
    bool number(In& in, Kind kind, int64_t& v) {
        if ((kind == KOptInt || kind == KOptDate) && !in.byte()) return false;
        v = in.i();
        return !in.bad;
    }

    [[gnu::noinline]] void id(const char* k, Id& x, Presence p) {
        In* in = next();
        if (!in) return missing(k, p);
        x = in->id();
    }
    [[gnu::noinline]] void text(const char* k, std::string& x, Presence p, size_t limit = kMaxLineText) {
        In* in = next();
        if (!in) return missing(k, p);
        const std::string_view s = in->str();
        if (std::string why = textTooLong(s, limit); !why.empty()) return c.fault(where(k), why);
        x.assign(s);
    }
    // The next field's number or date, whichever form it was stored in; false when the file has none.
    bool value(int64_t& v) {
        Kind kind;
        int sub;
        In* in = next(kind, sub);
        return in && number(*in, kind, v);
    }
    bool inRange(const char* k, int64_t v, int64_t lo, int64_t hi) {
        if (v >= lo && v <= hi) return true;
        c.fault(where(k), "out of range (" + std::to_string(lo) + " to " + std::to_string(hi) + ")");
        return false;
    }
    [[gnu::noinline]] bool integer(const char* k, int64_t& v, Presence p, int64_t def, int64_t lo, int64_t hi) {
        if (value(v)) return inRange(k, v, lo, hi);
        v = def;
        missing(k, p);
        return true;
    }
    template <class I> void integer(const char* k, I& x, Presence p, int64_t def, int64_t lo, int64_t hi) {
        if (int64_t v; integer(k, v, p, def, lo, hi)) x = I(v);
    }
    [[gnu::noinline]] std::optional<int64_t> optionalInteger(const char* k, int64_t lo, int64_t hi) {
        if (int64_t v; value(v) && inRange(k, v, lo, hi)) return v;
        return std::nullopt;
    }
    template <class I> void integer(const char* k, std::optional<I>& x, int64_t lo, int64_t hi) {
        x.reset();
        if (std::optional<int64_t> v = optionalInteger(k, lo, hi)) x = I(*v);
    }
    [[gnu::noinline]] void boolean(const char* k, bool& x, bool def, Presence = Optional) {
        x = def;
        In* in = next();
        if (!in) return;
        const uint8_t b = in->byte();
        if (b > 1) return c.fault(where(k), "not true or false");
        x = b == 1;
    }
    [[gnu::noinline]] void date(const char* k, Date& x, Presence p) {
        if (int64_t v; value(v)) day(k, v, x);
        else missing(k, p);
    }
    [[gnu::noinline]] void date(const char* k, std::optional<Date>& x) {
        x.reset();
        if (int64_t v; value(v))
            if (Date d; day(k, v, d)) x = d;
    }
    // A choice's stored name; false when the file has none. (A choice of any type shares it, as it
    // shares notOneOf: one copy of each.)
    [[gnu::noinline]] bool choiceName(std::string_view& s) {
        In* in = next();
        if (!in) return false;
        s = in->str();
        return true;
    }
    [[gnu::noinline]] void notOneOf(const char* k, const char* expected) { c.fault(where(k), std::string("not ") + expected); }
    template <class E> void choice(const char* k, E& x, E def, const Names<E>& names) {
        x = def;
        std::string_view s;
        if (!choiceName(s)) return;
        if (auto e = names.parse(s)) x = *e;
        else notOneOf(k, names.expected);
    }
    [[gnu::noinline]] void dates(const char* k, std::vector<Date>& x) {
        x.clear();
        In* p = next();
        if (!p) return;
        In& in = *p;
        const size_t count = in.count();
        x.reserve(count);
        for (size_t i = 0; i < count && !in.bad; ++i)
            if (Date d; day(k, in.i(), d)) x.push_back(d);
        if (in.bad) c.fault(where(k), "cut short");
    }
    [[gnu::noinline]] void ids(const char* k, std::vector<Id>& x) {
        x.clear();
        In* p = next();
        if (!p) return;
        In& in = *p;
        const size_t count = in.count(16);
        x.reserve(count);
        for (size_t i = 0; i < count && !in.bad; ++i) x.push_back(in.id());
        if (in.bad) c.fault(where(k), "cut short");
    }
    template <class S> void list(const char* k, std::vector<S>& x, Presence p) {
        Kind kind;
        int sub;
        x.clear();
        In* in = next(kind, sub);
        if (!in) return missing(k, p);
        c.readList(*in, sub, x, where(k));
    }
    [[gnu::noinline]] void constraint(Task& t) {
        t.constraint = Constraint::ASAP;
        t.constraintDate.reset();
        In* p = next();
        if (!p) return;
        In& in = *p;
        if (auto k = parseConstraint(in.str())) t.constraint = *k;
        else return c.fault(where("constraint"), "not a constraint (ASAP, SNET, FNLT or MSO)");
        if (in.byte())
            if (Date d; day("constraintDate", in.i(), d)) t.constraintDate = d;
        if (t.constraint != Constraint::ASAP && !t.constraintDate)
            c.fault(where("constraintDate"), std::string("missing (needed by ") + constraintName(t.constraint) + ")");
        if (t.constraint == Constraint::ASAP) t.constraintDate.reset();
    }
};

// Where each stored field of the record at `in` starts (moving `in` past it), or null after a fault.
const std::vector<const uint8_t*>* Ctx::fieldStarts(In& in, const StoredType& st, const std::string& place) {
    if (depth >= kMaxDepth) {
        fault(place, "nested too deep");
        return nullptr;
    }
    std::vector<const uint8_t*>& at = scratch[depth];
    at.resize(st.fields.size());
    for (size_t f = 0; f < st.fields.size(); ++f) {
        at[f] = in.p;
        skip(in, st.fields[f].kind, st.sub[f]);
    }
    if (in.bad) {
        fault(place, "cut short");
        return nullptr;
    }
    return &at;
}

template <class T> void Ctx::readRecord(In& in, StoredType& st, T& x, const std::string& place) {
    if (!st.mapped) mapFields(st, schemaOf<T>());
    if (st.inOrder) { // (the depth is the current types', which nest two deep)
        ReadFields v{*this, st, in, nullptr, place};
        describe(v, x);
        if (in.bad) fault(place, "cut short");
        return;
    }
    const std::vector<const uint8_t*>* at = fieldStarts(in, st, place);
    if (!at) return;
    ++depth;
    ReadFields v{*this, st, in, at, place}; // (in: only its end)
    describe(v, x);
    --depth;
}

// The stored type of a list of `recordName` records and how many it holds, or null after a fault.
StoredType* Ctx::listType(In& in, int typeAt, const char* recordName, const std::string& place, size_t& count) {
    if (typeAt < 0 || types[size_t(typeAt)].name != recordName) {
        fault(place, "not a list of " + std::string(recordName) + " records");
        return nullptr;
    }
    count = in.count();
    if (in.bad) {
        fault(place, "cut short");
        return nullptr;
    }
    return &types[size_t(typeAt)];
}

// A fault in the list's record i: its place names the record.
void Ctx::recordFault(const std::string& place, size_t i) {
    const size_t dot = error.find(": ");
    error = place + "[" + std::to_string(i) + "]" + error.substr(place.size(), dot - place.size()) + error.substr(dot);
}

template <class S> void Ctx::readList(In& in, int typeAt, std::vector<S>& out, const std::string& place) {
    size_t count = 0;
    StoredType* st = listType(in, typeAt, kRecordName<S>, place, count);
    if (!st) return;
    // Each record is read where it stays. The plan's rows get the room a document keeps for rows to
    // come, so opening a big plan moves none of them again (Document::load).
    out.reserve(std::is_same_v<S, Task> || std::is_same_v<S, Link> ? withRoomToGrow(count) : count);
    for (size_t i = 0; i < count && error.empty(); ++i) {
        readRecord(in, *st, out.emplace_back(), place); // (a fault names the list; the index follows below)
        if (!error.empty()) return recordFault(place, i);
    }
}

} // namespace

bool isProjectBinary(std::string_view body) { return body.substr(0, 4) == kMagic.substr(0, 4); }

Result<Project> readProjectBinary(std::string_view body, bool acceptNewer, int* schemaVersion) {
    const std::string damaged = "the stored project is damaged (";
    if (!isProjectBinary(body)) return fail("not a stored Plotline project");
    if (body.size() < kMagic.size() || body[4] != kMagic[4])
        return fail("this project was stored by a newer Plotline (layout " + std::to_string(body.size() > 4 ? uint8_t(body[4]) : 0) + ")");
    In in{reinterpret_cast<const uint8_t*>(body.data()) + kMagic.size(), reinterpret_cast<const uint8_t*>(body.data()) + body.size()};
    const std::string_view header = in.str();
    if (in.bad) return fail(damaged + "cut short in its header)");
    Result<Project> read = readProjectJson(header, acceptNewer, schemaVersion);
    if (!read) return read;
    Project p = std::move(*read);

    // A type list far beyond what any version describes is damage, not a reason to allocate.
    constexpr size_t kMaxTypes = 1000, kMaxFields = 1000;
    Ctx c;
    const size_t types = in.count();
    if (types > kMaxTypes) return fail(damaged + "too many record types)");
    c.types.resize(types);
    for (StoredType& t : c.types) {
        t.name = in.str();
        const size_t fields = in.count();
        if (fields > kMaxFields) return fail(damaged + "a record type with too many fields)");
        t.fields.resize(fields);
        for (FieldInfo& f : t.fields) {
            f.name = in.str();
            const uint8_t kind = in.byte();
            if (kind < KId || kind > KLastKind) return fail(damaged + "a field of an unknown kind)");
            f.kind = Kind(kind);
            if (f.kind == KList) f.sub = in.str();
        }
    }
    if (in.bad) return fail(damaged + "cut short in its list of record types)");
    for (StoredType& t : c.types) {
        t.sub.assign(t.fields.size(), -1);
        for (size_t f = 0; f < t.fields.size(); ++f)
            if (t.fields[f].kind == KList) {
                t.sub[f] = c.typeIndex(t.fields[f].sub);
                if (t.sub[f] < 0) return fail(damaged + "a list of an unknown record type)");
            }
        if (t.fields.empty()) return fail(damaged + "a record type without fields)");
    }
    const size_t lists = in.count();
    for (size_t l = 0; l < lists && c.error.empty() && !in.bad; ++l) {
        const std::string name(in.str());
        const int typeAt = c.typeIndex(in.str());
        if (in.bad || typeAt < 0) return fail(damaged + "a list of an unknown record type)");
        bool known = false;
        forEachList(p, [&](const char* listName, auto& list, Presence) {
            if (known || name != listName) return;
            known = true;
            c.readList(in, typeAt, list, name);
        });
        if (!known) c.skip(in, KList, typeAt); // a list a later Plotline keeps: not read here
    }
    if (!c.error.empty()) return fail(damaged + c.error + ")");
    if (in.bad) return fail(damaged + "cut short)");
    if (in.left()) return fail(damaged + "unexpected bytes after its end)");
    return p;
}

Result<Project> readProjectBody(std::string_view body, bool acceptNewer, int* schemaVersion) {
    return isProjectBinary(body) ? readProjectBinary(body, acceptNewer, schemaVersion) : readProjectJson(body, acceptNewer, schemaVersion);
}

struct ProjectBinaryWriter::Impl {
    const Project& p;
    std::string s;
    WriteFields f{Out{{s}}};
    SlicedParts parts;
    // Where each list's bytes are once its part has begun (forEachList's order, which is the body's):
    // its name, its count (as written), and the records written so far, record k at [at[k], at[k + 1]).
    struct Placed {
        size_t nameAt = SIZE_MAX, countAt = 0, count = 0;
        bool complete = false;
        std::vector<uint32_t> at;
        bool started() const { return nameAt != SIZE_MAX; }
        size_t written() const { return at.size() - 1; }
        size_t end() const { return at.back(); }
    };
    std::vector<Placed> placed;
    size_t tasksAt = 0, linksAt = 0, assignmentsAt = 0; // their places in `placed`

    explicit Impl(const Project& project) : p(project) {
        s.reserve(1024 + p.tasks.size() * 90 + p.links.size() * 45 + p.assignments.size() * 40);
        parts.add([this](size_t&) {
            Out o{{s}};
            s.append(kMagic);
            ProjectJsonWriter header(p, false, true);
            header.step(SIZE_MAX);
            o.str(header.text());
            size_t types = 0;
            forEachType([&]<class T>() { ++types; });
            o.u(types);
            forEachType([&]<class T>() {
                o.str(kRecordName<T>);
                const auto& fields = schemaOf<T>();
                o.u(fields.size());
                for (const FieldInfo& fi : fields) {
                    o.str(fi.name);
                    s += char(fi.kind);
                    if (fi.kind == KList) o.str(fi.sub);
                }
            });
            size_t lists = 0;
            forEachList(p, [&](const char*, const auto&, Presence) { ++lists; });
            o.u(lists);
            return true;
        });
        forEachList(p, [&](const char* name, const auto& list, Presence) {
            const size_t l = placed.size();
            placed.emplace_back();
            if (static_cast<const void*>(&list) == &p.tasks) tasksAt = l;
            if (static_cast<const void*>(&list) == &p.links) linksAt = l;
            if (static_cast<const void*>(&list) == &p.assignments) assignmentsAt = l;
            parts.add([this, name, &list, l](size_t& budget) {
                using S = typename std::remove_cvref_t<decltype(list)>::value_type;
                Placed& pl = placed[l];
                if (!pl.started()) {
                    pl.nameAt = s.size();
                    f.o.str(name);
                    f.o.str(kRecordName<S>);
                    pl.countAt = s.size();
                    pl.count = list.size();
                    f.o.u(list.size());
                    pl.at.reserve(list.size() + 1);
                    pl.at.push_back(uint32_t(s.size()));
                }
                for (size_t i = pl.written(); i < list.size() && budget > 0; ++i, --budget) {
                    describe(f, list[i]);
                    pl.at.push_back(uint32_t(s.size()));
                }
                pl.complete = pl.written() == list.size();
                return pl.complete;
            });
        });
    }

    // A list's rows as follow() reshapes them: each written row's record (its index in Placed::at
    // before the change; kPut for a record to write from the list), and how many rows the list has.
    static constexpr int64_t kPut = -1;
    struct Rows {
        std::vector<int64_t> rows;
        size_t total = 0;
        bool touched = false;
    };

    // One step on a list: the rows its edit removed go, the ones it put in come in as kPut (rows past
    // the last one written stay unwritten, for the list's part to write). False when the edit does not
    // fit the list.
    static bool reshape(Rows& r, const Placed& pl, const ListEdit& e) {
        if (!r.touched) {
            r.rows.resize(pl.written());
            for (size_t k = 0; k < r.rows.size(); ++k) r.rows[k] = int64_t(k);
            r.total = pl.count;
            r.touched = true;
        }
        const size_t written = r.rows.size(), total = r.total;
        if (e.removed.size() > total) return false;
        std::vector<int64_t> out;
        out.reserve(written + e.inserted.size());
        size_t ri = 0, ii = 0, j = 0;
        for (size_t o = 0;; ++o) {
            while (ii < e.inserted.size() && e.inserted[ii] == j) { // (after the rows written: unwritten too)
                if (o < written || pl.complete) out.push_back(kPut);
                ++ii;
                ++j;
            }
            if (o == total) break;
            if (ri < e.removed.size() && e.removed[ri] == o) {
                ++ri;
                continue;
            }
            if (o < written) out.push_back(r.rows[o]);
            ++j;
        }
        if (ri != e.removed.size() || ii != e.inserted.size()) return false;
        r.rows = std::move(out);
        r.total = j;
        return true;
    }

    void put(size_t l, size_t row, std::string& into) const {
        WriteFields w{Out{{into}}};
        if (l == tasksAt) describe(w, p.tasks[row]);
        else if (l == linksAt) describe(w, p.links[row]);
        else describe(w, p.assignments[row]);
    }
    size_t liveSize(size_t l) const { return l == tasksAt ? p.tasks.size() : l == linksAt ? p.links.size() : p.assignments.size(); }

    bool follow(const RecordEdits& edits) {
        if (s.size() > UINT32_MAX / 2) return false;
        std::vector<Rows> rows(placed.size());
        for (const RecordEdits::Step& step : edits.steps)
            for (auto [l, e] : {std::pair{tasksAt, &step.tasks}, {linksAt, &step.links}, {assignmentsAt, &step.assignments}})
                if (!e->empty() && placed[l].started() && !reshape(rows[l], placed[l], *e)) return false;
        // Where the bytes first change: at a list's count when it takes more or fewer bytes, else at its
        // first row that differs (the other counts are rewritten in place).
        size_t from = SIZE_MAX;
        std::vector<size_t> firstDiff(placed.size(), SIZE_MAX);
        for (size_t l = 0; l < placed.size(); ++l) {
            Rows& r = rows[l];
            if (!r.touched) continue;
            if (r.total != liveSize(l)) return false;
            const Placed& pl = placed[l];
            size_t k = 0;
            while (k < r.rows.size() && k < pl.written() && r.rows[k] == int64_t(k)) ++k;
            if (k < r.rows.size() || k < pl.written()) firstDiff[l] = k;
            if (varintSize(r.total) != varintSize(pl.count)) from = std::min(from, pl.countAt);
            else if (firstDiff[l] != SIZE_MAX) from = std::min(from, size_t(pl.at[k]));
        }
        std::string tail;
        if (from != SIZE_MAX) {
            tail.reserve(s.size() - from + 4096);
            for (size_t l = 0; l < placed.size(); ++l) {
                Placed& pl = placed[l];
                // (a list ending at `from` may have rows put in at its end)
                if (!pl.started() || pl.end() < from || (pl.end() == from && firstDiff[l] == SIZE_MAX)) continue;
                auto here = [&] { return uint32_t(from + tail.size()); };
                // The name, type and count.
                size_t k0 = 0; // the first row rewritten
                const size_t count = rows[l].touched ? rows[l].total : pl.count;
                if (pl.nameAt >= from) {
                    const size_t nameAt = here();
                    tail.append(s, pl.nameAt, pl.countAt - pl.nameAt);
                    pl.nameAt = nameAt;
                    pl.countAt = here();
                    Out{{tail}}.u(count);
                } else if (pl.countAt >= from) {
                    pl.countAt = here();
                    Out{{tail}}.u(count);
                } else { // (`from` is at a row of this list)
                    k0 = firstDiff[l];
                    rewriteCount(pl, count);
                }
                // The rows: those kept copied, those put in written from the list.
                std::vector<uint32_t> at(pl.at.begin(), pl.at.begin() + long(k0) + 1);
                at.back() = here();
                const size_t n = rows[l].touched ? rows[l].rows.size() : pl.written();
                at.reserve(n + 1);
                auto rowAt = [&](size_t k) { return rows[l].touched ? rows[l].rows[k] : int64_t(k); };
                for (size_t k = k0; k < n;) {
                    const int64_t was = rowAt(k);
                    if (was == kPut) {
                        put(l, k, tail);
                        at.push_back(here());
                        ++k;
                        continue;
                    }
                    size_t e = k + 1; // a run of rows that were together: one copy
                    while (e < n && rowAt(e) == was + int64_t(e - k)) ++e;
                    const uint32_t* old = &pl.at[size_t(was)];
                    const int64_t shift = int64_t(here()) - int64_t(old[0]);
                    tail.append(s, old[0], old[e - k] - old[0]);
                    for (size_t q = 1; q <= e - k; ++q) at.push_back(uint32_t(int64_t(old[q]) + shift));
                    k = e;
                }
                pl.at = std::move(at);
                pl.count = count;
                rows[l].touched = false; // (done)
            }
            s.resize(from);
            s += tail;
        }
        // Lists before `from` whose rows stay: their counts, rewritten where they are.
        for (size_t l = 0; l < placed.size(); ++l)
            if (rows[l].touched) rewriteCount(placed[l], rows[l].total);
        return true;
    }
    // A count that takes as many bytes as the one written, written over it.
    void rewriteCount(Placed& pl, size_t count) {
        char b[10];
        const size_t len = size_t(putVarint(b, count) - b);
        s.replace(pl.countAt, len, b, len);
        pl.count = count;
    }
    static size_t varintSize(uint64_t v) {
        char b[10];
        return size_t(putVarint(b, v) - b);
    }
};

ProjectBinaryWriter::ProjectBinaryWriter(const Project& project) : impl_(std::make_unique<Impl>(project)) {}
ProjectBinaryWriter::~ProjectBinaryWriter() = default;

bool ProjectBinaryWriter::step(size_t records) { return impl_->parts.step(records); }

bool ProjectBinaryWriter::done() const { return impl_->parts.done(); }
const std::string& ProjectBinaryWriter::text() const { return impl_->s; }
std::string ProjectBinaryWriter::take() { return std::move(impl_->s); }
bool ProjectBinaryWriter::follow(const RecordEdits& edits) { return impl_->follow(edits); }

std::string writeProjectBinary(const Project& p) {
    ProjectBinaryWriter w(p);
    while (!w.step(SIZE_MAX)) {}
    return w.take();
}

} // namespace plotline
