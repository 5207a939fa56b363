#include "facets.hpp"

#include "dates.hpp"
#include "errors.hpp"
#include "schema_values.hpp"
#include "text.hpp"

#include <algorithm>
#include <unordered_map>

namespace morgue {

FacetRequest parse_facet_spec(const std::string& spec) {
    FacetRequest r;
    auto colon = spec.find(':');
    r.field = spec.substr(0, colon);
    if (colon != std::string::npos) {
        std::string n = spec.substr(colon + 1);
        try {
            std::size_t used = 0;
            unsigned long v = std::stoul(n, &used);
            if (used != n.size() || v == 0 || v > 100000) throw std::invalid_argument(n);
            r.limit = static_cast<unsigned>(v);
        } catch (const std::exception&) {
            throw Error("--facet " + spec +
                        ": the count after ':' must be a number from 1 to 100000");
        }
    }
    auto def = find_facet(r.field);
    if (!def) throw Error("--facet " + r.field + ": not a facet; try " + facet_names());
    r.field = def->name; // site -> source
    return r;
}

namespace detail {

std::uint32_t NameTable::raw(std::string_view name) {
    auto hit = raw_ids.find(name);
    if (hit != raw_ids.end()) return hit->second;
    auto id = static_cast<std::uint32_t>(raws.size());
    auto r = raw_ids.emplace(std::string(name), id).first;
    raws.push_back(&r->first);
    std::string key = date_chars ? std::string(name) : fold_for_match(name);
    auto e = entry_ids.find(key);
    if (e == entry_ids.end()) {
        e = entry_ids.emplace(std::move(key), static_cast<std::uint32_t>(keys.size())).first;
        keys.push_back(&e->first);
    }
    raw_entry.push_back(e->second);
    return id;
}

template <class F> void NameTable::each(std::string_view v, std::vector<std::uint32_t>& seen, F f) {
    if (date_chars) {
        if (v.size() >= date_chars) f(raw(v.substr(0, date_chars)));
        return;
    }
    seen.clear();
    for (;;) {
        auto end = v.find(kListSeparator);
        std::string_view name = v.substr(0, end);
        if (!name.empty()) {
            std::uint32_t r = raw(name);
            std::uint32_t e = raw_entry[r];
            if (std::find(seen.begin(), seen.end(), e) == seen.end()) {
                seen.push_back(e);
                f(r);
            }
        }
        if (end == std::string_view::npos) break;
        v.remove_prefix(end + 1);
    }
}

} // namespace detail

namespace {

// The facet from per-entry counts: periods in time order (a limit keeps the latest);
// other values by count, ties in byte order of the folded name, the first `limit` only
// sorted and shown as shown(entry) spells them.
template <class Shown>
Facet finish(const FacetRequest& req, const detail::NameTable& names,
             const std::vector<Xapian::doccount>& entry_count, Shown shown) {
    Facet f;
    f.field = req.field;
    f.chronological = names.date_chars != 0;
    std::vector<std::uint32_t> order;
    for (std::uint32_t e = 0; e < entry_count.size(); ++e)
        if (entry_count[e]) order.push_back(e);
    auto key = [&](std::uint32_t e) -> const std::string& { return *names.keys[e]; };
    if (f.chronological) {
        std::sort(order.begin(), order.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
        if (req.limit && order.size() > req.limit)
            order.erase(order.begin(), order.end() - req.limit);
        for (std::uint32_t e : order)
            f.values.push_back({date_slot_display(key(e)), entry_count[e]});
        return f;
    }
    std::size_t limit = std::min<std::size_t>(req.limit ? req.limit : 10, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(limit),
                      order.end(), [&](std::uint32_t a, std::uint32_t b) {
                          if (entry_count[a] != entry_count[b])
                              return entry_count[a] > entry_count[b];
                          return key(a) < key(b);
                      });
    order.resize(limit);
    for (std::uint32_t e : order)
        f.values.push_back({shown(e), entry_count[e]});
    return f;
}

std::size_t date_chars_of(const FacetRequest& req) {
    auto def = find_facet(req.field);
    return def ? def->date_chars : 0;
}

} // namespace

FacetTally::FacetTally(FacetRequest req) : req_(std::move(req)) {
    names_.date_chars = date_chars_of(req_);
}

void FacetTally::add(std::string_view v, Xapian::doccount n) {
    names_.each(v, seen_, [&](std::uint32_t r) {
        if (r >= raw_count_.size()) raw_count_.resize(r + 1, 0);
        raw_count_[r] += n;
    });
}

Facet FacetTally::result() const {
    std::vector<Xapian::doccount> entry_count(names_.keys.size(), 0);
    // Each folded name shows as its most counted spelling, the first in byte order on a tie.
    std::vector<std::uint32_t> best(names_.keys.size(), 0);
    for (std::uint32_t r = 0; r < raw_count_.size(); ++r) {
        Xapian::doccount n = raw_count_[r];
        if (!n) continue;
        std::uint32_t e = names_.raw_entry[r];
        Xapian::doccount b = entry_count[e] ? raw_count_[best[e]] : 0;
        if (n > b || (n == b && *names_.raws[r] < *names_.raws[best[e]])) best[e] = r;
        entry_count[e] += n;
    }
    return finish(req_, names_, entry_count,
                  [&](std::uint32_t e) { return *names_.raws[best[e]]; });
}

Facet facet_from_counts(const FacetRequest& req,
                        const std::vector<std::pair<std::string, Xapian::doccount>>& counts) {
    FacetTally t(req);
    for (const auto& [v, n] : counts)
        t.add(v, n);
    return t.result();
}

SlotIndex::SlotIndex(const Xapian::Database& db, unsigned slot, std::size_t date_chars) {
    names_.date_chars = date_chars;
    start_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
    std::vector<std::uint32_t> seen;
    Xapian::docid next = 1; // documents before it have their start
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        Xapian::docid d = it.get_docid();
        if (d + 1 >= start_.size()) break; // added since get_lastdocid(): not in this index
        for (; next <= d; ++next)
            start_[next] = static_cast<std::uint32_t>(ids_.size());
        names_.each(*it, seen, [&](std::uint32_t r) { ids_.push_back(r); });
    }
    for (; next < start_.size(); ++next)
        start_[next] = static_cast<std::uint32_t>(ids_.size());
    // Each entry's spellings in byte order, so the first most counted one is shown.
    std::vector<std::uint32_t> by_name(names_.raws.size());
    for (std::uint32_t r = 0; r < by_name.size(); ++r)
        by_name[r] = r;
    std::sort(by_name.begin(), by_name.end(),
              [&](std::uint32_t a, std::uint32_t b) { return *names_.raws[a] < *names_.raws[b]; });
    entry_raws_start_.assign(names_.keys.size() + 1, 0);
    for (std::uint32_t r : by_name)
        ++entry_raws_start_[names_.raw_entry[r] + 1];
    for (std::size_t e = 1; e < entry_raws_start_.size(); ++e)
        entry_raws_start_[e] += entry_raws_start_[e - 1];
    entry_raws_.resize(by_name.size());
    std::vector<std::uint32_t> fill(entry_raws_start_.begin(), entry_raws_start_.end() - 1);
    for (std::uint32_t r : by_name)
        entry_raws_[fill[names_.raw_entry[r]]++] = r;
}

Facet SlotIndex::facet(const FacetRequest& req, const std::vector<Xapian::docid>& ids) const {
    std::vector<Xapian::doccount> raw_count(names_.raws.size(), 0);
    for (Xapian::docid d : ids) {
        if (d + 1 >= start_.size()) continue; // not in this index (cannot happen: same db)
        for (std::uint32_t i = start_[d]; i < start_[d + 1]; ++i)
            ++raw_count[ids_[i]];
    }
    std::vector<Xapian::doccount> entry_count(names_.keys.size(), 0);
    for (std::uint32_t r = 0; r < raw_count.size(); ++r)
        entry_count[names_.raw_entry[r]] += raw_count[r];
    return finish(req, names_, entry_count, [&](std::uint32_t e) {
        std::uint32_t best = entry_raws_[entry_raws_start_[e]];
        for (std::uint32_t i = entry_raws_start_[e]; i < entry_raws_start_[e + 1]; ++i)
            if (raw_count[entry_raws_[i]] > raw_count[best]) best = entry_raws_[i];
        return *names_.raws[best];
    });
}

const SlotIndex* FacetCache::find(const Xapian::Database& db, unsigned long generation,
                                  unsigned slot, std::size_t date_chars, bool now) {
    if (generation != generation_) {
        asked_.clear();
        built_.clear();
        generation_ = generation;
    }
    auto key = std::make_pair(slot, date_chars);
    auto b = built_.find(key);
    if (b != built_.end()) return b->second.get();
    if (++asked_[key] < 2 && !now) return nullptr;
    return built_.emplace(key, std::make_unique<SlotIndex>(db, slot, date_chars))
        .first->second.get();
}

std::vector<Facet> facets_from_stream(const Xapian::Database& db, unsigned slot,
                                      const std::vector<FacetRequest>& reqs,
                                      std::vector<Xapian::docid>& ids) {
    if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
    std::vector<FacetTally> tallies;
    tallies.reserve(reqs.size());
    for (const auto& r : reqs)
        tallies.emplace_back(r);
    Xapian::ValueIterator it = db.valuestream_begin(slot), end = db.valuestream_end(slot);
    for (Xapian::docid d : ids) {
        if (it == end) break;
        if (it.get_docid() < d) {
            it.skip_to(d);
            if (it == end) break;
        }
        if (it.get_docid() != d) continue; // no value in this slot
        const std::string v = *it;
        for (auto& t : tallies)
            t.add(v);
    }
    std::vector<Facet> out;
    for (const auto& t : tallies)
        out.push_back(t.result());
    return out;
}

FacetSpies::FacetSpies(const std::vector<FacetRequest>& reqs, const Xapian::Database& db,
                       bool all_local)
    : reqs_(reqs), local_(all_local && db.size() == 1) {
    for (const auto& r : reqs_) {
        auto def = find_facet(r.field);
        if (!def || def->slot == kNoSlot) continue;
        if (std::find(slots_.begin(), slots_.end(), def->slot) == slots_.end())
            slots_.push_back(def->slot);
        if (!local_ && !spies_.count(def->slot))
            spies_.emplace(def->slot, std::make_unique<Xapian::ValueCountMatchSpy>(def->slot));
    }
}

void FacetSpies::attach(Xapian::Enquire& enquire) {
    if (local_ && !slots_.empty()) enquire.add_matchspy(&docids_);
    for (auto& [slot, spy] : spies_)
        enquire.add_matchspy(spy.get());
}

std::vector<Facet> FacetSpies::results(const Xapian::Database& db, FacetCache* cache,
                                       unsigned long generation) {
    std::vector<Facet> out(reqs_.size());
    for (std::size_t i = 0; i < reqs_.size(); ++i)
        out[i] = facet_from_counts(reqs_[i], {}); // a facet of no slot: empty
    // In document order already when one local index was matched.
    if (!std::is_sorted(docids_.ids.begin(), docids_.ids.end()))
        std::sort(docids_.ids.begin(), docids_.ids.end());
    for (unsigned slot : slots_) {
        std::vector<FacetRequest> on_slot;
        std::vector<std::size_t> where;
        for (std::size_t i = 0; i < reqs_.size(); ++i) {
            auto def = find_facet(reqs_[i].field);
            if (def && def->slot == slot) on_slot.push_back(reqs_[i]), where.push_back(i);
        }
        std::vector<Facet> got;
        if (local_) {
            std::vector<const SlotIndex*> idx;
            for (const auto& r : on_slot)
                idx.push_back(cache ? cache->find(db, generation, slot, date_chars_of(r))
                                    : nullptr);
            if (std::find(idx.begin(), idx.end(), nullptr) == idx.end()) {
                for (std::size_t k = 0; k < on_slot.size(); ++k)
                    got.push_back(idx[k]->facet(on_slot[k], docids_.ids));
            } else {
                got = facets_from_stream(db, slot, on_slot, docids_.ids);
            }
        } else {
            std::vector<std::pair<std::string, Xapian::doccount>> counts;
            const auto& spy = *spies_.at(slot);
            for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
                counts.emplace_back(*it, it.get_termfreq());
            for (const auto& r : on_slot)
                got.push_back(facet_from_counts(r, counts));
        }
        for (std::size_t k = 0; k < where.size(); ++k)
            out[where[k]] = std::move(got[k]);
    }
    return out;
}

std::vector<FacetValue> fill_periods(const Facet& f) {
    if (!f.chronological || f.values.size() < 2) return f.values;
    std::map<std::string, Xapian::doccount> have;
    for (const auto& v : f.values)
        have[v.value] = v.count;
    std::vector<FacetValue> out;
    const std::string& first = f.values.front().value;
    const std::string& last = f.values.back().value;
    auto add = [&](const std::string& key) {
        out.push_back({key, have.count(key) ? have[key] : 0});
    };
    if (first.size() == 4) {
        for (int y = std::stoi(first); y <= std::stoi(last); ++y)
            add(std::to_string(y));
    } else if (first.size() == 7) {
        int y = std::stoi(first.substr(0, 4)), m = std::stoi(first.substr(5, 2));
        for (;;) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
            add(buf);
            if (buf == last || out.size() > 100000) break;
            if (++m > 12) m = 1, ++y;
        }
    } else {
        auto a = parse_ymd(first), b = parse_ymd(last);
        if (!a || !b) return f.values;
        for (std::int64_t d = days_from_civil(*a); d <= days_from_civil(*b) && out.size() <= 100000;
             ++d)
            add(format_ymd(civil_from_days(d)));
    }
    return out;
}

} // namespace morgue
