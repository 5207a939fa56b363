#include "html_metadata.hpp"

#include "html_content_tree.hpp"
#include "html_dom.hpp"
#include "html_hints.hpp"
#include "parse/byline.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <vector>

namespace morgue {

namespace {

using nlohmann::json;

void add_unique(std::vector<std::string>& v, std::string s) {
    s = normalize_space(s);
    if (s.empty()) return;
    for (const auto& x : v)
        if (x == s) return;
    v.push_back(std::move(s));
}

bool is_url(std::string_view s) {
    return s.find("://") != std::string_view::npos || starts_with_ci(s, "www.") ||
           (!s.empty() && s[0] == '/');
}

// A JSON-LD value as text: a string, the first of a list, or an object's name. A loop, not
// recursion: a hostile page can nest lists 100,000 deep.
std::string json_string(const json& value) {
    const json* j = &value;
    for (int depth = 0; depth < 8; ++depth) {
        if (j->is_string()) return normalize_space(j->get<std::string>());
        if (j->is_array() && !j->empty()) {
            j = &(*j)[0];
        } else if (j->is_object() && j->contains("name")) {
            j = &(*j)["name"];
        } else if (j->is_object() && j->contains("@value")) {
            j = &(*j)["@value"];
        } else {
            return {};
        }
    }
    return {};
}

bool type_has(const json& obj, std::initializer_list<std::string_view> words) {
    if (!obj.is_object() || !obj.contains("@type")) return false;
    auto check = [&](const json& t) {
        if (!t.is_string()) return false;
        const std::string& s = t.get_ref<const std::string&>();
        for (auto w : words)
            if (s.find(w) != std::string::npos) return true;
        return false;
    };
    const json& t = obj["@type"];
    if (t.is_array()) {
        for (const auto& x : t)
            if (check(x)) return true;
        return false;
    }
    return check(t);
}

struct LdState {
    std::map<std::string, const json*> by_id;
    const json* article = nullptr;
    const json* webpage = nullptr;
    const json* work = nullptr;      // another dated creative work: a recipe, a how-to
    std::vector<const json*> others; // further article objects
};

// Collects objects (top level, arrays, @graph) without deep recursion: JSON-LD article
// objects sit at most a few levels down.
void collect(const json& j, LdState& st, int depth) {
    if (depth > 6) return;
    if (j.is_array()) {
        for (const auto& x : j)
            collect(x, st, depth + 1);
        return;
    }
    if (!j.is_object()) return;
    if (j.contains("@id") && j["@id"].is_string())
        st.by_id.emplace(j["@id"].get<std::string>(), &j);
    bool is_article = type_has(j, {"Article", "BlogPosting", "LiveBlogPosting", "Report",
                                   "SocialMediaPosting", "NewsArticle"});
    if (!st.article && is_article)
        st.article = &j;
    else if (is_article && st.others.size() < 10)
        st.others.push_back(&j);
    else if (!st.webpage && type_has(j, {"WebPage"}))
        st.webpage = &j;
    else if (!st.work && depth <= 2 && j.contains("datePublished") &&
             type_has(j, {"Recipe", "HowTo", "CreativeWork", "Review", "Course", "Book"}))
        st.work = &j;
    if (j.contains("@graph")) collect(j["@graph"], st, depth + 1);
    // An article nested as mainEntity of a WebPage.
    if (j.contains("mainEntity")) collect(j["mainEntity"], st, depth + 1);
}

const json& resolve(const json& j, const LdState& st) {
    if (j.is_object() && j.size() == 1 && j.contains("@id") && j["@id"].is_string()) {
        auto it = st.by_id.find(j["@id"].get<std::string>());
        if (it != st.by_id.end()) return *it->second;
    }
    return j;
}

void read_ld_authors(const json& a, const LdState& st, PageMeta& m, int depth = 0) {
    if (a.is_array()) {
        if (depth < 3)
            for (const auto& x : a)
                read_ld_authors(x, st, m, depth + 1);
        return;
    }
    const json& r = resolve(a, st);
    // An organisation as author ("Reuters", "The Daily Planet") is not a person.
    if (type_has(r, {"Organization", "NewsMediaOrganization", "Corporation"})) return;
    std::string name = json_string(r);
    if (name.empty() || is_url(name)) return;
    add_unique(m.ld_authors, name);
    if (type_has(r, {"Person"})) add_unique(m.ld_persons, name);
}

void read_ld_object(const json& o, const LdState& st, PageMeta& m) {
    if (m.ld_headline.empty() && o.contains("headline")) m.ld_headline = json_string(o["headline"]);
    if (m.ld_headline.empty() && o.contains("name")) m.ld_headline = json_string(o["name"]);
    if (m.ld_authors.empty() && o.contains("author")) read_ld_authors(o["author"], st, m);
    if (m.ld_authors.empty() && o.contains("creator")) read_ld_authors(o["creator"], st, m);
    if (m.ld_published.empty() && o.contains("datePublished"))
        m.ld_published = json_string(o["datePublished"]);
    if (m.ld_published.empty() && o.contains("dateCreated"))
        m.ld_published = json_string(o["dateCreated"]);
    if (m.ld_modified.empty() && o.contains("dateModified"))
        m.ld_modified = json_string(o["dateModified"]);
    if (m.ld_url.empty() && o.contains("url")) {
        std::string u = json_string(o["url"]);
        if (u.find("://") != std::string::npos) m.ld_url = u;
    }
    if (m.ld_publisher.empty() && o.contains("publisher"))
        m.ld_publisher = json_string(resolve(o["publisher"], st));
    if (m.section.empty() && o.contains("articleSection"))
        m.section = json_string(o["articleSection"]);
    if (m.ld_alternative_headline.empty() && o.contains("alternativeHeadline"))
        m.ld_alternative_headline = json_string(o["alternativeHeadline"]);
    if (m.lang.empty() && o.contains("inLanguage")) m.lang = json_string(o["inLanguage"]);
    if (m.ld_article_body.empty() && o.contains("articleBody") && o["articleBody"].is_string())
        m.ld_article_body = o["articleBody"].get<std::string>(); // newlines kept
    if (o.contains("keywords")) {
        const json& k = o["keywords"];
        if (k.is_array()) {
            for (const auto& x : k)
                add_unique(m.tags, json_string(x));
        } else if (k.is_string()) {
            std::string s = k.get<std::string>();
            std::size_t at = 0;
            while (at <= s.size()) {
                auto c = s.find(',', at);
                if (c == std::string::npos) c = s.size();
                add_unique(m.tags, s.substr(at, c - at));
                at = c + 1;
            }
        }
    }
}

// JSON-LD blocks are often wrapped for old parsers: "<![CDATA[ ... ]]>", "<!-- ... -->",
// "//<![CDATA[ ... //]]>". Those wrappers are not JSON.
std::string unwrap_json(std::string_view t) {
    t = trim(t);
    for (std::string_view open : {"//<![CDATA[", "<![CDATA[", "<!--"})
        if (t.substr(0, open.size()) == open) t = trim(t.substr(open.size()));
    for (std::string_view close : {"//]]>", "]]>", "-->"})
        if (t.size() >= close.size() && t.substr(t.size() - close.size()) == close)
            t = trim(t.substr(0, t.size() - close.size()));
    if (t.size() >= 2 && t.substr(t.size() - 2) == "//") t = trim(t.substr(0, t.size() - 2));
    return std::string(t);
}

void read_json_ld(const std::string& raw, PageMeta& m) {
    std::string text = unwrap_json(raw);
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        // Literal newlines and tabs inside strings are a common error: fold them to spaces.
        for (char& c : text)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        j = json::parse(text, nullptr, false);
    }
    if (j.is_discarded()) return;
    LdState st;
    collect(j, st, 0);
    if (st.article) read_ld_object(*st.article, st, m);
    // Other articles' dates (related stories, lists) are kept apart: they only count
    // against a candidate, never for one.
    for (const json* o : st.others)
        if (o->contains("datePublished") && m.ld_other_published.size() < 10)
            m.ld_other_published.push_back(json_string((*o)["datePublished"]));
    if (st.webpage) {
        // A WebPage object gives dates and authors only when no article object did.
        if (!st.article) {
            if (m.ld_published.empty() && st.webpage->contains("datePublished"))
                m.ld_published = json_string((*st.webpage)["datePublished"]);
            if (m.ld_authors.empty() && st.webpage->contains("author"))
                read_ld_authors((*st.webpage)["author"], st, m);
        }
    }
    // A page whose main work is a recipe or a how-to, not an article: its dates.
    if (st.work && !st.article && m.ld_published.empty()) {
        m.ld_published = json_string((*st.work)["datePublished"]);
        if (m.ld_modified.empty() && st.work->contains("dateModified"))
            m.ld_modified = json_string((*st.work)["dateModified"]);
    }
}

void split_keywords(std::string_view s, std::vector<std::string>& out) {
    std::size_t at = 0;
    while (at <= s.size()) {
        auto c = s.find(',', at);
        if (c == std::string_view::npos) c = s.size();
        add_unique(out, std::string(s.substr(at, c - at)));
        at = c + 1;
    }
}

// Inside a part of the page that is not the article: reader comments and forums, <aside>
// boxes, related-story lists, quotes and embedded posts (<blockquote>). Dates there belong
// to comments and other articles ("Le 28 juin à 21:26" under a comment, a related story's
// <time pubdate>, an embedded social post's <time>).
bool outside_article(const GumboNode* n) {
    int depth = 0;
    for (const GumboNode* p = n; p && depth < 40; p = p->parent, ++depth) {
        if (!is_element(p)) continue;
        GumboTag t = tag_of(p);
        if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_BLOCKQUOTE) return true; // embeds, quotes
        if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) return false;
        std::string ci = class_and_id(p);
        // Whole class and id words: "comment-meta", "forum-fil", "related-posts" mark such
        // a part; "widget", "teaser" and "sidebar" do not (blogs wrap their post in a
        // widget, some sites call the article itself a teaser, "content-area sidebar" is a
        // layout), nor "commentary".
        std::size_t at = 0;
        while (at < ci.size()) {
            std::size_t end = ci.find(' ', at);
            if (end == std::string::npos) end = ci.size();
            std::string_view w = std::string_view(ci).substr(at, end - at);
            at = end + 1;
            if ((w.starts_with("comment") && !w.starts_with("commentary")) ||
                w.starts_with("forum") || w.starts_with("related"))
                return true;
        }
    }
    return false;
}

// The elements under n (not n itself), in document order, at most limit of them.
std::vector<const GumboNode*> descendant_elements(const GumboNode* n, std::size_t limit) {
    std::vector<const GumboNode*> out, stack;
    const GumboVector& top = n->v.element.children;
    for (unsigned i = top.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(top.data[i]));
    while (!stack.empty() && out.size() < limit) {
        const GumboNode* e = stack.back();
        stack.pop_back();
        if (!is_element(e)) continue;
        out.push_back(e);
        const GumboVector& ch = e->v.element.children;
        for (unsigned i = ch.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
    return out;
}

// The headline of the teaser card n sits in: a link that holds a headline of its own
// (<a href><h3>Other story</h3><span class=date>...</span></a>), whose date is the linked
// story's. Empty when n is in no such card; a link around the date alone (a permalink,
// WordPress's <a rel=bookmark><time>) is no teaser.
std::string teaser_card_headline(const GumboNode* n) {
    int depth = 0;
    for (const GumboNode* p = n->parent; p && depth < 12; p = p->parent, ++depth) {
        if (!is_element(p)) continue;
        GumboTag t = tag_of(p);
        if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) return {};
        if (t != GUMBO_TAG_A) continue;
        for (const GumboNode* e : descendant_elements(p, 100))
            if (is_heading(tag_of(e))) {
                std::string h = text_content(e, 400);
                return h.empty() ? std::string(" ") : h;
            }
        return {};
    }
    return {};
}

// Inside a link to the site's home page ("/", "https://host/"): a date there is the day's
// edition ("lun. 5 août 2019 — Édition du matin" by the logo), not the article's.
bool in_home_link(const GumboNode* n) {
    int depth = 0;
    for (const GumboNode* p = n->parent; p && depth < 12; p = p->parent, ++depth) {
        if (!is_element(p)) continue;
        GumboTag t = tag_of(p);
        if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) return false;
        if (t != GUMBO_TAG_A) continue;
        std::string_view href = trim(attr(p, "href"));
        if (href == "/") return true;
        auto scheme = href.find("://");
        if (scheme == std::string_view::npos) return false;
        auto slash = href.find('/', scheme + 3);
        return slash == std::string_view::npos || slash + 1 == href.size();
    }
    return false;
}

// In a link whose dates are another page's: a teaser card or the home page's link.
bool in_link_elsewhere(const GumboNode* n) {
    return !teaser_card_headline(n).empty() || in_home_link(n);
}

// A date found in a teaser card, kept until the page's headline is known: a card that
// names the page's own article dates it.
struct CardDate {
    std::string headline, value;
    bool microdata; // itemprop=datePublished, else a plain <time>
};

int date_meta_rank(std::string_view key) {
    static constexpr std::string_view names[] = {"article:published_time",
                                                 "og:article:published_time",
                                                 "article:published",
                                                 "datepublished",
                                                 "parsely-pub-date",
                                                 "sailthru.date",
                                                 "publishdate",
                                                 "publish-date",
                                                 "publish_date",
                                                 "published_time",
                                                 "pubdate",
                                                 "dc.date.issued",
                                                 "dcterms.issued",
                                                 "dcterms.created",
                                                 "dc.date",
                                                 "dcterms.date",
                                                 "date",
                                                 "citation_publication_date",
                                                 "citation_date",
                                                 "article.published",
                                                 "original-publish-date",
                                                 "datecreated",
                                                 "displaydate",
                                                 "date_published",
                                                 "release_date",
                                                 "publication_date"};
    for (std::size_t i = 0; i < std::size(names); ++i)
        if (key == names[i]) return static_cast<int>(i);
    return -1;
}

// A link to an author's page: "/author/jane-roe", "/about/editors/jane-roe/",
// "/autoren/jana-roth.html", "?author=12". A path segment naming authors, with more after it.
bool is_author_href(std::string_view href) {
    static constexpr std::string_view segments[] = {
        "author",    "authors",     "autor",        "autoren",    "auteur",      "auteurs",
        "autore",    "autori",      "autores",      "editor",     "editors",     "writer",
        "writers",   "contributor", "contributors", "journalist", "journalists", "reporter",
        "reporters", "columnist",   "columnists",   "redakteur",  "redaktion",   "staff",
        "by",        "byline"};
    std::string h = to_lower_ascii(href);
    if (h.find("?author=") != std::string::npos || h.find("&author=") != std::string::npos)
        return true;
    auto scheme = h.find("://");
    std::size_t at = scheme == std::string::npos ? 0 : h.find('/', scheme + 3);
    if (at == std::string::npos) return false;
    auto end = h.find_first_of("?#", at);
    std::string_view path =
        std::string_view(h).substr(at, end == std::string::npos ? end : end - at);
    std::size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/')
            ++i;
        std::size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        std::string_view seg = path.substr(i, j - i);
        i = j;
        std::size_t k = i;
        while (k < path.size() && path[k] == '/')
            ++k;
        bool more = k < path.size();
        for (auto s : segments)
            if (seg == s && more) return true;
    }
    return false;
}

// An <h1> that is page furniture: the site's logo or name, or hidden text.
bool furniture_heading(const GumboNode* h) {
    std::string ci = class_and_id(h);
    for (std::string_view w :
         {"logo", "brand", "site-title", "site-name", "sitename", "site_title", "site_name",
          "masthead", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "offscreen"})
        if (ci.find(w) != std::string::npos) return true;
    // "hidden" as a whole word ("hidden", "is-hidden"), not "overflow-hidden".
    std::size_t at = 0;
    while (at < ci.size()) {
        std::size_t end = ci.find(' ', at);
        if (end == std::string::npos) end = ci.size();
        std::string_view w = std::string_view(ci).substr(at, end - at);
        at = end + 1;
        if (w == "hidden" || w == "is-hidden" || w == "u-hidden" || w == "hide") return true;
    }
    // Only a link to the home page ("<h1><a href="/">Site</a></h1>") or an image.
    const GumboVector& ch = h->v.element.children;
    const GumboNode* only = nullptr;
    for (unsigned i = 0; i < ch.length; ++i) {
        auto* c = static_cast<const GumboNode*>(ch.data[i]);
        if (c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_COMMENT) continue;
        if (only) return false;
        only = c;
    }
    if (!only || !is_element(only)) return false;
    if (tag_of(only) == GUMBO_TAG_IMG) return true;
    if (tag_of(only) != GUMBO_TAG_A) return false;
    std::string_view href = trim(attr(only, "href"));
    if (href == "/" || href == "./" || href == "index.html") return true;
    auto scheme = href.find("://");
    if (scheme != std::string_view::npos) {
        auto slash = href.find('/', scheme + 3);
        if (slash == std::string_view::npos || slash + 1 == href.size()) return true;
    }
    return find_first(only, GUMBO_TAG_IMG) != nullptr && text_content(only, 200).empty();
}

} // namespace

std::string byline_text(const GumboNode* el, bool blocks_apart) {
    // Names marked up inside the byline (author links, itemprop=name) are cleaner than
    // its whole text, which runs into roles, dates and share buttons.
    std::vector<std::string> inner;
    bool have_itemprop = false;
    std::string all, blocks; // blocks: with commas between block elements
    std::vector<const GumboNode*> stack{el};
    std::size_t visited = 0;
    while (!stack.empty() && ++visited < 500) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT) {
            all += ' ';
            all += n->v.text.text;
            blocks += ' ';
            blocks += n->v.text.text;
            continue;
        }
        if (!is_element(n) || is_skipped_tag(tag_of(n))) continue;
        if (blocks_apart && n != el && is_block_tag(tag_of(n))) blocks += " ,";
        if (n != el) {
            std::string_view href = attr(n, "href");
            bool itemprop_name = attr(n, "itemprop") == "name";
            bool named = (tag_of(n) == GUMBO_TAG_A && !href.empty() && href[0] != '#') ||
                         itemprop_name || attr(n, "rel") == "author";
            if (named) {
                std::string t = text_content(n, 200);
                if (looks_like_person_name(t)) {
                    // itemprop=name is explicit: it outranks links to sections or profiles.
                    if (itemprop_name && !have_itemprop) inner.clear(), have_itemprop = true;
                    if (itemprop_name || !have_itemprop) add_unique(inner, t);
                }
            }
        }
        const GumboVector& ch = n->v.element.children;
        for (unsigned i = ch.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
    std::string whole = normalize_space(all);
    if (!inner.empty()) {
        // "Jane Roe (with John Doe)": the whole text names everyone the links name, and more.
        Byline b = split_byline(whole);
        bool covers = true;
        for (const auto& i : inner)
            covers = covers && std::find(b.names.begin(), b.names.end(), i) != b.names.end();
        if (covers) return whole;
        std::string out;
        for (const auto& t : inner)
            out += (out.empty() ? "" : ", ") + t;
        return out;
    }
    return blocks_apart ? normalize_space(blocks) : whole;
}

// A <time> element or an element with itemprop=datePublished/dateModified: its machine
// date (datetime, content, value attribute) or its text, into m.
void read_dated_element(const GumboNode* n, PageMeta& m, std::vector<CardDate>& cards) {
    GumboTag t = tag_of(n);
    std::string_view itemprop = attr(n, "itemprop");
    bool micro = itemprop == "datePublished" || itemprop == "dateModified";
    if ((t != GUMBO_TAG_TIME && !micro) || outside_article(n) || in_home_link(n)) return;
    if (std::string card = teaser_card_headline(n); !card.empty()) {
        if (itemprop == "dateModified" || cards.size() >= 20) return;
        std::string dt = normalize_space(attr(n, "datetime"));
        if (dt.empty()) dt = normalize_space(attr(n, "content"));
        if (dt.empty()) dt = text_content(n, 200);
        if (!dt.empty()) cards.push_back({std::move(card), dt, micro});
        return;
    }
    if (t == GUMBO_TAG_TIME) {
        std::string dt = normalize_space(attr(n, "datetime"));
        if (dt.empty()) dt = text_content(n, 200);
        std::string ci = class_and_id(n);
        if (!dt.empty()) {
            if (m.time_first.empty()) m.time_first = dt;
            if (has_attr(n, "pubdate") || itemprop == "datePublished" ||
                ci.find("publish") != std::string::npos || ci.find("posted") != std::string::npos) {
                if (m.time_published.empty()) m.time_published = dt;
                if (dt != m.time_published) ++m.time_published_count;
            }
        }
    }
    if (micro) {
        std::string dt = normalize_space(attr(n, "datetime"));
        if (dt.empty()) dt = normalize_space(attr(n, "content"));
        if (dt.empty()) dt = normalize_space(attr(n, "value"));
        if (dt.empty()) dt = text_content(n, 200);
        auto& out = itemprop == "datePublished" ? m.microdata_published : m.microdata_modified;
        if (!dt.empty() && out.size() < 4) out.push_back(dt);
    }
}

// An <h1> long enough to be the headline: three words, or, in a script written without
// spaces (Japanese, Chinese), eight characters from U+3000 up.
bool headline_sized(std::string_view h) {
    if (word_count(h) >= 3) return true;
    int wide = 0;
    for (std::size_t i = 0; i < h.size(); ++i) {
        auto c = static_cast<unsigned char>(h[i]);
        // A three-byte sequence from E3 (U+3000) on: CJK punctuation, kana, ideographs.
        if (c >= 0xE3 && c <= 0xEF && i + 2 < h.size()) ++wide, i += 2;
    }
    return wide >= 8;
}

PageMeta read_page_meta(const GumboNode* document) {
    PageMeta m;
    std::vector<std::pair<int, std::string>> dates;
    std::vector<const GumboNode*> stack{document};
    int byline_seen = 0;
    const GumboNode* last_byline = nullptr; // the last byline element read
    int lead_checked = 0; // elements after the headline looked at for a "By ..." line
    // Texts around the headline: the last few before it, then the next ones.
    std::vector<std::string> before_h1;
    bool h1_found = false;
    std::size_t head_chars = 0;
    std::vector<std::string> rel_tags; // <a rel=tag>: tags when no meta names any
    std::vector<CardDate> cards;       // dates in teaser cards
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT) {
            std::string_view raw = n->v.text.text;
            if (raw.size() > 600) continue;
            if (m.digit_texts.size() < 400 &&
                raw.find_first_of("0123456789") != std::string_view::npos)
                m.digit_texts.push_back(normalize_space(raw));
            if (head_chars >= 1500) continue;
            std::string txt = normalize_space(raw);
            if (txt.empty() || txt.size() > 300) continue;
            if (txt.find_first_of("0123456789") != std::string::npos &&
                (outside_article(n->parent) || in_link_elsewhere(n)))
                continue;
            if (h1_found) {
                head_chars += txt.size();
                m.head_texts.push_back(std::move(txt));
            } else {
                if (before_h1.size() == 6) before_h1.erase(before_h1.begin());
                before_h1.push_back(std::move(txt));
            }
            continue;
        }
        if (n->type != GUMBO_NODE_DOCUMENT && !is_element(n)) continue;
        GumboTag t = tag_of(n);
        bool descend = true;
        if (n->type == GUMBO_NODE_DOCUMENT) {
        } else if (t == GUMBO_TAG_HTML) {
            m.lang = normalize_space(attr(n, "lang"));
            if (m.lang.empty()) m.lang = normalize_space(attr(n, "xml:lang"));
        } else if (t == GUMBO_TAG_TITLE) {
            if (m.doc_title.empty()) m.doc_title = text_content(n);
            descend = false;
        } else if (t == GUMBO_TAG_META) {
            std::string key = to_lower_ascii(trim(attr(n, "property")));
            if (key.empty()) key = to_lower_ascii(trim(attr(n, "name")));
            if (key.empty()) key = to_lower_ascii(trim(attr(n, "itemprop")));
            std::string val = normalize_space(attr(n, "content"));
            // Pages saved by some tools (the Postlight parser's fixtures among them) and
            // some CMSs (a date meta: <meta name=article:published_time value="Mon Aug 03
            // 12:45:00 EDT 2015">) carry the value in "value=" instead of "content=".
            if (val.empty()) val = normalize_space(attr(n, "value"));
            if (key.empty() || val.empty()) continue;
            if (key == "og:title") {
                if (m.og_title.empty()) m.og_title = val;
            } else if (key == "twitter:title") {
                if (m.twitter_title.empty()) m.twitter_title = val;
            } else if (key == "dc.title" || key == "dcterms.title" || key == "parsely-title" ||
                       key == "headline" || key == "sailthru.title") {
                if (m.meta_title.empty()) m.meta_title = val;
            } else if (key == "author" || key == "dc.creator" || key == "dcterms.creator" ||
                       key == "parsely-author" || key == "sailthru.author" ||
                       key == "article:author" || key == "byl") {
                add_unique(m.meta_authors, val); // byline splitting drops URLs
            } else if (key == "citation_author" || key == "citation_authors") {
                if (m.citation_authors.size() < 200) add_unique(m.citation_authors, val);
            } else if (key == "og:url") {
                if (m.og_url.empty()) m.og_url = val;
            } else if (key == "og:site_name" || key == "application-name") {
                if (m.site_name.empty()) m.site_name = val;
            } else if (key == "description" || key == "og:description" ||
                       key == "twitter:description") {
                if (m.description.empty()) m.description = val;
            } else if (key == "article:section" || key == "section" || key == "parsely-section") {
                if (m.section.empty()) m.section = val;
            } else if (key == "article:tag" || key == "news_keywords" || key == "keywords" ||
                       key == "parsely-tags") {
                split_keywords(val, m.tags);
            } else if (key == "article:modified_time" || key == "og:updated_time" ||
                       key == "datemodified" || key == "dcterms.modified") {
                if (m.meta_modified.empty()) m.meta_modified = val;
            } else if (key == "og:locale" || key == "content-language" || key == "language") {
                if (m.lang.empty()) m.lang = val;
            } else if (int r = date_meta_rank(key); r >= 0) {
                dates.emplace_back(r, val);
                if ((key == "date" || key == "dc.date" || key == "dcterms.date") &&
                    m.meta_generic_date.empty())
                    m.meta_generic_date = val;
            }
        } else if (t == GUMBO_TAG_LINK) {
            std::string rel = to_lower_ascii(attr(n, "rel"));
            if (rel == "canonical" && m.canonical.empty())
                m.canonical = std::string(trim(attr(n, "href")));
        } else if (t == GUMBO_TAG_SCRIPT) {
            if (to_lower_ascii(trim(attr(n, "type"))) == "application/ld+json") {
                const GumboVector& ch = n->v.element.children;
                std::string s;
                for (unsigned i = 0; i < ch.length; ++i) {
                    auto* c = static_cast<const GumboNode*>(ch.data[i]);
                    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
                        c->type == GUMBO_NODE_WHITESPACE)
                        s += c->v.text.text;
                }
                read_json_ld(s, m);
            }
            descend = false;
        } else if (is_skipped_tag(t) && t != GUMBO_TAG_HEAD) {
            descend = false;
        } else {
            // Body markup: <time>, <h1>, byline and dek hints, itemprop values.
            std::string_view itemprop = attr(n, "itemprop");
            read_dated_element(n, m, cards);
            if ((t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3) && m.subheads.size() < 12) {
                std::string h = text_content(n, 400);
                if (h.size() < 300) add_unique(m.subheads, h);
            }
            if (t == GUMBO_TAG_H1 && m.h1s.size() < 4) {
                std::string h = text_content(n, 2000);
                add_unique(m.h1s, h);
                if (furniture_heading(n)) add_unique(m.logo_h1s, h);
                if (!h1_found && headline_sized(h)) {
                    h1_found = true;
                    m.head_texts = std::move(before_h1);
                    descend = false; // the headline's own words hold no date...
                    // ...but some pages put the date inside the <h1>, in a <time> or a
                    // small element of its own ("<h1><small>02.02.2022</small>Title</h1>").
                    for (const GumboNode* e : descendant_elements(n, 200)) {
                        if (tag_of(e) == GUMBO_TAG_TIME) {
                            std::string dt = normalize_space(attr(e, "datetime"));
                            if (dt.empty()) dt = text_content(e, 200);
                            if (!dt.empty() && m.time_first.empty()) m.time_first = dt;
                        } else if (tag_of(e) != GUMBO_TAG_A) {
                            std::string txt = text_content(e, 200);
                            if (txt.size() < 80 &&
                                txt.find_first_of("0123456789") != std::string::npos)
                                m.head_texts.push_back(txt);
                        }
                    }
                }
            }
            if (t == GUMBO_TAG_A && attr(n, "rel") == "tag" && rel_tags.size() < 30)
                add_unique(rel_tags, text_content(n, 200));
            std::string ci = class_and_id(n);
            std::string_view rel = attr(n, "rel");
            bool byline = rel == "author" || itemprop.find("author") != std::string_view::npos ||
                          itemprop.find("creator") != std::string_view::npos ||
                          (t != GUMBO_TAG_BODY && t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_HTML &&
                           is_byline_hint(ci));
            // Names only (no date comes from here): an author link or a "By ..." line
            // between the headline and the text.
            if (!byline && h1_found && head_chars < 1500 && lead_checked < 400 &&
                m.lead_bylines.size() < 4 && t != GUMBO_TAG_BODY && t != GUMBO_TAG_HTML) {
                ++lead_checked;
                if (t == GUMBO_TAG_A) {
                    if (is_author_href(attr(n, "href")) && !outside_article(n)) {
                        // Not a person the text mentions: the link is most of its line.
                        const GumboNode* line = n->parent;
                        while (line && is_element(line) && !is_block_tag(tag_of(line)))
                            line = line->parent;
                        std::string txt = text_content(n, 200);
                        // The link's text may carry a label ("著者：後藤大地", "Autor: …").
                        if (line && is_element(line) &&
                            text_content(line, 400).size() <= txt.size() + 40 &&
                            (looks_like_person_name(txt) ||
                             (starts_with_lead_in(txt) && split_byline(txt).names.size() == 1)))
                            add_unique(m.lead_bylines, txt);
                    }
                } else if (descendant_elements(n, 40).size() < 40) {
                    // A short line: few elements, little text (the text is read far enough
                    // to see that it is short).
                    std::string txt = text_content(n, 2000);
                    if (txt.size() < 120 && !txt.empty() && txt[0] >= 'A' && txt[0] <= 'Z' &&
                        starts_with_lead_in(txt) && !outside_article(n)) {
                        std::string names = byline_text(n, true);
                        if (!split_byline(names).names.empty()) add_unique(m.lead_bylines, names);
                    }
                }
            }
            if (byline && byline_seen < 8) {
                std::string txt = byline_text(n);
                if (!txt.empty() && txt.size() < 200) {
                    std::string full = text_content(n, 400);
                    // A comment's byline dates the comment, not the article.
                    bool aside_byline = outside_article(n) || in_link_elsewhere(n);
                    if (full.size() < 300 && !aside_byline) {
                        add_unique(m.byline_full_texts, full);
                        if (h1_found && head_chars < 1500)
                            head_chars += full.size(), m.head_texts.push_back(full);
                        // The date often sits beside the byline, in the line that holds it
                        // ("Par <span class=author>Jane Roe</span> | 30 septembre 2018").
                        // Only the page's first byline, near the headline: later ones
                        // are often teasers'.
                        if (byline_seen == 0 && head_chars < 1500 && n->parent &&
                            is_element(n->parent) && tag_of(n->parent) != GUMBO_TAG_BODY) {
                            std::string line = text_content(n->parent, 400);
                            if (line.size() < 300 && line.size() > full.size())
                                add_unique(m.byline_lines, line);
                        }
                    }
                    // Co-authors each in an element of their own, side by side
                    // (<span class=author>A</span>, <span class=author>B</span>): one
                    // byline, as the reader sees it, when both name someone.
                    // Each element one name and nothing else.
                    std::string bt = byline_text(n, true);
                    bool lone = !clean_author_name(bt).empty();
                    if (lone && last_byline && n->parent == last_byline->parent &&
                        tag_of(n) == tag_of(last_byline) && !m.byline_texts.empty()) {
                        std::string joined = m.byline_texts.back() + ", " + normalize_space(bt);
                        if (std::find(m.byline_texts.begin(), m.byline_texts.end(), joined) ==
                            m.byline_texts.end())
                            m.byline_texts.back() = joined;
                    } else {
                        add_unique(m.byline_texts, bt);
                    }
                    last_byline = lone ? n : nullptr;
                    ++byline_seen;
                    descend = false;
                    // The byline block is not walked further, but the <time> or
                    // itemprop=datePublished it often holds is the article's date.
                    for (const GumboNode* e : descendant_elements(n, 200))
                        read_dated_element(e, m, cards);
                }
            }
            if (m.date_texts.size() < 6 && t != GUMBO_TAG_BODY && t != GUMBO_TAG_HTML &&
                t != GUMBO_TAG_TIME &&
                (ci.find("date") != std::string::npos || ci.find("publish") != std::string::npos ||
                 ci.find("posted") != std::string::npos ||
                 ci.find("submitted") != std::string::npos ||
                 ci.find("timestamp") != std::string::npos) &&
                ci.find("teaser") == std::string::npos) { // a teaser's date is its story's
                std::string txt = text_content(n, 1000);
                if (txt.size() >= 6 && txt.size() < 120 && !outside_article(n) &&
                    !in_link_elsewhere(n))
                    add_unique(m.date_texts, txt);
            }
            if (itemprop == "alternativeHeadline" || itemprop == "description" ||
                (t != GUMBO_TAG_BODY && t != GUMBO_TAG_HTML && has_hint(Hint::Dek, ci) &&
                 m.deks.size() < 6)) {
                std::string txt = text_content(n, 3000);
                if (txt.size() >= 15 && txt.size() < 600) add_unique(m.deks, txt);
            }
        }
        if (!descend) continue;
        const GumboVector& ch = children_of(n);
        for (unsigned i = ch.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
    std::stable_sort(dates.begin(), dates.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& d : dates) {
        // A value a specific meta gives too is not generic.
        if (d.second == m.meta_generic_date && d.first != date_meta_rank("date") &&
            d.first != date_meta_rank("dc.date") && d.first != date_meta_rank("dcterms.date"))
            m.meta_generic_date.clear();
        add_unique(m.meta_published, d.second);
    }
    if (m.tags.empty()) m.tags = std::move(rel_tags);
    // The page's own article in a list of teasers (its card in "Latest news"): the card's
    // date is the article's when its headline is the page's.
    for (const auto& c : cards) {
        std::string h = fold_for_match(c.headline);
        bool own = false;
        for (const std::string* title : {&m.og_title, &m.ld_headline, &m.doc_title})
            own = own || (!title->empty() && fold_for_match(*title) == h);
        for (const auto& h1 : m.h1s)
            own = own || fold_for_match(h1) == h;
        if (own && !h.empty()) {
            m.own_card_date = c.value;
            m.own_card_microdata = c.microdata;
            break;
        }
    }
    return m;
}

} // namespace morgue
