#include "options.hpp"

#include "date_query.hpp"
#include "errors.hpp"
#include "output.hpp"
#include "schema_values.hpp"

#include <cxxopts.hpp>

#include <algorithm>
#include <set>

namespace morgue {

namespace {

// Options that take a value, and flags; anything else starting with '-' is a query word
// ("-musk" excludes a term), so it is moved behind "--" before cxxopts sees it.
const std::set<std::string> kValued = {
    "--db",    "--limit", "-n",      "--offset", "--sort",  "--format", "-f",       "--now",
    "--since", "--until", "--color", "--colour", "--facet", "--like",   "--fields", "--timeout"};
const std::set<std::string> kFlags = {
    "--count",       "-c",           "--any", "--all",     "--batch",
    "--list-fields", "--help",       "-h",    "--version", "--collapse",
    "--explain",     "--no-suggest", "-0",    "--null",    "--partial"};

std::vector<std::string> reorder_args(int argc, const char* const* argv) {
    std::vector<std::string> opts{argv[0]}, words;
    bool rest = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (rest) {
            words.push_back(a);
            continue;
        }
        if (a == "--") {
            rest = true;
            continue;
        }
        std::string name = a.substr(0, a.find('='));
        if (kValued.count(name)) {
            opts.push_back(a);
            if (a.find('=') == std::string::npos && i + 1 < argc) opts.push_back(argv[++i]);
        } else if (kFlags.count(a)) {
            opts.push_back(a);
        } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
            opts.push_back(a); // an unknown --option: let cxxopts name it
        } else {
            words.push_back(a);
        }
    }
    opts.push_back("--");
    for (auto& w : words)
        opts.push_back(w);
    return opts;
}

} // namespace

SearchOptions parse_search_options(int argc, const char* const* argv, const char* env_db,
                                   bool stdout_tty, bool no_color) {
    cxxopts::Options spec("morgue-search", "Search a Morgue index of news articles.");
    spec.custom_help(
        "[OPTIONS] QUERY...  |  show ID  |  people [QUERY...]  |  --list-fields  |  --batch");
    spec.positional_help("");
    // Help texts name the values the schema and the formatters accept, so --help and the
    // completions (checked by tests/completions_test.py) cannot drift from them.
    std::string column_names;
    for (const auto& c : hit_field_names())
        column_names += (column_names.empty() ? "" : ", ") + c;
    // clang-format off
    spec.add_options()
        ("db", "index directory, tcp://HOST:PORT (a xapian-tcpsrv shard) or stub database file; repeat to search shards as one (default: $MORGUE_DB, else ./morgue.db)", cxxopts::value<std::vector<std::string>>(), "DB")
        ("timeout", "seconds to wait for a remote shard (default 10)", cxxopts::value<double>(), "SECONDS")
        ("partial", "when some remote shards do not answer, search the others (JSON: \"partial\": true)")
        ("n,limit", "hits per page (default 10)", cxxopts::value<unsigned>(), "N")
        ("offset", "skip this many hits (paging)", cxxopts::value<unsigned>(), "N")
        ("sort", "relevance, newest, oldest or relevance-recent (default relevance)", cxxopts::value<std::string>(), "ORDER")
        ("f,format", "text, json, jsonl, tsv, ids or paths (default text)", cxxopts::value<std::string>(), "FORMAT")
        ("fields", "columns of tsv and text output, comma separated: " + column_names, cxxopts::value<std::string>(), "LIST")
        ("0,null", "end ids and paths with NUL, for xargs -0")
        ("collapse", "fold copies of the same article (wire stories on many sites)")
        ("like", "articles like this one (more like this); a query given too narrows them", cxxopts::value<std::string>(), "ID")
        ("explain", "show the parsed query and why each hit matched")
        ("no-suggest", "no spelling suggestion when little is found")
        ("c,count", "print only the number of matching articles")
        ("any", "match any word (OR)")
        ("all", "match all words (AND), however long the query")
        ("since", "only articles on or after this date (date: grammar)", cxxopts::value<std::string>(), "DATE")
        ("until", "only articles on or before this date (date: grammar)", cxxopts::value<std::string>(), "DATE")
        ("facet", "count FIELD's values over all matches: " + facet_names() +
                  " (FIELD:N for the top N); dates draw a timeline", cxxopts::value<std::vector<std::string>>(), "FIELD[:N]")
        ("now", "take this day as today for relative dates (YYYY-MM-DD)", cxxopts::value<std::string>(), "DATE")
        ("color", "auto, always or never (default auto; NO_COLOR is honoured)", cxxopts::value<std::string>(), "WHEN")
        ("colour", "same as --color: auto, always or never", cxxopts::value<std::string>(), "WHEN")
        ("batch", "read one query per line from stdin; print one JSON line per query")
        ("list-fields", "print the query fields")
        ("h,help", "print this help")
        ("version", "print the version")
        ("words", "query", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    spec.parse_positional({"words"});
    SearchOptions o;
    o.help_text = spec.help() +
                  "\nExamples:\n"
                  "  morgue-search --db news.db 'author:\"Mara Lindqvist\" date:2024-10'\n"
                  "  morgue-search title:ferry -strike --sort newest\n"
                  "  morgue-search --format jsonl 'tag:\"Port Alden\"' | jq .title\n"
                  "  morgue-search show ID --format json\n"
                  "  morgue-search --facet month --facet person:5 'person:okafor'\n"
                  "  morgue-search people 'date:2024' --limit 20\n";
    std::vector<std::string> args = reorder_args(argc, argv);
    std::vector<const char*> cargs;
    for (auto& a : args)
        cargs.push_back(a.c_str());
    try {
        auto r = spec.parse(static_cast<int>(cargs.size()), cargs.data());
        if (r.count("help")) {
            o.command = SearchOptions::Command::Help;
            return o;
        }
        if (r.count("version")) {
            o.command = SearchOptions::Command::Version;
            return o;
        }
        if (r.count("db"))
            o.dbs = r["db"].as<std::vector<std::string>>();
        else
            o.dbs = {env_db && *env_db ? env_db : "morgue.db"};
        if (r.count("timeout")) {
            o.shards.timeout = r["timeout"].as<double>();
            if (!(o.shards.timeout > 0 && o.shards.timeout <= 3600))
                throw Error("--timeout takes seconds, more than 0 and at most 3600");
        }
        o.shards.partial = r.count("partial") > 0;
        auto& req = o.request;
        if (r.count("limit")) req.limit = r["limit"].as<unsigned>();
        if (r.count("offset")) req.offset = r["offset"].as<unsigned>();
        if (r.count("sort")) {
            std::string s = r["sort"].as<std::string>();
            if (s == "relevance")
                req.sort = SortOrder::Relevance;
            else if (s == "newest")
                req.sort = SortOrder::Newest;
            else if (s == "oldest")
                req.sort = SortOrder::Oldest;
            else if (s == "relevance-recent")
                req.sort = SortOrder::RelevanceRecent;
            else
                throw Error("--sort takes relevance, newest, oldest or relevance-recent, not '" +
                            s + "'");
        }
        if (r.count("format")) o.format_name = r["format"].as<std::string>();
        if (o.format_name == "text")
            o.output.format = OutputFormat::Text;
        else if (o.format_name == "json")
            o.output.format = OutputFormat::Json;
        else if (o.format_name == "jsonl")
            o.output.format = OutputFormat::Jsonl;
        else if (o.format_name == "tsv")
            o.output.format = OutputFormat::Tsv;
        else if (o.format_name == "ids")
            o.output.format = OutputFormat::Ids;
        else if (o.format_name == "paths")
            o.output.format = OutputFormat::Paths;
        else
            throw Error("--format takes text, json, jsonl, tsv, ids or paths, not '" +
                        o.format_name + "'");
        o.output.nul = r.count("null") > 0;
        if (r.count("fields")) {
            std::string list = r["fields"].as<std::string>();
            std::size_t start = 0;
            while (start <= list.size()) {
                auto comma = list.find(',', start);
                std::string name = list.substr(start, comma == std::string::npos ? std::string::npos
                                                                                 : comma - start);
                const auto& known = hit_field_names();
                if (std::find(known.begin(), known.end(), name) == known.end()) {
                    std::string all;
                    for (const auto& k : known)
                        all += (all.empty() ? "" : ",") + k;
                    throw Error("--fields: no field '" + name + "'; choose from " + all);
                }
                o.output.fields.push_back(name);
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        }
        // Snippets cost more than the rest of a query: make them only for output that
        // shows them (json, jsonl, text; tsv and --fields when "snippet" is chosen).
        bool snippet_chosen = std::find(o.output.fields.begin(), o.output.fields.end(),
                                        "snippet") != o.output.fields.end();
        switch (o.output.format) {
        case OutputFormat::Ids:
        case OutputFormat::Paths:
            req.snippets = false;
            break;
        case OutputFormat::Tsv:
            req.snippets = snippet_chosen;
            break;
        case OutputFormat::Text:
            req.snippets = o.output.fields.empty() || snippet_chosen;
            break;
        case OutputFormat::Json:
        case OutputFormat::Jsonl:
            req.snippets = true;
            break;
        }
        req.collapse = r.count("collapse") > 0;
        req.explain = r.count("explain") > 0;
        req.suggest = r.count("no-suggest") == 0;
        if (r.count("like")) req.like_id = r["like"].as<std::string>();
        req.count_only = r.count("count") > 0;
        if (r.count("any") && r.count("all")) throw Error("--any and --all exclude each other");
        if (r.count("any")) req.query_options.match = MatchMode::Any;
        if (r.count("all")) req.query_options.match = MatchMode::All;
        req.query_options.today = today_utc();
        if (r.count("now")) {
            std::string now = r["now"].as<std::string>();
            auto d = parse_ymd(now);
            if (!d) throw Error("--now takes a day as YYYY-MM-DD, not '" + now + "'");
            req.query_options.today = *d;
        }
        if (r.count("since")) {
            req.query_options.since = r["since"].as<std::string>();
            parse_date_range(req.query_options.since, req.query_options.today); // validate now
        }
        if (r.count("until")) {
            req.query_options.until = r["until"].as<std::string>();
            parse_date_range(req.query_options.until, req.query_options.today);
        }
        if (r.count("color")) o.color = r["color"].as<std::string>();
        if (r.count("colour")) o.color = r["colour"].as<std::string>();
        if (o.color == "always")
            o.output.color = true;
        else if (o.color == "never")
            o.output.color = false;
        else if (o.color == "auto")
            o.output.color = stdout_tty && !no_color;
        else
            throw Error("--color takes auto, always or never, not '" + o.color + "'");
        // JSON carries the marked spans of each snippet as offsets ("highlights").
        req.highlight = o.output.color || o.output.format == OutputFormat::Json ||
                        o.output.format == OutputFormat::Jsonl || r.count("batch") > 0;
        if (r.count("facet"))
            for (const auto& spec : r["facet"].as<std::vector<std::string>>())
                req.facets.push_back(parse_facet_spec(spec));

        std::vector<std::string> words;
        if (r.count("words")) words = r["words"].as<std::vector<std::string>>();
        if (r.count("list-fields")) {
            o.command = SearchOptions::Command::ListFields;
        } else if (r.count("batch")) {
            o.command = SearchOptions::Command::Batch;
        } else if (!words.empty() && words[0] == "show") {
            if (words.size() != 2) throw Error("show takes exactly one article id");
            o.command = SearchOptions::Command::Show;
            o.show_id = words[1];
        } else if (!words.empty() && words[0] == "people") {
            o.command = SearchOptions::Command::People;
            for (std::size_t i = 1; i < words.size(); ++i)
                req.query += (i > 1 ? " " : "") + words[i];
            FacetRequest people;
            people.field = "person";
            people.limit = r.count("limit") ? req.limit : 20;
            req.facets = {people};
        } else {
            if (words.empty() && req.like_id.empty())
                throw Error("no query given; try 'morgue-search --help'");
            std::string q;
            for (auto& w : words)
                q += (q.empty() ? "" : " ") + w;
            req.query = q;
        }
    } catch (const cxxopts::exceptions::exception& e) {
        throw Error(std::string(e.what()) + "; try 'morgue-search --help'");
    }
    return o;
}

} // namespace morgue
