// Facets: counts of values over ALL matching articles (not just the page shown),
// gathered with Xapian match spies from the schema's facet slots.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
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

// Counts values of one facet over the documents it is shown.
class FacetSpy : public Xapian::MatchSpy {
  public:
    explicit FacetSpy(const FacetRequest& req);
    void operator()(const Xapian::Document& doc, double wt) override;
    Facet result() const;

  private:
    FacetRequest req_;
    unsigned slot_;
    std::size_t prefix_len_ = 0; // dates: characters of YYYYMMDD kept (4, 6 or 8)
    // folded key -> (value as first written, count)
    std::map<std::string, std::pair<std::string, Xapian::doccount>> counts_;
};

// Fills the periods with no article between the first and the last, for a timeline.
std::vector<FacetValue> fill_periods(const Facet& f);

} // namespace morgue
