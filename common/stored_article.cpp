#include "stored_article.hpp"

#include "article_json.hpp"

#include <algorithm>
#include <cstdint>

namespace morgue {

namespace {

// ---- the binary head (written since schema 3's second stored format) ----------------
//
// Byte 0 is kBinaryHead (a JSON head starts with '{'). Then every field of Article but
// the body, in the order of article.hpp: a string is a LEB128 length and its bytes; a
// list is a LEB128 count and its items; a time is one byte (0 absent, 1 present) and a
// zigzag LEB128 of seconds; a flag is one byte. The body is everything after the head.

constexpr unsigned char kBinaryHead = 0x01;

void put_uint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void put_str(std::string& out, const std::string& s) {
    put_uint(out, s.size());
    out += s;
}

void put_strs(std::string& out, const std::vector<std::string>& v) {
    put_uint(out, v.size());
    for (const auto& s : v)
        put_str(out, s);
}

void put_time(std::string& out, const std::optional<std::int64_t>& t) {
    out += static_cast<char>(t ? 1 : 0);
    if (t)
        put_uint(out, (static_cast<std::uint64_t>(*t) << 1) ^ static_cast<std::uint64_t>(*t >> 63));
}

// Reads the head; any read past the end or a count larger than the bytes left sets
// `bad`, and from then on every read yields empty values.
struct Reader {
    std::string_view in;
    std::size_t pos = 0;
    bool bad = false;

    std::uint64_t uint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64 && !bad; shift += 7) {
            if (pos >= in.size()) break;
            auto b = static_cast<unsigned char>(in[pos++]);
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        bad = true;
        return 0;
    }
    // A count of items that take at least one byte each: never more than the bytes left.
    std::size_t count() {
        std::uint64_t n = uint();
        if (bad || n > in.size() - pos) {
            bad = true;
            return 0;
        }
        return static_cast<std::size_t>(n);
    }
    std::string str() {
        std::size_t n = count();
        if (bad) return {};
        std::string s(in.substr(pos, n));
        pos += n;
        return s;
    }
    std::vector<std::string> strs() {
        std::vector<std::string> v(count());
        for (auto& s : v)
            s = str();
        return v;
    }
    int byte() {
        if (bad || pos >= in.size()) {
            bad = true;
            return 0;
        }
        return static_cast<unsigned char>(in[pos++]);
    }
    std::optional<std::int64_t> time() {
        if (byte() != 1) return std::nullopt;
        std::uint64_t z = uint();
        if (bad) return std::nullopt;
        return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
    }
};

std::string binary_head(const Article& a) {
    std::string out;
    out.reserve(512);
    out += static_cast<char>(kBinaryHead);
    put_str(out, a.id);
    put_str(out, a.url);
    put_str(out, a.source);
    put_str(out, a.site_name);
    put_str(out, a.path);
    put_str(out, a.format);
    put_str(out, a.title);
    put_str(out, a.subtitle);
    put_strs(out, a.authors);
    put_str(out, a.byline);
    put_str(out, a.affiliation);
    put_time(out, a.published);
    put_time(out, a.modified);
    put_str(out, a.date);
    put_str(out, a.date_source);
    put_str(out, a.dateline);
    put_uint(out, a.captions.size());
    for (const auto& c : a.captions) {
        put_str(out, c.text);
        put_str(out, c.credit);
    }
    put_uint(out, a.bullets.size());
    for (const auto& b : a.bullets) {
        put_str(out, b.label);
        put_str(out, b.text);
    }
    put_strs(out, a.tags);
    put_str(out, a.section);
    put_str(out, a.lang);
    put_uint(out, a.people.size());
    for (const auto& p : a.people) {
        put_str(out, p.name);
        put_uint(out, static_cast<std::uint64_t>(std::max(0, p.mentions)));
        put_strs(out, p.roles);
    }
    out += static_cast<char>(a.truncated ? 1 : 0);
    return out;
}

// Decodes a binary head; the body is what follows it. A damaged head leaves the fields
// it could not read empty, and the body empty too (where it starts is unknown).
Article from_binary(std::string_view data) {
    Reader r{data, 1};
    Article a;
    a.id = r.str();
    a.url = r.str();
    a.source = r.str();
    a.site_name = r.str();
    a.path = r.str();
    a.format = r.str();
    a.title = r.str();
    a.subtitle = r.str();
    a.authors = r.strs();
    a.byline = r.str();
    a.affiliation = r.str();
    a.published = r.time();
    a.modified = r.time();
    a.date = r.str();
    a.date_source = r.str();
    a.dateline = r.str();
    a.captions.resize(r.count());
    for (auto& c : a.captions) {
        c.text = r.str();
        c.credit = r.str();
    }
    a.bullets.resize(r.count());
    for (auto& b : a.bullets) {
        b.label = r.str();
        b.text = r.str();
    }
    a.tags = r.strs();
    a.section = r.str();
    a.lang = r.str();
    a.people.resize(r.count());
    for (auto& p : a.people) {
        p.name = r.str();
        std::uint64_t m = r.uint();
        p.mentions = m > 1000000 ? 1000000 : static_cast<int>(m);
        p.roles = r.strs();
    }
    a.truncated = r.byte() == 1;
    if (r.bad) {
        a.captions.clear();
        a.bullets.clear();
        a.people.clear();
        return a;
    }
    a.body = std::string(data.substr(r.pos));
    return a;
}

// ---- the JSON head (indexes written before the binary head; still read) ---------------

struct Parts {
    std::string_view head, body;
};

Parts split(std::string_view data) {
    std::size_t nl = data.find('\n');
    if (nl == std::string_view::npos) return {data, {}};
    return {data.substr(0, nl), data.substr(nl + 1)};
}

Article from_json(std::string_view data) {
    Parts p = split(data);
    Article a = article_from_json(nlohmann::ordered_json::parse(p.head, nullptr, false));
    a.body = std::string(p.body);
    return a;
}

bool is_binary(std::string_view data) {
    return !data.empty() && static_cast<unsigned char>(data[0]) == kBinaryHead;
}

} // namespace

std::string stored_article(const Article& a) {
    std::string out = binary_head(a);
    out += a.body;
    return out;
}

Article article_from_stored(std::string_view data) {
    return is_binary(data) ? from_binary(data) : from_json(data);
}

bool same_stored_article(std::string_view a, std::string_view b) {
    if (a == b) return true;
    Article x = article_from_stored(a), y = article_from_stored(b);
    if (x.id.empty() && x.title.empty() && x.body.empty()) return false; // unreadable
    x.path.clear();
    y.path.clear();
    return x == y;
}

} // namespace morgue
