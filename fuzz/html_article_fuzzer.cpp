// The HTML extractor through parse_record as the indexer calls it, charset detection
// included: the first byte picks the transport charset (Record::charset, as an HTTP
// Content-Type would give it), the rest is the page.
#include "errors.hpp"
#include "parse/parse.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const kCharsets[] = {
        "",         "utf-8",    "windows-1252", "iso-8859-1",     "utf-16",
        "utf-16le", "utf-16be", "shift_jis",    "euc-jp",         "gb18030",
        "big5",     "koi8-r",   "iso-2022-jp",  "x-user-defined", "bogus-charset",
        "UTF-32"};
    if (size == 0) return 0;
    morgue::Record r;
    r.charset = kCharsets[data[0] % std::size(kCharsets)];
    r.bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    r.origin = r.path = "fuzz.html";
    r.url = (data[0] & 0x80) ? "https://news.example.org/2024/10/story.html" : "";
    r.format = morgue::RecordFormat::Html;
    try {
        morgue::parse_record(r);
    } catch (const morgue::RecordError&) {
    }
    return 0;
}
