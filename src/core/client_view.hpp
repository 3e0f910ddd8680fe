// What a client may see of a project: a pure filter from the producer's project to a view, and the
// view's file. The plan itself (tasks, their dates and links, the calendar, who works on what and
// their days off, so the view schedules to exactly the producer's dates) is always in it; everything
// else is in only when its item is chosen. By default: progress and the status date, milestones and
// the status summary; never rates, budget lines, vendors, actuals, notes, risks or change requests.
// Never at all, whatever is chosen: cost rates, vendors' mark-ups, the margin target and any margin.
//
// The filter works from the field tables (fields.hpp): each kept record keeps only the fields named
// for clients below and every other field is reset to its default, so a field added to the model later
// stays out of views until it is named here.
//
//   ClientView v = clientView(project, schedule, ShareOptions{}, today);
//   std::string file = clientViewJson(v);       // a project file with a "view" member: opens anywhere
//   std::string page = clientPackHtml(v);       // one standalone, accessible HTML page
#pragma once
#include "model.hpp"
#include "report.hpp"
#include "result.hpp"
#include "schedule.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plotline {

enum class Share : uint32_t {
    Progress = 1 << 0,   // % complete and the status date
    Baseline = 1 << 1,   // baselines (variance)
    Milestones = 1 << 2, // the milestones list: next and reached
    Status = 1 << 3,     // the status summary: green / amber / red and why (from what the view holds)
    Budget = 1 << 4,     // approved budget, spent, forecast (totals only)
    Rates = 1 << 5,      // people's hourly rates (and so what each person costs)
    Vendors = 1 << 6,    // vendors with their orders and invoices
    Notes = 1 << 7,      // tasks' notes
    Risks = 1 << 8,      // the risk register (and risks in the status)
    Changes = 1 << 9,    // change requests
    Actuals = 1 << 10,   // costs and hours booked
    Internal = 1 << 11,  // tasks marked internal (and what is under them)
    Billing = 1 << 12,   // the contract's fee terms, the billing schedule and invoices sent to the client
};

struct ShareItemInfo {
    Share item;
    const char* name;  // in the CLI's --include and the view file
    const char* label; // in the Share dialog
};
const std::vector<ShareItemInfo>& shareItems();

struct ShareOptions {
    uint32_t items = uint32_t(Share::Progress) | uint32_t(Share::Milestones) | uint32_t(Share::Status);
    bool has(Share s) const { return (items & uint32_t(s)) != 0; }
    void set(Share s, bool on) { items = on ? items | uint32_t(s) : items & ~uint32_t(s); }
    bool operator==(const ShareOptions&) const = default;
};
// "budget,notes" added to `base`; an unknown name is an error that lists the known ones.
Result<ShareOptions> withShareItems(ShareOptions base, std::string_view list);

struct ClientView {
    Project project;      // filtered
    ShareOptions options;
    Date asOf;            // the status date the view was made at
    int percentComplete = 0;
    std::optional<Rag> rag;                 // with Status
    std::vector<std::string> reasons;       // why not green, from what the view holds
    std::vector<MilestoneLine> nextMilestones, reachedMilestones; // with Milestones
    struct Money {
        int64_t approved = 0, spent = 0;
        std::optional<int64_t> forecast;
        bool operator==(const Money&) const = default;
    };
    std::optional<Money> budget;            // with Budget
    std::optional<Date> expires;            // a published view: its viewer refuses it after this day
};

// The view of `p` (scheduled as `s`) at its status date, or `today` when it has none. Without
// Share::Internal, tasks marked internal (with their subtasks, links, people on them and milestones)
// are left out, and a task that followed one of them is pinned to its date ("start no earlier than"),
// so every task the client sees keeps the producer's dates.
ClientView clientView(const Project& p, const Schedule& s, const ShareOptions& o, Date today);

// One line each of what a view holds of money, as the Share preview and the client's viewer show them:
// "Budget: approved €191,675.00, spent €48,329.00, forecast €185,348.92" (empty without Budget) and
// "Fees: fixed fee €199,200.00; invoiced €58,500.00, paid €0.00" (empty without Billing).
std::string budgetLine(const ClientView& v);
std::string feesLine(const ClientView& v);

// The view's file: the filtered project's JSON with a "view" member (what it holds, as of, status,
// milestones, budget figures). Any Plotline reads it as a project; readClientViewJson reads the rest.
std::string clientViewJson(const ClientView& v);
Result<ClientView> readClientViewJson(std::string_view text);

// The client pack: one standalone HTML page (no script) with the status header, the milestones, a
// table of tasks and an SVG timeline; every text from the plan escaped; prints on A4 and Letter.
std::string clientPackHtml(const ClientView& v);

} // namespace plotline
