#include "hash.hpp"

namespace morgue {

std::string hex64(std::uint64_t v) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[v & 0xf];
        v >>= 4;
    }
    return out;
}

std::uint64_t content_hash64(std::string_view text, std::uint64_t h) {
    bool gap = false;
    for (unsigned char c : text) {
        bool word =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (!word) {
            gap = true;
            continue;
        }
        if (gap) {
            h ^= ' ';
            h *= 1099511628211ull;
            gap = false;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace morgue
