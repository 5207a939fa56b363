// The stemmer both binaries use (schema.hpp: kStemLanguage), with a cache: news text
// repeats its words, and stemming each occurrence again was a tenth of the indexer's
// time and a third of the searcher's (snippets stem every word of every hit).
#pragma once

#include <xapian.h>

namespace morgue {

// A new stemmer with its own cache. Not thread-safe: one per thread (a DocumentBuilder,
// a Searcher).
Xapian::Stem cached_stemmer();

} // namespace morgue
