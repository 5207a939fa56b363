// morgue-serve: thin entry point; routes in http.cpp, answers in api.cpp.
#include "errors.hpp"
#include "http.hpp"
#include "serve_options.hpp"

#include <httplib.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <pthread.h>
#include <thread>

int main(int argc, char** argv) {
    return morgue::run_main("morgue-serve", [&] {
        auto o = morgue::parse_serve_options(argc, argv, std::getenv("MORGUE_DB"));
        if (o.help) {
            std::cout << o.help_text;
            return 0;
        }
        if (o.version) {
            std::cout << "morgue-serve " MORGUE_VERSION "\n";
            return 0;
        }
        morgue::SearcherPool pool(o.dbs);
        // SIGINT and SIGTERM are taken by one thread with sigwait (blocked everywhere
        // else, so every thread started after this inherits the mask); it stops the server.
        sigset_t stop_signals;
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGINT);
        sigaddset(&stop_signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

        httplib::Server svr;
        morgue::configure_server(svr, pool, o);
        int port = o.port;
        if (port == 0) {
            port = svr.bind_to_any_port(o.bind);
            if (port < 0) throw morgue::Error("cannot listen on " + o.bind);
        } else if (!svr.bind_to_port(o.bind, port)) {
            throw morgue::Error("cannot listen on " + o.bind + ":" + std::to_string(port) +
                                " (in use, or not an address of this machine)");
        }
        std::string host = o.bind.find(':') != std::string::npos ? "[" + o.bind + "]" : o.bind;
        std::cerr << "morgue-serve: " << pool.doccount() << " articles; listening on http://"
                  << host << ":" << port << "/ (Ctrl-C stops)" << std::endl;

        std::thread stopper([&] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            svr.stop();
        });
        bool ok = svr.listen_after_bind();
        pthread_kill(stopper.native_handle(), SIGTERM); // wakes it if no signal came
        stopper.join();
        std::cerr << "morgue-serve: stopped" << std::endl;
        return ok ? 0 : 2;
    });
}
