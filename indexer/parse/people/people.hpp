// People recogniser: who an article names. Byline authors (role "author"), people in
// photo credits ("AP Photo/Alex Brandon, File" -> photographer), and people named in the
// title, subtitle, captions, bullets and body (role "mentioned").
//
// A heuristic, no model: runs of capitalised words shaped like names, cut at titles
// ("President", "Sen.", "CEO"), common words and acronyms, and rejected when they hold a
// word that marks an organisation, publication or place ("Journal", "House", "Lake") or
// match a listed one ("Morgan Stanley", "Santa Clara"); the tables are data files
// (people_*.txt). One-word mentions ("Musk", "Elon") count for the full name used
// elsewhere in the article; on their own they make a person only after a title
// ("Sen. Whitby"). Headlines in Title Case only confirm people found elsewhere.
#pragma once

#include "article.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// People named by the article, authors first, then photographers, then in order of
// first mention; mentions counted over byline, credits and text.
std::vector<Person> find_people(const Article& a);

// Names in a photo credit: "AP Photo/Alex Brandon, File" -> {"Alex Brandon"}.
// Agencies, "File", "Pool" and non-person providers ("Courtesy of the city") are dropped.
std::vector<std::string> credit_names(std::string_view credit);

// The string as a person's name when the whole of it is one ("Mary K. Ruiz",
// "Dr. Ana de la Cruz" -> "Ana de la Cruz"); nullopt for "Associated Press".
std::optional<std::string> as_person_name(std::string_view s);

} // namespace morgue
