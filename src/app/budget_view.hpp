// The Budget view, beside the Gantt view: the money side of the open project in six tabs.
//   Dashboard      the key numbers at the status date, the S-curve (cumulative PV, EV, AC) and the
//                  burn chart, budget against actual by category
//   Budget         contingency and its drawdowns, budget lines, people's bill and cost rates
//   Billing        the contract (fixed fee, T&M, retainer; margin target), its billing schedule, what
//                  each month bills with the invoices sent and paid, and the margin per phase and person
//   Actuals        cost entries and hours worked (add, edit, paste rows, import a CSV)
//   Vendors        contracts, purchase orders and invoices
//   Changes        the change-request board; approve, reject, export a change order
//   Risks          the register and its heat map
// and the status report window (Markdown / HTML, copy or download). Every edit is a command: undo,
// redo and autosave work as in the plan.
#pragma once
#include "core/budget.hpp"
#include "core/commands.hpp"
#include "core/report.hpp"
#include "frame_part.hpp"
#include "host.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace plotline {

class BudgetView {
public:
    enum Tab { Dashboard, Budget, Billing, Actuals, Vendors, Changes, Risks, kTabs };
    using Notify = std::function<void(const std::string& title, const std::string& text)>;
    using Flash = std::function<void(const std::string& text)>;
    using Action = std::function<void()>;

    BudgetView(Document& doc, Host& host, Notify notify, Flash flash, Action pickStatusDate);
    ~BudgetView();
    BudgetView(const BudgetView&) = delete;
    BudgetView& operator=(const BudgetView&) = delete;

    PLOTLINE_FRAME_PART void draw(Date today);         // fills the rest of the window
    PLOTLINE_FRAME_PART void drawWindows(Date today);  // the report window, when open
    void openReport() { reportOpen_ = true; reportFocus_ = true; }
    void showTab(Tab t) { requested_ = t; }
    Tab tab() const { return tab_; }

    // Rows pasted from a spreadsheet into the table last worked in; false when this view had no use
    // for them.
    bool paste(const std::string& text);
    // A CSV of actuals (from Import or dropped on the page), added to the open project as one step.
    void importActuals(const std::string& filename, const std::string& text);

    // The numbers of the open project at its status date (today when it has none), recomputed only
    // after a change: in the two frames after an edit's own (until then they show as they were).
    const BudgetStatus& status(Date today) { return report(today).budget; }
    const StatusReport& report(Date today);
    // Revenue, cost and margin at the same date (profit.hpp), recomputed only after a change.
    const ProfitStatus& profit(Date today);
    Date statusDate(Date today) const { return doc_.project().statusDate.value_or(today); }

private:
    void dashboard(Date today);
    void cards(const BudgetStatus& b, const ProfitStatus& m);
    void revenueChart(const ProfitStatus& m, float width, float height);
    void billingTab(Date today);
    void monthBilling(const ProfitStatus& m, Date month, Date today);
    void sCurve(const BudgetStatus& b, float width, float height);
    void burnChart(const BudgetStatus& b, float width, float height);
    void categoryTable(const BudgetStatus& b);
    void budgetTab(Date today);
    void actualsTab(Date today);
    void vendorsTab(Date today);
    void changesTab(Date today);
    void changeDetails(const ChangeRequest& c, Date today);
    void risksTab();
    void heatMap(float size);
    void reportWindow(Date today);
    void reportPreview(const ReportDoc& doc);

    // Executes a command, saying why not when the project is read-only. While drawing, commands wait
    // for the end of the frame: the tables iterate the lists the commands replace.
    void run(CommandPtr c);
    void runPending();
    void refreshNames();           // resource, vendor and category names for the pickers
    const std::vector<std::string>& taskNames(); // the tasks' names, made again only when a picker needs them after a change
    int taskPick(Id id) const;
    bool taskCell(Id current, Id& out);   // a task picker cell ("(no task)" for none): true when changed
    bool vendorCell(Id current, Id& out); // the same for vendors
    int vendorPick(Id id) const;
    int resourcePick(Id id) const;

    Document& doc_;
    Host& host_;
    Notify notify_;
    Flash flash_;
    Action pickStatusDate_;
    Tab tab_ = Dashboard;
    int requested_ = -1;
    std::string error_;
    bool drawing_ = false;
    std::vector<CommandPtr> pending_;

    StatusReport report_;
    BudgetStatus cost_;            // the budget at cost rates, worked out with report_
    bool hasReport_ = false;
    int listener_ = -1;
    int editedInFrame_ = -1;       // the UI frame of the last local edit
    std::optional<BudgetAtRates> nextFigures_; // worked out in the frame after an edit's, for report_ in the next
    uint64_t nextRevision_ = 0;
    Date nextFor_;
    int nextFrame_ = -1;
    uint64_t statusRevision_ = 0;
    Date statusFor_;
    ProfitStatus profit_;
    uint64_t profitRevision_ = 0;
    Date profitFor_;
    Id focusBilling_;              // a billing item just added: its name takes the keyboard
    uint64_t namesRevision_ = 0;
    int namesGeneration_ = -1;
    uint64_t taskNamesRevision_ = 0;
    std::vector<std::string> taskNames_, resourceNames_, vendorNames_, categoryNames_;

    enum class PasteInto { Costs, Hours } pasteInto_ = PasteInto::Costs; // the Actuals table last edited
    Id selectedVendor_, selectedChange_;
    Id focusLine_, focusCost_, focusHours_; // a row just added: its first field takes the keyboard
    std::string decisionBy_ = "Producer", decisionNote_;
    int heatFilter_ = -1;          // probability * 10 + impact of the heat-map cell picked, or -1

    bool reportOpen_ = false, reportFocus_ = false, reportRaw_ = false;
    int reportKind_ = 0;           // 0 weekly status, 1 monthly summary
    int reportMonth_ = 0;          // months back from the status date's month
    bool reportBilling_ = false;   // the monthly summary lists what the month bills and its invoices
    bool reportInternal_ = false;  // the weekly report has the margin section
    std::string reportText_;
    std::string reportKey_;        // what reportText_ was made for (revision, kind, month, day)
    ReportDoc reportDoc_;
};

} // namespace plotline
