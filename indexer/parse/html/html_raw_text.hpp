// Script and style bodies before parsing. On news pages they are most of the bytes (state
// blobs, inline CSS) and gumbo tokenizes them one character at a time, yet the extractor
// reads none of them except JSON-LD. So the page is handed to gumbo with those bodies
// cut out, and the parse is checked afterwards: each cut element must be, in the tree,
// the HTML script or style element the scan took it for, ended right where its body was
// cut. Then the tokenizer read the cut body as raw text, and the tree is the tree of the
// whole page less those text nodes; if any check fails the caller parses the page whole.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// A script or style element whose body was cut: where its start tag is in the cut copy.
struct CutBody {
    std::size_t tag_begin; // offset of "<script" / "<style"
    std::size_t tag_size;  // bytes up to and including the start tag's ">"
    GumboTag tag;          // GUMBO_TAG_SCRIPT or GUMBO_TAG_STYLE
};

// Copies html to out with the bodies of script and style elements removed (their tags
// kept), listing them in cuts. Kept whole: JSON-LD scripts (and any script tag with a
// character reference, which could spell that type), elements inside <svg> or <math>
// (there they are not raw text), and everything after a script whose end the tokenizer
// might find elsewhere (one holding both "<!--" and "<script"). Returns false, leaving
// out and cuts empty, when nothing was cut.
bool cut_raw_text_bodies(std::string_view html, std::string& out, std::vector<CutBody>& cuts);

// True when every cut element is, in the parse of `parsed` (the cut copy, still alive),
// an HTML element of its tag made from the start tag at its offset, with no children and
// its end tag right after the start tag.
bool cuts_confirmed(const GumboOutput* doc, std::string_view parsed,
                    const std::vector<CutBody>& cuts);

} // namespace morgue
