#include "url.hpp"

#include "text.hpp"

#include <vector>

namespace morgue {

namespace {

struct Parts {
    std::string scheme, host, port, path, query;
};

bool split(std::string_view s, Parts& p) {
    s = trim(s);
    auto colon = s.find("://");
    if (colon == std::string_view::npos) return false;
    p.scheme = to_lower_ascii(s.substr(0, colon));
    if (p.scheme != "http" && p.scheme != "https") return false;
    s.remove_prefix(colon + 3);
    auto end = s.find_first_of("/?#");
    std::string_view auth = s.substr(0, end);
    s = end == std::string_view::npos ? std::string_view{} : s.substr(end);
    if (auto at = auth.rfind('@'); at != std::string_view::npos) auth.remove_prefix(at + 1);
    // host[:port] or [v6]:port; a port is digits only.
    std::size_t host_end = auth.size();
    if (!auth.empty() && auth[0] == '[') {
        host_end = auth.find(']');
        if (host_end == std::string_view::npos) return false;
        ++host_end;
    } else if (auto c = auth.find(':'); c != std::string_view::npos) {
        host_end = c;
    }
    if (host_end < auth.size()) {
        if (auth[host_end] != ':') return false;
        p.port = std::string(auth.substr(host_end + 1));
        for (char c : p.port)
            if (c < '0' || c > '9') return false;
        auth = auth.substr(0, host_end);
    }
    p.host = to_lower_ascii(auth);
    while (!p.host.empty() && p.host.back() == '.')
        p.host.pop_back();
    if (p.host.empty()) return false;
    // A no-break space is not a letter of any host name (and would come out of
    // normalize_url percent-encoded, which no host may be: found by url_fuzzer).
    if (p.host.find("\xC2\xA0") != std::string::npos) return false;
    // Host names: letters, digits, '-', '.', '_', IPv6 brackets, and UTF-8 (IDN) bytes.
    for (unsigned char c : p.host) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                  c == '_' || c >= 0x80 || ((c == '[' || c == ']' || c == ':') && p.host[0] == '[');
        if (!ok) return false;
    }
    if (auto h = s.find('#'); h != std::string_view::npos) s = s.substr(0, h);
    auto q = s.find('?');
    p.path = std::string(s.substr(0, q));
    if (q != std::string_view::npos) p.query = std::string(s.substr(q + 1));
    if (p.path.empty()) p.path = "/";
    return true;
}

bool tracking_param(std::string_view key) {
    std::string k = to_lower_ascii(key);
    return k.rfind("utm_", 0) == 0 || k == "fbclid" || k == "gclid" || k == "dclid" ||
           k == "msclkid" || k == "mc_cid" || k == "mc_eid" || k == "igshid" || k == "_ga" ||
           k == "cmpid" || k == "ocid";
}

} // namespace

std::string normalize_url(std::string_view s) {
    Parts p;
    if (!split(s, p)) return {};
    if ((p.scheme == "http" && p.port == "80") || (p.scheme == "https" && p.port == "443"))
        p.port.clear();
    static constexpr std::string_view index_names[] = {"index.html", "index.htm", "index.php"};
    for (auto n : index_names) {
        if (p.path.size() >= n.size() + 1 &&
            p.path.compare(p.path.size() - n.size(), n.size(), n) == 0 &&
            p.path[p.path.size() - n.size() - 1] == '/') {
            p.path.resize(p.path.size() - n.size());
            break;
        }
    }
    std::string query;
    std::string_view q = p.query;
    while (!q.empty()) {
        auto amp = q.find('&');
        std::string_view kv = q.substr(0, amp);
        std::string_view key = kv.substr(0, kv.find('='));
        if (!kv.empty() && !tracking_param(key)) {
            if (!query.empty()) query += '&';
            query += kv;
        }
        if (amp == std::string_view::npos) break;
        q.remove_prefix(amp + 1);
    }
    std::string out = p.scheme + "://" + p.host;
    if (!p.port.empty()) out += ":" + p.port;
    out += p.path;
    if (!query.empty()) out += "?" + query;
    // Spaces and control bytes are percent-encoded, so the result is a valid URL and
    // normalising it again changes nothing (found by url_fuzzer). So is a no-break space
    // (C2 A0): trim() strips it, and dropping empty parameters can leave one at the end.
    std::string encoded;
    static constexpr char hex[] = "0123456789ABCDEF";
    auto escape = [&](unsigned char c) {
        encoded += '%';
        encoded += hex[c >> 4];
        encoded += hex[c & 15];
    };
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c <= 0x20 || c == 0x7f) {
            escape(c);
        } else if (c == 0xC2 && i + 1 < out.size() &&
                   static_cast<unsigned char>(out[i + 1]) == 0xA0) {
            escape(0xC2);
            escape(0xA0);
            ++i;
        } else {
            encoded += static_cast<char>(c);
        }
    }
    return encoded;
}

std::string host_of(std::string_view url) {
    Parts p;
    if (!split(url, p)) return {};
    std::string h = p.host;
    if (h.rfind("www.", 0) == 0) h = h.substr(4);
    return h;
}

std::string resolve_url(std::string_view base, std::string_view ref) {
    ref = trim(ref);
    if (ref.find("://") != std::string_view::npos) return std::string(ref);
    Parts b;
    if (!split(base, b)) return std::string(ref);
    std::string origin = b.scheme + "://" + b.host + (b.port.empty() ? "" : ":" + b.port);
    if (ref.substr(0, 2) == "//") return b.scheme + ":" + std::string(ref);
    if (!ref.empty() && ref[0] == '/') return origin + std::string(ref);
    std::string dir = b.path.substr(0, b.path.rfind('/') + 1);
    return origin + dir + std::string(ref);
}

} // namespace morgue
