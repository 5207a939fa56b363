// Calendar and time-zone helpers (Howard Hinnant's date library underneath):
// ISO 8601 parsing and printing, zone abbreviations, month names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace morgue {

struct Ymd {
    int year = 0;
    unsigned month = 0; // 1..12
    unsigned day = 0;   // 1..31
    bool operator==(const Ymd&) const = default;
    auto operator<=>(const Ymd&) const = default;
};

bool valid_ymd(int y, unsigned m, unsigned d);
std::int64_t days_from_civil(Ymd d); // days since 1970-01-01
Ymd civil_from_days(std::int64_t days);
unsigned days_in_month(int y, unsigned m);

std::string format_ymd(Ymd d);              // "2024-10-25"
std::string format_iso_utc(std::int64_t t); // "2024-10-25T10:30:00Z"

// The calendar date of instant t (UTC seconds) at a fixed offset from UTC.
Ymd ymd_at(std::int64_t t, int offset_minutes);

// "2024-10-25", "2024-10-25T10:30", "2024-10-25T10:30:00.123+02:00", "...Z", "... 10:30:00",
// "+0200": seconds since the epoch, UTC. A time without a zone is taken as UTC.
std::optional<std::int64_t> parse_iso_datetime(std::string_view s);

// An HTTP Date header (RFC 9110: "Sun, 06 Nov 1994 08:49:37 GMT", and the obsolete
// RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994" forms):
// seconds since the epoch, UTC.
std::optional<std::int64_t> parse_http_date(std::string_view s);

// Like parse_iso_datetime, but also reports the local calendar day as written
// (before conversion to UTC), which is the article's own date.
struct LocalTime {
    std::int64_t utc = 0;
    Ymd local;
    bool has_time = false;
};
std::optional<LocalTime> parse_iso_local(std::string_view s);

// "YYYY-MM-DD" only, strictly.
std::optional<Ymd> parse_ymd(std::string_view s);

// Offset from UTC in minutes for a zone abbreviation (EST, CDT, GMT, CEST, ...).
std::optional<int> zone_offset_minutes(std::string_view abbrev);

// 1..12 for "Jan", "January", "Sept.", "sep" (case-insensitive), else 0.
unsigned month_from_name(std::string_view name);

} // namespace morgue
