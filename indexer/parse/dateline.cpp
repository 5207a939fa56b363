#include "dateline.hpp"

#include "text.hpp"

#include <string_view>

namespace morgue {

namespace {

// An upper-case place word: letters (any script's upper-case bytes pass through), dots,
// apostrophes, hyphens. "KYIV", "ST. LOUIS", "N'DJAMENA", "SÃO".
bool is_caps_word(std::string_view w) {
    bool letter = false;
    for (unsigned char c : w) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z')
            letter = true;
        else if (c >= 0x80)
            letter = true;
        else if (c != '.' && c != '\'' && c != '-')
            return false;
    }
    return letter;
}

} // namespace

std::string take_dateline(std::string& p) {
    // The dash that ends a dateline: em dash, en dash, or " -- ".
    static constexpr std::string_view dashes[] = {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ",
                                                  "\xE2\x80\x94", " - "};
    std::size_t cut = std::string::npos, dash_len = 0;
    for (auto d : dashes) {
        std::size_t pos = p.find(d);
        if (pos != std::string::npos && pos <= 80 && (cut == std::string::npos || pos < cut)) {
            cut = pos;
            dash_len = d.size();
        }
    }
    if (cut == std::string::npos || cut == 0) return {};
    std::string_view head = trim(std::string_view(p).substr(0, cut));
    // Drop an agency mark: "(AP)", "(Reuters)", "(AFP)".
    if (!head.empty() && head.back() == ')') {
        auto open = head.rfind('(');
        if (open == std::string_view::npos) return {};
        head = trim(head.substr(0, open));
    }
    if (head.empty()) return {};
    // The first word (before any comma) must be all capitals: "KYIV, Ukraine".
    std::string_view city = head.substr(0, head.find(','));
    std::size_t start = 0;
    bool any = false;
    while (start < city.size()) {
        std::size_t sp = city.find(' ', start);
        std::string_view w = city.substr(start, sp == std::string_view::npos ? sp : sp - start);
        if (!w.empty()) {
            if (!is_caps_word(w)) return {};
            any = true;
        }
        if (sp == std::string_view::npos) break;
        start = sp + 1;
    }
    if (!any) return {};
    // The rest (", Ukraine") must be short: a region or country, not a sentence.
    if (head.size() - city.size() > 40) return {};
    std::string place(head);
    p = std::string(trim(std::string_view(p).substr(cut + dash_len)));
    return place;
}

} // namespace morgue
