#include "query.hpp"

#include "date_query.hpp"
#include "errors.hpp"
#include "schema.hpp"
#include "schema_values.hpp"
#include "text.hpp"

namespace morgue {

namespace {

// `date:` values: the date grammar, as OR-ed day/month/year terms, clamped to the
// index's span.
// A bad date is not thrown through Xapian's parser (that leaks its internal state); it
// is recorded and thrown once parse_query has returned.
class DateProcessor : public Xapian::FieldProcessor {
  public:
    DateProcessor(Ymd today, Ymd lo, Ymd hi, std::string* error)
        : today_(today), lo_(lo), hi_(hi), error_(error) {}
    Xapian::Query operator()(const std::string& str) override {
        try {
            return date_range_query(parse_date_range(str, today_), lo_, hi_);
        } catch (const Error& e) {
            if (error_->empty()) *error_ = e.what();
            return Xapian::Query(no_date_term());
        }
    }

  private:
    Ymd today_, lo_, hi_;
    std::string* error_;
};

// Boolean fields (tag:, site:, lang:, id:, url:): the value is normalised exactly as
// the indexer normalised it, so `tag:"Climate Change"` finds the tag "climate change".
class BooleanProcessor : public Xapian::FieldProcessor {
  public:
    explicit BooleanProcessor(const Field& f) : f_(f) {}
    Xapian::Query operator()(const std::string& str) override {
        std::string value = str;
        if (f_.id == FieldId::Source) {
            std::string host = to_lower_ascii(trim(value));
            if (host.rfind("www.", 0) == 0) host = host.substr(4);
            value = host;
        }
        return Xapian::Query(boolean_term(f_, value));
    }

  private:
    const Field& f_;
};

Ymd ymd_of_slot(const std::string& v, Ymd fallback) {
    return date_slot_ymd(v).value_or(fallback);
}

} // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const QueryOptions& opts)
    : db_(db), opts_(opts) {
    qp_.set_database(db_);
    qp_.set_stemmer(Xapian::Stem(kStemLanguage));
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL); // as the indexer: schema.hpp
    qp_.set_default_op(opts.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    // A wildcard expands to the 10,000 most frequent matching terms at most: `a*` on a
    // large archive would otherwise OR together every word that starts with a.
    qp_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    lo_ = ymd_of_slot(db_.get_value_lower_bound(kSlotDate), {1, 1, 1});
    hi_ = ymd_of_slot(db_.get_value_upper_bound(kSlotDate), {9999, 12, 31});
    for (const Field& f : kFields) {
        for (auto n : query_names(f)) {
            std::string name(n);
            switch (f.kind) {
            case FieldKind::Text:
                qp_.add_prefix(name, std::string(f.prefix));
                break;
            case FieldKind::Boolean:
                qp_.add_boolean_prefix(name, (new BooleanProcessor(f))->release());
                break;
            case FieldKind::Date:
                qp_.add_boolean_prefix(
                    name, (new DateProcessor(opts.today, lo_, hi_, &error_))->release());
                break;
            }
        }
    }
}

Xapian::Query QueryBuilder::parse(const std::string& text) {
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;
    if (opts_.spelling) flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
    // Xapian's parser takes time quadratic in a chain of OR: 10,000 terms parse in about
    // 2 s, 120,000 would take minutes. Past the limit the query is refused, not hung on.
    std::size_t words = 0;
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
            ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\n')
            ++j;
        std::string_view w(text.data() + i, j - i);
        if (!w.empty() && !is_query_operator(w)) ++words;
        i = j;
    }
    if (words > kMaxQueryTerms)
        throw Error("the query has " + std::to_string(words) + " terms; at most " +
                    std::to_string(kMaxQueryTerms));
    // Accents fold at query time as at index time: José finds Jose.
    std::string folded = fold_accents(repair_utf8(text));
    Xapian::Query q;
    error_.clear();
    try {
        q = trim(folded).empty() ? Xapian::Query::MatchAll : qp_.parse_query(folded, flags);
    } catch (const Xapian::QueryParserError& e) {
        throw Error("cannot parse the query: " + e.get_msg());
    }
    if (!error_.empty()) throw Error(error_);
    if (q.empty()) q = Xapian::Query::MatchAll; // only stop words, or only a pure NOT
    std::vector<Xapian::Query> filters;
    if (!opts_.since.empty())
        filters.push_back(
            date_range_query(parse_date_range(opts_.since + "..", opts_.today), lo_, hi_));
    if (!opts_.until.empty())
        filters.push_back(
            date_range_query(parse_date_range(".." + opts_.until, opts_.today), lo_, hi_));
    for (auto& f : filters)
        q = Xapian::Query(Xapian::Query::OP_FILTER, q, f);
    return q;
}

} // namespace morgue
