#include "client_view.hpp"
#include "i18n.hpp"

#include "budget.hpp"
#include "fields.hpp"
#include "json_dom.hpp"
#include "json_io.hpp"

#include <algorithm>

namespace plotline {

namespace {

// Walks a record's field table and resets every field not named in `keep` to its default (what the
// reader gives it when the file leaves it out).
struct KeepOnly {
    const std::vector<std::string_view>& keep;
    bool kept(std::string_view k) const { return std::find(keep.begin(), keep.end(), k) != keep.end(); }
    void id(const char* k, Id& x, Presence) { if (!kept(k)) x = Id{}; }
    void text(const char* k, std::string& x, Presence, size_t = 0) { if (!kept(k)) x.clear(); }
    template <class I> void integer(const char* k, I& x, Presence, int64_t d, int64_t, int64_t) { if (!kept(k)) x = I(d); }
    template <class I> void integer(const char* k, std::optional<I>& x, int64_t, int64_t) { if (!kept(k)) x.reset(); }
    void boolean(const char* k, bool& x, bool d, Presence = Optional) { if (!kept(k)) x = d; }
    void date(const char* k, Date& x, Presence) { if (!kept(k)) x = Date{}; }
    void date(const char* k, std::optional<Date>& x) { if (!kept(k)) x.reset(); }
    template <class E> void choice(const char* k, E& x, E d, const Names<E>&) { if (!kept(k)) x = d; }
    void dates(const char* k, std::vector<Date>& x) { if (!kept(k)) x.clear(); }
    void ids(const char* k, std::vector<Id>& x) { if (!kept(k)) x.clear(); }
    template <class S> void list(const char* k, std::vector<S>& x, Presence) { if (!kept(k)) x.clear(); }
    void constraint(Task& t) {
        if (kept("constraint")) return;
        t.constraint = Constraint::ASAP;
        t.constraintDate.reset();
    }
};

template <class T> void keepOnly(T& record, const std::vector<std::string_view>& fields) {
    KeepOnly v{fields};
    describe(v, record);
}

void appendMilestones(std::string& out, const char* key, const std::vector<MilestoneLine>& list) {
    out += ",\"";
    out += key;
    out += "\":[";
    for (size_t i = 0; i < list.size(); ++i) {
        out += i ? ",{\"name\":" : "{\"name\":";
        appendJsonString(out, list[i].name);
        out += ",\"date\":\"" + list[i].date.str() + "\",\"done\":" + (list[i].done ? "true" : "false") + ",\"late\":" + (list[i].late ? "true" : "false") + "}";
    }
    out += "]";
}

std::vector<MilestoneLine> readMilestones(JsonRef a) {
    std::vector<MilestoneLine> out;
    if (!a.isArray()) return out;
    for (JsonRef m : a) {
        const std::optional<Date> d = Date::parse(m["date"].str());
        if (!d) continue;
        out.push_back({std::string(m["name"].str()), *d, m["done"].boolean(), m["late"].boolean()});
    }
    return out;
}

} // namespace

const std::vector<ShareItemInfo>& shareItems() {
    static const std::vector<ShareItemInfo> items{
        {Share::Progress, "progress", N_("Progress and the status date")},
        {Share::Baseline, "baseline", N_("Baseline (what slipped)")},
        {Share::Milestones, "milestones", N_("Milestones: next and reached")},
        {Share::Status, "status", N_("Status summary (green, amber, red and why)")},
        {Share::Budget, "budget", N_("Budget summary: approved, spent, forecast")},
        {Share::Rates, "rates", N_("People's rates (and so their costs)")},
        {Share::Vendors, "vendors", N_("Vendors, orders and invoices")},
        {Share::Notes, "notes", N_("Task notes")},
        {Share::Risks, "risks", N_("Risks")},
        {Share::Changes, "changes", N_("Change requests")},
        {Share::Actuals, "actuals", N_("Actual costs and hours")},
        {Share::Internal, "internal", N_("Tasks marked internal")},
        {Share::Billing, "billing", N_("Fees and invoices: the contract, billing schedule, invoices sent")},
    };
    return items;
}

Result<ShareOptions> withShareItems(ShareOptions base, std::string_view list) {
    size_t at = 0;
    while (at <= list.size()) {
        size_t end = list.find(',', at);
        if (end == std::string_view::npos) end = list.size();
        std::string_view name = list.substr(at, end - at);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (!name.empty()) {
            const auto& items = shareItems();
            auto it = std::find_if(items.begin(), items.end(), [&](const ShareItemInfo& i) { return name == i.name; });
            if (it == items.end()) {
                std::string known;
                for (const ShareItemInfo& i : items) known += (known.empty() ? "" : ", ") + std::string(i.name);
                return fail("no such item to share: \"" + std::string(name) + "\" (one of: " + known + ")");
            }
            base.set(it->item, true);
        }
        at = end + 1;
    }
    return base;
}

namespace {

// Which tasks leave the view: those marked internal and everything under them.
std::vector<char> hiddenTasks(const Project& p) {
    std::vector<char> hidden(p.tasks.size(), 0);
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        int at = int(i);
        for (int depth = 0; at >= 0 && depth < 64; ++depth, at = p.taskIndex(p.tasks[size_t(at)].parent))
            if (p.tasks[size_t(at)].internal) {
                hidden[i] = 1;
                break;
            }
    }
    return hidden;
}

template <class T, class F> void eraseIf(std::vector<T>& v, F f) { v.erase(std::remove_if(v.begin(), v.end(), f), v.end()); }

} // namespace

ClientView clientView(const Project& p, const Schedule& s, const ShareOptions& o, Date today) {
    ClientView v;
    v.options = o;
    v.asOf = p.statusDate.value_or(today);
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    const std::vector<char> hidden = o.has(Share::Internal) ? std::vector<char>(p.tasks.size(), 0) : hiddenTasks(p);
    std::vector<Id> hiddenIds;
    for (size_t i = 0; i < p.tasks.size(); ++i)
        if (hidden[i]) hiddenIds.push_back(p.tasks[i].id);
    std::sort(hiddenIds.begin(), hiddenIds.end());
    auto isHidden = [&](const Id& id) { return std::binary_search(hiddenIds.begin(), hiddenIds.end(), id); };

    Project& out = v.project;
    out.id = p.id;
    out.name = p.name;
    out.currency = p.currency;
    out.start = p.start;
    out.calendar = p.calendar;
    out.client = p.client;     // who it is for and who runs it: the view's own header says so
    out.producer = p.producer;
    if (o.has(Share::Progress)) out.statusDate = p.statusDate;
    // The plan: every field that places a task (so the view schedules to the producer's dates).
    std::vector<std::string_view> taskFields{"id", "name", "parent", "constraint", "deadline", "duration", "milestone", "actualStart", "actualFinish"};
    if (o.has(Share::Progress)) taskFields.push_back("percentComplete");
    if (o.has(Share::Notes)) taskFields.push_back("notes");
    if (o.has(Share::Internal)) taskFields.push_back("internal");
    // A task that followed a hidden one keeps its date: pinned where the producer's plan has it.
    std::vector<Id> pinned;
    for (const Link& l : p.links)
        if (isHidden(l.predecessor) && !isHidden(l.successor)) pinned.push_back(l.successor);
    std::sort(pinned.begin(), pinned.end());
    out.tasks.reserve(p.tasks.size() - hiddenIds.size());
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        if (hidden[i]) continue;
        Task t = p.tasks[i];
        keepOnly(t, taskFields);
        if (scheduled && !t.actualStart && std::binary_search(pinned.begin(), pinned.end(), t.id)) {
            const Date start = s.tasks[i].startDate;
            if (t.constraint == Constraint::ASAP || (t.constraint == Constraint::SNET && t.constraintDate && *t.constraintDate < start)) {
                t.constraint = Constraint::SNET;
                t.constraintDate = start;
            }
        }
        out.tasks.push_back(std::move(t));
    }
    out.links = p.links;
    eraseIf(out.links, [&](const Link& l) { return isHidden(l.predecessor) || isHidden(l.successor); });
    static const std::vector<std::string_view> linkFields{"id", "predecessor", "successor", "type", "lag"};
    for (Link& l : out.links) keepOnly(l, linkFields);
    // People: who works on what and when they are off (it moves tasks); their roles and rates only with
    // the rates.
    std::vector<std::string_view> resourceFields{"id", "name", "daysOff"}; // roles can name vendors ("Vendor — Northlight Studios")
    // Bill rates only: what an hour costs the agency never leaves (nor does any figure made from it).
    if (o.has(Share::Rates)) resourceFields.insert(resourceFields.end(), {"role", "billRate", "billRateChanges"});
    out.resources = p.resources;
    for (Resource& r : out.resources) keepOnly(r, resourceFields);
    out.assignments = p.assignments;
    eraseIf(out.assignments, [&](const Assignment& a) { return isHidden(a.task); });
    static const std::vector<std::string_view> assignmentFields{"id", "resource", "task", "units"};
    for (Assignment& a : out.assignments) keepOnly(a, assignmentFields);
    if (o.has(Share::Baseline)) {
        out.baselines = p.baselines;
        for (Baseline& b : out.baselines) eraseIf(b.tasks, [&](const BaselineTask& t) { return isHidden(t.task); });
    }
    if (o.has(Share::Vendors)) {
        out.vendors = p.vendors;
        static const std::vector<std::string_view> vendorFields{"id", "name", "contact", "contractValue", "orders", "invoices"}; // never the mark-up
        for (Vendor& x : out.vendors) keepOnly(x, vendorFields);
    }
    if (o.has(Share::Billing)) { // what the client pays: never the margin target
        out.contract = p.contract;
        static const std::vector<std::string_view> contractFields{"type", "cap", "monthlyFee"};
        keepOnly(out.contract, contractFields);
        out.billing = p.billing;
        for (BillingItem& b : out.billing) if (isHidden(b.task)) b.task = Id{}; // the fee stays whole, the task does not show
        out.clientInvoices = p.clientInvoices;
    }
    if (o.has(Share::Actuals)) {
        out.costs = p.costs;
        out.hours = p.hours;
        for (CostEntry& c : out.costs) if (isHidden(c.task)) c.task = Id{}; // the money stays in the totals, the task does not show
        eraseIf(out.hours, [&](const HoursEntry& h) { return isHidden(h.task); });
    }
    if (o.has(Share::Risks)) out.risks = p.risks;
    if (o.has(Share::Changes)) out.changeRequests = p.changeRequests;

    // Figures for the whole project (the client sees % complete and money as a whole); milestones and
    // the reasons that name them only from what the view holds.
    if (o.has(Share::Progress) && scheduled) v.percentComplete = percentComplete(p, s);
    if ((o.has(Share::Status) || o.has(Share::Milestones) || o.has(Share::Budget)) && scheduled) {
        StatusReport r = statusReport(p, s, v.asOf);
        eraseIf(r.milestonesNext, [&](const MilestoneLine& m) { return isHidden(m.task); });
        eraseIf(r.milestonesDone, [&](const MilestoneLine& m) { return isHidden(m.task); });
        if (o.has(Share::Milestones)) {
            v.nextMilestones = r.milestonesNext;
            v.reachedMilestones = r.milestonesDone;
        }
        if (o.has(Share::Status)) {
            if (!o.has(Share::Risks)) r.topRisks.clear();
            applyStatusRule(r, o.has(Share::Budget));
            v.rag = r.rag;
            v.reasons = r.reasons;
        }
        if (o.has(Share::Budget) && r.budget.tooLarge.empty()) v.budget = ClientView::Money{r.budget.approved(), r.budget.ev.ac, r.budget.ev.eac};
    }
    return v;
}

std::string budgetLine(const ClientView& v) {
    if (!v.budget) return {};
    const Currency c = currency(v.project.currency);
    if (v.budget->forecast)
        return fmt(tr("Budget: approved {0}, spent {1}, forecast {2}"), formatMoney(v.budget->approved, c), formatMoney(v.budget->spent, c),
                   formatMoney(*v.budget->forecast, c));
    return fmt(tr("Budget: approved {0}, spent {1}"), formatMoney(v.budget->approved, c), formatMoney(v.budget->spent, c));
}

std::string feesLine(const ClientView& v) {
    if (!v.options.has(Share::Billing)) return {};
    const Project& p = v.project;
    const Currency c = currency(p.currency);
    const auto [fee, invoiced, paid] = feeTotals(p);
    std::string terms;
    switch (p.contract.type) {
        case ContractType::FixedFee: terms = fmt(tr("fixed fee {0}"), formatMoney(fee, c)); break;
        case ContractType::TimeAndMaterials:
            terms = p.contract.cap ? fmt(tr("time and materials, capped at {0}"), formatMoney(*p.contract.cap, c)) : std::string(tr("time and materials"));
            break;
        case ContractType::Retainer: terms = fmt(tr("retainer of {0} a month"), formatMoney(p.contract.monthlyFee, c)); break;
    }
    return fmt(tr("Fees: {0}; invoiced {1}, paid {2}"), terms, formatMoney(invoiced, c), formatMoney(paid, c));
}

std::string clientViewJson(const ClientView& v) {
    std::string view = "{\"viewVersion\":1,\"asOf\":\"" + v.asOf.str() + "\",\"holds\":[";
    bool first = true;
    for (const ShareItemInfo& i : shareItems())
        if (v.options.has(i.item)) {
            view += first ? "\"" : ",\"";
            view += i.name;
            view += "\"";
            first = false;
        }
    view += "]";
    if (v.options.has(Share::Progress)) view += ",\"percentComplete\":" + std::to_string(v.percentComplete);
    if (v.rag) {
        view += ",\"status\":";
        appendJsonString(view, ragName(*v.rag));
        view += ",\"reasons\":[";
        for (size_t i = 0; i < v.reasons.size(); ++i) {
            if (i) view += ",";
            appendJsonString(view, v.reasons[i]);
        }
        view += "]";
    }
    if (v.options.has(Share::Milestones)) {
        appendMilestones(view, "nextMilestones", v.nextMilestones);
        appendMilestones(view, "reachedMilestones", v.reachedMilestones);
    }
    if (v.budget) {
        view += ",\"budget\":{\"approved\":" + std::to_string(v.budget->approved) + ",\"spent\":" + std::to_string(v.budget->spent);
        if (v.budget->forecast) view += ",\"forecast\":" + std::to_string(*v.budget->forecast);
        view += "}";
    }
    if (v.expires) view += ",\"expires\":\"" + v.expires->str() + "\"";
    view += "}";
    const std::string project = writeProjectJson(v.project, false);
    return "{\"view\":" + view + "," + project.substr(1);
}

Result<ClientView> readClientViewJson(std::string_view text) {
    JsonDoc doc;
    if (!doc.parse(text)) return fail(doc.error());
    const JsonRef w = doc.root()["view"];
    if (!w.isObject()) return fail("view: missing: this is a project file, not a client view");
    if (!w["viewVersion"].isInteger() || w["viewVersion"].integer() != 1) return fail("view: made by a newer Plotline (viewVersion " + std::to_string(w["viewVersion"].integer()) + ")");
    Result<Project> p = readProjectJson(text);
    if (!p) return fail(p.error());
    ClientView v;
    v.project = std::move(*p);
    v.options.items = 0;
    if (w["holds"].isArray())
        for (JsonRef h : w["holds"])
            for (const ShareItemInfo& i : shareItems())
                if (h.str() == i.name) v.options.set(i.item, true);
    const std::optional<Date> asOf = Date::parse(w["asOf"].str());
    if (!asOf) return fail("view.asOf: not a date");
    v.asOf = *asOf;
    v.percentComplete = int(std::clamp<int64_t>(w["percentComplete"].integer(), 0, 100));
    if (const std::string_view st = w["status"].str(); !st.empty()) {
        v.rag = st == "Red" ? Rag::Red : st == "Amber" ? Rag::Amber : Rag::Green;
        if (w["reasons"].isArray())
            for (JsonRef r : w["reasons"]) v.reasons.emplace_back(r.str());
    }
    v.nextMilestones = readMilestones(w["nextMilestones"]);
    v.reachedMilestones = readMilestones(w["reachedMilestones"]);
    if (const JsonRef b = w["budget"]; b.isObject()) {
        ClientView::Money m{b["approved"].integer(), b["spent"].integer(), std::nullopt};
        if (b["forecast"].isInteger()) m.forecast = b["forecast"].integer();
        v.budget = m;
    }
    if (const JsonRef e = w["expires"]; e.isString()) {
        const std::optional<Date> d = Date::parse(e.str());
        if (!d) return fail("view.expires: not a date");
        v.expires = d;
    }
    return v;
}

} // namespace plotline
