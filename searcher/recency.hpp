// --sort relevance-recent: a posting source that adds a recency boost to BM25, halving
// every `half_life_days` back from `today`. Reads the article date slot (schema_values.hpp).
#pragma once

#include "dates.hpp"

#include <xapian.h>

namespace morgue {

class RecencySource : public Xapian::ValuePostingSource {
  public:
    RecencySource(Ymd today, double max_boost, double half_life_days);
    double get_weight() const override;
    Xapian::PostingSource* clone() const override;
    void init(const Xapian::Database& db) override;
    std::string name() const override { return "morgue::RecencySource"; }

  private:
    std::int64_t today_days_;
    Ymd today_;
    double max_boost_, half_life_;
};

} // namespace morgue
