// The people recogniser's passes, one at a time, for tests and for readers who want to
// see what each one gives. find_people (people.hpp) runs them all in order.
#pragma once

#include "article.hpp"
#include "name_segments.hpp"

#include <vector>

namespace morgue {

// Pass 2, candidates: the name-shaped segments of the article's title, subtitle,
// captions, body and bullets, judged (killed for organisations, places and titles of
// works), list rows marked `listed` and cut to their name columns.
std::vector<names::Candidate> find_candidates(const Article& a);

} // namespace morgue
