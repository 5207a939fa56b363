// The HTTP response inside a WARC response record: status line, headers, and the body
// with its transfer and content codings undone (chunked; gzip, deflate, brotli).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue {

struct HttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers; // in order, names as sent
    std::size_t body_offset = 0; // where the body starts in the payload
    // First value of a header (case-insensitive name), or "".
    std::string header(std::string_view name) const;
};

// Parses "HTTP/1.x NNN reason" and the header block of payload. Throws RecordError
// when the payload is not an HTTP response.
HttpResponse parse_http_head(std::string_view payload);

// The body with Transfer-Encoding: chunked and Content-Encoding undone, at most max_out
// bytes. A coding that lies (a body labelled gzip or chunked that is not, an unknown
// coding) leaves the bytes as they are: the parser judges them. A compressed or chunked
// body cut short gives what arrived, and sets *truncated when given. Throws RecordError
// only when the body inflates past max_out.
std::string decode_http_body(const HttpResponse& head, std::string_view payload,
                             std::uint64_t max_out, bool* truncated = nullptr);

// Undoes chunked transfer coding; a missing final chunk (a truncated capture) keeps what
// arrived and sets *cut when given. Throws RecordError on a malformed chunk size.
std::string dechunk(std::string_view body, std::uint64_t max_out, bool* cut = nullptr);

// The MIME Sniffing standard's test for a resource without a type: binary when a "binary
// data byte" (a C0 control other than tab, newlines, form feed and ESC) occurs in its
// first 1445 bytes, unless it starts with a byte-order mark. A media-type decision, made
// before any charset is known.
bool sniffs_binary(std::string_view body);

// "text/html; charset=Windows-1252" -> media type "text/html" (lowercased)
// and charset "windows-1252" (lowercased, quotes removed), "" when absent.
std::string media_type_of(std::string_view content_type);
std::string charset_of(std::string_view content_type);

} // namespace morgue
