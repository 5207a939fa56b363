#include "url.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

TEST_CASE("URLs normalise for ids") {
    auto [in, out] = GENERATE(table<std::string, std::string>({
        {"HTTPS://Example.COM:443/a/b?utm_source=x&id=3#frag", "https://example.com/a/b?id=3"},
        {"http://example.com:80/news/index.html", "http://example.com/news/"},
        {"https://example.com", "https://example.com/"},
        {"https://example.com/p?fbclid=1&gclid=2", "https://example.com/p"},
        {"ftp://example.com/x", ""},
        {"not a url", ""},
    }));
    INFO(in);
    CHECK(normalize_url(in) == out);
}

TEST_CASE("hosts drop www") {
    CHECK(host_of("https://www.Example.com/x") == "example.com");
    CHECK(resolve_url("https://a.com/x/y.html", "z.html") == "https://a.com/x/z.html");
    CHECK(resolve_url("https://a.com/x/y.html", "/z") == "https://a.com/z");
}
