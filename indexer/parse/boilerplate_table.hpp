// A table of boilerplate line patterns, read from a data file compiled into the binary
// (see text_boilerplate.txt for the format).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

class BoilerplateTable {
  public:
    explicit BoilerplateTable(std::string_view data);
    // 0: not boilerplate; 1: a boilerplate line; 2: a line that ends the article.
    int match(std::string_view line) const;

  private:
    struct Pattern {
        std::string glob; // lowercase, '*' wildcards
        bool ends_article;
    };
    std::vector<Pattern> patterns_;
};

// '*' matches any run; case-insensitive for ASCII.
bool glob_match_ci(std::string_view pattern, std::string_view text);

} // namespace morgue
