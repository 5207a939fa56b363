#include "file_walker.hpp"

#include <algorithm>
#include <set>
#include <system_error>
#include <vector>

namespace morgue {

namespace fs = std::filesystem;

bool is_index_directory(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "iamglass", ec) || fs::exists(dir / "morgue-bulk.json", ec);
}

void walk_files(const fs::path& root, bool follow_symlinks,
                const std::function<void(const fs::path&)>& visit,
                const std::function<void(const std::string&, const std::string&)>& error,
                const std::function<void(const fs::path&)>& index_dir) {
    std::error_code ec;
    auto st = fs::status(root, ec);
    if (ec) {
        error(root.string(), ec.message());
        return;
    }
    if (!fs::is_directory(st)) {
        visit(root);
        return;
    }
    // Iterative depth-first walk; directories already seen (by canonical path) are
    // skipped, so a symlink loop followed with --follow-symlinks ends.
    std::set<fs::path> seen;
    std::vector<fs::path> stack{root};
    while (!stack.empty()) {
        fs::path dir = stack.back();
        stack.pop_back();
        fs::path canon = fs::weakly_canonical(dir, ec);
        if (!ec && !seen.insert(canon).second) continue;
        if (is_index_directory(dir)) {
            if (index_dir) index_dir(dir);
            continue;
        }
        std::vector<fs::directory_entry> entries;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            error(dir.string(), ec.message());
            continue;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) {
                error(dir.string(), ec.message());
                break;
            }
            entries.push_back(*it);
        }
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            return a.path().filename() < b.path().filename();
        });
        std::vector<fs::path> subdirs;
        for (const auto& e : entries) {
            std::string name = e.path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            if (e.is_symlink(ec) && !follow_symlinks) continue;
            if (e.is_directory(ec)) {
                subdirs.push_back(e.path());
            } else if (e.is_regular_file(ec)) {
                visit(e.path());
            }
        }
        // Push in reverse so the stack pops them in sorted order, after this
        // directory's files: a stable, predictable order.
        for (auto it2 = subdirs.rbegin(); it2 != subdirs.rend(); ++it2)
            stack.push_back(*it2);
    }
}

} // namespace morgue
