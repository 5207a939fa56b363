#include "summary.hpp"

#include <cstdio>

namespace morgue {

void Summary::count(Outcome o) {
    switch (o) {
    case Outcome::Indexed:
        ++indexed;
        break;
    case Outcome::Updated:
        ++updated;
        break;
    case Outcome::Unchanged:
        ++unchanged;
        break;
    case Outcome::Duplicate:
        ++duplicate;
        break;
    }
}

void Summary::count(Outcome o, bool duplicate, bool truncated_article) {
    if (duplicate) o = Outcome::Duplicate;
    count(o);
    if (truncated_article && (o == Outcome::Indexed || o == Outcome::Updated)) ++truncated;
}

std::uint64_t Summary::rejected_total() const {
    std::uint64_t n = 0;
    for (const auto& [k, v] : rejected)
        n += v;
    return n;
}

std::uint64_t Summary::skipped_total() const {
    std::uint64_t n = 0;
    for (const auto& [k, v] : skipped)
        n += v;
    return n;
}

std::string Summary::format() const {
    char buf[256];
    double rate = seconds > 0 ? static_cast<double>(articles()) / seconds : 0;
    std::snprintf(
        buf, sizeof buf,
        "indexed %llu, updated %llu, unchanged %llu, duplicate %llu, skipped %llu, "
        "rejected %llu in %.2f s (%.0f articles/s)",
        static_cast<unsigned long long>(indexed), static_cast<unsigned long long>(updated),
        static_cast<unsigned long long>(unchanged), static_cast<unsigned long long>(duplicate),
        static_cast<unsigned long long>(skipped_total()),
        static_cast<unsigned long long>(rejected_total()), seconds, rate);
    std::string out = buf;
    if (truncated > 0) {
        // "indexed 29 (1 truncated), updated 0, ..."
        std::string note = " (" + std::to_string(truncated) + " truncated)";
        out.insert(out.find(','), note);
    }
    for (const auto& [why, n] : skipped)
        out += "\n  skipped " + std::to_string(n) + ": " + why;
    for (const auto& [why, n] : rejected)
        out += "\n  rejected " + std::to_string(n) + ": " + why;
    return out;
}

} // namespace morgue
