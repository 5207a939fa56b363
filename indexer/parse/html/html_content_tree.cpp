#include "html_content_tree.hpp"

#include "html_dom.hpp"
#include "html_hints.hpp"
#include "text.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace morgue {

namespace {

bool t_is_container(GumboTag t) {
    return t != GUMBO_TAG_BODY && t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_MAIN &&
           t != GUMBO_TAG_HTML;
}

// Characters with whitespace runs counted as one; commas (also CJK ones) counted apart.
void count_text(const char* s, int& chars, int& commas) {
    bool space = true;
    for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p; ++p) {
        unsigned char c = *p;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            if (!space) ++chars;
            space = true;
            continue;
        }
        space = false;
        if ((c & 0xC0) == 0x80) continue; // continuation byte
        ++chars;
        if (c == ',')
            ++commas;
        else if (c == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
            ++commas; // U+FF0C
        else if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x81)
            ++commas; // U+3001
    }
}

bool contains_ci(std::string_view hay, std::string_view needle) {
    return to_lower_ascii(hay).find(needle) != std::string::npos;
}

bool is_hidden(const GumboNode* g) {
    if (has_attr(g, "hidden")) return true;
    std::string_view style = attr(g, "style");
    if (!style.empty()) {
        std::string s = to_lower_ascii(style);
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        if (s.find("display:none") != std::string::npos ||
            s.find("visibility:hidden") != std::string::npos)
            return true;
    }
    if (attr(g, "aria-hidden") == "true" && !contains_ci(attr(g, "class"), "fallback-image"))
        return true;
    return false;
}

bool is_furniture_role(std::string_view role) {
    static constexpr std::string_view roles[] = {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};
    for (auto r : roles)
        if (role == r) return true;
    return false;
}

int class_weight(const std::string& ci) {
    int w = 0;
    std::string_view cls = ci; // "class id": both at once is fine for the hint words
    if (has_hint(Hint::Negative, cls)) w -= 25;
    if (has_hint(Hint::Positive, cls)) w += 25;
    return w;
}

bool excluded(const GumboNode* g, const ContentNode& parent, const TreeFlags& f_) {
    GumboTag t = tag_of(g);
    if (is_skipped_tag(t) || t == GUMBO_TAG_NAV) return true;
    if (is_hidden(g)) return true;
    if (is_furniture_role(attr(g, "role"))) return true;
    if (!f_.strip_unlikely) return false;
    if (t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE) return true;
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_A || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)
        return false;
    if (parent.in_pre) return false;
    std::string ci = class_and_id(g);
    return has_hint(Hint::Unlikely, ci) && !has_hint(Hint::Keep, ci) &&
           !(parent.tag == GUMBO_TAG_TD || parent.tag == GUMBO_TAG_TABLE);
}

} // namespace

std::vector<ContentNode> build_content_tree(const GumboNode* root_, TreeFlags f_) {
    std::vector<ContentNode> nodes_;
    struct Item {
        const GumboNode* g;
        int parent;
    };
    std::vector<Item> stack{{root_, -1}};
    while (!stack.empty()) {
        Item it = stack.back();
        stack.pop_back();
        const GumboNode* g = it.g;
        if (it.parent >= 0 && excluded(g, nodes_[static_cast<std::size_t>(it.parent)], f_))
            continue;
        int idx = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        ContentNode& n = nodes_.back();
        n.g = g;
        n.parent = it.parent;
        n.tag = tag_of(g);
        std::string ci = class_and_id(g);
        if (f_.weight_classes) n.weight = class_weight(ci);
        // schema.org microdata names the article's text outright.
        if (attr(g, "itemprop") == "articleBody") n.weight += 50;
        n.small_furniture = f_.strip_unlikely && t_is_container(n.tag) &&
                            has_hint(Hint::Small, ci) && !has_hint(Hint::Keep, ci);
        if (it.parent >= 0) {
            const ContentNode& p = nodes_[static_cast<std::size_t>(it.parent)];
            n.in_link = p.in_link;
            n.in_figure = p.in_figure;
            n.in_pre = p.in_pre;
            n.in_heading = p.in_heading;
            n.in_li = p.in_li;
            ++nodes_[static_cast<std::size_t>(it.parent)].elem_children;
        }
        GumboTag t = n.tag;
        if (t == GUMBO_TAG_A) n.in_link = true;
        if (t == GUMBO_TAG_FIGURE) n.in_figure = true;
        if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_CODE) n.in_pre = true;
        if (is_heading(t)) n.in_heading = true;
        if (t == GUMBO_TAG_LI) n.in_li = true;
        n.byline =
            t != GUMBO_TAG_BODY && t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_MAIN &&
            (attr(g, "rel") == "author" ||
             attr(g, "itemprop").find("author") != std::string_view::npos || is_byline_hint(ci));
        n.caption =
            t == GUMBO_TAG_FIGCAPTION || (t != GUMBO_TAG_BODY && has_hint(Hint::Caption, ci));
        n.own.p = t == GUMBO_TAG_P;
        n.own.img = t == GUMBO_TAG_IMG;
        n.own.li = t == GUMBO_TAG_LI;
        n.own.input = t == GUMBO_TAG_INPUT || t == GUMBO_TAG_SELECT || t == GUMBO_TAG_TEXTAREA;
        n.own.tr = t == GUMBO_TAG_TR;
        n.own.th = t == GUMBO_TAG_TH || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_CAPTION;
        n.own.tables = t == GUMBO_TAG_TABLE;
        int link_weight = 10;
        if (n.in_link && t == GUMBO_TAG_A && !attr(g, "href").empty() && attr(g, "href")[0] == '#')
            link_weight = 3;
        const GumboVector& ch = children_of(g);
        for (unsigned i = 0; i < ch.length; ++i) {
            auto* c = static_cast<const GumboNode*>(ch.data[i]);
            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
                int chars = 0, commas = 0;
                count_text(c->v.text.text, chars, commas);
                n.own.text += chars;
                n.own.commas += commas;
                if (n.in_link) n.own.link += chars * link_weight;
                if (n.in_heading) n.own.heading += chars;
                if (n.in_li) n.own.li_text += chars;
            }
        }
        n.inline_text = n.own.text;
        n.inline_commas = n.own.commas;
        // Inputs are skipped tags; count them on the parent for the form test.
        for (unsigned i = ch.length; i-- > 0;) {
            auto* c = static_cast<const GumboNode*>(ch.data[i]);
            if (!is_element(c)) continue;
            GumboTag ct = tag_of(c);
            if (ct == GUMBO_TAG_INPUT || ct == GUMBO_TAG_SELECT || ct == GUMBO_TAG_TEXTAREA ||
                ct == GUMBO_TAG_BUTTON)
                ++nodes_[static_cast<std::size_t>(idx)].own.input;
            stack.push_back({c, idx});
        }
    }
    // Children have higher indices than their parents: one reverse pass aggregates.
    for (auto& n : nodes_)
        n.all = n.own;
    for (std::size_t i = nodes_.size(); i-- > 1;) {
        ContentNode& n = nodes_[i];
        ContentNode& p = nodes_[static_cast<std::size_t>(n.parent)];
        p.all.add(n.all);
        p.size += n.size;
        if (!is_block_tag(n.tag)) {
            p.inline_text += n.inline_text;
            p.inline_commas += n.inline_commas;
        }
    }
    return nodes_;
}

} // namespace morgue
