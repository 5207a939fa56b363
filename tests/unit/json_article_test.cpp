// JSON objects from crawler exports -> Article: the accepted key names, WET text, and
// the container's fetch time as the date of last resort.
#include "errors.hpp"
#include "parse/json_article.hpp"
#include "parse/parse.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

namespace {

Article parse_json(const std::string& line, const std::string& url = {}) {
    Record r;
    r.bytes = line;
    r.origin = "export.jsonl:1";
    r.path = "export.jsonl";
    r.format = RecordFormat::Json;
    r.container = "jsonl";
    r.url = url;
    return parse_record(r);
}

} // namespace

TEST_CASE("news-please style keys") {
    Article a = parse_json(
        R"({"title": "Ferry crews walk out", "maintext": "First paragraph.\nSecond  paragraph.\n\n",
        "authors": ["Ilse Marrow", "Tobias Quell"], "date_publish": "2025-03-14 06:30:00",
        "date_modify": "2025-03-14 09:00:00", "url": "https://Harbourgazette.example/ferry?utm_source=x",
        "description": "Talks broke down.", "source_domain": "harbourgazette.example", "language": "en"})");
    CHECK(a.title == "Ferry crews walk out");
    CHECK(a.body == "First paragraph.\n\nSecond paragraph.");
    CHECK(a.authors == std::vector<std::string>{"Ilse Marrow", "Tobias Quell"});
    CHECK(a.byline == "Ilse Marrow and Tobias Quell");
    CHECK(a.date == "2025-03-14");
    CHECK(a.date_source == "json");
    CHECK(a.published == 1741933800); // 2025-03-14T06:30:00Z (no zone: UTC)
    CHECK(a.modified == 1741942800);
    CHECK(a.url == "https://harbourgazette.example/ferry");
    CHECK(a.id == "https://harbourgazette.example/ferry");
    CHECK(a.subtitle == "Talks broke down.");
    CHECK(a.source == "harbourgazette.example");
    CHECK(a.lang == "en");
    CHECK(a.format == "jsonl");
    CHECK(a.path == "export.jsonl:1");
}

TEST_CASE("schema.org and other spellings of the same keys") {
    Article a = parse_json(R"({"headline": "Lighthouse reopens", "articleBody": "Text.",
        "author": [{"@type": "Person", "name": "Petra Vanek"}], "datePublished": "2025-03-12T10:00:00+01:00",
        "dateModified": "2025-03-13T08:00:00Z", "keywords": "museum, Brannock , ", "inLanguage": "en-GB",
        "site": "HarbourGazette.example", "section": "Culture"})");
    CHECK(a.title == "Lighthouse reopens");
    CHECK(a.body == "Text.");
    CHECK(a.authors == std::vector<std::string>{"Petra Vanek"});
    CHECK(a.date == "2025-03-12"); // the local date as written
    CHECK(a.published == 1741770000);
    CHECK(a.tags == std::vector<std::string>{"museum", "Brannock"});
    CHECK(a.lang == "en");
    CHECK(a.source == "harbourgazette.example");
    CHECK(a.section == "Culture");
    // A publisher's name under "source" is not a host: the URL's host is used instead.
    Article b = parse_json(
        R"({"title": "T", "text": "x", "source": "The Harbour Gazette", "url": "https://www.harbourgazette.example/t"})");
    CHECK(b.source == "harbourgazette.example");
    CHECK(a.id.rfind("h:", 0) == 0); // no URL: content hash
}

TEST_CASE("authors as one string are split; text/content/body keys") {
    auto [key, author, expected] =
        GENERATE(table<std::string, std::string, std::vector<std::string>>({
            {"text", "By Anselm Rook and Mirela Dask", {"Anselm Rook", "Mirela Dask"}},
            {"content", "Anselm Rook; Mirela Dask", {"Anselm Rook", "Mirela Dask"}},
            {"body", "Anselm Rook", {"Anselm Rook"}},
        }));
    Article a = parse_json("{\"title\": \"T\", \"" + key + "\": \"Body.\", \"author\": \"" +
                           author + "\"}");
    CHECK(a.body == "Body.");
    CHECK(a.authors == expected);
}

TEST_CASE("dates as epoch seconds and milliseconds; the download date as fetch time") {
    CHECK(parse_json(R"({"title": "T", "text": "x", "published": 1741933800})").date ==
          "2025-03-14");
    CHECK(parse_json(R"({"title": "T", "text": "x", "published": 1741933800000})").published ==
          1741933800);
    Article a =
        parse_json(R"({"title": "T", "text": "x", "date_download": "2025-03-15 07:00:00"})");
    CHECK(a.date == "2025-03-15");
    CHECK(a.date_source == "fetch");
    Article none = parse_json(R"({"title": "T", "text": "x"})");
    CHECK(none.date.empty());
    CHECK(!none.published);
    // Numbers past year 9999 (and past what an int64 holds) are no date, not a crash.
    for (const char* big : {"1e300", "9.3e18", "253402300800000"}) { // the last: year 10000 in ms
        Article far =
            parse_json(std::string(R"({"title": "T", "text": "x", "published": )") + big + "}");
        CHECK(!far.published);
        CHECK(far.date.empty());
    }
}

TEST_CASE("bad JSON lines are rejected with a reason") {
    CHECK_THROWS_WITH(parse_json(R"({"title": "T", "text": )"), "not valid JSON");
    CHECK_THROWS_WITH(parse_json(R"(["title", "text"])"), "JSON value is not an object");
    CHECK_THROWS_WITH(parse_json(R"({"id": 7, "tags": ["x"], "date": "2025-03-14"})"),
                      "JSON article has nothing to search (no title, text or html)");
    CHECK_THROWS_WITH(parse_json(R"({"title": "  ", "text": "\n"})"),
                      "JSON article has nothing to search (no title, text or html)");
    // Invalid UTF-8 inside a string is repaired, not fatal.
    Article a = parse_json("{\"title\": \"Caf\xe9\", \"text\": \"ok\"}");
    CHECK(a.title == "Caf\xEF\xBF\xBD");
}

TEST_CASE("an object with only html goes to the HTML extractor with its URL") {
    Article a = parse_json(
        R"({"url": "https://harbourgazette.example/x", "html": "<html><head><title>Quay</title></head><body><p>Quay Road closes.</p></body></html>", "title": "Quay Road closes"})");
    CHECK(a.url == "https://harbourgazette.example/x");
    CHECK(a.title == "Quay Road closes"); // the export's title outranks the page's <title>
    CHECK(a.body.find("Quay Road closes") != std::string::npos);
    CHECK(a.format == "jsonl"); // named for its container
}

TEST_CASE("WET text: first line is the title, lines are paragraphs, URL and fetch date") {
    Record r;
    r.bytes = "Swing bridge repairs\nQuay Road will close.\r\nPedestrians can cross.\n";
    r.format = RecordFormat::Text;
    r.container = "wet";
    r.url = "https://harbourgazette.example/2025/03/bridge.html#top";
    r.fetched = 1741940100; // 2025-03-14T08:15:00Z
    r.origin = "crawl.warc.wet.gz@120";
    Article a = parse_record(r);
    CHECK(a.title == "Swing bridge repairs");
    CHECK(a.body == "Swing bridge repairs\n\nQuay Road will close.\n\nPedestrians can cross.");
    CHECK(a.url == "https://harbourgazette.example/2025/03/bridge.html");
    CHECK(a.id == a.url);
    CHECK(a.format == "wet");
    CHECK(a.date == "2025-03-14");
    CHECK(a.date_source == "fetch");
    CHECK(a.published == 1741940100);
    CHECK(a.path == "crawl.warc.wet.gz@120");
    r.bytes = " \n\n";
    CHECK_THROWS_WITH(parse_record(r), "WET conversion record has no text");
}

TEST_CASE("the fetch time never replaces an article's own date") {
    Record r;
    r.bytes = R"({"title": "T", "text": "x", "date": "2024-12-01"})";
    r.format = RecordFormat::Json;
    r.fetched = 1741940100;
    Article a = parse_record(r);
    CHECK(a.date == "2024-12-01");
    CHECK(a.date_source == "json");
}

TEST_CASE("a number too big for a double does not lose the article") {
    // Valid JSON (numbers are unbounded); the overflowing number is read as null.
    Article a =
        parse_json(R"({"title": "Ferry strike ends", "text": "Talks ended at 1e999 past.",)"
                   R"( "score": 1e999, "ranks": [-2E+400, 3], "url": "https://x.example/a"})");
    CHECK(a.title == "Ferry strike ends");
    CHECK(a.body == "Talks ended at 1e999 past."); // inside a string: untouched
    CHECK(a.url == "https://x.example/a");
    // Still broken JSON stays rejected.
    CHECK_THROWS_WITH(parse_json(R"({"title": "T", "score": 1e999, "text": )"), "not valid JSON");
}

TEST_CASE("a brief (a headline, no text) and a text without a headline are articles") {
    Article brief = parse_json(R"({"id": "14826", "title": "U.S. TREASURY BALANCE AT FED ROSE"})");
    CHECK(brief.title == "U.S. TREASURY BALANCE AT FED ROSE");
    CHECK(brief.body.empty());
    CHECK(brief.id == "14826");
    Article untitled = parse_json(R"({"text": "Wheat futures closed higher on export hopes."})");
    CHECK(untitled.title.empty());
    CHECK(untitled.body == "Wheat futures closed higher on export hopes.");
    CHECK(untitled.id.rfind("h:", 0) == 0);
}

TEST_CASE("the record's own id names it: the same text under two ids is two articles") {
    std::string text = R"("title": "Grain shipments resume", "text": "Barges left at dawn.")";
    Article first = parse_json("{\"id\": 101, " + text + "}");
    Article resent = parse_json("{\"id\": 102, " + text + "}");
    CHECK(first.id == "101");
    CHECK(resent.id == "102");
    CHECK(parse_json("{\"_id\": \"a-7\", " + text + "}").id == "a-7");
    // A URL outranks the export's id; with neither, the content hash is the id.
    CHECK(parse_json("{\"id\": 101, \"url\": \"https://wire.example/101\", " + text + "}").id ==
          "https://wire.example/101");
    CHECK(parse_json("{" + text + "}").id == parse_json("{" + text + "}").id);
    CHECK(parse_json("{" + text + "}").id.rfind("h:", 0) == 0);
}

TEST_CASE("a lone UTF-16 surrogate escape becomes U+FFFD and the article is kept") {
    Record r;
    r.bytes = R"({"title":"Cut \ud800 here \udc00 and a pair \ud83d\ude00","text":"Body.",)"
              R"("url":"https://example.com/s","note":"\\ud800 is text"})";
    Article a = parse_json_article(r);
    CHECK(a.title == "Cut \xef\xbf\xbd here \xef\xbf\xbd and a pair \xf0\x9f\x98\x80");
}

TEST_CASE("json: wire copy wrapped at a fixed width is joined back into paragraphs") {
    // Team-written, wrapped at 62 columns the way wire archives are: a paragraph opens
    // with an indent; a name breaks across two lines; a short line that ends mid-sentence
    // goes on when the next starts in lower case.
    std::string text = "Harbour Commissioner Selma T. Okonjo-Ruiz\n"
                       "said on Tuesday the northern pier would reopen in the spring,\n"
                       "after a survey found the pilings sound enough to carry cranes\n"
                       "again this year.\n"
                       "    The board met with port director Tobias\n"
                       "Wendt of Glenmoor and three shipping agents to discuss fees\n"
                       "and the timetable for dredging the outer channel next autumn.\n"
                       "    Wendt said the fees would not rise before the new season.\n";
    CHECK(paragraphs_of(text) ==
          "Harbour Commissioner Selma T. Okonjo-Ruiz said on Tuesday the northern pier would "
          "reopen in the spring, after a survey found the pilings sound enough to carry "
          "cranes again this year.\n\n"
          "The board met with port director Tobias Wendt of Glenmoor and three shipping "
          "agents to discuss fees and the timetable for dredging the outer channel next "
          "autumn.\n\n"
          "Wendt said the fees would not rise before the new season.");
}

TEST_CASE("json: a blank line ends a wrapped paragraph, whatever the next line's case") {
    std::string text = "Harbour fees to stay level through the season\n"
                       "\n"
                       "eBay sellers of ship parts said on Tuesday the northern pier\n"
                       "would reopen in the spring, after a survey found the pilings\n"
                       "sound enough to carry the cranes again this coming year.\n"
                       "    The board met with port director Tobias Wendt of Glenmoor\n";
    CHECK(paragraphs_of(text) ==
          "Harbour fees to stay level through the season\n\n"
          "eBay sellers of ship parts said on Tuesday the northern pier would reopen in the "
          "spring, after a survey found the pilings sound enough to carry the cranes again "
          "this coming year.\n\n"
          "The board met with port director Tobias Wendt of Glenmoor");
}

TEST_CASE("json: a text with a paragraph on each line keeps its lines") {
    std::string text = "The northern pier reopens in the spring.\n"
                       "A survey found the pilings sound enough to carry cranes again.\n"
                       "Fees will not rise before the new season, the director said.\n"
                       "Dredging of the outer channel starts next autumn.\n";
    CHECK(paragraphs_of(text) ==
          "The northern pier reopens in the spring.\n\n"
          "A survey found the pilings sound enough to carry cranes again.\n\n"
          "Fees will not rise before the new season, the director said.\n\n"
          "Dredging of the outer channel starts next autumn.");
    // Long lines (a web export's paragraphs) are never joined, whatever their ends.
    std::string web(150, 'x');
    CHECK(paragraphs_of(web + " and\n" + web + " and\n" + web + "\n" + web) ==
          web + " and\n\n" + web + " and\n\n" + web + "\n\n" + web);
}
