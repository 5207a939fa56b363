// Article -> Xapian::Document, driven by the schema table (common/schema.hpp).
#pragma once

#include "article.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace morgue {

class DocumentBuilder {
  public:
    DocumentBuilder();
    // The document for an article: terms per the schema, value slots, stored JSON.
    Xapian::Document build(const Article& a);
    // Terms the builder's TermGenerator still holds: 0 after build() (see build()).
    Xapian::termcount held_terms() const { return tg_.get_document().termlist_count(); }

  private:
    Xapian::TermGenerator tg_;
};

// The id term ("Q" + id, hashed when too long) that replace_document keys on.
std::string id_term(const std::string& id);

// Words for Xapian's spelling table: those of titles, names and tags (where a misspelt
// query most needs a correction), lowercased with accents folded.
std::vector<std::string> spelling_words(const Article& a);

// The hash of the normalised body (the title when there is no body): the collapse key
// (value slot kSlotContentHash).
std::string content_hash(const Article& a);

} // namespace morgue
