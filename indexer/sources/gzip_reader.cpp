#include "gzip_reader.hpp"

#include "errors.hpp"

#include <brotli/decode.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <sys/stat.h>
#include <utility>

namespace morgue {

namespace {

constexpr std::size_t kChunk = 1 << 16;
// On a pipe, the compressed bytes of the current member are kept (up to this much) so that
// a damaged member can be re-scanned for the next member's magic, as a seek would.
constexpr std::size_t kMaxHistory = 16 << 20;

void close_file(std::FILE* f) {
    if (f && f != stdin) std::fclose(f);
}

class PlainInput final : public ByteInput {
  public:
    PlainInput(std::FILE* f, std::string prefix) : f_(f), prefix_(std::move(prefix)) {}
    ~PlainInput() override { close_file(f_); }

    std::size_t read(char* out, std::size_t n) override {
        std::size_t got = 0;
        if (prefix_pos_ < prefix_.size()) {
            got = std::min(n, prefix_.size() - prefix_pos_);
            std::memcpy(out, prefix_.data() + prefix_pos_, got);
            prefix_pos_ += got;
        } else {
            got = std::fread(out, 1, n, f_);
            if (got == 0 && std::ferror(f_))
                throw Error(std::string("read error: ") + std::strerror(errno));
        }
        pos_ += got;
        return got;
    }
    const std::optional<Damage>& damage() const override { return none_; }
    void resume() override {}
    std::uint64_t consumed() const override { return pos_; }
    Location locate(std::uint64_t pos) const override { return {pos, 0}; }
    void forget_before(std::uint64_t) override {}
    std::uint64_t member_end(std::uint64_t) const override { return UINT64_MAX; }
    bool compressed() const override { return false; }
    std::uint64_t known_size() const override {
        struct stat st;
        if (::fstat(fileno(f_), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
        return static_cast<std::uint64_t>(st.st_size);
    }

  private:
    std::FILE* f_;
    std::string prefix_;
    std::size_t prefix_pos_ = 0;
    std::uint64_t pos_ = 0;
    std::optional<Damage> none_;
};

class GzipInput final : public ByteInput {
  public:
    GzipInput(std::FILE* f, std::string prefix) : f_(f), in_(kChunk) {
        std::memset(&zs_, 0, sizeof zs_);
        if (inflateInit2(&zs_, 15 + 16) != Z_OK) throw Error("zlib: cannot initialise");
        // The sniffed head goes first; it is never larger than one chunk.
        std::memcpy(in_.data(), prefix.data(), std::min(prefix.size(), in_.size()));
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(std::min(prefix.size(), in_.size()));
        file_pos_ = zs_.avail_in;
        seekable_ = f_ != stdin && prefix.empty() && std::ftell(f_) == 0;
    }
    ~GzipInput() override {
        inflateEnd(&zs_);
        close_file(f_);
    }

    std::size_t read(char* out, std::size_t n) override {
        if (damage_) return 0;
        if (pending_) {
            damage_ = std::move(pending_);
            pending_.reset();
            return 0;
        }
        std::size_t produced = 0;
        while (produced == 0 && n > 0) {
            if (!in_member_) {
                if (!start_member()) return 0; // end of input, or damage
            }
            zs_.next_out = reinterpret_cast<Bytef*>(out + produced);
            zs_.avail_out = static_cast<uInt>(std::min<std::size_t>(n - produced, 1u << 30));
            const Bytef* before = zs_.next_in;
            int rc = inflate(&zs_, Z_NO_FLUSH);
            remember(before);
            std::size_t got = (n - produced) - zs_.avail_out;
            produced += got;
            out_pos_ += got;
            if (rc == Z_STREAM_END) {
                in_member_ = false;
                continue;
            }
            if (rc == Z_OK) continue;
            if (rc == Z_BUF_ERROR && zs_.avail_in == 0) {
                if (refill()) continue;
                return fail(produced, "truncated gzip member", true);
            }
            return fail(produced, std::string("corrupt gzip data (") +
                                      (zs_.msg ? zs_.msg : "inflate error") + ")");
        }
        return produced;
    }

    const std::optional<Damage>& damage() const override { return damage_; }

    void resume() override {
        if (!damage_) return;
        std::uint64_t from = damage_->offset + 1;
        damage_.reset();
        in_member_ = false;
        // Scan for the next member's magic from just after the damaged member's start,
        // so a member cut short does not hide the one that follows it.
        if (seekable_ && fseeko(f_, static_cast<off_t>(from), SEEK_SET) == 0) {
            std::clearerr(f_);
            file_pos_ = from;
            zs_.avail_in = 0;
            eof_ = false;
        } else if (!seekable_ && history_ok_ && from == member_start_ + 1 && !history_.empty()) {
            replay_ = history_.substr(1) +
                      std::string(reinterpret_cast<const char*>(zs_.next_in), zs_.avail_in) +
                      replay_.substr(replay_pos_);
            replay_pos_ = 0;
            file_pos_ = from;
            zs_.avail_in = 0;
        }
        history_.clear();
        scanning_ = true;
    }

    std::uint64_t consumed() const override { return file_pos_ - zs_.avail_in; }

    Location locate(std::uint64_t pos) const override {
        for (auto it = members_.rbegin(); it != members_.rend(); ++it)
            if (it->first <= pos) return {it->second, pos - it->first};
        return {0, pos};
    }

    void forget_before(std::uint64_t pos) override {
        while (members_.size() > 1 && members_[1].first <= pos)
            members_.pop_front();
    }

    std::uint64_t member_end(std::uint64_t member) const override {
        for (std::size_t i = 0; i + 1 < members_.size(); ++i)
            if (members_[i].second == member) return members_[i + 1].first;
        // The member is still being inflated (or already forgotten): no end known yet.
        return UINT64_MAX;
    }

    bool compressed() const override { return true; }

  private:
    bool more() const { return replay_pos_ < replay_.size() || !eof_; }

    void remember(const Bytef* before) {
        if (!history_ok_) return;
        auto used = static_cast<std::size_t>(zs_.next_in - before);
        if (history_.size() + used > kMaxHistory) {
            history_ok_ = false;
            history_.clear();
            return;
        }
        history_.append(reinterpret_cast<const char*>(before), used);
    }

    bool refill() {
        if (!more()) return false;
        std::size_t keep = zs_.avail_in;
        if (keep > 0) std::memmove(in_.data(), zs_.next_in, keep);
        std::size_t got = 0;
        if (replay_pos_ < replay_.size()) {
            got = std::min(in_.size() - keep, replay_.size() - replay_pos_);
            std::memcpy(in_.data() + keep, replay_.data() + replay_pos_, got);
            replay_pos_ += got;
            if (replay_pos_ == replay_.size()) {
                replay_.clear();
                replay_pos_ = 0;
            }
        } else {
            got = std::fread(in_.data() + keep, 1, in_.size() - keep, f_);
            if (got == 0) {
                if (std::ferror(f_))
                    throw Error(std::string("read error: ") + std::strerror(errno));
                eof_ = true;
            }
        }
        file_pos_ += got;
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(keep + got);
        return got > 0;
    }

    // Positions the input at the next member and resets the inflater. False at the end
    // of the input (nothing but NUL padding left) or when what follows is not gzip.
    bool start_member() {
        for (;;) {
            while (zs_.avail_in > 0 && zs_.next_in[0] == 0 && !scanning_) {
                ++zs_.next_in; // NUL padding between or after members
                --zs_.avail_in;
            }
            if (zs_.avail_in < 3 && more()) {
                refill();
                if (zs_.avail_in < 3 && more()) continue;
            }
            if (zs_.avail_in == 0) return false;
            if (scanning_) {
                const Bytef* p = zs_.next_in;
                const Bytef* end = p + zs_.avail_in;
                const Bytef* hit = nullptr;
                for (; p + 2 < end; ++p)
                    if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08) {
                        hit = p;
                        break;
                    }
                if (!hit) {
                    // Keep the last two bytes: a magic may straddle the chunk boundary.
                    std::size_t drop = zs_.avail_in > 2 ? zs_.avail_in - 2 : 0;
                    if (!more()) drop = zs_.avail_in;
                    zs_.next_in += drop;
                    zs_.avail_in -= static_cast<uInt>(drop);
                    if (!more()) return false;
                    refill();
                    continue;
                }
                zs_.avail_in -= static_cast<uInt>(hit - zs_.next_in);
                zs_.next_in = const_cast<Bytef*>(hit);
                scanning_ = false;
            }
            if (zs_.avail_in < 2 || zs_.next_in[0] != 0x1f || zs_.next_in[1] != 0x8b) {
                damage_ = Damage{consumed(), "data after a gzip member is not gzip"};
                return false;
            }
            break;
        }
        member_start_ = consumed();
        members_.emplace_back(out_pos_, member_start_);
        history_.clear();
        history_ok_ = !seekable_;
        inflateReset(&zs_);
        in_member_ = true;
        return true;
    }

    std::size_t fail(std::size_t produced, std::string why, bool cut = false) {
        Damage d{member_start_, std::move(why), cut};
        in_member_ = false;
        if (produced > 0)
            pending_ = std::move(d);
        else
            damage_ = std::move(d);
        return produced;
    }

    std::FILE* f_;
    std::vector<char> in_;
    z_stream zs_;
    std::uint64_t file_pos_ = 0;
    std::uint64_t out_pos_ = 0;
    std::uint64_t member_start_ = 0;
    bool in_member_ = false;
    bool eof_ = false;
    bool seekable_ = false;
    bool scanning_ = false;
    std::string history_; // compressed bytes of the current member (pipes only)
    bool history_ok_ = false;
    std::string replay_; // bytes to read again before the file's next ones
    std::size_t replay_pos_ = 0;
    std::optional<Damage> damage_, pending_;
    std::deque<std::pair<std::uint64_t, std::uint64_t>> members_; // decoded start, file offset
};

std::string inflate_zlib(std::string_view in, int window_bits, std::uint64_t max_out, bool* cut) {
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, window_bits) != Z_OK) throw RecordError("zlib: cannot initialise");
    std::string out;
    char buf[kChunk];
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
        if (out.size() > max_out) {
            inflateEnd(&zs);
            throw RecordError("content inflates past --max-record-size (" +
                              std::to_string(max_out) + " bytes)");
        }
        if (rc == Z_STREAM_END) {
            // Concatenated gzip members: go on with the next one.
            if (window_bits > 15 && zs.avail_in > 0 && zs.next_in[0] == 0x1f) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc == Z_OK) continue;
        if (rc == Z_BUF_ERROR && zs.avail_out != 0) {
            inflateEnd(&zs);
            if (cut && !out.empty()) {
                *cut = true;
                return out;
            }
            throw RecordError("truncated compressed content");
        }
        if (rc != Z_BUF_ERROR) {
            std::string msg = zs.msg ? zs.msg : "inflate error";
            inflateEnd(&zs);
            throw RecordError("corrupt compressed content (" + msg + ")");
        }
    }
    inflateEnd(&zs);
    return out;
}

std::string inflate_brotli(std::string_view in, std::uint64_t max_out, bool* cut) {
    std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> st(
        BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
    if (!st) throw RecordError("brotli: cannot initialise");
    std::string out;
    char buf[kChunk];
    std::size_t avail_in = in.size();
    const auto* next_in = reinterpret_cast<const std::uint8_t*>(in.data());
    for (;;) {
        std::size_t avail_out = sizeof buf;
        auto* next_out = reinterpret_cast<std::uint8_t*>(buf);
        auto rc = BrotliDecoderDecompressStream(st.get(), &avail_in, &next_in, &avail_out,
                                                &next_out, nullptr);
        out.append(buf, sizeof buf - avail_out);
        if (out.size() > max_out)
            throw RecordError("content inflates past --max-record-size (" +
                              std::to_string(max_out) + " bytes)");
        if (rc == BROTLI_DECODER_RESULT_SUCCESS) break;
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            if (cut && !out.empty()) {
                *cut = true;
                return out;
            }
            throw RecordError("truncated compressed content");
        }
        throw RecordError(std::string("corrupt brotli content (") +
                          BrotliDecoderErrorString(BrotliDecoderGetErrorCode(st.get())) + ")");
    }
    return out;
}

} // namespace

bool has_gzip_magic(std::string_view head) {
    return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
           static_cast<unsigned char>(head[1]) == 0x8b;
}

std::unique_ptr<ByteInput> make_plain_input(std::FILE* f, std::string prefix) {
    return std::make_unique<PlainInput>(f, std::move(prefix));
}

std::unique_ptr<ByteInput> make_gzip_input(std::FILE* f, std::string prefix) {
    return std::make_unique<GzipInput>(f, std::move(prefix));
}

std::unique_ptr<ByteInput> open_input(const std::string& path) {
    std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) throw Error(std::strerror(errno));
    char head[2];
    std::size_t n = std::fread(head, 1, 2, f);
    std::string prefix(head, n);
    if (f != stdin && std::fseek(f, 0, SEEK_SET) == 0) prefix.clear();
    if (has_gzip_magic(std::string_view(head, n))) return make_gzip_input(f, std::move(prefix));
    return make_plain_input(f, std::move(prefix));
}

std::string inflate_bytes(std::string_view in, Coding coding, std::uint64_t max_out, bool* cut) {
    switch (coding) {
    case Coding::Gzip:
        return inflate_zlib(in, 15 + 16, max_out, cut);
    case Coding::Deflate:
        // HTTP "deflate" is meant to be zlib-wrapped; some servers send raw deflate.
        try {
            return inflate_zlib(in, 15, max_out, cut);
        } catch (const RecordError& e) {
            if (std::string_view(e.what()).find("max-record-size") != std::string_view::npos) throw;
            return inflate_zlib(in, -15, max_out, cut);
        }
    case Coding::Brotli:
        return inflate_brotli(in, max_out, cut);
    }
    return {};
}

} // namespace morgue
