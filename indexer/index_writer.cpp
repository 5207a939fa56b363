#include "index_writer.hpp"

#include "document_builder.hpp"
#include "errors.hpp"
#include "hash.hpp"
#include "schema.hpp"
#include "stored_article.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace morgue {

namespace {

namespace fs = std::filesystem;

// A directory that Xapian began to create but never finished: no version file, and
// nothing but the files a glass database starts with.
bool unfinished_creation(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / "iamglass", ec)) return false;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        bool xapian_start = name == "flintlock" || name == "v.tmp" ||
                            (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0);
        if (!xapian_start) return false;
    }
    return !ec;
}

// A new index is created beside its path and renamed into place once it has committed,
// so a kill at any moment leaves either no index or a whole one, never a directory that
// cannot be opened (found by killing morgue-index right at its start).
void create_index_atomically(const std::string& path) {
    fs::path target(path);
    std::error_code ec;
    if (fs::exists(target, ec)) {
        if (!fs::is_directory(target, ec)) return; // let Xapian say what is wrong
        if (!fs::is_empty(target, ec) && !unfinished_creation(target)) return;
    }
    fs::path tmp = target;
    tmp += ".creating-" + std::to_string(::getpid());
    fs::remove_all(tmp, ec);
    {
        Xapian::WritableDatabase fresh(tmp.string(), Xapian::DB_CREATE);
        fresh.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
        fresh.commit();
        fresh.close();
    }
    if (fs::exists(target, ec)) fs::remove_all(target, ec); // empty or unfinished
    fs::rename(tmp, target, ec);
    if (ec) fs::remove_all(tmp, ec); // another process created it first: use theirs
}

} // namespace

IndexWriter::IndexWriter(const std::string& path, double lock_timeout_s, bool no_sync)
    : path_(path) {
    try {
        create_index_atomically(path);
    } catch (const Xapian::Error& e) {
        throw Error(describe_xapian_error(path, e));
    }
    auto start = std::chrono::steady_clock::now();
    bool told = false;
    for (;;) {
        try {
            db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN |
                                                     (no_sync ? Xapian::DB_NO_SYNC : 0));
            break;
        } catch (const Xapian::DatabaseLockError& e) {
            double waited =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (waited >= lock_timeout_s)
                throw Error(path + ": another morgue-index is writing this index; gave up after " +
                            std::to_string(static_cast<int>(lock_timeout_s)) +
                            " s (--lock-timeout)");
            if (!told) {
                std::cerr << "morgue-index: " << path
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

Outcome IndexWriter::add(const Article& a, Xapian::Document& doc) {
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
    } catch (const Xapian::Error& e) {
        throw Error(describe_xapian_error(path_, e));
    }
}

bool IndexWriter::remove(const std::string& id) {
    std::string term = id_term(id);
    if (db_.postlist_begin(term) == db_.postlist_end(term)) return false;
    db_.delete_document(term);
    return true;
}

} // namespace morgue
