// The Budget view's Vendors tab: contracts, purchase orders and invoices (booked as costs).
#include "budget_view.hpp"
#include "core/i18n.hpp"
#include "budget_style.hpp"

#include "cells.hpp"
#include "core/actuals_csv.hpp"
#include "core/report.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <imgui.h>

namespace plotline {

using namespace budget_ui;

// ---- Vendors ------------------------------------------------------------------------------------

void BudgetView::vendorsTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const BudgetStatus& b = status(today);
    if (ImGui::Button(tr("Add vendor"))) {
        Vendor v;
        v.id = Id::random();
        v.name = tr("New vendor");
        selectedVendor_ = v.id;
        run(putRecord(p, v, tr("Add vendor")));
    }
    tagItem("vendors.add");
    ImGui::SameLine();
    ImGui::Text(tr("Committed (purchase orders) %s, invoiced %s, unpaid %s"), formatMoney(b.committed, cur).c_str(),
                formatMoney(b.invoiced, cur).c_str(), formatMoney(b.unpaid, cur).c_str());
    if (beginRecordTable("##vendors", {{"", -1.4f}, {tr("Vendor"), 2.2f}, {tr("Contact"), 2.6f}, {tr("Contract"), 1.3f}, {tr("Mark-up %"), 0.9f}, {tr("Ordered"), 1.3f}, {tr("Invoiced"), 1.3f}, {tr("Unpaid"), 1.3f}, {"", -1.6f}})) {
        for (size_t i = 0; i < p.vendors.size(); ++i) {
            Vendor v = p.vendors[i];
            int64_t ordered = 0, invoiced = 0, unpaid = 0;
            for (const auto& o : v.orders) ordered += o.amount;
            for (const auto& in : v.invoices) { invoiced += in.amount; if (!in.paid) unpaid += in.amount; }
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::RadioButton("##pick", selectedVendor_ == v.id)) selectedVendor_ = v.id;
            tagItem("vendors.pick." + std::to_string(i));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Show this vendor's orders and invoices"));
            ImGui::TableNextColumn();
            std::string text;
            if (textCell("##name", v.name, text)) { v.name = text; run(putRecord(p, v, tr("Rename vendor"))); }
            ImGui::TableNextColumn();
            if (textCell("##contact", v.contact, text)) { v.contact = text; run(putRecord(p, v, tr("Change vendor contact"))); }
            ImGui::TableNextColumn();
            int64_t amount = 0;
            if (moneyCell("##contract", v.contractValue, cur, amount, error_)) { v.contractValue = amount; run(putRecord(p, v, tr("Change contract value"))); }
            ImGui::TableNextColumn();
            std::optional<int> markup;
            if (percentCell("##markup", v.markup ? std::optional<int>(v.markup) : std::nullopt, markup, error_)) {
                if (markup && (*markup < 0 || *markup > 1000000)) error_ = tr("A mark-up is from 0 to 10,000 %.");
                else { v.markup = markup.value_or(0); run(putRecord(p, v, fmt(tr("Change mark-up of {0}"), v.name))); }
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Added to this vendor's costs when they are billed to the client (time and materials). Internal."));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatMoney(ordered, cur).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatMoney(invoiced, cur).c_str());
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, unpaid ? kWarn : ImGui::GetColorU32(ImGuiCol_Text));
            ImGui::TextUnformatted(formatMoney(unpaid, cur).c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            if (deleteButton("vendor")) run(removeRecord<Vendor>(p, v.id, fmt(tr("Delete vendor \u201c{0}\u201d"), v.name)));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    const int at = vendorPick(selectedVendor_);
    if (at < 0) {
        ImGui::TextDisabled(tr("Pick a vendor (the round button) to see its purchase orders and invoices."));
        return;
    }
    Vendor v = p.vendors[size_t(at)];
    sectionTitle((fmt(tr("Purchase orders and invoices: {0}"), v.name)).c_str());
    if (ImGui::Button(tr("Add purchase order"))) {
        v.orders.push_back({"PO-", statusDate(today), 0});
        run(putRecord(p, v, tr("Add purchase order")));
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Add invoice"))) {
        v.invoices.push_back({"", statusDate(today), 0, false});
        run(putRecord(p, v, tr("Add invoice")));
    }
    tagItem("vendors.addInvoice");
    auto docTable = [&](const char* id, bool invoices) {
        const size_t n = invoices ? v.invoices.size() : v.orders.size();
        if (n == 0) return;
        std::vector<TableColumn> columns = {{invoices ? tr("Invoice") : tr("Order"), 1.5f}, {tr("Date"), 1.2f}, {tr("Amount"), 1.3f}};
        if (invoices) columns.insert(columns.end(), {{tr("Paid"), -3}, {"", -8}});
        columns.push_back({"", -1.6f});
        if (!beginRecordTable(id, columns)) return;
        for (size_t k = 0; k < n; ++k) {
            Vendor edited = v;
            std::string& number = invoices ? edited.invoices[k].number : edited.orders[k].number;
            Date& date = invoices ? edited.invoices[k].date : edited.orders[k].date;
            int64_t& amount = invoices ? edited.invoices[k].amount : edited.orders[k].amount;
            ImGui::PushID(int(k));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string text;
            if (textCell("##number", number, text)) { number = text; run(putRecord(p, edited, tr("Change document number"))); }
            ImGui::TableNextColumn();
            Date d;
            if (dateCell("##date", date, d, error_)) { date = d; run(putRecord(p, edited, tr("Change document date"))); }
            ImGui::TableNextColumn();
            int64_t value = 0;
            if (moneyCell("##amount", amount, cur, value, error_)) { amount = value; run(putRecord(p, edited, tr("Change document amount"))); }
            const std::string tag = std::string(invoices ? "vendors.invoice." : "vendors.order.") + std::to_string(k);
            tagItem(tag + ".amount");
            if (invoices) {
                ImGui::TableNextColumn();
                bool paid = edited.invoices[k].paid;
                if (ImGui::Checkbox("##paid", &paid)) { edited.invoices[k].paid = paid; run(putRecord(p, edited, paid ? tr("Mark invoice paid") : tr("Mark invoice unpaid"))); }
                ImGui::TableNextColumn();
                const Invoice& in = v.invoices[k];
                const bool booked = std::any_of(p.costs.begin(), p.costs.end(), [&](const CostEntry& c) {
                    return c.vendor == v.id && c.amount == in.amount && c.date == in.date;
                });
                if (booked) ImGui::TextDisabled("booked");
                else if (ImGui::SmallButton(tr("Book as cost"))) {
                    run(putRecord(p, CostEntry{{}, in.date, in.amount, CostCategory::Vendor, {}, v.id, in.number}, fmt(tr("Book invoice {0}"), in.number)));
                    flash_(fmt(tr("Booked invoice {0} as an actual cost (Actuals tab)."), in.number));
                }
                tagItem(tag + (booked ? ".booked" : ".book"));
                if (ImGui::IsItemHovered() && !booked) ImGui::SetTooltip(tr("Record this invoice as money spent (an actual cost)"));
            }
            ImGui::TableNextColumn();
            if (deleteButton(invoices ? "invoice" : "order")) {
                if (invoices) edited.invoices.erase(edited.invoices.begin() + long(k));
                else edited.orders.erase(edited.orders.begin() + long(k));
                run(putRecord(p, edited, invoices ? tr("Delete invoice") : tr("Delete purchase order")));
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    };
    docTable("##orders", false);
    docTable("##invoices", true);
}

} // namespace plotline
