#include "text.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

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
        std::size_t n = utf8_seq(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = utf8_seq(s, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') {
            i += n;
            continue;
        }
        out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string normalize_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
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
// ICU transliterators are not safe to share between threads: one per thread.
icu::Transliterator* accent_folder() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
            "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; NFC", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) tr.reset();
        return tr;
    }();
    return t.get();
}
} // namespace

std::string fold_accents(std::string_view s) {
    if (is_ascii(s)) return std::string(s);
    icu::Transliterator* tr = accent_folder();
    if (!tr) return std::string(s);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
    tr->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string fold_for_match(std::string_view s) {
    std::string folded = normalize_space(fold_accents(s));
    std::string out;
    out.reserve(folded.size());
    char32_t cp;
    for (std::size_t i = 0; i < folded.size();) {
        std::size_t n = utf8_seq(folded, i, cp);
        if (n == 0) {
            out += folded[i++];
            continue;
        }
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == '`') {
            out += '\'';
        } else if (cp >= 0x2010 && cp <= 0x2015) {
            out += '-';
        } else if (cp < 0x80) {
            out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
        } else {
            icu::UnicodeString u(static_cast<UChar32>(cp));
            u.foldCase();
            std::string lower;
            u.toUTF8String(lower);
            out += lower;
        }
        i += n;
    }
    return out;
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

} // namespace morgue
