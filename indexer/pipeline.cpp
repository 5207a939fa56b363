#include "pipeline.hpp"

#include "article_json.hpp"
#include "bounded_queue.hpp"
#include "document_builder.hpp"
#include "errors.hpp"
#include "index_writer.hpp"
#include "maintenance.hpp"
#include "parse/parse.hpp"
#include "shard_writers.hpp"
#include "sources/sources.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <unistd.h>

namespace morgue {

namespace {

// What flows from the reader to the writer: a record to parse, or an event the reader
// already decided (a skip or a rejection), kept in order with the records.
struct Item {
    std::uint64_t seq = 0;
    Record record;
    enum class Kind { Record, Skip, Reject, Unchanged } kind = Kind::Record;
    std::string reason;
};

struct Parsed {
    std::uint64_t seq = 0;
    Item::Kind kind = Item::Kind::Record;
    std::string origin;
    std::string path;
    std::uint64_t offset = 0;
    std::string record_id;
    std::string reason; // skip or reject reason
    std::optional<Article> article;
    Xapian::Document doc;
};

class Progress {
  public:
    Progress(bool enabled, std::uint64_t total) : on_(enabled), total_(total) {}
    void update(const Summary& s, std::uint64_t bytes, std::uint64_t records, double secs) {
        if (!on_) return;
        auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(250)) return;
        last_ = now;
        (void)s;
        double rate = secs > 0 ? static_cast<double>(records) / secs : 0;
        char buf[200];
        int n = std::snprintf(buf, sizeof buf, "\r%llu records, %.1f MB, %.0f records/s",
                              static_cast<unsigned long long>(records),
                              static_cast<double>(bytes) / 1e6, rate);
        std::string line(buf, static_cast<std::size_t>(n));
        if (total_ > 0 && bytes > 0 && secs > 1) {
            double left = secs * (static_cast<double>(total_) / static_cast<double>(bytes) - 1);
            std::snprintf(buf, sizeof buf, ", %.0f%%, ETA %.0f s",
                          100.0 * static_cast<double>(bytes) / static_cast<double>(total_),
                          left > 0 ? left : 0);
            line += buf;
        }
        std::fprintf(stderr, "%s\x1b[K", line.c_str());
        shown_ = true;
    }
    void finish() {
        if (shown_) std::fprintf(stderr, "\r\x1b[K");
    }

  private:
    bool on_;
    std::uint64_t total_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

// Stored article data written between commits, all writers together. Xapian holds a
// batch in memory at many times its size: on 6,000 generated 6 KB articles, 32 MiB
// peaked at 564 MB RSS and 8 MiB at 220 MB, and the smaller batches were faster too
// (23.7 s of CPU against 31.2 s): /usr/bin/time -v morgue-index --db D corpus/.
constexpr std::uint64_t kCommitBytes = 8ull << 20;

// Where a bulk build keeps its shards: beside the index, "news.db" -> "news.db.bulk".
std::string bulk_dir_of(const std::string& db) {
    std::filesystem::path p = std::filesystem::absolute(db).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    p += ".bulk";
    return p.string();
}

} // namespace

Summary run_indexing(const IndexOptions& opts, std::ostream& out, std::ostream& err) {
    auto start = std::chrono::steady_clock::now();
    Summary summary;
    unsigned jobs = opts.jobs ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());

    // The index's own writer holds its lock for the whole run. A build into an empty
    // index on several cores goes through shard writers beside it (shard_writers.hpp),
    // compacted into it at the end; otherwise this writer writes every article itself.
    std::unique_ptr<IndexWriter> writer;
    std::unique_ptr<ShardWriters> shards;
    std::string bulk_dir = bulk_dir_of(opts.db);
    if (!opts.dry_run) {
        writer = std::make_unique<IndexWriter>(opts.db, opts.lock_timeout);
        writer->set_commit_every(opts.commit_every, kCommitBytes);
        unsigned resume = ShardWriters::existing(bulk_dir);
        if (writer->db().get_doccount() == 0 && (resume > 0 || jobs > 1)) {
            shards = std::make_unique<ShardWriters>(bulk_dir, resume ? resume : jobs,
                                                    opts.commit_every, kCommitBytes);
        } else {
            // Left by a bulk run killed after its index was swapped in: nothing to resume.
            std::error_code ec;
            std::filesystem::remove_all(bulk_dir, ec);
        }
    }
    RunDeduper dedupe;

    std::ofstream errors;
    if (!opts.errors_file.empty()) {
        errors.open(opts.errors_file);
        if (!errors) throw Error(opts.errors_file + ": cannot write the --errors file");
    }

    BoundedQueue<Item> in_q(jobs * 4);
    BoundedQueue<Parsed> out_q(jobs * 4);
    std::atomic<std::uint64_t> bytes_read{0};
    std::atomic<std::uint64_t> next_seq{0};
    std::exception_ptr reader_error;

    std::thread reader([&] {
        try {
            SourceOptions so;
            so.max_record_size = opts.max_record_size;
            so.stdin_format = opts.stdin_format;
            so.follow_symlinks = opts.follow_symlinks;
            SourceEvents ev;
            ev.record = [&](Record&& r) {
                Item it;
                it.seq = next_seq++;
                it.record = std::move(r);
                in_q.push(std::move(it));
            };
            ev.rejected = [&](const Record& where, const std::string& why) {
                Item it;
                it.seq = next_seq++;
                it.kind = Item::Kind::Reject;
                it.record = where;
                it.reason = why;
                in_q.push(std::move(it));
            };
            ev.unchanged = [&](const std::string& origin) {
                Item it;
                it.seq = next_seq++;
                it.kind = Item::Kind::Unchanged;
                it.record.origin = origin;
                in_q.push(std::move(it));
            };
            ev.skipped = [&](const std::string& why) {
                Item it;
                it.seq = next_seq++;
                it.kind = Item::Kind::Skip;
                it.reason = why;
                in_q.push(std::move(it));
            };
            ev.progress = [&](std::uint64_t n) { bytes_read += n; };
            read_inputs(opts.inputs, so, ev);
        } catch (...) {
            reader_error = std::current_exception();
        }
        in_q.close();
    });

    std::atomic<unsigned> parsers_left{jobs};
    std::vector<std::thread> parsers;
    for (unsigned j = 0; j < jobs; ++j) {
        parsers.emplace_back([&] {
            DocumentBuilder builder;
            Item it;
            while (in_q.pop(it)) {
                Parsed p;
                p.seq = it.seq;
                p.kind = it.kind;
                p.origin = it.record.origin;
                p.path = it.record.path;
                p.offset = it.record.offset;
                p.record_id = it.record.record_id;
                p.reason = it.reason;
                if (it.kind == Item::Kind::Record) {
                    try {
                        p.article = parse_record(it.record);
                        if (!opts.dry_run) p.doc = builder.build(*p.article);
                    } catch (const std::exception& e) {
                        p.kind = Item::Kind::Reject;
                        p.reason = e.what();
                        p.article.reset();
                    }
                }
                out_q.push(std::move(p));
            }
            if (--parsers_left == 0) out_q.close();
        });
    }

    Progress progress(!opts.quiet && isatty(STDERR_FILENO), input_size(opts.inputs));
    std::map<std::uint64_t, Parsed> pending; // reorder buffer, bounded by the queues
    std::uint64_t expect = 0, records = 0;
    std::exception_ptr writer_error;
    auto handle = [&](Parsed& p) {
        ++records;
        switch (p.kind) {
        case Item::Kind::Skip:
            ++summary.skipped[p.reason];
            return;
        case Item::Kind::Unchanged:
            summary.count(Outcome::Unchanged);
            return;
        case Item::Kind::Reject:
            ++summary.rejected[p.reason];
            err << "morgue-index: " << p.origin << ": " << p.reason << '\n';
            if (errors)
                errors << dump_json({{"file", p.path.empty() ? p.origin : p.path},
                                     {"offset", p.offset},
                                     {"record", p.origin},
                                     {"record_id", p.record_id.empty()
                                                       ? nlohmann::ordered_json(nullptr)
                                                       : nlohmann::ordered_json(p.record_id)},
                                     {"reason", p.reason}})
                       << '\n';
            return;
        case Item::Kind::Record:
            break;
        }
        // Identity decides: only the same id twice is a duplicate, and the later one wins.
        bool duplicate = !dedupe.first_time(*p.article);
        if (opts.dry_run) {
            summary.count(Outcome::Indexed, duplicate, p.article->truncated);
            if (opts.print == "jsonl") out << dump_json(article_to_json(*p.article)) << '\n';
            return;
        }
        if (shards) {
            shards->add(std::move(*p.article), std::move(p.doc), duplicate);
            return;
        }
        summary.count(writer->add(*p.article, p.doc), duplicate, p.article->truncated);
        writer->commit_if_due();
    };
    Parsed p;
    while (out_q.pop(p)) {
        if (writer_error) continue; // drain so the other threads can finish
        try {
            pending.emplace(p.seq, std::move(p));
            for (auto it = pending.find(expect); it != pending.end(); it = pending.find(expect)) {
                handle(it->second);
                pending.erase(it);
                ++expect;
            }
            double secs =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            progress.update(summary, bytes_read, records, secs);
        } catch (...) {
            writer_error = std::current_exception();
            in_q.close();
        }
    }
    reader.join();
    for (auto& t : parsers)
        t.join();
    progress.finish();
    if (writer_error) std::rethrow_exception(writer_error);
    if (reader_error) std::rethrow_exception(reader_error);
    if (shards) {
        shards->finish(summary);
        Xapian::Database all = shards->as_one();
        if (all.get_doccount() > 0) compact_into_place(all, opts.db);
        shards.reset();
        std::error_code ec;
        std::filesystem::remove_all(bulk_dir, ec);
    } else if (writer) {
        writer->commit();
    }
    summary.bytes = bytes_read;
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace morgue
