// The query path of morgue-search: query string -> Xapian query -> results, against a
// small in-memory index built from one article.
#include "document_builder.hpp"
#include "errors.hpp"
#include "query.hpp"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>

static Xapian::WritableDatabase& index_db() {
    static Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase d(std::string(), Xapian::DB_BACKEND_INMEMORY);
        morgue::Article a;
        a.id = "h:1";
        a.title = "Harbour council closes the old ferry pier";
        a.authors = {"Mara Lindqvist", "José Ibarra"};
        a.date = "2024-10-25";
        a.body = "The council voted on Tuesday. Okafor's plan won.";
        a.tags = {"Port Alden"};
        morgue::DocumentBuilder b;
        Xapian::Document doc = b.build(a);
        d.replace_document(morgue::id_term(a.id), doc);
        d.add_spelling("okafor");
        return d;
    }();
    return db;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string q(reinterpret_cast<const char*>(data), size);
    morgue::QueryOptions opts;
    opts.today = {2024, 11, 6};
    try {
        morgue::QueryBuilder qb(index_db(), opts);
        Xapian::Enquire e(index_db());
        e.set_query(qb.parse(q));
        e.get_mset(0, 10);
    } catch (const morgue::Error&) {
    } catch (const Xapian::Error&) {
    }
    return 0;
}
