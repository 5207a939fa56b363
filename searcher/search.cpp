#include "search.hpp"

#include "article_json.hpp"
#include "errors.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

#include <memory>

namespace morgue {

static std::string joined_paths(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths) out += (out.empty() ? "" : ", ") + p;
    return out;
}

Xapian::Database open_index(const std::vector<std::string>& paths) {
    Xapian::Database db;
    for (const auto& p : paths) {
        try {
            Xapian::Database shard(p);
            std::string v = shard.get_metadata(kSchemaVersionKey);
            if (v != std::to_string(kSchemaVersion))
                throw Error(p + ": index schema version " + (v.empty() ? "none" : v) +
                            ", this morgue-search reads " + std::to_string(kSchemaVersion) +
                            "; re-index with morgue-index");
            db.add_database(shard);
        } catch (const Xapian::Error& e) {
            throw Error(describe_xapian_error(p, e));
        }
    }
    return db;
}

Searcher::Searcher(std::vector<std::string> db_paths) : paths_(std::move(db_paths)), db_(open_index(paths_)) {}

SearchResult Searcher::search(const SearchRequest& req) {
    // A writer may commit while we read: reopen and retry once.
    try {
        return run(req);
    } catch (const Xapian::DatabaseModifiedError&) {
        db_.reopen();
        return run(req);
    } catch (const Xapian::Error& e) {
        throw Error(describe_xapian_error(joined_paths(paths_), e));
    }
}

SearchResult Searcher::run(const SearchRequest& req) {
    QueryBuilder qb(db_, req.query_options);
    Xapian::Query q = qb.parse(req.query);
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (req.sort != SortOrder::Relevance) {
        // The article's own date first, then the published instant; ties by relevance.
        auto* keys = new Xapian::MultiValueKeyMaker;
        bool reverse = req.sort == SortOrder::Newest;
        keys->add_value(kSlotDate, reverse);
        keys->add_value(kSlotPublished, reverse);
        enquire.set_sort_by_key_then_relevance(keys->release(), false);
    }
    SearchResult res;
    res.query = req.query;
    res.offset = req.offset;
    res.parsed = q.get_description();
    std::vector<std::unique_ptr<FacetSpy>> spies;
    for (const auto& fr : req.facets) {
        spies.push_back(std::make_unique<FacetSpy>(fr));
        enquire.add_matchspy(spies.back().get());
    }
    Xapian::doccount all = db_.get_doccount();
    Xapian::MSet mset = enquire.get_mset(req.count_only ? 0 : req.offset, req.count_only ? 0 : req.limit, all);
    res.total = mset.get_matches_estimated();
    for (const auto& spy : spies) res.facets.push_back(spy->result());
    enquire.clear_matchspies();
    if (req.count_only) return res;
    Xapian::Stem stem("english");
    unsigned rank = req.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit h;
        h.rank = ++rank;
        h.score = it.get_weight();
        h.percent = it.get_percent();
        Xapian::Document doc = it.get_document();
        h.article = article_from_json(nlohmann::ordered_json::parse(doc.get_data(), nullptr, false));
        std::string text = h.article.body;
        if (text.empty() && !h.article.bullets.empty()) text = h.article.bullets[0].text;
        h.snippet = normalize_space(mset.snippet(text, 240, stem,
                                 Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                 req.highlight ? kHiStart : "", req.highlight ? kHiEnd : "", "…"));
        res.hits.push_back(std::move(h));
    }
    return res;
}

bool Searcher::find(const std::string& id, Article& out) {
    std::string term = boolean_term(field(FieldId::Id), id);
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            Xapian::PostingIterator p = db_.postlist_begin(term);
            if (p == db_.postlist_end(term)) return false;
            out = article_from_json(nlohmann::ordered_json::parse(db_.get_document(*p).get_data(), nullptr, false));
            return true;
        } catch (const Xapian::DatabaseModifiedError&) {
            db_.reopen();
        }
    }
    return false;
}

} // namespace morgue
