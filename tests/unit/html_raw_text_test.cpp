// Parsing without script and style bodies (parse/html/html_raw_text): the cut itself, and that
// the tree parse_html returns is the tree of the whole page as far as the extractor can
// see (everything but the text of scripts other than JSON-LD and of styles).
#include "parse/charset.hpp"
#include "parse/html/html_dom.hpp"
#include "parse/html/html_raw_text.hpp"
#include "text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace morgue;

namespace {

// Text the extractor never reads: of a style, or of a script that is not JSON-LD.
bool unread_text_parent(const GumboNode* n) {
    if (n == nullptr || !is_element(n)) return false;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_STYLE) return true;
    return t == GUMBO_TAG_SCRIPT && to_lower_ascii(trim(attr(n, "type"))) != "application/ld+json";
}

// The tree as text: every node with its namespace, tag name, attributes and text, in
// document order; iterative, as fixtures may nest deep.
std::string tree_view(const GumboNode* root) {
    std::string out;
    std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
    while (!stack.empty()) {
        auto [n, closing] = stack.back();
        stack.pop_back();
        if (closing) {
            out += ")\n";
            continue;
        }
        switch (n->type) {
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
            if (n->type == GUMBO_NODE_DOCUMENT) {
                out += "(document\n";
            } else {
                // (Not the name of an unknown tag: that is only in the parsed buffer.)
                const GumboElement& e = n->v.element;
                out +=
                    "(" + std::to_string(e.tag_namespace) + ":" + gumbo_normalized_tagname(e.tag);
                for (unsigned i = 0; i < e.attributes.length; ++i) {
                    auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
                    out += std::string(" ") + a->name + "=\"" + a->value + "\"";
                }
                out += "\n";
            }
            stack.push_back({n, true});
            const GumboVector& ch = children_of(n);
            for (unsigned i = ch.length; i-- > 0;)
                stack.push_back({static_cast<const GumboNode*>(ch.data[i]), false});
            break;
        }
        default:
            if (unread_text_parent(n->parent)) break;
            out += "text" + std::to_string(n->type) + " [" + n->v.text.text + "]\n";
            break;
        }
    }
    return out;
}

// The whole page parsed as parse_html did before the cut existed.
std::string whole_view(std::string_view utf8) {
    std::string flat, capped;
    if (flatten_deep_nesting(utf8, kMaxHtmlDepth, flat)) utf8 = flat;
    if (cap_tag_attributes(utf8, kMaxHtmlAttributes, capped)) utf8 = capped;
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0; // as parse_html: gumbo's error list changes some attribute names
    GumboOutput* o = gumbo_parse_with_options(&opts, utf8.data(), utf8.size());
    std::string v = tree_view(o->document);
    gumbo_destroy_output(&kGumboDefaultOptions, o);
    return v;
}

std::string lean_view(std::string_view utf8) {
    GumboDoc doc = parse_html(utf8);
    return tree_view(doc->document);
}

} // namespace

TEST_CASE("cut_raw_text_bodies cuts script and style bodies and keeps JSON-LD") {
    std::string out;
    std::vector<CutBody> cuts;
    std::string page = "<html><head><script>var a = '<b>';</script>"
                       "<STYLE media=\"x>y\">p { color: red }</STYLE>"
                       "<script type=\"application/ld+json\">{\"a\": 1}</script>"
                       "<script type='text/javascript'>if (a</scripts) b();</script >"
                       "</head><body><p>Text</p><script></script></body></html>";
    REQUIRE(cut_raw_text_bodies(page, out, cuts));
    CHECK(out == "<html><head><script></script><STYLE media=\"x>y\"></STYLE>"
                 "<script type=\"application/ld+json\">{\"a\": 1}</script>"
                 "<script type='text/javascript'></script >"
                 "</head><body><p>Text</p><script></script></body></html>");
    REQUIRE(cuts.size() == 3);
    CHECK(out.substr(cuts[0].tag_begin, cuts[0].tag_size) == "<script>");
    CHECK(cuts[1].tag == GUMBO_TAG_STYLE);
    CHECK(out.substr(cuts[1].tag_begin, cuts[1].tag_size) == "<STYLE media=\"x>y\">");
    CHECK(out.substr(cuts[2].tag_begin, cuts[2].tag_size) == "<script type='text/javascript'>");
    GumboDoc doc(gumbo_parse(out.c_str()));
    CHECK(cuts_confirmed(doc.get(), out, cuts));
}

TEST_CASE("cut_raw_text_bodies leaves alone what it cannot be sure of") {
    std::string out;
    std::vector<CutBody> cuts;
    // A type that may spell JSON-LD through a character reference.
    CHECK_FALSE(
        cut_raw_text_bodies("<script type=\"application/ld&#43;json\">{}</script>", out, cuts));
    // Inside svg, script and style hold markup.
    CHECK_FALSE(cut_raw_text_bodies("<svg><style>a{}</style><script>x</script></svg>", out, cuts));
    // Comments, attribute values and RCDATA elements hide what looks like a script.
    CHECK_FALSE(cut_raw_text_bodies("<!-- <script>x</script> --><a title='<style>a{}</style>'>"
                                    "<textarea><script>x</script></textarea><title><style>s"
                                    "</style></title>",
                                    out, cuts));
    // "<script" inside "<!--" in a script may double-escape it: stop at that script.
    REQUIRE(cut_raw_text_bodies("<style>a{}</style><script><!-- <script></script> --></script>"
                                "<style>b{}</style>",
                                out, cuts));
    CHECK(out == "<style></style><script><!-- <script></script> --></script><style>b{}</style>");
    // Where the tree shows the scan was wrong (in a frameset a script start tag is
    // ignored, so its body is markup), cuts_confirmed says so: parse_html then parses the
    // page whole.
    REQUIRE(cut_raw_text_bodies("<frameset><script>a<b>c</b></script></frameset>", out, cuts));
    GumboDoc doc(gumbo_parse(out.c_str()));
    CHECK_FALSE(cuts_confirmed(doc.get(), out, cuts));
    // A script without an end runs to the end of the page.
    CHECK_FALSE(cut_raw_text_bodies("<p>x</p><script>var a = 1;", out, cuts));
    CHECK(out.empty());
}

TEST_CASE("parse_html sees the same tree as a whole-page parse, tricky markup") {
    const std::string pages[] = {
        "<html><head><script>var a='<p>';</script><style>p{}</style></head><body>"
        "<p>Text<script>document.write('</p>')</script> more</p></body></html>",
        // A script in foreign content, after the svg closed by a breakout tag.
        "<body><svg><script>a<p>b</script></svg><script>c<d</script><p>x</p>",
        "<body><svg><p>out</p><script>x<i>y</i></script><style>s</style></svg>",
        "<body><math><mi><script>q</script></mi></math><style>z</style>",
        // Where a script start tag is ignored or moves.
        "<frameset><script>a<b>c</b></script></frameset><noframes>x</noframes>",
        "<body><select><option>a<script>s</script><style>t</style></select>",
        "<body><table><tr><script>s</script><style>t</style><td>x</td></tr></table>",
        "<head><noscript><style>a</style><script>b</script></noscript></head><body>y",
        "<body><template><script>t</script><style>u</style></template><p>z</p>",
        // Escapes and end-tag look-alikes.
        "<script><!-- if (a < b) { } --></script><p>after</p>",
        "<script><!-- <script>x</script> --></script><p>after</p><script>y</script>",
        "<script>a</scriptx>b</SCRIPT\t>c</script/>d<style>e</styles></style >f",
        "<script>\r\nvar x;\r\n</script\r><p>crlf</p>", "<p>a<script>b", "<style>never closed",
        "<plaintext><script>x</script>", "<!--><script>a</script>--><p>x</p>",
        "<!---><style>s</style>-->", "<a href='x' title=\"<script>\">y</a><script>z</script>",
        "<xmp><script>a</script></xmp><iframe><style>b</style></iframe><script>c</script>",
        "<body><p>x</p></body></html><script>after html</script><style>s</style>",
        "<html><head></head><script>between head and body</script><body>x</body></html>",
        "<script type=\"application/ld+json\">{\"headline\": \"A </b> headline\"}</script>"};
    for (const auto& p : pages) {
        INFO(p);
        CHECK(lean_view(p) == whole_view(p));
    }
}

TEST_CASE("parse_html sees the same tree as a whole-page parse, fixtures and sample corpus") {
    namespace fs = std::filesystem;
    int pages = 0, cut = 0;
    for (const char* dir : {MORGUE_FIXTURES, MORGUE_SOURCE_DIR "/sample_corpus"}) {
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            auto ext = e.path().extension();
            if (!e.is_regular_file() || (ext != ".html" && ext != ".htm")) continue;
            std::ifstream in(e.path(), std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            std::string utf8 = html_to_utf8(ss.str(), {});
            INFO(e.path().string());
            CHECK(lean_view(utf8) == whole_view(utf8));
            std::string out;
            std::vector<CutBody> cuts;
            ++pages;
            cut += cut_raw_text_bodies(utf8, out, cuts);
        }
    }
    CHECK(pages >= 20);
    CHECK(cut >= 3); // the check above compared real cuts, not only untouched pages
}
