#include "date_query.hpp"

#include "errors.hpp"
#include "schema_values.hpp"
#include "text.hpp"

#include <charconv>
#include <ctime>
#include <optional>
#include <vector>

namespace morgue {

namespace {

Ymd add_days(Ymd d, std::int64_t n) {
    return civil_from_days(days_from_civil(d) + n);
}

Ymd add_months(Ymd d, int n) {
    int m = static_cast<int>(d.month) - 1 + n;
    int y = d.year + (m >= 0 ? m / 12 : (m - 11) / 12);
    m = ((m % 12) + 12) % 12;
    return {y, static_cast<unsigned>(m + 1), 1};
}

DateRange whole_month(int y, unsigned m) {
    return {{y, m, 1}, {y, m, days_in_month(y, m)}};
}
DateRange whole_year(int y) {
    return {{y, 1, 1}, {y, 12, 31}};
}

DateRange week_of(Ymd d) {
    // ISO weeks start on Monday; 1970-01-01 was a Thursday.
    std::int64_t days = days_from_civil(d);
    std::int64_t weekday = ((days + 3) % 7 + 7) % 7; // 0 = Monday
    Ymd mon = civil_from_days(days - weekday);
    return {mon, add_days(mon, 6)};
}

// 0 = Monday .. 6 = Sunday, or -1: full English names and their usual abbreviations.
int weekday_from_name(std::string_view w) {
    static constexpr std::string_view names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                 "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; ++i) {
        std::string_view n = names[i];
        if (w == n || (w.size() >= 3 && w.size() <= 5 && n.substr(0, w.size()) == w &&
                       (w.size() == 3 || n.substr(0, 3) == "tue" || n.substr(0, 3) == "thu")))
            return i;
    }
    return -1;
}

int weekday_of(Ymd d) {
    return static_cast<int>(((days_from_civil(d) + 3) % 7 + 7) % 7); // 1970-01-01: Thursday
}

std::optional<int> number(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> w;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '-' || c == '_' || c == ',') {
            if (!cur.empty()) w.push_back(cur), cur.clear();
        } else {
            cur += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    if (!cur.empty()) w.push_back(cur);
    return w;
}

[[noreturn]] void bad(std::string_view part, std::string_view why = {}) {
    std::string msg = "date: cannot read '" + std::string(part) + "'";
    if (!why.empty()) msg += " (" + std::string(why) + ")";
    msg += "; try 2024-10-25, 2024-10, 2024, A..B, yesterday, last-month, 3-days-ago, "
           "monday, last-friday, oct-2024";
    throw Error(msg);
}

// One period: a day, a month, a year, a week...
DateRange parse_period(std::string_view raw, Ymd today) {
    std::string_view s = trim(raw);
    if (s.empty()) bad(raw, "empty");
    // Numeric forms first: 2024, 2024-10, 2024-10-25, 20241025, 202410.
    bool numeric = true;
    for (char c : s)
        if (!(c >= '0' && c <= '9') && c != '-') numeric = false;
    if (numeric && s.find("--") == std::string_view::npos) {
        std::string digits;
        for (char c : s)
            if (c != '-') digits += c;
        auto num = [&](std::size_t pos, std::size_t n) {
            return *number(std::string_view(digits).substr(pos, n));
        };
        if (digits.size() == 4 && s.size() == 4) {
            int y = num(0, 4);
            if (y < 1) bad(raw, "no year 0");
            return whole_year(y);
        }
        if (digits.size() == 6 && (s.size() == 7 || s.size() == 6)) {
            int y = num(0, 4), m = num(4, 2);
            if (y < 1 || m < 1 || m > 12) bad(raw, "no such month");
            return whole_month(y, static_cast<unsigned>(m));
        }
        if (digits.size() == 8 && (s.size() == 10 || s.size() == 8)) {
            int y = num(0, 4), m = num(4, 2), d = num(6, 2);
            if (!valid_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
                bad(raw, "no such day");
            Ymd day{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
            return {day, day};
        }
        bad(raw);
    }
    if (s[0] == '@') {
        auto secs = number(s.substr(1));
        if (!secs && s.size() > 1) {
            // Larger than int: parse as 64-bit.
            std::int64_t v = 0;
            auto [p, ec] = std::from_chars(s.data() + 1, s.data() + s.size(), v);
            if (ec != std::errc() || p != s.data() + s.size()) bad(raw, "not an epoch time");
            Ymd d = ymd_at(v, 0);
            return {d, d};
        }
        if (!secs) bad(raw, "not an epoch time");
        Ymd d = ymd_at(*secs, 0);
        return {d, d};
    }
    auto w = words_of(s);
    if (w.size() == 1) {
        if (w[0] == "today") return {today, today};
        if (w[0] == "yesterday") {
            Ymd d = add_days(today, -1);
            return {d, d};
        }
    }
    // Weekdays: "monday" is the latest Monday up to today, "last monday" the latest
    // before today, "next monday" the first after today, "this monday" this ISO week's.
    if (!w.empty() && w.size() <= 2 && weekday_from_name(w.back()) >= 0) {
        int want = weekday_from_name(w.back());
        int have = weekday_of(today);
        int back = (have - want + 7) % 7;
        std::string_view which = w.size() == 2 ? std::string_view(w[0]) : "";
        Ymd d;
        if (which.empty())
            d = add_days(today, -back);
        else if (which == "last")
            d = add_days(today, back == 0 ? -7 : -back);
        else if (which == "next")
            d = add_days(today, (want - have + 7) % 7 == 0 ? 7 : (want - have + 7) % 7);
        else if (which == "this")
            d = add_days(today, want - have);
        else
            bad(raw, "before a weekday: last, next or this");
        return {d, d};
    }
    if (w.size() == 2 && (w[0] == "this" || w[0] == "last")) {
        int back = w[0] == "last" ? 1 : 0;
        if (w[1] == "week") return week_of(add_days(today, -7 * back));
        if (w[1] == "month") {
            Ymd m = add_months(today, -back);
            return whole_month(m.year, m.month);
        }
        if (w[1] == "year") return whole_year(today.year - back);
    }
    if (w.size() == 3 && w[2] == "ago") {
        auto n = number(w[0]);
        if (!n || *n < 0) bad(raw, "N must be a whole number");
        std::string unit = w[1];
        if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
        if (unit == "day") {
            Ymd d = add_days(today, -*n);
            return {d, d};
        }
        if (unit == "week") return week_of(add_days(today, -7LL * *n));
        if (unit == "month") {
            Ymd m = add_months(today, -*n);
            return whole_month(m.year, m.month);
        }
        if (unit == "year") return whole_year(today.year - *n);
        bad(raw, "unit must be days, weeks, months or years");
    }
    // Month names: "october-2024", "Oct 2024", "2024 october", "october".
    if (w.size() == 2 || w.size() == 1) {
        unsigned m = month_from_name(w[0]);
        std::optional<int> y = w.size() == 2 ? number(w[1]) : std::nullopt;
        if (!m && w.size() == 2) {
            m = month_from_name(w[1]);
            y = number(w[0]);
        }
        if (m && w.size() == 2 && y && *y >= 1 && *y <= 9999) return whole_month(*y, m);
        if (m && w.size() == 1) {
            int year = today.year - (m > today.month ? 1 : 0);
            return whole_month(year, m);
        }
    }
    bad(raw);
}

} // namespace

DateRange parse_date_range(std::string_view expr, Ymd today) {
    std::string_view s = trim(expr);
    auto dots = s.find("..");
    if (dots == std::string_view::npos) return parse_period(s, today);
    std::string_view a = trim(s.substr(0, dots)), b = trim(s.substr(dots + 2));
    if (b.find("..") != std::string_view::npos) bad(expr, "one '..' at most");
    if (a.empty() && b.empty()) bad(expr, "a range needs a start or an end");
    DateRange r{{1, 1, 1}, {9999, 12, 31}};
    if (!a.empty()) r.from = parse_period(a, today).from;
    if (!b.empty()) r.to = parse_period(b, today).to;
    if (r.to < r.from) bad(expr, "the range ends before it starts");
    return r;
}

Xapian::Query date_range_query(const DateRange& in, Ymd lo, Ymd hi) {
    DateRange r = in;
    if (r.from < lo) r.from = lo;
    if (hi < r.to) r.to = hi;
    // Not Query::MatchNothing: QueryParser drops an empty filter, which would widen the
    // search to every date. A day term no article carries matches nothing instead.
    if (r.to < r.from) return Xapian::Query(no_date_term());
    std::vector<std::string> terms;
    Ymd d = r.from;
    while (!(r.to < d)) {
        // A whole year fits?
        if (d.month == 1 && d.day == 1 && !(r.to < Ymd{d.year, 12, 31})) {
            terms.push_back(year_term(d.year));
            d = {d.year + 1, 1, 1};
            continue;
        }
        unsigned last = days_in_month(d.year, d.month);
        if (d.day == 1 && !(r.to < Ymd{d.year, d.month, last})) {
            terms.push_back(month_term(d.year, d.month));
            d = add_months(d, 1);
            continue;
        }
        terms.push_back(day_term(d));
        d = add_days(d, 1);
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Ymd today_utc() {
    return ymd_at(static_cast<std::int64_t>(std::time(nullptr)), 0);
}

} // namespace morgue
