// morgue-serve's command line as data: parse_serve_options() is a pure function.
#pragma once

#include <string>
#include <vector>

namespace morgue {

struct ServeOptions {
    std::vector<std::string> dbs;   // --db (repeatable: shards searched as one)
    std::string bind = "127.0.0.1"; // loopback unless asked
    int port = 8080;                // 0: any free port (printed on stderr)
    unsigned threads = 8;           // requests served at once (one searcher each)
    unsigned timeout = 10;          // seconds a client may stay silent mid-request
    bool help = false, version = false;
    std::string help_text;
};

// env_db: $MORGUE_DB. Throws Error on misuse.
ServeOptions parse_serve_options(int argc, const char* const* argv, const char* env_db);

} // namespace morgue
