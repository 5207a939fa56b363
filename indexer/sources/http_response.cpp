#include "http_response.hpp"

#include "errors.hpp"
#include "gzip_reader.hpp"
#include "text.hpp"

#include <cctype>
#include <charconv>
#include <optional>

namespace morgue {

std::string HttpResponse::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return v;
    return {};
}

HttpResponse parse_http_head(std::string_view payload) {
    HttpResponse r;
    if (!starts_with_ci(payload, "HTTP/"))
        throw RecordError("WARC response is not an HTTP response");
    std::size_t pos = 0;
    bool first = true;
    for (;;) {
        std::size_t nl = payload.find('\n', pos);
        if (nl == std::string_view::npos)
            throw RecordError("HTTP headers do not end (truncated response)");
        std::string_view line = payload.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = nl + 1;
        if (first) {
            first = false;
            auto sp = line.find(' ');
            if (sp == std::string_view::npos) throw RecordError("bad HTTP status line");
            std::string_view code = trim(line.substr(sp + 1)).substr(0, 3);
            auto [p, ec] = std::from_chars(code.data(), code.data() + code.size(), r.status);
            if (ec != std::errc() || p != code.data() + code.size() || r.status < 100 ||
                r.status > 999)
                throw RecordError("bad HTTP status line");
            continue;
        }
        if (line.empty()) break;
        if ((line[0] == ' ' || line[0] == '\t') && !r.headers.empty()) {
            r.headers.back().second += " " + std::string(trim(line)); // obsolete folding
            continue;
        }
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue; // tolerate junk lines, as browsers do
        r.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                               std::string(trim(line.substr(colon + 1))));
    }
    r.body_offset = pos;
    return r;
}

std::string dechunk(std::string_view body, std::uint64_t max_out, bool* cut) {
    std::string out;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t nl = body.find('\n', pos);
        if (nl == std::string_view::npos) {
            // A chunk-size line cut by the end of a truncated capture keeps what came;
            // text that is no chunk size is no chunked body.
            std::string_view tail = trim(body.substr(pos));
            tail = tail.substr(0, tail.find(';'));
            for (char ch : tail)
                if (!std::isxdigit(static_cast<unsigned char>(ch)))
                    throw RecordError("bad chunked transfer coding");
            if (cut) *cut = true;
            break;
        }
        std::string_view size_line = trim(body.substr(pos, nl - pos));
        size_line = size_line.substr(0, size_line.find(';')); // chunk extensions
        std::uint64_t n = 0;
        auto [p, ec] =
            std::from_chars(size_line.data(), size_line.data() + size_line.size(), n, 16);
        if (ec != std::errc() || p != size_line.data() + size_line.size() || size_line.empty())
            throw RecordError("bad chunked transfer coding");
        pos = nl + 1;
        if (n == 0) break; // last chunk; trailers follow
        if (out.size() + n > max_out)
            throw RecordError("HTTP body larger than --max-record-size (" +
                              std::to_string(max_out) + " bytes)");
        std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(n, body.size() - pos));
        if (take < n && cut) *cut = true;
        out.append(body.substr(pos, take));
        pos += take;
        if (pos < body.size() && body[pos] == '\r') ++pos;
        if (pos < body.size() && body[pos] == '\n') ++pos;
    }
    return out;
}

std::string decode_http_body(const HttpResponse& head, std::string_view payload,
                             std::uint64_t max_out, bool* truncated) {
    std::string_view body = payload.substr(std::min(head.body_offset, payload.size()));
    std::string data;
    std::string te = to_lower_ascii(head.header("Transfer-Encoding"));
    bool cut = false;
    if (te.find("chunked") != std::string::npos) {
        // Many crawlers store the body already de-chunked under the original header.
        try {
            data = dechunk(body, max_out, &cut);
        } catch (const RecordError&) {
            data.assign(body);
            cut = false;
        }
    } else {
        data.assign(body);
    }
    std::string ce = to_lower_ascii(trim(head.header("Content-Encoding")));
    std::optional<Coding> coding;
    if (ce == "gzip" || ce == "x-gzip")
        coding = Coding::Gzip;
    else if (ce == "deflate")
        coding = Coding::Deflate;
    else if (ce == "br")
        coding = Coding::Brotli;
    // Servers and crawlers label plain bodies gzip (the magic bytes tell), and stored
    // bodies keep a header whose coding was undone long ago: try, and keep the bytes as
    // they are when they do not decode.
    if (coding && !data.empty() && (*coding != Coding::Gzip || has_gzip_magic(data))) {
        try {
            bool inflate_cut = false;
            std::string out = inflate_bytes(data, *coding, max_out, &inflate_cut);
            data = std::move(out);
            cut = cut || inflate_cut;
        } catch (const RecordError& e) {
            if (std::string_view(e.what()).find("max-record-size") != std::string_view::npos) throw;
        }
    }
    if (truncated && cut) *truncated = true;
    return data;
}

bool sniffs_binary(std::string_view body) {
    if (body.substr(0, 2) == "\xFE\xFF" || body.substr(0, 2) == "\xFF\xFE" ||
        body.substr(0, 3) == "\xEF\xBB\xBF")
        return false;
    for (unsigned char c : body.substr(0, 1445))
        if (c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F))
            return true;
    return false;
}

std::string media_type_of(std::string_view content_type) {
    return to_lower_ascii(trim(content_type.substr(0, content_type.find(';'))));
}

std::string charset_of(std::string_view content_type) {
    std::string lower = to_lower_ascii(content_type);
    std::size_t p = lower.find("charset=");
    if (p == std::string::npos) return {};
    std::string_view v = std::string_view(lower).substr(p + 8);
    v = v.substr(0, v.find(';'));
    v = trim(v);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
    return std::string(trim(v));
}

} // namespace morgue
