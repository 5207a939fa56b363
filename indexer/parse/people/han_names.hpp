// People named in Chinese text, where capitals say nothing: foreign names transliterated
// with an interpunct ("巴兹·奥尔德林", also "‧", "・", "•", and "?" where a page's encoding
// lost the dot), grown over the characters of the standard transliteration tables
// (han_names.txt); and two to four Han characters after a credit label ("责任编辑：肖春芳",
// "（编译/林靖东）"). A Latin name in brackets right after a transliteration
// ("巴兹·奥尔德林(Buzz Aldrin)") is the same person: it is returned in `latin`, so the
// caller can drop it as a person of its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue::names {

struct HanName {
    std::string name;               // as written; a real interpunct preferred over "?"
    int mentions = 0;               // times written (any interpunct)
    std::size_t first = 0;          // order of first mention, over the texts given
    std::vector<std::string> latin; // Latin forms given in brackets after it
};

// The Han names of `texts` (title, body, captions ... in order), by first mention.
std::vector<HanName> find_han_names(const std::vector<std::string_view>& texts);

} // namespace morgue::names
