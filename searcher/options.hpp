// morgue-search's command line as data: parse_search_options() is a pure function.
#pragma once

#include "output.hpp"
#include "search.hpp"

#include <string>
#include <vector>

namespace morgue {

struct SearchOptions {
    enum class Command {
        Search,
        Show,
        People,
        ListFields,
        Batch,
        Help,
        Version
    } command = Command::Search;
    std::vector<std::string> dbs; // --db (repeatable: shards searched as one; shards.hpp)
    ShardOptions shards;          // --timeout, --partial
    SearchRequest request;
    std::string show_id;
    std::string format_name = "text";
    OutputOptions output;
    std::string color = "auto"; // auto|always|never
    std::string help_text;
};

// env_db: $MORGUE_DB; stdout_tty and no_color: for --color auto. Throws Error on misuse.
SearchOptions parse_search_options(int argc, const char* const* argv, const char* env_db,
                                   bool stdout_tty, bool no_color);

} // namespace morgue
