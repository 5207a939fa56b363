// Query strings -> Xapian::Query, configured from the schema table: free-text fields as
// QueryParser prefixes, boolean fields and dates through field processors that
// normalise values the way the indexer did.
#pragma once

#include "dates.hpp"

#include <xapian.h>

#include <memory>
#include <string>

namespace morgue {

// Longer queries are refused with an error (see QueryBuilder::parse).
inline constexpr std::size_t kMaxQueryTerms = 10000;
// A wildcard expands to at most this many terms, the most frequent ones.
inline constexpr Xapian::termcount kMaxWildcardTerms = 10000;

struct QueryOptions {
    Ymd today;                // for relative dates (--now)
    bool match_any = false;   // default operator OR instead of AND
    std::string since, until; // --since / --until date expressions
    bool spelling = false;    // ask Xapian for a corrected query
    bool operator==(const QueryOptions&) const = default;
};

class QueryBuilder {
  public:
    QueryBuilder(const Xapian::Database& db, const QueryOptions& opts);
    // Throws Error with a one-line reason for a query that does not parse.
    Xapian::Query parse(const std::string& text);
    // The corrected query string after parse() with spelling on, or "".
    std::string corrected() const { return qp_.get_corrected_query_string(); }
    Xapian::QueryParser& parser() { return qp_; }
    // The index's date span (from the date slot's bounds).
    Ymd first_day() const { return lo_; }
    Ymd last_day() const { return hi_; }

  private:
    Xapian::Database db_;
    QueryOptions opts_;
    Xapian::QueryParser qp_;
    Ymd lo_, hi_;       // the index's date span
    std::string error_; // a field processor's complaint during parse()
};

} // namespace morgue
