#include "http.hpp"

#include "article_json.hpp" // dump_json
#include "output.hpp"       // sanitize_for_terminal

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string_view>

namespace morgue::data {
extern const std::string_view serve_index_html;
extern const std::string_view serve_app_js;
extern const std::string_view serve_app_css;
extern const std::string_view serve_favicon_svg;
} // namespace morgue::data

namespace morgue {

namespace {

struct Asset {
    const char* path;
    const std::string_view* body;
    const char* type;
};

// The page is one HTML file whose script reads its state from the URL; every other
// path is one of these files or nothing (no file system behind them: no traversal).
const Asset kAssets[] = {
    {"/", &data::serve_index_html, "text/html; charset=utf-8"},
    {"/static/app.js", &data::serve_app_js, "text/javascript; charset=utf-8"},
    {"/static/app.css", &data::serve_app_css, "text/css; charset=utf-8"},
    {"/favicon.ico", &data::serve_favicon_svg, "image/svg+xml"},
    {"/static/favicon.svg", &data::serve_favicon_svg, "image/svg+xml"},
};

void send_json(httplib::Response& res, const ApiAnswer& a) {
    res.status = a.status;
    res.set_content(a.body, "application/json; charset=utf-8");
    res.set_header("Cache-Control", "no-store");
}

thread_local std::chrono::steady_clock::time_point request_start;

void log_request(const httplib::Request& req, const httplib::Response& res) {
    // Requests refused before routing (an over-long URI) were never timed.
    using Clock = std::chrono::steady_clock;
    double ms =
        request_start == Clock::time_point()
            ? 0.0
            : std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
    request_start = {};
    std::string target = req.path;
    bool first = true;
    for (const auto& [k, v] : req.params) {
        target += (first ? "?" : "&") + k + "=" + v;
        first = false;
    }
    if (target.size() > 300) target = target.substr(0, 300) + "...";
    char tail[96];
    std::snprintf(tail, sizeof tail, " %d %zu %.1fms", res.status, res.body.size(), ms);
    // One line, written at once; the target is client input, so controls are dropped.
    std::string line = req.remote_addr + " " + sanitize_for_terminal(req.method) + " " +
                       sanitize_for_terminal(target) + tail + "\n";
    for (char& c : line)
        if (c == '\n' && &c != &line.back()) c = ' ';
    std::fwrite(line.data(), 1, line.size(), stderr);
}

} // namespace

void configure_server(httplib::Server& svr, SearcherPool& pool, const ServeOptions& o) {
    unsigned threads = o.threads;
    svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    svr.set_read_timeout(static_cast<time_t>(o.timeout), 0);
    svr.set_write_timeout(static_cast<time_t>(o.timeout), 0);
    svr.set_keep_alive_timeout(5);
    svr.set_keep_alive_max_count(100);
    svr.set_payload_max_length(kMaxBodyBytes);

    svr.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                             {"X-Content-Type-Options", "nosniff"},
                             {"Referrer-Policy", "no-referrer"},
                             {"X-Frame-Options", "DENY"}});

    svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        request_start = std::chrono::steady_clock::now();
        if (req.method != "GET" && req.method != "HEAD") {
            res.status = 405;
            res.set_header("Allow", "GET, HEAD");
            res.set_header("Connection", "close"); // its body, if any, is not read
            send_json(res, api_error(405, "only GET and HEAD"));
            res.status = 405;
            return httplib::Server::HandlerResponse::Handled;
        }
        // GET and HEAD carry no body; one left unread would be taken for the next request.
        if (req.has_header("Transfer-Encoding") ||
            req.get_header_value<std::uint64_t>("Content-Length") > 0) {
            bool big = req.get_header_value<std::uint64_t>("Content-Length") > kMaxBodyBytes ||
                       req.has_header("Transfer-Encoding");
            res.set_header("Connection", "close");
            send_json(res, api_error(big ? 413 : 400,
                                     big ? "request too large" : "a GET request carries no body"));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    svr.Get("/api/search", [&pool](const httplib::Request& req, httplib::Response& res) {
        send_json(res, api_search(pool, req.params));
    });
    svr.Get("/api/people", [&pool](const httplib::Request& req, httplib::Response& res) {
        send_json(res, api_people(pool, req.params));
    });
    svr.Get("/api/fields",
            [](const httplib::Request&, httplib::Response& res) { send_json(res, api_fields()); });
    svr.Get("/api/article/(.+)", [&pool](const httplib::Request& req, httplib::Response& res) {
        send_json(res, api_article(pool, req.matches[1]));
    });
    for (const Asset& a : kAssets)
        svr.Get(a.path, [&a](const httplib::Request&, httplib::Response& res) {
            res.set_content(a.body->data(), a.body->size(), a.type);
            res.set_header("Cache-Control", "no-cache");
        });

    // 404s, 413s, 414s and the rest: a JSON error under /api/, plain text elsewhere.
    svr.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                  httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled; // ours
        std::string what = res.status == 404   ? "not found"
                           : res.status == 413 ? "request too large"
                           : res.status == 414 ? "URI too long"
                                               : "bad request";
        if (req.path.rfind("/api/", 0) == 0)
            res.set_content(dump_json({{"error", what}}) + "\n", "application/json; charset=utf-8");
        else
            res.set_content(what + "\n", "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    }));
    svr.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "internal error";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            send_json(res, api_error(500, what));
        });
    svr.set_logger(log_request);
}

} // namespace morgue
