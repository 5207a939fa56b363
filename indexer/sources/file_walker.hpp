// Walks files and directories in a stable order and hands each regular file to the
// reader that knows its container (plain file, and later .gz, WARC, JSON Lines).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace morgue {

// Calls visit(path) for every regular file under root (root itself if a file), sorted
// by name; skips hidden entries (".name") and, unless follow_symlinks, any symlink.
// Unreadable directories are reported through error(path, reason).
void walk_files(const std::filesystem::path& root, bool follow_symlinks,
                const std::function<void(const std::filesystem::path&)>& visit,
                const std::function<void(const std::string&, const std::string&)>& error);

} // namespace morgue
