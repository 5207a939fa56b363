#include "html_dom.hpp"

#include "html_raw_text.hpp"
#include "text.hpp"

#include <vector>

namespace morgue {

namespace {

bool is_void_tag_name(std::string_view n) {
    static constexpr std::string_view v[] = {"area",  "base",   "br",    "col",  "embed",
                                             "hr",    "img",    "input", "link", "meta",
                                             "param", "source", "track", "wbr",  "keygen"};
    for (auto x : v)
        if (n == x) return true;
    return false;
}

// End tags that are usually left out: counting them would make the depth drift upwards.
bool is_optional_end_tag_name(std::string_view n) {
    static constexpr std::string_view v[] = {"p",     "li",       "option",   "dt",    "dd",
                                             "tr",    "td",       "th",       "tbody", "thead",
                                             "tfoot", "colgroup", "optgroup", "rt",    "rp"};
    for (auto x : v)
        if (n == x) return true;
    return false;
}

bool raw_text_name(std::string_view n) {
    return n == "script" || n == "style" || n == "textarea" || n == "title" || n == "xmp" ||
           n == "plaintext";
}

// out = s without the spans [begin, end) of cuts (in order, not overlapping).
template <class Cuts> void drop_spans(std::string_view s, const Cuts& cuts, std::string& out) {
    out.clear();
    out.reserve(s.size());
    std::size_t at = 0;
    for (const auto& c : cuts) {
        out.append(s.substr(at, c.begin - at));
        at = c.end;
    }
    out.append(s.substr(at));
}

} // namespace

bool flatten_deep_nesting(std::string_view s, int max_depth, std::string& out) {
    // A cheap tag scanner, not a tokenizer: enough to count nesting and cut it.
    struct Cut {
        std::size_t begin, end;
    };
    std::vector<Cut> cuts;
    int depth = 0;
    bool deep = false;
    std::size_t i = 0;
    while ((i = s.find('<', i)) != std::string_view::npos) {
        if (s.compare(i, 4, "<!--") == 0) {
            auto e = s.find("-->", i + 4);
            if (e == std::string_view::npos) break;
            i = e + 3;
            continue;
        }
        std::size_t j = i + 1;
        bool end_tag = j < s.size() && s[j] == '/';
        if (end_tag) ++j;
        std::size_t name_begin = j;
        while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                                (s[j] >= '0' && s[j] <= '9') || s[j] == '-'))
            ++j;
        if (j == name_begin) {
            ++i;
            continue;
        }
        std::string name = to_lower_ascii(s.substr(name_begin, j - name_begin));
        auto close = s.find('>', j);
        if (close == std::string_view::npos) break;
        bool self_closing = s[close - 1] == '/';
        std::size_t tag_end = close + 1;
        if (!end_tag && raw_text_name(name)) { // skip to the matching end tag
            std::string endtag = "</" + name;
            std::size_t k = tag_end;
            while (true) {
                k = s.find("</", k);
                if (k == std::string_view::npos) break;
                if (to_lower_ascii(s.substr(k, endtag.size())) == endtag) break;
                k += 2;
            }
            i = k == std::string_view::npos ? s.size() : k;
            continue;
        }
        if (is_void_tag_name(name) || is_optional_end_tag_name(name) || self_closing) {
            i = tag_end;
            continue;
        }
        if (!end_tag) {
            ++depth;
            if (depth > max_depth) {
                cuts.push_back({i, tag_end});
                deep = true;
            }
        } else {
            if (depth > max_depth) cuts.push_back({i, tag_end});
            if (depth > 0) --depth;
        }
        i = tag_end;
    }
    if (!deep) return false;
    drop_spans(s, cuts, out);
    return true;
}

namespace {

bool is_tag_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

bool cap_tag_attributes(std::string_view s, int max_attributes, std::string& out) {
    // Tag boundaries as the tokenizer finds them: "<" + letter opens a tag; in it, quotes
    // only count after "="; comments and raw-text elements are skipped whole.
    struct Cut {
        std::size_t begin, end; // drop [begin, end): the attributes past the limit
    };
    std::vector<Cut> cuts;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while ((i = s.find('<', i)) != std::string_view::npos) {
        if (s.compare(i, 4, "<!--") == 0) {
            auto e = s.find("-->", i + 4);
            if (e == std::string_view::npos) break;
            i = e + 3;
            continue;
        }
        std::size_t j = i + 1;
        if (j >= n || !is_ascii_alpha(s[j])) {
            i = j;
            continue;
        }
        std::size_t name_begin = j;
        while (j < n && !is_tag_space(s[j]) && s[j] != '/' && s[j] != '>')
            ++j;
        std::string name = to_lower_ascii(s.substr(name_begin, j - name_begin));
        int count = 0;
        std::size_t cut_at = std::string_view::npos;
        while (j < n && s[j] != '>') {
            if (is_tag_space(s[j]) || s[j] == '/') {
                ++j;
                continue;
            }
            // An attribute name, then perhaps "=" and a value.
            if (++count == max_attributes + 1) cut_at = j;
            ++j; // the first character may be anything, "=" and quotes included
            while (j < n && !is_tag_space(s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=')
                ++j;
            std::size_t k = j;
            while (k < n && is_tag_space(s[k]))
                ++k;
            if (k >= n || s[k] != '=') continue;
            j = k + 1;
            while (j < n && is_tag_space(s[j]))
                ++j;
            if (j < n && (s[j] == '"' || s[j] == '\'')) {
                auto q = s.find(s[j], j + 1);
                j = q == std::string_view::npos ? n : q + 1;
            } else {
                while (j < n && !is_tag_space(s[j]) && s[j] != '>')
                    ++j;
            }
        }
        if (cut_at != std::string_view::npos) cuts.push_back({cut_at, j});
        i = j;
        if (j < n && raw_text_name(name)) { // skip to the matching end tag
            std::string endtag = "</" + name;
            std::size_t k = j;
            while ((k = s.find("</", k)) != std::string_view::npos &&
                   to_lower_ascii(s.substr(k, endtag.size())) != endtag)
                k += 2;
            i = k == std::string_view::npos ? n : k;
        }
    }
    if (cuts.empty()) return false;
    drop_spans(s, cuts, out);
    return true;
}

namespace {

// gumbo allocates many times the input as it goes (it frees buffers as they grow and
// after each token): an arena keeps all of it until the tree goes, about 16 times the
// input on news pages, so only inputs up to this size are parsed in one. A page's input
// here is what is left once script and style bodies are cut: tens of KB.
constexpr std::size_t kArenaMaxInput = 1 << 20;

GumboDoc gumbo_parse_utf8(std::string_view utf8) {
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0; // we never read gumbo's error list: do not build it
    GumboOutputDeleter del;
    if (utf8.size() <= kArenaMaxInput) {
        del.arena = std::make_unique<GumboArena>();
        del.arena->use_in(opts);
    }
    GumboOutput* out = gumbo_parse_with_options(&opts, utf8.data(), utf8.size());
    return GumboDoc(out, std::move(del));
}

} // namespace

GumboDoc parse_html(std::string_view utf8) {
    std::string flat, capped;
    if (flatten_deep_nesting(utf8, kMaxHtmlDepth, flat)) utf8 = flat;
    if (cap_tag_attributes(utf8, kMaxHtmlAttributes, capped)) utf8 = capped;
    // Script and style bodies cost most of the parse and are never read: parse without
    // them when the tree confirms the cut was exact, else parse the page whole.
    std::string lean;
    std::vector<CutBody> cuts;
    if (cut_raw_text_bodies(utf8, lean, cuts)) {
        GumboDoc doc = gumbo_parse_utf8(lean);
        if (doc && cuts_confirmed(doc.get(), lean, cuts)) return doc;
    }
    return gumbo_parse_utf8(utf8);
}

std::string_view attr(const GumboNode* n, const char* name) {
    if (!is_element(n)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboNode* n, const char* name) {
    return is_element(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

std::string class_and_id(const GumboNode* n) {
    std::string s(attr(n, "class"));
    std::string_view id = attr(n, "id");
    if (!id.empty()) {
        s += ' ';
        s += id;
    }
    return to_lower_ascii(s);
}

bool is_skipped_tag(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
        return true;
    default:
        return false;
    }
}

bool is_block_tag(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
        return true;
    default:
        return false;
    }
}

std::string text_content(const GumboNode* root, std::size_t max_bytes) {
    std::string raw;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty() && raw.size() <= max_bytes) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n == nullptr) { // marks the end of a block element
            raw += ' ';
            continue;
        }
        switch (n->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            raw += n->v.text.text;
            break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
        case GUMBO_NODE_DOCUMENT: {
            GumboTag t = tag_of(n);
            if (n->type != GUMBO_NODE_DOCUMENT && is_skipped_tag(t)) break;
            if (is_block_tag(t)) {
                raw += ' ';
                stack.push_back(nullptr);
            }
            const GumboVector& ch = children_of(n);
            for (unsigned i = ch.length; i-- > 0;)
                stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
            break;
        }
        default:
            break;
        }
    }
    return normalize_space(raw);
}

const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (!is_element(n) && n->type != GUMBO_NODE_DOCUMENT) continue;
        if (n->type != GUMBO_NODE_DOCUMENT && tag_of(n) == tag) return n;
        const GumboVector& ch = children_of(n);
        for (unsigned i = ch.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
    return nullptr;
}

} // namespace morgue
