// Facets: counts of values over ALL matching articles (not just the page shown),
// gathered with Xapian match spies from the schema's facet slots.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
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
    struct Entry {
        std::string shown; // the value as first written
        Xapian::doccount count = 0;
    };
    struct ViewHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    Entry& entry(std::string_view raw);

    FacetRequest req_;
    unsigned slot_;
    std::size_t prefix_len_ = 0;          // dates: characters of the date slot kept (FacetDef)
    std::map<std::string, Entry> counts_; // folded key -> entry (stable addresses)
    // Raw value -> its entry: names repeat across articles, and folding every value of
    // every match was four fifths of a faceted query (callgrind, 34,000 matches).
    std::unordered_map<std::string, Entry*, ViewHash, std::equal_to<>> by_raw_;
    std::vector<Entry*> seen_; // one article's entries, counted once each
};

// Fills the periods with no article between the first and the last, for a timeline.
std::vector<FacetValue> fill_periods(const Facet& f);

} // namespace morgue
