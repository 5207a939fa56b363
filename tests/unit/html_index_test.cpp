// Index check for the HTML sample corpus: every article's HTML fields reach the index
// through the same schema fields as text articles (title, author, caption, bullet, tag,
// source, place, lang, date), as Omega's omindexcheck does for its test files.
#include "document_builder.hpp"
#include "parse/parse.hpp"
#include "schema.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace morgue;

namespace {

Article sample(const std::string& name) {
    std::string path = std::string(MORGUE_SOURCE_DIR) + "/sample_corpus/html/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    Record r;
    r.bytes = ss.str();
    r.origin = path;
    r.path = path;
    return parse_record(r); // format sniffed from the .html name
}

bool has_term(const Xapian::Document& d, const std::string& term) {
    auto it = d.termlist_begin();
    it.skip_to(term);
    return it != d.termlist_end() && *it == term;
}

} // namespace

TEST_CASE("html sample corpus: every page parses into an article with the main fields") {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(MORGUE_SOURCE_DIR) +
                                                             "/sample_corpus/html")) {
        if (e.path().extension() != ".html") continue;
        ++n;
        Article a = sample(e.path().filename().string());
        INFO(e.path().filename().string());
        CHECK_FALSE(a.title.empty());
        CHECK_FALSE(a.authors.empty());
        CHECK(a.date.size() == 10);
        CHECK(a.url.rfind("https://", 0) == 0);
        CHECK(a.body.size() > 400);
        CHECK(a.body.find("All rights reserved") == std::string::npos);
        CHECK(a.body.find("Sport") == std::string::npos); // navigation
    }
    CHECK(n >= 15);
}

TEST_CASE("html sample corpus: fields are indexed under the schema's prefixes") {
    Article a = sample("ferry-timetable-winter.html");
    REQUIRE(a.dateline == "ST. CORRAN, Wessex Isles");
    DocumentBuilder b;
    Xapian::Document d = b.build(a);
    const auto& F = [](FieldId id) -> const Field& { return field(id); };
    // Text terms are English stems (schema.hpp: kStemLanguage, STEM_ALL).
    Xapian::Stem stem(kStemLanguage);
    auto text_term = [&](FieldId id, const std::string& word) {
        return std::string(F(id).prefix) + stem(word);
    };
    CHECK(has_term(d, text_term(FieldId::Title, "ferry")));
    CHECK(has_term(d, text_term(FieldId::Author, "trelawney")));
    CHECK(has_term(d, text_term(FieldId::Caption, "angove")));
    CHECK(has_term(d, text_term(FieldId::Bullet, "sailings")));
    CHECK(has_term(d, text_term(FieldId::Place, "corran")));
    CHECK(has_term(d, text_term(FieldId::Subtitle, "crew")));
    CHECK(has_term(d, boolean_term(F(FieldId::Tag), "Ferries")));
    CHECK(has_term(d, boolean_term(F(FieldId::Source), "brightwaterbulletin.example")));
    CHECK(has_term(d, boolean_term(F(FieldId::Lang), "en")));
    CHECK(has_term(d, "D20241104"));
    CHECK(has_term(d, stem("deckhands"))); // body, unprefixed
}
