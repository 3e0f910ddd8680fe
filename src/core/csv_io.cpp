#include "csv_io.hpp"

#include "csv.hpp"
#include "duration.hpp"
#include "fields.hpp"
#include "i18n.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_map>

namespace plotline {

namespace {

std::string lower(std::string_view s) {
    std::string out;
    for (char c : s) out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

enum Col { ID, NAME, DURATION, START, FINISH, PREDECESSORS, OUTLINE, RESOURCES, PERCENT, MILESTONE, NOTES, PLOTLINE_ID, COLS };

int columnFor(const std::string& header) {
    static const std::map<std::string, int> names = {
        {"id", ID}, {"name", NAME}, {"task name", NAME}, {"task", NAME}, {"duration", DURATION},
        {"start", START}, {"start date", START}, {"finish", FINISH}, {"finish date", FINISH}, {"end", FINISH},
        {"predecessors", PREDECESSORS}, {"outline level", OUTLINE}, {"resource names", RESOURCES},
        {"resources", RESOURCES}, {"% complete", PERCENT}, {"percent complete", PERCENT}, {"milestone", MILESTONE},
        {"notes", NOTES}, {"plotline id", PLOTLINE_ID}};
    auto it = names.find(lower(trim(header)));
    return it == names.end() ? -1 : it->second;
}

std::optional<bool> parseBool(const std::string& s) {
    std::string v = lower(trim(s));
    if (v.empty() || v == "no" || v == "false" || v == "0" || v == "n") return false;
    if (v == "yes" || v == "true" || v == "1" || v == "y") return true;
    return std::nullopt;
}

// "3", "3FS+2d", "4SS-1d", "7FF", "12 FS + 4h"
std::optional<PredecessorRef> parsePred(std::string_view text, int mpd) {
    std::string s;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) s += c;
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == 0) return std::nullopt;
    PredecessorRef r;
    r.number = s.substr(0, i);
    if (i + 2 <= s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) {
        auto t = parseLinkType(std::string_view(s).substr(i, 2));
        if (!t) return std::nullopt;
        r.type = *t;
        i += 2;
    }
    if (i < s.size()) {
        if (s[i] != '+' && s[i] != '-') return std::nullopt;
        auto lag = parseDuration(std::string_view(s).substr(i), mpd, true);
        if (!lag) return std::nullopt;
        r.lag = *lag;
    }
    return r;
}

} // namespace

CsvImport readTasksCsv(std::string_view text, std::string projectName, std::optional<Date> undatedStart) {
    CsvImport out;
    Project& p = out.project;
    p.id = Id::random();
    p.name = std::move(projectName);
    CsvTable table = parseCsv(text);
    if (!table.error.empty()) { out.errors.push_back(table.error); return out; }
    if (table.rows.empty()) { out.errors.push_back(tr("the file is empty: expected a header row such as ID,Name,Duration")); return out; }
    const int mpd = p.calendar.minutesPerDay;

    int col[COLS];
    std::fill(col, col + COLS, -1);
    const auto& header = table.rows[0].fields;
    for (size_t k = 0; k < header.size(); ++k) {
        int c = columnFor(header[k]);
        if (c < 0) {
            if (!trim(header[k]).empty()) out.warnings.push_back(fmt(tr("column \"{0}\" ignored (not a column Plotline reads)"), trim(header[k])));
        } else if (col[c] >= 0) out.warnings.push_back("column \"" + trim(header[k]) + "\" appears twice; the first is used");
        else col[c] = int(k);
    }
    if (col[NAME] < 0) { out.errors.push_back(tr("line 1: no Name column (the header row needs at least Name)")); return out; }
    // As the JSON and actuals readers: the first errors (each cut to a readable length), then how many more.
    size_t hidden = 0;
    auto addError = [&](const std::string& m) {
        if (out.errors.size() < kShownErrors) out.errors.push_back(clipped(m));
        else ++hidden;
    };

    struct Row {
        int line;
        std::string idText;
        std::vector<PredecessorRef> preds;
        std::optional<Date> start, finish;
        bool hasDuration = false;
        int level = 1;
        std::vector<std::pair<std::string, int>> resources;
    };
    std::vector<Row> rows;
    std::unordered_map<std::string, size_t> byId;
    std::vector<Id> parents; // parents[level-1] = last task at that level
    auto cell = [&](const CsvRow& r, int c) -> std::string { return c >= 0 && size_t(c) < r.fields.size() ? fromTextCell(trim(r.fields[size_t(c)])) : std::string(); };

    for (size_t ri = 1; ri < table.rows.size(); ++ri) {
        const CsvRow& r = table.rows[ri];
        const std::string where = fmt(tr("line {0}: "), std::to_string(r.line));
        auto err = [&](const std::string& m) { addError(where + m); };
        Task t;
        Row row;
        row.line = r.line;
        t.name = cell(r, col[NAME]);
        if (t.name.empty() && col[NAME] >= 0) err("the task has no name");
        if (const std::string why = textTooLong(t.name, kMaxLineText); !why.empty()) err(fmt(tr("Name {0}"), why));
        if (auto pid = cell(r, col[PLOTLINE_ID]); !pid.empty()) {
            if (auto id = Id::parse(pid)) t.id = *id;
            else err(fmt(tr("Plotline ID \"{0}\" is not an id"), pid));
        }
        if (t.id.isNull()) t.id = Id::random();
        row.idText = col[ID] >= 0 ? cell(r, col[ID]) : std::to_string(ri);
        if (row.idText.empty()) row.idText = std::to_string(ri);
        if (byId.count(row.idText)) err(fmt(tr("ID {0} is used twice"), row.idText));
        byId[row.idText] = rows.size();

        if (auto d = cell(r, col[DURATION]); !d.empty()) {
            auto m = parseDuration(d, mpd);
            if (!m) err(fmt(tr("Duration \"{0}\" is not a duration (e.g. 5d, 4h, 0d; at most 200 years)"), d));
            else { t.duration = *m; row.hasDuration = true; }
        }
        if (auto s = cell(r, col[START]); !s.empty()) {
            row.start = Date::parseLoose(s);
            if (!row.start) err(fmt(tr("Start \"{0}\" is not a date (e.g. 2026-03-02)"), s));
        }
        if (auto s = cell(r, col[FINISH]); !s.empty()) {
            row.finish = Date::parseLoose(s);
            if (!row.finish) err(fmt(tr("Finish \"{0}\" is not a date (e.g. 2026-03-06)"), s));
        }
        if (row.start && row.finish && *row.finish < *row.start) err(fmt(tr("Finish {0} is before Start {1}"), row.finish->str(), row.start->str()));
        if (auto m = cell(r, col[MILESTONE]); !m.empty()) {
            auto b = parseBool(m);
            if (!b) err(fmt(tr("Milestone \"{0}\" is not Yes or No"), m));
            else t.milestone = *b;
        }
        if (row.hasDuration && t.duration == 0) t.milestone = true;
        if (t.milestone) t.duration = 0;
        if (auto pc = cell(r, col[PERCENT]); !pc.empty()) {
            std::string v = pc;
            if (v.back() == '%') v.pop_back();
            v = trim(v);
            char* end = nullptr;
            double x = std::strtod(v.c_str(), &end);
            if (v.empty() || *end || !std::isfinite(x) || x < 0 || x > 100) err(fmt(tr("% Complete \"{0}\" is not a percentage from 0 to 100"), pc));
            else t.percentComplete = int(x + 0.5);
        }
        t.notes = col[NOTES] >= 0 && size_t(col[NOTES]) < r.fields.size() ? fromTextCell(r.fields[size_t(col[NOTES])]) : ""; // not trimmed
        if (const std::string why = textTooLong(t.notes, kMaxLongText); !why.empty()) err(fmt(tr("Notes {0}"), why));
        if (auto lv = cell(r, col[OUTLINE]); !lv.empty()) {
            char* end = nullptr;
            long x = std::strtol(lv.c_str(), &end, 10);
            if (*end || x < 1) err(fmt(tr("Outline Level \"{0}\" is not a whole number from 1"), lv)); // any depth, as in JSON
            else if (size_t(x) > parents.size() + 1) err(fmt(tr("Outline Level {0} skips a level (the row above is at level {1})"), lv, std::to_string(parents.size())));
            else row.level = int(x);
        }
        if (auto ps = cell(r, col[PREDECESSORS]); !ps.empty()) {
            auto preds = parsePredecessors(ps, mpd);
            if (!preds) err(preds.error());
            else row.preds = std::move(*preds);
        }
        if (auto rs = cell(r, col[RESOURCES]); !rs.empty()) {
            std::string item;
            for (size_t k = 0; k <= rs.size(); ++k) {
                if (k == rs.size() || rs[k] == ';' || rs[k] == ',') {
                    std::string name = trim(item);
                    int units = 100;
                    if (auto b = name.find('['); b != std::string::npos && name.back() == ']') {
                        std::string u = trim(name.substr(b + 1, name.size() - b - 2));
                        if (!u.empty() && u.back() == '%') u.pop_back();
                        char* end = nullptr;
                        long x = std::strtol(u.c_str(), &end, 10);
                        if (u.empty() || *end || x < 0 || x > 10000) err(fmt(tr("Resource units \"{0}\" are not a percentage"), name));
                        else units = int(x);
                        name = trim(name.substr(0, b));
                    }
                    if (const std::string why = textTooLong(name, kMaxLineText); !why.empty()) err(fmt(tr("Resource name {0}"), why));
                    else if (!name.empty()) row.resources.push_back({name, units});
                    item.clear();
                } else item += rs[k];
            }
        }
        // Hierarchy from outline levels.
        parents.resize(size_t(row.level - 1));
        t.parent = parents.empty() ? Id{} : parents.back();
        parents.push_back(t.id);
        p.tasks.push_back(std::move(t));
        rows.push_back(std::move(row));
    }
    if (p.tasks.empty() && out.errors.empty()) out.errors.push_back(tr("the file has a header row but no tasks"));

    // Links, after every ID is known.
    for (size_t i = 0; i < rows.size(); ++i)
        for (const PredecessorRef& pr : rows[i].preds) {
            auto it = byId.find(pr.number);
            if (it == byId.end()) { addError(fmt(tr("line {0}: Predecessor {1} is not the ID of any task"), std::to_string(rows[i].line), pr.number)); continue; }
            if (it->second == i) { addError(fmt(tr("line {0}: a task cannot be its own predecessor"), std::to_string(rows[i].line))); continue; }
            Link l;
            l.id = Id::random();
            l.predecessor = p.tasks[it->second].id;
            l.successor = p.tasks[i].id;
            l.type = pr.type;
            l.lag = pr.lag;
            p.links.push_back(l);
        }
    // Resources by name, in order of first use.
    std::map<std::string, Id> resourceByName;
    for (size_t i = 0; i < rows.size(); ++i)
        for (auto& [name, units] : rows[i].resources) {
            auto it = resourceByName.find(name);
            if (it == resourceByName.end()) {
                Resource res;
                res.id = Id::random();
                res.name = name;
                p.resources.push_back(res);
                it = resourceByName.emplace(name, res.id).first;
            }
            p.assignments.push_back({Id::random(), p.tasks[i].id, it->second, units, 0});
        }
    if (!out.errors.empty()) {
        if (hidden) out.errors.push_back(fmt(tr("… {0} more errors not shown"), std::to_string(hidden)));
        out.project = Project{};
        return out;
    }

    // Dates: the project starts at the earliest Start; a task keeps its Start as a requested start
    // when the links alone would schedule it earlier. Duration from Start/Finish when missing.
    std::optional<Date> earliest;
    for (auto& r : rows)
        if (r.start && (!earliest || *r.start < *earliest)) earliest = r.start;
    if (earliest) p.start = p.calendar.nextWorkingDay(*earliest);
    else if (undatedStart) p.start = p.calendar.nextWorkingDay(*undatedStart);
    for (size_t i = 0; i < rows.size(); ++i) {
        Task& t = p.tasks[i];
        if (!rows[i].hasDuration && rows[i].start && rows[i].finish && !t.milestone)
            t.duration = (p.calendar.workdayIndex(*rows[i].finish + 1) - p.calendar.workdayIndex(*rows[i].start)) * mpd;
        const bool isSummary = i + 1 < rows.size() && p.tasks[i + 1].parent == t.id;
        if (!rows[i].hasDuration && !rows[i].finish && col[DURATION] >= 0 && !t.milestone && !isSummary)
            out.warnings.push_back(fmt(tr("line {0}: no Duration; 1 day assumed"), std::to_string(rows[i].line)));
    }
    Schedule s = schedule(p);
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].start && !s.tasks[i].summary && s.tasks[i].startDate < p.calendar.nextWorkingDay(*rows[i].start))
        {
            p.tasks[i].constraint = Constraint::SNET;
            p.tasks[i].constraintDate = rows[i].start;
        }
    if (s.ok()) {
        // Re-check once: pinned starts may surface a cycle-free but different plan; nothing else to do.
    } else {
        out.warnings.push_back(s.error);
    }
    return out;
}

std::string writeTasksCsv(const Project& p, const Schedule& s) {
    const int mpd = p.calendar.minutesPerDay;
    std::string out = writeCsvRow({"ID", "Name", "Duration", "Start", "Finish", "Predecessors", "Outline Level",
                                   "Resource Names", "% Complete", "Milestone", "Notes", "Plotline ID"});
    std::unordered_map<Id, size_t, IdHash> row;
    for (size_t i = 0; i < p.tasks.size(); ++i) row[p.tasks[i].id] = i;
    const std::vector<std::string> preds = predecessorTexts(p);
    std::vector<std::string> resources(p.tasks.size());
    std::unordered_map<Id, std::string, IdHash> resName;
    for (const Resource& r : p.resources) resName[r.id] = r.name;
    for (const Assignment& a : p.assignments) {
        auto t = row.find(a.task);
        auto r = resName.find(a.resource);
        if (t == row.end() || r == resName.end()) continue;
        std::string& cellText = resources[t->second];
        cellText += (cellText.empty() ? "" : ";") + r->second + (a.units != 100 ? "[" + std::to_string(a.units) + "%]" : "");
    }
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        const TaskSchedule& ts = s.tasks[i];
        const int64_t dur = ts.summary ? ts.finish - ts.start : (t.milestone ? 0 : t.duration);
        out += writeCsvRow({std::to_string(i + 1), textCell(t.name), formatDuration(dur, mpd), ts.startDate.str(), ts.finishDate.str(),
                            preds[i], std::to_string(ts.level), textCell(resources[i]), std::to_string(ts.percentComplete) + "%",
                            t.milestone ? "Yes" : "No", textCell(t.notes), t.id.str()});
    }
    return out;
}

Result<std::vector<PredecessorRef>> parsePredecessors(std::string_view text, int minutesPerDay) {
    std::vector<PredecessorRef> out;
    std::string item;
    for (size_t k = 0; k <= text.size(); ++k) {
        if (k == text.size() || text[k] == ';' || text[k] == ',') {
            if (!trim(item).empty()) {
                auto pr = parsePred(item, minutesPerDay);
                if (!pr) return fail(fmt(tr("Predecessor \"{0}\" is not understood (e.g. 3, 3FS+2d, 4SS-1d)"), trim(item)));
                out.push_back(*pr);
            }
            item.clear();
        } else item += text[k];
    }
    return out;
}

std::string predecessorItem(size_t predecessorRow, LinkType type, int64_t lag, int minutesPerDay) {
    std::string item = std::to_string(predecessorRow + 1);
    if (type != LinkType::FS || lag != 0) item += linkTypeName(type);
    if (lag != 0) item += (lag > 0 ? "+" : "") + formatDuration(lag, minutesPerDay);
    return item;
}

std::vector<std::string> predecessorTexts(const Project& p) {
    std::unordered_map<Id, size_t, IdHash> row;
    for (size_t i = 0; i < p.tasks.size(); ++i) row[p.tasks[i].id] = i;
    std::vector<std::string> preds(p.tasks.size());
    for (const Link& l : p.links) {
        auto a = row.find(l.predecessor), b = row.find(l.successor);
        if (a == row.end() || b == row.end()) continue;
        std::string& cellText = preds[b->second];
        cellText += (cellText.empty() ? "" : ";") + predecessorItem(a->second, l.type, l.lag, p.calendar.minutesPerDay);
    }
    return preds;
}

} // namespace plotline
