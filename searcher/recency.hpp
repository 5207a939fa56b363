// --sort relevance-recent: a boost added to BM25 that halves every kRecencyHalfLifeDays
// back from today (schema.hpp says how the index holds it). Built only of Xapian's own
// posting sources, so the stock remote server (xapian-tcpsrv) can run it on each shard.
#pragma once

#include "dates.hpp"

#include <xapian.h>

namespace morgue {

// The boost for articles dated within [lo, hi] (the index's date span): the recency
// slot scaled for today, and articles dated after today as new as today.
Xapian::Query recency_boost(Ymd today, Ymd lo, Ymd hi);

} // namespace morgue
