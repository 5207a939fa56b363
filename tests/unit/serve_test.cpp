// morgue-serve without a socket: URL parameters -> the SearchRequest morgue-search builds
// from the same options, its command line, and the snippet highlight offsets its page marks.
#include "../../searcher/options.hpp" // not the indexer's options.hpp, also on the path
#include "api.hpp"
#include "errors.hpp"
#include "output.hpp"
#include "serve_options.hpp"

#include <catch2/catch.hpp>

using namespace morgue;

namespace {

SearchRequest cli_request(std::vector<const char*> args) {
    args.insert(args.begin(), "morgue-search");
    return parse_search_options(static_cast<int>(args.size()), args.data(), nullptr, false, true)
        .request;
}

int status_of(const Params& p) {
    try {
        search_request_from_params(p);
    } catch (const ApiError& e) {
        return e.status;
    }
    return 200;
}

std::string message_of(const Params& p) {
    try {
        search_request_from_params(p);
    } catch (const ApiError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("API parameters give morgue-search's request for the same options") {
    SearchRequest api = search_request_from_params({{"q", "ferry date:2024"},
                                                    {"limit", "5"},
                                                    {"offset", "10"},
                                                    {"sort", "newest"},
                                                    {"facet", "month"},
                                                    {"facet", "person:3"},
                                                    {"since", "2024-02"},
                                                    {"until", "2024-11-30"},
                                                    {"collapse", "1"}});
    SearchRequest cli =
        cli_request({"--format", "json", "--limit", "5", "--offset", "10", "--sort", "newest",
                     "--facet", "month", "--facet", "person:3", "--since", "2024-02", "--until",
                     "2024-11-30", "--collapse", "ferry", "date:2024"});
    CHECK(api.query == cli.query);
    CHECK(api.limit == cli.limit);
    CHECK(api.offset == cli.offset);
    CHECK(api.sort == cli.sort);
    CHECK(api.query_options == cli.query_options);
    CHECK(api.collapse == cli.collapse);
    CHECK(api.highlight == cli.highlight);
    CHECK(api.snippets == cli.snippets);
    REQUIRE(api.facets.size() == 2);
    CHECK(api.facets[1].field == "person");
    CHECK(api.facets[1].limit == 3);
    CHECK_FALSE(search_request_from_params({{"q", "x"}, {"collapse", "0"}}).collapse);
}

TEST_CASE("query words that are morgue-search's commands stay words") {
    CHECK(search_request_from_params({{"q", "show people"}}).query == "show people");
    CHECK(search_request_from_params({{"q", "--limit 3"}}).query == "--limit 3");
    CHECK(search_request_from_params({{"q", ""}}, true).query.empty());
}

TEST_CASE("bad API parameters: 400 with morgue-search's message, 413 for a long query") {
    CHECK(status_of({{"q", "x"}, {"sort", "loudest"}}) == 400);
    CHECK(message_of({{"q", "x"}, {"sort", "loudest"}}) ==
          "--sort takes relevance, newest, oldest or relevance-recent, not 'loudest'");
    CHECK(status_of({{"q", "x"}, {"since", "someday"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"facet", "colour"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"facet", ""}}) == 400);
    CHECK(status_of({{"q", "x"}, {"limit", "0"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"limit", "101"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"limit", "5x"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"offset", "-1"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"offset", "10001"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"colour", "red"}}) == 400);
    CHECK(status_of({{"q", "  "}}) == 400);
    Params many{{"q", "x"}};
    for (int i = 0; i < 9; ++i)
        many.emplace("facet", "tag");
    CHECK(status_of(many) == 400);
    CHECK(status_of({{"q", std::string(kMaxQueryBytes, 'a')}}) == 200);
    CHECK(status_of({{"q", std::string(kMaxQueryBytes + 1, 'a')}}) == 413);
}

TEST_CASE("snippet highlights are code point offsets of the plain snippet") {
    using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
    CHECK(snippet_highlights("plain") == Spans{});
    CHECK(snippet_highlights("a \x01"
                             "ferry\x02 b") == Spans{{2, 7}});
    // "Zoë" is 3 code points and 4 bytes; "…" one code point.
    CHECK(snippet_highlights("Zo\xC3\xAB \x01"
                             "f\xC3\xA4hre\x02\xE2\x80\xA6 \x01"
                             "x\x02") == Spans{{4, 9}, {11, 12}});
    // Unbalanced or empty markers mark nothing.
    CHECK(snippet_highlights("\x02"
                             "a\x01\x02"
                             "b\x01"
                             "c") == Spans{});
}

TEST_CASE("morgue-serve's command line") {
    auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "morgue-serve");
        return parse_serve_options(static_cast<int>(args.size()), args.data(), nullptr);
    };
    ServeOptions d = parse({});
    CHECK(d.bind == "127.0.0.1"); // loopback unless asked
    CHECK(d.port == 8080);
    CHECK(d.dbs == std::vector<std::string>{"morgue.db"});
    ServeOptions o = parse({"--db", "a.db", "--db", "b.db", "--bind", "0.0.0.0", "--port", "0",
                            "--threads", "4", "--timeout", "3"});
    CHECK(o.dbs == std::vector<std::string>{"a.db", "b.db"});
    CHECK(o.bind == "0.0.0.0");
    CHECK(o.port == 0);
    CHECK(o.threads == 4);
    CHECK(o.timeout == 3);
    CHECK_THROWS_AS(parse({"--port", "65536"}), Error);
    CHECK_THROWS_AS(parse({"--threads", "0"}), Error);
    CHECK_THROWS_AS(parse({"--nope"}), Error);
    CHECK_THROWS_AS(parse({"stray"}), Error);
}
