// The Budget view's Actuals tab: costs and hours, typed, pasted or imported from CSV, and exported.
#include "budget_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"
#include "budget_style.hpp"

#include "cells.hpp"
#include "core/actuals_csv.hpp"
#include "core/csv.hpp"
#include "core/files.hpp"
#include "core/report.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <imgui.h>

namespace plotline {

using namespace budget_ui;

// ---- Actuals ------------------------------------------------------------------------------------

void BudgetView::actualsTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const BudgetStatus& b = status(today);
    const float fs = ImGui::GetFontSize();
    const Date day = statusDate(today);
    if (ImGui::Button(tr("Add cost"))) {
        const Id id = Id::random();
        run(putRecord(p, CostEntry{id, day, 0, CostCategory::Other}, tr("Add cost entry")));
        pasteInto_ = PasteInto::Costs;
        focusCost_ = id; // its amount is typed next
    }
    tagItem("actuals.addCost");
    ImGui::SameLine();
    if (ImGui::Button(tr("Add hours"))) {
        if (p.resources.empty()) error_ = tr("Add people first (Project > Resources…): hours are booked by a person.");
        else {
            const Id id = Id::random();
            run(putRecord(p, HoursEntry{id, day, {}, p.resources[0].id, 480}, tr("Add hours")));
            pasteInto_ = PasteInto::Hours;
            focusHours_ = id;
        }
    }
    tagItem("actuals.addHours");
    ImGui::SameLine();
    if (ImGui::Button(tr("Import CSV…"))) host_.pickFile();
    tagItem("actuals.import");
    ImGui::SameLine();
    if (ImGui::Button(tr("Export CSV"))) {
        host_.download(fileStem(p.name) + "-actuals.csv", "text/csv", writeActualsCsv(p));
        flash_(fmt(tr("Exported {0} hours entries and {1} costs."), p.hours.size(), p.costs.size()));
    }
    tagItem("actuals.export");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Every hours entry and cost as a CSV (the same columns Import reads)"));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(tr("A CSV with a header row: Date, Hours, Resource, Amount, Category, Task, Vendor, Note.\n"
                          "Rows with Hours are time worked; rows with an Amount are money spent.\nYou can also drop the file on the page."));
    ImGui::SameLine();
    ImGui::TextDisabled(tr("Ctrl+V pastes spreadsheet rows into the table you last edited."));
    ImGui::Text(tr("Spent to %s: %s (labour %s for %s h, other costs %s)"), formatDate(day).c_str(), formatMoney(b.ev.ac, cur).c_str(),
                formatMoney(b.actualByCategory[0], cur).c_str(), hoursText(b.actualLabourMinutes).c_str(),
                formatMoney(b.ev.ac - b.actualByCategory[0], cur).c_str());

    const float half = std::max(fs * 8, (ImGui::GetContentRegionAvail().y - fs * 4) * 0.5f);
    sectionTitle(tr("Costs"));
    if (beginRecordTable("##costs", {{tr("Date"), 1.1f}, {(fmt(tr("Amount ({0})"), std::string(cur.code))), 1.2f}, {tr("Category"), 1.6f}, {tr("Task"), 2.4f}, {tr("Vendor"), 1.6f}, {tr("Note"), 2.6f}, {"", -1.6f}}, ImVec2(0, half))) {
        // In date order, as a ledger reads; automation names keep the entry's place in the plan.
        const std::vector<int> order = byDate(p.costs);
        const int focus = takeFocus(p.costs, order, focusCost_, !pending_.empty());
        ImGuiListClipper clip;
        clip.Begin(int(p.costs.size()));
        if (focus >= 0) clip.ForceDisplayRangeByIndices(focus, focus + 1);
        while (clip.Step())
            for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
                const int i = order[size_t(row)];
                CostEntry c = p.costs[size_t(i)];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                tagRect("actuals.costRow." + std::to_string(row), ImGui::GetCursorScreenPos(), ImGui::GetCursorScreenPos(), c.date.str());
                Date d;
                if (dateCell("##date", c.date, d, error_)) { c.date = d; run(putRecord(p, c, tr("Change cost date"))); }
                if (ImGui::IsItemActivated()) pasteInto_ = PasteInto::Costs;
                ImGui::TableNextColumn();
                int64_t amount = 0;
                if (row == focus) focusNextCell();
                if (moneyCell("##amount", c.amount, cur, amount, error_)) { c.amount = amount; run(putRecord(p, c, tr("Change cost amount"))); }
                if (ImGui::IsItemActivated()) pasteInto_ = PasteInto::Costs;
                tagItem("actuals.cost." + std::to_string(i) + ".amount");
                ImGui::TableNextColumn();
                int pick = 0;
                if (pickCell("##cat", categoryNames_, int(c.category), pick)) { c.category = CostCategory(pick); run(putRecord(p, c, tr("Change cost category"))); }
                ImGui::TableNextColumn();
                if (Id picked; taskCell(c.task, picked)) {
                    c.task = picked;
                    run(putRecord(p, c, tr("Change cost task")));
                }
                ImGui::TableNextColumn();
                if (Id picked; vendorCell(c.vendor, picked)) {
                    c.vendor = picked;
                    run(putRecord(p, c, tr("Change cost vendor")));
                }
                ImGui::TableNextColumn();
                std::string text;
                if (textCell("##note", c.note, text)) { c.note = text; run(putRecord(p, c, tr("Change cost note"))); }
                ImGui::TableNextColumn();
                if (deleteButton(tr("cost entry"))) run(removeRecord<CostEntry>(p, c.id, tr("Delete cost entry")));
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    sectionTitle(tr("Hours worked"));
    if (beginRecordTable("##hours", {{tr("Date"), 1.1f}, {tr("Person"), 1.8f}, {tr("Task"), 2.4f}, {tr("Hours"), 0.8f}, {tr("Cost"), 1.1f}, {tr("Note"), 2.4f}, {"", -1.6f}},
                         ImVec2(0, std::max(fs * 8, ImGui::GetContentRegionAvail().y - fs * 0.5f)))) {
        const std::vector<int> order = byDate(p.hours);
        const int focus = takeFocus(p.hours, order, focusHours_, !pending_.empty());
        ImGuiListClipper clip;
        clip.Begin(int(p.hours.size()));
        if (focus >= 0) clip.ForceDisplayRangeByIndices(focus, focus + 1);
        while (clip.Step())
            for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
                const int i = order[size_t(row)];
                HoursEntry h = p.hours[size_t(i)];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                Date d;
                if (dateCell("##date", h.date, d, error_)) { h.date = d; run(putRecord(p, h, tr("Change hours date"))); }
                if (ImGui::IsItemActivated()) pasteInto_ = PasteInto::Hours;
                ImGui::TableNextColumn();
                int pick = 0;
                const int who = resourcePick(h.resource);
                if (pickCell("##who", resourceNames_, who, pick)) { h.resource = p.resources[size_t(pick)].id; run(putRecord(p, h, tr("Change who worked"))); }
                ImGui::TableNextColumn();
                if (Id picked; taskCell(h.task, picked)) {
                    h.task = picked;
                    run(putRecord(p, h, tr("Change hours task")));
                }
                ImGui::TableNextColumn();
                int64_t minutes = 0;
                if (row == focus) focusNextCell();
                if (hoursCell("##hours", h.minutes, minutes, error_)) { h.minutes = minutes; run(putRecord(p, h, tr("Change hours"))); }
                if (ImGui::IsItemActivated()) pasteInto_ = PasteInto::Hours;
                tagItem("actuals.hours." + std::to_string(i) + ".hours");
                ImGui::TableNextColumn();
                if (who >= 0) ImGui::TextUnformatted(formatMoney(labourCost(p.resources[size_t(who)].rateOn(h.date), h.minutes), cur).c_str());
                ImGui::TableNextColumn();
                std::string text;
                if (textCell("##note", h.note, text)) { h.note = text; run(putRecord(p, h, tr("Change hours note"))); }
                ImGui::TableNextColumn();
                if (deleteButton(tr("hours entry"))) run(removeRecord<HoursEntry>(p, h.id, tr("Delete hours entry")));
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
}

void BudgetView::importActuals(const std::string& filename, const std::string& text) {
    ActualsImport a = readActualsCsv(text, doc_.project());
    if (!a.ok()) {
        std::string msg;
        for (const auto& e : a.errors) msg += e + "\n";
        notify_(fmt(tr("Could not import {0}"), filename), msg + tr("\nNothing was changed."));
        return;
    }
    const size_t costs = a.costs.size(), hours = a.hours.size();
    run(addActuals(doc_.project(), std::move(a.costs), std::move(a.hours), fmt(tr("Import actuals from {0}"), filename)));
    showTab(Actuals);
    flash_(fmt(tr("Added {0} hours entries and {1} costs from {2} (Ctrl+Z undoes)."), hours, costs, filename));
}

bool BudgetView::paste(const std::string& text) {
    const Project& p = doc_.project();
    if (tab_ == Actuals) {
        // With a header row the columns are named; without, they follow the table's order.
        std::string csv = text;
        if (!looksLikeActualsCsv(text)) {
            const char sep = text.find('\t') != std::string::npos ? '\t' : ',';
            const std::string header = pasteInto_ == PasteInto::Hours ? "Date|Resource|Task|Hours|Note" : "Date|Amount|Category|Task|Vendor|Note";
            std::string line;
            for (char c : header) line += c == '|' ? sep : c;
            csv = line + "\n" + text;
        }
        importActuals(tr("the pasted rows"), csv);
        return true;
    }
    if (tab_ == Budget) {
        const CsvTable t = parseCsv(text);
        const Currency cur = currency(p.currency);
        std::vector<BudgetLine> lines;
        std::string errors;
        for (const CsvRow& row : t.rows) {
            auto cell = [&](size_t i) { return i < row.fields.size() ? row.fields[i] : std::string(); };
            if (row.fields.empty() || (row.fields.size() == 1 && row.fields[0].empty())) continue;
            if (&row == &t.rows[0] && (cell(0) == "Name" || cell(2) == "Amount")) continue; // a header row
            BudgetLine line;
            line.name = cell(0);
            if (auto c = parseCostCategory(cell(1))) line.category = *c;
            else if (!cell(1).empty()) { errors += fmt(tr("row {0}: \u201c{1}\u201d is not a category\n"), row.line, cell(1)); continue; }
            const Result<int64_t> amount = parseMoney(cell(2), cur);
            if (!amount) { errors += fmt(tr("row {0}: {1}\n"), row.line, amount.error()); continue; }
            line.amount = *amount;
            if (const std::string task = cell(3); !task.empty()) {
                const std::vector<std::string>& names = taskNames();
                auto it = std::find(names.begin(), names.end(), task);
                if (it == names.end()) { errors += fmt(tr("row {0}: no task named \u201c{1}\u201d\n"), row.line, task); continue; }
                line.task = p.tasks[size_t(it - names.begin())].id;
            }
            lines.push_back(line);
        }
        if (!errors.empty()) {
            notify_(tr("Could not paste the budget lines"), errors + tr("\nColumns: Name, Category, Amount, Task. Nothing was changed."));
            return true;
        }
        run(putRecords(p, lines, tr("Paste budget lines")));
        flash_(fmt(tr("Pasted {0} budget lines (Ctrl+Z undoes)."), lines.size()));
        return true;
    }
    return false;
}

} // namespace plotline
