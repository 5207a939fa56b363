#include "gumbo_arena.hpp"

#include <new>

namespace morgue {

namespace {

constexpr std::size_t kAlign = alignof(std::max_align_t);
constexpr std::size_t kBlockBytes = 64 * 1024;

} // namespace

void* GumboArena::allocate(void* self, std::size_t size) {
    return static_cast<GumboArena*>(self)->take(size);
}

void* GumboArena::take(std::size_t size) {
    size = (size + kAlign - 1) / kAlign * kAlign;
    if (size == 0) size = kAlign;
    if (size > left_) {
        // Large requests (long texts, big vectors) get a block of their own, so that the
        // rest of the current block stays in use.
        std::size_t bytes = size > kBlockBytes / 4 ? size : kBlockBytes;
        char* block = static_cast<char*>(std::malloc(bytes));
        if (block == nullptr) throw std::bad_alloc(); // out through C: terminates, loudly
        blocks_.emplace_back(block);
        reserved_ += bytes;
        if (bytes == size) return block;
        next_ = block;
        left_ = bytes;
    }
    void* p = next_;
    next_ += size;
    left_ -= size;
    return p;
}

} // namespace morgue
