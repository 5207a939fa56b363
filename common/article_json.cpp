#include "article_json.hpp"

#include "dates.hpp"
#include "text.hpp"

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

namespace {
// The first byte of what dump_json escapes beyond nlohmann's C0: DEL, C1 (C2 80..9F),
// U+061C (D8 9C), and the bidi and line marks (E2 80.., E2 81..).
bool may_escape(unsigned char c) {
    return c == 0x7f || c == 0xC2 || c == 0xD8 || c == 0xE2;
}
} // namespace

std::string dump_json(const json& j, int indent) {
    return escape_for_terminal_json(j.dump(indent, ' ', false, json::error_handler_t::replace));
}

std::string escape_for_terminal_json(std::string out) {
    // nlohmann escapes C0 controls only. DEL, C1 controls (a terminal may read U+009B as
    // CSI) and the invisible bidi and line marks (U+202E reverses what follows) are
    // escaped too: the data is kept, and `jq -r` is where the reader decides. Runs
    // without a candidate byte are copied whole ("…" in every snippet starts with E2).
    std::size_t i = 0;
    while (i < out.size() && !may_escape(static_cast<unsigned char>(out[i])))
        ++i;
    if (i == out.size()) return out;
    std::string safe;
    safe.reserve(out.size() + 16);
    safe.append(out, 0, i);
    while (i < out.size()) {
        char32_t cp = 0;
        std::size_t n = terminal_control_at(out, i, cp);
        if (n == 0) {
            std::size_t k = i + 1;
            while (k < out.size() && !may_escape(static_cast<unsigned char>(out[k])))
                ++k;
            safe.append(out, i, k - i);
            i = k;
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
