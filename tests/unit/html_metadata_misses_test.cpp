// Issue 13: one test per kind of title, date and author miss seen on pages of unseen
// publishers, each on a page the team wrote (fictional places, people and sites).
#include "parse/byline.hpp"
#include "parse/html/html_article.hpp"
#include "parse/html/html_title.hpp"
#include "parse/parse.hpp"
#include "parse/text_article.hpp"
#include "parse/text_dates.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

using namespace morgue;

namespace {

Article html(const std::string& head, const std::string& body, const std::string& url = {}) {
    Record r;
    r.origin = "page.html";
    r.format = RecordFormat::Html;
    r.url = url;
    r.bytes = "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
    return parse_html_article(r);
}

const std::string kText =
    "<p>The ferry to Brindle Island ran again on Monday after the storm had kept it in port "
    "for nine days, and the harbour master said the timetable would hold all week.</p>"
    "<p>Fishermen who had waited out the storm on the quay were the first to cross.</p>";

} // namespace

// ---------------------------------------------------------------- text dates, many languages

TEST_CASE("text dates: the forms of eight languages and of Korean, Japanese, Chinese") {
    auto [text, month_first, want] = GENERATE(table<std::string, bool, std::string>({
        {"Stand: 19.10.2019, 14:30 Uhr", false, "2019-10-19"},
        {"19. Oktober 2019", false, "2019-10-19"},
        {"am 3. März 2021", false, "2021-03-03"},
        {"publié le 22 octobre 2019", false, "2019-10-22"},
        {"1er février 2020", false, "2020-02-01"},
        {"4 de mayo de 2022", false, "2022-05-04"},
        {"Publicado em 4 de maio de 2022", false, "2022-05-04"},
        {"4 maggio 2022", false, "2022-05-04"},
        {"4 mei 2022", false, "2022-05-04"},
        {"2022년 5월 4일 오후 3:00", false, "2022-05-04"},
        {"2022. 5. 4.", false, "2022-05-04"},
        {"2020年7月12日", false, "2020-07-12"},
        {"October 19, 2019", false, "2019-10-19"},
        {"Oct. 19th, 2019", false, "2019-10-19"},
        {"19/10/2019", false, "2019-10-19"},
        {"10/19/2019", false, "2019-10-19"},
        {"03/04/2019", true, "2019-03-04"},
        {"03/04/2019", false, "2019-04-03"},
        {"2019-10-22T08:00:00Z", false, "2019-10-22"},
    }));
    CAPTURE(text);
    auto ds = find_text_dates(text, month_first);
    REQUIRE(ds.size() == 1);
    CHECK(format_ymd(ds[0].ymd) == want);
}

TEST_CASE("text dates: not dates, and the cues for published and updated") {
    CHECK(find_text_dates("Version 1.2.3 released; call 0800 123 456; 31.02.2019").empty());
    CHECK(find_text_dates("Oktober 2019 und 2020").empty()); // no day
    auto ds = find_text_dates("Veröffentlicht am 19.10.2019, aktualisiert am 21.10.2019");
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].published);
    CHECK_FALSE(ds[0].modified);
    CHECK(ds[1].modified);
    CHECK(month_from_word("Févr.") == 2);
    CHECK(month_from_word("Dezember") == 12);
    CHECK(month_from_word("Brindle") == 0);
}

// ---------------------------------------------------------------- dates

TEST_CASE("dates: a <time datetime> is the only date") {
    Article a = html("<title>Ferry runs again</title>",
                     "<article><h1>Ferry runs again after the storm</h1>"
                     "<time datetime=\"2019-10-22T07:15:00+02:00\">Tuesday</time>" +
                         kText + "</article>");
    CHECK(a.date == "2019-10-22");
    CHECK(a.date_source == "time-element");
}

TEST_CASE("dates: itemprop=datePublished on a span, with the date as its text") {
    Article a = html("<title>Ferry runs again</title>",
                     "<article><h1>Ferry runs again after the storm</h1>"
                     "<div class=\"info\"><span itemprop=\"datePublished\">22. Oktober "
                     "2019</span></div>" +
                         kText + "</article>");
    CHECK(a.date == "2019-10-22");
    CHECK(a.date_source == "microdata");
}

TEST_CASE("dates: JSON-LD @graph, datePublished over dateModified") {
    Article a = html(
        "<title>Ferry runs again</title><script type=\"application/ld+json\">"
        R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Brindle Post"},)"
        R"({"@type":"NewsArticle","headline":"Ferry runs again after the storm",)"
        R"("dateModified":"2019-12-02T10:00:00Z","datePublished":"2019-10-22T07:15:00Z"}]})"
        "</script>",
        "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.date == "2019-10-22");
    CHECK(a.date_source == "jsonld");
    REQUIRE(a.modified);
    CHECK(*a.modified == 1575280800);
}

TEST_CASE("dates: only a modified time is known") {
    Article a = html("<title>Ferry runs again</title>"
                     "<meta property=\"article:modified_time\" content=\"2019-12-02T10:00:00Z\">",
                     "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.date == "2019-12-02");
    CHECK(a.date_source == "meta-modified");
}

TEST_CASE("dates: in the URL's path") {
    Article a = html("<title>Ferry runs again</title>",
                     "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>",
                     "https://brindle-post.example/news/2019/10/22/ferry-runs-again/");
    CHECK(a.date == "2019-10-22");
    CHECK(a.date_source == "url");
    // A day-first segment, and an eight-digit one; "/2003/03/20030331" is not the 20th.
    a = html("<title>Ferry</title>", "<h1>Ferry runs again after the storm</h1>" + kText,
             "https://brindle-post.example/meldungen/22-10-2019");
    CHECK(a.date == "2019-10-22");
    a = html("<title>Ferry</title>", "<h1>Ferry runs again after the storm</h1>" + kText,
             "https://brindle-post.example/reden/2003/03/20030331_rede.html");
    CHECK(a.date != "2003-03-20");
}

TEST_CASE("dates: written near the headline in the page's language") {
    auto [line, want] = GENERATE(table<std::string, std::string>({
        {"Von Jana Roth | 19.10.2019", "2019-10-19"},
        {"19. Oktober 2019 &middot; 4 Min. Lesezeit", "2019-10-19"},
        {"Par Luc Perrin, le 22 octobre 2019", "2019-10-22"},
        {"Por Ana Ruiz - 4 de mayo de 2022", "2022-05-04"},
        {"di Marco Bellini, 4 maggio 2022", "2022-05-04"},
        {"홍길동 기자 | 입력 2022년 5월 4일", "2022-05-04"},
    }));
    CAPTURE(line);
    Article a = html("<meta charset=\"utf-8\"><title>Ferry runs again</title>",
                     "<nav><a href=\"/\">Home</a></nav><article><h1>Ferry runs again after the "
                     "storm</h1><div class=\"meta\">" +
                         line + "</div>" + kText + "</article>");
    CHECK(a.date == want);
    CHECK(a.date_source == "text");
}

TEST_CASE("dates: published over updated, the article's own over a related story's") {
    Article a = html("<title>Ferry runs again</title>",
                     "<article><h1>Ferry runs again after the storm</h1>"
                     "<p class=\"dates\">Aktualisiert am 21.10.2019 – veröffentlicht am "
                     "19.10.2019</p>" +
                         kText + "</article>");
    CHECK(a.date == "2019-10-19");

    // A related story, listed first with its own date markup and JSON-LD object.
    a = html("<title>Ferry runs again</title><script type=\"application/ld+json\">"
             R"([{"@type":"WebPage","name":"Ferry"},)"
             R"({"@type":"NewsArticle","headline":"Ferry runs again after the storm"},)"
             R"({"@type":"NewsArticle","headline":"Storm closes the harbour",)"
             R"("datePublished":"2019-10-11"}])"
             "</script>",
             "<aside><a href=\"/storm\">Storm closes the harbour</a><span class=\"date\">"
             "11.10.2019</span></aside><article><h1>Ferry runs again after the storm</h1>"
             "<p>Brindle Post, 20.10.2019</p>" +
                 kText + "</article>");
    CHECK(a.date == "2019-10-20");
}

TEST_CASE("dates: before 1990 or in the future are suspect") {
    Article a = html("<title>Ferry runs again</title>"
                     "<meta name=\"date\" content=\"1970-01-01\">",
                     "<article><h1>Ferry runs again after the storm</h1><p>Posted on "
                     "October 22, 2019</p>" +
                         kText + "</article>");
    CHECK(a.date == "2019-10-22");
    a = html("<title>Ferry runs again</title>"
             "<meta name=\"date\" content=\"2199-01-01\">",
             "<article><h1>Ferry runs again after the storm</h1><p>22.10.2019</p>" + kText +
                 "</article>");
    CHECK(a.date == "2019-10-22");
}

// ---------------------------------------------------------------- dates: where they hide

TEST_CASE("dates: a reader comment's <time pubdate> is not the article's") {
    Article a = html("<title>Ferry runs again</title>",
                     "<article><h1>Ferry runs again after the storm</h1>"
                     "<p class=\"byline\">Le 28 juin 2019</p>" +
                         kText +
                         "<ol class=\"comment-list\"><li><time pubdate "
                         "datetime=\"2019-09-22T07:30:00Z\">22 septembre</time> Harbour "
                         "fan: at last!</li></ol></article>");
    CHECK(a.date == "2019-06-28");
}

TEST_CASE("dates: an embedded post's <time> (in a <blockquote>) is not the article's") {
    Article a =
        html("<title>Ferry runs again</title><script type=\"application/ld+json\">"
             R"({"@type":"NewsArticle","headline":"Ferry runs again after the storm",)"
             R"("datePublished":"2018-05-23T15:30:00Z","dateModified":"2018-05-23T15:30:00Z"})"
             "</script>",
             "<article><h1>Ferry runs again after the storm</h1>"
             "<blockquote class=\"social-embed\"><p>A post shared by the harbour "
             "on <time datetime=\"2018-03-27T07:08:52+00:00\">Mar 27, "
             "2018</time></p></blockquote>" +
                 kText + "</article>");
    CHECK(a.date == "2018-05-23");
    CHECK(a.date_source == "jsonld");
}

TEST_CASE("dates: a <time> or a date inside the <h1>") {
    Article a = html("<title>Ferry runs again</title>",
                     "<h1><span class=\"kicker\"><time datetime=\"2022-02-01\">1. Februar "
                     "2022</time></span> Ferry runs again after the storm</h1>" +
                         kText);
    CHECK(a.date == "2022-02-01");
    a = html("<title>Ferry runs again</title>",
             "<h1>Ferry runs again after the storm<br><small>02.02.2022</small></h1>"
             "<p>Under the rules in force since 28.01.2022 the ferry may carry more "
             "passengers than before, the harbour master said on the quay.</p>" +
                 kText);
    CHECK(a.date == "2022-02-02");
}

TEST_CASE("dates: a how-to or a recipe in JSON-LD, not an article") {
    Article a = html("<title>Mending a sail</title><script type=\"application/ld+json\">"
                     R"({"@context":"https://schema.org","@type":"HowTo",)"
                     R"("name":"Mending a sail in seven steps",)"
                     R"("datePublished":"2022-01-10T22:06:08Z","step":[]})"
                     "</script>",
                     "<h1>Mending a sail in seven steps</h1>" + kText);
    CHECK(a.date == "2022-01-10");
    CHECK(a.date_source == "jsonld");
}

TEST_CASE("dates: a Drupal 'submitted' line below the story") {
    std::string long_text;
    for (int i = 0; i < 8; ++i)
        long_text += kText;
    Article a = html("<title>Ferry runs again</title>",
                     "<h1>Ferry runs again after the storm</h1><div class=\"content\">"
                     "<p>Some of us will sail to the island fair on 23.-26.8.2017.</p>" +
                         long_text +
                         "</div><div class=\"submitted\">Submitted by harbourfan on 24 "
                         "July 2017 - 18:55</div>");
    CHECK(a.date == "2017-07-24");
}

TEST_CASE("dates: the line that holds the byline, when no headline leads to it") {
    Article a = html("<title>Ferry runs again</title>",
                     "<span class=\"meta\"><a href=\"/\">Home</a> | Par <span "
                     "class=\"vcard author\"><a class=\"fn\" href=\"/auteur/luc\">Luc "
                     "Perrin</a></span> | 30 septembre 2018</span>"
                     "<h2>Ferry runs again after the storm</h2>"
                     "<p>The harbour had been closed since 11 septembre 2018 and reopened "
                     "with a new timetable for the whole coast.</p>" +
                         kText);
    CHECK(a.date == "2018-09-30");
}

TEST_CASE("dates: <time pubdate> on a list of other stories does not beat the header") {
    Article a = html("<title>Ferry runs again</title>",
                     "<article><h1>Ferry runs again after the storm</h1><p "
                     "class=\"publication\">Le <time datetime=\"2019-06-28T13:49:45Z\">28 "
                     "juin 2019</time></p>" +
                         kText +
                         "</article><ul class=\"more\"><li><a href=\"/a\">Storm</a> <time "
                         "pubdate datetime=\"2019-09-20T10:00:00Z\">20/09/2019</time></li>"
                         "<li><a href=\"/b\">Quay</a> <time pubdate "
                         "datetime=\"2019-09-18T10:00:00Z\">18/09/2019</time></li></ul>");
    CHECK(a.date == "2019-06-28");
}

TEST_CASE("dates: the day the page shows, backed by other markup, over a lone meta") {
    // A CMS "date" meta holding the day of an edit; the page shows the 27th, and so does
    // its microdata.
    Article a = html("<title>Ferry runs again</title>"
                     "<meta name=\"date\" content=\"2022-01-21T15:38:44+01:00\">",
                     "<article><h1>Ferry runs again after the storm</h1><span "
                     "class=\"news-date\"><time itemprop=\"datePublished\" "
                     "datetime=\"2022-01-27\">27.01.2022</time></span>" +
                         kText + "</article>");
    CHECK(a.date == "2022-01-27");
    // A JSON-LD time in UTC is the next day where the paper is printed: the meta with the
    // local offset and the header agree on the 19th.
    a = html("<title>Ferry runs again</title><script type=\"application/ld+json\">"
             R"({"@type":"NewsArticle","headline":"Ferry runs again after the storm",)"
             R"("datePublished":"2019-10-18T22:04:00Z"})"
             "</script><meta name=\"date\" content=\"Sat, 19 Oct 2019 00:04:00 +0200\">",
             "<article><h1>Ferry runs again after the storm</h1><p class=\"infoline\">Von "
             "Jana Roth, 19. Oktober 2019 00:04 Uhr</p>" +
                 kText + "</article>");
    CHECK(a.date == "2019-10-19");
    // A lone shown date that nothing else backs does not outvote the markup.
    a = html("<title>Ferry runs again</title><meta property=\"article:published_time\" "
             "content=\"2015-09-17T10:00:00+01:00\">",
             "<article><h1>Ferry runs again after the storm</h1><p>25 December 2015</p>" + kText +
                 "</article>");
    CHECK(a.date == "2015-09-17");
}

TEST_CASE("dates: the published day stays when the page shows only its update day") {
    const std::string ld = "<title>Can fish feel the cold?</title><script "
                           "type=\"application/ld+json\">"
                           R"({"@type":"Article","headline":"Can fish feel the cold?",)"
                           R"("datePublished":"2021-11-29T14:13:37+00:00",)"
                           R"("dateModified":"2022-01-12T14:27:30+00:00"})"
                           "</script>";
    Article a = html(ld, "<article><h1>Can fish feel the cold?</h1><div class=\"info\">ca. 8 "
                         "Min. &middot; 12.01.2022</div>" +
                             kText + "</article>");
    CHECK(a.date == "2021-11-29"); // date: means the publication, not the last edit
    CHECK(a.date_source == "jsonld");
    // When the page shows the publication day too, that day stays.
    a = html(ld, "<article><h1>Can fish feel the cold?</h1><div class=\"info\">29.11.2021, "
                 "aktualisiert 12.01.2022</div>" +
                     kText + "</article>");
    CHECK(a.date == "2021-11-29");
}

TEST_CASE("dates: a generic 'date' meta gives way to the day the page shows") {
    // name=date is often the day of an edit: the header's "Stand" day wins even alone...
    Article a = html("<title>Ferry runs again</title>"
                     "<meta name=\"date\" content=\"2020-04-29T11:52:23\">",
                     "<article><h1>Ferry runs again after the storm</h1><p "
                     "class=\"text\"><span class=\"stand\">Stand: 28.04.2020 18:00 "
                     "Uhr</span></p>" +
                         kText + "</article>");
    CHECK(a.date == "2020-04-28");
    // ...but article:published_time, a specific meta, is not outvoted by a lone text.
    a = html("<title>Ferry runs again</title>"
             "<meta property=\"article:published_time\" content=\"2020-04-29T11:52:23\">",
             "<article><h1>Ferry runs again after the storm</h1><p "
             "class=\"text\"><span class=\"stand\">Stand: 28.04.2020 18:00 "
             "Uhr</span></p>" +
                 kText + "</article>");
    CHECK(a.date == "2020-04-29");
}

TEST_CASE("dates: a teaser's date markup dates its story, not the page") {
    Article a = html("<title>Ferry runs again</title>",
                     "<h1>Ferry runs again after the storm</h1><span class=\"heading-meta\">"
                     "Stand - 12.11.2021</span>" +
                         kText +
                         "<div class=\"more\"><a href=\"/x\"><span class=\"teaser-pubdate\">"
                         "04.11.2021</span> Storm closes the harbour</a></div>");
    CHECK(a.date == "2021-11-12");
}

TEST_CASE("dates: a UTC time and the same instant in the publisher's zone, a day apart") {
    Article a = html("<title>Ferry runs again</title><script type=\"application/ld+json\">"
                     R"({"@type":"NewsArticle","headline":"Ferry runs again after the storm",)"
                     R"("datePublished":"2019-10-18T22:04:00Z"})"
                     "</script><meta property=\"article:published_time\" "
                     "content=\"2019-10-19T00:04:00+02:00\">",
                     "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.date == "2019-10-19");
    // Two different instants are two different claims: the JSON-LD one stays.
    a = html("<title>Ferry runs again</title><script type=\"application/ld+json\">"
             R"({"@type":"NewsArticle","headline":"Ferry runs again after the storm",)"
             R"("datePublished":"2019-10-18T22:04:00Z"})"
             "</script><meta property=\"article:published_time\" "
             "content=\"2019-10-19T09:30:00+02:00\">",
             "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.date == "2019-10-18");
}

TEST_CASE("dates: an 'Updated' line is the date when the page gives no other") {
    Article a = html("<title>Pineapple cake</title>",
                     "<h1>Easy pineapple upside-down cake</h1><div class=\"recipe-date\">"
                     "Updated June 13, 2019</div>" +
                         kText);
    CHECK(a.date == "2019-06-13");
    CHECK(a.date_source == "text-modified");
    // A publication date, even in the text below, still comes first.
    a = html("<title>Pineapple cake</title>",
             "<h1>Easy pineapple upside-down cake</h1><div class=\"recipe-date\">"
             "Updated June 13, 2019</div><p>Posted on May 2, 2004 by the test kitchen, who "
             "baked it in the old ferry galley.</p>" +
                 kText);
    CHECK(a.date == "2004-05-02");
}

TEST_CASE("dates: a two-digit year in a byline or date markup") {
    auto d = find_text_dates("Jana Roth, 8.5.12", false, 4, true);
    REQUIRE(d.size() == 1);
    CHECK(format_ymd(d[0].ymd) == "2012-05-08");
    d = find_text_dates("28.09.19 um 14:05", false, 4, true);
    REQUIRE(d.size() == 1);
    CHECK(format_ymd(d[0].ymd) == "2019-09-28");
    // Not in running text, and never a version number.
    CHECK(find_text_dates("Jana Roth, 8.5.12").empty());
    CHECK(find_text_dates("release 1.2.12.4 is out", false, 4, true).empty());
    Article a = html("<title>Ferry runs again</title>",
                     "<h1>Ferry runs again after the storm</h1><p class=\"meta\"><a "
                     "rel=\"author\" href=\"/autor/jana\">Jana Roth</a>, 8.5.12</p>" +
                         kText);
    CHECK(a.date == "2012-05-08");
}

TEST_CASE("dates: a date meta in a value attribute, in Java's Date form") {
    // The form itself is tested with parse_page_date in html_parts_test.cpp.
    Article a = html("<title>Ferry runs again</title><meta name=\"article:published_time\" "
                     "value=\"Mon Aug 03 12:45:00 EDT 2015\">",
                     "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.date == "2015-08-03");
    CHECK(a.date_source == "meta");
    REQUIRE(a.published);
    CHECK(*a.published == 1438620300);
    // itemprop=datePublished on a <meta> with a value attribute too.
    a = html("<title>Ferry runs again</title>",
             "<article><meta itemprop=\"datePublished\" value=\"2016-12-19 19:19:00\">"
             "<h1>Ferry runs again after the storm</h1>" +
                 kText + "</article>");
    CHECK(a.date == "2016-12-19");
}

TEST_CASE("dates: a <time> inside the byline block") {
    Article a = html("<title>Ferry runs again</title>",
                     "<article><h1>Ferry runs again after the storm</h1>"
                     "<div class=\"c-head_byline\"><span class=\"author\">Jana Roth</span>"
                     "<div class=\"byline-date\"><time datetime=\"2016-12-22T05:00:00-0800\">"
                     "Thursday morning</time></div></div>" +
                         kText + "</article>");
    CHECK(a.date == "2016-12-22");
    CHECK(a.date_source == "time-element");
    REQUIRE(a.published);
    CHECK(*a.published == 1482411600); // 13:00Z
}

TEST_CASE("dates: a 'Published' line by the headline over unlabelled date markup") {
    // The site's header shows the day the page was generated in date markup; the
    // article's own date is written once, labelled, under its headline.
    Article a = html("<title>Ferry runs again</title>",
                     "<div class=\"masthead\"><span class=\"site-date\">Tuesday, August 9, "
                     "2022</span></div><div class=\"main\"><h1>Ferry runs again after the "
                     "storm</h1><p>Published December 21, 2016 at 8:31am</p>" +
                         kText + "</div>");
    CHECK(a.date == "2016-12-21");
    CHECK(a.date_source == "text");
}

TEST_CASE("dates: a teaser card's date is its story's; the page's own card dates it") {
    // Cards of other stories (a link holding a headline and a date) come first.
    std::string cards;
    for (const char* d : {"August 9, 2022", "August 7, 2022"})
        cards += std::string("<article class=\"post\"><a href=\"/x\"><h3>Harbour news of the "
                             "week</h3><div class=\"entry-meta\"><span class=\"entry-date\">") +
                 d + "</span><time datetime=\"2022-08-09\">" + d + "</time></div></a></article>";
    Article a = html("<title>Ferry runs again</title>",
                     "<div class=\"top\">" + cards +
                         "</div><div class=\"main\"><h1>Ferry runs again after the storm</h1>"
                         "<p>December 21, 2016</p>" +
                         kText + "</div>");
    CHECK(a.date == "2016-12-21");
    // A permalink around the date alone is no teaser.
    a = html("<title>Ferry runs again</title>",
             "<article><h1>Ferry runs again after the storm</h1><span class=\"posted-on\"><a "
             "href=\"/ferry\" rel=\"bookmark\"><time class=\"entry-date published\" "
             "datetime=\"2016-12-21T08:31:00+00:00\">December 21, 2016</time></a></span>" +
                 kText + "</article>");
    CHECK(a.date == "2016-12-21");
    // A page whose only date is in its own card of a "latest news" list.
    a = html("<title>Ferry runs again</title><meta property=\"og:title\" content=\"Ferry runs "
             "again after the storm\">",
             "<div class=\"main\"><h1>Ferry runs again after the storm</h1>" + kText +
                 "</div><ul class=\"latest\"><li><a href=\"/harbour\"><h3>Harbour closes for "
                 "winter</h3><time itemprop=\"datePublished\" datetime=\"2022-01-20\">20.01.2022"
                 "</time></a></li><li><a href=\"/ferry\"><h3>Ferry runs again after the "
                 "storm</h3><p>Der Sender ist wieder aktiv.</p><time itemprop=\"datePublished\" "
                 "datetime=\"2022-01-21T11:59:00+01:00\">21.01.2022</time></a></li></ul>");
    CHECK(a.date == "2022-01-21");
    CHECK(a.date_source == "microdata");
}

TEST_CASE("dates: the edition's day by the logo, in a link to the home page") {
    for (const char* home : {"/", "https://brindle-post.example/"}) {
        Article a = html("<title>Le ferry repart</title>",
                         std::string("<header><a class=\"logo\" href=\"") + home +
                             "\"><img src=\"/logo.svg\" alt=\"Brindle Post\"><span "
                             "class=\"date-edition\">lun. 5 août 2019</span> <time "
                             "datetime=\"2019-08-05\">Édition du matin</time></a></header>"
                             "<article><h1>Le ferry repart après la tempête</h1><p "
                             "class=\"author\">27 juin 2019 Par Jana Roth</p>" +
                             kText + "</article>");
        CHECK(a.date == "2019-06-27");
    }
}

TEST_CASE("dates: a wiki page's 'last edited' footer, and the meeting it announces") {
    // The announcement sits in the text's first paragraphs, in a paragraph too long to
    // be one of the short texts around the headline.
    std::string more;
    for (int i = 0; i < 3; ++i)
        more += " The harbour club meets in the ferry galley, where members bring charts, "
                "tide tables and stories of storms.";
    Article a = html("<title>Harbour club</title>",
                     "<div id=\"content\"><h1>Harbour club meetings</h1><p>The next meeting "
                     "of the harbour club is on 5 February 2020 in the ferry galley." +
                         more + "</p>" + kText +
                         "</div><div id=\"footer\"><ul><li id=\"footer-info-lastmod\">This "
                         "page was last edited on 29 January 2020, at 13:22.</li></ul></div>");
    CHECK(a.date == "2020-01-29");
    CHECK(a.date_source == "text-modified");
    // German wikis write "zuletzt am ... geändert".
    a = html("<title>Stammtisch</title>",
             "<div id=\"content\"><h1>Stammtisch in Brindle</h1><p>Der nächste Stammtisch "
             "ist am 5. Februar 2020 im Fährhaus." +
                 more + "</p>" + kText +
                 "</div><div id=\"footer\">Diese Seite wurde zuletzt am 29. Januar 2020 um "
                 "13:22 Uhr geändert.</div>");
    CHECK(a.date == "2020-01-29");
}

TEST_CASE("dates: a text date after the markup's last update is not the publication") {
    // The page shows only "Updated: April 07, 2020" by its headline; a later day that
    // recurs in the page (its sidebar, the day it was generated) was not the publication.
    std::string side;
    for (int i = 0; i < 3; ++i)
        side += "<li><a href=\"/x\">Harbour reopens</a> <span>April 25, 2020</span></li>";
    Article a = html("<title>Ferry runs again</title>",
                     "<article><h1>Ferry runs again after the storm</h1>"
                     "<span itemprop=\"dateModified\" content=\"2020-04-07T15:49:34+05:30\">"
                     "Updated: April 07, 2020 03:49 pm IST</span>" +
                         kText + "</article><ul class=\"list\">" + side + "</ul>");
    CHECK(a.date == "2020-04-07");
    // Without the update markup the recurring day is the best the page offers.
    a = html("<title>Ferry runs again</title>",
             "<article><h1>Ferry runs again after the storm</h1>" + kText +
                 "</article><ul class=\"list\">" + side + "</ul>");
    CHECK(a.date == "2020-04-25");
}

// ---------------------------------------------------------------- titles

TEST_CASE("titles: entities escaped twice in og:title are decoded") {
    CHECK(decode_entities("Caf&eacute; &#8217;s &amp; Co &#x2014; &bogus;") ==
          "Caf\xC3\xA9 \xE2\x80\x99s & Co \xE2\x80\x94 &bogus;");
    Article a = html("<meta property=\"og:title\" content=\"The harbour&amp;#8217;s last "
                     "ferry &amp;amp; its crew\"><title>x</title>",
                     "<article>" + kText + "</article>");
    CHECK(a.title == "The harbour\xE2\x80\x99s last ferry & its crew");
}

TEST_CASE("titles: site name, section trail and issue number go") {
    Article a = html("<meta property=\"og:site_name\" content=\"Brindle Post\">"
                     "<title>Ferry runs again after the storm / News / World | Brindle "
                     "Post</title>",
                     "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.title == "Ferry runs again after the storm");
    a = html("<title>Ferry runs again after the storm (2021/3)</title>",
             "<article>" + kText + "</article>");
    CHECK(a.title == "Ferry runs again after the storm");
}

TEST_CASE("titles: the page's <h1> over an og:title written for sharing") {
    Article a = html("<meta property=\"og:title\" content=\"You will not believe who crossed "
                     "first\"><title>Ferry runs again after the storm - Brindle Post</title>",
                     "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.title == "Ferry runs again after the storm");
}

TEST_CASE("titles: a section label is not the headline") {
    Article a = html("<title>Ferry runs again after the storm | Brindle Post</title>",
                     "<header><h1>News</h1></header><article>" + kText + "</article>");
    CHECK(a.title == "Ferry runs again after the storm");
}

TEST_CASE("titles: an ALL-CAPS headline matches <title> case-insensitively and is kept") {
    Article a = html("<title>Ferry Runs Again After The Storm | Brindle Post</title>",
                     "<article><h1>FERRY RUNS AGAIN AFTER THE STORM</h1>" + kText + "</article>");
    CHECK(a.title == "FERRY RUNS AGAIN AFTER THE STORM");
}

TEST_CASE("titles: the site's name after a fullwidth bar, a fullwidth dash or a colon") {
    // U+FF5C, U+FF0D, and a plain colon before a site name og:site_name gives.
    auto [title, site] = GENERATE(table<std::string, std::string>({
        {"\xE6\xB8\xAF\xE3\x81\xAE\xE3\x83\x95\xE3\x82\xA7\xE3\x83\xAA\xE3\x83\xBC\xE3\x81\x8C"
         "\xE5\x86\x8D\xE9\x96\x8B \xEF\xBD\x9C \xE3\x83\x96\xE3\x83\xAA\xE3\x83\xB3\xE3\x83\x89"
         "\xE3\x83\xAB\xE9\x80\x9A\xE4\xBF\xA1",
         ""},
        {"\xE6\xB8\xAF\xE3\x81\xAE\xE3\x83\x95\xE3\x82\xA7\xE3\x83\xAA\xE3\x83\xBC\xE3\x81\x8C"
         "\xE5\x86\x8D\xE9\x96\x8B \xEF\xBC\x8D \xE3\x83\x96\xE3\x83\xAA\xE3\x83\xB3\xE3\x83\x89"
         "\xE3\x83\xAB\xE9\x80\x9A\xE4\xBF\xA1",
         ""},
        {"\xE6\xB8\xAF\xE3\x81\xAE\xE3\x83\x95\xE3\x82\xA7\xE3\x83\xAA\xE3\x83\xBC\xE3\x81\x8C"
         "\xE5\x86\x8D\xE9\x96\x8B:\xE3\x83\x96\xE3\x83\xAA\xE3\x83\xB3\xE3\x83\x89\xE3\x83\xAB"
         "\xE9\x80\x9A\xE4\xBF\xA1",
         "\xE3\x83\x96\xE3\x83\xAA\xE3\x83\xB3\xE3\x83\x89\xE3\x83\xAB\xE9\x80\x9A\xE4\xBF\xA1"},
        {"Ferry runs again after the storm : Brindle Post", "Brindle Post"},
    }));
    CAPTURE(title);
    std::string head = "<title>" + title + "</title>";
    if (!site.empty()) head += "<meta property=\"og:site_name\" content=\"" + site + "\">";
    Article a = html(head, "<article>" + kText + "</article>", "https://brindle.example/a/1");
    std::string want = title.substr(0, 1) == "F" ? "Ferry runs again after the storm"
                                                 : "\xE6\xB8\xAF\xE3\x81\xAE\xE3\x83\x95\xE3\x82"
                                                   "\xA7\xE3\x83\xAA\xE3\x83\xBC\xE3\x81\x8C\xE5"
                                                   "\x86\x8D\xE9\x96\x8B";
    CHECK(a.title == want);
    // Without the site's name known, a colon stays: it is part of many headlines.
    a = html("<title>Storm: the ferry runs again</title>", "<article>" + kText + "</article>");
    CHECK(a.title == "Storm: the ferry runs again");
}

TEST_CASE("titles: the <h1> in full over a metadata title cut with an ellipsis") {
    for (std::string e : {"...", "\xE2\x80\xA6", " \xE2\x80\xA6"}) {
        CAPTURE(e);
        Article a = html("<meta property=\"og:title\" content=\"Ferry runs again after the "
                         "storm kept it in" +
                             e +
                             "\"><meta name=\"twitter:title\" content=\"Ferry runs again after "
                             "the storm kept it in port for nine days\">",
                         "<article><h1>Ferry runs again after the storm kept it in port for nine "
                         "days</h1>" +
                             kText + "</article>");
        CHECK(a.title == "Ferry runs again after the storm kept it in port for nine days");
    }
}

TEST_CASE("titles: the <h1> without the full stop the <title> adds") {
    Article a = html("<title>Ferry runs again after the storm. | Brindle Post</title>",
                     "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.title == "Ferry runs again after the storm");
}

TEST_CASE("titles: an <h1> that is the site's logo or hidden is not the headline") {
    for (std::string h1 :
         {"<h1 class=\"hidden\">Brindle Post</h1>", "<h1 class=\"site-logo\">Brindle Post</h1>",
          "<h1><a href=\"/\">Brindle Post</a></h1>"}) {
        CAPTURE(h1);
        // "_" splits the title; the <h1> names one of its parts, the site's.
        Article a = html("<title>Ferry runs again after the storm_News_Brindle Post</title>",
                         "<header>" + h1 + "</header><article>" + kText + "</article>");
        CHECK(a.title == "Ferry runs again after the storm");
    }
}

TEST_CASE("titles: 'Site - Headline' with the site in <h1> and the headline in a lower heading") {
    Article a = html("<title>Jana Roth's harbour diary - Ferry runs again after the storm, and "
                     "the timetable holds</title>",
                     "<h1>Jana Roth's harbour diary</h1><h2>2019-10-22</h2><h3>\xE2\x96\xA0 Ferry "
                     "runs again after the storm, and the timetable holds</h3>" +
                         kText);
    CHECK(a.title == "Ferry runs again after the storm, and the timetable holds");
}

TEST_CASE("titles: the <h1> over metadata titles rewritten for search or sharing") {
    // og:title and <title> say the same story in other words; the page's <h1> is kept.
    Article a = html("<meta property=\"og:title\" content=\"Brindle ferry back after storm\">"
                     "<title>Brindle ferry back after storm | Brindle Post</title>",
                     "<article><h1>The Brindle ferry is back after nine days of storm</h1>" +
                         kText + "</article>");
    CHECK(a.title == "The Brindle ferry is back after nine days of storm");
    // An <h1> that is the title cut short does not win...
    a = html("<title>Brindle ferry back after the storm of October</title>",
             "<article><h1>Brindle ferry back after the storm</h1>" + kText + "</article>");
    CHECK(a.title == "Brindle ferry back after the storm of October");
    // ...nor one about something else (a related story, a section)...
    a = html("<meta property=\"og:title\" content=\"Brindle ferry back after storm\">",
             "<article><h1>Harbour master retires after forty years</h1>" + kText + "</article>");
    CHECK(a.title == "Brindle ferry back after storm");
    // ...nor one the metadata gives too: then the publisher chose among its own titles.
    a = html("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
             "\"How the Brindle ferry came back after the storm\"}</script>"
             "<meta property=\"og:title\" content=\"The Brindle ferry came back after the "
             "storm\">",
             "<article><h1>The Brindle ferry came back after the storm</h1>" + kText +
                 "</article>");
    CHECK(a.title == "How the Brindle ferry came back after the storm");
}

TEST_CASE("titles: a <meta> that carries its value in value= instead of content=") {
    Article a = html("<meta name=\"og:title\" value=\"Ferry runs again after the storm\">"
                     "<meta name=\"author\" value=\"Jana Roth\"><title>Brindle Post</title>",
                     "<article>" + kText + "</article>");
    CHECK(a.title == "Ferry runs again after the storm");
    CHECK(a.authors == std::vector<std::string>{"Jana Roth"});
}

// ---------------------------------------------------------------- authors

TEST_CASE("authors: placeholders are no names") {
    for (std::string p : {"No Author", "Redaktion", "Staff", "Admin", "Redacción", "The Editors"}) {
        CAPTURE(p);
        CHECK(clean_author_name(p).empty());
        Article a =
            html("<title>Ferry</title><meta name=\"author\" content=\"" + p + "\">",
                 "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
        CHECK(a.authors.empty());
    }
}

TEST_CASE("authors: role prefixes and suffixes are stripped; handles are no names") {
    CHECK(clean_author_name("Finance expert Jane Roe") == "Jane Roe");
    CHECK(clean_author_name("Guest author John Doe") == "John Doe");
    CHECK(clean_author_name("Gastautorin Mila Brandt") == "Mila Brandt");
    CHECK(clean_author_name("jroe_84").empty());
    // A group's name is no person's, once its last word is cut off either.
    CHECK(clean_author_name("Brindle Post Staff").empty());
    CHECK(clean_author_name("Smart Living Team").empty());
    CHECK(clean_author_name("City News Desk").empty());
    CHECK(clean_author_name("Jana Roth Staff Writer") == "Jana Roth");
    CHECK(split_byline("By Lena Ortiz, Staff Writer").names ==
          std::vector<std::string>{"Lena Ortiz"});
    Article a =
        html("<title>Ferry</title><meta name=\"author\" content=\"Finance expert Jane Roe\">",
             "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Jane Roe"});
}

TEST_CASE("authors: rel=author, microdata with a nested name, JSON-LD arrays of objects") {
    Article a = html("<title>Ferry</title>",
                     "<article><h1>Ferry runs again after the storm</h1><div>Text: <a "
                     "rel=\"author\" href=\"/people/jana-roth\">Jana Roth</a></div>" +
                         kText + "</article>");

    a = html("<title>Ferry</title>",
             "<article><h1>Ferry runs again after the storm</h1><div itemprop=\"author\" "
             "itemscope itemtype=\"https://schema.org/Person\"><img src=\"/jr.jpg\" alt=\"\">"
             "<span itemprop=\"name\">Luc Perrin</span><span itemprop=\"jobTitle\">Harbour "
             "correspondent</span></div>" +
                 kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Luc Perrin"});

    a = html("<title>Ferry</title><script type=\"application/ld+json\">"
             R"({"@type":"NewsArticle","headline":"Ferry runs again after the storm",)"
             R"("author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":)"
             R"("Marco Bellini"},{"@type":"Organization","name":"Brindle Post"}]})"
             "</script>",
             "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Ana Ruiz", "Marco Bellini"});
}

TEST_CASE("authors: a byline line in another language") {
    auto [line, want] = GENERATE(table<std::string, std::string>({
        {"Von Jana Roth", "Jana Roth"},
        {"Par Luc Perrin", "Luc Perrin"},
        {"Por Ana Ruiz", "Ana Ruiz"},
        {"Di Marco Bellini", "Marco Bellini"},
        {"Door Sanne de Vries", "Sanne de Vries"},
    }));
    CAPTURE(line);
    Article a =
        html("<title>Ferry</title>", "<article><h1>Ferry runs again after the storm</h1><p>" +
                                         line + "</p>" + kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{want});
    CHECK(a.body.find(line) == std::string::npos);
}

TEST_CASE("authors: a link to the author's page beside the headline") {
    for (std::string href :
         {"/author/jana-roth", "https://brindle.example/about/editors/jana-roth/",
          "/autoren/jana-roth.html", "/?author=12"}) {
        CAPTURE(href);
        Article a = html("<title>Ferry</title>",
                         "<article><h1>Ferry runs again after the storm</h1><div><a href=\"" +
                             href + "\">Jana Roth</a></div>" + kText + "</article>");
        CHECK(a.authors == std::vector<std::string>{"Jana Roth"});
    }
    // A person the text links to (a profile page, a topic page) is no author.
    Article a = html("<title>Ferry</title>",
                     "<article><h1>Ferry runs again after the storm</h1><p>The harbour master, "
                     "<a href=\"/author/piet-mols\">Piet Mols</a>, said the timetable would hold "
                     "all week and that the crossing was calm.</p>" +
                         kText + "</article>");
    CHECK(a.authors.empty());
}

TEST_CASE("authors: a 'By' line without byline markup between headline and text") {
    Article a = html("<title>Ferry</title>",
                     "<article><header><h1>Ferry runs again after the storm</h1><div><div>By "
                     "<span>Jana Roth</span></div><div>Published <time datetime=\"2019-10-22\">"
                     "Oct 22, 2019</time></div></div></header>" +
                         kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Jana Roth"});
    CHECK(a.date == "2019-10-22");
    // A big block that opens with "By" is no byline: the names of its links are not authors.
    a = html("<title>Ferry</title>",
             "<article><h1>Ferry runs again after the storm</h1><div>By the quay, <a "
             "href=\"/x\">Harbour Office</a> and <a href=\"/y\">Island Ferries</a> say that "
             "the ferry will run every hour from now on, and that the fishermen who waited out "
             "the storm on the quay will cross first, free of charge.</div>" +
                 kText + "</article>");
    CHECK(a.authors.empty());
}

TEST_CASE("authors: a byline's blocks are apart: the outlet under the name is no surname") {
    Article a = html("<title>Ferry</title>",
                     "<article><h1>Ferry runs again after the storm</h1><div class=\"byline\">"
                     "<div>By <span>Jana Roth</span></div><div>Island Post</div></div>" +
                         kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Jana Roth"});
}

TEST_CASE("authors: of several author metas, the one the byline shows") {
    Article a = html("<title>Ferry</title><meta name=\"author\" content=\"Brindle Media "
                     "Group\"><meta property=\"article:author\" content=\"Jana Roth\">",
                     "<article><h1>Ferry runs again after the storm</h1><p class=\"byline\">By "
                     "Jana Roth</p>" +
                         kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Jana Roth"});
}

TEST_CASE("authors: a structured author in lower case or in catalogue order") {
    CHECK(clean_structured_author("jana roth") == "jana roth");
    CHECK(clean_structured_author("Roth, Jana") == "Jana Roth");
    CHECK(clean_structured_author("admin").empty());
    CHECK(clean_structured_author("staff writer").empty());
    CHECK(clean_author_name("jana roth").empty()); // a byline's text needs its capitals
    Article a = html("<title>Ferry</title><meta name=\"author\" content=\"jana roth\">",
                     "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"jana roth"});
    a = html("<title>Ferry</title><meta name=\"dcterms.creator\" content=\"Roth, Jana\">",
             "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Jana Roth"});
}

TEST_CASE("authors: a JSON-LD Person named like the site is the blog's author") {
    std::string ld = R"({"@type":"BlogPosting","headline":"Ferry runs again after the storm",)"
                     R"("author":{"@type":"%T","name":"Jana Roth"},)"
                     R"("publisher":{"@type":"Organization","name":"Jana Roth"}})";
    auto page = [&](const std::string& type) {
        std::string j = ld;
        j.replace(j.find("%T"), 2, type);
        return html("<title>Ferry runs again after the storm | Jana Roth</title><script "
                    "type=\"application/ld+json\">" +
                        j + "</script>",
                    "<article><h1>Ferry runs again after the storm</h1>" + kText + "</article>");
    };
    CHECK(page("Person").authors == std::vector<std::string>{"Jana Roth"});
    // Untyped, the site's own name is not taken for a person.
    CHECK(page("Thing").authors.empty());
}

TEST_CASE("authors: a 'writer' class marks a byline") {
    Article a = html("<title>Ferry</title>",
                     "<article><h1>Ferry runs again after the storm</h1><cite "
                     "class=\"meta-writer-name\">By <a href=\"https://brindle.example/jana-roth/\">"
                     "Jana Roth</a>, 22 October 2019</cite>" +
                         kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Jana Roth"});
}

TEST_CASE("authors: the same byline module for text and JSON inputs") {
    Article t = parse_text_article("date 2019-10-22 Ferry runs again after the storm\n"
                                   "Von Jana Roth\n\n"
                                   "The ferry to Brindle Island ran again on Monday.\n");
    CHECK(t.authors == std::vector<std::string>{"Jana Roth"});
    CHECK(t.date_source == "text-header");

    Record r;
    r.origin = "export.jsonl:1";
    r.format = RecordFormat::Json;
    r.bytes = R"({"title":"Ferry runs again","text":"The ferry ran again.",)"
              R"("authors":["Guest author John Doe","Redaktion","admin"],"date":"2019-10-22"})";
    Article j = parse_record(r);
    CHECK(j.authors == std::vector<std::string>{"John Doe"});
    CHECK(j.date_source == "json");
}

TEST_CASE("authors: every citation_author meta of a scholarly page, in order") {
    Article a = html("<title>Tide gauges of Brindle Island</title>"
                     "<meta name=\"citation_title\" content=\"Tide gauges of Brindle Island\">"
                     "<meta name=\"citation_author\" content=\"Jana Roth\">"
                     "<meta name=\"citation_author_institution\" content=\"Brindle Institute\">"
                     "<meta name=\"citation_author\" content=\"Okafor, Ngozi Ada\">"
                     "<meta name=\"citation_author\" content=\"Pieter van der Berg\">",
                     "<article><h1>Tide gauges of Brindle Island</h1>" + kText + "</article>");
    CHECK(a.authors ==
          std::vector<std::string>{"Jana Roth", "Ngozi Ada Okafor", "Pieter van der Berg"});
}

TEST_CASE("authors: CJK bylines: a label with a fullwidth colon, brackets, credits after names") {
    // A label before the name, in a link to the author's page under a Japanese headline.
    Article label = html("<title>フェリー運航再開</title>",
                         "<article><h1>ブリンドル島へのフェリーが運航を再開</h1>"
                         "<div><a href=\"/author/180/\">著者：山田花子</a></div>" +
                             kText + "</article>");
    CHECK(label.authors == std::vector<std::string>{"山田花子"});
    // Name then outlet, in brackets, split by a fullwidth comma.
    Article bracket = html("<title>フェリー運航再開</title>",
                           "<article><h1>ブリンドル島へのフェリーが運航を再開</h1>"
                           "<div id=\"byline\"><b>[</b>鈴木一郎，<b>Brindle Times]</b></div>" +
                               kText + "</article>");
    CHECK(bracket.authors == std::vector<std::string>{"鈴木一郎"});
    CHECK(bracket.affiliation == "Brindle Times");
    // A book's credits: author 著, supervising translator 監訳, translator 訳.
    Article book =
        html("<title>はじめての航海術</title>",
             "<main><h1>はじめての航海術</h1><span itemprop=\"author\">Jana "
             "Roth\xE3\x80\x80著、佐藤 健\xE3\x80\x80監訳、木村 直子\xE3\x80\x80訳</span>" +
                 kText + "</main>");
    CHECK(book.authors == std::vector<std::string>{"Jana Roth", "佐藤 健", "木村 直子"});
    // The byline module alone: a Chinese label with a fullwidth colon.
    CHECK(split_byline("作者：王小明").names == std::vector<std::string>{"王小明"});
}

TEST_CASE("authors: an author meta that is a credits list keeps the names the byline shows") {
    Article a = html("<title>Ferry</title><meta name=\"author\" content=\"Jana Roth,Sam Poe,"
                     "Ann Lee at Harbour Models,Bo Park using Gull Cosmetics\">",
                     "<article><h1>Ferry runs again after the storm</h1><div class=\"byline\">"
                     "<a href=\"/author/jana-roth\">Jana Roth</a></div><div>Photographed by "
                     "Sam Poe; Modeled by Ann Lee at Harbour Models</div>" +
                         kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Jana Roth"});
    // A plain list of writers in the meta stays whole.
    Article both = html("<title>Ferry</title><meta name=\"author\" content=\"Jana Roth, Sam Poe\">",
                        "<article><h1>Ferry runs again after the storm</h1><div class=\"byline\">"
                        "<a href=\"/author/jana-roth\">Jana Roth</a></div>" +
                            kText + "</article>");
    CHECK(both.authors == std::vector<std::string>{"Jana Roth", "Sam Poe"});
}

TEST_CASE("authors: lead-ins of more languages, a role glued to a CJK name, a handle in brackets") {
    auto [text, want] = GENERATE(table<std::string, std::string>({
        {"Автор: Иван Петров", "Иван Петров"},
        {"Yazar: Ayşe Demir", "Ayşe Demir"},
        {"Skrevet av Kari Nordmann", "Kari Nordmann"},
        {"Napisała Anna Nowak", "Anna Nowak"},
        {"山田花子記者", "山田花子"},
        {"홍길동기자", "홍길동"},
        {"山田耕作", "山田耕作"}, // one-character credits (作, 著) end names too: kept
        {"Jana Roth (jroth)", "Jana Roth"},
        {"Jana Roth\xEF\xBC\x88jroth\xEF\xBC\x89", "Jana Roth"},
        {"Bruno (Henrique) Rodrigues", "Bruno (Henrique) Rodrigues"},
        {"文＝山田花子", "山田花子"},
        {"ライター：佐藤健", "佐藤健"},
    }));
    CAPTURE(text);
    CHECK(split_byline(text).names == std::vector<std::string>{want});
}

TEST_CASE("authors: a CJK newsroom's name is no person's") {
    CHECK(split_byline("ブリンドル通信編集部").names.empty());
    CHECK(split_byline("Brindle Times編集部").names.empty());
    CHECK(split_byline("편집부").names.empty());
    CHECK(split_byline("山田花子，ブリンドル通信編集部").names ==
          std::vector<std::string>{"山田花子"});
    // A label closed by a black circle, the newsroom after a fullwidth slash.
    Byline b = split_byline("文● 岡本／Brindle編集部");
    CHECK(b.names == std::vector<std::string>{"岡本"});
    CHECK(b.affiliation == "Brindle編集部");
}

TEST_CASE("authors: co-authors each in a byline element of their own, side by side") {
    Article a = html("<title>Ferry</title>",
                     "<article><h1>Ferry runs again after the storm</h1><p class=\"meta\">"
                     "<span class=\"author\"><a href=\"/people/jana-roth\">Jana Roth</a></span> "
                     "and <span class=\"author\"><a href=\"/people/sam-poe\">Sam Poe</a></span>"
                     "</p>" +
                         kText + "</article>");
    CHECK(a.authors == std::vector<std::string>{"Jana Roth", "Sam Poe"});
    // A byline element elsewhere (a related story's) is another byline.
    Article b = html("<title>Ferry</title>",
                     "<article><h1>Ferry runs again after the storm</h1><p><span class=\"author\">"
                     "Jana Roth</span></p>" +
                         kText + "<div><span class=\"author\">Sam Poe</span></div></article>");
    CHECK(b.authors == std::vector<std::string>{"Jana Roth"});
}

TEST_CASE("authors: a bracket opening a CJK byline: place and name, or place and agency") {
    // Japanese papers: 【place＝name】.
    CHECK(split_byline("【ワシントン＝山田花子】").names == std::vector<std::string>{"山田花子"});
    // Korean agencies: [place=agency] name 기자.
    Byline k = split_byline("[서울=브린들통신] 홍길동 기자");
    CHECK(k.names == std::vector<std::string>{"홍길동"});
    CHECK(k.affiliation == "브린들통신");
    // Name and outlet inside one bracket stay as they were.
    Byline j = split_byline("[田中宏昌，Brindle Times]");
    CHECK(j.names == std::vector<std::string>{"田中宏昌"});
    CHECK(j.affiliation == "Brindle Times");
}
