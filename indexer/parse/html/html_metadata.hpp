// Page metadata an HTML article carries outside its text: JSON-LD (schema.org Article
// and its kin, @graph and @id references resolved), OpenGraph and Twitter cards, <meta>
// names used by common CMSs (author, dates, keywords, Dublin Core, Parse.ly, Sailthru),
// <title>, <html lang>, <link rel=canonical>, <time> elements, and byline/dek markup.
// Each value is kept per source so html_article.cpp can rank them.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

namespace morgue {

struct PageMeta {
    // Titles, in the order of trust html_article.cpp gives them.
    std::string ld_headline, og_title, twitter_title, meta_title, doc_title;
    std::vector<std::string> h1s; // texts of the page's <h1> elements (first few)
    // <h1> texts that are page furniture, not a headline: a logo or the site's name
    // (class or id "logo", "brand", "site-title"; an image or a link home only) or text
    // hidden from view ("hidden", "sr-only"). They are in h1s too.
    std::vector<std::string> logo_h1s;
    std::vector<std::string> subheads; // texts of the first <h2> and <h3> elements

    std::vector<std::string> ld_authors;   // names from JSON-LD author
    std::vector<std::string> ld_persons;   // those of them typed "Person"
    std::vector<std::string> meta_authors; // <meta name=author>, dc.creator, article:author...
    // <meta name=citation_author>, one a person, in order: the Highwire Press tags that
    // Google Scholar reads, on journals' and preprint servers' pages (all of them are the
    // paper's authors, where several plain author metas are rival answers)
    std::vector<std::string> citation_authors;
    std::vector<std::string> byline_texts; // text of byline markup (rel/itemprop/class)
    // Names near the headline without byline markup: links to an author's page
    // ("/author/jane-roe") and short lines that open with a lead-in ("By Jane Roe").
    std::vector<std::string> lead_bylines;

    std::string ld_published, ld_modified;
    std::vector<std::string> meta_published; // date metas in order of trust
    std::string meta_generic_date; // the value of a generic date meta (name=date, dc.date)
    std::string meta_modified;
    std::string time_published;          // <time datetime> marked as the publication time
    std::string time_first;              // the first <time datetime> in the page
    int time_published_count = 0;        // <time> elements marked as a publication time
    std::vector<std::string> date_texts; // short texts of date markup ("Posted on 3 May 2021")
    std::vector<std::string> microdata_published; // itemprop=datePublished on any element
    std::vector<std::string> microdata_modified;  // itemprop=dateModified
    // Short texts around the headline: a few before the first <h1> of three words or more,
    // and the next ones after it (where pages write "19. Oktober 2019 | Von Jane Roe").
    std::vector<std::string> head_texts;
    std::vector<std::string> ld_other_published; // datePublished of other JSON-LD objects
    std::vector<std::string>
        byline_full_texts;                 // whole text of byline markup ("Von X am 21. April")
    std::vector<std::string> byline_lines; // the line holding the first byline ("Par X | 3 mai")
    std::vector<std::string> digit_texts;  // short page texts holding a digit, in page order
    // The date in a teaser card (a link holding a headline) that names the page's own
    // article; dates in other cards are left out everywhere (their stories').
    std::string own_card_date;
    bool own_card_microdata = false; // itemprop=datePublished, else a <time>

    std::string canonical, og_url, ld_url;
    std::string site_name, ld_publisher;
    std::string lang;
    std::string section;
    std::vector<std::string> tags;
    std::string description, ld_alternative_headline;
    std::string ld_article_body;   // JSON-LD articleBody: the text of pages rendered by scripts
    std::vector<std::string> deks; // text of standfirst/dek markup
};

PageMeta read_page_meta(const GumboNode* document);

// The byline an element holds: the person names marked up inside it (author links,
// itemprop=name) joined by commas, else its whole text. With blocks_apart, the texts of
// block elements inside it are set apart by commas ("By Jane Roe" and "Daily Planet" in
// two <div>s read "By Jane Roe, Daily Planet", not one four-word name).
std::string byline_text(const GumboNode* byline_element, bool blocks_apart = false);

} // namespace morgue
