#include "core/money.hpp"

#include <doctest/doctest.h>

#include <iterator>
#include <numeric>
#include <random>

using namespace plotline;

TEST_CASE("money: currencies with 0, 2 and 3 decimals format with grouping and their symbol or code") {
    const Currency eur = currency("EUR"), jpy = currency("JPY"), bhd = currency("BHD"), chf = currency("CHF");
    CHECK(eur.decimals == 2);
    CHECK(jpy.decimals == 0);
    CHECK(bhd.decimals == 3);
    CHECK(formatMoney(123456789, eur) == "€1,234,567.89");
    CHECK(formatMoney(-1200, eur) == "-€12.00");
    CHECK(formatMoney(5, eur) == "€0.05");
    CHECK(formatMoney(0, eur) == "€0.00");
    CHECK(formatMoney(1235, jpy) == "¥1,235");
    CHECK(formatMoney(1250, bhd) == "BHD 1.250");
    CHECK(formatMoney(-999999, bhd, false) == "-999.999");
    CHECK(formatMoney(100000, chf) == "CHF 1,000.00");
    CHECK(formatMoney(INT64_MIN, eur) == "-€92,233,720,368,547,758.08");
    const Currency xyz = currency("XYZ"); // well-formed, unknown: 2 decimals, written with its code
    CHECK(formatMoney(150, xyz) == "XYZ 1.50");
}

TEST_CASE("money: typed amounts are read exactly, and too many decimals are refused, not rounded") {
    const Currency eur = currency("EUR"), jpy = currency("JPY"), bhd = currency("BHD");
    CHECK(*parseMoney("1250.5", eur) == 125050);
    CHECK(*parseMoney("1,250.50", eur) == 125050);
    CHECK(*parseMoney("€ 1 250.50", eur) == 125050);
    CHECK(*parseMoney("1250 EUR", eur) == 125000);
    CHECK(*parseMoney("-12", eur) == -1200);
    CHECK(*parseMoney("(12.00)", eur) == -1200);
    CHECK(*parseMoney("\xE2\x88\x92" "3.10", eur) == -310);
    CHECK(*parseMoney("0.07", eur) == 7);
    CHECK(*parseMoney("¥1,235", jpy) == 1235);
    CHECK(*parseMoney("1.25", bhd) == 1250);
    CHECK(parseMoney("1.255", eur).error().find("more decimals than EUR uses (2)") != std::string::npos);
    CHECK(parseMoney("12.5", jpy).error().find("more decimals") != std::string::npos);
    CHECK(!parseMoney("", eur));
    CHECK(!parseMoney("twelve", eur));
    CHECK(!parseMoney("1.2.3", eur));
    CHECK(!parseMoney("1.234,5", eur)); // a grouping comma after the point: ambiguous, refused
    CHECK(!parseMoney("99999999999999999999", eur));
    // Formatting then reading gives the amount back, for every currency kind.
    for (const char* code : {"EUR", "JPY", "BHD", "CHF", "KRW", "KWD"})
        for (int64_t v : {int64_t(0), int64_t(1), int64_t(-1), int64_t(999), int64_t(1000), int64_t(-123456789), int64_t(4000000000001)})
            CHECK(*parseMoney(formatMoney(v, currency(code)), currency(code)) == v);
}

TEST_CASE("money: rounding is half away from zero, stated once and used everywhere") {
    CHECK(divRound(5, 2) == 3);
    CHECK(divRound(-5, 2) == -3);
    CHECK(divRound(4, 3) == 1);
    CHECK(divRound(5, 3) == 2);
    CHECK(divRound(-4, 3) == -1);
    CHECK(mulDivRound(1, 1, 2) == 1);
    CHECK(mulDivRound(-1, 1, 2) == -1);
    CHECK(mulDivRound(1, 1, 3) == 0);
    // Worked by hand: 95.00 an hour for 90 minutes = 142.50; for 7 minutes = 11.0833… → 11.08.
    CHECK(labourCost(9500, 90) == 14250);
    CHECK(labourCost(9500, 7) == 1108);
    // 110.00 an hour for 1 minute = 1.8333… → 1.83; for 3 minutes = 5.50 exactly.
    CHECK(labourCost(11000, 1) == 183);
    CHECK(labourCost(11000, 3) == 550);
    // Contingency 7.5 % of 12,345.67 = 925.92525 → 925.93; 10 % of 0.05 = 0.005 → 0.01.
    CHECK(percentOf(1234567, 750) == 92593);
    CHECK(percentOf(5, 1000) == 1);
    CHECK(percentOf(-5, 1000) == -1);
    // No overflow in the middle: a large amount times a large multiplier.
    CHECK(mulDivRound(INT64_MAX / 2, 1000, 1000) == INT64_MAX / 2);
    // 9,000,000,000,000,000,000 × 3 overflows int64 on the way; / 7 = 3,857,142,857,142,857,142.857… → …143.
    CHECK(mulDivRound(9'000'000'000'000'000'000, 3, 7) == 3'857'142'857'142'857'143);
}

TEST_CASE("money: a decimal comma reads the same amounts with the marks swapped, by the same rule") {
    const Currency eur = currency("EUR");
    CHECK(*parseMoney("1.250,50", eur, DecimalMark::Comma) == 125050);
    CHECK(*parseMoney("1250,5", eur, DecimalMark::Comma) == 125050);
    CHECK(*parseMoney("€ 1 250,50", eur, DecimalMark::Comma) == 125050);
    CHECK(*parseMoney("-12", eur, DecimalMark::Comma) == -1200);
    CHECK_FALSE(parseMoney("12.34", eur, DecimalMark::Comma)); // not read as 1,234
    CHECK(parseMoney("12.34", eur, DecimalMark::Comma).error().find("decimal comma (12,34)") != std::string::npos);
    CHECK_FALSE(parseMoney("1,2,3", eur, DecimalMark::Comma));
    CHECK_FALSE(parseMoney("1,234", eur, DecimalMark::Comma)); // three decimals: more than EUR has
    CHECK(*parseMoney("1,250.50", eur) == 125050);            // the point stays the default
}

TEST_CASE("money: mulDivWithin gives the rounded quotient, or none past the limit either way") {
    CHECK(mulDivWithin(5, 1, 2, 100) == std::optional<int64_t>(3));
    CHECK(mulDivWithin(-5, 1, 2, 100) == std::optional<int64_t>(-3));
    CHECK(mulDivWithin(INT64_MAX, INT64_MAX, 1, kMaxMoney) == std::nullopt); // 2^126, not a wrapped value
    CHECK(mulDivWithin(INT64_MIN, INT64_MAX, 1, kMaxMoney) == std::nullopt);
    CHECK(mulDivWithin(kMaxMoney, 3, 3, kMaxMoney) == std::optional<int64_t>(kMaxMoney));
    CHECK(mulDivWithin(kMaxMoney + 1, 1, 1, kMaxMoney) == std::nullopt);
    CHECK(mulDivWithin(7, -1, -1, 100) == std::optional<int64_t>(7));
}

TEST_CASE("money: allocating an amount never loses or adds a minor unit") {
    CHECK(allocate(100, {1, 1, 1}) == std::vector<int64_t>{34, 33, 33});
    CHECK(allocate(-100, {1, 1, 1}) == std::vector<int64_t>{-34, -33, -33});
    CHECK(allocate(1000, {50, 30, 20}) == std::vector<int64_t>{500, 300, 200});
    CHECK(allocate(5, {0, 1, 0}) == std::vector<int64_t>{0, 5, 0});
    CHECK(allocate(7, {0, 0}) == std::vector<int64_t>{0, 0}); // nothing to weigh by: nothing allocated
    for (int64_t amount : {int64_t(1), int64_t(99), int64_t(100001), int64_t(-77777)}) {
        const std::vector<int64_t> parts = allocate(amount, {3, 7, 11, 13, 1});
        CHECK(std::accumulate(parts.begin(), parts.end(), int64_t(0)) == amount);
    }
}

TEST_CASE("short amounts for chart axes") {
    CHECK(formatMoneyShort(19167500, currency("EUR")) == "€192k");
    CHECK(formatMoneyShort(450000, currency("EUR")) == "€4.5k");
    CHECK(formatMoneyShort(123456789012, currency("EUR")) == "€1,235M"); // grouped like every other amount
    CHECK(formatMoneyShort(95000, currency("CHF")) == "CHF 950");
    CHECK(formatMoneyShort(1500000, currency("JPY")) == "¥1.5M");
    CHECK(formatMoneyShort(-250000, currency("GBP")) == "-£2.5k");
}

TEST_CASE("amounts: one rule for the decimal separator, and no amount past the limit every reader shares") {
    const Currency eur = currency("EUR");
    CHECK(*parseMoney("1,234", eur) == 123400);
    CHECK(*parseMoney("1,234,567.89", eur) == 123456789);
    CHECK(*parseMoney("1 234.50", eur) == 123450);
    CHECK_FALSE(parseMoney("12,34", eur));    // not 1,234.00: ambiguous, refused
    CHECK_FALSE(parseMoney("1,2345", eur));
    CHECK_FALSE(parseMoney("1234,5", eur));
    CHECK(parseMoney("12,34", eur).error().find("decimal point") != std::string::npos);
    CHECK(*parseMoney("90,071,992,547,409.92", eur) == kMaxMoney);
    CHECK_FALSE(parseMoney("90,071,992,547,409.93", eur)); // one cent more than a plan file may hold
}

TEST_CASE("property: mulDivRound rounds half away from zero exactly, in 64 or 128 bits") {
    // The reference in 128 bits, with the rounding written out.
    auto reference = [](int64_t a, int64_t m, int64_t d) {
        __int128 p = __int128(a) * m, dd = d;
        if (dd < 0) { dd = -dd; p = -p; }
        const __int128 q = p / dd, r = p % dd;
        if ((r < 0 ? -r : r) * 2 >= dd) return int64_t(p < 0 ? q - 1 : q + 1);
        return int64_t(q);
    };
    std::mt19937_64 rng(11);
    const int64_t edges[] = {0, 1, -1, 2, -2, 3, 5, 6000, -6000, 100, INT32_MAX, INT32_MIN, INT64_MAX / 3, INT64_MIN / 3, INT64_MAX, INT64_MIN + 1};
    for (int i = 0; i < 200000; ++i) {
        auto pick = [&]() -> int64_t {
            switch (rng() % 4) {
                case 0: return edges[rng() % std::size(edges)];
                case 1: return int64_t(rng() % 20001) - 10000;
                case 2: return int64_t(rng() >> (rng() % 64)) * (rng() % 2 ? 1 : -1);
                default: return int64_t(rng());
            }
        };
        const int64_t a = pick(), m = pick();
        int64_t d = pick();
        if (d == 0 || d == INT64_MIN) d = 7;
        if (const __int128 q = __int128(a) * m / d; q > INT64_MAX / 2 || q < INT64_MIN / 2) continue; // beyond what callers pass
        CAPTURE(a);
        CAPTURE(m);
        CAPTURE(d);
        REQUIRE(mulDivRound(a, m, d) == reference(a, m, d));
    }
    CHECK(mulDivRound(5, 1, 2) == 3);
    CHECK(mulDivRound(-5, 1, 2) == -3);
    CHECK(mulDivRound(5, 1, -2) == -3);
    CHECK(mulDivRound(INT64_MAX, 2, 4) == INT64_MAX / 2 + 1); // the product needs 128 bits
}
