#include "recency.hpp"

#include "schema_values.hpp"

#include <cmath>

namespace morgue {

RecencySource::RecencySource(Ymd today, double max_boost, double half_life_days)
    : Xapian::ValuePostingSource(kSlotDate), today_days_(days_from_civil(today)), today_(today),
      max_boost_(max_boost), half_life_(half_life_days) {}

void RecencySource::init(const Xapian::Database& db) {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(max_boost_);
}

double RecencySource::get_weight() const {
    auto d = date_slot_ymd(get_value());
    if (!d) return 0;
    double age = static_cast<double>(today_days_ - days_from_civil(*d));
    if (age < 0) age = 0; // dated in the future: as new as today
    return max_boost_ * std::exp2(-age / half_life_);
}

Xapian::PostingSource* RecencySource::clone() const {
    return new RecencySource(today_, max_boost_, half_life_);
}

} // namespace morgue
