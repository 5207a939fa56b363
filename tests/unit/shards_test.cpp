// Remote shards: --db specs and stub files, the shard hash, facets from Xapian's value
// counts, and the index-time recency and sort slots.
#include "errors.hpp"
#include "facets.hpp"
#include "hash.hpp"
#include "schema.hpp"
#include "shards.hpp"
#include "text.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

using namespace morgue;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    std::string path;
    TempDir() {
        std::string t = (fs::temp_directory_path() / "morgue-shards-XXXXXX").string();
        path = mkdtemp(t.data());
    }
    ~TempDir() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("--db specs: directories, tcp://HOST:PORT") {
    auto s =
        expand_db_specs({"news.db", "tcp://127.0.0.1:7001", "tcp://:7002", "tcp://[::1]:7003"});
    REQUIRE(s.size() == 4);
    CHECK(s[0].kind == ShardSpec::Kind::Local);
    CHECK(s[0].path == "news.db");
    CHECK(s[1].kind == ShardSpec::Kind::Tcp);
    CHECK(s[1].host == "127.0.0.1");
    CHECK(s[1].port == 7001);
    CHECK(s[1].name == "tcp://127.0.0.1:7001");
    CHECK(s[2].host == "localhost");
    CHECK(s[3].host == "::1");
    CHECK_THROWS_WITH(expand_db_specs({"tcp://host"}),
                      "tcp://host: a remote shard is HOST:PORT (e.g. tcp://127.0.0.1:7001)");
    CHECK_THROWS_WITH(expand_db_specs({"tcp://host:99999"}),
                      "tcp://host:99999: '99999' is not a port number (1 to 65535)");
    CHECK_THROWS_WITH(expand_db_specs({"tcp://host:7x"}),
                      "tcp://host:7x: '7x' is not a port number (1 to 65535)");
}

TEST_CASE("stub database files in Xapian's format") {
    TempDir d;
    std::string stub = d.path + "/all.stub";
    fs::create_directory(d.path + "/local");
    {
        std::ofstream f(stub);
        f << "# two remote shards and a local one\n\n"
          << "remote 10.0.0.5:7001\n"
          << "  remote :7002  \n"
          << "auto local\n"
          << "glass /abs/path\n"
          << "remote ssh host xapian-progsrv /srv/shard\n";
    }
    auto s = expand_db_specs({stub});
    REQUIRE(s.size() == 5);
    CHECK(s[0].kind == ShardSpec::Kind::Tcp);
    CHECK(s[0].host == "10.0.0.5");
    CHECK(s[0].port == 7001);
    CHECK(s[0].name == "tcp://10.0.0.5:7001");
    CHECK(s[1].host == "localhost");
    CHECK(s[1].port == 7002);
    CHECK(s[2].kind == ShardSpec::Kind::Local);
    CHECK(s[2].path == d.path + "/local"); // relative to the stub's folder
    CHECK(s[3].path == "/abs/path");
    CHECK(s[4].kind == ShardSpec::Kind::Prog);
    CHECK(s[4].prog == "ssh");
    CHECK(s[4].args == "host xapian-progsrv /srv/shard");

    std::ofstream(d.path + "/bad.stub") << "inmemory\n";
    CHECK_THROWS_WITH(expand_db_specs({d.path + "/bad.stub"}),
                      d.path + "/bad.stub:1: 'inmemory' names no database");
    std::ofstream(d.path + "/odd.stub") << "chert x\nflint y\n";
    CHECK_THROWS_WITH(expand_db_specs({d.path + "/odd.stub"}),
                      d.path + "/odd.stub:2: 'flint' is not a stub database line Morgue reads "
                               "(auto, glass, remote)");
    std::ofstream(d.path + "/empty.stub") << "# nothing\n";
    CHECK_THROWS_WITH(expand_db_specs({d.path + "/empty.stub"}),
                      d.path + "/empty.stub: the stub database file lists no database");
}

TEST_CASE("a dead shard is named; with partial the others are searched") {
    TempDir d;
    {
        Xapian::WritableDatabase w(d.path + "/a", Xapian::DB_CREATE);
        w.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
        w.add_document(Xapian::Document());
        w.commit();
    }
    std::string dead = "tcp://127.0.0.1:1"; // privileged and unused here: refused at once
    ShardOptions o;
    o.timeout = 2;
    CHECK_THROWS_WITH(open_shards({d.path + "/a", dead}, o),
                      Catch::StartsWith(dead + ": cannot reach the shard server (") &&
                          Catch::EndsWith("); --partial searches the shards that answer"));
    o.partial = true;
    Shards s = open_shards({d.path + "/a", dead}, o);
    CHECK(s.partial());
    CHECK(s.all.get_doccount() == 1);
    CHECK(s.any_local);
    CHECK_FALSE(s.any_remote);
    CHECK_THROWS_WITH(open_shards({dead}, o), Catch::StartsWith(dead + ": cannot reach"));
    // A local index's own errors pass through, even with partial (LiveDatabase retries
    // the transient ones): that is not a network failure.
    CHECK_THROWS_AS(open_shards({d.path + "/none", d.path + "/a"}, o),
                    Xapian::DatabaseOpeningError);
    // Each shard's schema version is checked.
    {
        Xapian::WritableDatabase w(d.path + "/old", Xapian::DB_CREATE);
        w.set_metadata(kSchemaVersionKey, "2");
        w.commit();
    }
    CHECK_THROWS_WITH(open_shards({d.path + "/a", d.path + "/old"}, o),
                      d.path + "/old: index schema version 2, this morgue-search reads " +
                          std::to_string(kSchemaVersion) + "; re-index with morgue-index");
}

TEST_CASE("shard_of: stable, and spreads ids evenly") {
    // Pinned: a re-indexed article must land where it landed before, on any machine.
    CHECK(shard_of("https://example.com/2024/10/story", 4) ==
          ((hash64("https://example.com/2024/10/story") >> 16) % 4));
    unsigned counts[4] = {0, 0, 0, 0};
    for (int i = 0; i < 10000; ++i)
        ++counts[shard_of("https://example.com/story/" + std::to_string(i), 4)];
    for (unsigned c : counts) {
        CHECK(c > 2300);
        CHECK(c < 2700);
    }
}

TEST_CASE("facets from value counts: names split, folded, counted once per article") {
    FacetRequest people{"person", 0};
    // What ValueCountMatchSpy gives: whole slot values with their article counts.
    std::vector<std::pair<std::string, Xapian::doccount>> counts = {
        {"Ada Okafor\x1f"
         "Bo Lind",
         3},
        {"ADA OKAFOR", 1},
        {"Bo Lind\x1f"
         "Bo Lind",
         2}, // a name twice in one article counts once
        {"Zoë Marchetti", 4},
        {"Zoe Marchetti", 1},
    };
    Facet f = facet_from_counts(people, counts);
    REQUIRE(f.values.size() == 3);
    CHECK(f.values[0].value == "Bo Lind");
    CHECK(f.values[0].count == 5);
    CHECK(f.values[1].value == "Zoë Marchetti"); // the most frequent spelling shows
    CHECK(f.values[1].count == 5);
    CHECK(f.values[2].value == "Ada Okafor");
    CHECK(f.values[2].count == 4);
    CHECK(facet_from_counts({"person", 1}, counts).values.size() == 1);

    std::vector<std::pair<std::string, Xapian::doccount>> days = {
        {"20231231", 2}, {"20240105", 1}, {"20240117", 3}, {"20240301", 1}};
    Facet m = facet_from_counts({"month", 0}, days);
    CHECK(m.chronological);
    REQUIRE(m.values.size() == 3);
    CHECK(m.values[0].value == "2023-12");
    CHECK(m.values[1].value == "2024-01");
    CHECK(m.values[1].count == 4);
    Facet y = facet_from_counts({"year", 1}, days); // a limit keeps the latest
    REQUIRE(y.values.size() == 1);
    CHECK(y.values[0].value == "2024");
    CHECK(y.values[0].count == 5);
}

// Local shards: the facets read through the value streams of the matching documents
// (or the slots decoded per document) must be the counts an independent tally of the
// same articles gives, and the counts of Xapian's ValueCountMatchSpy (the remote path),
// across many value chunks. Over two local shards, whose documents a match spy sees by
// their shard's own ids in Xapian 1.4, the spies count.
TEST_CASE("facets over a local index: value streams count exactly what the spies count") {
    TempDir dir;
    const char* names[] = {"Ada Okafor",    "ADA OKAFOR", "Bo Lind", "Zoë Marchetti",
                           "Zoe Marchetti", "Cy Twombly", "Dee Ruiz"};
    struct Want {
        std::map<std::string, unsigned> people; // folded name -> articles with x
        std::map<std::string, unsigned> years;
        std::map<std::string, unsigned> spelled; // name as written -> articles counted under it
        unsigned total = 0;
    } want[2];
    std::vector<std::string> paths;
    for (int shard = 0; shard < 2; ++shard) {
        paths.push_back(dir.path + "/s" + std::to_string(shard));
        Xapian::WritableDatabase w(paths.back(), Xapian::DB_CREATE);
        Want& ws = want[shard];
        for (int i = 0; i < 3000 + shard * 500; ++i) { // many value chunks per slot
            Xapian::Document d;
            int k = i * 7 + shard;
            bool x = k % 3 != 0;
            d.add_term(x ? "x" : "y");
            std::set<std::string> people;
            std::vector<std::string> first_spelling; // per folded name, as counted
            std::string joined;
            if (k % 5 != 0) { // some articles name nobody (no value at all)
                for (int j = 0; j < 1 + k % 4; ++j) {
                    std::string n = names[(k / 4 + j * 3 + k % 7) % 7];
                    joined += (joined.empty() ? "" : "\x1f") + n;
                    if (people.insert(fold_for_match(n)).second) first_spelling.push_back(n);
                }
                d.add_value(kSlotPeople, joined);
            }
            std::string year = std::to_string(2019 + k % 4);
            d.add_value(kSlotDate, year + "0615");
            w.add_document(d);
            if (!x) continue;
            ++ws.total;
            for (const auto& n : people)
                ++ws.people[n];
            for (const auto& n : first_spelling)
                ++ws.spelled[n];
            ++ws.years[year];
        }
        w.commit();
    }
    std::vector<FacetRequest> reqs = {{"person", 100}, {"year", 0}, {"month", 2}};
    for (int shards = 1; shards <= 2; ++shards) {
        INFO(shards << " shard(s)");
        Xapian::Database db;
        Want w;
        for (int s = 0; s < shards; ++s) {
            db.add_database(Xapian::Database(paths[s]));
            for (const auto& [k, n] : want[s].people)
                w.people[k] += n;
            for (const auto& [k, n] : want[s].years)
                w.years[k] += n;
            for (const auto& [k, n] : want[s].spelled)
                w.spelled[k] += n;
            w.total += want[s].total;
        }
        FacetCache cache;
        auto run = [&](bool local, FacetCache* c = nullptr) {
            Xapian::Enquire e(db);
            e.set_query(Xapian::Query("x"));
            e.set_weighting_scheme(Xapian::BoolWeight());
            FacetSpies spies(reqs, db, local);
            CHECK(spies.local() == (local && shards == 1));
            spies.attach(e);
            e.get_mset(0, 0, db.get_doccount());
            CHECK(spies.matches() == (spies.local() ? w.total : 0));
            return spies.results(db, c, 1);
        };
        std::vector<Facet> streamed = run(true), spied = run(false);
        // Through the cache: read from the value streams the first time, then counted
        // from the slots decoded per document (SlotIndex); the same facets every time.
        std::vector<std::vector<Facet>> cached = {run(true, &cache), run(true, &cache),
                                                  run(true, &cache)};
        REQUIRE(streamed.size() == 3);
        REQUIRE(streamed[0].values.size() == w.people.size());
        for (const auto& v : streamed[0].values) {
            INFO(v.value);
            CHECK(v.count == w.people[fold_for_match(v.value)]);
        }
        for (std::size_t i = 1; i < streamed[0].values.size(); ++i)
            CHECK(streamed[0].values[i - 1].count >= streamed[0].values[i].count);
        REQUIRE(streamed[1].values.size() == w.years.size());
        for (const auto& v : streamed[1].values) {
            INFO(v.value);
            CHECK(v.count == w.years[v.value]);
        }
        REQUIRE(streamed[2].values.size() == 2); // the latest two months
        CHECK(streamed[2].values[1].value == "2022-06");
        CHECK(streamed[2].values[1].count == w.years["2022"]);
        for (const auto& other : {spied, cached[0], cached[1], cached[2]}) {
            for (std::size_t f = 0; f < 3; ++f) {
                REQUIRE(other[f].values.size() == streamed[f].values.size());
                for (std::size_t i = 0; i < other[f].values.size(); ++i) {
                    CHECK(other[f].values[i].value == streamed[f].values[i].value);
                    CHECK(other[f].values[i].count == streamed[f].values[i].count);
                }
            }
        }
        // A name's most frequent spelling shows; on a tie, the first in byte order.
        for (const auto& [a, b] :
             {std::pair<std::string, std::string>{"Zoe Marchetti", "Zoë Marchetti"},
              {"ADA OKAFOR", "Ada Okafor"}})
            for (const auto& v : streamed[0].values)
                if (fold_for_match(v.value) == fold_for_match(a))
                    CHECK(v.value == (w.spelled[b] > w.spelled[a] ? b : a));
    }
}

TEST_CASE("recency slot times the query's scale is the boost of the article's age") {
    for (std::int64_t today : {20000, 20454, 21000}) {
        for (std::int64_t age : {0, 1, 30, 365, 3650}) {
            double w = recency_slot_weight(today - age) * recency_query_scale(today);
            INFO(today << " " << age);
            CHECK(w == Approx(kRecencyMaxBoost * std::exp2(-age / kRecencyHalfLifeDays))
                           .epsilon(1e-12)
                           .margin(1e-300));
        }
    }
    // Far past weighs nothing; a mistyped far future stays finite.
    CHECK(recency_slot_weight(-50000) == 0);
    CHECK(std::isfinite(recency_slot_weight(10000000)));
}

TEST_CASE("sort key: day, then published instant; undated is empty") {
    std::int64_t a = 1700000000, b = 1700003600;
    CHECK(sort_key("20240101", &a) < sort_key("20240101", &b));
    CHECK(sort_key("20240101", &b) < sort_key("20240102", &a));
    CHECK(sort_key("20240101", nullptr) < sort_key("20240101", &a));
    CHECK(sort_key("", &a).empty());
}
