// URL normalisation: idempotent on its own output, never throws.
#include "url.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string s(reinterpret_cast<const char*>(data), size);
    std::string n = morgue::normalize_url(s);
    if (!n.empty() && morgue::normalize_url(n) != n) std::abort();
    morgue::host_of(s);
    morgue::resolve_url("https://example.com/a/b.html", s);
    return 0;
}
