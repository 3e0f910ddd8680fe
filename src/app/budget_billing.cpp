// The Budget view's Billing & margin tab: the contract, its billing schedule, what each month bills with
// the invoices sent and paid, and the margin to date, at completion, per phase and per person.
#include "budget_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"
#include "budget_style.hpp"

#include "cells.hpp"
#include "core/profit.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <imgui.h>

namespace plotline {

using namespace budget_ui;

void BudgetView::billingTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const float fs = ImGui::GetFontSize();
    const ProfitStatus& m = profit(today);
    auto money = [&](int64_t v) { return formatMoney(v, cur); };

    // The contract.
    sectionTitle(tr("Contract: how the client pays"));
    Contract c = p.contract;
    const std::vector<std::string> types = {tr(contractTypeLabel(ContractType::TimeAndMaterials)), tr(contractTypeLabel(ContractType::FixedFee)),
                                            tr(contractTypeLabel(ContractType::Retainer))};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Type"));
    ImGui::SameLine(fs * 8.5f);
    int pick = 0;
    if (pickCell("##type", types, int(c.type), pick, nullptr, fs * 12) && pick >= 0) {
        c.type = ContractType(pick);
        run(setContract(c));
    }
    tagItem("billing.type");
    ImGui::SameLine(0, fs);
    ImGui::TextDisabled("%s", c.type == ContractType::FixedFee          ? tr("the fee is the billing schedule below, billed as each item falls due")
                              : c.type == ContractType::TimeAndMaterials ? tr("hours at bill rates and costs with vendors' mark-up, billed as worked")
                                                                         : tr("a monthly fee from the first month to the month of the planned finish"));
    if (c.type == ContractType::TimeAndMaterials) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("Cap"));
        ImGui::SameLine(fs * 8.5f);
        std::optional<int64_t> cap;
        if (optionalMoneyCell("##cap", c.cap, cur, cap, error_, fs * 12)) {
            if (cap && *cap < 0) error_ = tr("A cap cannot be negative.");
            else { c.cap = cap; run(setContract(c)); }
        }
        tagItem("billing.cap");
        ImGui::SameLine(0, fs);
        if (m.capReached) ImGui::TextColored(ImColor(kWarn), tr("reached on %s: later hours are not billed"), m.capReached->str().c_str());
        else ImGui::TextDisabled("%s", c.cap ? tr("never billed beyond it") : tr("empty: no cap"));
    }
    if (c.type == ContractType::Retainer) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("Monthly fee"));
        ImGui::SameLine(fs * 8.5f);
        int64_t fee = 0;
        if (moneyCell("##monthly", c.monthlyFee, cur, fee, error_, fs * 12)) {
            if (fee < 0) error_ = tr("A fee cannot be negative.");
            else { c.monthlyFee = fee; run(setContract(c)); }
        }
        tagItem("billing.monthlyFee");
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Target margin %"));
    ImGui::SameLine(fs * 8.5f);
    std::optional<int> target;
    if (percentCell("##target", c.marginTarget, target, error_, fs * 6)) {
        c.marginTarget = target;
        run(setContract(c));
    }
    tagItem("billing.target");
    ImGui::SameLine(0, fs);
    ImGui::TextDisabled(tr("the dashboard's margin card turns red when the forecast falls below it (empty: no target)"));

    // The margin.
    sectionTitle(tr("Margin (internal: never in a client's view)"));
    if (!m.tooLarge.empty()) ImGui::TextColored(ImColor(theme::kError), "%s", m.tooLarge.c_str());
    else {
        if (!m.known()) {
            ImGui::TextColored(ImColor(kWarn), "%s", m.missingText().c_str());
            tagItem("billing.missing");
        }
        if (ImGui::BeginTable("##margin", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn("");
            ImGui::TableSetupColumn(tr("Revenue"));
            ImGui::TableSetupColumn(tr("Cost"));
            ImGui::TableSetupColumn(tr("Margin"));
            ImGui::TableHeadersRow();
            auto row = [&](const char* name, int64_t revenue, int64_t cost, std::optional<int> pct, const char* tag) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(name);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(money(revenue).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m.known() ? money(cost).c_str() : "\u2014");
                ImGui::TableNextColumn();
                const std::string margin = m.known() ? money(revenue - cost) + "  " + formatMarginPercent(pct) : "\u2014";
                const bool bad = m.known() && (revenue - cost < 0 || (m.marginTarget && pct && *pct < *m.marginTarget));
                ImGui::TextColored(ImColor(bad ? kBad : ImGui::GetColorU32(ImGuiCol_Text)), "%s", margin.c_str());
                tagText(tag, margin);
            };
            row(tr("To date"), m.revenueToDate, m.costToDate, m.marginPercentToDate(), "billing.margin.toDate");
            row(tr("At completion (forecast)"), m.revenueAtCompletion, m.costAtCompletion, m.marginPercentAtCompletion(), "billing.margin.atCompletion");
            ImGui::EndTable();
        }
    }

    // The billing schedule.
    sectionTitle(c.type == ContractType::FixedFee ? tr("Billing schedule: the fee in instalments, on a milestone reached or on a date")
                                                  : tr("Billing items: charges on top (approved change requests add theirs)"));
    const int focusAt = takeFocus(p.billing, {}, focusBilling_, !pending_.empty());
    if (beginRecordTable("##billing", {{tr("Item"), 3}, {tr("Amount"), 1.3f}, {tr("When: a task complete…"), 2.4f}, {tr("…or a date"), 1.3f}, {tr("State"), 2.2f}, {"", -1.5f}})) {
        for (size_t i = 0; i < p.billing.size(); ++i) {
            BillingItem b = p.billing[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (int(i) == focusAt) ImGui::SetKeyboardFocusHere();
            std::string text;
            if (textCell("##name", b.name, text)) { b.name = text; run(putRecord(p, b, tr("Rename billing item"))); }
            tagItem("billing.item." + std::to_string(i) + ".name");
            ImGui::TableNextColumn();
            int64_t amount = 0;
            if (moneyCell("##amount", b.amount, cur, amount, error_)) { b.amount = amount; run(putRecord(p, b, tr("Change billing amount"))); }
            tagItem("billing.item." + std::to_string(i) + ".amount");
            ImGui::TableNextColumn();
            Id task;
            if (taskCell(b.task, task)) { b.task = task; run(putRecord(p, b, tr("Bill on a task"))); }
            ImGui::TableNextColumn();
            if (b.task.isNull()) {
                Date day;
                if (dateCell("##date", b.date.value_or(statusDate(today)), day, error_)) { b.date = day; run(putRecord(p, b, tr("Change billing date"))); }
            } else ImGui::TextDisabled(tr("(the task's)"));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            auto line = std::find_if(m.billable.begin(), m.billable.end(), [&](const BillableLine& l) { return l.item == b.id; });
            if (line != m.billable.end()) {
                if (line->due) ImGui::TextColored(ImColor(kGood), tr("billable %s"), formatDate(line->date).c_str());
                else ImGui::TextDisabled(tr("due %s"), formatDate(line->date).c_str());
            }
            ImGui::TableNextColumn();
            if (deleteButton(tr("billing item"))) run(removeRecord<BillingItem>(p, b.id, tr("Delete billing item")));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::SmallButton(tr("+ Add billing item"))) {
        BillingItem b;
        b.id = Id::random();
        b.name = c.type == ContractType::FixedFee ? fmt(tr("Instalment {0}"), p.billing.size() + 1) : std::string(tr("Extra charge"));
        b.date = statusDate(today);
        focusBilling_ = b.id;
        run(putRecord(p, b, tr("Add billing item")));
    }
    tagItem("billing.add");
    ImGui::SameLine(0, fs);
    ImGui::TextDisabled(tr("total %s"), money(feeTotals(p).fee).c_str());

    // Month by month: what is billable, the invoice sent for it, paid or not.
    sectionTitle(tr("Invoices to the client, month by month"));
    std::vector<Date> months;
    for (const BillableLine& l : m.billable)
        if (l.due && (months.empty() || months.back() != monthOf(l.date))) months.push_back(monthOf(l.date));
    for (const ClientInvoice& in : p.clientInvoices) months.push_back(in.month);
    std::sort(months.begin(), months.end());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    if (months.empty()) ImGui::TextDisabled(tr("Nothing billable yet."));
    for (size_t k = months.size(); k-- > 0;) monthBilling(m, months[k], today); // the latest first

    // Where the margin comes from: each phase's and each person's work at bill rates against its cost.
    auto breakdown = [&](const char* title, const char* id, const auto& list) {
        sectionTitle(title);
        if (!beginRecordTable(id, {{"", 2}, {tr("Value to date"), 1}, {tr("Cost to date"), 1}, {tr("Planned value"), 1}, {tr("Planned cost"), 1},
                                   {tr("Planned margin"), 1.3f}}))
            return;
        for (const auto& x : list) {
            const bool missing = x.costMissing;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(x.name.c_str());
            for (const auto& [v, cost] : {std::pair{x.valueToDate, false}, std::pair{x.costToDate, true}, std::pair{x.plannedValue, false},
                                          std::pair{x.plannedCost, true}}) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(missing && cost ? "\u2014" : money(v).c_str());
            }
            ImGui::TableNextColumn();
            if (missing) ImGui::TextColored(ImColor(kWarn), tr("cost rate missing"));
            else {
                const int64_t margin = x.plannedValue - x.plannedCost;
                ImGui::TextColored(ImColor(margin < 0 ? kBad : ImGui::GetColorU32(ImGuiCol_Text)), "%s  %s", money(margin).c_str(),
                                   formatMarginPercent(ProfitStatus::percentOfRevenue(margin, x.plannedValue)).c_str());
            }
        }
        ImGui::EndTable();
    };
    breakdown(tr("Margin by phase: the work's value at bill rates against its cost at cost rates"), "##phases", m.phases);
    breakdown(tr("Margin by person"), "##people", m.people);
}

void BudgetView::monthBilling(const ProfitStatus& m, Date month, Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const float fs = ImGui::GetFontSize();
    const std::string key = month.str().substr(0, 7);
    const int64_t due = m.billableIn(month), invoiced = invoicedFor(p, month);
    ImGui::PushID(key.c_str());
    const std::string head = monthTitle(month) + fmt(tr(": billable {0}{1}"), formatMoney(due, cur), (invoiced == due ? std::string(tr(", all invoiced")) : invoiced == 0 ? std::string(tr(", not invoiced")) : fmt(tr(", invoiced {0}"), formatMoney(invoiced, cur))));
    const bool open = ImGui::TreeNodeEx("##month", monthOf(m.statusDate) == month ? ImGuiTreeNodeFlags_DefaultOpen : 0, "%s", head.c_str());
    tagText("billing.month." + key, head);
    if (open) {
        for (const BillableLine& l : m.billable)
            if (l.due && monthOf(l.date) == month) {
                ImGui::BulletText("%s  %s", l.what.c_str(), formatMoney(l.amount, cur).c_str());
            }
        for (const ClientInvoice& inv : p.clientInvoices) {
            if (inv.month != month) continue;
            ClientInvoice in = inv;
            ImGui::PushID(in.id.str().c_str());
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr("Invoice"));
            ImGui::SameLine(fs * 4.5f);
            std::string number;
            if (textCell("##number", in.number, number, false, fs * 9)) { in.number = number; run(putRecord(p, in, tr("Change invoice number"))); }
            ImGui::SameLine(0, fs * 0.4f);
            Date issued;
            if (dateCell("##issued", in.issued, issued, error_, fs * 6.5f)) { in.issued = issued; run(putRecord(p, in, tr("Change invoice date"))); }
            ImGui::SameLine(0, fs * 0.4f);
            int64_t amount = 0;
            if (moneyCell("##amount", in.amount, cur, amount, error_, fs * 7)) { in.amount = amount; run(putRecord(p, in, tr("Change invoice amount"))); }
            ImGui::SameLine(0, fs * 0.6f);
            if (in.paid) {
                ImGui::TextColored(ImColor(kGood), tr("paid %s"), in.paid->str().c_str());
                ImGui::SameLine(0, fs * 0.4f);
                if (ImGui::SmallButton(tr("not paid"))) { in.paid.reset(); run(putRecord(p, in, tr("Mark invoice unpaid"))); }
            } else {
                ImGui::TextColored(ImColor(kWarn), tr("not paid"));
                ImGui::SameLine(0, fs * 0.4f);
                if (ImGui::SmallButton(tr("Mark paid"))) { in.paid = today; run(putRecord(p, in, fmt(tr("Mark invoice {0} paid"), in.number))); }
                tagItem("billing.month." + key + ".paid");
            }
            ImGui::SameLine(0, fs * 0.4f);
            if (deleteButton("invoice")) run(removeRecord<ClientInvoice>(p, in.id, tr("Delete invoice")));
            ImGui::PopID();
        }
        if (due != invoiced) {
            if (ImGui::SmallButton((fmt(tr("Mark {0} invoiced"), formatMoney(due - invoiced, cur))).c_str())) {
                int y, mo, d;
                month.toYmd(y, mo, d);
                char number[32];
                std::snprintf(number, sizeof number, "INV-%04d-%02d-%zu", y, mo,
                              size_t(std::count_if(p.clientInvoices.begin(), p.clientInvoices.end(), [&](const ClientInvoice& x) { return x.month == month; })) + 1);
                run(putRecord(p, ClientInvoice{Id::random(), month, number, today, due - invoiced, std::nullopt, 0}, fmt(tr("Invoice {0}"), monthTitle(month))));
            }
            tagItem("billing.month." + key + ".invoice");
        }
        ImGui::TreePop();
    }
    ImGui::PopID();
}

} // namespace plotline
