// Calendar: which weekdays are worked, how many minutes a working day has, and the holidays.
// Scheduling works in "working minutes": an instant is workdayIndex(date) * minutesPerDay + minute,
// so adding a duration or a lag is an integer addition and weekends/holidays are skipped for free.
//
//   Calendar cal;                          // Mon-Fri, 8 h a day, no holidays
//   cal.setHolidays({*Date::parse("2026-12-25")});
//   int64_t w = cal.instantAt(*Date::parse("2026-12-24")) + 2 * cal.minutesPerDay;
//   cal.dateOf(w);                         // 2026-12-29 (skips Christmas and the weekend)
#pragma once
#include "date.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace plotline {

class Calendar {
public:
    Calendar();

    int minutesPerDay = 480; // 8 h
    int dayStart = 540;      // clock time a working day starts, minutes after midnight (09:00)

    // Bit i set = weekday i (0 = Monday) is worked. Default Mon-Fri (0x1F).
    uint8_t workingWeekdays() const { return mask_; }
    void setWorkingWeekdays(uint8_t mask);
    const std::vector<Date>& holidays() const { return holidays_; } // sorted, unique
    void setHolidays(std::vector<Date> days);

    bool isWeekdayWorked(int weekday) const { return (mask_ >> weekday) & 1; }
    bool isWorkingDay(Date d) const;

    // Number of working days in [1970-01-01, d) (negative before 1970).
    int64_t workdayIndex(Date d) const;
    // The working day with that index; inverse of workdayIndex on working days.
    Date workday(int64_t index) const;
    // First working day on or after d.
    Date nextWorkingDay(Date d) const { return workday(workdayIndex(d)); }

    // Instants in working minutes.
    int64_t instantAt(Date d) const { return workdayIndex(d) * minutesPerDay; }
    // The working day an instant falls in (an instant at a day's end belongs to the next day).
    Date dateOf(int64_t instant) const;
    // The working day that an interval ending at this instant finishes on (inclusive finish).
    Date finishDateOf(int64_t instant) const;
    // The instant a day's work ends (for a non-working day: the end of the working day before it).
    int64_t endOfDay(Date d) const { return instantAt(d + 1); }
    // "2026-03-02" for an instant on a day boundary, else with the clock time: "2026-03-02T13:00".
    std::string startText(int64_t instant) const;
    // For a finish: a day boundary names the day that ends there ("2026-03-06"), else "2026-03-06T11:00".
    std::string finishText(int64_t instant) const;
    // Working minutes between two dates: [a, b) counted in whole working days.
    int64_t workingDaysBetween(Date a, Date b) const { return workdayIndex(b) - workdayIndex(a); }

    friend bool operator==(const Calendar& a, const Calendar& b) {
        return a.mask_ == b.mask_ && a.holidays_ == b.holidays_ && a.minutesPerDay == b.minutesPerDay && a.dayStart == b.dayStart;
    }

private:
    void rebuild();
    uint8_t mask_ = 0x1F;
    std::vector<Date> holidays_;        // as given (sorted, unique)
    std::vector<int32_t> workHolidays_; // the holidays that fall on worked weekdays, sorted
    int perWeek_ = 5;
    int prefix_[8] = {};                // worked days among the first r days of a week starting Thursday
    int nth_[7] = {};                   // position in such a week of its k-th worked day
};

int64_t floorDiv(int64_t a, int64_t b);

} // namespace plotline
