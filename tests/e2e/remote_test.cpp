// End to end over remote shards: sample_corpus/ indexed into two shards (--shard 0/2 and
// 1/2), served by two stock xapian-tcpsrv on 127.0.0.1 (scripts/cluster), searched as one.
// Every feature must give the same bytes over tcp:// as the same shards opened locally,
// and the same totals and facets as one index of all the articles. A stalled or killed
// shard server ends in one clear line or a --partial answer, never a hang: every
// command runs under timeout(1), so a hang fails the test instead of stalling CTest.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace morgue::test;
namespace fs = std::filesystem;
using json = nlohmann::json;

static const std::string kIndex = MORGUE_INDEX_BIN;
static const std::string kSearch = MORGUE_SEARCH_BIN;
static const std::string kSource = MORGUE_SOURCE_DIR;
static const std::string kCluster = kSource + "/scripts/cluster";
// A bound on every command: far above what any takes (under ASan too).
static const std::string kBound = "timeout -k 5 120 ";

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// One index of everything, two shards of it, and two servers over the shards.
struct Archive {
    TempDir dir;
    std::string one, shard0, shard1, run, stub, remote, local;
    json summary0, summary1; // the indexing runs' stderr, kept for the tests
    std::string err0, err1, err_one;
    Archive() {
        one = dir.path + "/one";
        shard0 = dir.path + "/shard0";
        shard1 = dir.path + "/shard1";
        run = dir.path + "/run";
        stub = dir.path + "/shards.stub";
        std::string corpus = quote(kSource + "/sample_corpus");
        auto r = run_command(kBound + kIndex + " --db " + quote(one) + " " + corpus);
        if (r.status != 0) FAIL("indexing the sample corpus failed: " << r.err);
        err_one = r.err;
        r = run_command(kBound + kIndex + " --shard 0/2 --db " + quote(shard0) + " " + corpus);
        if (r.status != 0) FAIL("indexing shard 0 failed: " << r.err);
        err0 = r.err;
        r = run_command(kBound + kIndex + " --shard 1/2 --db " + quote(shard1) + " " + corpus);
        if (r.status != 0) FAIL("indexing shard 1 failed: " << r.err);
        err1 = r.err;
        r = run_command(kBound + kCluster + " start --run-dir " + quote(run) + " --stub " +
                        quote(stub) + " " + quote(shard0) + " " + quote(shard1));
        if (r.status != 0) FAIL("scripts/cluster start failed: " << r.err);
        remote = r.out.substr(0, r.out.find('\n'));
        local = "--db " + quote(shard0) + " --db " + quote(shard1);
    }
    ~Archive() { run_command(kCluster + " stop --run-dir " + quote(run)); }
    pid_t server_pid(int shard) const {
        return static_cast<pid_t>(
            std::stol(slurp(run + "/shard" + std::to_string(shard) + ".pid")));
    }
};

Archive& archive() {
    static Archive a;
    return a;
}

CommandResult search(const std::string& dbs, const std::string& args) {
    return run_command(kBound + kSearch + " " + dbs + " " + args);
}

// The JSON answer's totals and facets, without the hits (whose order among equal
// scores may follow document ids, which differ between one index and two shards).
std::string totals_and_facets(const std::string& out) {
    json j = json::parse(out);
    json k;
    for (const char* key : {"total", "total_exact", "facets", "people"})
        if (j.contains(key)) k[key] = j[key];
    return k.dump();
}

} // namespace

TEST_CASE("--shard K/N splits the archive: every article in exactly one shard") {
    Archive& a = archive();
    Xapian::Database one(a.one), s0(a.shard0), s1(a.shard1);
    CHECK(s0.get_doccount() + s1.get_doccount() == one.get_doccount());
    CHECK(s0.get_doccount() > 0);
    CHECK(s1.get_doccount() > 0);
    // Each id is in one shard only, and in the one the other run skipped.
    for (auto t = one.allterms_begin("Q"); t != one.allterms_end("Q"); ++t) {
        INFO(*t);
        CHECK(s0.term_exists(*t) + s1.term_exists(*t) == 1);
    }
    CHECK(a.err0.find("other shard (--shard 0/2)") != std::string::npos);
    CHECK(a.err1.find("other shard (--shard 1/2)") != std::string::npos);

    // stats over both shards adds them up.
    auto r = run_command(kIndex + " stats --db " + quote(a.shard0) + " --db " + quote(a.shard1));
    REQUIRE(r.status == 0);
    CHECK(r.out.find("index: 2 shards\narticles: " + std::to_string(one.get_doccount()) + "\n") !=
          std::string::npos);

    // Bad specs: one line, exit 2.
    for (const char* bad : {"2/2", "1", "a/b", "-1/2", "0/0"}) {
        auto b = run_command(kIndex + " --shard " + bad + " --db " + quote(a.dir.path + "/x") +
                             " " + quote(kSource + "/sample_corpus/text"));
        INFO(bad << ": " << b.err);
        CHECK(b.status == 2);
        CHECK(b.err.find("--shard takes K/N") != std::string::npos);
    }
}

TEST_CASE("every feature over tcp:// answers as the same shards opened locally") {
    Archive& a = archive();
    REQUIRE(a.remote.find("--db tcp://127.0.0.1:") == 0);
    std::string like = search("--db " + quote(a.one), "--format ids --limit 1 'title:ferry'").out;
    like = like.substr(0, like.find('\n'));
    REQUIRE_FALSE(like.empty());
    const std::vector<std::string> mix = {
        "harbour",
        "'\"ferry strike\"'",
        "--any corvane recall",
        "--sort newest the",
        "--sort oldest --limit 20 the",
        "--sort relevance-recent --now 2025-06-01 --limit 20 the",
        "--sort relevance-recent --now 2024-03-01 --limit 20 bridge",
        "'date:2024-03..2024-05' --limit 20",
        "--since 2023 --until 2024-06 --limit 20 the",
        "'person:okafor' --limit 20",
        "'author:\"Mara Lindqvist\"'",
        "'tag:\"Marenia Rail Strike\"'",
        "'site:harbourgazette.example' --limit 20",
        "--collapse --limit 20 corvane",
        "--like " + quote(like) + " --limit 5",
        "--like " + quote(like) + " ferry",
        "--explain --limit 3 'title:bridge'",
        "--offset 5 --limit 5 the",
        "--count --facet person --facet author --facet source --facet tag --facet lang "
        "--facet year --facet month --facet day the",
        "--facet person:3 --facet month --limit 3 'date:2024'",
        "people the",
        "people --limit 5 'date:2024'",
        "show " + quote(like),
        "--no-suggest zzzzqqq",
    };
    for (const auto& q : mix) {
        INFO(q);
        auto loc = search(a.local, "--format json " + q);
        auto rem = search(a.remote, "--format json " + q);
        auto stub = search("--db " + quote(a.stub), "--format json " + q);
        auto one = search("--db " + quote(a.one), "--format json " + q);
        INFO(loc.err << rem.err);
        REQUIRE((loc.status == 0 || loc.status == 1));
        CHECK(rem.status == loc.status);
        CHECK(rem.out == loc.out);
        // Over remote shards a query that finds little says spelling is unavailable.
        std::string note =
            "morgue-search: spelling suggestions are unavailable over remote shards\n";
        std::string rem_err = rem.err;
        if (auto at = rem_err.find(note); at != std::string::npos) rem_err.erase(at, note.size());
        CHECK(rem_err == loc.err);
        CHECK(stub.out == loc.out);
        if (q.rfind("show", 0) != 0)
            CHECK(totals_and_facets(rem.out) == totals_and_facets(one.out));
        else
            CHECK(rem.out == one.out);
    }
    // The ranking is the one index's too: BM25 statistics are merged across shards.
    auto rem = json::parse(search(a.remote, "--format json --limit 20 harbour").out);
    auto one = json::parse(search("--db " + quote(a.one), "--format json --limit 20 harbour").out);
    std::vector<double> rem_scores, one_scores;
    for (auto& h : rem["hits"])
        rem_scores.push_back(h["score"].get<double>());
    for (auto& h : one["hits"])
        one_scores.push_back(h["score"].get<double>());
    REQUIRE(rem_scores.size() == one_scores.size());
    REQUIRE_FALSE(rem_scores.empty());
    for (std::size_t i = 0; i < rem_scores.size(); ++i)
        CHECK(rem_scores[i] == Approx(one_scores[i]).epsilon(1e-9));
    // Mixed: one shard remote, the other local.
    std::string port1 = a.remote.substr(a.remote.rfind(' ') + 1);
    CHECK(
        search("--db " + quote(a.shard0) + " --db " + port1, "--format json --limit 20 the").out ==
        search(a.local, "--format json --limit 20 the").out);
}

TEST_CASE("stub files and MORGUE_DB name remote shards; Xapian's auto backend opens them") {
    Archive& a = archive();
    Xapian::Database via_auto(a.stub);
    CHECK(via_auto.get_doccount() == Xapian::Database(a.one).get_doccount());
    auto env = run_command(kBound + "env MORGUE_DB=" + quote(a.stub) + " " + kSearch +
                           " --format json --facet person harbour");
    CHECK(env.status == 0);
    CHECK(env.out == search(a.local, "--format json --facet person harbour").out);
    std::string tcp0 = a.remote.substr(5, a.remote.find(' ', 5) - 5); // "tcp://...:P0"
    auto tcp_env = run_command(kBound + "env MORGUE_DB=" + tcp0 + " " + kSearch + " --count the");
    CHECK(tcp_env.status == 0);
    CHECK(tcp_env.out == search("--db " + quote(a.shard0), "--count the").out);
}

TEST_CASE("spelling: suggested from local shards, plainly unavailable over remote ones") {
    Archive& a = archive();
    auto loc = search(a.local, "--format json Okafr");
    CHECK(json::parse(loc.out).value("suggestion", "") == "Okafor");
    auto rem = search(a.remote, "Okafr");
    CHECK(rem.status == 1);
    CHECK(rem.err == "morgue-search: spelling suggestions are unavailable over remote shards\n");
    CHECK(search(a.remote, "--no-suggest Okafr").err.empty());
}

TEST_CASE("a stalled or killed shard: one clear line, or a --partial answer; never a hang") {
    Archive& a = archive();
    std::string port1 = a.remote.substr(a.remote.rfind(':') + 1);
    auto only0 = json::parse(search("--db " + quote(a.shard0), "--format json --limit 50 the").out);

    // Stalled: the server stops answering (SIGSTOP): the timeout ends the wait.
    pid_t p1 = a.server_pid(1);
    REQUIRE(::kill(p1, SIGSTOP) == 0);
    auto stalled = search(a.remote, "--timeout 1 --count the");
    auto partial = search(a.remote, "--timeout 1 --partial --format json --limit 50 the");
    ::kill(p1, SIGCONT);
    CHECK(stalled.status == 2);
    CHECK(stalled.err == "morgue-search: tcp://127.0.0.1:" + port1 +
                             ": the shard server did not answer in time (Timeout expired while "
                             "trying to read); --partial searches the shards that answer\n");
    REQUIRE(partial.status == 0);
    json pj = json::parse(partial.out);
    CHECK(pj["partial"] == true);
    CHECK(pj["missing_shards"].size() == 1);
    CHECK(pj["total"] == only0["total"]);
    CHECK(pj["hits"] == only0["hits"]);
    CHECK(partial.err.find("partial answer without tcp://127.0.0.1:" + port1) != std::string::npos);

    // Killed mid-session: a --batch searcher holds connections to both servers; the
    // second server's process group is killed between two queries.
    std::string d = a.dir.path;
    std::string script =
        "mkfifo " + quote(d + "/in") + "; (" + kSearch + " " + a.remote + " --batch --count < " +
        quote(d + "/in") + " > " + quote(d + "/out") + " 2> " + quote(d + "/err") + "; echo $? > " +
        quote(d + "/rc") + ") & exec 3> " + quote(d + "/in") + "; echo the >&3; " +
        "for i in $(seq 600); do [ -s " + quote(d + "/out") + " ] && break; sleep 0.1; done; " +
        "kill -KILL -- -" + std::to_string(p1) + "; sleep 0.2; echo the >&3; exec 3>&-; wait";
    auto killed = run_command(kBound + "bash -c " + quote(script));
    CHECK(killed.status == 0);
    std::string out = slurp(d + "/out");
    INFO(out << slurp(d + "/err"));
    std::istringstream lines(out);
    std::string first, second;
    std::getline(lines, first);
    std::getline(lines, second);
    auto one = json::parse(search("--db " + quote(a.one), "--format json --count the").out);
    CHECK(json::parse(first)["total"] == one["total"]);
    json err = json::parse(second);
    CHECK(err["error"] == "tcp://127.0.0.1:" + port1 +
                              ": cannot reach the shard server (Couldn't connect); --partial "
                              "searches the shards that answer");
    CHECK(slurp(d + "/rc") == "0\n"); // the batch went on; the first query was answered

    // The server is gone: --partial answers from the other; without it, one line.
    auto dead = search(a.remote, "--count the");
    CHECK(dead.status == 2);
    CHECK(dead.err == "morgue-search: tcp://127.0.0.1:" + port1 +
                          ": cannot reach the shard server (Couldn't connect); --partial "
                          "searches the shards that answer\n");
    auto part = search(a.remote, "--partial --format json --limit 50 the");
    REQUIRE(part.status == 0);
    CHECK(json::parse(part.out)["hits"] == only0["hits"]);
    CHECK(json::parse(part.out)["partial"] == true);
}
