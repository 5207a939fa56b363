#include "document_builder.hpp"

#include "dates.hpp"
#include "errors.hpp"
#include "hash.hpp"
#include "schema.hpp"
#include "schema_values.hpp"
#include "stemmer.hpp"
#include "stored_article.hpp"
#include "text.hpp"

namespace morgue {

namespace {

// Gap in term positions between fields and between values, so that a phrase never
// spans the headline and the body, or two captions (Omega's habit).
constexpr Xapian::termpos kFieldGap = 100;

} // namespace

DocumentBuilder::DocumentBuilder(const IndexTuning& tuning) : tuning_(tuning) {
    tg_.set_stemmer(cached_stemmer());
    tg_.set_stemming_strategy(tuning_.stem); // STEM_ALL, as the QueryParser: schema.hpp
    tg_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg_.set_max_word_length(kMaxWordBytes);
}

std::string id_term(const std::string& id) {
    return boolean_term(field(FieldId::Id), id);
}

std::vector<std::string> spelling_words(const Article& a) {
    std::vector<std::string> words;
    auto add = [&](const std::string& text) {
        std::string folded = fold_for_match(text);
        std::string cur;
        auto flush = [&] {
            if (cur.size() >= 3 && cur.size() <= kMaxWordBytes) words.push_back(cur);
            cur.clear();
        };
        for (char c : folded) {
            unsigned char u = static_cast<unsigned char>(c);
            if ((u >= 'a' && u <= 'z') || u >= 0x80)
                cur += c;
            else
                flush();
        }
        flush();
    };
    add(a.title);
    for (const auto& s : a.authors)
        add(s);
    for (const auto& p : a.people)
        add(p.name);
    for (const auto& t : a.tags)
        add(t);
    return words;
}

std::string content_hash(const Article& a) {
    // The body alone: a wire story re-headlined by another site is still the same story.
    return hex64(content_hash64(a.body.empty() ? a.title : a.body));
}

Xapian::Document DocumentBuilder::build(const Article& a) {
    Xapian::Document doc;
    tg_.set_document(doc);
    FieldValues values;
    for (const Field& f : kFields) {
        values.clear();
        f.values(a, values);
        if (values.empty()) continue;
        switch (f.kind) {
        case FieldKind::Boolean:
            for (auto v : values)
                doc.add_boolean_term(boolean_term(f, v.text));
            break;
        case FieldKind::Date:
            if (auto d = parse_ymd(a.date)) {
                doc.add_boolean_term(day_term(*d));
                doc.add_boolean_term(month_term(d->year, d->month));
                doc.add_boolean_term(year_term(d->year));
                doc.add_value(kSlotDate, date_slot_value(*d));
                std::string ymd = date_slot_value(*d);
                doc.add_value(kSlotRecency,
                              Xapian::sortable_serialise(recency_slot_weight(days_from_civil(*d))));
                std::int64_t published = a.published.value_or(0);
                doc.add_value(kSlotSortKey, sort_key(ymd, a.published ? &published : nullptr));
            }
            continue; // the date slot holds the schema's encoding, not the value as written
        case FieldKind::Text:
            for (auto v : values) {
                // Accents fold at index and query time alike: José and Jose are one.
                std::string text = fold_accents(v.text);
                if (!f.prefix.empty()) {
                    tg_.index_text(text, v.wdf, std::string(f.prefix));
                    tg_.increase_termpos(kFieldGap);
                }
                // Body terms go in once, unprefixed (a prefixed copy would double the
                // index for the rare body: query); people names are already in the text.
                if (f.prefix.empty() || f.unprefixed) {
                    tg_.index_text(text, v.wdf * tuning_.weight[static_cast<std::size_t>(f.id)]);
                    tg_.increase_termpos(kFieldGap);
                }
            }
            break;
        }
        if (f.facet_slot != kNoSlot) doc.add_value(f.facet_slot, join_list_value(values));
    }
    if (a.published)
        doc.add_value(kSlotPublished,
                      Xapian::sortable_serialise(static_cast<double>(*a.published)));
    doc.add_value(kSlotContentHash, content_hash(a));
    doc.set_data(stored_article(a));
    // Let go of the document: Xapian's reference counts are not atomic, and this
    // document is handed to the writer thread. A TermGenerator still holding it dropped
    // its reference on the next build() while the writer used it: a use-after-free
    // that crashed morgue-index now and then (seen as exit 139 in the SIGKILL test).
    tg_.set_document(Xapian::Document());
    // Xapian refuses a term over 245 bytes, and a refusal inside the writer drops every
    // change since the last commit: check here, at the document boundary, so only this
    // record is rejected. (The schema's rules keep every term under the cap; this guards
    // them.)
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).size() > kMaxTermBytes + 5)
            throw RecordError("a term of " + std::to_string((*t).size()) +
                              " bytes, over Xapian's limit of 245");
    return doc;
}

} // namespace morgue
