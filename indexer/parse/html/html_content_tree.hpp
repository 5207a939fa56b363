// The flat tree html_content.cpp scores: the elements of a page's <body> in pre-order,
// each with its parent, subtree size and text statistics (characters, link characters,
// commas, paragraph/image/list counts), so that every later pass is a loop over an array
// rather than a recursive walk. Skipped tags (script, style, inputs...), hidden elements,
// navigation and, when asked, furniture named by class/id hints are left out.
#pragma once

#include <gumbo.h>

#include <vector>

namespace morgue {

// Text statistics of a subtree (or of a node's own text children).
struct ContentStats {
    int text = 0; // characters, whitespace runs counted once
    int link = 0; // characters inside links, in tenths (same-page links weigh 0.3)
    int commas = 0;
    int heading = 0; // characters inside h1-h6
    int li_text = 0; // characters inside list items
    int p = 0, img = 0, li = 0, input = 0, tr = 0, th = 0, tables = 0;
    void add(const ContentStats& o) {
        text += o.text, link += o.link, commas += o.commas, heading += o.heading;
        li_text += o.li_text, p += o.p, img += o.img, li += o.li, input += o.input;
        tr += o.tr, th += o.th, tables += o.tables;
    }
};

struct ContentNode {
    const GumboNode* g = nullptr;
    int parent = -1;
    int size = 1; // nodes in the subtree, this one included (pre-order: [i, i+size))
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    int weight = 0;
    int elem_children = 0;
    bool in_link = false, in_figure = false, in_pre = false, in_heading = false, in_li = false;
    bool byline = false, caption = false, small_furniture = false;
    ContentStats own;                       // own text children and own tag counts
    ContentStats all;                       // the whole subtree
    int inline_text = 0, inline_commas = 0; // text not inside a block descendant
    double score = 0;
    bool candidate = false;
    bool removed = false;
};

struct TreeFlags {
    bool strip_unlikely; // leave out elements whose class/id names furniture
    bool weight_classes; // score class/id hints (positive, negative)
};

// Iterative: a page nested 100,000 deep costs a vector, not a stack overflow.
std::vector<ContentNode> build_content_tree(const GumboNode* root, TreeFlags f);

inline bool is_heading(GumboTag t) {
    return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
           t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

} // namespace morgue
