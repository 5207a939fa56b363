// Byline splitting for HTML pages: "By Jane Roe and John Doe, Associated Press" ->
// names ["Jane Roe", "John Doe"], affiliation "Associated Press". Leading "By"/"Par"/
// "Von"/"Por", roles ("Staff Writer"), dates and read-time tails are dropped; a part is
// kept as a name only when it looks like one (never a URL, an e-mail, a date or the
// site's own name). Role and organisation words come from html_author_roles.txt.
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

// True when s reads like a person's name: 1-6 words, capitalised (particles such as
// "de", "van" allowed), no digits, no URL or e-mail, no role words.
bool looks_like_person_name(std::string_view s);

} // namespace morgue
