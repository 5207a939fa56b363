#include "person_aliases.hpp"

#include "errors.hpp"
#include "schema_values.hpp"
#include "text.hpp"

#include <algorithm>
#include <vector>

namespace morgue {

namespace {

// A line's names after the directive: "A = B, C" -> left "A", right {"B", "C"}.
std::vector<std::string> names_of(std::string_view list) {
    std::vector<std::string> out;
    for (;;) {
        auto comma = list.find(',');
        std::string name = normalize_space(trim(list.substr(0, comma)));
        if (!name.empty()) out.push_back(name);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return out;
}

} // namespace

PersonAliases PersonAliases::parse(std::string_view text, const std::string& where) {
    PersonAliases t;
    std::unordered_map<std::string, std::string> shown; // folded spelling -> its line's name
    std::size_t n = 0;
    auto fail = [&](const std::string& why) -> Error {
        return Error(where + ":" + std::to_string(n) + ": " + why);
    };
    auto map = [&](const std::string& from, const std::string& to) {
        std::string key = fold_for_match(from);
        if (key == fold_for_match(to)) return; // a name merged with itself
        auto it = t.to_.find(key);
        if (it != t.to_.end() && fold_for_match(it->second) != fold_for_match(to))
            throw fail("'" + from + "' is already given to '" + it->second + "'");
        t.to_[key] = to;
    };
    for (std::string_view raw : split_lines(text)) {
        ++n;
        std::string line = repair_utf8(trim(raw));
        if (line.empty() || line[0] == '#') continue;
        auto colon = line.find(':');
        if (colon == std::string::npos)
            throw fail("expected 'merge: NAME = NAME, ...', 'rename: OLD = NEW' or 'split: NAME'");
        std::string verb = to_lower_ascii(trim(std::string_view(line).substr(0, colon)));
        std::string_view rest = std::string_view(line).substr(colon + 1);
        if (verb == "split") {
            auto names = names_of(rest);
            if (names.empty()) throw fail("split: names no one");
            for (const auto& s : names) {
                t.split_.insert(fold_for_match(s));
                t.text_ += "split: " + s + "\n";
            }
            continue;
        }
        if (verb != "merge" && verb != "rename")
            throw fail("'" + verb + "' is not merge, rename or split");
        auto eq = rest.find('=');
        if (eq == std::string_view::npos) throw fail(verb + ": no '=' on the line");
        auto left = names_of(rest.substr(0, eq));
        auto right = names_of(rest.substr(eq + 1));
        if (left.size() != 1) throw fail(verb + ": one name before '='");
        if (right.empty()) throw fail(verb + ": no name after '='");
        if (verb == "merge") {
            for (const auto& s : right)
                map(s, left.front());
            std::string line_out = "merge: " + left.front() + " =";
            for (std::size_t i = 0; i < right.size(); ++i)
                line_out += (i ? ", " : " ") + right[i];
            t.text_ += line_out + "\n";
        } else {
            if (right.size() != 1) throw fail("rename: one name after '='");
            map(left.front(), right.front());
            t.text_ += "rename: " + left.front() + " = " + right.front() + "\n";
        }
    }
    // Chains end: every name followed to its last step, a loop refused.
    for (const auto& [key, to] : t.to_) {
        std::string at = key;
        for (std::size_t steps = 0;; ++steps) {
            auto next = t.to_.find(at);
            if (next == t.to_.end()) break;
            if (steps > t.to_.size())
                throw Error(where + ": the merges and renames of '" + to + "' loop");
            at = fold_for_match(next->second);
        }
    }
    return t;
}

std::string PersonAliases::canonical(std::string_view name) const {
    if (to_.empty()) return {};
    std::string key = fold_for_match(name);
    const std::string* last = nullptr;
    for (std::size_t steps = 0; steps <= to_.size(); ++steps) { // parse() refused loops
        auto it = to_.find(key);
        if (it == to_.end()) break;
        last = &it->second;
        key = fold_for_match(it->second);
    }
    return last ? *last : std::string();
}

bool PersonAliases::is_split(std::string_view name) const {
    return !split_.empty() && split_.count(fold_for_match(name)) > 0;
}

void apply_index_people(Article& a, std::string_view people_slot) {
    auto names = split_list_value(people_slot);
    std::size_t named = 0;
    for (const auto& p : a.people)
        if (!p.name.empty()) ++named;
    if (named != names.size() || named == 0) return;
    // Most articles: every name as written (no folding, no copies).
    bool same = true;
    std::size_t k = 0;
    for (const auto& p : a.people)
        if (!p.name.empty() && p.name != names[k++]) {
            same = false;
            break;
        }
    if (same) return;
    std::vector<Person> out;
    std::vector<std::string> keys;
    std::size_t i = 0;
    for (auto& p : a.people) {
        if (p.name.empty()) {
            out.push_back(std::move(p));
            keys.emplace_back();
            continue;
        }
        std::string name(names[i++]);
        std::string key = fold_for_match(name);
        auto same = std::find(keys.begin(), keys.end(), key);
        if (same == keys.end()) {
            p.name = std::move(name);
            out.push_back(std::move(p));
            keys.push_back(std::move(key));
            continue;
        }
        Person& q = out[static_cast<std::size_t>(same - keys.begin())];
        q.mentions += p.mentions;
        for (auto& r : p.roles)
            if (std::find(q.roles.begin(), q.roles.end(), r) == q.roles.end())
                q.roles.push_back(std::move(r));
    }
    a.people = std::move(out);
}

} // namespace morgue
