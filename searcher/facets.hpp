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

namespace detail {
struct StrHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};
template <class V> using StrMap = std::unordered_map<std::string, V, StrHash, std::equal_to<>>;

// The distinct values of one facet: each name as written (a "raw" id) and, for lists,
// its folded form (an "entry" id: names that differ only in case or accents are one
// value). Each distinct name is folded once. Periods are their own entries.
struct NameTable {
    std::size_t date_chars = 0;
    StrMap<std::uint32_t> raw_ids;        // name as written -> raw id
    std::vector<const std::string*> raws; // raw id -> name as written
    std::vector<std::uint32_t> raw_entry; // raw id -> entry id
    StrMap<std::uint32_t> entry_ids;      // folded name (or period) -> entry id
    std::vector<const std::string*> keys; // entry id -> folded name (or period)
    std::uint32_t raw(std::string_view name);
    // Calls f(raw id) once per distinct entry of one slot value (the first spelling).
    template <class F>
    void each(std::string_view slot_value, std::vector<std::uint32_t>& seen, F f);
};
} // namespace detail

// Tallies one facet: whole slot values in (each for n articles), the facet out. A
// multi-valued slot (schema_values.hpp) is split here, each distinct name counted once
// per article, and names that differ only in case or accents are one value, shown as its
// most frequent spelling (ties: the first in byte order); periods are prefixes of the
// date slot. Only the values shown are sorted and copied out.
class FacetTally {
  public:
    explicit FacetTally(FacetRequest req);
    void add(std::string_view slot_value, Xapian::doccount n = 1);
    Facet result() const;

  private:
    FacetRequest req_;
    detail::NameTable names_;
    std::vector<Xapian::doccount> raw_count_; // articles counted under this spelling
    std::vector<std::uint32_t> seen_;         // one article's entries, counted once each
};

// One facet slot (periods: one prefix length of it) of every document, decoded once and
// kept by a long-lived searcher (--batch, the server) until the index changes: per
// document the raw ids of its distinct names, so that a query's facet is counting in
// arrays, with no value read, split or folded. Counts are those of FacetTally.
class SlotIndex {
  public:
    SlotIndex(const Xapian::Database& db, unsigned slot, std::size_t date_chars);
    // ids: the matching documents of the same database, any order.
    Facet facet(const FacetRequest& req, const std::vector<Xapian::docid>& ids) const;

  private:
    detail::NameTable names_;
    std::vector<std::uint32_t> start_; // by docid: where its raw ids begin in ids_
    std::vector<std::uint32_t> ids_;
    std::vector<std::uint32_t> entry_raws_start_; // by entry: its spellings in byte order
    std::vector<std::uint32_t> entry_raws_;
};

// A searcher's SlotIndexes. An index is built the second time a (slot, period) is asked
// for in one generation of the database (or at once when asked to), so a one-shot
// search never pays for reading the whole slot; a new generation (commit, reopen) drops
// them all.
class FacetCache {
  public:
    // The index, or null when not built yet; now: build it at once (a --batch searcher
    // decodes the slots of its --facet options before the first query).
    const SlotIndex* find(const Xapian::Database& db, unsigned long generation, unsigned slot,
                          std::size_t date_chars, bool now = false);

  private:
    unsigned long generation_ = 0;
    std::map<std::pair<unsigned, std::size_t>, unsigned> asked_;
    std::map<std::pair<unsigned, std::size_t>, std::unique_ptr<SlotIndex>> built_;
};

// Counts facet values over every match. Over one local index only, a match spy of ours
// collects the matching document ids; the facet slots are then counted from the
// searcher's SlotIndex when it has one, or else read through Xapian's value streams, in
// document order (a chunk read serves many articles), each value tallied as it comes.
// With any remote shard (xapian-tcpsrv), Xapian's own ValueCountMatchSpy runs on each
// shard and Xapian merges the shards' counts, where a match spy of ours could not cross
// the link; its whole values are tallied the same way. Every way counts every match
// exactly.
class FacetSpies {
  public:
    // all_local: no remote shard. The value streams are read only for one local index:
    // over several, Xapian 1.4 shows a match spy each document by its own shard's id.
    FacetSpies(const std::vector<FacetRequest>& reqs, const Xapian::Database& db, bool all_local);
    bool local() const { return local_; }
    void attach(Xapian::Enquire& enquire);
    // Local: the matches the spy saw.
    Xapian::doccount matches() const { return static_cast<Xapian::doccount>(docids_.ids.size()); }
    // db: the database the enquire ran on (read when local); cache: the searcher's, or null.
    std::vector<Facet> results(const Xapian::Database& db, FacetCache* cache = nullptr,
                               unsigned long generation = 0);

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
