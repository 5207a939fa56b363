#include "jsonl_reader.hpp"

#include "text.hpp"

namespace morgue {

namespace {

// True when the input stops at a damage before the next line ends, and the line that
// started at pos lies in the damaged member.
bool damaged_next(BufferedInput& in, std::uint64_t pos) {
    while (in.data().find('\n') == std::string_view::npos)
        if (in.want(in.data().size() + 1) <= in.data().size()) break;
    if (in.data().find('\n') != std::string_view::npos || !in.damage_ahead()) return false;
    return in.locate(pos).member == in.damage_ahead()->offset;
}

} // namespace

void read_jsonl(BufferedInput& in, const std::string& path, const SourceOptions& opts,
                const SourceEvents& ev) {
    std::uint64_t line_no = 0, reported = 0;
    std::string line;
    bool too_long = false;
    auto progress = [&] {
        std::uint64_t now = in.consumed();
        if (now > reported && ev.progress) ev.progress(now - reported);
        reported = now;
    };
    // One more byte than the cap, so that a line of exactly the cap is not "too long".
    std::size_t cap = static_cast<std::size_t>(
        std::min<std::uint64_t>(opts.max_record_size + 2, std::size_t(-1) / 2));
    for (;;) {
        std::uint64_t pos = in.position();
        if (!in.read_line(line, cap, too_long)) {
            if (!in.damage()) break;
            const Damage& d = *in.damage();
            ev.rejected(record_at(path + "@" + std::to_string(d.offset), path, d.offset), d.reason);
            in.resume();
            continue;
        }
        ++line_no;
        std::string origin = path + ":" + std::to_string(line_no);
        bool ended = !line.empty() && line.back() == '\n';
        if (!ended && in.damage()) {
            // The line was cut by a damaged gzip member: one rejection for both.
            const Damage& d = *in.damage();
            ev.rejected(record_at(origin, path, d.offset), d.reason);
            in.resume();
            continue;
        }
        if (in.compressed() && damaged_next(in, pos)) {
            // This line and the cut one after it came out of a damaged gzip member (a
            // member cut short inflates into the next one): one rejection for both.
            const Damage d = *in.damage_ahead();
            ev.rejected(record_at(origin, path, d.offset), d.reason);
            in.resume();
            continue;
        }
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.pop_back();
        if (too_long || line.size() > opts.max_record_size) {
            ev.rejected(record_at(origin, path, pos), "line larger than --max-record-size (" +
                                                          std::to_string(opts.max_record_size) +
                                                          " bytes)");
            continue;
        }
        if (trim(line).empty()) continue; // blank lines separate nothing and hold nothing
        Record r;
        r.bytes = std::move(line);
        line.clear();
        r.origin = std::move(origin);
        r.path = path;
        r.offset = in.compressed() ? in.locate(pos).member : pos;
        r.format = RecordFormat::Json;
        r.container = "jsonl";
        ev.record(std::move(r));
        progress();
    }
    progress();
}

} // namespace morgue
