#include "query_words.hpp"

#include "schema.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace morgue {

namespace {

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The English stop words of the Snowball project's list (the one Xapian's Omega and
// Lucene's English analyser use), sorted for binary search.
constexpr std::array<std::string_view, 127> kStopWords = {
    "a",      "about",  "above",  "after",   "again",      "against",  "all",        "am",
    "an",     "and",    "any",    "are",     "as",         "at",       "be",         "because",
    "been",   "before", "being",  "below",   "between",    "both",     "but",        "by",
    "can",    "could",  "did",    "do",      "does",       "doing",    "down",       "during",
    "each",   "few",    "for",    "from",    "further",    "had",      "has",        "have",
    "having", "he",     "her",    "here",    "hers",       "herself",  "him",        "himself",
    "his",    "how",    "i",      "if",      "in",         "into",     "is",         "it",
    "its",    "itself", "me",     "more",    "most",       "my",       "myself",     "no",
    "nor",    "not",    "of",     "off",     "on",         "once",     "only",       "or",
    "other",  "ought",  "our",    "ours",    "ourselves",  "out",      "over",       "own",
    "same",   "she",    "should", "so",      "some",       "such",     "than",       "that",
    "the",    "their",  "theirs", "them",    "themselves", "then",     "there",      "these",
    "they",   "this",   "those",  "through", "to",         "too",      "under",      "until",
    "up",     "upon",   "very",   "was",     "we",         "were",     "what",       "when",
    "where",  "which",  "while",  "who",     "whom",       "whose",    "why",        "will",
    "with",   "would",  "you",    "your",    "yours",      "yourself", "yourselves",
};

constexpr bool sorted_words() {
    for (std::size_t i = 1; i < kStopWords.size(); ++i)
        if (!(kStopWords[i - 1] < kStopWords[i])) return false;
    return true;
}

static_assert(sorted_words(), "kStopWords must stay sorted");

} // namespace

bool is_stop_word(std::string_view word) {
    return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

std::size_t content_words(std::string_view token) {
    std::size_t n = 0;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty() && !is_stop_word(cur)) ++n;
        cur.clear();
    };
    for (char c : token) {
        auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80 || u == '\'')
            cur += c;
        else if (u >= 'A' && u <= 'Z')
            cur += static_cast<char>(u + 32);
        else
            flush();
    }
    flush();
    return n;
}

bool typed_in_capitals(std::string_view q) {
    std::size_t upper = 0;
    std::int32_t i = 0, n = static_cast<std::int32_t>(q.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(q.data(), i, n, c);
        if (c < 0) continue;
        if (u_islower(c)) return false;
        if (u_isupper(c) || u_istitle(c)) ++upper;
    }
    return upper >= 2;
}

std::vector<QueryToken> tokenize_query(std::string_view q) {
    std::vector<QueryToken> out;
    std::size_t i = 0;
    while (i < q.size()) {
        while (i < q.size() && space(q[i]))
            ++i;
        if (i >= q.size()) break;
        std::size_t start = i;
        bool in_quote = false;
        while (i < q.size() && (in_quote || !space(q[i]))) {
            if (q[i] == '"') in_quote = !in_quote;
            ++i;
        }
        QueryToken t;
        t.text = q.substr(start, i - start);
        t.pos = start;
        std::string_view v = t.text;
        if (v.size() > 1 && (v[0] == '+' || v[0] == '-')) {
            t.sign = v[0];
            v.remove_prefix(1);
        }
        std::string_view bare = v;
        while (!bare.empty() && bare.front() == '(')
            bare.remove_prefix(1);
        while (!bare.empty() && bare.back() == ')')
            bare.remove_suffix(1);
        t.grouping = bare.size() != v.size();
        auto colon = bare.find(':');
        if (colon != std::string_view::npos && colon > 0 && bare.find('"') > colon) {
            if (const Field* f = find_field(bare.substr(0, colon))) {
                t.field = f;
                bare.remove_prefix(colon + 1);
            }
        }
        t.value = bare;
        t.quoted = bare.find('"') != std::string_view::npos;
        std::string_view word = bare.substr(0, bare.find('/'));
        t.op = !t.sign && !t.field && !t.quoted && is_query_operator(word) &&
               (word.size() == bare.size() || word == "NEAR" || word == "ADJ");
        t.proximity = t.op && (word == "NEAR" || word == "ADJ");
        t.wildcard = !bare.empty() && bare.back() == '*';
        out.push_back(t);
    }
    return out;
}

} // namespace morgue
