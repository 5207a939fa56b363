// The indexing pipeline: one reader thread (sources), --jobs parser threads (parse and
// build Xapian documents), and the writer on the calling thread, with bounded queues
// between them. Outcomes are accounted in input order, so runs are reproducible.
#pragma once

#include "options.hpp"
#include "summary.hpp"

#include <ostream>

namespace morgue {

// Runs the whole job; prints --dry-run output to out, diagnostics to err.
Summary run_indexing(const IndexOptions& opts, std::ostream& out, std::ostream& err);

} // namespace morgue
