#include "schema_values.hpp"

#include <cstdio>

namespace morgue {

std::string date_slot_value(Ymd d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year, d.month, d.day);
    return buf;
}

static bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

static int digits_value(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

std::optional<Ymd> date_slot_ymd(std::string_view v) {
    if (v.size() != kDateSlotDay || !all_digits(v)) return std::nullopt;
    int y = digits_value(v.substr(0, 4));
    auto m = static_cast<unsigned>(digits_value(v.substr(4, 2)));
    auto d = static_cast<unsigned>(digits_value(v.substr(6, 2)));
    if (!valid_ymd(y, m, d)) return std::nullopt;
    return Ymd{y, m, d};
}

std::string date_slot_display(std::string_view v) {
    if (!all_digits(v) ||
        (v.size() != kDateSlotYear && v.size() != kDateSlotMonth && v.size() != kDateSlotDay))
        return std::string(v);
    std::string out(v.substr(0, 4));
    if (v.size() >= kDateSlotMonth) out += "-" + std::string(v.substr(4, 2));
    if (v.size() >= kDateSlotDay) out += "-" + std::string(v.substr(6, 2));
    return out;
}

std::string day_term(Ymd d) {
    return std::string(kPrefixDay) + date_slot_value(d);
}
std::string month_term(int year, unsigned month) {
    return std::string(kPrefixMonth) + date_slot_value({year, month, 1}).substr(0, kDateSlotMonth);
}
std::string year_term(int year) {
    return std::string(kPrefixYear) + date_slot_value({year, 1, 1}).substr(0, kDateSlotYear);
}
std::string no_date_term() {
    return std::string(kPrefixDay) + "none";
}

std::string join_list_value(const FieldValues& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += kListSeparator;
        out += v.text;
    }
    return out;
}

std::string join_list_value(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += kListSeparator;
        out += v;
    }
    return out;
}

std::vector<std::string_view> split_list_value(std::string_view v) {
    std::vector<std::string_view> out;
    for (;;) {
        auto end = v.find(kListSeparator);
        if (!v.substr(0, end).empty()) out.push_back(v.substr(0, end));
        if (end == std::string_view::npos) break;
        v.remove_prefix(end + 1);
    }
    return out;
}

namespace {
struct Period {
    std::string_view name;
    std::size_t chars;
};
constexpr Period kPeriods[] = {
    {"year", kDateSlotYear}, {"month", kDateSlotMonth}, {"day", kDateSlotDay}};
} // namespace

std::optional<FacetDef> find_facet(std::string_view name) {
    for (const auto& p : kPeriods)
        if (p.name == name) return FacetDef{p.name, kSlotDate, p.chars};
    const Field* f = find_field(name);
    if (!f || f->facet_slot == kNoSlot || f->kind == FieldKind::Date) return std::nullopt;
    return FacetDef{f->name, f->facet_slot, 0};
}

std::string facet_names() {
    std::string out;
    for (const Field& f : kFields) {
        if (f.facet_slot == kNoSlot || f.kind == FieldKind::Date) continue;
        out += (out.empty() ? "" : ", ") + std::string(f.name);
    }
    for (const auto& p : kPeriods)
        out += ", " + std::string(p.name);
    return out;
}

std::string describe_term(std::string_view term) {
    if (term.substr(0, kPrefixPersonId.size()) == kPrefixPersonId) // the archive's name
        return "person=" + std::string(term.substr(kPrefixPersonId.size()));
    const Field& f = field_of_term(term);
    bool stemmed = term.size() > 1 && term[0] == 'Z';
    if (stemmed) term.remove_prefix(1);
    if (f.kind == FieldKind::Date && !term.empty())
        return std::string(f.name) + ":" + date_slot_display(term.substr(1));
    if (!f.prefix.empty() && term.substr(0, f.prefix.size()) == f.prefix)
        term.remove_prefix(f.prefix.size());
    // Unprefixed terms come from every text field: call them "text".
    std::string name = f.prefix.empty() ? "text" : std::string(f.name);
    return name + ":" + std::string(term) + (stemmed ? "*" : "");
}

} // namespace morgue
