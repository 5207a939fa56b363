// Data tables compiled into the indexer (cmake/Embed.cmake): one symbol per data file.
#pragma once

#include <string_view>

namespace morgue::data {
extern const std::string_view text_boilerplate; // parse/text_boilerplate.txt
} // namespace morgue::data
