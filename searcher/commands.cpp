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

// Streams to the format's printer; says "Did you mean" on stderr before the hits.
class SearchPrinter : public HitSink {
  public:
    SearchPrinter(std::ostream& out, const OutputOptions& o)
        : printer_(make_printer(out, o)), text_(o.format == OutputFormat::Text) {}
    void begin(const SearchResult& head) override {
        total = head.total;
        note_shards(head);
        if (!head.suggestion.empty() && text_)
            std::cerr << "Did you mean: " << sanitize_line(head.suggestion) << "?\n";
        if (head.relaxed && text_)
            std::cerr << "No article has all the words; these have some of them (--all for all "
                         "only).\n";
        printer_->begin(head);
    }
    void hit(const Hit& h) override { printer_->hit(h); }
    void end() override { printer_->end(); }
    Xapian::doccount total = 0;

  private:
    std::unique_ptr<HitSink> printer_;
    bool text_;
};

} // namespace

int cmd_search(const SearchOptions& o, std::ostream& out) {
    Searcher s(o.dbs, o.shards);
    if (o.request.count_only) {
        SearchResult r = s.search(o.request);
        note_shards(r);
        if (!r.suggestion.empty() && o.output.format == OutputFormat::Text)
            std::cerr << "Did you mean: " << sanitize_line(r.suggestion) << "?\n";
        if (r.relaxed && o.output.format == OutputFormat::Text)
            std::cerr << "No article has all the words; these have some of them (--all for all "
                         "only).\n";
        print_count(out, r, o.output);
        return r.total > 0 ? kExitFound : kExitNotFound;
    }
    // Hits are printed as they are read: memory stays bounded whatever --limit says.
    SearchPrinter p(out, o.output);
    s.search(o.request, p);
    return p.total > 0 ? kExitFound : kExitNotFound;
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
            out << for_ids(p.value, o.output) << (o.output.nul ? '\0' : '\n');
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
    s.prepare_facets(o.request.facets); // every line asks for the same facets
    std::string line;
    bool any = false;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        SearchRequest req = o.request;
        req.query = line;
        req.people = false; // not in a hit's JSON line
        JsonPrinter p(out, !req.count_only);
        try {
            s.refresh(); // commits, deletions and compactions since the last line
            s.search(req, p);
            any = any || p.total() > 0;
        } catch (const std::exception& e) {
            if (p.open())
                p.fail(e.what());
            else
                out << dump_json({{"format_version", kFormatVersion},
                                  {"query", line},
                                  {"error", e.what()}})
                    << '\n';
        }
        out.flush();
    }
    return any ? kExitFound : kExitNotFound;
}

} // namespace morgue
