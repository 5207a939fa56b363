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

FacetTally::FacetTally(FacetRequest req) : req_(std::move(req)) {
    auto def = find_facet(req_.field);
    date_chars_ = def ? def->date_chars : 0;
}

void FacetTally::add(std::string_view v, Xapian::doccount n) {
    if (date_chars_) {
        if (v.size() < date_chars_) return;
        std::string_view key = v.substr(0, date_chars_);
        auto hit = periods_.find(key);
        if (hit == periods_.end())
            periods_.emplace(std::string(key), n);
        else
            hit->second += n;
        return;
    }
    seen_.clear();
    for (;;) {
        auto end = v.find(kListSeparator);
        std::string_view name = v.substr(0, end);
        if (!name.empty()) {
            std::uint32_t raw;
            auto hit = raw_ids_.find(name);
            if (hit != raw_ids_.end()) {
                raw = hit->second;
            } else {
                raw = static_cast<std::uint32_t>(raw_count_.size());
                raw_ids_.emplace(std::string(name), raw);
                std::string folded = fold_for_match(name);
                auto e = entry_ids_.find(folded);
                std::uint32_t entry = static_cast<std::uint32_t>(entry_count_.size());
                if (e != entry_ids_.end())
                    entry = e->second;
                else {
                    entry_ids_.emplace(std::move(folded), entry);
                    entry_count_.push_back(0);
                }
                raw_entry_.push_back(entry);
                raw_count_.push_back(0);
            }
            std::uint32_t entry = raw_entry_[raw];
            if (std::find(seen_.begin(), seen_.end(), entry) == seen_.end()) {
                seen_.push_back(entry);
                entry_count_[entry] += n;
                raw_count_[raw] += n;
            }
        }
        if (end == std::string_view::npos) break;
        v.remove_prefix(end + 1);
    }
}

Facet FacetTally::result() const {
    Facet f;
    f.field = req_.field;
    f.chronological = date_chars_ != 0;
    if (f.chronological) {
        // Periods are prefixes of the date slot, which sort in time order. A limit keeps
        // the most recent periods.
        std::vector<std::pair<std::string_view, Xapian::doccount>> periods(periods_.begin(),
                                                                           periods_.end());
        std::sort(periods.begin(), periods.end());
        for (const auto& [key, n] : periods)
            f.values.push_back({date_slot_display(key), n});
        if (req_.limit && f.values.size() > req_.limit)
            f.values.erase(f.values.begin(), f.values.end() - req_.limit);
        return f;
    }
    // Each folded name shows as its most counted spelling, the first in byte order on a tie.
    std::vector<const std::string*> shown(entry_count_.size(), nullptr);
    std::vector<Xapian::doccount> best(entry_count_.size(), 0);
    for (const auto& [raw, id] : raw_ids_) {
        std::uint32_t e = raw_entry_[id];
        Xapian::doccount n = raw_count_[id];
        if (n > best[e] || (n && n == best[e] && raw < *shown[e])) best[e] = n, shown[e] = &raw;
    }
    // Folded names in byte order, then stably by count: ties stay in that order.
    std::vector<std::pair<std::string_view, std::uint32_t>> order(entry_ids_.begin(),
                                                                  entry_ids_.end());
    std::sort(order.begin(), order.end());
    for (const auto& [key, e] : order)
        if (shown[e]) f.values.push_back({*shown[e], entry_count_[e]});
    std::stable_sort(f.values.begin(), f.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    unsigned limit = req_.limit ? req_.limit : 10;
    if (f.values.size() > limit) f.values.resize(limit);
    return f;
}

Facet facet_from_counts(const FacetRequest& req,
                        const std::vector<std::pair<std::string, Xapian::doccount>>& counts) {
    FacetTally t(req);
    for (const auto& [v, n] : counts)
        t.add(v, n);
    return t.result();
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

FacetSpies::FacetSpies(const std::vector<FacetRequest>& reqs, bool local)
    : reqs_(reqs), local_(local) {
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

std::vector<Facet> FacetSpies::results(const Xapian::Database& db) {
    std::vector<Facet> out(reqs_.size());
    for (std::size_t i = 0; i < reqs_.size(); ++i)
        out[i] = facet_from_counts(reqs_[i], {}); // a facet of no slot: empty
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
            got = facets_from_stream(db, slot, on_slot, docids_.ids);
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
