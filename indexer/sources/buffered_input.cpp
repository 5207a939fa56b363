#include "buffered_input.hpp"

#include <algorithm>

namespace morgue {

namespace {
constexpr std::size_t kChunk = 1 << 16;
}

bool BufferedInput::fill() {
    if (pos_ > 0 && pos_ >= buf_.size() / 2) {
        buf_.erase(0, pos_);
        base_ += pos_;
        pos_ = 0;
        in_->forget_before(base_);
    }
    std::size_t old = buf_.size();
    buf_.resize(old + kChunk);
    std::size_t got = in_->read(buf_.data() + old, kChunk);
    buf_.resize(old + got);
    return got > 0;
}

std::size_t BufferedInput::want(std::size_t n) {
    while (buf_.size() - pos_ < n)
        if (!fill()) break;
    return buf_.size() - pos_;
}

void BufferedInput::consume(std::size_t n) {
    pos_ += std::min(n, buf_.size() - pos_);
}

bool BufferedInput::read_line(std::string& line, std::size_t max, bool& too_long) {
    line.clear();
    too_long = false;
    std::size_t scanned = 0;
    for (;;) {
        std::string_view d = data();
        std::size_t nl = d.find('\n', scanned);
        if (nl != std::string_view::npos) {
            std::size_t len = nl + 1;
            std::size_t room = max > line.size() ? max - line.size() : 0;
            if (len > room) too_long = true;
            line.append(d.substr(0, std::min(len, room)));
            consume(len);
            return true;
        }
        if (d.size() > max) {
            // Keep the head of an overlong line, drop the rest as it streams by.
            std::size_t room = max > line.size() ? max - line.size() : 0;
            line.append(d.substr(0, std::min(d.size(), room)));
            too_long = true;
            consume(d.size());
            scanned = 0;
        } else {
            scanned = d.size();
        }
        if (!fill()) {
            std::string_view rest = data();
            if (rest.empty() && line.empty()) return false;
            std::size_t room = max > line.size() ? max - line.size() : 0;
            if (rest.size() > room) too_long = true;
            line.append(rest.substr(0, std::min(rest.size(), room)));
            consume(rest.size());
            return true;
        }
    }
}

std::size_t BufferedInput::read_exact(std::string& out, std::size_t n) {
    std::size_t done = 0;
    while (done < n) {
        if (data().empty() && !fill()) break;
        std::string_view d = data();
        std::size_t take = std::min(d.size(), n - done);
        out.append(d.substr(0, take));
        consume(take);
        done += take;
    }
    return done;
}

std::uint64_t BufferedInput::skip(std::uint64_t n) {
    std::uint64_t done = 0;
    while (done < n) {
        if (data().empty() && !fill()) break;
        std::size_t take =
            static_cast<std::size_t>(std::min<std::uint64_t>(data().size(), n - done));
        consume(take);
        done += take;
    }
    return done;
}

std::uint64_t BufferedInput::skip_in_member(std::uint64_t n, std::uint64_t member) {
    std::uint64_t done = 0;
    while (done < n) {
        if (data().empty() && !fill()) break;
        std::uint64_t end = in_->member_end(member);
        if (end <= position()) break;
        std::uint64_t take = std::min<std::uint64_t>({data().size(), n - done, end - position()});
        consume(static_cast<std::size_t>(take));
        done += take;
    }
    return done;
}

void BufferedInput::unread(std::string_view bytes) {
    if (bytes.size() <= pos_) {
        pos_ -= bytes.size();
        buf_.replace(pos_, bytes.size(), bytes);
        return;
    }
    buf_ = std::string(bytes) + buf_.substr(pos_);
    base_ = base_ + pos_ - bytes.size();
    pos_ = 0;
}

} // namespace morgue
