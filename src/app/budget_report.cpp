// The status report window: weekly report or monthly summary, copied or downloaded.
#include "budget_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"
#include "budget_style.hpp"

#include "cells.hpp"
#include "core/files.hpp"
#include "core/report.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace plotline {

using namespace budget_ui;

// ---- The status report window -------------------------------------------------------------------

void BudgetView::drawWindows(Date today) {
    drawing_ = true;
    if (reportOpen_) reportWindow(today);
    runPending();
}

void BudgetView::reportWindow(Date today) {
    const Project& p = doc_.project();
    const float fs = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(fs * 52, vp->Size.x - fs * 2), std::min(fs * 40, vp->Size.y - fs * 4)), ImGuiCond_Appearing);
    if (reportFocus_) ImGui::SetNextWindowFocus();
    reportFocus_ = false;
    if (!ImGui::Begin(tr("Status report"), &reportOpen_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const Date day = statusDate(today);
    ImGui::RadioButton(tr("Weekly status"), &reportKind_, 0);
    tagItem("report.weekly");
    ImGui::SameLine();
    ImGui::RadioButton(tr("Monthly summary for the client"), &reportKind_, 1);
    tagItem("report.monthly");
    int y, m, d;
    day.toYmd(y, m, d);
    if (reportKind_ == 1) {
        ImGui::SameLine();
        std::vector<std::string> names;
        for (int k = 0; k < 6; ++k) {
            names.push_back(formatMonthYear(y - (m - 1 - k < 0 ? 1 : 0), m - k));
        }
        int pick = reportMonth_;
        if (pickCell("##month", names, reportMonth_, pick, nullptr, fs * 9)) reportMonth_ = pick;
        ImGui::SameLine();
        ImGui::Checkbox(tr("List billing and invoices"), &reportBilling_);
        tagItem("report.billing");
    } else {
        ImGui::SameLine();
        ImGui::Checkbox(tr("Margin section (internal)"), &reportInternal_);
        tagItem("report.internal");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Revenue, cost and margin: for the agency's own eyes, not for the client."));
    }
    // Rebuilt only when the plan, the kind or the month changes.
    int mm = m - reportMonth_, yy = y;
    while (mm < 1) { mm += 12; --yy; }
    char month[16];
    std::snprintf(month, sizeof month, "%04d-%02d", yy, mm);
    const std::string key = std::to_string(doc_.revision()) + "/" + std::to_string(reportKind_) + "/" + month + "/" + day.str() +
                            (reportBilling_ ? "/billing" : "") + (reportInternal_ ? "/internal" : "");
    if (key != reportKey_) {
        reportKey_ = key;
        if (reportKind_ == 0 && reportInternal_) {
            StatusReport r = report(today);
            r.profit = profit(today);
            reportDoc_ = weeklyReport(r, true);
        } else reportDoc_ = reportKind_ == 0 ? weeklyReport(report(today)) : monthlySummary(p, doc_.schedule(), yy, mm, day, reportBilling_);
        reportText_ = renderMarkdown(reportDoc_);
    }
    const ReportDoc& doc = reportDoc_;
    const std::string stem = fileStem(p.name) + (reportKind_ == 0 ? "-status-" + day.str() : std::string("-summary-") + month);
    const std::string& md = reportText_;
    if (ImGui::Button(tr("Copy Markdown"))) {
        host_.copyText(md);
        flash_(tr("Copied the report as Markdown: paste it into an email or a chat."));
    }
    tagItem("report.copy");
    ImGui::SameLine();
    if (ImGui::Button(tr("Download .md"))) host_.download(stem + ".md", "text/markdown", md);
    tagItem("report.downloadMd");
    ImGui::SameLine();
    if (ImGui::Button(tr("Download .html"))) host_.download(stem + ".html", "text/html", renderHtml(doc));
    tagItem("report.downloadHtml");
    if (reportKind_ == 0) {
        ImGui::SameLine(0, fs * 1.5f);
        if (ImGui::Button(tr("Keep this week's numbers"))) {
            const BudgetStatus& b = status(today);
            run(recordStatus(p, {day, b.ev.pv, b.ev.ev, b.ev.ac, b.percentComplete}));
            flash_(fmt(tr("Kept the numbers of {0}: the S-curve draws earned value through them."), formatDate(day)));
        }
        tagItem("report.record");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(tr("Stores PV, EV and AC of this status date, so the earned-value curve shows how they moved week by week."));
    }
    ImGui::SameLine(0, fs * 1.5f);
    ImGui::Checkbox("Markdown", &reportRaw_);
    tagItem("report.raw");
    hint(tr("Show the report as the Markdown text that Copy puts on the clipboard"));
    ImGui::Separator();
    if (reportRaw_) {
        ImGui::InputTextMultiline("##report", &reportText_, ImVec2(-FLT_MIN, -FLT_MIN), ImGuiInputTextFlags_ReadOnly);
        tagItem("report.text");
    } else {
        ImGui::BeginChild("##preview", ImVec2(0, 0), false);
        reportPreview(doc);
        ImGui::EndChild();
        tagItem("report.text");
    }
    ImGui::End();
}

// The report as it reads, laid out like its HTML: a title, the status badge, then each section's
// facts, paragraphs, bullets and table.
void BudgetView::reportPreview(const ReportDoc& doc) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(0);
    ImGui::SetWindowFontScale(1.3f);
    ImGui::TextUnformatted(doc.title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    tagText("report.preview.title", doc.title);
    if (!doc.subtitle.empty()) ImGui::TextDisabled("%s", doc.subtitle.c_str());
    if (!doc.badge.empty()) {
        const Rag rag = doc.badge == "Green" ? Rag::Green : doc.badge == "Amber" ? Rag::Amber : Rag::Red;
        ImGui::PushStyleColor(ImGuiCol_Button, ragColour(rag));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ragColour(rag));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ragColour(rag));
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kOnAccent);
        ImGui::SmallButton(doc.badge.c_str());
        ImGui::PopStyleColor(4);
        tagText("report.preview.badge", doc.badge);
    }
    for (size_t si = 0; si < doc.sections.size(); ++si) {
        const ReportSection& sec = doc.sections[si];
        const std::string id = "report.section." + std::to_string(si);
        ImGui::Dummy(ImVec2(0, fs * 0.4f));
        ImGui::SetWindowFontScale(1.12f);
        ImGui::TextUnformatted(sec.title.c_str());
        ImGui::SetWindowFontScale(1.0f);
        tagText(id, sec.title);
        ImGui::Separator();
        if (!sec.facts.empty() && ImGui::BeginTable((id + ".facts").c_str(), 2)) {
            float labelW = 0;
            for (const auto& fact : sec.facts) labelW = std::max(labelW, ImGui::CalcTextSize(fact.first.c_str()).x);
            ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, labelW + fs);
            ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
            for (const auto& [label, value] : sec.facts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", label.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(value.c_str());
                tagText(id + ".fact." + label, value);
            }
            ImGui::EndTable();
        }
        for (const std::string& para : sec.paragraphs) ImGui::TextUnformatted(para.c_str());
        for (size_t b = 0; b < sec.bullets.size(); ++b) {
            ImGui::Bullet();
            ImGui::TextUnformatted(sec.bullets[b].c_str());
            tagText(id + ".bullet." + std::to_string(b), sec.bullets[b]);
        }
        const ReportTable& t = sec.table;
        if (!t.header.empty() && ImGui::BeginTable((id + ".table").c_str(), int(t.header.size()),
                                                   ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            for (const std::string& h : t.header) ImGui::TableSetupColumn(h.c_str());
            ImGui::TableHeadersRow();
            for (size_t r = 0; r < t.rows.size(); ++r) {
                ImGui::TableNextRow();
                for (size_t c = 0; c < t.rows[r].size(); ++c) {
                    ImGui::TableNextColumn();
                    const std::string& cell = t.rows[r][c];
                    if (std::find(t.rightAligned.begin(), t.rightAligned.end(), int(c)) != t.rightAligned.end())
                        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(cell.c_str()).x));
                    const int tone = r < t.tone.size() && c < t.tone[r].size() ? t.tone[r][c] : 0;
                    if (tone) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(tone < 0 ? kBad : kGood), "%s", cell.c_str());
                    else ImGui::TextUnformatted(cell.c_str());
                }
            }
            ImGui::EndTable();
        }
        if (!sec.svg.empty()) ImGui::TextDisabled(tr("(The chart is in the HTML download.)"));
    }
    ImGui::PopTextWrapPos();
}

} // namespace plotline
