// One person, one name across the archive: the user's alias table for people, and the
// people of a stored article as the index names them (docs/people.md).
//
// The table is a text file of lines, `#` comments and blank lines ignored:
//   merge: Ronald Reagan = Reagan, Ron Reagan    every spelling after '=' is the person
//                                                 before it
//   rename: Cassius Clay = Muhammad Ali           the person before '=' is shown as the
//                                                 name after it
//   split: Baker                                  never merged with anyone by the
//                                                 archive's own resolution
// Names compare folded (case, accents, apostrophes: fold_for_match). `morgue-index
// aliases FILE` stores the table in the index (kPeopleAliasesKey) and applies it.
#pragma once

#include "article.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace morgue {

class PersonAliases {
  public:
    // Throws Error "<where>:<line>: <reason>" for a line it cannot read, a spelling
    // given two people, or a chain of merges and renames that loops.
    static PersonAliases parse(std::string_view text, const std::string& where);

    bool empty() const { return to_.empty() && split_.empty(); }
    // The name the table gives this name, merges and renames followed to the end, or ""
    // when the table does not name it.
    std::string canonical(std::string_view name) const;
    // A name the archive's resolution leaves alone (a split line), folded or not.
    bool is_split(std::string_view name) const;
    // The table in its own format, one line per rule: what the index stores.
    const std::string& text() const { return text_; }
    std::size_t merges() const { return to_.size(); }
    std::size_t splits() const { return split_.size(); }

  private:
    std::unordered_map<std::string, std::string> to_; // folded spelling -> name shown
    std::unordered_set<std::string> split_;           // folded
    std::string text_;
};

// The people of an article as the index names them: the value of kSlotPeople holds one
// name per person with a name, in order; after the people pass that is the archive's
// name. People the archive names alike become one (mentions added, roles joined, the
// first one's place kept). A value that does not line up with the people (another
// count) leaves them as stored.
void apply_index_people(Article& a, std::string_view people_slot);

} // namespace morgue
