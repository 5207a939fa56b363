#include "people.hpp"

#include "han_names.hpp"

#include "name_segments.hpp"
#include "passes.hpp"
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
    long merged_into = -1;          // "Forrest Jones" counted as "Michael Forrest Jones"
    int short_mentions = 0;         // one-word mentions resolved to this person
    int numbered = 0;               // full mentions followed by a number ("Nova 7")
    bool cued = false;              // some mention had a title or a speech verb beside it
    int wordy = 0;                  // full mentions made of ordinary words ("Tarot Cards")
    bool titled = false;            // some mention had a title before it ("Sen. Ana Ruiz")
    std::vector<std::string> roles; // "forward", "general": the role written before the name
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
            T.titled |= F.titled;
            for (auto& r : F.roles)
                if (std::find(T.roles.begin(), T.roles.end(), r) == T.roles.end())
                    T.roles.push_back(r);
            T.short_mentions += F.short_mentions;
            T.numbered += F.numbered;
            T.wordy += F.wordy;
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

namespace {

// Lines of a list or table of names (standings, casts, line-ups): three or more short
// lines in a row, blank lines between them allowed, none a sentence (no full stop at
// the end past a leading "1."), each mostly capitalised words. The list itself is the cue
// that the names in it are people, where a line alone would read as a heading.
std::vector<std::string_view> list_lines(std::string_view body, std::vector<bool>& in_list) {
    std::vector<std::string_view> lines = split_lines(body);
    in_list.assign(lines.size(), false);
    auto row = [](std::string_view l) {
        l = trim(l);
        if (l.empty() || l.size() > 90) return false;
        std::size_t words = 1, caps = 0;
        for (std::size_t i = 0; i < l.size(); ++i) {
            if (l[i] == ' ') ++words;
            if ((i == 0 || l[i - 1] == ' ') && l[i] >= 'A' && l[i] <= 'Z') ++caps;
        }
        char last = l.back();
        // Mostly capitalised words: a wrapped line of prose ("the Senate voted to ignore
        // Reagan") is no row.
        return words <= 10 && caps >= 2 && 2 * caps >= words && last != '.' && last != '?' &&
               last != '!' && last != ':' && last != ',';
    };
    std::size_t run_start = 0, rows = 0;
    for (std::size_t i = 0; i <= lines.size(); ++i) {
        bool blank = i < lines.size() && trim(lines[i]).empty();
        if (blank) continue;
        if (i < lines.size() && row(lines[i])) {
            if (rows == 0) run_start = i;
            ++rows;
            continue;
        }
        if (rows >= 3)
            for (std::size_t k = run_start; k < i; ++k)
                in_list[k] = !trim(lines[k]).empty();
        rows = 0;
    }
    return lines;
}

// The recogniser's passes over one article, in the order find_people runs them:
//   1. credits     bylines and photo credits: people by the page's own markup;
//   2. candidates  name-shaped segments of the title, captions, body and bullets;
//   3. full names  candidates of two or more name words that pass the filters;
//   4. headlines   Title Case lines confirm names the text uses by surname only;
//   5. coreference one-word mentions resolved to the full names (or made people by a
//                  title or a speech verb);
//   6. counting    filters over whole entries (products, works), then the people ranked.
class Recogniser {
  public:
    explicit Recogniser(const Article& a) : a_(a), tab_(people_tables()) {}

    std::vector<Person> run() {
        add_credits();
        gather_candidates();
        add_full_names();
        confirm_headline_names();
        reg_.merge_partial_names();
        reg_.index_names();
        resolve_short_mentions();
        return count_and_rank();
    }

    // Pass 2 alone, for tests.
    std::vector<Candidate> candidates() {
        gather_candidates();
        return cands_;
    }

  private:
    // Pass 1: authors from the byline, photographers from credits.
    void add_credits() {
        for (const auto& author : a_.authors) {
            if (auto seg = whole_name(author)) {
                Entry& e = reg_.add_full(*seg);
                e.author = true;
                ++e.mentions;
            }
        }
        for (const auto& c : a_.captions) {
            if (c.credit.empty()) continue;
            // A credit such as "Courtesy of Ana Ruiz" names a provider, not a photographer.
            bool courtesy = to_lower_ascii(c.credit).find("courtesy") != std::string::npos;
            for (const auto& n : credit_names(c.credit)) {
                auto seg = whole_name(n);
                if (!seg) continue;
                Entry& e = reg_.add_full(*seg);
                (courtesy ? e.mentioned : e.photographer) = true;
                ++e.mentions;
            }
        }
    }

    // Pass 2: segments from every text of the article; a credit left in the body ("Photo
    // by James Martin/CNET") is a photographer; the lines of a list are scanned as list
    // rows.
    void gather_candidates() {
        cands_.clear();
        scan_text(a_.title, cands_);
        scan_text(a_.subtitle, cands_);
        for (const auto& c : a_.captions)
            scan_text(c.text, cands_);
        std::vector<bool> in_list;
        std::vector<std::string_view> lines = list_lines(a_.body, in_list);
        std::string para;
        auto flush = [&] {
            if (para.empty()) return;
            std::string_view p = trim(para);
            bool courtesy = false;
            if (p.size() < 120 && strip_credit_lead(p, courtesy).size() < p.size() && !courtesy &&
                !starts_with_ci(p, "by ")) {
                for (const auto& n : credit_names(p)) {
                    if (auto seg = whole_name(n)) {
                        Entry& e = reg_.add_full(*seg);
                        e.photographer = true;
                        ++e.mentions;
                    }
                }
            }
            scan_text(para, cands_);
            para.clear();
        };
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (in_list[i]) {
                flush();
                std::size_t from = cands_.size();
                scan_text(lines[i], cands_, true);
                trim_list_row(from);
                continue;
            }
            if (trim(lines[i]).empty()) {
                flush();
                continue;
            }
            if (!para.empty()) para += '\n';
            para += lines[i];
        }
        flush();
        for (const auto& b : a_.bullets) {
            scan_text(b.label, cands_);
            scan_text(b.text, cands_);
        }
    }

    // "1. Tomas Ferreira Halcyon +0.3": in a row of a table, a given name and a surname are
    // the person; a further word that is no surname, particle or initial is the next
    // column (a team, a role).
    void trim_list_row(std::size_t from) {
        for (std::size_t k = from; k < cands_.size(); ++k) {
            Segment& s = cands_[k].seg;
            if (s.names < 3 || !tab_.known_given.count(s.keys[0]) || s.cls[1] != Cls::Name)
                continue;
            std::size_t keep = 2;
            while (keep < s.keys.size() &&
                   (s.cls[keep] != Cls::Name || tab_.known_surnames.count(s.keys[keep])))
                ++keep;
            if (keep == s.keys.size()) continue;
            s.words.resize(keep);
            s.keys.resize(keep);
            s.cls.resize(keep);
            s.names = 0;
            for (Cls c : s.cls)
                s.names += c == Cls::Name || c == Cls::Initial;
        }
    }

    // Organisations and places named in full ("Cascade Health Partners"): a shorter form
    // of one elsewhere ("Cascade Health spokesperson") is not a person either.
    bool short_org(const Segment& s) const {
        if (org_prefixes_.empty()) return false;
        return org_prefixes_.count(join(s.keys, 0, s.keys.size())) > 0;
    }

    // The filters a candidate passes to be a full name.
    bool full(const Candidate& c) const {
        const Segment& s = c.seg;
        if (c.known_only || s.killed || s.names < 2 || s.names > max_names) return false;
        if (short_org(s)) return false;
        if (s.cls.back() == Cls::Initial) return false; // "Ana B." ends a sentence
        // "Van der Berg" alone is a surname; "Abu Bakr al-Baghdadi" is a full name.
        // A lower-case opener is a preposition ("de Jérémy Piette", "da Copa Libertadores").
        if (s.cls.front() == Cls::Particle &&
            (s.names < 2 || !(s.words.front()[0] >= 'A' && s.words.front()[0] <= 'Z')))
            return false;
        // A list row vouches for names only: a known given name before a surname (or a
        // word of no English), or a known surname after a word of no English ("Green
        // Garden" and "Tea Jug" on a menu are dishes).
        if (s.listed) {
            const std::string& first = s.keys.front();
            const std::string& last = s.keys.back();
            bool surname = tab_.known_surnames.count(last) > 0;
            bool given = tab_.known_given.count(first) > 0;
            if (!(given && (surname || !tab_.english.count(last))) &&
                !(surname && !tab_.english.count(first)))
                return false;
        }
        return true;
    }

    // A name on a Title Case line or heading ("About the author" / "Scott Cunningham")
    // counts by itself when both its words are known names and no English words: a known
    // given name, then a known surname.
    bool strong_heading_name(const Candidate& c) const {
        const Segment& s = c.seg;
        if (!c.known_only || s.killed || s.names != 2 || s.keys.size() != 2) return false;
        if (s.cls[0] != Cls::Name || s.cls[1] != Cls::Name || short_org(s)) return false;
        auto plain_name = [&](const std::string& k, const auto& set) {
            return set.count(k) && !tab_.english.count(k) && !tab_.places.count(k) &&
                   !tab_.orgs.count(k) && !tab_.given_places.count(k);
        };
        return plain_name(s.keys[0], tab_.known_given) &&
               plain_name(s.keys[1], tab_.known_surnames);
    }

    // "Rookie Malik Okafor-Banks" opening a sentence, with "Malik Okafor-Banks" named
    // elsewhere: the first word is not part of the name. Those wait for the rest.
    static bool doubtful(const Segment& s) {
        return s.sentence_start && s.names >= 3 && s.cls.front() == Cls::Name;
    }

    // "Evacuee Harold Benally": an opening word that is not a given name, before one that
    // is, is a role; "Keeper Orville Tanaka-Price" ... "Tanaka-Price said": the same, when
    // the article uses the surname alone and the opening word is not a given name. An
    // opening word seen elsewhere in a name ("Te Kaurinui") is part of the name.
    bool role_opener(const Segment& s) const {
        if (tab_.given_names.count(s.keys[0]) || in_names_.count(s.keys[0])) return false;
        return tab_.given_names.count(s.keys[1]) > 0 || lone_.count(s.keys.back()) > 0;
    }

    // A mention in text: counted, and the person's place in the output is their first.
    static void mention(Entry& e, std::size_t order, const Segment* s = nullptr,
                        bool by_surname = false) {
        e.mentioned = true;
        ++e.mentions;
        e.first = std::min(e.first, order);
        if (s) {
            e.cued |= s->cue || s->person_cue;
            e.titled |= s->cue;
            if (!s->role.empty() &&
                std::find(e.roles.begin(), e.roles.end(), s->role) == e.roles.end())
                e.roles.push_back(s->role);
            if (s->names >= 2 && s->numbered) ++e.numbered;
            if (s->names >= 2 && names::ordinary_words(*s)) ++e.wordy;
        }
        if (by_surname) ++e.short_mentions;
    }

    // Pass 3: full names first, so that one-word mentions anywhere (earlier or later)
    // resolve.
    void add_full_names() {
        for (const auto& c : cands_) {
            if (!c.seg.killed || c.seg.keys.size() < 3) continue;
            std::string p = c.seg.keys[0];
            for (std::size_t i = 1; i + 1 < c.seg.keys.size(); ++i)
                org_prefixes_.insert(p += ' ' + c.seg.keys[i]);
        }
        // "Jones International Ltd" ... "Jones said": the company, not a Mr Jones.
        for (const auto& c : cands_)
            if (c.seg.killed && c.seg.keys.size() >= 2) org_words_.insert(c.seg.keys[0]);
        for (const auto& c : cands_) {
            if (c.known_only || c.seg.killed) continue;
            if (c.seg.keys.size() == 1) lone_.insert(c.seg.keys[0]);
            if (!doubtful(c.seg)) in_names_.insert(c.seg.keys.begin(), c.seg.keys.end());
        }
        for (std::size_t k = 0; k < cands_.size(); ++k) {
            if (full(cands_[k]) && !doubtful(cands_[k].seg))
                mention(reg_.add_full(cands_[k].seg), k, &cands_[k].seg);
            // Known now; the Title Case pass (5) counts its mention.
            if (strong_heading_name(cands_[k])) reg_.add_full(cands_[k].seg);
        }
        for (std::size_t k = 0; k < cands_.size(); ++k) {
            const Candidate& c = cands_[k];
            if (!full(c) || !doubtful(c.seg)) continue;
            Segment tail = c.seg;
            tail.words.erase(tail.words.begin());
            tail.keys.erase(tail.keys.begin());
            tail.cls.erase(tail.cls.begin());
            --tail.names;
            bool role = !reg_.knows(tail) && role_opener(c.seg);
            if (role) tail.role = names::role_of(c.seg.words.front());
            const Segment& used = reg_.knows(tail) || role ? tail : c.seg;
            mention(reg_.add_full(used), k, &used);
        }
    }

    // Pass 4: a headline in Title Case names someone the text only calls by surname
    // ("Ruiz Wins Seat" ... "Ana Ruiz Wins" / "Ruiz said"): the headline's full name
    // counts.
    void confirm_headline_names() {
        std::unordered_set<std::string> known_last, lone_words;
        for (const auto& e : reg_.entries())
            if (e.keys.size() >= 2) known_last.insert(e.keys.back());
        for (const auto& c : cands_) // "Ruiz said", "Sen. Ruiz": a surname used for a person
            if (!c.known_only && !c.seg.killed && c.seg.keys.size() == 1 &&
                (c.seg.cue || c.seg.person_cue))
                lone_words.insert(c.seg.keys[0]);
        for (const auto& c : cands_) {
            const Segment& s = c.seg;
            if (!c.known_only || s.killed || s.names < 2 || s.names > 3 || s.names != s.keys.size())
                continue;
            if (s.cls.back() != Cls::Name || short_org(s)) continue;
            if (lone_words.count(s.keys.back()) && !known_last.count(s.keys.back())) {
                reg_.add_full(s);
                known_last.insert(s.keys.back());
            }
        }
    }

    // One word resolved to a known person, or a person by itself after a title ("Sen.
    // Whitby") or by the evidence beside it ("the Reagan administration").
    void resolve_single(const Segment& s, std::size_t order) {
        bool by_surname = false;
        long who = reg_.resolve(s, &by_surname);
        bool titled = s.cue && !s.single_place && !tab_.is_title(s.keys.back()) &&
                      !tab_.markers.count(s.keys.back());
        if (who < 0 &&
            (titled || (names::lone_name_by_evidence(s) && !org_words_.count(s.keys[0])))) {
            NameShape sh = shape_of(s);
            std::string display = join(s.words, 0, s.words.size());
            if (!s.regnal.empty()) display = s.regnal + " " + display;
            mention(reg_.add_single(display, s.keys[sh.last]), order, &s);
            return;
        }
        if (who >= 0) mention(reg_.at(who), order, &s, by_surname);
        if (who >= 0 && by_surname) surnames_used_.insert(s.keys.back());
    }

    // Pass 5: coreference of one-word mentions, and Title Case lines confirming people.
    void resolve_short_mentions() {
        for (std::size_t k = 0; k < cands_.size(); ++k) {
            const Segment& s = cands_[k].seg;
            const Candidate& c = cands_[k];
            if (c.known_only) {
                // Title Case: confirm known full names and resolvable single words.
                for (std::size_t i = 0; i < s.keys.size();) {
                    long who = -1;
                    if (std::size_t n = reg_.match_known(s.keys, i, who)) {
                        mention(reg_.at(who), k);
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
                        if (!s.killed || reg_.resolve(one) >= 0) resolve_single(one, k);
                    }
                    ++i;
                }
                continue;
            }
            if (s.killed || s.names != 1) continue;
            if (s.cls.back() != Cls::Name && s.cls.back() != Cls::Suffix) continue; // "J."
            resolve_single(s, k);
        }
    }

    // Pass 6: whole-entry filters, then authors, photographers and everyone else by first
    // mention.
    std::vector<Person> count_and_rank() {
        std::vector<const Entry*> order;
        for (const auto& e : reg_.entries()) {
            if (e.mentions == 0 || e.merged_into >= 0) continue;
            // Named in full three times or more, never shortened, never said to speak or
            // hold a title: a product, work or event ("Raspberry Pi", "Stack Overflow").
            bool vouched = e.author || e.photographer || e.cued || e.short_mentions > 0 ||
                           surnames_used_.count(e.keys.back()) ||
                           (e.keys.size() >= 2 && tab_.given_names.count(e.keys.front()));
            if (!vouched && e.full_mentions >= 3) continue;
            // "Verity Nova 7", "Planet Earth II": a model or edition number after every
            // full mention makes it a product.
            if (!vouched && e.numbered > 0 && e.numbered == e.full_mentions) continue;
            // "Tarot Cards", "Search Mode": English words, not names, and no title says a
            // person is meant ("Commerce Departments said", "Queue" alone vouch for
            // nothing).
            if (!(e.author || e.photographer || e.titled) && e.wordy > 0 &&
                e.wordy == e.full_mentions)
                continue;
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
            for (const auto& r : e.roles)
                p.roles.push_back(r);
            people.push_back(std::move(p));
        }
        return people;
    }

    static constexpr std::size_t max_names = 5;
    const Article& a_;
    const PeopleTables& tab_;
    Registry reg_;
    std::vector<Candidate> cands_;
    std::unordered_set<std::string> org_prefixes_, org_words_, lone_, in_names_, surnames_used_;
};

} // namespace

// Chinese names (han_names.hpp) after the recogniser's own: a Latin name given in
// brackets after a transliteration is the same person, so it goes.
void add_han_names(const Article& a, std::vector<Person>& people) {
    std::vector<std::string_view> texts{a.title, a.subtitle};
    for (const auto& c : a.captions) {
        texts.push_back(c.text);
        texts.push_back(c.credit);
    }
    for (const auto& b : a.bullets)
        texts.push_back(b.text);
    texts.push_back(a.body);
    auto han = names::find_han_names(texts);
    if (han.empty()) return;
    std::unordered_set<std::string> latin;
    for (const auto& h : han)
        for (const auto& l : h.latin)
            latin.insert(table_key(l));
    std::erase_if(people, [&](const Person& p) {
        return latin.count(table_key(p.name)) &&
               std::find(p.roles.begin(), p.roles.end(), "author") == p.roles.end();
    });
    for (auto& h : han) {
        if (std::any_of(people.begin(), people.end(),
                        [&](const Person& p) { return p.name == h.name; }))
            continue;
        people.push_back(Person{std::move(h.name), h.mentions, {"mentioned"}});
    }
}

std::vector<Person> find_people(const Article& a) {
    auto people = Recogniser(a).run();
    add_han_names(a, people);
    return people;
}

std::vector<names::Candidate> find_candidates(const Article& a) {
    return Recogniser(a).candidates();
}

} // namespace morgue
