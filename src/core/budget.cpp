#include "budget.hpp"

#include "fields.hpp"
#include "id_index.hpp"
#include "money.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>

namespace plotline {

int64_t plannedLabour(const Resource& r, const Calendar& cal, int64_t start, int64_t finish, int64_t minutes, RateKind kind) {
    if (minutes == 0) return 0;
    const std::vector<RateChange>& changes = kind == RateKind::Bill ? r.billRateChanges : r.costRateChanges;
    // One rate throughout: no need to find the day the span starts on (the same amount as below).
    if (changes.empty()) return labourCost(kind == RateKind::Bill ? r.billRate : r.costRate.value_or(0), minutes);
    const int64_t span = finish - start;
    if (span <= 0) return labourCost(r.rateOn(cal.dateOf(start), kind), minutes);
    int64_t cost = 0, from = start;
    int64_t rate = r.rateOn(cal.dateOf(start), kind);
    for (const RateChange& c : changes) {
        const int64_t at = cal.instantAt(c.from);
        if (at <= from) continue;
        if (at >= finish) break;
        cost += mulDivRound(rate, minutes * (at - from), 60 * span);
        from = at;
        rate = c.rate;
    }
    return cost + mulDivRound(rate, minutes * (finish - from), 60 * span);
}

namespace {

// The rate kinds a pass works out: bill, and cost beside it when profit needs both.
struct Kinds {
    const RateKind* kind;
    size_t count;
};

struct Spend {
    Date date;
    int64_t amount[2];            // at each kind's rates, in the order of Kinds
    CostCategory category;
    int task = -1, resource = -1; // indexes, -1 for none (or a task deleted since)
    int64_t minutes = 0;          // hours entries: the time worked
};

// Rows of tasks by id: an assignment's as the schedule found it (when the schedule is of this plan),
// any other through an index of every task's id, built on first need: a plan whose budget lines and
// actuals name no task hashes nothing.
class TaskRows {
public:
    TaskRows(const Project& p, const Schedule& s) : p_(p), s_(s), index_(p.tasks) {}
    int find(Id id) const { return index_.find(id); }
    int ofAssignment(size_t k) const {
        if (s_.tasks.size() == p_.tasks.size() && s_.assignmentRow.size() == p_.assignments.size()) return s_.assignmentRow[k];
        return find(p_.assignments[k].task);
    }

private:
    const Project& p_;
    const Schedule& s_;
    LazyIndex<std::vector<Task>> index_;
};

// Every actual, costed (hours at the rate of their day, for each kind), in date order. With taskAt,
// each knows its task.
std::vector<Spend> spending(const Project& p, const IdIndex& resourceAt, const TaskRows* taskAt, Kinds kinds) {
    auto task = [&](Id id) { return taskAt && !id.isNull() ? taskAt->find(id) : -1; };
    std::vector<Spend> out;
    out.reserve(p.costs.size() + p.hours.size());
    for (const CostEntry& c : p.costs) out.push_back({c.date, {c.amount, c.amount}, c.category, task(c.task)});
    for (const HoursEntry& h : p.hours) {
        const int r = resourceAt.find(h.resource);
        if (r < 0) continue;
        Spend x{h.date, {0, 0}, CostCategory::Labour, task(h.task), r, h.minutes};
        for (size_t k = 0; k < kinds.count; ++k) x.amount[k] = labourCost(p.resources[size_t(r)].rateOn(h.date, kinds.kind[k]), h.minutes);
        out.push_back(x);
    }
    std::stable_sort(out.begin(), out.end(), [](const Spend& a, const Spend& b) { return a.date < b.date; });
    return out;
}

// The largest total budgetStatus() can reach for p under s, worked out in 128 bits: every amount of
// the plan taken as positive, and each assignment's and timesheet row's labour at its person's
// highest rate. While it stays within kMaxMoney, no sum, share or series below can overflow (the
// contingency share is at most 10 × the base); past it, `largest` names the entry that adds most.
struct MoneyBound {
    __int128 total = 0, top = 0;
    std::string largest;
    void add(__int128 v, auto&& describe) {
        if (v < 0) v = -v;
        total += v;
        if (v > top) { top = v; largest = describe(); }
    }
};

// x / d, in 64 bits when x fits (a 128-bit division costs many times more; the same truncation).
__int128 quotient(__int128 x, int64_t d) {
    if (x > INT64_MIN && x <= INT64_MAX) return int64_t(x) / d;
    return x / d;
}

int64_t highestRate(const Resource& r) {
    int64_t rate = std::max(r.billRate, r.costRate.value_or(0));
    for (const auto* changes : {&r.billRateChanges, &r.costRateChanges})
        for (const RateChange& c : *changes) rate = std::max(rate, c.rate);
    return rate;
}

// An assignment of a scheduled plan that names a task and a person there: their rows and the task's
// span, looked up once for the money bound and the planned labour.
struct Assigned {
    int task, resource;
    int64_t start, finish;
    int units;
};

std::vector<Assigned> assignedWork(const Project& p, const Schedule& s, const TaskRows& taskAt, const IdIndex& resourceAt) {
    std::vector<Assigned> out;
    if (!s.ok() || s.tasks.size() != p.tasks.size()) return out;
    out.reserve(p.assignments.size());
    for (size_t k = 0; k < p.assignments.size(); ++k) {
        const int t = taskAt.ofAssignment(k), r = resourceAt.find(p.assignments[k].resource);
        if (t < 0 || r < 0) continue;
        const TaskSchedule& ts = s.tasks[size_t(t)];
        out.push_back({t, r, ts.start, ts.finish, p.assignments[k].units});
    }
    return out;
}

MoneyBound moneyBound(const Project& p, const std::vector<Assigned>& assigned, const IdIndex& resourceAt) {
    MoneyBound b;
    std::vector<int64_t> rate(p.resources.size()); // each person's highest rate, once
    for (size_t r = 0; r < rate.size(); ++r) rate[r] = highestRate(p.resources[r]);
    for (const Assigned& a : assigned)
        b.add(quotient(__int128(rate[size_t(a.resource)]) * (a.finish - a.start) * a.units, 6000),
              [&] { return "the labour of " + p.resources[size_t(a.resource)].name + " on " + quoted(p.tasks[size_t(a.task)].name); });
    for (const HoursEntry& h : p.hours) {
        const int r = resourceAt.find(h.resource);
        if (r >= 0) b.add(quotient(__int128(rate[size_t(r)]) * h.minutes, 60), [&] { return "the hours " + p.resources[size_t(r)].name + " booked on " + h.date.str(); });
    }
    for (const BudgetLine& l : p.budgetLines) b.add(l.amount, [&] { return "the budget line " + quoted(l.name); });
    for (const CostEntry& c : p.costs) b.add(c.amount, [&] { return "the cost of " + c.date.str() + (c.note.empty() ? std::string() : " " + quoted(c.note)); });
    for (const Drawdown& d : p.drawdowns) b.add(d.amount, [&] { return "a drawdown of " + d.date.str(); });
    for (const ChangeRequest& c : p.changeRequests) b.add(c.costImpact, [&] { return "the cost impact of CR-" + std::to_string(c.number); });
    for (const Vendor& v : p.vendors) {
        for (const PurchaseOrder& po : v.orders) b.add(po.amount, [&] { return "a purchase order of " + quoted(v.name); });
        for (const Invoice& in : v.invoices) b.add(in.amount, [&] { return "an invoice of " + quoted(v.name); });
    }
    if (!p.contingency.percent) b.add(p.contingency.amount, [] { return std::string("the contingency"); });
    return b;
}

} // namespace

std::optional<int64_t> changeLabourImpact(const Project& p, const ChangeRequest& c, RateKind kind) {
    if (c.items.empty()) return 0;
    const IdIndex taskAt = indexById(p.tasks);
    // The extra minutes of each changed task (two items on one task both count), then its people once each.
    IdIndex changedAt(c.items.size());
    std::vector<__int128> extra;
    for (const ChangeItem& item : c.items) {
        const int t = item.task.isNull() ? -1 : taskAt.find(item.task);
        if (t < 0) continue;
        int k = changedAt.find(item.task);
        if (k < 0) {
            k = int(extra.size());
            changedAt.insert(item.task, k);
            extra.push_back(0);
        }
        extra[size_t(k)] += item.duration - p.tasks[size_t(t)].duration;
    }
    if (extra.empty()) return 0;
    const IdIndex resourceAt = indexById(p.resources);
    __int128 cost = 0;
    for (const Assignment& a : p.assignments) {
        const int k = changedAt.find(a.task), r = resourceAt.find(a.resource);
        if (k < 0 || r < 0) continue;
        // rate < 2^51, extra < 2^53 even summed over a gigabyte of items, units < 2^14: exact in 128 bits.
        const __int128 product = __int128(p.resources[size_t(r)].rateOn(c.raised, kind)) * extra[size_t(k)] * a.units;
        const __int128 q = product / 6000, rest = product % 6000;
        cost += q + (rest >= 3000 ? 1 : rest <= -3000 ? -1 : 0); // half away from zero, as mulDivRound
    }
    if (cost > kMaxMoney || cost < -kMaxMoney) return std::nullopt;
    return int64_t(cost);
}

int64_t actualCostTo(const Project& p, Date day) {
    int64_t total = 0;
    const RateKind bill = RateKind::Bill;
    for (const Spend& s : spending(p, indexById(p.resources), nullptr, {&bill, 1}))
        if (s.date <= day) total += s.amount[0];
    return total;
}

int percentComplete(const Project& p, const Schedule& s) {
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    int64_t weighted = 0, total = 0;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        if (scheduled && s.tasks[i].summary) continue;
        const int64_t d = p.tasks[i].milestone ? 0 : p.tasks[i].duration;
        weighted += d * p.tasks[i].percentComplete;
        total += d;
    }
    return total > 0 ? int(weighted / total) : 0;
}

namespace {

// budgetStatus() for each of kinds.count rate kinds into out[0..count): what does not depend on the
// rates (the indexes, the money bound, % complete, each assignment's work, the actuals in date order,
// the weeks) is worked out once for all of them.
void budgetStatuses(const Project& p, const Schedule& s, Date statusDate, Kinds kinds, BudgetStatus* out) {
    const Calendar& cal = p.calendar;
    const size_t n = p.tasks.size();
    const bool scheduled = s.ok() && s.tasks.size() == n;
    const std::span<BudgetStatus> all(out, kinds.count);
    for (BudgetStatus& b : all) {
        b.statusDate = statusDate;
        b.tasks.assign(n, {});
        for (auto* v : {&b.resourceMinutes, &b.resourceLabour, &b.resourceActualMinutes, &b.resourceActualCost}) v->assign(p.resources.size(), 0);
        b.plannedFinish = b.forecastFinish = scheduled ? s.finish : p.start;
    }

    const TaskRows taskAt(p, s);
    const IdIndex resourceAt = indexById(p.resources);
    const std::vector<Assigned> assigned = assignedWork(p, s, taskAt, resourceAt);
    if (const MoneyBound bound = moneyBound(p, assigned, resourceAt); bound.total > kMaxMoney) {
        const Currency c = currency(p.currency);
        const std::string tooLarge = "The budget is too large to total: the plan's amounts and labour together pass " + formatMoney(kMaxMoney, c) +
                                     ", the most Plotline adds up. The largest is " + bound.largest + " (" +
                                     (bound.top > kMaxMoney ? "more than " + formatMoney(kMaxMoney, c) : formatMoney(int64_t(bound.top), c)) + ").";
        for (BudgetStatus& b : all) b.tooLarge = tooLarge;
        return;
    }

    // Planned labour.
    for (const Assigned& a : assigned) {
        const int64_t work = mulDivRound(a.finish - a.start, a.units, 100);
        for (size_t k = 0; k < all.size(); ++k) {
            BudgetStatus& b = all[k];
            const int64_t cost = plannedLabour(p.resources[size_t(a.resource)], cal, a.start, a.finish, work, kinds.kind[k]);
            b.tasks[size_t(a.task)].labour += cost;
            b.labour += cost;
            b.resourceMinutes[size_t(a.resource)] += work;
            b.resourceLabour[size_t(a.resource)] += cost;
        }
    }

    // Budget lines, contingency and drawdowns: the same at any rates.
    const int percent = percentComplete(p, s);
    int64_t unplaced = 0; // on no task: planned over the whole project
    for (const BudgetLine& l : p.budgetLines) {
        const bool contingencyLine = l.category == CostCategory::Contingency;
        const int t = contingencyLine ? -1 : taskAt.find(l.task);
        if (!contingencyLine && t < 0) unplaced += l.amount;
        for (BudgetStatus& b : all) {
            b.budgetByCategory[size_t(l.category)] += l.amount;
            if (!l.changeRequest.isNull()) b.approvedChanges += l.amount;
            if (contingencyLine) { b.contingency += l.amount; continue; }
            b.lines += l.amount;
            if (t >= 0) b.tasks[size_t(t)].fixed += l.amount;
        }
    }
    for (BudgetStatus& b : all) {
        b.budgetByCategory[size_t(CostCategory::Labour)] += b.labour;
        b.base = b.labour + b.lines;
        const int64_t reserve = p.contingency.percent ? percentOf(b.base, p.contingency.basisPoints) : p.contingency.amount;
        b.contingency += reserve;
        b.budgetByCategory[size_t(CostCategory::Contingency)] += reserve;
        for (const Drawdown& d : p.drawdowns) b.drawn += d.amount;
        b.percentComplete = percent;
        for (const Vendor& v : p.vendors) {
            for (const PurchaseOrder& po : v.orders) b.committed += po.amount;
            for (const Invoice& in : v.invoices) {
                b.invoiced += in.amount;
                if (!in.paid) b.unpaid += in.amount;
            }
        }
    }

    int64_t projectStart = cal.instantAt(p.start), projectFinish = projectStart;
    if (scheduled) {
        projectStart = cal.instantAt(s.start);
        projectFinish = cal.endOfDay(s.finish);
    }
    const std::vector<Spend> spend = spending(p, resourceAt, &taskAt, kinds);
    const int64_t statusMinute = cal.endOfDay(statusDate);
    std::vector<EvTask> ev;
    for (size_t k = 0; k < all.size(); ++k) {
        BudgetStatus& b = all[k];
        // Earned value.
        ev.clear();
        if (scheduled)
            for (size_t i = 0; i < n; ++i)
                if (b.tasks[i].total() != 0) ev.push_back({b.tasks[i].total(), s.tasks[i].start, s.tasks[i].finish, s.tasks[i].percentComplete});
        if (unplaced != 0) ev.push_back({unplaced, projectStart, projectFinish, b.percentComplete});

        int64_t ac = 0;
        for (const Spend& x : spend) {
            if (x.task >= 0) b.tasks[size_t(x.task)].booked += x.amount[k];
            if (x.date > statusDate) continue;
            ac += x.amount[k];
            b.actualByCategory[size_t(x.category)] += x.amount[k];
            if (x.date > statusDate - 28) b.weeklyBurn += x.amount[k];
            if (x.resource >= 0) {
                b.actualLabourMinutes += x.minutes;
                b.resourceActualMinutes[size_t(x.resource)] += x.minutes;
                b.resourceActualCost[size_t(x.resource)] += x.amount[k];
            }
        }
        b.weeklyBurn = divRound(b.weeklyBurn, 4);
        b.ev = earnedValue(ev, statusMinute, ac);

        // Forecast finish: the working time left at the pace so far.
        if (auto spi = b.ev.spi(); spi && *spi > 0.01 && b.percentComplete < 100) {
            const int64_t left = std::max<int64_t>(0, projectFinish - statusMinute);
            b.forecastFinish = cal.finishDateOf(statusMinute + int64_t(std::llround(double(left) / *spi)));
            if (b.forecastFinish < statusDate) b.forecastFinish = statusDate;
        }

        // Weekly series: Monday of the first week to the Sunday of the last.
        const Date first = std::min(scheduled ? s.start : p.start, statusDate);
        const Date last = std::max(b.plannedFinish, std::max(b.forecastFinish, statusDate));
        std::vector<Date> ends;
        for (Date weekEnd = first - first.weekday() + 6; weekEnd <= last + 6; weekEnd = weekEnd + 7) ends.push_back(weekEnd);
        // PV at each week's end, as earnedValue() would give it there, in one pass: a task adds a share
        // to the weeks that end within its span and its whole budget to every week after.
        std::vector<int64_t> instants(ends.size()), pv(ends.size() + 1, 0), done(ends.size() + 1, 0);
        for (size_t w = 0; w < ends.size(); ++w) instants[w] = cal.endOfDay(ends[w]);
        for (const EvTask& t : ev) {
            const int64_t span = t.finish - t.start;
            size_t w = size_t(std::upper_bound(instants.begin(), instants.end(), t.start) - instants.begin());
            for (; span > 0 && w < instants.size() && instants[w] < t.finish; ++w) pv[w] += mulDivRound(t.budget, instants[w] - t.start, span);
            // w is now the first week ending at or after the finish (for a milestone, after it).
            done[w] += t.budget;
        }
        size_t next = 0, record = 0;
        int64_t cumulative = 0, finished = 0;
        b.statusWeek = ends.size() - 1;
        for (size_t w = 0; w < ends.size(); ++w) {
            const Date weekEnd = ends[w];
            WeekPoint point;
            point.end = weekEnd;
            finished += done[w];
            point.pv = pv[w] + finished;
            for (; next < spend.size() && spend[next].date <= weekEnd; ++next) {
                cumulative += spend[next].amount[k];
                point.spent += spend[next].amount[k];
            }
            point.ac = cumulative;
            for (; record < p.statusRecords.size() && p.statusRecords[record].date <= weekEnd; ++record)
                if (p.statusRecords[record].date < statusDate) point.ev = p.statusRecords[record].ev;
            if (statusDate <= weekEnd && statusDate > weekEnd - 7) {
                point.ev = b.ev.ev;
                b.statusWeek = w;
            }
            b.weeks.push_back(point);
        }
    }
}

} // namespace

BudgetStatus budgetStatus(const Project& p, const Schedule& s, Date statusDate, RateKind kind) {
    BudgetStatus b;
    budgetStatuses(p, s, statusDate, {&kind, 1}, &b);
    return b;
}

BudgetAtRates budgetAtBothRates(const Project& p, const Schedule& s, Date statusDate) {
    static constexpr RateKind kinds[2] = {RateKind::Bill, RateKind::Cost};
    BudgetStatus out[2];
    budgetStatuses(p, s, statusDate, {kinds, 2}, out);
    return {std::move(out[0]), std::move(out[1])};
}

} // namespace plotline
