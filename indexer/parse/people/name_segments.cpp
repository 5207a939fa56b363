#include "name_segments.hpp"

#include "name_tokens.hpp"
#include "people_tables.hpp"
#include "text.hpp"

#include <algorithm>

namespace morgue::names {

namespace {

using Kind = NameToken::Kind;

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
bool lower_compound(std::string_view w, const PeopleTables& tab) {
    for (std::size_t h = w.find('-'); h != std::string_view::npos; h = w.find('-', h + 1)) {
        std::size_t e = w.find('-', h + 1);
        std::string_view part = w.substr(h + 1, e == std::string_view::npos ? e : e - h - 1);
        if (part.size() < 3 || part[0] < 'a' || part[0] > 'z') continue;
        // "Na-yeon", "Sang-soo", "Jae-myung": two short syllables make a (Korean) given
        // name; a long part, a common word or an -ed/-ing/-like ending make a compound.
        std::size_t first =
            h - (w.rfind('-', h - 1) == std::string_view::npos ? 0 : w.rfind('-', h - 1) + 1);
        if (first >= 6 || part.size() >= 6 || tab.common.count(std::string(part)) ||
            ends_with(part, "ed") || ends_with(part, "ing") || ends_with(part, "like"))
            return true;
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
        } else if (lower_compound(tok.text, tab)) {
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
        // "Memorial Day", "Tampa Bay"; but "Doris Day", "Tiger Woods".
        if (i > 0 && s.cls[i] == Cls::Name && tab.weak_markers.count(k) &&
            !tab.given_names.count(s.keys[0]))
            s.killed = true;
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

} // namespace

std::string strip_dots(std::string k) {
    k.erase(std::remove(k.begin(), k.end(), '.'), k.end());
    return k;
}

bool is_suffix(const std::string& key) {
    return key == "jr." || key == "sr." || key == "jr" || key == "sr" || key == "ii" ||
           key == "iii" || key == "iv";
}

std::string join(const std::vector<std::string>& w, std::size_t b, std::size_t e) {
    std::string s;
    for (std::size_t i = b; i < e; ++i) {
        if (i > b) s += ' ';
        s += w[i];
    }
    return s;
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
            if (before > 0 && t[before - 1].kind == Kind::Word && !t[before - 1].cap &&
                !t[before - 1].possessive && tab.kin.count(table_key(t[before - 1].text)))
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

} // namespace morgue::names
