// Class/id hint words for HTML pages (html_hints.txt, compiled in): which elements are
// page furniture, which look like the article container, which hold bylines, captions,
// credits or a dek. General words only; matched as substrings of "class id", lowercased.
#pragma once

#include <string_view>

namespace morgue {

enum class Hint {
    Unlikely,
    Small,
    Keep,
    Positive,
    Negative,
    Byline,
    NotByline,
    Caption,
    Credit,
    Dek
};

// True when any word of the hint's list occurs in class_id (already lowercased).
bool has_hint(Hint h, std::string_view class_id);

// Byline markup: a [byline] word and no [not-byline] word.
inline bool is_byline_hint(std::string_view class_id) {
    return has_hint(Hint::Byline, class_id) && !has_hint(Hint::NotByline, class_id);
}

} // namespace morgue
