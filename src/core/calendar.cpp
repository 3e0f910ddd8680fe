#include "calendar.hpp"

#include <algorithm>
#include <cstdio>

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
    for (int r = 0, k = 0; r < 7; ++r)
        if (isWeekdayWorked((3 + r) % 7)) nth_[k++] = r;
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
    // The j-th worked weekday ignoring holidays has a closed form; holidays push it later. With k the
    // number of holidays up to the answer, the answer is plain(index + k): iterate k from 0 to its
    // least fixed point (one or two binary searches in practice).
    auto plain = [&](int64_t j) {
        const int64_t q = floorDiv(j, perWeek_);
        return q * 7 + nth_[j - q * perWeek_];
    };
    int64_t k = 0;
    for (;;) {
        const int64_t day = plain(index + k);
        const int64_t h = std::upper_bound(workHolidays_.begin(), workHolidays_.end(), day) - workHolidays_.begin();
        if (h == k) return Date{int32_t(day)};
        k = h;
    }
}

Date Calendar::dateOf(int64_t instant) const { return workday(floorDiv(instant, minutesPerDay)); }

Date Calendar::finishDateOf(int64_t instant) const { return workday(floorDiv(instant - 1, minutesPerDay)); }

namespace {
std::string withClock(Date d, int64_t minute) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", int(minute / 60 % 24), int(minute % 60));
    return d.str() + buf;
}
} // namespace

std::string Calendar::startText(int64_t instant) const {
    const int64_t into = instant - floorDiv(instant, minutesPerDay) * minutesPerDay;
    return into == 0 ? dateOf(instant).str() : withClock(dateOf(instant), dayStart + into);
}

std::string Calendar::finishText(int64_t instant) const {
    const int64_t into = instant - floorDiv(instant, minutesPerDay) * minutesPerDay;
    return into == 0 ? finishDateOf(instant).str() : withClock(dateOf(instant), dayStart + into);
}

} // namespace plotline
