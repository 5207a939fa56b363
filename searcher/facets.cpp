#include "facets.hpp"

#include "dates.hpp"
#include "errors.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <algorithm>
#include <set>
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
    static const std::set<std::string> known = {"person", "author", "source", "site", "tag",
                                                "lang",   "year",   "month",  "day"};
    if (!known.count(r.field))
        throw Error("--facet " + r.field +
                    ": not a facet; try person, author, source, tag, lang, year, month, day");
    if (r.field == "site") r.field = "source";
    return r;
}

namespace {

// A facet's value slot and, for dates, how many characters of YYYYMMDD it keeps.
std::pair<unsigned, std::size_t> slot_of(const FacetRequest& req) {
    if (req.field == "year") return {kSlotDate, 4};
    if (req.field == "month") return {kSlotDate, 6};
    if (req.field == "day") return {kSlotDate, 8};
    const Field* f = find_field(req.field);
    return {f ? f->facet_slot : kNoSlot, 0};
}

} // namespace

FacetSpies::FacetSpies(const std::vector<FacetRequest>& reqs) : reqs_(reqs) {
    for (const auto& r : reqs_) {
        unsigned slot = slot_of(r).first;
        if (slot != kNoSlot && !spies_.count(slot))
            spies_.emplace(slot, std::make_unique<Xapian::ValueCountMatchSpy>(slot));
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
        auto it = counts.find(slot_of(r).first);
        out.push_back(facet_from_counts(r, it == counts.end() ? none : it->second));
    }
    return out;
}

Facet facet_from_counts(const FacetRequest& req,
                        const std::vector<std::pair<std::string, Xapian::doccount>>& counts) {
    Facet f;
    f.field = req.field;
    std::size_t prefix_len = slot_of(req).second;
    f.chronological = prefix_len != 0;
    if (f.chronological) {
        // Dates: keys YYYY[MM[DD]] in time order (the spy's values are sorted), shown as
        // YYYY[-MM[-DD]]. A limit keeps the most recent periods.
        std::map<std::string, Xapian::doccount> periods;
        for (const auto& [v, n] : counts)
            if (v.size() >= prefix_len) periods[v.substr(0, prefix_len)] += n;
        for (const auto& [key, n] : periods) {
            std::string shown = key.substr(0, 4);
            if (prefix_len >= 6) shown += "-" + key.substr(4, 2);
            if (prefix_len >= 8) shown += "-" + key.substr(6, 2);
            f.values.push_back({shown, n});
        }
        if (req.limit && f.values.size() > req.limit)
            f.values.erase(f.values.begin(), f.values.end() - req.limit);
        return f;
    }
    struct Entry {
        Xapian::doccount count = 0;
        std::map<std::string, Xapian::doccount> spellings;
    };
    std::map<std::string, Entry> entries; // folded name -> its count and spellings
    // Raw name -> its entry: names repeat across combinations, and folding is the cost.
    std::unordered_map<std::string, Entry*> by_raw;
    std::vector<Entry*> seen; // one combination's entries, counted once each
    for (const auto& [joined, n] : counts) {
        seen.clear();
        std::string_view rest = joined;
        for (;;) {
            auto end = rest.find('\x1f');
            std::string_view value = rest.substr(0, end);
            if (!value.empty()) {
                std::string raw(value);
                auto hit = by_raw.find(raw);
                Entry* e = hit != by_raw.end()
                               ? hit->second
                               : by_raw.emplace(raw, &entries[fold_for_match(raw)]).first->second;
                if (std::find(seen.begin(), seen.end(), e) == seen.end()) {
                    seen.push_back(e);
                    e->count += n;
                }
                e->spellings[raw] += n;
            }
            if (end == std::string_view::npos) break;
            rest.remove_prefix(end + 1);
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
