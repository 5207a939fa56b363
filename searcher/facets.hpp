// Facets: counts of values over ALL matching articles (not just the page shown),
// read from the schema's facet slots.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Tallies one facet: whole slot values in (each for n articles), the facet out. A
// multi-valued slot (schema_values.hpp) is split here, each distinct name counted once
// per article, and names that differ only in case or accents are one value, shown as its
// most frequent spelling (ties: the first in byte order); periods are prefixes of the
// date slot. Each distinct name is folded once, whatever the number of articles.
class FacetTally {
  public:
    explicit FacetTally(FacetRequest req);
    void add(std::string_view slot_value, Xapian::doccount n = 1);
    Facet result() const;

  private:
    struct StrHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    template <class V>
    using StrMap = std::unordered_map<std::string, V, StrHash, std::equal_to<>>;
    FacetRequest req_;
    std::size_t date_chars_ = 0;
    StrMap<Xapian::doccount> periods_;        // chronological: period -> articles
    StrMap<std::uint32_t> raw_ids_;           // name as written -> its index below
    std::vector<std::uint32_t> raw_entry_;    // -> its folded name's index
    std::vector<Xapian::doccount> raw_count_; // articles counted under this spelling
    StrMap<std::uint32_t> entry_ids_;         // folded name -> its index below
    std::vector<Xapian::doccount> entry_count_;
    std::vector<std::uint32_t> seen_; // one article's entries, counted once each
};

// Counts facet values over every match. Over local shards only, a match spy of ours
// collects the matching document ids and the facet slots are then read through Xapian's
// value streams, in document order (a chunk read serves many articles), each value
// tallied as it comes. With any remote shard (xapian-tcpsrv), Xapian's own
// ValueCountMatchSpy runs on each shard and Xapian merges the shards' counts, where a
// match spy of ours could not cross the link; its whole values are tallied the same way.
// Both ways count every match exactly.
class FacetSpies {
  public:
    FacetSpies(const std::vector<FacetRequest>& reqs, bool local);
    void attach(Xapian::Enquire& enquire);
    // db: the database the enquire ran on (its value streams are read when local).
    std::vector<Facet> results(const Xapian::Database& db);

  private:
    class DocidSpy : public Xapian::MatchSpy {
      public:
        void operator()(const Xapian::Document& doc, double) override {
            ids.push_back(doc.get_docid());
        }
        std::vector<Xapian::docid> ids;
    };
    std::vector<FacetRequest> reqs_;
    std::vector<unsigned> slots_; // distinct slots asked for, in order
    bool local_ = false;
    DocidSpy docids_;
    std::map<unsigned, std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_; // by slot
};

// Tallies every request on one slot over the given matching documents, reading the
// slot's value stream; ids need not be sorted (they are sorted here).
std::vector<Facet> facets_from_stream(const Xapian::Database& db, unsigned slot,
                                      const std::vector<FacetRequest>& reqs,
                                      std::vector<Xapian::docid>& ids);

// One facet from a slot's value counts (what ValueCountMatchSpy gathered).
Facet facet_from_counts(const FacetRequest& req,
                        const std::vector<std::pair<std::string, Xapian::doccount>>& counts);

// Fills the periods with no article between the first and the last, for a timeline.
std::vector<FacetValue> fill_periods(const Facet& f);

} // namespace morgue
