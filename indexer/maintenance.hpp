// morgue-index's maintenance subcommands on an existing index:
//   stats    articles, date span, sources, size on disk
//   compact  Xapian compaction into a new directory, swapped in atomically
//   delete   remove articles by id (or by URL, normalised as ids are)
#pragma once

#include <xapian.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

struct IndexStats {
    std::uint64_t articles = 0;
    std::uint64_t dated = 0;           // articles with a date
    std::string first_date, last_date; // "YYYY-MM-DD", empty when none is dated
    std::vector<std::pair<std::string, std::uint64_t>> sources; // host, articles; most first
    std::uint64_t bytes_on_disk = 0;
    std::string schema_version;
};

IndexStats index_stats(const std::string& db);
void print_stats(const std::string& db, const IndexStats& s, std::ostream& out);
// Several shards: each one's stats, then their sum as one archive (articles, date span,
// sources and sizes added up; the schema version when every shard has the same).
IndexStats merge_stats(const std::vector<IndexStats>& shards);

// Compacts db (holding its write lock, so no writer runs meanwhile) and swaps the
// compacted copy in. Returns {bytes before, bytes after}.
std::pair<std::uint64_t, std::uint64_t> compact_index(const std::string& db, double lock_timeout);

// Compacts src (one database or several searched as one) into a new directory beside
// db, checks it, and swaps it in for db in one step. The caller holds db's write lock.
void compact_into_place(Xapian::Database& src, const std::string& db);

// Deletes each id; returns the ids that were not found. Commits once at the end.
std::vector<std::string> delete_articles(const std::string& db, const std::vector<std::string>& ids,
                                         double lock_timeout);

std::uint64_t directory_size(const std::string& dir);

} // namespace morgue
