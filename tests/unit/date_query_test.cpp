// The date grammar and the terms a range becomes.
#include "date_query.hpp"
#include "errors.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

static const Ymd kToday{2024, 11, 6}; // a Wednesday

static std::string range(const std::string& expr) {
    DateRange r = parse_date_range(expr, kToday);
    return format_ymd(r.from) + ".." + format_ymd(r.to);
}

TEST_CASE("date expressions become inclusive day ranges") {
    auto [expr, expected] = GENERATE(table<std::string, std::string>({
        {"2024-10-25", "2024-10-25..2024-10-25"},
        {"20241025", "2024-10-25..2024-10-25"},
        {"2024-10", "2024-10-01..2024-10-31"},
        {"2024-02", "2024-02-01..2024-02-29"},
        {"2023", "2023-01-01..2023-12-31"},
        {"2024-10-01..2024-10-31", "2024-10-01..2024-10-31"},
        {"2024-03..2024-05", "2024-03-01..2024-05-31"},
        {"..2023", "0001-01-01..2023-12-31"},
        {"2024..", "2024-01-01..9999-12-31"},
        {"today", "2024-11-06..2024-11-06"},
        {"yesterday", "2024-11-05..2024-11-05"},
        {"this-week", "2024-11-04..2024-11-10"},
        {"last week", "2024-10-28..2024-11-03"},
        {"this_month", "2024-11-01..2024-11-30"},
        {"last-month", "2024-10-01..2024-10-31"},
        {"this-year", "2024-01-01..2024-12-31"},
        {"last-year", "2023-01-01..2023-12-31"},
        {"3-days-ago", "2024-11-03..2024-11-03"},
        {"3 days ago", "2024-11-03..2024-11-03"},
        {"1_week_ago", "2024-10-28..2024-11-03"},
        {"2-months-ago", "2024-09-01..2024-09-30"},
        {"12 months ago", "2023-11-01..2023-11-30"},
        {"5-years-ago", "2019-01-01..2019-12-31"},
        {"october-2024", "2024-10-01..2024-10-31"},
        {"Oct 2024", "2024-10-01..2024-10-31"},
        {"2024-sept", "2024-09-01..2024-09-30"},
        {"december", "2023-12-01..2023-12-31"},
        {"march", "2024-03-01..2024-03-31"},
        {"@1729852200", "2024-10-25..2024-10-25"},
        {"yesterday..today", "2024-11-05..2024-11-06"},
        {"last-month..", "2024-10-01..9999-12-31"},
        {"monday", "2024-11-04..2024-11-04"},
        {"Wednesday", "2024-11-06..2024-11-06"},
        {"fri", "2024-11-01..2024-11-01"},
        {"last monday", "2024-11-04..2024-11-04"},
        {"last-wednesday", "2024-10-30..2024-10-30"},
        {"next monday", "2024-11-11..2024-11-11"},
        {"next_wed", "2024-11-13..2024-11-13"},
        {"this sunday", "2024-11-10..2024-11-10"},
        {"thurs", "2024-10-31..2024-10-31"},
        {"last-friday..today", "2024-11-01..2024-11-06"},
    }));
    INFO(expr);
    CHECK(range(expr) == expected);
}

TEST_CASE("bad dates are errors that name the bad part") {
    auto [expr, part] = GENERATE(table<std::string, std::string>({
        {"2024-13", "'2024-13'"},
        {"2023-02-29", "'2023-02-29'"},
        {"tomorrowish", "'tomorrowish'"},
        {"2024-10..nope", "'nope'"},
        {"2024..2023", "'2024..2023'"},
        {"..", "'..'"},
        {"3-fortnights-ago", "'3-fortnights-ago'"},
        {"every-monday", "'every-monday'"},
        {"next-fortnight", "'next-fortnight'"},
        {"1..2..3", "'1..2..3'"},
        {"", "''"},
        {"\n_", "'_'"}, // no words at all (found by date_fuzzer)
    }));
    INFO(expr);
    try {
        parse_date_range(expr, kToday);
        FAIL("accepted " << expr);
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find(part) != std::string::npos);
    }
}

TEST_CASE("a range becomes whole years, months and days") {
    auto q = [](const std::string& expr, Ymd lo = {1, 1, 1}, Ymd hi = {9999, 12, 31}) {
        return date_range_query(parse_date_range(expr, kToday), lo, hi).get_description();
    };
    CHECK(q("2024-10-25") == "Query(D20241025)");
    CHECK(q("2024-10") == "Query(M202410)");
    CHECK(q("2023") == "Query(Y2023)");
    CHECK(q("2023-12-30..2025-02-02") ==
          "Query((D20231230 OR D20231231 OR Y2024 OR M202501 OR D20250201 OR D20250202))");
    // Open ends are clamped to the index's span, not expanded to 9,999 years.
    CHECK(q("..2023", {2022, 6, 1}, {2024, 1, 1}) ==
          "Query((M202206 OR M202207 OR M202208 OR M202209 OR M202210 OR M202211 OR M202212 OR "
          "Y2023))");
    CHECK(q("2030..", {2022, 6, 1}, {2024, 1, 1}) == "Query(Dnone)");
}
