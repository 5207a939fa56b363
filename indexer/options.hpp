// morgue-index's command line as data: parse_index_options() is a pure function.
#pragma once

#include "record/record.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace morgue {

// The most --jobs accepted (threads, and shards of a bulk build).
inline constexpr unsigned kMaxJobs = 256;

struct IndexOptions {
    // `morgue-index [OPTIONS] PATH...` indexes; `morgue-index stats|compact|delete ID...|
    // people|aliases FILE` maintain an index.
    enum class Command {
        Index,
        Help,
        Version,
        Stats,
        Compact,
        Delete,
        People,
        Aliases
    } command = Command::Index;
    std::string db;                  // --db, else $MORGUE_DB, else ./morgue.db
    std::vector<std::string> dbs;    // every --db given (stats reads several shards)
    unsigned shard = 0, shards = 0;  // --shard K/N: index only ids of shard K of N
    std::vector<std::string> inputs; // files, directories, "-"
    std::vector<std::string> ids;    // for delete: article ids (or URLs)
    std::string aliases_file;        // for aliases: the alias table ("-": stdin)
    bool dry_run = false;
    std::string print; // "" or "jsonl"
    unsigned jobs = 0; // 0: number of cores
    std::uint64_t commit_every = 10000;
    std::uint64_t max_record_size = 64ull << 20;
    double lock_timeout = 60;
    RecordFormat stdin_format = RecordFormat::Unknown;
    bool quiet = false;
    bool follow_symlinks = false;
    std::string errors_file; // --errors FILE: one JSON line per rejected record
    std::string help_text;
};

// Throws Error with a one-line message for bad usage.
IndexOptions parse_index_options(int argc, const char* const* argv, const char* env_db);

} // namespace morgue
