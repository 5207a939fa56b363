#include "stored_article.hpp"

#include "article_json.hpp"

namespace morgue {

namespace {

struct Parts {
    std::string_view head, body;
};

Parts split(std::string_view data) {
    std::size_t nl = data.find('\n');
    if (nl == std::string_view::npos) return {data, {}};
    return {data.substr(0, nl), data.substr(nl + 1)};
}

} // namespace

std::string stored_article(const Article& a) {
    nlohmann::ordered_json j = article_to_json(a);
    j.erase("body");
    std::string out = dump_json(j);
    out += '\n';
    out += a.body;
    return out;
}

Article article_from_stored(std::string_view data) {
    Parts p = split(data);
    Article a = article_from_json(nlohmann::ordered_json::parse(p.head, nullptr, false));
    a.body = std::string(p.body);
    return a;
}

bool same_stored_article(std::string_view a, std::string_view b) {
    if (a == b) return true;
    Parts pa = split(a), pb = split(b);
    if (pa.body != pb.body) return false;
    auto ja = nlohmann::ordered_json::parse(pa.head, nullptr, false);
    auto jb = nlohmann::ordered_json::parse(pb.head, nullptr, false);
    if (!ja.is_object() || !jb.is_object()) return false;
    ja.erase("path");
    jb.erase("path");
    return ja == jb;
}

} // namespace morgue
