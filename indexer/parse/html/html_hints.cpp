#include "html_hints.hpp"

#include "errors.hpp"
#include "record/data.hpp"
#include "text.hpp"

#include <array>
#include <string>
#include <vector>

namespace morgue {

namespace {

using Lists = std::array<std::vector<std::string>, 10>;

Lists load() {
    Lists lists;
    int current = -1;
    static constexpr std::string_view names[] = {
        "[unlikely]", "[small]",      "[keep]",    "[positive]", "[negative]",
        "[byline]",   "[not-byline]", "[caption]", "[credit]",   "[dek]"};
    for (auto line : split_lines(data::html_hints)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        if (line[0] == '[') {
            current = -1;
            for (int i = 0; i < 10; ++i)
                if (line == names[i]) current = i;
            if (current < 0) throw Error("html_hints.txt: unknown section " + std::string(line));
            continue;
        }
        if (current >= 0) lists[static_cast<std::size_t>(current)].push_back(to_lower_ascii(line));
    }
    return lists;
}

} // namespace

bool has_hint(Hint h, std::string_view class_id) {
    static const Lists lists = load();
    if (class_id.empty()) return false;
    for (const auto& w : lists[static_cast<std::size_t>(h)])
        if (class_id.find(w) != std::string_view::npos) return true;
    return false;
}

} // namespace morgue
