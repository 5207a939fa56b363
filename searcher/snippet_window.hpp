// The part of an article's text a snippet is made from. Xapian's MSet::snippet tokenizes
// and stems every word it is given, which made snippets half of a query's time on long
// articles (callgrind, scripts/bench mix at 100,000 articles). So before calling it, find
// where the query's words cluster with a plain byte scan and hand Xapian a small window
// around that place; Xapian still chooses and highlights the passage within it.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// A word of the query to look for in the text: the stem it must yield (text terms are
// stems: schema.hpp), and a lower-case prefix that every word yielding it starts with
// (the stem without its last letter: "polici" is looked for as "polic", which finds
// "policy" and "policies").
struct Needle {
    std::string term;
    std::string prefix;
};

// The unprefixed text terms of a query (stemmed "Zword" or plain "word"); field terms,
// which start with their upper-case prefix, are not words of the text.
std::vector<Needle> snippet_needles(const std::vector<std::string>& query_terms);

struct TextWindow {
    std::size_t begin = 0, end = 0; // byte offsets into the text, at word boundaries
    bool mid_sentence = false;      // begin cuts a sentence (else it starts one)
    bool cut_end = false;           // end cuts a sentence (else it ends one, or the text)
};

// The window of at most `size` bytes holding the most distinct needles (then the most
// hits, then the earliest); the start of the text when no needle occurs.
// A word of the text counts when it yields the needle's term the way the indexer makes
// terms: folded, then stemmed.
TextWindow snippet_window(std::string_view text, const std::vector<Needle>& needles,
                          std::size_t size, const Xapian::Stem& stem);

} // namespace morgue
