// JSON Lines reader (.jsonl, .jsonl.gz, stdin with --format jsonl): one Record per
// non-blank line, format Json, origin "file:LINE". Parsing the JSON is the parsers' job
// (parse/json_article.cpp), so a line that does not parse is rejected there, in order,
// and the lines around it are kept. A line longer than --max-record-size and a damaged
// gzip member are rejected here with their offset.
#pragma once

#include "buffered_input.hpp"
#include "sources.hpp"

#include <string>

namespace morgue {

void read_jsonl(BufferedInput& in, const std::string& path, const SourceOptions& opts,
                const SourceEvents& ev);

} // namespace morgue
