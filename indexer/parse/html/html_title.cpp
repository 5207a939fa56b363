#include "html_title.hpp"

#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <vector>

namespace morgue {

namespace {

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// "(2021/3)", "(3/2021)", "(Nr. 12)": an issue number at the end of a title.
std::string strip_issue_number(const std::string& t) {
    std::string_view s = trim(t);
    if (s.empty() || s.back() != ')') return t;
    auto open = s.rfind('(');
    if (open == std::string_view::npos || open == 0) return t;
    std::string_view in = s.substr(open + 1, s.size() - open - 2);
    bool digit = false, ok = !in.empty() && in.size() <= 12;
    for (char c : in) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (!(c == '/' || c == '-' || c == '.' || c == ' ' || c == 'N' || c == 'r' ||
                   c == 'o'))
            ok = false;
    }
    if (!ok || !digit) return t;
    return std::string(trim(s.substr(0, open)));
}

std::vector<std::string> title_parts(std::string_view t) {
    static constexpr std::string_view seps[] = {" | ",
                                                " - ",
                                                " \xE2\x80\x93 ",
                                                " \xE2\x80\x94 ",
                                                " :: ",
                                                " \xC2\xB7 ",
                                                " \xC2\xBB ",
                                                " / ",
                                                " \xE2\x80\xA2 ",
                                                " @ ",
                                                " \xEF\xBC\x8D ", // fullwidth hyphen-minus
                                                "\xEF\xBD\x9C"};  // fullwidth bar, spaced or not
    std::vector<std::string> parts{std::string(t)};
    for (auto sep : seps) {
        std::vector<std::string> next;
        for (const auto& p : parts) {
            std::size_t at = 0;
            while (true) {
                auto q = p.find(sep, at);
                if (q == std::string::npos) {
                    next.push_back(p.substr(at));
                    break;
                }
                next.push_back(p.substr(at, q - at));
                at = q + sep.size();
            }
        }
        parts = std::move(next);
    }
    return parts;
}

// What may stand between a headline and the site's name once the two are cut apart.
constexpr std::string_view kCutSeparators[] = {"|",
                                               "-",
                                               "\xE2\x80\x93",
                                               "\xE2\x80\x94",
                                               "::",
                                               "\xC2\xB7",
                                               "\xC2\xBB",
                                               "/",
                                               "\xE2\x80\xA2",
                                               "@",
                                               "\xEF\xBC\x8D",  // fullwidth hyphen-minus
                                               "\xEF\xBD\x9C"}; // fullwidth vertical bar

// A <title>-like string without the site's name: "Headline | Site" -> "Headline".
std::string strip_site(const std::string& title, const std::string& site, const std::string& host) {
    auto parts = title_parts(title);
    if (parts.size() < 2) return title;
    std::string fsite = fold_for_match(site), fhost = fold_for_match(host);
    std::string hostname = fhost.substr(0, fhost.find('.'));
    auto is_site = [&](const std::string& p) {
        std::string f = fold_for_match(p);
        if (f.empty()) return true;
        std::size_t words = word_count(f);
        if (!fsite.empty() &&
            (f == fsite || (f.find(fsite) != std::string::npos && words <= word_count(fsite) + 2)))
            return true;
        std::string compact;
        for (char c : f)
            if (c != ' ') compact += c;
        if (fhost.empty()) return false;
        if (compact == fhost || compact == hostname) return true;
        // "Blog Name PIXNET" on blog.pixnet.example: a short part naming a host label.
        if (words > 3) return false;
        std::size_t at = 0;
        while (at < fhost.size()) {
            std::size_t dot = fhost.find('.', at);
            std::string label = fhost.substr(at, dot == std::string::npos ? dot : dot - at);
            at = dot == std::string::npos ? fhost.size() : dot + 1;
            if (at >= fhost.size()) break; // the top-level domain
            if (label.size() > 3 && label != "www" && compact.find(label) != std::string::npos)
                return true;
        }
        return false;
    };
    bool front = is_site(parts.front()), back = is_site(parts.back());
    if (back || front) {
        // Drop the site part at the end (or the start) and keep the rest as written.
        std::size_t from = 0, to = title.size();
        if (back) {
            to = title.size() - parts.back().size();
            std::string_view t = trim(std::string_view(title).substr(0, to));
            for (std::string_view sep : kCutSeparators)
                if (t.size() >= sep.size() && t.substr(t.size() - sep.size()) == sep) {
                    t = trim(t.substr(0, t.size() - sep.size()));
                    break;
                }
            return std::string(t);
        }
        from = parts.front().size();
        std::string_view t = trim(std::string_view(title).substr(from));
        for (std::string_view sep : kCutSeparators)
            if (t.substr(0, sep.size()) == sep) {
                t = trim(t.substr(sep.size()));
                break;
            }
        return std::string(t);
    }
    return title;
}

// Parts split on the strongest separator present: " | " before dashes; "_" (common in
// CJK titles) only when no spaced separator is there.
std::vector<std::string> strong_parts(const std::string& t) {
    for (std::string_view sep : {" | ", "\xEF\xBD\x9C", " :: ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                 " - ", " \xEF\xBC\x8D ", " \xC2\xBB ", " \xC2\xB7 ", "_"}) {
        if (t.find(sep) == std::string::npos) continue;
        std::vector<std::string> parts;
        std::size_t at = 0;
        while (true) {
            auto q = t.find(sep, at);
            std::string p = std::string(
                trim(std::string_view(t).substr(at, q == std::string::npos ? q : q - at)));
            if (!p.empty()) parts.push_back(p);
            if (q == std::string::npos) break;
            at = q + sep.size();
        }
        return parts;
    }
    return {t};
}

// The title from metadata alone, as before the <h1> comparison.
std::string metadata_title(const PageMeta& m, const std::string& host);

// Whether folded title c is folded headline h with decoration around it: the site's
// name, a section trail or an issue number, set off by a separator ("h | Site",
// "Section: h", "h (2021/3)"); a headline cut short ("h" = "c" minus its last word) is not.
bool decorated_copy(std::string_view c, std::string_view h) {
    auto pos = c.find(h);
    if (h.empty() || pos == std::string_view::npos) return false;
    static constexpr std::string_view seps[] = {"|",
                                                "-",
                                                "\xE2\x80\x93",
                                                "\xE2\x80\x94",
                                                "/",
                                                ":",
                                                "\xC2\xB7",
                                                "\xC2\xBB",
                                                "\xE2\x80\xA2",
                                                "(",
                                                ")",
                                                "[",
                                                "]",
                                                "::",
                                                "\xEF\xBC\x88",
                                                "\xEF\xBC\x89",
                                                "\xE3\x80\x90",
                                                "\xE3\x80\x91",
                                                "\xEF\xBD\x9C",  // fullwidth bar
                                                "\xEF\xBC\x9A",  // fullwidth colon
                                                "\xEF\xBC\x8D"}; // fullwidth hyphen-minus
    std::string_view before = trim(c.substr(0, pos)), after = trim(c.substr(pos + h.size()));
    // A full stop the headline on the page leaves out ("Headline.", "見出し。| Site").
    for (std::string_view stop : {".", "\xE3\x80\x82", "!", "?"})
        if (after.substr(0, stop.size()) == stop) {
            after = trim(after.substr(stop.size()));
            break;
        }
    auto starts = [&](std::string_view t) {
        for (auto sep : seps)
            if (t.substr(0, sep.size()) == sep) return true;
        return false;
    };
    auto ends = [&](std::string_view t) {
        for (auto sep : seps)
            if (t.size() >= sep.size() && t.substr(t.size() - sep.size()) == sep) return true;
        return false;
    };
    return (before.empty() || ends(before)) && (after.empty() || starts(after));
}

bool ascii_only(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// "Headline : Site", "Headline：Site", "Site ■ Headline": the site's name (og:site_name,
// the publisher) at either end of a title, set off by any separator, even one that
// also occurs inside headlines (a colon), since the name itself is known.
std::string strip_named_site(const std::string& title, const std::string& site) {
    std::string_view t = trim(title), name = trim(site);
    if (name.size() < 2 || t.size() <= name.size() + 2) return title;
    static constexpr std::string_view seps[] = {"|",
                                                ":",
                                                "-",
                                                "\xE2\x80\x93",
                                                "\xE2\x80\x94",
                                                "/",
                                                "\xC2\xB7",
                                                "\xC2\xBB",
                                                "\xC2\xAB",
                                                "\xE2\x80\xA2",
                                                "~",
                                                "_",
                                                ",",
                                                "\xEF\xBD\x9C",
                                                "\xEF\xBC\x9A",
                                                "\xEF\xBC\x8D",
                                                "\xEF\xBD\x9E",
                                                "\xE2\x96\xA0",
                                                "\xE2\x96\xA1",
                                                "\xE2\x97\x86",
                                                "\xE2\x80\xBA",
                                                "\xE3\x83\xBB"};
    auto keep = [](std::string_view rest) {
        // What is left must still read as a headline.
        return rest.size() >= 6 && (word_count(rest) >= 2 || !ascii_only(rest));
    };
    if (iequals(t.substr(t.size() - name.size()), name)) {
        std::string_view rest = trim(t.substr(0, t.size() - name.size()));
        for (auto sep : seps)
            if (rest.size() > sep.size() && rest.substr(rest.size() - sep.size()) == sep) {
                rest = trim(rest.substr(0, rest.size() - sep.size()));
                if (keep(rest)) return std::string(rest);
                break;
            }
    }
    if (iequals(t.substr(0, name.size()), name)) {
        std::string_view rest = trim(t.substr(name.size()));
        for (auto sep : seps)
            if (rest.substr(0, sep.size()) == sep) {
                rest = trim(rest.substr(sep.size()));
                if (keep(rest)) return std::string(rest);
                break;
            }
    }
    return title;
}

// Words for comparing two titles: runs of ASCII letters and digits, and pairs of
// neighbouring characters in runs of other scripts (CJK titles have no spaces).
std::vector<std::string> title_tokens(std::string_view folded) {
    std::vector<std::string> out;
    std::string word;
    std::vector<std::string> chars; // the current run of non-ASCII characters
    auto flush = [&] {
        if (!word.empty()) out.push_back(word), word.clear();
        if (chars.size() == 1) out.push_back(chars[0]);
        for (std::size_t i = 0; i + 1 < chars.size(); ++i)
            out.push_back(chars[i] + chars[i + 1]);
        chars.clear();
    };
    for (std::size_t i = 0; i < folded.size();) {
        unsigned char c = static_cast<unsigned char>(folded[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) {
                if (!chars.empty()) flush();
                word += static_cast<char>(c);
            } else {
                flush();
            }
            ++i;
            continue;
        }
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        len = std::min(len, folded.size() - i);
        unsigned cp = len == 1 ? c : c & (0x3F >> (len - 1));
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(folded[i + k]) & 0x3F);
        std::string ch(folded.substr(i, len));
        i += len;
        // Punctuation, symbols and spaces of other scripts are no words.
        bool punct = (cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x2BFF) ||
                     (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
                     (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
                     (cp >= 0xFF5B && cp <= 0xFF65);
        if (punct) {
            flush();
            continue;
        }
        if (!word.empty()) out.push_back(word), word.clear();
        chars.push_back(std::move(ch));
    }
    flush();
    return out;
}

// How much of the shorter title the other one shares, 0..1, and how many tokens that is.
std::pair<double, std::size_t> overlap(std::string_view fa, std::string_view fb) {
    auto a = title_tokens(fa), b = title_tokens(fb);
    if (a.empty() || b.empty()) return {0.0, 0};
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return {static_cast<double>(common.size()) / static_cast<double>(std::min(a.size(), b.size())),
            common.size()};
}

// A heading's text without a leading ornament ("■ Headline", "▶ Headline").
std::string_view drop_ornament(std::string_view s) {
    s = trim(s);
    for (std::string_view o : {"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x86", "\xE2\x97\x87",
                               "\xE2\x97\x8F", "\xE2\x96\xB6", "\xE2\x96\xBA", "\xE2\x80\xA2", "*"})
        if (s.substr(0, o.size()) == o) return trim(s.substr(o.size()));
    return s;
}

bool is_logo(const PageMeta& m, const std::string& h) {
    return std::find(m.logo_h1s.begin(), m.logo_h1s.end(), h) != m.logo_h1s.end();
}

} // namespace

std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    static constexpr std::pair<std::string_view, unsigned> names[] = {
        {"amp", '&'},      {"quot", '"'},     {"apos", '\''},     {"lt", '<'},
        {"gt", '>'},       {"nbsp", 0xA0},    {"hellip", 0x2026}, {"ndash", 0x2013},
        {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C},
        {"rdquo", 0x201D}, {"laquo", 0xAB},   {"raquo", 0xBB},    {"bdquo", 0x201E},
        {"euro", 0x20AC},  {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},
        {"auml", 0xE4},    {"ouml", 0xF6},    {"uuml", 0xFC},     {"Auml", 0xC4},
        {"Ouml", 0xD6},    {"Uuml", 0xDC},    {"szlig", 0xDF},    {"eacute", 0xE9},
        {"egrave", 0xE8},  {"agrave", 0xE0},  {"ccedil", 0xE7},   {"middot", 0xB7}};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        auto semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10 || semi == i + 1) {
            out += s[i];
            continue;
        }
        std::string_view ref = s.substr(i + 1, semi - i - 1);
        unsigned cp = 0;
        bool ok = false;
        if (ref[0] == '#' && ref.size() > 1) {
            bool hex = ref[1] == 'x' || ref[1] == 'X';
            std::string_view digits = ref.substr(hex ? 2 : 1);
            ok = !digits.empty() && digits.size() <= 7;
            for (char c : digits) {
                int v = c >= '0' && c <= '9'          ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                      : -1;
                if (v < 0)
                    ok = false;
                else
                    cp = cp * (hex ? 16 : 10) + static_cast<unsigned>(v);
            }
            ok = ok && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        } else {
            for (const auto& [name, v] : names)
                if (ref == name) cp = v, ok = true;
        }
        if (!ok) {
            out += s[i];
            continue;
        }
        append_utf8(out, cp == 0xA0 ? ' ' : cp);
        i = semi;
    }
    return out;
}

std::string choose_title(const PageMeta& raw, const std::string& host) {
    PageMeta m = raw;
    for (std::string* t : {&m.ld_headline, &m.og_title, &m.twitter_title, &m.meta_title,
                           &m.doc_title, &m.site_name, &m.ld_publisher})
        *t = strip_issue_number(normalize_space(decode_entities(*t)));
    for (auto* list : {&m.h1s, &m.logo_h1s, &m.subheads})
        for (auto& h : *list)
            h = strip_issue_number(normalize_space(decode_entities(h)));
    std::string chosen = metadata_title(m, host);
    // The page's own headline against the metadata's: a decorated copy (site name, section
    // trail, other case) or a social-media title that the <title> does not share.
    std::string fchosen = fold_for_match(chosen);
    std::string fsite = fold_for_match(!m.site_name.empty() ? m.site_name : m.ld_publisher);
    std::vector<const std::string*> heads; // the <h1>s that may be the headline
    for (std::size_t i = 0; i < m.h1s.size() && heads.size() < 3; ++i) {
        const std::string& h = m.h1s[i];
        std::string fh = fold_for_match(h);
        if (fh.empty() || (ascii_only(h) && word_count(h) < 3) || fh == fsite || is_logo(m, h))
            continue;
        heads.push_back(&h);
    }
    // A metadata title cut with an ellipsis ("Headline that runs on and…").
    std::string_view fcut = trim(fchosen);
    bool ellipsis = false;
    for (std::string_view e : {"...", "\xE2\x80\xA6"})
        if (fcut.size() > e.size() && fcut.substr(fcut.size() - e.size()) == e) {
            fcut = trim(fcut.substr(0, fcut.size() - e.size()));
            ellipsis = true;
            break;
        }
    for (const std::string* hp : heads) {
        const std::string& h = *hp;
        std::string fh = fold_for_match(h);
        if (fh == fchosen) return h;
        if (ellipsis && fcut.size() >= 10 && fh.size() > fcut.size() &&
            std::string_view(fh).substr(0, fcut.size()) == fcut)
            return h;
        if (decorated_copy(fchosen, fh) && fh.size() * 2 >= fchosen.size()) return h;
        // og:title written for sharing: the <title> (or JSON-LD) carries the <h1> instead.
        for (const std::string* c : {&m.doc_title, &m.ld_headline}) {
            std::string fc = fold_for_match(*c);
            if (!fc.empty() && decorated_copy(fc, fh) && fh.size() * 2 >= fc.size() &&
                word_count(h) >= 3)
                return h;
        }
    }
    // A headline the metadata rewrote (shortened for search engines, reworded for sharing)
    // but still about the same story: the page's own <h1> is what readers see. When the
    // <h1> is one of the metadata titles itself, the publisher chose among its own titles
    // and the order of trust above stands.
    if (!heads.empty() && !fchosen.empty()) {
        const std::string& h = *heads.front();
        std::string fh = fold_for_match(h);
        bool in_metadata = false;
        for (const std::string* c :
             {&m.ld_headline, &m.og_title, &m.twitter_title, &m.meta_title, &m.doc_title})
            in_metadata = in_metadata || (!c->empty() && (fold_for_match(*c) == fh ||
                                                          decorated_copy(fold_for_match(*c), fh)));
        // An <h1> that is the metadata's title cut short (a page cut off in transfer) is not
        // a rewrite.
        bool cut_short = fchosen.size() > fh.size() && fchosen.compare(0, fh.size(), fh) == 0;
        auto [share, common] = overlap(fh, fchosen);
        if (!in_metadata && !cut_short && share >= 0.5 && common >= 3) return h;
    }
    return chosen;
}

namespace {

std::string metadata_title(const PageMeta& m, const std::string& host) {
    std::string site = !m.site_name.empty() ? m.site_name : m.ld_publisher;
    // Metadata titles in readability's order of trust; the <title> last.
    for (const std::string* c :
         {&m.ld_headline, &m.og_title, &m.twitter_title, &m.meta_title, &m.doc_title}) {
        if (c->empty()) continue;
        std::string s = *c;
        // A dangling separator at the end ("Headline :: Site ::").
        while (!s.empty() &&
               std::string_view("|:-\xC2\xB7 ").find(s.back()) != std::string_view::npos)
            s.pop_back();
        if (s.empty()) continue;
        s = strip_named_site(s, site);
        for (int i = 0; i < 3; ++i) { // "Headline | Section | Site"
            std::string t = strip_site(s, site, host);
            if (t == s || t.empty()) break;
            s = t;
        }
        auto parts = strong_parts(s);
        if (parts.size() < 2) return s;
        // A part that is the page's <h1> is the headline (a one-word <h1> is a logo)...
        std::string h1_part, sub_part;
        for (const auto& h : m.h1s) {
            std::string fh = fold_for_match(h);
            if (fh.empty() || (ascii_only(h) && word_count(h) < 2) || is_logo(m, h)) continue;
            for (const auto& p : parts)
                if (h1_part.empty() && fold_for_match(p) == fh) h1_part = p;
        }
        // ...unless it is the site's name at one end and the longest part is a lower
        // heading ("Site - Headline" with <h1>Site</h1> and <h3>Headline</h3>).
        std::size_t longest = 0;
        for (const auto& p : parts)
            longest = std::max(longest, p.size());
        for (const auto& h : m.subheads) {
            std::string fh = fold_for_match(drop_ornament(h));
            for (const auto& p : parts)
                if (p.size() == longest && fold_for_match(p) == fh) sub_part = p;
        }
        if (!h1_part.empty() && !(sub_part.size() >= 2 * h1_part.size())) return h1_part;
        if (!sub_part.empty()) return sub_part;
        // " | " hardly ever occurs inside a headline: "Headline | Section".
        if (c != &m.doc_title && s.find(" | ") == std::string::npos) return s;
        // "Headline | Section | Site" with an unknown site: the longest part.
        std::size_t best = 0;
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (word_count(parts[i]) > word_count(parts[best]) ||
                (word_count(parts[i]) == word_count(parts[best]) &&
                 parts[i].size() > parts[best].size() + 10))
                best = i;
        if (word_count(parts[best]) >= 3 || parts[best].size() >= 12) return parts[best];
        return s;
    }
    for (const auto& h : m.h1s)
        if (!is_logo(m, h)) return h;
    return m.h1s.empty() ? std::string() : m.h1s.front();
}

} // namespace

} // namespace morgue
