#include "charset.hpp"

#include "record/data.hpp"
#include "text.hpp"

#include <unicode/ucsdet.h>

#include <cerrno>
#include <iconv.h>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace morgue {

namespace {

bool is_ascii_space(unsigned char c) {
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

unsigned char lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

// label -> encoding name, from the Encoding Standard's table (encoding_labels.txt).
const std::unordered_map<std::string, std::string>& label_table() {
    static const auto table = [] {
        std::unordered_map<std::string, std::string> t;
        for (std::string_view line : split_lines(data::encoding_labels)) {
            if (line.empty() || line.front() == '#') continue;
            auto tab = line.find('\t');
            if (tab == std::string_view::npos) continue;
            std::string name(line.substr(0, tab));
            std::string_view labels = line.substr(tab + 1);
            while (!labels.empty()) {
                auto sp = labels.find(' ');
                std::string_view l = labels.substr(0, sp);
                if (!l.empty()) t.emplace(std::string(l), name);
                if (sp == std::string_view::npos) break;
                labels.remove_prefix(sp + 1);
            }
        }
        return t;
    }();
    return table;
}

// ---- The HTML standard's prescan (13.2.3.2) ----

struct Attribute {
    std::string name, value;
};

// A cursor over the bytes the prescan may look at; reading past them ends the prescan.
struct Cursor {
    std::string_view b;
    std::size_t pos = 0;
    bool at_end() const { return pos >= b.size(); }
    unsigned char cur() const { return static_cast<unsigned char>(b[pos]); }
};

// "Get an attribute". nullopt: no attribute (position at '>'). Sets eof when the bytes
// end first, which aborts the prescan.
std::optional<Attribute> get_attribute(Cursor& c, bool& eof) {
    auto end = [&] {
        eof = true;
        return std::optional<Attribute>();
    };
    while (!c.at_end() && (is_ascii_space(c.cur()) || c.cur() == '/'))
        ++c.pos;
    if (c.at_end()) return end();
    if (c.cur() == '>') return std::nullopt;
    Attribute a;
    // The name.
    for (;;) {
        if (c.at_end()) return end();
        unsigned char ch = c.cur();
        if (ch == '=' && !a.name.empty()) {
            ++c.pos;
            goto value;
        }
        if (is_ascii_space(ch)) break;
        if (ch == '/' || ch == '>') return a;
        a.name += static_cast<char>(lower(ch));
        ++c.pos;
    }
    // Spaces after the name, then '=' or the attribute has no value.
    while (!c.at_end() && is_ascii_space(c.cur()))
        ++c.pos;
    if (c.at_end()) return end();
    if (c.cur() != '=') return a;
    ++c.pos;
value:
    while (!c.at_end() && is_ascii_space(c.cur()))
        ++c.pos;
    if (c.at_end()) return end();
    if (unsigned char q = c.cur(); q == '"' || q == '\'') {
        for (;;) {
            ++c.pos;
            if (c.at_end()) return end();
            if (c.cur() == q) {
                ++c.pos;
                return a;
            }
            a.value += static_cast<char>(lower(c.cur()));
        }
    }
    if (c.cur() == '>') return a;
    a.value += static_cast<char>(lower(c.cur()));
    ++c.pos;
    for (;;) {
        if (c.at_end()) return end();
        if (is_ascii_space(c.cur()) || c.cur() == '>') return a;
        a.value += static_cast<char>(lower(c.cur()));
        ++c.pos;
    }
}

// "The algorithm for extracting a character encoding from a meta element".
std::string encoding_from_content(std::string_view s) {
    std::size_t pos = 0;
    for (;;) {
        std::size_t p = std::string::npos;
        for (std::size_t i = pos; i + 7 <= s.size(); ++i)
            if (iequals(s.substr(i, 7), "charset")) {
                p = i;
                break;
            }
        if (p == std::string::npos) return {};
        p += 7;
        while (p < s.size() && is_ascii_space(static_cast<unsigned char>(s[p])))
            ++p;
        if (p >= s.size() || s[p] != '=') {
            pos = p;
            continue;
        }
        ++p;
        while (p < s.size() && is_ascii_space(static_cast<unsigned char>(s[p])))
            ++p;
        if (p >= s.size()) return {};
        if (s[p] == '"' || s[p] == '\'') {
            auto close = s.find(s[p], p + 1);
            if (close == std::string_view::npos) return {};
            return encoding_for_label(s.substr(p + 1, close - p - 1));
        }
        std::size_t e = p;
        while (e < s.size() && !is_ascii_space(static_cast<unsigned char>(s[e])) && s[e] != ';')
            ++e;
        return encoding_for_label(s.substr(p, e - p));
    }
}

// The elements whose text the tokenizer never reads as tags (for the later-<meta> scan).
bool is_raw_text_element(std::string_view name) {
    for (std::string_view n : {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                               "noframes", "noscript"})
        if (name == n) return true;
    return false;
}

bool is_ascii_alpha(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The prescan over bytes. With whole_page (the later scan standing in for the parser's
// "change the encoding"), the text of raw-text elements is skipped as a tokenizer would.
std::string prescan(std::string_view bytes, bool whole_page) {
    Cursor c{bytes};
    auto find_from = [&](std::size_t from, std::string_view what) {
        auto p = bytes.find(what, from);
        return p == std::string_view::npos ? bytes.size() : p;
    };
    while (!c.at_end()) {
        std::string_view rest = bytes.substr(c.pos);
        if (rest.substr(0, 4) == "<!--") {
            // To the '>' of a "-->", whose dashes may be the "<!--"'s own.
            std::size_t p = find_from(c.pos + 2, "-->");
            c.pos = p >= bytes.size() ? p : p + 2;
        } else if (rest.size() >= 6 && iequals(rest.substr(0, 5), "<meta") &&
                   (is_ascii_space(static_cast<unsigned char>(rest[5])) || rest[5] == '/')) {
            c.pos += 5;
            std::vector<std::string> seen;
            bool got_pragma = false;
            std::optional<bool> need_pragma;
            std::optional<std::string> charset; // "" = failure
            bool eof = false;
            while (auto a = get_attribute(c, eof)) {
                bool dup = false;
                for (const auto& s : seen)
                    dup = dup || s == a->name;
                if (dup) continue;
                seen.push_back(a->name);
                if (a->name == "http-equiv") {
                    if (a->value == "content-type") got_pragma = true;
                } else if (a->name == "content") {
                    if (!charset) {
                        std::string e = encoding_from_content(a->value);
                        if (!e.empty()) {
                            charset = e;
                            need_pragma = true;
                        }
                    }
                } else if (a->name == "charset") {
                    charset = encoding_for_label(a->value);
                    need_pragma = false;
                }
            }
            if (eof) return {};
            if (need_pragma && !(*need_pragma && !got_pragma) && charset && !charset->empty()) {
                if (*charset == "UTF-16BE" || *charset == "UTF-16LE") return "UTF-8";
                if (*charset == "x-user-defined") return "windows-1252";
                return *charset;
            }
        } else if (rest.size() >= 2 && rest[0] == '<' &&
                   (is_ascii_alpha(static_cast<unsigned char>(rest[1])) ||
                    (rest[1] == '/' && rest.size() >= 3 &&
                     is_ascii_alpha(static_cast<unsigned char>(rest[2]))))) {
            bool end_tag = rest[1] == '/';
            std::size_t name_start = c.pos + (end_tag ? 2 : 1);
            while (!c.at_end() && !is_ascii_space(c.cur()) && c.cur() != '>')
                ++c.pos;
            std::string name = to_lower_ascii(bytes.substr(name_start, c.pos - name_start));
            bool eof = false;
            while (get_attribute(c, eof)) {
            }
            if (eof) return {};
            if (whole_page && !end_tag) {
                if (name == "plaintext") return {};
                if (is_raw_text_element(name)) {
                    // On to its end tag ("</script", any case).
                    std::string close = "</" + name;
                    std::size_t p = c.pos;
                    for (;;) {
                        p = bytes.find("</", p);
                        if (p == std::string_view::npos || p + close.size() > bytes.size())
                            return {};
                        if (iequals(bytes.substr(p, close.size()), close)) break;
                        p += 2;
                    }
                    c.pos = p; // the end tag is read as a tag on the next turn
                    continue;
                }
            }
        } else if (rest.substr(0, 2) == "<!" || rest.substr(0, 2) == "</" ||
                   rest.substr(0, 2) == "<?") {
            c.pos = find_from(c.pos + 1, ">");
        }
        ++c.pos;
    }
    return {};
}

// ---- Decoding ----

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// glibc iconv's name for the decoder of each encoding of the standard. The standard's
// Shift_JIS, EUC-KR and Big5 are Microsoft's and Hong Kong's supersets (CP932, CP949,
// BIG5-HKSCS); its GBK decoder is gb18030's; its EUC-JP has the NEC/IBM rows (EUC-JP-MS).
std::string iconv_name(const std::string& encoding) {
    if (encoding == "Shift_JIS") return "CP932";
    if (encoding == "EUC-KR") return "CP949";
    if (encoding == "Big5") return "BIG5-HKSCS";
    if (encoding == "GBK" || encoding == "gb18030") return "GB18030";
    if (encoding == "EUC-JP") return "EUC-JP-MS";
    if (encoding == "ISO-8859-8-I") return "ISO-8859-8";
    if (encoding == "x-mac-cyrillic") return "MAC-CYRILLIC";
    if (encoding == "macintosh") return "MACINTOSH";
    std::string upper(encoding);
    for (char& ch : upper)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
    return upper;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes with iconv. A byte the decoder rejects becomes U+FFFD and decoding goes on at
// the next byte (so an ASCII byte after a bad lead byte is kept, as the standard's
// decoders do); a sequence cut by the end of the input is one U+FFFD. In the windows-*
// code pages, a byte 0x80-0x9F with no character is the C1 control of the same number,
// as the standard's indexes say. Returns nullopt when iconv has no such decoder.
std::optional<std::string> iconv_decode(std::string_view in, const std::string& encoding) {
    std::string name = iconv_name(encoding);
    iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1) && name == "EUC-JP-MS")
        cd = iconv_open("UTF-8", "EUC-JP");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::unique_ptr<void, IconvCloser> guard(cd);
    bool windows = encoding.rfind("windows-", 0) == 0;
    std::string out;
    out.resize(in.size() * 2 + 16);
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    std::size_t used = 0;
    while (src_left > 0) {
        char* dst = out.data() + used;
        std::size_t dst_left = out.size() - used;
        std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
        used = out.size() - dst_left;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        if (out.size() - used < 4) out.resize(out.size() * 2);
        auto b = static_cast<unsigned char>(*src);
        std::string rep;
        if (windows && b >= 0x80 && b <= 0x9F)
            append_utf8(rep, b);
        else
            rep = "\xEF\xBF\xBD";
        out.replace(used, rep.size(), rep);
        used += rep.size();
        if (errno == EINVAL) break; // cut at the end: one U+FFFD for the whole sequence
        ++src;
        --src_left;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    out.resize(used);
    return repair_utf8(out);
}

std::string decode_x_user_defined(std::string_view in) {
    std::string out;
    out.reserve(in.size() * 2);
    for (unsigned char c : in)
        append_utf8(out, c < 0x80 ? c : 0xF780 + (c - 0x80));
    return out;
}

bool all_ascii(std::string_view b) {
    for (unsigned char c : b)
        if (c >= 0x80) return false;
    return true;
}

bool is_ascii_compatible(const std::string& e) {
    // (ISO-2022-JP is 7-bit but not ASCII: its escapes change what bytes mean.)
    return e != "UTF-16BE" && e != "UTF-16LE" && e != "ISO-2022-JP" && e != "replacement";
}

// The bytes in an encoding; an unknown decoder reads as windows-1252.
std::string decode_as(std::string_view bytes, const std::string& encoding) {
    if (encoding == "UTF-8") return repair_utf8(bytes);
    if (encoding == "replacement") return bytes.empty() ? std::string() : "\xEF\xBF\xBD";
    if (encoding == "x-user-defined") return decode_x_user_defined(bytes);
    if (is_ascii_compatible(encoding) && all_ascii(bytes)) return repair_utf8(bytes);
    if (auto s = iconv_decode(bytes, encoding)) return *s;
    return *iconv_decode(bytes, "windows-1252");
}

// Bytes that are no text in this encoding: over ~15% of the decoded characters U+FFFD,
// or over 1% of the bytes control bytes other than tab, newlines and form feed (and the
// escape byte ISO-2022-JP is made of), looked at in the first 8 KB. Control bytes are
// counted in the bytes because decoding (repair_utf8) drops them; in UTF-16 every other
// byte of ASCII is NUL, so there only U+FFFD counts. A few stray NULs in a short page (a
// botched save, a padded export) are not that: below 16 control bytes, only a density
// like random data's (over 10%) says binary.
bool decoded_binary(std::string_view bytes, const std::string& encoding, std::string_view utf8) {
    std::size_t n = std::min<std::size_t>(utf8.size(), 8192), chars = 0, bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto c = static_cast<unsigned char>(utf8[i]);
        if ((c & 0xC0) == 0x80) continue;
        ++chars;
        if (c == 0xEF && i + 2 < utf8.size() && utf8[i + 1] == '\xBF' && utf8[i + 2] == '\xBD')
            ++bad;
    }
    if (chars > 0 && bad * 100 > chars * 15) return true;
    if (encoding == "UTF-16BE" || encoding == "UTF-16LE") return chars == 0 && !bytes.empty();
    std::size_t m = std::min<std::size_t>(bytes.size(), 8192), ctrl = 0;
    bool jis = encoding == "ISO-2022-JP";
    for (std::size_t i = 0; i < m; ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && !(jis && c == 0x1B))
            ++ctrl;
    }
    return m > 0 && ctrl * 100 > m && (ctrl >= 16 || ctrl * 10 > m);
}

// True when the bytes read as windows-1252 rather than broken UTF-8: two or more
// non-ASCII bytes (one stray byte is more likely a cut or damaged UTF-8 sequence), and
// not one well-formed multi-byte UTF-8 sequence among them.
bool looks_legacy_not_utf8(std::string_view b) {
    std::size_t high = 0;
    for (std::size_t i = 0; i < b.size(); ++i) {
        auto c = static_cast<unsigned char>(b[i]);
        if (c < 0x80) continue;
        ++high;
        if (c < 0xC2 || c > 0xF4) continue;
        std::size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + len <= b.size() && is_valid_utf8(b.substr(i, len))) return false;
    }
    return high >= 2;
}

// ICU's detector, trusted for the legacy multi-byte encodings only: for those its
// statistics are sharp, where between single-byte code pages they are a guess (and
// windows-1252, the standard's fallback, is the better one).
std::string detect_multibyte(std::string_view bytes) {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&st),
                                                                       ucsdet_close);
    if (U_FAILURE(st)) return {};
    std::string_view sample = bytes.substr(0, 64 << 10);
    ucsdet_enableInputFilter(det.get(), true); // ignore markup
    ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &st);
    const UCharsetMatch* m = ucsdet_detect(det.get(), &st);
    if (U_FAILURE(st) || !m) return {};
    const char* name = ucsdet_getName(m, &st);
    int32_t confidence = ucsdet_getConfidence(m, &st);
    if (U_FAILURE(st) || !name || confidence < 50) return {};
    std::string e = encoding_for_label(name);
    for (std::string_view cjk :
         {"Shift_JIS", "EUC-JP", "ISO-2022-JP", "gb18030", "GBK", "Big5", "EUC-KR"})
        if (e == cjk) return e;
    return {};
}

bool has_iso2022_escape(std::string_view b) {
    return b.find("\x1B$B") != std::string_view::npos ||
           b.find("\x1B$@") != std::string_view::npos || b.find("\x1B(J") != std::string_view::npos;
}

// The standard's sniffing order; certain is false for an encoding that was only guessed.
std::string choose_encoding(std::string_view bytes, std::string_view transport, bool& certain) {
    certain = true;
    if (std::string e = encoding_for_label(transport); !e.empty()) return e;
    if (std::string e = prescan_encoding(bytes); !e.empty()) return e;
    if (std::string e = prescan(bytes, true); !e.empty()) return e;
    certain = false;
    if (std::string u16 = utf16_without_bom(bytes); !u16.empty()) return u16;
    if (has_iso2022_escape(bytes) || !is_valid_utf8(bytes)) {
        if (std::string e = detect_multibyte(bytes); !e.empty()) return e;
    }
    // ASCII reads the same in both: the standard's fallback names it windows-1252.
    return is_valid_utf8(bytes) && !all_ascii(bytes) ? "UTF-8" : "windows-1252";
}

} // namespace

std::string encoding_for_label(std::string_view label) {
    while (!label.empty() && is_ascii_space(static_cast<unsigned char>(label.front())))
        label.remove_prefix(1);
    while (!label.empty() && is_ascii_space(static_cast<unsigned char>(label.back())))
        label.remove_suffix(1);
    if (label.empty()) return {};
    const auto& t = label_table();
    auto it = t.find(to_lower_ascii(label));
    return it == t.end() ? std::string() : it->second;
}

std::string prescan_encoding(std::string_view bytes) {
    return prescan(bytes.substr(0, 1024), false);
}

std::string utf16_without_bom(std::string_view bytes) {
    // ASCII markup in UTF-16 is every other byte NUL: "<\0h\0t\0" (LE) or "\0<\0h" (BE).
    std::size_t n = std::min<std::size_t>(bytes.size(), 1024) & ~std::size_t(1);
    if (n < 16) return {};
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even += bytes[i] == '\0';
        odd += bytes[i + 1] == '\0';
    }
    std::size_t pairs = n / 2;
    if (odd * 10 >= pairs * 7 && even * 20 <= pairs) return "UTF-16LE";
    if (even * 10 >= pairs * 7 && odd * 20 <= pairs) return "UTF-16BE";
    return {};
}

DecodedPage decode_html(std::string_view bytes, std::string_view transport_charset) {
    DecodedPage out;
    // A byte-order mark outranks every label.
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        out.sniffed = out.encoding = "UTF-8";
        out.text = repair_utf8(bytes.substr(3));
    } else if (bytes.substr(0, 2) == "\xFE\xFF" || bytes.substr(0, 2) == "\xFF\xFE") {
        out.sniffed = out.encoding = bytes[0] == '\xFE' ? "UTF-16BE" : "UTF-16LE";
        out.text = decode_as(bytes.substr(2), out.encoding);
    } else {
        bool certain = false;
        out.sniffed = out.encoding = choose_encoding(bytes, transport_charset, certain);
        // Labels that lie, the two rules beyond the standard (decided by the bytes, so a
        // true label is never overruled). A page labelled UTF-8 whose non-ASCII bytes
        // never once form a UTF-8 sequence is a legacy page with a copied-in label: UTF-8
        // would make every accented letter U+FFFD, where windows-1252 reads it as meant.
        // A page labelled with a legacy encoding whose non-ASCII bytes are all valid
        // UTF-8 was re-encoded when saved, its old <meta> kept: a legacy letter is almost
        // never followed by exactly the right continuation bytes every time.
        bool ascii_compatible_label = certain && out.encoding != "UTF-8" &&
                                      out.encoding != "replacement" &&
                                      out.encoding.rfind("UTF-16", 0) != 0;
        if (out.encoding == "UTF-8" && certain && !is_valid_utf8(bytes) &&
            looks_legacy_not_utf8(bytes))
            out.encoding = "windows-1252";
        else if (ascii_compatible_label && !all_ascii(bytes) && is_valid_utf8(bytes))
            out.encoding = "UTF-8";
        out.text = decode_as(bytes, out.encoding);
        // Binary only once decoding failed: first try what the detector reads.
        if (decoded_binary(bytes, out.encoding, out.text)) {
            if (std::string e = detect_multibyte(bytes); !e.empty() && e != out.encoding) {
                std::string again = decode_as(bytes, e);
                if (!decoded_binary(bytes, e, again)) {
                    out.encoding = e;
                    out.text = std::move(again);
                }
            }
        }
    }
    out.binary = out.encoding == "replacement" ||
                 decoded_binary(out.encoding.rfind("UTF-16", 0) == 0 && bytes.size() >= 2 &&
                                        (bytes[0] == '\xFE' || bytes[0] == '\xFF')
                                    ? bytes.substr(2)
                                    : bytes,
                                out.encoding, out.text);
    return out;
}

std::string html_to_utf8(std::string_view bytes, std::string_view transport_charset) {
    return decode_html(bytes, transport_charset).text;
}

} // namespace morgue
