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

FacetSpies::FacetSpies(const std::vector<FacetRequest>& reqs) : reqs_(reqs) {
    for (const auto& r : reqs_) {
        auto def = find_facet(r.field);
        if (def && def->slot != kNoSlot && !spies_.count(def->slot))
            spies_.emplace(def->slot, std::make_unique<Xapian::ValueCountMatchSpy>(def->slot));
    }
}

void FacetSpies::attach(Xapian::Enquire& enquire) {
    for (auto& [slot, spy] : spies_)
        enquire.add_matchspy(spy.get());
}

std::vector<Facet> FacetSpies::results() const {
    std::map<unsigned, std::vector<std::pair<std::string, Xapian::doccount>>> counts;
    for (const auto& [slot, spy] : spies_) {
        auto& c = counts[slot];
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
            c.emplace_back(*it, it.get_termfreq());
    }
    std::vector<Facet> out;
    static const std::vector<std::pair<std::string, Xapian::doccount>> none;
    for (const auto& r : reqs_) {
        auto def = find_facet(r.field);
        auto it = def ? counts.find(def->slot) : counts.end();
        out.push_back(facet_from_counts(r, it == counts.end() ? none : it->second));
    }
    return out;
}

Facet facet_from_counts(const FacetRequest& req,
                        const std::vector<std::pair<std::string, Xapian::doccount>>& counts) {
    Facet f;
    f.field = req.field;
    auto def = find_facet(req.field);
    std::size_t prefix_len = def ? def->date_chars : 0;
    f.chronological = prefix_len != 0;
    if (f.chronological) {
        // Periods are prefixes of the date slot, which sort in time order. A limit keeps
        // the most recent periods.
        std::map<std::string, Xapian::doccount> periods;
        for (const auto& [v, n] : counts)
            if (v.size() >= prefix_len) periods[v.substr(0, prefix_len)] += n;
        for (const auto& [key, n] : periods)
            f.values.push_back({date_slot_display(key), n});
        if (req.limit && f.values.size() > req.limit)
            f.values.erase(f.values.begin(), f.values.end() - req.limit);
        return f;
    }
    struct Entry {
        Xapian::doccount count = 0;
        std::map<std::string, Xapian::doccount, std::less<>> spellings;
    };
    std::map<std::string, Entry> entries; // folded name -> its count and spellings
    // Raw name -> its entry: names repeat across combinations, and folding is the cost.
    std::unordered_map<std::string, Entry*> by_raw;
    std::vector<Entry*> seen; // one combination's entries, counted once each
    for (const auto& [joined, n] : counts) {
        seen.clear();
        for (std::string_view value : split_list_value(joined)) {
            std::string raw(value);
            auto hit = by_raw.find(raw);
            Entry* e = hit != by_raw.end()
                           ? hit->second
                           : by_raw.emplace(raw, &entries[fold_for_match(raw)]).first->second;
            if (std::find(seen.begin(), seen.end(), e) != seen.end()) continue;
            seen.push_back(e);
            e->count += n;
            e->spellings[raw] += n;
        }
    }
    for (const auto& [key, e] : entries) {
        const std::string* shown = nullptr;
        Xapian::doccount best = 0;
        for (const auto& [raw, n] : e.spellings)
            if (n > best) best = n, shown = &raw;
        f.values.push_back({*shown, e.count});
    }
    std::stable_sort(f.values.begin(), f.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    unsigned limit = req.limit ? req.limit : 10;
    if (f.values.size() > limit) f.values.resize(limit);
    return f;
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
