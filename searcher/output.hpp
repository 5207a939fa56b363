// Printers for search results: text (people), json, jsonl, tsv, ids (scripts).
// Keys and columns are the documented contract in docs/output.md; a change of meaning
// bumps kFormatVersion.
#pragma once

#include "schema.hpp"
#include "search.hpp"
#include "text.hpp" // sanitize_for_terminal

#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace morgue {

inline constexpr int kFormatVersion = 1;

enum class OutputFormat { Text, Json, Jsonl, Tsv, Ids, Paths };

struct OutputOptions {
    OutputFormat format = OutputFormat::Text;
    bool color = false;              // ANSI colour in text output (only when stdout is a terminal)
    std::vector<std::string> fields; // --fields: columns of tsv and text ("" = the defaults)
    bool nul = false;                // -0: ids and paths end with NUL instead of newline
    bool terminal = false;           // stdout is a terminal: ids and paths are sanitized too
};

// The names --fields accepts, in their default tsv order first.
const std::vector<std::string>& hit_field_names();
// The file an article was read from: its path without a record's "@offset" (WARC) or
// ":line" (JSON Lines) suffix.
std::string file_of_path(const std::string& path);
// One field of a hit as text ("" when absent); lists are joined with "; ".
std::string hit_field(const Hit& h, const std::string& name);

nlohmann::ordered_json hit_to_json(const Hit& h, bool collapse = false, bool explain = false);
// dump_json(hit_to_json(h, collapse, explain)), byte for byte, written directly: building
// and dumping the JSON object was a quarter of a --batch query's instructions on short
// wire stories (callgrind; docs/performance.md).
std::string hit_json_line(const Hit& h, bool collapse = false, bool explain = false);
nlohmann::ordered_json result_to_json(const SearchResult& r);
nlohmann::ordered_json facets_to_json(const std::vector<Facet>& facets);

// The JSON answers that `morgue-search --format json` prints and morgue-serve's API returns:
// one function each, so the two can never drift apart.
// A search (`--count` drops the hits and the paging keys).
nlohmann::ordered_json search_answer_json(const SearchResult& r, bool count_only);
// `people QUERY`: the search's first facet (person) as [{name, articles}].
nlohmann::ordered_json people_answer_json(const SearchResult& r);
// "text", "filter" or "range".
const char* field_kind_name(FieldKind k);
// `--list-fields`: the schema's query fields.
nlohmann::ordered_json fields_answer_json();

// The marked spans of a snippet carrying kHiStart/kHiEnd markers, as [start, end) offsets
// in Unicode code points of the plain snippet (the markers removed).
std::vector<std::pair<std::size_t, std::size_t>> snippet_highlights(std::string_view marked);
void print_facets_text(std::ostream& out, const std::vector<Facet>& facets, bool color);

// A printer for the format: hits are written as they come (Searcher::search with a sink).
std::unique_ptr<HitSink> make_printer(std::ostream& out, const OutputOptions& o);
// The one JSON object of --format json and of a --batch line, written piece by piece;
// byte for byte what dump_json(result_to_json(r)) gives. without hits: --count.
class JsonPrinter : public HitSink {
  public:
    explicit JsonPrinter(std::ostream& out, bool with_hits = true);
    void begin(const SearchResult& head) override;
    void hit(const Hit& h) override;
    void end() override;
    // Ends an object begun but not finished, with an "error" member (a --batch line).
    void fail(const std::string& message);
    bool open() const { return open_; }
    Xapian::doccount total() const { return total_; }

  private:
    std::ostream& out_;
    bool with_hits_;
    bool first_ = true, open_ = false, collapse_ = false, explain_ = false;
    std::string tail_;
    Xapian::doccount total_ = 0;
};

void print_result(std::ostream& out, const SearchResult& r, const OutputOptions& o);
void print_count(std::ostream& out, const SearchResult& r, const OutputOptions& o);
void print_article(std::ostream& out, const Article& a, const OutputOptions& o);

// TSV cell: tab, newline, carriage return and backslash escaped as \t \n \r \\; other
// controls and bidi marks dropped (terminal_control_at).
std::string tsv_escape(std::string_view s);
// An id or path as printed by ids/paths/people output: exact bytes for a program, with
// controls and bidi marks removed when stdout is a terminal.
std::string for_ids(const std::string& s, const OutputOptions& o);

} // namespace morgue
