#include "maintenance.hpp"

#include "database.hpp"
#include "errors.hpp"
#include "index_writer.hpp"
#include "schema_values.hpp"
#include "url.hpp"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <unistd.h>

namespace morgue {

namespace fs = std::filesystem;

std::uint64_t directory_size(const std::string& dir) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
    return total;
}

namespace {

std::string human_size(std::uint64_t b) {
    char buf[32];
    if (b >= 1ull << 30)
        std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(b) / (1ull << 30));
    else if (b >= 1ull << 20)
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(b) / (1ull << 20));
    else if (b >= 1ull << 10)
        std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(b) / (1ull << 10));
    else
        std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(b));
    return buf;
}

} // namespace

IndexStats index_stats(const std::string& path) {
    IndexStats s;
    xapian_try(path, [&] {
        // Retried like every read: a writer may commit or compact meanwhile.
        LiveDatabase live({path}, [&] { return Xapian::Database(path); });
        s = live.read([](Xapian::Database& db) {
            IndexStats st;
            st.articles = db.get_doccount();
            st.dated = db.get_value_freq(kSlotDate);
            if (st.dated > 0) {
                st.first_date = date_slot_display(db.get_value_lower_bound(kSlotDate));
                st.last_date = date_slot_display(db.get_value_upper_bound(kSlotDate));
            }
            std::string prefix(field(FieldId::Source).prefix);
            for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
                st.sources.emplace_back((*t).substr(prefix.size()), t.get_termfreq());
            std::stable_sort(st.sources.begin(), st.sources.end(),
                             [](const auto& a, const auto& b) { return a.second > b.second; });
            st.schema_version = db.get_metadata(kSchemaVersionKey);
            return st;
        });
    });
    s.bytes_on_disk = directory_size(path);
    return s;
}

IndexStats merge_stats(const std::vector<IndexStats>& shards) {
    IndexStats all;
    std::map<std::string, std::uint64_t> sources;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        const IndexStats& s = shards[i];
        all.articles += s.articles;
        all.dated += s.dated;
        all.bytes_on_disk += s.bytes_on_disk;
        if (s.dated > 0) {
            if (all.first_date.empty() || s.first_date < all.first_date)
                all.first_date = s.first_date;
            if (s.last_date > all.last_date) all.last_date = s.last_date;
        }
        for (const auto& [host, n] : s.sources)
            sources[host] += n;
        if (i == 0)
            all.schema_version = s.schema_version;
        else if (s.schema_version != all.schema_version)
            all.schema_version = "mixed: re-index the shards that differ";
    }
    all.sources.assign(sources.begin(), sources.end());
    std::stable_sort(all.sources.begin(), all.sources.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return all;
}

void print_stats(const std::string& db, const IndexStats& s, std::ostream& out) {
    out << "index: " << db << '\n';
    out << "articles: " << s.articles << '\n';
    if (s.dated > 0)
        out << "dates: " << s.first_date << " .. " << s.last_date << " (" << s.dated << " dated, "
            << s.articles - s.dated << " without a date)\n";
    else
        out << "dates: none\n";
    out << "sources: " << s.sources.size() << '\n';
    std::size_t shown = 0;
    for (const auto& [host, n] : s.sources) {
        if (++shown > 10) {
            out << "  ... and " << s.sources.size() - 10 << " more\n";
            break;
        }
        out << "  " << host << ": " << n << '\n';
    }
    out << "size on disk: " << human_size(s.bytes_on_disk) << " (" << s.bytes_on_disk
        << " bytes)\n";
    out << "schema version: " << (s.schema_version.empty() ? "none" : s.schema_version) << '\n';
}

fs::path resolved_index_path(const std::string& db) {
    fs::path target = fs::absolute(db).lexically_normal();
    if (!target.has_filename()) target = target.parent_path();
    // Through a symlinked --db, swap the real directory: the link stays a link.
    std::error_code ec;
    if (fs::is_symlink(target, ec)) {
        fs::path real = fs::canonical(target, ec);
        if (!ec) target = real;
    }
    return target;
}

void compact_into_place(Xapian::Database& src, const std::string& db) {
    fs::path target = resolved_index_path(db);
    fs::path tmp = target;
    tmp += ".compact-" + std::to_string(::getpid());
    remove_xapian_dir(tmp.string()); // a leftover of an earlier process with this pid
    try {
        src.compact(tmp.string());
    } catch (const Xapian::Error& e) {
        remove_xapian_dir(tmp.string());
        if (disk_full_error(e))
            throw Error(db + ": disk full (ENOSPC) while compacting; the index is unchanged");
        throw Error(describe_xapian_error(db, e));
    } catch (const std::exception& e) {
        // Xapian's compactor trusts the blocks it reads: on a damaged index it fails
        // inside the standard library ("basic_string::append").
        remove_xapian_dir(tmp.string());
        throw Error(db + ": cannot compact: the index looks damaged (" + e.what() +
                    "); check it with xapian-check, or index again into a new --db");
    }
    if (Xapian::Database::check(tmp.string()) != 0) {
        remove_xapian_dir(tmp.string());
        throw Error(db + ": the compacted copy failed its check; the index is unchanged");
    }
    // Swap the two directories in one step: a reader sees the old or the new index.
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
        // Filesystems without RENAME_EXCHANGE: two renames, a short window without.
        fs::path old = target;
        old += ".old-" + std::to_string(::getpid());
        fs::rename(target, old);
        fs::rename(tmp, target);
        tmp = old;
    }
    // The old index, now under the temporary name: its Xapian files only. Anything else
    // a user kept in it stays there, rather than being deleted unseen.
    remove_xapian_dir(tmp.string());
}

std::pair<std::uint64_t, std::uint64_t> compact_index(const std::string& db, double lock_timeout) {
    fs::path target = resolved_index_path(db);
    if (!is_index_dir(target.string()))
        throw Error(db + ": no Morgue index here; run morgue-index first");
    std::uint64_t before = directory_size(target);
    {
        // The writer's lock keeps other writers out until the swap is done.
        IndexWriter writer(target.string(), lock_timeout, false, /*create=*/false);
        // The index is checked before it is compacted: Xapian's compactor trusts the
        // blocks it reads, and on a damaged one it fails midway (leaking what it held)
        // or worse. A damaged index is said so in one line and left as it is.
        try {
            if (Xapian::Database::check(target.string(), 0, nullptr) != 0)
                throw Error(db + ": the index is damaged (Xapian's check finds errors); it is "
                                 "unchanged: re-index with morgue-index");
        } catch (const Xapian::Error& e) {
            throw Error(describe_xapian_error(db, e));
        }
        Xapian::Database src = writer.db();
        compact_into_place(src, target.string());
    }
    return {before, directory_size(target)};
}

std::vector<std::string> delete_articles(const std::string& db, const std::vector<std::string>& ids,
                                         double lock_timeout) {
    IndexWriter writer(db, lock_timeout, false, /*create=*/false);
    std::vector<std::string> missing;
    for (const auto& id : ids) {
        if (writer.remove(id)) continue;
        // A URL as the user has it: ids are normalised URLs.
        std::string norm = normalize_url(id);
        if (!norm.empty() && norm != id && writer.remove(norm)) continue;
        missing.push_back(id);
    }
    writer.commit();
    return missing;
}

} // namespace morgue
