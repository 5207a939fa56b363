// Walks files and directories in a stable order and hands each regular file to the
// reader that knows its container (plain file, and later .gz, WARC, JSON Lines).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace morgue {

// Calls visit(path) for every regular file under root (root itself if a file), sorted
// by name; skips hidden entries (".name") and, unless follow_symlinks, any symlink.
// Unreadable directories are reported through error(path, reason). Search index
// directories (a Xapian database, a Morgue bulk build's shards: `morgue-index .` beside
// its own morgue.db) are not walked; each is reported through index_dir(path).
void walk_files(const std::filesystem::path& root, bool follow_symlinks,
                const std::function<void(const std::filesystem::path&)>& visit,
                const std::function<void(const std::string&, const std::string&)>& error,
                const std::function<void(const std::filesystem::path&)>& index_dir = {});

// True for a directory that holds a search index rather than articles.
bool is_index_directory(const std::filesystem::path& dir);

} // namespace morgue
