#include "han_names.hpp"

#include "record/data.hpp"
#include "text.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace morgue::names {

namespace {

struct HanTables {
    std::unordered_set<char32_t> translit;
    std::vector<std::u32string> credit_labels;
};

std::u32string decode(std::string_view s, std::vector<std::size_t>* offsets = nullptr) {
    std::u32string out;
    out.reserve(s.size());
    std::int32_t i = 0;
    const auto n = static_cast<std::int32_t>(s.size());
    while (i < n) {
        if (offsets) offsets->push_back(static_cast<std::size_t>(i));
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    if (offsets) offsets->push_back(s.size());
    return out;
}

std::string encode(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) {
        uint8_t buf[4];
        std::int32_t len = 0;
        UBool bad = false;
        U8_APPEND(buf, len, 4, static_cast<UChar32>(c), bad);
        if (!bad) out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
    }
    return out;
}

const HanTables& tables() {
    static const HanTables t = [] {
        HanTables h;
        bool credits = false;
        for (auto line : split_lines(data::han_names)) {
            line = trim(line);
            if (line.empty() || line[0] == '#') continue;
            if (line == "[transliteration]" || line == "[credits]") {
                credits = line == "[credits]";
                continue;
            }
            std::size_t i = 0;
            while (i < line.size()) {
                std::size_t j = line.find(' ', i);
                if (j == std::string_view::npos) j = line.size();
                if (j > i) {
                    std::u32string e = decode(line.substr(i, j - i));
                    if (credits)
                        h.credit_labels.push_back(e);
                    else if (e.size() == 1)
                        h.translit.insert(e[0]);
                }
                i = j + 1;
            }
        }
        // Longest label first: "责任编辑" before "编辑".
        std::sort(h.credit_labels.begin(), h.credit_labels.end(),
                  [](const auto& a, const auto& b) { return a.size() > b.size(); });
        return h;
    }();
    return t;
}

bool is_han(char32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_HAN && U_SUCCESS(err);
}

bool is_dot(char32_t c) {
    return c == U'\u00B7' || c == U'\u2027' || c == U'\u30FB' || c == U'\uFF65' || c == U'\u2022' ||
           c == U'\u2219';
}

// Characters that end an organisation, not a person: "新华社", "人民网", "编辑部".
bool org_final(char32_t c) {
    static const std::u32string_view finals = U"社网報报部组組台站局院会會团團室处處所司";
    return finals.find(c) != std::u32string_view::npos;
}

bool cheap_has_han(std::string_view s) {
    // CJK Unified Ideographs (U+4E00..U+9FFF) start with lead bytes E4..E9.
    for (unsigned char c : s)
        if (c >= 0xE4 && c <= 0xE9) return true;
    return false;
}

struct Found {
    std::u32string key;     // parts joined by U+00B7
    std::u32string written; // as written
    bool real_dot = true;   // written with an interpunct, not "?"
    std::string latin;
    std::size_t pos = 0; // where it starts in its text
};

class Scanner {
  public:
    explicit Scanner(const HanTables& t) : t_(t) {}

    void scan(std::u32string_view s, std::vector<Found>& out) const {
        std::vector<bool> used(s.size(), false);
        std::size_t from = out.size();
        transliterations(s, used, out);
        credits(s, used, out);
        std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
                         [](const Found& a, const Found& b) { return a.pos < b.pos; });
    }

  private:
    bool tl(char32_t c) const { return t_.translit.count(c) > 0; }

    // "?" stands for a lost interpunct only between two transliteration characters.
    bool separator(std::u32string_view s, std::size_t i) const {
        if (i == 0 || i + 1 >= s.size()) return false;
        if (!tl(s[i - 1]) || !tl(s[i + 1])) return false;
        return is_dot(s[i]) || s[i] == U'?';
    }

    void transliterations(std::u32string_view s, std::vector<bool>& used,
                          std::vector<Found>& out) const {
        for (std::size_t i = 1; i + 1 < s.size(); ++i) {
            if (used[i] || !separator(s, i)) continue;
            std::size_t begin = i;
            while (begin > 0 && tl(s[begin - 1]) && i - begin < 4)
                --begin;
            std::vector<std::size_t> seps{i};
            std::size_t end = i + 1;
            for (;;) {
                std::size_t part = end;
                while (end < s.size() && tl(s[end]) && end - part < 6)
                    ++end;
                if (end - part == 0) break;
                if (seps.size() < 3 && separator(s, end)) {
                    seps.push_back(end);
                    ++end;
                    continue;
                }
                break;
            }
            // Every part present; "?" only between parts of two characters or more.
            bool question = false;
            std::size_t prev = begin;
            bool ok = i - begin >= 1;
            for (std::size_t k = 0; k < seps.size() && ok; ++k) {
                std::size_t next_end = k + 1 < seps.size() ? seps[k + 1] : end;
                if (next_end - seps[k] < 2) ok = false;
                if (s[seps[k]] == U'?') {
                    question = true;
                    if (seps[k] - prev < 2 || next_end - seps[k] - 1 < 2) ok = false;
                }
                prev = seps[k] + 1;
            }
            if (!ok || end - begin - seps.size() < 3) continue;
            Found f;
            f.written = s.substr(begin, end - begin);
            f.key = f.written;
            for (auto& c : f.key)
                if (is_dot(c) || c == U'?') c = U'\u00B7';
            f.real_dot = !question;
            f.latin = latin_after(s, end);
            f.pos = begin;
            for (std::size_t k = begin; k < end; ++k)
                used[k] = true;
            out.push_back(std::move(f));
            i = end;
        }
    }

    // "(Buzz Aldrin)" or "（Dave Hanson）" right after a name: letters, spaces, periods,
    // hyphens and apostrophes, two words or more.
    static std::string latin_after(std::u32string_view s, std::size_t i) {
        while (i < s.size() && (s[i] == U' ' || s[i] == U'\u3000'))
            ++i;
        if (i >= s.size() || (s[i] != U'(' && s[i] != U'\uFF08')) return {};
        std::size_t j = i + 1;
        bool space = false;
        while (j < s.size() && j - i < 60 && s[j] != U')' && s[j] != U'\uFF09') {
            char32_t c = s[j];
            bool letter = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
                          (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
            if (c == U' ') space = true;
            if (!letter && c != U' ' && c != U'.' && c != U'-' && c != U'\'') return {};
            ++j;
        }
        if (j >= s.size() || j - i >= 60 || !space) return {};
        return encode(s.substr(i + 1, j - i - 1));
    }

    void credits(std::u32string_view s, std::vector<bool>& used, std::vector<Found>& out) const {
        static const std::u32string_view seps = U":：︱|/／丨 \u3000";
        for (const auto& label : t_.credit_labels) {
            for (std::size_t at = s.find(label); at != std::u32string_view::npos;
                 at = s.find(label, at + 1)) {
                if (used[at]) continue;
                std::size_t i = at + label.size();
                std::size_t gap = i;
                while (i < s.size() && seps.find(s[i]) != std::u32string_view::npos)
                    ++i;
                if (i == gap) continue; // "编辑部", "作者们": no separator, no credit
                for (std::size_t k = at; k < i; ++k)
                    used[k] = true;
                // One name or several, separated by spaces or "、".
                for (;;) {
                    std::size_t b = i;
                    while (i < s.size() && is_han(s[i]) && i - b <= 4)
                        ++i;
                    std::size_t len = i - b;
                    bool boundary = i >= s.size() || !is_han(s[i]);
                    if (len < 2 || len > 4 || !boundary || org_final(s[i - 1])) break;
                    Found f;
                    f.written = f.key = s.substr(b, len);
                    f.pos = b;
                    for (std::size_t k = b; k < i; ++k)
                        used[k] = true;
                    out.push_back(std::move(f));
                    std::size_t n = i;
                    while (n < s.size() && (s[n] == U' ' || s[n] == U'\u3000' || s[n] == U'、'))
                        ++n;
                    if (n == i || n >= s.size() || !is_han(s[n])) break;
                    i = n;
                }
            }
        }
    }

    const HanTables& t_;
};

} // namespace

std::vector<HanName> find_han_names(const std::vector<std::string_view>& texts) {
    const HanTables& t = tables();
    Scanner scan(t);
    std::vector<HanName> names;
    std::unordered_map<std::u32string, std::size_t> by_key;
    std::unordered_map<std::u32string, bool> has_real;
    std::size_t order = 0;
    for (auto text : texts) {
        if (!cheap_has_han(text)) continue;
        std::vector<Found> found;
        scan.scan(decode(text), found);
        for (auto& f : found) {
            auto [it, fresh] = by_key.try_emplace(f.key, names.size());
            if (fresh) {
                HanName h;
                h.name = encode(f.written);
                h.first = order++;
                names.push_back(std::move(h));
                has_real[f.key] = f.real_dot;
            } else if (f.real_dot && !has_real[f.key]) {
                names[it->second].name = encode(f.written); // "巴兹·奥尔德林" over "巴兹?奥尔德林"
                has_real[f.key] = true;
            }
            HanName& h = names[it->second];
            ++h.mentions;
            if (!f.latin.empty() &&
                std::find(h.latin.begin(), h.latin.end(), f.latin) == h.latin.end())
                h.latin.push_back(f.latin);
        }
    }
    return names;
}

} // namespace morgue::names
