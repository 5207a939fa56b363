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

// url_fuzzer: a trailing newline inside the path was trimmed on the second pass.
TEST_CASE("url_fuzzer regression: normalisation is idempotent with control bytes") {
    std::string in("http://a./b\x03\x00=1\n#=d=1\n", 22);
    std::string once = normalize_url(in);
    CHECK(once == "http://a/b%03%00=1%0A");
    CHECK(normalize_url(once) == once);
    CHECK(normalize_url("https://example.com/a b") == "https://example.com/a%20b");
}

// url_fuzzer: control bytes in the host were percent-encoded, then lowercased next time.
TEST_CASE("url_fuzzer regression: a host with control bytes is not a URL") {
    CHECK(normalize_url(std::string("HTTPS://Exampe.\r\0\0\0On\xa2"
                                    "eHT\0x.html?u",
                                    30))
              .empty());
    CHECK(normalize_url("https://bad%20host/x").empty());
    CHECK(normalize_url("https://[::1]:8080/x") == "https://[::1]:8080/x");
}

// url_fuzzer: a colon inside the host was read as a port separator differently each pass.
TEST_CASE("url_fuzzer regression: ports are digits, hosts have no colon") {
    CHECK(normalize_url("HTTPS://Example.CO\xffindex.htmhttp::/l1/_sou3#f").empty());
    CHECK(normalize_url("https://example.com:x/").empty());
    CHECK(normalize_url("https://example.com:/a") == "https://example.com/a");
    CHECK(normalize_url("https://example.com:8443/a") == "https://example.com:8443/a");
}
