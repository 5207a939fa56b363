// Photo captions and their credits. A credit is taken from markup (<cite>, credit or
// copyright classes inside the caption) or from how it is written: a trailing
// "(AP Photo/Jane Roe, File)", "Photo: ...", "Credit: ...", "Photograph: ...".
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

namespace morgue {

struct CaptionParts {
    std::string text;
    std::string credit;
};

// The caption element's text with its credit split off.
CaptionParts caption_parts(const GumboNode* caption);

// A credit written out at the end of a caption's text.
CaptionParts split_caption_credit(std::string_view text);

} // namespace morgue
