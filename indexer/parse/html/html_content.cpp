#include "html_content.hpp"

#include "html_captions.hpp"
#include "html_content_tree.hpp"
#include "html_dom.hpp"
#include "html_hints.hpp"
#include "html_metadata.hpp"
#include "parse/byline.hpp"
#include "text.hpp"

#include <algorithm>
#include <cstring>

namespace morgue {

namespace {

struct Flags {
    bool strip_unlikely;
    bool weight_classes;
    bool clean;
};

class Extractor {
  public:
    Extractor(const GumboNode* root, std::string_view title, Flags f)
        : root_(root), title_(fold_for_match(title)), f_(f) {}

    Content run() {
        nodes_ = build_content_tree(root_, {f_.strip_unlikely, f_.weight_classes});
        if (nodes_.empty()) return {};
        score();
        std::vector<int> roots = choose_roots();
        if (f_.clean)
            for (int r : roots)
                clean(r);
        Content c;
        for (int r : roots)
            emit(r, c);
        outside_captions(roots, c);
        for (int r : roots)
            alt_captions(r, c);
        return c;
    }

  private:
    const GumboNode* root_;
    std::string title_;
    Flags f_;
    std::vector<ContentNode> nodes_;

    double link_density(const ContentNode& n) const {
        return n.all.text > 0 ? std::min(1.0, n.all.link / 10.0 / n.all.text) : 0.0;
    }

    void init_candidate(ContentNode& n) {
        if (n.candidate) return;
        n.candidate = true;
        switch (n.tag) {
        case GUMBO_TAG_DIV:
            n.score = 5;
            break;
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE:
            n.score = 3;
            break;
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_FORM:
            n.score = -3;
            break;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TH:
            n.score = -5;
            break;
        default:
            n.score = 0;
        }
        n.score += n.weight;
    }

    void score() {
        for (std::size_t i = 1; i < nodes_.size(); ++i) {
            const ContentNode& n = nodes_[i];
            int len = 0, commas = 0;
            if (n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_PRE || n.tag == GUMBO_TAG_TD) {
                len = n.all.text, commas = n.all.commas;
            } else if (n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SECTION ||
                       n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN ||
                       n.tag == GUMBO_TAG_BLOCKQUOTE || n.tag == GUMBO_TAG_LI) {
                len = n.inline_text, commas = n.inline_commas; // text outside its blocks
            } else {
                continue;
            }
            if (len < 25 || n.in_link) continue;
            double s = 1 + commas + std::min(len / 100, 3);
            int a = n.parent;
            for (int level = 0; level < 5 && a >= 0; ++level) {
                ContentNode& an = nodes_[static_cast<std::size_t>(a)];
                init_candidate(an);
                double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                an.score += s / div;
                a = an.parent;
            }
        }
        for (auto& n : nodes_)
            if (n.candidate) n.score *= 1.0 - link_density(n);
    }

    bool is_ancestor(int a, int i) const {
        return i >= a && i < a + nodes_[static_cast<std::size_t>(a)].size;
    }

    std::vector<int> choose_roots() {
        std::vector<int> cands;
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            if (nodes_[i].candidate) cands.push_back(static_cast<int>(i));
        std::sort(cands.begin(), cands.end(), [&](int a, int b) {
            return nodes_[static_cast<std::size_t>(a)].score >
                   nodes_[static_cast<std::size_t>(b)].score;
        });
        if (cands.empty() || cands[0] == 0) return {0};
        int top = cands[0];
        const int best = top; // before any climbing
        auto N = [&](int i) -> ContentNode& { return nodes_[static_cast<std::size_t>(i)]; };
        // When several near-best candidates share an ancestor, the article is that ancestor.
        {
            std::vector<int> alts;
            for (std::size_t k = 1; k < cands.size() && k < 5; ++k)
                if (N(cands[k]).score / N(top).score >= 0.75) alts.push_back(cands[k]);
            if (alts.size() >= 3) {
                for (int p = N(top).parent; p > 0; p = N(p).parent) {
                    int containing = 0;
                    for (int a : alts)
                        if (is_ancestor(p, a)) ++containing;
                    if (containing >= 3) {
                        top = p;
                        break;
                    }
                }
            }
        }
        init_candidate(N(top));
        // Climb while the parent scores better (a container split in parts).
        {
            double last = N(top).score;
            double threshold = last / 3;
            for (int p = N(top).parent; p > 0; p = N(p).parent) {
                if (!N(p).candidate) continue;
                if (N(p).score < threshold) break;
                if (N(p).score > last) {
                    top = p;
                    break;
                }
                last = N(p).score;
            }
        }
        while (N(top).parent > 0 && N(N(top).parent).elem_children == 1)
            top = N(top).parent;
        init_candidate(N(top));
        int parent = N(top).parent;
        if (parent < 0) return {top};
        std::vector<int> roots;
        double top_score = N(top).score;
        double threshold = std::max(10.0, top_score * 0.2);
        std::string top_class(attr(N(top).g, "class"));
        int end = parent + N(parent).size;
        for (int s = parent + 1; s < end; s += N(s).size) {
            const ContentNode& sn = N(s);
            if (s == top) {
                roots.push_back(s);
                continue;
            }
            double bonus = 0;
            if (!top_class.empty() && attr(sn.g, "class") == top_class) bonus = top_score * 0.2;
            if (sn.candidate && sn.score + bonus >= threshold) {
                roots.push_back(s);
            } else if (sn.tag == GUMBO_TAG_P ||
                       (sn.tag == GUMBO_TAG_DIV && sn.inline_text == sn.all.text)) {
                double ld = link_density(sn);
                int len = sn.all.text;
                if (len > 80 && ld < 0.25) {
                    roots.push_back(s);
                } else if (len > 0 && len <= 80 && ld == 0) {
                    std::string t = text_content(sn.g);
                    if (t.find(". ") != std::string::npos || (!t.empty() && t.back() == '.'))
                        roots.push_back(s);
                }
            }
        }
        add_same_class_parts(top, cands, threshold, roots);
        if (best != top)
            add_same_class_parts(best, cands, std::max(10.0, N(best).score * 0.2), roots);
        return roots;
    }

    // An article cut into parts by figures or ads often repeats its container's class on
    // every part ("post-content", "article-body"), each wrapped separately so that they are
    // not siblings. Parts with the top candidate's class and a fair score join it.
    void add_same_class_parts(int top, const std::vector<int>& cands, double threshold,
                              std::vector<int>& roots) {
        auto N = [&](int i) -> ContentNode& { return nodes_[static_cast<std::size_t>(i)]; };
        std::string_view cls = attr(N(top).g, "class");
        if (trim(cls).empty()) return;
        bool added = false;
        for (int c : cands) {
            if (c == top || N(c).score < threshold || attr(N(c).g, "class") != cls) continue;
            if (link_density(N(c)) > 0.25) continue;
            // A part, not a footnote: "Originally published at ..." shares the class too.
            if (N(c).all.text < 1000 && N(c).all.text * 7 < N(top).all.text) continue;
            bool covered = false;
            for (int r : roots)
                covered = covered || is_ancestor(r, c) || is_ancestor(c, r);
            if (covered) continue;
            roots.push_back(c);
            added = true;
        }
        if (added) std::sort(roots.begin(), roots.end());
    }

    // Figures of the article that sit outside the text container (a lead photo above the
    // story body): their captions belong to the article, not to its body text.
    // A figure in the article with no caption: its image's alt text stands in for one (in
    // the captions, not the body). Generic alt texts ("image", file names) are skipped.
    void alt_captions(int r, Content& out) {
        auto N = [&](int i) -> ContentNode& { return nodes_[static_cast<std::size_t>(i)]; };
        int end = r + N(r).size;
        for (int i = r; i < end;) {
            ContentNode& n = N(i);
            if (n.removed) {
                i += n.size;
                continue;
            }
            if (n.tag != GUMBO_TAG_FIGURE) {
                ++i;
                continue;
            }
            bool has_caption = false;
            int img = -1;
            for (int k = i + 1; k < i + n.size; ++k) {
                has_caption = has_caption || N(k).caption;
                if (img < 0 && N(k).tag == GUMBO_TAG_IMG) img = k;
            }
            if (!has_caption && img >= 0) {
                std::string alt = normalize_space(attr(N(img).g, "alt"));
                std::string lower = to_lower_ascii(alt);
                bool generic = alt.size() < 12 || lower.find(".jpg") != std::string::npos ||
                               lower.find(".png") != std::string::npos ||
                               lower.rfind("image", 0) == 0 || lower.rfind("photo", 0) == 0;
                if (!generic) {
                    ContentBlock b;
                    b.kind = ContentBlock::Kind::Caption;
                    b.text = alt;
                    b.outside = true;
                    out.blocks.push_back(std::move(b));
                }
            }
            i += n.size;
        }
    }

    void outside_captions(const std::vector<int>& roots, Content& out) {
        auto N = [&](int i) -> ContentNode& { return nodes_[static_cast<std::size_t>(i)]; };
        if (roots.empty() || roots[0] == 0) return;
        int region = -1;
        int a = N(roots[0]).parent;
        for (int level = 0; level < 4 && a > 0; ++level, a = N(a).parent) {
            const ContentNode& an = N(a);
            std::string cls = to_lower_ascii(attr(an.g, "class"));
            if (an.tag == GUMBO_TAG_ARTICLE || an.tag == GUMBO_TAG_MAIN ||
                attr(an.g, "itemtype").find("Article") != std::string_view::npos ||
                cls.find("article") != std::string::npos ||
                cls.find("story") != std::string::npos) {
                region = a;
                break;
            }
        }
        if (region < 0) return;
        int end = region + N(region).size;
        for (int i = region; i < end;) {
            bool in_root = false;
            for (int r : roots)
                if (i == r) in_root = true;
            if (in_root) {
                i += N(i).size;
                continue;
            }
            if (N(i).caption && N(i).all.text < 1000) {
                CaptionParts cp = caption_parts(N(i).g);
                if (!cp.text.empty() || !cp.credit.empty()) {
                    ContentBlock b;
                    b.kind = ContentBlock::Kind::Caption;
                    b.text = cp.text;
                    b.credit = cp.credit;
                    b.outside = true;
                    out.blocks.push_back(std::move(b));
                }
                i += N(i).size;
                continue;
            }
            ++i;
        }
    }

    bool is_data_table(const ContentNode& n) const {
        if (attr(n.g, "role") == "presentation") return false;
        if (n.all.tables > 1) return false; // layout tables nest
        if (!attr(n.g, "summary").empty() || n.all.th > 0) return true;
        return n.all.tr >= 10;
    }

    // Drops furniture inside the chosen content, bottom-up so a container is judged on
    // what is left in it (readability's conditional cleaning, with a few general rules).
    void clean(int r) {
        auto N = [&](int i) -> ContentNode& { return nodes_[static_cast<std::size_t>(i)]; };
        int end = r + N(r).size;
        std::vector<bool> in_data_table(static_cast<std::size_t>(end - r), false);
        for (int i = r; i < end; ++i) {
            bool parent_dt = i > r && in_data_table[static_cast<std::size_t>(N(i).parent - r)];
            in_data_table[static_cast<std::size_t>(i - r)] =
                parent_dt || (N(i).tag == GUMBO_TAG_TABLE && is_data_table(N(i)));
        }
        for (int i = r; i < end; ++i)
            N(i).all = N(i).own;
        for (int i = end; i-- > r;) {
            ContentNode& n = N(i);
            if (i != r && !in_data_table[static_cast<std::size_t>(i - r)] && !n.in_pre &&
                should_remove(n)) {
                n.removed = true;
                continue;
            }
            if (i != r) N(n.parent).all.add(n.all);
        }
    }

    bool should_remove(const ContentNode& n) const {
        GumboTag t = n.tag;
        if (n.small_furniture && n.all.text < 500) return true;
        if ((t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2) && n.weight < 0) return true;
        if (!(t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIELDSET || t == GUMBO_TAG_TABLE ||
              t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DIV ||
              t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_HEADER ||
              t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_DL || t == GUMBO_TAG_TD))
            return false;
        const ContentStats& s = n.all;
        if (n.weight < 0) return true;
        if (s.commas >= 10) return false;
        bool is_list =
            t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || (s.text > 0 && s.li_text > 0.9 * s.text);
        int li = s.li - 100;
        double ld = s.text > 0 ? std::min(1.0, s.link / 10.0 / s.text) : 0.0;
        double heading_density = s.text > 0 ? double(s.heading) / s.text : 0.0;
        bool remove = (!n.in_figure && s.img > 1 && double(s.p) / s.img < 0.5) ||
                      (!is_list && li > s.p) || (s.input > s.p / 3) ||
                      (!is_list && !n.in_figure && heading_density < 0.9 && s.text < 25 &&
                       (s.img == 0 || s.img > 2) && ld > 0) ||
                      (!is_list && n.weight < 25 && ld > 0.2) || (n.weight >= 25 && ld > 0.5) ||
                      (is_list && ld > 0.5);
        if (remove && is_list && s.img > 0 && s.img >= s.li && s.text < 25 * std::max(1, s.li))
            return false; // a list of pictures
        return remove;
    }

    // Walks the kept part of subtree r in document order and cuts it into blocks.
    void emit(int r, Content& out) {
        auto N = [&](int i) -> ContentNode& { return nodes_[static_cast<std::size_t>(i)]; };
        using Kind = ContentBlock::Kind;
        struct Frame {
            int i;
            unsigned child = 0;
            int next_flat;
            Kind kind;
            bool block;
            bool label;
        };
        std::string buf, label;
        bool label_open = false, label_done = false;
        Kind cur_kind = Kind::Paragraph;
        auto flush = [&]() {
            std::string text = normalize_space(buf);
            buf.clear();
            std::string lab = normalize_space(label);
            label.clear();
            label_open = label_done = false;
            if (text.empty()) return;
            ContentBlock b;
            b.kind = cur_kind;
            // A bold lead-in of a list item is its label; text keeps the whole item.
            if (!lab.empty() && lab.size() < text.size() && text.compare(0, lab.size(), lab) == 0 &&
                lab.size() <= 100)
                b.label = lab;
            b.text = std::move(text);
            out.blocks.push_back(std::move(b));
        };
        std::vector<Frame> stack;
        const GumboNode* last_byline = nullptr; // the last byline element read
        auto enter = [&](int i, Kind inherited) {
            ContentNode& n = N(i);
            GumboTag t = n.tag;
            if (n.removed) return;
            if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
                flush();
                return;
            }
            if (i != r && n.byline && n.all.text < 100) {
                std::string names = byline_text(n.g, true);
                // Co-authors each in an element of their own, side by side: one byline
                // (html_metadata.cpp joins them the same way).
                // Each element one name and nothing else.
                bool lone = !clean_author_name(names).empty();
                if (lone && last_byline && n.g->parent == last_byline->parent &&
                    tag_of(n.g) == tag_of(last_byline) && !out.byline_names.empty()) {
                    out.bylines.back() += ", " + byline_text(n.g);
                    out.byline_names.back() += ", " + names;
                } else {
                    out.bylines.push_back(byline_text(n.g));
                    out.byline_names.push_back(std::move(names));
                }
                last_byline = lone ? n.g : nullptr;
                return;
            }
            if (is_heading(t) && !title_.empty() && n.all.text < 400 &&
                fold_for_match(text_content(n.g)) == title_)
                return;
            if (n.caption && n.all.text < 1000 && i != r) {
                flush();
                CaptionParts cp = caption_parts(n.g);
                if (!cp.text.empty() || !cp.credit.empty()) {
                    ContentBlock b;
                    b.kind = Kind::Caption;
                    b.text = cp.text;
                    b.credit = cp.credit;
                    out.blocks.push_back(std::move(b));
                }
                return;
            }
            Kind k = inherited;
            bool block = is_block_tag(t);
            if (block) {
                flush();
                if (is_heading(t))
                    k = Kind::Heading;
                else if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DT || t == GUMBO_TAG_DD)
                    k = Kind::ListItem;
                else if (t == GUMBO_TAG_BLOCKQUOTE)
                    k = Kind::Quote;
                else if (t == GUMBO_TAG_PRE)
                    k = Kind::Pre;
                cur_kind = k;
            }
            bool lab = false;
            if ((t == GUMBO_TAG_STRONG || t == GUMBO_TAG_B) && cur_kind == Kind::ListItem &&
                !label_done && trim(buf).empty()) {
                label_open = true;
                lab = true;
            }
            stack.push_back({i, 0, i + 1, k, block, lab});
        };
        enter(r, Kind::Paragraph);
        while (!stack.empty()) {
            Frame& f = stack.back();
            const GumboVector& ch = children_of(N(f.i).g);
            if (f.child >= ch.length) {
                if (f.label) {
                    label = buf;
                    label_open = false;
                    label_done = true;
                }
                if (f.block) flush();
                bool block = f.block;
                stack.pop_back();
                if (!stack.empty() && block) cur_kind = stack.back().kind;
                continue;
            }
            auto* c = static_cast<const GumboNode*>(ch.data[f.child++]);
            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
                c->type == GUMBO_NODE_WHITESPACE) {
                if (!label_open && !label_done && c->type == GUMBO_NODE_TEXT &&
                    !trim(c->v.text.text).empty())
                    label_done = true; // text before any bold: no lead-in label
                buf += c->v.text.text;
                continue;
            }
            if (!is_element(c)) continue;
            int end = f.i + N(f.i).size;
            if (f.next_flat < end && N(f.next_flat).g == c) {
                int i = f.next_flat;
                f.next_flat += N(i).size;
                Kind k = f.kind;
                enter(i, k); // may invalidate f
            }
        }
        flush();
    }
};

} // namespace

Content extract_content(const GumboNode* document, std::string_view title) {
    const GumboNode* body = find_first(document, GUMBO_TAG_BODY);
    const GumboNode* root = body ? body : document;
    static constexpr Flags attempts[] = {
        {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
    // Each attempt relaxes a filter. A short article comes out short every time: then the
    // strictest attempt wins unless a looser one finds much more (a page whose article
    // container carries a furniture-like class).
    std::vector<std::pair<Content, std::size_t>> results;
    for (const Flags& f : attempts) {
        Content c = Extractor(root, title, f).run();
        std::size_t len = 0;
        for (const auto& b : c.blocks)
            len += b.text.size();
        if (len >= 500) return c;
        results.emplace_back(std::move(c), len);
    }
    std::size_t longest = 0;
    for (const auto& r : results)
        longest = std::max(longest, r.second);
    for (auto& r : results)
        if (r.second * 3 >= longest * 2) return std::move(r.first);
    return {};
}

} // namespace morgue
