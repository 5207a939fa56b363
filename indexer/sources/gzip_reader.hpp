// Byte inputs for the sources: a plain file (or stdin) and a streaming gzip decoder (zlib)
// behind one interface, so the WARC and JSON Lines readers never care which they read.
//
// The gzip decoder handles multi-member files (one member per WARC record, as crawlers
// write them) and whole-file gzip alike. A damaged member (corrupt deflate data, or a
// member cut short) does not end the stream: read() stops at the damage and returns 0,
// damage() says where and why, and resume() skips to the next gzip member's magic bytes,
// so the records in the members after it are kept.
//
// inflate_bytes() decodes an in-memory gzip/zlib/raw-deflate/brotli body (HTTP
// Content-Encoding) with a cap on the inflated size, against zip bombs.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace morgue {

struct Damage {
    std::uint64_t offset = 0; // file offset of the damaged gzip member
    std::string reason;       // "truncated gzip member", "corrupt gzip data (...)"
    bool cut = false;         // the input ended inside the member: what it gave before is exact
};

class ByteInput {
  public:
    virtual ~ByteInput() = default;
    // Up to n bytes into out; 0 at the end of the input or at a damaged region
    // (then damage() is set until resume()).
    virtual std::size_t read(char* out, std::size_t n) = 0;
    virtual const std::optional<Damage>& damage() const = 0;
    virtual void resume() = 0;
    // Bytes of the underlying file consumed so far (compressed bytes for gzip).
    virtual std::uint64_t consumed() const = 0;
    // Where the byte at decoded position pos came from: the file offset of its gzip
    // member and its offset inside the member's inflated data. For a plain file, {pos, 0}.
    // Valid for positions not older than the last forget_before().
    struct Location {
        std::uint64_t member = 0;
        std::uint64_t within = 0;
    };
    virtual Location locate(std::uint64_t pos) const = 0;
    virtual void forget_before(std::uint64_t pos) = 0;
    // Decoded offset where the gzip member at file offset `member` ends, when the next
    // member has been reached; else the largest value. Plain files: the largest value.
    virtual std::uint64_t member_end(std::uint64_t member) const = 0;
    virtual bool compressed() const = 0;
    // Size in bytes of the decoded input when it is known up front (a plain regular
    // file), else 0: lets a reader tell a Content-Length that runs past the end of the
    // file before skipping it.
    virtual std::uint64_t known_size() const { return 0; }
};

// Owns f unless it is stdin. `prefix` holds bytes already read from f (a sniffed head).
std::unique_ptr<ByteInput> make_plain_input(std::FILE* f, std::string prefix = {});
std::unique_ptr<ByteInput> make_gzip_input(std::FILE* f, std::string prefix = {});

// Opens path ("-" for stdin) and sniffs the gzip magic: the result is already decoded.
// Throws Error with the reason when the file cannot be opened.
std::unique_ptr<ByteInput> open_input(const std::string& path);

bool has_gzip_magic(std::string_view head);

enum class Coding { Gzip, Deflate, Brotli };

// Decodes a whole in-memory body. Throws RecordError when the data is corrupt or
// would inflate past max_out bytes. With cut given, data that ends before its stream does
// (a capture cut short) is not an error: what it decodes to is returned and *cut set.
std::string inflate_bytes(std::string_view in, Coding coding, std::uint64_t max_out,
                          bool* cut = nullptr);

} // namespace morgue
