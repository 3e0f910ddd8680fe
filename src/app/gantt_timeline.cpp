// The Gantt view's timeline: the time scale, shading, bars, links, baselines and the progress line.
#include "gantt_view.hpp"
#include "core/i18n.hpp"
#include "core/locale.hpp"

#include "core/duration.hpp"
#include "core/id_index.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plotline {

// ---------------------------------------------------------------------------------------------------
// [SECTION] Timeline
// ---------------------------------------------------------------------------------------------------

namespace {

// Units of the time scale, from fine to coarse.
enum class Unit { Day, Week, Month, Quarter, Year };

Date unitStart(Date d, Unit u) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    switch (u) {
        case Unit::Day: return d;
        case Unit::Week: return d - (d.weekday() - formats().firstWeekday + 7) % 7; // the locale's first day
        case Unit::Month: return Date::fromYmd(y, m, 1);
        case Unit::Quarter: return Date::fromYmd(y, ((m - 1) / 3) * 3 + 1, 1);
        case Unit::Year: return Date::fromYmd(y, 1, 1);
    }
    return d;
}

Date unitNext(Date d, Unit u) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    switch (u) {
        case Unit::Day: return d + 1;
        case Unit::Week: return d + 7;
        case Unit::Month: return m == 12 ? Date::fromYmd(y + 1, 1, 1) : Date::fromYmd(y, m + 1, 1);
        case Unit::Quarter: return m >= 10 ? Date::fromYmd(y + 1, 1, 1) : Date::fromYmd(y, m + 3, 1);
        case Unit::Year: return Date::fromYmd(y + 1, 1, 1);
    }
    return d + 1;
}

std::string unitLabel(Date d, Unit u, bool top, float width) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    const std::string year = std::to_string(y), day = std::to_string(dd);
    switch (u) {
        case Unit::Day: return width > 44 ? std::string(weekdayShortIn(d.weekday())) + " " + day : day;
        case Unit::Week: return width > 46 ? formatDayMonth(d) : day;
        case Unit::Month:
            if (top) return width > 130 ? formatMonthYear(y, m) : std::string(monthShortIn(m)) + " " + year;
            return width > 70 ? monthNameIn(m) : monthShortIn(m);
        case Unit::Quarter: return top ? fmt(tr("Q{0} {1}"), std::to_string((m - 1) / 3 + 1), year) : fmt(tr("Q{0}"), std::to_string((m - 1) / 3 + 1));
        case Unit::Year: return year;
    }
    return year;
}

} // namespace

// Zoomed in to hours: days on top, the working day's clock hours below.
void GanttView::drawHourScale(ImDrawList* dl, ImVec2 min, ImVec2 max, int hoursPerDay) {
    const float fs = ImGui::GetFontSize();
    const float midY = std::floor((min.y + max.y) * 0.5f);
    const Calendar& cal = doc_.project().calendar;
    dl->AddRectFilled(min, max, theme::kScaleBg);
    dl->AddLine(ImVec2(min.x, midY), ImVec2(max.x, midY), theme::kGridLine);
    const Date from{int32_t(std::floor(dayAt(min.x)))}, to{int32_t(std::ceil(dayAt(max.x)))};
    for (Date d = from; d <= to; d = d + 1) {
        const float x0 = xOf(d.days), x1 = xOf(d.days + 1);
        dl->AddLine(ImVec2(std::floor(x0) + 0.5f, min.y), ImVec2(std::floor(x0) + 0.5f, max.y), theme::kGridLine);
        int y, m, dd;
        d.toYmd(y, m, dd);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s", formatWeekdayDate(d).c_str());
        const float tx = std::min(std::max(x0 + 6, min.x + 6), x1 - ImGui::CalcTextSize(buf).x - 6);
        dl->AddText(ImVec2(std::floor(tx), std::floor((min.y + midY - fs) * 0.5f)), cal.isWorkingDay(d) ? theme::kScaleText : theme::kMuted, buf);
        if (!cal.isWorkingDay(d)) continue;
        const float hw = (x1 - x0) / hoursPerDay;
        for (int h = 0; h < hoursPerDay; ++h) {
            const float hx = x0 + h * hw;
            if (h) dl->AddLine(ImVec2(std::floor(hx) + 0.5f, midY), ImVec2(std::floor(hx) + 0.5f, max.y), theme::kGridLine);
            const int clock = (cal.dayStart / 60 + h) % 24;
            std::snprintf(buf, sizeof buf, hw > fs * 3 ? "%02d:00" : "%d", clock);
            const float tw = ImGui::CalcTextSize(buf).x;
            if (tw + 4 < hw) dl->AddText(ImVec2(std::floor(hx + (hw - tw) * 0.5f), std::floor((midY + max.y - fs) * 0.5f)), theme::kScaleText, buf);
        }
    }
    dl->AddLine(ImVec2(min.x, max.y - 0.5f), ImVec2(max.x, max.y - 0.5f), theme::kGridLine);
}

void GanttView::drawScale(ImDrawList* dl, ImVec2 min, ImVec2 max) {
    const float fs = ImGui::GetFontSize();
    Unit bottom, top;
    const int hoursPerDay = std::max(1, doc_.project().calendar.minutesPerDay / 60);
    if (pxPerDay_ / hoursPerDay >= fs * 2.0f) {
        drawHourScale(dl, min, max, hoursPerDay);
        scaleUnit_ = "hours";
        return;
    }
    if (pxPerDay_ >= fs * 1.5f) { bottom = Unit::Day; top = Unit::Month; }
    else if (pxPerDay_ * 7 >= fs * 2.2f) { bottom = Unit::Week; top = Unit::Month; }
    else if (pxPerDay_ * 30 >= fs * 2.4f) { bottom = Unit::Month; top = Unit::Year; }
    else { bottom = Unit::Quarter; top = Unit::Year; }
    if (bottom == Unit::Quarter && pxPerDay_ * 91 < fs * 2.2f) { bottom = Unit::Year; top = Unit::Year; }
    static const char* unitNames[] = {"days", "weeks", "months", "quarters", "years"};
    scaleUnit_ = unitNames[int(bottom)];
    const float midY = std::floor((min.y + max.y) * 0.5f);
    dl->AddRectFilled(min, max, theme::kScaleBg);
    dl->AddLine(ImVec2(min.x, midY), ImVec2(max.x, midY), theme::kGridLine);
    const Date from{int32_t(std::floor(dayAt(min.x)))}, to{int32_t(std::ceil(dayAt(max.x)))};
    auto tier = [&](Unit u, float y0, float y1, bool isTop) {
        for (Date d = unitStart(from, u); d <= to; d = unitNext(d, u)) {
            const Date next = unitNext(d, u);
            const float x0 = xOf(d.days), x1 = xOf(next.days);
            dl->AddLine(ImVec2(std::floor(x0) + 0.5f, y0), ImVec2(std::floor(x0) + 0.5f, y1), theme::kGridLine);
            const std::string label = unitLabel(d, u, isTop, x1 - x0);
            const float tw = ImGui::CalcTextSize(label.c_str()).x;
            // Top labels stick to the left edge while their unit is on screen.
            float tx = isTop ? std::max(x0 + 6, min.x + 6) : x0 + (x1 - x0 - tw) * 0.5f;
            if (isTop) tx = std::min(tx, x1 - tw - 6);
            if (tw + 4 > x1 - x0) continue;
            const bool weekend = u == Unit::Day && (d.weekday() >= 5);
            dl->AddText(ImVec2(std::floor(tx), std::floor((y0 + y1 - fs) * 0.5f)), weekend ? theme::kMuted : theme::kScaleText, label.c_str());
        }
    };
    if (top == bottom) tier(bottom, min.y, max.y, true);
    else {
        tier(top, min.y, midY, true);
        tier(bottom, midY, max.y, false);
    }
    dl->AddLine(ImVec2(min.x, max.y - 0.5f), ImVec2(max.x, max.y - 0.5f), theme::kGridLine);
}

void GanttView::drawTimelineBackground(ImDrawList* dl, ImVec2 min, ImVec2 max, Date today) {
    const Calendar& cal = doc_.project().calendar;
    const Date from{int32_t(std::floor(dayAt(min.x)))}, to{int32_t(std::ceil(dayAt(max.x)))};
    if (pxPerDay_ >= 3.0f) {
        for (Date d = from; d <= to; d = d + 1) {
            if (cal.isWorkingDay(d)) continue;
            const bool holiday = cal.isWeekdayWorked(d.weekday());
            dl->AddRectFilled(ImVec2(xOf(d.days), min.y), ImVec2(xOf(d.days + 1), max.y), holiday ? theme::kHoliday : theme::kWeekend);
        }
    }
    // Light vertical lines at week starts (or month starts when zoomed out).
    const bool weeks = pxPerDay_ * 7 >= 24;
    for (Date d = unitStart(from, weeks ? Unit::Week : Unit::Month); d <= to; d = unitNext(d, weeks ? Unit::Week : Unit::Month)) {
        const float x = std::floor(xOf(d.days)) + 0.5f;
        dl->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), theme::kGridLine);
    }
    const float tx = std::floor(xOf(today.days + 0.5)) + 0.5f;
    if (tx >= min.x && tx <= max.x) {
        dl->AddLine(ImVec2(tx, min.y), ImVec2(tx, max.y), theme::kToday, 2.0f);
        tagRect("gantt.today", ImVec2(tx - 1, min.y), ImVec2(tx + 1, max.y));
    }
}

void GanttView::drawBar(ImDrawList* dl, int row, ImVec2 cellMin, float rowHeight) {
    const Project& p = doc_.project();
    const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
    const Task& t = p.tasks[size_t(row)];
    const float pad = ImGui::GetStyle().CellPadding.y;
    const float cy = std::floor(cellMin.y - pad + rowHeight * 0.5f);
    if (!baselineId_.isNull()) drawBaselineBar(dl, row, cy, rowHeight);
    const float x0 = xOf(barOf(row).start), x1 = xOf(barOf(row).end);
    const float fs = ImGui::GetFontSize();
    float labelX;
    if (ts.finish == ts.start) {
        const float r = std::floor(fs * 0.45f);
        const ImVec2 c(std::floor(x0), cy);
        dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), theme::kMilestone);
        tagRect("gantt.bar." + std::to_string(row), ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
        barInteraction(row, ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), true);
        labelX = c.x + r + 5;
        labels_.push_back({ImVec2(labelX, cy - fs * 0.5f), row, true});
        return;
    }
    const float w = std::max(2.0f, x1 - x0);
    if (ts.summary) {
        const float h = std::floor(rowHeight * 0.22f), y0 = cy - h * 0.5f - 1;
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), theme::kSummary);
        const float tip = std::min(h * 1.4f, w * 0.5f);
        dl->AddTriangleFilled(ImVec2(x0, y0 + h), ImVec2(x0 + tip, y0 + h), ImVec2(x0, y0 + h + tip), theme::kSummary);
        dl->AddTriangleFilled(ImVec2(x0 + w, y0 + h), ImVec2(x0 + w - tip, y0 + h), ImVec2(x0 + w, y0 + h + tip), theme::kSummary);
        tagRect("gantt.bar." + std::to_string(row), ImVec2(x0, y0), ImVec2(x0 + w, y0 + h + tip));
        barInteraction(row, ImVec2(x0, y0), ImVec2(x0 + w, y0 + h + tip), false);
    } else {
        const float h = std::floor(rowHeight * 0.5f), y0 = cy - h * 0.5f;
        const float rounding = std::min(3.0f, w * 0.5f);
        const bool critical = showCritical && ts.critical;
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), critical ? theme::kCritical : theme::kBar, rounding);
        if (ts.percentComplete > 0)
            dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w * ts.percentComplete / 100.0f, y0 + h),
                              critical ? theme::kCriticalProgress : theme::kBarProgress, rounding);
        if (critical) theme::hatch(dl, ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), theme::kCriticalHatch);
        tagRect("gantt.bar." + std::to_string(row), ImVec2(x0, y0), ImVec2(x0 + w, y0 + h));
        barInteraction(row, ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), false);
        if (ImGui::IsMouseHoveringRect(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h)) && ImGui::IsWindowHovered() && !panning_ &&
            drag_.kind == Drag::None) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(t.name.c_str());
            const RowTexts& texts = rowTexts(row);
            ImGui::TextDisabled("%s", fmt(tr("{0} → {1}  ·  {2}  ·  {3} done"), texts.start, texts.finish, texts.duration,
                                          formatPercent(ts.percentComplete)).c_str());
            if (ts.critical) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kCriticalProgress), tr("Critical: no float"));
            else ImGui::TextDisabled(tr("Float %s (free %s)"), formatDuration(ts.totalFloat, p.calendar.minutesPerDay).c_str(),
                                     formatDuration(ts.freeFloat, p.calendar.minutesPerDay).c_str());
            if (t.constraint != Constraint::ASAP && t.constraintDate)
                ImGui::TextDisabled("%s %s", constraintLabel(t.constraint), formatDate(*t.constraintDate).c_str());
            if (t.deadline) ImGui::TextDisabled(tr("Deadline %s"), formatDate(*t.deadline).c_str());
            if (!texts.resources.empty()) ImGui::TextDisabled("%s", texts.resources.c_str());
            if (!baselineId_.isNull() && !std::isnan(baseStart_[size_t(row)])) {
                const Date bs{int32_t(baseStart_[size_t(row)])}, bf{int32_t(baseEnd_[size_t(row)]) - 1};
                ImGui::TextDisabled(tr("Baseline \"%s\": %s → %s (finish %+dd)"), baselineName_.c_str(), formatDate(bs).c_str(), formatDate(bf).c_str(),
                                    finishVar_[size_t(row)]);
            }
            if (ts.flags) {
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", scheduleWarning(p, doc_.schedule(), size_t(row)).c_str());
                ImGui::PopTextWrapPos();
            }
            ImGui::TextDisabled(tr("Drag to move, drag the right end to resize, double-click to edit"));
            ImGui::EndTooltip();
        }
    }
    if (t.deadline) {
        // A deadline: a small down arrow above the row at the end of the deadline day.
        const float x = std::floor(xOf(t.deadline->days + 1.0)), r = std::floor(fs * 0.32f), top = cy - rowHeight * 0.5f + 2;
        const ImU32 col = (ts.flags & kDeadlineMissed) ? theme::kError : theme::kSummary;
        dl->AddTriangleFilled(ImVec2(x - r, top), ImVec2(x + r, top), ImVec2(x, top + r * 1.6f), col);
        dl->AddLine(ImVec2(x, top + r), ImVec2(x, cy + rowHeight * 0.3f), col, 1.0f);
        tagRect("gantt.deadline." + std::to_string(row), ImVec2(x - r, top), ImVec2(x + r, top + r * 1.6f));
    }
    if (pxPerDay_ >= 2.0f) labels_.push_back({ImVec2(x0 + w + 6, cy - fs * 0.5f), row, false});
}

void GanttView::drawLinks(ImDrawList* dl, int firstShown, int lastShown, float firstY, float rowHeight) {
    const float s = std::floor(ImGui::GetFontSize() * 0.5f), head = std::floor(ImGui::GetFontSize() * 0.32f);
    auto yMid = [&](int shown) { return std::floor(firstY + (shown - firstShown) * rowHeight + rowHeight * 0.5f) + 0.5f; };
    linkHits_.clear();
    const Project& p = doc_.project();
    // Links that can reach the rows on screen: short ones whose upper row is at most kShortLink above
    // the first row shown and not below the last, and every long one.
    const int firstRow = visible_[size_t(firstShown)], lastRow = visible_[size_t(lastShown)];
    const auto shortEnd = links_.begin() + long(shortLinks_);
    const auto from0 = std::lower_bound(links_.begin(), shortEnd, firstRow - kShortLink,
                                        [](const LinkRows& l, int row) { return std::min(l.from, l.to) < row; });
    const auto to0 = std::upper_bound(from0, shortEnd, lastRow, [](int row, const LinkRows& l) { return row < std::min(l.from, l.to); });
    auto draw = [&](const LinkRows& l) {
        const int from = displayOf_[size_t(l.from)], to = displayOf_[size_t(l.to)];
        if (from < 0 || to < 0) return; // collapsed or filtered away
        if (std::max(from, to) < firstShown || std::min(from, to) > lastShown) return;
        const LinkType type = p.links[l.link].type;
        const bool fromEnd = type == LinkType::FS || type == LinkType::FF;
        const bool toStart = type == LinkType::FS || type == LinkType::SS;
        const float fx = std::floor(xOf(fromEnd ? barOf(l.from).end : barOf(l.from).start)) + 0.5f;
        const float tx = std::floor(xOf(toStart ? barOf(l.to).start : barOf(l.to).end)) + 0.5f;
        const float fy = yMid(from), ty = yMid(to);
        const float outX = fromEnd ? fx + s : fx - s;      // first stub, away from the bar
        const float inX = toStart ? tx - s : tx + s;       // last stub, into the target end
        LinkHit hit;
        hit.link = l.link;
        ImVec2* pts = hit.pts;
        int n = 0;
        pts[n++] = ImVec2(fx, fy);
        const bool straight = toStart ? outX <= inX + s : outX >= inX - s;
        if (straight) {
            const float x = toStart ? std::max(outX, std::min(inX + s, tx - 2)) : std::min(outX, inX);
            pts[n++] = ImVec2(x, fy);
            pts[n++] = ImVec2(x, ty);
        } else {
            const float midY = ty > fy ? fy + rowHeight * 0.5f : fy - rowHeight * 0.5f;
            pts[n++] = ImVec2(outX, fy);
            pts[n++] = ImVec2(outX, midY);
            pts[n++] = ImVec2(inX, midY);
            pts[n++] = ImVec2(inX, ty);
        }
        pts[n++] = ImVec2(toStart ? tx - head : tx + head, ty);
        hit.n = n;
        const bool hot = int(l.link) == hoveredLink_;
        const ImU32 color = hot ? theme::kToday : theme::kLink;
        dl->AddPolyline(pts, n, color, ImDrawFlags_None, hot ? 2.2f : 1.2f);
        if (toStart) dl->AddTriangleFilled(ImVec2(tx, ty), ImVec2(tx - head, ty - head), ImVec2(tx - head, ty + head), color);
        else dl->AddTriangleFilled(ImVec2(tx, ty), ImVec2(tx + head, ty - head), ImVec2(tx + head, ty + head), color);
        // A link is named by its predecessor and successor rows, for automation and tests.
        int longest = 0;
        float most = -1;
        for (int k = 0; k + 1 < n; ++k) {
            const float len = std::abs(pts[k + 1].x - pts[k].x) + std::abs(pts[k + 1].y - pts[k].y);
            if (len > most) { most = len; longest = k; }
        }
        const ImVec2 mid(std::floor((pts[longest].x + pts[longest + 1].x) * 0.5f), std::floor((pts[longest].y + pts[longest + 1].y) * 0.5f));
        tagRect("gantt.link." + std::to_string(l.from) + "." + std::to_string(l.to), ImVec2(mid.x - 2, mid.y - 2), ImVec2(mid.x + 2, mid.y + 2));
        linkHits_.push_back(hit);
    };
    for (auto it = from0; it != to0; ++it) draw(*it);
    for (auto it = shortEnd; it != links_.end(); ++it) draw(*it);
}

void GanttView::showBaseline(Id id) {
    if (id == baselineId_) return;
    baselineId_ = id;
    baselineRevision_ = 0;
    if (!id.isNull()) {
        showColumn(ColStartVar, true);
        showColumn(ColFinishVar, true);
    }
}

void GanttView::refreshBaseline() {
    const Project& p = doc_.project();
    if (baselineRevision_ == doc_.revision()) return;
    baselineRevision_ = doc_.revision();
    auto b = std::find_if(p.baselines.begin(), p.baselines.end(), [&](const Baseline& x) { return x.id == baselineId_; });
    if (b == p.baselines.end()) {
        baselineId_ = Id(); // deleted (or undone): show none
        return;
    }
    baselineName_ = b->name;
    const size_t n = p.tasks.size();
    const Schedule& s = doc_.schedule();
    const Calendar& cal = p.calendar;
    baseStart_.assign(n, std::nan(""));
    baseEnd_.assign(n, std::nan(""));
    startVar_.assign(n, 0);
    finishVar_.assign(n, 0);
    IdIndex at(n);
    for (size_t i = 0; i < n; ++i) at.insert(p.tasks[i].id, int(i));
    for (const BaselineTask& bt : b->tasks) {
        const int i = at.find(bt.task);
        if (i < 0) continue;
        const size_t k = size_t(i);
        baseStart_[k] = bt.start.days;
        baseEnd_[k] = bt.finish.days + 1.0;
        if (k < s.tasks.size()) {
            startVar_[k] = int(cal.workdayIndex(s.tasks[k].startDate) - cal.workdayIndex(bt.start));
            finishVar_[k] = int(cal.workdayIndex(s.tasks[k].finishDate) - cal.workdayIndex(bt.finish));
        }
    }
}

// The shown baseline's dates as a thin grey bar just under the live bar (a hollow diamond for a
// milestone), so slips read at a glance.
void GanttView::drawBaselineBar(ImDrawList* dl, int row, float cy, float rowHeight) {
    const size_t k = size_t(row);
    if (k >= baseStart_.size() || std::isnan(baseStart_[k])) return;
    const float barHalf = std::floor(rowHeight * 0.25f);
    const float y0 = cy + barHalf + 2, y1 = y0 + std::max(3.0f, std::floor(rowHeight * 0.12f));
    const float x0 = xOf(baseStart_[k]), x1 = xOf(baseEnd_[k]);
    const Task& t = doc_.project().tasks[k];
    if (t.milestone) {
        const float r = std::floor(ImGui::GetFontSize() * 0.3f), x = std::floor(x1);
        dl->AddQuad(ImVec2(x, y0 - 1), ImVec2(x + r, y0 + r - 1), ImVec2(x, y0 + 2 * r - 1), ImVec2(x - r, y0 + r - 1), theme::kBaseline, 1.5f);
        tagRect("gantt.baseline." + std::to_string(row), ImVec2(x - r, y0 - 1), ImVec2(x + r, y0 + 2 * r - 1));
        return;
    }
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(std::max(x0 + 2, x1), y1), theme::kBaseline);
    tagRect("gantt.baseline." + std::to_string(row), ImVec2(x0, y0), ImVec2(std::max(x0 + 2, x1), y1));
}

// The status date as a vertical line, and the progress line: for each shown task that should have
// started by then, a vertex at how far its work has got (left of the status line = behind,
// right = ahead); other tasks keep the line on the status date.
void GanttView::drawProgressLine(ImDrawList* dl, int firstDisplay, int lastDisplay) {
    const Project& p = doc_.project();
    if (!p.statusDate) return;
    const Schedule& s = doc_.schedule();
    const double statusEnd = p.statusDate->days + 1.0;
    const float sx = std::floor(xOf(statusEnd)) + 0.5f;
    if (sx < bodyMin_.x - 200 || sx > bodyMax_.x + 200) return;
    dl->AddLine(ImVec2(sx, bodyMin_.y), ImVec2(sx, bodyMax_.y), theme::kStatusLine, 1.0f);
    tagRect("gantt.status", ImVec2(sx - 1, bodyMin_.y), ImVec2(sx + 1, bodyMax_.y));
    const float top = rowCentreY(visible_[size_t(firstDisplay)]) - rowHeight_ * 0.5f;
    std::vector<ImVec2> pts;
    pts.push_back(ImVec2(sx, std::max(top, bodyMin_.y)));
    for (int k = firstDisplay; k <= lastDisplay; ++k) {
        const int row = visible_[size_t(k)];
        const TaskSchedule& ts = s.tasks[size_t(row)];
        const double b0 = barOf(row).start, b1 = barOf(row).end;
        if (ts.summary || ts.finish == ts.start || ts.percentComplete >= 100 || (ts.percentComplete == 0 && b0 >= statusEnd)) continue;
        const float x = std::floor(xOf(b0 + (b1 - b0) * ts.percentComplete / 100.0)) + 0.5f;
        if (std::fabs(x - sx) < 1) continue;
        const float cy = rowCentreY(row);
        pts.push_back(ImVec2(sx, cy - rowHeight_ * 0.45f));
        pts.push_back(ImVec2(x, cy));
        pts.push_back(ImVec2(sx, cy + rowHeight_ * 0.45f));
        tagRect("gantt.progress." + std::to_string(row), ImVec2(x - 2, cy - 2), ImVec2(x + 2, cy + 2));
    }
    pts.push_back(ImVec2(sx, bodyMax_.y));
    dl->AddPolyline(pts.data(), int(pts.size()), theme::kStatusLine, 0, 2.0f);
}

bool GanttView::isSelected(int row) const {
    return selection_.count(doc_.project().tasks[size_t(row)].id) || (selection_.empty() && selected_ == row);
}

void GanttView::criticalNote(ImDrawList* dl, int firstShown, int lastShown) {
    if (!showCritical) return;
    const Schedule& s = doc_.schedule();
    if (!s.ok()) return;
    int total = 0, inView = 0, firstCritical = -1;
    for (size_t row = 0; row < s.tasks.size(); ++row) {
        if (!s.tasks[row].critical || s.tasks[row].summary) continue;
        ++total;
        if (firstCritical < 0 && displayOf_[row] >= 0) firstCritical = int(row);
        const int shown = displayOf_[row];
        if (shown >= firstShown && shown <= lastShown) {
            const float x0 = xOf(barOf(int(row)).start), x1 = xOf(barOf(int(row)).end);
            if (x1 >= bodyMin_.x && x0 <= bodyMax_.x) ++inView;
        }
    }
    if (inView) return;
    const std::string text = total == 0 ? std::string(tr("Critical path: no task is critical (every task has float before the finish)"))
                             : firstCritical < 0
                                 ? trn("Critical path: {n} critical task, none shown (clear the filter or expand the summaries)",
                                       "Critical path: {n} critical tasks, none shown (clear the filter or expand the summaries)", total)
                                 : trn("Critical path: the critical task is not in view. Click here to go to it.",
                                       "Critical path: none of the {n} critical tasks is in view. Click here to go to the first.", total);
    const float fs = ImGui::GetFontSize();
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 a(std::floor(bodyMin_.x + fs * 0.6f), std::floor(bodyMin_.y + fs * 0.4f));
    const ImVec2 b(a.x + size.x + fs, a.y + size.y + fs * 0.6f);
    dl->AddRectFilled(a, b, theme::kNoteBg, fs * 0.25f);
    dl->AddRect(a, b, theme::kCritical, fs * 0.25f);
    dl->AddText(ImVec2(a.x + fs * 0.5f, a.y + fs * 0.3f), theme::kCriticalProgress, text.c_str());
    tagRect("gantt.criticalNote", a, b, text);
    if (firstCritical >= 0 && ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) scrollToTask(firstCritical); // its row and its bar
    }
}

float GanttView::rowCentreY(int row) const {
    const int shown = row >= 0 && size_t(row) < displayOf_.size() ? displayOf_[size_t(row)] : -1;
    return firstRowY_ + (shown - firstDisplay_) * rowHeight_ + rowHeight_ * 0.5f;
}

} // namespace plotline
