// Article -> Xapian::Document, driven by the schema table (common/schema.hpp).
#pragma once

#include "article.hpp"

#include <xapian.h>

#include <string>

namespace morgue {

class DocumentBuilder {
public:
    DocumentBuilder();
    // The document for an article: terms per the schema, value slots, stored JSON.
    Xapian::Document build(const Article& a);

private:
    Xapian::TermGenerator tg_;
};

// The id term ("Q" + id, hashed when too long) that replace_document keys on.
std::string id_term(const std::string& id);

// The hash of the normalised body used as the collapse key (value slot kSlotContentHash).
std::string content_hash(const Article& a);

} // namespace morgue
