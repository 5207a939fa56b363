// Character sets for HTML pages: gumbo reads UTF-8 only, so every page is turned into
// valid UTF-8 first. The encoding is taken, in order of trust, from a byte-order mark,
// the transport header (HTTP Content-Type, e.g. from a WARC record), a <meta charset> or
// <meta http-equiv=Content-Type> in the first bytes, and finally from the bytes themselves
// (valid UTF-8, else windows-1252). Legacy encodings are converted with glibc's iconv;
// invalid bytes become U+FFFD rather than rejecting the page.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// The charset a page declares in its first bytes (<meta charset>, http-equiv), lowercased
// as written, or "" when it declares none.
std::string sniff_meta_charset(std::string_view bytes);

// The WHATWG-style canonical name iconv understands for a label ("latin1" ->
// "WINDOWS-1252", "shift_jis" -> "CP932", "utf8" -> "UTF-8"), or "" for an unknown label.
std::string canonical_charset(std::string_view label);

// "UTF-16LE" or "UTF-16BE" when the bytes are UTF-16 text without a byte-order mark
// (ASCII markup with every other byte NUL), else "".
std::string utf16_without_bom(std::string_view bytes);

// The page as valid UTF-8 (BOM dropped). header_charset may be empty.
std::string html_to_utf8(std::string_view bytes, std::string_view header_charset);

} // namespace morgue
