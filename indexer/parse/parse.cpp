#include "parse.hpp"

#include "dates.hpp"
#include "errors.hpp"
#include "hash.hpp"
#include "html/html_article.hpp"
#include "json_article.hpp"
#include "people/people.hpp"
#include "text.hpp"
#include "text_article.hpp"
#include "url.hpp"

namespace morgue {

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool sniff_html(std::string_view b) {
    std::size_t n = std::min<std::size_t>(b.size(), 1024);
    std::string head = to_lower_ascii(b.substr(0, n));
    return head.find("<!doctype html") != std::string::npos ||
           head.find("<html") != std::string::npos || head.find("<head") != std::string::npos ||
           head.find("<body") != std::string::npos || head.find("<meta") != std::string::npos;
}

} // namespace

RecordFormat sniff_format(const Record& r) {
    if (r.format != RecordFormat::Unknown) return r.format;
    std::string_view p = r.path;
    if (ends_with_ci(p, ".gz")) p.remove_suffix(3);
    if (ends_with_ci(p, ".txt")) return RecordFormat::Text;
    if (ends_with_ci(p, ".html") || ends_with_ci(p, ".htm") || ends_with_ci(p, ".xhtml"))
        return RecordFormat::Html;
    if (looks_like_text_article(r.bytes)) return RecordFormat::Text;
    if (sniff_html(r.bytes)) return RecordFormat::Html;
    std::string_view b = trim(r.bytes);
    if (!b.empty() && b.front() == '{' && b.back() == '}') return RecordFormat::Json;
    return RecordFormat::Unknown;
}

Article parse_record(const Record& r) {
    Article a;
    switch (sniff_format(r)) {
    case RecordFormat::Text:
        // WET conversion text is plain page text, not the seeds' article format.
        if (r.container == "wet")
            a = parse_wet_text(r.bytes);
        else
            a = parse_text_article(r.bytes);
        break;
    case RecordFormat::Html:
        a = parse_html_article(r);
        break;
    case RecordFormat::Json:
        a = parse_json_article(r);
        break;
    case RecordFormat::Unknown:
        throw RecordError("not a recognised article format (text, HTML, JSON)");
    }
    if (a.path.empty()) a.path = r.origin;
    a.truncated = r.truncated;
    if (a.url.empty() && !r.url.empty()) a.url = r.url;
    if (!r.container.empty() && (a.format.empty() || a.format == "html")) a.format = r.container;
    // The container's fetch time (WARC-Date) dates an article that carries no date.
    if (!a.published && a.date.empty() && r.fetched) {
        a.published = r.fetched;
        a.date = format_ymd(ymd_at(*r.fetched, 0));
        a.date_source = "fetch";
    }
    finish_article(a);
    return a;
}

void finish_article(Article& a) {
    if (!a.url.empty()) {
        std::string norm = normalize_url(a.url);
        if (!norm.empty()) a.url = norm;
    }
    if (a.source.empty() && !a.url.empty()) a.source = host_of(a.url);
    a.source = to_lower_ascii(a.source);
    if (a.id.empty()) {
        if (!a.url.empty() && a.url.find("://") != std::string::npos) {
            a.id = a.url;
        } else {
            // No URL: the id is a hash of the normalised content, so the same text
            // found at two paths is one article.
            std::uint64_t h = content_hash64(a.title);
            h = content_hash64(a.body, h);
            for (const auto& b : a.bullets)
                h = content_hash64(b.text, content_hash64(b.label, h));
            a.id = "h:" + hex64(h);
        }
    }
    // Every parser's article gets its people here; a parser that already knows them
    // (a JSON record with a people list) keeps its own.
    if (a.people.empty()) a.people = find_people(a);
}

} // namespace morgue
