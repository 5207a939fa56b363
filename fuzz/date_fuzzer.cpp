// The date grammar of date:, --since and --until, and the ISO 8601 parser.
#include "date_query.hpp"
#include "errors.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string s(reinterpret_cast<const char*>(data), size);
    try {
        auto r = morgue::parse_date_range(s, {2024, 11, 6});
        // The clamped term expansion must stay bounded whatever the range.
        morgue::date_range_query(r, {2000, 1, 1}, {2030, 12, 31});
    } catch (const morgue::Error&) {
    }
    morgue::parse_iso_datetime(s);
    return 0;
}
