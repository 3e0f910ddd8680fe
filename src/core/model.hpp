// The domain model: a Project with its tasks, links, resources, assignments and calendar.
// Plain data; edits go through commands (commands.hpp) so undo, autosave and sync see every change.
//
// Task order in `tasks` is the outline order shown to the user: a task's children follow it
// directly (pre-order), and `parent` names the summary task it belongs to.
#pragma once
#include "calendar.hpp"
#include "date.hpp"
#include "id.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plotline {

// Milliseconds since 1970-01-01 UTC of an entity's last change; later merges compare these.
using Stamp = int64_t;

enum class LinkType : uint8_t { FS, SS, FF, SF };
const char* linkTypeName(LinkType t); // "FS", ...
std::optional<LinkType> parseLinkType(std::string_view s);

// When a task may start. ASAP: as soon as its links and the project start allow. SNET: start no
// earlier than the date. FNLT: finish no later than the date (scheduled ASAP; flagged when late).
// MSO: must start on the date (kept there; flagged when links would need it later).
enum class Constraint : uint8_t { ASAP, SNET, FNLT, MSO };
const char* constraintName(Constraint c);       // "ASAP", "SNET", "FNLT", "MSO"
const char* constraintLabel(Constraint c);      // "As soon as possible", "Start no earlier than", ...
std::optional<Constraint> parseConstraint(std::string_view s);

struct Task {
    Id id;
    std::string name;
    Id parent;                    // null for top-level tasks
    Constraint constraint = Constraint::ASAP;
    std::optional<Date> constraintDate; // set for every constraint but ASAP
    std::optional<Date> deadline;       // a target finish: flagged when missed, never moves the task
    int64_t duration = 480;       // working minutes
    bool milestone = false;
    int percentComplete = 0;      // 0..100
    std::optional<Date> actualStart, actualFinish; // facts: they pin the task where it really ran
    std::string notes;
    bool internal = false;        // the team's own work: left out of client views unless chosen
    Stamp modified = 0;
    bool operator==(const Task&) const = default;
};

struct Link {
    Id id;
    Id predecessor, successor;
    LinkType type = LinkType::FS;
    int64_t lag = 0;              // working minutes, may be negative
    Stamp modified = 0;
    bool operator==(const Link&) const = default;
};

// A resource's new hourly rate from a date on (a raise, a new contract year).
struct RateChange {
    Date from;
    int64_t rate = 0;
    bool operator==(const RateChange&) const = default;
};

// Which of a person's two rates: what the client is charged for an hour, or what the hour costs the
// agency (salary and overheads, or a freelancer's fee).
enum class RateKind : uint8_t { Bill, Cost };

// A person, or a role not yet staffed ("Designer"): both carry the two rates.
struct Resource {
    Id id;
    std::string name;
    std::string role;
    int64_t billRate = 0;         // minor units of the project currency per hour, before any change
    Stamp modified = 0;
    std::vector<Date> daysOff;    // sorted: days this person does not work (leave, part-time days)
    std::vector<RateChange> billRateChanges, costRateChanges; // each sorted by date, one per date
    std::optional<int64_t> costRate; // the cost per hour before any change; none: not known (margins say so)
    // How the same person is known in every project (matched case-insensitively, never by name): their
    // bookings across the library add up in the load view and the portfolio. "" keeps them to this plan.
    std::string email;
    // The bill rate in force on a day.
    int64_t rateOn(Date day) const;
    // The cost rate in force on a day; none when no cost rate is known for it.
    std::optional<int64_t> costRateOn(Date day) const;
    // Either rate; an unknown cost rate counts as 0 (callers that total costs say what is missing).
    int64_t rateOn(Date day, RateKind kind) const { return kind == RateKind::Bill ? rateOn(day) : costRateOn(day).value_or(0); }
    // Whether a cost rate is known for every day from `day` on (a later change cannot make one unknown).
    bool hasCostRate() const { return costRate.has_value() || !costRateChanges.empty(); }
    bool operator==(const Resource&) const = default;
};

struct Assignment {
    Id id;
    Id task, resource;
    int units = 100;              // percent of the resource's time
    Stamp modified = 0;
    bool operator==(const Assignment&) const = default;
};

// A saved copy of the plan's dates, to compare the live plan against.
struct BaselineTask {
    Id task;
    Date start, finish;           // inclusive finish, as shown
    bool operator==(const BaselineTask&) const = default;
};

struct Baseline {
    Id id;
    std::string name;
    Stamp saved = 0;
    std::vector<BaselineTask> tasks; // in the plan's order when saved
    bool operator==(const Baseline&) const = default;
};

// ---- Money side (all amounts are minor units of the project currency, money.hpp) ----

enum class CostCategory : uint8_t { Labour, Vendor, Media, Software, Travel, Contingency, Other };
constexpr int kCostCategories = 7;
const char* costCategoryName(CostCategory c);  // "labour", "vendor", … (as stored)
const char* costCategoryLabel(CostCategory c); // "Labour", "Vendor", …
std::optional<CostCategory> parseCostCategory(std::string_view s); // name or label, any case

// A planned cost beyond labour: a fixed cost of a task (task set), a vendor's fee (vendor set), or a
// line of the budget by itself. Lines added by an approved change request name it.
struct BudgetLine {
    Id id;
    std::string name;
    CostCategory category = CostCategory::Other;
    int64_t amount = 0;
    Id task, vendor, changeRequest;
    Stamp modified = 0;
    bool operator==(const BudgetLine&) const = default;
};

struct PurchaseOrder {
    std::string number;
    Date date;
    int64_t amount = 0;
    bool operator==(const PurchaseOrder&) const = default;
};

struct Invoice {
    std::string number;
    Date date;
    int64_t amount = 0;
    bool paid = false;
    bool operator==(const Invoice&) const = default;
};

struct Vendor {
    Id id;
    std::string name;
    std::string contact;
    int64_t contractValue = 0;
    int markup = 0;               // basis points added to its costs when they are billed on (100 = 1 %)
    std::vector<PurchaseOrder> orders;
    std::vector<Invoice> invoices;
    Stamp modified = 0;
    bool operator==(const Vendor&) const = default;
};

// Money spent: an invoice booked, a licence bought, a trip taken.
struct CostEntry {
    Id id;
    Date date;
    int64_t amount = 0;
    CostCategory category = CostCategory::Other;
    Id task, vendor;
    std::string note;
    Stamp modified = 0;
    bool operator==(const CostEntry&) const = default;
};

// Time worked: costed at the person's rate on that day.
struct HoursEntry {
    Id id;
    Date date;
    Id task, resource;
    int64_t minutes = 0;
    std::string note;
    Stamp modified = 0;
    bool operator==(const HoursEntry&) const = default;
};

// Money set aside for the unknown: an amount, or a share (basis points) of the base budget.
struct Contingency {
    int64_t amount = 0;
    int basisPoints = 0;
    bool percent = false;
    bool operator==(const Contingency&) const = default;
};

struct Drawdown {
    Id id;
    Date date;
    int64_t amount = 0;
    std::string reason;
    Stamp modified = 0;
    bool operator==(const Drawdown&) const = default;
};

enum class ChangeStatus : uint8_t { Draft, Submitted, Approved, Rejected };
const char* changeStatusName(ChangeStatus s);  // "draft", … (as stored)
const char* changeStatusLabel(ChangeStatus s); // "Draft", …
std::optional<ChangeStatus> parseChangeStatus(std::string_view s);

// What a change request does to the plan when approved: adds a task (task null; under `parent`,
// after its last child) or changes an existing task's duration.
struct ChangeItem {
    Id task;                   // the task changed; null: a new task
    std::string name;          // the new task's name
    Id parent;                 // the new task's summary (null: top level, at the end)
    int64_t duration = 0;      // working minutes: the new task's, or the changed task's new duration
    bool operator==(const ChangeItem&) const = default;
};

struct ChangeDecision {
    Stamp at = 0;
    ChangeStatus status = ChangeStatus::Draft;
    std::string by, note;
    bool operator==(const ChangeDecision&) const = default;
};

struct ChangeRequest {
    Id id;
    int number = 0;            // CR-1, CR-2, … in the order raised
    std::string title, description, requester;
    Date raised;
    std::optional<Date> decided;
    ChangeStatus status = ChangeStatus::Draft;
    int64_t costImpact = 0;    // added to the approved budget on approval
    int64_t feeImpact = 0;     // what the client pays more (or less): a billing item on approval
    CostCategory category = CostCategory::Other;
    std::vector<ChangeItem> items;
    std::vector<ChangeDecision> log; // every status change, oldest first
    Stamp modified = 0;
    bool operator==(const ChangeRequest&) const = default;
};

enum class RiskStatus : uint8_t { Open, Mitigating, Closed };
const char* riskStatusName(RiskStatus s);   // "open", "mitigating", "closed"
const char* riskStatusLabel(RiskStatus s);
std::optional<RiskStatus> parseRiskStatus(std::string_view s);

struct Risk {
    Id id;
    std::string title;
    int probability = 3, impact = 3; // 1 (rare, minor) … 5 (almost certain, severe)
    std::string owner, mitigation;
    RiskStatus status = RiskStatus::Open;
    std::vector<Id> tasks;
    Stamp modified = 0;
    int score() const { return probability * impact; }
    bool operator==(const Risk&) const = default;
};

// The numbers of one status date, kept when a status report is recorded: the earned-value curve
// is drawn through them.
struct StatusRecord {
    Date date;
    int64_t pv = 0, ev = 0, ac = 0;
    int percentComplete = 0;
    bool operator==(const StatusRecord&) const = default;
};

// ---- What the client pays (profit.hpp computes revenue, cost and margin from these) ----

// How the client pays: a fixed fee billed on a schedule, time and materials (hours at bill rates and
// expenses with their vendors' mark-up, up to an optional cap), or a monthly retainer.
enum class ContractType : uint8_t { TimeAndMaterials, FixedFee, Retainer };
const char* contractTypeName(ContractType t);  // "timeAndMaterials", "fixedFee", "retainer" (as stored)
const char* contractTypeLabel(ContractType t); // "Time and materials", …
std::optional<ContractType> parseContractType(std::string_view s);

struct Contract {
    ContractType type = ContractType::TimeAndMaterials;
    std::optional<int64_t> cap;   // time and materials: never billed beyond it
    int64_t monthlyFee = 0;       // retainer: billed on the first day of each month of the project
    std::optional<int> marginTarget; // basis points: the forecast margin below it shows red
    bool operator==(const Contract&) const = default;
};

// Something billed to the client once: a fixed fee's instalment (on a milestone reached or on a date),
// an approved change request's fee, any extra charge. Under a fixed fee these make up the fee.
struct BillingItem {
    Id id;
    std::string name;
    int64_t amount = 0;
    Id task;                      // billable when this task is complete (its actual finish)
    std::optional<Date> date;     // or on this date (when no task is named)
    Id changeRequest;             // set on the item an approved change request added
    Stamp modified = 0;
    bool operator==(const BillingItem&) const = default;
};

// An invoice sent to the client for a month's billable amount.
struct ClientInvoice {
    Id id;
    Date month;                   // the first day of the month it bills
    std::string number;
    Date issued;
    int64_t amount = 0;
    std::optional<Date> paid;     // when the client paid it
    Stamp modified = 0;
    bool operator==(const ClientInvoice&) const = default;
};

// ---- Content pipelines (pipeline.hpp): deliverables running through stages ----

// A stage every deliverable of the pipeline goes through, in order: its name ("Write"), who holds it
// (a role: the person or role of that name in Resources) and how long it takes.
struct PipelineStage {
    Id id;
    std::string name;
    std::string role;
    int64_t duration = 480;   // working minutes
    Stamp modified = 0;
    bool operator==(const PipelineStage&) const = default;
};

// A deliverable (an article, a page, a video): a summary task whose subtasks are its stages, in the
// pipeline's order, and its brief.
struct Deliverable {
    Id id;
    Id task;                  // the summary task
    std::string kind = "Article";
    std::string goal, audience, searchIntent, contact;
    int targetLength = 0;     // words (0: not set)
    std::optional<Date> due;  // when the customer expects it (a deadline on its last stage)
    Stamp modified = 0;
    bool operator==(const Deliverable&) const = default;
};

// The room a list of n rows keeps for rows to come (a sixteenth more), so the first insert after
// opening a big plan moves no array of the plan, the scheduler or the views.
inline size_t withRoomToGrow(size_t n) { return n + n / 16 + 64; }

// One past the last descendant of row i in rows in outline order: the rows after it while their
// parent is one of the subtree's open rows. at(r) is row r's task (Project::subtreeEnd, or an edit's
// view of the rows).
template <class At> size_t subtreeEndOf(size_t rows, size_t i, const At& at) {
    std::vector<Id> open{at(i).id};
    size_t j = i + 1;
    for (; j < rows; ++j) {
        while (!open.empty() && open.back() != at(j).parent) open.pop_back();
        if (open.empty()) break;
        open.push_back(at(j).id);
    }
    return j;
}

struct Project {
    Id id;
    std::string name = "Untitled project";
    std::string currency = "EUR"; // ISO 4217
    Date start = Date::fromYmd(2026, 1, 5);
    Calendar calendar;
    std::optional<Date> statusDate; // "progress as of": drawn as the progress line
    std::string client;           // who the project is for ("Northwind Retail"): the portfolio groups and filters by it
    std::string producer;         // who runs it
    bool isTemplate = false;      // a template (templates.hpp): dates are offsets from its start
    Stamp modified = 0;

    std::vector<Task> tasks;
    std::vector<Link> links;
    std::vector<Resource> resources;
    std::vector<Assignment> assignments;
    std::vector<Baseline> baselines;

    std::vector<BudgetLine> budgetLines;
    std::vector<Vendor> vendors;
    std::vector<CostEntry> costs;
    std::vector<HoursEntry> hours;
    Contingency contingency;
    std::vector<Drawdown> drawdowns;
    std::vector<ChangeRequest> changeRequests;
    std::vector<Risk> risks;
    std::vector<StatusRecord> statusRecords; // sorted by date, one per date

    Contract contract;
    std::vector<BillingItem> billing;
    std::vector<ClientInvoice> clientInvoices;

    std::vector<PipelineStage> stages;       // a content pipeline's stages, in order (empty: not a pipeline)
    std::vector<Deliverable> deliverables;

    // Lookups by id; -1 when absent. Linear: callers that need speed build an index.
    int taskIndex(Id id) const;
    int resourceIndex(Id id) const;
    const Task* task(Id id) const { int i = taskIndex(id); return i < 0 ? nullptr : &tasks[size_t(i)]; }

    // Outline helpers over the pre-order task list.
    bool hasChildren(size_t index) const;
    int outlineLevel(size_t index) const; // 1 for top-level tasks
    size_t subtreeEnd(size_t index) const; // one past the last descendant

    bool operator==(const Project& o) const = default;
};

// A new empty project starting on `start`, or the first working day after it.
Project newProject(Date start, std::string name = "Untitled project");

} // namespace plotline
