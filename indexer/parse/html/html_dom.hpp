// Thin helpers over gumbo's tree: the parse held by a unique_ptr (with its arena, or
// gumbo_destroy_output as deleter), attribute and tag access, and iterative text collection (pages
// can nest 100,000 deep, so nothing here recurses).
#pragma once

#include "gumbo_arena.hpp"

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>

namespace morgue {

// A parse made with an arena goes with its arena; one made with malloc (arena null) is
// freed node by node.
struct GumboOutputDeleter {
    std::unique_ptr<GumboArena> arena;
    void operator()(GumboOutput* o) const {
        if (!arena) gumbo_destroy_output(&kGumboDefaultOptions, o);
    }
};
using GumboDoc = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// Parses UTF-8 HTML. Tags nested deeper than kMaxHtmlDepth are dropped first (their text
// is kept): gumbo's tree building is quadratic in nesting depth. Attributes of one tag
// beyond kMaxHtmlAttributes are dropped too: gumbo checks each new attribute against all
// the tag's earlier ones, so a tag with a million attributes would take hours.
inline constexpr int kMaxHtmlDepth = 1500;
inline constexpr int kMaxHtmlAttributes = 256;
GumboDoc parse_html(std::string_view utf8);

// The bytes with start/end tags beyond max_depth removed; returns false (and leaves out
// untouched) when the page never nests that deep.
bool flatten_deep_nesting(std::string_view html, int max_depth, std::string& out);

// The bytes with every start tag cut after its first max_attributes attributes (the tag
// is closed where the cut is); returns false (and leaves out untouched) when no tag has
// more. Attribute values are read as the HTML tokenizer reads them (quoted or not).
bool cap_tag_attributes(std::string_view html, int max_attributes, std::string& out);

inline bool is_element(const GumboNode* n) {
    return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}
inline GumboTag tag_of(const GumboNode* n) {
    return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}
inline const GumboVector& children_of(const GumboNode* n) {
    return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}

// The attribute's value, or "" when absent.
std::string_view attr(const GumboNode* n, const char* name);
bool has_attr(const GumboNode* n, const char* name);

// class and id, lowercased, joined by a space: what boilerplate hints are matched against.
std::string class_and_id(const GumboNode* n);

// All text under n, whitespace normalised, with a space between block elements; script,
// style and similar subtrees skipped. With max_bytes, the walk stops once that much raw
// text is gathered: callers that only want short texts do not pay for big subtrees.
std::string text_content(const GumboNode* n, std::size_t max_bytes = std::string::npos);

// Elements whose content is never article text.
bool is_skipped_tag(GumboTag t);
// Elements that start a new block of text.
bool is_block_tag(GumboTag t);

// First element with this tag under n (pre-order), or nullptr.
const GumboNode* find_first(const GumboNode* n, GumboTag tag);

} // namespace morgue
