#include "article_json.hpp"

#include "dates.hpp"

namespace morgue {

using json = nlohmann::ordered_json;

std::string iso_utc(std::optional<std::int64_t> t) {
    if (!t) return {};
    return format_iso_utc(*t);
}

static json opt_time(std::optional<std::int64_t> t) {
    if (!t) return nullptr;
    return iso_utc(t);
}

static json opt_string(const std::string& s) {
    if (s.empty()) return nullptr;
    return s;
}

json article_to_json(const Article& a) {
    json caps = json::array();
    for (const auto& c : a.captions)
        caps.push_back({{"text", c.text}, {"credit", c.credit}});
    json buls = json::array();
    for (const auto& b : a.bullets)
        buls.push_back({{"label", b.label}, {"text", b.text}});
    json people = json::array();
    for (const auto& p : a.people)
        people.push_back({{"name", p.name}, {"mentions", p.mentions}, {"roles", p.roles}});
    json j{
        {"id", a.id},
        {"url", opt_string(a.url)},
        {"source", opt_string(a.source)},
        {"site_name", opt_string(a.site_name)},
        {"path", opt_string(a.path)},
        {"format", a.format},
        {"title", a.title},
        {"subtitle", opt_string(a.subtitle)},
        {"authors", a.authors},
        {"byline", opt_string(a.byline)},
        {"affiliation", opt_string(a.affiliation)},
        {"published", opt_time(a.published)},
        {"modified", opt_time(a.modified)},
        {"date", opt_string(a.date)},
        {"date_source", opt_string(a.date_source)},
        {"dateline", opt_string(a.dateline)},
        {"captions", caps},
        {"bullets", buls},
        {"body", a.body},
        {"tags", a.tags},
        {"section", opt_string(a.section)},
        {"lang", opt_string(a.lang)},
        {"people", people},
    };
    // Only when true: every article read whole keeps its JSON as it was.
    if (a.truncated) j["truncated"] = true;
    return j;
}

static std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

static std::optional<std::int64_t> time_of(const json& j, const char* key) {
    std::string s = str(j, key);
    if (s.empty()) return std::nullopt;
    return parse_iso_datetime(s);
}

static std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

Article article_from_json(const json& j) {
    Article a;
    a.id = str(j, "id");
    a.url = str(j, "url");
    a.source = str(j, "source");
    a.site_name = str(j, "site_name");
    a.path = str(j, "path");
    a.format = str(j, "format");
    a.title = str(j, "title");
    a.subtitle = str(j, "subtitle");
    a.authors = strings(j, "authors");
    a.byline = str(j, "byline");
    a.affiliation = str(j, "affiliation");
    a.published = time_of(j, "published");
    a.modified = time_of(j, "modified");
    a.date = str(j, "date");
    a.date_source = str(j, "date_source");
    a.dateline = str(j, "dateline");
    if (auto it = j.find("captions"); it != j.end() && it->is_array())
        for (const auto& c : *it)
            a.captions.push_back({str(c, "text"), str(c, "credit")});
    if (auto it = j.find("bullets"); it != j.end() && it->is_array())
        for (const auto& b : *it)
            a.bullets.push_back({str(b, "label"), str(b, "text")});
    a.body = str(j, "body");
    a.tags = strings(j, "tags");
    a.section = str(j, "section");
    a.lang = str(j, "lang");
    if (auto it = j.find("truncated"); it != j.end() && it->is_boolean())
        a.truncated = it->get<bool>();
    if (auto it = j.find("people"); it != j.end() && it->is_array())
        for (const auto& p : *it) {
            Person person{str(p, "name"), 0, strings(p, "roles")};
            if (auto m = p.find("mentions"); m != p.end() && m->is_number_integer())
                person.mentions = m->get<int>();
            a.people.push_back(std::move(person));
        }
    return a;
}

std::string dump_json(const json& j, int indent) {
    std::string out = j.dump(indent, ' ', false, json::error_handler_t::replace);
    // nlohmann escapes C0 controls only. C1 controls (U+0080..U+009F; C2 80..C2 9F in
    // UTF-8) are escaped too: a terminal may read U+009B as CSI. So are the bidirectional
    // controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), which reorder
    // what a terminal shows. The JSON means the same; only its bytes are safer.
    if (out.find('\xC2') == std::string::npos && out.find('\xE2') == std::string::npos &&
        out.find('\xD8') == std::string::npos)
        return out;
    auto unsafe = [&](std::size_t i, char32_t& cp) -> std::size_t {
        auto b = [&](std::size_t k) {
            return k < out.size() ? static_cast<unsigned char>(out[k]) : 0;
        };
        unsigned char c = b(i);
        if (c == 0xC2 && b(i + 1) >= 0x80 && b(i + 1) <= 0x9F) return cp = b(i + 1), 2;
        if (c == 0xD8 && b(i + 1) == 0x9C) return cp = 0x61C, 2;
        if (c == 0xE2 && b(i + 1) == 0x80 &&
            (b(i + 2) == 0x8E || b(i + 2) == 0x8F || (b(i + 2) >= 0xAA && b(i + 2) <= 0xAE)))
            return cp = 0x2000 + (b(i + 2) & 0x3F), 3;
        if (c == 0xE2 && b(i + 1) == 0x81 && b(i + 2) >= 0xA6 && b(i + 2) <= 0xA9)
            return cp = 0x2040 + (b(i + 2) & 0x3F), 3;
        return 0;
    };
    std::string safe;
    safe.reserve(out.size());
    for (std::size_t i = 0; i < out.size();) {
        char32_t cp = 0;
        std::size_t n = unsafe(i, cp);
        if (n == 0) {
            safe += out[i++];
            continue;
        }
        static constexpr char hex[] = "0123456789abcdef";
        safe += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4)
            safe += hex[(cp >> shift) & 15];
        i += n;
    }
    return safe;
}

} // namespace morgue
