// A Xapian writer: replace_document on the id term, unchanged detection, explicit
// commits (the destructor's commit would swallow errors). RunDeduper decides, in input
// order, which records of one run are the same article.
#pragma once

#include "article.hpp"
#include "summary.hpp"

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <unordered_set>

namespace morgue {

class IndexWriter {
  public:
    // Opens the index, creating it first when create is set (under a lock on its parent
    // directory, so runs starting together create it once). Refuses a directory that
    // holds anything but Xapian's files: never writes into the user's own folder. If
    // another writer holds the lock, waits up to lock_timeout_s seconds (printing one
    // line to stderr), then throws Error; an unwritable index is "permission denied".
    // Removes temporaries beside the index left by an interrupted run (saying so).
    // no_sync: commits skip fdatasync (Xapian::DB_NO_SYNC). For a bulk build's shards,
    // which only the final compaction reads: a killed process loses nothing the kernel
    // holds, and the compacted index is synced when it is written.
    IndexWriter(const std::string& path, double lock_timeout_s, bool no_sync = false,
                bool create = true);
    ~IndexWriter();

    // Indexed, Updated or Unchanged (never Duplicate: that is RunDeduper's call). A
    // failure (a full disk) throws Error naming the cause and the committed count: Xapian
    // drops everything since the last commit, so the run cannot go on.
    Outcome add(const Article& a, Xapian::Document& doc);
    void commit();
    // Commits once `docs` articles or `bytes` of stored article data have been written
    // since the last commit. Xapian buffers a batch in memory at many times its size,
    // so the byte limit is what keeps the indexer's memory flat on long articles.
    void set_commit_every(std::uint64_t docs, std::uint64_t bytes);
    void commit_if_due();
    bool remove(const std::string& id); // false if no such article
    Xapian::WritableDatabase& db() { return db_; }
    // Articles in the index as of the last commit.
    std::uint64_t committed() const { return committed_; }

  private:
    Outcome add_unchecked(const Article& a, Xapian::Document& doc);
    std::string failure(const Xapian::Error& e) const;
    std::string path_;
    Xapian::WritableDatabase db_;
    std::uint64_t every_docs_ = 10000, every_bytes_ = 16ull << 20;
    std::uint64_t pending_docs_ = 0, pending_bytes_ = 0;
    std::atomic<std::uint64_t> committed_{0}; // read by ShardWriters from another thread
    bool shard_ = false;                      // a bulk build's shard (no_sync)
};

// True when path holds a Xapian index (its version file).
bool is_index_dir(const std::string& path);
// A directory holding nothing but Xapian's files (or nothing): Morgue's to replace.
bool only_xapian_files(const std::string& dir);
// Removes a directory of Xapian's files file by file, never anything else in it.
void remove_xapian_dir(const std::string& dir);

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
