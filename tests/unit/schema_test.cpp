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
