// The JSON Lines reader: one Record per line, origins "file:LINE", blank lines ignored,
// overlong lines and damaged gzip members rejected with the lines around them kept.
#include "collect_sources.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace morgue;
using namespace morgue::test;

namespace {

std::string write_temp(const std::string& name, const std::string& bytes) {
    auto dir = std::filesystem::temp_directory_path() / "morgue_jsonl_test";
    std::filesystem::create_directories(dir);
    auto p = (dir / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

} // namespace

TEST_CASE("JSON Lines: one record per non-blank line, with line numbers and offsets") {
    std::string text = "{\"title\": \"a\"}\n\n{\"title\": \"b\"}\r\n   \n{\"title\": \"c\"}";
    std::string path = write_temp("three.jsonl", text);
    Collected c = collect({path});
    REQUIRE(c.records.size() == 3);
    CHECK(c.records[0].bytes == "{\"title\": \"a\"}");
    CHECK(c.records[0].origin == path + ":1");
    CHECK(c.records[1].bytes == "{\"title\": \"b\"}"); // CRLF dropped
    CHECK(c.records[1].origin == path + ":3");
    CHECK(c.records[1].offset == 16);
    CHECK(c.records[2].origin == path + ":5"); // no final newline
    for (const auto& r : c.records) {
        CHECK(r.format == RecordFormat::Json);
        CHECK(r.container == "jsonl");
    }
    CHECK(c.rejected.empty());
    CHECK(c.bytes == text.size());
}

TEST_CASE("JSON Lines: an overlong line is rejected, its neighbours kept") {
    std::string big = "{\"text\": \"" + std::string(500, 'x') + "\"}";
    std::string path = write_temp("big.jsonl", "{\"a\":1}\n" + big + "\n{\"b\":2}\n");
    SourceOptions opts;
    opts.max_record_size = 100;
    Collected c = collect({path}, opts);
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[1].origin == path + ":3");
    REQUIRE(c.rejected.size() == 1);
    CHECK(c.rejected[0].first.origin == path + ":2");
    CHECK(c.rejected[0].first.offset == 8);
    CHECK(c.rejected[0].second == "line larger than --max-record-size (100 bytes)");
}

TEST_CASE("JSON Lines in gzip: a damaged member loses only its own line") {
    // Member 2 is cut short, so inflating it runs into member 3's bytes: line 2 and the
    // junk after it are one rejection, and line 3 is read again from member 3.
    Collected c = collect({fixture("jsonl/damaged.jsonl.gz")});
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[0].bytes.find("Tide gauge fixed") != std::string::npos);
    CHECK(c.records[0].origin == fixture("jsonl/damaged.jsonl.gz") + ":1");
    CHECK(c.records[1].bytes.find("Pilot boat renamed") != std::string::npos);
    REQUIRE(c.rejected.size() == 1);
    CHECK(c.rejected[0].first.origin == fixture("jsonl/damaged.jsonl.gz") + ":2");
    CHECK(c.rejected[0].second == "corrupt gzip data (incorrect data check)");
}

TEST_CASE("a JSON Lines file with an unknown name is sniffed; a .json file is one record") {
    std::string two = "{\"title\": \"a\", \"text\": \"x\"}\n{\"title\": \"b\", \"text\": \"y\"}\n";
    Collected c = collect({write_temp("export.dump", two)});
    CHECK(c.records.size() == 2);
    Collected one =
        collect({write_temp("article.json", "{\n  \"title\": \"a\",\n  \"text\": \"x\"\n}\n")});
    REQUIRE(one.records.size() == 1);
    CHECK(one.records[0].format == RecordFormat::Json);
}
