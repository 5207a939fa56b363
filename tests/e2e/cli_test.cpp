// End to end: the real morgue-index and morgue-search binaries on fixtures, the seed
// article (when ../shared is beside the checkout) and the sample corpus.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace morgue::test;
namespace fs = std::filesystem;

static const std::string kIndex = MORGUE_INDEX_BIN;
static const std::string kSearch = MORGUE_SEARCH_BIN;
static const std::string kSource = MORGUE_SOURCE_DIR;

static std::string fixtures() {
    return kSource + "/tests/fixtures/text";
}

static std::vector<nlohmann::json> jsonl(const std::string& s) {
    std::vector<nlohmann::json> out;
    std::size_t start = 0;
    while (start < s.size()) {
        auto nl = s.find('\n', start);
        std::string line = s.substr(start, nl - start);
        if (!line.empty()) out.push_back(nlohmann::json::parse(line));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

// Basenames of the paths of the hits of a query.
static std::set<std::string> hits(const std::string& db, const std::string& query,
                                  const std::string& extra = "") {
    auto r = run_command(kSearch + " --db " + quote(db) + " --format jsonl --limit 1000 " + extra +
                         " " + quote(query));
    INFO(query << "\n" << r.err);
    REQUIRE((r.status == 0 || r.status == 1));
    std::set<std::string> names;
    for (auto& h : jsonl(r.out))
        names.insert(fs::path(h["path"].get<std::string>()).filename().string());
    return names;
}

TEST_CASE("index and search the text fixtures") {
    TempDir tmp;
    std::string db = tmp.path + "/db";
    auto r = run_command(kIndex + " --db " + quote(db) + " " + quote(fixtures()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("rejected 0") != std::string::npos);

    SECTION("fields") {
        CHECK(hits(db, "author:\"Mara Lindqvist\"") == std::set<std::string>{"three_authors.txt"});
        CHECK(hits(db, "by:ferreira").count("three_authors.txt") == 1);
        CHECK(hits(db, "caption:okafor").count("three_authors.txt") == 1);
        CHECK(hits(db, "bullet:\"temporary landing\"").count("three_authors.txt") == 1);
        CHECK(hits(db, "tag:\"port alden\"").count("three_authors.txt") == 1);
        CHECK(hits(db, "place:alden").count("three_authors.txt") == 1);
        CHECK(hits(db, "date:2023-03-14").count("three_authors.txt") == 1);
        CHECK(hits(db, "date:2023-03").count("three_authors.txt") == 1);
        CHECK(hits(db, "date:2023-01..2023-06").count("three_authors.txt") == 1);
        CHECK(hits(db, "date:..2022").count("three_authors.txt") == 0);
        CHECK(hits(db, "date:2024..").count("three_authors.txt") == 0);
        CHECK(hits(db, "\"install the coastline ledger app\"").empty());
    }
    SECTION("exit codes") {
        CHECK(run_command(kSearch + " --db " + quote(db) + " zzzunfindable").status == 1);
        auto bad = run_command(kSearch + " --db " + quote(db) + " date:2024-13");
        CHECK(bad.status == 2);
        CHECK(bad.err.find("morgue-search: date: cannot read '2024-13'") == 0);
        auto none = run_command(kSearch + " --db " + quote(tmp.path + "/missing") + " whitby");
        CHECK(none.status == 2);
        CHECK(none.err.find("run morgue-index first") != std::string::npos);
    }
    SECTION("re-indexing changes nothing") {
        auto again = run_command(kIndex + " --db " + quote(db) + " " + quote(fixtures()));
        REQUIRE(again.status == 0);
        CHECK(again.err.find("indexed 0, updated 0") != std::string::npos);
        auto count = run_command(kSearch + " --db " + quote(db) + " --count whitby");
        CHECK(count.out == "1\n");
    }
    SECTION("output formats") {
        auto j = run_command(kSearch + " --db " + quote(db) + " --format json whitby");
        REQUIRE(j.status == 0);
        auto obj = nlohmann::json::parse(j.out);
        CHECK(obj["total"] == 1);
        CHECK(obj["query"] == "whitby");
        CHECK(obj["offset"] == 0);
        auto& hit = obj["hits"][0];
        for (const char* key : {"id", "rank", "score", "title", "date", "published", "authors",
                                "source", "url", "path", "snippet"})
            CHECK(hit.contains(key));
        CHECK(hit["published"] == "2023-03-14T22:05:00Z");
        auto ids = run_command(kSearch + " --db " + quote(db) + " --format ids whitby");
        CHECK(ids.out == hit["id"].get<std::string>() + "\n");
        auto tsv = run_command(kSearch + " --db " + quote(db) + " --format tsv whitby");
        CHECK(tsv.out.rfind("rank\tscore\tid\tdate\ttitle", 0) == 0);
        auto text = run_command(kSearch + " --db " + quote(db) + " whitby");
        CHECK(text.out.find("1. Harbour Council Votes to Close Old Ferry Pier") !=
              std::string::npos);
        CHECK(text.out.find('\x1b') == std::string::npos); // no colour into a pipe
        auto show = run_command(kSearch + " show --db " + quote(db) + " " +
                                quote(hit["id"].get<std::string>()) + " --format json");
        REQUIRE(show.status == 0);
        CHECK(nlohmann::json::parse(show.out)["authors"].size() == 3);
        CHECK(run_command(kSearch + " --db " + quote(db) + " show nosuchid").status == 2);
    }
}

TEST_CASE("a bad file is named, counted and skipped") {
    TempDir tmp;
    std::string dir = tmp.path + "/in";
    fs::create_directories(dir);
    fs::copy(fixtures() + "/three_authors.txt", dir + "/good.txt");
    { std::ofstream(dir + "/bad.txt") << "no date line here\n"; }
    { std::ofstream(dir + "/README.md") << "# notes about this folder\n"; }
    auto r = run_command(kIndex + " --db " + quote(tmp.path + "/db") + " " + quote(dir));
    CHECK(r.status == 0);
    CHECK(r.err.find("bad.txt: no 'date YYYY-MM-DD headline' first line") != std::string::npos);
    CHECK(r.err.find("indexed 1, updated 0, unchanged 0, duplicate 0, skipped 1, rejected 1") !=
          std::string::npos);
    CHECK(r.err.find("skipped 1: not an article file (.md)") != std::string::npos);
    // Named on the command line, a file is always read (and here rejected).
    auto named = run_command(kIndex + " --dry-run " + quote(dir + "/README.md"));
    CHECK(named.status == 2);
}

TEST_CASE("the seed article, end to end") {
    fs::path seeds = fs::path(kSource) / ".." / "shared" / "seeds";
    if (!fs::exists(seeds)) {
        WARN("../shared/seeds not present; seed checks not run");
        return;
    }
    TempDir tmp;
    std::string db = tmp.path + "/db";
    REQUIRE(run_command(kIndex + " --db " + quote(db) + " " + quote(seeds.string())).status == 0);
    for (const char* q : {"author:\"Rob Quinn\"", "date:2024-10", "bullet:taiwan",
                          "caption:\"Alex Brandon\"", "tag:\"Elon Musk\""})
        CHECK(hits(db, q).size() == 1);
    CHECK(hits(db, "\"Tap to install our app\"").empty());
    // People: the byline author, the photographer and the people it names; no
    // organisation or place.
    CHECK(hits(db, "person:putin").size() == 1);
    CHECK(hits(db, "person:\"Vladimir Putin\"").size() == 1);
    CHECK(hits(db, "person:\"Dmitry Peskov\"").size() == 1);
    CHECK(hits(db, "person:\"Alex Brandon\"").size() == 1);
    CHECK(hits(db, "person:\"Rob Quinn\"").size() == 1);
    CHECK(hits(db, "person:\"Wall Street Journal\"").empty());
    CHECK(hits(db, "author:putin").empty()); // author: is the byline only
    REQUIRE(run_command(kIndex + " --db " + quote(db) + " " + quote(seeds.string())).status == 0);
    CHECK(run_command(kSearch + " --db " + quote(db) + " --count ''").out == "1\n");

    auto dry = run_command(kIndex + " --dry-run --print jsonl " + quote(seeds.string()));
    auto arts = jsonl(dry.out);
    REQUIRE(arts.size() == 1);
    auto& a = arts[0];
    CHECK(a["title"] == "Report: Elon Musk Has Secretly Been in Contact With Putin");
    CHECK(a["authors"] == nlohmann::json::array({"Rob Quinn"}));
    CHECK(a["published"] == "2024-10-25T10:30:00Z");
    REQUIRE(a["bullets"].size() == 5);
    for (auto& b : a["bullets"])
        CHECK_FALSE(b["label"].get<std::string>().empty());
    REQUIRE(a["captions"].size() == 1);
    CHECK(a["captions"][0]["credit"] == "AP Photo/Alex Brandon, File");
    std::map<std::string, nlohmann::json> people;
    for (auto& p : a["people"])
        people[p["name"].get<std::string>()] = p;
    CHECK(people["Rob Quinn"]["roles"] == nlohmann::json::array({"author"}));
    CHECK(people["Alex Brandon"]["roles"] == nlohmann::json::array({"photographer"}));
    for (const char* name :
         {"Elon Musk", "Vladimir Putin", "Dmitry Peskov", "Xi Jinping", "Donald Trump"}) {
        INFO(name);
        CHECK(people.count(name) == 1);
    }
    CHECK(people["Elon Musk"]["mentions"].get<int>() > people["Xi Jinping"]["mentions"].get<int>());
    for (const char* not_a_person :
         {"Wall Street Journal", "White House", "Telegraph", "Kremlin", "Starlink"})
        CHECK(people.count(not_a_person) == 0);
}
