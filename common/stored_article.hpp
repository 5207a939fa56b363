// How an article is kept in the index (Xapian document data): its JSON (article_json.hpp)
// without the body, one newline, then the body's bytes. A hit needs the small JSON for
// its listing and the body only for a snippet window: parsing every hit's whole article
// as JSON was a sixth of a --batch query's instructions at 100,000 articles (callgrind,
// scripts/bench). JSON escapes newlines in strings, so the first newline is the split.
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
