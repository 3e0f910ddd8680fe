// The Budget view: the tabs and what they share (the cached status, pickers, edits run after the frame).
// One class over several files, each named for the tab it draws: budget_dashboard, budget_lines,
// budget_actuals, budget_vendors, budget_changes, budget_risks and budget_report (the report window).
#include "budget_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"
#include "budget_style.hpp"

#include "cells.hpp"
#include "core/actuals_csv.hpp"
#include "core/report.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

namespace plotline {

using namespace budget_ui;

BudgetView::BudgetView(Document& doc, Host& host, Notify notify, Flash flash, Action pickStatusDate)
    : doc_(doc), host_(host), notify_(std::move(notify)), flash_(std::move(flash)), pickStatusDate_(std::move(pickStatusDate)) {
    listener_ = doc_.subscribe([this](const Document& d) {
        if (d.lastOrigin() == ChangeOrigin::Local) editedInFrame_ = ImGui::GetFrameCount();
    });
}

BudgetView::~BudgetView() { doc_.unsubscribe(listener_); }

const StatusReport& BudgetView::report(Date today) {
    const Date day = statusDate(today);
    const uint64_t revision = doc_.revision();
    if (statusRevision_ == revision && statusFor_ == day) return report_;
    // After an edit (typed, undone, dragged) the work is spread over frames, as they show as they
    // were meanwhile: the edit's own frame carries the edit (the command, the scheduler, the views'
    // refresh); the next works out the budget at both rates (several milliseconds at 100k tasks);
    // the one after builds the report and margin from it. A plan opened or merged in, or a figure
    // asked for later than that, is worked out at once.
    // (Earlier figures stand in only while they have a row for each person: the Budget tab reads one.)
    const int frame = ImGui::GetFrameCount();
    const bool standIn = hasReport_ && report_.budget.resourceMinutes.size() == doc_.project().resources.size();
    if (standIn && editedInFrame_ == frame) return report_;
    const bool nextFits = nextFigures_ && nextRevision_ == revision && nextFor_ == day;
    if (standIn && !nextFits && editedInFrame_ == frame - 1) {
        nextFigures_ = budgetAtBothRates(doc_.project(), doc_.schedule(), day);
        nextRevision_ = revision;
        nextFor_ = day;
        nextFrame_ = frame;
        return report_;
    }
    if (standIn && nextFits && nextFrame_ == frame) return report_;
    BudgetAtRates both = nextFits ? std::move(*nextFigures_) : budgetAtBothRates(doc_.project(), doc_.schedule(), day);
    nextFigures_.reset();
    report_ = statusReport(doc_.project(), doc_.schedule(), std::move(both.bill));
    cost_ = std::move(both.cost); // for the margin, worked out with the same figures
    statusRevision_ = revision;
    statusFor_ = day;
    hasReport_ = true;
    return report_;
}

const ProfitStatus& BudgetView::profit(Date today) {
    const BudgetStatus& bill = status(today); // first: the profit is of the same figures, with cost_
    if (profitRevision_ != statusRevision_ || profitFor_ != statusFor_) {
        profit_ = profitStatus(doc_.project(), doc_.schedule(), bill, cost_);
        profitRevision_ = statusRevision_;
        profitFor_ = statusFor_;
    }
    return profit_;
}

void BudgetView::run(CommandPtr c) {
    if (!c) return;
    if (doc_.readOnly()) { flash_(tr("This project is read-only here: nothing was changed.")); return; }
    if (drawing_) { pending_.push_back(std::move(c)); return; }
    if (doc_.execute(std::move(c))) error_.clear();
}

void BudgetView::runPending() {
    drawing_ = false;
    auto commands = std::move(pending_);
    pending_.clear();
    for (CommandPtr& c : commands) run(std::move(c));
}

void BudgetView::refreshNames() {
    if (namesRevision_ == doc_.revision() && namesGeneration_ == textGeneration()) return;
    namesRevision_ = doc_.revision();
    namesGeneration_ = textGeneration(); // the category names are in the UI's language
    categoryNames_.clear();
    for (int c = 0; c < kCostCategories; ++c) categoryNames_.push_back(tr(costCategoryLabel(CostCategory(c))));
    const Project& p = doc_.project();
    resourceNames_.clear();
    for (const Resource& r : p.resources) resourceNames_.push_back(r.name);
    vendorNames_.clear();
    for (const Vendor& v : p.vendors) vendorNames_.push_back(v.name);
}

const std::vector<std::string>& BudgetView::taskNames() {
    if (taskNamesRevision_ != doc_.revision() || taskNames_.size() != doc_.project().tasks.size()) {
        taskNamesRevision_ = doc_.revision();
        taskNames_.clear();
        for (const Task& t : doc_.project().tasks) taskNames_.push_back(t.name);
    }
    return taskNames_;
}

int BudgetView::taskPick(Id id) const { return id.isNull() ? -1 : doc_.project().taskIndex(id); }
int BudgetView::resourcePick(Id id) const { return id.isNull() ? -1 : doc_.project().resourceIndex(id); }
bool BudgetView::taskCell(Id current, Id& out) {
    int pick = 0;
    if (!pickCell("##task", taskNames(), taskPick(current), pick, tr("(no task)"))) return false;
    out = pick < 0 ? Id() : doc_.project().tasks[size_t(pick)].id;
    return true;
}

bool BudgetView::vendorCell(Id current, Id& out) {
    int pick = 0;
    if (!pickCell("##vendor", vendorNames_, vendorPick(current), pick, tr("(none)"))) return false;
    out = pick < 0 ? Id() : doc_.project().vendors[size_t(pick)].id;
    return true;
}

int BudgetView::vendorPick(Id id) const {
    const auto& vs = doc_.project().vendors;
    for (size_t i = 0; i < vs.size(); ++i)
        if (vs[i].id == id) return int(i);
    return -1;
}

void BudgetView::draw(Date today) {
    refreshNames();
    drawing_ = true;
    const float fs = ImGui::GetFontSize();
    ImGui::SetCursorPosX(fs * 0.6f);
    if (ImGui::BeginTabBar("##budgetTabs")) {
        static const char* const names[kTabs] = {N_("Dashboard"), N_("Budget"), N_("Billing & margin"), N_("Actuals"), N_("Vendors"), N_("Change requests"), N_("Risks")};
        for (int t = 0; t < kTabs; ++t) {
            const bool select = requested_ == t;
            if (ImGui::BeginTabItem(tr(names[t]), nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
                tab_ = Tab(t);
                ImGui::EndTabItem();
            }
            tagItem(std::string("budget.tab.") + names[t]);
        }
        requested_ = -1;
        ImGui::EndTabBar();
    }
    ImGui::BeginChild("##budgetBody", ImVec2(0, 0), false, ImGuiWindowFlags_None);
    ImGui::SetCursorPos(ImVec2(fs * 0.6f, fs * 0.3f));
    ImGui::BeginGroup();
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
        ImGui::TextWrapped("%s", error_.c_str());
        ImGui::PopStyleColor();
        tagItem("budget.error");
    }
    if (const std::string& tooLarge = status(today).tooLarge; !tooLarge.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
        ImGui::TextWrapped(tr("%s Its figures show as zero until the entry is corrected."), tooLarge.c_str());
        ImGui::PopStyleColor();
        tagItem("budget.tooLarge");
    }
    // A read-only project (open in another tab, or from a newer Plotline) shows its tables greyed.
    const bool locked = doc_.readOnly() && tab_ != Dashboard;
    if (locked) ImGui::BeginDisabled();
    switch (tab_) {
        case Dashboard: dashboard(today); break;
        case Budget: budgetTab(today); break;
        case Billing: billingTab(today); break;
        case Actuals: actualsTab(today); break;
        case Vendors: vendorsTab(today); break;
        case Changes: changesTab(today); break;
        case Risks: risksTab(); break;
        default: break;
    }
    if (locked) ImGui::EndDisabled();
    ImGui::EndGroup();
    ImGui::EndChild();
    runPending();
}

} // namespace plotline
