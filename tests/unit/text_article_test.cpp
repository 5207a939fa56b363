// The plain-text article parser, one fixture per trap of the format.
#include "errors.hpp"
#include "parse/text_article.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace morgue;

static std::string fixture(const std::string& name) {
    std::ifstream in(std::string(MORGUE_FIXTURES) + "/text/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST_CASE("text article: byline with three authors, NBSP affiliation, EDT time") {
    Article a = parse_text_article(fixture("three_authors.txt"));
    CHECK(a.title == "Harbour Council Votes to Close Old Ferry Pier");
    CHECK(a.subtitle == "Two-year repair bill was too steep, members say");
    CHECK(a.date == "2023-03-14");
    CHECK(a.authors == std::vector<std::string>{"Mara Lindqvist", "Tomás Ferreira", "Jun Park"});
    CHECK(a.affiliation == "Coastline Ledger Staff");
    REQUIRE(a.published);
    CHECK(*a.published == 1678831500); // 2023-03-14T22:05:00Z
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].credit == "Ledger Photo/Ines Okafor");
    CHECK(a.captions[0].text ==
          "Commuters board the last morning ferry at the old pier in Port Alden, Tuesday, March 14, 2023.");
    CHECK(a.dateline == "PORT ALDEN, Maine");
    CHECK(a.body.rfind("The Port Alden harbour council voted", 0) == 0);
    REQUIRE(a.bullets.size() == 3);
    CHECK(a.bullets[0] == Bullet{"The vote", "Five members backed the closure after a three-hour debate."});
    CHECK(a.bullets[1].label == "What comes next");
    CHECK(a.bullets[2].label.empty());
    CHECK(a.tags == std::vector<std::string>{"Port Alden"});
    CHECK(a.body.find("install") == std::string::npos);
}

TEST_CASE("text article: no date line is rejected") {
    CHECK_THROWS_AS(parse_text_article("Just some words\nand more\n"), RecordError);
}
