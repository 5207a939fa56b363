#include "sources.hpp"

#include "record/data.hpp"

#include "buffered_input.hpp"
#include "errors.hpp"
#include "file_walker.hpp"
#include "gzip_reader.hpp"
#include "jsonl_reader.hpp"
#include "text.hpp"
#include "warc_reader.hpp"

#include <filesystem>
#include <unordered_set>

namespace morgue {

namespace fs = std::filesystem;

namespace {

enum class Container { Warc, Jsonl, Whole, Sniff };

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

// By name first: the extension under an optional ".gz".
Container container_by_name(std::string_view name) {
    if (ends_with_ci(name, ".gz")) name.remove_suffix(3);
    if (ends_with_ci(name, ".warc")) return Container::Warc;
    if (ends_with_ci(name, ".jsonl") || ends_with_ci(name, ".ndjson")) return Container::Jsonl;
    if (ends_with_ci(name, ".txt") || ends_with_ci(name, ".html") || ends_with_ci(name, ".htm") ||
        ends_with_ci(name, ".xhtml") || ends_with_ci(name, ".json"))
        return Container::Whole;
    return Container::Sniff;
}

// An unknown name: a WARC starts with its version line; JSON Lines has a first line that
// is one object and more lines after it. Anything else is one whole record.
Container container_by_content(BufferedInput& in) {
    std::size_t have = in.want(64 << 10);
    std::string_view head = in.data().substr(0, have);
    if (is_warc_version(head)) return Container::Warc;
    std::size_t nl = head.find('\n');
    if (nl == std::string_view::npos) return Container::Whole;
    std::string_view first = trim(head.substr(0, nl));
    std::string_view rest = trim(head.substr(nl + 1));
    if (first.size() >= 2 && first.front() == '{' && first.back() == '}' && !rest.empty() &&
        rest.front() == '{')
        return Container::Jsonl;
    return Container::Whole;
}

void read_whole(BufferedInput& in, const std::string& path, RecordFormat format,
                const SourceOptions& opts, const SourceEvents& ev) {
    Record r;
    std::size_t cap = static_cast<std::size_t>(
        std::min<std::uint64_t>(opts.max_record_size + 1, std::size_t(-1) / 2));
    in.read_exact(r.bytes, cap);
    if (ev.progress) ev.progress(in.consumed());
    if (in.damage()) {
        ev.rejected(record_at(path, path, in.damage()->offset), in.damage()->reason);
        return;
    }
    if (r.bytes.size() > opts.max_record_size) {
        ev.rejected(record_at(path, path, 0), "larger than --max-record-size (" +
                                                  std::to_string(opts.max_record_size) + " bytes)");
        return;
    }
    r.origin = path;
    r.path = path;
    r.format = format;
    ev.record(std::move(r));
}

void read_one(const std::string& path, Container c, RecordFormat format, const SourceOptions& opts,
              const SourceEvents& ev) {
    std::unique_ptr<ByteInput> raw;
    try {
        raw = open_input(path);
    } catch (const Error& e) {
        ev.rejected(record_at(path, path, 0), e.what());
        return;
    }
    BufferedInput in(std::move(raw));
    if (c == Container::Sniff) c = container_by_content(in);
    switch (c) {
    case Container::Warc:
        read_warc(in, path, opts, ev);
        break;
    case Container::Jsonl:
        read_jsonl(in, path, opts, ev);
        break;
    case Container::Whole:
    case Container::Sniff:
        read_whole(in, path, format, opts, ev);
        break;
    }
}

} // namespace

Record record_at(std::string origin, std::string path, std::uint64_t offset,
                 std::string record_id) {
    Record r;
    r.origin = std::move(origin);
    r.path = std::move(path);
    r.offset = offset;
    r.record_id = std::move(record_id);
    return r;
}

namespace {

// The extension of a file a directory walk passes over (skipped_extensions.txt), or "".
std::string skipped_extension(const fs::path& p) {
    static const std::unordered_set<std::string> table = [] {
        std::unordered_set<std::string> t;
        for (auto line : split_lines(data::skipped_extensions)) {
            line = trim(line);
            if (!line.empty() && line[0] != '#') t.insert(to_lower_ascii(line));
        }
        return t;
    }();
    std::string ext = p.extension().string();
    if (ext.size() < 2) return {};
    ext = to_lower_ascii(ext.substr(1));
    return table.count(ext) ? ext : std::string();
}

} // namespace

void read_inputs(const std::vector<std::string>& inputs, const SourceOptions& opts,
                 const SourceEvents& ev) {
    for (const auto& in : inputs) {
        if (in == "-") {
            Container c = opts.stdin_format == RecordFormat::Json      ? Container::Jsonl
                          : opts.stdin_format == RecordFormat::Unknown ? Container::Sniff
                                                                       : Container::Whole;
            read_one("-", c, opts.stdin_format, opts, ev);
            continue;
        }
        walk_files(
            in, opts.follow_symlinks,
            [&](const fs::path& p) {
                std::string s = p.string();
                if (s != in) {
                    if (std::string ext = skipped_extension(p); !ext.empty()) {
                        ev.skipped("not an article file (." + ext + ")");
                        return;
                    }
                }
                Container c = container_by_name(p.filename().string());
                if (c == Container::Whole) {
                    // A ".json" file holds one article; ".html.gz" is still HTML.
                    std::string_view n = s;
                    if (ends_with_ci(n, ".gz")) n.remove_suffix(3);
                    read_one(s, c,
                             ends_with_ci(n, ".json") ? RecordFormat::Json : RecordFormat::Unknown,
                             opts, ev);
                } else {
                    read_one(s, c, RecordFormat::Unknown, opts, ev);
                }
            },
            [&](const std::string& where, const std::string& why) {
                ev.rejected(record_at(where, where, 0), why);
            },
            [&](const fs::path&) { ev.skipped("a search index directory, not articles"); });
    }
}

std::uint64_t input_size(const std::vector<std::string>& inputs) {
    std::uint64_t total = 0;
    for (const auto& in : inputs) {
        if (in == "-") return 0;
        walk_files(
            in, false,
            [&](const fs::path& p) {
                std::error_code ec;
                auto s = fs::file_size(p, ec);
                if (!ec) total += s;
            },
            [](const std::string&, const std::string&) {});
    }
    return total;
}

} // namespace morgue
