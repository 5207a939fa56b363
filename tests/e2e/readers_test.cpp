// Issue 19, finding 6: readers that keep up with writers. A --batch searcher sees the
// commits, deletions and compactions made after it started; one-shot commands (search,
// show, people, --count) answer while a writer commits every few articles and compacts.
#include "bounded_run.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using morgue::test::BoundedResult;
using morgue::test::quote;
using morgue::test::run_bounded;
using morgue::test::run_command;
using morgue::test::TempDir;

namespace {

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;

// n JSON Lines articles with distinct URLs under `site`, numbered from `from`.
std::string make_jsonl(const std::string& dir, const std::string& site, int n, int from = 0) {
    std::string path = dir + "/" + site + std::to_string(from) + ".jsonl";
    std::ofstream f(path);
    for (int i = from; i < from + n; ++i)
        f << R"({"title": "Tide table )" << i << " for " << site
          << R"(", "text": "The harbour master of )" << site << " posted tide table " << i
          << R"( for the pilots of the estuary.", "url": "https://)" << site << ".example/tides/"
          << i << R"(", "date_publish": "2025-04-)" << (i % 28 + 1 < 10 ? "0" : "") << (i % 28 + 1)
          << "\"}\n";
    return path;
}

void index(const std::string& db, const std::string& input, const std::string& extra = "") {
    auto r = run_command(quote(kIndex) + " --db " + quote(db) + " --quiet " + extra + " " +
                         quote(input));
    INFO(r.err);
    REQUIRE(r.status == 0);
}

// A morgue-search --batch child we talk to through pipes, one line each way.
class BatchSearcher {
  public:
    explicit BatchSearcher(const std::vector<std::string>& argv) {
        int to_child[2], from_child[2];
        REQUIRE(::pipe(to_child) == 0);
        REQUIRE(::pipe(from_child) == 0);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::dup2(to_child[0], 0);
            ::dup2(from_child[1], 1);
            ::close(to_child[1]);
            ::close(from_child[0]);
            std::vector<char*> args;
            for (const auto& a : argv)
                args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        ::close(to_child[0]);
        ::close(from_child[1]);
        in_ = ::fdopen(to_child[1], "w");
        out_ = ::fdopen(from_child[0], "r");
    }
    ~BatchSearcher() {
        if (in_) std::fclose(in_);
        if (out_) std::fclose(out_);
        int st = 0;
        ::waitpid(pid_, &st, 0);
    }
    // Sends a query, returns the answer line parsed.
    nlohmann::json ask(const std::string& query) {
        std::fputs((query + "\n").c_str(), in_);
        std::fflush(in_);
        std::string line;
        int c;
        while ((c = std::fgetc(out_)) != EOF && c != '\n')
            line += static_cast<char>(c);
        INFO("query '" << query << "' answered: " << line);
        REQUIRE(!line.empty());
        return nlohmann::json::parse(line);
    }

  private:
    pid_t pid_ = -1;
    FILE* in_ = nullptr;
    FILE* out_ = nullptr;
};

} // namespace

TEST_CASE("finding 6: --batch sees a commit, a deletion and a compaction made after it started") {
    TempDir tmp;
    std::string db = tmp.path + "/live.db";
    index(db, make_jsonl(tmp.path, "northpier", 20));
    BatchSearcher batch({kSearch, "--db", db, "--batch", "--format", "json", "-n", "50"});

    auto first = batch.ask("site:southpier.example");
    CHECK(first.value("total", -1) == 0);
    CHECK(batch.ask("tide").value("total", -1) == 20);

    // A commit after it started.
    index(db, make_jsonl(tmp.path, "southpier", 7));
    CHECK(batch.ask("site:southpier.example").value("total", -1) == 7);
    CHECK(batch.ask("tide").value("total", -1) == 27);

    // A deletion.
    auto del = run_command(quote(kIndex) + " delete --db " + quote(db) +
                           " --quiet https://southpier.example/tides/3");
    INFO(del.err);
    REQUIRE(del.status == 0);
    auto after_delete = batch.ask("site:southpier.example");
    CHECK(after_delete.value("total", -1) == 6);
    for (const auto& h : after_delete["hits"])
        CHECK(h["id"] != "https://southpier.example/tides/3");

    // A compaction swaps the directory: the batch answers from the new one, and sees
    // commits made into it afterwards.
    auto compact = run_command(quote(kIndex) + " compact --db " + quote(db) + " --quiet");
    INFO(compact.err);
    REQUIRE(compact.status == 0);
    auto after_compact = batch.ask("tide");
    CHECK(!after_compact.contains("error"));
    CHECK(after_compact.value("total", -1) == 26);
    index(db, make_jsonl(tmp.path, "eastpier", 5));
    auto after_more = batch.ask("site:eastpier.example");
    CHECK(!after_more.contains("error"));
    CHECK(after_more.value("total", -1) == 5);
    CHECK(batch.ask("tide").value("total", -1) == 31);
}

TEST_CASE("finding 6: one-shot search, show, people and --count answer while a writer commits "
          "every 5 articles and compacts") {
    TempDir tmp;
    std::string db = tmp.path + "/busy.db";
    index(db, make_jsonl(tmp.path, "westquay", 30));
    std::string a = make_jsonl(tmp.path, "eastquay", 1500);
    std::string b = make_jsonl(tmp.path, "eastquay", 1500, 1500);
    // Small commits, a compaction between them, small commits again, and a final compaction.
    std::string ix = quote(kIndex) + " --db " + quote(db) + " --quiet --jobs 1 ";
    std::string compact = quote(kIndex) + " compact --db " + quote(db) + " --quiet";
    std::string script = ix + "--commit-every 5 " + quote(a) + " && " + compact + " && " + ix +
                         "--commit-every 5 " + quote(b) + " && " + compact;
    pid_t writer = ::fork();
    REQUIRE(writer >= 0);
    if (writer == 0) {
        int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const std::vector<std::vector<std::string>> commands = {
        {"--format", "ids", "-n", "5", "tide"},
        {"show", "https://westquay.example/tides/7"},
        {"people", "tide"},
        {"--count", "harbour"},
        {"--format", "json", "-n", "20", "pilots estuary"},
        {"--format", "tsv", "site:eastquay.example"},
    };
    // Bounded: at most this many commands, or until the writer is done.
    const int max_tries = morgue::test::under_sanitizer() ? 150 : 400;
    int tries = 0, failures = 0, st = 0;
    bool writer_done = false;
    std::string failed;
    while (tries < max_tries && !writer_done) {
        writer_done = ::waitpid(writer, &st, WNOHANG) == writer;
        std::vector<std::string> argv = {kSearch, "--db", db};
        const auto& c = commands[tries % commands.size()];
        argv.insert(argv.end(), c.begin(), c.end());
        BoundedResult r = run_bounded(argv, 60, 4096);
        ++tries;
        // people and --count over this corpus find nothing or something; the rest find.
        bool ok =
            r.signal == 0 && !r.timed_out && (r.status == 0 || r.status == 1) && r.err.empty();
        if (!ok) {
            ++failures;
            failed +=
                c[0] + " " + c.back() + ": exit " + std::to_string(r.status) + ": " + r.err + "\n";
        }
    }
    if (!writer_done) ::waitpid(writer, &st, 0);
    INFO(tries << " commands, failures:\n" << failed);
    CHECK(failures == 0);
    CHECK(tries >= 6);
    CHECK(WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 0);
    auto count = run_command(quote(kSearch) + " --db " + quote(db) + " --count tide");
    CHECK(count.out == "3030\n");
}
