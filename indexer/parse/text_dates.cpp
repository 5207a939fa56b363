#include "text_dates.hpp"

#include "record/data.hpp"
#include "text.hpp"

#include <cctype>
#include <string>
#include <unordered_map>

namespace morgue {

namespace {

struct DateWords {
    std::unordered_map<std::string, unsigned> months;
    std::vector<std::string> published, modified; // folded cue words and phrases
};

std::string fold_word(std::string_view w) {
    std::string f = fold_for_match(w);
    while (!f.empty() && f.back() == '.')
        f.pop_back();
    return f;
}

const DateWords& words() {
    static const DateWords table = [] {
        DateWords t;
        for (auto line : split_lines(data::date_words)) {
            line = trim(line);
            if (line.empty() || line[0] == '#') continue;
            std::vector<std::string> tok;
            std::size_t at = 0;
            while (at < line.size()) {
                std::size_t sp = line.find(' ', at);
                if (sp == std::string_view::npos) sp = line.size();
                if (sp > at) tok.emplace_back(line.substr(at, sp - at));
                at = sp + 1;
            }
            if (tok.size() < 2) continue;
            if (tok[0] == "month" && tok.size() >= 3) {
                unsigned m = static_cast<unsigned>(std::stoi(tok[1]));
                for (std::size_t i = 2; i < tok.size(); ++i)
                    t.months.emplace(fold_word(tok[i]), m);
            } else if (tok[0] == "published" || tok[0] == "modified") {
                auto& out = tok[0] == "published" ? t.published : t.modified;
                for (std::size_t i = 1; i < tok.size(); ++i)
                    out.push_back(fold_word(tok[i]));
            }
        }
        return t;
    }();
    return table;
}

struct Tok {
    enum Kind { Num, Word, Punct } kind;
    std::size_t pos, len;
    int value = 0;    // Num
    std::string word; // Word: folded; Punct: the character
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::vector<Tok> tokenize(std::string_view s) {
    std::vector<Tok> out;
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (is_space(c)) {
            ++i;
        } else if (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xA0') {
            i += 2; // no-break space
        } else if (is_digit(s[i])) {
            std::size_t j = i;
            int v = 0;
            while (j < s.size() && is_digit(s[j])) {
                if (j - i < 6) v = v * 10 + (s[j] - '0');
                ++j;
            }
            out.push_back({Tok::Num, i, j - i, v, {}});
            i = j;
        } else if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
            out.push_back({Tok::Punct, i, 1, 0, std::string(1, s[i])});
            ++i;
        } else {
            // A word: letters (any non-ASCII byte counts as one) up to a space, digit or
            // ASCII punctuation; a full stop right after it belongs to an abbreviation.
            std::size_t j = i;
            while (j < s.size()) {
                unsigned char d = static_cast<unsigned char>(s[j]);
                if (d < 0x80 && !((d | 0x20) >= 'a' && (d | 0x20) <= 'z')) break;
                if (d == 0xC2 && j + 1 < s.size() && s[j + 1] == '\xA0') break;
                ++j;
            }
            out.push_back({Tok::Word, i, j - i, 0, fold_word(s.substr(i, j - i))});
            i = j;
        }
    }
    return out;
}

bool is_punct(const Tok& t, std::string_view chars) {
    return t.kind == Tok::Punct && chars.find(t.word[0]) != std::string_view::npos;
}

bool day_suffix(const Tok& t) {
    static const char* const s[] = {"st", "nd", "rd", "th", "er", "eme", "o", "º", "ª"};
    if (t.kind != Tok::Word) return false;
    for (const char* x : s)
        if (t.word == x) return true;
    return false;
}

bool year_ok(int y) {
    return y >= 1900 && y <= 2100;
}

// Tries the patterns at token i; on success sets ymd and the index after the date.
bool match_at(const std::vector<Tok>& t, std::size_t i, bool month_first, bool short_year, Ymd& ymd,
              std::size_t& end) {
    auto num = [&](std::size_t k, std::size_t minlen, std::size_t maxlen) {
        return k < t.size() && t[k].kind == Tok::Num && t[k].len >= minlen && t[k].len <= maxlen;
    };
    auto word_is = [&](std::size_t k, std::initializer_list<std::string_view> ws) {
        if (k >= t.size() || t[k].kind != Tok::Word) return false;
        for (auto w : ws)
            if (t[k].word == w) return true;
        return false;
    };
    auto set = [&](int y, int m, int d, std::size_t e) {
        if (!year_ok(y) || m < 1 || m > 12 || d < 1 || !valid_ymd(y, unsigned(m), unsigned(d)))
            return false;
        ymd = Ymd{y, unsigned(m), unsigned(d)};
        end = e;
        return true;
    };
    const auto& months = words().months;
    auto month_of = [&](std::size_t k) -> unsigned {
        if (k >= t.size() || t[k].kind != Tok::Word) return 0;
        auto it = months.find(t[k].word);
        return it == months.end() ? 0 : it->second;
    };
    // Numeric: Y-M-D, Y/M/D, Y.M.D ("2022. 5. 4."), D.M.Y, D/M/Y or M/D/Y.
    if (num(i, 1, 4) && i + 3 < t.size() && is_punct(t[i + 1], "-/.") && num(i + 2, 1, 2) &&
        t[i + 3].kind == Tok::Punct && t[i + 3].word == t[i + 1].word) {
        if (t[i].len == 4 && num(i + 4, 1, 2) &&
            !(i + 5 < t.size() && is_punct(t[i + 5], "-/") && num(i + 6, 1, 4)))
            return set(t[i].value, t[i + 2].value, t[i + 4].value, i + 5);
        if (t[i].len <= 2 && num(i + 4, 4, 4)) {
            int a = t[i].value, b = t[i + 2].value;
            bool mdy =
                t[i + 1].word == "/" && (month_first ? a <= 12 || b > 12 : a <= 12 && b > 12);
            return mdy ? set(t[i + 4].value, a, b, i + 5) : set(t[i + 4].value, b, a, i + 5);
        }
    }
    // D.M.YY ("8.5.12", "28.09.19") where only a date can stand: not followed by more
    // dotted numbers (a version, "1.2.12.4").
    if (short_year && num(i, 1, 2) && i + 4 < t.size() && is_punct(t[i + 1], ".") &&
        num(i + 2, 1, 2) && is_punct(t[i + 3], ".") &&
        t[i + 3].pos == t[i + 2].pos + t[i + 2].len && num(i + 4, 2, 2) &&
        t[i + 4].pos == t[i + 3].pos + 1 &&
        !(i + 6 < t.size() && is_punct(t[i + 5], ".") && t[i + 6].kind == Tok::Num &&
          t[i + 6].pos == t[i + 5].pos + 1)) {
        int yy = t[i + 4].value;
        return set(yy < 70 ? 2000 + yy : 1900 + yy, t[i + 2].value, t[i].value, i + 5);
    }
    // CJK: 2022년 5월 4일, 2020年7月12日.
    if (num(i, 4, 4) && word_is(i + 1, {"년", "年"}) && num(i + 2, 1, 2) &&
        word_is(i + 3, {"월", "月"}) && num(i + 4, 1, 2) &&
        (i + 5 >= t.size() || t[i + 5].kind != Tok::Word || t[i + 5].word.rfind("일", 0) == 0 ||
         t[i + 5].word.rfind("日", 0) == 0))
        return set(t[i].value, t[i + 2].value, t[i + 4].value, i + 6);
    // Day, month name, year: "19. Oktober 2019", "4 de mayo de 2022", "1st May, 2021".
    if (num(i, 1, 2)) {
        std::size_t k = i + 1;
        if (k < t.size() && (is_punct(t[k], ".") || day_suffix(t[k]))) ++k;
        if (word_is(k, {"de"})) ++k;
        if (unsigned m = month_of(k); m) {
            std::size_t y = k + 1;
            if (y < t.size() && is_punct(t[y], ".,")) ++y;
            if (word_is(y, {"de", "del", "of"})) ++y;
            if (num(y, 4, 4)) return set(t[y].value, int(m), t[i].value, y + 1);
        }
    }
    // Month name, day, year: "October 19, 2019", "Oct. 19th 2019", "mayo 4, 2022".
    if (unsigned m = month_of(i); m) {
        std::size_t k = i + 1;
        if (k < t.size() && is_punct(t[k], ".")) ++k;
        if (num(k, 1, 2)) {
            std::size_t y = k + 1;
            if (y < t.size() && day_suffix(t[y])) ++y;
            if (y < t.size() && is_punct(t[y], ",")) ++y;
            if (num(y, 4, 4)) return set(t[y].value, int(m), t[k].value, y + 1);
        }
    }
    return false;
}

// Whether folded text ends with one of the cue words (as a whole word), allowing a few
// words between the cue and the date ("Veröffentlicht am", "Posted on", "Publié le").
bool cue_before(std::string_view before, const std::vector<std::string>& cues) {
    std::string f = fold_for_match(before);
    // The last few words only.
    std::size_t words = 0, at = f.size();
    while (at > 0 && words < 4) {
        --at;
        if (f[at] == ' ') ++words;
    }
    std::string_view tail = std::string_view(f).substr(at);
    for (const auto& c : cues) {
        std::size_t p = tail.find(c);
        while (p != std::string_view::npos) {
            bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(tail[p - 1]));
            std::size_t e = p + c.size();
            bool right = e >= tail.size() || !std::isalnum(static_cast<unsigned char>(tail[e]));
            if (left && right) return true;
            p = tail.find(c, p + 1);
        }
    }
    return false;
}

} // namespace

unsigned month_from_word(std::string_view word) {
    const auto& m = words().months;
    auto it = m.find(fold_word(word));
    return it == m.end() ? 0 : it->second;
}

std::vector<TextDate> find_text_dates(std::string_view text, bool month_first, std::size_t max,
                                      bool short_year) {
    std::vector<TextDate> out;
    if (text.size() > 200000) text = text.substr(0, 200000);
    auto t = tokenize(text);
    for (std::size_t i = 0; i < t.size() && out.size() < max;) {
        Ymd ymd;
        std::size_t end = 0;
        // A number glued to the previous token by a separator ("1.2.3.2019") is not a start.
        bool glued = i > 0 && t[i].kind == Tok::Num && t[i - 1].kind == Tok::Punct &&
                     t[i - 1].pos + 1 == t[i].pos && t[i - 1].word != "(" && i > 1 &&
                     t[i - 2].kind == Tok::Num && t[i - 2].pos + t[i - 2].len == t[i - 1].pos;
        if (!glued && match_at(t, i, month_first, short_year, ymd, end)) {
            TextDate d;
            d.ymd = ymd;
            d.pos = t[i].pos;
            std::size_t from = d.pos > 60 ? d.pos - 60 : 0;
            std::string_view before = text.substr(from, d.pos - from);
            d.modified = cue_before(before, words().modified);
            d.published = !d.modified && cue_before(before, words().published);
            out.push_back(d);
            i = end;
        } else {
            ++i;
        }
    }
    return out;
}

} // namespace morgue
