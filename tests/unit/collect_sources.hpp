// Test helper: runs the sources on inputs and collects every event they report.
#pragma once

#include "sources/sources.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace morgue::test {

struct Collected {
    std::vector<Record> records;
    std::vector<std::pair<Record, std::string>> rejected; // where, why
    std::map<std::string, int> skipped;                   // reason -> count
    std::vector<std::string> unchanged;                   // origins
    std::uint64_t bytes = 0;

    int skipped_total() const {
        int n = 0;
        for (const auto& [k, v] : skipped)
            n += v;
        return n;
    }
};

inline Collected collect(const std::vector<std::string>& inputs, SourceOptions opts = {}) {
    Collected c;
    SourceEvents ev;
    ev.record = [&](Record&& r) { c.records.push_back(std::move(r)); };
    ev.rejected = [&](const Record& where, const std::string& why) {
        c.rejected.emplace_back(where, why);
    };
    ev.skipped = [&](const std::string& why) { ++c.skipped[why]; };
    ev.unchanged = [&](const std::string& origin) { c.unchanged.push_back(origin); };
    ev.progress = [&](std::uint64_t n) { c.bytes += n; };
    read_inputs(inputs, opts, ev);
    return c;
}

inline std::string fixture(const std::string& rel) {
    return std::string(MORGUE_FIXTURES) + "/" + rel;
}

} // namespace morgue::test
