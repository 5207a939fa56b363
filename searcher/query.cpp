#include "query.hpp"

#include "date_query.hpp"
#include "errors.hpp"
#include "person_aliases.hpp"
#include "query_words.hpp"
#include "schema.hpp"
#include "schema_values.hpp"
#include "text.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

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

// The hidden boolean field of a person's archive-wide name (kPrefixPersonId): what
// QueryBuilder::with_people adds to a person: term. Not a schema field: no user types it.
constexpr std::string_view kPersonIdField = "morguepersonid";

class PersonIdProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& str) override {
        return Xapian::Query(person_id_term(trim(str)));
    }
};

// NEAR/ADJ chains and quoted phrases are capped before Xapian sees them.
void check_proximity(const std::vector<QueryToken>& tokens) {
    std::size_t chain = 0;
    bool joined = false;
    for (const auto& t : tokens) {
        if (t.proximity) {
            joined = true;
            continue;
        }
        chain = joined ? chain + 1 : 1;
        joined = false;
        if (chain > kMaxProximityTerms)
            throw Error("NEAR and ADJ join at most " + std::to_string(kMaxProximityTerms) +
                        " terms; this query chains more");
        if (t.quoted) {
            std::size_t n = 0;
            bool in_word = false;
            for (char c : t.value) {
                bool w = c != ' ' && c != '"' && c != '\t';
                if (w && !in_word) ++n;
                in_word = w;
            }
            if (n > kMaxProximityTerms)
                throw Error("a phrase holds at most " + std::to_string(kMaxProximityTerms) +
                            " words; this one has " + std::to_string(n));
        }
    }
}

// And after parsing, where hyphenated words (a-b-c) have become phrases too.
void check_proximity(const Xapian::Query& q, int depth = 0) {
    auto type = q.get_type();
    std::size_t n = q.get_num_subqueries();
    if ((type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) &&
        n > kMaxProximityTerms)
        throw Error("a phrase or NEAR group holds at most " + std::to_string(kMaxProximityTerms) +
                    " terms; this one has " + std::to_string(n));
    if (depth > 100) return;
    for (std::size_t i = 0; i < n; ++i)
        check_proximity(q.get_subquery(i), depth + 1);
}

// `-oil`, `NOT oil`, `-oil -gas`: nothing to search for, only what to leave out.
bool only_exclusions(const std::vector<QueryToken>& tokens) {
    if (tokens.empty()) return false;
    bool after_not = false;
    for (const auto& t : tokens) {
        if (t.op && t.value == "NOT") {
            after_not = true;
            continue;
        }
        if (t.sign == '-' || after_not) {
            after_not = false;
            continue;
        }
        return false;
    }
    return true;
}

// English stop words (query_words.hpp) need not match outside phrases.
class StopWords : public Xapian::Stopper {
  public:
    bool operator()(const std::string& word) const override { return is_stop_word(word); }
};

// The environment variable MORGUE_STEM (all, some, none, all_z) overrides the stemming
// strategy, for scripts/eval-ranking only: it measures indexes re-built with another
// (tests/relevance/eval_reindex.cpp), which morgue-index never builds.
Xapian::QueryParser::stem_strategy query_stem_strategy() {
    std::string_view env = std::getenv("MORGUE_STEM") ? std::getenv("MORGUE_STEM") : "";
    if (env == "some") return Xapian::QueryParser::STEM_SOME;
    if (env == "none") return Xapian::QueryParser::STEM_NONE;
    if (env == "all_z") return Xapian::QueryParser::STEM_ALL_Z;
    return Xapian::QueryParser::STEM_ALL;
}

// The query ranked, and also by the pairs of its words that are neighbours in the query
// and near each other in the article (kProximityBoost). MORGUE_PROXIMITY="boost,window"
// overrides the two, for scripts/eval-ranking only.
Xapian::Query with_proximity(const Xapian::Query& ranked, const Xapian::Query& words) {
    double boost = kProximityBoost;
    unsigned window = kProximityWindow;
    if (const char* env = std::getenv("MORGUE_PROXIMITY"))
        std::sscanf(env, "%lf,%u", &boost, &window);
    if (boost <= 0) return ranked;
    std::vector<std::string> terms(words.get_terms_begin(), words.get_terms_end());
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 1; i < terms.size() && i <= kMaxProximityTerms; ++i) {
        if (terms[i] == terms[i - 1]) continue;
        Xapian::Query pair[] = {Xapian::Query(terms[i - 1]), Xapian::Query(terms[i])};
        pairs.emplace_back(Xapian::Query::OP_NEAR, pair, pair + 2, window);
    }
    if (pairs.empty()) return ranked;
    Xapian::Query near(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, near, boost));
}

Ymd ymd_of_slot(const std::string& v, Ymd fallback) {
    return date_slot_ymd(v).value_or(fallback);
}

} // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const QueryOptions& opts)
    : db_(db), opts_(opts) {
    qp_.set_database(db_);
    qp_.set_stemmer(Xapian::Stem(kStemLanguage));
    qp_.set_stemming_strategy(query_stem_strategy()); // STEM_ALL, as the indexer: schema.hpp
    qp_.set_stopper((new StopWords)->release());
    // A wildcard expands to the 10,000 most frequent matching terms at most: `a*` on a
    // large archive would otherwise OR together every word that starts with a.
    qp_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    lo_ = ymd_of_slot(db_.get_value_lower_bound(kSlotDate), {1, 1, 1});
    hi_ = ymd_of_slot(db_.get_value_upper_bound(kSlotDate), {9999, 12, 31});
    // The archive's people (docs/people.md), read once per database opened: a builder is
    // made again when the index changes.
    std::string resolved = db_.get_metadata(kPeopleResolvedKey);
    std::string aliases = db_.get_metadata(kPeopleAliasesKey);
    if ((!resolved.empty() && resolved != "0") || !aliases.empty()) {
        people_ = true;
        try {
            aliases_ = PersonAliases::parse(aliases, "the index's alias table");
        } catch (const Error&) {
            // Stored by morgue-index aliases, which parsed it first: cannot happen. The
            // archive's resolved names still count.
        }
        qp_.add_boolean_prefix(std::string(kPersonIdField), (new PersonIdProcessor)->release(),
                               false);
    }
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

Xapian::Query QueryBuilder::parse_with(const std::string& text, Xapian::Query::op default_op,
                                       unsigned flags) {
    qp_.set_default_op(default_op);
    error_.clear();
    Xapian::Query q;
    try {
        q = qp_.parse_query(people_ ? with_people(text) : text, flags);
    } catch (const Xapian::QueryParserError& e) {
        throw Error("cannot parse the query: " + e.get_msg());
    }
    if (!error_.empty()) throw Error(error_);
    return q;
}

Xapian::Query QueryBuilder::parse(const std::string& text, bool filtered) {
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;
    if (opts_.spelling) flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
    // A query all in capitals has lost the case that tells Xapian's operators from
    // words (query_words.hpp): it is read lower-cased, its AND/OR/NOT as words.
    std::string typed = typed_in_capitals(text) ? to_lower_ascii(text) : text;
    // Xapian's parser takes time quadratic in a chain of OR: 10,000 terms parse in about
    // 2 s, 120,000 would take minutes. Past the limit the query is refused, not hung on.
    std::vector<QueryToken> tokens = tokenize_query(typed);
    std::size_t words = 0;
    for (const auto& t : tokens)
        if (!t.op) ++words;
    if (words > kMaxQueryTerms)
        throw Error("the query has " + std::to_string(words) + " terms; at most " +
                    std::to_string(kMaxQueryTerms));
    check_proximity(tokens);
    relaxed_ = Xapian::Query();
    if (only_exclusions(tokens)) {
        if (!filtered && opts_.since.empty() && opts_.until.empty())
            throw Error("the query only excludes (-word, NOT word): say what to search for "
                        "too, e.g. 'date:2024 -oil'");
        // Xapian reads a lone "-oil" as "oil"; "NOT oil" is what was meant.
        std::string rewritten; // the tokens view `typed`: built aside, then swapped in
        for (const auto& t : tokens)
            rewritten +=
                std::string(rewritten.empty() ? "" : " ") +
                (t.sign == '-' ? "NOT " + std::string(t.text.substr(1)) : std::string(t.text));
        typed = std::move(rewritten);
    }
    // Accents fold at query time as at index time: José finds Jose.
    std::string folded = fold_accents(repair_utf8(typed));
    Xapian::Query q;
    if (trim(folded).empty()) {
        q = Xapian::Query::MatchAll;
    } else if (opts_.match == MatchMode::Any) {
        q = parse_with(folded, Xapian::Query::OP_OR, flags);
    } else {
        bool automatic = opts_.match == MatchMode::Auto;
        q = automatic ? parse_long(folded, flags, kShortQueryWords + 1) : Xapian::Query();
        if (q.empty()) {
            q = parse_with(folded, Xapian::Query::OP_AND, flags);
            if (automatic) relaxed_ = parse_long(folded, flags, 2);
        }
    }
    check_proximity(q);
    if (q.empty()) q = Xapian::Query::MatchAll; // only stop words, or only a pure NOT
    std::vector<Xapian::Query> filters;
    if (!opts_.since.empty())
        filters.push_back(
            date_range_query(parse_date_range(opts_.since + "..", opts_.today), lo_, hi_));
    if (!opts_.until.empty())
        filters.push_back(
            date_range_query(parse_date_range(".." + opts_.until, opts_.today), lo_, hi_));
    for (auto& f : filters) {
        q = Xapian::Query(Xapian::Query::OP_FILTER, q, f);
        if (!relaxed_.empty()) relaxed_ = Xapian::Query(Xapian::Query::OP_FILTER, relaxed_, f);
    }
    return q;
}

// `person:NAME` on an archive whose people pass named someone otherwise than written
// (docs/people.md) becomes `(person:NAME OR person:"CANONICAL" OR <id>:"CANONICAL")`:
// the words as typed, as before; the person the alias table makes of them; and every
// article the pass gave that person's name (its kPrefixPersonId term, weightless). So
// `person:"Ronald Reagan"` finds the story that says only "Reagan" when the archive
// resolved it, and `person:"Ron Reagan"` every article of the person it is merged into.
// Signed (+/-), wildcard, grouped and NEAR/ADJ person: terms are kept as typed.
std::string QueryBuilder::with_people(const std::string& text) const {
    std::vector<QueryToken> tokens = tokenize_query(text);
    std::string out;
    std::size_t done = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const QueryToken& t = tokens[i];
        if (!t.field || t.field->id != FieldId::Person || t.sign || t.grouping || t.wildcard ||
            t.op)
            continue;
        if ((i > 0 && tokens[i - 1].proximity) ||
            (i + 1 < tokens.size() && tokens[i + 1].proximity))
            continue;
        std::string_view v = trim(t.value);
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        std::string name(trim(v));
        if (name.empty() || name.find('"') != std::string::npos) continue;
        std::string canonical = fold_accents(aliases_.canonical(name));
        if (canonical.find('"') != std::string::npos) canonical.clear();
        std::string field_name(t.text.substr(0, t.text.size() - t.value.size()));
        std::string rep = "(" + std::string(t.text);
        if (!canonical.empty() && fold_for_match(canonical) != fold_for_match(name))
            rep += " OR " + field_name + "\"" + canonical + "\"";
        rep += " OR " + std::string(kPersonIdField) + ":\"" +
               (canonical.empty() ? name : canonical) + "\")";
        out.append(text, done, t.pos - done);
        out += rep;
        done = t.pos + t.text.size();
    }
    if (done == 0) return text;
    out.append(text, done, std::string::npos);
    return out;
}

// The long-query rule. A query of plain words (no operators; parentheses without one
// group nothing and are ignored) with at
// least min_words content words matches articles holding any of them, and ranks
// those holding all of them first (their all-words weight added, kAllWordsBoost times);
// its phrases, fields, wildcards and +/- terms are kept as typed and must match. Returns
// an empty query when the rule does not apply.
Xapian::Query QueryBuilder::parse_long(const std::string& text, unsigned flags,
                                       std::size_t min_words) {
    std::vector<QueryToken> tokens = tokenize_query(text);
    // Parentheses group only around operators: "the Baath (Renaissance) party" is words.
    // A group that is a field's, signed or quoted keeps its meaning: no long-query rule.
    for (const auto& t : tokens)
        if (t.op || (t.grouping && (t.sign || t.field || t.quoted || t.wildcard))) return {};
    std::string plain, rest;
    std::size_t content = 0;
    for (const auto& t : tokens) {
        if (!t.sign && !t.field && !t.quoted && !t.wildcard) {
            std::string_view word = t.grouping ? t.value : t.text; // "(renaissance)"
            plain += std::string(plain.empty() ? "" : " ") + std::string(word);
            content += content_words(t.text);
        } else {
            rest += std::string(rest.empty() ? "" : " ") + std::string(t.text);
        }
    }
    if (content < min_words) return {};
    Xapian::Query any = parse_with(plain, Xapian::Query::OP_OR, flags);
    Xapian::Query all = parse_with(plain, Xapian::Query::OP_AND, flags);
    Xapian::Query ranked(Xapian::Query::OP_AND_MAYBE, any,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all, kAllWordsBoost));
    ranked = with_proximity(ranked, any);
    if (rest.empty()) return ranked;
    // The kept parts parse on their own with AND; "<alldocuments> AND_NOT x" for a lone
    // exclusion, which the AND below narrows to the ranked words.
    Xapian::Query kept = parse_with(rest, Xapian::Query::OP_AND, flags);
    if (kept.empty()) return ranked;
    return Xapian::Query(Xapian::Query::OP_AND, ranked, kept);
}

} // namespace morgue
