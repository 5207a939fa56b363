// End to end over the sample corpus: dates, facets, timeline, sorting, collapse,
// more-like-this, spelling, tokenising, output for scripts, pipes.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

using namespace morgue::test;
namespace fs = std::filesystem;
using json = nlohmann::json;

static const std::string kIndex = MORGUE_INDEX_BIN;
static const std::string kSearch = MORGUE_SEARCH_BIN;
static const std::string kSource = MORGUE_SOURCE_DIR;

// One index of sample_corpus/text for every test here.
static const std::string& corpus_db() {
    static TempDir dir;
    static std::string db = [] {
        std::string path = dir.path + "/db";
        auto r = run_command(kIndex + " -q --db " + quote(path) + " " +
                             quote(kSource + "/sample_corpus/text"));
        if (r.status != 0) FAIL("indexing the sample corpus failed: " << r.err);
        return path;
    }();
    return db;
}

static CommandResult search(const std::string& args) {
    return run_command(kSearch + " --db " + quote(corpus_db()) + " " + args);
}

static json search_json(const std::string& args) {
    auto r = search("--format json " + args);
    INFO(args << "\n" << r.err);
    REQUIRE((r.status == 0 || r.status == 1));
    return json::parse(r.out);
}

static std::vector<std::string> files(const json& result) {
    std::vector<std::string> out;
    for (auto& h : result["hits"])
        out.push_back(fs::path(h["path"].get<std::string>()).filename().string());
    return out;
}

TEST_CASE("relative dates with --now, and bad dates") {
    auto feb = files(search_json("--now 2024-03-15 --limit 50 date:last-month"));
    CHECK(std::set<std::string>(feb.begin(), feb.end()) ==
          std::set<std::string>{"008_corvane_recall.txt", "046_corvane_recall_wire_copy.txt"});
    CHECK(files(search_json("--now 2024-02-13 date:yesterday")).size() == 2);
    CHECK(files(search_json("--now 2024-03-15 'date:\"1 month ago\"'")).size() == 2);
    CHECK(files(search_json("'date:feb-2024'")).size() == 2);
    CHECK(search_json("--count date:2022").value("total", 0) ==
          search_json("--count 'date:..2022-12-31'").value("total", 0));
    CHECK(search_json("--count --since 2025-01-01 ''")["total"] ==
          search_json("--count date:2025..")["total"]);
    CHECK(search_json("--count --until 2022 ''")["total"] ==
          search_json("--count date:..2022")["total"]);

    auto bad = search("'date:next-fortnight'");
    CHECK(bad.status == 2);
    CHECK(bad.err.find("'next-fortnight'") != std::string::npos);
    CHECK(search("--since someday x").status == 2);
    CHECK(search("--now 2024-13-01 x").status == 2);
}

TEST_CASE("sorting by date") {
    for (const char* order : {"newest", "oldest"}) {
        auto r = search_json(std::string("--limit 100 --sort ") + order + " ''");
        std::vector<std::string> dates;
        for (auto& h : r["hits"])
            dates.push_back(h["date"].get<std::string>());
        REQUIRE(dates.size() == r["total"].get<std::size_t>());
        auto sorted = dates;
        std::sort(sorted.begin(), sorted.end());
        if (std::string(order) == "newest") std::reverse(sorted.begin(), sorted.end());
        CHECK(dates == sorted);
    }
    auto recent = search_json("--sort relevance-recent --now 2025-12-31 --limit 100 corvane");
    CHECK(recent["total"] == search_json("--count corvane")["total"]);
}

TEST_CASE("facets count over all matches and dates draw a timeline") {
    auto r = search_json("--limit 1 --facet year --facet author:3 --facet tag corvane");
    CHECK(r["hits"].size() == 1);
    int sum = 0;
    for (auto& v : r["facets"]["year"])
        sum += v["count"].get<int>();
    CHECK(sum == r["total"].get<int>());
    CHECK(r["facets"]["author"].size() <= 3);
    CHECK(r["facets"]["tag"][0]["value"] == "Corvane Robotics");

    // The story runs from 2022 to 2024 with gaps: the timeline shows the empty months.
    auto text = search("--count --facet month corvane");
    REQUIRE(text.status == 0);
    CHECK(text.out.find("   2022-08  ") != std::string::npos);
    CHECK(text.out.find("   2024-04  ") != std::string::npos);
    CHECK(text.out.find("       0 \n") != std::string::npos);  // an empty month, no bar
    CHECK(text.out.find("\xE2\x96\x88") != std::string::npos); // a bar
    CHECK(search("--facet weekday x").status == 2);
}

TEST_CASE("collapse folds a re-headlined copy") {
    auto plain = files(search_json("--limit 50 'tern recall'"));
    auto folded = search_json("--limit 50 --collapse 'tern recall'");
    CHECK(std::count(plain.begin(), plain.end(), "046_corvane_recall_wire_copy.txt") == 1);
    auto names = files(folded);
    CHECK(names.size() + 1 == plain.size());
    bool one_folded = false;
    for (auto& h : folded["hits"])
        one_folded = one_folded || h["collapsed"] == 1;
    CHECK(one_folded);
}

TEST_CASE("more like this finds the same story first") {
    auto seed = search_json("--limit 1 'title:\"Corvane Recalls\"'");
    REQUIRE(seed["hits"].size() == 1);
    std::string id = seed["hits"][0]["id"];
    auto like = files(search_json("--limit 3 --like " + quote(id)));
    REQUIRE(like.size() == 3);
    for (auto& f : like)
        CHECK(f.find("corvane") != std::string::npos);
    auto narrowed = search_json("--like " + quote(id) + " date:2022");
    CHECK(narrowed["total"] > 0);
    for (auto& h : narrowed["hits"])
        CHECK(h["date"].get<std::string>().rfind("2022-", 0) == 0);
    CHECK(search("--like nosuchid").status == 2);
}

TEST_CASE("spelling suggestions") {
    auto r = search_json("Okafr");
    CHECK(r["total"] == 0);
    CHECK(r["suggestion"] == "Okafor");
    auto text = search("'title:Okafr'");
    CHECK(text.status == 1);
    CHECK(text.err.find("Did you mean: title:Okafor?") != std::string::npos);
    CHECK_FALSE(search_json("--no-suggest Okafr").contains("suggestion"));
    // A misspelt surname is corrected to a name in the archive, inside its field.
    auto name = search_json("'person:\"Ingrid Halvorsn\"'");
    CHECK(name["total"] == 0);
    CHECK(name["suggestion"] == "person:\"Ingrid Halvorsen\"");
    CHECK(search_json(quote(name["suggestion"].get<std::string>()))["total"] > 0);
}

TEST_CASE("tokenising: accents, possessives, apostrophes, CJK, numbers") {
    auto zoe = files(search_json("--limit 50 author:zoe"));
    CHECK(std::count(zoe.begin(), zoe.end(), "001_merriton_bridge_closed.txt") == 1);
    CHECK(search_json("--count author:zoe")["total"] == search_json("--count author:zoë")["total"]);
    auto curly = search_json("--count \"o’neill\"")["total"].get<int>();
    CHECK(curly >= 3);
    CHECK(search_json("--count \"o'neill\"")["total"] == curly);
    CHECK(files(search_json("友好")) ==
          std::vector<std::string>{"022_merriton_kawanami_sister_city.txt"});
    CHECK(search_json("--count covid-19")["total"] >= 1);
    CHECK(search_json("--count 2024")["total"] >= 1);
    // Hyphenated names match with and without the hyphen.
    auto hyphen = search_json("--count varga-meszaros")["total"].get<int>();
    CHECK(hyphen >= 1);
    CHECK(search_json("--count 'varga meszaros'")["total"] == hyphen);
    CHECK(search_json("--count 'Varga-Mészáros'")["total"] == hyphen);
    CHECK(search_json("--count okafor")["total"] ==
          search_json("--count " + quote("okafor's"))["total"]);
}

TEST_CASE("output for scripts") {
    auto ids = search("--format ids -0 --limit 3 corvane");
    REQUIRE(ids.status == 0);
    CHECK(std::count(ids.out.begin(), ids.out.end(), '\0') == 3);
    CHECK(ids.out.find('\n') == std::string::npos);
    auto paths = search("--format paths --limit 2 corvane");
    CHECK(std::count(paths.out.begin(), paths.out.end(), '\n') == 2);
    CHECK(paths.out.find("sample_corpus/text/") != std::string::npos);
    auto tsv = search("--format tsv --fields date,title --limit 2 corvane");
    CHECK(tsv.out.rfind("date\ttitle\n", 0) == 0);
    CHECK(search("--fields nope x").status == 2);
    auto explain = search("--explain --limit 1 'title:corvane recall'");
    CHECK(explain.out.find("query: Query(") != std::string::npos);
    CHECK(explain.out.find("title:corvan") != std::string::npos);

    // A closed pipe ends quietly with status 0.
    auto piped = run_command("bash -c " +
                             quote(kSearch + " --db " + quote(corpus_db()) +
                                   " --limit 100 the | head -1 >/dev/null; exit ${PIPESTATUS[0]}"));
    CHECK(piped.status == 0);
    CHECK(piped.err.empty());

    auto colored = search("--color always --limit 1 corvane");
    CHECK(colored.out.find("\x1b[") != std::string::npos);
    auto no_color =
        run_command("NO_COLOR=1 " + kSearch + " --db " + quote(corpus_db()) + " --limit 1 corvane");
    CHECK(no_color.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("batch answers one JSON line per query, errors included") {
    auto r = run_command("printf 'corvane\\ndate:nope\\nzzzz\\n' | " + kSearch + " --db " +
                         quote(corpus_db()) + " --batch --limit 1");
    CHECK(r.status == 0);
    std::vector<json> lines;
    std::size_t start = 0;
    while (start < r.out.size()) {
        auto nl = r.out.find('\n', start);
        lines.push_back(json::parse(r.out.substr(start, nl - start)));
        start = nl + 1;
    }
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["query"] == "corvane");
    CHECK(lines[0]["hits"].size() == 1);
    CHECK(lines[1]["error"].get<std::string>().find("'nope'") != std::string::npos);
    CHECK(lines[2]["total"] == 0);
}

TEST_CASE("list-fields prints the schema") {
    auto r = search("--list-fields");
    for (const char* f :
         {"title", "author", "person", "caption", "bullet", "tag", "source", "date", "place"})
        CHECK(r.out.find(std::string("\n") + f + " ") != std::string::npos);
}

TEST_CASE("a very long article: its snippet found near the 64 KB limit, no half letter") {
    // A body longer than the part snippets are taken from (64 KB), with a two-byte
    // letter straddling that limit and the query's word just before it.
    TempDir dir;
    std::string body;
    while (body.size() < 65536 - 40)
        body += "quiet harbour days ";
    body.resize(65536 - 40);
    body += " the lighthouse keepers ";
    while (body.size() < 65535)
        body += 'x';
    body += "\xc3\xa9 tail words";
    json line = {{"title", "A long log"}, {"text", body}, {"url", "https://log.example/1"}};
    std::string file = dir.path + "/long.jsonl";
    {
        std::ofstream f(file);
        f << line.dump() << '\n';
    }
    std::string db = dir.path + "/db";
    REQUIRE(run_command(kIndex + " -q --db " + quote(db) + " " + quote(file)).status == 0);
    auto r = run_command(kSearch + " --db " + quote(db) + " --format json lighthouse");
    REQUIRE(r.status == 0);
    json j = json::parse(r.out); // throws on invalid UTF-8
    REQUIRE(j["hits"].size() == 1);
    std::string snip = j["hits"][0]["snippet"];
    CHECK(snip.find("lighthouse keepers") != std::string::npos);
    CHECK(snip.find('\x01') == std::string::npos);
    CHECK(snip.find("\xEF\xBF\xBD") == std::string::npos); // no half letter replaced
}
