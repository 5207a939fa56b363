// Output escaping, facet specs and term-to-field mapping.
#include "article_json.hpp"
#include "errors.hpp"
#include "facets.hpp"
#include "output.hpp"
#include "schema.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace morgue;

TEST_CASE("TSV cells escape tabs, newlines and backslashes") {
    CHECK(tsv_escape("a\tb\nc\rd\\e") == "a\\tb\\nc\\rd\\\\e");
    CHECK(tsv_escape("plain") == "plain");
}

TEST_CASE("terminal output drops control sequences") {
    CHECK(sanitize_for_terminal("Title\x1b[2J\x1b]0;pwned\x07 end") == "Title[2J]0;pwned end");
    CHECK(sanitize_for_terminal("a\xC2\x9B"
                                "31mb") == "a31mb"); // C1 CSI
    CHECK(sanitize_for_terminal("Zoë") == "Zoë");
    // Hostile input: 0x01/0x02 could fake the snippet highlight markers.
    CHECK(sanitize_for_terminal("a\x01"
                                "b\x02"
                                "c") == "abc");
    CHECK(sanitize_for_terminal("a\x01"
                                "b\x02"
                                "c",
                                true) == "a\x01"
                                         "b\x02"
                                         "c");
}

TEST_CASE("JSON output escapes control characters and keeps UTF-8") {
    SearchResult r;
    r.query = "q\"\n";
    Hit h;
    h.rank = 1;
    h.article.id = "x";
    h.article.title = "tab\there \x01 Zoë";
    r.hits.push_back(h);
    r.total = 1;
    std::ostringstream out;
    print_result(out, r, OutputOptions{OutputFormat::Json, false, {}, false});
    CHECK(out.str().find(R"("query":"q\"\n")") != std::string::npos);
    CHECK(out.str().find(R"("title":"tab\there \u0001 Zoë")") != std::string::npos);
}

// Hostile input: nlohmann escapes C0 controls only; U+009B (C1 CSI) went out raw.
TEST_CASE("output regression: JSON escapes C1 controls") {
    nlohmann::ordered_json j{{"title", "a\xC2\x9B"
                                       "31mb \xC2\xA0 \xC2\x80"}};
    CHECK(dump_json(j) == "{\"title\":\"a\\u009b31mb \xC2\xA0 \\u0080\"}");
}

TEST_CASE("facet specs") {
    CHECK(parse_facet_spec("person").field == "person");
    CHECK(parse_facet_spec("month:12").limit == 12);
    CHECK(parse_facet_spec("site").field == "source");
    CHECK_THROWS_AS(parse_facet_spec("weekday"), Error);
    CHECK_THROWS_AS(parse_facet_spec("person:0"), Error);
    CHECK_THROWS_AS(parse_facet_spec("person:x"), Error);
}

TEST_CASE("terms map back to their fields") {
    CHECK(field_of_term("ZSferri").name == "title");
    CHECK(field_of_term("XPLACEkyiv").name == "place");
    CHECK(field_of_term("XPputin").name == "person");
    CHECK(field_of_term("Zpier").name == "body");
    CHECK(field_of_term("M202410").name == "date");
    CHECK(field_of_term("Kelon musk").name == "tag");
}

TEST_CASE("paths name files, without record offsets or line numbers") {
    CHECK(file_of_path("crawl/news.warc.gz@6394") == "crawl/news.warc.gz");
    CHECK(file_of_path("crawl/all.warc.gz@0+5120") == "crawl/all.warc.gz");
    CHECK(file_of_path("export.jsonl:17") == "export.jsonl");
    CHECK(file_of_path("text/004_okafor_debate.txt") == "text/004_okafor_debate.txt");
    CHECK(file_of_path("-") == "-");
}

TEST_CASE("a hit's JSON line is dump_json(hit_to_json(...)) byte for byte") {
    // The direct writer must never drift from the reference: every field, nulls, and
    // strings that need nlohmann's escaping or dump_json's second step.
    std::vector<std::string> texts = {"",
                                      "Plain title",
                                      "Zoë Ström – “quoted”",
                                      "say \"hi\"\\now",
                                      "tab\there\nnewline",
                                      "bell\x07 and esc\x1b[2J",
                                      "controls \b\f\r\x01\x1f\x0b end",
                                      "del\x7f",
                                      "C1 \xC2\x9B"
                                      "31m",
                                      "bidi \xE2\x80\xAE"
                                      "reversed",
                                      "arabic mark \xD8\x9C"
                                      ".",
                                      "ellipsis \xE2\x80\xA6",
                                      "bad utf8 \xC3\x28 and \xFF end",
                                      "cut \xE2\x82"};
    int n = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Hit h;
        h.article.id = texts[i].empty() ? "h:1" : texts[i];
        h.article.title = texts[(i + 1) % texts.size()];
        h.article.date = i % 2 ? "2024-10-25" : "";
        if (i % 3) h.article.published = 1729852200 + static_cast<std::int64_t>(i);
        h.article.authors = {texts[(i + 2) % texts.size()], "Ann Lee"};
        if (i % 4 == 0) h.article.authors.clear();
        h.article.source = texts[(i + 3) % texts.size()];
        h.article.url = i % 2 ? "https://example.org/a?b=1&c=\"2\"" : "";
        h.article.path = texts[(i + 4) % texts.size()];
        h.rank = static_cast<unsigned>(i + 1);
        h.score = i == 0 ? 0.0 : 1.0 / 3.0 * static_cast<double>(i) + 1e-9;
        h.snippet = std::string("lead ") + kHiStart + "word" + kHiEnd + " " + texts[i] + " " +
                    kHiStart + "Ström" + kHiEnd + "…";
        h.collapsed = static_cast<unsigned>(i);
        h.matched = {"ferry", texts[(i + 5) % texts.size()]};
        for (bool collapse : {false, true})
            for (bool explain : {false, true}) {
                INFO("text " << i << " collapse " << collapse << " explain " << explain);
                CHECK(hit_json_line(h, collapse, explain) ==
                      dump_json(hit_to_json(h, collapse, explain)));
                ++n;
            }
    }
    CHECK(n == 4 * static_cast<int>(texts.size()));
}
