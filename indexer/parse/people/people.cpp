#include "people.hpp"

#include "name_segments.hpp"
#include "people_tables.hpp"
#include "text.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace morgue {

namespace {

using names::Candidate;
using names::Cls;
using names::is_suffix;
using names::join;
using names::scan_text;
using names::Segment;
using names::strip_dots;
using names::whole_name;

// A person being assembled.
struct Entry {
    std::string name;
    std::size_t words = 0;
    std::vector<std::string> keys; // of the name's words
    int mentions = 0;
    int full_mentions = 0;
    bool author = false, photographer = false, mentioned = false;
    long merged_into = -1;  // "Forrest Jones" counted as "Michael Forrest Jones"
    int short_mentions = 0; // one-word mentions resolved to this person
    int numbered = 0;       // full mentions followed by a number ("Nova 7")
    bool cued = false;      // some mention had a title or a speech verb beside it
    std::size_t first = static_cast<std::size_t>(-1); // index of the first text mention
};

// "al-bashir" -> "bashir": a surname without its hyphenated particle.
std::string_view bare_surname(std::string_view k) {
    std::size_t h = k.find('-');
    if (h == std::string_view::npos) return k;
    if (!people_tables().particles.count(std::string(k.substr(0, h)))) return k;
    return k.substr(h + 1);
}

// The key words of a full name: the first and last name words (not particles or
// suffixes), used to merge "Mary Ruiz" with "Mary K. Ruiz".
struct NameShape {
    std::size_t first = 0, last = 0; // indices into keys
};

NameShape shape_of(const Segment& s) {
    NameShape sh;
    bool found = false;
    for (std::size_t i = 0; i < s.cls.size(); ++i) {
        if (s.cls[i] == Cls::Name || s.cls[i] == Cls::Initial) {
            if (!found) sh.first = i, found = true;
            sh.last = i;
        }
    }
    return sh;
}

class Registry {
  public:
    // Full names with the same first and last words are one person ("Mary Ruiz", "Mary
    // K. Ruiz"); a suffix keeps "Donald Trump Jr." apart from his father.
    static std::string group_of(const Segment& s) {
        NameShape sh = shape_of(s);
        std::string group = s.keys[sh.first] + '|' + s.keys[sh.last];
        if (s.cls.back() == Cls::Suffix) group += '|' + strip_dots(s.keys.back()); // Jr.
        return group;
    }

    // Adds a full-name mention; the longest form seen names the person.
    Entry& add_full(const Segment& s) {
        auto [it, fresh] = by_group_.try_emplace(group_of(s), entries_.size());
        if (fresh) entries_.emplace_back();
        Entry& e = entries_[it->second];
        std::string display = join(s.words, 0, s.words.size());
        if (s.words.size() > e.words) {
            e.name = display;
            e.words = s.words.size();
            e.keys = s.keys;
        }
        ++e.full_mentions;
        return e;
    }

    bool knows(const Segment& s) const { return by_group_.count(group_of(s)) > 0; }

    Entry& add_single(const std::string& display, const std::string& key) {
        auto [it, fresh] = by_group_.try_emplace("|" + key, entries_.size());
        if (fresh) {
            entries_.emplace_back();
            entries_.back().name = display;
            entries_.back().words = 1;
            entries_.back().keys = {key};
        }
        return entries_[it->second];
    }

    // Builds the look-ups one-word mentions use; call once all full names are in.
    void index_names() {
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const Entry& e = entries_[i];
            if (e.keys.size() < 2) continue;
            by_first_all_[e.keys.front()].push_back(i);
            if (e.merged_into >= 0) continue;
            by_last_[std::string(bare_surname(last_key(e)))].push_back(i);
            by_first_[e.keys.front()].push_back(i);
        }
    }

    // Index of the known person a one-word (or particle + word) mention stands for, or -1.
    // Surnames win over given names; among several, the most named.
    long resolve(const Segment& s, bool* by_surname = nullptr) const {
        NameShape sh = shape_of(s);
        const std::string& last = s.keys[sh.last];
        long best = -1;
        auto pick = [&](const std::unordered_map<std::string, std::vector<std::size_t>>& index,
                        const std::string& key) {
            auto it = index.find(key);
            if (it == index.end()) return;
            for (std::size_t i : it->second)
                if (best < 0 || entries_[i].full_mentions > entries_[best].full_mentions)
                    best = static_cast<long>(i);
        };
        pick(by_last_, std::string(bare_surname(last)));
        if (by_surname) *by_surname = best >= 0;
        if (best < 0) pick(by_first_, last);
        if (best < 0) {
            // "Sen. Whitby" twice: the single-word person made by the first.
            auto it = by_group_.find("|" + last);
            if (it != by_group_.end()) best = static_cast<long>(it->second);
        }
        return best;
    }

    // Longest known full name starting at keys[i]; returns its word count (0: none).
    std::size_t match_known(const std::vector<std::string>& keys, std::size_t i, long& who) const {
        std::size_t best = 0;
        auto it = by_first_all_.find(keys[i]);
        if (it == by_first_all_.end()) return 0;
        for (std::size_t k : it->second) {
            const Entry& e = entries_[k];
            if (e.full_mentions == 0 || e.keys.size() > keys.size() - i) continue;
            if (std::equal(e.keys.begin(), e.keys.end(), keys.begin() + static_cast<long>(i)) &&
                e.keys.size() > best) {
                best = e.keys.size();
                who = static_cast<long>(k);
            }
        }
        return best;
    }

    Entry& at(long i) {
        while (entries_[static_cast<std::size_t>(i)].merged_into >= 0)
            i = entries_[static_cast<std::size_t>(i)].merged_into;
        return entries_[static_cast<std::size_t>(i)];
    }

    // A full name that is the end of a longer one ("Forrest Jones", "Michael Forrest
    // Jones") is the same person, named by the longer; one that is its start ("Te
    // Kaurinui", "Te Kaurinui Parata") joins whichever form the article uses more.
    void merge_partial_names() {
        // Longer names sharing a first or last word with each name: the only candidates.
        std::unordered_map<std::string, std::vector<std::size_t>> by_first, by_last;
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            if (entries_[i].keys.size() < 3) continue;
            by_first[entries_[i].keys.front()].push_back(i);
            by_last[entries_[i].keys.back()].push_back(i);
        }
        for (std::size_t a = 0; a < entries_.size(); ++a) {
            Entry& A = entries_[a];
            if (A.keys.size() < 2 || A.merged_into >= 0) continue;
            long best = -1;
            bool suffix = false;
            for (const auto* index : {&by_last, &by_first}) {
                auto it = index->find(index == &by_last ? A.keys.back() : A.keys.front());
                if (it == index->end()) continue;
                for (std::size_t b : it->second) {
                    const Entry& B = entries_[b];
                    if (b == a || B.merged_into >= 0 || B.keys.size() <= A.keys.size()) continue;
                    bool suf = std::equal(A.keys.rbegin(), A.keys.rend(), B.keys.rbegin());
                    bool pre = std::equal(A.keys.begin(), A.keys.end(), B.keys.begin());
                    if (!suf && !pre) continue;
                    if (best < 0 || B.full_mentions > entries_[best].full_mentions) {
                        best = static_cast<long>(b);
                        suffix = suf;
                    }
                }
            }
            if (best < 0) continue;
            std::size_t from = a, to = static_cast<std::size_t>(best);
            if (!suffix && A.full_mentions > entries_[to].full_mentions) std::swap(from, to);
            Entry& F = entries_[from];
            Entry& T = entries_[to];
            T.mentions += F.mentions;
            T.full_mentions += F.full_mentions;
            T.author |= F.author;
            T.photographer |= F.photographer;
            T.mentioned |= F.mentioned;
            T.first = std::min(T.first, F.first);
            T.cued |= F.cued;
            T.short_mentions += F.short_mentions;
            T.numbered += F.numbered;
            F.mentions = 0;
            F.merged_into = static_cast<long>(to);
        }
    }

    std::vector<Entry>& entries() { return entries_; }

  private:
    static const std::string& last_key(const Entry& e) {
        for (std::size_t i = e.keys.size(); i-- > 0;)
            if (!is_suffix(e.keys[i])) return e.keys[i];
        return e.keys.back();
    }

    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::size_t> by_group_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_last_, by_first_, by_first_all_;
};

// Drops a leading "Photo:", "Photo by", "Credit:"; says whether it was "Courtesy".
std::string_view strip_credit_lead(std::string_view s, bool& courtesy) {
    static constexpr std::string_view leads[] = {
        "photographs by", "photograph by", "photographer:", "photograph:", "photos by",
        "photo by",       "photos:",       "photo:",        "images by",   "image by",
        "image:",         "picture by",    "pictures:",     "picture:",    "credits:",
        "credit:",        "courtesy of",   "courtesy:",     "courtesy",    "by"};
    s = trim(s);
    for (auto l : leads) {
        if (starts_with_ci(s, l) &&
            (s.size() == l.size() || l.back() == ':' || s[l.size()] == ' ')) {
            courtesy = l.substr(0, 8) == "courtesy";
            return trim(s.substr(l.size()));
        }
    }
    return s;
}

} // namespace

std::optional<std::string> as_person_name(std::string_view s) {
    auto seg = whole_name(s);
    if (!seg) return std::nullopt;
    return join(seg->words, 0, seg->words.size());
}

std::vector<std::string> credit_names(std::string_view credit) {
    std::vector<std::string> names;
    std::string s = normalize_space(credit);
    // Split on '/', ',', ';', '|' and the words "via", "for", "and", "&".
    std::vector<std::string> parts;
    std::string cur;
    auto push = [&] {
        parts.push_back(cur);
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c == '/' || c == ',' || c == ';' || c == '|' || c == '(' || c == ')') {
            push();
            ++i;
            continue;
        }
        bool split = false;
        for (std::string_view w : {" via ", " for ", " and ", " & "}) {
            if (s.compare(i, w.size(), w) == 0) {
                push();
                i += w.size();
                split = true;
                break;
            }
        }
        if (!split) cur += s[i++];
    }
    push();
    for (auto& p : parts) {
        bool courtesy = false;
        std::string_view part = strip_credit_lead(p, courtesy);
        if (auto n = as_person_name(part)) names.push_back(*n);
    }
    return names;
}

std::vector<Person> find_people(const Article& a) {
    const PeopleTables& tab = people_tables();
    Registry reg;
    for (const auto& author : a.authors) {
        if (auto seg = whole_name(author)) {
            Entry& e = reg.add_full(*seg);
            e.author = true;
            ++e.mentions;
        }
    }
    for (const auto& c : a.captions) {
        if (c.credit.empty()) continue;
        // A credit such as "Courtesy of Ana Ruiz" names a provider, not a photographer.
        bool courtesy = to_lower_ascii(c.credit).find("courtesy") != std::string::npos;
        for (const auto& n : credit_names(c.credit)) {
            auto seg = whole_name(n);
            if (!seg) continue;
            Entry& e = reg.add_full(*seg);
            (courtesy ? e.mentioned : e.photographer) = true;
            ++e.mentions;
        }
    }

    std::vector<Candidate> cands;
    scan_text(a.title, cands);
    scan_text(a.subtitle, cands);
    for (const auto& c : a.captions)
        scan_text(c.text, cands);
    std::string_view body = a.body;
    while (!body.empty()) {
        std::size_t cut = body.find("\n\n");
        std::string_view para = trim(body.substr(0, cut));
        // A photo credit left in the text: "Photo by James Martin/CNET".
        bool courtesy = false;
        if (para.size() < 120 && strip_credit_lead(para, courtesy).size() < para.size() &&
            !courtesy && !starts_with_ci(para, "by ")) {
            for (const auto& n : credit_names(para)) {
                if (auto seg = whole_name(n)) {
                    Entry& e = reg.add_full(*seg);
                    e.photographer = true;
                    ++e.mentions;
                }
            }
        }
        scan_text(body.substr(0, cut), cands);
        if (cut == std::string_view::npos) break;
        body.remove_prefix(cut + 2);
    }
    for (const auto& b : a.bullets) {
        scan_text(b.label, cands);
        scan_text(b.text, cands);
    }

    // Full names first, so that one-word mentions anywhere (earlier or later) resolve.
    const std::size_t max_names = 5;
    // Organisations and places named in full ("Cascade Health Partners"): a shorter
    // form of one elsewhere ("Cascade Health spokesperson") is not a person either.
    std::unordered_set<std::string> org_prefixes;
    for (const auto& c : cands) {
        if (!c.seg.killed || c.seg.keys.size() < 3) continue;
        std::string p = c.seg.keys[0];
        for (std::size_t i = 1; i + 1 < c.seg.keys.size(); ++i)
            org_prefixes.insert(p += ' ' + c.seg.keys[i]);
    }
    auto short_org = [&](const Segment& s) {
        if (org_prefixes.empty()) return false;
        return org_prefixes.count(join(s.keys, 0, s.keys.size())) > 0;
    };
    auto full = [&](const Candidate& c) {
        const Segment& s = c.seg;
        if (c.known_only || s.killed || s.names < 2 || s.names > max_names) return false;
        if (short_org(s)) return false;
        if (s.cls.back() == Cls::Initial) return false; // "Ana B." ends a sentence
        // "Van der Berg" alone is a surname; "Abu Bakr al-Baghdadi" is a full name.
        // A lower-case opener is a preposition ("de Jérémy Piette", "da Copa Libertadores").
        if (s.cls.front() == Cls::Particle &&
            (s.names < 2 || !(s.words.front()[0] >= 'A' && s.words.front()[0] <= 'Z')))
            return false;
        return true;
    };
    // "Rookie Malik Okafor-Banks" opening a sentence, with "Malik Okafor-Banks" named
    // elsewhere: the first word is not part of the name. Those wait for the rest.
    auto doubtful = [](const Segment& s) {
        return s.sentence_start && s.names >= 3 && s.cls.front() == Cls::Name;
    };
    // "Evacuee Harold Benally": an opening word that is not a given name, before one that
    // is, is a role.
    // "Keeper Orville Tanaka-Price" ... "Tanaka-Price said": the same, when the article
    // uses the surname alone and the opening word is not a given name.
    // An opening word seen elsewhere in a name ("Te Kaurinui") is part of the name.
    std::unordered_set<std::string> lone, in_names;
    for (const auto& c : cands) {
        if (c.known_only || c.seg.killed) continue;
        if (c.seg.keys.size() == 1) lone.insert(c.seg.keys[0]);
        if (!doubtful(c.seg)) in_names.insert(c.seg.keys.begin(), c.seg.keys.end());
    }
    auto role_opener = [&](const Segment& s) {
        if (tab.given_names.count(s.keys[0]) || in_names.count(s.keys[0])) return false;
        return tab.given_names.count(s.keys[1]) > 0 || lone.count(s.keys.back()) > 0;
    };
    // A mention in text: counted, and the person's place in the output is their first one.
    auto mention = [](Entry& e, std::size_t order, const Segment* s = nullptr,
                      bool by_surname = false) {
        e.mentioned = true;
        ++e.mentions;
        e.first = std::min(e.first, order);
        if (s) e.cued |= s->cue || s->person_cue;
        if (s && s->names >= 2 && s->numbered) ++e.numbered;
        if (by_surname) ++e.short_mentions;
    };
    for (std::size_t k = 0; k < cands.size(); ++k) {
        if (full(cands[k]) && !doubtful(cands[k].seg))
            mention(reg.add_full(cands[k].seg), k, &cands[k].seg);
    }
    for (std::size_t k = 0; k < cands.size(); ++k) {
        const Candidate& c = cands[k];
        if (!full(c) || !doubtful(c.seg)) continue;
        Segment tail = c.seg;
        tail.words.erase(tail.words.begin());
        tail.keys.erase(tail.keys.begin());
        tail.cls.erase(tail.cls.begin());
        --tail.names;
        mention(reg.add_full(reg.knows(tail) || role_opener(c.seg) ? tail : c.seg), k, &c.seg);
    }
    // A headline in Title Case names someone the text only calls by surname ("Ruiz
    // Wins Seat" ... "Ana Ruiz Wins" / "Ruiz said"): the headline's full name counts.
    std::unordered_set<std::string> known_last, lone_words;
    for (const auto& e : reg.entries())
        if (e.keys.size() >= 2) known_last.insert(e.keys.back());
    for (const auto& c : cands) // "Ruiz said", "Sen. Ruiz": a surname used for a person
        if (!c.known_only && !c.seg.killed && c.seg.keys.size() == 1 &&
            (c.seg.cue || c.seg.person_cue))
            lone_words.insert(c.seg.keys[0]);
    for (const auto& c : cands) {
        const Segment& s = c.seg;
        if (!c.known_only || s.killed || s.names < 2 || s.names > 3 || s.names != s.keys.size())
            continue;
        if (s.cls.back() != Cls::Name || short_org(s)) continue;
        if (lone_words.count(s.keys.back()) && !known_last.count(s.keys.back())) {
            reg.add_full(s);
            known_last.insert(s.keys.back());
        }
    }
    reg.merge_partial_names();
    reg.index_names();
    std::unordered_set<std::string> surnames_used; // "Parata" alone: both Paratas are people

    auto resolve_single = [&](const Segment& s, std::size_t order) {
        bool by_surname = false;
        long who = reg.resolve(s, &by_surname);
        if (who < 0 && s.cue && !s.single_place && !tab.is_title(s.keys.back()) &&
            !tab.markers.count(s.keys.back())) {
            NameShape sh = shape_of(s);
            std::string display = join(s.words, 0, s.words.size());
            if (!s.regnal.empty()) display = s.regnal + " " + display;
            mention(reg.add_single(display, s.keys[sh.last]), order, &s);
            return;
        }
        if (who >= 0) mention(reg.at(who), order, &s, by_surname);
        if (who >= 0 && by_surname) surnames_used.insert(s.keys.back());
    };
    for (std::size_t k = 0; k < cands.size(); ++k) {
        const Segment& s = cands[k].seg;
        const Candidate& c = cands[k];
        if (c.known_only) {
            // Title Case: confirm known full names and resolvable single words.
            for (std::size_t i = 0; i < s.keys.size();) {
                long who = -1;
                if (std::size_t n = reg.match_known(s.keys, i, who)) {
                    mention(reg.at(who), k);
                    i += n;
                    continue;
                }
                if (s.cls[i] == Cls::Name) {
                    Segment one;
                    one.words = {s.words[i]};
                    one.keys = {s.keys[i]};
                    one.cls = {Cls::Name};
                    one.names = 1;
                    one.cue = false; // "Mayor Concedes": a headline title cues nothing
                    one.single_place = i == 0 && s.single_place;
                    if (!s.killed || reg.resolve(one) >= 0) resolve_single(one, k);
                }
                ++i;
            }
            continue;
        }
        if (s.killed || s.names != 1) continue;
        if (s.cls.back() != Cls::Name && s.cls.back() != Cls::Suffix) continue; // "J."
        resolve_single(s, k);
    }

    // Authors, then photographers, then everyone else by first mention.
    std::vector<const Entry*> order;
    for (const auto& e : reg.entries()) {
        if (e.mentions == 0 || e.merged_into >= 0) continue;
        // Named in full three times or more, never shortened, never said to speak or
        // hold a title: a product, work or event ("Raspberry Pi", "Stack Overflow").
        bool vouched = e.author || e.photographer || e.cued || e.short_mentions > 0 ||
                       surnames_used.count(e.keys.back()) ||
                       (e.keys.size() >= 2 && tab.given_names.count(e.keys.front()));
        if (!vouched && e.full_mentions >= 3) continue;
        // "Verity Nova 7", "Planet Earth II": a model or edition number after every full
        // mention makes it a product.
        if (!vouched && e.numbered > 0 && e.numbered == e.full_mentions) continue;
        order.push_back(&e);
    }
    auto rank = [](const Entry* e) { return e->author ? 0 : e->photographer ? 1 : 2; };
    std::stable_sort(order.begin(), order.end(), [&](const Entry* x, const Entry* y) {
        if (rank(x) != rank(y)) return rank(x) < rank(y);
        return rank(x) == 2 && x->first < y->first;
    });
    std::vector<Person> people;
    for (const Entry* ep : order) {
        const Entry& e = *ep;
        Person p;
        p.name = e.name;
        p.mentions = e.mentions;
        if (e.author) p.roles.push_back("author");
        if (e.photographer) p.roles.push_back("photographer");
        if (e.mentioned) p.roles.push_back("mentioned");
        people.push_back(std::move(p));
    }
    return people;
}

} // namespace morgue
