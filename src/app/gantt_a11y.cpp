// The Gantt view's part of the accessibility mirror (a11y.hpp): its task table as treegrid rows.
#include "gantt_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "core/schedule.hpp"

namespace plotline {

uint64_t GanttView::shownKey() const {
    return mixKey(revision_ * 0x9E3779B97F4A7C15ull,
                  {uint64_t(uint32_t(firstDisplay_)), uint64_t(uint32_t(lastDisplay_)), uint64_t(uint32_t(selected_)),
                   uint64_t(visible_.size()), uint64_t(selection_.size()), uint64_t(collapsed_.size()), uint64_t(showCritical)});
}

void GanttView::describe(A11yView& out) const {
    const Project& p = doc_.project();
    const Schedule& s = doc_.schedule();
    out.gridLabel = fmt(tr("Tasks of {0}"), p.name);
    out.rowCount = int(visible_.size());
    if (visible_.empty() || rowTexts_.size() != p.tasks.size() || s.tasks.size() != p.tasks.size()) return;
    auto row = [&](int display) {
        const int r = visible_[size_t(display)];
        const Task& t = p.tasks[size_t(r)];
        const TaskSchedule& ts = s.tasks[size_t(r)];
        const RowTexts& texts = rowTexts(r);
        A11yRow a;
        a.key = t.id.str();
        a.index = display + 1;
        a.level = ts.level;
        a.expanded = ts.summary ? (collapsed_.count(t.id) ? 0 : 1) : -1;
        a.selected = isSelected(r);
        a.name = t.name;
        a.start = texts.start;
        a.finish = texts.finish;
        a.duration = texts.duration;
        a.percent = formatPercent(ts.percentComplete);
        auto mark = [&](const char* m) { a.marks += (a.marks.empty() ? "" : ", ") + std::string(m); };
        if (ts.summary) mark(tr("summary"));
        if (t.milestone) mark(tr("milestone"));
        if (ts.critical) mark(tr("critical"));
        if (ts.flags & kDeadlineMissed) mark(tr("misses its deadline"));
        if (ts.flags & kConstraintMissed) mark(tr("misses its finish date"));
        if (ts.flags & kLinkConflict) mark(tr("conflicts with its links"));
        if (ts.flags) a.warning = scheduleWarning(p, s, size_t(r));
        out.rows.push_back(std::move(a));
    };
    const int last = std::min(lastDisplay_, int(visible_.size()) - 1);
    const int first = std::max(0, std::min(firstDisplay_, last));
    const int sel = selected_ >= 0 && size_t(selected_) < displayOf_.size() ? displayOf_[size_t(selected_)] : -1;
    if (sel >= 0 && sel < first) row(sel);
    for (int d = first; d <= last; ++d) row(d);
    if (sel > last) row(sel);
    if (sel >= 0) out.active = p.tasks[size_t(selected_)].id.str();
}

bool GanttView::selectTask(const std::string& id) {
    const std::optional<Id> parsed = Id::parse(id);
    const int r = parsed ? doc_.project().taskIndex(*parsed) : -1;
    if (r < 0 || size_t(r) >= displayOf_.size() || displayOf_[size_t(r)] < 0) return false;
    selectRow(r);
    scrollToTask(r);
    return true;
}

} // namespace plotline
