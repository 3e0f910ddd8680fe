#include "money.hpp"
#include "locale.hpp"

#include <cstdio>

#include <cmath>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <numeric>

namespace plotline {

namespace {

struct Known {
    const char* code;
    int decimals;
    const char* symbol;
};

// The currencies producers meet most, and every ISO 4217 currency with 0 or 3 decimals in use.
constexpr std::array<Known, 44> kKnown{{
    {"EUR", 2, "€"},  {"USD", 2, "$"},  {"GBP", 2, "£"},  {"JPY", 0, "¥"},  {"CNY", 2, "CN¥"}, {"CHF", 2, ""},
    {"CAD", 2, "CA$"}, {"AUD", 2, "A$"}, {"NZD", 2, "NZ$"}, {"SEK", 2, ""},  {"NOK", 2, ""},  {"DKK", 2, ""},
    {"PLN", 2, ""},   {"CZK", 2, ""},   {"HUF", 2, ""},   {"INR", 2, "₹"},  {"BRL", 2, "R$"}, {"MXN", 2, "MX$"},
    {"ZAR", 2, ""},   {"SGD", 2, "S$"}, {"HKD", 2, "HK$"}, {"AED", 2, ""},  {"SAR", 2, ""},  {"ILS", 2, "₪"},
    {"TRY", 2, ""},   {"KRW", 0, "₩"},  {"VND", 0, "₫"},  {"CLP", 0, ""},   {"ISK", 0, ""},   {"PYG", 0, ""},
    {"UGX", 0, ""},   {"XAF", 0, ""},   {"XOF", 0, ""},   {"KMF", 0, ""},   {"RWF", 0, ""},   {"DJF", 0, ""},
    {"GNF", 0, ""},   {"BHD", 3, ""},   {"KWD", 3, ""},   {"OMR", 3, ""},   {"JOD", 3, ""},   {"TND", 3, ""},
    {"LYD", 3, ""},   {"IQD", 3, ""},
}};

int64_t pow10(int n) {
    int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

} // namespace

Currency currency(std::string_view code) {
    for (const Known& k : kKnown)
        if (code == k.code) return {k.code, k.decimals, k.symbol};
    return {code, 2, ""};
}

int64_t divRound(int64_t numerator, int64_t denominator) {
    const int64_t q = numerator / denominator, r = numerator % denominator;
    // |r| * 2 >= denominator rounds away from zero (r carries the sign of the numerator).
    const uint64_t twice = uint64_t(r < 0 ? -r : r) * 2;
    if (twice >= uint64_t(denominator)) return numerator < 0 ? q - 1 : q + 1;
    return q;
}

namespace {
__int128 mulDiv128(int64_t amount, int64_t multiplier, int64_t divisor) {
    // In 64 bits when the product fits (nearly always: a 128-bit division costs many times more, and
    // a dashboard of 100k tasks makes hundreds of thousands of these); the same rounding either way.
    if (int64_t p; !__builtin_mul_overflow(amount, multiplier, &p) && p != INT64_MIN && divisor != INT64_MIN && divisor != 0) {
        int64_t d = divisor;
        if (d < 0) {
            d = -d;
            p = -p;
        }
        const int64_t q = p / d, r = p % d;
        if (uint64_t(r < 0 ? -r : r) * 2 >= uint64_t(d)) return p < 0 ? q - 1 : q + 1;
        return q;
    }
    __int128 product = __int128(amount) * multiplier, d = divisor;
    if (d < 0) {
        d = -d;
        product = -product;
    }
    const __int128 q = product / d, r = product % d;
    const __int128 twice = (r < 0 ? -r : r) * 2;
    if (twice >= d) return product < 0 ? q - 1 : q + 1;
    return q;
}
} // namespace

int64_t mulDivRound(int64_t amount, int64_t multiplier, int64_t divisor) { return int64_t(mulDiv128(amount, multiplier, divisor)); }

std::optional<int64_t> mulDivWithin(int64_t amount, int64_t multiplier, int64_t divisor, int64_t limit) {
    const __int128 q = mulDiv128(amount, multiplier, divisor);
    if (q > limit || q < -__int128(limit)) return std::nullopt;
    return int64_t(q);
}

std::vector<int64_t> allocate(int64_t amount, const std::vector<int64_t>& weights) {
    std::vector<int64_t> parts(weights.size(), 0);
    __int128 total = 0;
    for (int64_t w : weights) total += w;
    if (weights.empty() || total <= 0) return parts;
    const bool negative = amount < 0;
    const __int128 whole = negative ? -__int128(amount) : __int128(amount);
    std::vector<std::pair<__int128, size_t>> remainders;
    __int128 given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const __int128 exact = whole * weights[i];
        parts[i] = int64_t(exact / total);
        given += parts[i];
        remainders.emplace_back(exact % total, i);
    }
    // The units left over go to the largest remainders; ties to the earlier part.
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; given < whole; ++k, ++given) ++parts[remainders[k].second];
    if (negative)
        for (int64_t& p : parts) p = -p;
    return parts;
}

namespace {
// A figure with its sign and the currency's symbol (or code) where the locale puts it: "-€1,234.50",
// "-1.234,50 €", "CHF 12.00".
std::string signed_(bool negative, const std::string& figure, const Currency& c, const Formats& f) {
    const std::string sign = negative ? "-" : "";
    if (c.symbol.empty()) return f.symbolAfter ? sign + figure + "\u00a0" + std::string(c.code) : sign + std::string(c.code) + " " + figure;
    return f.symbolAfter ? sign + figure + "\u00a0" + std::string(c.symbol) : sign + std::string(c.symbol) + figure;
}
} // namespace

std::string formatMoney(int64_t minor, const Currency& c, bool withSymbol) { return formatMoney(minor, c, withSymbol, formats()); }
std::string formatMoney(int64_t minor, const Currency& c, bool withSymbol, const Formats& f) {
    const uint64_t abs = minor < 0 ? uint64_t(0) - uint64_t(minor) : uint64_t(minor);
    const uint64_t scale = uint64_t(pow10(c.decimals));
    std::string fraction;
    if (c.decimals > 0) {
        fraction = std::to_string(abs % scale);
        fraction.insert(0, size_t(c.decimals) - fraction.size(), '0');
    }
    const std::string grouped = groupDigits(std::to_string(abs / scale), fraction, f);
    if (!withSymbol) return (minor < 0 ? "-" : "") + grouped;
    return signed_(minor < 0, grouped, c, f);
}
Result<int64_t> parseMoney(std::string_view text, const Currency& c, DecimalMark mark) {
    std::string s(text);
    // One parser for both conventions: with a decimal comma, '.' and ',' trade places first.
    const bool comma = mark == DecimalMark::Comma;
    if (comma)
        for (char& ch : s) ch = ch == ',' ? '.' : ch == '.' ? ',' : ch;
    const char* example = comma ? "1.250,00" : "1,250.00";
    auto strip = [&](std::string_view token) {
        if (token.empty()) return;
        for (size_t at; (at = s.find(token)) != std::string::npos;) s.erase(at, token.size());
    };
    strip(c.code);
    strip(c.symbol);
    bool negative = false;
    std::string digits;
    size_t point = std::string::npos;
    bool sawDigit = false;
    std::vector<size_t> groups; // digits seen at each group separator, to check the groups of three
    for (size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        if (ch >= '0' && ch <= '9') {
            digits += ch;
            sawDigit = true;
        } else if (ch == '.') {
            if (point != std::string::npos) return fail("\"" + std::string(text) + "\" has two decimal " + (comma ? "commas" : "points"));
            point = digits.size();
        } else if (ch == '-' || ch == '(' || ch == ')') {
            if (sawDigit && ch != ')') return fail("\"" + std::string(text) + "\": a minus sign goes before the number");
            negative = true;
        } else if (ch == ',' || ch == ' ' || ch == '\'' || ch == '_') {
            if (point != std::string::npos) return fail("\"" + std::string(text) + "\": group separators go before the decimal " + (comma ? "comma" : "point"));
            if (sawDigit && ch != ' ') groups.push_back(digits.size());
        } else if (static_cast<unsigned char>(ch) >= 0x80 && s.compare(i, 3, "\xE2\x88\x92") == 0) { // U+2212 minus
            negative = true;
            i += 2;
        } else if (static_cast<unsigned char>(ch) >= 0x80 && s.compare(i, 2, "\xC2\xA0") == 0) { // no-break space
            ++i;
        } else {
            return fail("\"" + std::string(text) + "\" is not an amount (write it like " + example + ")");
        }
    }
    if (!sawDigit) return fail("\"" + std::string(text) + "\" has no number in it");
    // A group separator is followed by exactly three digits: "12,34" is not read as 1,234.
    const size_t whole = point == std::string::npos ? digits.size() : point;
    for (size_t k = 0; k < groups.size(); ++k)
        if ((k + 1 < groups.size() ? groups[k + 1] : whole) - groups[k] != 3)
            return fail("\"" + std::string(text) + "\": " + (comma ? "write amounts with a decimal comma (12,34); points only group thousands (1.234,00)"
                                                                 : "write amounts with a decimal point (12.34); commas only group thousands (1,234.00)"));
    const size_t decimals = point == std::string::npos ? 0 : digits.size() - point;
    if (decimals > size_t(c.decimals))
        return fail("\"" + std::string(text) + "\" has more decimals than " + std::string(c.code) + " uses (" + std::to_string(c.decimals) +
                    ")");
    digits.append(size_t(c.decimals) - decimals, '0');
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
    if (digits.size() > 18) return fail("\"" + std::string(text) + "\" is too large an amount");
    const int64_t value = std::strtoll(digits.c_str(), nullptr, 10);
    if (value > kMaxMoney) return fail("\"" + std::string(text) + "\" is too large an amount (at most " + formatMoney(kMaxMoney, c) + ")");
    return negative ? -value : value;
}

std::string formatMoneyShort(int64_t minor, const Currency& c) {
    double major = std::fabs(double(minor));
    for (int i = 0; i < c.decimals; ++i) major /= 10;
    const char* unit = "";
    if (std::fabs(major) >= 1e6) { major /= 1e6; unit = "M"; }
    else if (std::fabs(major) >= 1e3) { major /= 1e3; unit = "k"; }
    return signed_(minor < 0, formatDecimal(major, std::fabs(major) < 10 && *unit ? 1 : 0, formats()) + unit, c, formats());
}

} // namespace plotline
