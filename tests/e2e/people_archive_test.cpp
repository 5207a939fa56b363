// One person, one name across the archive (docs/people.md), end to end on the real
// binaries: a surname-only person merged with the archive's full name, an ambiguous
// surname kept apart, and an alias table merging, renaming and splitting people in
// facets, `people` and person: queries without indexing again (the input is deleted
// before the tables are given).
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace morgue::test;
namespace fs = std::filesystem;
using json = nlohmann::json;

static const std::string kIndex = MORGUE_INDEX_BIN;
static const std::string kSearch = MORGUE_SEARCH_BIN;
static const std::string kCluster = std::string(MORGUE_SOURCE_DIR) + "/scripts/cluster";

namespace {

// Team-written wire copy: one source, early 1985, and one story from another source.
const char* const kCorpus[] = {
    R"({"url":"https://wire.example/1985/01/10/summit","title":"Summit plans announced","date":"1985-01-10","body":"President Ronald Reagan said on Thursday that the summit would go ahead in the spring. Ronald Reagan told reporters at the White House that talks were planned."})",
    R"({"url":"https://wire.example/1985/02/03/budget","title":"Budget fight looms","date":"1985-02-03","body":"The budget plan drew fire from Congress on Monday. President Reagan said the cuts were needed. Mr. Reagan told aides he would not back down on the spending limits."})",
    R"({"url":"https://wire.example/1985/02/20/tax","title":"Tax plan advances","date":"1985-02-20","body":"\"We will not back down,\" Reagan said after the vote on Wednesday. Reagan's aides thanked the committee for its work."})",
    R"({"url":"https://wire.example/1985/03/01/treasury","title":"Treasury chief speaks","date":"1985-03-01","body":"Treasury Secretary James Baker said on Friday that the dollar was too strong. James Baker told bankers in New York that rates would fall."})",
    R"({"url":"https://wire.example/1985/03/05/senate","title":"Senate veteran returns","date":"1985-03-05","body":"Former senator Howard Baker said on Tuesday that he would return to Washington. Howard Baker told friends he missed the Senate."})",
    R"({"url":"https://wire.example/1985/03/09/talks","title":"Talks stall","date":"1985-03-09","body":"The talks stalled on Saturday. Mr. Baker said the two sides were far apart. Mr. Baker told reporters that a deal could still be reached next week."})",
    R"({"url":"https://other.example/1985/02/10/visit","title":"A visit west","date":"1985-02-10","body":"The motorcade reached the ranch on Sunday. President Reagan said he was glad to be home. Mr. Reagan rode in the hills."})",
};

struct Archive {
    TempDir dir;
    std::string db = dir.path + "/db";
    std::string corpus = dir.path + "/corpus.jsonl";
};

// The --db arguments searched: the index directory, or a remote shard serving it.
std::string g_dbs;

CommandResult search(const Archive& a, const std::string& args) {
    return run_command("timeout -k 5 120 " + kSearch + " " +
                       (g_dbs.empty() ? "--db " + quote(a.db) : g_dbs) + " " + args);
}

// The person facet over every article: name -> articles.
std::map<std::string, long> people_facet(const Archive& a, const std::string& query = "''") {
    auto r = search(a, "--format json people --limit 50 " + query);
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::map<std::string, long> out;
    auto j = json::parse(r.out);
    for (auto& p : j["people"])
        out[p["name"].get<std::string>()] = p["articles"].get<long>();
    return out;
}

// The --facet person of a query, as the search itself answers it.
std::map<std::string, long> facet_of(const Archive& a, const std::string& query) {
    auto r = search(a, "--format json --limit 1 --facet person " + query);
    INFO(query << "\n" << r.err);
    REQUIRE((r.status == 0 || r.status == 1));
    std::map<std::string, long> out;
    auto j = json::parse(r.out);
    if (j.contains("facets"))
        for (auto& v : j["facets"]["person"])
            out[v["value"].get<std::string>()] = v["count"].get<long>();
    return out;
}

// url -> the `people` column of the results.
std::map<std::string, std::string> people_of(const Archive& a, const std::string& query) {
    auto r = search(a, "--format tsv --fields url,people --limit 50 " + query);
    INFO(query << "\n" << r.err);
    REQUIRE((r.status == 0 || r.status == 1));
    std::map<std::string, std::string> out;
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) {
        auto tab = line.find('\t');
        if (tab == std::string::npos || line.rfind("http", 0) != 0) continue;
        out[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return out;
}

std::set<std::string> urls(const Archive& a, const std::string& query) {
    std::set<std::string> out;
    for (const auto& [url, people] : people_of(a, query))
        out.insert(url);
    return out;
}

void give_aliases(const Archive& a, const std::string& table) {
    std::string file = a.dir.path + "/aliases.txt";
    std::ofstream(file) << table;
    auto r = run_command(kIndex + " aliases --db " + quote(a.db) + " " + quote(file));
    INFO(r.err);
    REQUIRE(r.status == 0);
}

const std::string kBudget = "https://wire.example/1985/02/03/budget";
const std::string kTax = "https://wire.example/1985/02/20/tax";
const std::string kSummit = "https://wire.example/1985/01/10/summit";
const std::string kTalks = "https://wire.example/1985/03/09/talks";
const std::string kVisit = "https://other.example/1985/02/10/visit";
const std::string kSenate = "https://wire.example/1985/03/05/senate";
const std::string kTreasury = "https://wire.example/1985/03/01/treasury";

} // namespace

TEST_CASE("one person, one name across the archive; the alias table corrects it") {
    Archive a;
    {
        std::ofstream out(a.corpus);
        for (const char* line : kCorpus)
            out << line << '\n';
    }
    // As written, article by article: what the recogniser gives (the pass starts here).
    auto dry = run_command(kIndex + " --dry-run --print jsonl " + quote(a.corpus));
    REQUIRE(dry.status == 0);
    std::map<std::string, std::set<std::string>> written;
    std::istringstream lines(dry.out);
    for (std::string line; std::getline(lines, line);) {
        auto article = json::parse(line);
        for (auto& p : article["people"])
            written[article["url"].get<std::string>()].insert(p["name"].get<std::string>());
    }
    REQUIRE(written[kBudget] == std::set<std::string>{"Reagan"});
    REQUIRE(written[kTax] == std::set<std::string>{"Reagan"});
    REQUIRE(written[kTalks] == std::set<std::string>{"Baker"});
    REQUIRE(written[kVisit] == std::set<std::string>{"Reagan"});

    auto idx = run_command(kIndex + " -q --db " + quote(a.db) + " " + quote(a.corpus));
    INFO(idx.err);
    REQUIRE(idx.status == 0);

    SECTION("a surname-only person takes the archive's full name; an ambiguous one does not") {
        // "Reagan" in wire.example: the one full Reagan of its neighbourhood. In
        // other.example there is none: kept. "Baker": James and Howard both there.
        CHECK(people_facet(a) == std::map<std::string, long>{{"Ronald Reagan", 3},
                                                             {"Reagan", 1},
                                                             {"James Baker", 1},
                                                             {"Howard Baker", 1},
                                                             {"Baker", 1}});
        CHECK(facet_of(a, "person:reagan") ==
              std::map<std::string, long>{{"Ronald Reagan", 3}, {"Reagan", 1}});
        auto people = people_of(a, "''");
        CHECK(people[kBudget] == "Ronald Reagan");
        CHECK(people[kTax] == "Ronald Reagan");
        CHECK(people[kVisit] == "Reagan");
        CHECK(people[kTalks] == "Baker");
        // person: finds the person, not only the words as written.
        CHECK(urls(a, "'person:\"Ronald Reagan\"'") ==
              std::set<std::string>{kSummit, kBudget, kTax});
        CHECK(urls(a, "'person:\"James Baker\"'") == std::set<std::string>{kTreasury});
        // The words as written still match as before.
        CHECK(urls(a, "person:baker") == std::set<std::string>{kTreasury, kSenate, kTalks});
        // show: the archive's name.
        auto show = search(a, "--format json show " + quote(kBudget));
        REQUIRE(show.status == 0);
        CHECK(json::parse(show.out)["people"][0]["name"] == "Ronald Reagan");
    }

    SECTION("an alias table merges, renames and splits without indexing again") {
        fs::remove(a.corpus); // nothing to parse again
        give_aliases(a, "# corrections\n"
                        "merge: Ronald Reagan = Reagan\n"
                        "merge: James Baker = Baker\n"
                        "rename: Howard Baker = Howard H. Baker Jr.\n");
        CHECK(people_facet(a) == std::map<std::string, long>{{"Ronald Reagan", 4},
                                                             {"James Baker", 2},
                                                             {"Howard H. Baker Jr.", 1}});
        auto people = people_of(a, "''");
        CHECK(people[kVisit] == "Ronald Reagan");
        CHECK(people[kTalks] == "James Baker");
        CHECK(people[kSenate] == "Howard H. Baker Jr.");
        CHECK(urls(a, "'person:\"Ronald Reagan\"'") ==
              std::set<std::string>{kSummit, kBudget, kTax, kVisit});
        CHECK(urls(a, "'person:\"James Baker\"'") == std::set<std::string>{kTreasury, kTalks});
        CHECK(urls(a, "'person:\"Howard H. Baker Jr.\"'") == std::set<std::string>{kSenate});
        // A spelling merged into a person finds all of that person's articles.
        CHECK(urls(a, "'person:\"Howard Baker\"'") == std::set<std::string>{kSenate});
        CHECK(facet_of(a, "person:baker") ==
              std::map<std::string, long>{{"James Baker", 2}, {"Howard H. Baker Jr.", 1}});

        // Split: "Reagan" never merged, neither by the table nor by the archive.
        give_aliases(a, "split: Reagan\n");
        CHECK(people_facet(a) == std::map<std::string, long>{{"Ronald Reagan", 1},
                                                             {"Reagan", 3},
                                                             {"James Baker", 1},
                                                             {"Howard Baker", 1},
                                                             {"Baker", 1}});
        CHECK(urls(a, "'person:\"Ronald Reagan\"'") == std::set<std::string>{kSummit});
        CHECK(people_of(a, "''")[kBudget] == "Reagan");

        // An empty table: the archive's own resolution again.
        give_aliases(a, "");
        CHECK(people_facet(a)["Ronald Reagan"] == 3);
        CHECK(urls(a, "'person:\"Ronald Reagan\"'") ==
              std::set<std::string>{kSummit, kBudget, kTax});
    }

    SECTION("over a remote shard (stock xapian-tcpsrv) the same, after a table too") {
        give_aliases(a, "merge: James Baker = Baker\n");
        struct Cluster { // stopped however the section ends
            std::string run;
            ~Cluster() {
                g_dbs.clear();
                run_command(kCluster + " stop --run-dir " + quote(run));
            }
        } cluster{a.dir.path + "/run"};
        auto c = run_command("timeout -k 5 120 " + kCluster + " start --run-dir " +
                             quote(cluster.run) + " " + quote(a.db));
        INFO(c.err);
        REQUIRE(c.status == 0);
        g_dbs = c.out.substr(0, c.out.find('\n'));
        CHECK(g_dbs.find("--db tcp://127.0.0.1:") == 0);
        auto facet = people_facet(a);
        auto people = people_of(a, "''");
        auto ronald = urls(a, "'person:\"Ronald Reagan\"'");
        auto james = urls(a, "'person:\"James Baker\"'");
        g_dbs.clear();
        CHECK(facet == people_facet(a));
        CHECK(facet["James Baker"] == 2);
        CHECK(people == people_of(a, "''"));
        CHECK(ronald == std::set<std::string>{kSummit, kBudget, kTax});
        CHECK(james == std::set<std::string>{kTreasury, kTalks});
    }

    SECTION("a bad table is refused and the index left as it was") {
        std::string file = a.dir.path + "/bad.txt";
        std::ofstream(file) << "merge: Ronald Reagan = Reagan\nfuse: A = B\n";
        auto r = run_command(kIndex + " aliases --db " + quote(a.db) + " " + quote(file));
        CHECK(r.status == 2);
        CHECK(r.err.find("bad.txt:2:") != std::string::npos);
        CHECK(people_facet(a)["Reagan"] == 1);
    }
}
