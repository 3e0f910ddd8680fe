#include "core/calendar.hpp"
#include "core/duration.hpp"
#include "helpers.hpp"

using namespace plotline;
using namespace plotline::test;

TEST_CASE("dates parse strictly and print as ISO") {
    CHECK(d("2026-03-02").str() == "2026-03-02");
    CHECK(d("2026-03-02").weekday() == 0); // Monday
    CHECK(d("1970-01-01").days == 0);
    CHECK(d("2024-02-29").str() == "2024-02-29");
    CHECK_FALSE(Date::parse("2026-02-29"));  // not a leap year
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026-3-2"));
    CHECK_FALSE(Date::parse("yesterday"));
    CHECK_FALSE(Date::parse(""));
    CHECK_FALSE(Date::parse("0000-01-01"));
}

TEST_CASE("loose dates accept the spreadsheet forms") {
    CHECK(Date::parseLoose("Mon 3/2/26")->str() == "2026-03-02");
    CHECK(Date::parseLoose("3/2/2026 8:00 AM")->str() == "2026-03-02");
    CHECK(Date::parseLoose(" 2026-03-02T08:00 ")->str() == "2026-03-02");
    CHECK_FALSE(Date::parseLoose("2/30/26"));
    CHECK_FALSE(Date::parseLoose("3/2"));
}

TEST_CASE("the working calendar skips weekends and holidays") {
    Calendar cal;
    Date fri = d("2026-03-06"), mon = d("2026-03-09");
    CHECK(cal.isWorkingDay(fri));
    CHECK_FALSE(cal.isWorkingDay(fri + 1));
    CHECK(cal.workdayIndex(mon) == cal.workdayIndex(fri) + 1);
    CHECK(cal.workday(cal.workdayIndex(fri) + 1) == mon);
    CHECK(cal.nextWorkingDay(fri + 1) == mon); // Saturday -> Monday

    cal.setHolidays({mon});
    CHECK_FALSE(cal.isWorkingDay(mon));
    CHECK(cal.workday(cal.workdayIndex(fri) + 1) == mon + 1);

    // Inverse over several years, before and after 1970, with a 4-day week.
    cal.setWorkingWeekdays(0b0001111);
    cal.setHolidays({d("1969-12-25"), d("2026-12-24"), d("2026-12-25")});
    for (int day = -400; day < 22000; day += 13) {
        Date x{day};
        if (!cal.isWorkingDay(x)) continue;
        REQUIRE(cal.workday(cal.workdayIndex(x)) == x);
    }
}

TEST_CASE("durations read and print in days and hours") {
    CHECK(parseDuration("5d", 480) == 2400);
    CHECK(parseDuration("4h", 480) == 240);
    CHECK(parseDuration("0d", 480) == 0);
    CHECK(parseDuration("1.5 days", 480) == 720);
    CHECK(parseDuration("3", 480) == 1440);
    CHECK(parseDuration("1d 4h", 480) == 720);
    CHECK(parseDuration("2 wks", 480) == 4800);
    CHECK(parseDuration("5 days?", 480) == 2400);
    CHECK(parseDuration("30m", 480) == 30);
    CHECK(parseDuration("-2d", 480, true) == -960);
    CHECK_FALSE(parseDuration("-2d", 480));
    CHECK_FALSE(parseDuration("abc", 480));
    CHECK_FALSE(parseDuration("", 480));
    CHECK_FALSE(parseDuration("5 parsecs", 480));
    CHECK(formatDuration(2400, 480) == "5d");
    CHECK(formatDuration(720, 480) == "1d 4h");
    CHECK(formatDuration(240, 480) == "4h");
    CHECK(formatDuration(0, 480) == "0d");
    CHECK(formatDuration(-960, 480) == "-2d");
    CHECK(formatDuration(90, 480) == "1h 30m");
}

TEST_CASE("ids are random, print as 32 hex digits and parse back") {
    Id a = Id::random(), b = Id::random();
    CHECK(a != b);
    CHECK(a.str().size() == 32);
    CHECK(Id::parse(a.str()) == a);
    CHECK_FALSE(Id::parse("xyz"));
    CHECK_FALSE(Id::parse("00000000000000000000000000000000"));
    CHECK(Id::parse("123e4567-e89b-42d3-a456-426614174000").has_value());
}

TEST_CASE("property: workday(i) is the i-th working day for odd calendars and dense holidays") {
    uint64_t seed = 7;
    auto rnd = [&](int n) { seed = seed * 6364136223846793005ull + 1442695040888963407ull; return int((seed >> 33) % uint64_t(n)); };
    for (int trial = 0; trial < 30; ++trial) {
        Calendar cal;
        uint8_t mask = 0;
        for (int w = 0; w < 7; ++w) mask |= uint8_t(rnd(3) != 0) << w;
        mask |= uint8_t(1u << rnd(7)); // at least one worked weekday
        cal.setWorkingWeekdays(mask);
        std::vector<Date> hol;
        for (int h = 0; h < 60; ++h) hol.push_back(Date::fromYmd(2026, 1, 1) + rnd(200)); // runs of holidays too
        cal.setHolidays(hol);
        const int64_t first = cal.workdayIndex(Date::fromYmd(2025, 12, 1));
        Date prev{0};
        for (int64_t i = first; i < first + 260; ++i) {
            const Date d = cal.workday(i);
            CAPTURE(trial);
            CAPTURE(i);
            REQUIRE(cal.isWorkingDay(d));
            REQUIRE(cal.workdayIndex(d) == i);
            REQUIRE(d > prev);
            prev = d;
        }
    }
}

TEST_CASE("date lists: days and ranges as typed, folded back into ranges") {
    auto r = parseDateList("2026-12-31, 2026-12-24  2026-12-28..2026-12-30;2026-12-24");
    REQUIRE(r.ok());
    CHECK(r->size() == 5);
    CHECK(formatDateList(*r) == "2026-12-24, 2026-12-28..2026-12-31");
    CHECK(parseDateList("").ok());
    CHECK(parseDateList(" , ")->empty());
    CHECK(parseDateList("2026-12-32").error() == "\"2026-12-32\" is not a date or a range — use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD");
    CHECK(parseDateList("2026-12-05..2026-12-01").error() == "The range \"2026-12-05..2026-12-01\" ends before it starts");
    CHECK_FALSE(parseDateList("2000-01-01..2026-01-01").ok());
    CHECK(formatDateList({}) == "");
}

TEST_CASE("property: over every date, the working-day functions agree with isWorkingDay and never go back") {
    // Odd weeks, holidays on working days and on days off, runs of holidays and a long gap: for each day
    // of three years, the index steps by exactly one across a working day and stays put across any other,
    // the next working day is the first one on or after it, and instants round-trip to dates.
    uint64_t seed = 2026;
    auto rnd = [&](int n) { seed = seed * 6364136223846793005ull + 1442695040888963407ull; return int((seed >> 33) % uint64_t(n)); };
    for (int trial = 0; trial < 24; ++trial) {
        Calendar cal;
        uint8_t mask = trial == 0 ? 0x1F : 0;
        if (trial > 0) {
            for (int w = 0; w < 7; ++w) mask |= uint8_t(rnd(2)) << w;
            mask |= uint8_t(1u << rnd(7));
        }
        cal.setWorkingWeekdays(mask);
        std::vector<Date> hol;
        const Date from = Date::fromYmd(2025, 11, 1);
        for (int h = 0; h < 40 + trial * 3; ++h) hol.push_back(from + rnd(1100));
        for (int h = 0; h < 12; ++h) hol.push_back(from + 400 + h); // a run of twelve days
        cal.setHolidays(hol);
        CAPTURE(trial);
        CAPTURE(int(mask));
        Date lastWorking{0};
        for (Date day = from - 10; day < from + 1110; day = day + 1) {
            CAPTURE(day);
            const bool working = cal.isWorkingDay(day);
            const bool holiday = std::binary_search(cal.holidays().begin(), cal.holidays().end(), day);
            REQUIRE(working == (cal.isWeekdayWorked(day.weekday()) && !holiday));
            REQUIRE(cal.workdayIndex(day + 1) - cal.workdayIndex(day) == (working ? 1 : 0));
            const Date next = cal.nextWorkingDay(day);
            REQUIRE(next >= day);
            REQUIRE(cal.isWorkingDay(next));
            for (Date between = day; between < next; between = between + 1) REQUIRE_FALSE(cal.isWorkingDay(between));
            REQUIRE(cal.dateOf(cal.instantAt(day)) == next);
            if (working) {
                REQUIRE(cal.workday(cal.workdayIndex(day)) == day);
                REQUIRE(cal.finishDateOf(cal.endOfDay(day)) == day);
                REQUIRE(cal.dateOf(cal.endOfDay(day) - 1) == day);
                lastWorking = day;
            } else if (lastWorking.days != 0) {
                // A day off ends where the working day before it ended.
                REQUIRE(cal.finishDateOf(cal.endOfDay(day)) == lastWorking);
            }
        }
    }
}
