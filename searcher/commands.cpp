#include "commands.hpp"

#include "article_json.hpp"
#include "errors.hpp"
#include "schema.hpp"

#include <iomanip>
#include <iostream>

namespace morgue {

namespace {

// What stderr says about shards: the ones left out (--partial), and spelling.
void note_shards(const SearchResult& r) {
    for (const auto& m : r.missing_shards)
        std::cerr << "morgue-search: partial answer without " << m << '\n';
    if (r.suggestion_unavailable)
        std::cerr << "morgue-search: spelling suggestions are unavailable over remote shards\n";
}

} // namespace

int cmd_search(const SearchOptions& o, std::ostream& out) {
    Searcher s(o.dbs, o.shards);
    SearchResult r = s.search(o.request);
    note_shards(r);
    if (!r.suggestion.empty() && o.output.format == OutputFormat::Text)
        std::cerr << "Did you mean: " << sanitize_for_terminal(r.suggestion) << "?\n";
    if (r.relaxed && o.output.format == OutputFormat::Text)
        std::cerr << "No article has all the words; these have some of them (--all for all "
                     "only).\n";
    if (o.request.count_only)
        print_count(out, r, o.output);
    else
        print_result(out, r, o.output);
    return r.total > 0 ? kExitFound : kExitNotFound;
}

int cmd_people(const SearchOptions& o, std::ostream& out) {
    Searcher s(o.dbs, o.shards);
    SearchRequest req = o.request;
    req.count_only = true;
    SearchResult r = s.search(req);
    note_shards(r);
    const auto& people = r.facets.at(0).values;
    switch (o.output.format) {
    case OutputFormat::Json:
        out << dump_json(people_answer_json(r)) << '\n';
        break;
    case OutputFormat::Jsonl:
        for (const auto& item : people_answer_json(r)["people"])
            out << dump_json(item) << '\n';
        break;
    case OutputFormat::Tsv:
        out << "articles\tname\n";
        for (const auto& p : people)
            out << p.count << '\t' << tsv_escape(p.value) << '\n';
        break;
    case OutputFormat::Ids:
    case OutputFormat::Paths:
        for (const auto& p : people)
            out << p.value << (o.output.nul ? '\0' : '\n');
        break;
    case OutputFormat::Text:
        for (const auto& p : people)
            out << std::setw(7) << p.count << "  " << sanitize_for_terminal(p.value) << '\n';
        break;
    }
    return people.empty() ? kExitNotFound : kExitFound;
}

int cmd_show(const SearchOptions& o, std::ostream& out) {
    Searcher s(o.dbs, o.shards);
    Article a;
    if (!s.find(o.show_id, a)) throw Error("no article with id '" + o.show_id + "'");
    print_article(out, a, o.output);
    return kExitFound;
}

int cmd_list_fields(const SearchOptions& o, std::ostream& out) {
    if (o.output.format != OutputFormat::Text) {
        out << dump_json(fields_answer_json()) << '\n';
        return kExitFound;
    }
    out << std::left << std::setw(10) << "FIELD" << std::setw(9) << "ALIASES" << std::setw(8)
        << "KIND" << std::setw(64) << "DESCRIPTION"
        << "EXAMPLE\n";
    for (const Field& f : kFields)
        out << std::setw(10) << f.name << std::setw(9) << f.aliases << std::setw(8)
            << field_kind_name(f.kind) << std::setw(64) << f.description << f.example << '\n';
    return kExitFound;
}

int cmd_batch(const SearchOptions& o, std::istream& in, std::ostream& out) {
    Searcher s(o.dbs, o.shards);
    std::string line;
    bool any = false;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        SearchRequest req = o.request;
        req.query = line;
        try {
            s.refresh(); // commits, deletions and compactions since the last line
            SearchResult r = s.search(req);
            any = any || r.total > 0;
            nlohmann::ordered_json j = result_to_json(r);
            if (req.count_only) j.erase("hits");
            out << dump_json(j) << '\n';
        } catch (const std::exception& e) {
            out << dump_json(
                       {{"format_version", kFormatVersion}, {"query", line}, {"error", e.what()}})
                << '\n';
        }
        out.flush();
    }
    return any ? kExitFound : kExitNotFound;
}

} // namespace morgue
