#include "sources.hpp"

#include "file_walker.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace morgue {

namespace fs = std::filesystem;

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const {
        if (f && f != stdin) std::fclose(f);
    }
};

// Reads a whole stream, refusing more than max bytes. Returns false with a reason.
bool read_all(std::FILE* f, std::uint64_t max, std::string& out, std::string& why) {
    out.clear();
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        if (out.size() + n > max) {
            why = "larger than --max-record-size (" + std::to_string(max) + " bytes)";
            return false;
        }
        out.append(buf, n);
    }
    if (std::ferror(f)) {
        why = std::strerror(errno);
        return false;
    }
    return true;
}

void read_plain_file(const fs::path& path, const SourceOptions& opts, const SourceEvents& ev) {
    std::string p = path.string();
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(p.c_str(), "rb"));
    if (!f) {
        ev.rejected(p, 0, std::strerror(errno));
        return;
    }
    Record r;
    std::string why;
    if (!read_all(f.get(), opts.max_record_size, r.bytes, why)) {
        ev.rejected(p, 0, why);
        return;
    }
    if (ev.progress) ev.progress(r.bytes.size());
    r.origin = p;
    r.path = p;
    ev.record(std::move(r));
}

} // namespace

void read_inputs(const std::vector<std::string>& inputs, const SourceOptions& opts,
                 const SourceEvents& ev) {
    for (const auto& in : inputs) {
        if (in == "-") {
            Record r;
            std::string why;
            if (!read_all(stdin, opts.max_record_size, r.bytes, why)) {
                ev.rejected("-", 0, why);
                continue;
            }
            if (ev.progress) ev.progress(r.bytes.size());
            r.origin = "-";
            r.path = "-";
            r.format = opts.stdin_format;
            ev.record(std::move(r));
            continue;
        }
        walk_files(
            in, opts.follow_symlinks, [&](const fs::path& p) { read_plain_file(p, opts, ev); },
            [&](const std::string& where, const std::string& why) { ev.rejected(where, 0, why); });
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
