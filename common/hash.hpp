// A small, stable 64-bit hash (FNV-1a) for content ids and collapse keys. Stable across
// runs and machines, which std::hash is not; no Debian library gives a lighter one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace morgue {

constexpr std::uint64_t hash64(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string hex64(std::uint64_t v); // 16 lowercase hex digits

// The shard (0..n-1) an article id belongs to when an archive is split n ways
// (morgue-index --shard K/N): stable, so re-indexing an article lands in its shard.
// The high bits of the hash: FNV-1a's low bits mix less.
constexpr unsigned shard_of(std::string_view id, unsigned n) {
    return static_cast<unsigned>((hash64(id) >> 16) % n);
}

// A hash of text that ignores what copies of one article differ in: ASCII case,
// whitespace and punctuation runs. Fast (no Unicode tables): it keys content ids and
// the collapse slot, where speed matters and accents do not.
std::uint64_t content_hash64(std::string_view text, std::uint64_t seed = 14695981039346656037ull);

} // namespace morgue
