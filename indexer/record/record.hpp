// A Record is what a source hands to the parsers: bytes and where they came from.
// Sources (sources/) never parse articles; parsers (parse/) never open files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace morgue {

enum class RecordFormat {
    Unknown, // sniff the bytes
    Text,    // plain-text article (the seeds' format), or WET conversion text
    Html,    // an HTML page
    Json,    // one JSON object: a JSON Lines article
};

struct Record {
    std::string bytes;
    std::string origin; // "dir/file.txt", "dump.warc.gz@1234" (byte offset), "export.jsonl:17"
    std::string path;   // the file the record came from
    std::uint64_t offset = 0; // byte offset of the record in its file (0 for whole files)
    RecordFormat format = RecordFormat::Unknown;
    std::string url;     // URL known from the container (WARC-Target-URI), or empty
    std::string charset; // charset label of a transport header (HTTP Content-Type), or empty:
                         // the parser decides what it means (parse/charset.hpp)
    std::optional<std::int64_t> fetched; // fetch time (WARC-Date), seconds UTC
    std::string container;               // "warc", "wet", "jsonl", or "" for a plain file
    std::string record_id; // the container's id for the record (WARC-Record-ID), or empty
    // The record arrived cut (WARC-Truncated, an input or gzip member that ends inside it,
    // a compressed body cut short): bytes holds what arrived.
    bool truncated = false;
};

} // namespace morgue
