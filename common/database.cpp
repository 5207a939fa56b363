#include "database.hpp"

#include <algorithm>
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
        Stamp s;
        struct stat dir {};
        struct stat version {};
        // A stub file or a remote shard says nothing about the databases behind it:
        // those are polled with Database::reopen().
        if (::stat(spec.c_str(), &dir) == 0 && S_ISDIR(dir.st_mode) &&
            ::stat((spec + "/iamglass").c_str(), &version) == 0) {
            s.dir_dev = dir.st_dev;
            s.dir_ino = dir.st_ino;
            s.ino = version.st_ino;
            s.size = static_cast<unsigned long long>(version.st_size);
            s.mtime_ns = static_cast<long long>(version.st_mtim.tv_sec) * 1000000000LL +
                         version.st_mtim.tv_nsec;
        } else {
            poll_ = true;
        }
        out.push_back(s);
    }
    return out;
}

LiveDatabase::Need LiveDatabase::compare(const std::vector<Stamp>& now) const {
    if (now.size() != stamps_.size()) return Need::Open;
    Need need = Need::Nothing;
    for (std::size_t i = 0; i < now.size(); ++i) {
        if (now[i].dir_dev != stamps_[i].dir_dev || now[i].dir_ino != stamps_[i].dir_ino)
            return Need::Open;
        if (!(now[i] == stamps_[i])) need = Need::Reopen;
    }
    return need;
}

void LiveDatabase::catch_up() {
    if (need_ == Need::Nothing) return;
    // Stamps before opening: a commit landing in between makes the next refresh() look
    // again, never miss it.
    std::vector<Stamp> now = stamps();
    bool changed = true;
    if (need_ == Need::Open) {
        db_ = open_();
        ++openings_;
    } else {
        changed = db_.reopen();
    }
    stamps_ = std::move(now);
    need_ = Need::Nothing;
    if (changed) ++generation_;
}

void LiveDatabase::failed(int attempt, Need need) {
    // A "modified" error on an index whose directory was swapped needs opening afresh.
    if (need == Need::Reopen && compare(stamps()) == Need::Open) need = Need::Open;
    need_ = std::max(need_, need);
    if (attempt == 1 && need == Need::Reopen) return;
    auto pause = policy_.first_pause * (1 << std::min(attempt - 1, 16));
    std::this_thread::sleep_for(std::min(pause, policy_.max_pause));
}

bool LiveDatabase::transient(const Xapian::DatabaseOpeningError& e) const {
    std::string type = e.get_type();
    if (type == "DatabaseVersionError") return false;
    if (type == "DatabaseNotFoundError") return openings_ > 0;
    return true;
}

bool LiveDatabase::refresh() {
    need_ = std::max(need_, compare(stamps()));
    if (need_ == Need::Nothing && poll_) need_ = Need::Reopen;
    if (need_ == Need::Nothing) return false;
    unsigned long before = generation_;
    read([](Xapian::Database&) {});
    return generation_ != before;
}

} // namespace morgue
