// Text utilities shared by parsers, writer and searcher: UTF-8 repair, whitespace and
// no-break-space folding, case and accent folding (ICU), line splitting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

bool is_valid_utf8(std::string_view s);
// Invalid sequences (overlong, surrogates, truncated, stray continuation bytes) become
// U+FFFD; NUL and other C0 controls except \t \n \r are dropped.
std::string repair_utf8(std::string_view s);

// Every Unicode space (NBSP, thin, ideographic, tabs...) becomes ' '; runs collapse;
// the ends are trimmed. Newlines fold too.
std::string normalize_space(std::string_view s);

std::string_view trim(std::string_view s); // ASCII whitespace and U+00A0 at both ends

// Runs of non-space bytes separated by ' ' (for normalised text).
std::size_t word_count(std::string_view s);

// Splits on \n, dropping a trailing \r from each line (CRLF files).
std::vector<std::string_view> split_lines(std::string_view s);

std::string to_lower_ascii(std::string_view s);

// Accents removed (José -> Jose, Łódź -> Lodz), case kept. ASCII passes through fast.
std::string fold_accents(std::string_view s);

// The form used for exact matching of names, tags and hosts: accents and case folded,
// apostrophes and dashes unified, spaces normalised. "José  O’Neil" -> "jose o'neil".
std::string fold_for_match(std::string_view s);

// Terminal safety for untrusted text (titles, file names, WARC headers): every string
// from an archive or a file system that reaches a terminal goes through one of these.
//
// Drops C0 controls (except \n and \t), DEL, C1 controls (U+0080..U+009F, which a
// terminal may read as CSI) and the bidirectional controls (U+202A..U+202E,
// U+2066..U+2069, U+200E, U+200F, U+061C) that reorder what the user sees. keep_markers
// keeps 0x01/0x02 (the searcher's snippet highlight markers, which it guarantees are its
// own).
std::string sanitize_for_terminal(std::string_view s, bool keep_markers = false);
// One line of a diagnostic: the same controls, newlines and tabs shown as escapes
// ("\x1b", "\n", "\u202e") instead of dropped, so a file name stays recognisable and
// never splits or rewrites the line. Invalid UTF-8 bytes show as "\xff".
std::string sanitize_line(std::string_view s);

bool starts_with_ci(std::string_view s, std::string_view prefix); // ASCII case-insensitive
bool iequals(std::string_view a, std::string_view b);             // ASCII case-insensitive

} // namespace morgue
