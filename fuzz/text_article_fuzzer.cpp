// The plain-text article parser, through parse_record as the indexer calls it.
#include "errors.hpp"
#include "parse/parse.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::Record r;
    r.bytes.assign(reinterpret_cast<const char*>(data), size);
    r.origin = r.path = "fuzz.txt";
    r.format = morgue::RecordFormat::Text;
    try {
        morgue::parse_record(r);
    } catch (const morgue::RecordError&) {
    }
    return 0;
}
