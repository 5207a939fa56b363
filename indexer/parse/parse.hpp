// Turns one Record into an Article: picks the parser by the record's format (or by
// sniffing), then fills what every article needs (id, source host, content hash).
// Throws RecordError with a one-line reason for a record that is not an article.
#pragma once

#include "article.hpp"
#include "record/record.hpp"

namespace morgue {

RecordFormat sniff_format(const Record& r);

Article parse_record(const Record& r);

// Fills id (normalised URL, else content hash), source host and date fields that can be
// derived from others. Parsers may call it; parse_record always does.
void finish_article(Article& a);

} // namespace morgue
