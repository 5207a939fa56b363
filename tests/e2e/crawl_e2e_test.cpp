// End-to-end tests of morgue-index on crawl inputs: the real binary on the WARC and JSON
// Lines fixtures (summary counts, --dry-run output, --errors, stdin), the maintenance
// subcommands, the lock wait, and crash safety (SIGKILL mid-run, then the same command
// again: the index opens, passes xapian-check, and holds every article exactly once).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const std::string kBin = MORGUE_INDEX_BIN;
const std::string kFixtures = MORGUE_FIXTURES;
const std::string kSource = MORGUE_SOURCE_DIR;

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// A fresh scratch directory per test case.
struct Scratch {
    fs::path dir;
    Scratch() {
        dir = fs::temp_directory_path() / ("morgue_e2e_crawl_" + std::to_string(::getpid()) + "_" +
                                           std::to_string(counter()++));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
    std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

struct Run {
    int code = -1;
    std::string out, err;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs morgue-index with args (already quoted where needed); stdin from a file or /dev/null.
Run run(const Scratch& s, const std::string& args, const std::string& stdin_file = "/dev/null") {
    std::string out = s / "stdout.txt", err = s / "stderr.txt";
    std::string cmd = quote(kBin) + " " + args + " <" + quote(stdin_file) + " >" + quote(out) +
                      " 2>" + quote(err);
    int st = std::system(cmd.c_str());
    Run r;
    r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

struct Counts {
    long indexed = -1, updated = -1, unchanged = -1, duplicate = -1, skipped = -1, rejected = -1;
    long truncated = -1; // of indexed and updated, "indexed 9 (2 truncated)"
};

Counts summary(const std::string& err) {
    std::smatch m;
    static const std::regex re(
        "indexed (\\d+)(?: \\((\\d+) truncated\\))?, updated (\\d+), "
        "unchanged (\\d+), duplicate (\\d+), skipped (\\d+), rejected (\\d+)");
    Counts c;
    if (std::regex_search(err, m, re)) {
        c.indexed = std::stol(m[1]);
        c.truncated = m[2].matched ? std::stol(m[2]) : 0;
        c.updated = std::stol(m[3]);
        c.unchanged = std::stol(m[4]);
        c.duplicate = std::stol(m[5]);
        c.skipped = std::stol(m[6]);
        c.rejected = std::stol(m[7]);
    }
    return c;
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
    std::vector<nlohmann::json> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    return out;
}

const std::string kHtmlNotYet = "HTML pages are not indexed by this build";

// HTML records end as articles once the HTML extractor is linked in, and as rejections
// with kHtmlNotYet before: the reader's counts hold either way.
long html_rejections(const std::string& err) {
    std::smatch m;
    std::regex re("rejected (\\d+): " + kHtmlNotYet);
    return std::regex_search(err, m, re) ? std::stol(m[1]) : 0;
}

} // namespace

TEST_CASE("e2e: a WARC with every record type: counts by outcome and reason") {
    Scratch s;
    for (std::string file : {"responses.warc", "responses.warc.gz", "whole.warc.gz"}) {
        INFO(file);
        Run r = run(s, "--dry-run --print jsonl " + quote(kFixtures + "/warc/" + file));
        INFO(r.err);
        CHECK(r.code == 0);
        Counts c = summary(r.err);
        CHECK(c.unchanged == 1); // the revisit record
        CHECK(c.skipped == 7);
        // 6 HTML pages + 1 WET text + 1 binary page labelled HTML; the WET text has the
        // ferry page's URL: the same id again, a duplicate (--dry-run counts as a run would).
        CHECK(c.indexed + c.duplicate + c.rejected == 8);
        CHECK(c.duplicate == 1);
        CHECK(c.indexed == 6 - html_rejections(r.err));
        for (const char* reason :
             {"skipped 1: HTTP status 301", "skipped 1: HTTP status 404",
              "skipped 1: WARC metadata record", "skipped 1: WARC request record",
              "skipped 1: WARC warcinfo record", "skipped 1: not HTML (image/png)",
              "skipped 1: not HTML (application/pdf)", "rejected 1: binary data, not an HTML page"})
            CHECK(r.err.find(reason) != std::string::npos);
        // The WET conversion record is an article now: URL from WARC-Target-URI, the
        // WARC-Date as its date, marked as a fetch date.
        bool wet = false;
        for (const auto& a : json_lines(r.out)) {
            if (a["format"] != "wet") continue;
            wet = true;
            CHECK(a["url"] == "https://harbourgazette.example/2025/03/ferry-strike.html");
            CHECK(a["title"] == "Ferry crews walk out over night-shift rosters");
            CHECK(a["date"] == "2025-03-14");
            CHECK(a["date_source"] == "fetch");
            CHECK(a["published"] == "2025-03-14T08:20:00Z");
        }
        CHECK(wet);
    }
}

TEST_CASE("e2e: damaged WARCs lose only the damaged records; --errors names each") {
    Scratch s;
    Run r = run(s, "--dry-run --errors " + quote(s / "errors.jsonl") + " " +
                       quote(kFixtures + "/warc/damaged.warc") + " " +
                       quote(kFixtures + "/warc/damaged.warc.gz"));
    INFO(r.err);
    CHECK(r.code == 0);
    Counts c = summary(r.err);
    // damaged.warc: 3 HTML + 1 WET kept, 3 rejected; damaged.warc.gz: 3 whole HTML pages
    // kept, the member cut by the end of the file kept as what it holds (truncated), 2
    // rejected (a member broken into the next one, bytes that are not gzip).
    CHECK(c.indexed + c.duplicate + c.rejected == 4 + 3 + 4 + 2);
    CHECK(c.indexed + c.duplicate == 8 - html_rejections(r.err));
    CHECK(c.truncated == 1);
    CHECK(r.err.find(" (1 truncated), updated 0") != std::string::npos);
    CHECK(r.err.find("rejected 1: corrupt gzip data") != std::string::npos);
    CHECK(r.err.find("rejected 1: garbage between WARC records (59 bytes skipped)") !=
          std::string::npos);
    CHECK(r.err.find("rejected 2: wrong Content-Length (the record does not end where it says)") !=
          std::string::npos);
    CHECK(r.err.find("rejected 1: data after a gzip member is not gzip") != std::string::npos);
    // Rejections are named on stderr with file and offset.
    CHECK(r.err.find("damaged.warc@1247: garbage between WARC records") != std::string::npos);

    auto errors = json_lines(slurp(s / "errors.jsonl"));
    REQUIRE(errors.size() == static_cast<std::size_t>(c.rejected));
    std::map<std::string, int> by_reason;
    for (const auto& e : errors) {
        ++by_reason[e["reason"]];
        CHECK(e["file"].get<std::string>().find("/warc/damaged.warc") != std::string::npos);
        CHECK(e["offset"].is_number_unsigned());
        CHECK(e["record"].get<std::string>().find('@') != std::string::npos);
    }
    CHECK(by_reason["wrong Content-Length (the record does not end where it says)"] == 2);
    for (const auto& e : errors)
        if (e["reason"] == "wrong Content-Length (the record does not end where it says)")
            CHECK(e["record_id"].get<std::string>().rfind("urn:uuid:", 0) == 0);
    // Progress is for terminals only: stderr here is a file.
    CHECK(r.err.find('\r') == std::string::npos);
}

TEST_CASE("e2e: JSON Lines index, re-index unchanged, stats, delete, compact") {
    Scratch s;
    std::string db = quote(s / "news.db");
    std::string input = quote(kSource + "/sample_corpus/crawl/export.jsonl");
    Run first = run(s, "--db " + db + " " + input);
    INFO(first.err);
    REQUIRE(first.code == 0);
    Counts c = summary(first.err);
    CHECK(c.indexed == 5);
    CHECK(c.rejected == 0);

    Run again = run(s, "--db " + db + " " + input);
    CHECK(summary(again.err).unchanged == 5);
    CHECK(summary(again.err).indexed == 0);

    // One article changed since: updated, the rest unchanged.
    {
        std::string text = slurp(kSource + "/sample_corpus/crawl/export.jsonl");
        auto at = text.find("resumes on Wednesday");
        REQUIRE(at != std::string::npos);
        text.replace(at, 20, "resumes on Thursday");
        std::ofstream(s / "changed.jsonl") << text;
    }
    Run changed = run(s, "--db " + db + " " + quote(s / "changed.jsonl"));
    CHECK(summary(changed.err).updated == 1);
    CHECK(summary(changed.err).unchanged == 4);

    Run stats = run(s, "stats --db " + db);
    INFO(stats.out);
    CHECK(stats.code == 0);
    CHECK(stats.out.find("articles: 5\n") != std::string::npos);
    CHECK(stats.out.find("dates: 2025-03-17 .. 2025-03-20 (5 dated, 0 without a date)") !=
          std::string::npos);
    CHECK(stats.out.find("sources: 1\n  harbourgazette.example: 5\n") != std::string::npos);
    CHECK(stats.out.find("size on disk: ") != std::string::npos);

    // Deleting by the URL as a user has it (tracking parameter and all).
    Run del = run(s, "delete --db " + db +
                         " 'https://harbourgazette.example/2025/03/auction-stays.html?utm_source=x'"
                         " https://harbourgazette.example/no-such-story");
    CHECK(del.code == 0);
    CHECK(del.err.find("no article https://harbourgazette.example/no-such-story") !=
          std::string::npos);
    CHECK(run(s, "stats --db " + db).out.find("articles: 4\n") != std::string::npos);
    CHECK(run(s, "delete --db " + db + " nothing-here").code == 1);

    Run compact = run(s, "compact --db " + db);
    INFO(compact.err);
    CHECK(compact.code == 0);
    CHECK(Xapian::Database::check(s / "news.db") == 0);
    CHECK(Xapian::Database(s / "news.db").get_doccount() == 4);
    CHECK(!fs::exists(s / ("news.db.compact-" + std::to_string(::getpid()))));
    CHECK(run(s, "stats --db " + quote(s / "missing.db")).code == 2);
}

TEST_CASE("e2e: JSON Lines on stdin, duplicates, oversized lines, gzip plain files") {
    Scratch s;
    Run r = run(s, "--dry-run --print jsonl --format jsonl -",
                kSource + "/sample_corpus/crawl/export.jsonl");
    CHECK(r.code == 0);
    auto articles = json_lines(r.out);
    REQUIRE(articles.size() == 5);
    CHECK(articles[0]["path"] == "-:1");
    CHECK(articles[4]["date_source"] == "fetch");

    {
        std::ofstream f(s / "dups.jsonl");
        f << R"({"title": "Quay", "text": "The quay reopens.", "url": "https://a.example/quay"})"
          << '\n'
          << R"({"title": "Quay", "text": "The quay reopens.", "url": "https://a.example/quay#top"})"
          << '\n'
          << R"({"title": "Quay", "text": "The quay reopens.", "url": "https://mirror.example/q"})"
          << '\n'
          << R"({"title": "Pier", "text": ")" << std::string(3000, 'x') << "\"}\n"
          << "{not json}\n"
          << R"({"title": "Pier", "text": "The pier closes."})" << '\n';
    }
    Run d =
        run(s, "--db " + quote(s / "d.db") + " --max-record-size 2000 " + quote(s / "dups.jsonl"));
    INFO(d.err);
    Counts c = summary(d.err);
    // The mirror's copy has its own URL: its own article (morgue-search --collapse folds
    // it); only the same URL again (a fragment is not part of it) is a duplicate.
    CHECK(c.indexed == 3);
    CHECK(c.duplicate == 1);
    CHECK(c.rejected == 2);
    CHECK(d.err.find("dups.jsonl:4: line larger than --max-record-size (2000 bytes)") !=
          std::string::npos);
    CHECK(d.err.find("dups.jsonl:5: not valid JSON") != std::string::npos);
    CHECK(Xapian::Database(s / "d.db").get_doccount() == 3);

    // Any file may be gzip-compressed: a .txt.gz article.
    std::string gz = s / "three_authors.txt.gz";
    REQUIRE(
        std::system(("gzip -c " + quote(kFixtures + "/text/three_authors.txt") + " > " + quote(gz))
                        .c_str()) == 0);
    Run t = run(s, "--dry-run --print jsonl " + quote(gz));
    REQUIRE(json_lines(t.out).size() == 1);
    CHECK(json_lines(t.out)[0]["title"] == "Harbour Council Votes to Close Old Ferry Pier");
}

TEST_CASE("e2e: a second writer waits for the lock, then gives up after --lock-timeout") {
    Scratch s;
    std::string db = s / "locked.db";
    Xapian::WritableDatabase holder(db, Xapian::DB_CREATE_OR_OPEN);
    auto t0 = std::chrono::steady_clock::now();
    Run r = run(s, "--db " + quote(db) + " --lock-timeout 1 " +
                       quote(kSource + "/sample_corpus/crawl/export.jsonl"));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(r.code == 2);
    CHECK(r.err.find("waiting for another morgue-index to finish") != std::string::npos);
    CHECK(r.err.find("gave up after 1 s (--lock-timeout)") != std::string::npos);
    CHECK(secs >= 1.0);
    holder.close();
    CHECK(run(s, "--db " + quote(db) + " --lock-timeout 1 " +
                     quote(kSource + "/sample_corpus/crawl/export.jsonl"))
              .code == 0);
}

TEST_CASE("e2e: SIGKILL mid-run leaves an index that opens and checks; re-running completes it") {
    Scratch s;
    const int n = 6000;
    std::string input = s / "generated.jsonl";
    {
        std::ofstream f(input);
        for (int i = 0; i < n; ++i)
            f << R"({"title": "Tide report )" << i << R"(", "text": "Harbour master's note )" << i
              << R"( on the tides at the north mole.\nSecond paragraph )" << i * 7
              << R"(.", "url": "https://tides.example/report/)" << i
              << R"(", "date_publish": "2025-02-)" << (i % 28 + 10) % 28 + 1 << "\"}\n";
    }
    // --jobs 1 writes straight into the index, committing every 100; --jobs 2 builds
    // shards beside it (db.bulk/) and compacts them in at the end.
    const std::string jobs = GENERATE(as<std::string>{}, "1", "2");
    const bool bulk = jobs == "2";
    INFO("--jobs " << jobs);
    std::string db = s / ("crash" + jobs + ".db");
    std::string bulk_dir = db + ".bulk";
    std::vector<std::string> argv_s = {kBin, "--db",    db,   "--commit-every", "100", "--jobs",
                                       jobs, "--quiet", input};
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::vector<char*> argv;
        for (auto& a : argv_s)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 2);
        ::execv(kBin.c_str(), argv.data());
        ::_exit(127);
    }
    // Wait until some batches are committed, then kill it in the middle of the run.
    auto committed = [&]() -> Xapian::doccount {
        Xapian::doccount total = 0;
        try {
            if (!bulk) return Xapian::Database(db).get_doccount();
            for (int k = 0; k < 2; ++k)
                total += Xapian::Database(bulk_dir + "/" + std::to_string(k)).get_doccount();
        } catch (const Xapian::Error&) {
        }
        return total;
    };
    Xapian::doccount seen = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        seen = committed();
        if (seen >= 300) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    int st = 0;
    bool still_running = ::waitpid(pid, &st, WNOHANG) == 0;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &st, 0);
    REQUIRE(still_running); // killed mid-run, not after it finished
    REQUIRE(WIFSIGNALED(st));

    Xapian::doccount after_kill = committed();
    INFO("articles committed before the kill: " << after_kill);
    CHECK(after_kill >= 300);
    CHECK(after_kill < static_cast<Xapian::doccount>(n));
    if (!bulk) CHECK(after_kill % 100 == 0); // only whole batches: commits are atomic
    // The index itself opens and checks (in a bulk build it is still empty).
    CHECK(Xapian::Database(db).get_doccount() == (bulk ? 0 : after_kill));
    CHECK(Xapian::Database::check(db) == 0);
    CHECK(std::system(("xapian-check " + quote(db) + " >/dev/null").c_str()) == 0);

    // The same command again finishes the job.
    Run r = run(s, "--db " + quote(db) + " --commit-every 100 --jobs " + jobs + " " + quote(input));
    INFO(r.err);
    REQUIRE(r.code == 0);
    Counts c = summary(r.err);
    CHECK(c.unchanged == static_cast<long>(after_kill));
    CHECK(c.indexed == n - static_cast<long>(after_kill));
    CHECK(c.rejected == 0);
    CHECK_FALSE(std::filesystem::exists(bulk_dir));

    Xapian::Database final_db(db);
    CHECK(final_db.get_doccount() == static_cast<Xapian::doccount>(n));
    for (int i = 0; i < n; ++i) {
        std::string term = "Qhttps://tides.example/report/" + std::to_string(i);
        if (final_db.get_termfreq(term) != 1) FAIL("article " << i << " is not there exactly once");
    }
    CHECK(Xapian::Database::check(db) == 0);
    CHECK(std::system(("xapian-check " + quote(db) + " >/dev/null").c_str()) == 0);
}

TEST_CASE("e2e: a progress line on a terminal only, and not with --quiet") {
    if (std::system("command -v script >/dev/null 2>&1") != 0) {
        WARN("util-linux 'script' is not installed: the terminal case is not tested");
        return;
    }
    Scratch s;
    std::string input = quote(kSource + "/sample_corpus/crawl/export.jsonl");
    // script(1) gives the program a pseudo-terminal as stdout and stderr.
    auto on_tty = [&](const std::string& args) {
        std::string cmd = "script -qec " + quote(quote(kBin) + " " + args) + " /dev/null > " +
                          quote(s / "tty.txt") + " 2>&1";
        REQUIRE(std::system(cmd.c_str()) == 0);
        return slurp(s / "tty.txt");
    };
    std::string tty = on_tty("--dry-run " + input);
    // "\r1 records, 0.0 MB, 693 records/s": how many records the first line counts
    // depends on timing, so only its shape is checked.
    auto line = tty.find(" records, 0.0 MB, ");
    REQUIRE(line != std::string::npos);
    CHECK(tty.rfind('\r', line) != std::string::npos);
    CHECK(tty.find(" records/s", line) != std::string::npos);
    CHECK(tty.find("\r\x1b[K") != std::string::npos); // the line is cleared at the end
    CHECK(tty.find("indexed 5,") != std::string::npos);
    std::string quiet = on_tty("--dry-run --quiet " + input);
    CHECK(quiet.find("records,") == std::string::npos);
    CHECK(quiet.find("indexed 5,") == std::string::npos);
    // Not a terminal: no progress, the summary only.
    Run r = run(s, "--dry-run " + input);
    CHECK(r.err.find("records,") == std::string::npos);
    CHECK(r.err.find("indexed 5,") != std::string::npos);
}

TEST_CASE("e2e: N JSON Lines records with N distinct ids are N articles") {
    // A wire archive: briefs (a headline, no text), a story re-sent under new ids with the
    // same text, a text without a headline, a record with nothing to search, and an id
    // sent twice (the later record wins).
    Scratch s;
    {
        std::ofstream f(s / "wire.jsonl");
        f << R"({"id": 1, "title": "TREASURY BALANCE AT FED ROSE ON MARCH 4"})" << '\n'
          << R"({"id": 2, "title": "TREASURY BALANCE AT FED FELL ON MARCH 5"})" << '\n'
          << R"({"id": 3, "title": "Grain barges resume", "text": "Barges left the upper river at dawn."})"
          << '\n'
          << R"({"id": 4, "title": "Grain barges resume", "text": "Barges left the upper river at dawn."})"
          << '\n'
          << R"({"id": 5, "title": "Grain barges resume", "text": "Barges left the upper river at dawn."})"
          << '\n'
          << R"({"id": 6, "text": "Copper futures closed higher on hopes of new smelter demand."})"
          << '\n'
          << R"({"id": 7, "title": "Coffee growers meet", "text": ""})" << '\n'
          << R"({"id": 8, "tags": ["empty"]})" << '\n'
          << R"({"id": 6, "text": "Copper futures closed higher on strong smelter demand."})"
          << '\n';
    }
    std::string db = s / "wire.db";
    Run r = run(s, "--db " + quote(db) + " --errors " + quote(s / "errors.jsonl") + " " +
                       quote(s / "wire.jsonl"));
    INFO(r.err);
    CHECK(r.code == 0);
    Counts c = summary(r.err);
    // 7 distinct ids with a title or a text: 7 articles; id 8 has nothing to search; id 6
    // again is a duplicate of an id, and its later text is the one kept.
    CHECK(c.indexed == 7);
    CHECK(c.duplicate == 1);
    CHECK(c.rejected == 1);
    CHECK(c.indexed + c.updated + c.unchanged + c.duplicate + c.skipped + c.rejected == 9);
    CHECK(r.err.find("wire.jsonl:8: JSON article has nothing to search (no title, text or html)") !=
          std::string::npos);
    auto errors = json_lines(slurp(s / "errors.jsonl"));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]["record"].get<std::string>().find("wire.jsonl:8") != std::string::npos);
    Xapian::Database x(db);
    CHECK(x.get_doccount() == 7);
    for (std::string id : {"1", "2", "3", "4", "5", "6", "7"}) {
        INFO(id);
        CHECK(x.postlist_begin("Q" + id) != x.postlist_end("Q" + id));
    }
    // The later id 6 replaced the earlier.
    Xapian::Document six = x.get_document(*x.postlist_begin("Q6"));
    CHECK(six.get_data().find("strong smelter demand") != std::string::npos);

    // The re-sent story is three articles; --collapse folds them into one hit.
    std::string search = quote(MORGUE_SEARCH_BIN) + " --db " + quote(db) + " --format ids ";
    auto ids = [&](const std::string& args) {
        std::string out = s / "ids.txt";
        int st = std::system((search + args + " >" + quote(out) + " 2>/dev/null").c_str());
        CHECK(WIFEXITED(st));
        std::vector<std::string> v;
        std::istringstream in(slurp(out));
        for (std::string line; std::getline(in, line);)
            v.push_back(line);
        return v;
    };
    CHECK(ids("barges").size() == 3);
    CHECK(ids("--collapse barges").size() == 1);
    CHECK(ids("treasury").size() == 2);
}

TEST_CASE("e2e: WARC quirks from the wild are read; cut records are indexed, marked truncated") {
    Scratch s;
    std::string inputs = quote(kFixtures + "/warc/quirks-0.18.warc") + " " +
                         quote(kFixtures + "/warc/cut-record.warc") + " " +
                         quote(kFixtures + "/warc/cut-member.warc.gz");
    Run dry = run(s, "--dry-run --print jsonl " + inputs);
    INFO(dry.err);
    CHECK(dry.code == 0);
    auto articles = json_lines(dry.out);
    REQUIRE(articles.size() == 8);
    std::map<std::string, bool> truncated;
    for (const auto& a : articles)
        truncated[a["url"].get<std::string>()] = a.value("truncated", false);
    const std::string site = "https://harbourgazette.example/";
    CHECK(truncated.at(site + "archive/lighthouse-museum.html") == false);
    CHECK(truncated.at(site + "archive/ferry-ja.html") == false);
    CHECK(truncated.at(site + "2025/03/fish-prices.html") == true);      // WARC-Truncated
    CHECK(truncated.at(site + "2025/03/robotics-prize.html") == true);   // the file ends
    CHECK(truncated.at(site + "2025/03/quay-road-bridge.html") == true); // the member ends
    CHECK(truncated.at(site + "2025/03/ferry-strike.html") == false);
    // The ferry page is in two of the files: the same URL, one duplicate.
    Counts c = summary(dry.err);
    CHECK(c.indexed == 7);
    CHECK(c.duplicate == 1);
    CHECK(c.truncated == 3);
    CHECK(c.rejected == 0);
    CHECK(c.skipped == 1); // the warcinfo record
    CHECK(dry.err.find("indexed 7 (3 truncated), updated 0") != std::string::npos);

    // Stored, and shown by morgue-search show.
    std::string db = s / "quirks.db";
    Run r = run(s, "--db " + quote(db) + " " + inputs);
    CHECK(r.code == 0);
    CHECK(summary(r.err).truncated == 3);
    CHECK(Xapian::Database(db).get_doccount() == 7);
    std::string out = s / "show.json";
    std::string show = quote(MORGUE_SEARCH_BIN) + " --db " + quote(db) + " show ";
    REQUIRE(std::system((show + quote(site + "2025/03/robotics-prize.html") + " --format json >" +
                         quote(out))
                            .c_str()) == 0);
    auto shown = nlohmann::json::parse(slurp(out));
    CHECK(shown["truncated"] == true);
    CHECK(shown["title"] == "Harbour school wins national robotics prize");
    REQUIRE(std::system(
                (show + quote(site + "2025/03/ferry-strike.html") + " --format json >" + quote(out))
                    .c_str()) == 0);
    CHECK_FALSE(nlohmann::json::parse(slurp(out)).contains("truncated"));
    REQUIRE(std::system((show + quote(site + "2025/03/quay-road-bridge.html") + " >" + quote(out))
                            .c_str()) == 0);
    CHECK(slurp(out).find("truncated: yes") != std::string::npos);
}
