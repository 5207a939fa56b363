// The baseline Morgue's ranking is measured against: plain BM25 with Xapian's defaults
// (BM25Weight(), QueryParser's default OR, no stop words) over the same Morgue index.
// Stems as the index has them (STEM_ALL): Xapian's default STEM_SOME would look for
// Z-prefixed stems this index does not hold, and measure the mismatch, not the ranking.
//
// Usage: xapian_baseline DB [all|some|none|all_z] < queries.tsv -> "qid<TAB>id id id ..." (top 100)
// per query. "some": QueryParser's STEM_SOME, Xapian's default, for an index re-built with
// TermGenerator's STEM_SOME (eval_reindex SRC DST some): Xapian's defaults end to end.
#include <xapian.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    std::string stem = argc == 3 ? argv[2] : "all";
    if (argc < 2 || argc > 3 ||
        (stem != "all" && stem != "some" && stem != "none" && stem != "all_z")) {
        std::cerr << "usage: xapian_baseline DB [all|some|none|all_z] < queries.tsv\n";
        return 2;
    }
    try {
        Xapian::Database db(argv[1]);
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(stem == "some"    ? Xapian::QueryParser::STEM_SOME
                                 : stem == "none"  ? Xapian::QueryParser::STEM_NONE
                                 : stem == "all_z" ? Xapian::QueryParser::STEM_ALL_Z
                                                   : Xapian::QueryParser::STEM_ALL);
        Xapian::Enquire enquire(db);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        std::string line;
        while (std::getline(std::cin, line)) {
            if (line.empty() || line[0] == '#') continue;
            auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
            if (t1 == std::string::npos || t2 == std::string::npos) continue;
            enquire.set_query(qp.parse_query(line.substr(t2 + 1)));
            Xapian::MSet mset = enquire.get_mset(0, 100);
            std::cout << line.substr(0, t1) << '\t';
            bool first = true;
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                Xapian::Document doc = it.get_document();
                auto t = doc.termlist_begin();
                t.skip_to("Q");
                if (t == doc.termlist_end() || (*t)[0] != 'Q') continue;
                std::cout << (first ? "" : " ") << (*t).substr(1);
                first = false;
            }
            std::cout << '\n';
        }
    } catch (const Xapian::Error& e) {
        std::cerr << "xapian_baseline: " << e.get_description() << '\n';
        return 2;
    }
    return 0;
}
