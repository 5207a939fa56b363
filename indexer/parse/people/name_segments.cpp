#include "name_segments.hpp"

#include "name_tokens.hpp"
#include "people_tables.hpp"
#include "text.hpp"

#include <algorithm>
#include <unordered_set>

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
    // "CreditÃngel Franco": a Latin-1 capital (UTF-8 lead byte 0xC3, second below 0x9F).
    auto capital_at = [&](std::size_t k) {
        auto b = static_cast<unsigned char>(tok.text[k]);
        return ascii_upper(tok.text[k]) || (b == 0xC3 && k + 1 < tok.text.size() &&
                                            static_cast<unsigned char>(tok.text[k + 1]) < 0x9F);
    };
    while (tok.text.size() > 7 && tok.text.substr(0, 6) == "Credit" && capital_at(6))
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

// A word in capitals that is half of a name in capitals ("JIM WATSON", "LAURIE OAKES"):
// a known given name that is no English word, beside a known surname or a word of no
// English, both of three letters or more. "NEW YORK", "THE END" are not.
bool caps_name(const std::vector<NameToken>& t, std::size_t i, std::size_t b, std::size_t e,
               const PeopleTables& tab) {
    auto caps_word = [&](std::size_t k, std::string& key) {
        if (k < b || k >= e || t[k].has_lower || t[k].initial || t[k].text.size() < 3) return false;
        key = table_key(t[k].text);
        return !tab.common.count(key) && !tab.is_title(key);
    };
    std::string a, z;
    auto pair = [&](std::size_t g) {
        return caps_word(g, a) && caps_word(g + 1, z) && tab.known_given.count(a) &&
               !tab.english.count(a) && (tab.known_surnames.count(z) || !tab.english.count(z)) &&
               !tab.markers.count(z) && !tab.places.count(z) && !tab.orgs.count(z);
    };
    return pair(i) || (i > 0 && pair(i - 1));
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
        } else if (!tok.has_lower && caps_name(t, i, b, e, tab)) {
            c = Cls::Name; // "JIM WATSON": a byline or credit in capitals
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
    std::string_view regnal, role;
    for (std::size_t i = b; i < e; ++i) {
        Cls c = cls[i - b];
        if (c == Cls::Title || c == Cls::Modifier || c == Cls::Common || c == Cls::Acronym) {
            flush();
            if (c == Cls::Title)
                cue = true;
            else if (c != Cls::Modifier)
                cue = false;
            regnal = c == Cls::Title && tab.regnal.count(keys[i - b]) ? t[i].text : "";
            role = c == Cls::Title || c == Cls::Modifier ? t[i].text : "";
            prev_key = keys[i - b];
            continue;
        }
        if (cur.words.empty()) {
            cur.cue = cue;
            cur.regnal = regnal;
            regnal = {};
            if (!role.empty()) cur.role = role_of(role);
            role = {};
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
    // "told", "that": lower-case words of four letters are no Title Case line.
    if (cap_common > 0 && !long_lower) return true;
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

namespace {

// An English word, or a compound of them ("Picture-in-Picture"); not "Sun-yong".
bool english_word(const std::string& k, const PeopleTables& tab) {
    if (tab.english.count(k)) return true;
    if (k.find('-') == std::string::npos) return false;
    std::size_t b = 0;
    while (b <= k.size()) {
        std::size_t e = std::min(k.find('-', b), k.size());
        std::string part = k.substr(b, e - b);
        if (part.size() > 3 && !tab.english.count(part)) return false;
        if (part.size() <= 3 && !tab.common.count(part) && !tab.english.count(part)) return false;
        b = e + 1;
    }
    return true;
}

// Russian names in a case other than the nominative ("Владимира Путина", "с Анной
// Ивановой"): the given name tells the case, found by the ending that turns it back into
// a listed given name; the surname loses the same case's ending. Byte strings: all of
// these endings are Cyrillic letters, two bytes each in UTF-8.
struct RuCase {
    std::string_view given_end, given_nom; // "а" -> "" (Владимира -> Владимир)
    std::string_view sur_end, sur_nom;     // "а" -> "" (Путина -> Путин)
};

bool cyrillic(std::string_view w) {
    return w.size() >= 2 &&
           (static_cast<unsigned char>(w[0]) == 0xD0 || static_cast<unsigned char>(w[0]) == 0xD1);
}

bool ends_with_s(const std::string& s, std::string_view e) {
    return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

// Surname endings: -ов/-ев/-ин/-ын/-ский/-цкий and their feminine forms, Ukrainian
// -енко/-ко/-ук/-юк, Georgian -швили/-дзе.
bool ru_surname_shape(const std::string& k) {
    static constexpr std::string_view ends[] = {
        "ов",   "ев",   "ёв",   "ин",   "ын", "ова", "ева",   "ина", "ына", "ский",
        "цкий", "ская", "цкая", "енко", "ук", "юк",  "швили", "дзе", "ых",  "их"};
    for (auto e : ends)
        if (ends_with_s(k, e) && k.size() > e.size() + 2) return true;
    return false;
}

// Rewrites the segment's Cyrillic name words into the nominative when the given name
// shows an oblique case; says whether the segment holds evidence of a Russian name (a
// listed given name or surname, or a surname's ending).
bool russian_nominative(Segment& s, const PeopleTables& tab) {
    static constexpr RuCase cases[] = {
        // masculine: Владимира Путина, Владимиру Путину, Владимиром Путиным, Владимире Путине
        {"а", "", "а", ""},
        {"у", "", "у", ""},
        {"ом", "", "ым", ""},
        {"е", "", "е", ""},
        {"а", "", "ого", "ий"},
        {"у", "", "ому", "ий"},
        {"ом", "", "им", "ий"},
        {"я", "й", "а", ""},
        {"ю", "й", "у", ""},
        {"ем", "й", "ым", ""},
        {"я", "ь", "а", ""},
        {"ю", "ь", "у", ""},
        {"ем", "ь", "ым", ""},
        // feminine: Анны Ивановой, Анне Ивановой, Анну Иванову, Анной Ивановой
        {"ы", "а", "ой", "а"},
        {"е", "а", "ой", "а"},
        {"у", "а", "у", "а"},
        {"ой", "а", "ой", "а"},
        {"и", "я", "ой", "а"},
        {"ю", "я", "у", "а"},
        {"ей", "я", "ой", "а"},
        {"ы", "а", "ой", "ая"},
        {"у", "а", "ую", "ая"},
    };
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < s.keys.size(); ++i)
        if (s.cls[i] == Cls::Name && cyrillic(s.keys[i])) idx.push_back(i);
    if (idx.empty()) return false;
    bool evidence = false;
    for (std::size_t i : idx)
        if (tab.known_given.count(s.keys[i]) || tab.known_surnames.count(s.keys[i]) ||
            ru_surname_shape(s.keys[i]))
            evidence = true;
    // The nominative of a given name in any listed case, or "".
    auto given_nominative = [&](const std::string& w, const RuCase** how) -> std::string {
        if (tab.known_given.count(w)) return w;
        for (const auto& c : cases) {
            if (!ends_with_s(w, c.given_end)) continue;
            std::string g = w.substr(0, w.size() - c.given_end.size()) + std::string(c.given_nom);
            if (tab.known_given.count(g)) {
                if (how) *how = &c;
                return g;
            }
        }
        return "";
    };
    // "Встреча Владимира Путина": a sentence's first word before a given name is no part
    // of the name.
    if (idx.size() >= 3 && idx[0] == 0 && given_nominative(s.keys[0], nullptr).empty() &&
        !given_nominative(s.keys[idx[1]], nullptr).empty()) {
        s.words.erase(s.words.begin());
        s.keys.erase(s.keys.begin());
        s.cls.erase(s.cls.begin());
        --s.names;
        for (auto& i : idx)
            --i;
        idx.erase(idx.begin());
        evidence = true;
    }
    if (idx.size() < 2 || tab.known_given.count(s.keys[idx[0]])) return evidence;
    const std::string& g = s.keys[idx[0]];
    for (const auto& c : cases) {
        if (!ends_with_s(g, c.given_end)) continue;
        std::string given = g.substr(0, g.size() - c.given_end.size()) + std::string(c.given_nom);
        if (!tab.known_given.count(given)) continue;
        const std::string& last = s.keys[idx.back()];
        if (!ends_with_s(last, c.sur_end)) continue;
        std::string sur = last.substr(0, last.size() - c.sur_end.size()) + std::string(c.sur_nom);
        auto recase = [](const std::string& word, const std::string& key, const std::string& nom) {
            // The display word keeps its capital: replace the key's tail in it.
            std::size_t keep = word.size() - (key.size() - std::min(key.size(), nom.size()));
            std::size_t common = 0;
            while (common < nom.size() && common < key.size() && nom[common] == key[common])
                ++common;
            keep = word.size() - (key.size() - common);
            return word.substr(0, keep) + nom.substr(common);
        };
        s.words[idx[0]] = recase(s.words[idx[0]], g, given);
        s.words[idx.back()] = recase(s.words[idx.back()], last, sur);
        s.keys[idx[0]] = given;
        s.keys[idx.back()] = sur;
        return true;
    }
    return evidence;
}

// Hangul syllables (U+AC00..U+D7A3) in a word of only those; 0 for any other word.
std::size_t hangul_syllables(std::string_view w) {
    if (w.size() % 3 != 0) return 0;
    for (std::size_t i = 0; i < w.size(); i += 3) {
        auto b0 = static_cast<unsigned char>(w[i]);
        auto b1 = static_cast<unsigned char>(w[i + 1]);
        unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) |
                      (static_cast<unsigned char>(w[i + 2]) & 0x3Fu);
        if ((b0 & 0xF0u) != 0xE0u || cp < 0xAC00 || cp > 0xD7A3) return 0;
    }
    return w.size() / 3;
}

// Korean names carry no capital: "윤도현 감독은", "박서연 의원": a word of two to four
// syllables whose first is a listed surname (faker's Korean surnames), followed by a
// title or role word (the Korean titles below, with or without a particle attached), is
// a person, and the title their role.
void scan_hangul(const std::vector<NameToken>& t, std::vector<Candidate>& out) {
    static constexpr std::string_view titles[] = {
        "대통령", "총리", "장관", "의원",   "대표", "회장", "감독",     "선수", "기자",
        "교수",   "씨",   "사장", "위원장", "시장", "지사", "원내대표", "부장", "대변인",
        "박사",   "작가", "배우", "가수",   "코치", "주장", "판사",     "검사", "변호사"};
    const PeopleTables& tab = people_tables();
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].kind != NameToken::Kind::Word || t[i + 1].kind != NameToken::Kind::Word) continue;
        std::size_t n = hangul_syllables(t[i].text);
        if (n < 2 || n > 4 || !tab.known_surnames.count(std::string(t[i].text.substr(0, 3))))
            continue;
        std::string_view next = t[i + 1].text;
        if (!hangul_syllables(next)) continue;
        for (auto title : titles) {
            if (next.substr(0, title.size()) != title || next.size() > title.size() + 6) continue;
            Segment s;
            s.words = {std::string(t[i].text)};
            s.keys = {std::string(t[i].text)};
            s.cls = {Cls::Name};
            s.names = 1;
            s.cue = true;
            s.role = std::string(title);
            out.push_back({std::move(s), false});
            break;
        }
    }
}

} // namespace

bool ordinary_words(const Segment& s) {
    const PeopleTables& tab = people_tables();
    std::vector<const std::string*> words;
    for (std::size_t i = 0; i < s.keys.size(); ++i) {
        if (s.cls[i] == Cls::Initial) return false; // "J.D. Harrow": initials name people
        if (s.cls[i] == Cls::Name) words.push_back(&s.keys[i]);
    }
    if (words.empty()) return false;
    auto english = [&](const std::string& k) { return english_word(k, tab); };
    const std::string& first = *words.front();
    const std::string& last = *words.back();
    if (words.size() < 2) return english(first) && !tab.known_given.count(first);
    // "Logan Lucky" may be a film, but "Grace Baker" is a person: a known given name first
    // keeps the name.
    // "Job Simulator", "Ford Focus", "Stone Bricks": a rare given name that is also an
    // English word, before an English word, names a thing.
    if (tab.known_given.count(first))
        return english(first) && english(last) && !tab.known_surnames.count(last);
    // "Saviour Kasukuwere", "Huh Sun-yong": a last word that is no English word nor a
    // given name is surname-shaped, whatever the first.
    bool last_surname =
        tab.known_surnames.count(last) || (!english(last) && !tab.known_given.count(last));
    if (english(first)) {
        for (std::size_t i = 1; i + 1 < words.size(); ++i) // "Dread Pirate Roberts"
            if (english(*words[i]) && !tab.known_given.count(*words[i])) return true;
        return !last_surname;
    }
    // An unknown first word ("Addon Manager", "Newtab Pocket"): any English word after it.
    for (std::size_t i = 1; i < words.size(); ++i)
        if (english(*words[i]) && !tab.known_surnames.count(*words[i])) return true;
    return false;
}

// A modifier of people_titles.txt that names a role ("striker", "director"), not one
// that qualifies it ("former", "deputy", "finance").
bool role_noun(const std::string& k) {
    static const std::unordered_set<std::string> qualifiers = {
        "prime",       "elect",       "crown",    "vice",     "deputy",    "acting",
        "interim",     "former",      "ex",       "late",     "then",      "foreign",
        "defense",     "defence",     "finance",  "interior", "health",    "education",
        "energy",      "trade",       "labor",    "labour",   "transport", "transportation",
        "agriculture", "environment", "home",     "state",    "assistant", "associate",
        "senior",      "junior",      "managing", "head",     "chief",     "supreme",
        "grand",       "first",       "u.s.",     "us",       "majority",  "minority",
        "whip",        "house",       "senate",   "lead",     "co-",       "special",
        "principal",   "veteran",     "rookie",   "guard",    "host",      "anchor",
        "counsel",     "owner"};
    return !qualifiers.count(k);
}

bool lone_name_by_evidence(const Segment& s) {
    const PeopleTables& tab = people_tables();
    if (s.names != 1 || s.keys.size() != 1 || s.killed || s.single_place) return false;
    if (s.cls[0] != Cls::Name || (s.sentence_start && !s.eponym)) return false;
    if (!(s.person_cue || s.eponym)) return false;
    const std::string& k = s.keys[0];
    if (english_word(k, tab) || tab.is_title(k) || tab.markers.count(k) || tab.common.count(k) ||
        tab.places.count(k) || tab.given_places.count(k) || tab.orgs.count(k))
        return false;
    // "the Obama administration": an office's word vouches for a name no list knows.
    return tab.known_surnames.count(k) > 0 || tab.known_given.count(k) > 0 || s.office;
}

bool drop_english_opener(Segment& s) {
    const PeopleTables& tab = people_tables();
    if (s.names < 3 || s.cls[0] != Cls::Name || s.cls[1] != Cls::Name) return false;
    if (!english_word(s.keys[0], tab) || tab.known_given.count(s.keys[0])) return false;
    if (!tab.known_given.count(s.keys[1]) || english_word(s.keys[1], tab)) return false;
    s.words.erase(s.words.begin());
    s.keys.erase(s.keys.begin());
    s.cls.erase(s.cls.begin());
    --s.names;
    return true;
}

std::string join(const std::vector<std::string>& w, std::size_t b, std::size_t e) {
    std::string s;
    for (std::size_t i = b; i < e; ++i) {
        if (i > b) s += ' ';
        s += w[i];
    }
    return s;
}

std::string role_of(std::string_view title_word) {
    std::string k = table_key(title_word);
    while (!k.empty() && k.back() == '.')
        k.pop_back();
    static constexpr std::string_view honorifics[] = {
        "mr",    "mrs", "ms",   "miss", "mx",   "dr",   "sir",    "dame",
        "madam", "mme", "mlle", "herr", "frau", "sr",   "sra",    "srta",
        "hon",   "rt",  "the",  "dear", "lord", "lady", "former", "late"};
    for (auto h : honorifics)
        if (k == h) return "";
    // Abbreviated ranks and offices, spelt out so that "Gen." and "General" are one role.
    static constexpr std::pair<std::string_view, std::string_view> spelt[] = {
        {"gen", "general"},         {"sen", "senator"},    {"rep", "representative"},
        {"gov", "governor"},        {"lt", "lieutenant"},  {"lieut", "lieutenant"},
        {"sgt", "sergeant"},        {"capt", "captain"},   {"cpt", "captain"},
        {"col", "colonel"},         {"maj", "major"},      {"adm", "admiral"},
        {"cmdr", "commander"},      {"cdr", "commander"},  {"rev", "reverend"},
        {"fr", "father"},           {"prof", "professor"}, {"pres", "president"},
        {"supt", "superintendent"}, {"insp", "inspector"}, {"det", "detective"},
        {"cpl", "corporal"},        {"pvt", "private"},    {"msgr", "monsignor"},
        {"qb", "quarterback"},      {"gk", "goalkeeper"},  {"amb", "ambassador"}};
    for (const auto& [abbr, full] : spelt)
        if (k == abbr) return std::string(full);
    return k;
}

void scan_text(std::string_view text, std::vector<Candidate>& out, bool list_row) {
    if (text.empty()) return;
    const PeopleTables& tab = people_tables();
    std::string buf;
    text = without_invisibles(text, buf);
    std::vector<NameToken> t = tokenize_for_names(text, tab.abbreviations);
    drop_nicknames(t);
    scan_hangul(t, out);
    bool known_only = !list_row && title_case(t, tab);
    std::vector<Segment> segs;
    bool last_killed = false; // the previous run ended in an organisation or place
    std::size_t last_end = 0;
    std::size_t last_seg = static_cast<std::size_t>(-1); // index in out of the run's last
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
        // "scelte da Giulia Bernardi", "de Jérémy Piette": a particle in lower case that
        // opens the run, before a known given name, is the language's preposition, not
        // part of the name after it.
        for (auto& sg : segs) {
            if (sg.names < 2 || sg.cls.front() != Cls::Particle || sg.words.front().empty() ||
                !std::islower(static_cast<unsigned char>(sg.words.front()[0])))
                continue;
            // Only before a known given name: "del Estado Islámico", "de la Universidad
            // de Lisboa" are organisations and stay out whole.
            if (sg.cls.size() < 2 || sg.cls[1] != Cls::Name || !tab.known_given.count(sg.keys[1]) ||
                english_word(sg.keys[1], tab))
                continue;
            sg.words.erase(sg.words.begin());
            sg.keys.erase(sg.keys.begin());
            sg.cls.erase(sg.cls.begin());
            sg.sentence_start = false;
        }
        if (!segs.empty()) {
            // "said Ana Ruiz", "according to Ana Ruiz", "Ana Ruiz said", "Ruiz, who".
            auto cue_word = [&](std::size_t k) {
                return t[k].kind == Kind::Word && tab.cues.count(table_key(t[k].text)) > 0;
            };
            std::size_t after =
                j < t.size() && t[j].kind == Kind::Punct && t[j].text == "," ? j + 1 : j;
            if (after < t.size() && cue_word(after)) segs.back().person_cue = true;
            if (j < t.size() && t[j].kind == Kind::Word && tab.eponym.count(table_key(t[j].text))) {
                // "the Reagan administration": "the" kills no name here; judge() below
                // still kills an organisation or a place ("the Kremlin administration").
                segs.back().eponym = true;
                segs.back().office = tab.office_eponym.count(table_key(t[j].text)) > 0;
                if (segs.back().keys.size() == 1) segs.back().killed = false;
            }
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
            // "moved to Cobble Hill", "near Notting Hill": a neighbourhood.
            if (i > 0 && t[i - 1].kind == Kind::Word && !t[i - 1].cap && segs.front().names >= 2 &&
                !segs.front().possessive && tab.locative_markers.count(segs.front().keys.back())) {
                static const std::unordered_set<std::string> locative = {
                    "in",      "to",     "from",    "near",   "into",   "around",
                    "outside", "across", "through", "toward", "towards"};
                if (locative.count(table_key(t[i - 1].text))) segs.front().killed = true;
            }
            // "striker Vinicius", "director Kogonada": a role noun in lower case right
            // before one word that is no English, common, place or organisation word
            // cues it as a person. Capitalised, the same noun is too weak ("Curator"
            // heads a column); the modifiers that are adjectives never cue.
            if (i > 0 && j == i + 1 && t[i - 1].kind == Kind::Word && !t[i - 1].cap &&
                !t[i - 1].possessive && segs.size() == 1 && segs[0].keys.size() == 1 &&
                !segs[0].cue) {
                std::string k = table_key(t[i - 1].text);
                const std::string& w = segs[0].keys[0];
                if (tab.modifiers.count(k) && role_noun(k) && !english_word(w, tab) &&
                    !tab.common.count(w) && !tab.places.count(w) && !tab.orgs.count(w) &&
                    !tab.given_places.count(w) && !tab.markers.count(w) && !tab.is_title(w)) {
                    segs[0].cue = true;
                    if (segs[0].role.empty()) segs[0].role = role_of(k);
                }
            }
        }
        // “Job Simulator”, "Restless Creature": a name-shaped run that is the whole of a
        // quotation is the title of a work.
        if (segs.size() == 1 && segs[0].names >= 2 && i > 0 && j < t.size() && is_quote(t[i - 1]) &&
            is_quote(t[j]))
            segs[0].killed = true;
        // "Journal of Reef Science", "Center for Coastal Studies": the words after "of"
        // or "for" belong to the organisation before them.
        bool org_tail = last_killed && last_end + 1 == i && t[last_end].kind == Kind::Word &&
                        (t[last_end].text == "of" || t[last_end].text == "for");
        // "Rock and Roll Hall of Fame", "Alden Chamber of Commerce": a name-shaped run
        // before "of" and one marker word is the head of that thing's name.
        bool of_marker_next = false;
        for (std::size_t k = 0; k < segs.size(); ++k) {
            Segment& s = segs[k];
            judge(s, tab);
            if (k == 0 && j == i + 1 && tab.markers.count(s.keys[0])) of_marker_next = true;
            s.listed = list_row;
            drop_english_opener(s); // "Feminist Glenn Fleishman"
            // A Cyrillic phrase with no given name, surname or surname ending is no name
            // ("Государственная Дума"); one that is goes to the nominative.
            if (!s.killed && !russian_nominative(s, tab) && s.names >= 2 &&
                std::any_of(s.keys.begin(), s.keys.end(),
                            [](const std::string& k) { return cyrillic(k); }))
                s.killed = true;
            if (k == 0 && org_tail) s.killed = true;
            last_killed = s.killed;
            // In a heading, "Photo by James Martin": a name after "by" still counts.
            bool after_by = k == 0 && i > 0 && t[i - 1].kind == Kind::Word &&
                            (t[i - 1].text == "by" || t[i - 1].text == "By");
            out.push_back({std::move(s), known_only && !after_by});
        }
        if (of_marker_next && last_seg < out.size() && last_end + 1 == i &&
            t[last_end].kind == Kind::Word && t[last_end].text == "of")
            out[last_seg].seg.killed = true;
        if (segs.empty()) last_killed = false;
        last_seg = segs.empty() ? static_cast<std::size_t>(-1) : out.size() - 1;
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
