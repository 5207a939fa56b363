// Runs a program (no shell) with a time bound and a memory bound, for the hostile and
// concurrency tests: the child is killed after `seconds`, and its peak resident memory
// is measured (wait4's rusage). Outside sanitizer builds the child also gets an address
// space limit (RLIMIT_AS), so a runaway allocation fails in the child instead of
// swapping the machine; ASan reserves terabytes of shadow memory, so there the peak RSS
// is the bound.
#pragma once

#include <string>
#include <vector>

namespace morgue::test {

struct BoundedResult {
    int status = -1; // exit code, or -1 when killed by a signal
    int signal = 0;  // the signal that ended it, 0 if it exited
    bool timed_out = false;
    long peak_rss_mb = 0;
    double seconds = 0;
    std::string out, err;
};

// argv[0] is the program path. stdin_file "" means /dev/null.
BoundedResult run_bounded(const std::vector<std::string>& argv, double seconds, long memory_mb,
                          const std::string& stdin_file = "");

// True when this test binary was built with AddressSanitizer or ThreadSanitizer (then so
// were the tools): slower, and no address-space limit (both reserve terabytes).
bool under_sanitizer();

} // namespace morgue::test
