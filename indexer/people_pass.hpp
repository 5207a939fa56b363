// The people pass: one person, one name across the archive (docs/people.md).
//
// After an index run (and on `morgue-index people` / `morgue-index aliases FILE`), every
// article's people are read back from the index (its people slots, never the article
// text) and each is given the name the archive uses for that person:
//  - a one-word name ("Reagan", "Ronald") becomes the full name whose last or first
//    word it is, when that is unambiguous among the articles of the same source within
//    ResolveRule::window_days: the article names exactly one such full name itself, or
//    the neighbourhood names only one, or one in at least `dominance` times as many
//    articles as any other; or, still tied, the one whose articles name another full
//    name this article names. Otherwise ("Baker": James Baker and Howard Baker both
//    there) it is kept apart as written;
//  - then the user's alias table (person_aliases.hpp) merges and renames.
// An article whose names change gets them in kSlotPeople (facets, `people` in results),
// the names as written in kSlotPeopleWritten (so the next pass starts again from them),
// and a kPrefixPersonId term per changed name (person: queries).
#pragma once

#include "person_aliases.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

struct ResolveRule {
    std::int64_t window_days = 365; // an article's neighbourhood: this many days either way
    double dominance = 4;           // the most named full name wins at this many times the next
};

// One article's people as written, where and when it was published.
struct ArticlePeople {
    std::string source;
    std::optional<std::int64_t> day; // days since 1970-01-01; none: the whole source
    std::vector<std::string> written;
};

// The archive's name of each person of each article, in the same order as written.
std::vector<std::vector<std::string>> resolve_people(const std::vector<ArticlePeople>& articles,
                                                     const PersonAliases& aliases,
                                                     const ResolveRule& rule = {});

struct PeoplePassSummary {
    std::uint64_t articles = 0;  // with people
    std::uint64_t renamed = 0;   // whose people the archive names otherwise than written
    std::uint64_t rewritten = 0; // documents this pass changed
};

// Runs the pass on the index at `db` (holding its write lock). With `table`, stores it
// first as the index's alias table (replacing the one stored); without, applies the
// stored one.
PeoplePassSummary run_people_pass(const std::string& db, const PersonAliases* table,
                                  double lock_timeout, const ResolveRule& rule = {});

// `morgue-index people` and `morgue-index aliases FILE` ("-": standard input): reads and
// stores the table when given, runs the pass, says what it did on stderr unless quiet.
// Returns the exit code (0); a bad table or an unreadable file throws Error.
int people_command(const std::string& db, const std::optional<std::string>& aliases_file,
                   double lock_timeout, bool quiet);

} // namespace morgue
