#include "snippet.hpp"
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

SnippetStyle marked() {
    SnippetStyle s;
    s.hi_start = "[";
    s.hi_end = "]";
    return s;
}

} // namespace

TEST_CASE("snippet needles are the query's text terms, as stems and their prefixes") {
    // Text fields' words with their prefix dropped (person, title); filters are not words
    // (tag K, day D, id Q).
    auto n = snippet_needles(
        {"Zpolici", "XPmeszaro", "Sferri", "D20240101", "Kferri", "Qh:1", "ferri", "a", "Zferri"});
    REQUIRE(n.size() == 3);
    CHECK(n[0].term == "polici");
    CHECK(n[0].prefix == "polic");
    CHECK(n[1].term == "meszaro");
    CHECK(n[2].term == "ferri");
    CHECK(n[2].prefix == "ferr");
    auto short_stem = snippet_needles({"tax"});
    REQUIRE(short_stem.size() == 1);
    CHECK(short_stem[0].prefix == "tax");
}

TEST_CASE("a snippet marks every form of the query's words, as the index stems them") {
    Xapian::Stem stem = cached_stemmer();
    std::string text = "Ferry crews walked out. The ferries' new policy, and older policies, "
                       "stayed. A ferryman and a party of parts dealers watched.";
    auto needles = snippet_needles({"ferri", "polici", "part"});
    std::string s = make_snippet(text, needles, stem, marked());
    CHECK(s == "[Ferry] crews walked out. The [ferries]' new [policy], and older [policies], "
               "stayed. A ferryman and a party of [parts] dealers watched.");
    // Possessives are one word with their noun, as the indexer reads them.
    CHECK(make_snippet("Marenia's rail strike ended.", snippet_needles({"marenia"}), stem,
                       marked()) == "[Marenia's] rail strike ended.");
    // Accented words fold as the indexer folds them; dashes and curly quotes end words,
    // a curly apostrophe between letters does not.
    CHECK(make_snippet("Minister Elena Varga-Mészáros spoke—briefly—of “ferries” and "
                       "Marenia’s rail.",
                       snippet_needles({"XPmeszaro", "ferri", "briefli", "marenia"}), stem,
                       marked()) == "Minister Elena Varga-[Mészáros] spoke—[briefly]—of "
                                    "“[ferries]” and [Marenia’s] rail.");
    // Without markers: the same text, spaces normalised.
    SnippetStyle plain;
    CHECK(make_snippet("Ferry\n\ncrews   out.", needles, stem, plain) == "Ferry crews out.");
}

TEST_CASE("the passage goes where the query's words are") {
    Xapian::Stem stem = cached_stemmer();
    auto needles = snippet_needles({"ferri", "polici"});

    SECTION("a match deep in the text: the passage starts at its sentence") {
        std::string text = filler(2000) + "The Ferry policies changed on Monday. " + filler(3000);
        std::string s = make_snippet(text, needles, stem, marked());
        CHECK(s.rfind("The [Ferry] [policies] changed on Monday.", 0) == 0);
        CHECK(s.size() <= 240 + 4 + std::string("…").size());
        CHECK(s.substr(s.size() - 3) == "…"); // text left out after it
    }
    SECTION("no sentence start near the match: a few words before it, marked as cut") {
        std::string words;
        while (words.size() < 3000)
            words += "and the harbour town slept on ";
        std::string text = words + "while the ferry waited " + words;
        std::string s = make_snippet(text, needles, stem, marked());
        CHECK(s.rfind("…", 0) == 0);
        CHECK(s.find("[ferry] waited") != std::string::npos);
        CHECK(s.find("[ferry]") < 60);
    }
    SECTION("the densest place wins over the first mention") {
        std::string text = filler(300) + "A ferry sailed. " + filler(2000) +
                           "Ferries and their policies were argued over. " + filler(2000);
        std::string s = make_snippet(text, needles, stem, marked());
        CHECK(s.rfind("[Ferries] and their [policies] were argued over.", 0) == 0);
    }
    SECTION("no match: the start of the text") {
        std::string text = filler(4000);
        std::string s = make_snippet(text, needles, stem, marked());
        CHECK(s.rfind("Nothing of note", 0) == 0);
        CHECK(s.find('[') == std::string::npos);
        CHECK(s.size() <= 243);
    }
    SECTION("a short text is all passage, with no omission marks") {
        CHECK(make_snippet("Ferry policy.", needles, stem, marked()) == "[Ferry] [policy].");
    }
}

TEST_CASE("snippet edges never split a UTF-8 sequence; our marker bytes are dropped") {
    Xapian::Stem stem = cached_stemmer();
    std::string text;
    while (text.size() < 3000)
        text += "Čapek řekl, že přístav zůstane otevřený bez přestávky ";
    text += "a ferry pluje dál ";
    while (text.size() < 6000)
        text += "Čapek řekl, že přístav zůstane otevřený bez přestávky ";
    std::string s = make_snippet(text, snippet_needles({"ferri"}), stem, marked());
    CHECK(s.find("[ferry]") != std::string::npos);
    // Valid UTF-8 both ends: the snippet round-trips through the repairer unchanged.
    CHECK(s.rfind("…", 0) == 0);
    std::string body = s.substr(3, s.size() - 6);
    CHECK((static_cast<unsigned char>(body.front()) & 0xC0) != 0x80);
    CHECK((static_cast<unsigned char>(body.back()) & 0xC0) != 0x80);

    CHECK(make_snippet("A \x01"
                       "ferry\x02 sails.",
                       snippet_needles({"ferri"}), stem, marked()) == "A [ferry] sails.");
}
