// Regressions for what the fuzzers and the hostile corpus (tests/hostile) found, one test
// per finding, named for the target or input that found it.
#include "collect_sources.hpp"
#include "date_query.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "parse/charset.hpp"
#include "parse/html/html_dom.hpp"
#include "parse/parse.hpp"
#include "url.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace morgue;

namespace {

Article parse_html_bytes(const std::string& bytes, const std::string& charset = {}) {
    Record r;
    r.bytes = bytes;
    r.origin = r.path = "hostile.html";
    r.format = RecordFormat::Html;
    r.charset = charset;
    return parse_record(r);
}

const std::string kPara = "The Quayside council voted on Tuesday to reopen the Lantern Bridge "
                          "after a winter of repairs, said councillor Edda Varnholt.";

std::string page(const std::string& title, const std::string& body, const std::string& head = {}) {
    return "<!DOCTYPE html><html><head>" + head + "<title>" + title +
           "</title></head><body>"
           "<article><h1>" +
           title + "</h1>" + body + "</article></body></html>\n";
}

std::string utf16le(const std::string& ascii) {
    std::string out;
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

} // namespace

TEST_CASE("hostile regression: a tag with 200,000 attributes parses in bounded time") {
    // gumbo compares each new attribute with all the tag's earlier ones: before the cap,
    // tests/hostile's million_attributes.html ran for hours.
    std::string attrs;
    for (int i = 0; i < 200000; ++i)
        attrs += " a" + std::to_string(i) + "=\"" + std::to_string(i) + "\"";
    auto t0 = std::chrono::steady_clock::now();
    Article a = parse_html_bytes(page("A Tag With Many Attributes",
                                      "<p" + attrs + ">" + kPara + "</p><p>" + kPara + "</p>"));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(a.title == "A Tag With Many Attributes");
    CHECK(a.body.find("Lantern Bridge") != std::string::npos);
    CHECK(secs < 20);
}

TEST_CASE("hostile regression: cap_tag_attributes keeps the first attributes and the tag") {
    std::string out;
    CHECK_FALSE(cap_tag_attributes("<p a=1 b='2' c=\"3\">x</p>", 3, out));
    REQUIRE(cap_tag_attributes("<p a=1 b='>' c=\"3\" d e=5>x</p><i f g h i>", 2, out));
    CHECK(out == "<p a=1 b='>' >x</p><i f g >");
    // Quotes only count after "=", as in the tokenizer; comments and scripts are skipped.
    REQUIRE(cap_tag_attributes("<!-- <b a b c> --><script>var s='<b a b c>';</script><b \"x y z>t",
                               2, out));
    CHECK(out == "<!-- <b a b c> --><script>var s='<b a b c>';</script><b \"x y >t");
}

TEST_CASE("hostile regression: UTF-16 without a byte-order mark is read, not rejected as binary") {
    std::string html = page("Lantern Bridge in Sixteen Bits", "<p>" + kPara + "</p>");
    CHECK(utf16_without_bom(utf16le(html)) == "UTF-16LE");
    CHECK(utf16_without_bom(utf16le(html).substr(1) + '\0') == "UTF-16BE");
    CHECK(utf16_without_bom(html).empty());
    Article a = parse_html_bytes(utf16le(html));
    CHECK(a.title == "Lantern Bridge in Sixteen Bits");
    CHECK(a.body.find("Lantern Bridge after a winter") != std::string::npos);
}

TEST_CASE("hostile regression: a WARC response in UTF-16 without a BOM is not 'binary'") {
    std::string body = utf16le(page("Lantern Bridge in Sixteen Bits", "<p>" + kPara + "</p>"));
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16le\r\n"
                       "Content-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n" + body;
    std::string warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://q.example/u\r\n"
                       "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                       std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    std::string path = (std::filesystem::temp_directory_path() /
                        ("morgue_u16_" + std::to_string(::getpid()) + ".warc"))
                           .string();
    std::ofstream(path, std::ios::binary) << warc;
    auto c = morgue::test::collect({path});
    std::filesystem::remove(path);
    REQUIRE(c.records.size() == 1);
    CHECK(c.rejected.empty());
    CHECK(parse_record(c.records[0]).title == "Lantern Bridge in Sixteen Bits");
}

TEST_CASE("hostile regression: a UTF-8 label on windows-1252 bytes reads as windows-1252") {
    std::string html = page("Caf\xe9 Owners in S\xf8rvik",
                            "<p>" + kPara + " The caf\xe9 stays.</p>", "<meta charset=\"utf-8\">");
    Article a = parse_html_bytes(html);
    CHECK(a.title == "Caf\u00e9 Owners in S\u00f8rvik");
    // Mixed bytes (real UTF-8 next to a stray byte) stay UTF-8, the stray byte replaced.
    Article b = parse_html_bytes(
        page("Caf\xc3\xa9 \xff Owners", "<p>" + kPara + "</p>", "<meta charset=\"utf-8\">"));
    CHECK(b.title == "Caf\u00e9 \ufffd Owners");
    // Overlong forms never decode to the ASCII they spell.
    Article c = parse_html_bytes(page("Over\xc0\xaflong", "<p>" + kPara + "</p>"));
    CHECK(c.title.find('/') == std::string::npos);
}

TEST_CASE("hostile regression: \\u0000 in a JSON Lines article never reaches the article") {
    Record r;
    r.bytes =
        R"({"title":"Nul \u0000 Inside","text":"First.\u0000 Second.","authors":["Ilse\u0000 Brandvik"],"url":"https://q.example/n"})";
    r.origin = r.path = "x.jsonl:1";
    r.format = RecordFormat::Json;
    Article a = parse_record(r);
    CHECK(a.title == "Nul Inside");
    CHECK(a.body.find('\0') == std::string::npos);
    CHECK(a.body.find("Second.") != std::string::npos);
    REQUIRE(a.authors.size() == 1);
    CHECK(a.authors[0].find('\0') == std::string::npos);
}

TEST_CASE("hostile regression: a WARC Content-Length past the end of a plain file keeps the rest") {
    // tests/hostile's warc_huge_length.warc: the reader skipped 10^18 bytes, losing every
    // record after the lying one.
    auto record = [](const std::string& id, const std::string& title, const std::string& len) {
        std::string body = page(title, "<p>" + kPara + "</p>");
        std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
        return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + id +
               ">\r\nWARC-Target-URI: https://q.example/" + id +
               "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
               (len.empty() ? std::to_string(http.size()) : len) + "\r\n\r\n" + http + "\r\n\r\n";
    };
    std::string warc = record("a", "First Good Record", "") +
                       record("b", "Middle Record", "1000000000000000000") +
                       record("c", "Last Good Record", "");
    std::string path = (std::filesystem::temp_directory_path() /
                        ("morgue_huge_" + std::to_string(::getpid()) + ".warc"))
                           .string();
    std::ofstream(path, std::ios::binary) << warc;
    auto c = morgue::test::collect({path});
    std::filesystem::remove(path);
    REQUIRE(c.records.size() == 2);
    CHECK(parse_record(c.records[0]).title == "First Good Record");
    CHECK(parse_record(c.records[1]).title == "Last Good Record");
    REQUIRE(c.rejected.size() == 1);
    CHECK(c.rejected[0].second.find("larger than --max-record-size") != std::string::npos);
    CHECK(c.rejected[0].first.record_id == "urn:uuid:b");
}

TEST_CASE("url_fuzzer regression: a no-break space left at the end stays put on a second pass") {
    // The empty parameters after it were dropped, leaving the no-break space last, where
    // the next normalisation trimmed it.
    std::string in = "HTTPS://Ee.?/\xff\xfe&&&&?\xc2\xa0&&&&&";
    std::string once = normalize_url(in);
    CHECK(once == "https://ee/?/\xff\xfe&?%C2%A0");
    CHECK(normalize_url(once) == once);
    CHECK(normalize_url("https://q.example/a?x=1\xc2\xa0&") == "https://q.example/a?x=1%C2%A0");
    // In a host name it is no URL at all (percent-encoded, the host would be invalid).
    CHECK(normalize_url("http://w\x88\x88\xd1\x8f\xc5\xd0\xd0\xa2\xc2\xa0www.atat").empty());
    CHECK(normalize_url("http://quay\xc2\xa0side.example/a").empty());
    CHECK(normalize_url("http://k\u00f8benhavn.example/a") == "http://k\u00f8benhavn.example/a");
}

TEST_CASE("date_fuzzer regression: an absurd epoch time does not overflow the calendar") {
    // "@185535844055358.." overflowed date.h's int day count (UBSan: signed overflow).
    Ymd far = ymd_at(185535844055358LL, 0);
    CHECK(far.year > 9999);
    CHECK(ymd_at(INT64_MAX, 840).year > 9999);
    CHECK(ymd_at(INT64_MIN, -840).year < 0);
    CHECK(civil_from_days(INT64_MAX / 2).year > 9999);
    CHECK(format_ymd(ymd_at(1729852200, 0)) == "2024-10-25");
    CHECK_NOTHROW([] {
        try {
            parse_date_range("@185535844055358..", {2024, 11, 6});
        } catch (const Error&) {
        }
    }());
}

TEST_CASE("warc_fuzzer regression: binary data labelled HTML is rejected by the parser") {
    // The reader makes no charset decision: it hands the body on, and the HTML parser
    // rejects it once no encoding reads it as text (the rejection carries no bytes: the
    // pipeline reports where, not what).
    std::string body = std::string("GIF89a\0\0\0\0", 10) + std::string(3000, '\0');
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
    std::string warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bin>\r\n"
                       "WARC-Target-URI: https://q.example/bin\r\n"
                       "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                       std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    std::string path = (std::filesystem::temp_directory_path() /
                        ("morgue_bin_" + std::to_string(::getpid()) + ".warc"))
                           .string();
    std::ofstream(path, std::ios::binary) << warc;
    auto c = morgue::test::collect({path});
    std::filesystem::remove(path);
    CHECK(c.rejected.empty());
    REQUIRE(c.records.size() == 1);
    CHECK(c.records[0].url == "https://q.example/bin");
    CHECK_THROWS_WITH(parse_record(c.records[0]), "binary data, not an HTML page");
}
