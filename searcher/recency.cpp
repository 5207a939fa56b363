#include "recency.hpp"

#include "schema.hpp"

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
    std::string v = get_value();
    if (v.size() != 8) return 0;
    auto d = parse_ymd(v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2));
    if (!d) return 0;
    double age = static_cast<double>(today_days_ - days_from_civil(*d));
    if (age < 0) age = 0; // dated in the future: as new as today
    return max_boost_ * std::exp2(-age / half_life_);
}

Xapian::PostingSource* RecencySource::clone() const {
    return new RecencySource(today_, max_boost_, half_life_);
}

} // namespace morgue
