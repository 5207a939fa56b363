// Encodings by the standards (parse/charset.hpp): the HTML standard's prescan, the
// Encoding Standard's labels and decoders, the sniffing order, the legacy CJK encodings
// on team-written pages (tests/fixtures/html/encodings, made by scripts/make-warc-fixtures),
// and "binary" decided only once decoding failed.
#include "parse/charset.hpp"
#include "parse/html/html_article.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace morgue;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

std::string encodings(const std::string& name) {
    return slurp(std::string(MORGUE_FIXTURES) + "/html/encodings/" + name);
}

} // namespace

TEST_CASE("prescan: the HTML standard's algorithm, rule by rule") {
    using Case = std::tuple<std::string, std::string>;
    auto [page, want] = GENERATE(table<std::string, std::string>({
        Case{"<meta charset=koi8-r>", "KOI8-R"},
        Case{"<META CHARSET=\"KOI8-R\">", "KOI8-R"},
        Case{"<meta/charset=koi8-u>", "KOI8-U"},
        // A content attribute needs http-equiv=content-type, in either order.
        Case{"<meta content=\"text/html; charset=iso-8859-5\">", ""},
        Case{"<meta content=\"text/html; charset=iso-8859-5\" http-equiv=Content-Type>",
             "ISO-8859-5"},
        Case{"<meta http-equiv=content-type content=\"text/html;charset='iso-8859-7'\">",
             "ISO-8859-7"},
        Case{"<meta http-equiv=content-type content=\"charset='iso-8859-7\">", ""},
        // A second attribute of the same name is ignored; a bad label is no charset.
        Case{"<meta charset=bogus charset=koi8-r>", ""},
        Case{"<meta charset=bogus><meta charset=iso-8859-5>", "ISO-8859-5"},
        // Comments hide a meta; "<!-->" is a whole comment.
        Case{"<!-- <meta charset=koi8-r> --><meta charset=iso-8859-7>", "ISO-8859-7"},
        Case{"<!--><meta charset=koi8-u>", "KOI8-U"},
        // Another tag's attribute values are read past.
        Case{"<div title=\"<meta charset=koi8-r>\"><meta charset=iso-8859-5>", "ISO-8859-5"},
        Case{"<metacharset=koi8-r>", ""},
        // A page cannot say UTF-16 in ASCII; x-user-defined reads as windows-1252.
        Case{"<meta charset=utf-16le>", "UTF-8"},
        Case{"<meta charset=x-user-defined>", "windows-1252"},
        // The bytes end inside the tag: no answer.
        Case{"<meta charset=koi8-r", ""},
        Case{"<meta charset=\"koi8-r>", ""},
        // The prescan knows no <script>: a meta in its text within 1024 bytes counts.
        Case{"<script>var m = '<meta charset=koi8-r>';</script>", "KOI8-R"},
        // Only the first 1024 bytes.
        Case{std::string(1100, ' ') + "<meta charset=koi8-r>", ""},
    }));
    INFO(page);
    CHECK(prescan_encoding(page) == want);
}

TEST_CASE("decode: BOM, then the HTTP charset, then the prescan, then a later meta") {
    std::string page = "<meta charset=iso-8859-5><p>\xB0";
    CHECK(decode_html(page, "").encoding == "ISO-8859-5");
    CHECK(decode_html(page, "").text == "<meta charset=iso-8859-5><p>\xD0\x90"); // А
    CHECK(decode_html(page, "koi8-r").encoding == "KOI8-R");
    CHECK(decode_html(page, "no-such-label").encoding == "ISO-8859-5");
    CHECK(decode_html("\xEF\xBB\xBF" + page, "koi8-r").encoding == "UTF-8");
    // Past 1024 bytes, a meta changes a guessed encoding (the parser's "change the
    // encoding"), unless it sits in a script.
    std::string late = "<p>" + std::string(1100, 'x') + "</p><meta charset=koi8-r><p>\xE1";
    CHECK(decode_html(late, "").encoding == "KOI8-R");
    std::string scripted = "<p>" + std::string(1100, 'x') +
                           "</p><script>document.write('<meta charset=koi8-r>')</script><p>\xE1";
    CHECK(decode_html(scripted, "").encoding == "windows-1252");
    // Nothing declared: valid UTF-8 is UTF-8, else the fallback.
    CHECK(decode_html("<p>caf\xC3\xA9", "").encoding == "UTF-8");
    CHECK(decode_html("<p>caf\xE9 cr\xE8me", "").encoding == "windows-1252");
}

TEST_CASE("decode: windows-1252's 0x80-0x9F are its characters, never U+FFFD") {
    std::string bytes;
    for (int b = 0x80; b <= 0x9F; ++b)
        bytes += static_cast<char>(b);
    DecodedPage p = decode_html("<meta charset=latin1><p>" + bytes, "");
    CHECK(p.encoding == "windows-1252");
    std::string want = "<meta charset=latin1><p>"
                       "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160"
                       "\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022"
                       "\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
    CHECK(p.text == want);
    CHECK(p.text.find("\xEF\xBF\xBD") == std::string::npos);
}

TEST_CASE("decode: the transport's special labels") {
    CHECK(decode_html("<p>\x80\xFF", "x-user-defined").text == "<p>\uF780\uF7FF");
    CHECK(decode_html("<p>text", "iso-2022-kr").encoding == "replacement");
    CHECK(decode_html("<p>text", "iso-2022-kr").binary);
    std::string u16("<\0p\0>\0h\0i\0", 10);
    CHECK(decode_html(u16, "utf-16le").text == "<p>hi");
}

TEST_CASE("decode: binary only once no encoding reads the bytes as text") {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0", 29);
    std::string junk;
    for (int i = 0; i < 40; ++i)
        junk += png;
    CHECK(decode_html(junk, "utf-8").binary);
    CHECK(decode_html(junk, "").binary);
    // ISO-2022-JP is 7-bit with escape bytes: text, not binary.
    DecodedPage jis = decode_html(encodings("iso-2022-jp.html"), "");
    CHECK(jis.encoding == "ISO-2022-JP");
    CHECK_FALSE(jis.binary);
}

TEST_CASE("legacy CJK pages decode, declared or detected") {
    auto [file, lang, encoding] = GENERATE(table<std::string, std::string, std::string>({
        {"euc-jp.html", "ja", "EUC-JP"},
        {"euc-jp-unlabelled.html", "ja", "EUC-JP"},
        {"shift_jis.html", "ja", "Shift_JIS"},
        {"shift_jis-unlabelled.html", "ja", "Shift_JIS"},
        {"iso-2022-jp.html", "ja", "ISO-2022-JP"},
        {"gb18030.html", "zh-hans", "gb18030"},
        {"gb2312.html", "zh-hans", "GBK"},
        {"big5.html", "zh-hant", "Big5"},
        {"euc-kr.html", "ko", "EUC-KR"},
    }));
    INFO(file);
    std::string bytes = encodings(file);
    DecodedPage p = decode_html(bytes, "");
    CHECK(p.encoding == encoding);
    CHECK_FALSE(p.binary);
    CHECK(p.text.find("\xEF\xBF\xBD") == std::string::npos);

    std::string expected = encodings(lang + ".txt");
    std::string title = expected.substr(0, expected.find('\n'));
    std::string text = expected.substr(title.size() + 1);
    text.pop_back();
    Record r;
    r.bytes = bytes;
    r.origin = file;
    r.format = RecordFormat::Html;
    Article a = parse_html_article(r);
    CHECK(a.title == title);
    CHECK(a.body == text);
}

TEST_CASE("decode: a label the bytes prove wrong is overruled, a true one never") {
    // Saved as UTF-8, its old label kept: the bytes win.
    DecodedPage resaved =
        decode_html("<meta charset=windows-1252><p>Caf\xC3\xA9 S\xC3\xB8rvik", "");
    CHECK(resaved.sniffed == "windows-1252");
    CHECK(resaved.encoding == "UTF-8");
    CHECK(resaved.text == "<meta charset=windows-1252><p>Caf\u00e9 S\u00f8rvik");
    // Labelled UTF-8, never once UTF-8: windows-1252.
    DecodedPage legacy = decode_html("<meta charset=utf-8><p>Caf\xE9 S\xF8rvik", "");
    CHECK(legacy.sniffed == "UTF-8");
    CHECK(legacy.encoding == "windows-1252");
    // A true label stays: windows-1252 bytes that are not UTF-8.
    DecodedPage honest = decode_html("<meta charset=windows-1252><p>Caf\xE9", "");
    CHECK(honest.encoding == "windows-1252");
    CHECK(honest.text == "<meta charset=windows-1252><p>Caf\u00e9");
}
