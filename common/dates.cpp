#include "dates.hpp"

#include "text.hpp"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

namespace morgue {

bool valid_ymd(int y, unsigned m, unsigned d) {
    return y >= 1 && y <= 9999 &&
           date::year_month_day{date::year{y}, date::month{m}, date::day{d}}.ok();
}

std::int64_t days_from_civil(Ymd d) {
    auto sd = date::sys_days{date::year{d.year} / date::month{d.month} / date::day{d.day}};
    return sd.time_since_epoch().count();
}

Ymd civil_from_days(std::int64_t days) {
    // date.h counts days in an int and works within years -32767..32767: clamp to about
    // -25,000..29,000 so an absurd epoch time ("@185535844055358") cannot overflow it
    // (found by date_fuzzer).
    constexpr std::int64_t kMaxDays = 10'000'000;
    days = std::clamp<std::int64_t>(days, -kMaxDays, kMaxDays);
    date::year_month_day ymd{date::sys_days{date::days{static_cast<int>(days)}}};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day())};
}

unsigned days_in_month(int y, unsigned m) {
    return static_cast<unsigned>((date::year{y} / date::month{m} / date::last).day());
}

std::string format_ymd(Ymd d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    return buf;
}

static std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

std::string format_iso_utc(std::int64_t t) {
    std::int64_t days = floor_div(t, 86400);
    std::int64_t secs = t - days * 86400;
    Ymd d = civil_from_days(days);
    if (d.year >= 0 && d.year <= 9999) { // the same bytes as the snprintf below, written directly
        char b[] = "0000-00-00T00:00:00Z";
        auto put = [&](int at, unsigned v, int width) {
            for (int k = width - 1; k >= 0; --k, v /= 10)
                b[at + k] = static_cast<char>('0' + v % 10);
        };
        put(0, static_cast<unsigned>(d.year), 4);
        put(5, d.month, 2);
        put(8, d.day, 2);
        put(11, static_cast<unsigned>(secs / 3600), 2);
        put(14, static_cast<unsigned>(secs / 60 % 60), 2);
        put(17, static_cast<unsigned>(secs % 60), 2);
        return std::string(b, sizeof b - 1);
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    return buf;
}

Ymd ymd_at(std::int64_t t, int offset_minutes) {
    // Far outside any calendar date: saturate before adding the offset can overflow.
    constexpr std::int64_t kFar = std::int64_t(1) << 60;
    t = std::clamp(t, -kFar, kFar);
    return civil_from_days(floor_div(t + offset_minutes * 60LL, 86400));
}

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}
} // namespace

std::optional<Ymd> parse_ymd(std::string_view s) {
    int y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
    if (!valid_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) return std::nullopt;
    return Ymd{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

std::optional<LocalTime> parse_iso_local(std::string_view s) {
    s = trim(s);
    if (s.size() < 10) return std::nullopt;
    auto ymd = parse_ymd(s.substr(0, 10));
    if (!ymd) return std::nullopt;
    LocalTime lt;
    lt.local = *ymd;
    std::int64_t t = days_from_civil(*ymd) * 86400;
    std::size_t i = 10;
    int offset = 0;
    if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        int hh, mm, ss = 0;
        if (!digits(s, i + 1, 2, hh) || i + 3 >= s.size() || s[i + 3] != ':' ||
            !digits(s, i + 4, 2, mm))
            return i + 1 >= s.size() ? std::optional<LocalTime>(lt) : std::nullopt;
        i += 6;
        if (i < s.size() && s[i] == ':') {
            if (!digits(s, i + 1, 2, ss)) return std::nullopt;
            i += 3;
        }
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9')
                ++i;
        }
        if (hh > 24 || mm > 59 || ss > 60) return std::nullopt;
        t += hh * 3600 + mm * 60 + ss;
        lt.has_time = true;
        while (i < s.size() && s[i] == ' ')
            ++i;
        if (i < s.size()) {
            if (s[i] == 'Z' || s[i] == 'z') {
                ++i;
            } else if (s[i] == '+' || s[i] == '-') {
                int sign = s[i] == '-' ? -1 : 1, oh, om = 0;
                if (!digits(s, i + 1, 2, oh)) return std::nullopt;
                i += 3;
                if (i < s.size() && s[i] == ':') ++i;
                if (digits(s, i, 2, om)) i += 2;
                offset = sign * (oh * 60 + om);
            } else {
                auto z = zone_offset_minutes(s.substr(i));
                if (!z) return std::nullopt;
                offset = *z;
                i = s.size();
            }
        }
        if (i != s.size()) return std::nullopt;
    } else if (i != s.size()) {
        return std::nullopt;
    }
    lt.utc = t - offset * 60LL;
    return lt;
}

std::optional<std::int64_t> parse_iso_datetime(std::string_view s) {
    auto lt = parse_iso_local(s);
    if (!lt) return std::nullopt;
    return lt->utc;
}

std::optional<int> zone_offset_minutes(std::string_view abbrev) {
    struct Zone {
        std::string_view name;
        int minutes;
    };
    static constexpr std::array<Zone, 26> zones{{
        {"UTC", 0},    {"GMT", 0},    {"Z", 0},      {"UT", 0},      {"BST", 60},    {"IST", 60},
        {"WET", 0},    {"WEST", 60},  {"CET", 60},   {"CEST", 120},  {"EET", 120},   {"EEST", 180},
        {"MSK", 180},  {"EST", -300}, {"EDT", -240}, {"CST", -360},  {"CDT", -300},  {"MST", -420},
        {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"AKST", -540}, {"AKDT", -480}, {"HST", -600},
        {"AST", -240}, {"JST", 540},
    }};
    std::string_view a = trim(abbrev);
    for (const auto& z : zones)
        if (iequals(z.name, a)) return z.minutes;
    return std::nullopt;
}

unsigned month_from_name(std::string_view name) {
    static constexpr std::array<std::string_view, 12> names{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    std::string n = to_lower_ascii(trim(name));
    if (!n.empty() && n.back() == '.') n.pop_back();
    if (n.size() < 3) return 0;
    if (n == "sept") return 9;
    for (unsigned i = 0; i < 12; ++i) {
        if (n == names[i]) return i + 1;
        if (n.size() == 3 && names[i].substr(0, 3) == n) return i + 1;
    }
    return 0;
}

std::optional<std::int64_t> parse_http_date(std::string_view s) {
    std::string in(trim(s));
    for (const char* fmt :
         {"%a, %d %b %Y %H:%M:%S", "%A, %d-%b-%y %H:%M:%S", "%a %b %d %H:%M:%S %Y"}) {
        std::istringstream is(in);
        date::sys_seconds t;
        is >> date::parse(fmt, t);
        if (is.fail()) continue;
        // What follows the time is "GMT" (or nothing, in asctime's form).
        std::string rest;
        std::getline(is, rest);
        std::string_view r = trim(rest);
        if (!r.empty() && r != "GMT" && r != "UTC" && r != "+0000") continue;
        return t.time_since_epoch().count();
    }
    return std::nullopt;
}

} // namespace morgue
