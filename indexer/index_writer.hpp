// A Xapian writer: replace_document on the id term, unchanged detection, explicit
// commits (the destructor's commit would swallow errors). RunDeduper decides, in input
// order, which records of one run are the same article.
#pragma once

#include "article.hpp"
#include "summary.hpp"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_set>

namespace morgue {

class IndexWriter {
  public:
    // Opens or creates the index. If another writer holds the lock, waits up to
    // lock_timeout_s seconds (printing one line to stderr), then throws Error.
    // no_sync: commits skip fdatasync (Xapian::DB_NO_SYNC). For a bulk build's shards,
    // which only the final compaction reads: a killed process loses nothing the kernel
    // holds, and the compacted index is synced when it is written.
    IndexWriter(const std::string& path, double lock_timeout_s, bool no_sync = false);
    ~IndexWriter();

    // Indexed, Updated or Unchanged (never Duplicate: that is RunDeduper's call).
    Outcome add(const Article& a, Xapian::Document& doc);
    void commit();
    // Commits once `docs` articles or `bytes` of stored article data have been written
    // since the last commit. Xapian buffers a batch in memory at many times its size,
    // so the byte limit is what keeps the indexer's memory flat on long articles.
    void set_commit_every(std::uint64_t docs, std::uint64_t bytes);
    void commit_if_due();
    bool remove(const std::string& id); // false if no such article
    Xapian::WritableDatabase& db() { return db_; }

  private:
    std::string path_;
    Xapian::WritableDatabase db_;
    std::uint64_t every_docs_ = 10000, every_bytes_ = 16ull << 20;
    std::uint64_t pending_docs_ = 0, pending_bytes_ = 0;
};

// The same id twice in one run (identity decides: two records with their own ids or URLs
// are two articles even when their text is the same; morgue-search --collapse folds
// those). Remembers 64-bit hashes: 8 bytes an article, not strings.
class RunDeduper {
  public:
    // True the first time this id is seen in the run.
    bool first_time(const Article& a);

  private:
    std::unordered_set<std::uint64_t> ids_;
};

} // namespace morgue
