#include "dates.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

TEST_CASE("ISO 8601 date-times convert to UTC") {
    auto [text, expected] = GENERATE(table<std::string, std::int64_t>({
        {"2024-10-25", 1729814400},
        {"2024-10-25T10:30:00Z", 1729852200},
        {"2024-10-25T05:30:00-05:00", 1729852200},
        {"2024-10-25T12:30:00+0200", 1729852200},
        {"2024-10-25T10:30:00.123Z", 1729852200},
        {"2024-10-25 10:30", 1729852200},
    }));
    auto t = parse_iso_datetime(text);
    INFO(text);
    REQUIRE(t);
    CHECK(*t == expected);
}

TEST_CASE("bad ISO dates are refused") {
    auto text = GENERATE(as<std::string>{}, "2024-13-01", "2024-02-30", "20241025", "yesterday",
                         "2024-10-25T25:00", "2024-10-25Tnope");
    INFO(text);
    CHECK_FALSE(parse_iso_datetime(text));
}

TEST_CASE("zone abbreviations") {
    CHECK(zone_offset_minutes("CDT") == -300);
    CHECK(zone_offset_minutes("est") == -300);
    CHECK(zone_offset_minutes("CEST") == 120);
    CHECK(zone_offset_minutes("BST") == 60);
    CHECK_FALSE(zone_offset_minutes("XYZ"));
}

TEST_CASE("month names") {
    CHECK(month_from_name("Oct") == 10);
    CHECK(month_from_name("october") == 10);
    CHECK(month_from_name("Sept.") == 9);
    CHECK(month_from_name("Okt") == 0);
}

TEST_CASE("format_iso_utc and local days") {
    CHECK(format_iso_utc(1729852200) == "2024-10-25T10:30:00Z");
    CHECK(format_iso_utc(-1) == "1969-12-31T23:59:59Z");
    CHECK(ymd_at(1729814400 + 3600, -300) == Ymd{2024, 10, 24});
}
