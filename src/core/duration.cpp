#include "duration.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace plotline {

std::optional<int64_t> parseDuration(std::string_view s, int mpd, bool allowNegative) {
    size_t i = 0;
    auto skipSpace = [&] { while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i; };
    skipSpace();
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
        negative = s[i] == '-';
        if (negative && !allowNegative) return std::nullopt;
        ++i;
    }
    double total = 0;
    int parts = 0;
    while (true) {
        skipSpace();
        if (i >= s.size() || s[i] == '?') break;
        // number
        size_t start = i;
        double value = 0, scale = 0;
        bool digits = false;
        for (; i < s.size(); ++i) {
            char c = s[i];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                digits = true;
                if (scale == 0) value = value * 10 + (c - '0');
                else { value += (c - '0') * scale; scale /= 10; }
            } else if ((c == '.' || c == ',') && scale == 0) {
                scale = 0.1;
            } else break;
        }
        if (!digits || i - start > 12) return std::nullopt;
        skipSpace();
        size_t u = i;
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
        std::string unit;
        for (size_t k = u; k < i; ++k) unit += char(std::tolower(static_cast<unsigned char>(s[k])));
        double factor;
        if (unit.empty() || unit == "d" || unit == "day" || unit == "days" || unit == "ed") factor = mpd;
        else if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours") factor = 60;
        else if (unit == "m" || unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes") factor = 1;
        else if (unit == "w" || unit == "wk" || unit == "wks" || unit == "week" || unit == "weeks") factor = 5.0 * mpd;
        else return std::nullopt;
        total += value * factor;
        ++parts;
    }
    skipSpace();
    if (i < s.size() && s[i] == '?') ++i;
    skipSpace();
    if (i != s.size() || parts == 0) return std::nullopt;
    double rounded = std::round(total);
    if (std::fabs(rounded - total) > 1e-6 || rounded > double(kMaxMinutes)) return std::nullopt;
    int64_t m = int64_t(rounded);
    return negative ? -m : m;
}

std::string formatDuration(int64_t minutes, int mpd) {
    std::string sign = minutes < 0 ? "-" : "";
    int64_t m = minutes < 0 ? -minutes : minutes;
    int64_t days = m / mpd, rest = m % mpd;
    char buf[64];
    if (rest == 0) std::snprintf(buf, sizeof buf, "%s%lldd", sign.c_str(), (long long)days);
    else {
        int64_t h = rest / 60, mins = rest % 60;
        std::string hpart = mins == 0 ? std::to_string(h) + "h" : (h ? std::to_string(h) + "h " : "") + std::to_string(mins) + "m";
        if (days) std::snprintf(buf, sizeof buf, "%s%lldd %s", sign.c_str(), (long long)days, hpart.c_str());
        else std::snprintf(buf, sizeof buf, "%s%s", sign.c_str(), hpart.c_str());
    }
    return buf;
}

} // namespace plotline
