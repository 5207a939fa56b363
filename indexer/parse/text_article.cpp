#include "text_article.hpp"

#include "boilerplate_table.hpp"
#include "byline.hpp"
#include "dateline.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "record/data.hpp"
#include "text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace morgue {

namespace {

constexpr std::string_view kBullet = "\xE2\x80\xA2"; // U+2022 •
constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::size_t kMaxImageTitle = 200; // bytes; longer lines are paragraphs

const BoilerplateTable& boilerplate() {
    static const BoilerplateTable table(data::text_boilerplate);
    return table;
}

// " date 2024-10-25 Headline" -> date and headline.
bool parse_date_line(std::string_view line, Ymd& ymd, std::string& headline) {
    line = trim(line);
    if (!starts_with_ci(line, "date ")) return false;
    line.remove_prefix(5);
    line = trim(line);
    auto d = parse_ymd(line.substr(0, 10));
    if (!d) return false;
    ymd = *d;
    headline = normalize_space(line.substr(10));
    return true;
}

// A header line opening with a capitalised lead-in from the byline table ("By ", "Von ",
// "Par ") and naming someone.
bool is_text_byline(std::string_view line) {
    line = trim(line);
    return !line.empty() && line[0] >= 'A' && line[0] <= 'Z' && starts_with_lead_in(line) &&
           (starts_with_ci(line, "By ") || !split_byline(line).names.empty());
}

// "By Rob Quinn, Jane Roe and Al Doe,<NBSP> Newser Staff"
void parse_byline(std::string_view line, Article& a) {
    std::string_view rest = drop_lead_in(line); // "By ", "Von ", "Par "...
    std::string names_part, affiliation;
    if (auto nb = rest.find(kNbsp); nb != std::string_view::npos) {
        names_part = std::string(trim(rest.substr(0, nb)));
        affiliation = normalize_space(rest.substr(nb + kNbsp.size()));
    } else {
        names_part = std::string(trim(rest));
        // "By A and B, Associated Press": a last comma part with no name-like shape is
        // the affiliation when it carries a newsroom word.
        if (auto comma = names_part.rfind(','); comma != std::string::npos) {
            std::string tail = normalize_space(std::string_view(names_part).substr(comma + 1));
            static constexpr std::string_view newsroom[] = {
                "staff",       "press", "news", "reporter", "correspondent", "writer", "editor",
                "contributor", "times", "post", "wire",     "reuters",       "bureau", "desk"};
            std::string lower = to_lower_ascii(tail);
            for (auto w : newsroom)
                if (lower.find(w) != std::string::npos) {
                    affiliation = tail;
                    names_part.resize(comma);
                    break;
                }
        }
    }
    std::string names = normalize_space(names_part);
    while (!names.empty() && (names.back() == ',' || names.back() == ' '))
        names.pop_back();
    a.byline = names;
    if (!affiliation.empty()) a.byline += ", " + affiliation;
    a.affiliation = affiliation;
    // Names through the byline module the HTML and JSON parsers share.
    Byline b = split_byline(names);
    a.authors = b.names;
    if (a.affiliation.empty() && !b.affiliation.empty()) a.affiliation = b.affiliation;
}

// "Posted Oct 25, 2024 5:30 AM CDT" (also "Updated", "Published"; "Oct." and "October";
// the time and zone are optional). Returns true if the line is such a line.
bool parse_posted(std::string_view line, Article& a) {
    line = trim(line);
    std::string_view kw[] = {"Posted ", "Updated ", "Published "};
    bool found = false;
    for (auto k : kw)
        if (starts_with_ci(line, k)) {
            line.remove_prefix(k.size());
            found = true;
            break;
        }
    if (!found) return false;
    std::string s = normalize_space(line);
    // Tokenise on spaces and commas.
    std::vector<std::string> tok;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == ',') {
            if (!cur.empty()) tok.push_back(cur), cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) tok.push_back(cur);
    if (tok.size() < 3) return false;
    unsigned month = month_from_name(tok[0]);
    if (month == 0) return false;
    int day = 0, year = 0;
    try {
        day = std::stoi(tok[1]);
        year = std::stoi(tok[2]);
    } catch (...) {
        return false;
    }
    if (!valid_ymd(year, month, static_cast<unsigned>(day))) return false;
    std::size_t i = 3;
    if (i < tok.size() && iequals(tok[i], "at")) ++i;
    int hh = -1, mm = 0;
    if (i < tok.size()) {
        auto colon = tok[i].find(':');
        if (colon != std::string::npos) {
            try {
                hh = std::stoi(tok[i].substr(0, colon));
                mm = std::stoi(tok[i].substr(colon + 1, 2));
            } catch (...) {
                hh = -1;
            }
            ++i;
            std::string ampm = i < tok.size() ? to_lower_ascii(tok[i]) : "";
            if (ampm == "am" || ampm == "a.m." || ampm == "pm" || ampm == "p.m.") {
                if (hh == 12) hh = 0;
                if (ampm[0] == 'p') hh += 12;
                ++i;
            }
        }
    }
    std::optional<int> offset;
    if (i < tok.size()) offset = zone_offset_minutes(tok[i]);
    if (hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && offset) {
        Ymd d{year, month, static_cast<unsigned>(day)};
        a.published = days_from_civil(d) * 86400 + hh * 3600 + mm * 60 - *offset * 60LL;
    }
    // A time without a zone is not converted: UTC would be a guess.
    return true;
}

// "Text.<NBSP><NBSP> (AP Photo/Alex Brandon, File)" -> caption with credit.
std::optional<Caption> parse_caption(std::string_view line, bool after_image_title) {
    std::string_view t = trim(line);
    if (t.empty() || t.back() != ')') return std::nullopt;
    // Find the matching open parenthesis of the last group.
    int depth = 0;
    std::size_t open = std::string_view::npos;
    for (std::size_t i = t.size(); i-- > 0;) {
        if (t[i] == ')')
            ++depth;
        else if (t[i] == '(' && --depth == 0) {
            open = i;
            break;
        }
    }
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    std::string_view credit = trim(t.substr(open + 1, t.size() - open - 2));
    std::string_view before = t.substr(0, open);
    bool spaced = before.size() >= 2 && (before.substr(before.size() - 2) == kNbsp ||
                                         before.find(kNbsp) != std::string_view::npos);
    std::string lc = to_lower_ascii(credit);
    static constexpr std::string_view credit_words[] = {
        "photo",    "image", "picture", "getty", "reuters", "afp",   "epa",         "credit",
        "courtesy", "ap ",   "/",       "file",  "pool",    "video", "illustration"};
    bool crediting = false;
    for (auto w : credit_words)
        if (lc.find(w) != std::string::npos) crediting = true;
    if (!(crediting && (spaced || after_image_title))) return std::nullopt;
    Caption c;
    c.text = normalize_space(before);
    c.credit = normalize_space(credit);
    if (c.text.empty()) return std::nullopt;
    return c;
}

// "  • Label. Text" -> bullet. The label is a short lead-in ending at its first full stop
// (possibly inside quotes: `US doesn't "love it." Text`).
Bullet parse_bullet(std::string_view body) {
    std::string s = normalize_space(body);
    Bullet b;
    for (std::size_t i = 0; i < s.size() && i < 120; ++i) {
        if (s[i] != '.') continue;
        std::size_t end = i + 1;
        // A closing quote right after the stop belongs to the label.
        if (end < s.size() && s[end] == '"')
            ++end;
        else if (s.compare(end, 3, "\xE2\x80\x9D") == 0)
            end += 3;
        if (end >= s.size()) break;  // one sentence: no lead-in
        if (s[end] != ' ') continue; // "U.S." or "3.5"
        // "Dr. X", "Sen. Y": a short capitalised word before the stop is an abbreviation.
        std::size_t ws = s.rfind(' ', i);
        std::string_view word = std::string_view(s).substr(
            ws == std::string::npos ? 0 : ws + 1, i - (ws == std::string::npos ? 0 : ws + 1));
        if (word.size() <= 3 && !word.empty() && word[0] >= 'A' && word[0] <= 'Z' && word != "US" &&
            word != "UK" && word != "EU" && word != "UN")
            continue;
        std::string label = s.substr(0, end);
        if (label.back() == '.') label.pop_back();
        std::size_t words = 1;
        for (char c : label)
            words += c == ' ';
        if (words > 12) break;
        b.label = label;
        b.text = std::string(trim(std::string_view(s).substr(end)));
        return b;
    }
    b.text = s;
    return b;
}

// True when the line ends with a full stop, before any closing quotes: a sentence of
// text, never a photo's title.
bool ends_sentence(std::string_view t) {
    for (;;) {
        if (!t.empty() && (t.back() == '"' || t.back() == '\'')) {
            t.remove_suffix(1);
        } else if (t.size() >= 3 && (t.substr(t.size() - 3) == "\xE2\x80\x9D" ||
                                     t.substr(t.size() - 3) == "\xE2\x80\x99")) {
            t.remove_suffix(3); // ” ’
        } else {
            break;
        }
    }
    return !t.empty() && t.back() == '.';
}

bool is_bullet(std::string_view line, std::string_view& rest) {
    std::string_view t = trim(line);
    if (t.substr(0, kBullet.size()) == kBullet) {
        rest = t.substr(kBullet.size());
        return true;
    }
    return false;
}

// "(More Elon Musk stories.)" -> "Elon Musk"
std::optional<std::string> parse_tag_line(std::string_view line) {
    std::string s = normalize_space(line);
    if (!starts_with_ci(s, "(More ") || s.back() != ')') return std::nullopt;
    std::string_view inner = std::string_view(s).substr(6, s.size() - 7);
    for (std::string_view end : {" stories.", " stories", " news.", " news"}) {
        if (inner.size() > end.size() && inner.substr(inner.size() - end.size()) == end)
            return std::string(trim(inner.substr(0, inner.size() - end.size())));
    }
    return std::nullopt;
}

} // namespace

bool looks_like_text_article(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::size_t nl = bytes.find('\n');
    Ymd d;
    std::string h;
    return parse_date_line(bytes.substr(0, nl), d, h);
}

Article parse_text_article(std::string_view raw) {
    if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    std::string text = repair_utf8(raw);
    auto lines = split_lines(text);

    Article a;
    a.format = "text";
    std::size_t i = 0;
    while (i < lines.size() && trim(lines[i]).empty())
        ++i;
    Ymd ymd;
    if (i == lines.size() || !parse_date_line(lines[i], ymd, a.title))
        throw RecordError("no 'date YYYY-MM-DD headline' first line");
    a.date = format_ymd(ymd);
    a.date_source = "text-header";
    ++i;

    enum class Part { Header, Body, Trailer } part = Part::Header;
    bool saw_byline = false, saw_posted = false, after_image_title = false;
    std::string_view line_rest;            // scratch for is_bullet
    std::vector<std::string> header_lines; // candidates for the subtitle
    std::vector<std::string> paragraphs;
    const auto& table = boilerplate();

    for (; i < lines.size(); ++i) {
        std::string_view line = trim(lines[i]);
        if (line.empty()) continue;
        // Topic lines may come several in a row ("(More A stories.)" "(More B stories.)"),
        // so they are still read once the trailer has begun.
        if (auto tag = parse_tag_line(line)) {
            if (!tag->empty()) a.tags.push_back(*tag);
            part = Part::Trailer; // what follows the topic line is page chrome
            continue;
        }
        if (part == Part::Trailer) continue;
        int bp = table.match(line);
        if (bp == 2) {
            part = Part::Trailer;
            continue;
        }
        if (bp == 1) continue;
        std::string norm = normalize_space(line);
        if (!a.title.empty() && norm == a.title) { // the image title repeats the headline
            after_image_title = true;
            continue;
        }
        if (part == Part::Header && !saw_byline && is_text_byline(line)) {
            parse_byline(line, a);
            saw_byline = true;
            continue;
        }
        if (part == Part::Header && !saw_posted && parse_posted(line, a)) {
            saw_posted = true;
            continue;
        }
        if (auto cap = parse_caption(line, after_image_title)) {
            a.captions.push_back(std::move(*cap));
            after_image_title = false;
            continue;
        }
        // A further photo's title: a short line directly above (no blank line between)
        // a caption with its NBSP-spaced credit. It is page furniture, like the repeated
        // headline above the first caption.
        if (line.size() <= kMaxImageTitle && !ends_sentence(line) && i + 1 < lines.size() &&
            !is_bullet(lines[i], line_rest) && parse_caption(lines[i + 1], false)) {
            after_image_title = true;
            continue;
        }
        after_image_title = false;
        std::string_view rest;
        if (is_bullet(lines[i], rest)) {
            part = Part::Body;
            Bullet b = parse_bullet(rest);
            if (!b.text.empty() || !b.label.empty()) a.bullets.push_back(std::move(b));
            continue;
        }
        if (part == Part::Header && !saw_byline && !saw_posted) {
            header_lines.push_back(norm);
            continue;
        }
        part = Part::Body;
        paragraphs.push_back(norm);
    }

    // Lines between the headline and the byline/time are the subtitle. With no byline or
    // time, a header line is the subtitle only when it reads like one (short, no final
    // full stop); otherwise it was the first paragraph.
    if (!header_lines.empty()) {
        if (saw_byline || saw_posted) {
            std::string sub;
            for (auto& h : header_lines)
                sub += (sub.empty() ? "" : " ") + h;
            a.subtitle = sub;
        } else {
            std::size_t first_body = 0;
            const std::string& h = header_lines[0];
            if (h.size() < 200 && h.back() != '.' && h.back() != '"' && header_lines.size() > 0 &&
                (header_lines.size() > 1 || !paragraphs.empty())) {
                a.subtitle = h;
                first_body = 1;
            }
            paragraphs.insert(paragraphs.begin(),
                              header_lines.begin() + static_cast<long>(first_body),
                              header_lines.end());
        }
    }
    if (!paragraphs.empty()) a.dateline = take_dateline(paragraphs[0]);
    for (const auto& p : paragraphs) {
        if (p.empty()) continue;
        if (!a.body.empty()) a.body += "\n\n";
        a.body += p;
    }
    if (a.title.empty() && a.body.empty() && a.bullets.empty())
        throw RecordError("article has no headline and no text");
    return a;
}

} // namespace morgue
