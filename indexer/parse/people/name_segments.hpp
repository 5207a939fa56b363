// Finding name-shaped groups in text: the first half of the people recogniser
// (people.hpp). Text is cut into tokens (name_tokens.hpp), runs of capitalised words are
// split at titles, common words and acronyms into segments, and each segment is judged:
// an organisation, publication or place ("Wall Street Journal", "Santa Clara") is
// marked killed; a person's name keeps its words, its cues ("Sen.", "said") and its
// shape (initials, particles, suffixes). people.cpp turns segments into people.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::names {

// What a capitalised word is inside a run.
enum class Cls : std::uint8_t {
    Name,     // "Musk", "Jean-Luc", "O'Neil"
    Initial,  // "J.", "J.D.", "JD"
    Particle, // "van", "bin", "De"
    Suffix,   // "Jr.", "III"
    Title,    // "President", "Sen.", "CEO": dropped, cues a name
    Modifier, // "Prime", "Former": dropped, no cue
    Common,   // "The", "Says", "Russian", "Monday": not a name part
    Acronym,  // "WSJ", "NATO"
    OrgShape, // "SpaceX", "YouTube": a brand, not a person
};

// A group of name parts cut out of a run of capitalised words.
struct Segment {
    std::vector<std::string> words; // display words, particles included
    std::vector<std::string> keys;  // table keys, dots dropped from initials
    std::vector<Cls> cls;
    bool cue = false;            // directly after a title word
    bool killed = false;         // holds a marker, an org or a place
    bool possessive = false;     // last word was "X's"
    bool single_place = false;   // the one name word is an org or a (non-given) place
    bool sentence_start = false; // its first word opens a sentence
    bool person_cue = false;     // a speech verb or "who" beside it ("Ana Ruiz said")
    bool numbered = false;       // a number right after it ("Nova 7")
    bool eponym = false;         // "administration", "supporters" right after it
    bool office = false;         // that word names a person's office ("administration")
    bool listed = false;         // a row of a list or table of names
    std::string regnal;          // "Pope", "King": kept before a lone name ("Pope Francis")
    std::string role;            // "forward", "general": the role or rank written before it
    std::size_t names = 0;       // Name and Initial words
};

// A candidate mention found in text.
struct Candidate {
    Segment seg;
    bool known_only = false; // from a Title Case line: only confirms known people
};

// Appends the segments found in one block of text (a title, a caption, a paragraph).
// A block in Title Case or a heading gives known_only candidates, unless it is a row of a
// list of names (list_row): then its segments are marked `listed`.
void scan_text(std::string_view text, std::vector<Candidate>& out, bool list_row = false);

// The role a title word gives the person after it ("Forward" -> "forward", "Gen." ->
// "gen"); "" for honorifics ("Mr.", "Dr.") that are no role.
std::string role_of(std::string_view title_word);

// s as exactly one full name, after optional titles ("Dr. Ana de la Cruz"), for bylines
// and credits; bylines in capitals are recased. nullopt for "Associated Press".
std::optional<Segment> whole_name(std::string_view s);

// The segment's name words are ordinary English words rather than names: its first name
// word is one ("Tarot Cards", "Search Mode"), or a later one is and the first is no known
// given name ("Ford Focus"). "Grace Baker" is a name: the word lists keep common given
// names and surnames out of the English words.
bool ordinary_words(const Segment& s);

// "Feminist Glenn Fleishman", "Veteran Ana Ruiz": an English word (no given name) before
// a known given name opens the run but is no part of the name; drops it, says whether.
bool drop_english_opener(Segment& s);

// A lone word that names a person by the evidence beside it: a known surname or given
// name (not an English word, place or organisation) said to speak ("Reagan said") or
// before an eponym word ("the Reagan administration").
bool lone_name_by_evidence(const Segment& s);

std::string join(const std::vector<std::string>& w, std::size_t b, std::size_t e);
bool is_suffix(const std::string& key); // "jr.", "iii"
std::string strip_dots(std::string k);  // "j.d." -> "jd"

} // namespace morgue::names
