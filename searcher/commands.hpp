// The searcher's commands: search, show, --list-fields, --batch. main() picks one.
#pragma once

#include "options.hpp"

#include <istream>
#include <ostream>

namespace morgue {

int cmd_search(const SearchOptions& o, std::ostream& out);
// The people most named in the matching articles, with article counts.
int cmd_people(const SearchOptions& o, std::ostream& out);
int cmd_show(const SearchOptions& o, std::ostream& out);
int cmd_list_fields(const SearchOptions& o, std::ostream& out);
// One JSON line per input line; an error on one line is reported in that line's object.
int cmd_batch(const SearchOptions& o, std::istream& in, std::ostream& out);

} // namespace morgue
