#include "database.hpp"

#include <sys/stat.h>
#include <thread>

namespace morgue {

LiveDatabase::LiveDatabase(std::vector<std::string> specs, DatabaseOpener open, RetryPolicy policy)
    : specs_(std::move(specs)), open_(std::move(open)), policy_(policy) {
    read([](Xapian::Database&) {});
}

std::vector<LiveDatabase::Stamp> LiveDatabase::stamps() {
    std::vector<Stamp> out;
    out.reserve(specs_.size());
    for (const auto& spec : specs_) {
        struct stat st {};
        // A glass index's version file is replaced at every commit, so its inode and
        // time change; a compacted index swapped in has its own. A stub file or a remote
        // shard says nothing about the databases behind it: those are polled.
        if (::stat((spec + "/iamglass").c_str(), &st) != 0) {
            poll_ = true;
            if (::stat(spec.c_str(), &st) != 0) st = {};
        }
        out.push_back(
            {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino),
             static_cast<unsigned long long>(st.st_size),
             static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec});
    }
    return out;
}

void LiveDatabase::open_from_specs() {
    // Stamps first: a commit landing between the two makes the next refresh() open again,
    // never miss it.
    std::vector<Stamp> now = stamps();
    db_ = open_();
    stamps_ = std::move(now);
    stale_ = false;
    opened_ = true;
    ++generation_;
}

void LiveDatabase::failed(int attempt, bool pause_first) {
    stale_ = true;
    if (attempt == 1 && !pause_first) return;
    auto pause = policy_.first_pause * (1 << std::min(attempt - 1, 16));
    std::this_thread::sleep_for(std::min(pause, policy_.max_pause));
}

bool LiveDatabase::transient(const Xapian::DatabaseOpeningError& e) const {
    std::string type = e.get_type();
    if (type == "DatabaseVersionError") return false;
    if (type == "DatabaseNotFoundError") return opened_;
    return true;
}

bool LiveDatabase::refresh() {
    if (stamps() != stamps_) stale_ = true;
    if (stale_) {
        read([](Xapian::Database&) {});
        return true;
    }
    if (!poll_) return false;
    bool changed = read([](Xapian::Database& db) { return db.reopen(); });
    if (changed) ++generation_;
    return changed;
}

} // namespace morgue
