// The HTML article parser: bytes of a saved page (or a WARC response body) -> Article.
// Charset to UTF-8 (charset.hpp), one gumbo parse (html_dom.hpp), metadata from JSON-LD,
// OpenGraph and metas (html_metadata.hpp), the main content by text statistics
// (html_content.hpp), then each Article field from the most trusted source that has it.
// The body holds the article's paragraphs, headings, quotes and list items in page order,
// and the captions of figures inside the text (as the page shows them); list items are
// also the bullets, and every caption (with figures next to the text, and image alt text
// for a figure without one) is also in captions.
#pragma once

#include "article.hpp"
#include "record/record.hpp"

namespace morgue {

// Pages above this size are rejected: no news article is that large, and gumbo's tree
// for it would need gigabytes.
inline constexpr std::size_t kMaxHtmlBytes = 32u << 20;

// Throws RecordError (one-line reason) for a page that is not an article: too large,
// binary, or without a title and text.
Article parse_html_article(const Record& r);

} // namespace morgue
