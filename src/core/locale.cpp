#include "locale.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace plotline {

namespace {

const char* const kNBSP = "\u00a0";
const char* const kNNBSP = "\u202f";

struct Names {
    const char* code;
    const char* months[12];
    const char* monthsShort[12];  // standalone: the time scale's "Dez"
    const char* monthsFormat[12]; // inside a date: "3. Dez."
    const char* weekdays[7];      // Monday first
};

const Names kNames[] = {
    {"en",
     {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
     {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
     {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
     {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}},
    {"de",
     {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
     {"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"},
     {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
     {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"}},
    {"fr",
     {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
     {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
     {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
     {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."}},
    {"es",
     {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
     {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
     {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
     {"lun", "mar", "mié", "jue", "vie", "sáb", "dom"}},
    {"ja",
     {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
     {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
     {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
     {"月", "火", "水", "木", "金", "土", "日"}},
};

const Names& namesOf(const Formats& f) {
    for (const Names& n : kNames)
        if (f.names == n.code) return n;
    return kNames[0];
}

Formats make(const char* tag, const char* names, Formats::Order order, const char* sep, bool pad, const char* decimal,
             const char* group, int minGrouping, bool symbolAfter, const char* percentSpace, int firstWeekday) {
    Formats f;
    f.tag = tag;
    f.names = names;
    f.order = order;
    f.dateSep = sep;
    f.padDay = f.padMonth = pad;
    f.decimal = decimal;
    f.group = group;
    f.minGrouping = minGrouping;
    f.symbolAfter = symbolAfter;
    f.percentSpace = percentSpace;
    f.firstWeekday = firstWeekday;
    return f;
}

const std::vector<Formats>& table() {
    using O = Formats::Order;
    static const std::vector<Formats> t = {
        make("en-US", "en", O::MDY, "/", false, ".", ",", 1, false, "", 6),
        make("en-GB", "en", O::DMY, "/", true, ".", ",", 1, false, "", 0),
        make("de-DE", "de", O::DMY, ".", false, ",", ".", 1, true, kNBSP, 0),
        make("fr-FR", "fr", O::DMY, "/", true, ",", kNNBSP, 1, true, kNNBSP, 0),
        make("es-ES", "es", O::DMY, "/", false, ",", ".", 2, true, kNBSP, 0),
        make("ja-JP", "ja", O::YMD, "/", false, ".", ",", 1, false, "", 6),
        Formats{},
    };
    return t;
}

Formats& current() {
    static Formats f;
    return f;
}

std::string num(int n, bool pad) {
    char b[16];
    std::snprintf(b, sizeof b, pad ? "%02d" : "%d", n);
    return b;
}

} // namespace

const std::vector<std::string>& formatTags() {
    static const std::vector<std::string> tags = [] {
        std::vector<std::string> v;
        for (const Formats& f : table()) v.push_back(f.tag);
        return v;
    }();
    return tags;
}

Formats formatsFor(std::string_view tag) {
    for (const Formats& f : table())
        if (tag == f.tag) return f;
    const std::string_view lang = tag.substr(0, tag.find_first_of("-_"));
    const char* base = lang == "en" ? (tag == "en" || tag.substr(3) == "US" || tag.size() < 5 ? "en-US" : "en-GB")
                     : lang == "de" ? "de-DE"
                     : lang == "fr" ? "fr-FR"
                     : lang == "es" ? "es-ES"
                     : lang == "ja" ? "ja-JP"
                                    : "iso";
    for (Formats f : table())
        if (f.tag == base) {
            if (base != std::string_view("iso")) f.tag = std::string(tag);
            return f;
        }
    return Formats{};
}

const Formats& formats() { return current(); }
void setFormats(const Formats& f) {
    current() = f;
    bumpTextGeneration();
}

namespace {
int generation = 0;
}
int textGeneration() { return generation; }
void bumpTextGeneration() { ++generation; }

std::optional<Date> readDate(std::string_view text) {
    if (auto d = parseDateIn(text)) return d;
    if (formats().tag == "iso") return Date::parseLoose(text);
    return std::nullopt;
}

std::string dateHint(const Formats& f) {
    // The letters people of the language write for day, month and year.
    const char* d = f.names == "de" ? "TT" : f.names == "fr" ? "JJ" : "DD";
    const char* y = f.names == "de" ? "JJJJ" : f.names == "fr" || f.names == "es" ? "AAAA" : "YYYY";
    const std::string m = "MM";
    switch (f.order) {
        case Formats::Order::MDY: return m + f.dateSep + d + f.dateSep + y;
        case Formats::Order::DMY: return d + f.dateSep + m + f.dateSep + y;
        case Formats::Order::YMD: break;
    }
    return y + f.dateSep + m + f.dateSep + d;
}

const char* monthNameIn(int month, const Formats& f) { return namesOf(f).months[(month + 11) % 12]; }
const char* monthShortIn(int month, const Formats& f) { return namesOf(f).monthsShort[(month + 11) % 12]; }
const char* weekdayShortIn(int weekday, const Formats& f) { return namesOf(f).weekdays[((weekday % 7) + 7) % 7]; }

std::string formatDate(Date d, const Formats& f) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    const std::string ys = std::to_string(y), ms = num(m, f.padMonth), ds = num(dd, f.padDay);
    switch (f.order) {
        case Formats::Order::MDY: return ms + f.dateSep + ds + f.dateSep + ys;
        case Formats::Order::DMY: return ds + f.dateSep + ms + f.dateSep + ys;
        case Formats::Order::YMD: break;
    }
    return ys + f.dateSep + ms + f.dateSep + ds;
}

std::string formatDayMonth(Date d, const Formats& f) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    const Names& n = namesOf(f);
    const std::string day = std::to_string(dd), mon = n.monthsFormat[m - 1];
    if (f.names == "ja") return std::to_string(m) + "月" + day + "日";
    if (f.names == "de") return day + ". " + mon;
    if (f.tag == "en-US") return mon + " " + day;
    return day + " " + mon;
}

std::string formatMonthYear(int year, int month, const Formats& f) {
    const std::string y = std::to_string(year);
    if (f.names == "ja") return y + "年" + std::to_string(month) + "月";
    if (f.names == "es") return std::string(monthNameIn(month, f)) + " de " + y;
    return std::string(monthNameIn(month, f)) + " " + y;
}

std::string formatWeekdayDate(Date d, const Formats& f) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    const Names& n = namesOf(f);
    const std::string wd = n.weekdays[d.weekday()];
    if (f.names == "ja") return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(dd) + "日(" + wd + ")";
    if (f.names == "de") return wd + "., " + formatDayMonth(d, f) + " " + std::to_string(y);
    if (f.names == "fr") return wd + " " + formatDayMonth(d, f) + " " + std::to_string(y);
    if (f.tag == "en-US") return wd + ", " + formatDayMonth(d, f) + ", " + std::to_string(y);
    return wd + (f.tag == "iso" ? " " : ", ") + formatDayMonth(d, f) + " " + std::to_string(y);
}

std::string formatLongDate(Date d, const Formats& f) {
    int y, m, dd;
    d.toYmd(y, m, dd);
    const std::string day = std::to_string(dd), year = std::to_string(y), month = monthNameIn(m, f);
    if (f.names == "ja") return year + "年" + std::to_string(m) + "月" + day + "日";
    if (f.names == "de") return day + ". " + month + " " + year;
    if (f.names == "es") return day + " de " + month + " de " + year;
    if (f.tag == "en-US") return month + " " + day + ", " + year;
    return day + " " + month + " " + year;
}

std::optional<Date> parseDateIn(std::string_view text, const Formats& f) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (auto iso = Date::parse(text)) return iso;
    int parts[3];
    int digits[3];
    size_t i = 0;
    for (int k = 0; k < 3; ++k) {
        if (k > 0) {
            if (i >= text.size() || (text[i] != '/' && text[i] != '.' && text[i] != '-')) return std::nullopt;
            ++i;
            while (i < text.size() && text[i] == ' ') ++i; // "3. 12. 2026"
        }
        int v = 0, n = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && n < 5) v = v * 10 + (text[i++] - '0'), ++n;
        if (n == 0) return std::nullopt;
        parts[k] = v;
        digits[k] = n;
    }
    if (i < text.size() && text[i] == '.') ++i; // a German date may end with a point
    if (i != text.size()) return std::nullopt;
    int y, m, d, yDigits;
    switch (f.order) {
        case Formats::Order::MDY: m = parts[0], d = parts[1], y = parts[2], yDigits = digits[2]; break;
        case Formats::Order::DMY: d = parts[0], m = parts[1], y = parts[2], yDigits = digits[2]; break;
        default: y = parts[0], m = parts[1], d = parts[2], yDigits = digits[0]; break;
    }
    if (yDigits == 2) y += 2000;
    else if (yDigits != 4) return std::nullopt;
    char iso[16];
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    return Date::parse(iso);
}

std::string groupDigits(std::string_view digits, std::string_view fraction, const Formats& f) {
    std::string out;
    const bool group = digits.size() >= size_t(3 + f.minGrouping);
    for (size_t i = 0; i < digits.size(); ++i) {
        if (group && i > 0 && (digits.size() - i) % 3 == 0) out += f.group;
        out += digits[i];
    }
    if (!fraction.empty()) out += f.decimal + std::string(fraction);
    return out;
}

std::string formatInteger(int64_t n, const Formats& f) {
    const uint64_t a = n < 0 ? uint64_t(0) - uint64_t(n) : uint64_t(n);
    return (n < 0 ? "-" : "") + groupDigits(std::to_string(a), "", f);
}

std::string formatDecimal(double v, int decimals, const Formats& f) {
    if (!std::isfinite(v)) return "–";
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals < 0 ? 0 : decimals, std::fabs(v));
    std::string s = b;
    const size_t dot = s.find('.');
    const std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    const bool negative = v < 0 && s.find_first_not_of("0.") != std::string::npos;
    return (negative ? "-" : "") + groupDigits(whole, frac, f);
}

std::string formatPercent(int64_t percent, const Formats& f) { return formatInteger(percent, f) + f.percentSpace + "%"; }

} // namespace plotline
