#include "name_tokens.hpp"

#include "people_tables.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace morgue {

namespace {

// Decodes the code point at i; returns its length (1 for an invalid byte).
std::size_t decode(std::string_view s, std::size_t i, UChar32& cp) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
        cp = static_cast<unsigned char>(s[i]);
        return 1;
    }
    std::int32_t off = static_cast<std::int32_t>(i);
    std::int32_t len = static_cast<std::int32_t>(s.size());
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), off, len, cp);
    if (cp < 0) cp = 0xFFFD;
    return static_cast<std::size_t>(off) - i;
}

bool is_letter(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return u_isalpha(c);
}
bool is_upper(UChar32 c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(c) || u_istitle(c);
}
bool is_lower(UChar32 c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return u_islower(c);
}
bool is_digit(UChar32 c) {
    return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c);
}
bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}
bool is_hyphen(UChar32 c) {
    return c == '-' || c == 0x2010 || c == 0x2011;
}
bool is_space(UChar32 c) {
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || (c > 0x7F && u_isUWhiteSpace(c));
}

} // namespace

std::vector<NameToken> tokenize_for_names(std::string_view s,
                                          const std::unordered_set<std::string>& abbreviations) {
    std::vector<NameToken> out;
    out.reserve(s.size() / 5 + 4);
    bool sentence_start = true, line_start = true;
    std::size_t i = 0;
    UChar32 c, d;
    while (i < s.size()) {
        std::size_t n = decode(s, i, c);
        if (c == '\n') {
            sentence_start = line_start = true;
            i += n;
            continue;
        }
        if (is_space(c)) {
            i += n;
            continue;
        }
        NameToken t;
        t.sentence_start = sentence_start;
        t.line_start = line_start;
        if (is_letter(c)) {
            t.kind = NameToken::Kind::Word;
            std::size_t start = i, end = i;
            bool prev_lower = false, single_upper = true;
            std::size_t letters = 0;
            t.cap = is_upper(c);
            while (end < s.size()) {
                std::size_t m = decode(s, end, c);
                if (is_letter(c) || is_digit(c) || c == 0x0301 || c == 0x0308) {
                    bool up = is_upper(c), low = is_lower(c);
                    if (up && prev_lower) t.has_inner_cap = true;
                    if (low) t.has_lower = true;
                    prev_lower = low;
                    ++letters;
                    end += m;
                    continue;
                }
                if (end + m >= s.size()) break;
                std::size_t k = decode(s, end + m, d);
                if (is_apostrophe(c) && is_letter(d)) {
                    // "Musk's" / "Musk’s": a possessive when just an s follows.
                    std::size_t after = end + m + k;
                    UChar32 e = 0;
                    if (after < s.size()) decode(s, after, e);
                    if ((d == 's' || d == 'S') && (after >= s.size() || !is_letter(e))) {
                        t.possessive = true;
                        t.text = s.substr(start, end - start);
                        end = after;
                        break;
                    }
                    end += m; // O'Neil, D'Angelo, don't
                    prev_lower = false;
                    continue;
                }
                if (is_hyphen(c) && is_letter(d)) {
                    end += m;
                    prev_lower = false;
                    continue;
                }
                break;
            }
            if (!t.possessive) t.text = s.substr(start, end - start);
            single_upper = letters == 1 && t.cap;
            // "Ross'": a trailing apostrophe after s is a possessive.
            if (!t.possessive && end < s.size()) {
                std::size_t m = decode(s, end, c);
                char last = t.text.back();
                if (is_apostrophe(c) && (last == 's' || last == 'S')) {
                    UChar32 e = 0;
                    if (end + m < s.size()) decode(s, end + m, e);
                    if (!is_letter(e)) {
                        t.possessive = true;
                        end += m;
                    }
                }
            }
            // A full stop right after the word: an initial ("J.", "J.D."), an
            // abbreviation ("Sen.", "Oct."), or the end of a sentence.
            bool ends_sentence = false;
            if (!t.possessive && end < s.size() && s[end] == '.') {
                if (single_upper) {
                    std::size_t e = end + 1;
                    // "J.D.": more single letters each followed by a stop.
                    while (e + 1 < s.size() && s[e] >= 'A' && s[e] <= 'Z' && s[e + 1] == '.')
                        e += 2;
                    t.initial = true;
                    t.text = s.substr(start, e - start);
                    end = e;
                } else {
                    std::string key = table_key(s.substr(start, end + 1 - start));
                    if (abbreviations.count(key)) {
                        t.text = s.substr(start, end + 1 - start);
                        end += 1;
                    } else {
                        ends_sentence = true;
                    }
                }
            } else if (single_upper && (end >= s.size() || s[end] == ' ') && t.text != "A" &&
                       t.text != "I" && !t.possessive) {
                t.initial = true; // "Mary K Ruiz"
            }
            out.push_back(t);
            i = end;
            sentence_start = false;
            line_start = false;
            if (ends_sentence) {
                NameToken p;
                p.kind = NameToken::Kind::Punct;
                p.text = s.substr(end, 1);
                out.push_back(p);
                i = end + 1;
                sentence_start = true;
            }
            continue;
        }
        if (is_digit(c)) {
            std::size_t start = i;
            while (i < s.size()) {
                std::size_t m = decode(s, i, c);
                bool joins = (c == '.' || c == ',' || c == ':') && i + 1 < s.size() &&
                             s[i + 1] >= '0' && s[i + 1] <= '9';
                if (!(is_digit(c) || joins)) break;
                i += m;
            }
            t.kind = NameToken::Kind::Number;
            t.text = s.substr(start, i - start);
            out.push_back(t);
            sentence_start = line_start = false;
            continue;
        }
        t.kind = NameToken::Kind::Punct;
        t.text = s.substr(i, n);
        // "#Hamilton", "@ana_ruiz": a hashtag or handle is one token, never a name.
        if ((c == '#' || c == '@') && i + 1 < s.size() && decode(s, i + 1, d) && is_letter(d)) {
            std::size_t e = i + 1;
            while (e < s.size()) {
                std::size_t m = decode(s, e, d);
                if (!(is_letter(d) || is_digit(d) || d == '_')) break;
                e += m;
            }
            t.text = s.substr(i, e - i);
            out.push_back(t);
            i = e;
            continue;
        }
        out.push_back(t);
        i += n;
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2022 || c == ';')
            sentence_start = true;
    }
    return out;
}

} // namespace morgue
