#include "html_raw_text.hpp"

#include <algorithm>
#include <functional>

namespace morgue {

namespace {

// Whitespace as the tokenizer sees it; "\r" too, as input preprocessing turns it into "\n".
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

// s at i spells word (lower case), ignoring ASCII case.
bool at_ci(std::string_view s, std::size_t i, std::string_view word) {
    if (i + word.size() > s.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (lower(s[i + k]) != word[k]) return false;
    return true;
}

bool contains_ci(std::string_view s, std::string_view word) {
    if (word.size() > s.size()) return false;
    for (std::size_t i = 0; i + word.size() <= s.size(); ++i)
        if (lower(s[i]) == word[0] && at_ci(s, i, word)) return true;
    return false;
}

// The end of a tag whose name ends at i: the offset of its closing ">", or npos when the
// input ends first. Follows the tokenizer's attribute states, so a ">" inside a quoted
// value does not end the tag; self_closing tells whether it ended with "/>".
std::size_t tag_close(std::string_view s, std::size_t i, bool& self_closing) {
    const std::size_t n = s.size();
    self_closing = false;
    while (i < n) {
        char c = s[i];
        if (is_space(c)) {
            ++i;
        } else if (c == '>') {
            return i;
        } else if (c == '/') {
            if (i + 1 < n && s[i + 1] == '>') {
                self_closing = true;
                return i + 1;
            }
            ++i;
        } else {
            // An attribute name (its first character may be "=" or a quote), then perhaps
            // "=" and a value.
            ++i;
            while (i < n && !is_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=')
                ++i;
            while (i < n && is_space(s[i]))
                ++i;
            if (i >= n || s[i] != '=') continue;
            ++i;
            while (i < n && is_space(s[i]))
                ++i;
            if (i >= n) return std::string_view::npos;
            if (s[i] == '"' || s[i] == '\'') {
                std::size_t q = s.find(s[i], i + 1);
                if (q == std::string_view::npos) return q;
                i = q + 1;
            } else if (s[i] != '>') {
                while (i < n && !is_space(s[i]) && s[i] != '>')
                    ++i;
            }
        }
    }
    return std::string_view::npos;
}

// The first "</name" at or after i that the raw-text tokenizer takes for the end tag:
// followed by whitespace, "/" or ">". npos when there is none.
std::size_t end_tag_at(std::string_view s, std::size_t i, std::string_view name) {
    while ((i = s.find("</", i)) != std::string_view::npos) {
        std::size_t after = i + 2 + name.size();
        if (at_ci(s, i + 2, name) && after < s.size() &&
            (is_space(s[after]) || s[after] == '/' || s[after] == '>'))
            return i;
        i += 2;
    }
    return std::string_view::npos;
}

enum class Body { Script, Style, RawText, Plaintext, Markup };

Body body_of(std::string_view name) {
    if (name == "script") return Body::Script;
    if (name == "style") return Body::Style;
    if (name == "textarea" || name == "title" || name == "xmp" || name == "iframe" ||
        name == "noembed" || name == "noframes")
        return Body::RawText;
    if (name == "plaintext") return Body::Plaintext;
    return Body::Markup;
}

} // namespace

bool cut_raw_text_bodies(std::string_view s, std::string& out, std::vector<CutBody>& cuts) {
    out.clear();
    cuts.clear();
    const std::size_t n = s.size();
    std::size_t at = 0; // s[at..] is not yet copied to out
    int svg = 0, math = 0;
    std::string name;
    std::size_t i = 0;
    while ((i = s.find('<', i)) != std::string_view::npos && i + 1 < n) {
        if (s.compare(i, 4, "<!--") == 0) {
            // "<!-->" and "<!--->" are whole (empty) comments.
            if (s.compare(i + 4, 1, ">") == 0) {
                i += 5;
                continue;
            }
            if (s.compare(i + 4, 2, "->") == 0) {
                i += 6;
                continue;
            }
            std::size_t e = s.find("-->", i + 4);
            if (e == std::string_view::npos) break;
            i = e + 3;
            continue;
        }
        const std::size_t lt = i;
        char c = s[i + 1];
        if (c == '!' || c == '?') { // doctype, CDATA or bogus comment: ends at ">"
            std::size_t e = s.find('>', i + 2);
            if (e == std::string_view::npos) break;
            i = e + 1;
            continue;
        }
        bool end_tag = c == '/';
        std::size_t name_begin = i + (end_tag ? 2 : 1);
        if (name_begin >= n || !is_alpha(s[name_begin])) {
            ++i;
            continue;
        }
        std::size_t j = name_begin;
        while (j < n && !is_space(s[j]) && s[j] != '/' && s[j] != '>')
            ++j;
        name.assign(s.substr(name_begin, j - name_begin));
        for (char& ch : name)
            ch = lower(ch);
        bool self_closing = false;
        std::size_t close = tag_close(s, j, self_closing);
        if (close == std::string_view::npos) break;
        std::size_t tag_end = close + 1;
        i = tag_end;
        if (end_tag) {
            if (name == "svg" && svg > 0) --svg;
            if (name == "math" && math > 0) --math;
            continue;
        }
        if (name == "svg" || name == "math") {
            if (!self_closing) ++(name == "svg" ? svg : math);
            continue;
        }
        // Inside svg and math these tags hold markup, not raw text.
        if (svg > 0 || math > 0) continue;
        Body body = body_of(name);
        if (body == Body::Markup) continue;
        if (body == Body::Plaintext) break;
        std::size_t end = end_tag_at(s, tag_end, name);
        if (end == std::string_view::npos) break; // the body runs to the end of the page
        std::string_view content = s.substr(tag_end, end - tag_end);
        i = end;
        if (body == Body::RawText || content.empty()) continue;
        if (body == Body::Script) {
            // In "<!--", "<script" would switch to the double-escaped state, where
            // "</script>" does not end the script: the end found above may be wrong.
            if (content.find("<!--") != std::string_view::npos && contains_ci(content, "<script"))
                break;
            // JSON-LD is read by the extractor. A type spelled with a character reference
            // ("ld&#43;json") cannot be told from here: keep those too.
            std::string_view start_tag = s.substr(lt, tag_end - lt);
            if (start_tag.find('&') != std::string_view::npos || contains_ci(start_tag, "ld+json"))
                continue;
        }
        if (out.empty()) out.reserve(n / 4);
        out.append(s.substr(at, tag_end - at));
        cuts.push_back({out.size() - (tag_end - lt), tag_end - lt,
                        body == Body::Script ? GUMBO_TAG_SCRIPT : GUMBO_TAG_STYLE});
        at = end;
    }
    if (cuts.empty()) {
        out.clear();
        return false;
    }
    out.append(s.substr(at));
    return true;
}

bool cuts_confirmed(const GumboOutput* doc, std::string_view parsed,
                    const std::vector<CutBody>& cuts) {
    // Script and style elements made from a start tag, by the tag's offset in parsed.
    std::vector<std::pair<std::size_t, const GumboNode*>> found;
    std::vector<const GumboNode*> stack{doc->document};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_DOCUMENT) {
            const GumboVector& ch = n->v.document.children;
            for (unsigned k = 0; k < ch.length; ++k)
                stack.push_back(static_cast<const GumboNode*>(ch.data[k]));
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
        const GumboElement& e = n->v.element;
        std::less<const char*> before; // (pointers into different objects: std::less)
        if ((e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE) && e.original_tag.length > 0 &&
            !before(e.original_tag.data, parsed.data()) &&
            before(e.original_tag.data, parsed.data() + parsed.size()))
            found.emplace_back(static_cast<std::size_t>(e.original_tag.data - parsed.data()), n);
        for (unsigned k = 0; k < e.children.length; ++k)
            stack.push_back(static_cast<const GumboNode*>(e.children.data[k]));
    }
    auto by_offset = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::sort(found.begin(), found.end(), by_offset);
    for (const CutBody& c : cuts) {
        auto it = std::lower_bound(
            found.begin(), found.end(),
            std::make_pair(c.tag_begin, static_cast<const GumboNode*>(nullptr)), by_offset);
        if (it == found.end() || it->first != c.tag_begin) return false;
        const GumboElement& e = it->second->v.element;
        if (e.tag != c.tag || e.tag_namespace != GUMBO_NAMESPACE_HTML ||
            e.original_tag.length != c.tag_size || e.children.length != 0 ||
            e.original_end_tag.data != parsed.data() + c.tag_begin + c.tag_size)
            return false;
    }
    return true;
}

} // namespace morgue
