#include "viewer_screen.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "cells.hpp"
#include "core/duration.hpp"
#include "core/files.hpp"
#include "core/money.hpp"
#include "budget_style.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace plotline {

void ViewerScreen::pinch(float scale, float x) {
    if (!compact_ || !(scale > 0)) return;
    const float before = zoom_;
    zoom_ = std::clamp(zoom_ * scale, 1.0f, 12.0f);
    // Keep the day under the fingers where it is.
    const float at = x - listX_ + pan_;
    pan_ = std::clamp(at * zoom_ / before - (x - listX_), 0.0f, std::max(0.0f, listW_ * zoom_ - listW_));
}

void ViewerScreen::header(const ClientView& v, float width) {
    const float fs = ImGui::GetFontSize();
    ImGui::SetWindowFontScale(1.35f);
    ImGui::PushTextWrapPos(width - fs);
    ImGui::TextWrapped("%s", v.project.name.c_str());
    tagText("viewer.name", v.project.name);
    ImGui::SetWindowFontScale(1.0f);
    std::string line = fmt(tr("As of {0}"), formatDate(v.asOf));
    if (v.options.has(Share::Progress)) line += "  \u00b7  " + fmt(tr("{0} complete"), formatPercent(v.percentComplete));
    ImGui::TextDisabled("%s", line.c_str());
    tagText("viewer.asof", line);
    if (v.rag) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(budget_ui::ragTextColour(*v.rag)), tr("\u25cf Status: %s"), tr(ragName(*v.rag)));
        tagText("viewer.status", ragName(*v.rag));
        for (const std::string& r : v.reasons) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", r.c_str());
        }
    }
    if (!v.nextMilestones.empty()) {
        std::string next = std::string(tr("Next milestones:")) + " ";
        for (size_t i = 0; i < v.nextMilestones.size() && i < 3; ++i)
            next += (i ? ", " : "") + fmt(v.nextMilestones[i].late ? tr("{0} ({1}, late)") : tr("{0} ({1})"), v.nextMilestones[i].name, formatDate(v.nextMilestones[i].date));
        ImGui::TextWrapped("%s", next.c_str());
        tagText("viewer.milestones", next);
    }
    for (const auto& [line, tag] : {std::pair{budgetLine(v), "viewer.budget"}, std::pair{feesLine(v), "viewer.fees"}})
        if (!line.empty()) {
            ImGui::TextWrapped("%s", line.c_str());
            tagText(tag, line);
        }
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr("Print"))) host_.print(clientPackHtml(v));
    tagItem("viewer.print");
    ImGui::SameLine();
    if (ImGui::Button(tr("Download client pack"))) host_.download(fileStem(v.project.name) + " - client view.html", "text/html", clientPackHtml(v));
    tagItem("viewer.pack");
    ImGui::SameLine();
    std::string kind;
    if (!viewer_.published()) kind = tr("A snapshot: it does not change.");
    else if (!viewer_.stale().empty()) kind = fmt(tr("{0} (showing the copy read {1})"), viewer_.stale(), agoText(host_.now() - viewer_.readAt()));
    else kind = fmt(tr("Kept up to date by its owner: read {0}."), agoText(host_.now() - viewer_.readAt()));
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(width - fs);
    ImGui::TextDisabled("%s", kind.c_str());
    ImGui::PopTextWrapPos();
    tagText("viewer.freshness", kind);
    ImGui::Spacing();
}

// The phone layout: one row per task, its name over its bar, across the whole width; a tap opens
// its details under it.
void ViewerScreen::phoneList(const ClientView& v, Date today) {
    const Project& p = doc_.project();
    const Schedule& s = doc_.schedule();
    const float fs = ImGui::GetFontSize();
    ImGui::BeginChild("##phoneList", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
    const ImGuiIO& io = ImGui::GetIO();
    // Touch: a vertical drag scrolls the list, a sideways one pans the time axis (the wheel scrolls too).
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4)) {
        if (std::abs(io.MouseDelta.y) >= std::abs(io.MouseDelta.x)) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        else pan_ = std::clamp(pan_ - io.MouseDelta.x, 0.0f, std::max(0.0f, listW_ * zoom_ - listW_));
    } else if (ImGui::IsWindowHovered() && io.MouseWheel != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * fs * 3);
    }
    const float x0 = ImGui::GetCursorScreenPos().x + fs * 0.6f, w = ImGui::GetContentRegionAvail().x - fs * 1.2f;
    listX_ = x0;
    listW_ = w;
    if (!s.ok() || s.tasks.size() != p.tasks.size() || p.tasks.empty()) {
        ImGui::TextWrapped(tr("This plan has no schedule to show."));
        ImGui::EndChild();
        return;
    }
    int64_t first = s.tasks[0].start, last = s.tasks[0].finish;
    for (const TaskSchedule& t : s.tasks) {
        first = std::min(first, t.start);
        last = std::max(last, t.finish);
    }
    const double span = double(std::max<int64_t>(last - first, 1));
    auto xOf = [&](int64_t minute) { return x0 - pan_ + float(double(minute - first) / span) * w * zoom_; };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Today, across the list.
    const int64_t now = p.calendar.instantAt(today);
    if (now > first && now < last) {
        const float tx = xOf(now);
        const ImVec2 wmin = ImGui::GetWindowPos(), wsize = ImGui::GetWindowSize();
        dl->AddLine(ImVec2(tx, wmin.y), ImVec2(tx, wmin.y + wsize.y), (theme::kToday & 0x00ffffff) | 0x70000000, 1.5f); // under the rows, faint
    }
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        const TaskSchedule& ts = s.tasks[i];
        ImGui::PushID(int(i));
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float rowH = lineH + fs * 0.9f;
        // The whole row is the tap target.
        const bool tapped = ImGui::InvisibleButton("##row", ImVec2(ImGui::GetContentRegionAvail().x, rowH)) && io.MouseDragMaxDistanceSqr[0] < 36.0f;
        if (tapped) expanded_ = expanded_ == int(i) ? -1 : int(i);
        tagRect("viewer.task." + std::to_string(i), top, ImVec2(top.x + ImGui::GetItemRectSize().x, top.y + rowH), t.name);
        const float indent = float(ts.level - 1) * fs * 0.8f;
        const std::string label = t.name + (v.options.has(Share::Progress) && !t.milestone ? "  " + std::to_string(ts.percentComplete) + "%" : "");
        dl->AddText(ImVec2(x0 + indent, top.y + 1), ts.summary ? theme::kSummary : ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        const float by = top.y + lineH + fs * 0.1f, bh = fs * 0.55f;
        dl->PushClipRect(ImVec2(x0, top.y), ImVec2(x0 + w, top.y + rowH), true);
        if (t.milestone) {
            const float cx = xOf(ts.start), r = bh * 0.75f, cy = by + bh * 0.5f;
            dl->AddQuadFilled(ImVec2(cx, cy - r), ImVec2(cx + r, cy), ImVec2(cx, cy + r), ImVec2(cx - r, cy), theme::kMilestone);
        } else {
            const float a = xOf(ts.start), b = std::max(xOf(ts.finish), a + 2.0f);
            dl->AddRectFilled(ImVec2(a, by), ImVec2(b, by + bh), ts.summary ? theme::kSummary : theme::kBar, bh * 0.3f);
            if (!ts.summary && ts.percentComplete > 0)
                dl->AddRectFilled(ImVec2(a, by), ImVec2(a + (b - a) * float(ts.percentComplete) / 100.0f, by + bh), theme::kBarProgress, bh * 0.3f);
        }
        dl->PopClipRect();
        // Zoomed in, a bar off the visible stretch leaves a mark at the edge it lies beyond.
        const float from = xOf(ts.start), to = t.milestone ? from : xOf(ts.finish);
        const float mid = by + bh * 0.5f, m = bh * 0.6f;
        if (to < x0) dl->AddTriangleFilled(ImVec2(x0, mid - m), ImVec2(x0, mid + m), ImVec2(x0 - m * 1.2f, mid), theme::kMuted);
        else if (from > x0 + w) dl->AddTriangleFilled(ImVec2(x0 + w, mid - m), ImVec2(x0 + w, mid + m), ImVec2(x0 + w + m * 1.2f, mid), theme::kMuted);
        if (expanded_ == int(i)) {
            ImGui::Indent(fs * 0.6f + indent);
            ImGui::PushTextWrapPos(x0 + w - top.x);
            const int mpd = p.calendar.minutesPerDay;
            std::string when = t.milestone ? fmt(tr("On {0}"), formatDate(ts.startDate))
                                            : fmt(tr("{0} to {1}  ({2})"), formatDate(ts.startDate), formatDate(ts.finishDate),
                                                  formatDuration(ts.summary ? ts.finish - ts.start : t.duration, mpd));
            ImGui::TextDisabled("%s", when.c_str());
            tagText("viewer.details", when);
            if (v.options.has(Share::Progress) && !t.milestone) ImGui::TextDisabled("%s", fmt(tr("{0} complete"), formatPercent(ts.percentComplete)).c_str());
            if (t.deadline) ImGui::TextDisabled(tr("Deadline %s"), formatDate(*t.deadline).c_str());
            if (!t.notes.empty()) ImGui::TextWrapped("%s", t.notes.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Unindent(fs * 0.6f + indent);
            ImGui::Spacing();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void ViewerScreen::draw(Date today) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##viewer", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const float width = ImGui::GetContentRegionAvail().x;
    compact_ = vp->Size.x < kPhoneWidth;
    if (viewer_.state() == Viewer::State::Opening) {
        ImGui::TextDisabled(tr("Opening the shared view\u2026"));
    } else if (viewer_.state() == Viewer::State::Failed || !viewer_.view()) {
        const float fs = ImGui::GetFontSize();
        ImGui::SetCursorPos(ImVec2(fs * 1.5f, vp->Size.y * 0.3f));
        ImGui::PushTextWrapPos(width - fs * 1.5f);
        ImGui::SetWindowFontScale(1.2f);
        ImGui::TextWrapped("%s", viewer_.error().c_str());
        ImGui::SetWindowFontScale(1.0f);
        tagText("viewer.error", viewer_.error());
        ImGui::PopTextWrapPos();
    } else {
        const ClientView& v = *viewer_.view();
        // A new view fits the chart to the project once the chart knows its width (after its first frame).
        const bool fit = fittedVersion_ != viewer_.version() && !compact_;
        const float pad = ImGui::GetFontSize() * 0.6f;
        ImGui::SetCursorPos(ImVec2(pad, pad));
        ImGui::BeginGroup();
        header(v, width);
        ImGui::EndGroup();
        if (compact_) phoneList(v, today);
        else gantt_.draw(today);
        if (fit && gantt_.timeline().width > 50) {
            gantt_.fitProject();
            // What a client reads: no link notation column; the baseline drawn when the view holds one.
            for (int c = 0; c < GanttView::columnCount(); ++c)
                if (std::string_view(GanttView::columnName(c)) == "Predecessors") gantt_.showColumn(c, false);
            if (!v.project.baselines.empty()) gantt_.showBaseline(v.project.baselines.back().id);
            fittedVersion_ = viewer_.version();
        }
    }
    ImGui::End();
}

} // namespace plotline
