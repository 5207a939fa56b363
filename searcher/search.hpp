// Runs a query against the index: ranking, sorting, paging, counting, snippets.
#pragma once

#include "article.hpp"
#include "database.hpp"
#include "facets.hpp"
#include "query.hpp"
#include "shards.hpp"
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
    bool people = true;    // the archive's names in each hit (a hit's JSON line has none)
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
    std::string suggestion;              // a corrected query that finds more, or ""
    bool relaxed = false;                // no article held every word: these hold some (query.hpp)
    bool suggestion_unavailable = false; // wanted, but every shard is remote (no spelling)
    std::vector<std::string> missing_shards; // --partial: shards left out, with the reason
    Xapian::doccount shown = 0;              // hits on this page (those in hits, or those streamed)
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

// Opens one or more --db specs (shards.hpp) as one database; checks each schema version.
// Xapian's errors from local indexes pass through (LiveDatabase retries the transient
// ones); a remote shard that cannot be reached is an Error naming it.
Xapian::Database open_index(const std::vector<std::string>& specs);

// Every read goes through LiveDatabase::read(): a writer committing, deleting or
// compacting meanwhile makes it reopen and retry, never fail (database.hpp).
class Searcher {
  public:
    // --db specs: directories, tcp://HOST:PORT, stub files (shards.hpp).
    explicit Searcher(std::vector<std::string> db_specs, ShardOptions shard_opts = {});
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
    // A long-lived searcher about to answer many queries with these facets: decodes their
    // slots now (local shards only; see FacetCache), not during the first queries.
    void prepare_facets(const std::vector<FacetRequest>& facets);

  private:
    // Runs fn; when a remote shard fails mid-read, opens every shard afresh and runs fn
    // again: the opener then names the dead shard (Error) or, with --partial, leaves it
    // out.
    template <class F> auto on_shards(F fn) -> decltype(fn());
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
    // The shards as last opened (the opener fills it): which are remote, which local
    // (spelling), which were left out. Empty with an opener of the caller's own.
    std::shared_ptr<Shards> shards_ = std::make_shared<Shards>();
    LiveDatabase live_;
    // Reused across --batch queries: setting up a QueryParser from the schema costs more
    // than parsing a short query.
    std::unique_ptr<QueryBuilder> builder_;
    QueryOptions builder_opts_;
    unsigned long builder_generation_ = 0; // live_.generation() it was made for
    Xapian::Stem stem_;                    // for snippets, cached across hits and --batch queries
    FacetCache facet_cache_;               // facet slots decoded for --batch and the server
};

// Totals up to this many matches are exact; above it, Xapian's estimate (total_exact
// false), so a frequent word does not make every query visit every match: counting
// exactly up to 2,000 was a fifth of the --batch query mix's instructions at 100,000
// articles (callgrind; scripts/bench). --count and --facet always count every match.
inline constexpr Xapian::doccount kExactTotalUpTo = 100;

// BM25's parameters (docs/ranking.md); Xapian's defaults are k1 = 1, b = 0.5.
inline constexpr double kBm25K1 = 2.5;
inline constexpr double kBm25B = 0.75;
Xapian::BM25Weight bm25_weight();

// Spelling suggestions look up at most this many words of a query, of at most this many
// bytes each: Xapian's suggester takes time and memory with both.
inline constexpr std::size_t kMaxSpellingWords = 16;
inline constexpr std::size_t kMaxSpellingWordBytes = 64;

// Snippets come from the first this-many bytes of an article's text (snippet.hpp).
inline constexpr std::size_t kSnippetTextBytes = 65536;

// Markers a highlighted snippet carries around matching terms; formatters replace them.
inline constexpr const char* kHiStart = "\x01";
inline constexpr const char* kHiEnd = "\x02";

} // namespace morgue
