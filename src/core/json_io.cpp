#include "json_io.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace plotline {
using json = nlohmann::json;

namespace {

constexpr int64_t kMaxMinutes = int64_t(480) * 365 * 200; // 200 years of 8-hour days
constexpr size_t kMaxErrors = 20;

// Collects validation errors with their JSON paths; reads typed fields without ever throwing.
class Reader {
public:
    std::vector<std::string> errors;

    void error(const std::string& path, const std::string& what) {
        if (errors.size() < kMaxErrors) errors.push_back(path + ": " + what);
        else if (errors.size() == kMaxErrors) errors.push_back("… more errors not shown");
    }

    const json* field(const json& obj, const std::string& path, const char* key, bool required) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) error(path + "." + key, "missing");
            return nullptr;
        }
        return &*it;
    }

    std::string str(const json& obj, const std::string& path, const char* key, bool required, std::string def = {}) {
        const json* v = field(obj, path, key, required);
        if (!v) return def;
        if (!v->is_string()) { error(path + "." + key, "not a string"); return def; }
        return v->get<std::string>();
    }

    int64_t integer(const json& obj, const std::string& path, const char* key, bool required, int64_t def, int64_t lo, int64_t hi) {
        const json* v = field(obj, path, key, required);
        if (!v) return def;
        if (!v->is_number_integer()) { error(path + "." + key, "not a whole number"); return def; }
        int64_t x = v->is_number_unsigned() ? (v->get<uint64_t>() > uint64_t(INT64_MAX) ? INT64_MAX : int64_t(v->get<uint64_t>())) : v->get<int64_t>();
        if (x < lo || x > hi) { error(path + "." + key, "out of range (" + std::to_string(lo) + " to " + std::to_string(hi) + ")"); return def; }
        return x;
    }

    bool boolean(const json& obj, const std::string& path, const char* key, bool def) {
        const json* v = field(obj, path, key, false);
        if (!v) return def;
        if (!v->is_boolean()) { error(path + "." + key, "not true or false"); return def; }
        return v->get<bool>();
    }

    std::optional<Date> date(const json& obj, const std::string& path, const char* key, bool required) {
        const json* v = field(obj, path, key, required);
        if (!v) return std::nullopt;
        if (!v->is_string()) { error(path + "." + key, "not a date"); return std::nullopt; }
        auto d = Date::parse(v->get<std::string>());
        if (!d) error(path + "." + key, "not a date (\"" + v->get<std::string>() + "\", expected YYYY-MM-DD)");
        return d;
    }

    // An optional list of dates, sorted and without repeats; each bad entry is reported by index.
    std::vector<Date> dates(const json& obj, const std::string& path, const char* key) {
        std::vector<Date> days;
        const json* v = field(obj, path, key, false);
        if (!v) return days;
        const std::string listPath = path + "." + key;
        if (!v->is_array()) { error(listPath, "not a list"); return days; }
        for (size_t i = 0; i < v->size(); ++i) {
            const json& e = (*v)[i];
            auto d = e.is_string() ? Date::parse(e.get<std::string>()) : std::nullopt;
            if (!d) error(listPath + "[" + std::to_string(i) + "]", "not a date (expected YYYY-MM-DD)");
            else days.push_back(*d);
        }
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        return days;
    }

    Id id(const json& obj, const std::string& path, const char* key, bool required) {
        const json* v = field(obj, path, key, required);
        if (!v) return Id{};
        if (!v->is_string()) { error(path + "." + key, "not an id"); return Id{}; }
        auto id = Id::parse(v->get<std::string>());
        if (!id) { error(path + "." + key, "not an id (32 hex digits)"); return Id{}; }
        return *id;
    }

    const json* array(const json& root, const char* key) {
        auto it = root.find(key);
        if (it == root.end() || it->is_null()) return nullptr;
        if (!it->is_array()) { error(key, "not a list"); return nullptr; }
        return &*it;
    }

    bool object(const json& v, const std::string& path) {
        if (v.is_object()) return true;
        error(path, "not an object");
        return false;
    }
};

std::string at(const char* list, size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

} // namespace

Result<Project> readProjectJson(std::string_view text) {
    json root = json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded()) return fail("not a JSON document (it may be damaged or not a Plotline file)");
    if (!root.is_object()) return fail("not a Plotline project: the document is not a JSON object");
    Reader r;
    auto sv = root.find("schemaVersion");
    if (sv == root.end()) return fail("schemaVersion: missing (not a Plotline project file?)");
    if (!sv->is_number_integer() || sv->get<int64_t>() < 1) return fail("schemaVersion: not a positive whole number");
    if (sv->get<int64_t>() > kSchemaVersion)
        return fail("schemaVersion: this file was written by a newer Plotline (schema " + std::to_string(sv->get<int64_t>()) +
                    "); this version reads up to schema " + std::to_string(kSchemaVersion));

    Project p;
    auto pj = root.find("project");
    if (pj == root.end() || !pj->is_object()) return fail("project: missing or not an object");
    p.id = r.id(*pj, "project", "id", true);
    p.name = r.str(*pj, "project", "name", true);
    p.currency = r.str(*pj, "project", "currency", false, "EUR");
    if (p.currency.size() != 3 || !std::all_of(p.currency.begin(), p.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        r.error("project.currency", "not an ISO 4217 code (three capital letters, e.g. EUR)");
    if (auto d = r.date(*pj, "project", "start", true)) p.start = *d;
    p.statusDate = r.date(*pj, "project", "statusDate", false);
    p.modified = r.integer(*pj, "project", "modified", false, 0, 0, INT64_MAX);
    if (auto cj = pj->find("calendar"); cj != pj->end() && !cj->is_null()) {
        if (r.object(*cj, "project.calendar")) {
            p.calendar.minutesPerDay = int(r.integer(*cj, "project.calendar", "minutesPerDay", false, 480, 1, 1440));
            p.calendar.dayStart = int(r.integer(*cj, "project.calendar", "dayStart", false, 540, 0, 1439));
            if (auto wd = cj->find("workingDays"); wd != cj->end()) {
                uint8_t mask = 0;
                if (!wd->is_array()) r.error("project.calendar.workingDays", "not a list");
                else
                    for (size_t i = 0; i < wd->size(); ++i) {
                        const json& d = (*wd)[i];
                        int found = -1;
                        for (int k = 0; k < 7 && d.is_string(); ++k)
                            if (d.get<std::string>() == weekdayShortName(k)) found = k;
                        if (found < 0) r.error(at("project.calendar.workingDays", i), "not a weekday (Mon … Sun)");
                        else mask |= uint8_t(1 << found);
                    }
                if (wd->is_array() && mask == 0) r.error("project.calendar.workingDays", "at least one working day is needed");
                if (mask) p.calendar.setWorkingWeekdays(mask);
            }
            if (cj->contains("holidays")) p.calendar.setHolidays(r.dates(*cj, "project.calendar", "holidays"));
        }
    }

    std::unordered_set<Id, IdHash> ids;
    auto uniqueId = [&](Id id, const std::string& path) {
        if (!id.isNull() && !ids.insert(id).second) r.error(path + ".id", "duplicate id " + id.str());
    };
    uniqueId(p.id, "project");

    std::unordered_map<Id, size_t, IdHash> taskAt;
    if (const json* tasks = r.array(root, "tasks")) {
        p.tasks.reserve(tasks->size());
        std::vector<Id> ancestors; // the chain of parents open at the current row (outline order)
        for (size_t i = 0; i < tasks->size(); ++i) {
            const json& tj = (*tasks)[i];
            const std::string path = at("tasks", i);
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
            if (tj.contains("constraintDate")) t.constraintDate = r.date(tj, path, "constraintDate", false);
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
                if (!taskAt.count(t.parent)) r.error(path + ".parent", t.parent == t.id ? "a task cannot be its own parent" : "refers to no earlier task (a parent must come before its children)");
                else {
                    while (!ancestors.empty() && ancestors.back() != t.parent) ancestors.pop_back();
                    if (ancestors.empty()) r.error(path + ".parent", "children must directly follow their parent's other descendants (outline order)");
                }
            } else ancestors.clear();
            ancestors.push_back(t.id);
            taskAt[t.id] = p.tasks.size();
            p.tasks.push_back(std::move(t));
        }
    }
    if (const json* links = r.array(root, "links")) {
        for (size_t i = 0; i < links->size(); ++i) {
            const json& lj = (*links)[i];
            const std::string path = at("links", i);
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
            if (!l.predecessor.isNull() && !taskAt.count(l.predecessor)) r.error(path + ".predecessor", "refers to no task");
            if (!l.successor.isNull() && !taskAt.count(l.successor)) r.error(path + ".successor", "refers to no task");
            if (!l.predecessor.isNull() && l.predecessor == l.successor) r.error(path, "a task cannot depend on itself");
            p.links.push_back(l);
        }
    }
    std::unordered_set<Id, IdHash> resourceIds;
    if (const json* res = r.array(root, "resources")) {
        for (size_t i = 0; i < res->size(); ++i) {
            const json& rj = (*res)[i];
            const std::string path = at("resources", i);
            if (!r.object(rj, path)) continue;
            Resource x;
            x.id = r.id(rj, path, "id", true);
            uniqueId(x.id, path);
            x.name = r.str(rj, path, "name", true);
            x.role = r.str(rj, path, "role", false);
            x.hourlyRate = r.integer(rj, path, "hourlyRate", false, 0, 0, int64_t(1) << 50);
            x.daysOff = r.dates(rj, path, "daysOff");
            x.modified = r.integer(rj, path, "modified", false, 0, 0, INT64_MAX);
            resourceIds.insert(x.id);
            p.resources.push_back(std::move(x));
        }
    }
    if (const json* as = r.array(root, "assignments")) {
        for (size_t i = 0; i < as->size(); ++i) {
            const json& aj = (*as)[i];
            const std::string path = at("assignments", i);
            if (!r.object(aj, path)) continue;
            Assignment a;
            a.id = r.id(aj, path, "id", true);
            uniqueId(a.id, path);
            a.task = r.id(aj, path, "task", true);
            a.resource = r.id(aj, path, "resource", true);
            a.units = int(r.integer(aj, path, "units", false, 100, 0, 10000));
            a.modified = r.integer(aj, path, "modified", false, 0, 0, INT64_MAX);
            if (!a.task.isNull() && !taskAt.count(a.task)) r.error(path + ".task", "refers to no task");
            if (!a.resource.isNull() && !resourceIds.count(a.resource)) r.error(path + ".resource", "refers to no resource");
            p.assignments.push_back(a);
        }
    }

    if (const json* bs = r.array(root, "baselines")) {
        for (size_t i = 0; i < bs->size(); ++i) {
            const json& bj = (*bs)[i];
            const std::string path = at("baselines", i);
            if (!r.object(bj, path)) continue;
            Baseline b;
            b.id = r.id(bj, path, "id", true);
            uniqueId(b.id, path);
            b.name = r.str(bj, path, "name", true);
            b.saved = r.integer(bj, path, "saved", false, 0, 0, INT64_MAX);
            if (const json* ts = r.field(bj, path, "tasks", false)) {
                if (!ts->is_array()) r.error(path + ".tasks", "not a list");
                else
                    for (size_t k = 0; k < ts->size(); ++k) {
                        const json& e = (*ts)[k];
                        const std::string ep = at((path + ".tasks").c_str(), k);
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
            p.baselines.push_back(std::move(b));
        }
    }

    if (!r.errors.empty()) {
        std::string msg;
        for (const auto& e : r.errors) msg += (msg.empty() ? "" : "\n") + e;
        return fail(msg);
    }
    return p;
}

std::string writeProjectJson(const Project& p, bool pretty) {
    json root = json::object();
    root["schemaVersion"] = kSchemaVersion;
    json cal = json::object();
    json days = json::array();
    for (int k = 0; k < 7; ++k)
        if (p.calendar.isWeekdayWorked(k)) days.push_back(weekdayShortName(k));
    cal["workingDays"] = days;
    cal["minutesPerDay"] = p.calendar.minutesPerDay;
    cal["dayStart"] = p.calendar.dayStart;
    json hol = json::array();
    for (Date d : p.calendar.holidays()) hol.push_back(d.str());
    cal["holidays"] = hol;
    root["project"] = {{"id", p.id.str()}, {"name", p.name}, {"currency", p.currency},
                       {"start", p.start.str()}, {"modified", p.modified}, {"calendar", cal}};
    if (p.statusDate) root["project"]["statusDate"] = p.statusDate->str();
    json tasks = json::array();
    for (const Task& t : p.tasks) {
        json tj = {{"id", t.id.str()}, {"name", t.name}};
        if (!t.parent.isNull()) tj["parent"] = t.parent.str();
        if (t.constraint != Constraint::ASAP && t.constraintDate) {
            tj["constraint"] = constraintName(t.constraint);
            tj["constraintDate"] = t.constraintDate->str();
        }
        if (t.deadline) tj["deadline"] = t.deadline->str();
        tj["duration"] = t.duration;
        tj["milestone"] = t.milestone;
        tj["percentComplete"] = t.percentComplete;
        if (t.actualStart) tj["actualStart"] = t.actualStart->str();
        if (t.actualFinish) tj["actualFinish"] = t.actualFinish->str();
        if (!t.notes.empty()) tj["notes"] = t.notes;
        tj["modified"] = t.modified;
        tasks.push_back(std::move(tj));
    }
    root["tasks"] = std::move(tasks);
    json links = json::array();
    for (const Link& l : p.links)
        links.push_back({{"id", l.id.str()}, {"predecessor", l.predecessor.str()}, {"successor", l.successor.str()},
                         {"type", linkTypeName(l.type)}, {"lag", l.lag}, {"modified", l.modified}});
    root["links"] = std::move(links);
    json res = json::array();
    for (const Resource& x : p.resources) {
        json rj = {{"id", x.id.str()}, {"name", x.name}, {"role", x.role}, {"hourlyRate", x.hourlyRate}, {"modified", x.modified}};
        if (!x.daysOff.empty()) {
            json off = json::array();
            for (Date d : x.daysOff) off.push_back(d.str());
            rj["daysOff"] = std::move(off);
        }
        res.push_back(std::move(rj));
    }
    root["resources"] = std::move(res);
    json as = json::array();
    for (const Assignment& a : p.assignments)
        as.push_back({{"id", a.id.str()}, {"task", a.task.str()}, {"resource", a.resource.str()}, {"units", a.units}, {"modified", a.modified}});
    root["assignments"] = std::move(as);
    if (!p.baselines.empty()) {
        json bs = json::array();
        for (const Baseline& b : p.baselines) {
            json ts = json::array();
            for (const BaselineTask& t : b.tasks) ts.push_back({{"task", t.task.str()}, {"start", t.start.str()}, {"finish", t.finish.str()}});
            bs.push_back({{"id", b.id.str()}, {"name", b.name}, {"saved", b.saved}, {"tasks", std::move(ts)}});
        }
        root["baselines"] = std::move(bs);
    }
    return root.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace) + (pretty ? "\n" : "");
}

} // namespace plotline
