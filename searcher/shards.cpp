#include "shards.hpp"

#include "errors.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <filesystem>
#include <fstream>

namespace morgue {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTcpScheme = "tcp://";

// "HOST:PORT" (HOST may be empty: localhost, as in Xapian's stub files) -> spec.
ShardSpec tcp_spec(const std::string& name, std::string_view hostport) {
    auto colon = hostport.rfind(':');
    if (colon == std::string_view::npos)
        throw Error(name + ": a remote shard is HOST:PORT (e.g. tcp://127.0.0.1:7001)");
    std::string host(hostport.substr(0, colon));
    std::string port(hostport.substr(colon + 1));
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') // [::1]
        host = host.substr(1, host.size() - 2);
    unsigned long p = 0;
    std::size_t used = 0;
    try {
        p = std::stoul(port, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (port.empty() || used != port.size() || p == 0 || p > 65535)
        throw Error(name + ": '" + port + "' is not a port number (1 to 65535)");
    ShardSpec s;
    s.kind = ShardSpec::Kind::Tcp;
    s.name = name;
    s.host = host.empty() ? "localhost" : host;
    s.port = static_cast<unsigned>(p);
    return s;
}

void read_stub(const std::string& stub, std::vector<ShardSpec>& out, int depth) {
    if (depth > 8) throw Error(stub + ": stub files nest too deep");
    std::ifstream in(stub);
    if (!in) throw Error(stub + ": cannot read this stub database file");
    fs::path dir = fs::path(stub).parent_path();
    std::string line;
    unsigned n = 0;
    std::size_t before = out.size();
    while (std::getline(in, line)) {
        ++n;
        std::string t(trim(line));
        if (t.empty() || t[0] == '#') continue;
        std::string where = stub + ":" + std::to_string(n);
        auto sp = t.find_first_of(" \t");
        std::string type = t.substr(0, sp);
        std::string rest(sp == std::string::npos ? std::string_view()
                                                 : trim(std::string_view(t).substr(sp + 1)));
        if (rest.empty()) throw Error(where + ": '" + type + "' names no database");
        if (type == "remote") {
            // Xapian's rule: a colon before any space is TCP, else a program and its args.
            auto colon = rest.find(':');
            auto space = rest.find_first_of(" \t");
            if (colon != std::string::npos && (space == std::string::npos || colon < space)) {
                ShardSpec s = tcp_spec(where, rest);
                s.name = std::string(kTcpScheme) + rest;
                out.push_back(s);
            } else {
                ShardSpec s;
                s.kind = ShardSpec::Kind::Prog;
                s.name = rest;
                s.prog = rest.substr(0, space);
                s.args = std::string(space == std::string::npos
                                         ? std::string_view()
                                         : trim(std::string_view(rest).substr(space + 1)));
                out.push_back(s);
            }
        } else if (type == "auto" || type == "glass" || type == "chert") {
            fs::path p = rest;
            if (p.is_relative()) p = dir / p;
            if (fs::is_regular_file(p)) {
                read_stub(p.string(), out, depth + 1);
            } else {
                ShardSpec s;
                s.name = s.path = p.string();
                out.push_back(s);
            }
        } else {
            throw Error(where + ": '" + type +
                        "' is not a stub database line Morgue reads (auto, glass, remote)");
        }
    }
    if (out.size() == before) throw Error(stub + ": the stub database file lists no database");
}

Xapian::Database open_one(const ShardSpec& s, const ShardOptions& o) {
    auto ms = static_cast<unsigned>(o.timeout * 1000);
    switch (s.kind) {
    case ShardSpec::Kind::Tcp:
        return Xapian::Remote::open(s.host, s.port, ms, ms);
    case ShardSpec::Kind::Prog:
        return Xapian::Remote::open(s.prog, s.args, ms);
    case ShardSpec::Kind::Local:
        break;
    }
    return Xapian::Database(s.path);
}

std::string shard_failure(const ShardSpec& s, const Xapian::Error& e) {
    if (s.kind == ShardSpec::Kind::Local) return describe_xapian_error(s.name, e);
    std::string type = e.get_type();
    if (type == "NetworkTimeoutError")
        return s.name + ": the shard server did not answer in time (" + e.get_msg() + ")";
    return s.name + ": cannot reach the shard server (" + e.get_msg() + ")";
}

} // namespace

std::vector<ShardSpec> expand_db_specs(const std::vector<std::string>& specs) {
    std::vector<ShardSpec> out;
    for (const auto& spec : specs) {
        if (spec.empty()) throw Error("--db: an empty database name");
        if (std::string_view(spec).substr(0, kTcpScheme.size()) == kTcpScheme) {
            out.push_back(tcp_spec(spec, std::string_view(spec).substr(kTcpScheme.size())));
        } else if (fs::is_regular_file(spec)) {
            read_stub(spec, out, 0);
        } else {
            ShardSpec s;
            s.name = s.path = spec;
            out.push_back(s);
        }
    }
    return out;
}

bool is_shard_failure(const Xapian::Error& e) {
    std::string type = e.get_type();
    return type == "NetworkError" || type == "NetworkTimeoutError";
}

Shards open_shards(const std::vector<std::string>& specs, const ShardOptions& opts) {
    Shards out;
    out.specs = expand_db_specs(specs);
    unsigned live = 0;
    for (const auto& s : out.specs) {
        Xapian::Database db;
        std::string version;
        try {
            db = open_one(s, opts);
            version = db.get_metadata(kSchemaVersionKey);
        } catch (const Xapian::Error& e) {
            // A local index's errors pass through: the caller (LiveDatabase) retries the
            // transient ones (a directory being swapped) and names the others.
            if (s.kind == ShardSpec::Kind::Local) throw;
            if (!opts.partial)
                throw Error(
                    shard_failure(s, e) +
                    (out.specs.size() > 1 ? "; --partial searches the shards that answer" : ""));
            out.dead.push_back(shard_failure(s, e));
            continue;
        }
        // Each shard's own version: one stale shard would give wrong answers.
        if (version != std::to_string(kSchemaVersion))
            throw Error(s.name + ": index schema version " + (version.empty() ? "none" : version) +
                        ", this morgue-search reads " + std::to_string(kSchemaVersion) +
                        "; re-index with morgue-index");
        out.all.add_database(db);
        ++live;
        if (s.kind == ShardSpec::Kind::Local) {
            out.local.add_database(db);
            out.any_local = true;
        } else {
            out.any_remote = true;
        }
    }
    if (live == 0) throw Error(out.dead.empty() ? "no database given" : out.dead.front());
    return out;
}

} // namespace morgue
