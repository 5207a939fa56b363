#include "people_tables.hpp"

#include "record/data.hpp"
#include "text.hpp"

#include <cstdint>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace morgue {

namespace {

// Calls add(entry, mark) for each non-comment line; mark is the first character when it
// is one of the marks ('+', '^', '$', '~', '>', '!', '?', '*', '@'), else 0.
template <class F> void each_entry(std::string_view data, F add) {
    for (auto line : split_lines(data)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        char mark = 0;
        if (line[0] == '+' || line[0] == '^' || line[0] == '~' || line[0] == '$' ||
            line[0] == '>' || line[0] == '!' || line[0] == '?' || line[0] == '*' ||
            line[0] == '@') {
            mark = line[0];
            line.remove_prefix(1);
        }
        add(table_key(line), mark);
    }
}

std::size_t word_count(const std::string& s) {
    std::size_t n = 1;
    for (char c : s)
        n += c == ' ';
    return n;
}

PeopleTables load() {
    PeopleTables t;
    auto note_abbrev = [&](const std::string& e) {
        if (!e.empty() && e.back() == '.' && e.find(' ') == std::string::npos)
            t.abbreviations.insert(e);
    };
    each_entry(data::people_titles, [&](std::string e, char mark) {
        note_abbrev(e);
        if (mark == '!') t.regnal.insert(e);
        (mark == '+' ? t.modifiers : t.titles).insert(std::move(e));
    });
    each_entry(data::people_particles, [&](std::string e, char) { t.particles.insert(e); });
    each_entry(data::people_given_names, [&](std::string e, char) { t.given_names.insert(e); });
    auto plain = [](std::string_view data, std::unordered_set<std::string>& set) {
        set.reserve(data.size() / 8);
        for (auto line : split_lines(data))
            if (!line.empty() && line[0] != '#') set.emplace(line);
    };
    plain(data::names_given, t.known_given);
    plain(data::names_surnames, t.known_surnames);
    plain(data::words_english, t.english);
    for (const auto& g : t.given_names)
        t.known_given.insert(g);
    each_entry(data::people_cues, [&](std::string e, char mark) {
        if (mark == '!') t.office_eponym.insert(e); // "!presidency": an eponym too
        (mark == '>' ? t.kin : mark == '*' || mark == '!' ? t.eponym : t.cues).insert(e);
    });
    each_entry(data::people_markers, [&](std::string e, char mark) {
        note_abbrev(e);
        auto& set = mark == '^'   ? t.open_markers
                    : mark == '$' ? t.close_markers
                    : mark == '?' ? t.weak_markers
                    : mark == '@' ? t.locative_markers
                                  : t.markers;
        set.insert(std::move(e));
    });
    each_entry(data::people_common, [&](std::string e, char) {
        note_abbrev(e);
        t.common.insert(std::move(e));
    });
    each_entry(data::people_orgs, [&](std::string e, char) {
        t.longest_phrase = std::max(t.longest_phrase, word_count(e));
        t.orgs.insert(std::move(e));
    });
    each_entry(data::people_places, [&](std::string e, char mark) {
        t.longest_phrase = std::max(t.longest_phrase, word_count(e));
        (mark == '~' ? t.given_places : t.places).insert(std::move(e));
    });
    // CLDR's countries, regions and time-zone cities of two words or more, in every
    // language (icu_places_gen.cpp): "Estados Unidos", "Nueva Zelanda", "Buenos Aires".
    // A phrase a hand table lists as an organisation or given name stays what it says.
    for (auto line : split_lines(data::icu_places)) {
        if (line.empty()) continue;
        std::string e = table_key(line);
        if (t.orgs.count(e) || t.given_places.count(e)) continue;
        t.longest_phrase = std::max(t.longest_phrase, word_count(e));
        t.places.insert(std::move(e));
    }
    // "Peru" is a US surname, and a country first: no evidence for a person.
    for (auto line : split_lines(data::icu_countries))
        if (!line.empty()) t.known_surnames.erase(table_key(line));
    for (const char* a : {"jr.", "sr."})
        t.abbreviations.insert(a);
    // British style writes "Mr Obama", "Dr Ruiz": every dotted title also without its dot.
    for (auto* set : {&t.titles, &t.modifiers}) {
        std::vector<std::string> bare;
        for (const auto& e : *set)
            if (e.size() > 2 && e.back() == '.') bare.push_back(e.substr(0, e.size() - 1));
        for (auto& b : bare)
            set->insert(std::move(b));
    }
    return t;
}

bool ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

} // namespace

std::string table_key(std::string_view word) {
    if (ascii(word)) return to_lower_ascii(word);
    // Per code point lower-casing (no transliterator: this runs for every capitalised
    // non-ASCII word). Accents stay, so tables list both "são paulo" and "sao paulo".
    std::string out;
    out.reserve(word.size());
    const auto* p = reinterpret_cast<const std::uint8_t*>(word.data());
    std::int32_t i = 0, n = static_cast<std::int32_t>(word.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) continue;
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
            c = '\'';
        else
            c = u_tolower(c);
        char buf[4];
        std::int32_t len = 0;
        UBool err = false;
        U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), len, 4, c, err);
        if (!err) out.append(buf, static_cast<std::size_t>(len));
    }
    return out;
}

const PeopleTables& people_tables() {
    static const PeopleTables tables = load();
    return tables;
}

} // namespace morgue
