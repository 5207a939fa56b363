// The query string as the user typed it, cut into tokens the way Xapian's QueryParser
// reads it: quoted phrases and `field:"quoted values"` stay whole, a leading + or - is
// the token's sign. The searcher uses it to choose the query semantics (plain words vs
// structured queries), to cap NEAR chains and phrases before Xapian sees them, and to
// offer spelling suggestions only for words, never inside dates, ids or URLs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct Field;

struct QueryToken {
    std::string_view text;        // as written: sign, field, quotes and all
    std::size_t pos = 0;          // byte offset in the query
    char sign = 0;                // '+' or '-' in front, or 0
    const Field* field = nullptr; // the schema field of `name:value`, or null
    std::string_view value;       // the text after the sign and the field name
    bool quoted = false;          // the value holds a "quoted phrase"
    bool op = false;              // AND OR NOT XOR NEAR ADJ (NEAR/5 too)
    bool proximity = false;       // NEAR or ADJ
    bool grouping = false;        // holds a parenthesis
    bool wildcard = false;        // ends with '*'
};

std::vector<QueryToken> tokenize_query(std::string_view query);

// True for a query typed all in capitals: it has letters and not one of them is lower
// case ("KENNEDY AND THE BUDDHISTS", caps lock on, a request pasted from a teletype or an
// old test collection). Xapian's parser tells its operators from words by case alone, so
// in such a query that sign is missing: the searcher lower-cases it, and its AND, OR and
// NOT are words (stop words), never operators.
bool typed_in_capitals(std::string_view query);

// True for an English stop word ("the", "of", "to"), given lower case. Stop words do not
// count towards a query's length and do not have to match.
bool is_stop_word(std::string_view word);

// Words in a plain (unquoted, unfielded) token that count: not stop words.
std::size_t content_words(std::string_view token);

} // namespace morgue
