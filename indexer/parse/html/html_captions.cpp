#include "html_captions.hpp"

#include "html_dom.hpp"
#include "html_hints.hpp"
#include "text.hpp"

#include <vector>

namespace morgue {

namespace {

bool credit_words(std::string_view s) {
    std::string l = to_lower_ascii(s);
    static constexpr std::string_view words[] = {
        "photo",        "image",    "picture", "getty",   "reuters", "afp",  "epa",
        "credit",       "courtesy", "ap ",     "/",       "file",    "pool", "illustration",
        "shutterstock", "\xC2\xA9", "foto",    "handout", "video"};
    for (auto w : words)
        if (l.find(w) != std::string::npos) return true;
    return l == "ap";
}

} // namespace

CaptionParts split_caption_credit(std::string_view raw) {
    std::string t = normalize_space(raw);
    CaptionParts out;
    std::string_view v = t;
    if (!v.empty() && v.back() == ')') {
        int depth = 0;
        std::size_t open = std::string_view::npos;
        for (std::size_t i = v.size(); i-- > 0;) {
            if (v[i] == ')')
                ++depth;
            else if (v[i] == '(' && --depth == 0) {
                open = i;
                break;
            }
        }
        if (open != std::string_view::npos) {
            std::string_view credit = trim(v.substr(open + 1, v.size() - open - 2));
            if (credit_words(credit) && credit.size() < 160) {
                out.text = std::string(trim(v.substr(0, open)));
                out.credit = std::string(credit);
                return out;
            }
        }
    }
    static constexpr std::string_view markers[] = {
        "Photograph: ",       "Photographs: ", "Photo: ",   "Photos: ",
        "Credit: ",           "Image: ",       "Picture: ", "Foto: ",
        "Illustration: ",     "Photo by ",     "Image by ", "Photo credit: ",
        "Photo courtesy of ", "\xC2\xA9 ",     "\xC2\xA9"};
    std::size_t best = std::string_view::npos, len = 0;
    for (auto m : markers) {
        auto p = v.rfind(m);
        if (p != std::string_view::npos && (best == std::string_view::npos || p > best)) {
            // Only at the start or after the caption's sentence ends.
            std::string_view before = trim(v.substr(0, p));
            if (!before.empty()) {
                char c = before.back();
                if (c != '.' && c != '!' && c != '?' && c != '|' && c != ')' && c != '"' &&
                    before.substr(before.size() >= 3 ? before.size() - 3 : 0) != "\xE2\x80\x9D")
                    continue;
            }
            best = p, len = m.size();
        }
    }
    if (best != std::string_view::npos) {
        std::string_view credit = trim(v.substr(best + len));
        if (!credit.empty() && credit.size() < 160) {
            std::string_view text = trim(v.substr(0, best));
            while (!text.empty() && text.back() == '|')
                text = trim(text.substr(0, text.size() - 1));
            out.text = std::string(text);
            out.credit = std::string(credit);
            if (!out.credit.empty() && out.credit.back() == '.') out.credit.pop_back();
            return out;
        }
    }
    out.text = t;
    return out;
}

CaptionParts caption_parts(const GumboNode* cap) {
    std::string text, credit;
    struct Item {
        const GumboNode* n;
        bool in_credit;
    };
    std::vector<Item> stack{{cap, false}};
    while (!stack.empty()) {
        Item it = stack.back();
        stack.pop_back();
        const GumboNode* n = it.n;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
            (it.in_credit ? credit : text) += n->v.text.text;
            continue;
        }
        if (!is_element(n)) continue;
        GumboTag t = tag_of(n);
        if (is_skipped_tag(t)) continue;
        bool in_credit = it.in_credit;
        if (n != cap && (t == GUMBO_TAG_CITE || has_hint(Hint::Credit, class_and_id(n))))
            in_credit = true;
        if (is_block_tag(t) || t == GUMBO_TAG_BR) (in_credit ? credit : text) += ' ';
        const GumboVector& ch = n->v.element.children;
        for (unsigned i = ch.length; i-- > 0;)
            stack.push_back({static_cast<const GumboNode*>(ch.data[i]), in_credit});
    }
    CaptionParts out = split_caption_credit(text);
    std::string c = normalize_space(credit);
    if (!c.empty()) {
        for (std::string_view m : {"Photo: ", "Photograph: ", "Credit: ", "Image: ", "Photo by ",
                                   "Foto: ", "Fotos: ", "Bild: ", "Photo : ",
                                   "Cr\xC3\xA9"
                                   "dit : "})
            if (starts_with_ci(c, m)) c = c.substr(m.size());
        if (c.size() >= 2 && c.front() == '(' && c.back() == ')') c = c.substr(1, c.size() - 2);
        out.credit = out.credit.empty() ? c : out.credit + "; " + c;
    }
    return out;
}

} // namespace morgue
