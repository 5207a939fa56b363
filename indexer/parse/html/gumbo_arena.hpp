// Memory for one gumbo parse. gumbo makes a few thousand small allocations per page (nodes,
// strings, vectors, and buffers it grows by copying) and frees each one again, node by
// node, when the tree is destroyed; malloc and free were a seventh of the parse. Here
// gumbo allocates from large blocks, frees nothing, and the whole tree goes at once with
// the arena.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <vector>

namespace morgue {

class GumboArena {
  public:
    // Options that make gumbo allocate from this arena.
    void use_in(GumboOptions& opts) {
        opts.allocator = &GumboArena::allocate;
        opts.deallocator = &GumboArena::deallocate;
        opts.userdata = this;
    }
    // Bytes taken from the system so far.
    std::size_t reserved() const { return reserved_; }

  private:
    static void* allocate(void* self, std::size_t size);
    static void deallocate(void*, void*) {} // all memory goes with the arena

    void* take(std::size_t size);

    struct Free {
        void operator()(void* p) const { std::free(p); }
    };
    std::vector<std::unique_ptr<void, Free>> blocks_; // malloc'ed: aligned for any type
    char* next_ = nullptr;
    std::size_t left_ = 0;
    std::size_t reserved_ = 0;
};

} // namespace morgue
