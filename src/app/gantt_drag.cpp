// The Gantt view's direct manipulation: what a press on a bar starts (move, resize, progress, link), the
// drag preview and the one command its release issues, pan and zoom, the link editor and the context menu.
#include "gantt_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "core/duration.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plotline {

// Hover and press on one bar: choose what a drag from here does. The dots just outside each end
// start a link; the last few pixels of a task's right end resize it; the handle under its progress
// sets % complete; anywhere else moves it.
void GanttView::barInteraction(int row, ImVec2 barMin, ImVec2 barMax, bool milestone) {
    const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
    const float fs = ImGui::GetFontSize(), cy = std::floor((barMin.y + barMax.y) * 0.5f);
    const float dot = std::max(3.0f, std::floor(fs * 0.22f)), gap = dot * 2.2f;
    const ImVec2 startDot(barMin.x - gap, cy), endDot(barMax.x + gap, cy);
    const bool task = !ts.summary && !milestone;
    const float progressX = barMin.x + (barMax.x - barMin.x) * ts.percentComplete / 100.0f;
    const ImVec2 progMin(progressX - dot * 1.3f, barMax.y - 1), progMax(progressX + dot * 1.3f, barMax.y + dot * 2.2f);
    const ImVec2 resizeMin(barMax.x - std::min(6.0f, (barMax.x - barMin.x) * 0.3f), barMin.y), resizeMax(barMax.x + 2, barMax.y);
    if (!canEdit()) { // nothing to drag: only the editor (to read) and the context menu
        if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
        const ImVec2 m = ImGui::GetIO().MousePos;
        const bool on = m.x >= barMin.x && m.x <= barMax.x && m.y >= barMin.y && m.y <= barMax.y;
        if (on && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) openEditor(row);
        else if (on && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
            if (!selection_.count(doc_.project().tasks[size_t(row)].id)) selectRow(row);
            contextRow_ = row;
            openContext_ = true;
        }
        return;
    }
    const std::string tag = "gantt.bar." + std::to_string(row);
    tagRect(tag + ".linkStart", ImVec2(startDot.x - dot, cy - dot), ImVec2(startDot.x + dot, cy + dot));
    tagRect(tag + ".linkEnd", ImVec2(endDot.x - dot, cy - dot), ImVec2(endDot.x + dot, cy + dot));
    if (task) {
        tagRect(tag + ".end", resizeMin, resizeMax);
        tagRect(tag + ".progress", progMin, progMax);
    }
    if (drag_.kind != Drag::None || !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    const ImVec2 m = ImGui::GetIO().MousePos;
    const bool nearRow = m.y >= barMin.y - 4 && m.y <= barMax.y + dot * 2.4f && m.x >= startDot.x - dot * 1.5f && m.x <= endDot.x + dot * 1.5f;
    if (!nearRow) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(startDot, dot, theme::kLink);
    dl->AddCircleFilled(endDot, dot, theme::kLink);
    if (task) dl->AddTriangleFilled(ImVec2(progressX, barMax.y), ImVec2(progressX + dot * 1.2f, barMax.y + dot * 2), ImVec2(progressX - dot * 1.2f, barMax.y + dot * 2), theme::kBarText);
    auto within = [&](ImVec2 a, ImVec2 b) { return m.x >= a.x && m.x <= b.x && m.y >= a.y && m.y <= b.y; };
    auto nearDot = [&](ImVec2 c) { return std::abs(m.x - c.x) <= dot * 1.6f && std::abs(m.y - c.y) <= dot * 1.8f; };
    Drag::Kind kind = Drag::None;
    bool fromEnd = false;
    // A link under the mouse takes the click, except on the bar itself and its end dots.
    if (hoveredLink_ >= 0 && !within(barMin, barMax) && !nearDot(startDot) && !nearDot(endDot)) return;
    if (nearDot(startDot)) kind = Drag::Link;
    else if (nearDot(endDot)) { kind = Drag::Link; fromEnd = true; }
    else if (task && within(progMin, progMax)) kind = Drag::Progress;
    else if (task && within(resizeMin, resizeMax)) kind = Drag::Resize;
    else if (within(barMin, barMax) && !ts.summary) kind = Drag::Move;
    // (The bar takes the press here: a link arrow under the pointer is neither lit nor its pointer
    // shown, handleTimelineInput.)
    if (kind != Drag::None || within(barMin, barMax)) barHovered_ = true;
    if (kind == Drag::Resize || kind == Drag::Progress) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    else if (kind == Drag::Move) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    else if (kind == Drag::Link) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (within(barMin, barMax) && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        openEditor(row);
        return;
    }
    if (within(ImVec2(barMin.x - gap, barMin.y), ImVec2(barMax.x + gap, barMax.y)) && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
        if (!selection_.count(doc_.project().tasks[size_t(row)].id)) selectRow(row);
        contextRow_ = row;
        openContext_ = true; // opened by contextMenu(), at the table level, where it is drawn
        return;
    }
    if (kind != Drag::None && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        drag_ = Drag{};
        drag_.kind = kind;
        drag_.row = row;
        drag_.task = doc_.project().tasks[size_t(row)].id;
        drag_.pressX = m.x;
        drag_.fromEnd = fromEnd;
        if (edit_.column >= 0) commitEdit();
        selectRow(row);
    }
}

void GanttView::drawDragPreview(ImDrawList* dl) { // (called while a drag is on: draw())
    const Project& p = doc_.project();
    const int row = drag_.row;
    if (row < 0 || size_t(row) >= p.tasks.size() || displayOf_[size_t(row)] < 0) return;
    const ImVec2 m = ImGui::GetIO().MousePos;
    const float dx = m.x - drag_.pressX, cy = rowCentreY(row), h = std::floor(rowHeight_ * 0.5f);
    const float x0 = xOf(barOf(row).start), x1 = xOf(barOf(row).end);
    const float fs = ImGui::GetFontSize();
    auto label = [&](float x, const std::string& text) {
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        const ImVec2 at(std::floor(x), std::floor(cy - h * 0.5f - size.y - 4));
        dl->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + size.x + 4, at.y + size.y + 2), theme::kScaleBg, 3);
        dl->AddText(at, theme::kScaleText, text.c_str());
    };
    switch (drag_.kind) {
        case Drag::Move: {
            const int days = int(std::lround(dx / pxPerDay_));
            const float sx = xOf(std::floor(barOf(row).start) + days) + (x0 - xOf(std::floor(barOf(row).start)));
            dl->AddRect(ImVec2(sx, cy - h * 0.5f), ImVec2(sx + (x1 - x0), cy + h * 0.5f), theme::kToday, 3, 0, 2);
            label(sx, formatDate(p.calendar.nextWorkingDay(Date{int32_t(std::floor(barOf(row).start)) + days})));
            break;
        }
        case Drag::Resize: {
            const float ex = std::max(x0 + 2, x1 + dx);
            dl->AddRect(ImVec2(x0, cy - h * 0.5f), ImVec2(ex, cy + h * 0.5f), theme::kToday, 3, 0, 2);
            label(ex, fmt(tr("Finish {0}"), formatDate(Date{int32_t(std::floor(dayAt(ex - 1)))})));
            break;
        }
        case Drag::Progress: {
            const float px = std::clamp(m.x, x0, x1);
            const int pct = x1 > x0 ? int(std::lround((px - x0) / (x1 - x0) * 20)) * 5 : 0;
            dl->AddLine(ImVec2(px, cy - h * 0.5f), ImVec2(px, cy + h * 0.5f), theme::kToday, 2);
            label(px, fmt(tr("{0} done"), formatPercent(pct)));
            break;
        }
        case Drag::Link: {
            const ImVec2 from(drag_.fromEnd ? x1 + fs * 0.45f : x0 - fs * 0.45f, cy);
            dl->AddLine(from, m, theme::kToday, 2);
            dl->AddCircleFilled(m, 3, theme::kToday);
            if (drag_.targetRow >= 0 && drag_.targetRow != row) {
                const float tx = xOf(drag_.targetEnd ? barOf(drag_.targetRow).end : barOf(drag_.targetRow).start);
                const float ty = rowCentreY(drag_.targetRow);
                dl->AddCircle(ImVec2(tx, ty), fs * 0.5f, theme::kToday, 0, 2);
                static const char* const names[] = {N_("Finish-to-start"), N_("Start-to-start"), N_("Finish-to-finish"), N_("Start-to-finish")};
                const int type = drag_.fromEnd ? (drag_.targetEnd ? 2 : 0) : (drag_.targetEnd ? 3 : 1);
                label(m.x + 8, std::string(tr(names[type])) + ": " + p.tasks[size_t(row)].name + " → " + p.tasks[size_t(drag_.targetRow)].name);
            }
            break;
        }
        case Drag::None: break;
    }
}

void GanttView::nudgeSelected(int direction, bool resize) {
    const Project& p = doc_.project();
    if (!canEdit() || selected_ < 0 || size_t(selected_) >= p.tasks.size()) return;
    if (doc_.schedule().tasks[size_t(selected_)].summary) {
        onError_(fmt(tr("\"{0}\" is a summary: it spans its tasks, so move or resize those"), p.tasks[size_t(selected_)].name));
        return;
    }
    if (resize) {
        Task t = p.tasks[size_t(selected_)];
        const int mpd = p.calendar.minutesPerDay;
        if (t.milestone && direction < 0) return;
        const int64_t was = t.milestone ? 0 : t.duration;
        const int64_t duration = std::max<int64_t>(mpd, (was + mpd - 1) / mpd * mpd + direction * mpd); // a day at least
        if (duration == was) return;
        t.duration = duration;
        t.milestone = false;
        std::string label = fmt(tr("\"{0}\" now takes {1}"), t.name, formatDuration(duration, mpd));
        doc_.execute(named(std::move(label), editTask(std::move(t))));
    } else moveStartBy(selected_, direction, true);
}

// The task at `row` `days` calendar days earlier or later, on the working day there (later: the next
// one; earlier: the one before), as "start no earlier than" (a "must start on" keeps its kind); said
// when its links hold it later. `say`: the step is named "Moved "X" to <day>" (the keyboard's).
void GanttView::moveStartBy(int row, int days, bool say) {
    const Project& p = doc_.project();
    const Calendar& cal = p.calendar;
    const Date to{doc_.schedule().tasks[size_t(row)].startDate.days + days};
    const Date start = days > 0 ? cal.nextWorkingDay(to) : cal.workday(cal.workdayIndex(to + 1) - 1);
    Task t = p.tasks[size_t(row)];
    if (t.constraint != Constraint::MSO) t.constraint = Constraint::SNET;
    t.constraintDate = start;
    const std::string name = t.name;
    if (say) doc_.execute(named(fmt(tr("Moved \"{0}\" to {1}"), name, formatDate(start)), editTask(std::move(t))));
    else doc_.execute(editTask(std::move(t)));
    const Date now = doc_.schedule().tasks[size_t(row)].startDate;
    if (now > start) onError_(fmt(tr("\"{0}\" starts {1}: its links keep it from starting on {2}"), name, formatDate(now), formatDate(start)));
}

void GanttView::finishDrag() {
    const Drag d = drag_;
    drag_ = Drag{};
    if (!d.active) return; // a click: the bar was selected on press
    const Project& p = doc_.project();
    const int row = p.taskIndex(d.task);
    if (row < 0) return;
    const Calendar& cal = p.calendar;
    const int mpd = cal.minutesPerDay;
    const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
    Task t = p.tasks[size_t(row)];
    const float dx = ImGui::GetIO().MousePos.x - d.pressX;
    switch (d.kind) {
        case Drag::Move: {
            const int days = int(std::lround(dx / pxPerDay_));
            if (days != 0) moveStartBy(row, days, false);
            return;
        }
        case Drag::Resize: {
            const double endDay = dayAt(xOf(barOf(row).end) + dx);
            int64_t finish;
            if (pxPerDay_ >= 120) { // hours are visible: snap the finish to the hour
                const Date day{int32_t(std::floor(endDay))};
                const double frac = endDay - day.days;
                finish = cal.instantAt(day) + (cal.isWorkingDay(day) ? int64_t(std::lround(frac * mpd / 60.0)) * 60 : 0);
            } else finish = cal.endOfDay(Date{int32_t(std::lround(endDay)) - 1});
            const int64_t step = pxPerDay_ >= 120 ? 60 : mpd;
            const int64_t duration = std::max<int64_t>(step, finish - ts.start);
            if (duration == t.duration) return;
            t.duration = duration;
            t.milestone = false;
            doc_.execute(editTask(t));
            return;
        }
        case Drag::Progress: {
            const float x0 = xOf(barOf(row).start), x1 = xOf(barOf(row).end);
            const float px = std::clamp(ImGui::GetIO().MousePos.x, x0, x1);
            const int pct = x1 > x0 ? int(std::lround((px - x0) / (x1 - x0) * 20)) * 5 : 0;
            if (pct == t.percentComplete) return;
            t.percentComplete = pct;
            doc_.execute(editTask(t));
            return;
        }
        case Drag::Link: {
            if (d.targetRow < 0 || d.targetRow == row) return;
            const Task& other = p.tasks[size_t(d.targetRow)];
            Link l;
            l.id = Id::random();
            l.predecessor = t.id;
            l.successor = other.id;
            l.type = d.fromEnd ? (d.targetEnd ? LinkType::FF : LinkType::FS) : (d.targetEnd ? LinkType::SF : LinkType::SS);
            for (const Link& e : p.links)
                if (e.predecessor == l.predecessor && e.successor == l.successor) {
                    onError_(fmt(tr("\"{0}\" is already linked to \"{1}\""), t.name, other.name));
                    return;
                }
            std::string why;
            if (!doc_.executeChecked(addLink(l), why) && !why.empty()) onError_(fmt(tr("Not linked: it would make a loop ({0})"), why));
            return;
        }
        case Drag::None: return;
    }
}

void GanttView::handleTimelineInput(ImVec2 min, ImVec2 max) {
    const bool overBar = barHovered_;
    barHovered_ = false;
    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsMouseHoveringRect(min, max) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    // A drag in progress: follow the mouse, finish on release.
    if (drag_.kind != Drag::None) {
        drag_.active = drag_.active || std::abs(io.MousePos.x - drag_.pressX) > 3 || (drag_.kind == Drag::Link && io.MouseDelta.y != 0);
        if (drag_.kind == Drag::Link) {
            drag_.targetRow = -1;
            const int shown = firstDisplay_ + int(std::floor((io.MousePos.y - firstRowY_) / rowHeight_));
            if (io.MousePos.y >= min.y && shown >= 0 && size_t(shown) < visible_.size()) {
                drag_.targetRow = visible_[size_t(shown)];
                const float a = xOf(barOf(drag_.targetRow).start), b = xOf(barOf(drag_.targetRow).end);
                drag_.targetEnd = io.MousePos.x > (a + b) * 0.5f;
            }
        }
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) finishDrag();
        return;
    }
    // Links under the mouse: highlighted, and a click opens their editor; not over a bar, which takes
    // the press (barInteraction, in this frame's rows).
    hoveredLink_ = -1;
    if (hovered && !panning_ && !overBar) {
        float best = 5.0f;
        for (const LinkHit& h : linkHits_)
            for (int k = 0; k + 1 < h.n; ++k) {
                const ImVec2 a = h.pts[k], b = h.pts[k + 1];
                const ImVec2 ab(b.x - a.x, b.y - a.y);
                const float len2 = ab.x * ab.x + ab.y * ab.y;
                const float u = len2 > 0 ? std::clamp(((io.MousePos.x - a.x) * ab.x + (io.MousePos.y - a.y) * ab.y) / len2, 0.0f, 1.0f) : 0.0f;
                const float ddx = a.x + ab.x * u - io.MousePos.x, ddy = a.y + ab.y * u - io.MousePos.y;
                const float dist = std::sqrt(ddx * ddx + ddy * ddy);
                if (dist < best) { best = dist; hoveredLink_ = int(h.link); }
            }
        if (hoveredLink_ >= 0) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
                const Link& l = doc_.project().links[size_t(hoveredLink_)];
                linkEdit_.link = l.id;
                linkEdit_.type = int(l.type);
                std::snprintf(linkEdit_.lag, sizeof linkEdit_.lag, "%s", formatDuration(l.lag, doc_.project().calendar.minutesPerDay).c_str());
                linkEdit_.open = true;
                return;
            }
        }
    }
    if (hovered && io.MouseWheel != 0 && io.KeyCtrl) {
        const double anchor = dayAt(io.MousePos.x);
        pxPerDay_ = std::clamp(pxPerDay_ * std::pow(1.2f, io.MouseWheel), kMinPxPerDay, kMaxPxPerDay);
        originDay_ = anchor - (io.MousePos.x - timelineX_) / pxPerDay_;
    }
    const float wheelX = io.MouseWheelH != 0 ? -io.MouseWheelH : (io.KeyShift && !io.KeyCtrl ? io.MouseWheel : 0.0f);
    if (hovered && wheelX != 0) originDay_ -= wheelX * 60.0f / pxPerDay_;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsAnyItemActive()) panning_ = true;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Middle)) panning_ = true;
    if (panning_) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
            originDay_ -= io.MouseDelta.x / pxPerDay_;
            if (io.MouseDelta.x != 0) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        } else panning_ = false;
    }
}

void GanttView::linkPopup() {
    if (linkEdit_.open) {
        ImGui::OpenPopup(tr("Link"));
        linkEdit_.open = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 22, 0));
    if (!ImGui::BeginPopup(tr("Link"))) return;
    const Project& p = doc_.project();
    auto it = std::find_if(p.links.begin(), p.links.end(), [&](const Link& l) { return l.id == linkEdit_.link; });
    if (it == p.links.end()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const Task* a = p.task(it->predecessor);
    const Task* b = p.task(it->successor);
    ImGui::TextWrapped("%s  →  %s", a ? a->name.c_str() : "?", b ? b->name.c_str() : "?");
    static const char* const types[] = {N_("Finish-to-start (FS)"), N_("Start-to-start (SS)"), N_("Finish-to-finish (FF)"), N_("Start-to-finish (SF)")};
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
    if (ImGui::BeginCombo(tr("Type"), tr(types[std::clamp(linkEdit_.type, 0, 3)]))) {
        for (int k = 0; k < 4; ++k) {
            if (ImGui::Selectable(tr(types[k]), linkEdit_.type == k)) linkEdit_.type = k;
            tagItem("link.type." + std::string(linkTypeName(LinkType(k))));
        }
        ImGui::EndCombo();
    }
    tagItem("link.type");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
    ImGui::InputText(tr("Lag"), linkEdit_.lag, sizeof linkEdit_.lag);
    tagItem("link.lag");
    ImGui::TextDisabled(tr("Lag in working time: 2d, 4h, -1d (a lead)"));
    if (ImGui::Button(tr("Apply"))) {
        auto lag = parseDuration(linkEdit_.lag, p.calendar.minutesPerDay, true);
        if (!lag) onError_(fmt(tr("\"{0}\" is not a lag — e.g. 2d, 4h or -1d"), linkEdit_.lag));
        else {
            Link l = *it;
            l.type = LinkType(linkEdit_.type);
            l.lag = *lag;
            if (!(l == *it)) {
                std::string why;
                if (!doc_.executeChecked(editLink(l), why) && !why.empty()) onError_(fmt(tr("Not changed: {0}"), why));
            }
            ImGui::CloseCurrentPopup();
        }
    }
    tagItem("link.apply");
    ImGui::SameLine();
    if (ImGui::Button(tr("Delete link"))) {
        doc_.execute(deleteLink(it->id));
        ImGui::CloseCurrentPopup();
    }
    tagItem("link.delete");
    ImGui::EndPopup();
}

void GanttView::contextMenu() {
    if (openContext_) ImGui::OpenPopup("gantt.context");
    openContext_ = false;
    if (!ImGui::BeginPopup("gantt.context")) return;
    const bool one = selectedIds().size() == 1;
    if (ImGui::MenuItem(canEdit() ? tr("Edit task…") : tr("Task details…"), tr("Double-click"), false, one && contextRow_ >= 0)) openEditor(contextRow_);
    tagItem("context.edit");
    if (canEdit()) { // a read-only plan offers no edits at all
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Insert task"), "Insert")) insertTaskBelowSelection();
        tagItem("context.insert");
        if (ImGui::MenuItem(one ? tr("Delete task") : tr("Delete tasks"), "Delete")) deleteSelection();
        tagItem("context.delete");
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Indent"), "Tab")) indentSelection(false);
        tagItem("context.indent");
        if (ImGui::MenuItem(tr("Outdent"), "Shift+Tab")) indentSelection(true);
        tagItem("context.outdent");
        if (ImGui::MenuItem(tr("Move up"), "Alt+Up", false, one)) moveSelection(-1);
        if (ImGui::MenuItem(tr("Move down"), "Alt+Down", false, one)) moveSelection(+1);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Scroll to task"), nullptr, false, contextRow_ >= 0)) scrollToTask(contextRow_);
    tagItem("context.scrollTo");
    ImGui::TextDisabled(tr("Copy / paste rows: Ctrl+C, Ctrl+V"));
    ImGui::EndPopup();
}

} // namespace plotline
