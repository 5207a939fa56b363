// The stored article (Xapian document data, read back from an index that may be
// damaged): decoding never throws or reads out of bounds, and what a binary record
// decodes to survives another write and read unchanged.
#include "stored_article.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string s(reinterpret_cast<const char*>(data), size);
    morgue::Article a = morgue::article_from_stored(s);
    if (!s.empty() && static_cast<unsigned char>(s[0]) == 0x01) {
        morgue::Article b = morgue::article_from_stored(morgue::stored_article(a));
        if (!(a == b)) std::abort();
    }
    morgue::same_stored_article(s, morgue::stored_article(a));
    return 0;
}
