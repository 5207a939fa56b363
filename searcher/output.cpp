#include "output.hpp"

#include "article_json.hpp"

#include <cstdio>

namespace morgue {

using json = nlohmann::ordered_json;

namespace {

const char* kBold = "\x1b[1m";
const char* kDim = "\x1b[2m";
const char* kRed = "\x1b[1;31m";
const char* kReset = "\x1b[0m";

json nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

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
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string plain_snippet(const std::string& s) { return render_snippet(s, false); }

} // namespace

std::string sanitize_for_terminal(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\n' && c != '\t' && c != 0x01 && c != 0x02) continue;
        if (c == 0x7f) continue;
        // C1 controls (U+0080..U+009F) are encoded as C2 80..C2 9F.
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
            ++i;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string tsv_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\\': out += "\\\\"; break;
        default: out += c;
        }
    }
    return out;
}

json hit_to_json(const Hit& h) {
    const Article& a = h.article;
    return json{{"id", a.id},
                {"rank", h.rank},
                {"score", h.score},
                {"title", a.title},
                {"date", nullable(a.date)},
                {"published", a.published ? json(iso_utc(a.published)) : json(nullptr)},
                {"authors", a.authors},
                {"source", nullable(a.source)},
                {"url", nullable(a.url)},
                {"path", nullable(a.path)},
                {"snippet", plain_snippet(h.snippet)}};
}

json result_to_json(const SearchResult& r) {
    json hits = json::array();
    for (const auto& h : r.hits) hits.push_back(hit_to_json(h));
    return json{{"format_version", kFormatVersion},
                {"query", r.query},
                {"total", r.total},
                {"offset", r.offset},
                {"hits", hits}};
}

void print_result(std::ostream& out, const SearchResult& r, const OutputOptions& o) {
    switch (o.format) {
    case OutputFormat::Json:
        out << dump_json(result_to_json(r)) << '\n';
        return;
    case OutputFormat::Jsonl:
        for (const auto& h : r.hits) out << dump_json(hit_to_json(h)) << '\n';
        return;
    case OutputFormat::Ids:
        for (const auto& h : r.hits) out << h.article.id << '\n';
        return;
    case OutputFormat::Tsv:
        out << "rank\tscore\tid\tdate\ttitle\tauthors\tsource\turl\tpath\n";
        for (const auto& h : r.hits) {
            const Article& a = h.article;
            char score[32];
            std::snprintf(score, sizeof score, "%.4f", h.score);
            out << h.rank << '\t' << score << '\t' << tsv_escape(a.id) << '\t' << a.date << '\t'
                << tsv_escape(a.title) << '\t' << tsv_escape(join(a.authors, "; ")) << '\t'
                << tsv_escape(a.source) << '\t' << tsv_escape(a.url) << '\t' << tsv_escape(a.path)
                << '\n';
        }
        return;
    case OutputFormat::Text:
        break;
    }
    bool c = o.color;
    out << r.total << (r.total == 1 ? " match" : " matches");
    if (!r.hits.empty())
        out << ", showing " << r.hits.front().rank << "-" << r.hits.back().rank;
    out << '\n';
    for (const auto& h : r.hits) {
        const Article& a = h.article;
        out << '\n' << (c ? kBold : "") << h.rank << ". " << sanitize_for_terminal(a.title)
            << (c ? kReset : "") << '\n';
        std::string meta = a.date.empty() ? "(no date)" : a.date;
        if (!a.authors.empty()) meta += "  by " + join(a.authors, ", ");
        if (!a.source.empty()) meta += "  " + a.source;
        out << "   " << (c ? kDim : "") << sanitize_for_terminal(meta) << (c ? kReset : "") << '\n';
        if (!h.snippet.empty())
            out << "   " << render_snippet(sanitize_for_terminal(h.snippet), c) << '\n';
        out << "   " << (c ? kDim : "") << sanitize_for_terminal(a.id);
        if (!a.path.empty() && a.path != a.id) out << "  " << sanitize_for_terminal(a.path);
        out << (c ? kReset : "") << '\n';
    }
}

void print_count(std::ostream& out, const SearchResult& r, const OutputOptions& o) {
    if (o.format == OutputFormat::Json || o.format == OutputFormat::Jsonl)
        out << dump_json(json{{"format_version", kFormatVersion}, {"query", r.query}, {"total", r.total}})
            << '\n';
    else
        out << r.total << '\n';
}

void print_article(std::ostream& out, const Article& a, const OutputOptions& o) {
    if (o.format != OutputFormat::Text) {
        out << dump_json(article_to_json(a)) << '\n';
        return;
    }
    bool c = o.color;
    auto line = [&](const char* label, const std::string& v) {
        if (!v.empty()) out << (c ? kDim : "") << label << (c ? kReset : "") << sanitize_for_terminal(v) << '\n';
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
    line("id:        ", a.id);
    line("tags:      ", join(a.tags, ", "));
    std::vector<std::string> names;
    for (const auto& p : a.people) names.push_back(p.name);
    line("people:    ", join(names, ", "));
    for (const auto& cap : a.captions)
        line("caption:   ", cap.text + (cap.credit.empty() ? "" : " (" + cap.credit + ")"));
    out << '\n' << sanitize_for_terminal(a.body) << '\n';
    for (const auto& b : a.bullets)
        out << "  • " << sanitize_for_terminal(b.label.empty() ? b.text : b.label + ". " + b.text) << '\n';
}

} // namespace morgue
