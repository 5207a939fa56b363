#include "snippet_window.hpp"

#include "text.hpp"

#include <algorithm>

namespace morgue {

namespace {

bool word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

unsigned char lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view needle) {
    if (text.size() - at < needle.size()) return false;
    for (std::size_t k = 0; k < needle.size(); ++k)
        if (lower(static_cast<unsigned char>(text[at + k])) !=
            static_cast<unsigned char>(needle[k]))
            return false;
    return true;
}

// Where a window that should start near `at` begins: the start of the sentence or
// paragraph holding `at` when it is near (then the snippet reads as it would from the
// start of the text), else the next word. Sets mid_sentence accordingly.
std::size_t window_start(std::string_view text, std::size_t at, bool& mid_sentence) {
    mid_sentence = false;
    if (at == 0) return 0;
    constexpr std::size_t kLookBack = 400;
    std::size_t floor = at > kLookBack ? at - kLookBack : 0;
    for (std::size_t i = at; i > floor; --i) {
        char prev = text[i - 1];
        if (prev == '\n') return i;
        if (prev == ' ' && i >= 2 &&
            (text[i - 2] == '.' || text[i - 2] == '!' || text[i - 2] == '?'))
            return i;
    }
    if (floor == 0) return 0;
    mid_sentence = true;
    while (at < text.size() && !(text[at - 1] == ' ' || text[at - 1] == '\n'))
        ++at;
    return at;
}

// Where a window that should end near `at` ends: after the last sentence that ends
// before `at` when it is near, else before the last word. Sets mid_sentence.
std::size_t window_end(std::string_view text, std::size_t at, std::size_t floor,
                       bool& mid_sentence) {
    mid_sentence = false;
    if (at >= text.size()) return text.size();
    constexpr std::size_t kLookBack = 400;
    std::size_t stop = std::max(floor, at > kLookBack ? at - kLookBack : 0);
    for (std::size_t i = at; i > stop; --i) {
        if (text[i] == '\n') return i;
        if (text[i] == ' ' && (text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?'))
            return i;
    }
    mid_sentence = true;
    std::size_t cut = at;
    while (cut > floor && text[cut] != ' ' && text[cut] != '\n')
        --cut;
    return cut > floor ? cut : at;
}

} // namespace

std::vector<Needle> snippet_needles(const std::vector<std::string>& query_terms) {
    std::vector<Needle> out;
    for (std::string_view t : query_terms) {
        if (t.size() > 1 && t[0] == 'Z') t.remove_prefix(1);
        if (t.size() < 2) continue;
        unsigned char c = static_cast<unsigned char>(t[0]);
        // Field terms start with their upper-case prefix: not words of the text.
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)) continue;
        Needle n{std::string(t), std::string(t)};
        if (n.prefix.size() >= 4 && static_cast<unsigned char>(n.prefix.back()) < 0x80)
            n.prefix.pop_back();
        bool seen =
            std::any_of(out.begin(), out.end(), [&](const Needle& o) { return o.term == n.term; });
        if (!seen) out.push_back(std::move(n));
    }
    return out;
}

TextWindow snippet_window(std::string_view text, const std::vector<Needle>& needles,
                          std::size_t size, const Xapian::Stem& stem) {
    if (text.size() <= size) return {0, text.size(), false, false};
    struct Hit {
        std::size_t pos;
        unsigned needle;
    };
    std::vector<Hit> hits;
    constexpr std::size_t kMaxHits = 512;
    if (!needles.empty()) {
        for (std::size_t i = 0; i < text.size() && hits.size() < kMaxHits; ++i) {
            unsigned char c = static_cast<unsigned char>(text[i]);
            if (!word_byte(c) || (i > 0 && word_byte(static_cast<unsigned char>(text[i - 1]))))
                continue;
            std::size_t j = i;
            while (j < text.size() && word_byte(static_cast<unsigned char>(text[j])))
                ++j;
            for (unsigned n = 0; n < needles.size(); ++n) {
                const Needle& nd = needles[n];
                if (static_cast<unsigned char>(nd.prefix[0]) != lower(c) ||
                    !starts_with_ci(text, i, nd.prefix))
                    continue;
                if (stem(fold_for_match(text.substr(i, j - i))) == nd.term) {
                    hits.push_back({i, n});
                    break;
                }
            }
            i = j;
        }
    }
    std::size_t anchor = 0;
    if (!hits.empty()) {
        // Two pointers over the hits: the span of 3/4 of the window with the most
        // distinct needles, then the most hits; the first such span wins ties.
        std::size_t span = size * 3 / 4;
        std::vector<unsigned> count(needles.size(), 0);
        unsigned distinct = 0, best_distinct = 0;
        std::size_t best_hits = 0, r = 0;
        for (std::size_t l = 0; l < hits.size(); ++l) {
            while (r < hits.size() && hits[r].pos < hits[l].pos + span)
                if (count[hits[r++].needle]++ == 0) ++distinct;
            if (distinct > best_distinct || (distinct == best_distinct && r - l > best_hits)) {
                best_distinct = distinct;
                best_hits = r - l;
                anchor = hits[l].pos;
            }
            if (--count[hits[l].needle] == 0) --distinct;
        }
        if (anchor + size > text.size()) anchor = text.size() - size;
    }
    TextWindow w;
    w.begin = window_start(text, anchor, w.mid_sentence);
    w.end = window_end(text, std::min(text.size(), w.begin + size), w.begin, w.cut_end);
    return w;
}

} // namespace morgue
