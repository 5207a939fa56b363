#include "people.hpp"

#include "name_tokens.hpp"
#include "people_tables.hpp"
#include "text.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace morgue {

namespace {

using Kind = NameToken::Kind;

// What a capitalised word is inside a run.
enum class Cls : std::uint8_t {
    Name,     // "Musk", "Jean-Luc", "O'Neil"
    Initial,  // "J.", "J.D.", "JD"
    Particle, // "van", "bin", "De"
    Suffix,   // "Jr.", "III"
    Title,    // "President", "Sen.", "CEO": dropped, cues a name
    Modifier, // "Prime", "Former": dropped, no cue
    Common,   // "The", "Says", "Russian", "Monday": not a name part
    Acronym,  // "WSJ", "NATO"
    OrgShape, // "SpaceX", "YouTube": a brand, not a person
};

// A group of name parts cut out of a run of capitalised words.
struct Segment {
    std::vector<std::string> words; // display words, particles included
    std::vector<std::string> keys;  // table keys, dots dropped from initials
    std::vector<Cls> cls;
    bool cue = false;            // directly after a title word
    bool killed = false;         // holds a marker, an org or a place
    bool possessive = false;     // last word was "X's"
    bool single_place = false;   // the one name word is an org or a (non-given) place
    bool sentence_start = false; // its first word opens a sentence
    bool person_cue = false;     // a speech verb or "who" beside it ("Ana Ruiz said")
    bool numbered = false;       // a number right after it ("Nova 7")
    std::string regnal;          // "Pope", "King": kept before a lone name ("Pope Francis")
    std::size_t names = 0;       // Name and Initial words
};

// A candidate mention found in text.
struct Candidate {
    Segment seg;
    bool known_only = false; // from a Title Case line: only confirms known people
};

std::string strip_dots(std::string k) {
    k.erase(std::remove(k.begin(), k.end(), '.'), k.end());
    return k;
}

bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

// "LeBron", "McDonald", "DeSantis", "MacArthur" are names; "SpaceX", "YouTube" are not.
bool camel_name(std::string_view w) {
    static constexpr std::string_view prefixes[] = {"Mc", "Mac", "De",  "Di",  "Da",   "Du",
                                                    "La", "Le",  "Van", "Von", "Fitz", "St"};
    for (std::size_t i = 1; i < w.size(); ++i) {
        if (ascii_upper(w[i])) {
            std::string_view pre = w.substr(0, i);
            for (auto p : prefixes)
                if (pre == p) return i + 1 < w.size() && !ascii_upper(w.back());
            return false;
        }
    }
    return true;
}

bool is_suffix(const std::string& key) {
    return key == "jr." || key == "sr." || key == "jr" || key == "sr" || key == "ii" ||
           key == "iii" || key == "iv";
}

// April, May, June and August are given names too; with a number or a date word beside
// them they are months.
bool month_in_context(const std::string& key, const std::vector<NameToken>& t, std::size_t i) {
    if (key != "april" && key != "may" && key != "june" && key != "august") return false;
    if (i + 1 < t.size() && t[i + 1].kind == Kind::Number) return true;
    if (i > 0 && t[i - 1].kind == Kind::Word) {
        static constexpr std::string_view date_words[] = {
            "in",   "on",   "since", "until",   "by",   "early",  "late",   "mid",   "last",
            "next", "this", "of",    "through", "from", "during", "before", "after", "till"};
        std::string prev = table_key(t[i - 1].text);
        for (auto w : date_words)
            if (prev == w) return true;
    }
    return false;
}

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// A sentence-opening word shaped like a gerund, participle, adverb or contraction
// ("Using", "Noted", "Actually", "I've"): not the start of a name.
bool not_a_name_opening(std::string_view w) {
    if (w.size() >= 5 && ends_with(w, "ing")) {
        static constexpr std::string_view names_in_ing[] = {
            "Irving",   "Ewing",    "Sterling", "Channing", "Manning", "Harding", "Fleming",
            "Browning", "Fielding", "Jinping",  "Xiaoping", "Qing",    "Jing",    "Ying"};
        for (auto n : names_in_ing)
            if (w == n) return false;
        return true;
    }
    if (w.size() >= 5 && ends_with(w, "ed") && !ends_with(w, "eed") && !ends_with(w, "med") &&
        !ends_with(w, "fred") && !ends_with(w, "dred")) // Ahmed, Reed, Winifred, Mildred
        return true;
    static constexpr std::string_view adverb[] = {"ally",  "ously", "ently",  "antly", "ately",
                                                  "ively", "fully", "lessly", "ibly",  "ably",
                                                  "edly",  "ingly", "ctly"};
    if (w.size() >= 6)
        for (auto e : adverb)
            if (ends_with(w, e)) return true;
    for (std::string_view c : {"'ve", "'ll", "'re", "'m", "'d", "n't", "\xE2\x80\x99ve",
                               "\xE2\x80\x99ll", "\xE2\x80\x99re", "\xE2\x80\x99m"})
        if (ends_with(w, c)) return true;
    return false;
}

// "Just-released", "Writer-director", "Wednesday-like": a capitalised word joined to a
// lower-case word is not a name ("Jean-Luc", "Okafor-Banks", "Mar-a-Lago" are).
bool lower_compound(std::string_view w) {
    // "Na-yeon", "Jae-myung": a short first syllable joined to a lower-case one is a
    // (Korean) given name.
    if (std::size_t h = w.find('-'); h != std::string_view::npos && h < 4) return false;
    for (std::size_t h = w.find('-'); h != std::string_view::npos; h = w.find('-', h + 1)) {
        std::size_t e = w.find('-', h + 1);
        std::string_view part = w.substr(h + 1, e == std::string_view::npos ? e : e - h - 1);
        if (part.size() >= 3 && part[0] >= 'a' && part[0] <= 'z') return true;
    }
    return false;
}

// "Attorney-General", "Vice-Chancellor": a hyphenated title.
bool title_compound(const std::string& key, const PeopleTables& tab) {
    std::size_t h = key.find('-');
    if (h == std::string::npos) return false;
    std::string a = key.substr(0, h), b = key.substr(h + 1);
    return tab.is_title(a) && tab.is_title(b);
}

bool place_preposition(const std::string& key) {
    return key == "in" || key == "at" || key == "near" || key == "outside" || key == "inside" ||
           key == "across" || key == "into" || key == "toward" || key == "towards";
}

// Can token i continue (or start) a run of name parts?
bool run_member(std::vector<NameToken>& t, std::size_t i, const PeopleTables& tab) {
    NameToken& tok = t[i];
    if (tok.kind != Kind::Word) return false;
    // "CreditChang W. Lee": a caption credit glued to the photographer's name.
    while (tok.text.size() > 7 && tok.text.substr(0, 6) == "Credit" && ascii_upper(tok.text[6]))
        tok.text.remove_prefix(6);
    if (tok.cap) return true;
    // "pro-Donald Trump": a lower-case prefix on a capitalised word; "al-Assad" keeps its
    // particle.
    if (auto h = tok.text.find('-');
        h != std::string_view::npos && h + 1 < tok.text.size() && ascii_upper(tok.text[h + 1])) {
        std::string pre = table_key(tok.text.substr(0, h));
        if (!tab.particles.count(pre)) tok.text.remove_prefix(h + 1);
        tok.cap = true;
        return true;
    }
    if (tok.text.size() > 4 || !tab.particles.count(table_key(tok.text))) return false;
    // "van der Berg": particles up to a capitalised word.
    for (std::size_t k = i + 1; k < t.size() && k < i + 4; ++k) {
        if (t[k].kind != Kind::Word) return false;
        if (t[k].cap) return true;
        if (!tab.particles.count(table_key(t[k].text))) return false;
    }
    return false;
}

// The run t[b, e) split into segments at titles, common words and acronyms.
void segment_run(const std::vector<NameToken>& t, std::size_t b, std::size_t e,
                 const PeopleTables& tab, std::vector<Segment>& out) {
    std::vector<Cls> cls(e - b);
    std::vector<std::string> keys(e - b);
    for (std::size_t i = b; i < e; ++i) {
        const NameToken& tok = t[i];
        std::string key = table_key(tok.text);
        bool has_next = i + 1 < e;
        Cls c;
        if (!tok.cap) {
            c = Cls::Particle;
        } else if (tok.initial) {
            // An undotted letter is an initial only inside a name ("Mary K Ruiz"), not
            // "V Praze" or "K Blu-ray".
            bool bare = tok.text.size() == 1;
            c = tab.common.count(key) || (bare && (i == b || cls[i - 1 - b] != Cls::Name))
                    ? Cls::Common
                    : Cls::Initial;
        } else if (i == b && tok.sentence_start && not_a_name_opening(tok.text)) {
            c = Cls::Common;
        } else if (lower_compound(tok.text)) {
            c = Cls::Common;
        } else if (i > b && is_suffix(key)) {
            c = Cls::Suffix;
        } else if (has_next && (tab.titles.count(key) || title_compound(key, tab))) {
            c = Cls::Title;
        } else if (has_next && tab.modifiers.count(key)) {
            c = Cls::Modifier;
        } else if (has_next && tok.has_lower && tab.particles.count(key)) {
            c = Cls::Particle;
        } else if (month_in_context(key, t, i) || tab.common.count(key)) {
            c = Cls::Common;
        } else if (!tok.has_lower) {
            bool next_name = has_next && t[i + 1].has_lower &&
                             !tab.common.count(table_key(t[i + 1].text)) &&
                             !tab.is_title(table_key(t[i + 1].text));
            c = (tok.text.size() == 2 && next_name && !t[i].possessive) ? Cls::Initial
                                                                        : Cls::Acronym;
        } else if (tok.has_inner_cap && !camel_name(tok.text)) {
            c = Cls::OrgShape;
        } else {
            c = Cls::Name;
        }
        cls[i - b] = c;
        keys[i - b] = std::move(key);
    }

    Segment cur;
    std::string prev_key = b > 0 && t[b - 1].kind == Kind::Word ? table_key(t[b - 1].text) : "";
    bool blocked_by_prev = false;
    auto flush = [&] {
        if (!cur.words.empty()) {
            // A run that ends in particles ("Ana de") drops them.
            while (!cur.cls.empty() && cur.cls.back() == Cls::Particle) {
                cur.words.pop_back(), cur.keys.pop_back(), cur.cls.pop_back();
            }
            if (blocked_by_prev && !cur.possessive && !cur.cue) cur.killed = true;
            if (!cur.words.empty()) out.push_back(std::move(cur));
        }
        cur = Segment{};
    };
    bool cue = false;
    std::string_view regnal;
    for (std::size_t i = b; i < e; ++i) {
        Cls c = cls[i - b];
        if (c == Cls::Title || c == Cls::Modifier || c == Cls::Common || c == Cls::Acronym) {
            flush();
            if (c == Cls::Title)
                cue = true;
            else if (c != Cls::Modifier)
                cue = false;
            regnal = c == Cls::Title && tab.regnal.count(keys[i - b]) ? t[i].text : "";
            prev_key = keys[i - b];
            continue;
        }
        if (cur.words.empty()) {
            cur.cue = cue;
            cur.regnal = regnal;
            regnal = {};
            cur.sentence_start = t[i].sentence_start;
            cue = false;
            blocked_by_prev = prev_key == "the" || place_preposition(prev_key);
            if (c == Cls::Suffix) c = Cls::Name;
        }
        cur.words.emplace_back(t[i].text);
        cur.keys.push_back(c == Cls::Initial ? strip_dots(keys[i - b]) : keys[i - b]);
        cur.cls.push_back(c);
        if (c == Cls::OrgShape) cur.killed = true;
        if (c == Cls::Name || c == Cls::Initial) ++cur.names;
        cur.possessive = t[i].possessive;
    }
    flush();
}

// Marks segments that name organisations, publications and places.
void judge(Segment& s, const PeopleTables& tab) {
    const std::size_t n = s.keys.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& k = s.keys[i];
        if (s.cls[i] == Cls::Name && tab.markers.count(k)) s.killed = true;
    }
    if (tab.close_markers.count(s.keys.back())) s.killed = true;
    if (s.killed) return;
    if (tab.open_markers.count(s.keys[0])) s.killed = true;
    // The first name word an organisation or a place that is not also a given name.
    const std::string& first = s.keys[0];
    if (tab.orgs.count(first) || tab.places.count(first)) {
        if (s.names >= 2)
            s.killed = true;
        else
            s.single_place = true;
    }
    // A listed phrase anywhere inside: "Morgan Stanley", "Santa Clara".
    for (std::size_t i = 0; i < n && !s.killed; ++i) {
        std::string phrase = s.keys[i];
        for (std::size_t j = i + 1; j < n && j - i < tab.longest_phrase; ++j) {
            phrase += ' ';
            phrase += s.keys[j];
            if (tab.is_org_or_place(phrase)) {
                s.killed = true;
                break;
            }
        }
    }
    if (s.names == 1 && n == 1 && tab.given_places.count(first)) s.single_place = true;
    // A club, brand or edition named for a place: "Inter Milan", "Yahoo Japan".
    if (n >= 2 && tab.places.count(s.keys.back())) s.killed = true;
}

// A line written in Title Case ("Musk Has Secretly Been in Contact With Putin"): a
// capitalised common word past the first, and no long lower-case word.
bool title_case(const std::vector<NameToken>& t, const PeopleTables& tab) {
    int cap_common = 0, words = 0;
    bool long_lower = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const NameToken& w = t[i];
        if (w.kind != Kind::Word) continue;
        ++words;
        if (!w.cap) {
            if (w.text.size() >= 4) long_lower = true;
            if (w.text.size() >= 5) return false;
            continue;
        }
        if (w.sentence_start || !w.has_lower) continue;
        if (tab.common.count(table_key(w.text))) ++cap_common;
    }
    if (cap_common > 0) return true;
    // A heading ("Detecting Anomalies", "Finished Terrarium"): a short line of capitalised
    // words with no full stop at its end.
    if (t.empty() || words > 10 || long_lower) return false;
    for (const auto& w : t) // an attribution ("— Ana Ruiz (@ana) May 2"), not a heading
        if (w.kind == Kind::Punct &&
            (w.text == "(" || w.text == "\xE2\x80\x94" || w.text[0] == '@'))
            return false;
    std::string_view last = t.back().text;
    return t.back().kind != Kind::Punct ||
           !(last == "." || last == "!" || last == "?" || last == "\"" || last == ":" ||
             last == "\xE2\x80\x9D" || last == ")");
}

bool is_quote(const NameToken& t) {
    return t.kind == Kind::Punct &&
           (t.text == "\"" || t.text == "'" || t.text == "\xE2\x80\x9C" ||
            t.text == "\xE2\x80\x9D" || t.text == "\xE2\x80\x98" || t.text == "\xE2\x80\x99");
}

// `Darnell "Skip" Whitfield`: a quoted nickname between name words is dropped.
void drop_nicknames(std::vector<NameToken>& t) {
    // One pass that copies the tokens it keeps (erasing in place would be quadratic).
    std::size_t out = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        t[out++] = t[i];
        if (i + 4 >= t.size() || t[i].kind != Kind::Word || !t[i].cap || !is_quote(t[i + 1]))
            continue;
        std::size_t k = i + 2;
        while (k < t.size() && k < i + 5 && t[k].kind == Kind::Word && t[k].cap)
            ++k;
        if (k == i + 2 || k + 1 >= t.size() || !is_quote(t[k])) continue;
        if (t[k + 1].kind != Kind::Word || !t[k + 1].cap) continue;
        i = k; // skip the quotes and the nickname
    }
    t.resize(out);
}

// Soft hyphens and zero-width characters inside words ("Vladi\u00ADmir") are dropped.
std::string_view without_invisibles(std::string_view text, std::string& buf) {
    static constexpr std::string_view invisible[] = {
        "\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x81\xA0", "\xEF\xBB\xBF"};
    auto at = [&](std::size_t p) {
        for (auto v : invisible)
            if (text.compare(p, v.size(), v) == 0) return v.size();
        return std::size_t{0};
    };
    bool any = false;
    for (auto v : invisible)
        if (text.find(v) != std::string_view::npos) any = true;
    if (!any) return text;
    buf.clear();
    buf.reserve(text.size());
    for (std::size_t p = 0; p < text.size();) {
        if (std::size_t n = at(p)) {
            p += n;
            continue;
        }
        buf += text[p++];
    }
    return buf;
}

void scan_text(std::string_view text, std::vector<Candidate>& out) {
    if (text.empty()) return;
    const PeopleTables& tab = people_tables();
    std::string buf;
    text = without_invisibles(text, buf);
    std::vector<NameToken> t = tokenize_for_names(text, tab.abbreviations);
    drop_nicknames(t);
    bool known_only = title_case(t, tab);
    std::vector<Segment> segs;
    bool last_killed = false; // the previous run ended in an organisation or place
    std::size_t last_end = 0;
    for (std::size_t i = 0; i < t.size();) {
        if (!run_member(t, i, tab)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && run_member(t, j, tab)) {
            ++j;
            if (t[j - 1].possessive) break;
        }
        segs.clear();
        segment_run(t, i, j, tab, segs);
        if (!segs.empty()) {
            // "said Ana Ruiz", "according to Ana Ruiz", "Ana Ruiz said", "Ruiz, who".
            auto cue_word = [&](std::size_t k) {
                return t[k].kind == Kind::Word && tab.cues.count(table_key(t[k].text)) > 0;
            };
            std::size_t after =
                j < t.size() && t[j].kind == Kind::Punct && t[j].text == "," ? j + 1 : j;
            if (after < t.size() && cue_word(after)) segs.back().person_cue = true;
            if (j < t.size() && t[j].kind == Kind::Number && t[j].text.size() <= 2)
                segs.back().numbered = true; // "Nova 7", not "Nauman 1968"
            if (i > 0 && cue_word(i - 1)) segs.front().person_cue = true;
            // "his wife, Eleanor": a family word makes a lone given name a person.
            std::size_t before = i > 0 && t[i - 1].text == "," ? i - 1 : i;
            if (before > 0 && t[before - 1].kind == Kind::Word &&
                tab.kin.count(table_key(t[before - 1].text)))
                segs.front().cue = true;
            if (i > 1 && t[i - 1].text == "to" && table_key(t[i - 2].text) == "according")
                segs.front().person_cue = true;
        }
        // "Journal of Reef Science", "Center for Coastal Studies": the words after "of"
        // or "for" belong to the organisation before them.
        bool org_tail = last_killed && last_end + 1 == i && t[last_end].kind == Kind::Word &&
                        (t[last_end].text == "of" || t[last_end].text == "for");
        for (std::size_t k = 0; k < segs.size(); ++k) {
            Segment& s = segs[k];
            judge(s, tab);
            if (k == 0 && org_tail) s.killed = true;
            last_killed = s.killed;
            // In a heading, "Photo by James Martin": a name after "by" still counts.
            bool after_by = k == 0 && i > 0 && t[i - 1].kind == Kind::Word &&
                            (t[i - 1].text == "by" || t[i - 1].text == "By");
            out.push_back({std::move(s), known_only && !after_by});
        }
        if (segs.empty()) last_killed = false;
        last_end = j;
        i = j;
    }
}

std::string join(const std::vector<std::string>& w, std::size_t b, std::size_t e) {
    std::string s;
    for (std::size_t i = b; i < e; ++i) {
        if (i > b) s += ' ';
        s += w[i];
    }
    return s;
}

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
    bool cued = false;      // some mention had a title, speech verb or possessive
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
    // Adds a mention of a full name; returns its entry.
    static std::string group_of(const Segment& s) {
        NameShape sh = shape_of(s);
        std::string group = s.keys[sh.first] + '|' + s.keys[sh.last];
        if (s.cls.back() == Cls::Suffix) group += '|' + strip_dots(s.keys.back()); // Jr.
        return group;
    }

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

    // Index of the known person a one-word (or particle + word) mention stands for, or -1.
    // Surnames win over given names; among several, the most named.
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
    static const std::string& first_key(const Entry& e) { return e.keys.front(); }

    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::size_t> by_group_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_last_, by_first_, by_first_all_;
};

// Parses s as exactly one full name (optionally after titles).
// "JOE HILDEBRAND" -> "Joe Hildebrand": a byline in capitals, for the name rules.
std::string from_capitals(std::string_view s) {
    std::string out(s);
    bool word_start = true;
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z' && !word_start) c = static_cast<char>(c + 32);
        word_start = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                       static_cast<unsigned char>(c) >= 0x80 || c == '\'');
    }
    return out;
}

std::optional<Segment> whole_name(std::string_view s) {
    const PeopleTables& tab = people_tables();
    std::string recased;
    bool any_lower = std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!any_lower && s.size() < 80) s = recased = from_capitals(s);
    std::vector<NameToken> t = tokenize_for_names(s, tab.abbreviations);
    if (t.empty()) return std::nullopt;
    t[0].sentence_start = false; // a byline is not a sentence: "Sterling Reed" stays whole
    for (std::size_t i = 0; i < t.size(); ++i)
        if (!run_member(t, i, tab) || (t[i].possessive && i + 1 < t.size())) return std::nullopt;
    std::vector<Segment> segs;
    segment_run(t, 0, t.size(), tab, segs);
    if (segs.size() != 1) return std::nullopt;
    Segment& seg = segs[0];
    judge(seg, tab);
    // Everything after the titles must be in the segment: "Ana Ruiz Staff" is not a name.
    std::size_t name_words = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        std::string k = table_key(t[i].text);
        if (!tab.is_title(k) || i + 1 == t.size())
            ++name_words;
        else if (name_words > 0)
            return std::nullopt;
    }
    if (seg.killed || seg.names < 2 || seg.names > 5 || name_words != seg.words.size())
        return std::nullopt;
    if (seg.cls.back() == Cls::Initial) return std::nullopt;
    return seg;
}

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
        bool courtesy = c.credit.find("ourtesy") != std::string::npos;
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
        if (s.cls.back() == Cls::Initial) return false;   // "Ana B." ends a sentence
        if (s.cls.front() == Cls::Particle) return false; // "Van der Berg": a surname
        return true;
    };
    // "Rookie Malik Okafor-Banks" opening a sentence, with "Malik Okafor-Banks" named
    // elsewhere: the first word is not part of the name. Those wait for the rest.
    auto doubtful = [](const Segment& s) {
        return s.sentence_start && s.names >= 3 && s.cls.front() == Cls::Name;
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
        mention(reg.add_full(reg.knows(tail) ? tail : c.seg), k, &c.seg);
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
                       surnames_used.count(e.keys.back());
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
