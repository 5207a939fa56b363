#include "html_title.hpp"

#include "text.hpp"

#include <string_view>
#include <vector>

namespace morgue {

namespace {

std::vector<std::string> title_parts(std::string_view t) {
    static constexpr std::string_view seps[] = {" | ",
                                                " - ",
                                                " \xE2\x80\x93 ",
                                                " \xE2\x80\x94 ",
                                                " :: ",
                                                " \xC2\xB7 ",
                                                " \xC2\xBB ",
                                                " / ",
                                                " \xE2\x80\xA2 ",
                                                " @ "};
    std::vector<std::string> parts{std::string(t)};
    for (auto sep : seps) {
        std::vector<std::string> next;
        for (const auto& p : parts) {
            std::size_t at = 0;
            while (true) {
                auto q = p.find(sep, at);
                if (q == std::string::npos) {
                    next.push_back(p.substr(at));
                    break;
                }
                next.push_back(p.substr(at, q - at));
                at = q + sep.size();
            }
        }
        parts = std::move(next);
    }
    return parts;
}

// A <title>-like string without the site's name: "Headline | Site" -> "Headline".
std::string strip_site(const std::string& title, const std::string& site, const std::string& host) {
    auto parts = title_parts(title);
    if (parts.size() < 2) return title;
    std::string fsite = fold_for_match(site), fhost = fold_for_match(host);
    std::string hostname = fhost.substr(0, fhost.find('.'));
    auto is_site = [&](const std::string& p) {
        std::string f = fold_for_match(p);
        if (f.empty()) return true;
        std::size_t words = word_count(f);
        if (!fsite.empty() &&
            (f == fsite || (f.find(fsite) != std::string::npos && words <= word_count(fsite) + 2)))
            return true;
        std::string compact;
        for (char c : f)
            if (c != ' ') compact += c;
        if (fhost.empty()) return false;
        if (compact == fhost || compact == hostname) return true;
        // "Blog Name PIXNET" on blog.pixnet.example: a short part naming a host label.
        if (words > 3) return false;
        std::size_t at = 0;
        while (at < fhost.size()) {
            std::size_t dot = fhost.find('.', at);
            std::string label = fhost.substr(at, dot == std::string::npos ? dot : dot - at);
            at = dot == std::string::npos ? fhost.size() : dot + 1;
            if (at >= fhost.size()) break; // the top-level domain
            if (label.size() > 3 && label != "www" && compact.find(label) != std::string::npos)
                return true;
        }
        return false;
    };
    bool front = is_site(parts.front()), back = is_site(parts.back());
    if (back || front) {
        // Drop the site part at the end (or the start) and keep the rest as written.
        std::size_t from = 0, to = title.size();
        if (back) {
            std::size_t cut = title.size() - parts.back().size();
            while (cut > 0 && title[cut - 1] != ' ')
                --cut;
            to = cut;
            std::string_view t = trim(std::string_view(title).substr(0, to));
            for (std::string_view sep : {"|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "::", "\xC2\xB7",
                                         "\xC2\xBB", "/", "\xE2\x80\xA2", "@"})
                if (t.size() >= sep.size() && t.substr(t.size() - sep.size()) == sep) {
                    t = trim(t.substr(0, t.size() - sep.size()));
                    break;
                }
            return std::string(t);
        }
        from = parts.front().size();
        std::string_view t = trim(std::string_view(title).substr(from));
        for (std::string_view sep : {"|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "::", "\xC2\xB7",
                                     "\xC2\xBB", "/", "\xE2\x80\xA2", "@"})
            if (t.substr(0, sep.size()) == sep) {
                t = trim(t.substr(sep.size()));
                break;
            }
        return std::string(t);
    }
    return title;
}

// Parts split on the strongest separator present: " | " before dashes; "_" (common in
// CJK titles) only when no spaced separator is there.
std::vector<std::string> strong_parts(const std::string& t) {
    for (std::string_view sep : {" | ", " :: ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ",
                                 " \xC2\xBB ", " \xC2\xB7 ", "_"}) {
        if (t.find(sep) == std::string::npos) continue;
        std::vector<std::string> parts;
        std::size_t at = 0;
        while (true) {
            auto q = t.find(sep, at);
            std::string p = std::string(
                trim(std::string_view(t).substr(at, q == std::string::npos ? q : q - at)));
            if (!p.empty()) parts.push_back(p);
            if (q == std::string::npos) break;
            at = q + sep.size();
        }
        return parts;
    }
    return {t};
}

} // namespace

std::string choose_title(const PageMeta& m, const std::string& host) {
    std::string site = !m.site_name.empty() ? m.site_name : m.ld_publisher;
    // Metadata titles in readability's order of trust; the <title> last.
    for (const std::string* c :
         {&m.ld_headline, &m.og_title, &m.twitter_title, &m.meta_title, &m.doc_title}) {
        if (c->empty()) continue;
        std::string s = *c;
        // A dangling separator at the end ("Headline :: Site ::").
        while (!s.empty() &&
               std::string_view("|:-\xC2\xB7 ").find(s.back()) != std::string_view::npos)
            s.pop_back();
        if (s.empty()) continue;
        for (int i = 0; i < 3; ++i) { // "Headline | Section | Site"
            std::string t = strip_site(s, site, host);
            if (t == s || t.empty()) break;
            s = t;
        }
        auto parts = strong_parts(s);
        if (parts.size() < 2) return s;
        // A part that is the page's <h1> is the headline (a one-word <h1> is a logo).
        for (const auto& h : m.h1s) {
            std::string fh = fold_for_match(h);
            bool ascii = true;
            for (unsigned char ch : h)
                ascii = ascii && ch < 0x80;
            if (fh.empty() || (ascii && word_count(h) < 2)) continue;
            for (const auto& p : parts)
                if (fold_for_match(p) == fh) return p;
        }
        // " | " hardly ever occurs inside a headline: "Headline | Section".
        if (c != &m.doc_title && s.find(" | ") == std::string::npos) return s;
        // "Headline | Section | Site" with an unknown site: the longest part.
        std::size_t best = 0;
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (word_count(parts[i]) > word_count(parts[best]) ||
                (word_count(parts[i]) == word_count(parts[best]) &&
                 parts[i].size() > parts[best].size() + 10))
                best = i;
        if (word_count(parts[best]) >= 3 || parts[best].size() >= 12) return parts[best];
        return s;
    }
    return m.h1s.empty() ? std::string() : m.h1s.front();
}

} // namespace morgue
