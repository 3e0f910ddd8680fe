// Date: a calendar date as whole days since 1970-01-01 (no time zone, no clock time).
// Clock times inside a working day are integer minutes; see calendar.hpp.
//
//   auto d = Date::parse("2026-03-02");   // std::optional<Date>
//   d->weekday();                          // 0 = Monday ... 6 = Sunday
//   (*d + 7).str();                        // "2026-03-09"
#pragma once
#include <cstdint>
#include <optional>
#include "result.hpp"

#include <string>
#include <vector>
#include <string_view>

namespace plotline {

struct Date {
    int32_t days = 0;

    static Date fromYmd(int y, int m, int d);
    void toYmd(int& y, int& m, int& d) const;
    int weekday() const; // 0 = Monday ... 6 = Sunday
    std::string str() const; // ISO 8601, YYYY-MM-DD
    void format(char* out) const; // the same 10 characters into out (no terminator)

    // Strict ISO YYYY-MM-DD with a real day of month (no 2026-02-30), years 1900..2999.
    static std::optional<Date> parse(std::string_view s);
    // ISO, or the US forms spreadsheets and MS Project write: M/D/YYYY, M/D/YY, optionally after a
    // weekday name ("Mon 3/2/26") and before a clock time ("3/2/26 8:00 AM").
    static std::optional<Date> parseLoose(std::string_view s);

    Date operator+(int n) const { return Date{days + n}; }
    Date operator-(int n) const { return Date{days - n}; }
    int operator-(Date o) const { return days - o.days; }
    friend bool operator==(Date a, Date b) { return a.days == b.days; }
    friend bool operator!=(Date a, Date b) { return a.days != b.days; }
    friend bool operator<(Date a, Date b) { return a.days < b.days; }
    friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
    friend bool operator>(Date a, Date b) { return a.days > b.days; }
    friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

const char* weekdayShortName(int weekday); // "Mon" ... "Sun"
const char* monthShortName(int month);     // 1..12 -> "Jan" ... "Dec"
const char* monthName(int month);          // 1..12 -> "January" ... "December"

// Lists of days as people type them: "2026-12-24, 2026-12-28..2026-12-31" (ranges inclusive, any
// order, commas or spaces between). Sorted and unique; a bad entry gives a message naming it.
Result<std::vector<Date>> parseDateList(std::string_view text);
// The inverse: consecutive days folded into ranges.
std::string formatDateList(const std::vector<Date>& days);

// The local calendar date of this machine (the browser's time zone on the web).
Date localToday();
// A moment (ms since the epoch) in the user's local time: "2026-11-25 14:05".
std::string formatLocalTime(int64_t ms);
// How long ago, for people: "just now", "3 min ago", "2 hours ago", "4 days ago".
std::string agoText(int64_t elapsedMs);

} // namespace plotline
