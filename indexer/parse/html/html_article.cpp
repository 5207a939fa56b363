#include "html_article.hpp"

#include "errors.hpp"
#include "html_captions.hpp"
#include "html_content.hpp"
#include "html_dates.hpp"
#include "html_dom.hpp"
#include "html_metadata.hpp"
#include "html_title.hpp"
#include "parse/boilerplate_table.hpp"
#include "parse/byline.hpp"
#include "parse/charset.hpp"
#include "parse/dateline.hpp"
#include "record/data.hpp"
#include "text.hpp"
#include "url.hpp"

#include <algorithm>
#include <ctime>

namespace morgue {

namespace {

const BoilerplateTable& boilerplate() {
    static const BoilerplateTable table(data::text_boilerplate);
    return table;
}

std::string absolute_url(std::string_view u, std::string_view base) {
    std::string s(trim(u));
    if (s.empty()) return {};
    if (s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0) return s;
    if (s.rfind("//", 0) == 0) return "https:" + s;
    if (!base.empty()) return resolve_url(base, s);
    return {};
}

std::string short_lang(std::string_view l) {
    std::string s = to_lower_ascii(trim(l));
    auto cut = s.find_first_of("-_");
    if (cut != std::string::npos) s.resize(cut);
    if (s.size() < 2 || s.size() > 3) return {};
    for (char c : s)
        if (c < 'a' || c > 'z') return {};
    return s;
}

// "Label. Text" with a short lead-in ending at its first full stop.
Bullet make_bullet(const ContentBlock& b) {
    Bullet out;
    const std::string& s = b.text;
    if (!b.label.empty() && s.compare(0, b.label.size(), b.label) == 0) {
        std::string lab = b.label;
        std::string_view rest = trim(std::string_view(s).substr(lab.size()));
        while (!lab.empty() && (lab.back() == ':' || lab.back() == '.' || lab.back() == ' '))
            lab.pop_back();
        while (!rest.empty() && (rest.front() == ':' || rest.front() == '.' || rest.front() == ' '))
            rest.remove_prefix(1);
        if (!rest.empty() && !lab.empty()) {
            out.label = lab;
            out.text = std::string(rest);
            return out;
        }
    }
    for (std::size_t i = 0; i < s.size() && i < 80; ++i) {
        if (s[i] != '.' || i + 2 >= s.size() || s[i + 1] != ' ') continue;
        std::size_t ws = s.rfind(' ', i);
        std::size_t wstart = ws == std::string::npos ? 0 : ws + 1;
        std::string_view word = std::string_view(s).substr(wstart, i - wstart);
        if (word.size() <= 3 && !word.empty() && word[0] >= 'A' && word[0] <= 'Z') continue;
        if (word_count(s.substr(0, i)) > 8) break;
        out.label = s.substr(0, i);
        out.text = s.substr(i + 2);
        return out;
    }
    out.text = s;
    return out;
}

// "By Jane Roe", "Par Luc Perrin", "Von Jana Roth", ... naming at least one person.
bool is_by_line(std::string_view t) {
    // A capital lead-in only: "by" in lower case opens sentences too.
    bool capital = !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
    return capital && starts_with_lead_in(t) && !split_byline(t).names.empty();
}

bool is_copy_of(const std::string& a, const std::string& body) {
    std::string fa = fold_for_match(a);
    if (fa.size() > 60) fa.resize(60);
    if (fa.empty()) return true;
    std::string fb = fold_for_match(body.substr(0, std::min<std::size_t>(body.size(), 2000)));
    return fb.find(fa) != std::string::npos;
}

// Body paragraphs, captions and bullets from the content blocks; an AP dateline leaves
// the first paragraph; an unmarked "By ..." line near the top goes to the bylines.
void fill_body(Article& a, Content& c) {
    std::vector<std::string> paragraphs;
    const auto& table = boilerplate();
    bool first_para = true;
    std::size_t index = 0;
    for (auto& b : c.blocks) {
        ++index;
        if (b.text.size() < 120 && table.match(b.text) != 0) continue;
        using Kind = ContentBlock::Kind;
        // An unmarked byline line near the top ("By Jane Roe, Staff Writer") is not text.
        if (index <= 8 && b.kind == Kind::Paragraph && b.text.size() < 150 && is_by_line(b.text)) {
            c.bylines.push_back(b.text);
            c.byline_names.push_back(b.text);
            continue;
        }
        if (b.kind == Kind::Caption) {
            Caption cap{b.text, b.credit};
            if (std::find(a.captions.begin(), a.captions.end(), cap) == a.captions.end())
                a.captions.push_back(cap);
            std::string t = b.text;
            if (!b.credit.empty()) t += (t.empty() ? "" : " ") + b.credit;
            if (!t.empty() && !b.outside) paragraphs.push_back(t);
            continue;
        }
        if (b.kind == Kind::ListItem) {
            Bullet bl = make_bullet(b);
            if (!bl.text.empty()) a.bullets.push_back(std::move(bl));
        }
        if (first_para && b.kind == Kind::Paragraph) {
            first_para = false;
            std::string place = take_dateline(b.text);
            if (!place.empty()) a.dateline = place;
            if (b.text.empty()) continue;
        }
        paragraphs.push_back(b.text);
    }
    for (const auto& p : paragraphs) {
        if (!a.body.empty()) a.body += "\n\n";
        a.body += p;
    }
}

// Authors from JSON-LD, then metas, then byline markup; affiliation and byline text.
void fill_authors(Article& a, const PageMeta& m, const Content& c) {
    // all: every text is one author (JSON-LD lists); otherwise the first text that names
    // someone is the byline (later ones are comments, related stories, bios).
    auto take_names = [&](const std::vector<std::string>& texts, bool all, bool structured = false,
                          bool one_each = false) {
        for (const auto& t : texts) {
            // One name a text ("Roe, Jane Ann" from a citation_author meta): the catalogue
            // order is turned round before the comma could split it into two.
            if (one_each) {
                std::string n = clean_structured_author(t, a.site_name);
                if (!n.empty()) {
                    std::string fn = fold_for_match(n);
                    bool dup = false;
                    for (const auto& x : a.authors)
                        dup = dup || fold_for_match(x) == fn;
                    if (!dup) a.authors.push_back(n);
                    continue;
                }
            }
            // A JSON-LD Person is one even when named like the site (a personal blog).
            bool person = structured && std::find(m.ld_persons.begin(), m.ld_persons.end(), t) !=
                                            m.ld_persons.end();
            std::string_view site = person ? std::string_view() : std::string_view(a.site_name);
            Byline b = split_byline(t, site);
            if (b.names.empty() && structured) {
                std::string n = clean_structured_author(t, site);
                if (!n.empty()) b.names.push_back(n);
            }
            for (auto& n : b.names) {
                std::string fn = fold_for_match(n);
                bool dup = false;
                for (const auto& x : a.authors)
                    dup = dup || fold_for_match(x) == fn;
                if (!dup) a.authors.push_back(n);
            }
            if (a.affiliation.empty()) a.affiliation = b.affiliation;
            if (!b.names.empty() && a.byline.empty()) a.byline = normalize_space(t);
            if (!all && !a.authors.empty()) break;
        }
        return !a.authors.empty();
    };
    // Of several author metas, the one the page's byline names too: a CMS often fills
    // "author" with its company ("Publisher Media Group") and "article:author" with the
    // writer.
    std::vector<std::string> metas = m.meta_authors;
    if (metas.size() > 1) {
        std::string shown;
        for (const auto* list : {&c.byline_names, &m.byline_texts, &m.lead_bylines})
            for (const auto& t : *list)
                shown += " " + fold_for_match(t) + " ";
        std::stable_partition(metas.begin(), metas.end(), [&](const std::string& t) {
            Byline b = split_byline(t, a.site_name);
            return !b.names.empty() &&
                   shown.find(fold_for_match(b.names.front())) != std::string::npos;
        });
    }
    if (!take_names(m.ld_authors, true, true) &&
        !take_names(m.citation_authors, true, true, true) && !take_names(metas, false, true) &&
        !take_names(c.byline_names, false) && !take_names(m.byline_texts, false))
        take_names(m.lead_bylines, false);
    // An author meta that is a credits list ("Jane Roe,Sam Poe,Ann Lee at Model Agency,Bo
    // Park using Brand Cosmetics": writer, photographer, models, make-up) names more than
    // the writers: some parts are no names. The page's visible byline then says which of
    // its names wrote the article.
    if (m.ld_authors.empty() && m.citation_authors.empty() && a.authors.size() > 1 &&
        !a.byline.empty() && !split_byline(a.byline, a.site_name).affiliation.empty()) {
        for (const auto* list : {&c.byline_names, &m.byline_texts}) {
            std::vector<std::string> shown;
            for (const auto& t : *list) {
                shown = split_byline(t, a.site_name).names;
                if (!shown.empty()) break;
            }
            if (shown.empty()) continue;
            std::vector<std::string> keep;
            for (const auto& n : a.authors)
                for (const auto& v : shown)
                    if (fold_for_match(v) == fold_for_match(n)) keep.push_back(n);
            if (!keep.empty() && keep.size() < a.authors.size()) {
                a.authors = keep;
                a.affiliation.clear();
                a.byline.clear();
                for (std::size_t i = 0; i < keep.size(); ++i)
                    a.byline += (i == 0 ? "" : i + 1 == keep.size() ? " and " : ", ") + keep[i];
            }
            break;
        }
    }
    if (a.byline.size() > 3 && starts_with_ci(a.byline, "by ")) a.byline = a.byline.substr(3);
    if (a.authors.size() > 1 && (!m.ld_authors.empty() || !m.citation_authors.empty())) {
        a.byline.clear();
        for (std::size_t i = 0; i < a.authors.size(); ++i)
            a.byline += (i == 0 ? "" : i + 1 == a.authors.size() ? " and " : ", ") + a.authors[i];
    }
    // The visible byline often adds what metadata leaves out: "..., Transport Correspondent".
    if (a.affiliation.empty() && !a.authors.empty()) {
        const std::vector<std::string>* lists[] = {&c.byline_names, &m.byline_texts};
        for (const auto* texts : lists)
            for (const auto& t : *texts) {
                Byline b = split_byline(t, a.site_name);
                if (!b.affiliation.empty() && !b.names.empty() &&
                    std::find(a.authors.begin(), a.authors.end(), b.names[0]) != a.authors.end() &&
                    a.affiliation.empty())
                    a.affiliation = b.affiliation;
            }
    }
}

// Publication time: every candidate the page offers, chosen in html_dates.cpp.
void fill_dates(Article& a, const PageMeta& m, const Content& c) {
    DateInputs in;
    in.meta = &m;
    in.bylines = c.bylines;
    for (const auto& b : c.blocks) {
        if (in.content_start.size() >= 3) break;
        if (b.kind == ContentBlock::Kind::Paragraph) in.content_start.push_back(b.text);
    }
    in.url = a.url;
    in.lang = m.lang;
    in.now = static_cast<std::int64_t>(std::time(nullptr));
    if (auto d = choose_page_date(in)) {
        a.published = d->time.utc;
        a.date = format_ymd(d->time.local);
        a.date_source = d->source;
    }
    for (const std::string* mod : {&m.ld_modified, &m.meta_modified})
        if (auto t = parse_page_date(*mod)) {
            a.modified = t->utc;
            break;
        }
}

// Subtitle: marked-up dek, else a description that is not the first paragraph.
void fill_subtitle(Article& a, const PageMeta& m) {
    std::string ftitle = fold_for_match(a.title);
    std::vector<std::string> subs;
    if (!m.ld_alternative_headline.empty()) subs.push_back(m.ld_alternative_headline);
    for (const auto& d : m.deks)
        subs.push_back(d);
    for (const auto& s : subs)
        if (s.size() < 400 && fold_for_match(s) != ftitle) {
            a.subtitle = s;
            break;
        }
    if (a.subtitle.empty() && !m.description.empty() && fold_for_match(m.description) != ftitle &&
        !is_copy_of(m.description, a.body))
        a.subtitle = m.description;
}

} // namespace

Article parse_html_article(const Record& r) {
    if (r.bytes.size() > kMaxHtmlBytes)
        throw RecordError("HTML page too large (" + std::to_string(r.bytes.size() >> 20) +
                          " MB, limit " + std::to_string(kMaxHtmlBytes >> 20) + " MB)");
    // Binary is decided once decoding failed (charset.hpp), so ISO-2022-JP's escapes or a
    // legacy CJK page are never taken for binary data.
    DecodedPage page = decode_html(r.bytes, r.charset);
    if (page.encoding == "replacement")
        throw RecordError("page in an encoding the Encoding Standard does not decode (" +
                          r.charset + ")");
    if (page.binary) throw RecordError("binary data, not an HTML page");
    std::string html = std::move(page.text);
    GumboDoc doc = parse_html(html);
    if (!doc) throw RecordError("HTML parser failed");
    const PageMeta m = read_page_meta(doc->document);

    Article a;
    a.format = "html";
    a.path = r.origin;

    // URL first: the title's site-name stripping uses the host.
    std::string base = !r.url.empty() ? r.url : std::string(m.og_url);
    for (const std::string* u :
         {&m.canonical, &m.og_url, &m.ld_url, static_cast<const std::string*>(&r.url)}) {
        std::string abs = absolute_url(*u, base);
        if (!abs.empty() && !normalize_url(abs).empty()) {
            a.url = abs;
            break;
        }
    }
    std::string host = host_of(a.url);
    a.site_name = !m.site_name.empty() ? m.site_name : m.ld_publisher;
    a.title = choose_title(m, host);

    Content c = extract_content(doc->document, a.title);

    fill_body(a, c);
    // A page whose text is drawn by scripts may still carry it in JSON-LD.
    if (a.body.size() < 500 &&
        m.ld_article_body.size() > std::max<std::size_t>(200, 2 * a.body.size())) {
        a.body.clear();
        for (auto line : split_lines(m.ld_article_body)) {
            std::string p = normalize_space(line);
            if (p.empty()) continue;
            if (!a.body.empty()) a.body += "\n\n";
            a.body += p;
        }
    }
    fill_authors(a, m, c);
    fill_dates(a, m, c);
    fill_subtitle(a, m);
    a.lang = short_lang(m.lang);
    a.section = m.section;
    a.tags = m.tags;
    if (a.title.empty() && a.body.empty())
        throw RecordError("no article found in the HTML page (no title, no text)");
    return a;
}

} // namespace morgue
