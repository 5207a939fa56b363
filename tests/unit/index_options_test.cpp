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
    // Not a subcommand unless first: a path named "stats" later is an input.
    auto i = parse({"--db", "x.db", "stats"});
    CHECK(i.command == IndexOptions::Command::Index);
    CHECK(i.inputs == std::vector<std::string>{"stats"});
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
