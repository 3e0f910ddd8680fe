#include "json_io.hpp"

#include "id_index.hpp"
#include "json_dom.hpp"


#include <algorithm>

namespace plotline {

namespace {

constexpr int64_t kMaxMinutes = int64_t(480) * 365 * 200; // 200 years of 8-hour days
constexpr size_t kMaxErrors = 20;
constexpr int64_t kMaxMoney = int64_t(1) << 53; // 90 trillion in minor units: beyond any project

// Collects validation errors with their JSON paths; reads typed fields without ever throwing.
class Reader {
public:
    std::vector<std::string> errors;

    void error(const std::string& path, const std::string& what) {
        if (errors.size() < kMaxErrors) errors.push_back(path + ": " + what);
        else if (errors.size() == kMaxErrors) errors.push_back("… more errors not shown");
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

    std::string str(JsonRef obj, const std::string& path, const char* key, bool required, std::string def = {}) {
        JsonRef v = field(obj, path, key, required);
        if (v.missing()) return def;
        if (!v.isString()) { error(path + "." + key, "not a string"); return def; }
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

    JsonRef array(JsonRef root, const char* key) {
        JsonRef v = root[key];
        if (v.isNull()) return {};
        if (!v.isArray()) { error(key, "not a list"); return {}; }
        return v;
    }

    bool object(JsonRef v, const std::string& path) {
        if (v.isObject()) return true;
        error(path, "not an object");
        return false;
    }
};

std::string at(const char* list, size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

// Schema 3: budget lines, vendors, actuals, contingency drawdowns, change requests, risks and status
// records. Their task and vendor references are kept even when they name nothing any more (a task
// deleted after money was booked on it): money records are facts, and are never dropped.
template <class UniqueId>
void readMoneySide(Reader& r, JsonRef root, Project& p, UniqueId uniqueId) {
    const std::string top;
    auto category = [&](JsonRef o, const std::string& path, CostCategory def) {
        return r.choice(o, path, "category", def, parseCostCategory, "a cost category (labour, vendor, media, software, travel, contingency, other)");
    };
    r.each(root, top, "vendors", [&](JsonRef o, const std::string& path) {
        Vendor v;
        v.id = r.id(o, path, "id", true);
        uniqueId(v.id, path);
        v.name = r.str(o, path, "name", true);
        v.contact = r.str(o, path, "contact", false);
        v.contractValue = r.money(o, path, "contractValue", false);
        r.each(o, path, "orders", [&](JsonRef e, const std::string& ep) {
            PurchaseOrder po;
            po.number = r.str(e, ep, "number", false);
            if (auto d = r.date(e, ep, "date", true)) po.date = *d;
            po.amount = r.money(e, ep, "amount", true);
            v.orders.push_back(std::move(po));
        });
        r.each(o, path, "invoices", [&](JsonRef e, const std::string& ep) {
            Invoice in;
            in.number = r.str(e, ep, "number", false);
            if (auto d = r.date(e, ep, "date", true)) in.date = *d;
            in.amount = r.money(e, ep, "amount", true, true);
            in.paid = r.boolean(e, ep, "paid", false);
            v.invoices.push_back(std::move(in));
        });
        v.modified = r.integer(o, path, "modified", false, 0, 0, INT64_MAX);
        p.vendors.push_back(std::move(v));
    });
    r.each(root, top, "changeRequests", [&](JsonRef o, const std::string& path) {
        ChangeRequest c;
        c.id = r.id(o, path, "id", true);
        uniqueId(c.id, path);
        c.number = int(r.integer(o, path, "number", true, 0, 1, 1000000));
        c.title = r.str(o, path, "title", true);
        c.description = r.str(o, path, "description", false);
        c.requester = r.str(o, path, "requester", false);
        if (auto d = r.date(o, path, "raised", true)) c.raised = *d;
        c.decided = r.date(o, path, "decided", false);
        c.status = r.choice(o, path, "status", ChangeStatus::Draft, parseChangeStatus, "a status (draft, submitted, approved, rejected)");
        c.costImpact = r.money(o, path, "costImpact", false, true);
        c.category = category(o, path, CostCategory::Other);
        r.each(o, path, "items", [&](JsonRef e, const std::string& ep) {
            ChangeItem it;
            it.task = r.id(e, ep, "task", false);
            it.name = r.str(e, ep, "name", it.task.isNull());
            it.parent = r.id(e, ep, "parent", false);
            it.duration = r.integer(e, ep, "duration", true, 0, 0, kMaxMinutes);
            c.items.push_back(std::move(it));
        });
        r.each(o, path, "log", [&](JsonRef e, const std::string& ep) {
            ChangeDecision d;
            d.at = r.integer(e, ep, "at", true, 0, 0, INT64_MAX);
            d.status = r.choice(e, ep, "status", ChangeStatus::Draft, parseChangeStatus, "a status (draft, submitted, approved, rejected)");
            d.by = r.str(e, ep, "by", false);
            d.note = r.str(e, ep, "note", false);
            c.log.push_back(std::move(d));
        });
        c.modified = r.integer(o, path, "modified", false, 0, 0, INT64_MAX);
        p.changeRequests.push_back(std::move(c));
    });
    r.each(root, top, "budgetLines", [&](JsonRef o, const std::string& path) {
        BudgetLine b;
        b.id = r.id(o, path, "id", true);
        uniqueId(b.id, path);
        b.name = r.str(o, path, "name", true);
        b.category = category(o, path, CostCategory::Other);
        b.amount = r.money(o, path, "amount", true, true);
        b.task = r.id(o, path, "task", false);
        b.vendor = r.id(o, path, "vendor", false);
        b.changeRequest = r.id(o, path, "changeRequest", false);
        b.modified = r.integer(o, path, "modified", false, 0, 0, INT64_MAX);
        p.budgetLines.push_back(std::move(b));
    });
    r.each(root, top, "costs", [&](JsonRef o, const std::string& path) {
        CostEntry c;
        c.id = r.id(o, path, "id", true);
        uniqueId(c.id, path);
        if (auto d = r.date(o, path, "date", true)) c.date = *d;
        c.amount = r.money(o, path, "amount", true, true);
        c.category = category(o, path, CostCategory::Other);
        c.task = r.id(o, path, "task", false);
        c.vendor = r.id(o, path, "vendor", false);
        c.note = r.str(o, path, "note", false);
        c.modified = r.integer(o, path, "modified", false, 0, 0, INT64_MAX);
        p.costs.push_back(std::move(c));
    });
    r.each(root, top, "hours", [&](JsonRef o, const std::string& path) {
        HoursEntry h;
        h.id = r.id(o, path, "id", true);
        uniqueId(h.id, path);
        if (auto d = r.date(o, path, "date", true)) h.date = *d;
        h.task = r.id(o, path, "task", false);
        h.resource = r.id(o, path, "resource", true);
        h.minutes = r.integer(o, path, "minutes", true, 0, -24 * 60, 24 * 60);
        h.note = r.str(o, path, "note", false);
        h.modified = r.integer(o, path, "modified", false, 0, 0, INT64_MAX);
        if (!h.resource.isNull() && p.resourceIndex(h.resource) < 0) r.error(path + ".resource", "refers to no resource");
        p.hours.push_back(std::move(h));
    });
    r.each(root, top, "drawdowns", [&](JsonRef o, const std::string& path) {
        Drawdown d;
        d.id = r.id(o, path, "id", true);
        uniqueId(d.id, path);
        if (auto day = r.date(o, path, "date", true)) d.date = *day;
        d.amount = r.money(o, path, "amount", true, true);
        d.reason = r.str(o, path, "reason", false);
        d.modified = r.integer(o, path, "modified", false, 0, 0, INT64_MAX);
        p.drawdowns.push_back(std::move(d));
    });
    r.each(root, top, "risks", [&](JsonRef o, const std::string& path) {
        Risk k;
        k.id = r.id(o, path, "id", true);
        uniqueId(k.id, path);
        k.title = r.str(o, path, "title", true);
        k.probability = int(r.integer(o, path, "probability", false, 3, 1, 5));
        k.impact = int(r.integer(o, path, "impact", false, 3, 1, 5));
        k.owner = r.str(o, path, "owner", false);
        k.mitigation = r.str(o, path, "mitigation", false);
        k.status = r.choice(o, path, "status", RiskStatus::Open, parseRiskStatus, "a risk status (open, mitigating, closed)");
        if (const JsonRef ts = r.field(o, path, "tasks", false); !ts.missing()) {
            if (!ts.isArray()) r.error(path + ".tasks", "not a list");
            else {
                size_t i = 0;
                for (JsonRef t : ts) {
                    auto id = t.isString() ? Id::parse(t.str()) : std::nullopt;
                    if (!id) r.error(path + ".tasks[" + std::to_string(i) + "]", "not an id (32 hex digits)");
                    else k.tasks.push_back(*id);
                    ++i;
                }
            }
        }
        k.modified = r.integer(o, path, "modified", false, 0, 0, INT64_MAX);
        p.risks.push_back(std::move(k));
    });
    r.each(root, top, "statusRecords", [&](JsonRef o, const std::string& path) {
        StatusRecord s;
        if (auto d = r.date(o, path, "date", true)) s.date = *d;
        s.pv = r.money(o, path, "pv", false, true);
        s.ev = r.money(o, path, "ev", false, true);
        s.ac = r.money(o, path, "ac", false, true);
        s.percentComplete = int(r.integer(o, path, "percentComplete", false, 0, 0, 100));
        if (!p.statusRecords.empty() && !(p.statusRecords.back().date < s.date))
            r.error(path + ".date", "status records must be in date order, one per date");
        p.statusRecords.push_back(s);
    });
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
    if (const JsonRef cj = pj["contingency"]; !cj.isNull() && r.object(cj, "project.contingency")) {
        p.contingency.percent = r.boolean(cj, "project.contingency", "percent", false);
        p.contingency.amount = r.money(cj, "project.contingency", "amount", false);
        p.contingency.basisPoints = int(r.integer(cj, "project.contingency", "basisPoints", false, 0, 0, 100000));
    }
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
                             "hours", "drawdowns", "changeRequests", "risks"})
        entities += root[list].size();
    IdIndex ids(entities);
    auto uniqueId = [&](Id id, const std::string& path) {
        if (id.isNull()) return;
        if (ids.find(id) >= 0) r.error(path + ".id", "duplicate id " + id.str());
        else ids.insert(id, 0);
    };
    uniqueId(p.id, "project");

    IdIndex taskAt(root["tasks"].size());
    auto isTask = [&](Id id) { return taskAt.find(id) >= 0; };
    if (const JsonRef tasks = r.array(root, "tasks"); !tasks.missing()) {
        p.tasks.reserve(tasks.size());
        std::vector<Id> ancestors; // the chain of parents open at the current row (outline order)
        size_t i = 0;
        for (const JsonRef tj : tasks) {
            const std::string path = at("tasks", i++);
            if (!r.object(tj, path)) continue;
            Task t;
            t.id = r.id(tj, path, "id", true);
            uniqueId(t.id, path);
            t.name = r.str(tj, path, "name", true);
            t.parent = r.id(tj, path, "parent", false);
            if (auto legacy = r.date(tj, path, "start", false)) { // schema 1
                t.constraint = Constraint::SNET;
                t.constraintDate = legacy;
            }
            if (std::string c = r.str(tj, path, "constraint", false, constraintName(t.constraint)); auto k = parseConstraint(c)) t.constraint = *k;
            else r.error(path + ".constraint", "not a constraint (ASAP, SNET, FNLT or MSO)");
            if (!tj["constraintDate"].missing()) t.constraintDate = r.date(tj, path, "constraintDate", false);
            if (t.constraint != Constraint::ASAP && !t.constraintDate)
                r.error(path + ".constraintDate", std::string("missing (needed by ") + constraintName(t.constraint) + ")");
            if (t.constraint == Constraint::ASAP) t.constraintDate.reset();
            t.deadline = r.date(tj, path, "deadline", false);
            t.actualStart = r.date(tj, path, "actualStart", false);
            t.actualFinish = r.date(tj, path, "actualFinish", false);
            if (t.actualFinish && !t.actualStart) r.error(path + ".actualFinish", "set without an actualStart");
            if (t.actualStart && t.actualFinish && *t.actualFinish < *t.actualStart)
                r.error(path + ".actualFinish", "before the actual start " + t.actualStart->str());
            t.duration = r.integer(tj, path, "duration", true, 0, 0, kMaxMinutes);
            t.milestone = r.boolean(tj, path, "milestone", false);
            t.percentComplete = int(r.integer(tj, path, "percentComplete", false, 0, 0, 100));
            t.notes = r.str(tj, path, "notes", false);
            t.modified = r.integer(tj, path, "modified", false, 0, 0, INT64_MAX);
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
        }
    }
    if (const JsonRef links = r.array(root, "links"); !links.missing()) {
        size_t i = 0;
        for (const JsonRef lj : links) {
            const std::string path = at("links", i++);
            if (!r.object(lj, path)) continue;
            Link l;
            l.id = r.id(lj, path, "id", true);
            uniqueId(l.id, path);
            l.predecessor = r.id(lj, path, "predecessor", true);
            l.successor = r.id(lj, path, "successor", true);
            std::string type = r.str(lj, path, "type", false, "FS");
            if (auto t = parseLinkType(type)) l.type = *t;
            else r.error(path + ".type", "not a link type (FS, SS, FF or SF)");
            l.lag = r.integer(lj, path, "lag", false, 0, -kMaxMinutes, kMaxMinutes);
            l.modified = r.integer(lj, path, "modified", false, 0, 0, INT64_MAX);
            if (!l.predecessor.isNull() && !isTask(l.predecessor)) r.error(path + ".predecessor", "refers to no task");
            if (!l.successor.isNull() && !isTask(l.successor)) r.error(path + ".successor", "refers to no task");
            if (!l.predecessor.isNull() && l.predecessor == l.successor) r.error(path, "a task cannot depend on itself");
            p.links.push_back(l);
        }
    }
    IdIndex resourceIds(root["resources"].size());
    if (const JsonRef res = r.array(root, "resources"); !res.missing()) {
        size_t i = 0;
        for (const JsonRef rj : res) {
            const std::string path = at("resources", i++);
            if (!r.object(rj, path)) continue;
            Resource x;
            x.id = r.id(rj, path, "id", true);
            uniqueId(x.id, path);
            x.name = r.str(rj, path, "name", true);
            x.role = r.str(rj, path, "role", false);
            x.hourlyRate = r.integer(rj, path, "hourlyRate", false, 0, 0, int64_t(1) << 50);
            x.daysOff = r.dates(rj, path, "daysOff");
            r.each(rj, path, "rateChanges", [&](JsonRef cj, const std::string& cp) {
                RateChange c;
                if (auto d = r.date(cj, cp, "from", true)) c.from = *d;
                c.hourlyRate = r.integer(cj, cp, "hourlyRate", true, 0, 0, int64_t(1) << 50);
                if (!x.rateChanges.empty() && !(x.rateChanges.back().from < c.from))
                    r.error(cp + ".from", "rate changes must be in date order, one per date");
                x.rateChanges.push_back(c);
            });
            x.modified = r.integer(rj, path, "modified", false, 0, 0, INT64_MAX);
            resourceIds.insert(x.id, 0);
            p.resources.push_back(std::move(x));
        }
    }
    if (const JsonRef as = r.array(root, "assignments"); !as.missing()) {
        size_t i = 0;
        for (const JsonRef aj : as) {
            const std::string path = at("assignments", i++);
            if (!r.object(aj, path)) continue;
            Assignment a;
            a.id = r.id(aj, path, "id", true);
            uniqueId(a.id, path);
            a.task = r.id(aj, path, "task", true);
            a.resource = r.id(aj, path, "resource", true);
            a.units = int(r.integer(aj, path, "units", false, 100, 0, 10000));
            a.modified = r.integer(aj, path, "modified", false, 0, 0, INT64_MAX);
            if (!a.task.isNull() && !isTask(a.task)) r.error(path + ".task", "refers to no task");
            if (!a.resource.isNull() && resourceIds.find(a.resource) < 0) r.error(path + ".resource", "refers to no resource");
            p.assignments.push_back(a);
        }
    }

    if (const JsonRef bs = r.array(root, "baselines"); !bs.missing()) {
        size_t i = 0;
        for (const JsonRef bj : bs) {
            const std::string path = at("baselines", i++);
            if (!r.object(bj, path)) continue;
            Baseline b;
            b.id = r.id(bj, path, "id", true);
            uniqueId(b.id, path);
            b.name = r.str(bj, path, "name", true);
            b.saved = r.integer(bj, path, "saved", false, 0, 0, INT64_MAX);
            if (const JsonRef ts = r.field(bj, path, "tasks", false); !ts.missing()) {
                if (!ts.isArray()) r.error(path + ".tasks", "not a list");
                else {
                    b.tasks.reserve(ts.size());
                    size_t k = 0;
                    for (const JsonRef e : ts) {
                        const std::string ep = at((path + ".tasks").c_str(), k++);
                        if (!r.object(e, ep)) continue;
                        BaselineTask bt;
                        bt.task = r.id(e, ep, "task", true); // may name a task deleted since: kept, not shown
                        auto s = r.date(e, ep, "start", true), f = r.date(e, ep, "finish", true);
                        if (s && f && *f < *s) r.error(ep + ".finish", "before its start");
                        if (s) bt.start = *s;
                        if (f) bt.finish = *f;
                        b.tasks.push_back(bt);
                    }
                }
            }
            p.baselines.push_back(std::move(b));
        }
    }

    readMoneySide(r, root, p, [&](Id id, const std::string& path) { uniqueId(id, path); });

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

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(const char* k) {
        item();
        out_ += '"';
        out_ += k;
        out_ += pretty_ ? "\": " : "\":";
        afterKey_ = true;
    }
    void value(int64_t v) { item(); out_ += std::to_string(v); }
    void value(bool v) { item(); out_ += v ? "true" : "false"; }
    void value(const std::string& v) { item(); string(v); }
    void value(const char* v) { item(); string(v); }
    void value(Id v) { item(); out_ += '"'; out_ += v.str(); out_ += '"'; }
    void value(Date v) { item(); out_ += '"'; out_ += v.str(); out_ += '"'; }
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
    bool pretty_;
    bool afterKey_ = false;
    std::string out_;
    std::vector<size_t> counts_; // values written so far in each open array or object
};

} // namespace

std::string writeProjectJson(const Project& p, bool pretty) {
    Writer w(pretty, 256 + p.tasks.size() * 260 + p.links.size() * 170 + p.assignments.size() * 150);
    w.beginObject();
    w.key("assignments");
    w.beginArray();
    for (const Assignment& a : p.assignments) {
        w.beginObject();
        w.member("id", a.id);
        w.member("modified", a.modified);
        w.member("resource", a.resource);
        w.member("task", a.task);
        w.member("units", int64_t(a.units));
        w.endObject();
    }
    w.endArray();
    if (!p.baselines.empty()) {
        w.key("baselines");
        w.beginArray();
        for (const Baseline& b : p.baselines) {
            w.beginObject();
            w.member("id", b.id);
            w.member("name", b.name);
            w.member("saved", b.saved);
            w.key("tasks");
            w.beginArray();
            for (const BaselineTask& t : b.tasks) {
                w.beginObject();
                w.member("finish", t.finish);
                w.member("start", t.start);
                w.member("task", t.task);
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
    }
    w.list("budgetLines", p.budgetLines, [&](const BudgetLine& b) {
        w.beginObject();
        w.member("amount", b.amount);
        w.member("category", costCategoryName(b.category));
        w.optional("changeRequest", b.changeRequest);
        w.member("id", b.id);
        w.member("modified", b.modified);
        w.member("name", b.name);
        w.optional("task", b.task);
        w.optional("vendor", b.vendor);
        w.endObject();
    });
    w.list("changeRequests", p.changeRequests, [&](const ChangeRequest& c) {
        w.beginObject();
        w.member("category", costCategoryName(c.category));
        w.member("costImpact", c.costImpact);
        if (c.decided) w.member("decided", *c.decided);
        w.member("description", c.description);
        w.member("id", c.id);
        w.list("items", c.items, [&](const ChangeItem& it) {
            w.beginObject();
            w.member("duration", it.duration);
            w.optional("name", it.name);
            w.optional("parent", it.parent);
            w.optional("task", it.task);
            w.endObject();
        });
        w.list("log", c.log, [&](const ChangeDecision& d) {
            w.beginObject();
            w.member("at", d.at);
            w.member("by", d.by);
            w.member("note", d.note);
            w.member("status", changeStatusName(d.status));
            w.endObject();
        });
        w.member("modified", c.modified);
        w.member("number", int64_t(c.number));
        w.member("raised", c.raised);
        w.member("requester", c.requester);
        w.member("status", changeStatusName(c.status));
        w.member("title", c.title);
        w.endObject();
    });
    w.list("costs", p.costs, [&](const CostEntry& c) {
        w.beginObject();
        w.member("amount", c.amount);
        w.member("category", costCategoryName(c.category));
        w.member("date", c.date);
        w.member("id", c.id);
        w.member("modified", c.modified);
        w.optional("note", c.note);
        w.optional("task", c.task);
        w.optional("vendor", c.vendor);
        w.endObject();
    });
    w.list("drawdowns", p.drawdowns, [&](const Drawdown& d) {
        w.beginObject();
        w.member("amount", d.amount);
        w.member("date", d.date);
        w.member("id", d.id);
        w.member("modified", d.modified);
        w.member("reason", d.reason);
        w.endObject();
    });
    w.list("hours", p.hours, [&](const HoursEntry& h) {
        w.beginObject();
        w.member("date", h.date);
        w.member("id", h.id);
        w.member("minutes", h.minutes);
        w.member("modified", h.modified);
        w.optional("note", h.note);
        w.member("resource", h.resource);
        w.optional("task", h.task);
        w.endObject();
    });
    w.key("links");
    w.beginArray();
    for (const Link& l : p.links) {
        w.beginObject();
        w.member("id", l.id);
        w.member("lag", l.lag);
        w.member("modified", l.modified);
        w.member("predecessor", l.predecessor);
        w.member("successor", l.successor);
        w.member("type", linkTypeName(l.type));
        w.endObject();
    }
    w.endArray();
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
    if (p.contingency != Contingency{}) {
        w.key("contingency");
        w.beginObject();
        w.member("amount", p.contingency.amount);
        w.member("basisPoints", int64_t(p.contingency.basisPoints));
        w.member("percent", p.contingency.percent);
        w.endObject();
    }
    w.member("currency", p.currency);
    w.member("id", p.id);
    w.member("modified", p.modified);
    w.member("name", p.name);
    w.member("start", p.start);
    if (p.statusDate) w.member("statusDate", *p.statusDate);
    w.endObject();
    w.key("resources");
    w.beginArray();
    for (const Resource& x : p.resources) {
        w.beginObject();
        if (!x.daysOff.empty()) {
            w.key("daysOff");
            w.beginArray();
            for (Date d : x.daysOff) w.value(d);
            w.endArray();
        }
        w.member("hourlyRate", x.hourlyRate);
        w.member("id", x.id);
        w.member("modified", x.modified);
        w.member("name", x.name);
        w.list("rateChanges", x.rateChanges, [&](const RateChange& c) {
            w.beginObject();
            w.member("from", c.from);
            w.member("hourlyRate", c.hourlyRate);
            w.endObject();
        });
        w.member("role", x.role);
        w.endObject();
    }
    w.endArray();
    w.list("risks", p.risks, [&](const Risk& k) {
        w.beginObject();
        w.member("id", k.id);
        w.member("impact", int64_t(k.impact));
        w.member("mitigation", k.mitigation);
        w.member("modified", k.modified);
        w.member("owner", k.owner);
        w.member("probability", int64_t(k.probability));
        w.member("status", riskStatusName(k.status));
        w.list("tasks", k.tasks, [&](Id t) { w.value(t); });
        w.member("title", k.title);
        w.endObject();
    });
    w.member("schemaVersion", int64_t(kSchemaVersion));
    w.list("statusRecords", p.statusRecords, [&](const StatusRecord& s) {
        w.beginObject();
        w.member("ac", s.ac);
        w.member("date", s.date);
        w.member("ev", s.ev);
        w.member("percentComplete", int64_t(s.percentComplete));
        w.member("pv", s.pv);
        w.endObject();
    });
    w.key("tasks");
    w.beginArray();
    for (const Task& t : p.tasks) {
        w.beginObject();
        if (t.actualFinish) w.member("actualFinish", *t.actualFinish);
        if (t.actualStart) w.member("actualStart", *t.actualStart);
        const bool constrained = t.constraint != Constraint::ASAP && t.constraintDate;
        if (constrained) {
            w.member("constraint", constraintName(t.constraint));
            w.member("constraintDate", *t.constraintDate);
        }
        if (t.deadline) w.member("deadline", *t.deadline);
        w.member("duration", t.duration);
        w.member("id", t.id);
        w.member("milestone", t.milestone);
        w.member("modified", t.modified);
        w.member("name", t.name);
        if (!t.notes.empty()) w.member("notes", t.notes);
        if (!t.parent.isNull()) w.member("parent", t.parent);
        w.member("percentComplete", int64_t(t.percentComplete));
        w.endObject();
    }
    w.endArray();
    w.list("vendors", p.vendors, [&](const Vendor& v) {
        w.beginObject();
        w.optional("contact", v.contact);
        w.member("contractValue", v.contractValue);
        w.member("id", v.id);
        w.list("invoices", v.invoices, [&](const Invoice& in) {
            w.beginObject();
            w.member("amount", in.amount);
            w.member("date", in.date);
            w.member("number", in.number);
            w.member("paid", in.paid);
            w.endObject();
        });
        w.member("modified", v.modified);
        w.member("name", v.name);
        w.list("orders", v.orders, [&](const PurchaseOrder& po) {
            w.beginObject();
            w.member("amount", po.amount);
            w.member("date", po.date);
            w.member("number", po.number);
            w.endObject();
        });
        w.endObject();
    });
    w.endObject();
    std::string out = w.take();
    if (pretty) out += '\n';
    return out;
}

} // namespace plotline
