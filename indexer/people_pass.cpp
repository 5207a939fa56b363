#include "people_pass.hpp"

#include "dates.hpp"
#include "errors.hpp"
#include "index_writer.hpp"
#include "schema.hpp"
#include "schema_values.hpp"
#include "text.hpp"

#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace morgue {

namespace {

std::vector<std::string> words_of(const std::string& folded) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : folded) {
        if (c == ' ') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

bool is_suffix(const std::string& w) {
    return w == "jr" || w == "jr." || w == "sr" || w == "sr." || w == "ii" || w == "iii" ||
           w == "iv";
}

// The words a one-word name can stand for in a full name: its first and its last
// (suffixes such as Jr. skipped).
std::vector<std::string> handles(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    if (words.size() < 2) return out;
    out.push_back(words.front());
    std::size_t last = words.size() - 1;
    while (last > 1 && is_suffix(words[last]))
        --last;
    if (words[last] != words.front()) out.push_back(words[last]);
    return out;
}

constexpr std::int64_t kUndated = std::numeric_limits<std::int64_t>::min();

struct Mention {
    std::int64_t day;      // kUndated for an undated article
    std::uint32_t article; // index into the articles
    std::uint32_t name;    // index into the full names
};

} // namespace

std::vector<std::vector<std::string>> resolve_people(const std::vector<ArticlePeople>& articles,
                                                     const PersonAliases& aliases,
                                                     const ResolveRule& rule) {
    // Each person's name after the alias table.
    std::vector<std::vector<std::string>> out(articles.size());
    std::vector<std::vector<bool>> explicit_(articles.size());
    for (std::size_t a = 0; a < articles.size(); ++a) {
        for (const auto& w : articles[a].written) {
            std::string c = aliases.canonical(w);
            explicit_[a].push_back(!c.empty());
            out[a].push_back(c.empty() ? w : c);
        }
    }
    // Full names (two words or more), by source and handle word.
    std::vector<std::string> full;                      // folded
    std::unordered_map<std::string, std::uint32_t> ids; // folded -> index
    std::vector<std::map<std::string, std::uint32_t>> spellings;
    std::unordered_map<std::string, std::vector<Mention>> by_handle; // source \x1f word
    std::vector<std::vector<std::uint32_t>> own(articles.size());    // each article's full names
    for (std::size_t a = 0; a < articles.size(); ++a) {
        for (const auto& name : out[a]) {
            std::string key = fold_for_match(name);
            auto words = words_of(key);
            if (words.size() < 2 || aliases.is_split(key)) continue;
            auto [it, added] = ids.emplace(key, static_cast<std::uint32_t>(full.size()));
            if (added) {
                full.push_back(key);
                spellings.emplace_back();
            }
            ++spellings[it->second][name];
            if (std::find(own[a].begin(), own[a].end(), it->second) != own[a].end()) continue;
            own[a].push_back(it->second);
            std::int64_t day = articles[a].day.value_or(kUndated);
            for (const auto& h : handles(words))
                by_handle[articles[a].source + '\x1f' + h].push_back(
                    {day, static_cast<std::uint32_t>(a), it->second});
        }
    }
    for (auto& [key, list] : by_handle)
        std::sort(list.begin(), list.end(),
                  [](const Mention& x, const Mention& y) { return x.day < y.day; });
    // How each full name is shown: its most used spelling, the first in byte order on a tie.
    auto shown = [&](std::uint32_t id) {
        const auto& s = spellings[id];
        auto best = s.begin();
        for (auto it = s.begin(); it != s.end(); ++it)
            if (it->second > best->second) best = it;
        std::string name = best->first;
        std::string c = aliases.canonical(name);
        return c.empty() ? name : c;
    };
    // Each article's people, folded, before any is resolved: the co-mentions.
    std::vector<std::vector<std::string>> keys(articles.size());
    for (std::size_t a = 0; a < articles.size(); ++a)
        for (const auto& name : out[a])
            keys[a].push_back(fold_for_match(name));
    std::unordered_map<std::uint32_t, std::uint32_t> count, along;
    for (std::size_t a = 0; a < articles.size(); ++a) {
        for (std::size_t i = 0; i < out[a].size(); ++i) {
            if (explicit_[a][i]) continue; // the user's table said who this is
            std::string key = fold_for_match(out[a][i]);
            auto words = words_of(key);
            if (words.size() != 1 || aliases.is_split(key)) continue;
            const std::string& word = words.front();
            // The article's own full names first: "Reagan" beside "Nancy Reagan" is hers.
            std::vector<std::uint32_t> mine;
            for (std::uint32_t id : own[a]) {
                auto h = handles(words_of(full[id]));
                if (std::find(h.begin(), h.end(), word) != h.end()) mine.push_back(id);
            }
            if (mine.size() == 1) {
                out[a][i] = shown(mine.front());
                continue;
            }
            if (mine.size() > 1) continue; // two of them in the article itself
            auto list = by_handle.find(articles[a].source + '\x1f' + word);
            if (list == by_handle.end()) continue;
            const auto& ms = list->second;
            auto lo = ms.begin(), hi = ms.end();
            if (articles[a].day) {
                std::int64_t d = *articles[a].day;
                auto by_day = [](const Mention& m, std::int64_t v) { return m.day < v; };
                lo = std::lower_bound(ms.begin(), ms.end(), d - rule.window_days, by_day);
                hi = std::lower_bound(ms.begin(), ms.end(), d + rule.window_days + 1, by_day);
            }
            count.clear();
            for (auto m = lo; m != hi; ++m)
                ++count[m->name]; // one mention per article and name
            std::uint32_t top = 0, first = 0, second = 0;
            for (const auto& [id, n] : count) {
                if (n > first || (n == first && full[id] < full[top])) {
                    if (n > first)
                        second = first;
                    else
                        second = std::max(second, n);
                    first = n;
                    top = id;
                } else {
                    second = std::max(second, n);
                }
            }
            if (first == 0) continue;
            if (second == 0 || static_cast<double>(first) >= rule.dominance * second) {
                out[a][i] = shown(top);
                continue;
            }
            // Still ambiguous: the one candidate whose articles name someone else this
            // article names ("Baker" beside "George Shultz", who appears with James Baker
            // and never with Howard Baker), when exactly one has such company.
            along.clear();
            for (auto m = lo; m != hi; ++m) {
                const auto& theirs = keys[m->article];
                for (std::size_t j = 0; j < keys[a].size(); ++j) {
                    if (j == i || words_of(keys[a][j]).size() < 2) continue;
                    if (std::find(theirs.begin(), theirs.end(), keys[a][j]) != theirs.end()) {
                        ++along[m->name];
                        break;
                    }
                }
            }
            if (along.size() == 1) out[a][i] = shown(along.begin()->first);
        }
    }
    return out;
}

namespace {

bool same_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return a == b;
}

std::set<std::string> id_terms(const std::vector<std::string>& written,
                               const std::vector<std::string>& names) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < names.size() && i < written.size(); ++i)
        if (fold_for_match(names[i]) != fold_for_match(written[i]))
            out.insert(person_id_term(names[i]));
    return out;
}

} // namespace

PeoplePassSummary run_people_pass(const std::string& path, const PersonAliases* table,
                                  double lock_timeout, const ResolveRule& rule) {
    IndexWriter writer(path, lock_timeout, false, /*create=*/false);
    Xapian::WritableDatabase& db = writer.db();
    PeoplePassSummary sum;
    try {
        PersonAliases stored;
        if (table)
            db.set_metadata(kPeopleAliasesKey, table->text());
        else
            stored = PersonAliases::parse(db.get_metadata(kPeopleAliasesKey),
                                          path + " (its stored alias table)");
        const PersonAliases& aliases = table ? *table : stored;
        // Every article with people: the names as written (kSlotPeopleWritten when an
        // earlier pass renamed them), its source and day. Value streams, in docid order.
        std::vector<Xapian::docid> docs;
        std::vector<ArticlePeople> articles;
        std::vector<std::string> current; // kSlotPeople as stored
        std::vector<bool> renamed;        // has kSlotPeopleWritten
        Xapian::ValueIterator written = db.valuestream_begin(kSlotPeopleWritten);
        Xapian::ValueIterator source = db.valuestream_begin(kSlotSource);
        Xapian::ValueIterator date = db.valuestream_begin(kSlotDate);
        auto at = [&](Xapian::ValueIterator& it, unsigned slot, Xapian::docid d) -> std::string {
            if (it == db.valuestream_end(slot)) return {};
            if (it.get_docid() < d) it.skip_to(d);
            if (it == db.valuestream_end(slot)) return {};
            return it.get_docid() == d ? *it : std::string();
        };
        for (auto it = db.valuestream_begin(kSlotPeople); it != db.valuestream_end(kSlotPeople);
             ++it) {
            Xapian::docid d = it.get_docid();
            ArticlePeople a;
            std::string w = at(written, kSlotPeopleWritten, d);
            renamed.push_back(!w.empty());
            std::string names = w.empty() ? *it : w;
            for (auto n : split_list_value(names))
                a.written.emplace_back(n);
            a.source = at(source, kSlotSource, d);
            if (auto ymd = date_slot_ymd(at(date, kSlotDate, d))) a.day = days_from_civil(*ymd);
            docs.push_back(d);
            current.push_back(*it);
            articles.push_back(std::move(a));
        }
        auto names = resolve_people(articles, aliases, rule);
        sum.articles = docs.size();
        std::uint64_t pending = 0;
        for (std::size_t k = 0; k < docs.size(); ++k) {
            bool differs = !same_names(names[k], articles[k].written);
            if (differs) ++sum.renamed;
            if (!differs && !renamed[k]) continue; // as written, and left so
            std::string value = join_list_value(names[k]);
            std::string written_value = join_list_value(articles[k].written);
            auto want = differs ? id_terms(articles[k].written, names[k]) : std::set<std::string>{};
            Xapian::Document doc = db.get_document(docs[k]);
            std::set<std::string> have;
            std::string prefix(kPrefixPersonId);
            auto t = doc.termlist_begin();
            for (t.skip_to(prefix); t != doc.termlist_end(); ++t) {
                if ((*t).compare(0, prefix.size(), prefix) != 0) break;
                have.insert(*t);
            }
            if (current[k] == value && have == want && renamed[k] == differs &&
                (!differs || doc.get_value(kSlotPeopleWritten) == written_value))
                continue;
            for (const auto& t : have)
                if (!want.count(t)) doc.remove_term(t);
            for (const auto& t : want)
                if (!have.count(t)) doc.add_boolean_term(t);
            doc.add_value(kSlotPeople, value);
            if (differs)
                doc.add_value(kSlotPeopleWritten, written_value);
            else
                doc.remove_value(kSlotPeopleWritten);
            db.replace_document(docs[k], doc);
            ++sum.rewritten;
            if (++pending >= 10000) {
                writer.commit();
                pending = 0;
            }
        }
        db.set_metadata(kPeopleResolvedKey, std::to_string(sum.renamed));
        writer.commit();
    } catch (const Xapian::Error& e) {
        throw Error(describe_xapian_error(path, e));
    }
    return sum;
}

int people_command(const std::string& db, const std::optional<std::string>& aliases_file,
                   double lock_timeout, bool quiet) {
    std::optional<PersonAliases> table;
    if (aliases_file) {
        std::string text;
        if (*aliases_file == "-") {
            text.assign(std::istreambuf_iterator<char>(std::cin), {});
        } else {
            std::ifstream in(*aliases_file, std::ios::binary);
            if (!in) throw Error(*aliases_file + ": cannot read the alias table");
            text.assign(std::istreambuf_iterator<char>(in), {});
        }
        table = PersonAliases::parse(text, *aliases_file);
    }
    PeoplePassSummary s = run_people_pass(db, table ? &*table : nullptr, lock_timeout);
    if (!quiet) {
        if (table)
            std::cerr << "morgue-index: alias table stored: " << table->merges()
                      << " names merged or renamed, " << table->splits() << " split\n";
        std::cerr << "morgue-index: people: " << s.articles << " articles with people, "
                  << s.renamed << " with a person named otherwise than written, " << s.rewritten
                  << " rewritten\n";
    }
    return 0;
}

} // namespace morgue
