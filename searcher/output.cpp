#include "output.hpp"

#include "article_json.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iomanip>

namespace morgue {

using json = nlohmann::ordered_json;

namespace {

const char* kBold = "\x1b[1m";
const char* kDim = "\x1b[2m";
const char* kRed = "\x1b[1;31m";
const char* kReset = "\x1b[0m";

json nullable(const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
}

// Snippet markers -> colour, or nothing.
std::string render_snippet(const std::string& s, bool color) {
    std::string out;
    for (char c : s) {
        if (c == kHiStart[0]) {
            if (color) out += kRed;
        } else if (c == kHiEnd[0]) {
            if (color) out += kReset;
        } else {
            out += c;
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

// Columns a UTF-8 string takes: one per code point (good enough for names).
std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// The snippet without its markers (render_snippet(s, false)), copied run by run.
std::string plain_snippet(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == kHiStart[0] || s[i] == kHiEnd[0]) {
            out.append(s, run, i - run);
            run = i + 1;
        }
    out.append(s, run, std::string::npos);
    return out;
}

} // namespace

std::string for_ids(const std::string& s, const OutputOptions& o) {
    return o.terminal ? sanitize_for_terminal(s) : s;
}

std::string tsv_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        const char* esc = c == '\t'   ? "\\t"
                          : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r"
                          : c == '\\' ? "\\\\"
                                      : nullptr;
        if (esc) {
            out += esc;
            ++i;
            continue;
        }
        // Other controls and bidi marks would reach the terminal of whoever views the file.
        char32_t cp;
        if (std::size_t n = terminal_control_at(s, i, cp)) {
            i += n;
            continue;
        }
        out += s[i++];
    }
    return out;
}

std::string file_of_path(const std::string& path) {
    // "dump.warc.gz@1234", "dump.warc.gz@1234+567" (whole-file gzip), "export.jsonl:17"
    std::size_t cut = path.find_last_not_of("0123456789+");
    if (cut != std::string::npos && cut + 1 < path.size() && (path[cut] == '@' || path[cut] == ':'))
        return path.substr(0, cut);
    return path;
}

const std::vector<std::string>& hit_field_names() {
    static const std::vector<std::string> names = {
        "rank", "score",   "id",        "date",      "title",  "authors", "source",
        "url",  "path",    "published", "subtitle",  "tags",   "people",  "dateline",
        "lang", "section", "snippet",   "collapsed", "matched"};
    return names;
}

std::string hit_field(const Hit& h, const std::string& name) {
    const Article& a = h.article;
    if (name == "rank") return std::to_string(h.rank);
    if (name == "score") {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4f", h.score);
        return buf;
    }
    if (name == "id") return a.id;
    if (name == "date") return a.date;
    if (name == "title") return a.title;
    if (name == "authors") return join(a.authors, "; ");
    if (name == "source") return a.source;
    if (name == "url") return a.url;
    if (name == "path") return a.path;
    if (name == "published") return iso_utc(a.published);
    if (name == "subtitle") return a.subtitle;
    if (name == "tags") return join(a.tags, "; ");
    if (name == "people") {
        std::vector<std::string> names;
        for (const auto& p : a.people)
            names.push_back(p.name);
        return join(names, "; ");
    }
    if (name == "dateline") return a.dateline;
    if (name == "lang") return a.lang;
    if (name == "section") return a.section;
    if (name == "snippet") return plain_snippet(h.snippet);
    if (name == "collapsed") return std::to_string(h.collapsed);
    if (name == "matched") return join(h.matched, " ");
    return {};
}

json hit_to_json(const Hit& h, bool collapse, bool explain) {
    const Article& a = h.article;
    json j{{"id", a.id},
           {"rank", h.rank},
           {"score", h.score},
           {"title", a.title},
           {"date", nullable(a.date)},
           {"published", a.published ? json(iso_utc(a.published)) : json(nullptr)},
           {"authors", a.authors},
           {"source", nullable(a.source)},
           {"url", nullable(a.url)},
           {"path", nullable(a.path)},
           {"snippet", plain_snippet(h.snippet)},
           {"highlights", snippet_highlights(h.snippet)}};
    if (collapse) j["collapsed"] = h.collapsed;
    if (explain) j["matched"] = h.matched;
    return j;
}

namespace {

// Bytes copied into a JSON string as they are, with nothing to check: printable ASCII
// but '"' and '\\' (DEL, controls and every non-ASCII byte take the careful path).
constexpr std::array<bool, 256> kPlainAscii = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x7f; ++c)
        t[c] = c != '"' && c != '\\';
    return t;
}();

// A string as dump_json writes it: valid UTF-8 escaped as nlohmann escapes it (the unit
// test compares the two on every control byte), invalid UTF-8 through nlohmann itself.
// What dump_json escapes beyond nlohmann (DEL, C1 controls, bidi marks:
// escape_for_terminal_json) is escaped here, string by string: the rest of a hit's line
// is ASCII without DEL, so the line is the same as escaping it whole.
void put_json_string(std::string& out, std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && kPlainAscii[static_cast<unsigned char>(s[i])])
        ++i;
    if (i == s.size()) { // printable ASCII: nothing to escape (most ids, urls, paths)
        out += '"';
        out += s;
        out += '"';
        return;
    }
    std::string piece;
    if (is_valid_utf8(s)) {
        // nlohmann's escapes for valid UTF-8 (ensure_ascii off): the short forms, other
        // C0 controls as \u00xx in lower case, every other byte as it is.
        static constexpr char hex[] = "0123456789abcdef";
        piece.reserve(s.size() + 8);
        piece += '"';
        std::size_t run = 0; // s[run, k) is copied as it is
        for (std::size_t k = i; k < s.size(); ++k) {
            auto c = static_cast<unsigned char>(s[k]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            piece.append(s, run, k - run);
            run = k + 1;
            switch (c) {
            case '"':
                piece += "\\\"";
                break;
            case '\\':
                piece += "\\\\";
                break;
            case '\b':
                piece += "\\b";
                break;
            case '\f':
                piece += "\\f";
                break;
            case '\n':
                piece += "\\n";
                break;
            case '\r':
                piece += "\\r";
                break;
            case '\t':
                piece += "\\t";
                break;
            default:
                piece += "\\u00";
                piece += hex[c >> 4];
                piece += hex[c & 15];
            }
        }
        piece.append(s, run, std::string_view::npos);
        piece += '"';
    } else { // invalid UTF-8: nlohmann's own replacement of the bad bytes
        piece = json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    out += escape_for_terminal_json(std::move(piece));
}

void put_nullable(std::string& out, std::string_view s) {
    if (s.empty())
        out += "null";
    else
        put_json_string(out, s);
}

void put_strings(std::string& out, const std::vector<std::string>& v) {
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += ',';
        put_json_string(out, v[i]);
    }
    out += ']';
}

} // namespace

std::string hit_json_line(const Hit& h, bool collapse, bool explain) {
    const Article& a = h.article;
    std::string out;
    out.reserve(512 + a.title.size() + h.snippet.size());
    out += "{\"id\":";
    put_json_string(out, a.id);
    out += ",\"rank\":";
    out += std::to_string(h.rank);
    out += ",\"score\":";
    out += json(h.score).dump(); // nlohmann's shortest round-trip form, as before
    out += ",\"title\":";
    put_json_string(out, a.title);
    out += ",\"date\":";
    put_nullable(out, a.date);
    out += ",\"published\":";
    put_nullable(out, a.published ? iso_utc(a.published) : std::string());
    out += ",\"authors\":";
    put_strings(out, a.authors);
    out += ",\"source\":";
    put_nullable(out, a.source);
    out += ",\"url\":";
    put_nullable(out, a.url);
    out += ",\"path\":";
    put_nullable(out, a.path);
    out += ",\"snippet\":";
    put_json_string(out, plain_snippet(h.snippet));
    out += ",\"highlights\":[";
    bool first = true;
    for (const auto& [b, e] : snippet_highlights(h.snippet)) {
        if (!first) out += ',';
        first = false;
        out += '[';
        out += std::to_string(b);
        out += ',';
        out += std::to_string(e);
        out += ']';
    }
    out += ']';
    if (collapse) {
        out += ",\"collapsed\":";
        out += std::to_string(h.collapsed);
    }
    if (explain) {
        out += ",\"matched\":";
        put_strings(out, h.matched);
    }
    out += '}';
    return out; // every string was escaped for terminals as it was put
}

std::vector<std::pair<std::size_t, std::size_t>> snippet_highlights(std::string_view marked) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t pos = 0, start = 0;
    bool open = false;
    for (char ch : marked) {
        if (ch == kHiStart[0]) {
            open = true;
            start = pos;
        } else if (ch == kHiEnd[0]) {
            if (open && pos > start) spans.emplace_back(start, pos);
            open = false;
        } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
            ++pos; // the first byte of a code point
        }
    }
    return spans;
}

json facets_to_json(const std::vector<Facet>& facets) {
    json out = json::object();
    for (const auto& f : facets) {
        json vals = json::array();
        for (const auto& v : f.values)
            vals.push_back({{"value", v.value}, {"count", v.count}});
        out[f.field] = vals;
    }
    return out;
}

namespace {

json head_to_json(const SearchResult& r) {
    return {{"format_version", kFormatVersion},
            {"query", r.query},
            {"total", r.total},
            {"total_exact", r.total_exact},
            {"offset", r.offset}};
}

// The keys after "hits", in result_to_json's order.
json tail_to_json(const SearchResult& r) {
    json j = json::object();
    if (!r.suggestion.empty()) j["suggestion"] = r.suggestion;
    if (r.relaxed) j["relaxed"] = true;
    if (r.explain) j["parsed"] = r.parsed;
    if (!r.facets.empty()) j["facets"] = facets_to_json(r.facets);
    if (!r.missing_shards.empty()) {
        j["partial"] = true; // --partial: some shards did not answer
        j["missing_shards"] = r.missing_shards;
    }
    return j;
}

} // namespace

json result_to_json(const SearchResult& r) {
    json hits = json::array();
    for (const auto& h : r.hits)
        hits.push_back(hit_to_json(h, r.collapse, r.explain));
    json j = head_to_json(r);
    j["hits"] = hits;
    json tail = tail_to_json(r);
    for (auto& [k, v] : tail.items())
        j[k] = v;
    return j;
}

json search_answer_json(const SearchResult& r, bool count_only) {
    if (!count_only) return result_to_json(r);
    json j{{"format_version", kFormatVersion}, {"query", r.query}, {"total", r.total}};
    if (!r.facets.empty()) j["facets"] = facets_to_json(r.facets);
    return j;
}

json people_answer_json(const SearchResult& r) {
    json arr = json::array();
    if (!r.facets.empty())
        for (const auto& p : r.facets.front().values)
            arr.push_back({{"name", p.value}, {"articles", p.count}});
    json j = {{"format_version", kFormatVersion},
              {"query", r.query},
              {"total", r.total},
              {"people", arr}};
    if (!r.missing_shards.empty()) {
        j["partial"] = true; // --partial: some shards did not answer
        j["missing_shards"] = r.missing_shards;
    }
    return j;
}

const char* field_kind_name(FieldKind k) {
    switch (k) {
    case FieldKind::Text:
        return "text";
    case FieldKind::Boolean:
        return "filter";
    case FieldKind::Date:
        return "range";
    }
    return "";
}

json fields_answer_json() {
    json arr = json::array();
    for (const Field& f : kFields)
        arr.push_back({{"name", f.name},
                       {"aliases", f.aliases},
                       {"kind", field_kind_name(f.kind)},
                       {"prefix", f.prefix},
                       {"description", f.description},
                       {"example", f.example}});
    return arr;
}

void print_facets_text(std::ostream& out, const std::vector<Facet>& facets, bool color) {
    for (const auto& f : facets) {
        out << '\n' << (color ? kBold : "") << f.field << (color ? kReset : "") << '\n';
        if (f.values.empty()) {
            out << "   (none)\n";
            continue;
        }
        std::vector<FacetValue> rows = f.chronological ? fill_periods(f) : f.values;
        std::size_t width = 0;
        Xapian::doccount most = 0;
        for (const auto& v : rows) {
            width = std::max(width, display_width(v.value));
            most = std::max(most, v.count);
        }
        for (const auto& v : rows) {
            out << "   " << sanitize_for_terminal(v.value)
                << std::string(width - display_width(v.value) + 2, ' ');
            if (f.chronological) {
                // A timeline: one bar per period, empty periods shown, 40 columns at most.
                std::size_t bar =
                    most ? (static_cast<std::size_t>(v.count) * 40 + most - 1) / most : 0;
                std::string bars;
                for (std::size_t i = 0; i < bar; ++i)
                    bars += "\u2588";
                out << std::setw(6) << v.count << ' ' << (color ? kRed : "") << bars
                    << (color ? kReset : "");
            } else {
                out << std::setw(6) << v.count;
            }
            out << '\n';
        }
    }
}

namespace {

// The object's members without its braces ("" for an empty object).
std::string members(const json& j) {
    std::string s = dump_json(j);
    return s.size() > 2 ? s.substr(1, s.size() - 2) : std::string();
}

class TsvPrinter : public HitSink {
  public:
    TsvPrinter(std::ostream& out, const OutputOptions& o) : out_(out), o_(o) {}
    void begin(const SearchResult&) override {
        for (std::size_t i = 0; i < cols().size(); ++i)
            out_ << (i ? "\t" : "") << cols()[i];
        out_ << '\n';
    }
    void hit(const Hit& h) override {
        for (std::size_t i = 0; i < cols().size(); ++i)
            out_ << (i ? "\t" : "") << tsv_escape(hit_field(h, cols()[i]));
        out_ << '\n';
    }
    void end() override {}

  private:
    const std::vector<std::string>& cols() const {
        static const std::vector<std::string> defaults = {
            "rank", "score", "id", "date", "title", "authors", "source", "url", "path"};
        return o_.fields.empty() ? defaults : o_.fields;
    }
    std::ostream& out_;
    const OutputOptions& o_;
};

class LinePrinter : public HitSink { // jsonl, ids, paths
  public:
    LinePrinter(std::ostream& out, const OutputOptions& o) : out_(out), o_(o) {}
    void begin(const SearchResult& head) override {
        collapse_ = head.collapse;
        explain_ = head.explain;
    }
    void hit(const Hit& h) override {
        const char end = o_.nul ? '\0' : '\n';
        if (o_.format == OutputFormat::Jsonl) {
            out_ << hit_json_line(h, collapse_, explain_) << '\n';
        } else if (o_.format == OutputFormat::Ids) {
            out_ << for_ids(h.article.id, o_) << end;
        } else {
            std::string file = file_of_path(h.article.path);
            if (!file.empty()) out_ << for_ids(file, o_) << end;
        }
    }
    void end() override {}

  private:
    std::ostream& out_;
    const OutputOptions& o_;
    bool collapse_ = false, explain_ = false;
};

class TextPrinter : public HitSink {
  public:
    TextPrinter(std::ostream& out, const OutputOptions& o) : out_(out), o_(o) {}
    void begin(const SearchResult& r) override {
        explain_ = r.explain;
        facets_ = r.facets;
        if (r.explain) out_ << "query: " << sanitize_for_terminal(r.parsed) << '\n';
        out_ << (r.total_exact ? "" : "about ") << r.total
             << (r.total == 1 ? " match" : " matches");
        if (r.shown) out_ << ", showing " << r.offset + 1 << "-" << r.offset + r.shown;
        out_ << '\n';
    }
    void hit(const Hit& h) override;
    void end() override { print_facets_text(out_, facets_, o_.color); }

  private:
    std::ostream& out_;
    const OutputOptions& o_;
    bool explain_ = false;
    std::vector<Facet> facets_;
};

void TextPrinter::hit(const Hit& h) {
    std::ostream& out = out_;
    bool c = o_.color;
    const Article& a = h.article;
    if (!o_.fields.empty()) {
        // --fields: one line per hit, the chosen fields separated by two spaces.
        for (std::size_t i = 0; i < o_.fields.size(); ++i)
            out << (i ? "  " : "") << sanitize_for_terminal(hit_field(h, o_.fields[i]));
        out << '\n';
        return;
    }
    out << '\n'
        << (c ? kBold : "") << h.rank << ". " << sanitize_for_terminal(a.title) << (c ? kReset : "")
        << '\n';
    std::string meta = a.date.empty() ? "(no date)" : a.date;
    if (!a.authors.empty()) meta += "  by " + join(a.authors, ", ");
    if (!a.source.empty()) meta += "  " + a.source;
    if (h.collapsed) meta += "  (+" + std::to_string(h.collapsed) + " copies folded)";
    out << "   " << (c ? kDim : "") << sanitize_for_terminal(meta) << (c ? kReset : "") << '\n';
    if (!h.snippet.empty())
        out << "   " << render_snippet(sanitize_for_terminal(h.snippet, true), c) << '\n';
    if (explain_) {
        char score[64];
        std::snprintf(score, sizeof score, "score %.4f (%d%%): ", h.score, h.percent);
        out << "   " << score << sanitize_for_terminal(join(h.matched, " ")) << '\n';
    }
    out << "   " << (c ? kDim : "") << sanitize_for_terminal(a.id);
    if (!a.path.empty() && a.path != a.id) out << "  " << sanitize_for_terminal(a.path);
    out << (c ? kReset : "") << '\n';
}

} // namespace

JsonPrinter::JsonPrinter(std::ostream& out, bool with_hits) : out_(out), with_hits_(with_hits) {}

void JsonPrinter::begin(const SearchResult& head) {
    std::string h = dump_json(head_to_json(head));
    h.pop_back(); // the closing brace: hits and the tail follow
    out_ << h;
    if (with_hits_) out_ << ",\"hits\":[";
    tail_ = members(tail_to_json(head));
    collapse_ = head.collapse;
    explain_ = head.explain;
    total_ = head.total;
    open_ = true;
}

void JsonPrinter::hit(const Hit& h) {
    out_ << (first_ ? "" : ",") << hit_json_line(h, collapse_, explain_);
    first_ = false;
}

void JsonPrinter::end() {
    if (with_hits_) out_ << ']';
    if (!tail_.empty()) out_ << ',' << tail_;
    out_ << "}\n";
    open_ = false;
}

void JsonPrinter::fail(const std::string& message) {
    if (with_hits_) out_ << ']';
    out_ << ",\"error\":" << dump_json(message) << "}\n";
    open_ = false;
}

std::unique_ptr<HitSink> make_printer(std::ostream& out, const OutputOptions& o) {
    switch (o.format) {
    case OutputFormat::Json:
        return std::make_unique<JsonPrinter>(out);
    case OutputFormat::Jsonl:
    case OutputFormat::Ids:
    case OutputFormat::Paths:
        return std::make_unique<LinePrinter>(out, o);
    case OutputFormat::Tsv:
        return std::make_unique<TsvPrinter>(out, o);
    case OutputFormat::Text:
        break;
    }
    return std::make_unique<TextPrinter>(out, o);
}

void print_result(std::ostream& out, const SearchResult& r, const OutputOptions& o) {
    SearchResult head = r;
    head.hits.clear();
    if (!head.shown) head.shown = static_cast<Xapian::doccount>(r.hits.size());
    auto p = make_printer(out, o);
    p->begin(head);
    for (const auto& h : r.hits)
        p->hit(h);
    p->end();
}

void print_count(std::ostream& out, const SearchResult& r, const OutputOptions& o) {
    if (o.format == OutputFormat::Json || o.format == OutputFormat::Jsonl) {
        out << dump_json(search_answer_json(r, true)) << '\n';
    } else {
        out << r.total << '\n';
        if (o.format == OutputFormat::Text) print_facets_text(out, r.facets, o.color);
    }
}

void print_article(std::ostream& out, const Article& a, const OutputOptions& o) {
    if (o.format != OutputFormat::Text) {
        out << dump_json(article_to_json(a)) << '\n';
        return;
    }
    bool c = o.color;
    auto line = [&](const char* label, const std::string& v) {
        if (!v.empty())
            out << (c ? kDim : "") << label << (c ? kReset : "") << sanitize_for_terminal(v)
                << '\n';
    };
    out << (c ? kBold : "") << sanitize_for_terminal(a.title) << (c ? kReset : "") << '\n';
    line("subtitle:  ", a.subtitle);
    line("authors:   ", join(a.authors, ", "));
    line("byline:    ", a.byline);
    line("date:      ", a.date);
    line("published: ", iso_utc(a.published));
    line("dateline:  ", a.dateline);
    line("source:    ", a.source);
    line("url:       ", a.url);
    line("path:      ", a.path);
    line("truncated: ", a.truncated ? "yes (the record arrived cut; the text may end early)" : "");
    line("id:        ", a.id);
    line("tags:      ", join(a.tags, ", "));
    std::vector<std::string> names;
    for (const auto& p : a.people)
        names.push_back(p.name);
    line("people:    ", join(names, ", "));
    for (const auto& cap : a.captions)
        line("caption:   ", cap.text + (cap.credit.empty() ? "" : " (" + cap.credit + ")"));
    out << '\n' << sanitize_for_terminal(a.body) << '\n';
    for (const auto& b : a.bullets)
        out << "  • " << sanitize_for_terminal(b.label.empty() ? b.text : b.label + ". " + b.text)
            << '\n';
}

} // namespace morgue
