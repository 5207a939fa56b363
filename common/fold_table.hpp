// Accent and case folding of each code point below kLimit, generated at build time from
// ICU by fold_table_gen.cpp (text.cpp folds through it). Above kLimit (CJK and beyond)
// nothing folds.
#pragma once

namespace morgue::fold_table {

inline constexpr char32_t kLimit = 0x3000;

extern const char* const kAccent[kLimit]; // accents removed, case kept
extern const char* const kMatch[kLimit];  // accents removed and case folded

} // namespace morgue::fold_table
