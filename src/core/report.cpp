#include "report.hpp"
#include "core/i18n.hpp"
#include "locale.hpp"
#include "i18n.hpp"
#include "pipeline.hpp"

#include "duration.hpp"
#include "id_index.hpp"
#include "json_io.hpp"
#include "money.hpp"

#include <algorithm>
#include <cstdio>

namespace plotline {

const char* ragName(Rag r) {
    switch (r) {
        case Rag::Green: return "Green";
        case Rag::Amber: return "Amber";
        case Rag::Red: return "Red";
    }
    return "Green";
}

std::string formatRatio(const std::optional<double>& v) {
    if (!v) return "—";
    return formatDecimal(*v, 2); // 0,77 in German
}

namespace {

bool isDone(const Task& t) { return t.percentComplete >= 100; }

void raise(StatusReport& r, Rag level, std::string why) {
    r.rag = std::max(r.rag, level);
    r.reasons.push_back(std::move(why));
}

std::string longDate(Date d) {
    int y, m, day;
    d.toYmd(y, m, day);
    (void)y, (void)m, (void)day;
    return formatLongDate(d);
}

std::string percentText(int64_t part, int64_t whole) {
    if (whole <= 0) return "—";
    return formatPercent(divRound(part * 100, whole));
}

} // namespace

void applyStatusRule(StatusReport& r, bool money) {
    r.rag = Rag::Green;
    r.reasons.clear();
    if (money && !r.budget.tooLarge.empty()) raise(r, Rag::Red, r.budget.tooLarge);
    const EvResult& ev = r.budget.ev;
    const Currency cur = currency(r.currency);
    auto index = [&](const char* name, std::optional<double> v, const char* meaning) {
        if (!v) return;
        if (*v < 0.85) raise(r, Rag::Red, fmt(tr("{0} {1} (below 0.85): {2}"), name, formatRatio(v), tr(meaning)));
        else if (*v < 0.95) raise(r, Rag::Amber, fmt(tr("{0} {1} (below 0.95): {2}"), name, formatRatio(v), tr(meaning)));
    };
    index("SPI", ev.spi(), N_("less work done than planned by now"));
    if (money) index("CPI", ev.cpi(), N_("the work done cost more than budgeted"));
    if (money && ev.eac && *ev.eac > r.budget.approved())
        raise(r, Rag::Red, fmt(tr("Estimate at completion {0} exceeds the approved budget {1} including contingency"), formatMoney(*ev.eac, cur),
                               formatMoney(r.budget.approved(), cur)));
    else if (money && ev.eac && *ev.eac > r.budget.base)
        raise(r, Rag::Amber, fmt(tr("Estimate at completion {0} exceeds the base budget {1} (contingency covers it)"), formatMoney(*ev.eac, cur),
                                 formatMoney(r.budget.base, cur)));
    for (const MilestoneLine& m : r.milestonesNext)
        if (m.late) raise(r, Rag::Amber, fmt(tr("Milestone \"{0}\" was due {1} and is not done"), m.name, formatDate(m.date)));
    for (const Risk& k : r.topRisks)
        if (k.score() >= 15) raise(r, Rag::Amber, fmt(tr("Risk \"{0}\" scores {1}"), k.title, k.score()));
}

StatusReport statusReport(const Project& p, const Schedule& s, Date statusDate, bool profit) {
    if (!profit) return statusReport(p, s, budgetStatus(p, s, statusDate));
    BudgetAtRates both = budgetAtBothRates(p, s, statusDate);
    StatusReport r = statusReport(p, s, std::move(both.bill));
    r.profit = profitStatus(p, s, r.budget, both.cost);
    return r;
}

StatusReport statusReport(const Project& p, const Schedule& s, BudgetStatus budget) {
    StatusReport r;
    r.project = p.name;
    r.currency = p.currency;
    r.statusDate = budget.statusDate;
    const Date statusDate = budget.statusDate;
    r.budget = std::move(budget);
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();

    // Milestones: their dates and rows first, a line only for the five of each list shown (a plan may
    // hold thousands). Ties keep the plan's order, as a stable sort by date would.
    struct Mark {
        Date date;
        size_t row;
    };
    std::vector<Mark> done, next;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        const bool summary = scheduled && s.tasks[i].summary;
        if (!summary && !t.milestone) {
            ++r.tasksTotal;
            if (isDone(t)) ++r.tasksDone;
            else if (t.percentComplete > 0 || t.actualStart) ++r.tasksInProgress;
        }
        if (!t.milestone || !scheduled) continue;
        if (isDone(t)) done.push_back({t.actualFinish ? *t.actualFinish : s.tasks[i].finishDate, i});
        else next.push_back({s.tasks[i].finishDate, i});
    }
    // Done ones latest first, the rest soonest first.
    auto firstFive = [&](std::vector<Mark>& marks, bool doneList, std::vector<MilestoneLine>& out) {
        const size_t keep = std::min<size_t>(5, marks.size());
        std::partial_sort(marks.begin(), marks.begin() + ptrdiff_t(keep), marks.end(), [&](const Mark& a, const Mark& b) {
            if (a.date != b.date) return doneList ? a.date > b.date : a.date < b.date;
            return a.row < b.row;
        });
        for (size_t k = 0; k < keep; ++k) {
            const Task& t = p.tasks[marks[k].row];
            out.push_back({t.name, marks[k].date, doneList, !doneList && marks[k].date < statusDate, t.id});
        }
    };
    firstFive(done, true, r.milestonesDone);
    firstFive(next, false, r.milestonesNext);

    for (const Risk& k : p.risks)
        if (k.status != RiskStatus::Closed) r.topRisks.push_back(k);
    std::stable_sort(r.topRisks.begin(), r.topRisks.end(), [](const Risk& a, const Risk& b) { return a.score() > b.score(); });
    if (r.topRisks.size() > 5) r.topRisks.resize(5);
    for (const ChangeRequest& c : p.changeRequests)
        if (c.status == ChangeStatus::Draft || c.status == ChangeStatus::Submitted) r.openChanges.push_back(c);
    std::stable_sort(r.openChanges.begin(), r.openChanges.end(), [](auto& a, auto& b) { return a.number < b.number; });

    applyStatusRule(r);
    return r;
}

std::string formatMarginPercent(const std::optional<int>& bp) {
    if (!bp) return "\u2014";
    const int v = *bp, whole = v / 100, tenth = (v < 0 ? -v : v) % 100 / 10;
    const Formats& f = formats();
    return (v < 0 && whole == 0 ? "-" : "") + std::to_string(whole) + f.decimal + std::to_string(tenth) + (f.tag == "iso" ? " " : f.percentSpace) + "%";
}

// The money sections of the weekly report: earned value, the cost curve, the burn and categories.
void moneySections(ReportDoc& doc, const StatusReport& r) {
    const Currency cur = currency(r.currency);
    auto money = [&](int64_t v) { return formatMoney(v, cur); };
    auto maybe = [&](const std::optional<int64_t>& v) { return v ? money(*v) : std::string("—"); };
    const BudgetStatus& b = r.budget;
    const EvResult& ev = b.ev;
    ReportSection money_;
    money_.title = tr("Schedule and cost");
    money_.facts = {
        {tr("Budget at completion (BAC)"), money(ev.bac)},
        {tr("Planned value (PV)"), money(ev.pv)},
        {tr("Earned value (EV)"), money(ev.ev)},
        {tr("Actual cost (AC)"), money(ev.ac)},
        {tr("Schedule variance (SV)"), money(ev.sv())},
        {tr("Cost variance (CV)"), money(ev.cv())},
        {"SPI / CPI", formatRatio(ev.spi()) + " / " + formatRatio(ev.cpi())},
        {tr("Estimate at completion (EAC)"), maybe(ev.eac)},
        {tr("Estimate to complete (ETC)"), maybe(ev.etc())},
        {tr("Variance at completion (VAC)"), maybe(ev.vac())},
        {tr("To-complete performance (TCPI)"), formatRatio(ev.tcpi())},
    };
    doc.sections.push_back(std::move(money_));

    ReportSection curve;
    curve.title = tr("Cumulative cost");
    curve.svg = sCurveSvg(b, cur);
    if (!curve.svg.empty()) doc.sections.push_back(std::move(curve));

    ReportSection burn;
    burn.title = tr("Budget burn");
    burn.facts = {
        {tr("Approved budget"), fmt(tr("{0} (base {1} + contingency {2})"), money(b.approved()), money(b.base), money(b.contingency))},
        {tr("Spent to date"), fmt(tr("{0} ({1} of the approved budget)"), money(ev.ac), percentText(ev.ac, b.approved()))},
        {tr("Weekly burn rate"), fmt(tr("{0} (average of the last 4 weeks)"), money(b.weeklyBurn))},
        {tr("Contingency left"), fmt(tr("{0} of {1}"), money(b.contingencyLeft()), money(b.contingency))},
        {tr("Approved changes"), money(b.approvedChanges)},
    };
    ReportTable& ct = burn.table;
    ct.header = {tr("Category"), tr("Budget"), tr("Actual"), tr("Variance")};
    ct.rightAligned = {1, 2, 3};
    for (int c = 0; c < kCostCategories; ++c) {
        const int64_t budget = b.budgetByCategory[size_t(c)], actual = b.actualByCategory[size_t(c)];
        if (budget == 0 && actual == 0) continue;
        ct.rows.push_back({tr(costCategoryLabel(CostCategory(c))), money(budget), money(actual), money(budget - actual)});
        ct.tone.push_back({0, 0, 0, budget - actual < 0 ? -1 : 0});
    }
    doc.sections.push_back(std::move(burn));
}

// The producer's own figures: what the client pays against what the work costs.
void marginSection(ReportDoc& doc, const ProfitStatus& m, const Currency& cur) {
    auto money = [&](int64_t v) { return formatMoney(v, cur); };
    ReportSection s;
    s.title = tr("Margin (internal)");
    if (!m.tooLarge.empty()) {
        s.paragraphs.push_back(m.tooLarge);
        doc.sections.push_back(std::move(s));
        return;
    }
    std::string contract = tr(contractTypeLabel(m.type));
    if (m.cap) contract += m.capReached ? fmt(tr(", capped at {0} (reached {1})"), money(*m.cap), longDate(*m.capReached)) : fmt(tr(", capped at {0}"), money(*m.cap));
    s.facts.push_back({tr("Contract"), contract});
    s.facts.push_back({tr("Revenue to date"), money(m.revenueToDate)});
    s.facts.push_back({tr("Revenue at completion"), money(m.revenueAtCompletion)});
    if (m.known()) {
        s.facts.push_back({tr("Cost to date"), money(m.costToDate)});
        s.facts.push_back({tr("Margin to date"), money(m.marginToDate()) + " (" + formatMarginPercent(m.marginPercentToDate()) + ")"});
        s.facts.push_back({tr("Cost at completion (forecast)"), money(m.costAtCompletion)});
        s.facts.push_back({tr("Margin at completion (forecast)"), money(m.marginAtCompletion()) + " (" + formatMarginPercent(m.marginPercentAtCompletion()) + ")"});
    } else {
        s.paragraphs.push_back(m.missingText());
    }
    if (m.marginTarget) s.facts.push_back({tr("Target margin"), m.belowTarget() ? fmt(tr("{0}: the forecast is below it"), formatMarginPercent(m.marginTarget)) : formatMarginPercent(m.marginTarget)});
    const Date month = monthOf(m.statusDate);
    s.facts.push_back({fmt(tr("Billable in {0}"), monthTitle(month)), money(m.billableIn(month))});
    doc.sections.push_back(std::move(s));

    ReportSection chart;
    chart.title = tr("Revenue and cost by month");
    chart.svg = marginChartSvg(m, cur);
    ReportTable& mt = chart.table;
    mt.header = {tr("Month"), tr("Revenue"), tr("Cost"), tr("Margin"), tr("Basis")};
    mt.rightAligned = {1, 2, 3};
    for (const MonthProfit& x : m.months) {
        mt.rows.push_back({monthTitle(x.month), money(x.revenue), m.known() ? money(x.cost) : "\u2014", m.known() ? money(x.revenue - x.cost) : "\u2014",
                           x.forecast ? tr("forecast") : tr("actual")});
        mt.tone.push_back({0, 0, 0, m.known() && x.revenue - x.cost < 0 ? -1 : 0, 0});
    }
    doc.sections.push_back(std::move(chart));

    auto breakdown = [&](const char* title, const char* what, const auto& list) {
        ReportSection b;
        b.title = tr(title);
        b.paragraphs.push_back(tr("The work's value at bill rates beside its cost at cost rates: booked so far, and as planned in all."));
        ReportTable& t = b.table;
        t.header = {tr(what), tr("Value to date"), tr("Cost to date"), tr("Planned value"), tr("Planned cost"), tr("Planned margin")};
        t.rightAligned = {1, 2, 3, 4, 5};
        for (const auto& x : list) {
            const bool missing = x.costMissing;
            const std::optional<int> pct = ProfitStatus::percentOfRevenue(x.plannedValue - x.plannedCost, x.plannedValue);
            t.rows.push_back({x.name, money(x.valueToDate), missing ? "\u2014" : money(x.costToDate), money(x.plannedValue),
                              missing ? "\u2014" : money(x.plannedCost),
                              missing ? std::string(tr("cost rate missing")) : money(x.plannedValue - x.plannedCost) + " (" + formatMarginPercent(pct) + ")"});
            t.tone.push_back({0, 0, 0, 0, 0, !missing && x.plannedValue - x.plannedCost < 0 ? -1 : 0});
        }
        doc.sections.push_back(std::move(b));
    };
    breakdown(N_("Margin by phase"), N_("Phase"), m.phases);
    breakdown(N_("Margin by person"), N_("Person"), m.people);
}

ReportDoc weeklyReport(const StatusReport& r, bool internal) {
    const Currency cur = currency(r.currency);
    auto money = [&](int64_t v) { return formatMoney(v, cur); };
    const BudgetStatus& b = r.budget;

    ReportDoc doc;
    doc.title = fmt(tr("Status report: {0}"), r.project);
    doc.subtitle = fmt(tr("Status as of {0}"), longDate(r.statusDate));
    doc.badge = ragName(r.rag);

    ReportSection overall;
    overall.title = fmt(tr("Overall status: {0}"), tr(ragName(r.rag)));
    if (r.reasons.empty()) overall.paragraphs.push_back(tr("On schedule and on budget; no high risks open."));
    else overall.bullets = r.reasons;
    overall.facts = {
        {tr("Complete"), fmt(tr("{0} ({1} of {2} tasks done, {3} under way)"), formatPercent(b.percentComplete), r.tasksDone, r.tasksTotal, r.tasksInProgress)},
        {tr("Planned finish"), longDate(b.plannedFinish)},
        {tr("Forecast finish"), b.forecastFinish > b.plannedFinish
                                       ? longDate(b.forecastFinish) + " (" + trn("{n} day late", "{n} days late", b.forecastFinish - b.plannedFinish) + ")"
                                       : longDate(b.forecastFinish)},
    };
    doc.sections.push_back(std::move(overall));

    ReportSection milestones;
    milestones.title = tr("Milestones");
    ReportTable& mt = milestones.table;
    mt.header = {tr("Milestone"), tr("Date"), tr("State")};
    for (const MilestoneLine& m : r.milestonesDone) {
        mt.rows.push_back({m.name, formatDate(m.date), tr("Done")});
        mt.tone.push_back({0, 0, 1});
    }
    for (const MilestoneLine& m : r.milestonesNext) {
        mt.rows.push_back({m.name, formatDate(m.date), m.late ? tr("Late") : tr("Next")});
        mt.tone.push_back({0, 0, m.late ? -1 : 0});
    }
    if (mt.rows.empty()) milestones.paragraphs.push_back(tr("The plan has no milestones."));
    doc.sections.push_back(std::move(milestones));

    if (r.budget.tooLarge.empty()) moneySections(doc, r);
    else { // said under Overall status; no figures that would be wrong
        ReportSection none;
        none.title = tr("Schedule and cost");
        none.paragraphs.push_back(tr("Not totalled: the budget is too large (see Overall status)."));
        doc.sections.push_back(std::move(none));
    }

    ReportSection risks;
    risks.title = tr("Top risks");
    risks.table.header = {tr("Risk"), tr("Score"), tr("Owner"), tr("Mitigation")};
    risks.table.rightAligned = {1};
    for (const Risk& k : r.topRisks) {
        risks.table.rows.push_back({k.title, std::to_string(k.score()) + " (" + std::to_string(k.probability) + "×" + std::to_string(k.impact) + ")",
                                    k.owner, k.mitigation});
        risks.table.tone.push_back({0, k.score() >= 15 ? -1 : 0, 0, 0});
    }
    if (r.topRisks.empty()) risks.paragraphs.push_back(tr("No open risks."));
    doc.sections.push_back(std::move(risks));

    ReportSection changes;
    changes.title = tr("Open change requests");
    changes.table.header = {tr("Request"), tr("Title"), tr("Status"), tr("Cost impact"), tr("Requested by")};
    changes.table.rightAligned = {3};
    for (const ChangeRequest& c : r.openChanges)
        changes.table.rows.push_back({"CR-" + std::to_string(c.number), c.title, tr(changeStatusLabel(c.status)), money(c.costImpact), c.requester});
    if (r.openChanges.empty()) changes.paragraphs.push_back(tr("None open."));
    doc.sections.push_back(std::move(changes));
    if (internal && r.profit) marginSection(doc, *r.profit, cur);
    return doc;
}

std::string statusReportJson(const StatusReport& r) {
    const BudgetStatus& b = r.budget;
    const EvResult& ev = b.ev;
    std::string o = "{\n";
    auto key = [&](const char* k) { o += "  \""; o += k; o += "\": "; };
    auto num = [&](const char* k, int64_t v) { key(k); o += std::to_string(v); o += ",\n"; };
    auto str = [&](const char* k, const std::string& v) { key(k); appendJsonString(o, v); o += ",\n"; };
    auto opt = [&](const char* k, const std::optional<int64_t>& v) { key(k); o += v ? std::to_string(*v) : "null"; o += ",\n"; };
    auto ratio = [&](const char* k, const std::optional<double>& v) {
        key(k);
        if (v) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.4f", *v);
            o += buf;
        } else o += "null";
        o += ",\n";
    };
    str("project", r.project);
    str("currency", r.currency);
    str("statusDate", r.statusDate.str());
    str("rag", ragName(r.rag));
    key("reasons");
    o += "[";
    for (size_t i = 0; i < r.reasons.size(); ++i) {
        if (i) o += ", ";
        appendJsonString(o, r.reasons[i]);
    }
    o += "],\n";
    num("percentComplete", b.percentComplete);
    num("tasksDone", r.tasksDone);
    num("tasksInProgress", r.tasksInProgress);
    num("tasksTotal", r.tasksTotal);
    str("plannedFinish", b.plannedFinish.str());
    str("forecastFinish", b.forecastFinish.str());
    num("bac", ev.bac);
    num("pv", ev.pv);
    num("ev", ev.ev);
    num("ac", ev.ac);
    num("sv", ev.sv());
    num("cv", ev.cv());
    ratio("spi", ev.spi());
    ratio("cpi", ev.cpi());
    opt("eac", ev.eac);
    opt("etc", ev.etc());
    opt("vac", ev.vac());
    ratio("tcpi", ev.tcpi());
    num("baseBudget", b.base);
    num("contingency", b.contingency);
    num("contingencyLeft", b.contingencyLeft());
    num("approvedBudget", b.approved());
    num("approvedChanges", b.approvedChanges);
    num("weeklyBurn", b.weeklyBurn);
    key("categories");
    o += "[";
    bool first = true;
    for (int c = 0; c < kCostCategories; ++c) {
        const int64_t budget = b.budgetByCategory[size_t(c)], actual = b.actualByCategory[size_t(c)];
        if (budget == 0 && actual == 0) continue;
        o += first ? "\n    " : ",\n    ";
        first = false;
        o += "{\"category\": \"" + std::string(costCategoryName(CostCategory(c))) + "\", \"budget\": " + std::to_string(budget) +
             ", \"actual\": " + std::to_string(actual) + "}";
    }
    o += first ? "],\n" : "\n  ],\n";
    auto milestones = [&](const char* k, const std::vector<MilestoneLine>& list) {
        key(k);
        o += "[";
        for (size_t i = 0; i < list.size(); ++i) {
            o += i ? ",\n    " : "\n    ";
            o += "{\"name\": ";
            appendJsonString(o, list[i].name);
            o += ", \"date\": \"" + list[i].date.str() + "\", \"late\": " + (list[i].late ? "true" : "false") + "}";
        }
        o += list.empty() ? "],\n" : "\n  ],\n";
    };
    milestones("milestonesDone", r.milestonesDone);
    milestones("milestonesNext", r.milestonesNext);
    key("topRisks");
    o += "[";
    for (size_t i = 0; i < r.topRisks.size(); ++i) {
        const Risk& k = r.topRisks[i];
        o += i ? ",\n    " : "\n    ";
        o += "{\"title\": ";
        appendJsonString(o, k.title);
        o += ", \"probability\": " + std::to_string(k.probability) + ", \"impact\": " + std::to_string(k.impact) +
             ", \"score\": " + std::to_string(k.score()) + ", \"owner\": ";
        appendJsonString(o, k.owner);
        o += ", \"status\": \"" + std::string(riskStatusName(k.status)) + "\"}";
    }
    o += r.topRisks.empty() ? "],\n" : "\n  ],\n";
    key("openChangeRequests");
    o += "[";
    for (size_t i = 0; i < r.openChanges.size(); ++i) {
        const ChangeRequest& c = r.openChanges[i];
        o += i ? ",\n    " : "\n    ";
        o += "{\"number\": " + std::to_string(c.number) + ", \"title\": ";
        appendJsonString(o, c.title);
        o += ", \"status\": \"" + std::string(changeStatusName(c.status)) + "\", \"costImpact\": " + std::to_string(c.costImpact) + "}";
    }
    o += r.openChanges.empty() ? "]" : "\n  ]";
    if (r.profit) {
        const ProfitStatus& m = *r.profit;
        o += ",\n";
        key("margin");
        o += "{\n";
        auto in = [&](const char* k) { o += "    \""; o += k; o += "\": "; };
        auto n2 = [&](const char* k, int64_t v) { in(k); o += std::to_string(v) + ",\n"; };
        auto pct = [&](const char* k, const std::optional<int>& bp) {
            in(k);
            if (bp) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.4f", *bp / 10000.0);
                o += buf;
            } else o += "null";
            o += ",\n";
        };
        in("contract");
        o += "\"" + std::string(contractTypeName(m.type)) + "\",\n";
        in("known");
        o += m.known() ? "true,\n" : "false,\n";
        in("missingCostRates");
        o += "[";
        for (size_t i = 0; i < m.missingCostRates.size(); ++i) {
            if (i) o += ", ";
            appendJsonString(o, m.missingCostRates[i]);
        }
        o += "],\n";
        if (!m.tooLarge.empty()) {
            in("tooLarge");
            appendJsonString(o, m.tooLarge);
            o += ",\n";
        }
        n2("revenueToDate", m.revenueToDate);
        n2("revenueAtCompletion", m.revenueAtCompletion);
        // Cost and margin only when every cost rate is known: null otherwise, never a guess.
        auto known = [&](const char* k, int64_t v) { in(k); o += m.known() ? std::to_string(v) + ",\n" : "null,\n"; };
        known("costToDate", m.costToDate);
        known("costAtCompletion", m.costAtCompletion);
        known("marginToDate", m.marginToDate());
        known("marginAtCompletion", m.marginAtCompletion());
        pct("marginPercentToDate", m.known() ? m.marginPercentToDate() : std::nullopt);
        pct("marginPercentAtCompletion", m.known() ? m.marginPercentAtCompletion() : std::nullopt);
        pct("marginTarget", m.marginTarget);
        in("belowTarget");
        o += m.belowTarget() ? "true,\n" : "false,\n";
        if (m.cap) n2("cap", *m.cap);
        if (m.capReached) {
            in("capReached");
            o += "\"" + m.capReached->str() + "\",\n";
        }
        n2("billableThisMonth", m.billableIn(monthOf(m.statusDate)));
        in("months");
        o += "[";
        for (size_t i = 0; i < m.months.size(); ++i) {
            const MonthProfit& x = m.months[i];
            o += i ? ",\n      " : "\n      ";
            o += "{\"month\": \"" + x.month.str().substr(0, 7) + "\", \"revenue\": " + std::to_string(x.revenue) + ", \"cost\": " +
                 (m.known() ? std::to_string(x.cost) : "null") + ", \"forecast\": " + (x.forecast ? "true" : "false") + "}";
        }
        o += m.months.empty() ? "],\n" : "\n    ],\n";
        auto rows = [&](const char* k, const auto& list, bool last) {
            in(k);
            o += "[";
            for (size_t i = 0; i < list.size(); ++i) {
                const auto& x = list[i];
                const bool missing = x.costMissing;
                o += i ? ",\n      " : "\n      ";
                o += "{\"name\": ";
                appendJsonString(o, x.name);
                o += ", \"valueToDate\": " + std::to_string(x.valueToDate) + ", \"costToDate\": " + (missing ? "null" : std::to_string(x.costToDate)) +
                     ", \"plannedValue\": " + std::to_string(x.plannedValue) + ", \"plannedCost\": " + (missing ? "null" : std::to_string(x.plannedCost)) + "}";
            }
            o += list.empty() ? "]" : "\n    ]";
            o += last ? "\n" : ",\n";
        };
        rows("phases", m.phases, false);
        rows("people", m.people, true);
        o += "  }";
    }
    o += "\n}\n";
    return o;
}

// What the month bills (by the contract's rule) and the invoices sent for it: the client's own figures.
ReportSection billingSection(const Project& p, const Schedule& s, Date month, Date statusDate) {
    const Currency cur = currency(p.currency);
    const Date last = nextMonth(month) - 1;
    const ProfitStatus m = profitStatus(p, s, std::min(statusDate, last));
    ReportSection sec;
    sec.title = tr("Billing for the month");
    if (!m.tooLarge.empty()) {
        sec.paragraphs.push_back(m.tooLarge);
        return sec;
    }
    ReportTable& t = sec.table;
    t.header = {tr("Billable"), tr("Date"), tr("Amount")};
    t.rightAligned = {2};
    for (const BillableLine& l : m.billable)
        if (l.due && monthOf(l.date) == month) t.rows.push_back({l.what, longDate(l.date), formatMoney(l.amount, cur)});
    const int64_t due = m.billableIn(month), invoiced = invoicedFor(p, month);
    for (const ClientInvoice& in : p.clientInvoices) {
        if (in.month != month) continue;
        sec.bullets.push_back(fmt(in.paid ? tr("Invoice {0} of {1}: {2}, paid {3}") : tr("Invoice {0} of {1}: {2}, not paid yet"),
                                  in.number.empty() ? std::string(tr("(no number)")) : in.number, longDate(in.issued), formatMoney(in.amount, cur),
                                  in.paid ? longDate(*in.paid) : std::string()));
    }
    sec.facts = {{tr("Billable this month"), formatMoney(due, cur)}, {tr("Invoiced"), formatMoney(invoiced, cur)}};
    if (due != invoiced) sec.facts.push_back({tr("Still to invoice"), formatMoney(due - invoiced, cur)});
    if (t.rows.empty()) sec.paragraphs.push_back(tr("Nothing billable this month."));
    return sec;
}

ReportDoc monthlySummary(const Project& p, const Schedule& s, int year, int month, Date statusDate, bool billing) {
    const Date first = Date::fromYmd(year, month, 1);
    const Date last = (month == 12 ? Date::fromYmd(year + 1, 1, 1) : Date::fromYmd(year, month + 1, 1)) - 1;
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    ReportDoc doc;
    doc.title = p.name + ": " + formatMonthYear(year, month);
    doc.subtitle = fmt(tr("Summary of work for the month, as of {0}"), longDate(std::min(statusDate, last)));

    ReportSection reached, finished, underway, next;
    reached.title = tr("Milestones reached");
    finished.title = tr("Work completed");
    underway.title = tr("In progress");
    next.title = tr("Coming next month");
    const Date nextFirst = last + 1;
    const Date nextLast = (month >= 11 ? Date::fromYmd(year + 1, month - 10, 1) : Date::fromYmd(year, month + 2, 1)) - 1;
    // Each list in date order (the plan's order breaks ties), as a client reads a month.
    std::vector<std::pair<Date, std::string>> reachedAt, finishedAt, underwayAt, nextAt;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        if (!scheduled) break;
        const TaskSchedule& ts = s.tasks[i];
        if (ts.summary) continue;
        const Date end = t.actualFinish ? *t.actualFinish : ts.finishDate;
        if (isDone(t) && end >= first && end <= last) {
            if (t.milestone) reachedAt.push_back({end, t.name + " (" + longDate(end) + ")"});
            else finishedAt.push_back({end, t.name});
        } else if (!isDone(t) && !t.milestone && t.percentComplete > 0) {
            underwayAt.push_back({ts.finishDate, fmt(tr("{0}: {1} done, due {2}"), t.name, formatPercent(t.percentComplete), longDate(ts.finishDate))});
        } else if (!isDone(t) && t.milestone && ts.finishDate >= nextFirst && ts.finishDate <= nextLast) {
            nextAt.push_back({ts.finishDate, t.name + " (" + longDate(ts.finishDate) + ")"});
        }
    }
    auto inOrder = [](std::vector<std::pair<Date, std::string>>& items, ReportSection& sec) {
        std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [day, text] : items) sec.bullets.push_back(std::move(text));
    };
    inOrder(reachedAt, reached);
    inOrder(finishedAt, finished);
    inOrder(underwayAt, underway);
    inOrder(nextAt, next);
    ReportSection overall;
    overall.title = tr("Overall");
    overall.facts = {{tr("Project complete"), formatPercent(percentComplete(p, s))}}; // as the weekly report says
    if (scheduled) overall.facts.push_back({tr("Planned launch"), longDate(s.finish)});
    doc.sections.push_back(std::move(overall));
    for (ReportSection* sec : {&reached, &finished, &underway, &next}) {
        if (sec->bullets.empty()) sec->paragraphs.push_back(tr("None."));
        doc.sections.push_back(std::move(*sec));
    }
    if (!p.deliverables.empty()) doc.sections.push_back(publishedSection(p, first, last)); // a content pipeline's month
    if (billing) doc.sections.push_back(billingSection(p, s, first, statusDate));
    return doc;
}

ReportDoc changeOrder(const Project& p, const ChangeRequest& c) {
    const Currency cur = currency(p.currency);
    ReportDoc doc;
    const std::string name = "CR-" + std::to_string(c.number);
    doc.title = fmt(tr("Change order {0}: {1}"), name, c.title);
    doc.subtitle = p.name;
    doc.badge = changeStatusLabel(c.status);

    ReportSection what;
    what.title = tr("Request");
    what.facts = {{tr("Requested by"), c.requester.empty() ? "—" : c.requester},
                  {tr("Raised"), longDate(c.raised)},
                  {tr("Status"), c.decided ? fmt(tr("{0} on {1}"), tr(changeStatusLabel(c.status)), longDate(*c.decided)) : std::string(tr(changeStatusLabel(c.status)))}};
    if (!c.description.empty()) what.paragraphs.push_back(c.description);
    doc.sections.push_back(std::move(what));

    ReportSection impact;
    impact.title = tr("Impact");
    const bool open = c.status == ChangeStatus::Draft || c.status == ChangeStatus::Submitted;
    const std::optional<int64_t> labour = open ? changeLabourImpact(p, c) : 0;
    impact.facts = {{tr("Cost"), fmt(tr("{0} ({1})"), formatMoney(c.costImpact, cur), tr(costCategoryLabel(c.category)))}};
    if (!labour) impact.facts.push_back({tr("Labour of the longer tasks"), fmt(tr("more than {0}, too large to total"), formatMoney(kMaxMoney, cur))});
    else if (*labour != 0) {
        impact.facts.push_back({tr("Labour of the longer tasks"), fmt(tr("{0} (at current rates)"), formatMoney(*labour, cur))});
        impact.facts.push_back({tr("Total"), formatMoney(c.costImpact + *labour, cur)});
    }
    if (c.feeImpact != 0) { // what the client pays for it: theirs to sign (cost and margin stay internal)
        impact.facts.push_back({tr("Fee"), fmt(tr("{0} (billed from the day it is approved)"), formatMoney(c.feeImpact, cur))});
    }
    const LazyIndex taskAt(p.tasks);
    int64_t days = 0;
    for (const ChangeItem& it : c.items) {
        if (it.task.isNull()) {
            impact.bullets.push_back(fmt(tr("New task: {0} ({1})"), it.name, formatDuration(it.duration, p.calendar.minutesPerDay)));
            days += it.duration;
            continue;
        }
        const int row = taskAt.find(it.task);
        const Task* t = row >= 0 ? &p.tasks[size_t(row)] : nullptr;
        const std::string taskName = t ? t->name : std::string(tr("(a task deleted since)"));
        impact.bullets.push_back(t && c.status != ChangeStatus::Approved
                                     ? fmt(tr("Change: {0} to {1} (now {2})"), taskName, formatDuration(it.duration, p.calendar.minutesPerDay),
                                           formatDuration(t->duration, p.calendar.minutesPerDay))
                                     : fmt(tr("Change: {0} to {1}"), taskName, formatDuration(it.duration, p.calendar.minutesPerDay)));
        if (t && c.status != ChangeStatus::Approved) days += it.duration - t->duration;
    }
    if (c.items.empty()) impact.bullets.push_back(tr("No change to the plan's tasks."));
    else if (c.status != ChangeStatus::Approved)
        impact.facts.push_back({tr("Added work"), formatDuration(days, p.calendar.minutesPerDay)});
    doc.sections.push_back(std::move(impact));

    ReportSection log;
    log.title = tr("Decisions");
    log.table.header = {tr("When"), tr("Status"), tr("By"), tr("Note")};
    for (const ChangeDecision& d : c.log)
        log.table.rows.push_back({formatLocalTime(d.at), tr(changeStatusLabel(d.status)), d.by, d.note});
    if (c.log.empty()) log.paragraphs.push_back(tr("No decision yet."));
    doc.sections.push_back(std::move(log));

    ReportSection sign;
    sign.title = tr("Sign-off");
    sign.paragraphs = {tr("Approved for the client: ____________________  Date: __________"),
                       tr("Approved for the agency: ____________________  Date: __________")};
    doc.sections.push_back(std::move(sign));
    return doc;
}

namespace {
std::string html(const std::string& s);

// The report's charts: 720 × 260, money levels at the left, a legend at the top, the first and last
// dates at the bottom.
constexpr double kSvgW = 720, kSvgH = 260, kSvgLeft = 70, kSvgRight = 10, kSvgTop = 24, kSvgBottom = 28;

std::string svgOpen(const char* label) {
    return std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 260\" width=\"100%\" role=\"img\" aria-label=\"") + label +
           "\" style=\"font:11px system-ui,sans-serif\">\n";
}

template <class Y> void svgGrid(std::string& o, int64_t maxValue, Y y, const Currency& c) {
    char buf[160];
    for (int k = 0; k <= 4; ++k) {
        const int64_t v = maxValue * k / 4;
        std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e7ed\"/>", kSvgLeft, kSvgW - kSvgRight, y(v), y(v));
        o += buf;
        std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#5b6576\">", kSvgLeft - 6, y(v) + 4);
        o += buf + html(formatMoneyShort(v, c)) + "</text>\n";
    }
}

void svgLegendAndEnds(std::string& o, std::initializer_list<std::pair<const char*, const char*>> legend, const std::string& first, const std::string& last) {
    char buf[240];
    double lx = kSvgLeft + 8;
    for (auto [name, colour] : legend) {
        std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" y=\"6\" width=\"14\" height=\"3\" fill=\"%s\"/><text x=\"%.1f\" y=\"12\" fill=\"#1d2430\">%s</text>",
                      lx, colour, lx + 18, name);
        o += buf;
        lx += 95;
    }
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#5b6576\">%s</text><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#5b6576\">%s</text>",
                  kSvgLeft, kSvgH - 8, first.c_str(), kSvgW - kSvgRight, kSvgH - 8, last.c_str());
    o += buf;
}

} // namespace

std::string sCurveSvg(const BudgetStatus& b, const Currency& c) {
    const size_t n = b.weeks.size();
    if (n < 2) return {};
    const double w = kSvgW, h = kSvgH, left = kSvgLeft, right = kSvgRight, top = kSvgTop, bottom = kSvgBottom;
    int64_t maxValue = std::max<int64_t>(b.approved(), 1);
    for (const WeekPoint& p : b.weeks) maxValue = std::max({maxValue, p.pv, p.ac, p.ev.value_or(0)});
    auto x = [&](size_t i) { return left + (w - left - right) * double(i) / double(n - 1); };
    auto y = [&](int64_t v) { return h - bottom - (h - top - bottom) * double(v) / double(maxValue); };
    char buf[160];
    std::string o = svgOpen("Cumulative planned value, earned value and actual cost by week");
    svgGrid(o, maxValue, y, c);
    const size_t status = b.statusWeek;
    std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#7c3aed\"/>", x(status), x(status), top, h - bottom);
    o += buf;
    std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>", left, w - right, y(b.base), y(b.base));
    o += buf;
    auto path = [&](const char* colour, auto value, size_t last) {
        std::string d;
        for (size_t i = 0; i <= last; ++i) {
            const std::optional<int64_t> v = value(i);
            if (!v) continue;
            std::snprintf(buf, sizeof buf, "%s%.1f,%.1f", d.empty() ? "M" : " L", x(i), y(*v));
            d += buf;
        }
        if (!d.empty()) o += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>\n";
    };
    path("#426ec8", [&](size_t i) { return std::optional<int64_t>(b.weeks[i].pv); }, n - 1);
    path("#d66028", [&](size_t i) { return std::optional<int64_t>(b.weeks[i].ac); }, status);
    path("#2e8b57", [&](size_t i) { return b.weeks[i].ev; }, n - 1);
    svgLegendAndEnds(o, {{"PV planned", "#426ec8"}, {"EV earned", "#2e8b57"}, {"AC actual", "#d66028"}, {"BAC", "#888"}}, b.weeks.front().end.str(),
                     b.weeks.back().end.str());
    return o + "</svg>\n";
}

std::string marginChartSvg(const ProfitStatus& m, const Currency& c) {
    const size_t n = m.months.size();
    if (n < 2) return {};
    const double w = kSvgW, h = kSvgH, left = kSvgLeft, right = kSvgRight, top = kSvgTop, bottom = kSvgBottom;
    std::vector<int64_t> revenue(n), cost(n);
    int64_t r = 0, k = 0, maxValue = 1;
    size_t lastActual = 0;
    for (size_t i = 0; i < n; ++i) {
        r += m.months[i].revenue;
        k += m.months[i].cost;
        revenue[i] = r;
        cost[i] = k;
        maxValue = std::max({maxValue, r, k});
        if (!m.months[i].forecast) lastActual = i;
    }
    auto x = [&](size_t i) { return left + (w - left - right) * double(i) / double(n - 1); };
    auto y = [&](int64_t v) { return h - bottom - (h - top - bottom) * double(std::max<int64_t>(v, 0)) / double(maxValue); };
    char buf[200];
    std::string o = svgOpen("Cumulative revenue and cost by month, forecast dashed");
    svgGrid(o, maxValue, y, c);
    auto path = [&](const char* colour, const std::vector<int64_t>& v, size_t from, size_t to, bool dashed) {
        std::string d;
        for (size_t i = from; i <= to && i < n; ++i) {
            std::snprintf(buf, sizeof buf, "%s%.1f,%.1f", d.empty() ? "M" : " L", x(i), y(v[i]));
            d += buf;
        }
        o += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" + (dashed ? " stroke-dasharray=\"5 4\"" : "") + "/>\n";
    };
    if (m.known()) {
        path("#d66028", cost, 0, lastActual, false);
        path("#d66028", cost, lastActual, n - 1, true);
    }
    path("#2e8b57", revenue, 0, lastActual, false);
    path("#2e8b57", revenue, lastActual, n - 1, true);
    svgLegendAndEnds(o, {{"Revenue", "#2e8b57"}, {"Cost", "#d66028"}}, monthTitle(m.months.front().month), monthTitle(m.months.back().month));
    return o + "</svg>\n";
}

namespace {

// Text from the plan (names, risks, change requests) as Markdown that shows it as it is: no raw HTML
// (< > as entities), no links, emphasis or code from [ ] * _ ` (backslash-escaped), no table cell
// breaks (|), one line; at the start of a line (`lineStart`), nothing that would make a heading, quote
// or list.
std::string mdText(const std::string& s, bool lineStart = false) {
    std::string out;
    out.reserve(s.size() + 8);
    size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    const bool listNumber = lineStart && digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')');
    if (lineStart && !s.empty() && (std::string_view("#>-+=~").find(s[0]) != std::string_view::npos)) out += '\\';
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (listNumber && i == digits) out += '\\';
        switch (c) {
            case '\\': case '*': case '_': case '`': case '[': case ']': case '|': out += '\\'; out += c; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '\n': case '\r': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

std::string html(const std::string& s) { return escapeHtml(s); }

} // namespace

std::string escapeHtml(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

bool right(const ReportTable& t, size_t col) {
    return std::find(t.rightAligned.begin(), t.rightAligned.end(), int(col)) != t.rightAligned.end();
}

int toneOf(const ReportTable& t, size_t row, size_t col) {
    return row < t.tone.size() && col < t.tone[row].size() ? t.tone[row][col] : 0;
}

} // namespace

std::string renderMarkdown(const ReportDoc& doc) {
    // Every text is the plan's or made from it: each goes through mdText, so only the structure
    // written here (headings, lists, tables, emphasis) is Markdown.
    std::string o = "# " + mdText(doc.title) + "\n\n";
    if (!doc.subtitle.empty()) o += "_" + mdText(doc.subtitle) + "_\n\n";
    for (const ReportSection& s : doc.sections) {
        if (s.paragraphs.empty() && s.bullets.empty() && s.facts.empty() && s.table.rows.empty()) continue; // a chart only
        o += "## " + mdText(s.title) + "\n\n";
        for (const std::string& p : s.paragraphs) o += mdText(p, true) + "\n\n";
        for (const std::string& b : s.bullets) o += "- " + mdText(b) + "\n";
        if (!s.bullets.empty()) o += "\n";
        // Facts use another list marker than bullets: CommonMark then keeps them two lists.
        for (const auto& [k, v] : s.facts) o += "* **" + mdText(k) + ":** " + mdText(v) + "\n";
        if (!s.facts.empty()) o += "\n";
        const ReportTable& t = s.table;
        if (!t.rows.empty()) {
            o += "|";
            for (const std::string& h : t.header) o.append(" ").append(mdText(h)).append(" |");
            o += "\n|";
            for (size_t c = 0; c < t.header.size(); ++c) o += right(t, c) ? " ---: |" : " --- |";
            o += "\n";
            for (const auto& row : t.rows) {
                o += "|";
                for (const std::string& cell : row) o.append(" ").append(mdText(cell)).append(" |");
                o += "\n";
            }
            o += "\n";
        }
    }
    return o;
}

std::string renderHtml(const ReportDoc& doc) {
    std::string o =
        "<!doctype html>\n<html lang=\"" + i18n::htmlLanguage() + "\"><head><meta charset=\"utf-8\"><title>" + html(doc.title) +
        "</title>\n<style>\n"
        "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2430;max-width:860px;margin:32px auto;padding:0 20px}\n"
        "h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d8dde6;padding-bottom:4px}\n"
        ".sub{color:#5b6576;margin:0 0 16px}.badge{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:600;color:#fff;margin-left:8px;font-size:14px;vertical-align:middle}\n"
        ".Green,.Approved{background:#2e8b57}.Amber,.Submitted{background:#d48806}.Red,.Rejected{background:#c0392b}.Draft{background:#6b7280}\n"
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}dt{color:#5b6576}dd{margin:0}\n"
        "table{border-collapse:collapse;width:100%;margin:8px 0}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e5e8ee}\n"
        "th{background:#f3f5f8;font-weight:600}.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.bad{color:#c0392b;font-weight:600}.good{color:#2e8b57}\n"
        "</style></head><body>\n";
    o += "<h1>" + html(doc.title);
    if (!doc.badge.empty()) o += "<span class=\"badge " + html(doc.badge) + "\">" + html(tr(doc.badge)) + "</span>";
    o += "</h1>\n";
    if (!doc.subtitle.empty()) o += "<p class=\"sub\">" + html(doc.subtitle) + "</p>\n";
    for (const ReportSection& s : doc.sections) {
        o += "<h2>" + html(s.title) + "</h2>\n";
        for (const std::string& p : s.paragraphs) o += "<p>" + html(p) + "</p>\n";
        if (!s.bullets.empty()) {
            o += "<ul>\n";
            for (const std::string& b : s.bullets) o += "<li>" + html(b) + "</li>\n";
            o += "</ul>\n";
        }
        if (!s.facts.empty()) {
            o += "<dl>\n";
            for (const auto& [k, v] : s.facts) o += "<dt>" + html(k) + "</dt><dd>" + html(v) + "</dd>\n";
            o += "</dl>\n";
        }
        o += s.svg; // made here: no user text in it unescaped
        const ReportTable& t = s.table;
        if (!t.rows.empty()) {
            o += "<table>\n<tr>";
            for (size_t c = 0; c < t.header.size(); ++c) o += std::string(right(t, c) ? "<th class=\"r\">" : "<th>") + html(t.header[c]) + "</th>";
            o += "</tr>\n";
            for (size_t r = 0; r < t.rows.size(); ++r) {
                o += "<tr>";
                for (size_t c = 0; c < t.rows[r].size(); ++c) {
                    std::string cls = right(t, c) ? "r" : "";
                    if (const int tone = toneOf(t, r, c)) cls += std::string(cls.empty() ? "" : " ") + (tone < 0 ? "bad" : "good");
                    o += cls.empty() ? "<td>" : "<td class=\"" + cls + "\">";
                    o += html(t.rows[r][c]) + "</td>";
                }
                o += "</tr>\n";
            }
            o += "</table>\n";
        }
    }
    o += "</body></html>\n";
    return o;
}

} // namespace plotline
