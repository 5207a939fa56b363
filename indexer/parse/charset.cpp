#include "charset.hpp"

#include "text.hpp"

#include <cerrno>
#include <iconv.h>
#include <memory>

namespace morgue {

namespace {

// The value after "charset=" in a content attribute: "text/html; charset=ISO-8859-1".
std::string charset_from_content(std::string_view v) {
    std::string lower = to_lower_ascii(v);
    auto p = lower.find("charset");
    if (p == std::string::npos) return {};
    p += 7;
    while (p < lower.size() && (lower[p] == ' ' || lower[p] == '='))
        ++p;
    if (p < lower.size() && (lower[p] == '"' || lower[p] == '\'')) ++p;
    std::size_t e = p;
    while (e < lower.size() && lower[e] != ';' && lower[e] != '"' && lower[e] != '\'' &&
           lower[e] != ' ')
        ++e;
    return lower.substr(p, e - p);
}

// Value of attribute `name` inside one tag's text (lowercased tag text).
std::string attr_in_tag(std::string_view tag, std::string_view name) {
    std::size_t from = 0;
    while (true) {
        auto p = tag.find(name, from);
        if (p == std::string_view::npos) return {};
        from = p + name.size();
        bool boundary = p > 0 && (tag[p - 1] == ' ' || tag[p - 1] == '\t' || tag[p - 1] == '\n' ||
                                  tag[p - 1] == '"' || tag[p - 1] == '\'' || tag[p - 1] == '/');
        std::size_t q = from;
        while (q < tag.size() && (tag[q] == ' ' || tag[q] == '\t' || tag[q] == '\n'))
            ++q;
        if (!boundary || q >= tag.size() || tag[q] != '=') continue;
        ++q;
        while (q < tag.size() && (tag[q] == ' ' || tag[q] == '\t' || tag[q] == '\n'))
            ++q;
        if (q >= tag.size()) return {};
        char quote = tag[q];
        if (quote == '"' || quote == '\'') {
            auto end = tag.find(quote, q + 1);
            return std::string(tag.substr(
                q + 1, end == std::string_view::npos ? std::string_view::npos : end - q - 1));
        }
        std::size_t e = q;
        while (e < tag.size() && tag[e] != ' ' && tag[e] != '>' && tag[e] != '/' && tag[e] != '"' &&
               tag[e] != '\'' && tag[e] != ';')
            ++e;
        return std::string(tag.substr(q, e - q));
    }
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Converts with iconv; a byte the decoder rejects becomes U+FFFD and is skipped.
std::string convert(std::string_view in, const std::string& from) {
    iconv_t cd = iconv_open("UTF-8", from.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return repair_utf8(in);
    std::unique_ptr<void, IconvCloser> guard(cd);
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
        } else { // EILSEQ or EINVAL (truncated at the end): skip one byte
            if (out.size() - used < 3) out.resize(out.size() * 2);
            out.replace(used, 3, "\xEF\xBF\xBD");
            used += 3;
            ++src;
            --src_left;
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
        }
    }
    out.resize(used);
    return repair_utf8(out);
}

} // namespace

std::string sniff_meta_charset(std::string_view bytes) {
    // The HTML standard pre-scans 1024 bytes; real pages put long <script>s first, so look
    // further, but only at <meta> tags (and lowercase only those, not all 16 KB).
    std::string_view head = bytes.substr(0, 16384);
    std::size_t p = 0;
    std::string tag;
    while ((p = head.find('<', p)) != std::string_view::npos) {
        if (!starts_with_ci(head.substr(p + 1), "meta")) {
            ++p;
            continue;
        }
        auto end = head.find('>', p);
        if (end == std::string_view::npos) break;
        tag = to_lower_ascii(head.substr(p + 5, end - p - 5));
        p = end;
        std::string cs = attr_in_tag(tag, "charset");
        if (!cs.empty()) return std::string(trim(cs));
        if (attr_in_tag(tag, "http-equiv") == "content-type") {
            cs = charset_from_content(attr_in_tag(tag, "content"));
            if (!cs.empty()) return cs;
        }
    }
    return {};
}

std::string canonical_charset(std::string_view label) {
    std::string l = to_lower_ascii(trim(label));
    if (l.empty()) return {};
    if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8")
        return "UTF-8";
    // A page that says UTF-16 in its own bytes cannot be UTF-16 (the meta is ASCII):
    // the standard treats it as UTF-8.
    if (l.rfind("utf-16", 0) == 0 || l == "unicode") return "UTF-8";
    if (l == "iso-8859-1" || l == "latin1" || l == "l1" || l == "us-ascii" || l == "ascii" ||
        l == "iso8859-1" || l == "iso_8859-1" || l == "windows-1252" || l == "cp1252" ||
        l == "x-cp1252" || l == "cp819" || l == "ibm819")
        return "WINDOWS-1252";
    if (l == "iso-8859-9" || l == "latin5" || l == "windows-1254") return "WINDOWS-1254";
    if (l == "iso-8859-11" || l == "tis-620" || l == "windows-874") return "CP874";
    if (l == "shift_jis" || l == "shift-jis" || l == "sjis" || l == "x-sjis" || l == "ms_kanji" ||
        l == "windows-31j" || l == "cp932")
        return "CP932";
    if (l == "gb2312" || l == "gbk" || l == "gb18030" || l == "x-gbk" || l == "cp936" ||
        l == "chinese" || l == "csgb2312")
        return "GB18030";
    if (l == "euc-kr" || l == "ks_c_5601-1987" || l == "windows-949" || l == "cp949")
        return "CP949";
    if (l == "big5" || l == "big5-hkscs" || l == "x-x-big5") return "BIG5-HKSCS";
    if (l == "euc-jp" || l == "x-euc-jp") return "EUC-JP";
    if (l == "iso-2022-jp") return "ISO-2022-JP";
    if (l == "koi8-r" || l == "koi8") return "KOI8-R";
    if (l == "koi8-u") return "KOI8-U";
    if (l.rfind("windows-125", 0) == 0 && l.size() == 12) return "WINDOWS-125" + l.substr(11);
    if (l.rfind("cp125", 0) == 0 && l.size() == 6) return "WINDOWS-125" + l.substr(5);
    if (l.rfind("iso-8859-", 0) == 0 || l.rfind("iso8859-", 0) == 0) {
        std::string n = l.substr(l.find('-', 4) + 1);
        if (n == "8-i") n = "8";
        return "ISO-8859-" + n;
    }
    if (l.rfind("x-mac-", 0) == 0 || l == "macintosh") return l == "macintosh" ? "MACINTOSH" : "";
    return {};
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

namespace {

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

} // namespace

std::string html_to_utf8(std::string_view bytes, std::string_view header_charset) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return repair_utf8(bytes.substr(3));
    if (bytes.substr(0, 2) == "\xFF\xFE") return convert(bytes.substr(2), "UTF-16LE");
    if (bytes.substr(0, 2) == "\xFE\xFF") return convert(bytes.substr(2), "UTF-16BE");
    if (std::string u16 = utf16_without_bom(bytes); !u16.empty()) return convert(bytes, u16);
    std::string cs = canonical_charset(header_charset);
    if (cs.empty()) cs = canonical_charset(sniff_meta_charset(bytes));
    if (cs.empty()) cs = is_valid_utf8(bytes) ? "UTF-8" : "WINDOWS-1252";
    // A page labelled UTF-8 whose non-ASCII bytes never once form a UTF-8 sequence is a
    // legacy page with a copied-in label (the usual lie): windows-1252 reads it as meant,
    // where UTF-8 would turn every accented letter into U+FFFD.
    if (cs == "UTF-8" && !is_valid_utf8(bytes) && looks_legacy_not_utf8(bytes))
        return convert(bytes, "WINDOWS-1252");
    if (cs == "UTF-8") return repair_utf8(bytes);
    // Saved pages are often re-encoded to UTF-8 while their meta still names the old
    // charset. Non-ASCII text that is valid UTF-8 is almost never legacy-encoded text
    // (a legacy letter would have to be followed by exactly the right continuation
    // bytes every time), so the bytes outrank the label.
    bool non_ascii = false;
    for (unsigned char c : bytes)
        if (c >= 0x80) {
            non_ascii = true;
            break;
        }
    if (non_ascii && cs.rfind("UTF-16", 0) != 0 && is_valid_utf8(bytes)) return std::string(bytes);
    // Pure ASCII reads the same in every ASCII-compatible charset: skip iconv.
    bool ascii = true;
    for (unsigned char c : bytes)
        if (c >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii && cs.rfind("ISO-2022", 0) != 0) return repair_utf8(bytes);
    return convert(bytes, cs);
}

} // namespace morgue
