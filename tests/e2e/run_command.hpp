// Runs a command line through /bin/sh and captures its exit code, stdout and stderr.
// End-to-end tests use it to drive the real binaries.
#pragma once

#include <string>

namespace morgue::test {

struct CommandResult {
    int status = -1; // exit code, or -1 if killed
    std::string out;
    std::string err;
};

CommandResult run_command(const std::string& cmd);

// A fresh empty directory under the system temp dir, removed by the destructor.
struct TempDir {
    TempDir();
    ~TempDir();
    std::string path;
};

std::string quote(const std::string& s); // single-quoted for /bin/sh

} // namespace morgue::test
