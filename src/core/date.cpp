#include "date.hpp"

#include <cstring>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace plotline {
namespace {

// Howard Hinnant's civil-from-days algorithms (proleptic Gregorian calendar).
int32_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153u * unsigned(m + (m > 2 ? -3 : 9)) + 2) / 5 + unsigned(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int32_t(doe) - 719468;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int daysInMonth(int y, int m) {
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : n[m - 1];
}

bool readInt(std::string_view s, size_t& i, int maxDigits, int& out, int& digits) {
    out = 0;
    digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && digits < maxDigits) {
        out = out * 10 + (s[i] - '0');
        ++i;
        ++digits;
    }
    return digits > 0;
}

std::optional<Date> make(int y, int m, int d) {
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return std::nullopt;
    return Date::fromYmd(y, m, d);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

} // namespace

Date Date::fromYmd(int y, int m, int d) { return Date{daysFromCivil(y, m, d)}; }

void Date::toYmd(int& y, int& m, int& d) const {
    const int32_t z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(yoe) + era * 400 + (m <= 2);
}

int Date::weekday() const {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    int w = (days + 3) % 7;
    return w < 0 ? w + 7 : w;
}

void Date::format(char* out) const {
    int y, m, d;
    toYmd(y, m, d);
    if (y < 0 || y > 9999) { // outside what files hold (readers refuse it); printed as it is
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        std::memcpy(out, buf, 10);
        return;
    }
    out[0] = char('0' + y / 1000);
    out[1] = char('0' + y / 100 % 10);
    out[2] = char('0' + y / 10 % 10);
    out[3] = char('0' + y % 10);
    out[4] = '-';
    out[5] = char('0' + m / 10);
    out[6] = char('0' + m % 10);
    out[7] = '-';
    out[8] = char('0' + d / 10);
    out[9] = char('0' + d % 10);
}

std::string Date::str() const {
    int y, m, d;
    toYmd(y, m, d);
    if (y < 0 || y > 9999) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
    }
    std::string s(10, '0');
    format(s.data());
    return s;
}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    size_t i = 0;
    int y, m, d, n;
    if (!readInt(s, i, 4, y, n) || n != 4 || s[i++] != '-') return std::nullopt;
    if (!readInt(s, i, 2, m, n) || n != 2 || s[i++] != '-') return std::nullopt;
    if (!readInt(s, i, 2, d, n) || n != 2 || i != s.size()) return std::nullopt;
    return make(y, m, d);
}

std::optional<Date> Date::parseLoose(std::string_view s) {
    s = trim(s);
    if (s.size() >= 10 && s[4] == '-') {
        // ISO date, possibly followed by a time ("2026-03-02T08:00" or "2026-03-02 08:00").
        if (s.size() == 10 || s[10] == 'T' || s[10] == ' ') return parse(s.substr(0, 10));
        return std::nullopt;
    }
    // Optional leading weekday name: "Mon 3/2/26".
    if (!s.empty() && std::isalpha(static_cast<unsigned char>(s[0]))) {
        size_t sp = s.find(' ');
        if (sp == std::string_view::npos) return std::nullopt;
        s = trim(s.substr(sp));
    }
    size_t i = 0;
    int m, d, y, n;
    if (!readInt(s, i, 2, m, n) || i >= s.size() || s[i++] != '/') return std::nullopt;
    if (!readInt(s, i, 2, d, n) || i >= s.size() || s[i++] != '/') return std::nullopt;
    if (!readInt(s, i, 4, y, n) || (n != 2 && n != 4)) return std::nullopt;
    if (i < s.size() && s[i] != ' ') return std::nullopt;
    if (n == 2) y += y < 70 ? 2000 : 1900;
    return make(y, m, d);
}

const char* weekdayShortName(int w) {
    static const char* n[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return n[((w % 7) + 7) % 7];
}

const char* monthShortName(int m) {
    static const char* n[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return n[(m - 1 + 12) % 12];
}

const char* monthName(int m) {
    static const char* n[] = {"January", "February", "March", "April", "May", "June", "July",
                              "August", "September", "October", "November", "December"};
    return n[(m - 1 + 12) % 12];
}

Date localToday() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date::fromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string formatLocalTime(int64_t ms) {
    const std::time_t t = std::time_t(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
    return buf;
}

Result<std::vector<Date>> parseDateList(std::string_view text) {
    std::vector<Date> out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ',' || text[i] == ' ' || text[i] == ';' || text[i] == '\n' || text[i] == '\t')) ++i;
        size_t j = i;
        while (j < text.size() && text[j] != ',' && text[j] != ' ' && text[j] != ';' && text[j] != '\n' && text[j] != '\t') ++j;
        if (j == i) break;
        const std::string_view item = text.substr(i, j - i);
        const size_t dots = item.find("..");
        const auto a = Date::parse(item.substr(0, dots));
        const auto b = dots == std::string_view::npos ? a : Date::parse(item.substr(dots + 2));
        if (!a || !b) return Error{"\"" + std::string(item) + "\" is not a date or a range — use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD"};
        if (*b < *a) return Error{"The range \"" + std::string(item) + "\" ends before it starts"};
        if (*b - *a > 3660) return Error{"The range \"" + std::string(item) + "\" is longer than ten years"};
        for (Date d = *a; d <= *b; d = d + 1) out.push_back(d);
        i = j;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string formatDateList(const std::vector<Date>& days) {
    std::string out;
    for (size_t i = 0; i < days.size();) {
        size_t j = i;
        while (j + 1 < days.size() && days[j + 1] == days[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += days[i].str();
        if (j > i) out += ".." + days[j].str();
        i = j + 1;
    }
    return out;
}

std::string agoText(int64_t ms) {
    if (ms < 60000) return "just now";
    const int64_t min = ms / 60000;
    if (min < 60) return std::to_string(min) + " min ago";
    const int64_t h = min / 60;
    if (h < 48) return std::to_string(h) + (h == 1 ? " hour ago" : " hours ago");
    return std::to_string(h / 24) + " days ago";
}


} // namespace plotline
