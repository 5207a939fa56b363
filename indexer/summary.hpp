// The run's accounting: every record ends in exactly one of these outcomes.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace morgue {

enum class Outcome { Indexed, Updated, Unchanged, Duplicate };

struct Summary {
    std::uint64_t indexed = 0, updated = 0, unchanged = 0, duplicate = 0;
    std::uint64_t truncated = 0; // of the indexed and updated: articles from cut records
    std::map<std::string, std::uint64_t> skipped;  // by reason
    std::map<std::string, std::uint64_t> rejected; // by reason
    std::uint64_t bytes = 0;
    double seconds = 0;

    void count(Outcome o);
    // An article written to the index: o is the writer's outcome, unless the id was seen
    // before in this run (then it counts as a duplicate, whatever was written).
    void count(Outcome o, bool duplicate, bool truncated_article);
    std::uint64_t rejected_total() const;
    std::uint64_t skipped_total() const;
    std::uint64_t articles() const { return indexed + updated + unchanged + duplicate; }
    // "indexed 3 (1 truncated), updated 0, unchanged 1, duplicate 0, skipped 0, rejected 1 in 0.2 s
    // (20 articles/s)" followed by one line per skip and reject reason.
    std::string format() const;
};

} // namespace morgue
