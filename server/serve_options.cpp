#include "serve_options.hpp"

#include "errors.hpp"

#include <cxxopts.hpp>

namespace morgue {

ServeOptions parse_serve_options(int argc, const char* const* argv, const char* env_db) {
    cxxopts::Options spec("morgue-serve",
                          "Serve a Morgue index read-only: a JSON API and a search page.");
    // clang-format off
    spec.add_options()
        ("db", "index directory; repeat to search shards as one (default: $MORGUE_DB, else ./morgue.db)", cxxopts::value<std::vector<std::string>>(), "DIR")
        ("bind", "address to listen on (default 127.0.0.1: this machine only)", cxxopts::value<std::string>(), "ADDR")
        ("port", "TCP port (default 8080; 0 picks a free one and prints it)", cxxopts::value<int>(), "N")
        ("threads", "requests answered at once (default 8)", cxxopts::value<unsigned>(), "N")
        ("timeout", "seconds a client may stay silent in the middle of a request (default 10)", cxxopts::value<unsigned>(), "S")
        ("h,help", "print this help")
        ("version", "print the version");
    // clang-format on
    ServeOptions o;
    o.help_text = spec.help() +
                  "\nExamples:\n"
                  "  morgue-serve --db news.db                 # http://127.0.0.1:8080/\n"
                  "  morgue-serve --db a.db --db b.db --port 9000\n";
    try {
        auto r = spec.parse(argc, argv);
        if (!r.unmatched().empty())
            throw Error("unexpected argument '" + r.unmatched().front() +
                        "'; try 'morgue-serve --help'");
        o.help = r.count("help") > 0;
        o.version = r.count("version") > 0;
        if (r.count("db"))
            o.dbs = r["db"].as<std::vector<std::string>>();
        else
            o.dbs = {env_db && *env_db ? env_db : "morgue.db"};
        if (r.count("bind")) o.bind = r["bind"].as<std::string>();
        if (r.count("port")) o.port = r["port"].as<int>();
        if (o.port < 0 || o.port > 65535)
            throw Error("--port takes 0 to 65535, not " + std::to_string(o.port));
        if (r.count("threads")) o.threads = r["threads"].as<unsigned>();
        if (o.threads < 1 || o.threads > 256) throw Error("--threads takes 1 to 256");
        if (r.count("timeout")) o.timeout = r["timeout"].as<unsigned>();
        if (o.timeout < 1 || o.timeout > 3600) throw Error("--timeout takes 1 to 3600 seconds");
    } catch (const cxxopts::exceptions::exception& e) {
        throw Error(std::string(e.what()) + "; try 'morgue-serve --help'");
    }
    return o;
}

} // namespace morgue
