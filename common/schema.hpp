// The schema: one table that declares every field once. The indexer builds documents
// from it (indexer/writer.cpp), the searcher configures Xapian::QueryParser from it
// (searcher/query.cpp), and `morgue-search --list-fields` prints it. No other file
// spells a term prefix or a value slot number.
//
// Prefixes follow Xapian Omega's conventions (Q id, U url, H host, S title, A author,
// K keyword/tag, L language, D/M/Y dates); X... prefixes are our own.
#pragma once

#include "article.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// Bump when terms, prefixes, slot encodings or the stored article (stored_article.hpp)
// change: the searcher refuses an index written with another version and tells the
// user to re-index. 2: the body stored after the JSON, not in it. 3: slots 8 (recency)
// and 9 (sort key), so that sorting and relevance-recent run on Xapian's stock remote
// server (xapian-tcpsrv), which knows no KeyMaker and no posting source of ours.
inline constexpr int kSchemaVersion = 3;
inline constexpr const char* kSchemaVersionKey = "morgue:schema_version";

// Value slots. Never renumber one: the numbers are in every index on disk.
enum Slot : unsigned {
    kSlotDate = 0,           // "YYYYMMDD", the article's own calendar date
    kSlotPublished = 1,      // Xapian::sortable_serialise(seconds since epoch, UTC)
    kSlotContentHash = 2,    // 16 hex digits of the normalised body's hash (collapse key)
    kSlotSource = 3,         // publisher host, lowercased ("newser.com")
    kSlotAuthors = 4,        // author names as written, joined by '\x1f' (facets)
    kSlotPeople = 5,         // people names, one per stored person, joined by '\x1f' (facets):
                             // as written, or as the archive resolves them (kSlotPeopleWritten)
    kSlotTags = 6,           // tags as written, joined by '\x1f' (facets)
    kSlotLang = 7,           // language code
    kSlotRecency = 8,        // sortable_serialise(recency_weight(date)): relevance-recent
    kSlotSortKey = 9,        // "YYYYMMDD" + sortable_serialise(published): newest/oldest
    kSlotPeopleWritten = 10, // people as written, kept here by the people pass
                             // (indexer/people_pass.hpp) when it rewrites kSlotPeople
};

// One person, one name across the archive (docs/people.md). The people pass resolves
// surname-only names and applies the user's alias table; where a person's name in
// kSlotPeople differs from the name as written, the article also gets the boolean term
// kPrefixPersonId + folded name, so `person:"Ronald Reagan"` finds the article that
// only says "Reagan". The alias table the user gave (morgue-index aliases) is kept in
// the index's metadata under kPeopleAliasesKey; kPeopleResolvedKey holds the number
// of articles whose people the pass renamed (absent or "0": the searcher does nothing).
inline constexpr std::string_view kPrefixPersonId = "XWHO";
inline constexpr const char* kPeopleAliasesKey = "morgue:people_aliases";
inline constexpr const char* kPeopleResolvedKey = "morgue:people_resolved";

// --sort relevance-recent adds to BM25 a boost that halves every kRecencyHalfLifeDays
// back from today. Today is known at query time only, but the boost factors:
//   max * 2^(-(today - d) / h) = max * 2^(-(today - E) / h) * 2^((d - E) / h)
// so the index holds 2^((d - E) / h) (kSlotRecency, read by Xapian's own
// ValueWeightPostingSource) and the query scales it by the first two factors
// (OP_SCALE_WEIGHT). E is a fixed day near today's archives so the values stay
// within a double's range for dates within about 80 years of it (older ones weigh 0).
inline constexpr double kRecencyHalfLifeDays = 30;
inline constexpr double kRecencyMaxBoost = 2.0;
inline constexpr std::int64_t kRecencyEpochDays = 20454; // 2026-01-01 in days since 1970
// The value of kSlotRecency for a day (days since 1970-01-01): 2^((d - E) / h), capped
// so a mistyped far-future date cannot overflow.
double recency_slot_weight(std::int64_t days);
// The factor the query multiplies the slot's weight by, for today (days since 1970).
double recency_query_scale(std::int64_t today_days);
// The sort key (kSlotSortKey) of an article: its calendar day then its published
// instant; "" for an undated article (first when oldest first, last when newest first).
std::string sort_key(std::string_view yyyymmdd, const std::int64_t* published);

inline constexpr unsigned kNoSlot = ~0u;

enum class FieldKind : std::uint8_t {
    Text,    // free text: positions, stemming; also indexed unprefixed
    Boolean, // exact filter terms: normalised (case and accents folded), no positions
    Date,    // D/M/Y boolean terms; queried through the date range grammar
};

enum class FieldId : std::uint8_t {
    Id,
    Url,
    Source,
    Title,
    Subtitle,
    Author,
    Person,
    Caption,
    Bullet,
    Tag,
    Place,
    Section,
    Lang,
    Date,
    Body,
};

// The parts of an article that one field indexes, as views into the article, each with
// a within-document frequency (a person named five times weighs five times one mention).
struct FieldValue {
    std::string_view text;
    unsigned wdf = 1;
};
using FieldValues = std::vector<FieldValue>;
using ValuesOf = void (*)(const Article&, FieldValues&);

struct Field {
    FieldId id;
    std::string_view name;    // name in queries and in --list-fields
    std::string_view aliases; // other query names, space separated
    std::string_view prefix;  // term prefix; "" for body, which is indexed unprefixed only
    FieldKind kind;
    unsigned weight;     // wdf multiplier of its unprefixed terms (title > body)
    bool unprefixed;     // text fields: also indexed without prefix, for plain queries
    unsigned facet_slot; // value slot holding its values for facets, or kNoSlot
    ValuesOf values;     // the article's text for this field
    std::string_view description;
    std::string_view example;
};

namespace fields {
void id(const Article& a, FieldValues& out);
void url(const Article& a, FieldValues& out);
void source(const Article& a, FieldValues& out);
void title(const Article& a, FieldValues& out);
void subtitle(const Article& a, FieldValues& out);
void authors(const Article& a, FieldValues& out);
void people(const Article& a, FieldValues& out);
void captions(const Article& a, FieldValues& out);
void bullets(const Article& a, FieldValues& out);
void tags(const Article& a, FieldValues& out);
void place(const Article& a, FieldValues& out);
void section(const Article& a, FieldValues& out);
void lang(const Article& a, FieldValues& out);
void date(const Article& a, FieldValues& out);
void body(const Article& a, FieldValues& out);
} // namespace fields

// clang-format off
inline constexpr std::array kFields = {
    Field{FieldId::Id,       "id",       "",     "Q",      FieldKind::Boolean, 0, false, kNoSlot,     fields::id,
          "the article's stable id (normalised URL, or h:<content hash>)", "id:h:1f2e3d4c5b6a7988"},
    Field{FieldId::Url,      "url",      "",     "U",      FieldKind::Boolean, 0, false, kNoSlot,     fields::url,
          "the canonical URL, exactly", "url:https://example.com/2024/10/story"},
    Field{FieldId::Source,   "source",   "site", "H",      FieldKind::Boolean, 0, false, kSlotSource, fields::source,
          "publisher host, lowercased", "site:example.com"},
    Field{FieldId::Title,    "title",    "",     "S",      FieldKind::Text,    3, true,  kNoSlot,     fields::title,
          "headline words", "title:\"harbour bridge\""},
    Field{FieldId::Subtitle, "subtitle", "dek",  "XDEK",   FieldKind::Text,    2, true,  kNoSlot,     fields::subtitle,
          "subtitle (dek, standfirst)", "dek:strike"},
    Field{FieldId::Author,   "author",   "by",   "A",      FieldKind::Text,    1, true,  kSlotAuthors, fields::authors,
          "byline authors only", "author:\"Mara Lindqvist\""},
    Field{FieldId::Person,   "person",   "",     "XP",     FieldKind::Text,    1, false, kSlotPeople, fields::people,
          "people the article names, authors and photographers included", "person:okafor"},
    Field{FieldId::Caption,  "caption",  "",     "XCAP",   FieldKind::Text,    1, true,  kNoSlot,     fields::captions,
          "photo captions and their credits", "caption:\"AP Photo\""},
    Field{FieldId::Bullet,   "bullet",   "",     "XBUL",   FieldKind::Text,    1, true,  kNoSlot,     fields::bullets,
          "bullet points, labels included", "bullet:tariffs"},
    Field{FieldId::Tag,      "tag",      "",     "K",      FieldKind::Boolean, 0, false, kSlotTags,   fields::tags,
          "topic tags, exactly (case and accents folded)", "tag:\"Climate Change\""},
    Field{FieldId::Place,    "place",    "",     "XPLACE", FieldKind::Text,    1, true,  kNoSlot,     fields::place,
          "dateline place", "place:lisbon"},
    Field{FieldId::Section,  "section",  "",     "XSEC",   FieldKind::Text,    1, true,  kNoSlot,     fields::section,
          "site section", "section:business"},
    Field{FieldId::Lang,     "lang",     "",     "L",      FieldKind::Boolean, 0, false, kSlotLang,   fields::lang,
          "language code", "lang:en"},
    Field{FieldId::Date,     "date",     "",     "D",      FieldKind::Date,    0, false, kSlotDate,   fields::date,
          "publication day, month, year or range", "date:2024-03..2024-05"},
    Field{FieldId::Body,     "body",     "",     "",       FieldKind::Text,    1, false, kNoSlot,     fields::body,
          "article text (also searched by plain words)", "body:\"water rationing\""},
};
// clang-format on

constexpr bool schema_is_consistent() {
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        if (static_cast<std::size_t>(kFields[i].id) != i) return false;
        for (std::size_t j = i + 1; j < kFields.size(); ++j) {
            if (kFields[i].name == kFields[j].name) return false;
            if (kFields[i].prefix == kFields[j].prefix) return false;
        }
    }
    return true;
}
static_assert(schema_is_consistent(),
              "schema: ids must equal positions; names and prefixes unique");

constexpr const Field& field(FieldId id) {
    return kFields[static_cast<std::size_t>(id)];
}

// Date term prefixes (Omega's): day D20241025, month M202410, year Y2024.
inline constexpr std::string_view kPrefixDay = "D";
inline constexpr std::string_view kPrefixMonth = "M";
inline constexpr std::string_view kPrefixYear = "Y";

// Both binaries stem text the same way: English stems only, with positions on the stems
// (Xapian's STEM_ALL; what Lucene's English analyser does). Possessives fold for free
// (Okafor's -> okafor), and there are half the terms of STEM_SOME, so indexing is faster
// and the index smaller.
inline constexpr const char* kStemLanguage = "english";

// Xapian's limit on term length is 245 bytes; longer boolean terms are hashed.
inline constexpr std::size_t kMaxTermBytes = 240;
// The longest word indexed from free text, in bytes (Xapian TermGenerator's default,
// set explicitly): a longer "word" (a CJK headline without punctuation, a base64 run) is
// not a word. Spelling words obey the same cap: Xapian's spelling table refuses keys
// over 255 bytes at commit, which lost a whole batch.
inline constexpr unsigned kMaxWordBytes = 64;

// The term of a person's archive-wide name: kPrefixPersonId + folded name, hashed when
// too long (as boolean_term).
std::string person_id_term(std::string_view name);

// The boolean term for a value of a boolean field: prefix + normalised value, hashed
// when too long. Both the writer and the query parser use this one function.
std::string boolean_term(const Field& f, std::string_view value);

// A field by query name or alias, or nullptr.
const Field* find_field(std::string_view name);

// The names a field answers to in queries: its name, then its aliases.
std::vector<std::string_view> query_names(const Field& f);

// The words QueryParser reads as operators (AND, OR, NOT, XOR, NEAR, ADJ), upper case.
bool is_query_operator(std::string_view word);

} // namespace morgue

namespace morgue {

// The field a term of the index belongs to ("ZSferri" -> title, "Zpier" -> body,
// "M202410" -> date), for --explain. Never null: unprefixed terms are the body's.
const Field& field_of_term(std::string_view term);

} // namespace morgue
