// A read-ahead buffer over a ByteInput with what the record readers need: lines with a
// length cap, exact-length blocks, skipping, and pushing bytes back (to re-scan a block
// whose Content-Length was wrong). Memory is bounded by the largest line or block asked
// for, never by the input.
#pragma once

#include "gzip_reader.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace morgue {

class BufferedInput {
  public:
    explicit BufferedInput(std::unique_ptr<ByteInput> in) : in_(std::move(in)) {}

    // Buffers at least n bytes unless the input ends (or is damaged) first.
    // Returns how many bytes are buffered.
    std::size_t want(std::size_t n);
    std::string_view data() const { return std::string_view(buf_).substr(pos_); }
    void consume(std::size_t n);

    // The next line, '\n' included. False when no byte is left before the end or a
    // damage. A line longer than max is cut to max bytes (the rest is consumed) and
    // too_long is set.
    bool read_line(std::string& line, std::size_t max, bool& too_long);
    // Appends up to n bytes to out; fewer only at the end or a damage.
    std::size_t read_exact(std::string& out, std::size_t n);
    std::uint64_t skip(std::uint64_t n);
    // Like skip, but stops where the gzip member `member` (a file offset) ends.
    std::uint64_t skip_in_member(std::uint64_t n, std::uint64_t member);
    // Puts bytes back in front of the unread data.
    void unread(std::string_view bytes);

    // Decoded offset of data()[0] from the start of the input.
    std::uint64_t position() const { return base_ + pos_; }
    ByteInput::Location locate(std::uint64_t pos) const { return in_->locate(pos); }
    std::uint64_t consumed() const { return in_->consumed(); }
    bool compressed() const { return in_->compressed(); }
    std::uint64_t known_size() const { return in_->known_size(); }

    // Damage stops the buffer like an end of input until resume(). damage() shows it only
    // once the bytes before it are consumed, so a reader meets it where it happened;
    // damage_ahead() shows it as soon as the buffer has reached it.
    const std::optional<Damage>& damage() const { return data().empty() ? in_->damage() : none_; }
    const std::optional<Damage>& damage_ahead() const { return in_->damage(); }
    // Drops what is left before the damage and goes on after it.
    void resume() {
        consume(data().size());
        in_->resume();
    }

  private:
    bool fill();

    std::unique_ptr<ByteInput> in_;
    std::string buf_;
    std::size_t pos_ = 0;
    std::uint64_t base_ = 0; // decoded offset of buf_[0]
    std::optional<Damage> none_;
};

} // namespace morgue
