// Durations and lags are integer working minutes; users read and type them in days and hours.
//
//   parseDuration("5d", 480)        -> 2400       parseDuration("4h", 480) -> 240
//   parseDuration("1.5 days", 480)  -> 720        parseDuration("3", 480)  -> 1440 (days by default)
//   formatDuration(720, 480)        -> "1d 4h"    formatDuration(0, 480)   -> "0d"
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plotline {

// The longest duration or lag any reader accepts: 200 years of 8-hour days, in minutes.
inline constexpr int64_t kMaxMinutes = int64_t(480) * 365 * 200;

// Accepts: a number with an optional unit m/min/mins/minute(s), h/hr/hrs/hour(s), d/day(s), w/wk/week(s)
// (weeks are 5 working days), "1d 4h" combinations, a leading sign when allowNegative, and a
// trailing "?" (MS Project's estimated mark). Returns nullopt for anything else, non-whole minutes,
// or more than kMaxMinutes either way.
std::optional<int64_t> parseDuration(std::string_view text, int minutesPerDay, bool allowNegative = false);
std::string formatDuration(int64_t minutes, int minutesPerDay);

} // namespace plotline
