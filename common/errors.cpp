#include "errors.hpp"

#include "text.hpp"

#include <xapian.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace morgue {

std::string describe_xapian_error(const std::string& db_path, const Xapian::Error& e) {
    // Xapian's exceptions are not polymorphic in RTTI terms: go by get_type().
    std::string type = e.get_type();
    std::string msg = e.get_msg();
    // The system's reason ("No space left on device") is kept apart from the message.
    if (const char* why = e.get_error_string(); why && *why) msg += std::string(" (") + why + ")";
    if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError")
        return db_path + ": no index here (" + msg + "); run morgue-index first";
    if (type == "DatabaseLockError")
        return db_path + ": another morgue-index is writing this index (" + msg + ")";
    if (type == "DatabaseVersionError" || type == "DatabaseCorruptError")
        return db_path + ": " + msg + "; re-index with morgue-index";
    return db_path + ": " + type + ": " + msg;
}

bool disk_full_error(const Xapian::Error& e) {
    const char* why = e.get_error_string();
    return why && std::string_view(why) == std::strerror(ENOSPC);
}

void xapian_try(const std::string& db_path, const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Xapian::Error& e) {
        throw Error(describe_xapian_error(db_path, e));
    }
}

namespace {

// True when standard output is a pipe whose reader has gone (`| head`): poll reports
// POLLERR on the write end. errno alone cannot say: it is long overwritten by the time
// a buffered write fails at exit.
bool stdout_pipe_closed() {
    struct stat st;
    if (::fstat(STDOUT_FILENO, &st) != 0 || !S_ISFIFO(st.st_mode)) return false;
    pollfd p{STDOUT_FILENO, POLLOUT, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

} // namespace

void check_stdout(std::ostream& out) {
    if (out) return;
    int e = errno;
    if (e == EPIPE || stdout_pipe_closed()) throw StdoutClosed();
    if (e == 0) throw Error("cannot write to standard output");
    throw Error(std::string("cannot write to standard output: ") + (e == ENOSPC ? "ENOSPC, " : "") +
                std::strerror(e));
}

int run_main(const char* prog, const std::function<int()>& body) {
    // A closed pipe (`| head`) must end quietly: see EPIPE on write, not a signal.
    std::signal(SIGPIPE, SIG_IGN);
    int rc;
    try {
        rc = body();
        errno = 0;
        std::cout.flush();
        if (std::cout && std::fflush(stdout) != 0) std::cout.setstate(std::ios::badbit);
        check_stdout(std::cout);
    } catch (const StdoutClosed&) {
        return kExitFound;
    } catch (const Xapian::Error& e) {
        std::cerr << prog << ": " << sanitize_line(describe_xapian_error("index", e)) << '\n';
        return kExitError;
    } catch (const std::exception& e) {
        if (!std::cout && (errno == EPIPE || stdout_pipe_closed())) return kExitFound;
        std::cerr << prog << ": " << sanitize_line(e.what()) << '\n';
        return kExitError;
    }
    return rc;
}

} // namespace morgue
