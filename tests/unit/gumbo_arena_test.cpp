#include "parse/html/gumbo_arena.hpp"
#include "parse/html/html_dom.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>

using namespace morgue;

TEST_CASE("GumboArena hands out aligned, separate memory and parses a page") {
    GumboArena arena;
    GumboOptions opts = kGumboDefaultOptions;
    arena.use_in(opts);
    // Small and large requests: aligned for any type, writable, not overlapping.
    void* a = opts.allocator(opts.userdata, 3);
    void* b = opts.allocator(opts.userdata, 100000); // larger than a quarter block
    void* c = opts.allocator(opts.userdata, 0);
    void* d = opts.allocator(opts.userdata, 24);
    for (void* p : {a, b, c, d})
        CHECK(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) == 0);
    std::memset(a, 'a', 3);
    std::memset(b, 'b', 100000);
    std::memset(d, 'd', 24);
    CHECK(static_cast<char*>(a)[2] == 'a');
    CHECK(static_cast<char*>(b)[99999] == 'b');
    CHECK(static_cast<char*>(d)[0] == 'd');
    opts.deallocator(opts.userdata, a); // a no-op: the arena frees everything at once
    CHECK(arena.reserved() >= 100000 + 3 + 24);

    // A parse in an arena goes with it: GumboDoc's deleter does not free node by node.
    GumboDoc doc = parse_html("<html><body><p class='x'>Hello <b>there</b></p></body></html>");
    REQUIRE(doc);
    const GumboNode* p = find_first(doc->document, GUMBO_TAG_P);
    REQUIRE(p);
    CHECK(attr(p, "class") == "x");
    CHECK(text_content(p) == "Hello there");
}
