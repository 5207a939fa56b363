// Dates written out in running text, in the forms news pages use in English, German,
// French, Spanish, Italian, Portuguese, Dutch, Korean, Japanese and Chinese:
// "2019-10-22", "2019/10/22", "19.10.2019", "19/10/2019" (10/19/2019 when month_first),
// "19. Oktober 2019", "22 octobre 2019", "4 de mayo de 2022", "October 19, 2019",
// "2022년 5월 4일", "2022. 5. 4.", "2020年7月12日". Month names and the cue words that mark a
// date as a publication or an update come from date_words.txt (compiled in).
// Shared by the HTML date chooser and the text parser.
#pragma once

#include "dates.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace morgue {

struct TextDate {
    Ymd ymd;
    std::size_t pos = 0;    // byte offset of the date in the text
    bool published = false; // preceded by a publication cue ("Posted", "Veröffentlicht am")
    bool modified = false;  // preceded by an update cue ("Updated", "Aktualisiert", "mis à jour")
};

// Every full date (day, month and year) in text, in order, at most max of them. Years
// outside 1900..2100 and impossible days are not dates. With short_year, "8.5.12" and
// "28.09.19" (day, month, two-digit year) count too: for texts that can only hold a date
// (a byline, date markup), not running text where they could be versions or scores.
std::vector<TextDate> find_text_dates(std::string_view text, bool month_first = false,
                                      std::size_t max = 16, bool short_year = false);

// A month name or abbreviation in any language of the table: 1..12, or 0.
unsigned month_from_word(std::string_view word);

} // namespace morgue
