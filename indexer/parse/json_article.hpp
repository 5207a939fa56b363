// One JSON object (a JSON Lines export line, or a .json file) -> Article, accepting the
// key names that news crawlers use (news-please, Trafilatura, newspaper, schema.org
// NewsArticle): see docs/input-formats.md for the full list. When the object has no text
// but an "html" key, the page goes through the HTML extractor (parse_record, format Html)
// and the object's own fields fill what the page lacks.
#pragma once

#include "article.hpp"
#include "record/record.hpp"

#include <optional>
#include <string_view>

namespace morgue {

// Throws RecordError: not valid JSON, not an object, or no article text.
// r gives the origin and the container's URL and fetch time.
Article parse_json_article(const Record& r);

// WET plain text (a WARC conversion record): title = first line, body = the text with
// one paragraph per line (paragraphs_of). Throws RecordError when there is no text.
Article parse_wet_text(std::string_view text);

// An article text as paragraphs joined by blank lines: each line is a paragraph, except
// in text wrapped at a fixed width (wire copy: no line over 100 characters, most of them
// near the longest, many ending mid-sentence), whose lines are joined back; a paragraph
// there ends at a blank line, before a line indented deeper than the one above or a list
// item, and after a line well short of the width unless it ends mid-sentence and the
// next starts in lower case. Spaces are normalised.
std::string paragraphs_of(std::string_view text);

} // namespace morgue
