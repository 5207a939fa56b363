// Concurrency and crash safety with the real binaries: a reader querying in a loop while
// a writer indexes and commits into the same index, two writers at once, and SIGKILL at
// several seeded points of a run.
#include "bounded_run.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using morgue::test::BoundedResult;
using morgue::test::quote;
using morgue::test::run_bounded;
using morgue::test::TempDir;

namespace {

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;

double bound() {
    return morgue::test::under_sanitizer() ? 300 : 90;
}

// n JSON Lines articles with distinct URLs under `site`.
std::string make_jsonl(const std::string& dir, const std::string& site, int n) {
    std::string path = dir + "/" + site + ".jsonl";
    std::ofstream f(path);
    for (int i = 0; i < n; ++i)
        f << R"({"title": "Lighthouse log )" << i << R"( from )" << site
          << R"(", "text": "The keeper of the )" << site << R"( light wrote entry )" << i
          << R"( about fog over the breakwater.\nA second paragraph numbered )" << i * 3
          << R"(.", "url": "https://)" << site << R"(.example/log/)" << i
          << R"(", "date_publish": "2025-03-)" << (i % 28 + 1 < 10 ? "0" : "") << (i % 28 + 1)
          << "\"}\n";
    return path;
}

// Starts a program in the background with stdout/stderr to files; returns its pid.
pid_t spawn(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int in = ::open("/dev/null", O_RDONLY);
        ::dup2(in, 0);
        ::dup2(o, 1);
        ::dup2(e, 2);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

bool running(pid_t pid, int& status) {
    return ::waitpid(pid, &status, WNOHANG) == 0;
}

std::string slurp(const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

bool xapian_check(const std::string& db) {
    return std::system(("xapian-check " + quote(db) + " >/dev/null 2>&1").c_str()) == 0;
}

} // namespace

TEST_CASE("concurrency: queries in a loop while a writer indexes and commits all answer") {
    TempDir tmp;
    std::string db = tmp.path + "/live.db";
    std::string first = make_jsonl(tmp.path, "northmole", 50);
    std::string more = make_jsonl(tmp.path, "southmole", 3000);
    REQUIRE(run_bounded({kIndex, "--db", db, "--quiet", first}, bound(), 4096).status == 0);

    pid_t writer =
        spawn({kIndex, "--db", db, "--quiet", "--jobs", "1", "--commit-every", "50", more},
              tmp.path + "/w.out", tmp.path + "/w.err");
    int st = 0, queries = 0;
    const std::vector<std::string> qs = {
        "lighthouse",           "fog breakwater", "title:log", "keeper AND NOT southmole",
        "\"second paragraph\"", "date:2025-03"};
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(bound());
    bool writer_done = false;
    do {
        writer_done = !running(writer, st);
        const std::string& q = qs[queries % qs.size()];
        BoundedResult r =
            run_bounded({kSearch, "--db", db, "--format", "ids", "-n", "5", q}, 60, 4096);
        INFO("query " << queries << " '" << q << "': exit " << r.status << ", stderr: " << r.err);
        REQUIRE(r.signal == 0);
        REQUIRE(!r.timed_out);
        REQUIRE((r.status == 0 || r.status == 1));
        REQUIRE(r.err.empty());
        ++queries;
    } while (!writer_done && std::chrono::steady_clock::now() < deadline);
    if (!writer_done) {
        ::kill(writer, SIGKILL);
        ::waitpid(writer, &st, 0);
        FAIL("the writer did not finish in time");
    }
    INFO("writer stderr: " << slurp(tmp.path + "/w.err"));
    CHECK(WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 0);
    CHECK(queries >= 3);
    CHECK(Xapian::Database(db).get_doccount() == 3050);
    CHECK(xapian_check(db));
}

TEST_CASE("concurrency: a second writer waits for the first, or gives up with a clear message") {
    TempDir tmp;
    std::string db = tmp.path + "/two.db";
    std::string a = make_jsonl(tmp.path, "eastquay", 4000);
    std::string b = make_jsonl(tmp.path, "westquay", 200);
    pid_t first = spawn({kIndex, "--db", db, "--quiet", "--jobs", "1", "--commit-every", "200", a},
                        tmp.path + "/a.out", tmp.path + "/a.err");
    // Wait until the first writer holds the index.
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int st = 0;
    while (!std::filesystem::exists(db) && running(first, st) &&
           std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));

    SECTION("with a short --lock-timeout it gives up, naming the reason") {
        BoundedResult r =
            run_bounded({kIndex, "--db", db, "--lock-timeout", "0.3", b}, bound(), 4096);
        bool first_still_running = running(first, st);
        INFO("second writer: exit " << r.status << ", stderr: " << r.err);
        CHECK(r.signal == 0);
        if (first_still_running) {
            CHECK(r.status == 2);
            CHECK(r.err.find("--lock-timeout") != std::string::npos);
        }
        if (first_still_running) ::waitpid(first, &st, 0);
        CHECK(WEXITSTATUS(st) == 0);
        CHECK(xapian_check(db));
        Xapian::doccount n = Xapian::Database(db).get_doccount();
        CHECK((n == 4000 || n == 4200));
    }
    SECTION("with a long --lock-timeout it waits, says so, then indexes its articles") {
        BoundedResult r =
            run_bounded({kIndex, "--db", db, "--lock-timeout", "600", b}, bound(), 4096);
        INFO("second writer: exit " << r.status << ", stderr: " << r.err);
        CHECK(r.signal == 0);
        CHECK(r.status == 0);
        // It had to wait (the first writer runs for seconds): it says so.
        if (r.seconds > 2)
            CHECK(r.err.find("waiting for another morgue-index") != std::string::npos);
        ::waitpid(first, &st, 0);
        CHECK(WEXITSTATUS(st) == 0);
        CHECK(xapian_check(db));
        CHECK(Xapian::Database(db).get_doccount() == 4200);
    }
}

TEST_CASE(
    "crash safety: SIGKILL at seeded random points; the index checks and a re-run completes it") {
    TempDir tmp;
    const int n = 2500;
    std::string input = make_jsonl(tmp.path, "tidegauge", n);
    for (unsigned seed : {11u, 23u, 47u}) {
        DYNAMIC_SECTION("seed " << seed) {
            std::string db = tmp.path + "/kill" + std::to_string(seed) + ".db";
            std::mt19937 rng(seed);
            // Somewhere from creating the index to well into the run.
            int delay_ms = std::uniform_int_distribution<int>(
                20, morgue::test::under_sanitizer() ? 3000 : 800)(rng);
            pid_t pid =
                spawn({kIndex, "--db", db, "--quiet", "--jobs", "2", "--commit-every", "97", input},
                      tmp.path + "/k.out", tmp.path + "/k.err");
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
            int st = 0;
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &st, 0);
            INFO("killed after " << delay_ms << " ms");
            if (std::filesystem::exists(db)) {
                Xapian::doccount before = Xapian::Database(db).get_doccount();
                INFO("articles before the kill: " << before);
                CHECK(xapian_check(db));
            }
            BoundedResult r = run_bounded({kIndex, "--db", db, input}, bound(), 4096);
            INFO("re-run: " << r.err);
            REQUIRE(r.status == 0);
            Xapian::Database d(db);
            CHECK(d.get_doccount() == static_cast<Xapian::doccount>(n));
            for (int i = 0; i < n; i += 1) {
                std::string term = "Qhttps://tidegauge.example/log/" + std::to_string(i);
                if (d.get_termfreq(term) != 1)
                    FAIL("article " << i << " is not there exactly once");
            }
            CHECK(xapian_check(db));
        }
    }
}
