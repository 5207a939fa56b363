#include "schema.hpp"

#include "hash.hpp"
#include "text.hpp"

#include <xapian.h>

#include <algorithm>
#include <cmath>

namespace morgue {

namespace fields {
static void add(FieldValues& out, const std::string& s) {
    if (!s.empty()) out.push_back({s, 1});
}
void id(const Article& a, FieldValues& out) {
    add(out, a.id);
}
void url(const Article& a, FieldValues& out) {
    add(out, a.url);
}
void source(const Article& a, FieldValues& out) {
    add(out, a.source);
}
void title(const Article& a, FieldValues& out) {
    add(out, a.title);
}
void subtitle(const Article& a, FieldValues& out) {
    add(out, a.subtitle);
}
void authors(const Article& a, FieldValues& out) {
    for (const auto& s : a.authors)
        add(out, s);
}
void people(const Article& a, FieldValues& out) {
    for (const auto& p : a.people)
        if (!p.name.empty())
            out.push_back({p.name, static_cast<unsigned>(std::max(1, p.mentions))});
}
void captions(const Article& a, FieldValues& out) {
    for (const auto& c : a.captions) {
        add(out, c.text);
        add(out, c.credit);
    }
}
void bullets(const Article& a, FieldValues& out) {
    for (const auto& b : a.bullets) {
        add(out, b.label);
        add(out, b.text);
    }
}
void tags(const Article& a, FieldValues& out) {
    for (const auto& s : a.tags)
        add(out, s);
}
void place(const Article& a, FieldValues& out) {
    add(out, a.dateline);
}
void section(const Article& a, FieldValues& out) {
    add(out, a.section);
}
void lang(const Article& a, FieldValues& out) {
    add(out, a.lang);
}
void date(const Article& a, FieldValues& out) {
    add(out, a.date);
}
void body(const Article& a, FieldValues& out) {
    add(out, a.body);
}
} // namespace fields

static std::string capped_term(std::string term) {
    if (term.size() > kMaxTermBytes) {
        // Keep a readable head and make the tail unique: Omega hashes long URLs alike.
        std::string tail = hex64(hash64(term));
        term.resize(kMaxTermBytes - tail.size() - 1);
        term += '#';
        term += tail;
    }
    return term;
}

std::string boolean_term(const Field& f, std::string_view value) {
    std::string term(f.prefix);
    // Ids and URLs are exact; names and tags fold case, accents and spacing.
    if (f.id == FieldId::Id || f.id == FieldId::Url)
        term += value;
    else
        term += fold_for_match(value);
    return capped_term(std::move(term));
}

std::string person_id_term(std::string_view name) {
    return capped_term(std::string(kPrefixPersonId) + fold_for_match(name));
}

double recency_slot_weight(std::int64_t days) {
    double e = static_cast<double>(days - kRecencyEpochDays) / kRecencyHalfLifeDays;
    return std::exp2(std::min(e, 1000.0));
}

double recency_query_scale(std::int64_t today_days) {
    double e = static_cast<double>(today_days - kRecencyEpochDays) / kRecencyHalfLifeDays;
    return kRecencyMaxBoost * std::exp2(-e);
}

std::string sort_key(std::string_view yyyymmdd, const std::int64_t* published) {
    if (yyyymmdd.size() != 8) return {};
    std::string key(yyyymmdd);
    if (published) key += Xapian::sortable_serialise(static_cast<double>(*published));
    return key;
}

std::vector<std::string_view> query_names(const Field& f) {
    std::vector<std::string_view> names{f.name};
    std::string_view rest = f.aliases;
    while (!rest.empty()) {
        auto sp = rest.find(' ');
        names.push_back(rest.substr(0, sp));
        if (sp == std::string_view::npos) break;
        rest.remove_prefix(sp + 1);
    }
    return names;
}

const Field* find_field(std::string_view name) {
    for (const auto& f : kFields)
        for (auto n : query_names(f))
            if (n == name) return &f;
    return nullptr;
}

bool is_query_operator(std::string_view w) {
    return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

} // namespace morgue

namespace morgue {

const Field& field_of_term(std::string_view term) {
    if (term.size() > 1 && term[0] == 'Z') term.remove_prefix(1); // stemmed form
    const Field* best = &field(FieldId::Body);
    std::size_t best_len = 0;
    for (const Field& f : kFields) {
        if (f.prefix.empty() || f.prefix.size() <= best_len) continue;
        // A prefix matches when the term starts with it and what follows is not another
        // capital (XP vs XPLACE): Xapian's convention for multi-letter prefixes.
        if (term.substr(0, f.prefix.size()) != f.prefix) continue;
        if (term.size() > f.prefix.size() && f.prefix.size() > 1) {
            char next = term[f.prefix.size()];
            if (next >= 'A' && next <= 'Z') continue;
        }
        best = &f;
        best_len = f.prefix.size();
    }
    if (best_len == 0 && !term.empty() &&
        (term[0] == kPrefixDay[0] || term[0] == kPrefixMonth[0] || term[0] == kPrefixYear[0]))
        return field(FieldId::Date);
    return *best;
}

} // namespace morgue
