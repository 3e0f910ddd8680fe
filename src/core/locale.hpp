// How dates, numbers and money are written for a place: the browser's locale by default
// (navigator.language), or one chosen in Preferences. The tables follow CLDR, as the browsers' Intl
// does (checked against Node's Intl in the unit tests' hand-checked cases):
//
//            date        day+month  month+year          number        EUR             week from
//   en-US    12/3/2026   Dec 3      December 2026       1,234.5       €1,234.50       Sunday
//   en-GB    03/12/2026  3 Dec      December 2026       1,234.5       €1,234.50       Monday
//   de-DE    3.12.2026   3. Dez.    Dezember 2026       1.234,5       1.234,50 €      Monday
//   fr-FR    03/12/2026  3 déc.     décembre 2026       1 234,5       1 234,50 €      Monday
//   es-ES    3/12/2026   3 dic      diciembre de 2026   1234,5        1234,50 €       Monday
//   ja-JP    2026/12/3   12月3日    2026年12月           1,234.5       €1,234.50       Sunday
//   iso      2026-12-03  3 Dec      December 2026       1,234.5       €1,234.50       Monday
//
// "iso" is what files, the CLI and the tests write: ISO dates, the English names. The money's
// symbol is the project's currency's own (a German user of a dollar plan sees "1.234,50 $").
// Typed dates are read in the locale's order and as ISO; typed amounts with the locale's decimal mark.
#pragma once
#include "date.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plotline {

struct Formats {
    std::string tag = "iso";       // "de-DE"
    std::string names = "en";      // language of month and weekday names
    enum class Order { YMD, MDY, DMY } order = Order::YMD;
    std::string dateSep = "-";
    bool padDay = true, padMonth = true; // 03/12 rather than 3/12
    std::string decimal = ".";
    std::string group = ",";       // U+202F narrow no-break space in French
    int minGrouping = 1;           // Spanish groups only from 5 digits (1234, 12.345)
    bool symbolAfter = false;      // "1.234,50 €"
    std::string percentSpace;      // "45 %" in German, French, Spanish
    int firstWeekday = 0;          // 0 = Monday … 6 = Sunday (Date::weekday)
};

// The locales with tables: "en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "ja-JP", and "iso".
const std::vector<std::string>& formatTags();
// The formats for a BCP 47 tag: an exact tag, else the language's usual country ("de-AT" → de-DE's
// rules with tag "de-AT"; "en-AU" → en-GB's), else "iso".
Formats formatsFor(std::string_view tag);

const Formats& formats();         // the current ones (iso until set)
void setFormats(const Formats& f);

std::string formatDate(Date d, const Formats& f = formats());         // 12/3/2026
std::string formatDayMonth(Date d, const Formats& f = formats());     // Dec 3
std::string formatMonthYear(int year, int month, const Formats& f = formats()); // December 2026
std::string formatWeekdayDate(Date d, const Formats& f = formats());  // Thu, Dec 3, 2026
std::string formatLongDate(Date d, const Formats& f = formats());     // December 3, 2026 / 3 December 2026
const char* monthNameIn(int month, const Formats& f = formats());      // "Dezember"
const char* monthShortIn(int month, const Formats& f = formats());     // "Dez"
const char* weekdayShortIn(int weekday, const Formats& f = formats()); // 0 = Monday: "Mo"

// A date as typed: the locale's order with its separator (or '/', '.', '-'), two- or four-digit
// years, or ISO YYYY-MM-DD.
std::optional<Date> parseDateIn(std::string_view text, const Formats& f = formats());

// A date as a person types it in the current formats: parseDateIn, and with "iso" also the US forms
// spreadsheets write (Date::parseLoose).
std::optional<Date> readDate(std::string_view text);
// How to type a date here: "MM/DD/YYYY", "TT.MM.JJJJ"… (in the UI's language), or "YYYY-MM-DD".
std::string dateHint(const Formats& f = formats());

// Grows whenever the language or the formats change: views that keep formatted texts compare it.
int textGeneration();
void bumpTextGeneration();

std::string formatInteger(int64_t n, const Formats& f = formats());             // 1.234.567
std::string formatDecimal(double v, int decimals, const Formats& f = formats()); // 1.234,50
std::string formatPercent(int64_t percent, const Formats& f = formats());       // 45 %
// Groups an unsigned run of digits and appends the fraction after the decimal mark.
std::string groupDigits(std::string_view digits, std::string_view fraction, const Formats& f);

} // namespace plotline
