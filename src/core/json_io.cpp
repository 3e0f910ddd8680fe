#include "json_io.hpp"

#include "fields.hpp"
#include "id_index.hpp"
#include "json_dom.hpp"
#include "sliced_parts.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

namespace plotline {

namespace {

// Collects validation errors with their JSON paths; reads typed fields without ever throwing.
class Reader {
public:
    std::vector<std::string> errors;

    void error(const std::string& path, const std::string& what) {
        if (errors.size() < kShownErrors) errors.push_back(clipped(path + ": " + what));
        else if (errors.size() == kShownErrors) errors.push_back("… more errors not shown");
    }

    // The member, or Missing when absent or null.
    JsonRef field(JsonRef obj, const std::string& path, const char* key, bool required) {
        JsonRef v = obj[key];
        if (v.isNull()) {
            if (required) error(path + "." + key, "missing");
            return {};
        }
        return v;
    }

    std::string str(JsonRef obj, const std::string& path, const char* key, bool required, std::string def = {}, size_t limit = kMaxLineText) {
        JsonRef v = field(obj, path, key, required);
        if (v.missing()) return def;
        if (!v.isString()) { error(path + "." + key, "not a string"); return def; }
        if (std::string why = textTooLong(v.str(), limit); !why.empty()) { error(path + "." + key, why); return def; }
        return std::string(v.str());
    }

    int64_t integer(JsonRef obj, const std::string& path, const char* key, bool required, int64_t def, int64_t lo, int64_t hi) {
        JsonRef v = field(obj, path, key, required);
        if (v.missing()) return def;
        if (!v.isInteger()) { error(path + "." + key, "not a whole number"); return def; }
        const int64_t x = v.integer();
        if (x < lo || x > hi) { error(path + "." + key, "out of range (" + std::to_string(lo) + " to " + std::to_string(hi) + ")"); return def; }
        return x;
    }

    bool boolean(JsonRef obj, const std::string& path, const char* key, bool def) {
        JsonRef v = field(obj, path, key, false);
        if (v.missing()) return def;
        if (!v.isBool()) { error(path + "." + key, "not true or false"); return def; }
        return v.boolean();
    }

    std::optional<Date> date(JsonRef obj, const std::string& path, const char* key, bool required) {
        JsonRef v = field(obj, path, key, required);
        if (v.missing()) return std::nullopt;
        if (!v.isString()) { error(path + "." + key, "not a date"); return std::nullopt; }
        auto d = Date::parse(v.str());
        if (!d) error(path + "." + key, "not a date (\"" + std::string(v.str()) + "\", expected YYYY-MM-DD)");
        return d;
    }

    // An optional list of dates, sorted and without repeats; each bad entry is reported by index.
    std::vector<Date> dates(JsonRef obj, const std::string& path, const char* key) {
        std::vector<Date> days;
        JsonRef v = field(obj, path, key, false);
        if (v.missing()) return days;
        const std::string listPath = path + "." + key;
        if (!v.isArray()) { error(listPath, "not a list"); return days; }
        size_t i = 0;
        for (JsonRef e : v) {
            auto d = e.isString() ? Date::parse(e.str()) : std::nullopt;
            if (!d) error(listPath + "[" + std::to_string(i) + "]", "not a date (expected YYYY-MM-DD)");
            else days.push_back(*d);
            ++i;
        }
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        return days;
    }

    Id id(JsonRef obj, const std::string& path, const char* key, bool required) {
        JsonRef v = field(obj, path, key, required);
        if (v.missing()) return Id{};
        if (!v.isString()) { error(path + "." + key, "not an id"); return Id{}; }
        auto id = Id::parse(v.str());
        if (!id) { error(path + "." + key, "not an id (32 hex digits)"); return Id{}; }
        return *id;
    }

    int64_t money(JsonRef obj, const std::string& path, const char* key, bool required, bool negativeOk = false) {
        return integer(obj, path, key, required, 0, negativeOk ? -kMaxMoney : 0, kMaxMoney);
    }

    // An enum stored by name; `parse` returns an optional.
    template <class E, class Parse>
    E choice(JsonRef obj, const std::string& path, const char* key, E def, Parse parse, const char* expected) {
        JsonRef v = field(obj, path, key, false);
        if (v.missing()) return def;
        auto e = v.isString() ? parse(v.str()) : std::nullopt;
        if (!e) { error(path + "." + key, std::string("not ") + expected); return def; }
        return *e;
    }

    // Each object of an optional list, with its path; non-objects are reported and skipped.
    template <class F>
    void each(JsonRef obj, const std::string& path, const char* key, F f) {
        JsonRef v = field(obj, path, key, false);
        if (v.missing()) return;
        const std::string listPath = path.empty() ? std::string(key) : path + "." + key;
        if (!v.isArray()) { error(listPath, "not a list"); return; }
        size_t i = 0;
        for (JsonRef e : v) {
            const std::string ep = listPath + "[" + std::to_string(i++) + "]";
            if (object(e, ep)) f(e, ep);
        }
    }

    bool object(JsonRef v, const std::string& path) {
        if (v.isObject()) return true;
        error(path, "not an object");
        return false;
    }
};

std::string at(const char* list, size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

template <class T> void readRecord(Reader& r, JsonRef obj, const std::string& path, T& x);

// Reads the fields a description names (fields.hpp) from one JSON object.
struct ReadFields {
    Reader& r;
    JsonRef obj;
    const std::string& path;

    void id(const char* k, Id& x, Presence p) { x = r.id(obj, path, k, p == Required); }
    void text(const char* k, std::string& x, Presence p, size_t limit = kMaxLineText) { x = r.str(obj, path, k, p == Required, {}, limit); }
    template <class I> void integer(const char* k, I& x, Presence p, int64_t def, int64_t lo, int64_t hi) {
        x = I(r.integer(obj, path, k, p == Required, def, lo, hi));
    }
    template <class I> void integer(const char* k, std::optional<I>& x, int64_t lo, int64_t hi) {
        x.reset();
        if (!r.field(obj, path, k, false).missing()) x = I(r.integer(obj, path, k, false, 0, lo, hi));
    }
    void boolean(const char* k, bool& x, bool def, Presence = Optional) { x = r.boolean(obj, path, k, def); }
    void date(const char* k, Date& x, Presence p) {
        if (auto d = r.date(obj, path, k, p == Required)) x = *d;
    }
    void date(const char* k, std::optional<Date>& x) { x = r.date(obj, path, k, false); }
    template <class E> void choice(const char* k, E& x, E def, const Names<E>& n) { x = r.choice(obj, path, k, def, n.parse, n.expected); }
    void dates(const char* k, std::vector<Date>& x) { x = r.dates(obj, path, k); }
    void ids(const char* k, std::vector<Id>& x) {
        const JsonRef ts = r.field(obj, path, k, false);
        if (ts.missing()) return;
        const std::string listPath = path + "." + k;
        if (!ts.isArray()) { r.error(listPath, "not a list"); return; }
        size_t i = 0;
        for (JsonRef t : ts) {
            auto id = t.isString() ? Id::parse(t.str()) : std::nullopt;
            if (!id) r.error(listPath + "[" + std::to_string(i) + "]", "not an id (32 hex digits)");
            else x.push_back(*id);
            ++i;
        }
    }
    template <class S> void list(const char* k, std::vector<S>& x, Presence) {
        r.each(obj, path, k, [&](JsonRef e, const std::string& ep) {
            S s;
            readRecord(r, e, ep, s);
            x.push_back(std::move(s));
        });
    }
    // A task's constraint and its date (a schema-1 "start" is a start-no-earlier-than constraint).
    void constraint(Task& t) {
        if (auto legacy = r.date(obj, path, "start", false)) {
            t.constraint = Constraint::SNET;
            t.constraintDate = legacy;
        }
        if (std::string c = r.str(obj, path, "constraint", false, constraintName(t.constraint)); auto k = parseConstraint(c)) t.constraint = *k;
        else r.error(path + ".constraint", "not a constraint (ASAP, SNET, FNLT or MSO)");
        if (!obj["constraintDate"].missing()) t.constraintDate = r.date(obj, path, "constraintDate", false);
        if (t.constraint != Constraint::ASAP && !t.constraintDate)
            r.error(path + ".constraintDate", std::string("missing (needed by ") + constraintName(t.constraint) + ")");
        if (t.constraint == Constraint::ASAP) t.constraintDate.reset();
    }
};

// Rules across the fields of one record, after its fields are read.
template <class T> void checkRecord(Reader&, JsonRef, const std::string&, T&) {}
void checkRecord(Reader& r, JsonRef, const std::string& path, Task& t) {
    if (t.actualFinish && !t.actualStart) r.error(path + ".actualFinish", "set without an actualStart");
    if (t.actualStart && t.actualFinish && *t.actualFinish < *t.actualStart)
        r.error(path + ".actualFinish", "before the actual start " + t.actualStart->str());
}
void checkRecord(Reader& r, JsonRef obj, const std::string& path, Resource& x) {
    // Schema 3 and before: one rate, what the client was charged; it becomes the bill rate and the cost
    // rate stays unknown.
    if (obj["billRate"].missing() && !obj["hourlyRate"].missing()) x.billRate = r.integer(obj, path, "hourlyRate", false, 0, 0, kMaxRate);
    if (obj["billRateChanges"].missing())
        r.each(obj, path, "rateChanges", [&](JsonRef e, const std::string& ep) {
            RateChange c;
            if (auto d = r.date(e, ep, "from", true)) c.from = *d;
            c.rate = r.integer(e, ep, "hourlyRate", true, 0, 0, kMaxRate);
            x.billRateChanges.push_back(c);
        });
    for (const auto* list : {&x.billRateChanges, &x.costRateChanges})
        for (size_t k = 1; k < list->size(); ++k)
            if (!((*list)[k - 1].from < (*list)[k].from))
                r.error(path + (list == &x.billRateChanges ? ".billRateChanges[" : ".costRateChanges[") + std::to_string(k) + "].from",
                        "rate changes must be in date order, one per date");
}
void checkRecord(Reader& r, JsonRef, const std::string& path, BaselineTask& t) {
    if (t.finish < t.start) r.error(path + ".finish", "before its start");
}
void checkRecord(Reader& r, JsonRef obj, const std::string& path, ChangeItem& it) {
    if (it.task.isNull() && obj["name"].isNull()) r.error(path + ".name", "missing");
}
void checkRecord(Reader& r, JsonRef, const std::string& path, Link& l) {
    if (!l.predecessor.isNull() && l.predecessor == l.successor) r.error(path, "a task cannot depend on itself");
}

template <class T> void readRecord(Reader& r, JsonRef obj, const std::string& path, T& x) {
    ReadFields v{r, obj, path};
    describe(v, x);
    checkRecord(r, obj, path, x);
}

// Each record of a top-level list, read by its description; `then` checks references and keeps it.
template <class T, class Then> [[gnu::noinline]] void readListItems(Reader& r, JsonRef root, const char* key, Then then) {
    r.each(root, std::string(), key, [&](JsonRef o, const std::string& path) {
        T x;
        readRecord(r, o, path, x);
        then(std::move(x), path);
    });
}
// A list the file has. The reader of each kind of record runs only for a list that is there: reading
// the header of a stored version (no lists, binary_io.cpp) runs none of them, so the web app's first
// part need not carry them (scripts/split-wasm.mjs).
template <class T, class Then> void readList(Reader& r, JsonRef root, const char* key, Then then) {
    if (!root[key].isNull()) readListItems<T>(r, root, key, std::move(then)); // (absent or null: nothing to read)
}

} // namespace

Result<Project> readProjectJson(std::string_view text, bool acceptNewer, int* schemaVersion) {
    JsonDoc doc;
    if (!doc.parse(text)) return fail("not a JSON document (it may be damaged or not a Plotline file): " + doc.error());
    const JsonRef root = doc.root();
    if (!root.isObject()) return fail("not a Plotline project: the document is not a JSON object");
    Reader r;
    const JsonRef sv = root["schemaVersion"];
    if (sv.missing()) return fail("schemaVersion: missing (not a Plotline project file?)");
    if (!sv.isInteger() || sv.integer() < 1) return fail("schemaVersion: not a positive whole number");
    if (schemaVersion) *schemaVersion = int(std::min<int64_t>(sv.integer(), INT32_MAX));
    if (sv.integer() > kSchemaVersion && !acceptNewer)
        return fail("schemaVersion: this file was written by a newer Plotline (schema " + std::to_string(sv.integer()) +
                    "); this version reads up to schema " + std::to_string(kSchemaVersion));

    Project p;
    const JsonRef pj = root["project"];
    if (!pj.isObject()) return fail("project: missing or not an object");
    p.id = r.id(pj, "project", "id", true);
    p.name = r.str(pj, "project", "name", true);
    p.currency = r.str(pj, "project", "currency", false, "EUR");
    if (p.currency.size() != 3 || !std::all_of(p.currency.begin(), p.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        r.error("project.currency", "not an ISO 4217 code (three capital letters, e.g. EUR)");
    if (auto d = r.date(pj, "project", "start", true)) p.start = *d;
    p.statusDate = r.date(pj, "project", "statusDate", false);
    p.client = r.str(pj, "project", "client", false);
    p.producer = r.str(pj, "project", "producer", false);
    p.isTemplate = r.boolean(pj, "project", "template", false);
    if (const JsonRef cj = pj["contingency"]; !cj.isNull() && r.object(cj, "project.contingency")) {
        p.contingency.percent = r.boolean(cj, "project.contingency", "percent", false);
        p.contingency.amount = r.money(cj, "project.contingency", "amount", false);
        p.contingency.basisPoints = int(r.integer(cj, "project.contingency", "basisPoints", false, 0, 0, 100000));
    }
    if (const JsonRef cj = pj["contract"]; !cj.isNull() && r.object(cj, "project.contract")) readRecord(r, cj, "project.contract", p.contract);
    p.modified = r.integer(pj, "project", "modified", false, 0, 0, INT64_MAX);
    if (const JsonRef cj = pj["calendar"]; !cj.isNull()) {
        if (r.object(cj, "project.calendar")) {
            p.calendar.minutesPerDay = int(r.integer(cj, "project.calendar", "minutesPerDay", false, 480, 1, 1440));
            p.calendar.dayStart = int(r.integer(cj, "project.calendar", "dayStart", false, 540, 0, 1439));
            if (const JsonRef wd = cj["workingDays"]; !wd.missing()) {
                uint8_t mask = 0;
                if (!wd.isArray()) r.error("project.calendar.workingDays", "not a list");
                else {
                    size_t i = 0;
                    for (JsonRef d : wd) {
                        int found = -1;
                        for (int k = 0; k < 7 && d.isString(); ++k)
                            if (d.str() == weekdayShortName(k)) found = k;
                        if (found < 0) r.error(at("project.calendar.workingDays", i), "not a weekday (Mon … Sun)");
                        else mask |= uint8_t(1 << found);
                        ++i;
                    }
                }
                if (wd.isArray() && mask == 0) r.error("project.calendar.workingDays", "at least one working day is needed");
                if (mask) p.calendar.setWorkingWeekdays(mask);
            }
            if (!cj["holidays"].missing()) p.calendar.setHolidays(r.dates(cj, "project.calendar", "holidays"));
        }
    }

    // Every id in the file, to find repeats; sized for all of them up front.
    size_t entities = 1;
    for (const char* list : {"tasks", "links", "resources", "assignments", "baselines", "budgetLines", "vendors", "costs",
                             "hours", "drawdowns", "changeRequests", "risks", "billing", "clientInvoices", "stages", "deliverables"})
        entities += root[list].size();
    IdIndex ids(entities);
    auto uniqueId = [&](Id id, const std::string& path) {
        if (id.isNull()) return;
        if (!ids.insert(id, 0)) r.error(path + ".id", "duplicate id " + id.str());
    };
    uniqueId(p.id, "project");

    IdIndex taskAt(root["tasks"].size());
    auto isTask = [&](Id id) { return taskAt.find(id) >= 0; };
    auto refersTo = [&](Id id, bool known, const std::string& path, const char* field, const char* what) {
        if (!id.isNull() && !known) r.error(path + field, std::string("refers to no ") + what);
    };
    p.tasks.reserve(root["tasks"].size());
    std::vector<Id> ancestors; // the chain of parents open at the current row (outline order)
    readList<Task>(r, root, "tasks", [&](Task t, const std::string& path) {
        uniqueId(t.id, path);
        if (!t.parent.isNull()) {
            if (!isTask(t.parent)) r.error(path + ".parent", t.parent == t.id ? "a task cannot be its own parent" : "refers to no earlier task (a parent must come before its children)");
            else {
                while (!ancestors.empty() && ancestors.back() != t.parent) ancestors.pop_back();
                if (ancestors.empty()) r.error(path + ".parent", "children must directly follow their parent's other descendants (outline order)");
            }
        } else ancestors.clear();
        ancestors.push_back(t.id);
        taskAt.insert(t.id, int(p.tasks.size()));
        p.tasks.push_back(std::move(t));
    });
    p.links.reserve(root["links"].size());
    readList<Link>(r, root, "links", [&](Link l, const std::string& path) {
        uniqueId(l.id, path);
        refersTo(l.predecessor, isTask(l.predecessor), path, ".predecessor", "task");
        refersTo(l.successor, isTask(l.successor), path, ".successor", "task");
        p.links.push_back(l);
    });
    IdIndex resourceIds(root["resources"].size());
    readList<Resource>(r, root, "resources", [&](Resource x, const std::string& path) {
        uniqueId(x.id, path);
        resourceIds.insert(x.id, 0);
        p.resources.push_back(std::move(x));
    });
    readList<Assignment>(r, root, "assignments", [&](Assignment a, const std::string& path) {
        uniqueId(a.id, path);
        refersTo(a.task, isTask(a.task), path, ".task", "task");
        refersTo(a.resource, resourceIds.find(a.resource) >= 0, path, ".resource", "resource");
        p.assignments.push_back(a);
    });
    readList<Baseline>(r, root, "baselines", [&](Baseline b, const std::string& path) {
        uniqueId(b.id, path);
        p.baselines.push_back(std::move(b));
    });
    // The money side (schema 3). Task and vendor references are kept even when they name nothing any
    // more (a task deleted after money was booked on it): money records are facts, never dropped.
    auto keep = [&](auto& list) {
        return [&](auto x, const std::string& path) {
            uniqueId(x.id, path);
            list.push_back(std::move(x));
        };
    };
    readList<Vendor>(r, root, "vendors", keep(p.vendors));
    readList<ChangeRequest>(r, root, "changeRequests", keep(p.changeRequests));
    readList<BudgetLine>(r, root, "budgetLines", keep(p.budgetLines));
    readList<CostEntry>(r, root, "costs", keep(p.costs));
    readList<HoursEntry>(r, root, "hours", [&](HoursEntry h, const std::string& path) {
        uniqueId(h.id, path);
        refersTo(h.resource, resourceIds.find(h.resource) >= 0, path, ".resource", "resource");
        p.hours.push_back(std::move(h));
    });
    readList<Drawdown>(r, root, "drawdowns", keep(p.drawdowns));
    readList<Risk>(r, root, "risks", keep(p.risks));
    readList<BillingItem>(r, root, "billing", keep(p.billing));
    readList<ClientInvoice>(r, root, "clientInvoices", keep(p.clientInvoices));
    readList<PipelineStage>(r, root, "stages", keep(p.stages));
    readList<Deliverable>(r, root, "deliverables", [&](Deliverable x, const std::string& path) {
        uniqueId(x.id, path);
        refersTo(x.task, isTask(x.task), path, ".task", "task");
        p.deliverables.push_back(std::move(x));
    });
    readList<StatusRecord>(r, root, "statusRecords", [&](StatusRecord x, const std::string& path) {
        if (!p.statusRecords.empty() && !(p.statusRecords.back().date < x.date))
            r.error(path + ".date", "status records must be in date order, one per date");
        p.statusRecords.push_back(x);
    });

    if (!r.errors.empty()) {
        std::string msg;
        for (const auto& e : r.errors) msg += (msg.empty() ? "" : "\n") + e;
        return fail(msg);
    }
    return p;
}

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    static const char* hex = "0123456789abcdef";
    for (size_t i = 0; i < s.size();) {
        // A run of printable ASCII without quotes or backslashes (most of any text) goes in one append.
        size_t run = i;
        while (run < s.size() && static_cast<unsigned char>(s[run]) >= 0x20 && static_cast<unsigned char>(s[run]) < 0x80 &&
               s[run] != '"' && s[run] != '\\')
            ++run;
        if (run > i) {
            out.append(s.data() + i, run - i);
            i = run;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) { // copied when valid UTF-8, else each bad byte becomes U+FFFD
            const size_t n = utf8SequenceLength(s, i);
            if (n) out.append(s.substr(i, n));
            else out += "\xEF\xBF\xBD";
            i += n ? n : 1;
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) { out += "\\u00"; out += hex[c >> 4]; out += hex[c & 15]; }
                else out += char(c);
        }
        ++i;
    }
    out += '"';
}

namespace {

// Writes JSON straight into a string, laid out exactly as nlohmann::json's dump() does (members in
// byte order of their names, two-space indent when pretty): files keep their look, and a big plan
// is written without building a document first. Callers give members in sorted order.
class Writer {
public:
    explicit Writer(bool pretty, size_t reserve) : pretty_(pretty) { out_.reserve(reserve); }
    std::string take() { return std::move(out_); }
    const std::string& text() const { return out_; }
    void newline() { out_ += '\n'; }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(const char* k) {
        item();
        const size_t n = std::strlen(k);
        char b[64];
        if (n + 3 <= sizeof b) { // "key":  in one append
            b[0] = '"';
            std::memcpy(b + 1, k, n);
            b[n + 1] = '"';
            b[n + 2] = ':';
            out_.append(b, n + 3);
        } else {
            out_ += '"';
            out_ += k;
            out_ += "\":";
        }
        if (pretty_) out_ += ' ';
        afterKey_ = true;
    }
    void value(int64_t v) { item(); out_ += std::to_string(v); }
    void value(bool v) { item(); out_ += v ? "true" : "false"; }
    void value(const std::string& v) { item(); string(v); }
    void value(const char* v) { item(); string(v); }
    void value(Id v) { formatted<32>(v); }
    void value(Date v) { formatted<10>(v); }
    template <class T> void member(const char* k, const T& v) { key(k); value(v); }
    void optional(const char* k, Id v) { if (!v.isNull()) member(k, v); }
    void optional(const char* k, const std::string& v) { if (!v.empty()) member(k, v); }
    // A list member, written only when the list has entries; `f` writes one entry.
    template <class T, class F> void list(const char* k, const std::vector<T>& items, F f) {
        if (items.empty()) return;
        key(k);
        beginArray();
        for (const T& x : items) f(x);
        endArray();
    }

private:
    // Before a value or a key: the comma and line break that separate it from the one before.
    void item() {
        if (afterKey_) { afterKey_ = false; return; }
        if (counts_.empty()) return;
        if (counts_.back()++ > 0) out_ += ',';
        if (pretty_) { out_ += '\n'; out_.append(2 * counts_.size(), ' '); }
    }
    void open(char c) {
        item();
        out_ += c;
        counts_.push_back(0);
    }
    void close(char c) {
        const bool empty = counts_.back() == 0;
        counts_.pop_back();
        if (pretty_ && !empty) { out_ += '\n'; out_.append(2 * counts_.size(), ' '); }
        out_ += c;
    }
    void string(std::string_view s) { appendJsonString(out_, s); }
    // A value that formats itself into N characters (an id, a date), quoted, in one append.
    template <size_t N, class T> void formatted(T v) {
        item();
        char b[N + 2];
        b[0] = b[N + 1] = '"';
        v.format(b + 1);
        out_.append(b, sizeof b);
    }
    bool pretty_;
    bool afterKey_ = false;
    std::string out_;
    std::vector<size_t> counts_; // values written so far in each open array or object
};

// Writes the fields a description names (fields.hpp), in its order (the file's: by name).
struct WriteFields {
    Writer& w;

    void id(const char* k, Id x, Presence p) { if (p == OmitEmpty) w.optional(k, x); else w.member(k, x); }
    void text(const char* k, const std::string& x, Presence p, size_t = 0) { if (p == OmitEmpty) w.optional(k, x); else w.member(k, x); }
    template <class I> void integer(const char* k, I x, Presence p, int64_t d, int64_t, int64_t) {
        if (p != OmitEmpty || int64_t(x) != d) w.member(k, int64_t(x));
    }
    template <class I> void integer(const char* k, const std::optional<I>& x, int64_t, int64_t) { if (x) w.member(k, int64_t(*x)); }
    void boolean(const char* k, bool x, bool d, Presence p = Optional) { if (p != OmitEmpty || x != d) w.member(k, x); }
    void date(const char* k, Date x, Presence) { w.member(k, x); }
    void date(const char* k, const std::optional<Date>& x) { if (x) w.member(k, *x); }
    template <class E> void choice(const char* k, E x, E, const Names<E>& n) { w.member(k, n.name(x)); }
    void dates(const char* k, const std::vector<Date>& x) { w.list(k, x, [&](Date d) { w.value(d); }); }
    void ids(const char* k, const std::vector<Id>& x) { w.list(k, x, [&](Id t) { w.value(t); }); }
    template <class S> void list(const char* k, const std::vector<S>& x, Presence p) {
        if (x.empty() && p == OmitEmpty) return;
        w.key(k);
        records(x);
    }
    template <class S> void records(const std::vector<S>& x) {
        w.beginArray();
        for (const S& s : x) {
            w.beginObject();
            describe(*this, s);
            w.endObject();
        }
        w.endArray();
    }
    void constraint(const Task& t) {
        if (t.constraint == Constraint::ASAP || !t.constraintDate) return;
        w.member("constraint", constraintName(t.constraint));
        w.member("constraintDate", *t.constraintDate);
    }
};

} // namespace

// The file is a list of parts (sliced_parts.hpp), so writeProjectJson and a save spread over frames
// are one writer.
struct ProjectJsonWriter::Impl {
    const Project& p;
    bool pretty;
    Writer w;
    WriteFields f{w};
    SlicedParts parts;

    Impl(const Project& project, bool pretty_, bool headerOnly)
        : p(project), pretty(pretty_),
          w(pretty_, headerOnly ? 1024 : 256 + p.tasks.size() * 260 + p.links.size() * 170 + p.assignments.size() * 150) {
        // Top-level members in name order: the project's own fields ("project") and "schemaVersion"
        // between the lists; the plan's own lists are always there, the rest only when used.
        parts.add([this](size_t&) { w.beginObject(); return true; });
        bool headerDone = false, schemaDone = false;
        forEachList(p, [&](const char* name, const auto& list, Presence presence) {
            if (!headerDone && std::string_view(name) > "project") {
                parts.add([this](size_t&) { header(); return true; });
                headerDone = true;
            }
            if (!schemaDone && std::string_view(name) > "schemaVersion") {
                parts.add([this](size_t&) { w.member("schemaVersion", int64_t(kSchemaVersion)); return true; });
                schemaDone = true;
            }
            if (!headerOnly) records(name, list, presence);
        });
        parts.add([this](size_t&) {
            w.endObject();
            if (pretty) w.newline(); // a text file ends with a line break
            return true;
        });
    }
    // A list of records, `budget` records per call (indexes, never pointers, are kept between calls).
    template <class S> void records(const char* k, const std::vector<S>& list, Presence presence) {
        parts.add([this, k, &list, presence, i = size_t(0), started = false](size_t& budget) mutable {
            if (!started) {
                if (list.empty() && presence == OmitEmpty) return true;
                w.key(k);
                w.beginArray();
                started = true;
            }
            for (; i < list.size() && budget > 0; ++i, --budget) {
                w.beginObject();
                describe(f, list[i]);
                w.endObject();
            }
            if (i < list.size()) return false;
            w.endArray();
            return true;
        });
    }
    void header() {
        w.key("project");
        w.beginObject();
        w.key("calendar");
        w.beginObject();
        w.member("dayStart", int64_t(p.calendar.dayStart));
        w.key("holidays");
        w.beginArray();
        for (Date d : p.calendar.holidays()) w.value(d);
        w.endArray();
        w.member("minutesPerDay", int64_t(p.calendar.minutesPerDay));
        w.key("workingDays");
        w.beginArray();
        for (int k = 0; k < 7; ++k)
            if (p.calendar.isWeekdayWorked(k)) w.value(weekdayShortName(k));
        w.endArray();
        w.endObject();
        w.optional("client", p.client);
        if (p.contingency != Contingency{}) {
            w.key("contingency");
            w.beginObject();
            w.member("amount", p.contingency.amount);
            w.member("basisPoints", int64_t(p.contingency.basisPoints));
            w.member("percent", p.contingency.percent);
            w.endObject();
        }
        if (p.contract != Contract{}) {
            w.key("contract");
            w.beginObject();
            describe(f, p.contract);
            w.endObject();
        }
        w.member("currency", p.currency);
        w.member("id", p.id);
        w.member("modified", p.modified);
        w.member("name", p.name);
        w.optional("producer", p.producer);
        w.member("start", p.start);
        if (p.statusDate) w.member("statusDate", *p.statusDate);
        if (p.isTemplate) w.member("template", true);
        w.endObject();
    }
};

ProjectJsonWriter::ProjectJsonWriter(const Project& project, bool pretty, bool headerOnly)
    : impl_(std::make_unique<Impl>(project, pretty, headerOnly)) {}
ProjectJsonWriter::~ProjectJsonWriter() = default;

bool ProjectJsonWriter::step(size_t records) { return impl_->parts.step(records); }

bool ProjectJsonWriter::done() const { return impl_->parts.done(); }
const std::string& ProjectJsonWriter::text() const { return impl_->w.text(); }

std::string ProjectJsonWriter::take() { return impl_->w.take(); }

std::string writeProjectJson(const Project& p, bool pretty) {
    ProjectJsonWriter w(p, pretty);
    while (!w.step(SIZE_MAX)) {}
    return w.take();
}

namespace {

// Each field of a record as the file writes it, by name: two records differ in a field when its texts do.
struct FieldTexts {
    std::vector<std::pair<const char*, std::string>> out;
    template <class F> void add(const char* k, F write) {
        Writer w(false, 64);
        WriteFields f{w};
        w.beginObject();
        write(f);
        w.endObject();
        out.push_back({k, w.take()});
    }
    void id(const char* k, Id x, Presence p) { add(k, [&](WriteFields& f) { f.id(k, x, p); }); }
    void text(const char* k, const std::string& x, Presence p, size_t = 0) { add(k, [&](WriteFields& f) { f.text(k, x, p); }); }
    template <class I> void integer(const char* k, I x, Presence p, int64_t d, int64_t lo, int64_t hi) {
        add(k, [&](WriteFields& f) { f.integer(k, x, p, d, lo, hi); });
    }
    template <class I> void integer(const char* k, const std::optional<I>& x, int64_t lo, int64_t hi) {
        add(k, [&](WriteFields& f) { f.integer(k, x, lo, hi); });
    }
    void boolean(const char* k, bool x, bool d, Presence p = Optional) { add(k, [&](WriteFields& f) { f.boolean(k, x, d, p); }); }
    void date(const char* k, Date x, Presence p) { add(k, [&](WriteFields& f) { f.date(k, x, p); }); }
    void date(const char* k, const std::optional<Date>& x) { add(k, [&](WriteFields& f) { f.date(k, x); }); }
    template <class E> void choice(const char* k, E x, E d, const Names<E>& n) { add(k, [&](WriteFields& f) { f.choice(k, x, d, n); }); }
    void dates(const char* k, const std::vector<Date>& x) { add(k, [&](WriteFields& f) { f.dates(k, x); }); }
    void ids(const char* k, const std::vector<Id>& x) { add(k, [&](WriteFields& f) { f.ids(k, x); }); }
    template <class S> void list(const char* k, const std::vector<S>& x, Presence p) { add(k, [&](WriteFields& f) { f.list(k, x, p); }); }
    void constraint(const Task& t) { add("constraint", [&](WriteFields& f) { f.constraint(t); }); }
};

} // namespace

template <class T> std::vector<std::string> changedFields(const T& a, const T& b) {
    FieldTexts x, y;
    describe(x, a);
    describe(y, b);
    std::vector<std::string> changed;
    for (size_t i = 0; i < x.out.size(); ++i)
        if (x.out[i].second != y.out[i].second) changed.push_back(x.out[i].first);
    return changed;
}

template <class T> std::string fieldText(const T& record, std::string_view field) {
    FieldTexts x;
    describe(x, record);
    for (const auto& [name, text] : x.out) {
        if (field != name) continue;
        // {"name":"Build"} → "Build" as JSON ("\"Build\""); an omitted empty field → "".
        const size_t colon = text.find(':');
        return colon == std::string::npos ? std::string() : text.substr(colon + 1, text.size() - colon - 2);
    }
    return {};
}

namespace {

// Reads one named field into an existing record and leaves the others as they are.
template <class T> struct OneField {
    ReadFields in;
    std::string_view name;
    bool found = false;
    bool is(const char* k) { return name == k && (found = true); }
    void id(const char* k, Id& x, Presence p) { if (is(k)) in.id(k, x, p); }
    void text(const char* k, std::string& x, Presence p, size_t limit = kMaxLineText) { if (is(k)) in.text(k, x, p, limit); }
    template <class I> void integer(const char* k, I& x, Presence p, int64_t d, int64_t lo, int64_t hi) { if (is(k)) in.integer(k, x, p, d, lo, hi); }
    template <class I> void integer(const char* k, std::optional<I>& x, int64_t lo, int64_t hi) { if (is(k)) in.integer(k, x, lo, hi); }
    void boolean(const char* k, bool& x, bool d, Presence = Optional) { if (is(k)) in.boolean(k, x, d); }
    void date(const char* k, Date& x, Presence p) { if (is(k)) in.date(k, x, p); }
    void date(const char* k, std::optional<Date>& x) { if (is(k)) in.date(k, x); }
    template <class E> void choice(const char* k, E& x, E d, const Names<E>& n) { if (is(k)) in.choice(k, x, d, n); }
    void dates(const char* k, std::vector<Date>& x) { if (is(k)) in.dates(k, x); }
    void ids(const char* k, std::vector<Id>& x) { if (is(k)) { x.clear(); in.ids(k, x); } }
    template <class S> void list(const char* k, std::vector<S>& x, Presence p) { if (is(k)) { x.clear(); in.list(k, x, p); } }
    void constraint(Task& t) {
        if (!is("constraint")) return;
        t.constraint = Constraint::ASAP; // left out of a file: as soon as possible
        t.constraintDate.reset();
        in.constraint(t);
    }
};

} // namespace

template <class T> Result<T> withFieldText(T record, std::string_view field, std::string_view value) {
    const std::string text = value.empty() ? "{}" : "{\"" + std::string(field) + "\":" + std::string(value) + "}";
    JsonDoc doc;
    if (!doc.parse(text) || !doc.root().isObject()) return fail(std::string(field) + ": not a value this field can hold");
    Reader r;
    const std::string path = std::string(field);
    OneField<T> v{ReadFields{r, doc.root(), path}, field};
    describe(v, record);
    if (!v.found) return fail(std::string(field) + ": no such field");
    checkRecord(r, doc.root(), path, record);
    if (!r.errors.empty()) return fail(r.errors.front());
    return record;
}

template <class T> std::string recordText(const T& record) {
    Writer w(false, 128);
    WriteFields f{w};
    w.beginObject();
    describe(f, record);
    w.endObject();
    return w.take();
}

template <class T> Result<T> recordFromText(std::string_view text) {
    JsonDoc doc;
    if (!doc.parse(text) || !doc.root().isObject()) return fail("not a JSON object");
    Reader r;
    T record{};
    readRecord(r, doc.root(), "", record);
    if (!r.errors.empty()) return fail(r.errors.front());
    return record;
}

#define PLOTLINE_FIELDS_OF(T)                                             \
    template std::vector<std::string> changedFields(const T&, const T&); \
    template std::string fieldText(const T&, std::string_view);          \
    template Result<T> withFieldText(T, std::string_view, std::string_view); \
    template std::string recordText(const T&);                           \
    template Result<T> recordFromText(std::string_view);
PLOTLINE_FIELDS_OF(Task)
PLOTLINE_FIELDS_OF(Link)
PLOTLINE_FIELDS_OF(Resource)
PLOTLINE_FIELDS_OF(Assignment)
PLOTLINE_FIELDS_OF(Baseline)
PLOTLINE_FIELDS_OF(BudgetLine)
PLOTLINE_FIELDS_OF(Vendor)
PLOTLINE_FIELDS_OF(ChangeRequest)
PLOTLINE_FIELDS_OF(CostEntry)
PLOTLINE_FIELDS_OF(HoursEntry)
PLOTLINE_FIELDS_OF(Drawdown)
PLOTLINE_FIELDS_OF(Risk)
PLOTLINE_FIELDS_OF(StatusRecord)
PLOTLINE_FIELDS_OF(Contract)
PLOTLINE_FIELDS_OF(BillingItem)
PLOTLINE_FIELDS_OF(ClientInvoice)
PLOTLINE_FIELDS_OF(PipelineStage)
PLOTLINE_FIELDS_OF(Deliverable)
#undef PLOTLINE_FIELDS_OF

} // namespace plotline
