#include "errors.hpp"

#include "text.hpp"

#include <xapian.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace morgue {

std::string describe_xapian_error(const std::string& db_path, const Xapian::Error& e) {
    // Xapian's exceptions are not polymorphic in RTTI terms: go by get_type().
    std::string type = e.get_type();
    std::string msg = e.get_msg();
    if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError")
        return db_path + ": no index here (" + msg + "); run morgue-index first";
    if (type == "DatabaseLockError")
        return db_path + ": another morgue-index is writing this index (" + msg + ")";
    // Readers retry these (database.hpp): one that comes out here outlasted the retries.
    if (type == "DatabaseModifiedError")
        return db_path + ": the index kept changing while it was read (" + msg + "); try again";
    if (type == "DatabaseVersionError" || type == "DatabaseCorruptError")
        return db_path + ": " + msg + "; re-index with morgue-index";
    return db_path + ": " + type + ": " + msg;
}

void xapian_try(const std::string& db_path, const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Xapian::Error& e) {
        throw Error(describe_xapian_error(db_path, e));
    }
}

int run_main(const char* prog, const std::function<int()>& body) {
    // A closed pipe (`| head`) must end quietly: see EPIPE on write, not a signal.
    std::signal(SIGPIPE, SIG_IGN);
    int rc;
    try {
        rc = body();
        std::cout.flush();
        if (std::fflush(stdout) != 0 && errno == EPIPE) return kExitFound;
        if (!std::cout) {
            if (errno == EPIPE) return rc;
        }
    } catch (const Xapian::Error& e) {
        std::cerr << prog << ": " << sanitize_line(describe_xapian_error("index", e)) << '\n';
        return kExitError;
    } catch (const std::exception& e) {
        if (errno == EPIPE && !std::cout) return kExitFound;
        // Messages quote file names, queries and ids: never a raw control to the terminal.
        std::cerr << prog << ": " << sanitize_line(e.what()) << '\n';
        return kExitError;
    }
    return rc;
}

} // namespace morgue
