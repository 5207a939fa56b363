// Article -> Xapian::Document, driven by the schema table (common/schema.hpp).
#pragma once

#include "article.hpp"
#include "schema.hpp"

#include <xapian.h>

#include <array>
#include <string>
#include <vector>

namespace morgue {

// What the relevance evaluation varies when it re-indexes an index's articles
// (tests/relevance/eval_reindex.cpp, scripts/eval-ranking): the wdf multiplier of each
// field's unprefixed terms and the stemming strategy. morgue-index always builds with
// the defaults, the schema's; no option reaches this.
struct IndexTuning {
    std::array<unsigned, kFields.size()> weight = [] {
        std::array<unsigned, kFields.size()> w{};
        for (std::size_t i = 0; i < kFields.size(); ++i)
            w[i] = kFields[i].weight;
        return w;
    }();
    Xapian::TermGenerator::stem_strategy stem = Xapian::TermGenerator::STEM_ALL;
};

class DocumentBuilder {
  public:
    explicit DocumentBuilder(const IndexTuning& tuning = {});
    // The document for an article: terms per the schema, value slots, stored JSON.
    Xapian::Document build(const Article& a);
    // Terms the builder's TermGenerator still holds: 0 after build() (see build()).
    Xapian::termcount held_terms() const { return tg_.get_document().termlist_count(); }

  private:
    Xapian::TermGenerator tg_;
    IndexTuning tuning_;
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
