// Bulk builds on several cores: one Xapian writer thread per shard, each with its own
// WritableDatabase, so Xapian's inversion and flushing (most of an index build) run in
// parallel. An article goes to shard hash(id) % N, so a re-run finds it where it was.
// The shards live beside the index (INDEX.bulk/0, 1, ...) until the run ends and the
// pipeline compacts them into the index; a killed run leaves them there to resume.
#pragma once

#include "article.hpp"
#include "bounded_queue.hpp"
#include "summary.hpp"

#include <xapian.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace morgue {

class IndexWriter;

class ShardWriters {
  public:
    // Opens shards 0..count-1 under dir, creating what is missing. Once commit_docs
    // articles or commit_bytes of stored article data have been queued since the last
    // commit, every shard commits at the same point of its queue: the shards commit
    // together, so both cores are busy committing instead of one shard's commit holding
    // up the pipeline while the other shard's writer waits for work.
    ShardWriters(const std::string& dir, unsigned count, std::uint64_t commit_docs,
                 std::uint64_t commit_bytes);
    ~ShardWriters();
    ShardWriters(const ShardWriters&) = delete;
    ShardWriters& operator=(const ShardWriters&) = delete;

    // Queues an article for its shard; rethrows a writer thread's error.
    // duplicate: the id was seen before in this run; the article replaces the earlier one
    // and counts as a duplicate.
    void add(Article&& a, Xapian::Document&& doc, bool duplicate = false);
    // Commits every shard and stops the threads; adds their outcomes to summary.
    void finish(Summary& summary);
    // The shards as one database, for compaction (after finish()).
    Xapian::Database as_one() const;
    // Closes the queues and joins the threads (also on every error path).
    void stop();
    // Articles committed in all shards together.
    std::uint64_t committed() const;

  private:
    struct Job {
        Article article;
        Xapian::Document doc;
        bool commit = false; // a commit marker, not an article
        bool duplicate = false;
    };
    struct Shard {
        std::string path;
        std::unique_ptr<BoundedQueue<Job>> queue;
        std::shared_ptr<IndexWriter> writer;
        std::thread thread;
        Summary counts;
        std::exception_ptr error;
    };
    void rethrow();
    std::string dir_;
    std::vector<std::unique_ptr<Shard>> shards_;
    std::uint64_t commit_docs_, commit_bytes_;
    std::uint64_t pending_docs_ = 0, pending_bytes_ = 0;
};

// The record of a bulk build, INDEX.bulk/morgue-bulk.json: its shard count and its
// inputs, so that only a run of the same inputs resumes it, and so that Morgue removes
// only a directory it made.
struct BulkManifest {
    unsigned shards = 0;
    std::vector<std::string> inputs; // absolute paths ("-" for stdin)
};
// The manifest in dir, or nullopt when there is none (or it cannot be read).
std::optional<BulkManifest> read_bulk_manifest(const std::string& dir);
void write_bulk_manifest(const std::string& dir, const BulkManifest& m);
// "" when shards 0..count-1 under dir are whole Xapian databases, else what is wrong.
std::string check_shards(const std::string& dir, unsigned count);
// Removes the manifest and the shards (Xapian's files only), then dir if it is empty.
void remove_bulk_dir(const std::string& dir);

} // namespace morgue
