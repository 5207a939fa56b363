// Safety of the user's files, runs and terminal (issue 19), with the real binaries: one
// test per finding, named "safety N: ..." for the finding it covers. docs/safety.md says
// what each promise is and points here.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/mount.h>
#include <unistd.h>

namespace fs = std::filesystem;
using morgue::test::quote;
using morgue::test::run_command;
using morgue::test::TempDir;
using namespace std::string_literals;

namespace {

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;
const std::string kFixtures = MORGUE_FIXTURES;

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// n JSON Lines articles with URLs under tag, about harbours.
std::string articles(const std::string& tag, int n, int body_repeat = 1) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        std::string body;
        for (int k = 0; k < body_repeat; ++k)
            body += "Ships and cargo moved through the harbour on day " + std::to_string(i) + ". ";
        out += nlohmann::json{{"title", "Story " + tag + " " + std::to_string(i) + " on harbours"},
                              {"text", body + "Tugs " + tag + std::to_string(i) + " waited."},
                              {"url", "https://example.com/" + tag + "/" + std::to_string(i)}}
                   .dump() +
               "\n";
    }
    return out;
}

Xapian::doccount doccount(const std::string& db) {
    return Xapian::Database(db).get_doccount();
}

std::string index_cmd(const std::string& args) {
    return quote(kIndex) + " " + args;
}

int lines_of(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

// A small tmpfs at dir for as long as it lives: only root can mount one.
struct SmallDisk {
    explicit SmallDisk(const std::string& d, const char* size) : dir(d) {
        fs::create_directories(dir);
        std::string opts = std::string("size=") + size;
        mounted = ::geteuid() == 0 && ::mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted) ::umount2(dir.c_str(), MNT_DETACH);
    }
    std::string dir;
    bool mounted = false;
};

} // namespace

TEST_CASE("safety 1: --db on a user's directory leaves every file in it") {
    TempDir t;
    write(t.path + "/a.jsonl", articles("a", 3));
    std::string d = t.path + "/d";
    fs::create_directories(d + "/sub");
    write(d + "/notes.txt", "precious\n");
    write(d + "/sub/more.txt", "also precious\n");

    auto r = run_command(index_cmd("--db " + quote(d) + " " + quote(t.path + "/a.jsonl")));
    CHECK(r.status == 2);
    CHECK(lines_of(r.err) == 1);
    CHECK(r.err.find("not a Morgue index") != std::string::npos);
    CHECK(slurp(d + "/notes.txt") == "precious\n");
    CHECK(slurp(d + "/sub/more.txt") == "also precious\n");
    CHECK(std::distance(fs::directory_iterator(d), fs::directory_iterator()) == 2);

    // `--db victim victim` and `cd dir; morgue-index --db . .`: the same refusal.
    r = run_command(index_cmd("--db " + quote(d) + " " + quote(d)));
    CHECK(r.status == 2);
    r = run_command("cd " + quote(d) + " && " + index_cmd("--db . ."));
    CHECK(r.status == 2);
    CHECK(slurp(d + "/notes.txt") == "precious\n");
    CHECK(std::distance(fs::directory_iterator(d), fs::directory_iterator()) == 2);
    // Nothing was left beside it either (no half-made index, no shards).
    CHECK(std::distance(fs::directory_iterator(t.path), fs::directory_iterator()) == 2);

    // An empty directory is a fine place for a new index.
    fs::create_directories(t.path + "/empty");
    r = run_command(
        index_cmd("-q --db " + quote(t.path + "/empty") + " " + quote(t.path + "/a.jsonl")));
    CHECK(r.status == 0);
    CHECK(doccount(t.path + "/empty") == 3);
}

TEST_CASE("safety 2: 20 paired runs creating one new index keep every article") {
    TempDir t;
    write(t.path + "/a.jsonl", articles("a", 20));
    write(t.path + "/b.jsonl", articles("b", 20));
    std::string db = t.path + "/db";
    int kept_all = 0;
    for (int i = 0; i < 20; ++i) {
        // Half the pairs build in bulk (shards), half with one writer.
        std::string jobs = i % 2 ? "-j 1" : "-j 2";
        fs::remove_all(db);
        fs::remove_all(db + ".bulk");
        std::string run =
            "(" +
            index_cmd("-q " + jobs + " --db " + quote(db) + " " + quote(t.path + "/a.jsonl")) +
            "; echo $? >" + quote(t.path + "/rc1") + ") & (" +
            index_cmd("-q " + jobs + " --db " + quote(db) + " " + quote(t.path + "/b.jsonl")) +
            "; echo $? >" + quote(t.path + "/rc2") + ") & wait";
        auto r = run_command(run);
        INFO("pair " << i << ": " << r.err);
        CHECK(slurp(t.path + "/rc1") == "0\n");
        CHECK(slurp(t.path + "/rc2") == "0\n");
        CHECK(r.err.find("terminate") == std::string::npos);
        Xapian::doccount n = doccount(db);
        CHECK(n == 40);
        kept_all += n == 40;
    }
    CHECK(kept_all == 20);
}

TEST_CASE("safety 3: one 300-byte CJK word does not stop a 6,001-article run") {
    TempDir t;
    std::string input = articles("c", 6000);
    std::string cjk;
    for (int i = 0; i < 100; ++i)
        cjk += "\xe4\xb8\xad"; // 中: 100 of them, 300 bytes without a break
    input.insert(input.find('\n', input.size() / 2) + 1,
                 nlohmann::json{{"title", cjk},
                                {"text", cjk + " harbour"},
                                {"tags", {cjk}},
                                {"url", "https://example.com/cjk"}}
                         .dump() +
                     "\n");
    write(t.path + "/in.jsonl", input);
    std::string db = t.path + "/db";
    auto r = run_command(index_cmd("-q --db " + quote(db) + " " + quote(t.path + "/in.jsonl")));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(doccount(db) >= 6000);
    // The long headline's article is searchable by its characters.
    auto s = run_command(quote(kSearch) + " --db " + quote(db) + " --format ids " +
                         quote("title:\xe4\xb8\xad\xe4\xb8\xad"));
    CHECK(s.out == "https://example.com/cjk\n");
    // The index checks whole; a re-run changes nothing and fails nothing.
    CHECK(Xapian::Database::check(db) == 0);
    r = run_command(index_cmd("--db " + quote(db) + " " + quote(t.path + "/in.jsonl")));
    CHECK(r.status == 0);
    CHECK(r.err.find("unchanged 6001") != std::string::npos);
}

TEST_CASE("safety 4: --errors never truncates an input or a file that is not an errors file") {
    TempDir t;
    std::string in = t.path + "/a.jsonl";
    std::string text = articles("a", 2) + "{not json\n";
    write(in, text);
    std::string db = t.path + "/db";
    auto r =
        run_command(index_cmd("--db " + quote(db) + " --errors " + quote(in) + " " + quote(in)));
    CHECK(r.status == 2);
    CHECK(r.err.find("also an input") != std::string::npos);
    CHECK(slurp(in) == text);
    // The same file through another name (a hard link) is the same inode.
    fs::create_hard_link(in, t.path + "/link.jsonl");
    r = run_command(index_cmd("--db " + quote(db) + " --errors " + quote(t.path + "/link.jsonl") +
                              " " + quote(in)));
    CHECK(r.status == 2);
    CHECK(slurp(in) == text);

    write(t.path + "/notes.txt", "my notes\n");
    r = run_command(index_cmd("--db " + quote(db) + " --errors " + quote(t.path + "/notes.txt") +
                              " " + quote(in)));
    CHECK(r.status == 2);
    CHECK(r.err.find("not a morgue-index errors file") != std::string::npos);
    CHECK(slurp(t.path + "/notes.txt") == "my notes\n");

    // A new file, then the same file again (a previous errors file): written both times.
    std::string errs = t.path + "/errors.jsonl";
    for (int i = 0; i < 2; ++i) {
        r = run_command(
            index_cmd("-q --db " + quote(db) + " --errors " + quote(errs) + " " + quote(in)));
        CHECK(r.status == 0);
        auto line = nlohmann::json::parse(slurp(errs));
        CHECK(line["record"] == in + ":3");
    }
}

TEST_CASE("safety 5: bulk builds are bounded, checked, and resumed only for the same inputs") {
    TempDir t;
    std::string a = t.path + "/a.jsonl", b = t.path + "/b.jsonl";
    write(a, articles("a", 30));
    write(b, articles("b", 30));
    std::string db = t.path + "/db";

    SECTION("--jobs is bounded: no abort, no shard directories") {
        auto r = run_command(index_cmd("--jobs 100000 --db " + quote(db) + " " + quote(a)));
        CHECK(r.status == 2);
        CHECK(r.err.find("--jobs takes 1 to") != std::string::npos);
        CHECK_FALSE(fs::exists(db + ".bulk"));
        CHECK_FALSE(fs::exists(db));
    }
    SECTION("a .bulk that is not this run's is never merged into a new index") {
        // Shards left beside an index of the same name by some earlier build of b.
        REQUIRE(run_command(index_cmd("-q -j 1 --db " + quote(t.path + "/s0") + " " + quote(b)))
                    .status == 0);
        fs::create_directories(db + ".bulk");
        fs::copy(t.path + "/s0", db + ".bulk/0");
        auto r = run_command(index_cmd("-j 2 --db " + quote(db) + " " + quote(a)));
        CHECK(r.status == 2);
        CHECK(r.err.find("rm -r") != std::string::npos);
        CHECK(doccount(db) == 0);
        CHECK(doccount(db + ".bulk/0") == 30); // left as it was
        // Recorded as a bulk build of b: a run of a refuses it too, and says how to discard.
        // (One shard: the copy holds every article, where hash(id) % 1 puts them.)
        write(db + ".bulk/morgue-bulk.json",
              nlohmann::json{{"morgue_bulk_build", 1},
                             {"shards", 1},
                             {"inputs", {fs::weakly_canonical(b).string()}}}
                  .dump());
        r = run_command(index_cmd("-j 2 --db " + quote(db) + " " + quote(a)));
        CHECK(r.status == 2);
        CHECK(r.err.find("other inputs") != std::string::npos);
        CHECK(doccount(db) == 0);
        // The same inputs resume it: b's 30 articles, once.
        r = run_command(index_cmd("-j 2 --db " + quote(db) + " " + quote(b)));
        CHECK(r.status == 0);
        CHECK(r.err.find("resuming") != std::string::npos);
        CHECK(doccount(db) == 30);
        CHECK_FALSE(fs::exists(db + ".bulk"));
    }
    SECTION("a damaged shard is named, with how to discard it; no abort") {
        REQUIRE(run_command(index_cmd("-q -j 1 --db " + quote(t.path + "/s0") + " " + quote(a)))
                    .status == 0);
        REQUIRE(run_command(index_cmd("-q -j 1 --db " + quote(db) + " " + quote(t.path + "/none")))
                    .status == 2); // creates the empty index (the input does not exist)
        fs::create_directories(db + ".bulk");
        fs::copy(t.path + "/s0", db + ".bulk/0");
        fs::resize_file(db + ".bulk/0/postlist.glass", 8192);
        write(db + ".bulk/morgue-bulk.json",
              nlohmann::json{{"morgue_bulk_build", 1},
                             {"shards", 2},
                             {"inputs", {fs::weakly_canonical(a).string()}}}
                  .dump());
        for (int i = 0; i < 2; ++i) {
            auto r = run_command(index_cmd("-j 2 --db " + quote(db) + " " + quote(a)));
            CHECK(r.status == 2);
            CHECK(r.err.find("shard 0 is damaged") != std::string::npos);
            CHECK(r.err.find("rm -r") != std::string::npos);
        }
        fs::remove_all(db + ".bulk");
        auto r = run_command(index_cmd("-q -j 2 --db " + quote(db) + " " + quote(a)));
        CHECK(r.status == 0);
        CHECK(doccount(db) == 30);
    }
}

TEST_CASE("safety 8: an escape in a file name or a WARC header never reaches stderr raw") {
    TempDir t;
    std::string dir = t.path + "/in";
    fs::create_directories(dir);
    std::string evil = "evil\x1b]0;pwned\x07\x1b[2J\xe2\x80\xaename\n.txt";
    write(dir + "/" + evil, "not an article\n");
    write(dir + "/x.warc",
          "WARC/1.0\r\nWARC-Type: odd\x1b[2Jtype\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
          "Content-Length: 3\r\n\r\nabc\r\n\r\n");
    auto r = run_command(
        index_cmd("--db " + quote(t.path + "/db") + " --errors /dev/stdout " + quote(dir)));
    INFO(r.err);
    for (const std::string& stream : {r.err, r.out}) {
        CHECK(stream.find('\x1b') == std::string::npos);
        CHECK(stream.find('\x07') == std::string::npos);
        CHECK(stream.find("\xe2\x80\xae") == std::string::npos);
    }
    // Shown, escaped, on one line: the user can still find the file.
    CHECK(r.err.find("evil\\x1b]0;pwned\\x07\\x1b[2J\\u202ename\\n.txt: ") != std::string::npos);
    CHECK(r.err.find("odd\\x1b[2") != std::string::npos);
    // The --errors line is JSON with the name exactly, escaped by JSON.
    auto line = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    CHECK(line["file"] == dir + "/" + evil);
}

TEST_CASE("safety 9: honest messages and exit codes") {
    TempDir t;
    std::string a = t.path + "/a.jsonl";
    write(a, articles("a", 5));

    SECTION("compact and delete on what is not an index create nothing") {
        std::string x = t.path + "/x";
        auto r = run_command(index_cmd("--db " + quote(x) + " compact"));
        CHECK(r.status == 2);
        CHECK(r.err.find("no Morgue index") != std::string::npos);
        CHECK_FALSE(fs::exists(x));
        fs::create_directories(x);
        write(x + "/notes.txt", "mine\n");
        for (std::string sub : {"compact", "delete some-id"}) {
            r = run_command(index_cmd(sub + " --db " + quote(x)));
            CHECK(r.status == 2);
            CHECK(lines_of(r.err) == 1);
        }
        CHECK(std::distance(fs::directory_iterator(x), fs::directory_iterator()) == 1);
    }
    SECTION("bad option values: one line, exit 2") {
        for (std::string args : {"--lock-timeout -1 " + quote(a), "--db '' " + quote(a)}) {
            auto r = run_command(index_cmd(args));
            CHECK(r.status == 2);
            CHECK(lines_of(r.err) == 1);
            CHECK(r.err.find("filesystem") == std::string::npos);
        }
    }
    SECTION("a full stdout exits 2 with a message; a closed pipe is quiet and 0") {
        auto r = run_command(index_cmd("--dry-run --print jsonl " + quote(a) + " > /dev/full"));
        CHECK(r.status == 2);
        CHECK(r.err.find("cannot write to standard output: ENOSPC") != std::string::npos);
        // Enough output to overfill the pipe after head has gone.
        write(t.path + "/many.jsonl", articles("m", 2000));
        r = run_command("{ " +
                        index_cmd("-q --dry-run --print jsonl " + quote(t.path + "/many.jsonl")) +
                        "; echo $? >" + quote(t.path + "/rc") + "; } | head -c 1 >/dev/null");
        CHECK(slurp(t.path + "/rc") == "0\n");
        CHECK(r.err.empty());
    }
    SECTION("compacting a damaged index says so") {
        std::string db = t.path + "/db";
        write(t.path + "/big.jsonl", articles("big", 400, 20));
        REQUIRE(
            run_command(index_cmd("-q -j 1 --db " + quote(db) + " " + quote(t.path + "/big.jsonl")))
                .status == 0);
        {
            std::fstream f(db + "/postlist.glass", std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(8192 * 2);
            std::string junk(8192 * 4, '\xff');
            f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
        }
        auto r = run_command(index_cmd("--db " + quote(db) + " compact"));
        CHECK(r.status == 2);
        CHECK(lines_of(r.err) == 1);
        CHECK(r.err.find("basic_string") == std::string::npos);
        CHECK_FALSE(fs::exists(db + ".compact-" + std::to_string(::getpid())));
    }
}

TEST_CASE("safety 9: a full disk names ENOSPC and the committed count; the index stays usable") {
    TempDir t;
    SmallDisk disk(t.path + "/disk", "2m");
    if (!disk.mounted) {
        WARN("skipped: mounting a small tmpfs needs root");
        return;
    }
    write(t.path + "/big.jsonl", articles("big", 3000, 20));
    std::string db = disk.dir + "/db";
    auto r = run_command(index_cmd("--db " + quote(db) + " -j 1 --commit-every 200 " +
                                   quote(t.path + "/big.jsonl")));
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("ENOSPC") != std::string::npos);
    auto at = r.err.find(" articles were committed");
    REQUIRE(at != std::string::npos);
    std::string count =
        r.err.substr(r.err.rfind(' ', at - 1) + 1, at - r.err.rfind(' ', at - 1) - 1);
    CHECK(std::stoul(count) > 0);
    CHECK(std::stoul(count) % 200 == 0);
    auto s = run_command(quote(kSearch) + " --db " + quote(db) + " --count harbour");
    CHECK(s.status == 0);
    CHECK(s.out == count + "\n");

    // A bulk build: the same cause and count, and no directory of empty shards left.
    std::string db2 = disk.dir + "/db2";
    fs::remove_all(db);
    r = run_command(index_cmd("--db " + quote(db2) + " -j 2 --commit-every 100000 " +
                              quote(t.path + "/big.jsonl")));
    CHECK(r.status == 2);
    CHECK(r.err.find("ENOSPC") != std::string::npos);
    CHECK(r.err.find("0 articles are committed") != std::string::npos);
    CHECK_FALSE(fs::exists(db2 + ".bulk"));
    CHECK(doccount(db2) == 0);
}

TEST_CASE("safety 9: a read-only index is permission denied, not a wait for another writer") {
    TempDir t;
    SmallDisk disk(t.path + "/disk", "4m");
    if (!disk.mounted) {
        WARN("skipped: mounting a small tmpfs needs root");
        return;
    }
    write(t.path + "/a.jsonl", articles("a", 5));
    std::string db = disk.dir + "/db";
    REQUIRE(
        run_command(index_cmd("-q --db " + quote(db) + " " + quote(t.path + "/a.jsonl"))).status ==
        0);
    REQUIRE(::mount("tmpfs", disk.dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0);
    auto r = run_command(index_cmd("--db " + quote(db) + " " + quote(t.path + "/a.jsonl")));
    CHECK(r.status == 2);
    CHECK(r.err.find("permission denied") != std::string::npos);
    CHECK(r.err.find("waiting") == std::string::npos);
}

TEST_CASE("safety 10: a walk skips index directories; stale temporaries go; symlinks stay") {
    TempDir t;
    std::string dir = t.path + "/work";
    fs::create_directories(dir);
    write(dir + "/a.jsonl", articles("a", 4));

    // `cd dir; morgue-index .` twice: the second run does not read its own index.
    for (int i = 0; i < 2; ++i) {
        auto r = run_command("cd " + quote(dir) + " && " + index_cmd("-j 1 ."));
        CHECK(r.status == 0);
        CHECK(r.err.find("rejected 0") != std::string::npos);
        if (i == 1) CHECK(r.err.find("skipped 1: a search index directory") != std::string::npos);
    }
    std::string db = dir + "/morgue.db";
    CHECK(doccount(db) == 4);

    // A compaction's temporary left by a killed run (its process is gone) is removed.
    pid_t dead = 4000000;
    while (::kill(dead, 0) == 0 || errno != ESRCH)
        ++dead;
    std::string stale = db + ".compact-" + std::to_string(dead);
    fs::copy(db, stale);
    auto r = run_command(index_cmd("--db " + quote(db) + " compact"));
    CHECK(r.status == 0);
    CHECK(r.err.find("removed " + stale) != std::string::npos);
    CHECK_FALSE(fs::exists(stale));

    // Compaction through a symlinked --db compacts the real index; the link stays a link.
    std::string link = t.path + "/link.db";
    fs::create_directory_symlink(db, link);
    r = run_command(index_cmd("--db " + quote(link) + " compact"));
    CHECK(r.status == 0);
    CHECK(fs::is_symlink(link));
    CHECK(doccount(link) == 4);
    CHECK(doccount(db) == 4);
}

TEST_CASE("safety 11: a lone \\ud800 escape and a few NUL bytes keep the article") {
    TempDir t;
    write(t.path + "/s.jsonl",
          "{\"title\":\"Lone surrogate \\ud800 here\",\"text\":\"A body about harbours.\","
          "\"url\":\"https://example.com/s\"}\n");
    // Three NUL bytes in 190: over 1% of the page, under random data's density.
    std::string html = "<html><head><title>Tides at the harbour</title></head><body><article>"
                       "<h1>Tides at the harbour</h1><p>The tide\0 came in early.</p>"
                       "<p>Boats\0 waited\0.</p></article></body></html>\n"s;
    REQUIRE(std::count(html.begin(), html.end(), '\0') == 3);
    write(t.path + "/p.html", html);
    auto r = run_command(index_cmd("--dry-run --print jsonl " + quote(t.path + "/s.jsonl") + " " +
                                   quote(t.path + "/p.html")));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("rejected 0") != std::string::npos);
    std::istringstream lines(r.out);
    std::string line;
    std::getline(lines, line);
    CHECK(nlohmann::json::parse(line)["title"] == "Lone surrogate \xef\xbf\xbd here");
    std::getline(lines, line);
    CHECK(nlohmann::json::parse(line)["title"] == "Tides at the harbour");
}
