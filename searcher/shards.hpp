// The archive a search runs on: --db specs (index directories, tcp://HOST:PORT shards
// served by Xapian's stock xapian-tcpsrv, and Xapian stub database files listing
// either) opened as one Xapian::Database, BM25 statistics merged by Xapian.
//
// Every remote shard is opened with our timeouts, so a dead or stalled server ends in
// one clear error, never a hang; with `partial`, the shards that answer are searched
// and the others named.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace morgue {

struct ShardOptions {
    double timeout = 10;  // seconds to connect to, and wait on, a remote shard
    bool partial = false; // search the shards that answer when some do not
};

// One shard as named in a --db spec or a line of a stub file.
struct ShardSpec {
    enum class Kind { Local, Tcp, Prog } kind = Kind::Local;
    std::string name; // for messages: the spec as given ("tcp://127.0.0.1:7001", a path)
    std::string path; // Local: the index directory
    std::string host; // Tcp
    unsigned port = 0;
    std::string prog, args; // Prog: a command whose stdin/stdout speak Xapian's protocol
};

// The shards a list of --db specs names, stub files read line by line in Xapian's stub
// format ("auto PATH", "glass PATH", "remote HOST:PORT", "remote PROGRAM ARGS", '#'
// comments; relative paths from the stub's folder). Throws Error on a bad spec.
std::vector<ShardSpec> expand_db_specs(const std::vector<std::string>& specs);

struct Shards {
    std::vector<ShardSpec> specs;  // every shard asked for
    std::vector<std::string> dead; // "name: reason" of the shards left out (partial)
    Xapian::Database all;          // the live shards as one
    Xapian::Database local;        // the live local shards (spelling tables)
    bool any_local = false, any_remote = false;
    bool partial() const { return !dead.empty(); }
};

// Opens every shard, checking each one's schema version. A remote shard that cannot be
// reached throws Error naming it, or with opts.partial is left out (Error if none is
// left); a local index's Xapian errors pass through (LiveDatabase retries transient ones).
Shards open_shards(const std::vector<std::string>& specs, const ShardOptions& opts);

// True for the exceptions a remote shard's failure raises (network, timeout, closed).
bool is_shard_failure(const Xapian::Error& e);

} // namespace morgue
