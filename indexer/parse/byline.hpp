// The one byline module of the text, HTML and JSON parsers: "By Jane Roe and John Doe,
// Associated Press" -> names ["Jane Roe", "John Doe"], affiliation "Associated Press".
// Lead-ins in many languages ("By", "Von", "Par", "Por", "Di", "Written by"), roles
// ("Staff Writer", "Finance expert Jane Roe", "Guest author John Doe"), placeholders ("No
// Author", "Redaktion", "Staff", "Admin"), dates and read-time tails are dropped; a part
// is kept as a name only when it looks like one (never a URL, an e-mail, a handle, a
// date or the site's own name). The words come from byline_words.txt.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct Byline {
    std::vector<std::string> names;
    std::string affiliation;
};

Byline split_byline(std::string_view text, std::string_view site_name = {});

// One author as a structured source gives it (a JSON-LD or JSON author's name, a meta
// author): lead-in and role words stripped; "" when it names nobody (placeholder,
// handle, URL, organisation).
std::string clean_author_name(std::string_view name, std::string_view site_name = {});

// clean_author_name, and a name in lower case only ("jane roe") kept as written: a
// structured author field (a meta, a JSON-LD name) holds a name whatever its case.
std::string clean_structured_author(std::string_view name, std::string_view site_name = {});

// True when s opens with a byline lead-in from the table ("By ", "Von ", "Par ").
bool starts_with_lead_in(std::string_view s);
// s without its lead-ins ("Written by Jane Roe" -> "Jane Roe").
std::string_view drop_lead_in(std::string_view s);

// True when s reads like a person's name: 1-6 words, capitalised (particles such as
// "de", "van" allowed), no digits, no URL or e-mail, no role words.
bool looks_like_person_name(std::string_view s);

} // namespace morgue
