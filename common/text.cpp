#include "text.hpp"

#include "fold_table.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

namespace morgue {

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when invalid.
std::size_t utf8_seq(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t n;
    char32_t min;
    if ((c & 0xE0) == 0xC0) {
        n = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

// The 8 bytes at s[i] (when there are 8) as one little word, for testing them at once.
bool load_word(std::string_view s, std::size_t i, std::uint64_t& w) {
    if (s.size() - i < 8) return false;
    std::memcpy(&w, s.data() + i, 8);
    return true;
}

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// All 8 bytes at s[i] are ASCII.
bool ascii_word(std::string_view s, std::size_t i) {
    std::uint64_t w;
    return load_word(s, i, w) && (w & kHighBits) == 0;
}

// All 8 bytes at s[i] are ASCII and none is below 0x20 (no control byte, no tab or
// newline either: those take the byte-wise path). For ASCII bytes, a byte below 0x20
// is one whose high bit is set by subtracting 0x20.
bool plain_word(std::string_view s, std::size_t i) {
    std::uint64_t w;
    return load_word(s, i, w) && ((w | (w - 0x2020202020202020ULL)) & kHighBits) == 0;
}

bool is_unicode_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

} // namespace

bool is_valid_utf8(std::string_view s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        if (ascii_word(s, i)) {
            i += 8;
            continue;
        }
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = utf8_seq(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string repair_utf8(std::string_view s) {
    // Runs of bytes that stay as they are (text ASCII, valid sequences) are copied whole;
    // only invalid bytes (to U+FFFD) and control bytes (dropped) break a run.
    std::string out;
    out.reserve(s.size());
    std::size_t run = 0; // s[run, i) is kept as it is
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        if (plain_word(s, i)) {
            i += 8;
            continue;
        }
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80) {
            ++i;
            continue;
        }
        if (c < 0x20) {
            if (c == '\t' || c == '\n' || c == '\r') {
                ++i;
                continue;
            }
            out.append(s.substr(run, i - run)); // a control byte: dropped
            run = ++i;
            continue;
        }
        std::size_t n = utf8_seq(s, i, cp);
        if (n > 0) {
            i += n;
            continue;
        }
        out.append(s.substr(run, i - run));
        out += "\xEF\xBF\xBD";
        run = ++i;
    }
    out.append(s.substr(run));
    return out;
}

std::string normalize_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { // ASCII: a run without spaces is copied whole
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                pending = true;
                ++i;
                continue;
            }
            if (pending && !out.empty()) out += ' ';
            pending = false;
            std::size_t j = i + 1;
            while (j < s.size()) {
                auto d = static_cast<unsigned char>(s[j]);
                if (d >= 0x80 || d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f' ||
                    d == '\v')
                    break;
                ++j;
            }
            out.append(s, i, j - i);
            i = j;
            continue;
        }
        std::size_t n = utf8_seq(s, i, cp);
        if (n == 0) { // keep the byte; repair_utf8 is the place to fix encodings
            if (pending && !out.empty()) out += ' ';
            pending = false;
            out += s[i++];
            continue;
        }
        if (is_unicode_space(cp)) {
            pending = true;
        } else {
            if (pending && !out.empty()) out += ' ';
            pending = false;
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    auto is_sp = [](std::string_view v, std::size_t i) -> std::size_t {
        unsigned char c = static_cast<unsigned char>(v[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
        return 0;
    };
    while (!s.empty()) {
        if (is_sp(s, 0)) {
            s.remove_prefix(1);
        } else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') {
            s.remove_prefix(2);
        } else {
            break;
        }
    }
    while (!s.empty()) {
        if (is_sp(s, s.size() - 1)) {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
            s.remove_suffix(2);
        } else {
            break;
        }
    }
    return s;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        std::string_view line =
            s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (nl == std::string_view::npos) {
            if (!line.empty()) lines.push_back(line);
            break;
        }
        lines.push_back(line);
        start = nl + 1;
    }
    return lines;
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace {

void fold_into(std::string_view s, bool case_fold, std::string& out) {
    out.reserve(out.size() + s.size());
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += case_fold && c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32)
                                                     : static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t n = utf8_seq(s, i, cp);
        if (n == 0) {
            out += s[i++];
            continue;
        }
        if (cp < fold_table::kLimit) {
            // Tables made from ICU at build time (fold_table.hpp): folding through ICU
            // at run time cost microseconds a code point and 20 ms to set up.
            out += case_fold ? fold_table::kMatch[cp] : fold_table::kAccent[cp];
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
}

} // namespace

std::string fold_accents(std::string_view s) {
    if (is_ascii(s)) return std::string(s);
    std::string out;
    fold_into(s, false, out);
    return out;
}

std::string fold_for_match(std::string_view s) {
    std::string folded;
    fold_into(s, true, folded);
    // Latin-ASCII has already made curly apostrophes and dashes ASCII; the modifier
    // letter apostrophe and the backtick are apostrophes too.
    std::string out = normalize_space(folded);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '`') out[i] = '\'';
    }
    return out;
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        if (c == ' ')
            in = false;
        else if (!in)
            in = true, ++n;
    }
    return n;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::size_t terminal_control_at(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
    unsigned char c = b(i);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
        cp = c;
        return 1;
    }
    if (c == 0xC2 && b(i + 1) >= 0x80 && b(i + 1) <= 0x9F) { // C1
        cp = b(i + 1);
        return 2;
    }
    if (c == 0xD8 && b(i + 1) == 0x9C) { // U+061C ARABIC LETTER MARK
        cp = 0x061C;
        return 2;
    }
    if (c == 0xE2) {
        unsigned char d = b(i + 1), e = b(i + 2);
        bool hit = (d == 0x80 && (e == 0x8E || e == 0x8F || (e >= 0xA8 && e <= 0xAE))) ||
                   (d == 0x81 && e >= 0xA6 && e <= 0xA9);
        if (hit) {
            cp = (char32_t(c & 0x0F) << 12) | (char32_t(d & 0x3F) << 6) | char32_t(e & 0x3F);
            return 3;
        }
    }
    return 0;
}

std::string sanitize_for_terminal(std::string_view s, bool keep_markers) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp;
        std::size_t n = terminal_control_at(s, i, cp);
        if (n == 0 || (keep_markers && (cp == 0x01 || cp == 0x02))) {
            out += s[i++];
            continue;
        }
        i += n;
    }
    return out;
}

std::string sanitize_line(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0;
        std::size_t n = c == '\n' || c == '\t' ? 1 : terminal_control_at(s, i, cp);
        if (n == 0 && c >= 0x80) {
            std::size_t len = utf8_seq(s, i, cp);
            if (len == 0) {
                n = 1; // an invalid byte
            } else {
                out.append(s.substr(i, len)); // a whole valid sequence
                i += len;
                continue;
            }
        }
        if (n == 0) {
            out += s[i++];
            continue;
        }
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (n == 1) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            utf8_seq(s, i, cp);
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(cp >> shift) & 15];
        }
        i += n;
    }
    return out;
}

} // namespace morgue
