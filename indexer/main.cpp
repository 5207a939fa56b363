// morgue-index: thin entry point; the work lives in the morgue_indexer library.
#include "errors.hpp"
#include "options.hpp"
#include "pipeline.hpp"

#include <cstdlib>
#include <iostream>

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
        std::ios::sync_with_stdio(false);
        auto summary = morgue::run_indexing(opts, std::cout, std::cerr);
        if (!opts.quiet) std::cerr << "morgue-index: " << summary.format() << '\n';
        // Exit 2 only when nothing at all could be used: every input was rejected.
        if (summary.articles() == 0 && summary.rejected_total() > 0) return 2;
        return 0;
    });
}
