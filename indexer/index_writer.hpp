// The one Xapian writer: replace_document on the id term, unchanged and duplicate
// detection, explicit commits (the destructor's commit would swallow errors).
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
    IndexWriter(const std::string& path, double lock_timeout_s);
    ~IndexWriter();

    Outcome add(const Article& a, Xapian::Document& doc);
    void commit();
    bool remove(const std::string& id); // false if no such article
    Xapian::WritableDatabase& db() { return db_; }

  private:
    std::string path_;
    Xapian::WritableDatabase db_;
    // What this run has written, as 64-bit hashes: 8 bytes an article, not a string.
    std::unordered_set<std::uint64_t> seen_ids_;
    std::unordered_set<std::uint64_t> seen_content_;
};

} // namespace morgue
