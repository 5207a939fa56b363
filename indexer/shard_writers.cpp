#include "shard_writers.hpp"

#include "hash.hpp"
#include "index_writer.hpp"

#include <filesystem>

namespace morgue {

namespace fs = std::filesystem;

ShardWriters::ShardWriters(const std::string& dir, unsigned count, std::uint64_t commit_docs,
                           std::uint64_t commit_bytes) {
    count = std::max(1u, count);
    fs::create_directories(dir);
    for (unsigned i = 0; i < count; ++i) {
        auto shard = std::make_unique<Shard>();
        shard->path = (fs::path(dir) / std::to_string(i)).string();
        shard->queue = std::make_unique<BoundedQueue<Job>>(64);
        Shard* s = shard.get();
        // Open here, on the calling thread, so a failure surfaces at once.
        auto writer = std::make_shared<IndexWriter>(s->path, 0, /*no_sync=*/true);
        writer->set_commit_every(commit_docs / count, commit_bytes / count);
        s->thread = std::thread([s, writer] {
            Job job;
            while (s->queue->pop(job)) {
                if (s->error) continue; // drain
                try {
                    s->counts.count(writer->add(job.article, job.doc));
                    writer->commit_if_due();
                } catch (...) {
                    s->error = std::current_exception();
                }
            }
            if (!s->error) {
                try {
                    writer->commit();
                } catch (...) {
                    s->error = std::current_exception();
                }
            }
        });
        shards_.push_back(std::move(shard));
    }
}

ShardWriters::~ShardWriters() {
    for (auto& s : shards_)
        s->queue->close();
    for (auto& s : shards_)
        if (s->thread.joinable()) s->thread.join();
}

void ShardWriters::rethrow() {
    for (auto& s : shards_)
        if (s->error) std::rethrow_exception(s->error);
}

void ShardWriters::add(Article&& a, Xapian::Document&& doc) {
    rethrow();
    Shard& s = *shards_[hash64(a.id) % shards_.size()];
    s.queue->push(Job{std::move(a), std::move(doc)});
}

void ShardWriters::finish(Summary& summary) {
    for (auto& s : shards_)
        s->queue->close();
    for (auto& s : shards_)
        if (s->thread.joinable()) s->thread.join();
    rethrow();
    for (auto& s : shards_) {
        summary.indexed += s->counts.indexed;
        summary.updated += s->counts.updated;
        summary.unchanged += s->counts.unchanged;
    }
}

Xapian::Database ShardWriters::as_one() const {
    Xapian::Database db;
    for (auto& s : shards_)
        db.add_database(Xapian::Database(s->path));
    return db;
}

unsigned ShardWriters::existing(const std::string& dir) {
    unsigned n = 0;
    std::error_code ec;
    while (fs::exists(fs::path(dir) / std::to_string(n) / "iamglass", ec))
        ++n;
    return n;
}

} // namespace morgue
