// Snippets: the passage of an article's text where the query's words cluster, with those
// words marked. Our own, not Xapian's MSet::snippet: Xapian 1.4 matches a word of the
// text against the query as the word itself or "Z" + its stem (the STEM_SOME layout),
// and this index holds unprefixed stems (STEM_ALL, schema.hpp), so it marked only words
// that are their own stem ("strike", not "ferry" or "Marenia's") and chose passages
// without the query's words. It also tokenized and stemmed every word of the text given:
// half of a --batch query's time on long articles (callgrind, scripts/bench at 100,000).
// Here a byte scan finds candidate words by prefix and only those are folded and
// stemmed, the way the indexer makes terms.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// A word of the query to look for in the text: the stem it must yield, and a lower-case
// prefix that every word yielding it starts with (the stem without its last letter:
// "polici" is looked for as "polic", which finds "policy" and "policies").
struct Needle {
    std::string term;
    std::string prefix;
};

// The words of a query's text-field terms ("word", "Zword", "XPword", "Sword": the
// field prefix dropped); filter terms (tags, dates, ids) are not words of the text.
std::vector<Needle> snippet_needles(const std::vector<std::string>& query_terms);

struct SnippetStyle {
    std::size_t length = 240;     // bytes of text to aim for
    std::string hi_start, hi_end; // around each matching word ("" for none)
    std::string omit = "…";       // where text is left out
};

// The passage of `text` of about style.length bytes holding the most distinct needles
// (then the most matching words, then the earliest), starting at its sentence when that
// is near, with every matching word marked; the start of the text when no needle
// occurs. Spaces are normalised; edges never split a word or a UTF-8 sequence.
std::string make_snippet(std::string_view text, const std::vector<Needle>& needles,
                         const Xapian::Stem& stem, const SnippetStyle& style);

} // namespace morgue
