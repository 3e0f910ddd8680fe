#include "profit.hpp"
#include "locale.hpp"

#include "fields.hpp"
#include "id_index.hpp"
#include "money.hpp"

#include <algorithm>
#include <map>

namespace plotline {

Date monthOf(Date d) {
    int y, m, day;
    d.toYmd(y, m, day);
    return Date::fromYmd(y, m, 1);
}

Date nextMonth(Date month) {
    int y, m, day;
    month.toYmd(y, m, day);
    return m == 12 ? Date::fromYmd(y + 1, 1, 1) : Date::fromYmd(y, m + 1, 1);
}

std::string monthTitle(Date month) {
    int y, m, day;
    month.toYmd(y, m, day);
    (void)day;
    return formatMonthYear(y, m);
}

std::optional<int> ProfitStatus::percentOfRevenue(int64_t margin, int64_t revenue) {
    if (revenue <= 0) return std::nullopt;
    const __int128 bp = __int128(margin) * 10000 / revenue;
    return int(std::clamp<__int128>(bp, -100000000, 100000000));
}

bool ProfitStatus::belowTarget() const {
    if (!known() || !marginTarget) return false;
    const std::optional<int> m = marginPercentAtCompletion();
    return m ? *m < *marginTarget : costAtCompletion > 0; // cost and no revenue
}

std::string ProfitStatus::missingText() const {
    if (missingCostRates.empty()) return {};
    std::string names;
    for (size_t i = 0; i < missingCostRates.size(); ++i) {
        if (i) names += i + 1 == missingCostRates.size() ? " and " : ", ";
        names += missingCostRates[i];
    }
    return "Cost rates missing for " + names + ": margins need them.";
}

int64_t ProfitStatus::billableIn(Date month) const {
    int64_t sum = 0;
    for (const BillableLine& l : billable)
        if (l.due && monthOf(l.date) == month) sum += l.amount;
    return sum;
}

namespace {

std::string formatHours(int64_t minutes) {
    const int64_t h = minutes / 60, rest = minutes % 60;
    return std::to_string(h) + " h" + (rest ? " " + std::to_string(rest < 0 ? -rest : rest) + " min" : "");
}

// Cumulative planned value at the end of a day, from the weekly series (linear within a week).
int64_t plannedBy(const std::vector<WeekPoint>& weeks, Date day) {
    if (weeks.empty()) return 0;
    if (day >= weeks.back().end) return weeks.back().pv;
    const auto it = std::lower_bound(weeks.begin(), weeks.end(), day, [](const WeekPoint& w, Date d) { return w.end < d; });
    const int64_t after = it->pv;
    const int64_t before = it == weeks.begin() ? 0 : (it - 1)->pv;
    return before + mulDivRound(after - before, 7 - (it->end - day), 7);
}

// Who lacks a cost rate for work they have (indexes into p.resources): no cost rate at all, or hours or
// assigned work before their first dated cost rate.
std::vector<size_t> missingCostRates(const Project& p, const BudgetStatus& bill) {
    std::vector<size_t> out;
    std::vector<Date> earliest(p.resources.size(), Date{INT32_MAX});
    const IdIndex resourceAt = indexById(p.resources);
    for (const HoursEntry& h : p.hours)
        if (const int r = resourceAt.find(h.resource); r >= 0) earliest[size_t(r)] = std::min(earliest[size_t(r)], h.date);
    for (size_t r = 0; r < p.resources.size(); ++r) {
        const Resource& x = p.resources[r];
        const bool works = (r < bill.resourceMinutes.size() && bill.resourceMinutes[r] > 0) || earliest[r].days != INT32_MAX;
        if (!works || x.costRate) continue;
        if (x.costRateChanges.empty() || earliest[r] < x.costRateChanges.front().from ||
            (r < bill.resourceMinutes.size() && bill.resourceMinutes[r] > 0 && p.start < x.costRateChanges.front().from))
            out.push_back(r);
    }
    return out;
}

} // namespace

ProfitStatus profitStatus(const Project& p, const Schedule& s, Date statusDate) {
    const BudgetAtRates both = budgetAtBothRates(p, s, statusDate);
    return profitStatus(p, s, both.bill, both.cost);
}

ProfitStatus profitStatus(const Project& p, const Schedule& s, const BudgetStatus& bill, const BudgetStatus& cost) {
    ProfitStatus out;
    const Date status = bill.statusDate;
    out.statusDate = status;
    out.type = p.contract.type;
    out.marginTarget = p.contract.marginTarget;
    if (!bill.tooLarge.empty() || !cost.tooLarge.empty()) {
        out.tooLarge = bill.tooLarge.empty() ? cost.tooLarge : bill.tooLarge;
        return out;
    }
    const std::vector<size_t> missing = missingCostRates(p, bill);
    for (size_t r : missing) out.missingCostRates.push_back(p.resources[r].name.empty() ? "a person with no name" : p.resources[r].name);
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    const LazyIndex taskAt(p.tasks);
    const int projectPercent = bill.percentComplete;
    const Date finish = bill.plannedFinish;

    // Billing items, every contract.
    __int128 total = 0; // every line, to see that nothing passes what int64 holds
    for (const BillingItem& item : p.billing) {
        BillableLine l;
        l.kind = BillableLine::Kind::Item;
        l.item = item.id;
        l.amount = item.amount;
        const int t = item.task.isNull() ? -1 : taskAt.find(item.task);
        if (t >= 0) {
            const Task& task = p.tasks[size_t(t)];
            const Date planned = scheduled ? s.tasks[size_t(t)].finishDate : finish;
            l.due = task.percentComplete >= 100;
            l.date = task.actualFinish ? *task.actualFinish : l.due ? std::min(planned, status) : planned;
            l.what = item.name + " (" + quoted(task.name) + (l.due ? " complete)" : " to complete)");
        } else if (item.date) {
            l.date = *item.date;
            l.due = *item.date <= status;
            l.what = item.name;
        } else {
            l.due = projectPercent >= 100;
            l.date = l.due ? std::min(finish, status) : finish;
            l.what = item.name + " (on completion)";
        }
        total += l.amount;
        out.billable.push_back(std::move(l));
    }

    // Time and materials: hours and costs by month, within the cap.
    const IdIndex resourceAt = indexById(p.resources);
    const IdIndex vendorAt = indexById(p.vendors);
    __int128 tmToDate = 0;
    if (p.contract.type == ContractType::TimeAndMaterials) {
        out.cap = p.contract.cap;
        // Each day's billable amount in date order, hours before costs within a day: the cap is met on
        // the exact day it is reached.
        struct Billed { Date date; bool hours; __int128 amount; int64_t minutes; };
        std::vector<Billed> days;
        days.reserve(p.hours.size() + p.costs.size());
        for (const HoursEntry& h : p.hours) {
            const int r = resourceAt.find(h.resource);
            if (r >= 0 && h.date <= status) days.push_back({h.date, true, labourCost(p.resources[size_t(r)].rateOn(h.date), h.minutes), h.minutes});
        }
        for (const CostEntry& c : p.costs) {
            if (c.date > status) continue;
            const int v = c.vendor.isNull() ? -1 : vendorAt.find(c.vendor);
            const int markup = v >= 0 ? p.vendors[size_t(v)].markup : 0;
            days.push_back({c.date, false, __int128(c.amount) + (__int128(c.amount) * markup + (c.amount < 0 ? -5000 : 5000)) / 10000, 0});
        }
        std::stable_sort(days.begin(), days.end(), [](const Billed& a, const Billed& b) { return a.date < b.date || (a.date == b.date && a.hours && !b.hours); });
        struct Month { __int128 billed[2] = {0, 0}, worth[2] = {0, 0}; int64_t minutes = 0; Date last[2]; };
        std::map<int, Month> months; // by the first day of the month
        __int128 room = p.contract.cap.value_or(0); // what the cap leaves
        for (const Billed& b : days) {
            __int128 billed = b.amount;
            if (p.contract.cap && b.amount > 0) { // a credit always counts
                billed = std::clamp<__int128>(room, 0, b.amount);
                if (billed < b.amount && !out.capReached) out.capReached = b.date;
            }
            room -= billed;
            tmToDate += billed;
            total += b.amount;
            Month& m = months[monthOf(b.date).days];
            m.billed[b.hours] += billed;
            m.worth[b.hours] += b.amount;
            m.minutes += b.minutes;
            m.last[b.hours] = std::max(m.last[b.hours], b.date);
        }
        for (const auto& [day, m] : months) {
            const std::string month = monthTitle(Date{day});
            for (const bool hours : {true, false}) {
                if (m.worth[hours] == 0) continue;
                std::string what = hours ? "Hours worked in " + month + ": " + formatHours(m.minutes) : "Costs re-billed in " + month;
                if (m.billed[hours] < m.worth[hours]) what += m.billed[hours] > 0 ? " (the cap is reached)" : " (beyond the cap: not billed)";
                out.billable.push_back({hours ? BillableLine::Kind::Hours : BillableLine::Kind::Expenses, m.last[hours], true, std::move(what),
                                        int64_t(std::clamp<__int128>(m.billed[hours], -kMaxMoney * 4, kMaxMoney * 4)), {}});
            }
        }
    }

    // Retainer: the monthly fee from the first month to the month of the planned finish.
    if (p.contract.type == ContractType::Retainer && p.contract.monthlyFee != 0) {
        const Date first = monthOf(scheduled ? s.start : p.start);
        for (Date m = first; m <= finish; m = nextMonth(m)) {
            out.billable.push_back({BillableLine::Kind::Retainer, m, m <= status, "Retainer for " + monthTitle(m), p.contract.monthlyFee, {}});
            total += p.contract.monthlyFee;
            if (total > __int128(kMaxMoney) * 4) break;
        }
    }
    std::stable_sort(out.billable.begin(), out.billable.end(), [](const BillableLine& a, const BillableLine& b) { return a.date < b.date; });

    __int128 toDate = 0, atCompletion = 0;
    int64_t tmForecast = 0; // T&M: the rest of the work at bill rates, not billed yet
    for (const BillableLine& l : out.billable) {
        atCompletion += l.amount;
        if (l.due) toDate += l.amount;
    }
    if (p.contract.type == ContractType::TimeAndMaterials) {
        // The rest of the work at bill rates, as earned value forecasts it, within what the cap leaves.
        const int64_t etc = bill.ev.etc() ? std::max<int64_t>(0, *bill.ev.etc()) : std::max<int64_t>(0, bill.ev.bac - bill.ev.ev);
        __int128 more = etc;
        if (p.contract.cap) more = std::min<__int128>(more, std::max<__int128>(0, __int128(*p.contract.cap) - tmToDate));
        atCompletion += more;
        total += more;
        tmForecast = int64_t(std::min<__int128>(more, kMaxMoney));
    }
    if (total > kMaxMoney || total < -kMaxMoney || atCompletion > kMaxMoney || atCompletion < -kMaxMoney) {
        ProfitStatus big;
        big.statusDate = status;
        big.type = out.type;
        big.tooLarge = "The revenue is too large to total: the contract's amounts pass " + formatMoney(kMaxMoney, currency(p.currency)) +
                       ", the most Plotline adds up.";
        return big;
    }
    out.revenueToDate = int64_t(toDate);
    out.revenueAtCompletion = int64_t(atCompletion);

    // Cost at cost rates.
    out.costToDate = cost.ev.ac;
    out.costAtCompletion = cost.ev.eac ? std::max(*cost.ev.eac, cost.ev.ac) : std::max(cost.ev.bac, cost.ev.ac);

    // Months: actual up to the status date's month, forecast after (the rest of the cost spread as the
    // plan spreads its remaining work; T&M revenue likewise).
    Date firstDay = std::min(scheduled ? s.start : p.start, status), lastDay = std::max({finish, bill.forecastFinish, status});
    for (const BillableLine& l : out.billable) { // an item billed before the work starts or after it ends has its month too
        firstDay = std::min(firstDay, l.date);
        lastDay = std::max(lastDay, l.date);
    }
    const Date first = monthOf(firstDay), last = monthOf(lastDay);
    const Date statusMonth = monthOf(status);
    std::map<int, MonthProfit> months;
    for (Date m = first; m <= last && months.size() < 1200; m = nextMonth(m)) months[m.days] = {m, 0, 0, statusMonth < m};
    auto monthAt = [&](Date d) -> MonthProfit* {
        auto it = months.find(monthOf(d).days);
        return it == months.end() ? nullptr : &it->second;
    };
    for (const BillableLine& l : out.billable)
        if (l.due || l.kind != BillableLine::Kind::Hours)
            if (MonthProfit* m = monthAt(l.due ? l.date : std::max(l.date, nextMonth(statusMonth)))) m->revenue += l.amount;
    for (const CostEntry& c : p.costs)
        if (c.date <= status)
            if (MonthProfit* m = monthAt(c.date)) m->cost += c.amount;
    for (const HoursEntry& h : p.hours) {
        const int r = resourceAt.find(h.resource);
        if (r >= 0 && h.date <= status)
            if (MonthProfit* m = monthAt(h.date)) m->cost += labourCost(p.resources[size_t(r)].rateOn(h.date, RateKind::Cost), h.minutes);
    }
    // Spread what is left to spend (and, under T&M, to bill) over the later months as planned work falls.
    const int64_t plannedLeftCost = std::max<int64_t>(0, cost.ev.bac - plannedBy(cost.weeks, status));
    const int64_t plannedLeftValue = std::max<int64_t>(0, bill.ev.bac - plannedBy(bill.weeks, status));
    const int64_t costLeft = std::max<int64_t>(0, out.costAtCompletion - out.costToDate);
    const int64_t tmLeft = tmForecast;
    int64_t spentLeft = costLeft, billedLeft = tmLeft;
    MonthProfit* lastForecast = nullptr;
    for (auto& [day, m] : months) {
        if (!m.forecast) continue;
        lastForecast = &m;
        const Date end = nextMonth(m.month) - 1, start = m.month - 1;
        if (plannedLeftCost > 0) {
            const int64_t share = mulDivRound(costLeft, std::max<int64_t>(0, plannedBy(cost.weeks, end) - std::max(plannedBy(cost.weeks, start), plannedBy(cost.weeks, status))), plannedLeftCost);
            m.cost += std::min(share, spentLeft);
            spentLeft -= std::min(share, spentLeft);
        }
        if (plannedLeftValue > 0 && tmLeft > 0) {
            const int64_t share = mulDivRound(tmLeft, std::max<int64_t>(0, plannedBy(bill.weeks, end) - std::max(plannedBy(bill.weeks, start), plannedBy(bill.weeks, status))), plannedLeftValue);
            m.revenue += std::min(share, billedLeft);
            billedLeft -= std::min(share, billedLeft);
        }
    }
    MonthProfit* rest = lastForecast ? lastForecast : months.empty() ? nullptr : &months.rbegin()->second;
    if (rest) {
        rest->cost += spentLeft;
        rest->revenue += billedLeft;
    }
    for (auto& [day, m] : months) out.months.push_back(m);

    // People and phases.
    for (size_t r = 0; r < p.resources.size(); ++r) {
        PersonProfit x;
        x.resource = r;
        x.name = p.resources[r].name;
        x.minutesToDate = bill.resourceActualMinutes[r];
        x.valueToDate = bill.resourceActualCost[r];
        x.costToDate = cost.resourceActualCost[r];
        x.plannedMinutes = bill.resourceMinutes[r];
        x.plannedValue = bill.resourceLabour[r];
        x.plannedCost = cost.resourceLabour[r];
        x.costMissing = std::binary_search(missing.begin(), missing.end(), r);
        if (x.minutesToDate || x.plannedMinutes || p.resources[r].billRate || p.resources[r].costRate) out.people.push_back(x);
    }
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        if (!p.tasks[i].parent.isNull()) continue;
        PhaseProfit ph;
        ph.task = i;
        ph.name = p.tasks[i].name;
        ph.costMissing = !missing.empty();
        for (size_t k = i, end = p.subtreeEnd(i); k < end; ++k) {
            ph.valueToDate += bill.tasks[k].booked;
            ph.costToDate += cost.tasks[k].booked;
            ph.plannedValue += bill.tasks[k].total();
            ph.plannedCost += cost.tasks[k].total();
        }
        out.phases.push_back(ph);
    }
    return out;
}

FeeTotals feeTotals(const Project& p) {
    FeeTotals t;
    for (const BillingItem& b : p.billing) t.fee += b.amount;
    for (const ClientInvoice& in : p.clientInvoices) {
        t.invoiced += in.amount;
        if (in.paid) t.paid += in.amount;
    }
    return t;
}

int64_t invoicedFor(const Project& p, Date month) {
    int64_t sum = 0;
    for (const ClientInvoice& in : p.clientInvoices)
        if (in.month == month) sum += in.amount;
    return sum;
}

std::optional<ChangeEffect> changeEffect(const Project& p, const ChangeRequest& c) {
    const std::optional<int64_t> billLabour = changeLabourImpact(p, c, RateKind::Bill), costLabour = changeLabourImpact(p, c, RateKind::Cost);
    if (!billLabour || !costLabour) return std::nullopt;
    ChangeEffect e;
    const __int128 fee = __int128(c.feeImpact) + (p.contract.type == ContractType::TimeAndMaterials ? __int128(*billLabour) + c.costImpact : 0);
    const __int128 cost = __int128(*costLabour) + c.costImpact;
    if (fee > kMaxMoney || fee < -kMaxMoney || cost > kMaxMoney || cost < -kMaxMoney) return std::nullopt;
    e.fee = int64_t(fee);
    e.cost = int64_t(cost);
    // Whoever works on a changed task needs a cost rate for the change's cost to be known.
    const IdIndex resourceAt = indexById(p.resources);
    for (const ChangeItem& item : c.items)
        for (const Assignment& a : p.assignments)
            if (!item.task.isNull() && a.task == item.task)
                if (const int r = resourceAt.find(a.resource); r >= 0 && !p.resources[size_t(r)].costRateOn(c.raised)) e.costMissing = true;
    return e;
}

} // namespace plotline
