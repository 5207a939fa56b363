// How an article is kept in the index (Xapian document data): a binary head holding
// every field but the body (byte 1, then length-prefixed fields; stored_article.cpp),
// then the body's bytes. A hit needs the head for its listing and the body only for a
// snippet window. The head was JSON until issue 18 (then one newline, then the body):
// parsing it was a fifth of a --batch query's instructions on short wire stories
// (callgrind; docs/performance.md), so it is binary now. Indexes written with the JSON
// head still read, record by record.
#pragma once

#include "article.hpp"

#include <string>
#include <string_view>

namespace morgue {

std::string stored_article(const Article& a);

// The article as stored; what does not parse is left empty (never throws).
Article article_from_stored(std::string_view data);

// The same article twice, whatever file it was read from (the path is not compared).
bool same_stored_article(std::string_view a, std::string_view b);

} // namespace morgue
