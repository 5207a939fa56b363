#include "shard_writers.hpp"

#include "hash.hpp"
#include "index_writer.hpp"

#include <filesystem>

namespace morgue {

namespace fs = std::filesystem;

ShardWriters::ShardWriters(const std::string& dir, unsigned count, std::uint64_t commit_docs,
                           std::uint64_t commit_bytes)
    : commit_docs_(std::max<std::uint64_t>(1, commit_docs)),
      commit_bytes_(std::max<std::uint64_t>(1, commit_bytes)) {
    count = std::max(1u, count);
    fs::create_directories(dir);
    for (unsigned i = 0; i < count; ++i) {
        auto shard = std::make_unique<Shard>();
        shard->path = (fs::path(dir) / std::to_string(i)).string();
        shard->queue = std::make_unique<BoundedQueue<Job>>(64);
        Shard* s = shard.get();
        // Open here, on the calling thread, so a failure surfaces at once.
        auto writer = std::make_shared<IndexWriter>(s->path, 0, /*no_sync=*/true);
        s->thread = std::thread([s, writer] {
            Job job;
            while (s->queue->pop(job)) {
                if (s->error) continue; // drain
                try {
                    if (job.commit)
                        writer->commit();
                    else
                        s->counts.count(writer->add(job.article, job.doc), job.duplicate,
                                        job.article.truncated);
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

void ShardWriters::add(Article&& a, Xapian::Document&& doc, bool duplicate) {
    rethrow();
    Shard& s = *shards_[hash64(a.id) % shards_.size()];
    ++pending_docs_;
    pending_bytes_ += doc.get_data().size();
    s.queue->push(Job{std::move(a), std::move(doc), false, duplicate});
    if (pending_docs_ >= commit_docs_ || pending_bytes_ >= commit_bytes_) {
        pending_docs_ = pending_bytes_ = 0;
        for (auto& shard : shards_)
            shard->queue->push(Job{Article{}, Xapian::Document{}, true});
    }
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
        summary.duplicate += s->counts.duplicate;
        summary.truncated += s->counts.truncated;
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
