// Dates as HTML pages write them in metas, JSON-LD, <time> and visible lines: ISO 8601,
// RFC 2822 ("Fri, 25 Oct 2024 10:30:00 GMT"), "October 25, 2024 10:30 AM EDT",
// "25 Oct 2024", "2024/10/25", "20241025", Unix seconds or milliseconds. The local day
// is the one written, so "2024-10-25T23:30-05:00" is the 25th whatever UTC says.
#pragma once

#include "dates.hpp"

#include <optional>
#include <string_view>

namespace morgue {

std::optional<LocalTime> parse_page_date(std::string_view s);

// A /2024/10/25/ (or /2024-10-25/, /20241025/) date in a URL's path.
std::optional<Ymd> date_in_url(std::string_view url);

} // namespace morgue
