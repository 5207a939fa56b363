// The HTML article parser: one team-written fixture per common page style (JSON-LD heavy,
// WordPress-like, AMP, live blog, photo gallery, cookie wall + newsletter box, right-to-left,
// legacy-encoded), each pinning the extracted fields; then pathological pages.
#include "errors.hpp"
#include "parse/html/html_article.hpp"
#include "parse/parse.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace morgue;

namespace {

Record html_record(const std::string& name) {
    std::string path = std::string(MORGUE_FIXTURES) + "/html/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    Record r;
    r.bytes = ss.str();
    r.origin = path;
    r.path = path;
    r.format = RecordFormat::Html;
    return r;
}

Article fixture(const std::string& name) {
    return parse_record(html_record(name));
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

// A page must give an article or a RecordError: nothing else, and no crash.
void article_or_record_error(const std::string& bytes) {
    Record r;
    r.bytes = bytes;
    r.origin = "generated.html";
    r.path = "generated.html";
    r.format = RecordFormat::Html;
    try {
        Article a = parse_record(r);
        CHECK(a.format == "html");
    } catch (const RecordError& e) {
        CHECK(std::string(e.what()).size() > 0);
    }
}

} // namespace

TEST_CASE("html: JSON-LD @graph with @id authors, AP dateline, lead figure outside the body") {
    Article a = fixture("jsonld_news.html");
    CHECK(a.title == "Flood Barrier Passes First Storm Test in Port Wessel");
    CHECK(a.subtitle == "Tidal gates close for nine hours as surge peaks overnight");
    CHECK(a.authors == std::vector<std::string>{"Ilse Marwick", "Dario Fenwick"});
    CHECK(a.date == "2024-03-02");
    REQUIRE(a.published);
    CHECK(*a.published == 1709379900); // 2024-03-02T11:45:00Z
    REQUIRE(a.modified);
    CHECK(*a.modified == 1709395800); // 2024-03-02T16:10:00Z
    CHECK(a.date_source == "jsonld");
    CHECK(a.url == "https://www.harbourcourier.example/news/2024/03/02/flood-barrier-storm-test/");
    CHECK(a.source == "harbourcourier.example");
    CHECK(a.site_name == "The Harbour Courier");
    CHECK(a.lang == "en");
    CHECK(a.section == "Local News");
    CHECK(a.tags == std::vector<std::string>{"Port Wessel", "Flooding", "Infrastructure"});
    CHECK(a.dateline == "PORT WESSEL, Maine");
    CHECK(a.body.rfind("The tidal barrier that cost the town", 0) == 0);
    CHECK(contains(a.body, "extend the gates along the northern wharf."));
    CHECK_FALSE(contains(a.body, "Related stories"));
    CHECK_FALSE(contains(a.body, "All rights reserved"));
    CHECK_FALSE(contains(a.body, "Sport"));
    REQUIRE(a.captions.size() == 1);
    CHECK(
        a.captions[0] ==
        Caption{"The tidal gates at the mouth of the Wessel river stay closed on Saturday morning.",
                "Courier Photo/Nora Blythe"});
}

TEST_CASE("html: WordPress post with wp-caption, rel=author byline, comments and widgets") {
    Article a = fixture("wordpress_post.html");
    CHECK(a.title == "Allotment society wins fight over water meters"); // site suffix removed
    CHECK(a.authors == std::vector<std::string>{"Hattie Drake"});
    CHECK(a.date == "2023-07-18");
    REQUIRE(a.published);
    CHECK(*a.published == 1689665400); // 2023-07-18T07:30:00Z
    CHECK(a.section == "Community");
    CHECK(a.tags == std::vector<std::string>{"Allotments", "Water"});
    CHECK(a.url == "https://greenhollowgazette.example/2023/07/18/allotment-water-meters/");
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0] == Caption{"Water troughs at the Mill Lane allotments.", "Ben Ashworth"});
    REQUIRE(a.bullets.size() == 2);
    CHECK(a.bullets[0] == Bullet{"Repairs", "the main will be replaced in September."});
    CHECK(a.bullets[1] == Bullet{"Fees", "annual plot rents stay at this year's level."});
    CHECK(a.body.rfind("Plot holders at the Mill Lane allotments", 0) == 0);
    CHECK(contains(a.body, "What happens next"));
    CHECK_FALSE(contains(a.body, "cookies"));
    CHECK_FALSE(contains(a.body, "plot 12")); // a comment
    CHECK_FALSE(contains(a.body, "Recent Posts"));
    CHECK_FALSE(contains(a.body, "Proudly powered"));
}

TEST_CASE("html: AMP page with amp-img figure, amp-ad and a sidebar menu") {
    Article a = fixture("amp_article.html");
    CHECK(a.title == "Night trains return to the Calder valley line");
    CHECK(a.authors == std::vector<std::string>{"Oskar Lindgren"});
    CHECK(a.date == "2022-11-05");
    REQUIRE(a.published);
    CHECK(*a.published == 1667682900); // 2022-11-05T21:15:00Z
    CHECK(a.source == "valleypost.example");
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0] == Caption{"A refurbished sleeper carriage at Calder Junction.",
                                   "Valley Post/Mira Sandoval"});
    CHECK(a.body.rfind("Overnight passenger trains will run", 0) == 0);
    CHECK(contains(a.body, "\"The carriages were the missing piece.\""));
    CHECK_FALSE(contains(a.body, "Advertisement"));
    CHECK_FALSE(contains(a.body, "Menu"));
    CHECK_FALSE(contains(a.body, "body{"));
}

TEST_CASE("html: live blog keeps every entry in page order") {
    Article a = fixture("live_blog.html");
    CHECK(a.title == "Live: Brennan County election night results");
    CHECK(a.authors == std::vector<std::string>{"Rosa Quintero", "Felix Adeyemi"});
    CHECK(a.byline == "Rosa Quintero and Felix Adeyemi");
    CHECK(a.date == "2025-05-06"); // local day, although 19:00-04:00 is the 6th 23:00 UTC
    REQUIRE(a.published);
    CHECK(*a.published == 1746572400);
    auto victory = a.body.find("Harlow declares victory");
    auto turnout = a.body.find("Turnout highest in two decades");
    auto polls = a.body.find("Polls have now closed");
    REQUIRE(victory != std::string::npos);
    REQUIRE(turnout != std::string::npos);
    REQUIRE(polls != std::string::npos);
    CHECK(victory < turnout);
    CHECK(turnout < polls);
    CHECK_FALSE(contains(a.body, "Most read"));
    CHECK_FALSE(contains(a.body, "Storm warning"));
}

TEST_CASE("html: photo gallery captions with credits, gallery chrome dropped") {
    Article a = fixture("photo_gallery.html");
    CHECK(a.title == "In pictures: the Lantern Festival on the Ostrava quays");
    CHECK(a.authors == std::vector<std::string>{"Květa Horáková"});
    CHECK(a.date == "2021-10-09");
    CHECK(a.tags == std::vector<std::string>{"festivals", "photography", "quays"});
    REQUIRE(a.captions.size() == 3);
    CHECK(a.captions[2] == Caption{"A boat on the river at night", ""}); // alt text, no caption
    CHECK_FALSE(contains(a.body, "A boat on the river"));
    CHECK(a.captions[0] ==
          Caption{"Lanterns drift past the old customs house shortly after sunset.",
                  "Květa Horáková/Riverside Herald"});
    CHECK(a.captions[1].text ==
          "Children from the Vítkov school carry the lanterns they folded in class.");
    CHECK(contains(a.body, "The festival began in 2001"));
    CHECK_FALSE(contains(a.body, "Previous"));
    CHECK_FALSE(contains(a.body, "Share on"));
    CHECK_FALSE(contains(a.body, "Photographs by")); // the byline is not body text
}

TEST_CASE("html: cookie wall and newsletter box are not article text; bold bullet labels") {
    Article a = fixture("cookie_newsletter.html");
    CHECK(a.title == "Five things to know about the new Marlow Street bus lanes");
    CHECK(a.subtitle ==
          "The lanes open on Monday after two years of planning and one long public inquiry.");
    CHECK(a.authors == std::vector<std::string>{"Priya Castellanos"});
    CHECK(a.affiliation == "Transport Correspondent");
    CHECK(a.date == "2024-09-27");
    CHECK(a.tags == std::vector<std::string>{"Transport", "Buses", "Marlow Street"});
    REQUIRE(a.bullets.size() == 3);
    CHECK(a.bullets[0] ==
          Bullet{"Hours", "The lanes apply from 7 a.m. to 7 p.m. on weekdays only."});
    CHECK(a.bullets[1].label == "Taxis");
    CHECK(a.bullets[2] == Bullet{"Cyclists", "Bicycles are allowed in both directions."});
    CHECK(contains(a.body, "Loading bays outside the shops"));
    CHECK_FALSE(contains(a.body, "cookies"));
    CHECK_FALSE(contains(a.body, "privacy"));
    CHECK_FALSE(contains(a.body, "newsletter"));
    CHECK_FALSE(contains(a.body, "Recommended"));
    CHECK_FALSE(contains(a.body, "By Priya"));
}

TEST_CASE("html: right-to-left Arabic page") {
    Article a = fixture("rtl_arabic.html");
    CHECK(a.title == "افتتاح مكتبة عامة جديدة في مدينة الواحة");
    CHECK(a.site_name == "صحيفة النخيل");
    CHECK(a.authors == std::vector<std::string>{"سلمى الحداد"});
    CHECK(a.lang == "ar");
    CHECK(a.date == "2023-02-14");
    REQUIRE(a.published);
    CHECK(*a.published == 1676358000); // 10:00+03:00 = 07:00Z
    CHECK(a.body.rfind("افتتحت بلدية مدينة الواحة", 0) == 0);
    CHECK(contains(a.body, "جمعية المعلمين"));
    CHECK_FALSE(contains(a.body, "الرئيسية")); // navigation
    CHECK_FALSE(contains(a.body, "بقلم"));     // byline
}

TEST_CASE("html: windows-1252 page declared by http-equiv is converted to UTF-8") {
    Article a = fixture("legacy_windows1252.html");
    CHECK(a.title == "Le café du port rouvre ses portes");
    CHECK(a.site_name == "L\xE2\x80\x99\xC3\x89"
                         "cho de Valmont");
    CHECK(a.authors == std::vector<std::string>{"Amélie Ferrand"});
    CHECK(a.lang == "fr");
    CHECK(a.date == "2019-04-03");
    CHECK(a.body.rfind("Après dix-huit mois de travaux", 0) == 0);
    CHECK(contains(a.body, "« On a gardé le vieux comptoir en zinc, c’était la condition »"));
    CHECK(contains(a.body, "14 €")); // 0x80 is the euro sign in windows-1252; NBSP folded
    CHECK_FALSE(contains(a.body, "Accueil"));
}

TEST_CASE("html: the HTTP charset outranks the page's meta, a BOM outranks both") {
    std::string page =
        "<html><head><meta charset=\"utf-8\"><title>Caf\xE9 news today</title></head>"
        "<body><p>The caf\xE9 on the corner reopened this morning after a long "
        "winter of repairs to its roof and windows.</p></body></html>";
    Record r;
    r.bytes = page;
    r.origin = "latin1.html";
    r.format = RecordFormat::Html;
    r.charset = "iso-8859-1";
    Article a = parse_html_article(r);
    CHECK(a.title == "Café news today");

    Record bom = r;
    bom.charset = "iso-8859-1";
    bom.bytes = "\xEF\xBB\xBF<html><head><title>Caf\xC3\xA9 news today</title></head><body>"
                "<p>Text.</p></body></html>";
    CHECK(parse_html_article(bom).title == "Café news today");
}

TEST_CASE("html: invalid UTF-8 is repaired, not rejected") {
    Record r;
    r.bytes =
        "<html><head><meta charset=utf-8><title>Bad \xC3 bytes</title></head>"
        "<body><p>Still an article with enough words in it to count as one.</p></body></html>";
    r.origin = "bad.html";
    r.format = RecordFormat::Html;
    Article a = parse_html_article(r);
    CHECK(a.title == "Bad \xEF\xBF\xBD bytes");
}

TEST_CASE("html: 100,000 nested elements parse without recursion or quadratic time") {
    std::string page = "<html><head><title>Deep page</title></head><body>";
    for (int i = 0; i < 100000; ++i)
        page += "<div>";
    page += "<p>The text at the bottom of a very deep page is still found by the parser.</p>";
    for (int i = 0; i < 100000; ++i)
        page += "</div>";
    page += "</body></html>";
    Record r;
    r.bytes = page;
    r.origin = "deep.html";
    r.format = RecordFormat::Html;
    Article a = parse_html_article(r);
    CHECK(a.title == "Deep page");
    CHECK(contains(a.body, "The text at the bottom of a very deep page"));

    std::string inline_deep = "<html><body>";
    for (int i = 0; i < 50000; ++i)
        inline_deep += "<b><i><span>";
    inline_deep += "words";
    article_or_record_error(inline_deep);
}

TEST_CASE("html: a page with no body, an empty page and binary junk never crash") {
    Record r;
    r.origin = "nobody.html";
    r.format = RecordFormat::Html;
    r.bytes = "<html><head><title>Only a headline here</title></head></html>";
    Article a = parse_html_article(r);
    CHECK(a.title == "Only a headline here");
    CHECK(a.body.empty());

    r.bytes = "";
    CHECK_THROWS_AS(parse_html_article(r), RecordError);

    std::mt19937 rng(42);
    std::string junk(100000, '\0');
    for (auto& c : junk)
        c = static_cast<char>(rng() & 0xFF);
    r.bytes = junk;
    CHECK_THROWS_AS(parse_html_article(r), RecordError);

    // Junk with markup-looking bytes in it: an article or a reason, nothing else.
    for (int i = 0; i < 20; ++i) {
        std::string s;
        for (int k = 0; k < 3000; ++k) {
            unsigned v = rng() % 12;
            s += v == 0   ? "<div "
                 : v == 1 ? "</"
                 : v == 2 ? "<p>"
                 : v == 3 ? "&#x"
                 : v == 4 ? "\""
                 : v == 5 ? ">"
                          : std::string(1, static_cast<char>('a' + rng() % 26));
        }
        article_or_record_error(s);
    }
}

TEST_CASE("html: pages above the size limit are rejected with a reason") {
    Record r;
    r.origin = "huge.html";
    r.format = RecordFormat::Html;
    r.bytes.assign(kMaxHtmlBytes + 1, 'a');
    try {
        parse_html_article(r);
        FAIL("no error");
    } catch (const RecordError& e) {
        CHECK(std::string(e.what()).find("too large") != std::string::npos);
    }
}

TEST_CASE("html: dates from a visible Posted line, then from the URL") {
    Record r;
    r.origin = "posted.html";
    r.format = RecordFormat::Html;
    r.bytes = "<html><head><title>Quiet week at the harbour</title></head><body><article>"
              "<h1>Quiet week at the harbour</h1>"
              "<div class=\"post-date\">Posted on March 3, 2021 at 9:15 AM EST</div>"
              "<p>Nothing much happened at the harbour this week, which the harbour master "
              "said was exactly how she liked it, with calm seas and no late ferries.</p>"
              "</article></body></html>";
    Article a = parse_html_article(r);
    CHECK(a.date == "2021-03-03");
    CHECK(a.date_source == "text");
    REQUIRE(a.published);
    CHECK(*a.published == 1614780900); // 14:15Z

    r.url = "https://example.org/news/2020/07/14/quiet-week/";
    r.bytes = "<html><head><title>Quiet week</title></head><body><p>Nothing much happened at "
              "the harbour this week, which the harbour master liked.</p></body></html>";
    a = parse_html_article(r);
    CHECK(a.date == "2020-07-14");
    CHECK(a.date_source == "url");
    CHECK(a.url == "https://example.org/news/2020/07/14/quiet-week/");
}

TEST_CASE("html: the description is a subtitle only when it is not the first paragraph") {
    Record r;
    r.origin = "desc.html";
    r.format = RecordFormat::Html;
    std::string para = "The council approved the new cycle lanes on Tuesday after a long debate "
                       "that ran past midnight in the town hall.";
    r.bytes = "<html><head><title>Cycle lanes approved</title><meta name=\"description\" "
              "content=\"" +
              para.substr(0, 70) + "...\"></head><body><article><p>" + para +
              "</p></article></body></html>";
    CHECK(parse_html_article(r).subtitle.empty());
    r.bytes = "<html><head><title>Cycle lanes approved</title><meta name=\"description\" "
              "content=\"Work starts in spring on three routes.\"></head><body><article><p>" +
              para + "</p></article></body></html>";
    CHECK(parse_html_article(r).subtitle == "Work starts in spring on three routes.");
}

TEST_CASE("html: a JSON-LD author that is an organisation is not a person") {
    Record r;
    r.origin = "org.html";
    r.format = RecordFormat::Html;
    r.bytes = "<html><head><title>Port reopens</title><script type=\"application/ld+json\">"
              "{\"@type\":\"NewsArticle\",\"headline\":\"Port reopens\",\"author\":["
              "{\"@type\":\"Organization\",\"name\":\"Coastal Wire Service\"},"
              "{\"@type\":\"Person\",\"name\":\"Edda Morrow\"}]}</script></head>"
              "<body><p>The port reopened on Monday after a week of repairs to its cranes.</p>"
              "</body></html>";
    Article a = parse_html_article(r);
    CHECK(a.authors == std::vector<std::string>{"Edda Morrow"});
}

TEST_CASE("html: a page rendered by scripts falls back to JSON-LD articleBody") {
    Record r;
    r.origin = "spa.html";
    r.format = RecordFormat::Html;
    r.bytes = "<html><head><title>Tide tables change</title><script type=\"application/ld+json\">"
              "{\"@type\":\"NewsArticle\",\"headline\":\"Tide tables change\","
              "\"articleBody\":\"The harbour office will publish tide tables weekly from "
              "April, instead of once a season.\\nSkippers asked for the change after two "
              "boats ran aground on the sandbar at the river mouth last autumn, when the "
              "printed tables were a week out of date.\"}</script></head>"
              "<body><div id=\"root\"></div><script>render()</script></body></html>";
    Article a = parse_html_article(r);
    CHECK(a.title == "Tide tables change");
    CHECK(a.body.rfind("The harbour office will publish tide tables weekly", 0) == 0);
    CHECK(a.body.find("\n\nSkippers asked for the change") != std::string::npos);
}
