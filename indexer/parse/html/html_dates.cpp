#include "html_dates.hpp"

#include "parse/text_dates.hpp"
#include "text.hpp"

#include <algorithm>
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
    std::size_t first = tok.size(), last = 0; // the first and the last token of the date
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
                first = std::min(first, i), last = i;
                continue;
            }
        }
        if (all_digits(digits)) {
            if (digits.size() == 4 && year == 0)
                year = to_int(digits), first = std::min(first, i), last = i;
            else if (digits.size() <= 2 && day == 0 && to_int(digits) >= 1 && to_int(digits) <= 31)
                day = to_int(digits), first = std::min(first, i), last = i;
        }
        if (month && day && year) break;
    }
    if (!(month && day && year)) return std::nullopt;
    auto base = date_only(year, month, static_cast<unsigned>(day));
    if (!base) return std::nullopt;
    // An optional time and zone after the date, or between the day and the year as C's
    // asctime and Java's Date write it ("Mon Aug 03 12:45:00 EDT 2015").
    std::size_t i = last + 1;
    if (i < tok.size() && (iequals(tok[i], "at") || tok[i] == "-" || tok[i] == "|")) ++i;
    if (i >= tok.size() || tok[i].find(':') == std::string::npos) {
        i = tok.size();
        for (std::size_t k = first; k < last; ++k)
            if (tok[k].find(':') != std::string::npos) {
                i = k;
                break;
            }
    }
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
            all_digits(r.substr(5, 2)) && r[7] == r[4] && all_digits(r.substr(8, 2)) &&
            (r.size() == 10 || r[10] < '0' || r[10] > '9')) {
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
        // A slug that ends in its day: "/australian-megablaze-brought-under-control-20200113".
        // Only in the last segment, and only from 1990 on: a number that happens to be a
        // valid day elsewhere is more likely an id.
        std::size_t end = std::min(r.find_first_of("/?#."), r.size());
        std::string_view seg = r.substr(0, end);
        if ((end == r.size() || r[end] != '/') && seg.size() > 9 &&
            (seg[seg.size() - 9] == '-' || seg[seg.size() - 9] == '_') &&
            all_digits(seg.substr(seg.size() - 8))) {
            std::string_view d8 = seg.substr(seg.size() - 8);
            int y = to_int(d8.substr(0, 4));
            auto t = date_only(y, static_cast<unsigned>(to_int(d8.substr(4, 2))),
                               static_cast<unsigned>(to_int(d8.substr(6, 2))));
            if (t && y >= 1990) return t->local;
        }
        // A whole segment "/29-10-2021" (day first, as German and French sites write it).
        if (r.size() >= 10 && all_digits(r.substr(0, 2)) && r[2] == '-' &&
            all_digits(r.substr(3, 2)) && r[5] == '-' && all_digits(r.substr(6, 4)) &&
            (r.size() == 10 || std::string_view("/.?#").find(r[10]) != std::string_view::npos)) {
            auto t =
                date_only(to_int(r.substr(6, 4)), static_cast<unsigned>(to_int(r.substr(3, 2))),
                          static_cast<unsigned>(to_int(r.substr(0, 2))));
            if (t) return t->local;
        }
    }
    return std::nullopt;
}

} // namespace morgue

namespace morgue {

namespace {

struct Cand {
    LocalTime time;
    std::string source;
    int rank;              // lower is more trusted
    bool modified;         // an update time, not the publication
    bool plausible;        // 1990 .. now
    bool generic = false;  // a generic "date" meta: a page's date, not always its publication
    bool in_utc = false;   // written in UTC ("...Z", "+00:00", "GMT"), not in a local zone
    bool labelled = false; // a text date after a publication cue ("Published", "Veröffentlicht")
};

// Candidates in order of trust: by rank, and among the texts by the headline and byline
// (ranks 5..8) a date the page labels as the publication ("Published December 21, 2016")
// before unlabelled ones (a teaser's date markup, the day a page was generated).
bool more_trusted(const Cand& a, const Cand& b) {
    auto key = [](const Cand& c) {
        bool shown_label = c.labelled && c.rank >= 5 && c.rank <= 8;
        return std::pair<int, int>(shown_label ? 5 : c.rank, shown_label ? 0 : 1);
    };
    return key(a) < key(b);
}

// A machine time written in UTC rather than in the publisher's zone.
bool written_in_utc(std::string_view v) {
    v = trim(v);
    for (std::string_view end : {"Z", "z", "+00:00", "+0000", "GMT", "UTC"})
        if (v.size() > end.size() && v.substr(v.size() - end.size()) == end) return true;
    return false;
}

// Full-date text in a (possibly long) string: the first unmarked or published one.
std::optional<TextDate> first_text_date(std::string_view s, bool month_first) {
    auto ds = find_text_dates(s, month_first, 8);
    for (const auto& d : ds)
        if (d.published) return d;
    for (const auto& d : ds)
        if (!d.modified) return d;
    return std::nullopt;
}

LocalTime at_day(Ymd d) {
    return LocalTime{days_from_civil(d) * 86400, d, false};
}

bool same_day(const LocalTime& a, const LocalTime& b) {
    return a.local == b.local;
}

} // namespace

std::optional<PageDate> choose_page_date(const DateInputs& in) {
    const PageMeta& m = *in.meta;
    std::string lang = to_lower_ascii(in.lang);
    bool month_first = lang == "en-us" || lang == "en_us" || lang == "en";
    std::int64_t now = in.now > 0 ? in.now : 0;
    std::int64_t floor1990 = days_from_civil(Ymd{1990, 1, 1}) * 86400;
    std::vector<Cand> cands;
    auto push = [&](const LocalTime& t, const char* source, int rank, bool modified) {
        bool ok = t.utc >= floor1990 && (now == 0 || t.utc <= now + 86400);
        cands.push_back({t, source, rank, modified, ok});
    };
    // A structured value: a machine date, else a date written in words.
    auto add = [&](const std::string& v, const char* source, int rank, bool modified) {
        if (v.empty()) return;
        if (auto t = parse_page_date(v)) {
            push(*t, source, rank, modified);
            cands.back().in_utc = t->has_time && written_in_utc(v);
            return;
        }
        if (auto d = first_text_date(v, month_first)) push(at_day(d->ymd), source, rank, modified);
    };
    add(m.ld_published, "jsonld", 0, false);
    for (const auto& v : m.meta_published) {
        std::size_t before = cands.size();
        add(v, "meta", 1, false);
        if (cands.size() > before && v == m.meta_generic_date) cands.back().generic = true;
    }
    for (const auto& v : m.microdata_published)
        add(v, "microdata", 2, false);
    // <time pubdate> marks the publication of the article it sits in; when several marked
    // times disagree they belong to a list of articles, and the page's header says more.
    add(m.time_published, "time-element", m.time_published_count > 0 ? 8 : 3, false);
    std::optional<Ymd> url_day = date_in_url(in.url);
    if (url_day) push(at_day(*url_day), "url", 4, false);
    // Dates written in the page: date markup, bylines, around the headline, the first
    // paragraphs. An "Updated ..." date is an update; a "Published ..." one wins its group.
    std::optional<Ymd> shown_update; // the first "Updated ..." date of the page's texts
    auto add_texts = [&](const std::vector<std::string>& texts, int rank, std::size_t limit,
                         bool short_year = false) {
        std::optional<TextDate> best;
        std::string_view from; // the text from the chosen date on
        for (std::size_t i = 0; i < texts.size() && i < limit; ++i) {
            for (const auto& d : find_text_dates(texts[i], month_first, 4, short_year)) {
                if (d.modified) {
                    if (!shown_update && rank <= 8) shown_update = d.ymd;
                    continue;
                }
                if (!best || (d.published && !best->published))
                    best = d, from = std::string_view(texts[i]).substr(d.pos);
            }
            if (best && best->published) break;
        }
        if (!best) return;
        // The time of day when the words after the date give one ("at 9:15 AM EST").
        if (auto t = parse_page_date(from.substr(0, std::min<std::size_t>(from.size(), 60)));
            t && t->local == best->ymd)
            push(*t, "text", rank, false);
        else
            push(at_day(best->ymd), "text", rank, false);
        cands.back().labelled = best->published;
    };
    // Date markup and bylines hold nothing but a date where they hold "8.5.12".
    add_texts(m.date_texts, 5, 6, true);
    add_texts(m.byline_full_texts, 6, 8, true);
    add_texts(in.bylines, 6, 8, true);
    {
        // Around the headline the texts are short and split: join them so "19." "Oktober
        // 2019" in two elements still reads as one date.
        std::string joined;
        for (const auto& t : m.head_texts)
            joined += t + "\n";
        add_texts({joined}, 7, 1);
    }
    add_texts(m.byline_lines, 8, 2, true);
    add(m.time_first, "time-element", 8, false);
    // The page's own article in a list of teasers: itemprop=datePublished there is as good
    // as anywhere, a plain <time> as good as the page's first.
    if (m.own_card_microdata)
        add(m.own_card_date, "microdata", 2, false);
    else
        add(m.own_card_date, "time-element", 8, false);
    add_texts(in.content_start, 9, 3);
    // The first "last changed on ..." line anywhere in the page (a wiki's footer).
    std::optional<Ymd> page_update;
    {
        // Last resort: the day written most often in the page's short texts (a story's
        // date recurs in its header, its comments and its print line; neighbours' dates
        // each occur once or twice), the earliest of equals.
        std::vector<std::pair<Ymd, int>> seen;
        for (const auto& t : m.digit_texts)
            for (const auto& d : find_text_dates(t, month_first, 4)) {
                if (d.modified) {
                    if (!page_update) page_update = d.ymd;
                    continue;
                }
                auto it = std::find_if(seen.begin(), seen.end(),
                                       [&](const auto& x) { return x.first == d.ymd; });
                if (it == seen.end())
                    seen.emplace_back(d.ymd, 1);
                else
                    ++it->second;
            }
        const std::pair<Ymd, int>* top = nullptr;
        for (const auto& x : seen) {
            LocalTime lt = at_day(x.first);
            if (lt.utc < floor1990 || (now != 0 && lt.utc > now + 86400)) continue;
            if (!top || x.second > top->second || (x.second == top->second && x.first < top->first))
                top = &x;
        }
        if (top) push(at_day(top->first), "text", 10, false);
    }
    add(m.ld_modified, "jsonld-modified", 20, true);
    // An "Updated 13 June 2019" line by the headline: an update, and the page's only date
    // when nothing else is found.
    if (shown_update) push(at_day(*shown_update), "text-modified", 23, true);
    // A page's "last changed on ..." line elsewhere (a wiki's footer) is weaker still.
    if (page_update && !shown_update) push(at_day(*page_update), "text-modified", 24, true);
    for (const auto& v : m.microdata_modified)
        add(v, "microdata-modified", 21, true);
    add(m.meta_modified, "meta-modified", 22, true);

    // Days other articles on the page were published (related stories in JSON-LD).
    std::vector<LocalTime> others;
    for (const auto& v : m.ld_other_published)
        if (auto t = parse_page_date(v)) others.push_back(*t);

    // A date seen in the text that is another article's publication day (a related story)
    // is that article's, not this one's.
    for (auto& c : cands)
        if (c.rank >= 5 && c.source == std::string("text"))
            for (const auto& o : others)
                if (same_day(c.time, o)) c.rank += 30;
    // An article is published before it is updated: a day the page shows (its texts, a
    // <time>) more than a day after the last update its markup gives belongs to something
    // else (the day the page was generated, a neighbour's teaser, a comment).
    {
        std::optional<LocalTime> updated;
        for (const auto& c : cands)
            if (c.modified && c.rank < 23 && c.plausible && (!updated || c.time.utc > updated->utc))
                updated = c.time;
        if (updated)
            for (auto& c : cands)
                if (!c.modified && c.rank >= 5 &&
                    days_from_civil(c.time.local) > days_from_civil(updated->local) + 1)
                    c.plausible = false;
        // The same for the weakest candidates (a day in the text's first paragraphs, the
        // page's most frequent day) and a "last changed" line anywhere in the page: a day
        // after the page's last change is an event it announces, not its publication.
        if (page_update)
            for (auto& c : cands)
                if (!c.modified && c.rank >= 9 &&
                    days_from_civil(c.time.local) > days_from_civil(*page_update) + 1)
                    c.plausible = false;
    }
    const Cand* best = nullptr;
    for (const auto& c : cands)
        if (c.plausible && (!best || more_trusted(c, *best))) best = &c;
    if (!best) {
        for (const auto& c : cands)
            if (!best || more_trusted(c, *best)) best = &c;
        if (!best) return std::nullopt;
        return PageDate{best->time, best->source};
    }
    // A time written in UTC and the same instant written in a local zone on another day
    // ("2019-10-18T22:04:00Z" and "Sat, 19 Oct 2019 00:04:00 +0200"): the publisher's day.
    if (best->in_utc)
        for (const auto& c : cands)
            if (c.plausible && !c.modified && c.time.has_time && !c.in_utc && c.rank < 20 &&
                !same_day(c.time, best->time) && c.time.utc - best->time.utc <= 60 &&
                best->time.utc - c.time.utc <= 60)
                return PageDate{c.time, c.source};
    // The date the page shows next to its headline or byline (ranks 5..8), when structured
    // markup says another day: the shown day wins when more independent sources back it
    // than back the markup's (a CMS "date" meta holding the day of an edit, a JSON-LD time
    // in UTC that is the next day in the publisher's zone, a modified day that is the only
    // one the page shows).
    const Cand* shown = nullptr;
    for (const auto& c : cands)
        if (c.plausible && !c.modified && c.rank >= 5 && c.rank <= 8 &&
            (!shown || more_trusted(c, *shown)))
            shown = &c;
    auto support = [&](const Cand& x) {
        // Other kinds of source on x's day: all texts of the page are one source (the
        // byline, the header and the page's most frequent date are often the same words).
        std::vector<std::string> seen;
        for (const auto& c : cands) {
            if (c.source == x.source || c.modified || !c.plausible || !same_day(c.time, x.time))
                continue;
            if (std::find(seen.begin(), seen.end(), c.source) == seen.end())
                seen.push_back(c.source);
        }
        return static_cast<int>(seen.size());
    };
    // A page that shows only the day of its last edit keeps the published day of its
    // markup: `date:` means the publication (issue 13: published over modified).
    // A generic "date" meta (name=date, DC.date) is often the day of the last edit or of
    // the page's generation: the shown day needs no more backing than it has.
    int margin = best->generic ? 0 : 1;
    if (shown && best->rank < 5 && !same_day(shown->time, best->time) &&
        support(*shown) >= support(*best) + margin) {
        // The most precise candidate on that day: one with a time of day, else the shown.
        for (const auto& c : cands)
            if (c.plausible && same_day(c.time, shown->time) && c.time.has_time && c.rank < 20)
                return PageDate{c.time, c.source};
        return PageDate{shown->time, shown->source};
    }
    // A full date in the URL is what the publisher filed the story under: when structured
    // markup says a later day (an update written into the published field) and another
    // source agrees with the URL, the URL's day is the publication.
    if (url_day && best->rank < 4 && !same_day(best->time, at_day(*url_day))) {
        LocalTime u = at_day(*url_day);
        bool agreed = false;
        for (const auto& c : cands)
            if (&c != best && c.source != std::string("url") && c.plausible && same_day(c.time, u))
                agreed = true;
        if (agreed && u.utc < best->time.utc) {
            for (const auto& c : cands)
                if (c.source != std::string("url") && same_day(c.time, u) && c.time.has_time)
                    return PageDate{c.time, c.source};
            return PageDate{u, "url"};
        }
    }
    return PageDate{best->time, best->source};
}

} // namespace morgue
