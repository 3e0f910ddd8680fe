// Client views: what the client sees of the sample, by default and with each item chosen. The view is
// checked both as data (the filtered project) and as text (the file and the HTML pack must not carry
// any internal text of the sample anywhere).
#include "core/client_view.hpp"
#include "core/files.hpp"
#include "core/json_io.hpp"
#include "core/profit.hpp"
#include "helpers.hpp"

#include <algorithm>

using namespace plotline;
using namespace plotline::test;

namespace {

Project sample() {
    Result<Project> p = readProjectJson(*readWholeFile(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
    REQUIRE(p.ok());
    return *p;
}

// Every internal text of a project: what must not be in a default view.
std::vector<std::string> internalTexts(const Project& p) {
    std::vector<std::string> out;
    auto add = [&](const std::string& s) { if (s.size() >= 6) out.push_back(s); };
    for (const Task& t : p.tasks) add(t.notes);
    for (const BudgetLine& b : p.budgetLines) add(b.name);
    for (const Vendor& v : p.vendors) add(v.name);
    for (const Risk& r : p.risks) { add(r.title); add(r.mitigation); }
    for (const ChangeRequest& c : p.changeRequests) { add(c.title); add(c.description); }
    for (const CostEntry& c : p.costs) add(c.note);
    return out;
}

} // namespace

TEST_CASE("client view: by default the sample's view holds the plan, progress, milestones and status, and no rate, cost, vendor, note, risk or change request") {
    const Project p = sample();
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    // The sample has all of it to leave out.
    REQUIRE_FALSE(p.vendors.empty());
    REQUIRE_FALSE(p.risks.empty());
    REQUIRE_FALSE(p.budgetLines.empty());
    REQUIRE(std::any_of(p.resources.begin(), p.resources.end(), [](const Resource& r) { return r.billRate > 0; }));
    REQUIRE(std::any_of(p.tasks.begin(), p.tasks.end(), [](const Task& t) { return !t.notes.empty(); }));

    const ClientView v = clientView(p, s, ShareOptions{}, d("2026-11-20"));
    const std::string file = clientViewJson(v), page = clientPackHtml(v);
    const Result<Project> back = readProjectJson(file); // any Plotline opens a view as a project
    REQUIRE(back.ok());
    const Project& q = *back;
    for (const Resource& r : q.resources) {
        CHECK(r.billRate == 0);
        CHECK(r.billRateChanges.empty());
    }
    for (const Task& t : q.tasks) CHECK(t.notes.empty());
    CHECK(q.budgetLines.empty());
    CHECK(q.vendors.empty());
    CHECK(q.costs.empty());
    CHECK(q.hours.empty());
    CHECK(q.risks.empty());
    CHECK(q.changeRequests.empty());
    CHECK(q.statusRecords.empty());
    CHECK(q.drawdowns.empty());
    CHECK(q.contingency == Contingency{});
    CHECK(q.baselines.empty());
    for (const std::string& secret : internalTexts(p)) {
        CHECK_MESSAGE(file.find(secret) == std::string::npos, secret);
        CHECK_MESSAGE(page.find(escapeHtml(secret)) == std::string::npos, secret);
    }
    // No money at all in the default page: no currency sign, and the status says nothing of costs.
    CHECK(page.find("\u20ac") == std::string::npos);
    for (const std::string& why : v.reasons) {
        CHECK(why.find("CPI") == std::string::npos);
        CHECK(why.find("Estimate") == std::string::npos);
    }

    // No task marked internal, by id or by name (the sample has two: a finished audit and the bug fixing
    // that the client's UAT follows).
    size_t internal = 0;
    for (const Task& t : p.tasks)
        if (t.internal) {
            ++internal;
            CHECK(q.taskIndex(t.id) < 0);
            CHECK_MESSAGE(file.find("\"" + t.name + "\"") == std::string::npos, t.name);
            CHECK_MESSAGE(page.find(escapeHtml(t.name)) == std::string::npos, t.name);
        }
    REQUIRE(internal == 2);

    // What it does hold: every other task, scheduled to exactly the producer's dates, with its progress.
    REQUIRE(q.tasks.size() == p.tasks.size() - internal);
    const Schedule qs = schedule(q);
    REQUIRE(qs.ok());
    for (size_t i = 0; i < q.tasks.size(); ++i) {
        const int k = p.taskIndex(q.tasks[i].id);
        REQUIRE(k >= 0);
        CHECK(q.tasks[i].name == p.tasks[size_t(k)].name);
        CHECK_MESSAGE(qs.tasks[i].start == s.tasks[size_t(k)].start, q.tasks[i].name);
        CHECK_MESSAGE(qs.tasks[i].finish == s.tasks[size_t(k)].finish, q.tasks[i].name);
        CHECK(q.tasks[i].percentComplete == p.tasks[size_t(k)].percentComplete);
    }
    for (const Link& l : q.links) CHECK((q.taskIndex(l.predecessor) >= 0 && q.taskIndex(l.successor) >= 0));
    for (const Assignment& a : q.assignments) CHECK(q.taskIndex(a.task) >= 0);
    CHECK(q.statusDate == p.statusDate);
    CHECK(v.percentComplete == percentComplete(p, s));
    CHECK_FALSE(v.nextMilestones.empty());
    CHECK(v.rag.has_value());
    CHECK_FALSE(v.budget);
}

TEST_CASE("client view: each chosen item comes in, and only it; the file reads back as it was written") {
    const Project p = sample();
    const Schedule s = schedule(p);
    Result<ShareOptions> o = withShareItems(ShareOptions{}, "budget, notes,rates");
    REQUIRE(o.ok());
    const ClientView v = clientView(p, s, *o, d("2026-11-20"));
    REQUIRE(v.budget);
    const BudgetStatus b = budgetStatus(p, s, *p.statusDate);
    CHECK(v.budget->approved == b.approved());
    CHECK(v.budget->spent == b.ev.ac);
    CHECK(v.budget->forecast == b.ev.eac);
    for (const Task& t : v.project.tasks) CHECK(t.notes == p.tasks[size_t(p.taskIndex(t.id))].notes);
    for (size_t i = 0; i < p.resources.size(); ++i) CHECK(v.project.resources[i].billRate == p.resources[i].billRate);
    CHECK(v.project.vendors.empty());
    CHECK(v.project.risks.empty());
    const Result<ClientView> back = readClientViewJson(clientViewJson(v));
    REQUIRE(back.ok());
    CHECK(back->options == v.options);
    CHECK(back->project == v.project);
    CHECK(back->asOf == v.asOf);
    CHECK(back->rag == v.rag);
    CHECK(back->reasons == v.reasons);
    CHECK(back->budget == v.budget);
    CHECK(back->nextMilestones.size() == v.nextMilestones.size());
    CHECK(back->percentComplete == v.percentComplete);

    CHECK_FALSE(withShareItems(ShareOptions{}, "budget,margins").ok());
    CHECK(withShareItems(ShareOptions{}, "budget,margins").error().find("one of: progress") != std::string::npos);
    CHECK_FALSE(readClientViewJson(writeProjectJson(p, false)).ok()); // a project is not a view
}

TEST_CASE("client view: tasks marked internal come in only when chosen; a hidden summary takes its subtasks and milestones with it") {
    Project p = sample();
    // With the internal tasks chosen, every task is there and says it is internal.
    ShareOptions all;
    all.set(Share::Internal, true);
    const ClientView everything = clientView(p, schedule(p), all, d("2026-11-20"));
    CHECK(everything.project.tasks.size() == p.tasks.size());
    CHECK(std::count_if(everything.project.tasks.begin(), everything.project.tasks.end(), [](const Task& t) { return t.internal; }) == 2);

    // Marking the Launch phase internal hides it, its tasks and its milestone "Campaign live" (from the
    // milestones list and from any reason), and nothing else moves.
    const int launch = p.taskIndex(std::find_if(p.tasks.begin(), p.tasks.end(), [](const Task& t) { return t.name == "Launch"; })->id);
    REQUIRE(launch >= 0);
    p.tasks[size_t(launch)].internal = true;
    const Schedule s = schedule(p);
    const ClientView v = clientView(p, s, ShareOptions{}, d("2026-11-20"));
    for (const Task& t : v.project.tasks) CHECK(p.tasks[size_t(p.taskIndex(t.id))].parent != p.tasks[size_t(launch)].id);
    for (const MilestoneLine& m : v.nextMilestones) CHECK(m.name != "Campaign live");
    CHECK(v.project.tasks.size() == p.tasks.size() - 2 - 6);
    const Schedule vs = schedule(v.project);
    REQUIRE(vs.ok());
    for (size_t i = 0; i < v.project.tasks.size(); ++i) {
        const size_t k = size_t(p.taskIndex(v.project.tasks[i].id));
        CHECK_MESSAGE(vs.tasks[i].start == s.tasks[k].start, v.project.tasks[i].name);
        CHECK_MESSAGE(vs.tasks[i].finish == s.tasks[k].finish, v.project.tasks[i].name);
    }
}

TEST_CASE("client view: the status is worked out from what the view holds (no cost reasons without the budget, no risks without risks)") {
    Project p = sample();
    // Make it late and over budget: a spend far past the plan, and a high risk.
    CostEntry c;
    c.id = Id::random();
    c.date = *p.statusDate;
    c.amount = 50'000'000;
    c.category = CostCategory::Other;
    p.costs.push_back(c);
    const Schedule s = schedule(p);
    ShareOptions withMoney;
    withMoney.set(Share::Budget, true);
    withMoney.set(Share::Risks, true);
    const ClientView full = clientView(p, s, withMoney, d("2026-11-20"));
    REQUIRE(std::any_of(full.reasons.begin(), full.reasons.end(), [](const std::string& r) { return r.rfind("CPI", 0) == 0; }));
    const ClientView plain = clientView(p, s, ShareOptions{}, d("2026-11-20"));
    for (const std::string& r : plain.reasons) {
        CHECK(r.rfind("CPI", 0) == std::string::npos);
        CHECK(r.rfind("Estimate", 0) == std::string::npos);
        CHECK(r.rfind("Risk", 0) == std::string::npos);
    }
    CHECK(*plain.rag <= *full.rag);
}

TEST_CASE("client pack: one page with no script, every text from the plan escaped") {
    Project p = sample();
    p.tasks[1].name = "<img src=x onerror=alert(1)>";
    p.name = "Launch & \"Co\" <b>";
    const ClientView v = clientView(p, schedule(p), ShareOptions{}, d("2026-11-20"));
    const std::string page = clientPackHtml(v);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<title>Launch &amp; &quot;Co&quot; &lt;b&gt;") != std::string::npos);
    CHECK(page.find("<svg") != std::string::npos);
    CHECK(page.find("role=\"img\"") != std::string::npos);
}

TEST_CASE("client view: no cost rate, mark-up, margin target or margin leaves in any view; fees and invoices only with billing") {
    Project p = sample();
    // Distinctive cost figures, so that any copy of one in a view's text would be found.
    p.resources[1].costRate = 6173;
    p.resources[1].costRateChanges = {{d("2027-01-04"), 6391}};
    p.vendors[0].markup = 1777;
    p.contract.marginTarget = 2999;
    const Schedule s = schedule(p);
    REQUIRE(s.ok());
    const ProfitStatus m = profitStatus(p, s, *p.statusDate);
    REQUIRE(m.known());
    std::vector<std::string> secrets = {"\"costRate", "\"markup\"", "\"marginTarget\"", "6173", "6391", "1777", "2999", "argin"};
    for (const int64_t figure : {m.costToDate, m.costAtCompletion, m.marginToDate(), m.marginAtCompletion()}) secrets.push_back(std::to_string(figure));
    std::vector<ShareOptions> views;
    ShareOptions all;
    for (const ShareItemInfo& i : shareItems()) {
        ShareOptions one;
        one.set(i.item, true);
        views.push_back(one);
        all.set(i.item, true);
    }
    views.push_back(all);
    for (const ShareOptions& o : views) {
        CAPTURE(o.items);
        const ClientView v = clientView(p, s, o, d("2026-11-20"));
        for (const Resource& r : v.project.resources) {
            CHECK(!r.costRate);
            CHECK(r.costRateChanges.empty());
        }
        for (const Vendor& x : v.project.vendors) CHECK(x.markup == 0);
        CHECK(!v.project.contract.marginTarget);
        const std::string text = clientViewJson(v);
        for (const std::string& secret : secrets) CHECK_MESSAGE(text.find(secret) == std::string::npos, secret);
        CHECK(v.project.billing.empty() == !o.has(Share::Billing));
        CHECK(v.project.clientInvoices.empty() == !o.has(Share::Billing));
    }
    // With billing: the contract's fee terms, the billing schedule and the invoices, as the producer has them.
    ShareOptions billing;
    billing.set(Share::Billing, true);
    const ClientView v = clientView(p, s, billing, d("2026-11-20"));
    CHECK(v.project.contract.type == ContractType::FixedFee);
    CHECK(v.project.billing == p.billing);
    CHECK(v.project.clientInvoices == p.clientInvoices);
    // Bill rates go with the rates, cost rates never.
    ShareOptions rates;
    rates.set(Share::Rates, true);
    const ClientView r = clientView(p, s, rates, d("2026-11-20"));
    CHECK(r.project.resources[1].billRate == p.resources[1].billRate);
    CHECK(!r.project.resources[1].costRate);
}

TEST_CASE("client view: the money lines the preview and the viewer show") {
    const Project p = sample();
    const Schedule s = schedule(p);
    ShareOptions o;
    CHECK(budgetLine(clientView(p, s, o, d("2026-11-20"))).empty());
    CHECK(feesLine(clientView(p, s, o, d("2026-11-20"))).empty());
    o.set(Share::Billing, true);
    CHECK(feesLine(clientView(p, s, o, d("2026-11-20"))) == "Fees: fixed fee \u20ac199,200.00; invoiced \u20ac58,500.00, paid \u20ac0.00");
    o.set(Share::Budget, true);
    CHECK(budgetLine(clientView(p, s, o, d("2026-11-20"))).rfind("Budget: approved \u20ac191,675.00, spent ", 0) == 0);
}
