// Sources turn the command line's inputs (files, directories, "-") into Records.
// They never parse articles. Problems with an input are reported, counted and skipped.
#pragma once

#include "record/record.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace morgue {

// A Record that only says where something was (for rejections).
Record record_at(std::string origin, std::string path, std::uint64_t offset,
                 std::string record_id = {});

struct SourceOptions {
    std::uint64_t max_record_size = 64ull << 20; // bytes; larger records are rejected
    RecordFormat stdin_format = RecordFormat::Unknown;
    bool follow_symlinks = false;
};

struct SourceEvents {
    std::function<void(Record&&)> record;
    // A record or a whole input that could not be read: where (origin, path, offset and
    // record_id of `where`; its bytes are empty), and why.
    std::function<void(const Record& where, const std::string& reason)> rejected;
    // A record deliberately not indexed (a WARC request record, a 404 page), by reason.
    std::function<void(const std::string& reason)> skipped;
    // A record that says its content has not changed since an earlier capture (a WARC
    // revisit record): counted as unchanged, nothing to parse.
    std::function<void(const std::string& origin)> unchanged;
    // Bytes of input consumed so far, for progress.
    std::function<void(std::uint64_t bytes)> progress;
};

// Reads every input in order. Directories are walked recursively in a stable (sorted)
// order; hidden files and symlink loops are skipped.
void read_inputs(const std::vector<std::string>& inputs, const SourceOptions& opts,
                 const SourceEvents& events);

// Total size in bytes of the inputs that are regular files (for an ETA), 0 if unknown.
std::uint64_t input_size(const std::vector<std::string>& inputs);

} // namespace morgue
