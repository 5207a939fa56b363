// Data tables compiled into the indexer (cmake/Embed.cmake): one symbol per data file.
#pragma once

#include <string_view>

namespace morgue::data {
extern const std::string_view text_boilerplate;   // parse/text_boilerplate.txt
extern const std::string_view skipped_extensions; // sources/skipped_extensions.txt
extern const std::string_view people_titles;      // parse/people/people_titles.txt
extern const std::string_view people_particles;   // parse/people/people_particles.txt
extern const std::string_view people_markers;     // parse/people/people_markers.txt
extern const std::string_view people_common;      // parse/people/people_common.txt
extern const std::string_view people_orgs;        // parse/people/people_orgs.txt
extern const std::string_view people_places;      // parse/people/people_places.txt
extern const std::string_view people_cues;        // parse/people/people_cues.txt
extern const std::string_view people_given_names; // parse/people/people_given_names.txt
extern const std::string_view names_given;        // parse/people/names_given.txt
extern const std::string_view names_surnames;     // parse/people/names_surnames.txt
extern const std::string_view words_english;      // parse/people/words_english.txt
extern const std::string_view han_names;          // parse/people/han_names.txt
extern const std::string_view icu_places; // made at build time by parse/people/icu_places_gen.cpp
extern const std::string_view icu_countries;    // the same, one-word country names
extern const std::string_view text_boilerplate; // parse/text_boilerplate.txt
extern const std::string_view html_hints;       // parse/html/html_hints.txt
extern const std::string_view byline_words;     // parse/byline_words.txt
extern const std::string_view date_words;       // parse/date_words.txt
extern const std::string_view encoding_labels;  // parse/encoding_labels.txt
} // namespace morgue::data
