#include "search.hpp"

#include "article_json.hpp"
#include "errors.hpp"
#include "recency.hpp"
#include "schema.hpp"
#include "schema_values.hpp"
#include "snippet.hpp"
#include "stemmer.hpp"
#include "stored_article.hpp"
#include "text.hpp"

#include <memory>
#include <optional>

namespace morgue {

static std::string joined_paths(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

Xapian::Database open_index(const std::vector<std::string>& paths) {
    Xapian::Database db;
    for (const auto& p : paths) {
        Xapian::Database shard(p);
        std::string v = shard.get_metadata(kSchemaVersionKey);
        if (v != std::to_string(kSchemaVersion))
            throw Error(p + ": index schema version " + (v.empty() ? "none" : v) +
                        ", this morgue-search reads " + std::to_string(kSchemaVersion) +
                        "; re-index with morgue-index");
        db.add_database(shard);
    }
    return db;
}

static LiveDatabase open_live(std::vector<std::string> specs, DatabaseOpener open) {
    std::string name = joined_paths(specs);
    try {
        return LiveDatabase(std::move(specs), std::move(open));
    } catch (const Xapian::Error& e) {
        throw Error(describe_xapian_error(name, e));
    }
}

Searcher::Searcher(std::vector<std::string> db_paths)
    : Searcher(db_paths, [db_paths] { return open_index(db_paths); }) {}

Searcher::Searcher(std::vector<std::string> specs, DatabaseOpener open)
    : live_(open_live(std::move(specs), std::move(open))), stem_(cached_stemmer()) {}

void Searcher::rethrow(const Xapian::Error& e) const {
    throw Error(describe_xapian_error(joined_paths(live_.specs()), e));
}

struct Searcher::Matched {
    explicit Matched(const Xapian::Database& db) : enquire(db) {}
    Xapian::Enquire enquire;
    Xapian::MSet mset;
    std::vector<Needle> needles; // for snippets
    SearchResult res;            // everything but the hits
};

SearchResult Searcher::search(const SearchRequest& req) {
    try {
        return live_.read([&](Xapian::Database&) {
            Matched m = match(req);
            unsigned rank = req.offset;
            for (auto it = m.mset.begin(); it != m.mset.end(); ++it)
                m.res.hits.push_back(make_hit(m, it, ++rank, req));
            return m.res;
        });
    } catch (const Xapian::Error& e) {
        rethrow(e);
    }
}

void Searcher::search(const SearchRequest& req, HitSink& sink) {
    try {
        Matched m = live_.read([&](Xapian::Database&) { return match(req); });
        sink.begin(m.res);
        unsigned long openings = live_.openings();
        unsigned rank = req.offset;
        for (auto it = m.mset.begin(); it != m.mset.end(); ++it) {
            ++rank;
            // One hit at a time, each read retried on its own: what was printed stays.
            auto h = live_.read([&](Xapian::Database&) -> std::optional<Hit> {
                // Document ids of a compacted index name other articles.
                if (live_.openings() != openings)
                    throw Error("the index was replaced (compacted) while its hits were "
                                "printed; run the search again");
                try {
                    return make_hit(m, it, rank, req);
                } catch (const Xapian::DocNotFoundError&) {
                    return std::nullopt; // deleted since the match: not shown
                }
            });
            if (h) sink.hit(*h);
        }
        sink.end();
    } catch (const Xapian::Error& e) {
        rethrow(e);
    }
}

bool Searcher::refresh() {
    try {
        return live_.refresh();
    } catch (const Xapian::Error& e) {
        rethrow(e);
    }
}

namespace {

// Relevance feedback keeps words of the text (unprefixed terms and their stems), not
// field-prefixed or boolean terms, and not numbers or tiny words.
class TextTermsOnly : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        std::string_view t = term;
        if (t.size() > 1 && t[0] == 'Z') t.remove_prefix(1);
        if (t.size() < 3) return false;
        if (!(t[0] >= 'a' && t[0] <= 'z') && static_cast<unsigned char>(t[0]) < 0x80) return false;
        return true;
    }
};

} // namespace

Xapian::Query Searcher::like_query(const std::string& id) {
    std::string term = boolean_term(field(FieldId::Id), id);
    Xapian::PostingIterator p = db().postlist_begin(term);
    if (p == db().postlist_end(term)) throw Error("--like: no article with id '" + id + "'");
    Xapian::RSet rset;
    rset.add_document(*p);
    Xapian::Enquire enquire(db());
    TextTermsOnly decider;
    Xapian::ESet eset = enquire.get_eset(40, rset, &decider);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it)
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight());
    Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
    // The article itself is not "like" itself.
    return Xapian::Query(Xapian::Query::OP_AND_NOT, q, Xapian::Query(term));
}

std::string Searcher::snippet_of(const Article& a, const std::vector<Needle>& needles,
                                 bool highlight) {
    std::string_view text = a.body;
    if (text.empty() && !a.bullets.empty()) text = a.bullets[0].text;
    // Very long texts: the passage is looked for in their start only.
    if (text.size() > kSnippetTextBytes) {
        std::size_t cut = kSnippetTextBytes; // not inside a UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text = text.substr(0, cut);
    }
    SnippetStyle style;
    if (highlight) {
        style.hi_start = kHiStart;
        style.hi_end = kHiEnd;
    }
    return make_snippet(text, needles, stem_, style);
}

QueryBuilder& Searcher::builder(const QueryOptions& opts) {
    if (!builder_ || !(builder_opts_ == opts) || builder_generation_ != live_.generation()) {
        builder_ = std::make_unique<QueryBuilder>(db(), opts);
        builder_opts_ = opts;
        builder_generation_ = live_.generation();
    }
    return *builder_;
}

Searcher::Matched Searcher::match(const SearchRequest& req) {
    Xapian::Query q = builder(req.query_options).parse(req.query);
    if (!req.like_id.empty()) {
        Xapian::Query like = like_query(req.like_id);
        // A query given with --like narrows the similar articles without ranking them.
        q = trim(req.query).empty() && req.query_options.since.empty() &&
                    req.query_options.until.empty()
                ? like
                : Xapian::Query(Xapian::Query::OP_FILTER, like, q);
    }
    if (req.sort == SortOrder::RelevanceRecent)
        q = Xapian::Query(
            Xapian::Query::OP_AND_MAYBE, q,
            Xapian::Query((new RecencySource(req.query_options.today, 2.0, 30))->release()));
    Matched m(db());
    Xapian::Enquire& enquire = m.enquire;
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (req.collapse) enquire.set_collapse_key(kSlotContentHash);
    if (req.sort == SortOrder::Newest || req.sort == SortOrder::Oldest) {
        // The article's own date first, then the published instant; ties by relevance.
        auto* keys = new Xapian::MultiValueKeyMaker;
        bool reverse = req.sort == SortOrder::Newest;
        keys->add_value(kSlotDate, reverse);
        keys->add_value(kSlotPublished, reverse);
        enquire.set_sort_by_key_then_relevance(keys->release(), false);
    }
    SearchResult& res = m.res;
    res.query = req.query;
    res.offset = req.offset;
    res.parsed = q.get_description();
    res.collapse = req.collapse;
    res.explain = req.explain;
    std::vector<std::unique_ptr<FacetSpy>> spies;
    for (const auto& fr : req.facets) {
        spies.push_back(std::make_unique<FacetSpy>(fr));
        enquire.add_matchspy(spies.back().get());
    }
    Xapian::doccount all = db().get_doccount();
    bool exhaustive = req.count_only || !req.facets.empty();
    Xapian::doccount check =
        exhaustive ? all : std::max<Xapian::doccount>(req.offset + req.limit, kExactTotalUpTo);
    Xapian::MSet& mset = m.mset;
    mset = enquire.get_mset(req.count_only ? 0 : req.offset, req.count_only ? 0 : req.limit, check);
    res.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    // With --collapse the estimate counts distinct stories; otherwise it is exact.
    res.total =
        req.collapse ? mset.get_uncollapsed_matches_estimated() : mset.get_matches_estimated();
    for (const auto& spy : spies)
        res.facets.push_back(spy->result());
    enquire.clear_matchspies();
    if (req.suggest && res.total < 3 && req.like_id.empty()) {
        std::string s = suggest(req.query);
        if (!s.empty()) {
            SearchRequest again = req;
            again.query = s;
            again.suggest = false;
            again.count_only = true;
            again.facets.clear();
            if (match(again).res.total > res.total) res.suggestion = s;
        }
    }
    res.shown = mset.size();
    if (req.count_only) return m;
    if (req.snippets)
        m.needles = snippet_needles({q.get_unique_terms_begin(), q.get_unique_terms_end()});
    return m;
}

Hit Searcher::make_hit(const Matched& m, const Xapian::MSetIterator& it, unsigned rank,
                       const SearchRequest& req) {
    Hit h;
    h.rank = rank;
    h.score = it.get_weight();
    h.percent = it.get_percent();
    // From the database, not it.get_document(): an MSet keeps every document it
    // hands out, which for --limit 99999999 is the whole archive in memory.
    Xapian::Document doc = db().get_document(*it);
    h.article = article_from_stored(doc.get_data());
    if (req.snippets) h.snippet = snippet_of(h.article, m.needles, req.highlight);
    h.collapsed = it.get_collapse_count();
    if (req.explain)
        for (auto t = m.enquire.get_matching_terms_begin(it);
             t != m.enquire.get_matching_terms_end(it); ++t)
            h.matched.push_back(describe_term(*t));
    return h;
}

// Words of the query that are in no article, replaced by the nearest word Xapian's
// spelling table knows (built from titles, names and tags while indexing). Returns ""
// when nothing changes or the corrected query finds no more than the original.
std::string Searcher::suggest(const std::string& query) {
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    while (i < query.size()) {
        unsigned char c = static_cast<unsigned char>(query[i]);
        bool word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (!word_char) {
            out += query[i++];
            continue;
        }
        std::size_t j = i;
        while (j < query.size()) {
            unsigned char d = static_cast<unsigned char>(query[j]);
            if (!((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || d >= 0x80 || d == '\''))
                break;
            ++j;
        }
        std::string word = query.substr(i, j - i);
        bool field_name = j < query.size() && query[j] == ':';
        bool op = is_query_operator(word);
        std::string lower = fold_for_match(word);
        if (!field_name && !op && lower.size() >= 3 && !db().term_exists(lower)) {
            std::string fix = db().get_spelling_suggestion(lower, 2);
            if (!fix.empty() && fix != lower) {
                if (word[0] >= 'A' && word[0] <= 'Z' && fix[0] >= 'a' && fix[0] <= 'z')
                    fix[0] = static_cast<char>(fix[0] - 32);
                out += fix;
                changed = true;
                i = j;
                continue;
            }
        }
        out += word;
        i = j;
    }
    return changed ? out : std::string();
}

bool Searcher::find(const std::string& id, Article& out) {
    std::string term = boolean_term(field(FieldId::Id), id);
    try {
        return live_.read([&](Xapian::Database& db) {
            Xapian::PostingIterator p = db.postlist_begin(term);
            if (p == db.postlist_end(term)) return false;
            out = article_from_stored(db.get_document(*p).get_data());
            return true;
        });
    } catch (const Xapian::Error& e) {
        rethrow(e);
    }
}

} // namespace morgue
