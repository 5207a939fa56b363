// Data tables compiled into the indexer (cmake/Embed.cmake): one symbol per data file.
#pragma once

#include <string_view>

namespace morgue::data {
extern const std::string_view text_boilerplate;  // parse/text_boilerplate.txt
extern const std::string_view html_hints;        // parse/html_hints.txt
extern const std::string_view html_author_roles; // parse/html_author_roles.txt
} // namespace morgue::data
