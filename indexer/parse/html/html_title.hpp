// The article's headline from the page's title candidates: JSON-LD headline, og:title,
// twitter:title, other title metas, <title>, in that order of trust (readability's), with
// the site's name cut off ("Headline | Site", "Site - Headline", "Headline :: Section ::
// Site") by comparing parts with og:site_name, the publisher and the host, and with the
// page's own <h1> settling which part of a split title is the headline.
#pragma once

#include "html_metadata.hpp"

#include <string>

namespace morgue {

// host: the article's host ("news.example.org"), or "".
std::string choose_title(const PageMeta& m, const std::string& host);

} // namespace morgue
