// URL normalisation for stable article ids: scheme and host lowercased, default port
// dropped, fragment and tracking parameters (utm_*, fbclid, gclid, ...) dropped, a
// trailing index.html folded. Used by the indexer for ids and by the searcher for url:.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// "" when s is not an absolute http(s) URL.
std::string normalize_url(std::string_view s);

// "www.example.com" -> "example.com"; "" when s has no host.
std::string host_of(std::string_view url);

// Resolves a possibly relative reference against an absolute base URL.
std::string resolve_url(std::string_view base, std::string_view ref);

} // namespace morgue
