// The WARC reader on the fixtures built by scripts/make-warc-fixtures: what it yields
// (bytes after decoding, url, charset, fetch time, format, offsets) and what it skips,
// counts as unchanged or rejects, for plain, per-record gzip and whole-file gzip WARCs.
#include "collect_sources.hpp"
#include "errors.hpp"
#include "parse/parse.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <zlib.h>

using namespace morgue;
using namespace morgue::test;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

std::string src(const std::string& name) {
    return slurp(fixture("warc/src/" + name));
}

const std::string kSite = "https://harbourgazette.example/2025/03/";

} // namespace

TEST_CASE("WARC reader yields every HTML response, resource and conversion, decoded") {
    auto file = GENERATE(as<std::string>{}, "warc/responses.warc", "warc/responses.warc.gz",
                         "warc/whole.warc.gz");
    INFO(file);
    Collected c = collect({fixture(file)});
    REQUIRE(c.records.size() == 8);

    const Record& ferry = c.records[0];
    CHECK(ferry.format == RecordFormat::Html);
    CHECK(ferry.bytes == src("ferry.html"));
    CHECK(ferry.url == kSite + "ferry-strike.html");
    CHECK(ferry.charset == "utf-8");
    CHECK(ferry.fetched == 1741940100); // WARC-Date 2025-03-14T08:15:00Z
    CHECK(ferry.container == "warc");
    CHECK(ferry.record_id.rfind("urn:uuid:", 0) == 0);
    CHECK(ferry.path == fixture(file));
    CHECK(ferry.origin.rfind(fixture(file) + "@", 0) == 0);

    // Transfer-Encoding: chunked undone.
    CHECK(c.records[1].bytes == src("lighthouse.html"));
    CHECK(c.records[1].url == kSite + "lighthouse-museum.html");
    CHECK(c.records[1].fetched == 1741940100 + 60);
    // Content-Encoding: gzip under chunked.
    CHECK(c.records[2].bytes == src("regatta.html"));
    // The charset from the HTTP header, bytes untouched (the HTML parser converts).
    CHECK(c.records[3].bytes == src("cafe-cp1252.html"));
    CHECK(c.records[3].charset == "windows-1252");
    // A resource record with HTML.
    CHECK(c.records[4].format == RecordFormat::Html);
    CHECK(c.records[4].bytes == src("market.html"));
    CHECK(c.records[4].url == kSite + "fish-prices.html");
    // A conversion record: WET text.
    CHECK(c.records[5].format == RecordFormat::Text);
    CHECK(c.records[5].container == "wet");
    CHECK(c.records[5].bytes == src("ferry-wet.txt"));
    // Content-Encoding: deflate.
    CHECK(c.records[6].bytes == src("bridge.html"));
    // Binary data labelled text/html goes on to the parser, which finds that no encoding
    // reads it (the reader makes no charset decision).
    CHECK(c.records[7].url == kSite + "broken.html");
    CHECK_THROWS_WITH(parse_record(c.records[7]), "binary data, not an HTML page");
    for (const auto& r : c.records)
        CHECK_FALSE(r.truncated);

    CHECK(c.skipped == std::map<std::string, int>{{"HTTP status 301", 1},
                                                  {"HTTP status 404", 1},
                                                  {"WARC metadata record", 1},
                                                  {"WARC request record", 1},
                                                  {"WARC warcinfo record", 1},
                                                  {"not HTML (application/pdf)", 1},
                                                  {"not HTML (image/png)", 1}});
    REQUIRE(c.unchanged.size() == 1); // the revisit record
    CHECK(c.rejected.empty());
    CHECK(c.bytes == std::filesystem::file_size(fixture(file)));
}

TEST_CASE("WARC offsets are file offsets of records, or of gzip members") {
    Collected plain = collect({fixture("warc/responses.warc")});
    Collected members = collect({fixture("warc/responses.warc.gz")});
    Collected whole = collect({fixture("warc/whole.warc.gz")});
    std::string p = slurp(fixture("warc/responses.warc"));
    std::string g = slurp(fixture("warc/responses.warc.gz"));
    for (std::size_t i = 0; i < plain.records.size(); ++i) {
        INFO(i);
        // Plain: the record's "WARC/1.1" line starts at the offset.
        CHECK(p.compare(plain.records[i].offset, 8, "WARC/1.1") == 0);
        CHECK(plain.records[i].origin ==
              fixture("warc/responses.warc") + "@" + std::to_string(plain.records[i].offset));
        // One member per record: a gzip member starts at the offset.
        CHECK(g.compare(members.records[i].offset, 2, "\x1f\x8b") == 0);
        CHECK(members.records[i].origin ==
              fixture("warc/responses.warc.gz") + "@" + std::to_string(members.records[i].offset));
        // Whole-file gzip: member 0, and the uncompressed offset after "+".
        CHECK(whole.records[i].offset == 0);
        CHECK(whole.records[i].origin ==
              fixture("warc/whole.warc.gz") + "@0+" + std::to_string(plain.records[i].offset));
    }
}

TEST_CASE("WARC reader rejects garbage and wrong Content-Length and keeps the records around") {
    Collected c = collect({fixture("warc/damaged.warc")});
    REQUIRE(c.records.size() == 4);
    CHECK(c.records[0].bytes == src("ferry.html"));
    CHECK(c.records[1].bytes == src("lighthouse.html"));
    CHECK(c.records[2].bytes == src("market.html"));
    CHECK(c.records[3].bytes == src("ferry-wet.txt"));
    CHECK(c.records[3].container == "wet");
    REQUIRE(c.rejected.size() == 3);
    CHECK(c.rejected[0].second == "garbage between WARC records (59 bytes skipped)");
    CHECK(c.rejected[1].second == "wrong Content-Length (the record does not end where it says)");
    CHECK(c.rejected[1].first.url.empty()); // rejected before dispatch: no URL, but an id
    CHECK(!c.rejected[1].first.record_id.empty());
    CHECK(c.rejected[2].second == "wrong Content-Length (the record does not end where it says)");
    std::string bytes = slurp(fixture("warc/damaged.warc"));
    // Offsets point at what was rejected: the garbage, and each bad record's version line.
    CHECK(bytes.compare(c.rejected[0].first.offset, 9, "this line") == 0);
    CHECK(bytes.compare(c.rejected[1].first.offset, 8, "WARC/1.1") == 0);
    CHECK(bytes.compare(c.rejected[2].first.offset, 8, "WARC/1.1") == 0);
}

namespace {

// damaged.warc.gz read from a file or a pipe. Member 2 is cut short and its inflater ran
// on into member 3 (corrupt: what it gave may end in garbage, so it is rejected); member
// 5 is cut by the end of the file: every byte inflated before the cut is the record,
// marked truncated.
void check_damaged_gzip(const Collected& c, const std::string& path) {
    REQUIRE(c.records.size() == 4);
    CHECK(c.records[0].bytes == src("ferry.html"));
    CHECK(c.records[1].bytes == src("regatta.html"));
    CHECK(c.records[2].bytes == src("market.html"));
    for (int i : {0, 1, 2})
        CHECK_FALSE(c.records[static_cast<std::size_t>(i)].truncated);
    const Record& cut = c.records[3];
    std::string whole = src("bridge.html");
    CHECK(cut.truncated);
    CHECK(cut.bytes.size() > whole.size() / 2);
    CHECK(cut.bytes.size() < whole.size());
    CHECK(whole.rfind(cut.bytes, 0) == 0);
    REQUIRE(c.rejected.size() == 2);
    CHECK(c.rejected[0].second.rfind("corrupt gzip data", 0) == 0);
    CHECK(c.rejected[1].second == "data after a gzip member is not gzip");
    if (!path.empty()) {
        std::string g = slurp(path);
        CHECK(g.compare(c.rejected[0].first.offset, 2, "\x1f\x8b") == 0);
        CHECK(g.compare(c.rejected[1].first.offset, 3, "NOT") == 0);
        CHECK(g.compare(cut.offset, 2, "\x1f\x8b") == 0);
        CHECK(c.records[1].offset > c.rejected[0].first.offset);
    }
}

} // namespace

TEST_CASE("WARC reader survives damaged gzip members, keeping what a cut member holds") {
    check_damaged_gzip(collect({fixture("warc/damaged.warc.gz")}), fixture("warc/damaged.warc.gz"));
}

TEST_CASE("a damaged WARC.gz through a pipe (no seeking) keeps the same records") {
    auto dir = std::filesystem::temp_directory_path() / "morgue_warc_fifo";
    std::filesystem::create_directories(dir);
    std::string fifo = (dir / "damaged.warc.gz").string();
    std::filesystem::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string bytes = slurp(fixture("warc/damaged.warc.gz"));
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << bytes; });
    Collected c = collect({fifo});
    writer.join();
    std::filesystem::remove_all(dir);
    check_damaged_gzip(c, "");
}

TEST_CASE("WARC records and bodies larger than --max-record-size are rejected, the rest kept") {
    SourceOptions opts;
    // Blocks: ferry 987, lighthouse 931, market 711 bytes; the gzip (596) and deflate (509)
    // bodies inflate to 738 and 707 bytes: all over the cap, a zip bomb in miniature.
    opts.max_record_size = 700;
    Collected c = collect({fixture("warc/responses.warc.gz")}, opts);
    REQUIRE(c.records.size() == 3);
    CHECK(c.records[0].bytes == src("cafe-cp1252.html"));
    CHECK(c.records[1].bytes == src("ferry-wet.txt"));
    CHECK(c.records[2].url == kSite + "broken.html");
    std::map<std::string, int> why;
    for (const auto& [where, reason] : c.rejected)
        ++why[reason.substr(0, reason.find(" ("))];
    CHECK(why == std::map<std::string, int>{{"WARC record larger than --max-record-size", 3},
                                            {"content inflates past --max-record-size", 2}});
    CHECK(c.unchanged.size() == 1);
    CHECK(c.skipped_total() == 7);
}

TEST_CASE("a bogus huge Content-Length in a gzip member loses only that record") {
    Collected c = collect({fixture("warc/bogus-length.warc.gz")});
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[0].bytes == src("ferry.html"));
    CHECK(c.records[1].bytes == src("regatta.html"));
    REQUIRE(c.rejected.size() == 1);
    CHECK(c.rejected[0].second == "WARC record larger than --max-record-size (999999999 bytes)");
    CHECK(c.rejected[0].first.origin.find("@0") == std::string::npos); // the second member
}

TEST_CASE("WET files are conversion records with their WARC-Target-URI and date") {
    Collected c = collect({fixture("warc/text.warc.wet.gz")});
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[0].container == "wet");
    CHECK(c.records[0].format == RecordFormat::Text);
    CHECK(c.records[0].url == kSite + "ferry-strike.html");
    CHECK(c.records[1].url == kSite + "lighthouse-museum.html");
    CHECK(c.records[1].fetched == 1741950060); // 2025-03-14T11:01:00Z
    CHECK(c.skipped == std::map<std::string, int>{{"WARC warcinfo record", 1}});
    CHECK(c.rejected.empty());
}

TEST_CASE("a WARC with an unknown name is recognised by its first line") {
    auto dir = std::filesystem::temp_directory_path() / "morgue_warc_sniff";
    std::filesystem::create_directories(dir);
    auto copy = dir / "crawl-00001.dat";
    std::filesystem::copy_file(fixture("warc/responses.warc.gz"), copy,
                               std::filesystem::copy_options::overwrite_existing);
    Collected c = collect({copy.string()});
    CHECK(c.records.size() == 8);
    CHECK(c.unchanged.size() == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a bogus huge Content-Length in a whole-file gzip WARC loses only that record") {
    // The same three records as bogus-length.warc.gz, in one gzip member: the reader
    // cannot stop at a member's end, so it must find the next record by itself.
    std::string warc;
    {
        gzFile in = gzopen(fixture("warc/bogus-length.warc.gz").c_str(), "rb");
        REQUIRE(in != nullptr);
        char buf[4096];
        int n;
        while ((n = gzread(in, buf, sizeof buf)) > 0)
            warc.append(buf, static_cast<std::size_t>(n));
        gzclose(in);
    }
    REQUIRE(warc.find("Content-Length: 999999999") != std::string::npos);
    auto path = std::filesystem::temp_directory_path() / "morgue_bogus_whole.warc.gz";
    {
        gzFile out = gzopen(path.c_str(), "wb");
        REQUIRE(out != nullptr);
        REQUIRE(gzwrite(out, warc.data(), static_cast<unsigned>(warc.size())) ==
                static_cast<int>(warc.size()));
        gzclose(out);
    }
    Collected c = collect({path.string()});
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[0].bytes == src("ferry.html"));
    CHECK(c.records[1].bytes == src("regatta.html"));
    REQUIRE(c.rejected.size() == 1);
    CHECK(c.rejected[0].second == "WARC record larger than --max-record-size (999999999 bytes)");
    std::filesystem::remove(path);
}

TEST_CASE("WARC/0.18 as ClueWeb09 wrote it: every quirk read") {
    Collected c = collect({fixture("warc/quirks-0.18.warc")});
    CHECK(c.rejected.empty());
    CHECK(c.skipped == std::map<std::string, int>{{"WARC warcinfo record", 1}});
    REQUIRE(c.records.size() == 3);
    // LF-only HTTP headers; the invalid WARC-Date gives way to the HTTP Date.
    CHECK(c.records[0].url == "https://harbourgazette.example/archive/lighthouse-museum.html");
    CHECK(c.records[0].fetched == 1235495374); // Tue, 24 Feb 2009 17:09:34 GMT
    CHECK(c.records[0].bytes.find("<h1>Old Brannock lighthouse") != std::string::npos);
    // Content-Encoding: gzip on a body that is not: the bytes as they are.
    CHECK(c.records[1].bytes == src("regatta.html"));
    // The EUC-JP page goes on with its bytes; the parser reads its meta.
    Article ja = parse_record(c.records[2]);
    CHECK(ja.title == "\u30d9\u30eb\u30e2\u30e9\u6e2f\u306e\u30d5\u30a7\u30ea\u30fc\u3001"
                      "\u591c\u9593\u4fbf\u3092\u518d\u958b");
    for (const auto& r : c.records) {
        CHECK_FALSE(r.truncated);
        CHECK(r.record_id.rfind("urn:uuid:", 0) == 0);
    }
    // The page without a date of its own is dated by the HTTP Date.
    Article lighthouse = parse_record(c.records[0]);
    CHECK(lighthouse.date == "2009-02-24");
    CHECK(lighthouse.date_source == "fetch");
}

TEST_CASE("cut records: WARC-Truncated, and a file that ends inside its last record") {
    Collected c = collect({fixture("warc/cut-record.warc")});
    CHECK(c.rejected.empty());
    REQUIRE(c.records.size() == 3);
    CHECK(c.records[0].bytes == src("ferry.html"));
    CHECK_FALSE(c.records[0].truncated);
    // Marked by its crawler: the block is whole, the page is not.
    CHECK(c.records[1].truncated);
    CHECK(src("market.html").rfind(c.records[1].bytes, 0) == 0);
    // The file ends inside the last record: what arrived, marked.
    CHECK(c.records[2].truncated);
    CHECK(c.records[2].bytes.size() > 100);
    CHECK(src("school.html").rfind(c.records[2].bytes, 0) == 0);
    Article a = parse_record(c.records[2]);
    CHECK(a.truncated);
    CHECK(a.title == "Harbour school wins national robotics prize");
}

TEST_CASE("a gzip member cut short yields every byte inflated before the cut") {
    Collected c = collect({fixture("warc/cut-member.warc.gz")});
    CHECK(c.rejected.empty());
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[0].bytes == src("ferry.html"));
    CHECK(c.records[1].truncated);
    std::string whole = src("bridge.html");
    CHECK(c.records[1].bytes.size() > whole.size() / 3);
    CHECK(whole.rfind(c.records[1].bytes, 0) == 0);
    CHECK(parse_record(c.records[1]).title == "Swing bridge repairs close Quay Road for a week");
}
