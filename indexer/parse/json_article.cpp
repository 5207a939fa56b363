#include "json_article.hpp"

#include "byline.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "parse.hpp"
#include "text.hpp"
#include "url.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <initializer_list>

namespace morgue {

namespace {

using json = nlohmann::json;

const json* find_key(const json& j, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        auto it = j.find(k);
        if (it != j.end() && !it->is_null()) return &*it;
    }
    return nullptr;
}

// A JSON string's text. "\u0000" is valid JSON but never text: NUL bytes are dropped, so
// none reaches the index or a C string downstream.
std::string string_of(const json& v) {
    std::string s = v.get<std::string>();
    s.erase(std::remove(s.begin(), s.end(), '\0'), s.end());
    return s;
}

// A string value, or the "name" of an object value ({"@type":"Person","name":...}).
std::string as_text(const json& v) {
    if (v.is_string()) return string_of(v);
    if (v.is_object()) {
        if (auto n = v.find("name"); n != v.end() && n->is_string()) return string_of(*n);
    }
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    return {};
}

std::string first_string(const json& j, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        auto it = j.find(k);
        if (it == j.end()) continue;
        std::string s = normalize_space(as_text(*it));
        if (!s.empty()) return s;
    }
    return {};
}

// A string or a list of strings/objects; a string list may be comma-separated (keywords).
std::vector<std::string> string_list(const json* v, bool split_commas) {
    std::vector<std::string> out;
    if (!v) return out;
    auto add = [&](std::string s) {
        s = normalize_space(s);
        if (!s.empty()) out.push_back(std::move(s));
    };
    if (v->is_array()) {
        for (const auto& e : *v)
            add(as_text(e));
    } else if (v->is_string() && split_commas) {
        std::string s = string_of(*v);
        std::size_t start = 0;
        for (;;) {
            std::size_t c = s.find(',', start);
            add(s.substr(start, c - start));
            if (c == std::string::npos) break;
            start = c + 1;
        }
    } else {
        add(as_text(*v));
    }
    return out;
}

// Authors: a name, a list of names or of {"name": ...} objects; "By " is dropped and a
// single string "A and B" or "A; B" is split.
std::vector<std::string> authors_of(const json* v) {
    std::vector<std::string> out;
    for (const std::string& s : string_list(v, false))
        for (auto& n : split_byline(s).names)
            if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
    return out;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

bool sentence_end(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.empty()) return true;
    char c = line.back();
    return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')';
}

bool list_item(std::string_view p) {
    if (p.empty()) return false;
    if (p[0] == '-' || p[0] == '*' || p.substr(0, 3) == "\u2022") return true;
    std::size_t i = 0;
    while (i < p.size() && i < 3 && p[i] >= '0' && p[i] <= '9')
        ++i;
    return i > 0 && i < p.size() && (p[i] == '.' || p[i] == ')');
}

// Whether a text is wrapped at a fixed width, as wire copy and mail are ("...chairman
// Dan" / "Rostenkowski of Illinois"): at least four lines, none over 100 characters, half
// of them within a quarter of the longest, and a third or more ending mid-sentence. A
// text with a paragraph on each line (web exports) fails the test.
bool hard_wrapped(const std::vector<std::string_view>& lines) {
    std::size_t n = 0, width = 0;
    for (auto l : lines) {
        if (trim(l).empty()) continue;
        ++n;
        width = std::max(width, code_points(l));
    }
    if (n < 4 || width < 40 || width > 100) return false;
    std::size_t full = 0, open = 0;
    for (auto l : lines) {
        if (trim(l).empty()) continue;
        full += code_points(l) * 4 >= width * 3;
        open += !sentence_end(l);
    }
    return full * 2 >= n && open * 3 >= n;
}

} // namespace

// The article text: paragraphs are separated by newlines in every export we know, except
// text wrapped at a fixed width (hard_wrapped), whose lines are joined back into their
// paragraphs (json_article.hpp says where a paragraph ends).
std::string paragraphs_of(std::string_view text) {
    auto lines = split_lines(text);
    bool wrapped = hard_wrapped(lines);
    std::size_t width = 0;
    if (wrapped)
        for (auto l : lines)
            width = std::max(width, code_points(l));
    std::string out;
    bool open = false;  // the last line may continue on the next
    bool blank = false; // a blank line came after it: the paragraph ended there
    std::size_t last_indent = 0;
    for (auto line : lines) {
        std::string p = normalize_space(line);
        if (p.empty()) {
            open = false;
            blank = true;
            continue;
        }
        std::size_t indent = line.find_first_not_of(" \t");
        bool indented = indent > last_indent; // "    Wright met ...": a new paragraph
        last_indent = indent;
        // A short line ending mid-sentence goes on when the next starts in lower case
        // ("Commerce Secretary C. William Verity" / "called for ...").
        bool goes_on =
            wrapped && !blank && !out.empty() && !sentence_end(out) && p[0] >= 'a' && p[0] <= 'z';
        blank = false;
        if ((open || goes_on) && !indented && !list_item(p)) {
            out += ' ';
        } else if (!out.empty()) {
            out += "\n\n";
        }
        out += p;
        open = wrapped && code_points(line) * 10 >= width * 6;
    }
    return out;
}

namespace {

struct When {
    std::int64_t utc = 0;
    std::string ymd;
};

// ISO 8601 strings ("2024-10-25", "2024-10-25 10:30:00", "...T10:30:00+02:00") or epoch
// seconds (milliseconds when too large to be seconds).
std::optional<When> time_of(const json* v) {
    if (!v) return std::nullopt;
    if (v->is_number()) {
        double t = v->get<double>();
        if (!std::isfinite(t) || t <= 0) return std::nullopt;
        if (t > 1e11) t /= 1000;
        // After year 9999 is no article's date, and past INT64_MAX the conversion below
        // would be undefined (the fuzzer's 1e300).
        if (t >= 253402300800.0) return std::nullopt;
        auto s = static_cast<std::int64_t>(t);
        return When{s, format_ymd(ymd_at(s, 0))};
    }
    if (!v->is_string()) return std::nullopt;
    auto lt = parse_iso_local(trim(v->get<std::string>()));
    if (!lt) return std::nullopt;
    return When{lt->utc, format_ymd(lt->local)};
}

std::string lang_code(std::string s) {
    s = to_lower_ascii(trim(s));
    s = s.substr(0, s.find_first_of("-_"));
    return s;
}

// A lone UTF-16 surrogate escape ("\ud800" without its pair: a string cut in the middle
// by an exporter) is not valid JSON, and the JSON parser refuses the whole line. It
// becomes U+FFFD, as a bad byte does in UTF-8, and the article is kept.
std::string replace_lone_surrogates(std::string_view s) {
    auto hex4 = [&](std::size_t i) -> long {
        if (i + 4 > s.size()) return -1;
        long v = 0;
        for (std::size_t k = i; k < i + 4; ++k) {
            char c = s[k];
            int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i++];
            continue;
        }
        if (s[i + 1] != 'u') { // another escape: copy it whole (\\ included)
            out.append(s.substr(i, 2));
            i += 2;
            continue;
        }
        long v = hex4(i + 2);
        bool high = v >= 0xD800 && v <= 0xDBFF, low = v >= 0xDC00 && v <= 0xDFFF;
        if (high && i + 7 < s.size() && s[i + 6] == '\\' && s[i + 7] == 'u' &&
            hex4(i + 8) >= 0xDC00 && hex4(i + 8) <= 0xDFFF) {
            out.append(s.substr(i, 12)); // a proper pair
            i += 12;
        } else if (high || low) {
            out += "\\ufffd";
            i += 6;
        } else {
            out.append(s.substr(i, 2));
            i += 2;
        }
    }
    return out;
}

// JSON puts no bound on numbers, but a double does: nlohmann rejects a whole line over
// one 1e999 in a field we never read. So when a line does not parse, numbers outside
// strings that overflow a double become null and the line is parsed once more.
std::string null_overflowing_numbers(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (in_string) {
            out += c;
            ++i;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t j = i;
            while (j < text.size() &&
                   (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '-' ||
                    text[j] == '+' || text[j] == '.' || text[j] == 'e' || text[j] == 'E'))
                ++j;
            std::string token(text.substr(i, j - i));
            double v = std::strtod(token.c_str(), nullptr);
            out += std::isfinite(v) ? token : "null";
            i = j;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace

Article parse_json_article(const Record& r) {
    json j;
    {
        std::string fixed;
        std::string_view bytes = r.bytes;
        if (!is_valid_utf8(bytes)) {
            fixed = repair_utf8(bytes);
            bytes = fixed;
        }
        j = json::parse(bytes, nullptr, false);
        if (j.is_discarded()) j = json::parse(null_overflowing_numbers(bytes), nullptr, false);
        if (j.is_discarded() && bytes.find("\\u") != std::string_view::npos)
            j = json::parse(null_overflowing_numbers(replace_lone_surrogates(bytes)), nullptr,
                            false);
    }
    if (j.is_discarded()) throw RecordError("not valid JSON");
    if (!j.is_object()) throw RecordError("JSON value is not an object");

    std::string text;
    if (const json* t = find_key(
            j, {"text", "maintext", "body", "content", "articleBody", "article_text", "raw_text"});
        t && t->is_string())
        text = paragraphs_of(string_of(*t));

    std::string url = first_string(j, {"url", "canonical_url", "link", "source_url"});
    if (url.empty()) url = r.url;

    Article a;
    const json* html = text.empty() ? find_key(j, {"html", "raw_html", "content_html"}) : nullptr;
    if (html && html->is_string() && !html->get<std::string>().empty()) {
        Record page;
        page.bytes = html->get<std::string>();
        page.origin = r.origin;
        page.path = r.path;
        page.offset = r.offset;
        page.format = RecordFormat::Html;
        page.url = url;
        page.fetched = r.fetched;
        page.container = r.container;
        a = parse_record(page);
        a.id.clear(); // recomputed by finish_article once the object's fields are in
    } else {
        // A brief is a headline and no text: still an article (checked below).
        a.body = std::move(text);
        a.format = "jsonl";
    }

    // The object's own fields; for an HTML page, they fill what the page lacked, except
    // the title: an export's title key is the headline its crawler chose, where the page
    // may only offer a <title> with the site's name in it.
    auto fill = [](std::string& field, std::string value) {
        if (field.empty()) field = std::move(value);
    };
    if (std::string t = first_string(j, {"title", "headline", "title_page", "name"}); !t.empty())
        a.title = normalize_space(t);
    fill(a.subtitle, first_string(j, {"description", "subtitle", "summary", "dek"}));
    if (a.url.empty()) a.url = url;
    // The export's own id names the article when it has no URL: two records with their
    // own ids are two articles, even when their text is the same (a re-sent story).
    if (a.url.empty()) a.id = first_string(j, {"id", "_id", "guid", "doc_id", "article_id"});
    // A host only ("harbourgazette.example"); a publisher's name is not a host.
    if (std::string host = to_lower_ascii(
            first_string(j, {"source_domain", "site", "domain", "source", "hostname"}));
        host.find('.') != std::string::npos && host.find(' ') == std::string::npos)
        fill(a.source, host_of("https://" + host + "/"));
    fill(a.site_name, first_string(j, {"site_name", "sitename", "publisher"}));
    fill(a.section, first_string(j, {"section", "category", "articleSection"}));
    fill(a.lang, lang_code(first_string(j, {"language", "lang", "inLanguage"})));
    if (a.authors.empty()) a.authors = authors_of(find_key(j, {"authors", "author", "byline"}));
    if (a.byline.empty() && !a.authors.empty()) {
        for (std::size_t i = 0; i < a.authors.size(); ++i)
            a.byline += (i == 0 ? "" : i + 1 == a.authors.size() ? " and " : ", ") + a.authors[i];
    }
    if (a.tags.empty()) a.tags = string_list(find_key(j, {"tags", "keywords"}), true);
    if (!a.published && a.date.empty()) {
        if (auto w = time_of(find_key(j, {"date_publish", "published", "date", "datePublished",
                                          "date_published", "publish_date", "pubdate"}))) {
            a.published = w->utc;
            a.date = w->ymd;
            a.date_source = "json";
        }
    }
    if (!a.published && a.date.empty() && !r.fetched) {
        // The crawler's download time: a date only when nothing better is known.
        if (auto w = time_of(find_key(j, {"date_download", "fetched", "date_crawled"}))) {
            a.published = w->utc;
            a.date = format_ymd(ymd_at(w->utc, 0));
            a.date_source = "fetch";
        }
    }
    if (!a.modified) {
        if (auto w =
                time_of(find_key(j, {"date_modify", "modified", "dateModified", "date_modified"})))
            a.modified = w->utc;
    }
    if (a.title.empty() && a.body.empty())
        throw RecordError("JSON article has nothing to search (no title, text or html)");
    return a;
}

Article parse_wet_text(std::string_view text) {
    std::string t = is_valid_utf8(text) ? std::string(text) : repair_utf8(text);
    Article a;
    for (auto line : split_lines(t)) {
        std::string s = normalize_space(line);
        if (!s.empty()) {
            a.title = std::move(s);
            break;
        }
    }
    a.body = paragraphs_of(t);
    if (a.body.empty()) throw RecordError("WET conversion record has no text");
    a.format = "wet";
    return a;
}

} // namespace morgue
