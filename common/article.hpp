// The one Article model: what every parser produces and what the writer indexes.
// Parsers fill it from bytes; the schema (schema.hpp) says how each part is indexed;
// article_json.hpp turns it into the JSON that --dry-run prints and the index stores.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

struct Caption {
    std::string text;   // the caption without its credit
    std::string credit; // "AP Photo/Jane Roe, File", or empty
    bool operator==(const Caption&) const = default;
};

struct Bullet {
    std::string label; // short lead-in ending at its first full stop, or empty
    std::string text;  // the bullet without its label
    bool operator==(const Bullet&) const = default;
};

struct Person {
    std::string name;               // as written in full, e.g. "José Álvarez"
    int mentions = 0;               // how often the article names them (full or short form)
    std::vector<std::string> roles; // "author", "photographer", "mentioned"
    bool operator==(const Person&) const = default;
};

struct Article {
    std::string id;        // stable id: normalised canonical URL, else "h:" + content hash
    std::string url;       // canonical URL when known
    std::string source;    // publisher host ("newser.com"), lowercased
    std::string site_name; // publisher name ("Newser"), when the page says
    std::string path;      // where it was read from: file path, or "file.warc.gz#offset"
    std::string format;    // "text", "html", "jsonl", "warc", "wet"

    std::string title;
    std::string subtitle;
    std::vector<std::string> authors; // person names only, in byline order
    std::string byline;               // the byline as written, without "By "
    std::string affiliation;          // "Newser Staff", "Associated Press"

    std::optional<std::int64_t> published; // seconds since the epoch, UTC
    std::optional<std::int64_t> modified;  // seconds since the epoch, UTC
    std::string date;        // YYYY-MM-DD: the article's own calendar date (local to it)
    std::string date_source; // where date came from: docs/output.md lists the values
    std::string dateline;    // place of an AP-style dateline ("KYIV, Ukraine")

    std::vector<Caption> captions;
    std::vector<Bullet> bullets;
    std::string body; // paragraphs joined by blank lines ("\n\n")
    std::vector<std::string> tags;
    std::string section;
    std::string lang; // ISO 639-1 when known ("en")

    std::vector<Person> people;

    // Indexed from a record that arrived cut (a truncated WARC record): the text may end
    // early.
    bool truncated = false;

    bool operator==(const Article&) const = default;
};

} // namespace morgue
