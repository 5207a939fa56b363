// morgue-serve's JSON API over the searcher library, independent of the HTTP library:
// URL parameters -> a SearchRequest checked as morgue-search checks its options, and
// answers that are the very JSON morgue-search --format json prints (output.hpp).
#pragma once

#include "search.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace morgue {

// Requests beyond these are refused: 413 for a query too long, 400 for the others.
inline constexpr std::size_t kMaxQueryBytes = 2048;
inline constexpr unsigned kMaxLimit = 100;
inline constexpr unsigned kMaxOffset = 10000;
inline constexpr std::size_t kMaxFacets = 8;

using Params = std::multimap<std::string, std::string>;

// An answer: HTTP status and a JSON body ({"error": ...} when status is not 200).
struct ApiAnswer {
    int status = 200;
    std::string body;
};

// /api/search's parameters (q, limit, offset, sort, facet..., since, until, collapse) as
// the SearchRequest morgue-search builds from the same options, through its own option
// parser (so errors carry its messages). people: /api/people's (q, limit). Throws
// ApiError.
struct ApiError : std::runtime_error {
    int status;
    ApiError(int st, const std::string& what) : std::runtime_error(what), status(st) {}
};
SearchRequest search_request_from_params(const Params& params, bool people = false);

// Searchers for concurrent requests: Xapian databases are not shared between threads, so
// each request borrows one (opened on first need, kept for the next request).
class SearcherPool {
  public:
    explicit SearcherPool(std::vector<std::string> dbs);
    class Lease {
      public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> s) : pool_(pool), s_(std::move(s)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();
        Searcher& operator*() { return *s_; }
        Searcher* operator->() { return s_.get(); }

      private:
        SearcherPool& pool_;
        std::unique_ptr<Searcher> s_;
    };
    // A searcher on the index's latest commit.
    Lease borrow();
    Xapian::doccount doccount();

  private:
    std::vector<std::string> dbs_;
    std::mutex mu_;
    std::vector<std::unique_ptr<Searcher>> idle_;
};

// The answers of GET /api/search, /api/people, /api/article/ID and /api/fields.
ApiAnswer api_search(SearcherPool& pool, const Params& params);
ApiAnswer api_people(SearcherPool& pool, const Params& params);
ApiAnswer api_article(SearcherPool& pool, const std::string& id);
ApiAnswer api_fields();
ApiAnswer api_error(int status, const std::string& message);

} // namespace morgue
