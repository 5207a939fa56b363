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

TEST_CASE("a stored article is a binary head then the body, and reads back whole") {
    Article a = sample();
    a.url = "https://example.org/ferry?x=1";
    a.modified = -86400; // before 1970: the sign survives
    a.bullets = {{"Why.", "Because the pier\nwas closed."}};
    a.people = {{"Ines Halvorsen", 3, {"author", "mentioned"}}, {"Ola Brekke", 1, {}}};
    a.tags = {"ferries", ""};
    a.truncated = true;
    std::string s = stored_article(a);
    REQUIRE_FALSE(s.empty());
    CHECK(static_cast<unsigned char>(s[0]) == 0x01); // not '{': a JSON head is the old form
    CHECK(s.size() >= a.body.size());
    CHECK(s.substr(s.size() - a.body.size()) == a.body);
    Article back = article_from_stored(s);
    CHECK(back == a);
    CHECK(back.modified == -86400);
    CHECK(back.people[0].roles == std::vector<std::string>{"author", "mentioned"});
}

TEST_CASE("an index written with the JSON head still reads") {
    Article a = sample();
    nlohmann::ordered_json head = article_to_json(a);
    head.erase("body");
    std::string old = dump_json(head) + "\n" + a.body;
    Article back = article_from_stored(old);
    CHECK(back == a);
    // The same article in the old and the new form is the same article (re-indexing an
    // old index does not count every article as updated).
    CHECK(same_stored_article(old, stored_article(a)));
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
    // A binary head cut short: what was read is kept, the rest is empty.
    std::string cut = stored_article(sample()).substr(0, 30); // id, then cut in the path
    Article part = article_from_stored(cut);
    CHECK(part.id == "https://example.org/ferry");
    CHECK(part.title.empty());
    CHECK(part.body.empty());
    // A length far past the end is not believed.
    Article huge = article_from_stored(std::string("\x01\xff\xff\xff\xff\x0f", 6) + "abc");
    CHECK(huge.id.empty());
    CHECK(huge.body.empty());
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
