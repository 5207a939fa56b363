// The WARC reader over the same byte inputs the sources use. The first byte picks how the
// rest is read:
//   0: as a plain file
//   1: through the gzip decoder, the bytes gzipped here first (one member per "WARC/1."
//      record when bit 2 is set, else one member), so the fuzzer explores WARC structure
//   2: through the gzip decoder as they are (damaged members, resynchronisation)
//   bit 3: read the input like a pipe (the first bytes already sniffed), which takes the
//          decoder's non-seekable path
// The records that come out are then parsed like the indexer parses them.
#include "errors.hpp"
#include "parse/parse.hpp"
#include "sources/buffered_input.hpp"
#include "sources/gzip_reader.hpp"
#include "sources/warc_reader.hpp"

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

std::string gzip(std::string_view in) {
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, in.size()) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(out.size() - zs.avail_out);
    deflateEnd(&zs);
    return out;
}

// One gzip member per record, as crawlers write them.
std::string gzip_members(std::string_view in) {
    std::string out;
    std::size_t start = 0;
    while (start < in.size()) {
        std::size_t next = in.find("\nWARC/1.", start + 1);
        std::size_t end = next == std::string_view::npos ? in.size() : next + 1;
        out += gzip(in.substr(start, end - start));
        start = end;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    unsigned mode = data[0];
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::string bytes;
    switch (mode % 3) {
    case 0:
    case 2:
        bytes.assign(rest);
        break;
    case 1:
        bytes = (mode & 4) ? gzip_members(rest) : gzip(rest);
        break;
    }
    std::FILE* f = fmemopen(bytes.data(), bytes.size(), "rb");
    if (!f) return 0;
    std::string prefix;
    if (mode & 8) {
        char head[2];
        prefix.assign(head, std::fread(head, 1, 2, f));
    }
    bool gz = mode % 3 != 0;
    morgue::BufferedInput in(gz ? morgue::make_gzip_input(f, prefix)
                                : morgue::make_plain_input(f, prefix));
    morgue::SourceOptions opts;
    opts.max_record_size = 1 << 20;
    morgue::SourceEvents ev;
    std::size_t records = 0;
    ev.record = [&](morgue::Record&& r) {
        if (r.bytes.size() > opts.max_record_size) __builtin_trap();
        if (++records > 8) return; // parsing is the HTML fuzzer's job; a taste is enough
        try {
            morgue::parse_record(r);
        } catch (const morgue::RecordError&) {
        }
    };
    ev.rejected = [](const morgue::Record& where, const std::string& reason) {
        if (reason.empty() || !where.bytes.empty()) __builtin_trap();
    };
    ev.skipped = [](const std::string&) {};
    ev.unchanged = [](const std::string&) {};
    ev.progress = [](std::uint64_t) {};
    morgue::read_warc(in, "fuzz.warc", opts, ev);
    return 0;
}
