// Issue 19, searcher side of findings 7, 8 and 11: output streamed in bounded memory,
// no bidi or control character from the archive reaching a terminal raw, and
// `people --limit 0` refused.
#include "bounded_run.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using morgue::test::BoundedResult;
using morgue::test::quote;
using morgue::test::run_bounded;
using morgue::test::run_command;
using morgue::test::TempDir;

namespace {

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;

void index(const std::string& db, const std::string& input) {
    auto r =
        run_command(quote(kIndex) + " --db " + quote(db) + " --quiet --jobs 1 " + quote(input));
    INFO(r.err);
    REQUIRE(r.status == 0);
}

// Raw bytes no terminal may receive from the archive.
const std::vector<std::pair<std::string, std::string>> kForbidden = {
    {"U+202E RIGHT-TO-LEFT OVERRIDE", "\xE2\x80\xAE"},
    {"U+2066 LEFT-TO-RIGHT ISOLATE", "\xE2\x81\xA6"},
    {"U+200F RIGHT-TO-LEFT MARK", "\xE2\x80\x8F"},
    {"ESC", "\x1b"},
    {"C1 CSI", "\xC2\x9B"},
    {"BEL", "\x07"},
};

void check_clean(const std::string& what, const std::string& bytes) {
    for (const auto& [name, raw] : kForbidden) {
        INFO(what << " carries " << name << ": " << bytes);
        CHECK(bytes.find(raw) == std::string::npos);
    }
}

} // namespace

TEST_CASE("finding 7: --limit 99999999 streams hits; memory does not grow with the archive") {
    TempDir tmp;
    std::string db = tmp.path + "/big.db";
    {
        // 150 articles of 100 KB each: 15 MB of stored text, which the old searcher held
        // all at once (and its JSON besides) before printing anything.
        std::ofstream f(tmp.path + "/big.jsonl");
        std::string body;
        for (int i = 0; i < 1600; ++i)
            body += "Quayside" + std::string(56, 'q') + " ";
        for (int i = 0; i < 150; ++i)
            f << nlohmann::json{{"title", "Harbour log " + std::to_string(i)},
                                {"text", body},
                                {"url", "https://bigport.example/" + std::to_string(i)},
                                {"date_publish", "2025-01-02"}}
                     .dump()
              << '\n';
    }
    index(db, tmp.path + "/big.jsonl");
    // ASan keeps freed memory in quarantine (256 MB by default), which would count every
    // article read as resident: keep it small for these children.
    if (morgue::test::under_sanitizer()) {
        const char* old = std::getenv("ASAN_OPTIONS");
        std::string opts = std::string(old ? old : "") + (old && *old ? ":" : "") +
                           "quarantine_size_mb=1:thread_local_quarantine_size_kb=64";
        ::setenv("ASAN_OPTIONS", opts.c_str(), 1);
    }
    for (std::string format : {"json", "jsonl", "tsv", "text"}) {
        DYNAMIC_SECTION("--format " << format) {
            BoundedResult small = run_bounded(
                {kSearch, "--db", db, "--format", format, "--limit", "1", "harbour"}, 120, 4096);
            BoundedResult all = run_bounded(
                {kSearch, "--db", db, "--format", format, "--limit", "99999999", "harbour"}, 120,
                4096);
            INFO("peak RSS: --limit 1 " << small.peak_rss_mb << " MB, --limit 99999999 "
                                        << all.peak_rss_mb << " MB; stderr: " << all.err);
            REQUIRE(small.status == 0);
            REQUIRE(all.status == 0);
            // Every hit is there...
            if (format == "json") CHECK(nlohmann::json::parse(all.out)["hits"].size() == 150);
            if (format == "jsonl") CHECK(std::count(all.out.begin(), all.out.end(), '\n') == 150);
            if (format == "tsv") CHECK(std::count(all.out.begin(), all.out.end(), '\n') == 151);
            // ...and the searcher held a few articles at a time, not 15 MB of them.
            CHECK(all.peak_rss_mb - small.peak_rss_mb < 6);
        }
    }
}

TEST_CASE("finding 8: U+202E and other bidi and control characters never reach output raw") {
    TempDir tmp;
    std::string db = tmp.path + "/bidi.db";
    std::string rlo = "\xE2\x80\xAE", lri = "\xE2\x81\xA6", rlm = "\xE2\x80\x8F";
    {
        std::ofstream f(tmp.path + "/bidi.jsonl");
        f << nlohmann::json{{"title", "Invoice " + rlo + "fdp.exe harbour " + lri + "dues"},
                            {"author", "Ada " + rlm + "Quill\x1b]0;pwned\x07"},
                            {"text", "The harbour dues rose " + rlo +
                                         " again \x1b[2J this spring.\nKeeper Ada Quill said "
                                         "so.\xC2\x9B"
                                         "31m"},
                            {"tags", {"Port " + rlo + "Dues"}},
                            {"url", "https://bidiport.example/dues"},
                            {"date_publish", "2025-02-03"}}
                 .dump()
          << '\n';
    }
    index(db, tmp.path + "/bidi.jsonl");
    std::vector<std::vector<std::string>> commands = {
        {"harbour"},
        {"--format", "tsv", "--fields", "title,authors,snippet,tags", "harbour"},
        {"--format", "json", "harbour"},
        {"--format", "jsonl", "--explain", "harbour"},
        {"--fields", "title,authors,snippet", "harbour"},
        {"--facet", "author", "--facet", "tag", "harbour"},
        {"show", "https://bidiport.example/dues"},
        {"show", "https://bidiport.example/dues", "--format", "json"},
        {"people", "harbour"},
        {"people", "harbour", "--format", "tsv"},
        // Errors quote what the user typed: never raw either.
        {"show", "nothing-" + rlo + "here\x1b[31m"},
        {"title:(" + rlo},
        {"--facet", "bogus" + rlo, "harbour"},
    };
    for (const auto& c : commands) {
        std::vector<std::string> argv = {kSearch, "--db", db};
        argv.insert(argv.end(), c.begin(), c.end());
        BoundedResult r = run_bounded(argv, 60, 4096);
        std::string what = c.front() + " " + c.back();
        INFO(what << ": exit " << r.status);
        CHECK(r.status != -1);
        check_clean(what + " stdout", r.out);
        check_clean(what + " stderr", r.err);
    }
    // JSON keeps the characters, escaped.
    auto json = run_command(quote(kSearch) + " --db " + quote(db) + " --format json harbour");
    CHECK(json.out.find("\\u202e") != std::string::npos);
    auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["hits"][0]["title"] == "Invoice " + rlo + "fdp.exe harbour " + lri + "dues");
    // --batch: one JSON line per query, escaped the same way.
    std::ofstream(tmp.path + "/q.txt") << "harbour\n" << rlo << "(\n";
    BoundedResult batch =
        run_bounded({kSearch, "--db", db, "--batch"}, 60, 4096, tmp.path + "/q.txt");
    check_clean("--batch stdout", batch.out);
    check_clean("--batch stderr", batch.err);
}

TEST_CASE("finding 11: people --limit 0 is refused with one clear line") {
    TempDir tmp;
    std::string db = tmp.path + "/p.db";
    index(db, std::string(MORGUE_SOURCE_DIR) + "/sample_corpus");
    auto zero = run_command(quote(kSearch) + " --db " + quote(db) + " people --limit 0");
    CHECK(zero.status == 2);
    CHECK(zero.out.empty());
    CHECK(zero.err.find("--limit") != std::string::npos);
    CHECK(std::count(zero.err.begin(), zero.err.end(), '\n') == 1);
    auto three = run_command(quote(kSearch) + " --db " + quote(db) + " people --limit 3");
    CHECK(three.status == 0);
    CHECK(std::count(three.out.begin(), three.out.end(), '\n') == 3);
    // A search's --limit 0 still means "no hits, the count": unchanged.
    auto search = run_command(quote(kSearch) + " --db " + quote(db) + " --limit 0 ferry");
    CHECK(search.status == 0);
    CHECK(search.out.find("matches") != std::string::npos);
}
