// Writes fold_table.cpp: for every code point below kFoldLimit, the text with accents
// removed (case kept) and with accents removed and case folded, as ICU's transliterator
// "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; NFC" and foldCase() give them. Run at
// build time so that no program of ours creates that transliterator: its creation
// cost 20 ms of each process that met a non-ASCII letter (a one-shot morgue-search
// with an accented query or snippet took 25-30 ms instead of 9).
#include "fold_table.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

namespace {

std::string fold(icu::Transliterator& tr, char32_t cp, bool case_fold) {
    icu::UnicodeString u(static_cast<UChar32>(cp));
    tr.transliterate(u);
    if (case_fold) u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

// A C++ string literal of arbitrary bytes.
std::string literal(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?') {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%03o", c);
            out += buf;
        }
    }
    return out + "\"";
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fold_table_gen OUTPUT.cpp\n");
        return 2;
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !tr) {
        std::fprintf(stderr, "fold_table_gen: ICU transliterator: %s\n", u_errorName(status));
        return 1;
    }
    std::string accent, match;
    for (char32_t cp = 0; cp < morgue::fold_table::kLimit; ++cp) {
        bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        accent += "    " + literal(surrogate ? "" : fold(*tr, cp, false)) + ",\n";
        match += "    " + literal(surrogate ? "" : fold(*tr, cp, true)) + ",\n";
    }
    std::ofstream out(argv[1], std::ios::binary);
    out << "// Generated at build time by common/fold_table_gen.cpp from ICU " U_ICU_VERSION
           ". Do not edit.\n#include \"fold_table.hpp\"\n\nnamespace morgue::fold_table {\n\n"
        << "const char* const kAccent[kLimit] = {\n"
        << accent << "};\n\nconst char* const kMatch[kLimit] = {\n"
        << match << "};\n\n} // namespace morgue::fold_table\n";
    if (!out.flush()) {
        std::fprintf(stderr, "fold_table_gen: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
