#include "boilerplate_table.hpp"

#include "text.hpp"

namespace morgue {

BoilerplateTable::BoilerplateTable(std::string_view data) {
    for (auto line : split_lines(data)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        bool ends = line[0] == '!';
        if (ends) line.remove_prefix(1);
        patterns_.push_back({to_lower_ascii(line), ends});
    }
}

int BoilerplateTable::match(std::string_view line) const {
    std::string l = to_lower_ascii(normalize_space(line));
    for (const auto& p : patterns_)
        if (glob_match_ci(p.glob, l)) return p.ends_article ? 2 : 1;
    return 0;
}

bool glob_match_ci(std::string_view pat, std::string_view text) {
    // Iterative wildcard match with one backtrack point: linear enough for short lines.
    std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    while (t < text.size()) {
        if (p < pat.size() && pat[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pat.size() && lower(pat[p]) == lower(text[t])) {
            ++p, ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pat.size() && pat[p] == '*')
        ++p;
    return p == pat.size();
}

} // namespace morgue
