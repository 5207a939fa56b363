// Golden query tests: a query string must give an exact Xapian query description
// (Xapian's own tests/api_queryparser.cc habit).
#include "errors.hpp"
#include "query.hpp"
#include "query_words.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

static std::string parsed(const std::string& text, QueryOptions opts = {}) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    opts.today = {2024, 11, 6};
    QueryBuilder qb(db, opts);
    return qb.parse(text).get_description();
}

TEST_CASE("fields map to the schema's prefixes") {
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"title:ferry", "Query(Sferri@1)"},
        {"author:\"Mara Lindqvist\"", "Query((Amara@1 PHRASE 2 Alindqvist@2))"},
        {"by:quinn", "Query(Aquinn@1)"},
        {"caption:okafor", "Query(XCAPokafor@1)"},
        {"bullet:taiwan", "Query(XBULtaiwan@1)"},
        {"place:kyiv", "Query(XPLACEkyiv@1)"},
        {"person:putin", "Query(XPputin@1)"},
        {"dek:strike", "Query(XDEKstrike@1)"},
        {"tag:\"Elon Musk\"", "Query(0 * Kelon musk)"},
        {"site:www.Example.com", "Query(0 * Hexample.com)"},
        {"lang:EN", "Query(0 * Len)"},
        {"date:2024-10", "Query(0 * M202410)"},
        {"ferry pier", "Query((ferri@1 AND pier@2))"},
        {"ferry -strike", "Query((ferri@1 AND_NOT strike@2))"},
        {"José", "Query(jose@1)"}, // accents fold before parsing
    }));
    INFO(text);
    CHECK(parsed(text) == expected);
}

TEST_CASE("--any, --since and --until") {
    QueryOptions any;
    any.match = MatchMode::Any;
    CHECK(parsed("ferry pier", any) == "Query((ferri@1 OR pier@2))");
    QueryOptions since;
    since.since = "2024-10";
    CHECK(parsed("ferry", since).find("M202410") != std::string::npos);
}

TEST_CASE("a bad date in a query is an error, not a wider search") {
    CHECK_THROWS_AS(parsed("ferry date:2024-13"), Error);
    CHECK_THROWS_WITH(parsed("date:someday"), Catch::Contains("'someday'"));
}

// Hostile input: a 120,000-term OR chain kept Xapian's parser busy for minutes.
TEST_CASE("query regression: an overlong OR chain is refused at once") {
    std::string q;
    for (int i = 0; i < 10001; ++i)
        q += (i ? " OR w" : "w") + std::to_string(i);
    CHECK_THROWS_WITH(parsed(q), "the query has 10001 terms; at most 10000");
    std::string ok;
    for (int i = 0; i < 2000; ++i)
        ok += "w" + std::to_string(i) + " ";
    CHECK_NOTHROW(parsed(ok));
}

TEST_CASE("short queries need every word; stop words need not match") {
    CHECK(parsed("the ferry to the pier") == "Query((ferri@2 AND pier@5))");
    QueryOptions all;
    all.match = MatchMode::All;
    CHECK(parsed("ferry pier strike harbour", all) ==
          "Query((ferri@1 AND pier@2 AND strike@3 AND harbour@4))");
}

TEST_CASE("long queries match any word, all-word matches ranked first") {
    CHECK(parsed("ferry pier strike harbour") ==
          "Query(((ferri@1 OR pier@2 OR strike@3 OR harbour@4) AND_MAYBE 1 * (ferri@1 AND "
          "pier@2 AND strike@3 AND harbour@4)))");
    // Fields, phrases and exclusions are kept and must match.
    auto q = parsed("ferry pier strike harbour title:calder -storm");
    CHECK(q.find("AND_MAYBE") != std::string::npos);
    CHECK(q.find("Scalder@1 AND_NOT storm@2") != std::string::npos);
    // Parentheses without an operator group nothing: the words are a sentence still.
    CHECK(parsed("the ferry (passenger) pier strike") == parsed("the ferry passenger pier strike"));
    CHECK(parsed("ferry pier (strike OR harbour)").find("AND_MAYBE") == std::string::npos);
    // Operators: the query means what it says.
    CHECK(parsed("ferry OR pier OR strike OR harbour") ==
          "Query((ferri@1 OR pier@2 OR strike@3 OR harbour@4))");
}

TEST_CASE("a query typed in capitals is read as words, its operators too") {
    CHECK(typed_in_capitals("KENNEDY AND THE BUDDHISTS"));
    CHECK(typed_in_capitals("U.S . AID TO LAOS"));
    CHECK(typed_in_capitals("\xC3\x89"
                            "COLE ET \xC3\x89"
                            "TAT")); // ÉCOLE ET ÉTAT
    CHECK_FALSE(typed_in_capitals("ferry OR pier"));
    CHECK_FALSE(typed_in_capitals("\xC3\xA9"
                                  "COLE OR PIER"));             // a lower-case é
    CHECK_FALSE(typed_in_capitals("2024 A"));                   // one capital is no sign
    CHECK_FALSE(typed_in_capitals("\xE6\x9D\xB1\xE4\xBA\xAC")); // no case at all
    CHECK(parsed("FERRY OR PIER") == parsed("ferry or pier"));
    CHECK(parsed("FERRY OR PIER") == "Query((ferri@1 AND pier@3))");
    CHECK(parsed("FERRY NOT PIER STRIKE HARBOUR") == parsed("ferry not pier strike harbour"));
    CHECK(parsed("TITLE:CALDER FERRY") == parsed("title:calder ferry"));
}

TEST_CASE("finding 11: a query of only exclusions is an error") {
    CHECK_THROWS_WITH(parsed("-oil"), Catch::Contains("only excludes"));
    CHECK_THROWS_WITH(parsed("NOT oil"), Catch::Contains("only excludes"));
    QueryOptions since;
    since.since = "2024";
    CHECK(parsed("-oil", since).find("<alldocuments> AND_NOT oil@1") != std::string::npos);
}

TEST_CASE("finding 7: NEAR chains and phrases are capped") {
    std::string near = "w0";
    for (int i = 1; i <= 100; ++i)
        near += " NEAR w" + std::to_string(i);
    CHECK_THROWS_WITH(parsed(near), Catch::Contains("NEAR and ADJ join at most 64"));
    std::string hyphens = "w0";
    for (int i = 1; i <= 100; ++i)
        hyphens += "-w" + std::to_string(i);
    CHECK_THROWS_WITH(parsed(hyphens), Catch::Contains("at most 64 terms"));
    CHECK_NOTHROW(parsed("harbour NEAR ferry NEAR strike"));
}
