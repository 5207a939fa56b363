// morgue-serve's HTTP side on cpp-httplib: routes, limits, security headers, the page's
// assets (compiled in), one log line per request.
#pragma once

#include "api.hpp"
#include "serve_options.hpp"

namespace httplib {
class Server;
}

namespace morgue {

// Request bodies above this are refused with 413 (every route is GET or HEAD).
inline constexpr std::size_t kMaxBodyBytes = 1024;

// The page's Content-Security-Policy: scripts, styles and data from this server only;
// no inline script, no plugins, no framing.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

// Sets up svr: limits and timeouts from o, the API over pool, the page, the log.
void configure_server(httplib::Server& svr, SearcherPool& pool, const ServeOptions& o);

} // namespace morgue
