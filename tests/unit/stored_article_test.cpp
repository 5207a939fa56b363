#include "article_json.hpp"
#include "stored_article.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

namespace {

Article sample() {
    Article a;
    a.id = "https://example.org/ferry";
    a.title = "Ferry \"Tern\" returns";
    a.authors = {"Ines Halvorsen"};
    a.date = "2024-02-12";
    a.published = 1707772500;
    a.body = "First paragraph.\n\nSecond one, with a {brace} and \"quotes\".\n";
    a.path = "/dumps/a.jsonl:3";
    a.captions = {{"The ferry at dawn.", "Photo: Ola Brekke"}};
    return a;
}

} // namespace

TEST_CASE("a stored article is its JSON without the body, a newline, then the body") {
    Article a = sample();
    std::string s = stored_article(a);
    std::size_t nl = s.find('\n');
    REQUIRE(nl != std::string::npos);
    auto head = nlohmann::ordered_json::parse(s.substr(0, nl));
    CHECK_FALSE(head.contains("body"));
    CHECK(head["title"] == a.title);
    CHECK(s.substr(nl + 1) == a.body);

    Article back = article_from_stored(s);
    CHECK(dump_json(article_to_json(back)) == dump_json(article_to_json(a)));
}

TEST_CASE("an article with no body, or damaged data, reads back without throwing") {
    Article a = sample();
    a.body.clear();
    CHECK(article_from_stored(stored_article(a)).title == a.title);
    CHECK(article_from_stored(stored_article(a)).body.empty());
    Article junk = article_from_stored("{not json\nthe body");
    CHECK(junk.title.empty());
    CHECK(junk.body == "the body");
    CHECK(article_from_stored("").title.empty());
}

TEST_CASE("the same article from another file is the same; another body is not") {
    Article a = sample();
    Article moved = a;
    moved.path = "/elsewhere/b.jsonl:9";
    CHECK(same_stored_article(stored_article(a), stored_article(moved)));
    Article edited = a;
    edited.body += "A correction.";
    CHECK_FALSE(same_stored_article(stored_article(a), stored_article(edited)));
    Article retitled = a;
    retitled.title = "Ferry returns";
    CHECK_FALSE(same_stored_article(stored_article(a), stored_article(retitled)));
}
