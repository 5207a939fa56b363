// The indexing pipeline's threads: the bounded queue between them, and whole runs with
// several parser threads. Tagged [pipeline]: CI runs these under ThreadSanitizer too
// (-DMORGUE_SANITIZE=thread, scripts/test).
#include "bounded_queue.hpp"
#include "options.hpp"
#include "pipeline.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace morgue;

namespace {

struct TempDir {
    TempDir() {
        std::string t = (std::filesystem::temp_directory_path() / "morgue-pipe-XXXXXX").string();
        path = ::mkdtemp(t.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string path;
};

IndexOptions options(const std::string& db, unsigned jobs, std::uint64_t commit_every) {
    IndexOptions o;
    o.db = db;
    o.inputs = {std::string(MORGUE_SOURCE_DIR) + "/sample_corpus"};
    o.jobs = jobs;
    o.commit_every = commit_every;
    o.quiet = true;
    return o;
}

} // namespace

TEST_CASE("bounded queue: every item pushed by 3 producers is popped once by 2 consumers",
          "[pipeline]") {
    BoundedQueue<int> q(4);
    const int per_producer = 5000;
    std::atomic<long long> sum{0};
    std::atomic<int> popped{0};
    std::vector<std::thread> consumers, producers;
    for (int c = 0; c < 2; ++c)
        consumers.emplace_back([&] {
            int v;
            while (q.pop(v)) {
                sum += v;
                ++popped;
            }
        });
    for (int p = 0; p < 3; ++p)
        producers.emplace_back([&, p] {
            for (int i = 1; i <= per_producer; ++i)
                q.push(p * per_producer + i);
        });
    for (auto& t : producers)
        t.join();
    q.close();
    for (auto& t : consumers)
        t.join();
    const long long n = 3LL * per_producer;
    CHECK(popped == n);
    CHECK(sum == n * (n + 1) / 2);
}

TEST_CASE("bounded queue: close wakes a blocked producer and a blocked consumer", "[pipeline]") {
    BoundedQueue<int> full(1), empty(1);
    full.push(1);
    std::thread producer([&] { full.push(2); }); // blocks: full
    int v = 0;
    bool got = true;
    std::thread consumer([&] { got = empty.pop(v); }); // blocks: empty
    full.close();
    empty.close();
    producer.join();
    consumer.join();
    CHECK_FALSE(got);
    CHECK(full.pop(v)); // what was queued before close is still drained
    CHECK(v == 1);
    CHECK_FALSE(full.pop(v));
}

TEST_CASE("pipeline: two parser threads index the sample corpus, a second run changes nothing",
          "[pipeline]") {
    TempDir tmp;
    std::string db = tmp.path + "/p.db";
    std::ostringstream out, err;
    Summary first = run_indexing(options(db, 2, 7), out, err);
    INFO(err.str());
    CHECK(first.rejected_total() == 0);
    CHECK(first.indexed > 20);
    Xapian::Database d(db);
    CHECK(d.get_doccount() == first.indexed);
    Summary again = run_indexing(options(db, 2, 7), out, err);
    CHECK(again.indexed == 0);
    CHECK(again.unchanged + again.duplicate == first.articles());
    CHECK(Xapian::Database(db).get_doccount() == first.indexed);
}

TEST_CASE("pipeline: --dry-run --print jsonl is the same with 1 and 2 parser threads",
          "[pipeline]") {
    TempDir tmp;
    auto run = [&](unsigned jobs) {
        IndexOptions o = options(tmp.path + "/none.db", jobs, 10000);
        o.dry_run = true;
        o.print = "jsonl";
        std::ostringstream out, err;
        run_indexing(o, out, err);
        return out.str();
    };
    std::string one = run(1);
    CHECK(!one.empty());
    CHECK(run(2) == one);
    CHECK_FALSE(std::filesystem::exists(tmp.path + "/none.db"));
}
