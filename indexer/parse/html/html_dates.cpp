#include "html_dates.hpp"

#include "text.hpp"

#include <string>
#include <vector>

namespace morgue {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

std::optional<LocalTime> date_only(int y, unsigned m, unsigned d) {
    if (!valid_ymd(y, m, d) || y < 1900 || y > 2200) return std::nullopt;
    Ymd ymd{y, m, d};
    return LocalTime{days_from_civil(ymd) * 86400, ymd, false};
}

// "Oct 25, 2024 10:30 AM EDT", "Fri, 25 Oct 2024 10:30:00 +0000", "25. Oktober 2024".
std::optional<LocalTime> parse_words(std::string_view s) {
    std::vector<std::string> tok;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == ',' || c == '\t' || (c == '.' && !cur.empty() && all_digits(cur))) {
            if (!cur.empty()) tok.push_back(cur), cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) tok.push_back(cur);
    unsigned month = 0;
    int day = 0, year = 0;
    std::size_t last = 0;
    for (std::size_t i = 0; i < tok.size() && i < 12; ++i) {
        std::string t = tok[i];
        // "25th", "1st"
        std::string digits = t;
        for (std::string_view suf : {"st", "nd", "rd", "th"})
            if (digits.size() > 2 && digits.substr(digits.size() - 2) == suf &&
                all_digits(digits.substr(0, digits.size() - 2)))
                digits = digits.substr(0, digits.size() - 2);
        if (month == 0 && !all_digits(t)) {
            if (unsigned m = month_from_name(t); m) {
                month = m;
                last = i;
                continue;
            }
        }
        if (all_digits(digits)) {
            if (digits.size() == 4 && year == 0)
                year = to_int(digits), last = i;
            else if (digits.size() <= 2 && day == 0 && to_int(digits) >= 1 && to_int(digits) <= 31)
                day = to_int(digits), last = i;
        }
        if (month && day && year) break;
    }
    if (!(month && day && year)) return std::nullopt;
    auto base = date_only(year, month, static_cast<unsigned>(day));
    if (!base) return std::nullopt;
    // An optional time and zone after the date.
    std::size_t i = last + 1;
    if (i < tok.size() && (iequals(tok[i], "at") || tok[i] == "-" || tok[i] == "|")) ++i;
    if (i >= tok.size()) return base;
    auto colon = tok[i].find(':');
    if (colon == std::string::npos || colon == 0) return base;
    std::string hs = tok[i].substr(0, colon), ms = tok[i].substr(colon + 1, 2);
    if (!all_digits(hs) || !all_digits(ms)) return base;
    int hh = to_int(hs), mm = to_int(ms), ss = 0;
    if (tok[i].size() >= colon + 6 && tok[i][colon + 3] == ':' &&
        all_digits(tok[i].substr(colon + 4, 2)))
        ss = to_int(tok[i].substr(colon + 4, 2));
    std::string rest = to_lower_ascii(tok[i].substr(colon + 3));
    ++i;
    std::string ampm = rest;
    if (ampm.empty() || ampm[0] == ':') ampm = i < tok.size() ? to_lower_ascii(tok[i]) : "";
    if (ampm == "am" || ampm == "a.m." || ampm == "pm" || ampm == "p.m.") {
        if (hh == 12) hh = 0;
        if (ampm[0] == 'p') hh += 12;
        if (!(rest == "am" || rest == "pm")) ++i;
    }
    if (hh > 23 || mm > 59 || ss > 59) return base;
    std::optional<int> offset;
    if (i < tok.size()) {
        const std::string& z = tok[i];
        if ((z[0] == '+' || z[0] == '-') && z.size() == 5 && all_digits(z.substr(1))) {
            int v = to_int(z.substr(1, 2)) * 60 + to_int(z.substr(3, 2));
            offset = z[0] == '-' ? -v : v;
        } else {
            offset = zone_offset_minutes(z);
        }
    }
    LocalTime lt = *base;
    lt.has_time = true;
    lt.utc =
        days_from_civil(lt.local) * 86400 + hh * 3600 + mm * 60 + ss - offset.value_or(0) * 60LL;
    return lt;
}

} // namespace

std::optional<LocalTime> parse_page_date(std::string_view raw) {
    std::string s = normalize_space(raw);
    if (s.empty() || s.size() > 200) return std::nullopt;
    if (auto t = parse_iso_local(s)) return t;
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
        // ISO with something after it that parse_iso_local does not take.
        if (s.size() >= 19)
            if (auto t = parse_iso_local(std::string_view(s).substr(0, s.size() >= 25 ? 25 : 19)))
                return t;
        if (auto t = parse_iso_local(std::string_view(s).substr(0, 19))) return t;
        if (auto t = parse_iso_local(std::string_view(s).substr(0, 10))) return t;
    }
    if (all_digits(s)) {
        if (s.size() == 8)
            return date_only(to_int(s.substr(0, 4)), static_cast<unsigned>(to_int(s.substr(4, 2))),
                             static_cast<unsigned>(to_int(s.substr(6, 2))));
        if (s.size() == 10 || s.size() == 13) {
            long long v = std::stoll(s);
            if (s.size() == 13) v /= 1000;
            LocalTime lt;
            lt.utc = v;
            lt.local = civil_from_days(v >= 0 ? v / 86400 : (v - 86399) / 86400);
            lt.has_time = true;
            return lt;
        }
        return std::nullopt;
    }
    // "2024/10/25", "2024.10.25"
    if (s.size() >= 10 && all_digits(s.substr(0, 4)) && (s[4] == '/' || s[4] == '.') &&
        all_digits(s.substr(5, 2)) && s[7] == s[4] && all_digits(s.substr(8, 2)))
        return date_only(to_int(s.substr(0, 4)), static_cast<unsigned>(to_int(s.substr(5, 2))),
                         static_cast<unsigned>(to_int(s.substr(8, 2))));
    return parse_words(s);
}

std::optional<Ymd> date_in_url(std::string_view url) {
    auto scheme = url.find("://");
    std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    if (path == std::string_view::npos) return std::nullopt;
    std::string_view p = url.substr(path);
    for (std::size_t i = 0; i + 5 < p.size(); ++i) {
        if (p[i] != '/') continue;
        std::string_view r = p.substr(i + 1);
        if (r.size() >= 10 && all_digits(r.substr(0, 4)) && (r[4] == '/' || r[4] == '-') &&
            all_digits(r.substr(5, 2)) && r[7] == r[4] && all_digits(r.substr(8, 2))) {
            auto t =
                date_only(to_int(r.substr(0, 4)), static_cast<unsigned>(to_int(r.substr(5, 2))),
                          static_cast<unsigned>(to_int(r.substr(8, 2))));
            if (t) return t->local;
        }
        if (r.size() >= 9 && all_digits(r.substr(0, 8)) && (r[8] == '/' || r[8] == '-')) {
            auto t =
                date_only(to_int(r.substr(0, 4)), static_cast<unsigned>(to_int(r.substr(4, 2))),
                          static_cast<unsigned>(to_int(r.substr(6, 2))));
            if (t) return t->local;
        }
    }
    return std::nullopt;
}

} // namespace morgue
