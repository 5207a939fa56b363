#include "schema.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

TEST_CASE("fields are found by name and alias") {
    REQUIRE(find_field("author"));
    CHECK(find_field("by") == find_field("author"));
    CHECK(find_field("site") == find_field("source"));
    CHECK(find_field("dek") == find_field("subtitle"));
    CHECK(find_field("nope") == nullptr);
}

TEST_CASE("boolean terms fold case and accents, ids stay exact") {
    CHECK(boolean_term(field(FieldId::Tag), "Élan  Vital") == "Kelan vital");
    CHECK(boolean_term(field(FieldId::Id), "https://Example.com/A") == "Qhttps://Example.com/A");
    std::string long_url = "https://example.com/" + std::string(400, 'a');
    auto t = boolean_term(field(FieldId::Url), long_url);
    CHECK(t.size() <= kMaxTermBytes);
    CHECK(t != boolean_term(field(FieldId::Url), long_url + "b"));
}

#include "schema_values.hpp"

TEST_CASE("the date slot and date terms have one encoding") {
    Ymd d{2024, 3, 7};
    CHECK(date_slot_value(d) == "20240307");
    CHECK(date_slot_ymd("20240307") == d);
    CHECK_FALSE(date_slot_ymd("20240230"));
    CHECK_FALSE(date_slot_ymd("2024030"));
    CHECK_FALSE(date_slot_ymd("2024o307"));
    CHECK(date_slot_display("2024") == "2024");
    CHECK(date_slot_display("202403") == "2024-03");
    CHECK(date_slot_display("20240307") == "2024-03-07");
    CHECK(day_term(d) == "D20240307");
    CHECK(month_term(2024, 3) == "M202403");
    CHECK(year_term(2024) == "Y2024");
    CHECK(year_term(987) == "Y0987");
}

TEST_CASE("list values join and split on the schema's separator") {
    std::vector<std::string> names = {"Ana Ruiz", "Bo Li"};
    std::string v = join_list_value(names);
    CHECK(v == std::string("Ana Ruiz") + kListSeparator + "Bo Li");
    auto parts = split_list_value(v);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0] == "Ana Ruiz");
    CHECK(parts[1] == "Bo Li");
    CHECK(split_list_value("").empty());
}

TEST_CASE("facet names come from the schema, aliases included") {
    REQUIRE(find_facet("site"));
    CHECK(find_facet("site")->name == "source");
    CHECK(find_facet("site")->slot == kSlotSource);
    CHECK(find_facet("month")->date_chars == 6);
    CHECK(find_facet("person")->slot == kSlotPeople);
    CHECK_FALSE(find_facet("title"));
    CHECK_FALSE(find_facet("url"));
    CHECK(facet_names() == "source, author, person, tag, lang, year, month, day");
}

TEST_CASE("terms are described by field for --explain") {
    CHECK(describe_term("ZSferri") == "title:ferri*");
    CHECK(describe_term("Zpier") == "text:pier*");
    CHECK(describe_term("XPokafor") == "person:okafor");
    CHECK(describe_term("XPLACElisbon") == "place:lisbon");
    CHECK(describe_term("M202410") == "date:2024-10");
    CHECK(describe_term("D20241025") == "date:2024-10-25");
    CHECK(is_query_operator("NEAR"));
    CHECK_FALSE(is_query_operator("near"));
}
