// Facets: counts of values over ALL matching articles (not just the page shown),
// gathered with Xapian match spies from the schema's facet slots.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue {

struct FacetRequest {
    std::string field;  // person, author, source, tag, lang, year, month, day
    unsigned limit = 0; // 0: the default (10; every period for dates)
};

struct FacetValue {
    std::string value;
    Xapian::doccount count = 0;
};

struct Facet {
    std::string field;
    bool chronological = false; // year/month/day: values in time order
    std::vector<FacetValue> values;
};

// "person", "month:12" -> request; throws Error naming the bad field.
FacetRequest parse_facet_spec(const std::string& spec);

// Counts facet values over every match with Xapian's own ValueCountMatchSpy, one per
// value slot: the stock remote server (xapian-tcpsrv) can run it on each shard and
// Xapian merges the shards' counts, where a match spy of ours could not cross the link.
// The spy counts whole slot values; multi-valued slots (schema_values.hpp) are split
// here, each distinct name counted once per article, and names that differ only in case
// or accents are one value, shown as its most frequent spelling.
class FacetSpies {
  public:
    explicit FacetSpies(const std::vector<FacetRequest>& reqs);
    void attach(Xapian::Enquire& enquire);
    std::vector<Facet> results() const;

  private:
    std::vector<FacetRequest> reqs_;
    std::map<unsigned, std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_; // by slot
};

// One facet from a slot's value counts (what ValueCountMatchSpy gathered).
Facet facet_from_counts(const FacetRequest& req,
                        const std::vector<std::pair<std::string, Xapian::doccount>>& counts);

// Fills the periods with no article between the first and the last, for a timeline.
std::vector<FacetValue> fill_periods(const Facet& f);

} // namespace morgue
