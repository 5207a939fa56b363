// The JSON Lines reader and the JSON article parser: the bytes are read as a .jsonl file
// (plain, or through the gzip decoder when they start with the gzip magic), and every
// line that comes out is parsed as the indexer parses it.
#include "errors.hpp"
#include "parse/parse.hpp"
#include "sources/buffered_input.hpp"
#include "sources/gzip_reader.hpp"
#include "sources/jsonl_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    std::FILE* f = fmemopen(bytes.data(), bytes.size(), "rb");
    if (!f) return 0;
    bool gz = morgue::has_gzip_magic(bytes);
    morgue::BufferedInput in(gz ? morgue::make_gzip_input(f) : morgue::make_plain_input(f));
    morgue::SourceOptions opts;
    opts.max_record_size = 1 << 20;
    morgue::SourceEvents ev;
    ev.record = [&](morgue::Record&& r) {
        if (r.bytes.size() > opts.max_record_size) __builtin_trap();
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
    morgue::read_jsonl(in, "fuzz.jsonl", opts, ev);
    return 0;
}
