#include "api.hpp"

#include "article_json.hpp"
#include "errors.hpp"
#include "options.hpp" // the searcher's: parse_search_options
#include "output.hpp"
#include "text.hpp"

#include <charconv>

namespace morgue {

namespace {

std::string param(const Params& p, const std::string& key) {
    auto it = p.find(key);
    return it == p.end() ? std::string() : it->second;
}

// limit and offset: whole numbers in [0, max]; the message names the parameter.
std::string checked_number(const Params& p, const std::string& key, unsigned min, unsigned max) {
    std::string v = param(p, key);
    if (v.empty()) return v;
    unsigned n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < min || n > max)
        throw ApiError(400, key + " takes a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max) + ", not '" + v + "'");
    return v;
}

} // namespace

SearchRequest search_request_from_params(const Params& params, bool people) {
    for (const auto& [k, v] : params)
        if (k != "q" && k != "limit" && k != "offset" && k != "sort" && k != "facet" &&
            k != "since" && k != "until" && k != "collapse")
            throw ApiError(400, "unknown parameter '" + k + "'");
    std::string q = param(params, "q");
    if (q.size() > kMaxQueryBytes)
        throw ApiError(413, "query longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    if (!people && trim(q).empty()) throw ApiError(400, "no query given");
    if (params.count("facet") > kMaxFacets)
        throw ApiError(400, "at most " + std::to_string(kMaxFacets) + " facets");
    // The same options morgue-search would be given, parsed by its own parser.
    std::vector<std::string> args = {"morgue-search", "--format", "json", "--db", "-"};
    auto add = [&](const char* opt, const std::string& v) {
        if (!v.empty()) {
            args.push_back(opt);
            args.push_back(v);
        }
    };
    add("--limit", checked_number(params, "limit", 1, kMaxLimit));
    add("--offset", checked_number(params, "offset", 0, kMaxOffset));
    add("--sort", param(params, "sort"));
    add("--since", param(params, "since"));
    add("--until", param(params, "until"));
    auto [lo, hi] = params.equal_range("facet");
    for (auto it = lo; it != hi; ++it)
        add("--facet", it->second.empty() ? std::string("?") : it->second);
    std::string collapse = param(params, "collapse");
    if (params.count("collapse") && collapse != "0" && collapse != "false")
        args.push_back("--collapse");
    // The query is set after parsing, so words such as "show" or "people" at its start
    // stay words.
    args.push_back("--");
    args.push_back(people ? "people" : "query");
    std::vector<const char*> argv;
    for (const auto& a : args)
        argv.push_back(a.c_str());
    SearchOptions o;
    try {
        o = parse_search_options(static_cast<int>(argv.size()), argv.data(), nullptr, false, true);
    } catch (const Error& e) {
        throw ApiError(400, e.what());
    }
    o.request.query = q;
    return o.request;
}

SearcherPool::SearcherPool(std::vector<std::string> dbs) : dbs_(std::move(dbs)) {
    idle_.push_back(std::make_unique<Searcher>(dbs_)); // fails now if the index cannot open
}

SearcherPool::Lease::~Lease() {
    std::lock_guard lock(pool_.mu_);
    pool_.idle_.push_back(std::move(s_));
}

SearcherPool::Lease SearcherPool::borrow() {
    std::unique_ptr<Searcher> s;
    {
        std::lock_guard lock(mu_);
        if (!idle_.empty()) {
            s = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (s)
        s->refresh();
    else
        s = std::make_unique<Searcher>(dbs_);
    return Lease(*this, std::move(s));
}

Xapian::doccount SearcherPool::doccount() {
    Lease s = borrow();
    return s->db().get_doccount();
}

ApiAnswer api_error(int status, const std::string& message) {
    return {status, dump_json({{"error", message}}) + "\n"};
}

namespace {

template <class F> ApiAnswer answer(F&& f) {
    try {
        return {200, dump_json(f()) + "\n"};
    } catch (const ApiError& e) {
        return api_error(e.status, e.what());
    } catch (const Error& e) {
        return api_error(400, e.what()); // a query the parser refuses, a bad date
    }
}

} // namespace

ApiAnswer api_search(SearcherPool& pool, const Params& params) {
    return answer([&] {
        SearchRequest req = search_request_from_params(params);
        auto s = pool.borrow();
        return search_answer_json(s->search(req), req.count_only);
    });
}

ApiAnswer api_people(SearcherPool& pool, const Params& params) {
    return answer([&] {
        SearchRequest req = search_request_from_params(params, true);
        req.count_only = true;
        auto s = pool.borrow();
        return people_answer_json(s->search(req));
    });
}

ApiAnswer api_article(SearcherPool& pool, const std::string& id) {
    Article a;
    {
        auto s = pool.borrow();
        if (!s->find(id, a)) return api_error(404, "no article with id '" + id + "'");
    }
    return {200, dump_json(article_to_json(a)) + "\n"};
}

ApiAnswer api_fields() {
    return {200, dump_json(fields_answer_json()) + "\n"};
}

} // namespace morgue
