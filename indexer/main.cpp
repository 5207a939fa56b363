// morgue-index: thin entry point; the work lives in the morgue_indexer library.
#include "errors.hpp"
#include "maintenance.hpp"
#include "options.hpp"
#include "people_pass.hpp"
#include "pipeline.hpp"
#include "text.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>

int main(int argc, char** argv) {
    return morgue::run_main("morgue-index", [&] {
        auto opts = morgue::parse_index_options(argc, argv, std::getenv("MORGUE_DB"));
        if (opts.command == morgue::IndexOptions::Command::Help) {
            std::cout << opts.help_text;
            return 0;
        }
        if (opts.command == morgue::IndexOptions::Command::Version) {
            std::cout << "morgue-index " MORGUE_VERSION "\n";
            return 0;
        }
        using Command = morgue::IndexOptions::Command;
        if (opts.command == Command::Stats) {
            std::vector<morgue::IndexStats> shards;
            for (const auto& db : opts.dbs) {
                shards.push_back(morgue::index_stats(db));
                if (opts.dbs.size() > 1) {
                    morgue::print_stats(db, shards.back(), std::cout);
                    std::cout << '\n';
                }
            }
            if (opts.dbs.size() > 1)
                morgue::print_stats(std::to_string(opts.dbs.size()) + " shards",
                                    morgue::merge_stats(shards), std::cout);
            else
                morgue::print_stats(opts.db, shards.front(), std::cout);
            return 0;
        }
        if (opts.command == Command::Compact) {
            auto [before, after] = morgue::compact_index(opts.db, opts.lock_timeout);
            if (!opts.quiet)
                std::cerr << "morgue-index: compacted " << morgue::sanitize_line(opts.db) << ": "
                          << before << " -> " << after << " bytes\n";
            return 0;
        }
        if (opts.command == Command::Delete) {
            auto missing = morgue::delete_articles(opts.db, opts.ids, opts.lock_timeout);
            // The archive's names may rest on the articles deleted: the people pass again.
            if (missing.size() < opts.ids.size())
                morgue::run_people_pass(opts.db, nullptr, opts.lock_timeout);
            for (const auto& id : missing)
                std::cerr << "morgue-index: no article " << morgue::sanitize_line(id) << '\n';
            if (!opts.quiet)
                std::cerr << "morgue-index: deleted " << opts.ids.size() - missing.size() << " of "
                          << opts.ids.size() << '\n';
            return missing.size() == opts.ids.size() ? 1 : 0;
        }
        if (opts.command == Command::People || opts.command == Command::Aliases)
            return morgue::people_command(
                opts.db,
                opts.command == Command::Aliases ? std::optional(opts.aliases_file) : std::nullopt,
                opts.lock_timeout, opts.quiet);
        std::ios::sync_with_stdio(false);
        auto summary = morgue::run_indexing(opts, std::cout, std::cerr);
        // One person, one name across the archive: the people pass over the whole index
        // once the run has changed it (indexer/people_pass.hpp).
        if (!opts.dry_run && summary.indexed + summary.updated > 0)
            morgue::run_people_pass(opts.db, nullptr, opts.lock_timeout);
        if (!opts.quiet) std::cerr << "morgue-index: " << summary.format() << '\n';
        // Exit 2 only when nothing at all could be used: every input was rejected.
        if (summary.articles() == 0 && summary.rejected_total() > 0) return 2;
        return 0;
    });
}
