// One person, one name across the archive: the alias table and the resolution rule
// (indexer/people_pass.hpp, common/person_aliases.hpp).
#include "errors.hpp"
#include "people_pass.hpp"
#include "person_aliases.hpp"
#include "schema_values.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

namespace {

ArticlePeople art(std::string source, std::int64_t day, std::vector<std::string> names) {
    return {std::move(source), day, std::move(names)};
}

} // namespace

TEST_CASE("resolution: a surname-only person takes the one full name of the neighbourhood") {
    std::vector<ArticlePeople> a = {
        art("wire.example", 100, {"Ronald Reagan", "Tip O'Neill"}),
        art("wire.example", 110, {"Reagan"}),
        art("wire.example", 120, {"Ronald", "Gorbachev"}),
    };
    auto r = resolve_people(a, {});
    CHECK(r[0] == std::vector<std::string>{"Ronald Reagan", "Tip O'Neill"});
    CHECK(r[1] == std::vector<std::string>{"Ronald Reagan"});
    // A first name alone, too; a name no full name ends in stays as written.
    CHECK(r[2] == std::vector<std::string>{"Ronald Reagan", "Gorbachev"});
}

TEST_CASE("resolution: an ambiguous surname is kept apart") {
    std::vector<ArticlePeople> a = {
        art("wire.example", 100, {"James Baker"}),
        art("wire.example", 101, {"Howard Baker"}),
        art("wire.example", 102, {"Baker"}),
    };
    auto r = resolve_people(a, {});
    CHECK(r[2] == std::vector<std::string>{"Baker"});
    // One of them in far more articles of the neighbourhood wins by the margin.
    for (int i = 0; i < 3; ++i)
        a.push_back(art("wire.example", 103 + i, {"James Baker"})); // four to one
    r = resolve_people(a, {});
    CHECK(r[2] == std::vector<std::string>{"James Baker"});
    // Three to one is not margin enough.
    a.pop_back();
    r = resolve_people(a, {});
    CHECK(r[2] == std::vector<std::string>{"Baker"});
}

TEST_CASE("resolution: an ambiguous surname goes to the one candidate seen with its company") {
    std::vector<ArticlePeople> a = {
        art("wire.example", 100, {"James Baker", "George Shultz"}),
        art("wire.example", 101, {"Howard Baker", "Tip O'Neill"}),
        art("wire.example", 102, {"Baker", "George Shultz"}),
        art("wire.example", 103, {"Baker", "Gorbachev"}), // no full name in common
        art("wire.example", 104, {"Baker", "George Shultz", "Tip O'Neill"}), // both
    };
    auto r = resolve_people(a, {});
    CHECK(r[2] == std::vector<std::string>{"James Baker", "George Shultz"});
    CHECK(r[3] == std::vector<std::string>{"Baker", "Gorbachev"});
    CHECK(r[4] == std::vector<std::string>{"Baker", "George Shultz", "Tip O'Neill"});
}

TEST_CASE("resolution: only the same source and the window count; the article's own name first") {
    std::vector<ArticlePeople> a = {
        art("other.example", 100, {"Nancy Reagan"}),
        art("wire.example", 100, {"Ronald Reagan"}),
        art("wire.example", 900, {"Reagan"}),                  // out of the window
        art("wire.example", 101, {"Reagan"}),                  // in it
        art("wire.example", 2000, {"Nancy Reagan", "Reagan"}), // her own article
    };
    auto r = resolve_people(a, {});
    CHECK(r[2] == std::vector<std::string>{"Reagan"});
    CHECK(r[3] == std::vector<std::string>{"Ronald Reagan"});
    CHECK(r[4] == std::vector<std::string>{"Nancy Reagan", "Nancy Reagan"});
    // An undated article looks at its whole source: two Reagans there.
    a.push_back({"wire.example", std::nullopt, {"Reagan"}});
    r = resolve_people(a, {});
    CHECK(r[5] == std::vector<std::string>{"Reagan"});
}

TEST_CASE("alias table: merge, rename, split") {
    auto t = PersonAliases::parse("# people\n"
                                  "merge: Ronald Reagan = Ron Reagan, The Gipper\n"
                                  "rename: Cassius Clay = Muhammad Ali\n"
                                  "split: Baker\n"
                                  "\n",
                                  "aliases.txt");
    CHECK(t.canonical("ron reagan") == "Ronald Reagan");
    CHECK(t.canonical("THE GIPPER") == "Ronald Reagan");
    CHECK(t.canonical("Cassius Clay") == "Muhammad Ali");
    CHECK(t.canonical("Ronald Reagan").empty());
    CHECK(t.is_split("baker"));
    CHECK(t.merges() == 3);
    // The stored text reads back as the same table.
    auto again = PersonAliases::parse(t.text(), "stored");
    CHECK(again.text() == t.text());
    CHECK(again.canonical("the gipper") == "Ronald Reagan");

    std::vector<ArticlePeople> a = {
        art("wire.example", 100, {"James Baker"}),
        art("wire.example", 101, {"Baker", "The Gipper"}),
        art("wire.example", 102, {"Cassius Clay"}),
    };
    auto r = resolve_people(a, t);
    CHECK(r[1] == std::vector<std::string>{"Baker", "Ronald Reagan"}); // split: never merged
    CHECK(r[2] == std::vector<std::string>{"Muhammad Ali"});
    CHECK(resolve_people(a, {})[1] == std::vector<std::string>{"James Baker", "The Gipper"});
}

TEST_CASE("alias table: bad lines name the file and line") {
    auto fails = [](const std::string& text) {
        try {
            PersonAliases::parse(text, "a.txt");
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(fails("merge Ronald Reagan = Reagan").rfind("a.txt:1: ", 0) == 0);
    CHECK(fails("\nfuse: A = B").rfind("a.txt:2: 'fuse'", 0) == 0);
    CHECK(fails("merge: A, B = C").find("one name before") != std::string::npos);
    CHECK(fails("merge: A = B\nmerge: C = B").find("already given") != std::string::npos);
    CHECK(fails("rename: A = B\nrename: B = A").find("loop") != std::string::npos);
    CHECK(fails("merge: A =").find("no name after") != std::string::npos);
}

TEST_CASE("an article's people as the index names them") {
    Article a;
    a.people = {{"Reagan", 3, {"mentioned"}},
                {"", 1, {}},
                {"Ronald Reagan", 1, {"author"}},
                {"Tip O'Neill", 1, {"mentioned"}}};
    Article b = a;
    apply_index_people(b, join_list_value(std::vector<std::string>{"Ronald Reagan", "Ronald Reagan",
                                                                   "Tip O'Neill"}));
    REQUIRE(b.people.size() == 3);
    CHECK(b.people[0].name == "Ronald Reagan");
    CHECK(b.people[0].mentions == 4);
    CHECK(b.people[0].roles == std::vector<std::string>{"mentioned", "author"});
    CHECK(b.people[2].name == "Tip O'Neill");
    // A value that does not line up leaves the people as stored.
    Article c = a;
    apply_index_people(c, "Ronald Reagan");
    CHECK(c.people == a.people);
}
