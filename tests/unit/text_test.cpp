#include "text.hpp"

#include <catch2/catch.hpp>

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
