#include "warc_reader.hpp"

#include "dates.hpp"
#include "errors.hpp"
#include "http_response.hpp"
#include "text.hpp"

#include <charconv>
#include <utility>
#include <vector>

namespace morgue {

namespace {

constexpr std::size_t kMaxHeaderLine = 64 << 10;
constexpr std::size_t kMaxHeaderBytes = 1 << 20;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_warc_line(std::string_view line) {
    if (!is_warc_version(line)) return false;
    std::size_t i = 8;
    while (i < line.size() && is_digit(line[i]))
        ++i;
    return trim(line.substr(i)).empty();
}

// Where the first line of a WARC header starts in a block ("\nWARC/1.0\r\n"), or npos.
std::size_t find_warc_line(std::string_view block) {
    for (std::size_t p = block.find("\nWARC/"); p != std::string_view::npos;
         p = block.find("\nWARC/", p + 1))
        if (is_warc_version(block.substr(p + 1, 8))) return p + 1;
    return std::string_view::npos;
}

bool is_blank(std::string_view line) {
    return line == "\r\n" || line == "\n" || line == "\r";
}

bool is_html_type(std::string_view media_type) {
    return media_type == "text/html" || media_type == "application/xhtml+xml";
}

std::string strip_angle(std::string_view v) {
    v = trim(v);
    if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = v.substr(1, v.size() - 2);
    return std::string(v);
}

struct WarcHeaders {
    std::vector<std::pair<std::string, std::string>> fields;
    std::string get(std::string_view name) const {
        for (const auto& [k, v] : fields)
            if (iequals(k, name)) return v;
        return {};
    }
};

class WarcReader {
  public:
    WarcReader(BufferedInput& in, const std::string& path, const SourceOptions& opts,
               const SourceEvents& ev)
        : in_(in), path_(path), opts_(opts), ev_(ev) {}

    void run() {
        std::string line;
        bool too_long = false;
        std::string version; // the record's "WARC/1.x" line
        std::uint64_t version_start = 0;
        for (;;) {
            report_progress();
            if (in_.damage()) {
                report_damage();
                continue;
            }
            std::uint64_t start = in_.position();
            if (!in_.read_line(line, kMaxHeaderLine, too_long)) {
                if (in_.damage()) continue;
                break;
            }
            if (is_blank(line)) continue;
            if (is_warc_line(line) && !too_long) {
                version = line;
                version_start = start;
            } else if (!resync(start, quiet_resync_, version, version_start)) {
                continue;
            }
            quiet_resync_ = false;
            read_record(version_start);
        }
        report_progress();
    }

  private:
    std::string origin_at(std::uint64_t pos, std::uint64_t* offset) const {
        auto loc = in_.locate(pos);
        *offset = loc.member;
        std::string o = path_ + "@" + std::to_string(loc.member);
        if (in_.compressed() && loc.within > 0) o += "+" + std::to_string(loc.within);
        return o;
    }

    void reject(std::uint64_t pos, const std::string& why, const std::string& id = {}) {
        std::uint64_t off = 0;
        std::string o = origin_at(pos, &off);
        ev_.rejected(record_at(o, path_, off, id), why);
    }

    void report_damage() {
        const Damage& d = *in_.damage();
        ev_.rejected(record_at(path_ + "@" + std::to_string(d.offset), path_, d.offset), d.reason);
        in_.resume();
        quiet_resync_ = false; // what follows a damage is a new member: report its garbage
    }

    void report_progress() {
        std::uint64_t now = in_.consumed();
        if (now > reported_ && ev_.progress) ev_.progress(now - reported_);
        reported_ = now;
    }

    // Skips lines up to the next WARC version line. Reports the skipped bytes as garbage
    // unless quiet (they belong to a record already rejected). True when a version line
    // was found (returned in version, starting at *vstart).
    bool resync(std::uint64_t start, bool quiet, std::string& version, std::uint64_t& vstart) {
        std::string line;
        bool too_long = false;
        for (;;) {
            std::uint64_t pos = in_.position();
            if (!in_.read_line(line, kMaxHeaderLine, too_long)) {
                if (!quiet)
                    reject(start, "garbage between WARC records (" + std::to_string(pos - start) +
                                      " bytes skipped)");
                return false;
            }
            if (is_warc_line(line) && !too_long) {
                if (!quiet && pos > start)
                    reject(start, "garbage between WARC records (" + std::to_string(pos - start) +
                                      " bytes skipped)");
                version = line;
                vstart = pos;
                return true;
            }
        }
    }

    void read_record(std::uint64_t start) {
        WarcHeaders h;
        std::string line;
        bool too_long = false;
        std::size_t header_bytes = 0;
        for (;;) {
            if (!in_.read_line(line, kMaxHeaderLine, too_long)) {
                reject(start, in_.damage() ? in_.damage()->reason + " (inside a WARC header)"
                                           : "truncated WARC record header");
                if (in_.damage()) in_.resume();
                return;
            }
            header_bytes += line.size();
            if (too_long || header_bytes > kMaxHeaderBytes) {
                reject(start, "WARC header too long");
                quiet_resync_ = true;
                return;
            }
            if (is_blank(line)) break;
            if (is_warc_line(line)) {
                // A new record starts before this one's header ended.
                reject(start, "truncated WARC record header");
                in_.unread(line);
                return;
            }
            std::string_view l = line;
            while (!l.empty() && (l.back() == '\n' || l.back() == '\r'))
                l.remove_suffix(1);
            if (l.empty()) continue;
            if ((l.front() == ' ' || l.front() == '\t') && !h.fields.empty()) {
                h.fields.back().second += " " + std::string(trim(l));
                continue;
            }
            auto colon = l.find(':');
            if (colon == std::string_view::npos) continue;
            h.fields.emplace_back(std::string(trim(l.substr(0, colon))),
                                  std::string(trim(l.substr(colon + 1))));
        }

        std::string id = strip_angle(h.get("WARC-Record-ID"));
        std::string len_s = h.get("Content-Length");
        std::uint64_t len = 0;
        auto [p, ec] = std::from_chars(len_s.data(), len_s.data() + len_s.size(), len);
        if (len_s.empty() || ec != std::errc() || p != len_s.data() + len_s.size()) {
            reject(start, "WARC record without a valid Content-Length", id);
            quiet_resync_ = true;
            return;
        }
        if (len > opts_.max_record_size) {
            reject(start,
                   "WARC record larger than --max-record-size (" + std::to_string(len) + " bytes)",
                   id);
            // A plain file's size is known: a length that runs past its end is a lie, and
            // skipping it would lose every record after this one. Resynchronise on the
            // next "WARC/1." line instead.
            std::uint64_t size = in_.known_size();
            if (size > 0 && !in_.compressed() && in_.position() + len > size) {
                quiet_resync_ = true;
                return;
            }
            // A record that starts a gzip member ends with it: skipping no further than the
            // member's end keeps the records after a bogus Content-Length.
            auto loc = in_.locate(start);
            bool aligned = in_.compressed() && loc.within == 0;
            if (in_.compressed() && !aligned) {
                skip_watching(len);
                return;
            }
            std::uint64_t body = in_.position();
            std::uint64_t skipped =
                aligned ? in_.skip_in_member(len, in_.locate(body).member) : in_.skip(len);
            if (skipped < len) {
                if (in_.damage()) in_.resume();
                quiet_resync_ = true;
                return;
            }
            end_of_record(start, {}, true, id);
            return;
        }
        std::string block;
        block.reserve(static_cast<std::size_t>(len));
        std::size_t got = in_.read_exact(block, static_cast<std::size_t>(len));
        if (got < len) {
            // Cut: by the end of the input, or by a gzip member the input ends inside.
            // What arrived is the record, marked truncated, unless the block holds the
            // start of another record (then its Content-Length lied, and the records it
            // swallowed are read again). A member that breaks off into other data
            // (corrupt) may have inflated garbage at its end: rejected.
            bool swallowed = find_warc_line(block) != std::string::npos;
            bool corrupt = in_.damage() && !in_.damage()->cut;
            if (block.empty() || swallowed || corrupt) {
                if (in_.damage()) {
                    reject(start, in_.damage()->reason, id);
                    in_.resume();
                    return;
                }
                reject(start, "truncated WARC record (the input ends inside its block)", id);
                rescan_block(block);
                return;
            }
            dispatch(start, h, std::move(block), true);
            if (in_.damage()) in_.resume();
            return;
        }
        if (!end_of_record(start, block, false, id)) return;
        dispatch(start, h, std::move(block), false);
    }

    // Skips an over-long block of a whole-file gzip WARC, whose decoded size is unknown,
    // keeping the bytes from the first "WARC/1." line in it on (at most
    // --max-record-size): when the input ends before the block does, the Content-Length
    // was a lie, and the records it swallowed are read from there instead of lost.
    void skip_watching(std::uint64_t len) {
        std::string kept, carry;
        bool keeping = false;
        std::uint64_t left = len;
        while (left > 0) {
            std::size_t have =
                in_.want(static_cast<std::size_t>(std::min<std::uint64_t>(left, 1u << 20)));
            if (have == 0) break;
            std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(have, left));
            std::string_view chunk = in_.data().substr(0, take);
            if (keeping) {
                if (kept.size() + chunk.size() <= opts_.max_record_size)
                    kept.append(chunk);
                else
                    keeping = false, kept.clear(); // a real block, not a swallowed record
            } else if (kept.empty()) {
                // Look across the chunk boundary too: the carry holds the last bytes seen.
                std::string window = carry + std::string(chunk);
                std::size_t p = find_warc_line(window);
                if (p != std::string::npos) {
                    --p; // from the newline, as before
                    kept = window.substr(p + 1);
                    keeping = kept.size() <= opts_.max_record_size;
                    if (!keeping) kept.clear();
                }
                carry = window.substr(window.size() - std::min<std::size_t>(window.size(), 9));
            }
            in_.consume(take);
            left -= take;
        }
        if (left > 0) {
            if (in_.damage()) in_.resume();
            if (keeping) in_.unread(kept);
            quiet_resync_ = true;
            return;
        }
        end_of_record(0, {}, true, {});
    }

    // Checks the CRLF CRLF that ends a record. A record whose block does not end where
    // its Content-Length says is rejected, and its block is re-scanned for the next
    // record's start (a Content-Length that is too long swallows the next header).
    bool end_of_record(std::uint64_t start, const std::string& block, bool already_rejected,
                       const std::string& id) {
        std::size_t have = in_.want(4);
        std::string_view d = in_.data().substr(0, have);
        if (d.substr(0, 4) == "\r\n\r\n") {
            in_.consume(4);
            return true;
        }
        // Lenient: fewer or bare newlines are fine if the next record (or the end)
        // follows at once.
        std::size_t n = 0;
        while (n < d.size() && n < 4 && (d[n] == '\r' || d[n] == '\n'))
            ++n;
        std::size_t more = in_.want(n + 8);
        std::string_view next = in_.data().substr(n, std::min<std::size_t>(more, n + 8) - n);
        if (next.empty() || is_warc_version(next)) {
            in_.consume(n);
            return true;
        }
        if (!already_rejected)
            reject(start, "wrong Content-Length (the record does not end where it says)", id);
        rescan_block(block);
        quiet_resync_ = true;
        return false;
    }

    // Puts back the part of a rejected block from its first WARC version line on, so a
    // record it swallowed is read again.
    void rescan_block(const std::string& block) {
        std::size_t p = find_warc_line(block);
        if (p != std::string::npos) in_.unread(std::string_view(block).substr(p));
    }

    // Rejects a record that was read: the event gets where it was, not its bytes
    // (SourceEvents::rejected; found by warc_fuzzer).
    void reject_record(Record r, const std::string& why) {
        r.bytes.clear();
        r.bytes.shrink_to_fit();
        ev_.rejected(r, why);
    }

    // cut: the block ends before its Content-Length (the input or its gzip member ended).
    void dispatch(std::uint64_t start, const WarcHeaders& h, std::string block, bool cut) {
        std::string type = to_lower_ascii(h.get("WARC-Type"));
        std::uint64_t offset = 0;
        std::string origin = origin_at(start, &offset);
        Record r;
        r.origin = origin;
        r.path = path_;
        r.offset = offset;
        r.url = strip_angle(h.get("WARC-Target-URI"));
        // An invalid WARC-Date (ClueWeb09's) falls back to the HTTP Date below.
        r.fetched = parse_iso_datetime(h.get("WARC-Date"));
        r.container = "warc";
        r.record_id = strip_angle(h.get("WARC-Record-ID"));
        r.truncated = cut || !trim(h.get("WARC-Truncated")).empty();
        std::string ctype = h.get("Content-Type");
        if (!h.get("WARC-Segment-Number").empty() || type == "continuation") {
            ev_.skipped("WARC segmented record (not supported)");
            return;
        }
        if (type == "response") {
            if (!starts_with_ci(ctype, "application/http") && !starts_with_ci(block, "HTTP/")) {
                ev_.skipped("WARC response not HTTP (" + media_type_of(ctype) + ")");
                return;
            }
            std::string http_type, media;
            try {
                HttpResponse http = parse_http_head(block);
                if (http.status != 200) {
                    ev_.skipped("HTTP status " + std::to_string(http.status));
                    return;
                }
                http_type = http.header("Content-Type");
                media = media_type_of(http_type);
                if (!media.empty() && !is_html_type(media)) {
                    ev_.skipped("not HTML (" + media + ")");
                    return;
                }
                bool body_cut = false;
                r.bytes = decode_http_body(http, block, opts_.max_record_size, &body_cut);
                r.truncated = r.truncated || body_cut;
                r.charset = charset_of(http_type);
                if (!r.fetched) r.fetched = parse_http_date(http.header("Date"));
            } catch (const RecordError& e) {
                reject_record(std::move(r), e.what());
                return;
            }
            // No Content-Type at all: let the parsers sniff the body, unless the MIME
            // Sniffing standard calls it binary. A body labelled HTML goes to the HTML
            // parser, which decides whether it decodes as text (parse/charset.hpp).
            r.format = media.empty() ? RecordFormat::Unknown : RecordFormat::Html;
            if (media.empty() && sniffs_binary(r.bytes)) {
                ev_.skipped("not HTML (binary, no Content-Type)");
                return;
            }
            ev_.record(std::move(r));
        } else if (type == "resource") {
            std::string media = media_type_of(ctype);
            if (!is_html_type(media)) {
                ev_.skipped("WARC resource not HTML (" + (media.empty() ? "no type" : media) + ")");
                return;
            }
            r.bytes = std::move(block);
            r.charset = charset_of(ctype);
            r.format = RecordFormat::Html;
            ev_.record(std::move(r));
        } else if (type == "conversion") {
            std::string media = media_type_of(ctype);
            if (!media.empty() && media != "text/plain") {
                ev_.skipped("WARC conversion not plain text (" + media + ")");
                return;
            }
            r.bytes = std::move(block);
            r.charset = charset_of(ctype);
            r.format = RecordFormat::Text;
            r.container = "wet";
            ev_.record(std::move(r));
        } else if (type == "revisit") {
            if (ev_.unchanged) ev_.unchanged(origin);
        } else if (type == "request" || type == "metadata" || type == "warcinfo") {
            ev_.skipped("WARC " + type + " record");
        } else {
            ev_.skipped("WARC record of unknown type '" + type + "'");
        }
    }

    BufferedInput& in_;
    const std::string& path_;
    const SourceOptions& opts_;
    const SourceEvents& ev_;
    std::uint64_t reported_ = 0;
    bool quiet_resync_ = false;
};

} // namespace

bool is_warc_version(std::string_view s) {
    return s.size() >= 8 && s.substr(0, 5) == "WARC/" && is_digit(s[5]) && s[6] == '.' &&
           is_digit(s[7]);
}

void read_warc(BufferedInput& in, const std::string& path, const SourceOptions& opts,
               const SourceEvents& ev) {
    WarcReader(in, path, opts, ev).run();
}

} // namespace morgue
