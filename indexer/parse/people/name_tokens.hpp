// Splits running text into the tokens the people recogniser reads: words (with their
// internal apostrophes and hyphens, "O'Neil", "Jean-Luc"), initials ("J.", "J.D."),
// abbreviations that keep their full stop ("Sen.", "Oct."), numbers and punctuation.
// A possessive ending ("Musk's", "Ross'") is cut off the word and flagged. Each token
// knows whether it opens a sentence, so "The" and "But" can be told from names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace morgue {

struct NameToken {
    enum class Kind : std::uint8_t { Word, Number, Punct };
    std::string_view text; // the word without its possessive ending; initials keep dots
    Kind kind = Kind::Punct;
    bool cap = false;           // starts with an upper-case (or title-case) letter
    bool has_lower = false;     // holds a lower-case letter
    bool has_inner_cap = false; // an upper-case letter after a lower-case one ("SpaceX")
    bool initial = false;       // "J." or "J.D."
    bool possessive = false;    // "Musk's": the 's was cut off
    bool sentence_start = false;
    bool line_start = false; // first token of the text or after a line break
};

// abbreviations: lower-case dotted words whose full stop is part of the word ("sen.").
std::vector<NameToken> tokenize_for_names(std::string_view text,
                                          const std::unordered_set<std::string>& abbreviations);

} // namespace morgue
