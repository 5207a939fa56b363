// Dates as HTML pages write them in metas, JSON-LD, <time> and visible lines: ISO 8601,
// RFC 2822 ("Fri, 25 Oct 2024 10:30:00 GMT"), "October 25, 2024 10:30 AM EDT",
// "25 Oct 2024", "2024/10/25", "20241025", Unix seconds or milliseconds. The local day
// is the one written, so "2024-10-25T23:30-05:00" is the 25th whatever UTC says.
#pragma once

#include "dates.hpp"
#include "html_metadata.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

std::optional<LocalTime> parse_page_date(std::string_view s);

// A /2024/10/25/ (or /2024-10-25/, /20241025/, /25-10-2024, a slug ending -20241025) date
// in a URL's path.
std::optional<Ymd> date_in_url(std::string_view url);

// The page's publication date and where it came from ("jsonld", "meta", "microdata",
// "time-element", "url", "text"; "jsonld-modified", "meta-modified", "text-modified" when
// only an update time is known). Candidates from every source are parsed, implausible ones (before
// 1990, or after now) set aside, and the article's own publication date preferred over its update
// time and over dates of other articles on the page (reader comments, related lists, embedded
// posts, teaser cards: a link holding a headline and a date), a date the page labels as the
// publication preferred among those it shows, a shown day after the markup's last update set
// aside; a full date in the URL, or the same day from two independent sources, settles
// disagreements, and the day the page shows by its headline outvotes a structured value that fewer
// kinds of source back (see the .cpp).
struct PageDate {
    LocalTime time;
    std::string source;
};

struct DateInputs {
    const PageMeta* meta = nullptr;
    std::vector<std::string> bylines;       // byline texts found in the content
    std::vector<std::string> content_start; // the first paragraphs of the article
    std::string url;
    std::string lang;
    std::int64_t now = 0; // seconds since the epoch: later dates are implausible
};

std::optional<PageDate> choose_page_date(const DateInputs& in);

} // namespace morgue
