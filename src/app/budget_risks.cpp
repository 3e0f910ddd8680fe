// The Budget view's risk register and its heat map.
#include "budget_view.hpp"
#include "core/i18n.hpp"
#include "budget_style.hpp"

#include "cells.hpp"
#include "core/report.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace plotline {

using namespace budget_ui;

// ---- Risks --------------------------------------------------------------------------------------

void BudgetView::heatMap(float size) {
    const Project& p = doc_.project();
    const float fs = ImGui::GetFontSize();
    const float cell = size / 5;
    ImGui::BeginGroup();
    ImGui::TextUnformatted(tr("Heat map (open risks)"));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 a(origin.x + fs * 1.6f, origin.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int prob = 5; prob >= 1; --prob)
        for (int impact = 1; impact <= 5; ++impact) {
            const ImVec2 lo(a.x + cell * float(impact - 1), a.y + cell * float(5 - prob)), hi(lo.x + cell - 2, lo.y + cell - 2);
            int count = 0;
            std::string titles;
            for (const Risk& r : p.risks)
                if (r.status != RiskStatus::Closed && r.probability == prob && r.impact == impact) {
                    ++count;
                    titles += "\u2022 " + r.title + "\n";
                }
            const bool picked = heatFilter_ == prob * 10 + impact;
            dl->AddRectFilled(lo, hi, scoreColour(prob * impact), 3.0f);
            if (picked) dl->AddRect(lo, hi, IM_COL32(20, 20, 20, 255), 3.0f, 0, 2.5f);
            if (count) {
                const std::string n = std::to_string(count);
                const ImVec2 t = ImGui::CalcTextSize(n.c_str());
                dl->AddText(ImGui::GetFont(), fs * 1.3f, ImVec2((lo.x + hi.x - t.x * 1.3f) / 2, (lo.y + hi.y - fs * 1.3f) / 2), IM_COL32(20, 20, 20, 255), n.c_str());
            }
            ImGui::SetCursorScreenPos(lo);
            ImGui::PushID(prob * 10 + impact);
            if (ImGui::InvisibleButton("##cell", ImVec2(cell - 2, cell - 2))) heatFilter_ = picked ? -1 : prob * 10 + impact;
            tagItem("risks.heat." + std::to_string(prob) + "." + std::to_string(impact));
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", (fmt(tr("Probability {0} × impact {1} = {2}"), prob, impact, prob * impact) + "\n" + titles +
                                        (count ? tr("Click to show only these.") : "")).c_str());
            ImGui::PopID();
        }
    // Axis labels.
    for (int k = 1; k <= 5; ++k) {
        const std::string n = std::to_string(k);
        dl->AddText(ImVec2(origin.x + fs * 0.4f, a.y + cell * float(5 - k) + cell / 2 - fs / 2), theme::kMuted, n.c_str());
        dl->AddText(ImVec2(a.x + cell * float(k - 1) + cell / 2 - fs / 4, a.y + cell * 5 + fs * 0.1f), theme::kMuted, n.c_str());
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, a.y + cell * 5 + fs * 1.3f));
    ImGui::TextDisabled(tr("Probability (up) × impact (across)"));
    ImGui::EndGroup();
}

void BudgetView::risksTab() {
    const Project& p = doc_.project();
    const float fs = ImGui::GetFontSize();
    if (ImGui::Button(tr("Add risk"))) run(putRecord(p, Risk{{}, tr("New risk")}, tr("Add risk")));
    tagItem("risks.add");
    ImGui::SameLine();
    if (heatFilter_ >= 0) {
        ImGui::Text(tr("Showing probability %d × impact %d."), heatFilter_ / 10, heatFilter_ % 10);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Show all"))) heatFilter_ = -1;
    } else ImGui::TextDisabled(tr("Highest scores first. The top five open risks go into the status report."));
    const float mapSize = fs * 13;
    const float tableWidth = ImGui::GetContentRegionAvail().x - mapSize - fs * 3;
    ImGui::BeginGroup();
    // Highest score first; closed ones last.
    std::vector<size_t> order(p.risks.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const Risk &a = p.risks[x], &b = p.risks[y];
        if ((a.status == RiskStatus::Closed) != (b.status == RiskStatus::Closed)) return b.status == RiskStatus::Closed;
        return a.score() > b.score();
    });
    if (beginRecordTable("##risks", {{tr("Risk"), 3}, {"P", -2.6f}, {"I", -2.6f}, {tr("Score"), -2.8f}, {tr("Owner"), 1.2f}, {tr("Status"), 1.7f}, {tr("Mitigation"), 3.2f}, {tr("Tasks"), 1.4f}, {"", -1.6f}}, ImVec2(tableWidth, std::max(fs * 10, ImGui::GetContentRegionAvail().y - fs)))) {
        static const std::vector<std::string> levels = {"1", "2", "3", "4", "5"};
        const std::vector<std::string> statuses = {tr("Open"), tr("Mitigating"), tr("Closed")};
        for (size_t i : order) {
            Risk r = p.risks[i];
            if (heatFilter_ >= 0 && (r.status == RiskStatus::Closed || r.probability * 10 + r.impact != heatFilter_)) continue;
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string text;
            if (textCell("##title", r.title, text)) { r.title = text; run(putRecord(p, r, tr("Rename risk"))); }
            if (ImGui::IsItemHovered() && !r.tasks.empty()) {
                std::string linked = tr("Linked tasks:");
                for (Id t : r.tasks)
                    if (const Task* task = p.task(t)) linked += "\n\u2022 " + task->name;
                ImGui::SetTooltip("%s", linked.c_str());
            }
            ImGui::TableNextColumn();
            int pick = 0;
            if (pickCell("##p", levels, r.probability - 1, pick)) { r.probability = pick + 1; run(putRecord(p, r, tr("Change risk probability"))); }
            tagItem("risks.row." + std::to_string(i) + ".probability");
            ImGui::TableNextColumn();
            if (pickCell("##i", levels, r.impact - 1, pick)) { r.impact = pick + 1; run(putRecord(p, r, tr("Change risk impact"))); }
            ImGui::TableNextColumn();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + fs * 2.2f, at.y + ImGui::GetFrameHeight()),
                                                      r.status == RiskStatus::Closed ? theme::kTrack : scoreColour(r.score()), 3.0f);
            ImGui::SetCursorScreenPos(ImVec2(at.x + fs * 0.5f, at.y + ImGui::GetStyle().FramePadding.y));
            ImGui::Text("%d", r.score());
            ImGui::TableNextColumn();
            if (textCell("##owner", r.owner, text)) { r.owner = text; run(putRecord(p, r, tr("Change risk owner"))); }
            ImGui::TableNextColumn();
            if (pickCell("##status", statuses, int(r.status), pick)) { r.status = RiskStatus(pick); run(putRecord(p, r, tr("Change risk status"))); }
            ImGui::TableNextColumn();
            if (textCell("##mitigation", r.mitigation, text)) { r.mitigation = text; run(putRecord(p, r, tr("Change risk mitigation"))); }
            ImGui::TableNextColumn();
            // Linked tasks: a list to tick.
            const std::string preview = r.tasks.empty() ? std::string(tr("none")) : trn("{n} task", "{n} tasks", int64_t(r.tasks.size()));
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::BeginCombo("##tasks", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
                static std::string filter;
                if (ImGui::IsWindowAppearing()) filter.clear();
                ImGui::SetNextItemWidth(-FLT_MIN);
                ImGui::InputTextWithHint("##filter", tr("Type to filter"), &filter);
                for (size_t t = 0; t < p.tasks.size(); ++t) {
                    const Task& task = p.tasks[t];
                    if (!filterMatches(task.name, filter)) continue;
                    const auto at = std::find(r.tasks.begin(), r.tasks.end(), task.id);
                    ImGui::PushID(int(t));
                    if (ImGui::Selectable(task.name.c_str(), at != r.tasks.end(), ImGuiSelectableFlags_DontClosePopups)) {
                        Risk edited = r;
                        if (at != r.tasks.end()) edited.tasks.erase(edited.tasks.begin() + (at - r.tasks.begin()));
                        else edited.tasks.push_back(task.id);
                        run(putRecord(p, edited, at != r.tasks.end() ? tr("Unlink a task from a risk") : tr("Link a task to a risk")));
                    }
                    ImGui::PopID();
                }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("×")) run(removeRecord<Risk>(p, r.id, fmt(tr("Delete risk \u201c{0}\u201d"), r.title)));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, fs * 1.5f);
    heatMap(mapSize);
}

} // namespace plotline
