#include "core/earned_value.hpp"

#include <doctest/doctest.h>

using namespace plotline;

// Worked by hand. A: 10,000.00 over days 1–10 (work minutes 0–4800), 60 % done. B: 5,000.00 over days
// 6–15 (2400–7200), 20 % done. Status: the end of day 8 (minute 3840). Spent so far: 7,500.00.
//   PV = 10,000 × 3840/4800 + 5,000 × 1440/4800 = 8,000 + 1,500 = 9,500.00
//   EV = 10,000 × 0.6 + 5,000 × 0.2 = 7,000.00;  BAC = 15,000.00;  AC = 7,500.00
//   SV = −2,500.00;  CV = −500.00;  SPI = 7,000/9,500 = 0.7368;  CPI = 7,000/7,500 = 0.9333
//   EAC = 15,000 × 7,500 / 7,000 = 16,071.428… → 16,071.43;  ETC = 8,571.43;  VAC = −1,071.43
//   TCPI = (15,000 − 7,000) / (15,000 − 7,500) = 1.0667
TEST_CASE("earned value: the worked example") {
    const EvResult r = earnedValue({{1000000, 0, 4800, 60}, {500000, 2400, 7200, 20}}, 3840, 750000);
    CHECK(r.bac == 1500000);
    CHECK(r.pv == 950000);
    CHECK(r.ev == 700000);
    CHECK(r.ac == 750000);
    CHECK(r.sv() == -250000);
    CHECK(r.cv() == -50000);
    CHECK(*r.spi() == doctest::Approx(0.73684).epsilon(1e-4));
    CHECK(*r.cpi() == doctest::Approx(0.93333).epsilon(1e-4));
    REQUIRE(r.eac);
    CHECK(*r.eac == 1607143);
    CHECK(*r.etc() == 857143);
    CHECK(*r.vac() == -107143);
    CHECK(*r.tcpi() == doctest::Approx(1.06667).epsilon(1e-4));
}

TEST_CASE("earned value: before the start, at the end, milestones and nothing spent yet") {
    // Before anything was planned to happen: no PV, no SPI; nothing spent: no CPI, no forecast.
    EvResult r = earnedValue({{100000, 4800, 9600, 0}}, 0, 0);
    CHECK(r.pv == 0);
    CHECK(!r.spi());
    CHECK(!r.cpi());
    CHECK(!r.eac);
    // Work earned but nothing booked yet: still no forecast (an EAC of 0 would mislead).
    r = earnedValue({{100000, 0, 4800, 50}}, 2400, 0);
    CHECK(r.ev == 50000);
    CHECK(!r.eac);
    CHECK(!r.vac());
    // Past the planned finish the whole budget is planned; a milestone counts at its date only.
    r = earnedValue({{100000, 0, 4800, 100}, {20000, 4800, 4800, 0}}, 4799, 90000);
    CHECK(r.pv == 99979); // 100,000 × 4799/4800 = 99,979.17 → 99,979
    r = earnedValue({{100000, 0, 4800, 100}, {20000, 4800, 4800, 0}}, 4800, 90000);
    CHECK(r.pv == 120000);
    CHECK(r.ev == 100000);
    CHECK(*r.eac == 108000); // 120,000 × 90,000 / 100,000
    // On budget and on time: every index is 1.
    r = earnedValue({{100000, 0, 4800, 50}}, 2400, 50000);
    CHECK(*r.spi() == 1.0);
    CHECK(*r.cpi() == 1.0);
    CHECK(*r.eac == 100000);
    CHECK(*r.tcpi() == 1.0);
}

TEST_CASE("earned value: a CPI near zero gives no forecast rather than a wrapped one") {
    // 90 trillion budgeted, one cent earned, 90 trillion spent: BAC × AC / EV is 2^106.
    const int64_t big = int64_t(1) << 53;
    const EvResult r = earnedValue({{big, 0, 4800, 0}, {1, 0, 4800, 100}}, 3840, big);
    CHECK(r.ev == 1);
    CHECK_FALSE(r.eac);
    CHECK_FALSE(r.etc());
    // At the limit it still forecasts.
    const EvResult edge = earnedValue({{100, 0, 4800, 100}}, 4800, big);
    REQUIRE(edge.eac);
    CHECK(*edge.eac == big);
}
