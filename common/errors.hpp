// Errors cross one boundary: code throws morgue::Error (or lets a Xapian exception out),
// main() catches everything and prints one line with the program name. Exit codes are
// the scripting contract: 0 found / work done, 1 nothing found, 2 usage or input error.
#pragma once

#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>

namespace Xapian {
class Error;
}

namespace morgue {

enum ExitCode : int { kExitFound = 0, kExitNotFound = 1, kExitError = 2 };

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A problem with one input record: it is named, counted and skipped, never fatal.
struct RecordError : Error {
    using Error::Error;
};

// Standard output's reader has gone (`| head`): the program ends quietly with 0.
struct StdoutClosed : std::exception {
    const char* what() const noexcept override { return "standard output closed"; }
};

// After writing to standard output: nothing when the stream is good; StdoutClosed when
// its pipe's reader has gone; otherwise Error naming the cause ("cannot write to standard
// output: ENOSPC, No space left on device"), so `> /dev/full` exits 2, not 0.
void check_stdout(std::ostream& out);

// True when Xapian failed for want of disk space (ENOSPC).
bool disk_full_error(const Xapian::Error& e);

// Runs fn, turning Xapian exceptions into morgue::Error with a hint for the user
// ("run morgue-index first", "another morgue-index is running", "re-index").
void xapian_try(const std::string& db_path, const std::function<void()>& fn);

// The message for a Xapian exception, with the hint.
std::string describe_xapian_error(const std::string& db_path, const Xapian::Error& e);

// Runs a program's body: prints "prog: message" (sanitized for the terminal) for any
// exception and returns 2; a closed stdout pipe (EPIPE) ends quietly with 0; a failed
// write to stdout (a full disk, /dev/full) is an error, exit 2.
int run_main(const char* prog, const std::function<int()>& body);

} // namespace morgue
