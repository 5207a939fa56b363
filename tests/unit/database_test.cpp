// LiveDatabase (searcher/database.hpp): reads retried on the errors a writer causes, and
// a long-lived reader brought up to date by refresh(), a swapped directory included.
#include "database.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <string>

using namespace morgue;

namespace {

struct TempDir {
    TempDir() {
        std::string t = (std::filesystem::temp_directory_path() / "morgue-live-XXXXXX").string();
        path = ::mkdtemp(t.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string path;
};

void add_docs(const std::string& path, int n) {
    Xapian::WritableDatabase w(path, Xapian::DB_CREATE_OR_OPEN);
    for (int i = 0; i < n; ++i) {
        Xapian::Document d;
        d.add_term("word");
        w.add_document(d);
    }
    w.commit();
}

RetryPolicy quick() {
    RetryPolicy p;
    p.attempts = 4;
    p.first_pause = std::chrono::milliseconds(1);
    p.max_pause = std::chrono::milliseconds(2);
    return p;
}

} // namespace

TEST_CASE("LiveDatabase: refresh() sees a commit, and nothing when nothing changed") {
    TempDir tmp;
    std::string db = tmp.path + "/a.db";
    add_docs(db, 2);
    int opened = 0;
    LiveDatabase live({db}, [&] {
        ++opened;
        return Xapian::Database(db);
    });
    CHECK(opened == 1);
    CHECK(live.db().get_doccount() == 2);
    CHECK_FALSE(live.refresh());
    auto gen = live.generation();
    add_docs(db, 3);
    CHECK(live.refresh());
    CHECK(live.generation() != gen);
    CHECK(live.db().get_doccount() == 5);
    CHECK(opened == 1); // a commit is read with Database::reopen(), not a new opening
    CHECK_FALSE(live.refresh());
}

TEST_CASE("LiveDatabase: refresh() opens a swapped directory (a compaction) from its path") {
    TempDir tmp;
    std::string db = tmp.path + "/a.db", other = tmp.path + "/b.db";
    add_docs(db, 2);
    add_docs(other, 7);
    LiveDatabase live({db}, [&] { return Xapian::Database(db); });
    CHECK(live.db().get_doccount() == 2);
    auto openings = live.openings();
    std::filesystem::rename(db, tmp.path + "/old.db");
    std::filesystem::rename(other, db);
    std::filesystem::remove_all(tmp.path + "/old.db");
    CHECK(live.refresh());
    CHECK(live.openings() == openings + 1);
    CHECK(live.db().get_doccount() == 7);
}

TEST_CASE("LiveDatabase: read() retries transient errors, a bounded number of times") {
    TempDir tmp;
    std::string db = tmp.path + "/a.db";
    add_docs(db, 1);
    LiveDatabase live(
        {db}, [&] { return Xapian::Database(db); }, quick());
    int calls = 0;
    SECTION("DatabaseModifiedError once, then the answer") {
        int n = live.read([&](Xapian::Database& d) {
            if (++calls == 1) throw Xapian::DatabaseModifiedError("revision moved on");
            return static_cast<int>(d.get_doccount());
        });
        CHECK(n == 1);
        CHECK(calls == 2);
    }
    SECTION("DatabaseCorruptError every time: thrown after the last attempt") {
        CHECK_THROWS_AS(live.read([&](Xapian::Database&) -> int {
            ++calls;
            throw Xapian::DatabaseCorruptError("mid-swap");
        }),
                        Xapian::DatabaseCorruptError);
        CHECK(calls == 4);
    }
    SECTION("DocNotFoundError in an index that did not change: thrown at once") {
        CHECK_THROWS_AS(live.read([&](Xapian::Database& d) -> int {
            ++calls;
            return static_cast<int>(d.get_document(99).get_docid());
        }),
                        Xapian::DocNotFoundError);
        CHECK(calls == 1);
    }
    SECTION("DocNotFoundError after a writer committed: retried on the new revision") {
        int n = live.read([&](Xapian::Database& d) {
            if (++calls == 1) {
                add_docs(db, 1); // a commit lands while the read runs
                throw Xapian::DocNotFoundError("Document 1 not found");
            }
            return static_cast<int>(d.get_doccount());
        });
        CHECK(calls == 2);
        CHECK(n == 2); // read again, on the revision with the commit
    }
    SECTION("a DatabaseError mid-commit is retried; in an unchanged index it is not") {
        int n = live.read([&](Xapian::Database& d) {
            if (++calls == 1) {
                add_docs(db, 2);
                throw Xapian::DatabaseError("EOF reading block 106");
            }
            return static_cast<int>(d.get_doccount());
        });
        CHECK(calls == 2);
        CHECK(n == 3);
        CHECK_THROWS_AS(live.read([&](Xapian::Database&) -> int {
            ++calls;
            throw Xapian::DatabaseError("EOF reading block 106");
        }),
                        Xapian::DatabaseError);
        CHECK(calls == 3);
    }
    SECTION("other errors are not retried") {
        CHECK_THROWS_AS(live.read([&](Xapian::Database&) -> int {
            ++calls;
            throw Xapian::InvalidArgumentError("a bug");
        }),
                        Xapian::InvalidArgumentError);
        CHECK(calls == 1);
    }
}

TEST_CASE("LiveDatabase: a missing index fails at once, without retries") {
    TempDir tmp;
    int opened = 0;
    std::string db = tmp.path + "/missing.db";
    CHECK_THROWS_AS(LiveDatabase({db},
                                 [&] {
                                     ++opened;
                                     return Xapian::Database(db);
                                 }),
                    Xapian::DatabaseNotFoundError);
    CHECK(opened == 1);
}

// Searcher::make_hit opens a hit's document with DOC_ASSUME_VALID (no existence lookup)
// and relies on this: an article deleted since the match reads as empty data, and
// get_doclength() then throws DocNotFoundError as get_document(did) would have.
TEST_CASE("a deleted document opened with DOC_ASSUME_VALID: empty data, doclength throws") {
    TempDir dir;
    {
        Xapian::WritableDatabase w(dir.path, Xapian::DB_CREATE_OR_OPEN);
        for (const char* data : {"first record", "second record"}) {
            Xapian::Document d;
            d.add_term("word");
            d.set_data(data);
            w.add_document(d);
        }
        w.commit();
        w.delete_document(1);
        w.commit();
    }
    Xapian::Database db(dir.path);
    CHECK(db.get_document(2, Xapian::DOC_ASSUME_VALID).get_data() == "second record");
    CHECK(db.get_document(1, Xapian::DOC_ASSUME_VALID).get_data().empty());
    CHECK_THROWS_AS(db.get_doclength(1), Xapian::DocNotFoundError);
    CHECK_THROWS_AS(db.get_document(1), Xapian::DocNotFoundError);
}
