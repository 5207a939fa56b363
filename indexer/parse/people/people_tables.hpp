// The word tables the people recogniser (people.hpp) consults: titles, name particles,
// non-person marker words, common words, organisations and places. They are data files
// in this folder (people_*.txt), compiled in, loaded once into hash sets.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace morgue {

struct PeopleTables {
    std::unordered_set<std::string> titles;           // "president", "sen.": cue a name
    std::unordered_set<std::string> modifiers;        // "prime", "former": dropped, no cue
    std::unordered_set<std::string> regnal;           // "pope", "king": part of "Pope Francis"
    std::unordered_set<std::string> kin;              // "wife", "son": before a lone given name
    std::unordered_set<std::string> cues;             // "said", "told", "who": beside a person
    std::unordered_set<std::string> eponym;           // "administration": "the Reagan ~"
    std::unordered_set<std::string> office_eponym;    // "presidency": only a person's
    std::unordered_set<std::string> particles;        // "van", "bin", "de"
    std::unordered_set<std::string> markers;          // "house", "journal": not a person
    std::unordered_set<std::string> open_markers;     // "new", "san": not a person when first
    std::unordered_set<std::string> weak_markers;     // "day", "woods": unless after a given name
    std::unordered_set<std::string> locative_markers; // "hill": a place after "in", "to"
    std::unordered_set<std::string> given_names;      // "doris", "tiger"
    // Evidence from large name lists (names_*.txt, scripts/make-people-names): a word
    // known as a given name or a surname, or as an ordinary English word.
    std::unordered_set<std::string> known_given;    // SSA baby names, faker first names
    std::unordered_set<std::string> known_surnames; // faker last names of every locale
    std::unordered_set<std::string> english;        // "cards", "focus": not a name word
    std::unordered_set<std::string> close_markers;  // "st.": not a person when last
    std::unordered_set<std::string> common;         // "the", "says", "russian", "monday"
    std::unordered_set<std::string> orgs;           // "morgan stanley", "kremlin"
    std::unordered_set<std::string> places;         // "santa clara", "moscow"
    std::unordered_set<std::string> given_places;   // "jordan", "georgia": also given names
    std::unordered_set<std::string> abbreviations;  // every dotted entry: "sen.", "oct."
    std::size_t longest_phrase = 1;                 // words in the longest org/place entry

    bool is_title(const std::string& w) const { return titles.count(w) || modifiers.count(w); }
    bool is_org_or_place(const std::string& phrase) const {
        return orgs.count(phrase) || places.count(phrase);
    }
};

const PeopleTables& people_tables();

// The lookup key of a word or phrase: lower case (Unicode), accents kept, curly
// apostrophes straightened. Cheap: it runs for every capitalised word.
std::string table_key(std::string_view word);

} // namespace morgue
