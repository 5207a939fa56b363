// Finds an HTML page's main content and turns it into blocks of text. The article
// container is chosen by text statistics, readability-style: paragraphs score their
// ancestors by length and commas, scores are damped by link density and weighted by
// class/id hints (html_hints.txt); the best container and its qualifying siblings are
// kept, then link-heavy, form-like and image-only furniture inside it is dropped. No site
// lists. The tree is flattened once into an array and every pass over it is iterative and
// linear, so a deep or huge page costs time in proportion to its size.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct ContentBlock {
    enum class Kind { Paragraph, Heading, Quote, ListItem, Caption, Pre };
    Kind kind = Kind::Paragraph;
    std::string text;     // whitespace normalised
    std::string credit;   // captions: the photo credit, when marked up or written out
    std::string label;    // list items: a bold lead-in, when marked up
    bool outside = false; // captions of figures next to the text, not inside it
};

struct Content {
    std::vector<ContentBlock> blocks;
    std::vector<std::string> bylines; // byline markup found inside the content (dropped)
    // The same bylines for reading names: the texts of their block elements set apart
    // by commas (byline_text's blocks_apart).
    std::vector<std::string> byline_names;
};

// title: the article's headline, so a repeated headline is dropped from the body.
Content extract_content(const GumboNode* document, std::string_view title);

} // namespace morgue
