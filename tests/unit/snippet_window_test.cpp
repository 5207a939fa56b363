#include "snippet_window.hpp"
#include "stemmer.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

namespace {

std::string filler(std::size_t bytes) {
    std::string out;
    while (out.size() < bytes)
        out += "Nothing of note happened in the harbour town that week. ";
    return out;
}

std::string_view cut(std::string_view text, TextWindow w) {
    return text.substr(w.begin, w.end - w.begin);
}

bool at_word_boundaries(std::string_view text, TextWindow w) {
    auto space = [](char c) { return c == ' ' || c == '\n'; };
    return (w.begin == 0 || space(text[w.begin - 1])) &&
           (w.end == text.size() || space(text[w.end]));
}

} // namespace

TEST_CASE("snippet needles are the query's text terms, as stems and their prefixes") {
    auto n = snippet_needles({"Zpolici", "XTferri", "D20240101", "ferri", "a", "Zferri"});
    REQUIRE(n.size() == 2);
    CHECK(n[0].term == "polici");
    CHECK(n[0].prefix == "polic");
    CHECK(n[1].term == "ferri");
    CHECK(n[1].prefix == "ferr");
    auto short_stem = snippet_needles({"tax"});
    REQUIRE(short_stem.size() == 1);
    CHECK(short_stem[0].prefix == "tax");
}

TEST_CASE("the snippet window goes where the query's words are") {
    Xapian::Stem stem = cached_stemmer();
    auto needles = snippet_needles({"ferri", "polici"});

    SECTION("a match deep in the text, the window starting at its sentence") {
        std::string text = filler(2000) + "The Ferry policies changed on Monday. " + filler(3000);
        TextWindow w = snippet_window(text, needles, 800, stem);
        CHECK(cut(text, w).find("The Ferry policies changed") == 0);
        CHECK_FALSE(w.mid_sentence);
        CHECK(w.end - w.begin <= 800);
        CHECK(at_word_boundaries(text, w));
        CHECK(w.end < text.size());
    }
    SECTION("the densest place wins over the first mention") {
        std::string text = filler(300) + "A ferry sailed. " + filler(2000) +
                           "Ferries and their policies were argued over. " + filler(2000);
        TextWindow w = snippet_window(text, needles, 800, stem);
        CHECK(cut(text, w).find("Ferries and their policies") != std::string_view::npos);
        CHECK(cut(text, w).find("A ferry sailed") == std::string_view::npos);
    }
    SECTION("no match: the start of the text") {
        std::string text = filler(4000);
        TextWindow w = snippet_window(text, needles, 800, stem);
        CHECK(w.begin == 0);
        CHECK(w.end <= 800);
        CHECK(at_word_boundaries(text, w));
    }
    SECTION("a short text is all window") {
        std::string text = "Ferry policy.";
        TextWindow w = snippet_window(text, needles, 800, stem);
        CHECK(w.begin == 0);
        CHECK(w.end == text.size());
    }
}

TEST_CASE("a word counts only when it stems to the query's term") {
    Xapian::Stem stem = cached_stemmer();
    // "party" starts with "part" but stems to "parti"; "parts" stems to "part".
    std::string text =
        "The party went on. " + filler(2500) + "Spare parts ran out. " + filler(2500);
    TextWindow w = snippet_window(text, snippet_needles({"part"}), 800, stem);
    CHECK(cut(text, w).find("Spare parts ran out") != std::string_view::npos);
    CHECK(w.begin > 0);
}

TEST_CASE("window edges never split a word or a UTF-8 sequence") {
    Xapian::Stem stem = cached_stemmer();
    std::string text;
    while (text.size() < 3000)
        text += "Čapek řekl, že přístav zůstane otevřený bez přestávky ";
    text += "a ferry pluje dál ";
    while (text.size() < 6000)
        text += "Čapek řekl, že přístav zůstane otevřený bez přestávky ";
    TextWindow w = snippet_window(text, snippet_needles({"ferri"}), 800, stem);
    CHECK(at_word_boundaries(text, w));
    CHECK(w.mid_sentence); // no sentence ends in this text
    CHECK(cut(text, w).find("ferry") != std::string_view::npos);
}
