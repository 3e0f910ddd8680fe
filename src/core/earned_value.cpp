#include "earned_value.hpp"

#include "money.hpp"

#include <algorithm>

namespace plotline {

std::optional<double> EvResult::spi() const { return pv > 0 ? std::optional<double>(double(ev) / double(pv)) : std::nullopt; }
std::optional<double> EvResult::cpi() const { return ac > 0 ? std::optional<double>(double(ev) / double(ac)) : std::nullopt; }
std::optional<double> EvResult::tcpi() const {
    return bac != ac ? std::optional<double>(double(bac - ev) / double(bac - ac)) : std::nullopt;
}

EvResult earnedValue(const std::vector<EvTask>& tasks, int64_t statusMinute, int64_t actualCost) {
    EvResult r;
    r.ac = actualCost;
    for (const EvTask& t : tasks) {
        r.bac += t.budget;
        const int64_t span = t.finish - t.start;
        if (span <= 0) r.pv += statusMinute >= t.finish ? t.budget : 0; // a milestone: all at its date
        else r.pv += mulDivRound(t.budget, std::clamp<int64_t>(statusMinute - t.start, 0, span), span);
        r.ev += mulDivRound(t.budget, std::clamp(t.percentComplete, 0, 100), 100);
    }
    if (r.ev > 0 && r.ac > 0) r.eac = mulDivWithin(r.bac, r.ac, r.ev, kMaxMoney); // no CPI yet: no forecast
    return r;
}

} // namespace plotline
