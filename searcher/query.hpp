// Query strings -> Xapian::Query, configured from the schema table: free-text fields as
// QueryParser prefixes, boolean fields and dates through field processors that
// normalise values the way the indexer did.
#pragma once

#include "dates.hpp"
#include "person_aliases.hpp"

#include <xapian.h>

#include <memory>
#include <string>

namespace morgue {

// Longer queries are refused with an error (see QueryBuilder::parse).
inline constexpr std::size_t kMaxQueryTerms = 10000;
// A wildcard expands to at most this many terms, the most frequent ones.
inline constexpr Xapian::termcount kMaxWildcardTerms = 10000;
// A phrase or a NEAR/ADJ chain holds at most this many terms: positional matching costs
// grow with each term (a NEAR chain of 10,000 terms ran for minutes).
inline constexpr std::size_t kMaxProximityTerms = 64;

// How plain words combine (README, "How words match"):
//   Auto: up to kShortQueryWords words (stop words not counted) must all match; a longer
//         query matches articles with any of its words, those with all of them first.
//         Phrases, fields, +/- terms and queries with operators keep their meaning.
//   All:  every word must match (--all).   Any: any word may match (--any).
enum class MatchMode { Auto, All, Any };
inline constexpr std::size_t kShortQueryWords = 3;
// The weight of the all-words match added again for articles holding every word of a
// long query (docs/ranking.md).
inline constexpr double kAllWordsBoost = 1.0;
// Proximity: the words of a long query that stand next to each other in it, found within
// kProximityWindow positions of each other in an article, add their weight again times
// kProximityBoost (0: off). Measured in docs/ranking.md.
inline constexpr double kProximityBoost = 0.0;
inline constexpr unsigned kProximityWindow = 4;

struct QueryOptions {
    Ymd today; // for relative dates (--now)
    MatchMode match = MatchMode::Auto;
    std::string since, until; // --since / --until date expressions
    bool spelling = false;    // ask Xapian for a corrected query
    bool operator==(const QueryOptions&) const = default;
};

class QueryBuilder {
  public:
    QueryBuilder(const Xapian::Database& db, const QueryOptions& opts);
    // Throws Error with a one-line reason for a query that does not parse, or one that
    // only excludes (-oil, NOT oil) unless `filtered` (--like or --since/--until give
    // what to search).
    Xapian::Query parse(const std::string& text, bool filtered = false);
    // After parse(): for a short query of plain words, the query that matches any of
    // them (all-word matches first), to answer with when no article holds them all;
    // else an empty query.
    const Xapian::Query& relaxed() const { return relaxed_; }
    // The corrected query string after parse() with spelling on, or "".
    std::string corrected() const { return qp_.get_corrected_query_string(); }
    Xapian::QueryParser& parser() { return qp_; }
    // The index's date span (from the date slot's bounds).
    Ymd first_day() const { return lo_; }
    Ymd last_day() const { return hi_; }

  private:
    Xapian::Query parse_long(const std::string& text, unsigned flags, std::size_t min_words);
    Xapian::Query parse_with(const std::string& text, Xapian::Query::op default_op, unsigned flags);
    std::string with_people(const std::string& text) const;
    Xapian::Database db_;
    QueryOptions opts_;
    Xapian::QueryParser qp_;
    Ymd lo_, hi_;       // the index's date span
    std::string error_; // a field processor's complaint during parse()
    Xapian::Query relaxed_;
    bool people_ = false;   // the people pass renamed someone, or a table is stored
    PersonAliases aliases_; // the index's alias table (docs/people.md)
};

} // namespace morgue
