#include "options.hpp"

#include "errors.hpp"

#include <cxxopts.hpp>

#include <cstdio>

namespace morgue {

IndexOptions parse_index_options(int argc, const char* const* argv, const char* env_db) {
    cxxopts::Options spec("morgue-index",
                          "Index news articles (plain text, HTML, WARC, JSON Lines) "
                          "into a Morgue search index.");
    spec.custom_help("[OPTIONS] PATH...\n  morgue-index stats [--db DIR]...\n"
                     "  morgue-index compact [--db DIR]\n"
                     "  morgue-index delete [--db DIR] ID...\n"
                     "  morgue-index people [--db DIR]\n"
                     "  morgue-index aliases [--db DIR] FILE");
    spec.positional_help("");
    // clang-format off
    spec.add_options()
        ("db", "index directory (default: $MORGUE_DB, else ./morgue.db); stats takes several", cxxopts::value<std::vector<std::string>>(), "DIR")
        ("shard", "index only the articles whose id hashes to shard K of N (0 <= K < N)", cxxopts::value<std::string>(), "K/N")
        ("n,dry-run", "parse only; index nothing")
        ("print", "print each parsed article (with --dry-run): jsonl", cxxopts::value<std::string>(), "FORMAT")
        ("j,jobs", "parser threads (default: number of cores)", cxxopts::value<unsigned>(), "N")
        ("commit-every", "commit after this many articles (default 10000)", cxxopts::value<std::uint64_t>(), "N")
        ("max-record-size", "reject records larger than this many bytes (default 64 MiB)", cxxopts::value<std::uint64_t>(), "BYTES")
        ("lock-timeout", "seconds to wait for another writer (default 60)", cxxopts::value<double>(), "SECONDS")
        ("format", "format of standard input: text, html, jsonl", cxxopts::value<std::string>(), "FORMAT")
        ("errors", "write one JSON line per rejected record to FILE", cxxopts::value<std::string>(), "FILE")
        ("follow-symlinks", "follow symbolic links when walking directories")
        ("q,quiet", "no progress and no summary on stderr")
        ("h,help", "print this help")
        ("version", "print the version")
        ("paths", "inputs", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    spec.parse_positional({"paths"});
    IndexOptions o;
    // A subcommand is the first argument that is not an option or an option's value
    // (`morgue-index --db X compact` compacts X); everything else parses as usual. A file
    // named "compact" is indexed as ./compact.
    std::vector<const char*> args(argv, argv + argc);
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--") break;
        if (a.size() > 1 && a[0] == '-') {
            bool takes_value = a == "--db" || a == "--print" || a == "-j" || a == "--jobs" ||
                               a == "--commit-every" || a == "--max-record-size" ||
                               a == "--lock-timeout" || a == "--format" || a == "--errors";
            if (takes_value) ++i;
            continue;
        }
        if (a == "stats")
            o.command = IndexOptions::Command::Stats;
        else if (a == "compact")
            o.command = IndexOptions::Command::Compact;
        else if (a == "delete")
            o.command = IndexOptions::Command::Delete;
        else if (a == "people")
            o.command = IndexOptions::Command::People;
        else if (a == "aliases")
            o.command = IndexOptions::Command::Aliases;
        if (o.command != IndexOptions::Command::Index)
            args.erase(args.begin() + static_cast<long>(i));
        break;
    }
    try {
        auto r = spec.parse(static_cast<int>(args.size()), args.data());
        o.help_text = spec.help() + "\nExamples:\n"
                                    "  morgue-index --db news.db sample_corpus/\n"
                                    "  morgue-index --dry-run --print jsonl article.txt\n"
                                    "  cat page.html | morgue-index --format html -\n"
                                    "  zcat export.jsonl.gz | morgue-index --format jsonl -\n"
                                    "  morgue-index stats --db news.db\n"
                                    "  morgue-index aliases --db news.db people-aliases.txt\n";
        if (r.count("help")) {
            o.command = IndexOptions::Command::Help;
            return o;
        }
        if (r.count("version")) {
            o.command = IndexOptions::Command::Version;
            return o;
        }
        if (r.count("db")) {
            o.dbs = r["db"].as<std::vector<std::string>>();
            for (const auto& d : o.dbs)
                if (d.empty()) throw Error("--db needs a directory name, not ''");
        } else if (env_db && *env_db)
            o.dbs = {env_db};
        else
            o.dbs = {"morgue.db"};
        o.db = o.dbs.front();
        if (o.dbs.size() > 1 && o.command != IndexOptions::Command::Stats)
            throw Error("--db is given " + std::to_string(o.dbs.size()) +
                        " times; only stats reads several indexes");
        if (r.count("shard")) {
            std::string v = r["shard"].as<std::string>();
            unsigned k = 0, n = 0;
            char slash = 0, extra = 0;
            if (std::sscanf(v.c_str(), "%u%c%u%c", &k, &slash, &n, &extra) != 3 || slash != '/' ||
                n == 0 || n > 65536 || k >= n || v.find_first_of("+- ") != std::string::npos)
                throw Error("--shard takes K/N with 0 <= K < N (e.g. 0/4), not '" + v + "'");
            o.shard = k;
            o.shards = n;
        }
        o.dry_run = r.count("dry-run") > 0;
        if (r.count("print")) {
            o.print = r["print"].as<std::string>();
            if (o.print != "jsonl") throw Error("--print takes 'jsonl', not '" + o.print + "'");
            if (!o.dry_run) throw Error("--print goes with --dry-run");
        }
        if (r.count("jobs")) o.jobs = r["jobs"].as<unsigned>();
        // Each job is a thread and, in a bulk build, a shard directory: bounded, so a
        // typo cannot start 100,000 threads or fill a disk with empty shards.
        if (o.jobs > kMaxJobs)
            throw Error("--jobs takes 1 to " + std::to_string(kMaxJobs) + ", not " +
                        std::to_string(o.jobs));
        if (r.count("commit-every")) o.commit_every = r["commit-every"].as<std::uint64_t>();
        if (o.commit_every == 0) throw Error("--commit-every must be at least 1");
        if (r.count("max-record-size"))
            o.max_record_size = r["max-record-size"].as<std::uint64_t>();
        if (r.count("lock-timeout")) {
            o.lock_timeout = r["lock-timeout"].as<double>();
            if (!(o.lock_timeout >= 0 && o.lock_timeout <= 86400.0 * 365)) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%g", o.lock_timeout);
                throw Error(std::string("--lock-timeout takes seconds from 0 up, not ") + buf);
            }
        }
        if (r.count("format")) {
            std::string f = r["format"].as<std::string>();
            if (f == "text" || f == "txt")
                o.stdin_format = RecordFormat::Text;
            else if (f == "html")
                o.stdin_format = RecordFormat::Html;
            else if (f == "jsonl" || f == "json")
                o.stdin_format = RecordFormat::Json;
            else
                throw Error("--format takes text, html or jsonl, not '" + f + "'");
        }
        if (r.count("errors")) o.errors_file = r["errors"].as<std::string>();
        o.follow_symlinks = r.count("follow-symlinks") > 0;
        o.quiet = r.count("quiet") > 0;
        std::vector<std::string> paths;
        if (r.count("paths")) paths = r["paths"].as<std::vector<std::string>>();
        switch (o.command) {
        case IndexOptions::Command::Stats:
        case IndexOptions::Command::Compact:
            if (!paths.empty())
                throw Error("'" + paths.front() + "': stats and compact take no paths (use --db)");
            break;
        case IndexOptions::Command::People:
            if (!paths.empty())
                throw Error("'" + paths.front() + "': people takes no paths (use --db)");
            break;
        case IndexOptions::Command::Aliases:
            if (paths.size() != 1)
                throw Error("aliases takes one file: the alias table (docs/people.md)");
            o.aliases_file = paths.front();
            break;
        case IndexOptions::Command::Delete:
            o.ids = std::move(paths);
            if (o.ids.empty()) throw Error("delete needs at least one article id");
            break;
        default:
            o.inputs = std::move(paths);
            if (o.inputs.empty()) throw Error("no input given; try 'morgue-index --help'");
        }
    } catch (const cxxopts::exceptions::exception& e) {
        throw Error(std::string(e.what()) + "; try 'morgue-index --help'");
    }
    return o;
}

} // namespace morgue
