// The Budget view's Budget tab: budget lines, contingency and drawdowns, people's rates and labour.
#include "budget_view.hpp"
#include "core/i18n.hpp"
#include "budget_style.hpp"

#include "cells.hpp"
#include "core/report.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <imgui.h>

namespace plotline {

using namespace budget_ui;

// ---- Budget -------------------------------------------------------------------------------------

void BudgetView::budgetTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const BudgetStatus& b = status(today);
    const float fs = ImGui::GetFontSize();

    ImGui::Text(tr("Base budget %s = labour %s + lines %s.   Contingency %s (%s left).   Approved budget %s."),
                formatMoney(b.base, cur).c_str(), formatMoney(b.labour, cur).c_str(), formatMoney(b.lines, cur).c_str(),
                formatMoney(b.contingency, cur).c_str(), formatMoney(b.contingencyLeft(), cur).c_str(), formatMoney(b.approved(), cur).c_str());
    tagText("budget.summary", formatMoney(b.approved(), cur));

    // Budget lines.
    sectionTitle(tr("Budget lines: fixed costs of tasks, vendors' fees, media, software, travel"));
    if (ImGui::Button(tr("Add line"))) {
        const Id id = Id::random();
        run(putRecord(p, BudgetLine{id, tr("New line"), CostCategory::Other, 0}, tr("Add budget line")));
        focusLine_ = id; // its name is typed next
    }
    tagItem("budget.lines.add");
    ImGui::SameLine();
    ImGui::TextDisabled(tr("Paste rows from a spreadsheet (Name, Category, Amount, Task) with Ctrl+V."));
    const float linesHeight = std::min(fs * 1.9f * float(p.budgetLines.size() + 1) + fs, fs * 16);
    if (beginRecordTable("##lines", {{tr("Name"), 3}, {tr("Category"), 1.6f}, {(fmt(tr("Amount ({0})"), std::string(cur.code))), 1.4f}, {tr("Task"), 2.4f}, {tr("Vendor"), 1.8f}, {"", -1.6f}}, ImVec2(0, linesHeight))) {
        ImGuiListClipper clip;
        clip.Begin(int(p.budgetLines.size()));
        const int focus = takeFocus(p.budgetLines, {}, focusLine_, !pending_.empty());
        if (focus >= 0) clip.ForceDisplayRangeByIndices(focus, focus + 1);
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                BudgetLine line = p.budgetLines[size_t(i)];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (i == focus) focusNextCell();
                std::string text;
                if (textCell("##name", line.name, text)) { line.name = text; run(putRecord(p, line, tr("Rename budget line"))); }
                tagItem("budget.line." + std::to_string(i) + ".name");
                if (!line.changeRequest.isNull() && ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Added by an approved change request"));
                ImGui::TableNextColumn();
                int pick = 0;
                if (pickCell("##cat", categoryNames_, int(line.category), pick)) { line.category = CostCategory(pick); run(putRecord(p, line, tr("Change budget line category"))); }
                ImGui::TableNextColumn();
                int64_t amount = 0;
                if (moneyCell("##amount", line.amount, cur, amount, error_)) { line.amount = amount; run(putRecord(p, line, tr("Change budget line amount"))); }
                tagItem("budget.line." + std::to_string(i) + ".amount");
                ImGui::TableNextColumn();
                if (Id picked; taskCell(line.task, picked)) {
                    line.task = picked;
                    run(putRecord(p, line, tr("Move budget line to a task")));
                }
                ImGui::TableNextColumn();
                if (Id picked; vendorCell(line.vendor, picked)) {
                    line.vendor = picked;
                    run(putRecord(p, line, tr("Change budget line vendor")));
                }
                ImGui::TableNextColumn();
                if (deleteButton(tr("budget line"))) run(removeRecord<BudgetLine>(p, line.id, fmt(tr("Delete budget line \u201c{0}\u201d"), line.name)));
                tagItem("budget.line." + std::to_string(i) + ".delete");
                ImGui::PopID();
            }
        ImGui::EndTable();
    }

    // Contingency.
    sectionTitle(tr("Contingency"));
    Contingency c = p.contingency;
    int mode = c.percent ? 1 : 0;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Set aside"));
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("an amount"), &mode, 0) && c.percent) { c.percent = false; c.amount = b.contingency; run(setContingency(c)); }
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("a share of the base budget"), &mode, 1) && !c.percent) { c.percent = true; run(setContingency(c)); }
    ImGui::SameLine();
    ImGui::PushID("contingency");
    if (c.percent) {
        // Percent with up to two decimals: stored in basis points.
        int64_t bp = 0;
        const Currency percentFormat{"", 2, ""};
        if (moneyCell("##percent", c.basisPoints, percentFormat, bp, error_, fs * 6)) {
            if (bp < 0 || bp > 100000) error_ = tr("Contingency is a share from 0 to 1000 %.");
            else { c.basisPoints = int(bp); run(setContingency(c)); }
        }
        tagItem("budget.contingency.value");
        ImGui::SameLine();
        ImGui::Text("%% = %s", formatMoney(b.contingency, cur).c_str());
    } else {
        int64_t amount = 0;
        if (moneyCell("##amount", c.amount, cur, amount, error_, fs * 8)) { c.amount = amount; run(setContingency(c)); }
        tagItem("budget.contingency.value");
    }
    ImGui::PopID();
    ImGui::SameLine(0, fs * 2);
    ImGui::Text(tr("Drawn %s, left %s"), formatMoney(b.drawn, cur).c_str(), formatMoney(b.contingencyLeft(), cur).c_str());
    if (ImGui::Button(tr("Record a drawdown"))) run(putRecord(p, Drawdown{{}, statusDate(today), 0, tr("Reason")}, tr("Record contingency drawdown")));
    tagItem("budget.drawdown.add");
    if (!p.drawdowns.empty() && beginRecordTable("##drawdowns", {{tr("Date"), 1}, {tr("Amount"), 1}, {tr("Reason"), 4}, {"", -1.6f}})) {
        for (size_t i = 0; i < p.drawdowns.size(); ++i) {
            Drawdown d = p.drawdowns[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            Date day;
            if (dateCell("##date", d.date, day, error_)) { d.date = day; run(putRecord(p, d, tr("Change drawdown date"))); }
            ImGui::TableNextColumn();
            int64_t amount = 0;
            if (moneyCell("##amount", d.amount, cur, amount, error_)) { d.amount = amount; run(putRecord(p, d, tr("Change drawdown amount"))); }
            ImGui::TableNextColumn();
            std::string text;
            if (textCell("##reason", d.reason, text)) { d.reason = text; run(putRecord(p, d, tr("Change drawdown reason"))); }
            ImGui::TableNextColumn();
            if (deleteButton("drawdown")) run(removeRecord<Drawdown>(p, d.id, tr("Delete drawdown")));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    // Labour: people, their two rates, planned and booked work.
    sectionTitle(tr("Labour: planned from the Gantt assignments; the client is billed at bill rates, the work costs cost rates"));
    if (beginRecordTable("##labour", {{tr("Person"), 2}, {tr("Role"), 2}, {(fmt(tr("Bill / h ({0})"), std::string(cur.code))), 1.2f},
                                      {(fmt(tr("Cost / h ({0})"), std::string(cur.code))), 1.2f}, {tr("Rate changes: from (date) → rate"), 3.2f},
                                      {tr("Planned"), 1.8f}, {tr("Booked"), 1.8f}, {"", -9.0f}})) {
        for (size_t i = 0; i < p.resources.size(); ++i) {
            Resource r = p.resources[i];
            const std::string tag = "budget.rate." + std::to_string(i);
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(r.name.c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(r.role.c_str());
            ImGui::TableNextColumn();
            int64_t rate = 0;
            if (moneyCell("##rate", r.billRate, cur, rate, error_)) {
                if (rate < 0) error_ = tr("A rate cannot be negative.");
                else { r.billRate = rate; run(editResource(p, r)); }
            }
            tagItem(tag);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("What the client is charged for an hour of %s"), r.name.c_str());
            ImGui::TableNextColumn();
            std::optional<int64_t> cost;
            if (optionalMoneyCell("##cost", r.costRate, cur, cost, error_)) {
                if (cost && *cost < 0) error_ = tr("A rate cannot be negative.");
                else { r.costRate = cost; run(editResource(p, r)); }
            }
            tagItem(tag + ".cost");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(tr("What an hour of %s costs the agency (pay and overheads, or a freelancer's fee).\nEmpty: not known; margins say so."),
                                  r.name.c_str());
            ImGui::TableNextColumn();
            // Each change on a line of its own: bill or cost, from (date), the rate, ×.
            auto changes = [&](std::vector<RateChange> Resource::*list, const char* kind, const std::string& key) {
                const std::vector<RateChange>& shown = r.*list;
                for (size_t k = 0; k < shown.size(); ++k) {
                    ImGui::PushID(key.c_str());
                    ImGui::PushID(int(k));
                    Resource edited = r;
                    std::vector<RateChange>& e = edited.*list;
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextDisabled("%s", kind);
                    ImGui::SameLine(fs * 2.4f);
                    Date day;
                    if (dateCell("##from", shown[k].from, day, error_, fs * 6)) {
                        e[k].from = day;
                        std::sort(e.begin(), e.end(), [](auto& x, auto& y) { return x.from < y.from; });
                        bool repeated = false;
                        for (size_t j = 1; j < e.size(); ++j) repeated |= e[j].from == e[j - 1].from;
                        if (repeated) error_ = tr("One rate change per date.");
                        else run(editResource(p, edited));
                    }
                    tagItem(tag + key + std::to_string(k) + ".from");
                    ImGui::SameLine(0, fs * 0.3f);
                    int64_t changed = 0;
                    if (moneyCell("##rate", shown[k].rate, cur, changed, error_, fs * 5)) {
                        if (changed < 0) error_ = tr("A rate cannot be negative.");
                        else { e[k].rate = changed; run(editResource(p, edited)); }
                    }
                    tagItem(tag + key + std::to_string(k) + ".rate");
                    ImGui::SameLine(0, fs * 0.2f);
                    if (deleteButton(tr("rate change"))) {
                        e.erase(e.begin() + long(k));
                        run(editResource(p, edited));
                    }
                    ImGui::PopID();
                    ImGui::PopID();
                }
            };
            changes(&Resource::billRateChanges, "bill", ".change.");
            changes(&Resource::costRateChanges, "cost", ".costChange.");
            if (r.billRateChanges.empty() && r.costRateChanges.empty()) ImGui::TextDisabled("none");
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s h  %s", hoursText(b.resourceMinutes[i]).c_str(), formatMoney(b.resourceLabour[i], cur).c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s h  %s", hoursText(b.resourceActualMinutes[i]).c_str(), formatMoney(b.resourceActualCost[i], cur).c_str());
            ImGui::TableNextColumn();
            // A new rate from the first of next month, at the rate in force then: then edit both.
            auto addChange = [&](std::vector<RateChange> Resource::*list, RateKind kind) {
                Date from = nextMonth(monthOf(statusDate(today)));
                std::vector<RateChange>& e = r.*list;
                while (std::any_of(e.begin(), e.end(), [&](auto& x) { return x.from == from; })) from = from + 1;
                e.push_back({from, r.rateOn(from, kind)});
                std::sort(e.begin(), e.end(), [](auto& x, auto& y2) { return x.from < y2.from; });
                run(editResource(p, r));
            };
            if (ImGui::SmallButton(tr("+ bill"))) addChange(&Resource::billRateChanges, RateKind::Bill);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("A new bill rate from a date (a new rate card, a new contract year)"));
            tagItem(tag + ".add");
            ImGui::SameLine(0, fs * 0.3f);
            if (ImGui::SmallButton(tr("+ cost"))) addChange(&Resource::costRateChanges, RateKind::Cost);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("A new cost rate from a date (a raise, a freelancer's new fee)"));
            tagItem(tag + ".addCost");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

} // namespace plotline
