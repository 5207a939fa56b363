// AP-style datelines at the start of a story: "KYIV, Ukraine (AP) — Text..." or
// "LISBON — Text...". Shared by the text and HTML parsers.
#pragma once

#include <string>

namespace morgue {

// If paragraph opens with a dateline, removes it from the paragraph and returns the
// place ("KYIV, Ukraine"); otherwise returns "" and leaves the paragraph alone.
std::string take_dateline(std::string& paragraph);

} // namespace morgue
