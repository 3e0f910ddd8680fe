// Money: integer minor units (cents, pence, yen, fils) of an ISO 4217 currency. No floating point
// anywhere: amounts are int64 minor units, rates and shares are exact integers, and every division
// rounds by one stated rule.
//
// Rounding rule: half away from zero ("commercial rounding", as invoices and spreadsheets do):
// 2.5 cents → 3 cents, -2.5 → -3. Splitting an amount (allocate) never loses or adds a minor unit:
// the remainder goes, one unit each, to the largest fractional shares (ties to the earlier parts).
//
//   const Currency& eur = currency("EUR");                    // 2 decimals, "€"
//   formatMoney(123456789, eur)  → "€1,234,567.89"
//   parseMoney("1,250.5", eur)   → 125050
//   labourCost(9500, 90)         → 14250 (95.00 an hour for 90 minutes)
#pragma once
#include "result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plotline {

struct Currency {
    std::string_view code;   // "EUR"
    int decimals = 2;        // minor units per major: 10^decimals
    std::string_view symbol; // "€", or "" to write the code ("CHF 12.00")
};

// The currency of an ISO 4217 code; a well-formed code this table does not know gets 2 decimals and
// is written with its code.
Currency currency(std::string_view code);

// Rounds numerator / denominator half away from zero (denominator > 0).
int64_t divRound(int64_t numerator, int64_t denominator);
// amount × multiplier / divisor, rounded half away from zero, computed without overflow for any
// amount and multiplier that fit in int64 (the result must fit too).
int64_t mulDivRound(int64_t amount, int64_t multiplier, int64_t divisor);
// The same, or none when the result would pass ±limit (rather than wrap): for quotients whose divisor
// can be tiny, like a forecast divided by an earned value of one cent.
std::optional<int64_t> mulDivWithin(int64_t amount, int64_t multiplier, int64_t divisor, int64_t limit);

// The cost of minutes of work at a rate per hour (both exact; rounded once).
inline int64_t labourCost(int64_t ratePerHour, int64_t minutes) { return mulDivRound(ratePerHour, minutes, 60); }
// A share of an amount in basis points (1 % = 100 bp), e.g. contingency of 7.5 % = 750.
inline int64_t percentOf(int64_t amount, int64_t basisPoints) { return mulDivRound(amount, basisPoints, 10000); }

// Splits amount in proportion to weights (all >= 0, not all 0); the parts add up to amount exactly.
std::vector<int64_t> allocate(int64_t amount, const std::vector<int64_t>& weights);

// "€1,234.50", "-€12.00", "¥1,235", "BHD 1.250" (grouping by thousands with ',' and '.' before the
// minor units). withSymbol false: "1,234.50" (for tables whose header names the currency).
// Written for the current locale (locale.hpp): "1.234,50 €" in German.
std::string formatMoney(int64_t minor, const Currency& c, bool withSymbol = true);
struct Formats;
// With the given formats: files and exports pass Formats{} (the neutral "1,234.50").
std::string formatMoney(int64_t minor, const Currency& c, bool withSymbol, const Formats& f);
// For chart axes: whole major units, thousands as k and millions as M ("€12k", "€1.2M", "CHF 950").
std::string formatMoneyShort(int64_t minor, const Currency& c);
// Reads what a person types: "1234.5", "1,234.50", "€ 1 234.50", "-12", "(12.00)" for negative; the
// currency's symbol or code may come first or last. More decimals than the currency has are refused
// (say so rather than round an amount someone typed).
// The largest amount any field holds, in minor units (90 trillion): every reader refuses more, so
// a plan that opens can always be written and read back.
inline constexpr int64_t kMaxMoney = int64_t(1) << 53;

// One rule for every amount typed or read from a file: a decimal point, and commas (or spaces,
// apostrophes) only between groups of three digits before it: "1,250.50" and "1250.5"; "12,34" is
// refused as ambiguous rather than read as 1,234. At most kMaxMoney.
// With DecimalMark::Comma (a file from a decimal-comma locale) the two marks trade places:
// "1.250,50" and "1250,5"; "12.34" is refused. Hours follow the same mark (actuals_csv.hpp).
enum class DecimalMark { Point, Comma };
Result<int64_t> parseMoney(std::string_view text, const Currency& c, DecimalMark mark = DecimalMark::Point);

} // namespace plotline
