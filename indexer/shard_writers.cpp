#include "shard_writers.hpp"

#include "errors.hpp"
#include "hash.hpp"
#include "index_writer.hpp"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace morgue {

namespace fs = std::filesystem;

ShardWriters::ShardWriters(const std::string& dir, unsigned count, std::uint64_t commit_docs,
                           std::uint64_t commit_bytes)
    : dir_(dir), commit_docs_(std::max<std::uint64_t>(1, commit_docs)),
      commit_bytes_(std::max<std::uint64_t>(1, commit_bytes)) {
    count = std::max(1u, count);
    fs::create_directories(dir);
    try {
        for (unsigned i = 0; i < count; ++i) {
            auto shard = std::make_unique<Shard>();
            shard->path = (fs::path(dir) / std::to_string(i)).string();
            shard->queue = std::make_unique<BoundedQueue<Job>>(64);
            Shard* s = shard.get();
            // Open here, on the calling thread, so a failure surfaces at once.
            s->writer = std::make_shared<IndexWriter>(s->path, 0, /*no_sync=*/true);
            shards_.push_back(std::move(shard));
            s->thread = std::thread([s, writer = s->writer] {
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
        }
    } catch (...) {
        stop(); // every thread started is joined: never std::terminate
        throw;
    }
}

void ShardWriters::stop() {
    for (auto& s : shards_)
        s->queue->close();
    for (auto& s : shards_)
        if (s->thread.joinable()) s->thread.join();
}

std::uint64_t ShardWriters::committed() const {
    std::uint64_t n = 0;
    for (const auto& s : shards_)
        if (s->writer) n += s->writer->committed();
    return n;
}

ShardWriters::~ShardWriters() {
    stop();
}

void ShardWriters::rethrow() {
    for (auto& s : shards_) {
        if (!s->error) continue;
        try {
            std::rethrow_exception(s->error);
        } catch (const std::exception& e) {
            throw Error(std::string(e.what()) + "; " + std::to_string(committed()) +
                        " articles are committed in the bulk build's shards (" + dir_ +
                        "), the index is unchanged; run the same command again to resume");
        }
    }
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
    stop();
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

namespace {
constexpr const char* kManifest = "morgue-bulk.json";
}

std::optional<BulkManifest> read_bulk_manifest(const std::string& dir) {
    std::ifstream f(fs::path(dir) / kManifest);
    if (!f) return std::nullopt;
    auto j = nlohmann::json::parse(f, nullptr, false);
    if (!j.is_object() || !j.contains("shards") || !j["shards"].is_number_unsigned() ||
        !j.contains("inputs") || !j["inputs"].is_array())
        return std::nullopt;
    BulkManifest m;
    m.shards = j["shards"].get<unsigned>();
    for (const auto& in : j["inputs"])
        if (in.is_string()) m.inputs.push_back(in.get<std::string>());
    if (m.shards == 0) return std::nullopt;
    return m;
}

void write_bulk_manifest(const std::string& dir, const BulkManifest& m) {
    nlohmann::json j = {{"morgue_bulk_build", 1}, {"shards", m.shards}, {"inputs", m.inputs}};
    std::ofstream f(fs::path(dir) / kManifest);
    f << j.dump() << '\n';
    f.flush();
    if (!f) throw Error(dir + ": cannot write " + kManifest);
}

std::string check_shards(const std::string& dir, unsigned count) {
    for (unsigned i = 0; i < count; ++i) {
        std::string path = (fs::path(dir) / std::to_string(i)).string();
        if (!is_index_dir(path)) continue; // not begun yet: created on resume
        try {
            if (Xapian::Database::check(path, 0, nullptr) != 0)
                return "shard " + std::to_string(i) + " is damaged";
        } catch (const Xapian::Error& e) {
            return "shard " + std::to_string(i) + " is damaged (" + e.get_msg() + ")";
        } catch (const std::exception& e) {
            return "shard " + std::to_string(i) + " is damaged (" + e.what() + ")";
        }
    }
    return "";
}

void remove_bulk_dir(const std::string& dir) {
    std::error_code ec;
    fs::remove(fs::path(dir) / kManifest, ec);
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        bool ours = !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
        ours = ours || name.find(".creating-") != std::string::npos;
        if (ours && e.is_directory(ec) && !e.is_symlink(ec) && only_xapian_files(e.path().string()))
            remove_xapian_dir(e.path().string());
    }
    fs::remove(dir, ec); // only once empty: anything else in it stays, with it
}

} // namespace morgue
