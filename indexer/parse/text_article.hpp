// The plain-text article format (see DESIGN.md and ../shared/seeds/):
//   " date YYYY-MM-DD <headline>" / headline again / subtitle / "By A, B and C,<NBSP>Affil"
//   / "Posted Oct 25, 2024 5:30 AM CDT" / image title / caption "(AP Photo/X, File)"
//   / body paragraphs / "  • Label. text" bullets / "(More Topic stories.)" / app promo.
// Every part but the date line is optional; CRLF, NBSP and a leading space are handled.
#pragma once

#include "article.hpp"

#include <string_view>

namespace morgue {

// True when the bytes look like this format (a first line "date YYYY-MM-DD ...").
bool looks_like_text_article(std::string_view bytes);

// Throws RecordError when there is no date line or no text at all.
Article parse_text_article(std::string_view bytes);

} // namespace morgue
