// The encodings of the schema's terms and value slots, written and read here only:
// the date slot (YYYYMMDD) and the D/M/Y date terms, multi-valued slots (values joined
// by U+001F), facet names, and the decoding of a term for --explain. The indexer writes
// with these functions and the searcher reads with them, so an encoding changes in one
// place (and with kSchemaVersion).
#pragma once

#include "dates.hpp"
#include "schema.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// ---- The date slot and date terms -------------------------------------------------

// kSlotDate holds the article's calendar day as 8 digits, YYYYMMDD, so that values sort
// as dates and a prefix of 4 or 6 characters is the year or the month.
inline constexpr std::size_t kDateSlotYear = 4, kDateSlotMonth = 6, kDateSlotDay = 8;

std::string date_slot_value(Ymd d);                            // "20241025"
std::optional<Ymd> date_slot_ymd(std::string_view slot_value); // nullopt unless 8 valid digits
// A date slot value or a prefix of one (4, 6 or 8 characters) as shown to users:
// "2024", "2024-10", "2024-10-25". Anything else is returned as it is.
std::string date_slot_display(std::string_view slot_value);

// Boolean date terms (Omega's): D20241025, M202410, Y2024.
std::string day_term(Ymd d);
std::string month_term(int year, unsigned month);
std::string year_term(int year);
// A date term no article carries: a date filter that matches nothing. (Not
// Query::MatchNothing, which QueryParser drops from a filter, widening it to all dates.)
std::string no_date_term();

// ---- Multi-valued slots -------------------------------------------------------------

// Authors, people and tags are stored in their facet slot as written, joined by U+001F.
inline constexpr char kListSeparator = '\x1f';
std::string join_list_value(const FieldValues& values);
std::string join_list_value(const std::vector<std::string>& values);
std::vector<std::string_view> split_list_value(std::string_view slot_value);

// ---- Facets -------------------------------------------------------------------------

// A facet is a field with a facet slot (by its name or an alias: site -> source), or a
// period of the date slot (year, month, day).
struct FacetDef {
    std::string_view name; // canonical: the field's name, or year/month/day
    unsigned slot = kNoSlot;
    std::size_t date_chars = 0; // periods: characters of the date slot kept; 0 for lists
};
std::optional<FacetDef> find_facet(std::string_view name);
// The facet names users may give, for help and error messages: "person, author, ...".
std::string facet_names();

// ---- Terms --------------------------------------------------------------------------

// A term of the index as --explain shows it: "title:ferri*" (stemmed), "text:pier*"
// (unprefixed terms come from every text field), "date:2024-10", "tag:climate".
std::string describe_term(std::string_view term);

} // namespace morgue
