// Security hygiene with the real binaries: a directory walk never leaves the folders it
// was given through a symlink (unless --follow-symlinks), and a hostile page cannot reach
// the user's terminal or break a script's output: titles with escape sequences are
// neutralised in text output, JSON escapes control characters, TSV escapes tabs and
// newlines inside fields.
#include "bounded_run.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using morgue::test::BoundedResult;
using morgue::test::run_bounded;
using morgue::test::TempDir;

namespace {

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;
const std::string kSource = MORGUE_SOURCE_DIR;

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string article(const std::string& title) {
    return " date 2024-10-14 " + title +
           "\n\nA subtitle\nBy Ilse Brandvik,  Quayside Herald Staff\n"
           "Posted Oct 14, 2024 9:05 PM EDT\n" +
           title + "\n\nThe Quayside council met on Tuesday about the " + title + ".\n";
}

std::set<std::string> titles_of(const std::string& jsonl) {
    std::set<std::string> t;
    std::size_t start = 0;
    while (start < jsonl.size()) {
        std::size_t end = jsonl.find('\n', start);
        if (end == std::string::npos) end = jsonl.size();
        if (end > start)
            t.insert(nlohmann::json::parse(jsonl.substr(start, end - start)).value("title", ""));
        start = end + 1;
    }
    return t;
}

double bound() {
    return morgue::test::under_sanitizer() ? 120 : 30;
}

} // namespace

TEST_CASE("hygiene: a directory walk does not follow symlinks out of its folders") {
    TempDir tmp;
    fs::create_directories(tmp.path + "/given/sub");
    fs::create_directories(tmp.path + "/outside");
    write(tmp.path + "/given/inside.txt", article("Inside Story"));
    write(tmp.path + "/outside/secret.txt", article("Outside Secret"));
    write(tmp.path + "/outside/other.txt", article("Outside Other"));
    fs::create_directory_symlink(tmp.path + "/outside", tmp.path + "/given/sub/to_outside");
    fs::create_symlink(tmp.path + "/outside/other.txt", tmp.path + "/given/link.txt");
    fs::create_directory_symlink("..", tmp.path + "/given/sub/loop");

    BoundedResult r =
        run_bounded({kIndex, "--dry-run", "--print", "jsonl", tmp.path + "/given"}, bound(), 4096);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(titles_of(r.out) == std::set<std::string>{"Inside Story"});

    BoundedResult f = run_bounded(
        {kIndex, "--dry-run", "--print", "jsonl", "--follow-symlinks", tmp.path + "/given"},
        bound(), 4096);
    INFO(f.err);
    CHECK(f.signal == 0);
    CHECK_FALSE(f.timed_out); // the "loop" link back up must not walk forever
    std::set<std::string> followed = titles_of(f.out);
    CHECK(followed.count("Inside Story") == 1);
    CHECK(followed.count("Outside Secret") == 1);
    CHECK(followed.count("Outside Other") == 1);
}

TEST_CASE("hygiene: escape sequences in a title never reach the terminal; JSON and TSV escape") {
    TempDir tmp;
    std::string db = tmp.path + "/esc.db";
    // Parsers normalise whitespace in every field; a file's path is kept as it is, so a
    // file name carries the tab and the newline to the TSV output.
    std::string odd = tmp.path + "/odd\tname\nfile.txt";
    write(odd, article("Crooked Filename Report"));
    BoundedResult ix = run_bounded({kIndex, "--db", db, "--quiet", odd,
                                    kSource + "/tests/hostile/inputs/escape_title.html",
                                    kSource + "/tests/hostile/inputs/tsv_title.html",
                                    kSource + "/tests/hostile/inputs/escape_title.jsonl",
                                    kSource + "/tests/hostile/inputs/tsv_title.jsonl"},
                                   bound(), 4096);
    INFO(ix.err);
    REQUIRE(ix.status == 0);

    // Text output: the page's escape sequences are gone (the HTML extractor drops control
    // characters; JSON Lines fields keep them, and the searcher must neutralise them).
    for (const char* colour : {"never", "always"}) {
        BoundedResult text =
            run_bounded({kSearch, "--db", db, "--color", colour, "harbour OR tide"}, bound(), 4096);
        INFO("--color " << colour << ": " << text.out);
        REQUIRE(text.status == 0);
        CHECK(text.out.find("Harbour Vote") != std::string::npos);
        CHECK(text.out.find("Tide Table") != std::string::npos);
        CHECK(text.out.find("\x1b[2J") == std::string::npos);
        CHECK(text.out.find("\x1b]0;") == std::string::npos);
        CHECK(text.out.find('\x07') == std::string::npos);
        CHECK(text.out.find("\xc2\x9b") == std::string::npos);
        if (std::string(colour) == "never") CHECK(text.out.find('\x1b') == std::string::npos);
    }

    // JSON: the bytes are kept, escaped, and the output parses.
    BoundedResult json =
        run_bounded({kSearch, "--db", db, "--format", "json", "tide"}, bound(), 4096);
    INFO(json.out);
    REQUIRE(json.status == 0);
    CHECK(json.out.find('\x1b') == std::string::npos);
    CHECK(json.out.find('\x07') == std::string::npos);
    CHECK(json.out.find("\\u001b") != std::string::npos);
    CHECK(json.out.find("\\u0007") != std::string::npos);
    nlohmann::json parsed;
    REQUIRE_NOTHROW(parsed = nlohmann::json::parse(json.out));
    REQUIRE(parsed["hits"].size() == 1);
    CHECK(parsed["hits"][0]["title"].get<std::string>().find("Tide Table \x1b[2J") == 0);
    BoundedResult jsonl =
        run_bounded({kSearch, "--db", db, "--format", "jsonl", "tide"}, bound(), 4096);
    CHECK(jsonl.out.find('\x1b') == std::string::npos);
    CHECK(jsonl.out.find("\\u001b") != std::string::npos);

    // TSV: one line per hit, tabs and newlines inside fields escaped.
    BoundedResult tsv = run_bounded(
        {kSearch, "--db", db, "--format", "tsv", "--fields", "title,path,url", "crooked OR tabs"},
        bound(), 4096);
    INFO(tsv.out << tsv.err);
    REQUIRE(tsv.status == 0);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < tsv.out.size()) {
        std::size_t end = tsv.out.find('\n', start);
        if (end == std::string::npos) end = tsv.out.size();
        lines.push_back(tsv.out.substr(start, end - start));
        start = end + 1;
    }
    std::size_t hits = 0;
    for (const auto& l : lines) {
        if (l.rfind("title\t", 0) == 0) continue; // the header line
        ++hits;
        CHECK(std::count(l.begin(), l.end(), '\t') == 2);
        CHECK(l.find('\r') == std::string::npos);
    }
    // The crooked file, the tabs page and the tabs JSON line, one line each: the page and
    // the JSON record carry the same text under their own ids, so they are two articles.
    CHECK(hits == 3);
    CHECK(tsv.out.find("odd\\tname\\nfile.txt") != std::string::npos);

    // The text output's --fields columns are sanitised too.
    BoundedResult cols =
        run_bounded({kSearch, "--db", db, "--fields", "title,path", "crooked"}, bound(), 4096);
    CHECK(cols.status == 0);
    CHECK(cols.out.find("Crooked Filename Report") != std::string::npos);
}
