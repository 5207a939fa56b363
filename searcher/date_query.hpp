// The date grammar of `date:`, --since and --until, and the Xapian query it becomes.
//
//   2024-10-25  2024-10  2024  20241025       a day, a month, a year
//   A..B  A..  ..B                              ranges (start rounds down, end rounds up)
//   today  yesterday  this-week  last-week  this-month  last-month  this-year  last-year
//   3-days-ago  2_weeks_ago  "1 month ago"  "5 years ago"
//   monday  mon  "last friday"  next-tue  this-sunday
//                                               a weekday: the latest up to today; last =
//                                               the latest before today; next = the first
//                                               after; this = in today's ISO week
//   october-2024  oct-2024  "Oct 2024"  october   (a bare month: its latest occurrence)
//   @1729852200                                 the UTC day of an epoch time
//
// Separators between words may be spaces, '-' or '_'. Anything else is an error that
// names the part it could not read: a date filter is never silently widened.
#pragma once

#include "dates.hpp"

#include <xapian.h>

#include <string>
#include <string_view>

namespace morgue {

struct DateRange {
    Ymd from; // inclusive
    Ymd to;   // inclusive
};

// Throws Error("date: cannot read 'xyz' ...") for what it does not understand.
DateRange parse_date_range(std::string_view expr, Ymd today);

// The OR of whole years, months and days that covers [from, to], clamped to [lo, hi]
// (the index's date span). Date terms keep filters flat as the archive grows, where a
// value-range filter would test every document.
Xapian::Query date_range_query(const DateRange& r, Ymd lo, Ymd hi);

// Today's date in UTC, or the --now value.
Ymd today_utc();

} // namespace morgue
