// The HTML parser's parts: charsets, byline splitting, caption credits, page dates.
#include "parse/byline.hpp"
#include "parse/charset.hpp"
#include "parse/html/html_captions.hpp"
#include "parse/html/html_dates.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

TEST_CASE("charset: labels name the Encoding Standard's encodings") {
    CHECK(encoding_for_label("ISO-8859-1") == "windows-1252");
    CHECK(encoding_for_label("latin1") == "windows-1252");
    CHECK(encoding_for_label("us-ascii") == "windows-1252");
    CHECK(encoding_for_label(" utf8\t") == "UTF-8");
    CHECK(encoding_for_label("Shift_JIS") == "Shift_JIS");
    CHECK(encoding_for_label("x-sjis") == "Shift_JIS");
    CHECK(encoding_for_label("gb2312") == "GBK");
    CHECK(encoding_for_label("iso-8859-2") == "ISO-8859-2");
    CHECK(encoding_for_label("iso8859-2") == "ISO-8859-2");
    CHECK(encoding_for_label("windows-1251") == "windows-1251");
    CHECK(encoding_for_label("iso-2022-kr") == "replacement");
    CHECK(encoding_for_label("no-such-thing").empty());
    CHECK(encoding_for_label("utf-8 x").empty());
}

TEST_CASE("charset: meta charset and http-equiv are found by the prescan") {
    CHECK(prescan_encoding("<html><head><meta charset='ISO-8859-2'>") == "ISO-8859-2");
    CHECK(prescan_encoding(
              "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">") ==
          "Shift_JIS");
    CHECK(prescan_encoding("<meta name=\"viewport\" content=\"width=device-width\">").empty());
}

TEST_CASE("charset: legacy encodings convert to UTF-8") {
    CHECK(html_to_utf8("<meta charset=windows-1252><p>\x93"
                       "Caf\xE9\x94 \x80",
                       "") == "<meta charset=windows-1252><p>\xE2\x80\x9C"
                              "Caf\xC3\xA9\xE2\x80\x9D \xE2\x82\xAC");
    CHECK(html_to_utf8("<p>\x83\x65\x83\x58\x83\x67", "shift_jis") ==
          "<p>\xE3\x83\x86\xE3\x82\xB9\xE3\x83\x88");
    CHECK(html_to_utf8("<p>\xC4\xE3\xBA\xC3", "gb2312") == "<p>你好");
    // No declaration and not UTF-8: windows-1252.
    CHECK(html_to_utf8("<p>na\xEF"
                       "ve",
                       "") == "<p>na\xC3\xAF"
                              "ve");
    // UTF-16 with a BOM.
    CHECK(html_to_utf8(std::string("\xFF\xFE<\0p\0>\0", 8), "") == "<p>");
}

TEST_CASE("byline: names, affiliation, roles, dates and other languages") {
    auto b = split_byline("By Jane Roe and John Doe, Associated Press");
    CHECK(b.names == std::vector<std::string>{"Jane Roe", "John Doe"});
    CHECK(b.affiliation == "Associated Press");

    b = split_byline("By Lena Ortiz, Staff Writer");
    CHECK(b.names == std::vector<std::string>{"Lena Ortiz"});
    CHECK(b.affiliation == "Staff Writer");

    CHECK(split_byline("by Maren Holt May 20, 2019").names ==
          std::vector<std::string>{"Maren Holt"});
    CHECK(split_byline("Tomas Brandt | 3 hours ago").names ==
          std::vector<std::string>{"Tomas Brandt"});
    CHECK(split_byline("Par Odile Marchand (avec Luc Perrin et Anaïs Roux)").names ==
          std::vector<std::string>{"Odile Marchand", "Luc Perrin", "Anaïs Roux"});
    CHECK(split_byline("Joaquín Rey (https://example.org/joaquin)").names ==
          std::vector<std::string>{"Joaquín Rey"});
    CHECK(split_byline("Written by Ada Kowal for The Lakeside Review").affiliation ==
          "The Lakeside Review");
    CHECK(split_byline("https://example.org/staff/ada").names.empty());
    CHECK(split_byline("SHARE").names.empty());
    CHECK(split_byline("Riverside Herald", "Riverside Herald").names.empty());
}

TEST_CASE("byline: what a person's name looks like") {
    CHECK(looks_like_person_name("Ana de la Cruz"));
    CHECK(looks_like_person_name("Ludwig van Ostade"));
    CHECK(looks_like_person_name("سلمى الحداد"));
    CHECK_FALSE(looks_like_person_name("Sign in to comment"));
    CHECK_FALSE(looks_like_person_name("Updated 5 minutes ago"));
    CHECK_FALSE(looks_like_person_name("jane@example.org"));
    CHECK_FALSE(looks_like_person_name("J J"));
    CHECK_FALSE(looks_like_person_name("The Lakeside Review"));
}

TEST_CASE("captions: credits written out or marked up") {
    auto c =
        split_caption_credit("Crowds gather at the quay on Sunday. (AP Photo/Lin Varga, File)");
    CHECK(c.text == "Crowds gather at the quay on Sunday.");
    CHECK(c.credit == "AP Photo/Lin Varga, File");
    c = split_caption_credit("The new footbridge at dusk. Photograph: Sam Ode/Valley Post");
    CHECK(c.text == "The new footbridge at dusk.");
    CHECK(c.credit == "Sam Ode/Valley Post");
    c = split_caption_credit("A caption (taken last year) with no credit");
    CHECK(c.credit.empty());
    CHECK(c.text == "A caption (taken last year) with no credit");
}

TEST_CASE("page dates: ISO, RFC 2822, words, slashes, digits, URLs") {
    auto d = parse_page_date("2024-10-25T23:30:00-05:00");
    REQUIRE(d);
    CHECK(d->local == Ymd{2024, 10, 25});
    CHECK(d->utc == 1729917000);
    d = parse_page_date("Fri, 25 Oct 2024 10:30:00 GMT");
    REQUIRE(d);
    CHECK(d->local == Ymd{2024, 10, 25});
    CHECK(d->utc == 1729852200);
    d = parse_page_date("October 25, 2024 5:30 PM EDT");
    REQUIRE(d);
    CHECK(d->utc == 1729891800); // 21:30Z
    // C's asctime and Java's Date put the time between the day and the year.
    d = parse_page_date("Mon Aug 03 12:45:00 EDT 2015");
    REQUIRE(d);
    CHECK(d->local == Ymd{2015, 8, 3});
    CHECK(d->utc == 1438620300); // 16:45Z
    d = parse_page_date("25th March 2023");
    REQUIRE(d);
    CHECK(d->local == Ymd{2023, 3, 25});
    CHECK_FALSE(d->has_time);
    d = parse_page_date("2019/04/03");
    REQUIRE(d);
    CHECK(d->local == Ymd{2019, 4, 3});
    d = parse_page_date("20190403");
    REQUIRE(d);
    CHECK(d->local == Ymd{2019, 4, 3});
    CHECK_FALSE(parse_page_date("last Tuesday"));
    CHECK_FALSE(parse_page_date("2019-13-45"));
    CHECK(date_in_url("https://example.org/news/2024/10/25/story-slug") == Ymd{2024, 10, 25});
    CHECK(date_in_url("https://example.org/2024-03-02-story") == Ymd{2024, 3, 2});
    CHECK_FALSE(date_in_url("https://example.org/news/1234/story"));
    // A slug that ends in its day; not a number inside the path, nor an id before 1990.
    CHECK(date_in_url("https://example.org/World/News/harbour-reopens-20200113") ==
          Ymd{2020, 1, 13});
    CHECK(date_in_url("https://example.org/news/harbour_reopens_20200113.html?x=1") ==
          Ymd{2020, 1, 13});
    CHECK_FALSE(date_in_url("https://example.org/news-20200113/harbour-reopens"));
    CHECK_FALSE(date_in_url("https://example.org/news/harbour-reopens-19891231"));
    CHECK_FALSE(date_in_url("https://example.org/news/harbour-reopens-20201399"));
}

TEST_CASE("byline: surnames that are also common words stay names") {
    CHECK(split_byline("By Min-jun Seo and Thomas More").names ==
          std::vector<std::string>{"Min-jun Seo", "Thomas More"});
    CHECK(split_byline("Hana Kovac | 6 min read").names == std::vector<std::string>{"Hana Kovac"});
}
