#include "fold_table.hpp"
#include "text.hpp"

#include <catch2/catch.hpp>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>

using namespace morgue;

TEST_CASE("normalize_space folds NBSP and runs") {
    CHECK(normalize_space("  a\xC2\xA0\xC2\xA0 b\t\nc  ") == "a b c");
    CHECK(normalize_space("x\xE2\x80\x89y") == "x y"); // thin space
}

TEST_CASE("repair_utf8 replaces invalid sequences and drops NUL") {
    CHECK(repair_utf8("ok\xC3\xA9") == "ok\xC3\xA9");
    CHECK(repair_utf8(std::string("a\0b", 3)) == "ab");
    CHECK(repair_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong '/'
    CHECK(repair_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(is_valid_utf8("Łódź"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80")); // surrogate
}

namespace {

// Byte-at-a-time decoders, the plain statement of what the word-at-a-time versions in
// text.cpp must do.
std::size_t reference_seq(const std::string& s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return cp = c, 1;
    std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    const char32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

std::string reference_repair(const std::string& s) {
    std::string out;
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = reference_seq(s, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            if (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') out += s.substr(i, n);
            i += n;
        }
    }
    return out;
}

bool reference_valid(const std::string& s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = reference_seq(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

} // namespace

TEST_CASE("repair_utf8 and is_valid_utf8 agree with a byte-wise decoder") {
    // Mostly ASCII letters with control, multi-byte and broken sequences at random places,
    // so that the 8-byte fast paths and their edges are all crossed.
    using namespace std::string_literals;
    const std::string pieces[] = {" "s,
                                  "\t"s,
                                  "\n"s,
                                  "\r"s,
                                  "\f"s,
                                  "\x7F"s,
                                  "\x01"s,
                                  "\0"s,
                                  "\xC3\xA9"s,
                                  "\xE2\x80\x94"s,
                                  "\xF0\x9F\x98\x80"s,
                                  "\xC3"s,
                                  "\xE2\x82"s,
                                  "\x80"s,
                                  "\xFF"s,
                                  "\xED\xA0\x80"s,
                                  "\xC0\xAF"s,
                                  "\xF4\x90\x80\x80"s};
    std::mt19937 rng(7);
    int invalid = 0;
    for (int round = 0; round < 5000; ++round) {
        std::string s;
        auto len = rng() % 80;
        for (unsigned k = 0; k < len; ++k) {
            if (rng() % 100 < 90)
                s += static_cast<char>('a' + rng() % 26);
            else
                s += pieces[rng() % std::size(pieces)];
        }
        CHECK(repair_utf8(s) == reference_repair(s));
        CHECK(is_valid_utf8(s) == reference_valid(s));
        invalid += !reference_valid(s);
    }
    CHECK(invalid > 1000); // both answers were tried often
}

TEST_CASE("fold_for_match folds accents, case, quotes") {
    CHECK(fold_for_match("José  O\xE2\x80\x99Neil") == "jose o'neil");
    CHECK(fold_for_match("ŁÓDŹ") == "lodz");
    CHECK(fold_accents("Zürich") == "Zurich");
}

TEST_CASE("split_lines handles CRLF") {
    auto lines = split_lines("a\r\nb\n\r\nc");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "a");
    CHECK(lines[2].empty());
    CHECK(lines[3] == "c");
}

TEST_CASE("the build-time folding tables are what ICU's transliterator gives") {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; NFC", UTRANS_FORWARD, status));
    REQUIRE(U_SUCCESS(status));
    std::size_t differ = 0;
    for (char32_t cp = 0x80; cp < fold_table::kLimit; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        icu::UnicodeString u(static_cast<UChar32>(cp));
        tr->transliterate(u);
        std::string accent, match;
        u.toUTF8String(accent);
        u.foldCase();
        u.toUTF8String(match);
        if (accent != fold_table::kAccent[cp] || match != fold_table::kMatch[cp]) ++differ;
    }
    CHECK(differ == 0);
    CHECK(std::string(fold_table::kMatch[0xC9]) == "e");       // É
    CHECK(std::string(fold_table::kAccent[0xC9]) == "E");      // É, case kept
    CHECK(std::string(fold_table::kMatch[0xDF]) == "ss");      // ß
    CHECK(std::string(fold_table::kMatch[0x141]) == "l");      // Ł
    CHECK(std::string(fold_table::kMatch[0x416]) == "\u0436"); // Ж: case only
}

TEST_CASE("terminal safety: controls, C1 and bidi controls never pass; a line stays one line") {
    // Dropped in text output (the searcher's), escapes and newlines kept as they are.
    CHECK(sanitize_for_terminal("a\x1b[2Jb\xe2\x80\xae"
                                "c\xe2\x81\xa6"
                                "d\xc2\x9b"
                                "e\nf") == "a[2Jbcde\nf");
    CHECK(sanitize_for_terminal("caf\xc3\xa9 \xe2\x80\x99quote\xe2\x80\x99") ==
          "caf\xc3\xa9 \xe2\x80\x99quote\xe2\x80\x99");
    // Shown as escapes in diagnostics: a file name stays findable and on one line.
    CHECK(sanitize_line("evil\x1b]0;t\x07\n.txt") == "evil\\x1b]0;t\\x07\\n.txt");
    CHECK(sanitize_line("r\xe2\x80\xae"
                        "ev \xd8\x9c \xe2\x80\x8f") == "r\\u202eev \\u061c \\u200f");
    CHECK(sanitize_line("bad \xff byte\tand tab") == "bad \\xff byte\\tand tab");
    CHECK(sanitize_line("Zo\xc3\xab \xe4\xb8\xad") == "Zo\xc3\xab \xe4\xb8\xad");
}
