// WARC reader (1.0 and 1.1, and the drafts 0.17 and 0.18 found in old crawls) (.warc, .warc.gz with
// one gzip member per record or the whole file gzipped): records are streamed one at a time, memory
// bounded by --max-record-size.
//
//   response   -> the HTTP body (chunked and gzip/deflate/br undone) as an Html Record when
//                 the status is 200 and the type text/html or application/xhtml+xml;
//                 other statuses and types are skipped and counted by reason
//   resource   -> an Html Record when its Content-Type is HTML, else skipped
//   conversion -> a Text Record with container "wet" (WET plain text)
//   revisit    -> counted as unchanged
//   request, metadata, warcinfo, continuation -> skipped and counted
//
// Bad input never stops the file: a damaged gzip member, garbage between records, a
// wrong Content-Length, an oversized record are each rejected with a reason and the
// byte offset, and reading resynchronises at the next "WARC/1." line (or gzip member).
#pragma once

#include "buffered_input.hpp"
#include "sources.hpp"

#include <string>
#include <string_view>

namespace morgue {

// True when s starts with a WARC version line's "WARC/N.N": "WARC/1.0", "WARC/1.1", and
// the drafts found in the wild, "WARC/0.17" (the Internet Archive's), "WARC/0.18"
// (ClueWeb09's).
bool is_warc_version(std::string_view s);

// Reads every record of one WARC input; path names it in origins ("path@offset", where
// offset is the file offset of the record's gzip member, "+N" bytes into it when a
// member holds several records).
void read_warc(BufferedInput& in, const std::string& path, const SourceOptions& opts,
               const SourceEvents& ev);

} // namespace morgue
