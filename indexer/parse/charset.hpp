// Character sets for HTML pages: gumbo reads UTF-8 only, so every page is turned into
// valid UTF-8 first, by the standards browsers follow:
//   - labels are read with the WHATWG Encoding Standard's table (encoding_labels.txt:
//     "latin1", "ascii" and "iso-8859-1" all name windows-1252, "x-sjis" Shift_JIS, ...);
//   - the encoding is chosen by the HTML standard's sniffing order: a byte-order mark,
//     then the transport's charset (HTTP Content-Type, carried in the Record), then the
//     "prescan a byte stream to determine its encoding" algorithm on the first 1024 bytes,
//     then a <meta> met later in the page (the standard's "change the encoding" while
//     parsing, for a tentative encoding), then autodetection (UTF-16 without a BOM; valid
//     UTF-8; ICU's detector for the legacy CJK multi-byte encodings) and finally the
//     fallback, windows-1252;
//   - a label that lies is overruled by the bytes, beyond the standard (DecodedPage);
//   - bytes are decoded with glibc's iconv, mapped to the Encoding Standard's decoders
//     (windows-1252's unassigned 0x81, 0x8D, 0x8F, 0x90, 0x9D are U+0081... as the
//     standard's index says; an invalid byte becomes U+FFFD).
// A page is called binary only after decoding: when its decoded text is mostly U+FFFD or
// control characters in the chosen encoding and in the one ICU's detector proposes.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// The Encoding Standard's "get an encoding": the encoding's name ("windows-1252",
// "Shift_JIS", "UTF-8", "replacement", ...) for a label, ASCII whitespace trimmed and case
// ignored, or "" when the label names none.
std::string encoding_for_label(std::string_view label);

// The HTML standard's "prescan a byte stream to determine its encoding" on the first 1024
// bytes: the encoding a <meta charset> or <meta http-equiv=Content-Type content=...>
// declares (UTF-16 declarations read as UTF-8, x-user-defined as windows-1252), or "".
std::string prescan_encoding(std::string_view bytes);

// "UTF-16LE" or "UTF-16BE" when the bytes are UTF-16 text without a byte-order mark
// (ASCII markup with every other byte NUL), else "".
std::string utf16_without_bom(std::string_view bytes);

struct DecodedPage {
    std::string text;     // valid UTF-8, the byte-order mark dropped
    std::string encoding; // the Encoding Standard's name of the encoding used
    // What the standard's sniffing algorithm chose (BOM, transport, prescan, later meta,
    // autodetection, fallback): encoding differs only where a label lied (the bytes are
    // valid UTF-8 under a legacy label, or never UTF-8 under a UTF-8 label).
    std::string sniffed;
    bool binary = false; // no encoding decodes it to text
};

// The page decoded by the sniffing order above. transport_charset (the HTTP charset
// label) may be empty.
DecodedPage decode_html(std::string_view bytes, std::string_view transport_charset);

// decode_html(...).text
std::string html_to_utf8(std::string_view bytes, std::string_view transport_charset);

} // namespace morgue
