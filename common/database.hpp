// A read-only index that keeps up with writers: morgue-search's one-shot commands, its
// --batch loop, morgue-index stats and morgue-serve read through it.
//
// Writers commit while we read (Xapian then throws DatabaseModifiedError once the blocks
// we read are reused), `morgue-index compact` swaps the whole directory (a reader holding
// the old files sees an old index for ever, and one opening mid-swap may see
// DatabaseCorruptError or DatabaseOpeningError for a moment). LiveDatabase::read() runs a
// read with a bounded reopen-and-retry loop; refresh() brings a long-lived reader up to
// date before each query, reopening from the path when the directory was swapped.
//
// How the index is opened (local directories, remote shards, stub files) is the
// caller's: LiveDatabase only calls the opener again. Not thread-safe, like
// Xapian::Database: one per thread.
#pragma once

#include <xapian.h>

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

// Opens the index from scratch (throws Xapian::Error or morgue::Error).
using DatabaseOpener = std::function<Xapian::Database()>;

struct RetryPolicy {
    int attempts = 8; // reads tried in all, the first included
    // Pause before a retry after a transient error, doubled each time up to max_pause:
    // 2+4+...+128 ms, a quarter of a second in all, outlasts a directory swap and a burst
    // of commits while keeping a real error quick to report.
    std::chrono::milliseconds first_pause{2};
    std::chrono::milliseconds max_pause{128};
};

class LiveDatabase {
  public:
    // specs: what the opener opens (directories, stub files, remote URLs), to notice a
    // changed or swapped directory cheaply; specs that are not local files are polled
    // with Database::reopen(). Opens at once, retrying transient errors.
    LiveDatabase(std::vector<std::string> specs, DatabaseOpener open, RetryPolicy policy = {});

    Xapian::Database& db() { return db_; }
    const std::vector<std::string>& specs() const { return specs_; }

    // Brings the view up to the newest commit, one stat() per local index when nothing
    // changed: a commit or a deletion is read with Database::reopen(); a directory
    // swapped by a compaction is opened again from its path. True when the view changed.
    bool refresh();

    // Opens again from the specs before the next read (a remote shard failed: its
    // connection, and the others', cannot be trusted).
    void invalidate() { need_ = Need::Open; }

    // Counts changes of the view: anything derived from db() (a QueryParser's database,
    // a date span) is stale when this moved.
    unsigned long generation() const { return generation_; }
    // Counts openings from the specs: document ids read before one may name other
    // documents after it (a compaction renumbers them).
    unsigned long openings() const { return openings_; }

    // Runs fn(db()) and returns its result. DatabaseModifiedError reopens and retries;
    // DatabaseCorruptError and DatabaseOpeningError (a directory being swapped) pause,
    // open again from the path and retry; any other DatabaseError and DocNotFoundError
    // retry only when the index changed since it was opened; after policy.attempts the last error
    // is thrown. fn may run several times, so it must not have side effects it cannot repeat.
    template <class F> auto read(F&& fn) -> decltype(fn(std::declval<Xapian::Database&>())) {
        for (int attempt = 1;; ++attempt) {
            try {
                catch_up();
                return fn(db_);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt >= policy_.attempts) throw;
                failed(attempt, Need::Reopen);
            } catch (const Xapian::DatabaseCorruptError&) {
                if (attempt >= policy_.attempts) throw;
                failed(attempt, Need::Open);
            } catch (const Xapian::DatabaseOpeningError& e) {
                if (attempt >= policy_.attempts || !transient(e)) throw;
                failed(attempt, Need::Open);
            } catch (const Xapian::DatabaseError&) {
                // Any other database error while a writer committed or a compaction
                // swapped the directory under the read ("EOF reading block 106" in a
                // --count during a commit): retried. In an index that did not change,
                // the error is real: thrown at once.
                Need need = compare(stamps());
                if (attempt >= policy_.attempts || need == Need::Nothing) throw;
                failed(attempt, need);
            } catch (const Xapian::DocNotFoundError&) {
                // A document that vanished mid-read the same way ("Document 1 not found").
                Need need = compare(stamps());
                if (attempt >= policy_.attempts || need == Need::Nothing) throw;
                failed(attempt, need);
            }
        }
    }

  private:
    // One index directory's state: the directory itself (a compaction swaps in another)
    // and its version file (Xapian writes a new one at every commit).
    struct Stamp {
        unsigned long long dir_dev = 0, dir_ino = 0;
        unsigned long long ino = 0, size = 0;
        long long mtime_ns = 0;
        bool operator==(const Stamp&) const = default;
    };
    enum class Need { Nothing, Reopen, Open };
    std::vector<Stamp> stamps();
    // What the stamps say db_ needs (Reopen for a commit, Open for a swapped directory).
    Need compare(const std::vector<Stamp>& now) const;
    // Does what need_ says (may throw a transient error: read() retries it).
    void catch_up();
    // After a transient error: reopen before the next try, after a pause (none for the
    // first DatabaseModifiedError: a commit happened, the newest revision is there).
    void failed(int attempt, Need need);
    // A missing index is final at the first opening; later it is a swap without
    // RENAME_EXCHANGE (maintenance.cpp) in progress. A format version error is final.
    bool transient(const Xapian::DatabaseOpeningError& e) const;

    std::vector<std::string> specs_;
    DatabaseOpener open_;
    RetryPolicy policy_;
    Xapian::Database db_;
    std::vector<Stamp> stamps_;
    bool poll_ = false; // a spec is not a local index: refresh() asks Database::reopen()
    Need need_ = Need::Open;
    unsigned long generation_ = 0, openings_ = 0;
};

} // namespace morgue
