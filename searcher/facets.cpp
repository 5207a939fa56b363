#include "facets.hpp"

#include "dates.hpp"
#include "errors.hpp"
#include "schema_values.hpp"
#include "text.hpp"

#include <algorithm>

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

FacetSpy::FacetSpy(const FacetRequest& req) : req_(req) {
    auto def = find_facet(req.field);
    slot_ = def ? def->slot : kNoSlot;
    prefix_len_ = def ? def->date_chars : 0;
}

FacetSpy::Entry& FacetSpy::entry(std::string_view raw) {
    auto it = by_raw_.find(raw);
    if (it != by_raw_.end()) return *it->second;
    Entry* e;
    if (prefix_len_) {
        // Dates: keys are prefixes of the date slot, which sort in time order.
        e = &counts_[std::string(raw)];
        e->shown = date_slot_display(raw);
    } else {
        e = &counts_[fold_for_match(raw)];
        if (e->shown.empty()) e->shown = std::string(raw);
    }
    by_raw_.emplace(std::string(raw), e);
    return *e;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    if (slot_ == kNoSlot) return;
    std::string v = doc.get_value(slot_);
    if (v.empty()) return;
    if (prefix_len_) {
        if (v.size() < prefix_len_) return;
        ++entry(std::string_view(v).substr(0, prefix_len_)).count;
        return;
    }
    // Multi-valued: count each distinct value once per article.
    seen_.clear();
    for (std::string_view value : split_list_value(v)) {
        Entry* e = &entry(value);
        if (std::find(seen_.begin(), seen_.end(), e) == seen_.end()) {
            seen_.push_back(e);
            ++e->count;
        }
    }
}

Facet FacetSpy::result() const {
    Facet f;
    f.field = req_.field;
    f.chronological = prefix_len_ != 0;
    for (const auto& [key, e] : counts_)
        if (e.count) f.values.push_back({e.shown, e.count});
    if (f.chronological) {
        // Keys are YYYY[MM[DD]] so the map is already in time order. A limit keeps
        // the most recent periods.
        if (req_.limit && f.values.size() > req_.limit)
            f.values.erase(f.values.begin(), f.values.end() - req_.limit);
        return f;
    }
    std::stable_sort(f.values.begin(), f.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    unsigned limit = req_.limit ? req_.limit : 10;
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
