// morgue-search: thin entry point; the work lives in the morgue_searcher library.
#include "commands.hpp"
#include "errors.hpp"
#include "options.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    return morgue::run_main("morgue-search", [&] {
        using C = morgue::SearchOptions::Command;
        auto o = morgue::parse_search_options(argc, argv, std::getenv("MORGUE_DB"),
                                              isatty(STDOUT_FILENO),
                                              std::getenv("NO_COLOR") && *std::getenv("NO_COLOR"));
        switch (o.command) {
        case C::Help:
            std::cout << o.help_text;
            return 0;
        case C::Version:
            std::cout << "morgue-search " MORGUE_VERSION "\n";
            return 0;
        case C::ListFields:
            return morgue::cmd_list_fields(o, std::cout);
        case C::Show:
            return morgue::cmd_show(o, std::cout);
        case C::People:
            return morgue::cmd_people(o, std::cout);
        case C::Batch:
            return morgue::cmd_batch(o, std::cin, std::cout);
        case C::Search:
            break;
        }
        return morgue::cmd_search(o, std::cout);
    });
}
