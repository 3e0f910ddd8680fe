#include "a11y.hpp"

#include <nlohmann/json.hpp>

namespace plotline {

std::string a11yJson(const A11yView& v) {
    nlohmann::json j;
    j["title"] = v.title;
    auto& buttons = j["buttons"] = nlohmann::json::array();
    for (const A11yButton& b : v.buttons) {
        nlohmann::json o = {{"id", b.id}, {"name", b.name}};
        if (!b.keys.empty()) o["keys"] = b.keys;
        if (b.pressed) o["pressed"] = true;
        if (b.disabled) o["disabled"] = true;
        buttons.push_back(std::move(o));
    }
    if (!v.gridLabel.empty()) {
        auto& g = j["grid"];
        g["label"] = v.gridLabel;
        g["rowCount"] = v.rowCount;
        g["active"] = v.active;
        auto& rows = g["rows"] = nlohmann::json::array();
        for (const A11yRow& r : v.rows) {
            nlohmann::json o = {{"key", r.key},     {"index", r.index},       {"level", r.level},
                                {"name", r.name},   {"start", r.start},       {"finish", r.finish},
                                {"duration", r.duration}, {"percent", r.percent}, {"marks", r.marks}};
            if (r.expanded >= 0) o["expanded"] = r.expanded == 1;
            if (r.selected) o["selected"] = true;
            if (!r.warning.empty()) o["warning"] = r.warning;
            rows.push_back(std::move(o));
        }
    }
    j["lines"] = v.lines;
    auto& tables = j["tables"] = nlohmann::json::array();
    for (const A11yTable& t : v.tables) tables.push_back({{"label", t.label}, {"header", t.header}, {"rows", t.rows}});
    if (!v.dialog.empty()) j["dialog"] = {{"title", v.dialog}, {"text", v.dialogText}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int MoveCounter::update(const Schedule& schedule) {
    const std::vector<TaskSchedule>& tasks = schedule.tasks;
    const bool next = follower_.oneOn(schedule) && seen_;
    if (next && !schedule.whole && tasks.size() == starts_.size()) {
        int moved = 0;
        for (int i : schedule.rewritten) {
            moved += tasks[size_t(i)].start != starts_[size_t(i)];
            starts_[size_t(i)] = tasks[size_t(i)].start;
        }
        return moved;
    }
    // Rows inserted, deleted or moved in one run: the starts kept are spliced as the rows were, and
    // the rows the run rewrote compared (new rows are not moves).
    const size_t at = schedule.spliceAt, removed = schedule.spliceRemoved, added = schedule.spliceAdded;
    if (next && schedule.spliced && at + removed <= starts_.size() && starts_.size() - removed + added == tasks.size()) {
        starts_.erase(starts_.begin() + long(at), starts_.begin() + long(at + removed));
        starts_.insert(starts_.begin() + long(at), added, 0);
        int moved = 0;
        for (int i : schedule.rewritten) {
            const size_t r = size_t(i);
            moved += (r < at || r >= at + added) && tasks[r].start != starts_[r];
            starts_[r] = tasks[r].start;
        }
        return removed == added ? moved : -1; // (-1: the rows changed in number, as below)
    }
    // One pass over the schedule's rows (each a cache line of its own): compared and kept together.
    const bool compare = seen_ && tasks.size() == starts_.size();
    starts_.resize(tasks.size());
    int differ = 0;
    for (size_t i = 0; i < tasks.size(); ++i) {
        differ += tasks[i].start != starts_[i];
        starts_[i] = tasks[i].start;
    }
    seen_ = true;
    return compare ? differ : -1; // (-1: nothing to compare with, the first schedule or another row count)
}

} // namespace plotline
