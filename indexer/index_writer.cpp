#include "index_writer.hpp"

#include "document_builder.hpp"
#include "errors.hpp"
#include "hash.hpp"
#include "schema.hpp"
#include "stored_article.hpp"
#include "text.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <signal.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace morgue {

namespace {

namespace fs = std::filesystem;

// The files a Xapian glass database holds, and nothing else: what marks a directory (or a
// temporary of ours) as Xapian's, which Morgue may replace or remove.
bool xapian_file(const std::string& name) {
    auto ends = [&](std::string_view suffix) {
        return name.size() > suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return name == "iamglass" || name == "flintlock" || name == "v.tmp" || ends(".glass") ||
           ends(".tmp");
}

// A directory holding nothing but Xapian's files (or nothing at all).
bool only_xapian_files(const fs::path& dir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!xapian_file(e.path().filename().string())) return false;
        if (!e.is_regular_file(ec)) return false;
    }
    return !ec;
}

// Removes a directory of Xapian's files file by file, never anything else in it.
void remove_xapian_dir(const fs::path& dir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (xapian_file(e.path().filename().string())) fs::remove(e.path(), ec);
    fs::remove(dir, ec);
}

// Holds an exclusive flock on a directory (the index's parent) while a new index is
// created in it, so two runs starting together on a new index create it once: the
// second finds the first's whole index and waits for its write lock.
class DirLock {
  public:
    explicit DirLock(const fs::path& dir) : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY)) {
        if (fd_ >= 0) ::flock(fd_, LOCK_EX);
    }
    ~DirLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    DirLock(const DirLock&) = delete;
    DirLock& operator=(const DirLock&) = delete;

  private:
    int fd_;
};

fs::path parent_of(const fs::path& target) {
    fs::path parent = fs::absolute(target).lexically_normal();
    if (!parent.has_filename()) parent = parent.parent_path();
    return parent.parent_path();
}

// A new index is created beside its path and renamed into place once it has committed,
// so a kill at any moment leaves either no index or a whole one, never a directory that
// cannot be opened (found by killing morgue-index right at its start). A directory that
// holds anything but Xapian's files is the user's: refused, never written into.
void create_index_atomically(const std::string& path) {
    fs::path target(path);
    DirLock lock(parent_of(target));
    std::error_code ec;
    bool exists = fs::exists(fs::symlink_status(target, ec)) || fs::exists(target, ec);
    if (exists) {
        if (!fs::is_directory(target, ec)) throw Error(path + ": exists and is not a directory");
        if (fs::exists(target / "iamglass", ec)) return; // an index: Xapian opens it
        if (!only_xapian_files(target))
            throw Error(path +
                        ": a directory that is not a Morgue index and not empty; refusing to "
                        "write into it (give --db a new or empty directory)");
    }
    fs::path tmp = fs::absolute(target).lexically_normal();
    if (!tmp.has_filename()) tmp = tmp.parent_path();
    tmp += ".creating-" + std::to_string(::getpid());
    remove_xapian_dir(tmp);
    {
        Xapian::WritableDatabase fresh(tmp.string(), Xapian::DB_CREATE);
        fresh.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
        fresh.commit();
        fresh.close();
    }
    // An empty directory, or one a killed older version began: Xapian's files only.
    if (exists) {
        if (fs::is_symlink(target, ec)) target = fs::canonical(target, ec);
        for (const auto& e : fs::directory_iterator(target, ec))
            fs::remove(e.path(), ec);
    }
    fs::rename(tmp, target, ec); // rename(2) replaces an empty directory in one step
    if (ec) {
        remove_xapian_dir(tmp);
        throw Error(path + ": cannot create the index (" + ec.message() + ")");
    }
}

// A temporary copy beside the index, "news.db.compact-1234" or "news.db.creating-1234",
// whose process is gone (killed during a compaction): removed, and said so.
void remove_stale_temporaries(const fs::path& target) {
    fs::path abs = fs::absolute(target).lexically_normal();
    if (!abs.has_filename()) abs = abs.parent_path();
    std::string base = abs.filename().string();
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(abs.parent_path(), ec)) {
        std::string name = e.path().filename().string();
        std::string_view rest;
        for (std::string_view tag : {".compact-", ".creating-"}) {
            std::string prefix = base + std::string(tag);
            if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0)
                rest = std::string_view(name).substr(prefix.size());
        }
        if (rest.empty() || rest.find_first_not_of("0123456789") != std::string_view::npos ||
            rest.size() > 9)
            continue;
        pid_t pid = static_cast<pid_t>(std::stol(std::string(rest)));
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue; // alive
        if (!e.is_directory(ec) || e.is_symlink(ec) || !only_xapian_files(e.path())) continue;
        remove_xapian_dir(e.path());
        std::cerr << "morgue-index: removed " << sanitize_line(e.path().string())
                  << ", a temporary copy left by an interrupted run (process " << pid << ")\n";
    }
}

// Writing needs the index directory to be writable: say so, rather than wait for a
// lock that no other process holds.
void check_writable(const std::string& path) {
    if (::access(path.c_str(), W_OK) == 0) return;
    int e = errno;
    if (e == EACCES || e == EROFS || e == EPERM)
        throw Error(path + ": permission denied: cannot write to this index (" + std::strerror(e) +
                    ")");
}

} // namespace

bool only_xapian_files(const std::string& dir) {
    return only_xapian_files(fs::path(dir));
}

void remove_xapian_dir(const std::string& dir) {
    remove_xapian_dir(fs::path(dir));
}

bool is_index_dir(const std::string& path) {
    std::error_code ec;
    return !path.empty() && fs::exists(fs::path(path) / "iamglass", ec);
}

IndexWriter::IndexWriter(const std::string& path, double lock_timeout_s, bool no_sync, bool create)
    : path_(path), shard_(no_sync) {
    if (path.empty()) throw Error("no index directory given (--db '')");
    if (!create && !is_index_dir(path))
        throw Error(path + ": no Morgue index here; run morgue-index first");
    try {
        if (create) create_index_atomically(path);
    } catch (const Xapian::Error& e) {
        check_writable(parent_of(path).string());
        throw Error(describe_xapian_error(path, e));
    }
    check_writable(path);
    auto start = std::chrono::steady_clock::now();
    bool told = false;
    for (;;) {
        try {
            db_ = Xapian::WritableDatabase(path,
                                           Xapian::DB_OPEN | (no_sync ? Xapian::DB_NO_SYNC : 0));
            break;
        } catch (const Xapian::DatabaseLockError& e) {
            check_writable(path);
            double waited =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (waited >= lock_timeout_s)
                throw Error(path + ": another morgue-index is writing this index; gave up after " +
                            std::to_string(static_cast<int>(lock_timeout_s)) +
                            " s (--lock-timeout)");
            if (!told) {
                std::cerr << "morgue-index: " << sanitize_line(path)
                          << ": waiting for another morgue-index to finish...\n";
                told = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        } catch (const Xapian::Error& e) {
            throw Error(describe_xapian_error(path, e));
        }
    }
    std::string version = db_.get_metadata(kSchemaVersionKey);
    if (version.empty()) {
        if (db_.get_doccount() > 0)
            throw Error(path + ": this index was not written by morgue-index");
        db_.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
    } else if (version != std::to_string(kSchemaVersion)) {
        throw Error(path + ": index has schema version " + version + ", this morgue-index writes " +
                    std::to_string(kSchemaVersion) + "; index into a new --db or delete it");
    }
    committed_ = db_.get_doccount();
    remove_stale_temporaries(path);
}

IndexWriter::~IndexWriter() {
    // Commit explicitly in commit(); here only give up pending changes quietly.
    try {
        db_.close();
    } catch (...) {
    }
}

bool RunDeduper::first_time(const Article& a) {
    return ids_.insert(hash64(a.id)).second;
}

std::string IndexWriter::failure(const Xapian::Error& e) const {
    std::string what =
        disk_full_error(e)
            ? path_ + ": disk full (ENOSPC: " + std::string(std::strerror(ENOSPC)) + ")"
            : describe_xapian_error(path_, e);
    if (shard_) return what; // ShardWriters counts the shards' commits together
    return what + "; " + std::to_string(committed_) +
           " articles were committed before it and the index is usable; the articles since "
           "are not in it (free space, then run the same command again)";
}

Outcome IndexWriter::add(const Article& a, Xapian::Document& doc) {
    try {
        return add_unchecked(a, doc);
    } catch (const Xapian::Error& e) {
        throw Error(failure(e));
    }
}

Outcome IndexWriter::add_unchecked(const Article& a, Xapian::Document& doc) {
    std::string term = id_term(a.id);
    Xapian::PostingIterator p = db_.postlist_begin(term);
    Outcome outcome = Outcome::Indexed;
    if (p != db_.postlist_end(term)) {
        Xapian::Document old = db_.get_document(*p);
        // The same article read again from another file (a re-crawl, a renamed dump) is
        // unchanged: where it was read from is not part of what it says.
        if (same_stored_article(old.get_data(), doc.get_data())) return Outcome::Unchanged;
        db_.replace_document(*p, doc);
        outcome = Outcome::Updated;
    } else {
        db_.replace_document(term, doc);
    }
    for (const auto& w : spelling_words(a))
        db_.add_spelling(w);
    ++pending_docs_;
    pending_bytes_ += doc.get_data().size();
    return outcome;
}

void IndexWriter::set_commit_every(std::uint64_t docs, std::uint64_t bytes) {
    every_docs_ = std::max<std::uint64_t>(1, docs);
    every_bytes_ = std::max<std::uint64_t>(1, bytes);
}

void IndexWriter::commit_if_due() {
    if (pending_docs_ >= every_docs_ || pending_bytes_ >= every_bytes_) commit();
}

void IndexWriter::commit() {
    pending_docs_ = pending_bytes_ = 0;
    try {
        db_.commit();
        committed_ = db_.get_doccount();
    } catch (const Xapian::Error& e) {
        throw Error(failure(e));
    }
}

bool IndexWriter::remove(const std::string& id) {
    std::string term = id_term(id);
    try {
        if (db_.postlist_begin(term) == db_.postlist_end(term)) return false;
        db_.delete_document(term);
    } catch (const Xapian::Error& e) {
        throw Error(failure(e));
    }
    return true;
}

} // namespace morgue
