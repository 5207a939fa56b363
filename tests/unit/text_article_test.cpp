// The plain-text article parser, one fixture per trap of the format.
#include "dates.hpp"
#include "errors.hpp"
#include "parse/text_article.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
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
    CHECK(a.captions[0].text == "Commuters board the last morning ferry at the old pier in Port "
                                "Alden, Tuesday, March 14, 2023.");
    CHECK(a.dateline == "PORT ALDEN, Maine");
    CHECK(a.body.rfind("The Port Alden harbour council voted", 0) == 0);
    REQUIRE(a.bullets.size() == 3);
    CHECK(a.bullets[0] ==
          Bullet{"The vote", "Five members backed the closure after a three-hour debate."});
    CHECK(a.bullets[1].label == "What comes next");
    CHECK(a.bullets[2].label.empty());
    CHECK(a.tags == std::vector<std::string>{"Port Alden"});
    CHECK(a.body.find("install") == std::string::npos);
}

TEST_CASE("text article: no date line is rejected") {
    CHECK_THROWS_AS(parse_text_article("Just some words\nand more\n"), RecordError);
}

static bool starts_with(const std::string& s, std::string_view p) {
    return s.rfind(p, 0) == 0;
}
static bool ends_with(const std::string& s, std::string_view p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// Helpers for the fixtures below: the body and bullets must not carry the app promo,
// the topic line, no-break spaces or carriage returns.
static void check_no_chrome(const Article& a) {
    for (std::string_view chrome : {"Tap to install", "Install the", "easy steps", "news faster",
                                    "navigation bar", "Home Screen", "(More "}) {
        INFO(chrome);
        CHECK(a.body.find(chrome) == std::string::npos);
        for (const auto& b : a.bullets)
            CHECK(b.text.find(chrome) == std::string::npos);
    }
    CHECK(a.body.find("\n\nX\n\n") == std::string::npos); // the promo's lone close mark
    CHECK_FALSE(ends_with(a.body, "\n\nX"));
    CHECK(a.body.find("\xC2\xA0") == std::string::npos);
    CHECK(a.body.find('\r') == std::string::npos);
}

TEST_CASE("text article: NBSP with no space before the affiliation") {
    Article a = parse_text_article(fixture("nbsp_affiliation.txt"));
    CHECK(a.title == "Glassworks Museum Reopens After Roof Repair");
    CHECK(a.subtitle ==
          "Visitors return to the kiln hall for the first time since the winter storms");
    CHECK(a.authors == std::vector<std::string>{"Odile Brenner"});
    CHECK(a.affiliation == "Quayside Herald Staff");
    CHECK(a.byline == "Odile Brenner, Quayside Herald Staff");
    REQUIRE(a.published);
    CHECK(*a.published == 1717424100); // 2024-06-03T14:15:00Z (10:15 AM EDT)
    CHECK(a.date == "2024-06-03");
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].text ==
          "Visitors look up at the restored roof of the kiln hall at the Glassworks "
          "Museum in Fenmouth, Monday, June 3, 2024.");
    CHECK(a.captions[0].credit == "Herald Photo/Ravi Lindholm");
    CHECK(a.body ==
          "The Glassworks Museum in Fenmouth reopened on Monday after a six-month repair of "
          "the roof over its kiln hall.\n\nDirector Amos Treloar said the museum had "
          "welcomed 800 visitors by noon.");
    CHECK(a.tags == std::vector<std::string>{"Fenmouth"});
    check_no_chrome(a);
}

TEST_CASE("text article: leading space on the date line, no caption") {
    Article a = parse_text_article(fixture("leading_space.txt"));
    CHECK(a.title == "Fenmouth Ferry Adds a Late Sailing on Fridays");
    CHECK(a.date == "2022-09-27");
    CHECK(a.subtitle == "The 11:40 p.m. boat starts next month");
    CHECK(a.authors == std::vector<std::string>{"Odile Brenner"});
    CHECK(a.affiliation == "Quayside Herald Staff");
    REQUIRE(a.published);
    CHECK(*a.published == 1664308800); // 2022-09-27T20:00:00Z (4:00 PM EDT)
    CHECK(a.captions.empty());
    CHECK(starts_with(a.body, "The Fenmouth ferry will add a late Friday sailing"));
    CHECK(ends_with(a.body, "requests from restaurant workers."));
    CHECK(a.tags.empty());
}

TEST_CASE("text article: CRLF line ends") {
    std::string raw = fixture("crlf.txt");
    REQUIRE(raw.find("\r\n") != std::string::npos);
    Article a = parse_text_article(raw);
    CHECK(a.title == "Snow Closes the Pass Road Above Ketterby");
    CHECK(a.subtitle == "Plows expect to reopen one lane by Wednesday");
    CHECK(a.authors == std::vector<std::string>{"Hamish Aldous"});
    CHECK(a.affiliation == "Upland Courier");
    REQUIRE(a.published);
    CHECK(*a.published == 1673965500); // 2023-01-17T14:25:00Z (7:25 AM MST)
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].text ==
          "A plow clears drifts on the pass road above Ketterby, Tuesday, Jan. 17, 2023.");
    CHECK(a.captions[0].credit == "Courier Photo/Pia Sandoval");
    REQUIRE(a.bullets.size() == 1);
    CHECK(a.bullets[0] ==
          Bullet{"Detour", "Drivers can use the valley highway, which adds about 40 minutes."});
    CHECK(a.body == "The pass road above Ketterby was closed on Tuesday after two feet of snow "
                    "fell overnight.");
    CHECK(a.tags == std::vector<std::string>{"Ketterby"});
    check_no_chrome(a);
}

TEST_CASE("text article: no byline") {
    Article a = parse_text_article(fixture("no_byline.txt"));
    CHECK(a.title == "Leap-Day Babies Celebrate a Real Birthday in Fenmouth");
    CHECK(a.subtitle == "Eleven residents born on Feb. 29 gathered at the town hall");
    CHECK(a.authors.empty());
    CHECK(a.byline.empty());
    CHECK(a.affiliation.empty());
    REQUIRE(a.published);
    CHECK(*a.published == 1709247600); // 2024-02-29T23:00:00Z (6:00 PM EST)
    CHECK(a.date == "2024-02-29");
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].credit == "Photo: Ravi Lindholm");
    CHECK(starts_with(a.body, "Eleven Fenmouth residents born on Feb. 29 shared a cake"));
    CHECK(ends_with(a.body, "at the age of 88."));
}

TEST_CASE("text article: no Posted time") {
    Article a = parse_text_article(fixture("no_time.txt"));
    CHECK(a.title == "Ketterby Votes to Keep Its Last Phone Box");
    CHECK(a.subtitle == "The box will become a tiny library");
    CHECK(a.authors == std::vector<std::string>{"Hamish Aldous", "Pia Sandoval"});
    CHECK(a.affiliation == "Upland Courier");
    CHECK_FALSE(a.published);
    CHECK(a.date == "2025-04-02"); // the date line still dates the article
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].text ==
          "The red phone box on Ketterby's Mill Lane, Wednesday, April 2, 2025.");
    CHECK(a.captions[0].credit == "Courier Photo/Pia Sandoval");
    CHECK(a.body ==
          "Ketterby's parish council voted on Wednesday to keep the village's last phone box "
          "and turn it into a book exchange.");
}

TEST_CASE("text article: several photos, each an image title and a caption") {
    Article a = parse_text_article(fixture("several_captions.txt"));
    CHECK(a.title == "Tall Ships Fill Fenmouth Harbour for the Regatta");
    CHECK(a.authors == std::vector<std::string>{"Odile Brenner", "Ravi Lindholm", "Sunniva Aas"});
    REQUIRE(a.published);
    CHECK(*a.published == 1688823000); // 2023-07-08T13:30:00Z (2:30 PM BST)
    REQUIRE(a.captions.size() == 3);
    CHECK(a.captions[0] ==
          Caption{"The barque Morwenna enters Fenmouth harbour, Saturday, July 8, 2023.",
                  "Reuters/Ilka Demir"});
    CHECK(a.captions[1] == Caption{"Spectators line the north quay to watch the ships arrive.",
                                   "Photo: Ravi Lindholm"});
    CHECK(a.captions[2] ==
          Caption{"A cadet climbs the rigging of the schooner Alba Grey, Saturday.",
                  "Tomas Vidal/Getty Images"});
    // The image titles of the second and third photos are not body text.
    CHECK(a.body.find("Crowds on the quay") == std::string::npos);
    CHECK(a.body.find("A cadet in the rigging") == std::string::npos);
    CHECK(starts_with(a.body, "Forty tall ships from nine countries"));
    CHECK(ends_with(a.body, "for a race along the coast."));
}

TEST_CASE("text article: bullets with quoted labels, abbreviations and no label") {
    Article a = parse_text_article(fixture("bullets.txt"));
    CHECK(a.title == "Harbour Board Rejects Offer for the Old Customs House");
    REQUIRE(a.published);
    CHECK(*a.published == 1728954300); // 2024-10-15T01:05:00Z (9:05 PM EDT on the 14th)
    CHECK(a.date == "2024-10-14");
    REQUIRE(a.bullets.size() == 6);
    CHECK(a.bullets[0] ==
          Bullet{"US officials \"not amused.\"",
                 "A federal heritage office said it had not been consulted about the sale."});
    CHECK(a.bullets[1] == Bullet{"\"Not for sale.\"",
                                 "Board chair Lise Haugen said the building would stay public."});
    CHECK(a.bullets[2] == Bullet{"\xE2\x80\x9CNot yet.\xE2\x80\x9D",
                                 "A museum plan will be drawn up over the winter."});
    CHECK(a.bullets[3] ==
          Bullet{"Dr. Haugen's view",
                 "The chair, a historian, called the building the town's front door."});
    CHECK(a.bullets[4] ==
          Bullet{
              "",
              "The board will meet again in December to discuss repairs to the roof and windows."});
    CHECK(a.bullets[5].label.empty());
    CHECK(starts_with(a.bullets[5].text, "A group of residents who want the building"));
    CHECK(a.body == "The Fenmouth harbour board on Monday turned down a developer's offer for the "
                    "old customs house.");
    CHECK(a.tags == std::vector<std::string>{"Fenmouth harbour"});
}

TEST_CASE("text article: consecutive topic tag lines") {
    Article a = parse_text_article(fixture("tag_line.txt"));
    CHECK(a.title == "Fenmouth Council Names Its First Harbour Poet");
    CHECK(a.subtitle.empty());
    CHECK(a.tags == std::vector<std::string>{"Wynn Carreg", "Fenmouth"});
    CHECK(ends_with(a.body, "for each of the town's four sea festivals."));
    check_no_chrome(a);
}

TEST_CASE("text article: the app promo trailer is dropped") {
    std::string raw = fixture("promo_trailer.txt");
    REQUIRE(raw.find("in two easy steps:") != std::string::npos);
    Article a = parse_text_article(raw);
    CHECK(a.title == "Fenmouth Bakery Marks 100 Years With Free Buns");
    CHECK(a.subtitle.empty());
    CHECK(a.authors == std::vector<std::string>{"Ravi Lindholm"});
    REQUIRE(a.published);
    CHECK(*a.published == 1647348300); // 2022-03-15T12:45:00Z (8:45 AM EDT)
    CHECK(a.body ==
          "Quiller's Bakery on Fenmouth's Dock Street gave away 1,000 currant buns on Tuesday "
          "to mark its 100th year.\n\nNell Quiller, the founder's great-granddaughter, said "
          "the queue began at 5 a.m.");
    CHECK(a.tags == std::vector<std::string>{"Fenmouth"});
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].credit == "Photo: Ravi Lindholm");
    check_no_chrome(a);
}

TEST_CASE("text article: AP-style dateline is taken off the first paragraph") {
    Article a = parse_text_article(fixture("dateline.txt"));
    CHECK(a.authors == std::vector<std::string>{"In\xC3\xAAs Sottomaior"});
    CHECK(a.affiliation == "Atlantic Wire");
    REQUIRE(a.published);
    CHECK(*a.published == 1762255200); // 2025-11-04T11:20:00Z (GMT)
    CHECK(a.dateline == "VALDEMAR, Portugal");
    CHECK(starts_with(a.body, "A cable car across the Ervo gorge opened on Tuesday"));
    CHECK(a.body.find("(AP)") == std::string::npos);
}

TEST_CASE("text article: UTF-8 byte order mark, bare dateline") {
    std::string raw = fixture("bom.txt");
    REQUIRE(raw.substr(0, 3) == "\xEF\xBB\xBF");
    CHECK(looks_like_text_article(raw));
    Article a = parse_text_article(raw);
    CHECK(a.title == "Ketterby Sheep Shearing Contest Draws a Record Field");
    CHECK(a.date == "2023-05-22");
    CHECK(a.subtitle.empty());
    CHECK(a.authors == std::vector<std::string>{"Hamish Aldous"});
    REQUIRE(a.published);
    CHECK(*a.published == 1684797000); // 2023-05-22T23:10:00Z (5:10 PM MDT)
    CHECK(a.dateline == "KETTERBY");
    CHECK(starts_with(a.body, "Sixty-two shearers entered the Ketterby contest"));
}

TEST_CASE("text article: no subtitle, no blank line, midnight") {
    Article a = parse_text_article(fixture("no_subtitle.txt"));
    CHECK(a.title == "Fenmouth Lights Its Harbour Christmas Tree");
    CHECK(a.subtitle.empty());
    CHECK(a.authors == std::vector<std::string>{"Sunniva Aas"});
    REQUIRE(a.published);
    CHECK(*a.published == 1669870800); // 2022-12-01T05:00:00Z (12:00 AM EST)
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].credit == "Herald Photo/Ravi Lindholm");
    CHECK(starts_with(a.body, "The 40-foot spruce on Fenmouth's north quay"));
}

// A minimal article with the given Posted line.
static Article with_posted(const std::string& posted) {
    return parse_text_article(" date 2024-01-15 Zone Test Headline\n\nA subtitle\n"
                              "By Ann Example,\xC2\xA0 Test Desk\n" +
                              posted + "\n\nOne paragraph of body text.\n");
}

TEST_CASE("text article: Posted time in every supported zone") {
    struct Row {
        const char* zone;
        const char* utc;
    };
    // 6:00 AM local on Jan 15, 2024 (the zone name, not the season, decides the offset).
    const Row rows[] = {
        {"EST", "2024-01-15T11:00:00Z"},  {"EDT", "2024-01-15T10:00:00Z"},
        {"CST", "2024-01-15T12:00:00Z"},  {"CDT", "2024-01-15T11:00:00Z"},
        {"MST", "2024-01-15T13:00:00Z"},  {"MDT", "2024-01-15T12:00:00Z"},
        {"PST", "2024-01-15T14:00:00Z"},  {"PDT", "2024-01-15T13:00:00Z"},
        {"GMT", "2024-01-15T06:00:00Z"},  {"UTC", "2024-01-15T06:00:00Z"},
        {"BST", "2024-01-15T05:00:00Z"},  {"CET", "2024-01-15T05:00:00Z"},
        {"CEST", "2024-01-15T04:00:00Z"},
    };
    for (const auto& r : rows) {
        INFO(r.zone);
        Article a = with_posted(std::string("Posted Jan 15, 2024 6:00 AM ") + r.zone);
        REQUIRE(a.published);
        CHECK(format_iso_utc(*a.published) == r.utc);
        CHECK(a.date == "2024-01-15");
        CHECK(a.body == "One paragraph of body text.");
    }
}

TEST_CASE("text article: 12 AM and 12 PM") {
    struct Row {
        const char* posted;
        const char* utc;
    };
    const Row rows[] = {
        {"Posted Jan 15, 2024 12:00 AM UTC", "2024-01-15T00:00:00Z"},
        {"Posted Jan 15, 2024 12:45 AM UTC", "2024-01-15T00:45:00Z"},
        {"Posted Jan 15, 2024 12:00 PM UTC", "2024-01-15T12:00:00Z"},
        {"Posted Jan 15, 2024 12:30 PM UTC", "2024-01-15T12:30:00Z"},
        {"Posted Jan 15, 2024 11:59 PM UTC", "2024-01-15T23:59:00Z"},
        {"Posted Jan 15, 2024 1:05 AM UTC", "2024-01-15T01:05:00Z"},
        {"Posted Jan 15, 2024 12:15 AM EST", "2024-01-15T05:15:00Z"},
        {"Posted Jan 15, 2024 11:30 PM PST", "2024-01-16T07:30:00Z"}, // next day in UTC
    };
    for (const auto& r : rows) {
        INFO(r.posted);
        Article a = with_posted(r.posted);
        REQUIRE(a.published);
        CHECK(format_iso_utc(*a.published) == r.utc);
        CHECK(a.date == "2024-01-15"); // the article's own date stays local
    }
}

TEST_CASE("text article: a time with an unknown zone is not guessed") {
    Article a = with_posted("Posted Jan 15, 2024 6:00 AM XYZT");
    CHECK_FALSE(a.published);
    CHECK(a.date == "2024-01-15");
    CHECK(a.body == "One paragraph of body text.");
}

// The sample corpus is part of the demo: every article in it must parse cleanly, and
// only the two articles that exist to test it lack a byline or a time.
TEST_CASE("sample corpus: every plain-text article parses with its parts") {
    namespace fs = std::filesystem;
    std::size_t n = 0, no_byline = 0, no_time = 0;
    for (const auto& e :
         fs::directory_iterator(fs::path(MORGUE_SOURCE_DIR) / "sample_corpus" / "text")) {
        if (e.path().extension() != ".txt") continue;
        std::string name = e.path().filename().string();
        INFO(name);
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        Article a = parse_text_article(ss.str());
        ++n;
        CHECK_FALSE(a.title.empty());
        CHECK(a.date.size() == 10);
        CHECK(a.body.size() > 300);
        CHECK_FALSE(a.captions.empty());
        for (const auto& c : a.captions)
            CHECK_FALSE(c.credit.empty());
        CHECK(a.tags.size() == 1);
        check_no_chrome(a);
        if (a.authors.empty()) {
            ++no_byline;
            CHECK(name == "039_isla_corrente_ash.txt");
        } else {
            CHECK_FALSE(a.affiliation.empty());
        }
        if (!a.published) {
            ++no_time;
            CHECK(name == "034_harrow_county_fair_pie.txt");
        }
    }
    CHECK(n >= 45);
    CHECK(no_byline == 1);
    CHECK(no_time == 1);
}

TEST_CASE("text article: a sentence directly above a caption stays in the body") {
    Article a = parse_text_article(
        " date 2024-01-15 Pier Headline\n\nA subtitle\n"
        "By Ann Example,\xC2\xA0 Test Desk\n"
        "Posted Jan 15, 2024 6:00 AM EST\n\n"
        "The pier reopened on Monday.\n"
        "Anglers return to the pier, Monday.\xC2\xA0\xC2\xA0 (Photo: Bo Strand)\n"
        "Second photo title\n"
        "Gulls on the rail.\xC2\xA0\xC2\xA0 (Bo Strand/Getty Images)\n\n"
        "Repairs took a year.\n");
    CHECK(a.body == "The pier reopened on Monday.\n\nRepairs took a year.");
    REQUIRE(a.captions.size() == 2);
    CHECK(a.captions[0] == Caption{"Anglers return to the pier, Monday.", "Photo: Bo Strand"});
    CHECK(a.captions[1] == Caption{"Gulls on the rail.", "Bo Strand/Getty Images"});
}
