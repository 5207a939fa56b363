#include "recency.hpp"

#include "date_query.hpp"
#include "schema.hpp"

namespace morgue {

Xapian::Query recency_boost(Ymd today, Ymd lo, Ymd hi) {
    std::int64_t t = days_from_civil(today);
    Xapian::Query past(
        Xapian::Query::OP_SCALE_WEIGHT,
        Xapian::Query((new Xapian::ValueWeightPostingSource(kSlotRecency))->release()),
        recency_query_scale(t));
    if (days_from_civil(hi) <= t) return past;
    // Articles dated after today (a clock ahead, a typo) weigh the most a boost can, no
    // more: the slot's weight would grow without bound past today.
    Xapian::Query future(
        Xapian::Query::OP_FILTER,
        Xapian::Query((new Xapian::FixedWeightPostingSource(kRecencyMaxBoost))->release()),
        date_range_query({civil_from_days(t + 1), hi}, lo, hi));
    if (days_from_civil(lo) > t) return future;
    return Xapian::Query(
        Xapian::Query::OP_OR,
        Xapian::Query(Xapian::Query::OP_FILTER, past, date_range_query({lo, today}, lo, hi)),
        future);
}

} // namespace morgue
