#include "search.hpp"

#include "article_json.hpp"
#include "errors.hpp"
#include "person_aliases.hpp"
#include "query_words.hpp"
#include "recency.hpp"
#include "schema.hpp"
#include "schema_values.hpp"
#include "snippet.hpp"
#include "stemmer.hpp"
#include "stored_article.hpp"
#include "text.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

namespace morgue {

static std::string joined_paths(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

Xapian::Database open_index(const std::vector<std::string>& specs) {
    return open_shards(specs, {}).all;
}

static LiveDatabase open_live(std::vector<std::string> specs, DatabaseOpener open) {
    std::string name = joined_paths(specs);
    try {
        return LiveDatabase(std::move(specs), std::move(open));
    } catch (const Xapian::Error& e) {
        throw Error(describe_xapian_error(name, e));
    }
}

Searcher::Searcher(std::vector<std::string> db_specs, ShardOptions shard_opts)
    : shards_(std::make_shared<Shards>()),
      live_(open_live(db_specs,
                      [db_specs, shard_opts, shards = shards_] {
                          *shards = open_shards(db_specs, shard_opts);
                          return shards->all;
                      })),
      stem_(cached_stemmer()) {}

Searcher::Searcher(std::vector<std::string> specs, DatabaseOpener open)
    : live_(open_live(std::move(specs), std::move(open))), stem_(cached_stemmer()) {}

void Searcher::rethrow(const Xapian::Error& e) const {
    throw Error(describe_xapian_error(joined_paths(live_.specs()), e));
}

template <class F> auto Searcher::on_shards(F fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const Xapian::Error& e) {
        if (!shards_->any_remote || !is_shard_failure(e)) throw;
    }
    // The other connections may be half way through an exchange: every shard is opened
    // afresh on the next read.
    live_.invalidate();
    return fn();
}

struct Searcher::Matched {
    explicit Matched(const Xapian::Database& db) : enquire(db) {}
    Xapian::Enquire enquire;
    Xapian::MSet mset;
    std::vector<Needle> needles;                    // for snippets
    std::map<std::string, Xapian::doccount> copies; // --collapse: content hash -> articles
    SearchResult res;                               // everything but the hits
};

SearchResult Searcher::search(const SearchRequest& req) {
    try {
        return on_shards([&] {
            return live_.read([&](Xapian::Database&) {
                Matched m = match(req);
                unsigned rank = req.offset;
                for (auto it = m.mset.begin(); it != m.mset.end(); ++it)
                    m.res.hits.push_back(make_hit(m, it, ++rank, req));
                return m.res;
            });
        });
    } catch (const Xapian::Error& e) {
        rethrow(e);
    }
}

void Searcher::search(const SearchRequest& req, HitSink& sink) {
    try {
        Matched m =
            on_shards([&] { return live_.read([&](Xapian::Database&) { return match(req); }); });
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

void Searcher::prepare_facets(const std::vector<FacetRequest>& facets) {
    if (!shards_->any_local || shards_->any_remote) return;
    try {
        live_.read([&](Xapian::Database& db) {
            if (db.size() != 1) return false; // FacetSpies reads one local index only
            for (const auto& r : facets)
                if (auto def = find_facet(r.field); def && def->slot != kNoSlot)
                    facet_cache_.find(db, live_.generation(), def->slot, def->date_chars, true);
            return true;
        });
    } catch (const Xapian::Error& e) {
        rethrow(e);
    }
}

bool Searcher::refresh() {
    try {
        return on_shards([&] { return live_.refresh(); });
    } catch (const Xapian::Error& e) {
        rethrow(e);
    }
}

// BM25 with the parameters chosen on the relevance set (docs/ranking.md). The
// environment variable MORGUE_BM25="k1,b" overrides them, for scripts/eval-ranking only.
Xapian::BM25Weight bm25_weight() {
    double k1 = kBm25K1, b = kBm25B;
    if (const char* env = std::getenv("MORGUE_BM25")) std::sscanf(env, "%lf,%lf", &k1, &b);
    return Xapian::BM25Weight(k1, 0, 1, b, 0.5);
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
    QueryBuilder& qb = builder(req.query_options);
    Xapian::Query parsed = qb.parse(req.query, !req.like_id.empty());
    // A short query whose words no article holds all of falls back to any of them.
    Xapian::Query relaxed = qb.relaxed();
    auto whole = [&](Xapian::Query q) {
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
                recency_boost(req.query_options.today, qb.first_day(), qb.last_day()));
        return q;
    };
    Xapian::Query q = whole(parsed);
    Matched m(db());
    Xapian::Enquire& enquire = m.enquire;
    enquire.set_query(q);
    enquire.set_weighting_scheme(bm25_weight());
    if (req.collapse) enquire.set_collapse_key(kSlotContentHash);
    // The article's own date first, then the published instant; ties by relevance. One
    // slot holds both (a KeyMaker cannot cross to a remote shard).
    if (req.sort == SortOrder::Newest || req.sort == SortOrder::Oldest)
        enquire.set_sort_by_value_then_relevance(kSlotSortKey, req.sort == SortOrder::Newest);
    SearchResult& res = m.res;
    res.query = req.query;
    res.offset = req.offset;
    res.parsed = q.get_description();
    res.collapse = req.collapse;
    res.explain = req.explain;
    res.missing_shards = shards_->dead;
    // Facets over one local index read its value streams; remote shards need Xapian's spies.
    FacetSpies spies(req.facets, db(), shards_->any_local && !shards_->any_remote);
    // Local facets of a ranked page: the page is ranked as without facets (Xapian stops
    // early), and one more pass without weights (BoolWeight) visits every match for the
    // facets and the exact total. With --count or --collapse every match is visited anyway.
    bool facet_pass = spies.local() && !req.facets.empty() && !req.count_only && !req.collapse;
    if (!facet_pass) spies.attach(enquire);
    Xapian::doccount all = db().get_doccount();
    bool exhaustive = req.count_only || (!req.facets.empty() && !facet_pass);
    Xapian::doccount check =
        exhaustive ? all : std::max<Xapian::doccount>(req.offset + req.limit, kExactTotalUpTo);
    Xapian::MSet& mset = m.mset;
    mset = enquire.get_mset(req.count_only ? 0 : req.offset, req.count_only ? 0 : req.limit, check);
    if (mset.get_matches_upper_bound() == 0 && !relaxed.empty()) {
        // Nothing matched, so the spies have counted nothing yet.
        q = whole(relaxed);
        enquire.set_query(q);
        res.parsed = q.get_description();
        res.relaxed = true;
        mset = enquire.get_mset(req.count_only ? 0 : req.offset, req.count_only ? 0 : req.limit,
                                check);
    }
    res.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    res.total = mset.get_matches_estimated();
    if (facet_pass) {
        Xapian::Enquire count(db());
        count.set_query(q);
        count.set_weighting_scheme(Xapian::BoolWeight());
        spies.attach(count);
        count.get_mset(0, 0, all);
        res.total = spies.matches();
        res.total_exact = true;
    }
    // --collapse: the total counts articles before folding, and each hit the copies
    // folded into it. Xapian's own counts are lower bounds, and over remote shards lose
    // the copies folded across shards (69 for 70 on sample_corpus in two shards, a
    // collapse count of 0 for 1), so both come from one more pass without the collapse
    // key, counting every match's content hash: the same answer from any shards.
    std::map<std::string, Xapian::doccount>& copies = m.copies;
    if (req.collapse) {
        Xapian::Enquire count(db());
        count.set_query(q);
        count.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy hashes(kSlotContentHash);
        count.add_matchspy(&hashes);
        count.get_mset(0, 0, all);
        res.total = hashes.get_total();
        res.total_exact = true;
        for (auto it = hashes.values_begin(); it != hashes.values_end(); ++it)
            if (it.get_termfreq() > 1) copies.emplace(*it, it.get_termfreq());
    }
    res.facets = spies.results(db(), &facet_cache_, live_.generation());
    enquire.clear_matchspies();
    bool spelling = !shards_->any_remote || shards_->any_local;
    if (req.suggest && res.total < 3 && req.like_id.empty() && !spelling) {
        // Xapian's remote backend has no spelling tables: say so rather than stay silent.
        res.suggestion_unavailable = true;
    } else if (req.suggest && res.total < 3 && req.like_id.empty()) {
        std::string s = suggest(req.query);
        if (!s.empty()) {
            SearchRequest again = req;
            again.query = s;
            again.suggest = false;
            again.count_only = true;
            again.facets.clear();
            // A suggestion that does not parse is dropped: the answer stands as asked.
            try {
                if (match(again).res.total > res.total) res.suggestion = s;
            } catch (const Error&) {
            } catch (const Xapian::QueryParserError&) {
            }
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
    // Not checked on opening (DOC_ASSUME_VALID: a B-tree lookup of the document's length
    // saved); an article deleted since the match reads as empty data, and the check below
    // throws DocNotFoundError for it as get_document(did) would have.
    Xapian::Document doc = db().get_document(*it, Xapian::DOC_ASSUME_VALID);
    std::string data = doc.get_data();
    if (data.empty()) (void)db().get_doclength(*it);
    h.article = article_from_stored(data);
    if (req.people)
        apply_index_people(h.article, doc.get_value(kSlotPeople)); // the archive's names
    if (req.snippets) h.snippet = snippet_of(h.article, m.needles, req.highlight);
    if (req.collapse) {
        auto c = m.copies.find(doc.get_value(kSlotContentHash));
        h.collapsed = c == m.copies.end() ? 0 : c->second - 1;
    }
    if (req.explain)
        for (auto t = m.enquire.get_matching_terms_begin(it);
             t != m.enquire.get_matching_terms_end(it); ++t)
            h.matched.push_back(describe_term(*t));
    return h;
}

// Words of the query that are in no article, replaced by the nearest word Xapian's
// spelling table knows (built from titles, names and tags while indexing). Only words are
// corrected: plain words and the values of free-text fields (title:, person:, author:...),
// never boolean values (id:, url:, site:, lang:, tag:), dates or ranges. Returns "" when
// nothing changes.
std::string Searcher::suggest(const std::string& query) {
    std::string out;
    bool changed = false;
    std::size_t done = 0, looked_up = 0;
    for (const QueryToken& t : tokenize_query(query)) {
        bool words = !t.op && (!t.field || t.field->kind == FieldKind::Text) &&
                     t.value.find("..") == std::string_view::npos;
        if (!words) continue;
        std::size_t base = static_cast<std::size_t>(t.value.data() - query.data());
        std::size_t i = 0;
        while (i < t.value.size()) {
            auto word_char = [](unsigned char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
            };
            if (!word_char(static_cast<unsigned char>(t.value[i]))) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < t.value.size() &&
                   (word_char(static_cast<unsigned char>(t.value[j])) || t.value[j] == '\''))
                ++j;
            std::string word(t.value.substr(i, j - i));
            std::string lower = fold_for_match(word);
            // Xapian's suggester costs time and memory with the word's length and the
            // number of words: a 1 MB word took 10 s and 244 MB. Long words and words past
            // the first few are left as they are.
            bool worth = lower.size() >= 3 && lower.size() <= kMaxSpellingWordBytes &&
                         looked_up < kMaxSpellingWords && !db().term_exists(lower);
            if (worth) {
                ++looked_up;
                // Only local shards have spelling tables (the remote protocol has none).
                std::string fix =
                    (shards_->any_remote ? shards_->local : db()).get_spelling_suggestion(lower, 2);
                if (!fix.empty() && fix != lower) {
                    if (word[0] >= 'A' && word[0] <= 'Z' && fix[0] >= 'a' && fix[0] <= 'z')
                        fix[0] = static_cast<char>(fix[0] - 32);
                    out += query.substr(done, base + i - done);
                    out += fix;
                    done = base + j;
                    changed = true;
                }
            }
            i = j;
        }
    }
    if (!changed) return {};
    out += query.substr(done);
    return out;
}

bool Searcher::find(const std::string& id, Article& out) {
    std::string term = boolean_term(field(FieldId::Id), id);
    try {
        return on_shards([&] {
            return live_.read([&](Xapian::Database& db) {
                Xapian::PostingIterator p = db.postlist_begin(term);
                if (p == db.postlist_end(term)) return false;
                Xapian::Document doc = db.get_document(*p);
                out = article_from_stored(doc.get_data());
                apply_index_people(out, doc.get_value(kSlotPeople));
                return true;
            });
        });
    } catch (const Xapian::Error& e) {
        rethrow(e);
    }
}

} // namespace morgue
