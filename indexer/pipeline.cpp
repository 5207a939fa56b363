#include "pipeline.hpp"

#include "article_json.hpp"
#include "bounded_queue.hpp"
#include "document_builder.hpp"
#include "errors.hpp"
#include "hash.hpp"
#include "index_writer.hpp"
#include "maintenance.hpp"
#include "parse/parse.hpp"
#include "schema.hpp"
#include "shard_writers.hpp"
#include "sources/sources.hpp"
#include "text.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sys/stat.h>
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
    bool other_shard = false; // --shard: another shard's article, not indexed here
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

namespace fs = std::filesystem;

// The inputs as a bulk build records them: absolute, so the same command run from
// another directory still resumes.
std::vector<std::string> input_key(const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        fs::path p = in == "-" ? fs::path("-") : fs::weakly_canonical(fs::absolute(in), ec);
        out.push_back(ec ? in : p.string());
    }
    return out;
}

// --errors FILE is written from its start: refuse a file that is also an input (it would
// be emptied before it is read) and an existing file that is not an earlier errors file.
void check_errors_file(const std::string& file, const std::vector<std::string>& inputs) {
    struct stat es {};
    if (::stat(file.c_str(), &es) != 0) return; // a new file
    for (const auto& in : inputs) {
        struct stat is {};
        int rc = in == "-" ? ::fstat(STDIN_FILENO, &is) : ::stat(in.c_str(), &is);
        if (rc == 0 && is.st_dev == es.st_dev && is.st_ino == es.st_ino)
            throw Error(file + ": the --errors file is also an input; choose another file");
    }
    if (!S_ISREG(es.st_mode) || es.st_size == 0) return; // a terminal, /dev/stderr, empty
    std::ifstream f(file);
    std::string line;
    std::getline(f, line);
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("reason") || !j.contains("record"))
        throw Error(file +
                    ": exists and is not a morgue-index errors file; refusing to overwrite it "
                    "(remove it, or choose another --errors file)");
}

// Runs a function on every path out of a scope, an exception included.
struct AtExit {
    std::function<void()> fn;
    ~AtExit() { fn(); }
};

// Thrown in the reader thread when the run has stopped (its queue closed).
struct ReaderStopped {};

Summary run_pipeline(const IndexOptions& opts, std::ostream& out, std::ostream& err, unsigned jobs,
                     std::chrono::steady_clock::time_point start, IndexWriter* writer,
                     ShardWriters* shards, const std::string& bulk_dir) {
    Summary summary;
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
    std::thread reader;
    std::vector<std::thread> parsers;
    parsers.reserve(jobs);
    // Every path out, an exception included, stops and joins the threads: a std::thread
    // destroyed unjoined calls std::terminate ("terminate called without an active
    // exception", seen with --jobs 100000 and with two runs on one new index).
    AtExit join_all{[&] {
        in_q.close();
        out_q.close();
        if (reader.joinable()) reader.join();
        for (auto& t : parsers)
            if (t.joinable()) t.join();
    }};
    auto push = [&](Item&& it) {
        if (!in_q.push(std::move(it))) throw ReaderStopped{};
    };

    reader = std::thread([&] {
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
                push(std::move(it));
            };
            ev.rejected = [&](const Record& where, const std::string& why) {
                Item it;
                it.seq = next_seq++;
                it.kind = Item::Kind::Reject;
                it.record = where;
                it.reason = why;
                push(std::move(it));
            };
            ev.unchanged = [&](const std::string& origin) {
                Item it;
                it.seq = next_seq++;
                it.kind = Item::Kind::Unchanged;
                it.record.origin = origin;
                push(std::move(it));
            };
            ev.skipped = [&](const std::string& why) {
                Item it;
                it.seq = next_seq++;
                it.kind = Item::Kind::Skip;
                it.reason = why;
                push(std::move(it));
            };
            ev.progress = [&](std::uint64_t n) { bytes_read += n; };
            read_inputs(opts.inputs, so, ev);
        } catch (const ReaderStopped&) {
            // the run stopped: nothing more to read
        } catch (...) {
            reader_error = std::current_exception();
        }
        in_q.close();
    });

    std::atomic<unsigned> parsers_left{jobs};
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
                        p.other_shard =
                            opts.shards && shard_of(p.article->id, opts.shards) != opts.shard;
                        // Another shard's article is counted, not built.
                        if (!p.other_shard && !opts.dry_run) p.doc = builder.build(*p.article);
                    } catch (const std::exception& e) {
                        // The document boundary: whatever one record does, it is rejected
                        // (named and counted), never the run.
                        p.kind = Item::Kind::Reject;
                        p.reason = e.what();
                        p.article.reset();
                    } catch (const Xapian::Error& e) {
                        p.kind = Item::Kind::Reject;
                        p.reason = e.get_type() + std::string(": ") + e.get_msg();
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
            ++summary.skipped[sanitize_line(p.reason)];
            return;
        case Item::Kind::Unchanged:
            summary.count(Outcome::Unchanged);
            return;
        case Item::Kind::Reject:
            // File names, WARC headers and reasons quoting them are untrusted: one line
            // each, no escape sequence or bidi control reaches the terminal.
            ++summary.rejected[sanitize_line(p.reason)];
            err << "morgue-index: " << sanitize_line(p.origin) << ": " << sanitize_line(p.reason)
                << '\n';
            if (errors.is_open()) {
                errors << dump_json({{"file", p.path.empty() ? p.origin : p.path},
                                     {"offset", p.offset},
                                     {"record", p.origin},
                                     {"record_id", p.record_id.empty()
                                                       ? nlohmann::ordered_json(nullptr)
                                                       : nlohmann::ordered_json(p.record_id)},
                                     {"reason", p.reason}})
                       << '\n';
                if (!errors)
                    throw Error(opts.errors_file + ": cannot write the --errors file (" +
                                std::strerror(errno) + ")");
            }
            return;
        case Item::Kind::Record:
            break;
        }
        if (p.other_shard) {
            // Shards split by id, and only the same id twice is a duplicate: the shard
            // that owns the id counts it as one run over the whole dump would.
            ++summary.skipped["other shard (--shard " + std::to_string(opts.shard) + "/" +
                              std::to_string(opts.shards) + ")"];
            return;
        }
        // Identity decides: only the same id twice is a duplicate, and the later one wins.
        bool duplicate = !dedupe.first_time(*p.article);
        if (opts.dry_run) {
            summary.count(Outcome::Indexed, duplicate, p.article->truncated);
            if (opts.print == "jsonl") {
                out << dump_json(article_to_json(*p.article)) << '\n';
                check_stdout(out); // `> /dev/full` is an error; `| head` ends quietly
            }
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
    join_all.fn();
    progress.finish();
    if (!opts.print.empty() && !writer_error) {
        // Before the summary: stderr is tied to stdout, and its write would flush this
        // buffer and lose the cause of a failure.
        errno = 0;
        out.flush();
        check_stdout(out);
    }
    if (writer_error) std::rethrow_exception(writer_error);
    if (reader_error) std::rethrow_exception(reader_error);
    if (shards) {
        shards->finish(summary);
        Xapian::Database all = shards->as_one();
        if (all.get_doccount() > 0) compact_into_place(all, opts.db);
        all.close();
        remove_bulk_dir(bulk_dir);
    } else if (writer) {
        writer->commit();
    }
    summary.bytes = bytes_read;
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace

Summary run_indexing(const IndexOptions& opts, std::ostream& out, std::ostream& err) {
    auto start = std::chrono::steady_clock::now();
    unsigned jobs = opts.jobs ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());

    if (!opts.errors_file.empty()) check_errors_file(opts.errors_file, opts.inputs);

    // The index's own writer holds its lock for the whole run. A build into an empty
    // index on several cores goes through shard writers beside it (shard_writers.hpp),
    // compacted into it at the end; otherwise this writer writes every article itself.
    std::unique_ptr<IndexWriter> writer;
    std::unique_ptr<ShardWriters> shards;
    std::string bulk_dir = bulk_dir_of(opts.db);
    bool bulk_created = false;
    auto note = [&](const std::string& line) {
        if (!opts.quiet) err << "morgue-index: " << sanitize_line(line) << '\n';
    };
    if (!opts.dry_run) {
        writer = std::make_unique<IndexWriter>(opts.db, opts.lock_timeout);
        writer->set_commit_every(opts.commit_every, kCommitBytes);
        bool empty = writer->db().get_doccount() == 0;
        std::error_code ec;
        bool bulk_exists = fs::exists(fs::symlink_status(bulk_dir, ec));
        auto manifest = bulk_exists ? read_bulk_manifest(bulk_dir) : std::nullopt;
        std::vector<std::string> inputs = input_key(opts.inputs);
        if (bulk_exists && manifest && !empty) {
            // Left by a bulk run killed after its index was swapped in: nothing to resume.
            remove_bulk_dir(bulk_dir);
            note("removed " + bulk_dir + ", left by an interrupted bulk build");
        } else if (bulk_exists && empty) {
            std::string discard = "; to discard it: rm -r '" + bulk_dir + "'";
            if (!manifest)
                throw Error(bulk_dir + ": exists but is not a bulk build of this morgue-index" +
                            discard);
            if (manifest->inputs != inputs)
                throw Error(bulk_dir + ": holds an unfinished bulk build of other inputs (" +
                            (manifest->inputs.empty() ? "" : manifest->inputs.front()) +
                            (manifest->inputs.size() > 1 ? ", ..." : "") +
                            "); run that command again to finish it" + discard);
            if (std::string bad = check_shards(bulk_dir, manifest->shards); !bad.empty())
                throw Error(bulk_dir + ": " + bad + discard);
            note("resuming the unfinished bulk build in " + bulk_dir);
            shards = std::make_unique<ShardWriters>(bulk_dir, manifest->shards, opts.commit_every,
                                                    kCommitBytes);
        } else if (empty && jobs > 1 && !bulk_exists) {
            fs::create_directory(bulk_dir);
            bulk_created = true;
            try {
                write_bulk_manifest(bulk_dir, {jobs, inputs});
                shards =
                    std::make_unique<ShardWriters>(bulk_dir, jobs, opts.commit_every, kCommitBytes);
            } catch (...) {
                remove_bulk_dir(bulk_dir);
                throw;
            }
        }
    }
    // A failed bulk build keeps what its shards committed (the same command resumes it),
    // but never leaves a directory of empty shards behind.
    auto drop_empty_bulk = [&] {
        if (!shards) return;
        shards->stop();
        bool nothing = shards->committed() == 0;
        shards.reset();
        if (nothing && bulk_created) remove_bulk_dir(bulk_dir);
    };
    try {
        return run_pipeline(opts, out, err, jobs, start, writer.get(), shards.get(), bulk_dir);
    } catch (...) {
        drop_empty_bulk();
        throw;
    }
}

} // namespace morgue
