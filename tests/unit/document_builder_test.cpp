// Article -> Xapian::Document.
#include "document_builder.hpp"
#include "schema.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

// A crash (exit 139) in the SIGKILL e2e test: the TermGenerator kept a reference to the
// document handed to the writer thread, and Xapian's reference counts are not atomic.
TEST_CASE("document_builder regression: a built document is not shared with the builder") {
    DocumentBuilder b;
    Article a;
    a.id = "h:1";
    a.title = "Ferry pier closes";
    a.body = "The council voted.";
    Xapian::Document doc = b.build(a);
    CHECK(doc.termlist_count() > 0);
    CHECK(b.held_terms() == 0);
}

TEST_CASE("documents carry the schema's terms and slots") {
    DocumentBuilder b;
    Article a;
    a.id = "https://example.com/a";
    a.title = "Okafor's bridge";
    a.authors = {"Zoë Marchetti"};
    a.people = {{"Delphine Okafor", 3, {"mentioned"}}};
    a.date = "2024-10-25";
    a.published = 1729852200;
    a.tags = {"Calder Street Bridge"};
    a.body = "Body text.";
    Xapian::Document d = b.build(a);
    auto has = [&](const std::string& t) {
        auto it = d.termlist_begin();
        it.skip_to(t);
        return it != d.termlist_end() && *it == t;
    };
    CHECK(has("Qhttps://example.com/a"));
    CHECK(has("Sokafor")); // stems only: the possessive folds
    CHECK(has("Azoe"));    // accents fold
    CHECK(has("XPokafor"));
    CHECK(has("Kcalder street bridge"));
    CHECK(has("D20241025"));
    CHECK(has("M202410"));
    CHECK(has("Y2024"));
    CHECK(d.get_value(kSlotDate) == "20241025");
    CHECK(d.get_value(kSlotAuthors) == "Zoë Marchetti");
    CHECK(d.get_value(kSlotContentHash).size() == 16);
    // A person named three times weighs three: ranking under person: favours them.
    auto it = d.termlist_begin();
    it.skip_to("XPokafor");
    CHECK(it.get_wdf() == 3);
}

TEST_CASE("spelling words obey the schema's word cap (a 300-byte CJK headline)") {
    Article a;
    std::string cjk;
    for (int i = 0; i < 100; ++i)
        cjk += "\xe4\xb8\xad";
    a.title = cjk + " harbour";
    a.tags = {cjk};
    auto words = spelling_words(a);
    CHECK(words == std::vector<std::string>{"harbour"});
    a.body = "Body.";
    a.id = "https://example.com/cjk";
    DocumentBuilder b;
    Xapian::Document doc = b.build(a);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        CHECK((*t).size() <= kMaxTermBytes);
}
