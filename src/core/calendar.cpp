#include "calendar.hpp"

#include <algorithm>

namespace plotline {

int64_t floorDiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

Calendar::Calendar() { rebuild(); }

void Calendar::setWorkingWeekdays(uint8_t mask) {
    mask_ = mask & 0x7F;
    rebuild();
}

void Calendar::setHolidays(std::vector<Date> days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    holidays_ = std::move(days);
    rebuild();
}

void Calendar::rebuild() {
    perWeek_ = 0;
    for (int i = 0; i < 7; ++i) perWeek_ += (mask_ >> i) & 1;
    prefix_[0] = 0;
    for (int r = 0; r < 7; ++r) prefix_[r + 1] = prefix_[r] + isWeekdayWorked((3 + r) % 7);
    workHolidays_.clear();
    for (Date d : holidays_)
        if (isWeekdayWorked(d.weekday())) workHolidays_.push_back(d.days);
}

bool Calendar::isWorkingDay(Date d) const {
    return isWeekdayWorked(d.weekday()) && !std::binary_search(workHolidays_.begin(), workHolidays_.end(), d.days);
}

int64_t Calendar::workdayIndex(Date d) const {
    const int64_t q = floorDiv(d.days, 7);
    const int r = int(d.days - q * 7);
    const int64_t weekdays = q * perWeek_ + prefix_[r];
    const int64_t hol = std::lower_bound(workHolidays_.begin(), workHolidays_.end(), d.days) - workHolidays_.begin();
    return weekdays - hol;
}

Date Calendar::workday(int64_t index) const {
    if (perWeek_ == 0) return Date{0}; // no working days at all: validation rejects such calendars
    // workdayIndex is monotone; find the smallest day whose index is > index, minus one... i.e. the
    // smallest day d with workdayIndex(d + 1) > index, which is the index-th working day.
    int64_t lo = floorDiv(index, perWeek_) * 7 - 7;
    int64_t hi = lo + 14 + int64_t(workHolidays_.size()) * 7 / std::max(1, perWeek_) + 14;
    // Widen until it brackets (holidays can push far).
    while (workdayIndex(Date{int32_t(hi)}) <= index) hi += (hi - lo);
    while (workdayIndex(Date{int32_t(lo)}) > index) lo -= (hi - lo);
    while (hi - lo > 1) { // invariant: workdayIndex(lo) <= index < workdayIndex(hi)
        int64_t mid = lo + (hi - lo) / 2;
        if (workdayIndex(Date{int32_t(mid)}) <= index) lo = mid; else hi = mid;
    }
    // lo is the last day with workdayIndex(lo) <= index, i.e. day before the (index+1)-th working day
    // has index+... walk back to the working day itself.
    Date d{int32_t(lo)};
    while (!isWorkingDay(d)) d = d - 1;
    return d;
}

Date Calendar::dateOf(int64_t instant) const { return workday(floorDiv(instant, minutesPerDay)); }

Date Calendar::finishDateOf(int64_t instant) const { return workday(floorDiv(instant - 1, minutesPerDay)); }

} // namespace plotline
