#include "snippet.hpp"

#include "schema.hpp"
#include "text.hpp"

#include <algorithm>
#include <array>

namespace morgue {

namespace {

constexpr bool word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

unsigned char lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

// The length of the separator at text[j], or 0 when a word goes on there: ASCII bytes
// other than letters and digits, and the Unicode spaces, dashes, quotes, bullets and
// ellipsis of U+2000-U+202F, U+00A0 and the guillemets, which are not letters either.
std::size_t separator_at(std::string_view text, std::size_t j) {
    unsigned char c = static_cast<unsigned char>(text[j]);
    if (c < 0x80) return word_byte(c) ? 0 : 1;
    if (c == 0xC2 && j + 1 < text.size()) {
        unsigned char d = static_cast<unsigned char>(text[j + 1]);
        if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;
    }
    if (c == 0xE2 && j + 2 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0x80) {
        unsigned char d = static_cast<unsigned char>(text[j + 2]);
        if (d >= 0x80 && d <= 0xAF) return 3;
    }
    return 0;
}

// Each byte's class for the scans: an ASCII letter or digit (a word goes on), another
// ASCII byte (a separator), or a byte of a multi-byte sequence (separator_at decides).
enum : unsigned char { kWordByte, kAsciiSeparator, kHighByte };
constexpr std::array<unsigned char, 256> kByteClass = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[c] = c >= 0x80                                  ? kHighByte
               : word_byte(static_cast<unsigned char>(c)) ? kWordByte
                                                          : kAsciiSeparator;
    return t;
}();

unsigned char byte_class(std::string_view text, std::size_t j) {
    return kByteClass[static_cast<unsigned char>(text[j])];
}

bool space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

bool sentence_end(std::string_view text, std::size_t i) { // text[i] ends a sentence
    char c = text[i];
    if (c == '.' || c == '!' || c == '?') return true;
    // A closing quote after the stop: ... said. "
    return (c == '"' || c == '\'') && i > 0 &&
           (text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?');
}

struct Hit {
    std::size_t pos, len;
    unsigned needle;
};

// Every word of the text that yields a needle's stem, in order (at most kMaxHits).
std::vector<Hit> find_hits(std::string_view text, const std::vector<Needle>& needles,
                           const Xapian::Stem& stem) {
    constexpr std::size_t kMaxHits = 512;
    std::vector<Hit> hits;
    if (needles.empty()) return hits;
    // The first letters of the needles: most words are ruled out by their first byte.
    std::array<bool, 128> starts{};
    for (const Needle& nd : needles)
        if (static_cast<unsigned char>(nd.prefix[0]) < 0x80)
            starts[static_cast<unsigned char>(nd.prefix[0])] = true;
        else
            starts.fill(true); // a needle starting with a non-ASCII letter: check all
    std::size_t i = 0;
    while (i < text.size() && hits.size() < kMaxHits) {
        if (unsigned char cls = byte_class(text, i); cls != kWordByte) {
            if (cls == kAsciiSeparator) {
                ++i;
                continue;
            }
            if (std::size_t sep = separator_at(text, i)) {
                i += sep;
                continue;
            }
        }
        std::size_t j = i;
        for (;;) {
            for (;;) { // to the first separator (what separator_at says, by the table)
                while (j < text.size() && byte_class(text, j) == kWordByte)
                    ++j;
                if (j == text.size() || byte_class(text, j) == kAsciiSeparator ||
                    separator_at(text, j) != 0)
                    break;
                ++j;
            }
            // An apostrophe between letters belongs to the word (Marenia's, Marenia’s),
            // as in Xapian's tokenizer.
            std::size_t apos = 0;
            if (j < text.size() && text[j] == '\'')
                apos = 1;
            else if (j + 2 < text.size() && static_cast<unsigned char>(text[j]) == 0xE2 &&
                     static_cast<unsigned char>(text[j + 1]) == 0x80 &&
                     static_cast<unsigned char>(text[j + 2]) == 0x99) // U+2019
                apos = 3;
            if (apos == 0 || j + apos >= text.size() || separator_at(text, j + apos) != 0) break;
            j += apos;
        }
        std::string_view word = text.substr(i, j - i);
        unsigned char first = lower(static_cast<unsigned char>(word[0]));
        if (first < 0x80 && !starts[first]) {
            i = j; // no needle starts with this letter, and no folding changes it
            continue;
        }
        std::size_t ascii_len = 0;
        while (ascii_len < word.size() && static_cast<unsigned char>(word[ascii_len]) < 0x80)
            ++ascii_len;
        // Compare the word's ASCII start with each needle's prefix; fold the word (as the
        // indexer does: "Mészáros" -> "meszaros") only when that cannot decide.
        std::string folded;
        bool have_folded = false;
        auto fold = [&] {
            if (!have_folded) {
                // ASCII folds to lower case; the rest through the folding tables.
                folded = ascii_len == word.size() ? to_lower_ascii(word) : fold_for_match(word);
                have_folded = true;
            }
            return std::string_view(folded);
        };
        for (unsigned n = 0; n < needles.size(); ++n) {
            const Needle& nd = needles[n];
            std::size_t k = 0, m = std::min(nd.prefix.size(), ascii_len);
            while (k < m && lower(static_cast<unsigned char>(word[k])) ==
                                static_cast<unsigned char>(nd.prefix[k]))
                ++k;
            if (k < m) continue;
            if (k < nd.prefix.size() && fold().substr(0, nd.prefix.size()) != nd.prefix) continue;
            fold();
            if (stem(folded) == nd.term) {
                hits.push_back({i, j - i, n});
                break;
            }
        }
        i = j;
    }
    return hits;
}

// The first hit of the span of `span` bytes with the most distinct needles, then the
// most hits; the first such span wins ties.
std::size_t best_anchor(const std::vector<Hit>& hits, std::size_t needles, std::size_t span) {
    std::vector<unsigned> count(needles, 0);
    unsigned distinct = 0, best_distinct = 0;
    std::size_t best_hits = 0, r = 0, anchor = hits.front().pos;
    for (std::size_t l = 0; l < hits.size(); ++l) {
        while (r < hits.size() && hits[r].pos + hits[r].len <= hits[l].pos + span)
            if (count[hits[r++].needle]++ == 0) ++distinct;
        if (r == l) { // a word longer than the span: count it alone
            if (count[hits[r++].needle]++ == 0) ++distinct;
        }
        if (distinct > best_distinct || (distinct == best_distinct && r - l > best_hits)) {
            best_distinct = distinct;
            best_hits = r - l;
            anchor = hits[l].pos;
        }
        if (--count[hits[l].needle] == 0) --distinct;
    }
    return anchor;
}

} // namespace

std::vector<Needle> snippet_needles(const std::vector<std::string>& query_terms) {
    std::vector<Needle> out;
    for (std::string_view t : query_terms) {
        // Words of any text field are marked where the body has them too: a person's
        // name, an author, a title word. Filters (tags, dates, ids) are not words.
        const Field& f = field_of_term(t);
        if (f.kind != FieldKind::Text) continue;
        if (t.size() > 1 && t[0] == 'Z') t.remove_prefix(1);
        if (t.substr(0, f.prefix.size()) != f.prefix) continue;
        t.remove_prefix(f.prefix.size());
        if (t.size() < 2) continue;
        unsigned char c = static_cast<unsigned char>(t[0]);
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

std::string make_snippet(std::string_view text, const std::vector<Needle>& needles,
                         const Xapian::Stem& stem, const SnippetStyle& style) {
    std::vector<Hit> hits = find_hits(text, needles, stem);
    std::size_t len = std::max<std::size_t>(style.length, 16);

    // Where the passage starts: at the sentence holding the first hit when it began at
    // most a third of the passage before it, else a few words before the hit.
    std::size_t begin = 0;
    bool cut_start = false;
    if (!hits.empty()) {
        std::size_t anchor = best_anchor(hits, needles.size(), len * 2 / 3);
        std::size_t floor = anchor > len / 3 ? anchor - len / 3 : 0;
        begin = anchor;
        while (begin > floor && !(space(text[begin - 1]) && begin >= 2 &&
                                  (text[begin - 1] == '\n' || sentence_end(text, begin - 2))))
            --begin;
        if (begin == floor && floor > 0) {
            // No sentence start near: begin at the first word within 40 bytes of the hit.
            begin = anchor > 40 ? anchor - 40 : 0;
            while (begin > 0 && begin < anchor && !space(text[begin - 1]))
                ++begin;
            cut_start = begin > 0;
        }
    }
    // Where it ends: the last word boundary within len bytes.
    std::size_t end = std::min(text.size(), begin + len);
    if (end < text.size()) {
        std::size_t cut = end;
        while (cut > begin && !space(text[cut]))
            --cut;
        if (cut > begin)
            end = cut;
        else
            while (end < text.size() && !space(text[end])) // one long word: keep it whole
                ++end;
    }
    bool cut_end = end < text.size();

    std::string out;
    out.reserve(end - begin + 32);
    if (cut_start) out += style.omit;
    auto h = std::lower_bound(hits.begin(), hits.end(), begin,
                              [](const Hit& x, std::size_t p) { return x.pos < p; });
    std::size_t i = begin;
    auto copy = [&](std::size_t to) { // runs without our markers, copied whole
        std::size_t run = i;
        for (; i < to; ++i)
            if (text[i] == '\x01' || text[i] == '\x02') {
                out.append(text, run, i - run);
                run = i + 1;
            }
        out.append(text, run, to - run);
    };
    for (; h != hits.end() && h->pos + h->len <= end; ++h) {
        copy(h->pos);
        out += style.hi_start;
        copy(h->pos + h->len);
        out += style.hi_end;
    }
    copy(end);
    std::string snip = normalize_space(out);
    if (cut_end && !snip.empty()) {
        // Text left out after the passage, unless the passage ends its sentence.
        if (!sentence_end(snip, snip.size() - 1)) snip += style.omit;
    }
    return snip;
}

} // namespace morgue
