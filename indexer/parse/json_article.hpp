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
// one paragraph per line. Throws RecordError when there is no text.
Article parse_wet_text(std::string_view text);

} // namespace morgue
