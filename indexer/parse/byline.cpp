#include "byline.hpp"

#include "record/data.hpp"
#include "text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <set>

namespace morgue {

namespace {

struct BylineWords {
    std::set<std::string> roles, placeholders, groups;
    std::vector<std::string> leads; // folded, longest first
};

const BylineWords& table() {
    static const BylineWords t = [] {
        BylineWords w;
        for (auto line : split_lines(data::byline_words)) {
            line = trim(line);
            if (line.empty() || line[0] == '#') continue;
            auto sp = line.find(' ');
            if (sp == std::string_view::npos) continue;
            std::string_view kind = line.substr(0, sp);
            std::string value = fold_for_match(trim(line.substr(sp + 1)));
            if (kind == "role")
                w.roles.insert(value);
            else if (kind == "placeholder")
                w.placeholders.insert(value);
            else if (kind == "lead")
                w.leads.push_back(value);
            else if (kind == "group")
                w.groups.insert(value), w.roles.insert(value);
        }
        std::stable_sort(w.leads.begin(), w.leads.end(),
                         [](const auto& a, const auto& b) { return a.size() > b.size(); });
        return w;
    }();
    return t;
}

const std::set<std::string>& role_words() {
    return table().roles;
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ') {
            if (!cur.empty()) out.push_back(cur), cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string strip_punct(std::string_view w) {
    while (!w.empty() && std::string_view(".,:;()[]\"'").find(w.back()) != std::string_view::npos)
        w.remove_suffix(1);
    while (!w.empty() && std::string_view(",:;()[]\"'").find(w.front()) != std::string_view::npos)
        w.remove_prefix(1);
    return std::string(w);
}

bool has_role_word(std::string_view part) {
    const auto& roles = role_words();
    auto ws = words_of(fold_for_match(part));
    for (std::size_t i = 0; i < ws.size(); ++i) {
        std::string w = strip_punct(ws[i]);
        if (roles.count(w)) return true;
        if (i + 1 < ws.size() && roles.count(w + " " + strip_punct(ws[i + 1]))) return true;
    }
    return false;
}

bool is_particle(std::string_view w) {
    static constexpr std::string_view p[] = {"de",      "da",  "del", "della", "van", "von", "der",
                                             "den",     "le",  "la",  "du",    "dos", "das", "bin",
                                             "al",      "ibn", "di",  "y",     "ten", "ter", "e",
                                             "van der", "st.", "zu",  "bint",  "el",  "lo"};
    for (auto x : p)
        if (w == x) return true;
    return w.rfind("al-", 0) == 0 || w.rfind("el-", 0) == 0 || w.rfind("d'", 0) == 0;
}

bool has_digit(std::string_view s) {
    for (char c : s)
        if (c >= '0' && c <= '9') return true;
    return false;
}

// The leading word's first letter is upper case (or from a script without case).
bool capitalised(std::string_view w) {
    if (w.empty()) return false;
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
    if (c < 0) return false;
    if (u_isupper(c) || u_istitle(c)) return true;
    return u_isalpha(c) && !u_islower(c); // CJK, Arabic, Hebrew: no case
}

// What closes a CJK label ("著者：後藤大地", "文＝山田花子", "文● 岡本"): a fullwidth
// colon or equals sign, a black circle; the length of the one at s[at], 0 when none.
std::size_t wide_closer_at(std::string_view s, std::size_t at) {
    for (std::string_view c :
         {"\xEF\xBC\x9A" /* ： */, "\xEF\xBC\x9D" /* ＝ */, "\xE2\x97\x8F" /* ● */})
        if (s.substr(at, c.size()) == c) return c.size();
    return 0;
}

// The length of a lead-in from the table at the start of s ("By ", "Von ", "Par ",
// "Written by ", "Autor: "), with the colon or the space after it; 0 when none.
std::size_t lead_length(std::string_view s) {
    std::string f = fold_for_match(s.substr(0, std::min<std::size_t>(s.size(), 64)));
    // fold_for_match keeps byte lengths for ASCII only: measure on words instead.
    for (const auto& l : table().leads) {
        if (f.size() <= l.size() || f.compare(0, l.size(), l) != 0) continue;
        char next = f[l.size()];
        // A fullwidth colon or equals sign closes a CJK label ("著者：後藤大地").
        bool wide_colon = wide_closer_at(f, l.size()) > 0;
        if (next != ' ' && next != ':' && !wide_colon) continue;
        // The same number of words in the original.
        std::size_t words = 1 + static_cast<std::size_t>(std::count(l.begin(), l.end(), ' '));
        std::size_t at = 0;
        for (std::size_t k = 0; k < words && at < s.size(); ++k) {
            while (at < s.size() && s[at] == ' ')
                ++at;
            while (at < s.size() && s[at] != ' ' && s[at] != ':' && wide_closer_at(s, at) == 0)
                ++at;
        }
        for (;;) {
            if (at < s.size() && (s[at] == ' ' || s[at] == ':'))
                ++at;
            else if (std::size_t w = wide_closer_at(s, at); w > 0)
                at += w;
            else
                break;
        }
        if (at < s.size()) return at;
    }
    return 0;
}

std::string_view drop_by(std::string_view s) {
    for (;;) {
        s = trim(s);
        std::size_t n = lead_length(s);
        if (n == 0) return s;
        s.remove_prefix(n);
    }
}

// Role words right before the name ("Finance expert Jane Roe", "Guest author John Doe")
// or right after it ("홍길동 기자") go when what is left reads as a name.
std::string strip_roles(const std::string& s);

// "(http://...)" and "(x@y)" go; "(with A and B)" opens up into more names; other
// parentheses stay ("Bruno (Henrique) Rodrigues").
std::string clean_parentheses(const std::string& in) {
    // Fullwidth parentheses ("Junichi Niino（jniino）") read as ASCII ones.
    std::string s;
    for (std::size_t i = 0; i < in.size();) {
        if (in.compare(i, 3, "\xEF\xBC\x88") == 0)
            s += " (", i += 3;
        else if (in.compare(i, 3, "\xEF\xBC\x89") == 0)
            s += ") ", i += 3;
        else
            s += in[i++];
    }
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] != '(') {
            out += s[i++];
            continue;
        }
        auto close = s.find(')', i);
        if (close == std::string::npos) {
            out += s.substr(i);
            break;
        }
        std::string inner = std::string(trim(s.substr(i + 1, close - i - 1)));
        std::string li = to_lower_ascii(inner);
        // A handle: one lower-case ASCII token ("Jane Roe (jroe)", "(jane_roe)").
        bool handle =
            !inner.empty() && li == inner && std::all_of(inner.begin(), inner.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                       c == '-';
            });
        if (handle || li.find("://") != std::string::npos || li.find('@') != std::string::npos ||
            li.find("www.") != std::string::npos) {
        } else {
            bool opened = false;
            for (std::string_view w :
                 {"with ", "avec ", "con ", "mit ", "and ", "et ", "y ", "com "})
                if (li.rfind(w, 0) == 0) {
                    out += ", " + inner.substr(w.size()) + ", ";
                    opened = true;
                    break;
                }
            if (!opened) out += "(" + inner + ")";
        }
        i = close + 1;
    }
    return normalize_space(out);
}

// Drops a date or time tail: "Jane Roe May 20, 2019", "Jane Roe 3 hours ago".
std::string cut_at_date(const std::string& s) {
    auto ws = words_of(s);
    for (std::size_t i = 1; i < ws.size(); ++i) {
        bool date = has_digit(ws[i]);
        if (!date && i + 1 < ws.size() && has_digit(ws[i + 1])) {
            std::string w = strip_punct(ws[i]);
            static constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
            std::string lw = to_lower_ascii(w);
            for (auto m : months)
                if (lw.rfind(m, 0) == 0 && lw.size() <= 9) date = true;
        }
        if (date) {
            std::string out;
            for (std::size_t k = 0; k < i; ++k)
                out += (k ? " " : "") + ws[k];
            while (!out.empty() &&
                   std::string_view(",;|-").find(out.back()) != std::string_view::npos)
                out.pop_back();
            return out;
        }
    }
    return s;
}

// Brackets around a byline or one of its names go: "[", "［", "【", "〔" before, their
// closing mates after.
std::string strip_brackets(std::string s) {
    static constexpr std::string_view opens[] = {"[", "\xEF\xBC\xBB", "\xE3\x80\x90",
                                                 "\xE3\x80\x94"};
    static constexpr std::string_view closes[] = {"]", "\xEF\xBC\xBD", "\xE3\x80\x91",
                                                  "\xE3\x80\x95"};
    s = normalize_space(s);
    for (bool again = true; again;) {
        again = false;
        for (auto o : opens)
            if (s.starts_with(o)) s = normalize_space(s.substr(o.size())), again = true;
        for (auto c : closes)
            if (s.ends_with(c)) s = normalize_space(s.substr(0, s.size() - c.size())), again = true;
    }
    return s;
}

bool is_placeholder(std::string_view s) {
    std::string f = fold_for_match(s);
    while (!f.empty() && std::string_view(".:,;-").find(f.back()) != std::string_view::npos)
        f.pop_back();
    return table().placeholders.count(f) > 0;
}

std::string strip_roles(const std::string& s) {
    auto ws = words_of(s);
    if (ws.size() < 2) return s;
    const auto& roles = role_words();
    auto is_role = [&](const std::string& w) {
        return roles.count(fold_for_match(strip_punct(w))) > 0;
    };
    // The last role word that still leaves a name after it.
    for (std::size_t k = ws.size() - 1; k-- > 0;) {
        if (!is_role(ws[k])) continue;
        std::string rest;
        for (std::size_t i = k + 1; i < ws.size(); ++i)
            rest += (rest.empty() ? "" : " ") + ws[i];
        if (looks_like_person_name(rest)) return rest;
        break;
    }
    // Trailing role words; a group's word last ("News Desk", "Site Staff") names no person.
    if (table().groups.count(fold_for_match(strip_punct(ws.back())))) return s;
    std::size_t end = ws.size();
    while (end > 1 && is_role(ws[end - 1]))
        --end;
    if (end < ws.size()) {
        std::string head;
        for (std::size_t i = 0; i < end; ++i)
            head += (head.empty() ? "" : " ") + ws[i];
        if (looks_like_person_name(head)) return head;
    }
    return s;
}

} // namespace

bool starts_with_lead_in(std::string_view s) {
    return lead_length(trim(s)) > 0;
}

std::string_view drop_lead_in(std::string_view s) {
    return drop_by(s);
}

// A role glued to a name in a script written without spaces ("山田花子記者", "홍길동기자"):
// the name without it. Only roles of two characters or more: one ("作", "著") ends names.
// A group's word of a script without spaces glued last ("ITmedia編集部", "社会部取材班"):
// a newsroom, no person.
static bool glued_group(std::string_view n) {
    for (const auto& g : table().groups)
        if (g.size() >= 6 && static_cast<unsigned char>(g[0]) >= 0xE0 && n.ends_with(g))
            return true;
    return false;
}

static std::string strip_glued_role(std::string n) {
    if (n.find(' ') != std::string::npos) return n;
    for (unsigned char c : n)
        if (c < 0x80) return n;
    for (const auto& r : table().roles) {
        if (r.size() < 6 || static_cast<unsigned char>(r[0]) < 0xE0) continue;
        if (n.size() >= r.size() + 6 && n.ends_with(r)) return n.substr(0, n.size() - r.size());
    }
    return n;
}

std::string clean_author_name(std::string_view name, std::string_view site_name) {
    std::string n = normalize_space(drop_by(normalize_space(name)));
    if (glued_group(n)) return {};
    n = strip_glued_role(n);
    while (!n.empty() && std::string_view(",;|-").find(n.back()) != std::string_view::npos)
        n = std::string(trim(std::string_view(n).substr(0, n.size() - 1)));
    if (n.empty() || is_placeholder(n)) return {};
    if (!site_name.empty() && fold_for_match(n) == fold_for_match(site_name)) return {};
    if (looks_like_person_name(n)) return n;
    std::string r = strip_roles(n);
    if (r != n && !is_placeholder(r) && looks_like_person_name(r)) return r;
    return {};
}

std::string clean_structured_author(std::string_view name, std::string_view site_name) {
    // "Roe, Jane": the catalogue order (Dublin Core, Parse.ly) turned round.
    std::string whole = normalize_space(name);
    if (auto comma = whole.find(", ");
        comma != std::string::npos && whole.find(',', comma + 1) == std::string::npos) {
        std::string last = whole.substr(0, comma), first = whole.substr(comma + 2);
        if (words_of(last).size() == 1 && !words_of(first).empty() && words_of(first).size() <= 2 &&
            !is_placeholder(last) && !has_role_word(last) && !has_role_word(first)) {
            std::string n = clean_author_name(first + " " + last, site_name);
            if (n == first + " " + last) return n;
        }
    }
    std::string n = clean_author_name(name, site_name);
    if (!n.empty()) return n;
    // All lower case ("jane roe"): read as if capitalised, kept as written.
    std::string s = normalize_space(drop_by(normalize_space(name)));
    auto ws = words_of(s);
    if (ws.size() < 2 || ws.size() > 4) return {};
    std::string capped;
    for (const auto& w : ws) {
        for (char c : w)
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view(".,;:()@/_").find(c) != std::string_view::npos)
                return {};
        std::string cw = w;
        if (cw[0] >= 'a' && cw[0] <= 'z') cw[0] = static_cast<char>(cw[0] - 'a' + 'A');
        capped += (capped.empty() ? "" : " ") + cw;
    }
    std::string c = clean_author_name(capped, site_name);
    return c == capped ? s : std::string();
}

bool looks_like_person_name(std::string_view s) {
    std::string t = normalize_space(s);
    if (t.empty() || t.size() > 60) return false;
    if (t.find("://") != std::string::npos || t.find('@') != std::string::npos ||
        t.find("www.") != std::string::npos || t.find('/') != std::string::npos)
        return false;
    if (has_digit(t)) return false;
    auto ws = words_of(t);
    if (ws.empty() || ws.size() > 6) return false;
    if (has_role_word(t) || t.find(':') != std::string::npos) return false;
    if (starts_with_ci(t, "the ")) return false; // "The Lakeside Review"
    int caps = 0;
    bool long_word = false;
    for (const auto& w : ws) {
        std::string lw = to_lower_ascii(w);
        if (is_particle(lw)) continue;
        std::string core = strip_punct(w);
        if (!capitalised(core)) return false;
        if (core.size() > 2 || (core.size() == 2 && core[1] != '.')) long_word = true;
        ++caps;
    }
    // One ASCII word ("SHARE", "AFP", "Staff") is too weak to be taken for a name.
    bool ascii = true;
    for (unsigned char c : t)
        ascii = ascii && c < 0x80;
    if (caps == 1 && ws.size() == 1 && ascii) return false;
    return caps > 0 && long_word;
}

// A byline that opens with a bracket: "【ワシントン＝山田花子】" (Japanese papers: the
// place, then the name), "[서울=뉴시스] 홍길동 기자" (Korean: place and agency, then the
// name). With nothing after the bracket, the name follows the equals sign inside it; with
// a name after it, the bracket names the outlet (after its equals sign), returned in
// outlet.
static std::string open_bracket(std::string s, std::string& outlet) {
    static constexpr std::pair<std::string_view, std::string_view> pairs[] = {
        {"[", "]"},
        {"\xEF\xBC\xBB", "\xEF\xBC\xBD"},
        {"\xE3\x80\x90", "\xE3\x80\x91"},
        {"\xE3\x80\x94", "\xE3\x80\x95"}};
    auto after_equals = [](std::string_view v) {
        std::size_t at = 0;
        for (std::string_view eq : {"=", "\xEF\xBC\x9D"})
            if (auto p = v.rfind(eq); p != std::string_view::npos) at = std::max(at, p + eq.size());
        return std::string(trim(v.substr(at)));
    };
    for (auto [o, c] : pairs) {
        if (!s.starts_with(o)) continue;
        auto close = s.find(c, o.size());
        if (close == std::string::npos || close > 120) return s;
        std::string inner(trim(std::string_view(s).substr(o.size(), close - o.size())));
        std::string after(trim(std::string_view(s).substr(close + c.size())));
        if (after.empty()) return after_equals(inner);
        outlet = after_equals(inner);
        return after;
    }
    return s;
}

Byline split_byline(std::string_view text, std::string_view site_name) {
    Byline b;
    std::string s = normalize_space(text);
    std::string outlet;
    s = open_bracket(s, outlet);
    // Cut at the first separator that usually leads into a date or a role.
    for (std::string_view sep :
         {"|", "\xE2\x80\xA2", "\xC2\xB7", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", "\n", " on ",
          " Updated ", " Published ", " Posted "}) {
        auto p = s.find(sep);
        if (p != std::string::npos && p > 0) {
            std::string head = std::string(trim(std::string_view(s).substr(0, p)));
            if (!drop_by(head).empty()) s = head;
        }
    }
    s = clean_parentheses(s);
    s = cut_at_date(s);
    std::string_view rest = drop_by(s);
    // "Jane Roe for The Daily Planet": what follows " for " is the affiliation.
    std::string names_part(rest);
    if (auto p = names_part.find(" for "); p != std::string::npos) {
        b.affiliation = std::string(trim(std::string_view(names_part).substr(p + 5)));
        names_part.resize(p);
    }
    // Split on commas, semicolons, " and ", " & " and their neighbours in other languages.
    std::vector<std::string> parts;
    std::string cur;
    std::string_view v = names_part;
    for (std::size_t i = 0; i < v.size();) {
        bool cut = false;
        std::size_t skip = 0;
        if (v[i] == ',' || v[i] == ';')
            cut = true, skip = 1;
        else
            for (std::string_view w :
                 {" and ", " & ", " und ", " et ", " y ", " e ", " og ", " en ", " und ", " i ",
                  " a ", " \xE5\x92\x8C ", "\xEF\xBC\x8C" /* ， */, "\xE3\x80\x81" /* 、 */,
                  "\xEF\xBC\x9B" /* ； */, "\xEF\xBC\x8F" /* ／: "岡本／Brindle編集部" */})
                if (v.substr(i, w.size()) == w) {
                    cut = true, skip = w.size();
                    break;
                }
        if (cut) {
            parts.push_back(cur), cur.clear(), i += skip;
        } else {
            cur += v[i++];
        }
    }
    parts.push_back(cur);
    // A byline in brackets ("[田中宏昌，ITmedia]", "【Jane Roe】"): the brackets go.
    for (auto& p : parts)
        p = strip_brackets(p);
    std::string site = fold_for_match(site_name);
    bool ended = false; // names stop at the first role or organisation
    for (auto& p : parts) {
        std::string n = std::string(drop_by(normalize_space(p)));
        if (starts_with_ci(n, "and ")) n = n.substr(4);
        while (!n.empty() && std::string_view("-|,;").find(n.back()) != std::string_view::npos)
            n = std::string(trim(std::string_view(n).substr(0, n.size() - 1)));
        if (n.size() >= 3 &&
            (n.substr(n.size() - 3) == "\xE2\x80\x94" || n.substr(n.size() - 3) == "\xE2\x80\x93"))
            n = std::string(trim(std::string_view(n).substr(0, n.size() - 3)));
        if (n.empty()) continue;
        if (!site.empty() && fold_for_match(n) == site) continue;
        std::string clean = ended ? std::string() : clean_author_name(n, site_name);
        if (!clean.empty()) {
            if (std::find(b.names.begin(), b.names.end(), clean) == b.names.end())
                b.names.push_back(clean);
        } else if (b.affiliation.empty() && !has_digit(n) && n.find("://") == std::string::npos &&
                   n.size() < 60 && (!b.names.empty() || has_role_word(n))) {
            b.affiliation = n;
        }
        if (!b.names.empty() && clean.empty()) ended = true;
    }
    if (b.affiliation.empty() && !b.names.empty()) b.affiliation = outlet;
    return b;
}

} // namespace morgue
