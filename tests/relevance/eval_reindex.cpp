// Re-indexes the articles of a Morgue index with other field weights or another stemming
// strategy, for scripts/eval-ranking: the field weights (the schema's `weight`, a wdf
// multiplier) and the stemming strategy are chosen by measuring each setting on the
// relevance set, and each setting needs its own index. The articles come from the
// stored copies in SRC (document data), so the parsing is morgue-index's; the documents
// are built by the project's DocumentBuilder with an IndexTuning, so the terms are what
// morgue-index would make with those weights. No user-facing option changes either.
//
// Usage: eval_reindex SRC DST [title=N,subtitle=N,caption=N,...] [all|some|none|all_z]
// Prints on stderr how many articles were re-built, and how many differ from SRC's
// documents (terms, wdf, positions, values): 0 with the schema's weights and STEM_ALL,
// the check that re-building is faithful.
#include "document_builder.hpp"
#include "schema.hpp"
#include "stored_article.hpp"

#include <xapian.h>

#include <iostream>
#include <sstream>
#include <string>

namespace {

bool same_document(const Xapian::Document& a, const Xapian::Document& b) {
    auto ta = a.termlist_begin(), tb = b.termlist_begin();
    for (; ta != a.termlist_end() && tb != b.termlist_end(); ++ta, ++tb) {
        if (*ta != *tb || ta.get_wdf() != tb.get_wdf()) return false;
        auto pa = ta.positionlist_begin(), pb = tb.positionlist_begin();
        for (; pa != ta.positionlist_end() && pb != tb.positionlist_end(); ++pa, ++pb)
            if (*pa != *pb) return false;
        if ((pa == ta.positionlist_end()) != (pb == tb.positionlist_end())) return false;
    }
    if ((ta == a.termlist_end()) != (tb == b.termlist_end())) return false;
    auto va = a.values_begin(), vb = b.values_begin();
    for (; va != a.values_end() && vb != b.values_end(); ++va, ++vb)
        if (va.get_valueno() != vb.get_valueno() || *va != *vb) return false;
    return (va == a.values_end()) == (vb == b.values_end());
}

bool parse_weights(const std::string& spec, morgue::IndexTuning& t) {
    std::istringstream in(spec);
    std::string item;
    while (std::getline(in, item, ',')) {
        auto eq = item.find('=');
        if (eq == std::string::npos) return false;
        const morgue::Field* f = morgue::find_field(item.substr(0, eq));
        if (!f || f->kind != morgue::FieldKind::Text) return false;
        t.weight[static_cast<std::size_t>(f->id)] =
            static_cast<unsigned>(std::stoul(item.substr(eq + 1)));
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    morgue::IndexTuning tuning;
    bool ok = argc >= 3 && argc <= 5;
    for (int i = 3; ok && i < argc; ++i) {
        std::string a = argv[i];
        if (a == "all")
            tuning.stem = Xapian::TermGenerator::STEM_ALL;
        else if (a == "some")
            tuning.stem = Xapian::TermGenerator::STEM_SOME;
        else if (a == "none")
            tuning.stem = Xapian::TermGenerator::STEM_NONE;
        else if (a == "all_z")
            tuning.stem = Xapian::TermGenerator::STEM_ALL_Z;
        else
            ok = parse_weights(a, tuning);
    }
    if (!ok) {
        std::cerr << "usage: eval_reindex SRC DST [title=N,subtitle=N,...] [all|some|none|all_z]\n";
        return 2;
    }
    try {
        Xapian::Database src(argv[1]);
        Xapian::WritableDatabase dst(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
        for (auto k = src.metadata_keys_begin(); k != src.metadata_keys_end(); ++k)
            dst.set_metadata(*k, src.get_metadata(*k));
        morgue::DocumentBuilder builder(tuning);
        unsigned built = 0, differ = 0;
        for (auto p = src.postlist_begin(""); p != src.postlist_end(""); ++p) {
            Xapian::Document old = src.get_document(*p);
            Xapian::Document doc = builder.build(morgue::article_from_stored(old.get_data()));
            if (!same_document(old, doc)) ++differ;
            dst.replace_document(*p, doc);
            ++built;
        }
        dst.commit();
        std::cerr << "eval_reindex: " << built << " articles re-built, " << differ
                  << " differ from the source index\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "eval_reindex: " << e.get_description() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "eval_reindex: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
