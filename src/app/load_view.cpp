#include "load_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plotline {

const ResourceLoad& LoadView::load() {
    if (revision_ != doc_.revision()) {
        revision_ = doc_.revision();
        load_ = resourceLoad(doc_.project(), doc_.schedule());
    }
    return load_;
}

const CrossLoad& LoadView::across() {
    const ResourceLoad& l = load();
    auto [plans, generation] = others ? others() : std::pair<std::vector<const std::vector<Booking>*>, uint64_t>{};
    if (crossRevision_ != revision_ || crossGeneration_ != generation || cross_.people.empty() != plans.empty()) {
        crossRevision_ = revision_;
        crossGeneration_ = generation;
        mine_ = bookings(doc_.project(), l);
        plans.insert(plans.begin(), &mine_); // this plan first: its names are the ones shown
        cross_ = crossLoad(plans);
    }
    return cross_;
}

void LoadView::draw(const GanttView::Timeline& tl, float height) {
    const Project& p = doc_.project();
    const ResourceLoad& l = load();
    const float fs = ImGui::GetFontSize();
    const bool byWeek = tl.pxPerDay < 6.0f; // days narrower than 6 px read better as weeks
    ImGui::BeginChild("##load", ImVec2(0, height), true, 0);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::TextUnformatted(tr("Resource load"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", byWeek ? tr("by week (average of working days; orange: some day over 100 %)") : tr("by day (orange: over 100 %)"));
    tagText("load.title", byWeek ? "by week" : "by day");
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::Checkbox(tr("All projects"), &allProjects);
    tagItem("load.allProjects");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(tr("People with an email: their booking over every project in your library, added up"));
    const CrossLoad* cross = allProjects ? &across() : nullptr;
    if (p.resources.empty()) {
        ImGui::TextDisabled(tr("This plan has no resources yet."));
        ImGui::EndChild();
        return;
    }
    const float rowH = std::floor(fs * 2.2f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Calendar& cal = p.calendar;
    const float left = origin.x, right = tl.x + tl.width;
    auto xOf = [&](double day) { return tl.x + float((day - tl.originDay) * tl.pxPerDay); };
    int firstDay = int(std::floor(tl.originDay)), lastDay = int(std::ceil(tl.originDay + tl.width / tl.pxPerDay));
    if (!cross && !l.days.empty() && !l.days[0].empty()) { // nothing is booked outside the plan's span
        firstDay = std::max(firstDay, cal.workday(l.firstWorkday).days);
        lastDay = std::min(lastDay, cal.workday(l.firstWorkday + int64_t(l.days[0].size()) - 1).days);
    }
    ImGuiListClipper clipper;
    clipper.Begin(int(p.resources.size()), rowH);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const ImVec2 rowMin = ImGui::GetCursorScreenPos();
            const float base = rowMin.y + rowH - 3, full = rowH * 0.6f; // 100 % reaches 60 % of the row
            // Over every project: this person's summed load, when they are booked elsewhere too.
            const PersonLoad* all = nullptr;
            if (cross)
                if (const std::string key = personKey(p.resources[size_t(r)].email); !key.empty())
                    if (const PersonLoad* x = cross->find(key); x && x->parts.size() > 1) all = x;
            auto dayLoad = [&](Date d) { return all ? (cal.isWorkingDay(d) ? all->on(d) : 0.0f) : l.percent(size_t(r), d); };
            const float peakLoad = all ? all->peak : l.peak[size_t(r)];
            const bool over = peakLoad > PersonLoad::kOverAllocated;
            // Name and peak, left of the timeline.
            ImGui::PushClipRect(ImVec2(left, rowMin.y), ImVec2(tl.x - 4, rowMin.y + rowH), true);
            const std::string label = p.resources[size_t(r)].name + (all ? " · " + trn("{n} project", "{n} projects", int64_t(all->parts.size())) : "");
            dl->AddText(ImVec2(left + fs * 0.5f, rowMin.y + (rowH - fs) * 0.5f), over ? theme::kError : theme::kBarText, label.c_str());
            char peak[48];
            std::snprintf(peak, sizeof peak, "%s", fmt(tr("peak {0}"), formatPercent(std::lround(peakLoad))).c_str());
            const float pw = ImGui::CalcTextSize(peak).x;
            dl->AddText(ImVec2(tl.x - 10 - pw, rowMin.y + (rowH - fs) * 0.5f), over ? theme::kError : theme::kMuted, peak);
            ImGui::PopClipRect();
            tagRect("load.row." + std::to_string(r), ImVec2(left, rowMin.y), ImVec2(right, rowMin.y + rowH), all ? "all projects" : "");
            ImGui::PushClipRect(ImVec2(tl.x, rowMin.y), ImVec2(right, rowMin.y + rowH), true);
            dl->AddLine(ImVec2(tl.x, base - full), ImVec2(right, base - full), theme::kGridLine);
            dl->AddLine(ImVec2(tl.x, base), ImVec2(right, base), theme::kGridLine);
            bool taggedOver = false;
            auto bar = [&](double d0, double d1, float pct, bool hot, const char* what, Date from) {
                if (pct <= 0) return;
                const float h = std::min(pct, 200.0f) / 100.0f * full;
                const float x0 = xOf(d0) + (d1 - d0 > 1 ? 1.0f : 0.5f), x1 = std::max(x0 + 1, xOf(d1) - 0.5f);
                dl->AddRectFilled(ImVec2(x0, base - h), ImVec2(x1, base), hot ? theme::kOverload : theme::kLoad);
                if (hot && !taggedOver) {
                    tagRect("load.over." + std::to_string(r), ImVec2(x0, base - h), ImVec2(x1, base));
                    taggedOver = true;
                }
                if (ImGui::IsMouseHoveringRect(ImVec2(x0, rowMin.y), ImVec2(x1, rowMin.y + rowH)) && ImGui::IsWindowHovered()) {
                    ImGui::BeginTooltip();
                    char head[160];
                    std::snprintf(head, sizeof head, "%s", fmt(*what ? tr("{0} — week of {1}: {2}") : tr("{0} — {1}: {2}"), p.resources[size_t(r)].name, formatDate(from), formatPercent(std::lround(pct))).c_str());
                    std::string text = head;
                    ImGui::TextUnformatted(head);
                    if (all)
                        for (const Booking* b : all->parts) {
                            float share = 0;
                            int worked = 0;
                            for (Date d = from; d < from + int(d1 - d0); d = d + 1)
                                if (cal.isWorkingDay(d)) share += b->on(d), ++worked;
                            if (share <= 0) continue;
                            char line[160];
                            std::snprintf(line, sizeof line, "%s: %.0f%%", b->projectName.c_str(), double(share / float(std::max(worked, 1))));
                            ImGui::BulletText("%s", line);
                            text += std::string("\n") + line;
                        }
                    tagRect("tooltip", ImVec2(x0, rowMin.y), ImVec2(x1, rowMin.y + rowH), text);
                    if (hot) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", all ? tr("Over-allocated across projects") : tr("Over-allocated: more work than a full day"));
                    ImGui::EndTooltip();
                }
            };
            if (!byWeek) {
                for (int d = firstDay; d <= lastDay; ++d) {
                    const float pct = dayLoad(Date{d});
                    bar(d, d + 1, pct, pct > 100.5f, "", Date{d});
                }
            } else {
                for (Date w = Date{firstDay} - Date{firstDay}.weekday(); w.days <= lastDay; w = w + 7) {
                    float sum = 0, peakDay = 0;
                    int worked = 0;
                    for (int k = 0; k < 7; ++k) {
                        const Date d = w + k;
                        if (!cal.isWorkingDay(d)) continue;
                        const float pct = all ? all->on(d) : l.percentAtWorkday(size_t(r), cal.workdayIndex(d));
                        sum += pct;
                        peakDay = std::max(peakDay, pct);
                        ++worked;
                    }
                    if (worked) bar(w.days, w.days + 7, sum / float(worked), peakDay > 100.5f, "week", w);
                }
            }
            ImGui::PopClipRect();
            ImGui::Dummy(ImVec2(right - left, rowH));
        }
    }
    ImGui::EndChild();
}

} // namespace plotline
