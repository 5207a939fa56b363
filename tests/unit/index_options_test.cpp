// morgue-index's command line: the maintenance subcommands and their arguments.
#include "errors.hpp"
#include "options.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace morgue;

namespace {

IndexOptions parse(std::vector<const char*> args) {
    args.insert(args.begin(), "morgue-index");
    return parse_index_options(static_cast<int>(args.size()), args.data(), nullptr);
}

} // namespace

TEST_CASE("subcommands: people, aliases FILE") {
    auto p = parse({"people", "--db", "news.db"});
    CHECK(p.command == IndexOptions::Command::People);
    CHECK(p.db == "news.db");
    CHECK_THROWS_WITH(parse({"people", "x.txt"}), "'x.txt': people takes no paths (use --db)");
    auto a = parse({"aliases", "--db", "news.db", "aliases.txt"});
    CHECK(a.command == IndexOptions::Command::Aliases);
    CHECK(a.aliases_file == "aliases.txt");
    CHECK(a.inputs.empty());
    CHECK(parse({"--db", "x.db", "aliases", "-"}).aliases_file == "-");
    CHECK_THROWS_WITH(parse({"aliases"}),
                      "aliases takes one file: the alias table (docs/people.md)");
    CHECK_THROWS_WITH(parse({"aliases", "a.txt", "b.txt"}),
                      "aliases takes one file: the alias table (docs/people.md)");
}

TEST_CASE("subcommands: stats, compact, delete") {
    auto s = parse({"stats", "--db", "news.db"});
    CHECK(s.command == IndexOptions::Command::Stats);
    CHECK(s.db == "news.db");
    CHECK(parse({"compact"}).command == IndexOptions::Command::Compact);
    CHECK(parse({"compact"}).db == "morgue.db");
    auto d = parse({"delete", "--db", "x.db", "h:0123456789abcdef", "https://a.example/b"});
    CHECK(d.command == IndexOptions::Command::Delete);
    CHECK(d.ids == std::vector<std::string>{"h:0123456789abcdef", "https://a.example/b"});
    CHECK(d.inputs.empty());
    CHECK_THROWS_WITH(parse({"delete"}), "delete needs at least one article id");
    CHECK_THROWS_WITH(parse({"stats", "dir/"}),
                      "'dir/': stats and compact take no paths (use --db)");
    // The subcommand is the first argument that is not an option or an option's value:
    // `--db X compact` compacts X (issue 19), never indexes a file named "compact" into
    // a new index. A file of that name is ./compact; a later "stats" is an input.
    auto c = parse({"--db", "x.db", "compact"});
    CHECK(c.command == IndexOptions::Command::Compact);
    CHECK(c.db == "x.db");
    CHECK(parse({"-j", "2", "--errors", "e.jsonl", "stats"}).command ==
          IndexOptions::Command::Stats);
    auto i = parse({"--db", "x.db", "./stats"});
    CHECK(i.command == IndexOptions::Command::Index);
    CHECK(i.inputs == std::vector<std::string>{"./stats"});
    auto j = parse({"a.txt", "stats"});
    CHECK(j.command == IndexOptions::Command::Index);
    CHECK(j.inputs == std::vector<std::string>{"a.txt", "stats"});
}

TEST_CASE("safety: --jobs, --lock-timeout and --db are bounded, one line each") {
    CHECK(parse({"-j", "256", "a.txt"}).jobs == 256);
    CHECK_THROWS_WITH(parse({"--jobs", "100000", "a.txt"}), "--jobs takes 1 to 256, not 100000");
    CHECK_THROWS_WITH(parse({"--lock-timeout", "-1", "a.txt"}),
                      "--lock-timeout takes seconds from 0 up, not -1");
    // cxxopts itself refuses "nan" as a number, with one line naming it.
    CHECK_THROWS_WITH(parse({"--lock-timeout", "nan", "a.txt"}), Catch::Matchers::Contains("nan"));
    CHECK(parse({"--lock-timeout", "0", "a.txt"}).lock_timeout == 0);
    CHECK_THROWS_WITH(parse({"--db", "", "a.txt"}), "--db needs a directory name, not ''");
}

TEST_CASE("--format jsonl for standard input, --errors, --max-record-size") {
    auto o =
        parse({"--format", "jsonl", "--errors", "bad.jsonl", "--max-record-size", "1000", "-"});
    CHECK(o.stdin_format == RecordFormat::Json);
    CHECK(o.errors_file == "bad.jsonl");
    CHECK(o.max_record_size == 1000);
    CHECK(o.inputs == std::vector<std::string>{"-"});
    CHECK_THROWS_AS(parse({"--format", "pdf", "-"}), Error);
}

TEST_CASE("--shard K/N, and --db several times for stats only") {
    auto o = parse({"--shard", "1/4", "dump/"});
    CHECK(o.shard == 1);
    CHECK(o.shards == 4);
    CHECK(parse({"dump/"}).shards == 0);
    for (const char* bad : {"4/4", "1", "1/0", "a/2", "-1/2", "1/2x", " 1/2"})
        CHECK_THROWS_WITH(parse({"--shard", bad, "dump/"}),
                          "--shard takes K/N with 0 <= K < N (e.g. 0/4), not '" + std::string(bad) +
                              "'");
    auto s = parse({"stats", "--db", "a", "--db", "b"});
    CHECK(s.dbs == std::vector<std::string>{"a", "b"});
    CHECK(s.db == "a");
    CHECK_THROWS_WITH(parse({"--db", "a", "--db", "b", "dump/"}),
                      "--db is given 2 times; only stats reads several indexes");
}
