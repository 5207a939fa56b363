// People recogniser: who an article names. Byline authors (role "author"), people in
// photo credits ("AP Photo/Alex Brandon, File" -> photographer), and people named in the
// title, subtitle, captions, bullets and body (role "mentioned"), with the role or rank
// written before the name ("Forward Jane Roe" -> "forward").
//
// Rules and data, no model: runs of capitalised words shaped like names, cut at titles
// ("President", "Sen.", "CEO"), common words and acronyms, rejected when they hold a word
// that marks an organisation, publication or place ("Journal", "House", "Lake"), match a
// listed one ("Morgan Stanley"), are a whole quotation (a work's title) or are made of
// English words rather than names ("Tarot Cards"): the evidence comes from large name
// lists (US SSA given names; faker's given names and surnames of many locales) and an
// English word list, all data files compiled in (README.md in this folder). One-word
// mentions ("Musk", "Elon") count for the full name used elsewhere in the article; alone
// they make a person after a title ("Sen. Whitby") or as a known name before an eponym
// word ("the Reagan administration"). Rows of a list or table of names are their own
// cue. Russian names in oblique cases are given in the nominative. Headlines in Title
// Case only confirm people found elsewhere. The passes are named in people.cpp (class
// Recogniser); passes.hpp exposes them one by one for tests.
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
