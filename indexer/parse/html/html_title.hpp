// The article's headline from the page's title candidates: JSON-LD headline, og:title,
// twitter:title, other title metas, <title>, in that order of trust (readability's), with
// the site's name cut off ("Headline | Site", "Site - Headline", "Headline :: Section ::
// Site") by comparing parts with og:site_name, the publisher and the host, and with the
// page's own <h1> settling which part of a split title is the headline. When the chosen
// title is a decorated copy of an <h1> (site name, section trail, issue number added, or
// another case), or a social-media og:title differs from a <title> that holds the <h1>,
// the page's own headline wins.
#pragma once

#include "html_metadata.hpp"

#include <string>

namespace morgue {

// Metadata is often escaped twice ("&amp;#8217;" arrives as "&#8217;" after the parser):
// character references left in a string are decoded once more; unknown names stay.
std::string decode_entities(std::string_view s);

// host: the article's host ("news.example.org"), or "".
std::string choose_title(const PageMeta& m, const std::string& host);

} // namespace morgue
