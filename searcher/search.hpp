// Runs a query against the index: ranking, sorting, paging, counting, snippets.
#pragma once

#include "article.hpp"
#include "database.hpp"
#include "facets.hpp"
#include "query.hpp"
#include "snippet.hpp"

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace morgue {

enum class SortOrder { Relevance, Newest, Oldest, RelevanceRecent };

struct SearchRequest {
    std::string query;
    QueryOptions query_options;
    SortOrder sort = SortOrder::Relevance;
    unsigned offset = 0;
    unsigned limit = 10;
    bool count_only = false;
    bool highlight = false; // mark matching terms in snippets with \x01 ... \x02
    std::vector<FacetRequest> facets;
    bool collapse = false; // fold articles with the same content hash (wire copies)
    std::string like_id;   // more like this article (relevance feedback)
    bool explain = false;  // report matching terms per hit
    bool suggest = true;   // spelling suggestion when little is found
    bool snippets = true;  // make snippets (not needed for ids, paths, or --fields without them)
};

struct Hit {
    unsigned rank = 0; // 1-based, across pages
    double score = 0;  // BM25 weight
    int percent = 0;
    Article article;
    std::string snippet;
    Xapian::doccount collapsed = 0;   // copies folded into this hit (--collapse)
    std::vector<std::string> matched; // "title:ferri", "body:pier" (--explain)
};

struct SearchResult {
    std::string query;
    unsigned offset = 0;
    Xapian::doccount total = 0; // matching articles: exact when total_exact, else Xapian's estimate
    bool total_exact = true;
    std::vector<Hit> hits;
    std::string parsed; // Xapian's description of the parsed query
    std::vector<Facet> facets;
    std::string suggestion;     // a corrected query that finds more, or ""
    Xapian::doccount shown = 0; // hits on this page (those in hits, or those streamed)
    bool collapse = false, explain = false;
};

// Receives a result as it is made: begin() with everything but the hits (shown says how
// many will come; an article deleted meanwhile is skipped), hit() for each in rank
// order, end(). Printers stream this way, so --limit 99999999 holds one article at a
// time, not the archive.
class HitSink {
  public:
    virtual ~HitSink() = default;
    virtual void begin(const SearchResult& head) = 0;
    virtual void hit(const Hit& h) = 0;
    virtual void end() = 0;
};

// Opens one or more index directories as one database; checks the schema version.
// Xapian's errors pass through (LiveDatabase retries the transient ones).
Xapian::Database open_index(const std::vector<std::string>& paths);

// Every read goes through LiveDatabase::read(): a writer committing, deleting or
// compacting meanwhile makes it reopen and retry, never fail (database.hpp).
class Searcher {
  public:
    explicit Searcher(std::vector<std::string> db_paths);
    // Another way to open the index (remote shards, a server's own): specs name it.
    Searcher(std::vector<std::string> specs, DatabaseOpener open);
    // The whole page at once (hits in the result).
    SearchResult search(const SearchRequest& req);
    // The page streamed to sink; memory stays bounded whatever --limit says.
    void search(const SearchRequest& req, HitSink& sink);
    // The stored article with this id, or false.
    bool find(const std::string& id, Article& out);
    // Before each query of a long-lived searcher (--batch, a server): see the newest
    // commit, deletion or compaction. True when the index changed.
    bool refresh();
    Xapian::Database& db() { return live_.db(); }

  private:
    struct Matched; // a run query: its Enquire, MSet, snippet needles and result head
    Matched match(const SearchRequest& req);
    Hit make_hit(const Matched& m, const Xapian::MSetIterator& it, unsigned rank,
                 const SearchRequest& req);
    Xapian::Query like_query(const std::string& id);
    std::string suggest(const std::string& query);
    QueryBuilder& builder(const QueryOptions& opts);
    std::string snippet_of(const Article& a, const std::vector<Needle>& needles, bool highlight);
    // Xapian errors -> morgue::Error naming the index, with a hint.
    [[noreturn]] void rethrow(const Xapian::Error& e) const;
    LiveDatabase live_;
    // Reused across --batch queries: setting up a QueryParser from the schema costs more
    // than parsing a short query.
    std::unique_ptr<QueryBuilder> builder_;
    QueryOptions builder_opts_;
    unsigned long builder_generation_ = 0; // live_.generation() it was made for
    Xapian::Stem stem_;                    // for snippets, cached across hits and --batch queries
};

// Totals up to this many matches are exact; above it, Xapian's estimate (total_exact
// false), so a frequent word does not make every query visit every match: counting
// exactly up to 2,000 was a fifth of the --batch query mix's instructions at 100,000
// articles (callgrind; scripts/bench). --count and --facet always count every match.
inline constexpr Xapian::doccount kExactTotalUpTo = 100;

// Snippets come from the first this-many bytes of an article's text (snippet.hpp).
inline constexpr std::size_t kSnippetTextBytes = 65536;

// Markers a highlighted snippet carries around matching terms; formatters replace them.
inline constexpr const char* kHiStart = "\x01";
inline constexpr const char* kHiEnd = "\x02";

} // namespace morgue
