// The people recogniser on the kinds of misses seen in real articles (issue 14), each
// pinned on the team's own fictional sentences: products and works made of English
// words, titles in quotes, halls of fame, lists and tables of names, roles before a
// name, lone names by evidence, Russian names in oblique cases, Chinese names. Then the passes one
// at a time (passes.hpp) and the evidence functions of name_segments.hpp.
#include "parse/people/name_segments.hpp"
#include "parse/people/passes.hpp"
#include "parse/people/people.hpp"
#include "parse/people/people_tables.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace morgue;

namespace {

using Names = std::vector<std::string>;

std::vector<Person> found(const std::string& body) {
    Article a;
    a.body = body;
    return find_people(a);
}

Names found_names(const std::string& body) {
    Names out;
    for (const auto& p : found(body))
        out.push_back(p.name);
    return out;
}

const Person* person(const std::vector<Person>& ps, const std::string& name) {
    for (const auto& p : ps)
        if (p.name == name) return &p;
    return nullptr;
}

bool has_role(const Person* p, const std::string& role) {
    return p && std::find(p->roles.begin(), p->roles.end(), role) != p->roles.end();
}

// The one candidate of a text, as the candidates pass cuts it.
names::Segment only_candidate(const std::string& body) {
    Article a;
    a.body = body;
    auto cands = find_candidates(a);
    REQUIRE(cands.size() == 1);
    return cands[0].seg;
}

} // namespace

TEST_CASE("people evidence: the name and word tables are compiled in") {
    const PeopleTables& t = people_tables();
    CHECK(t.known_given.size() > 20000);
    CHECK(t.known_surnames.size() > 10000);
    CHECK(t.english.size() > 50000);
    CHECK(t.known_given.count("margaret"));
    CHECK(t.known_given.count("дмитрий")); // faker's Russian first names
    CHECK(t.known_surnames.count("волков"));
    CHECK(t.english.count("kettle"));
    CHECK_FALSE(t.english.count("grace")); // a common given name is no evidence against
}

TEST_CASE("people evidence: products and devices made of English words are no people") {
    CHECK(found_names("Reviewers liked the Travel Kettle and the Folding Desk Lamp, said "
                      "Ines Albright.") == Names{"Ines Albright"});
    CHECK(found_names("The update adds a Search Mode. Search Mode is off by default. Turn on "
                      "Search Mode in the menu.")
              .empty());
    // A rare given name that is also an English word, before another: a thing.
    CHECK(found_names("We tested the Stone Bricks texture pack.").empty());
    // But common given names and surnames are names, English homographs or not.
    CHECK(found_names("Grace Baker met Rose Hill in town.") == Names{"Grace Baker", "Rose Hill"});
}

TEST_CASE("people evidence: a word of English before a given name is no part of the name") {
    CHECK(found_names("As the critic put it, Feminist Glenn Marlowe wrote the best reply.") ==
          Names{"Glenn Marlowe"});
}

TEST_CASE("people evidence: journals, telescopes, acts, offices and titles of works") {
    CHECK(found_names("Astronomers at the Harrow Telescope published in the Journal of Reef "
                      "Science.")
              .empty());
    CHECK(found_names("The Clean Rivers Act passed. The Speaker\xE2\x80\x99s Office said "
                      "nothing.")
              .empty());
    CHECK(found_names("We watched \xE2\x80\x9CSilent Harbour\xE2\x80\x9D and read "
                      "\xE2\x80\x9CPaper Lanterns\xE2\x80\x9D with \"Marcus Vell\" last week.")
              .empty());
}

TEST_CASE("people evidence: a hall of fame is not cut into a name") {
    CHECK(found_names("She was inducted into the Rock and Roll Hall of Fame in May.").empty());
    CHECK(found_names("The Alden Chamber of Commerce met on Friday.").empty());
    // A person "of" an organisation stays a person.
    CHECK(found_names("Marta Ruiz of Commerce Bank said no. Greta Hall of Boston agreed.") ==
          Names{"Marta Ruiz", "Greta Hall"});
}

TEST_CASE("people evidence: a list or table of names is its own cue") {
    // A cast list: each line alone would read as a heading.
    CHECK(found_names("The cast of the play.\n\nMarta Ruiz\nDaniel Okafor\nLena Fischer\nOwen "
                      "Price") ==
          Names{"Marta Ruiz", "Daniel Okafor", "Lena Fischer", "Owen Price"});
    // Standings: the team column after the name is cut off.
    CHECK(found_names("Final standings after the race.\n\n1. Tomas Ferreira Halcyon 1:32.1\n"
                      "2. Greta Lindqvist Borealis +0.3\n3. Pavel Novak Meridian +1.2\n"
                      "4. Aiko Tanaka Halcyon +2.0") ==
          Names{"Tomas Ferreira", "Greta Lindqvist", "Pavel Novak", "Aiko Tanaka"});
    // A list of things is still no list of people.
    CHECK(found_names("Our menu.\n\nSpicy Bean Soup\nApple Crumble Pie\nLemon Tart\nIced "
                      "Tea Jug")
              .empty());
}

TEST_CASE("people evidence: roles and ranks before a name go into roles") {
    auto ps = found("Forward Jane Roe scored twice and Eagles QB John Doe threw for 300 yards. "
                    "Gen. Mark Stone and Bishop Ana Ruiz watched with Senator Paul Okafor.");
    CHECK(has_role(person(ps, "Jane Roe"), "forward"));
    CHECK(has_role(person(ps, "John Doe"), "quarterback"));
    CHECK(has_role(person(ps, "Mark Stone"), "general"));
    CHECK(has_role(person(ps, "Ana Ruiz"), "bishop"));
    CHECK(has_role(person(ps, "Paul Okafor"), "senator"));
    CHECK(person(ps, "Forward Jane Roe") == nullptr);
    // Honorifics are no role.
    auto mr = found("Mr. Tomas Ferreira said so.");
    REQUIRE(person(mr, "Tomas Ferreira"));
    CHECK(person(mr, "Tomas Ferreira")->roles == Names{"mentioned"});
}

TEST_CASE("people evidence: a lone name before an eponym word is the person") {
    CHECK(found_names("Farmers urged the Reagan administration to act.") == Names{"Reagan"});
    // An organisation named after a person is not that person.
    CHECK(found_names("Jones International Ltd realigned its units. Jones said the change "
                      "was small.")
              .empty());
}

TEST_CASE("people evidence: names with particles") {
    CHECK(found_names("The author thanks Anne van der Molen and Luis de la Vega.") ==
          Names{"Anne van der Molen", "Luis de la Vega"});
}

TEST_CASE("people evidence: a short line of prose is no Title Case heading") {
    CHECK(found_names("Senator Paul Okafor, a Rhode Island Republican, told the\nNew York "
                      "Times that it was bad.") == Names{"Paul Okafor"});
}

TEST_CASE("people evidence: Russian names in oblique cases are given in the nominative") {
    CHECK(found_names("Встреча Дмитрия Волкова и Анны Соколовой прошла в Казани.") ==
          Names{"Дмитрий Волков", "Анна Соколова"});
    CHECK(found_names("Тренер Сергей Семак доволен игрой.") == Names{"Сергей Семак"});
    // A capitalised Russian phrase with no name in it.
    CHECK(found_names("Депутаты сказали, что Государственная Дума одобрила закон.").empty());
}

TEST_CASE("people passes: candidates are cut, judged and marked one by one") {
    names::Segment s = only_candidate("Yesterday, Feminist Glenn Marlowe wrote.");
    CHECK(s.words == Names{"Glenn", "Marlowe"});
    CHECK_FALSE(names::ordinary_words(s));

    names::Segment tarot = only_candidate("I bought the Tarot Cards there.");
    CHECK(names::ordinary_words(tarot));

    names::Segment quoted = only_candidate("She loved \xE2\x80\x9CSilent Harbour\xE2\x80\x9D.");
    CHECK(quoted.killed);

    names::Segment reagan = only_candidate("They urged the Reagan administration to act.");
    CHECK(reagan.eponym);
    CHECK_FALSE(reagan.killed);
    CHECK(names::lone_name_by_evidence(reagan));

    Article list;
    list.body = "Line-up\n\nMarta Ruiz\nDaniel Okafor\nLena Fischer";
    Names rows;
    for (const auto& c : find_candidates(list)) {
        if (!c.seg.listed) continue;
        CHECK_FALSE(c.known_only);
        rows.push_back(names::join(c.seg.words, 0, c.seg.words.size()));
    }
    CHECK(rows == Names{"Marta Ruiz", "Daniel Okafor", "Lena Fischer"});

    names::Segment role = only_candidate("It was Forward Jane Roe again.");
    CHECK(role.role == "forward");
    CHECK(names::role_of("Gen.") == "general");
    CHECK(names::role_of("Mr.").empty());
}

TEST_CASE("people evidence: Korean names by a surname and the title after them") {
    auto ps = found("서울에서 윤도현 감독은 박서연 의원과 만났다. 오늘 날씨가 좋다.");
    REQUIRE(ps.size() == 2);
    CHECK(ps[0].name == "윤도현");
    CHECK(has_role(&ps[0], "감독"));
    CHECK(ps[1].name == "박서연");
    // A word opening with a surname syllable but no title after it is no name.
    CHECK(found("오늘 날씨가 좋다. 김치를 먹었다.").empty());
}

TEST_CASE("people evidence: Greek names after a Greek title") {
    CHECK(found_names("Ο πρωθυπουργός Γιώργος Παπαδόπουλος είπε ότι η χώρα είναι έτοιμη.") ==
          Names{"Γιώργος Παπαδόπουλος"});
}

TEST_CASE("people evidence: names in capitals, glued credits and names as headings") {
    CHECK(found_names("The minister met LAURIE OAKES in a NEW YORK hotel.") ==
          Names{"LAURIE OAKES"});
    CHECK(found_names("Scenes from the night.\n\nCredit\xC3\x81ngel Ferreira for the Daily "
                      "Ledger") == Names{"\xC3\x81ngel Ferreira"});
    // A heading that is a known given name and a known surname names a person.
    CHECK(found_names("About the author\n\nMargaret Wilson\n\nWrites on trade.") ==
          Names{"Margaret Wilson"});
}

TEST_CASE("people: Chinese transliterations with an interpunct, grown over transliteration "
          "characters only") {
    // Team-written text. The role before the name (发言人, 教授) and the verb after it
    // (表示, 认为) stay out; "?" for a lost interpunct counts between longer parts, and a
    // later real interpunct gives the display form.
    std::string body = "公司发言人卡罗?温特斯表示，新馆将在秋天开放。\n\n"
                       "历史学教授卡罗·温特斯认为，这座城市的档案值得保存。"
                       "记者还采访了马丁·路德·金的研究者。";
    auto ps = found(body);
    CHECK(found_names(body) == Names{"卡罗·温特斯", "马丁·路德·金"});
    REQUIRE(person(ps, "卡罗·温特斯"));
    CHECK(person(ps, "卡罗·温特斯")->mentions == 2);
    // An ordinary question mark between words is no interpunct.
    CHECK(found_names("你今天去吗?我明天去。").empty());
}

TEST_CASE("people: a Latin name in brackets after a transliteration is the same person") {
    std::string body = "天文学家维拉·鲁宾(Vera Rubin)研究星系。\n\n"
                       "Vera Rubin said the data were clear.";
    CHECK(found_names(body) == Names{"维拉·鲁宾"});
}

TEST_CASE("people: Chinese credit labels name the people after them") {
    std::string body = "新馆将在秋天开放。\n\n（编译/王晓林）\n\n[责任编辑:陈美玲]\n\n"
                       "作者︱周文 郑红";
    CHECK(found_names(body) == Names{"王晓林", "陈美玲", "周文", "郑红"});
    // An organisation after a label, or a label inside a word, names nobody.
    CHECK(found_names("编辑：新华社\n\n编辑部的同事们").empty());
}

TEST_CASE("people: country, region and city names of CLDR, in any language, are places") {
    // Team-written sentences; the place names come from ICU's CLDR data at build time.
    CHECK(found_names("El acuerdo con Nueva Zelanda fue firmado ayer, dijo Marta Quiroga.") ==
          Names{"Marta Quiroga"});
    CHECK(found_names("Il governo degli Stati Uniti ha risposto, ha detto Paolo Ferrante.") ==
          Names{"Paolo Ferrante"});
    CHECK(found_names("Pemerintah Amerika Serikat menolak, kata Budi Santoso.") ==
          Names{"Budi Santoso"});
}

TEST_CASE("people: a word of office after a name no list knows makes a person") {
    // Team-written; "Okonkwara" and "Vantrell" are in no name list.
    CHECK(found_names("Critics of the Okonkwara administration said the port was slow.") ==
          Names{"Okonkwara"});
    CHECK(found_names("Vantrell administration officials said nothing on Friday.") ==
          Names{"Vantrell"});
    // Weaker words ("scandal", "regime", "campaign") still need a known name: a company or
    // a movement before them names nobody.
    CHECK(found_names("The Okonkwara scandal and the Vantrell regime were in the news.").empty());
}

TEST_CASE("people: US Census surnames are known surnames; a country's name is not one") {
    // "Cunningham" is in the 1990 Census surnames (not in faker's): a known given name
    // and surname alone on a heading line make a person; the eponym rule knows it too.
    CHECK(found_names("About the writer\n\nScott Cunningham\n\nHe covers shipping and ports.") ==
          Names{"Scott Cunningham"});
    CHECK(found_names("Critics of the Cunningham hearings said the port was slow.") ==
          Names{"Cunningham"});
    // "Peru" is a Census surname too, but a country's name first.
    CHECK(found_names("Exports from Peru rose, and the Peru scandal faded.").empty());
}

TEST_CASE("people: a role noun in lower case makes a one-word name a person") {
    // Team-written; "Tavarinho" and "Okonda" are in no name list.
    auto ps = found("The goal came from striker Tavarinho in the second half. The film by "
                    "director Okonda opened on Friday.");
    CHECK(found_names("The goal came from striker Tavarinho in the second half. The film by "
                      "director Okonda opened on Friday.") == Names{"Tavarinho", "Okonda"});
    CHECK(has_role(person(ps, "Tavarinho"), "striker"));
    // A qualifier is no role noun, and an English or place word stays what it is.
    CHECK(found_names("Shares of a former Tokyo lender and the veteran Tavarinho fell.").empty());
    CHECK(found_names("The coach Harbour was late.").empty());
}

TEST_CASE("people: a neighbourhood after a locative preposition is a place") {
    CHECK(found_names("She moved to Cobble Hill last year with Marta Ruiz.") ==
          Names{"Marta Ruiz"});
    // The same last word after anything else is a surname.
    CHECK(found_names("A talk with Lauryn Hill and Grace Park.") ==
          Names{"Lauryn Hill", "Grace Park"});
}

TEST_CASE("people: product lists in Italian and Spanish, shops in Russian genitive") {
    // Team-written shopping lists: the products are no people, the curator is.
    CHECK(found_names("Le migliori offerte di oggi, scelte da Giulia Bernardi.\n\n"
                      "Robot Aspirapolvere Ultra a 199 euro\n\n"
                      "Macchina Caffè Espresso Deluxe a 89 euro\n\n"
                      "Friggitrice Aria Digitale a 79 euro\n") == Names{"Giulia Bernardi"});
    CHECK(found_names("Las mejores ofertas de hoy, elegidas por Lucía Herrera.\n\n"
                      "Cafetera Express Compacta por 59 euros\n\n"
                      "Auriculares Inalámbricos Pro por 39 euros\n\n"
                      "Freidora Aire Digital por 69 euros\n") == Names{"Lucía Herrera"});
    CHECK(found_names("Покупатели пришли в магазины Детского Мира и Спортивной Лиги, "
                      "сообщила Анна Соколова.") == Names{"Анна Соколова"});
}

TEST_CASE("people: a preposition that is also a name particle opens no name") {
    // "da", "de" before a known given name are the language's "by", "of".
    CHECK(found_names("Le foto sono state scelte da Giulia Bernardi.") == Names{"Giulia Bernardi"});
    // Still part of the name inside it, and an organisation after one stays out whole.
    CHECK(found_names("Leonardo da Vinci painted it, said Luis de la Vega.") ==
          Names{"Leonardo da Vinci", "Luis de la Vega"});
    CHECK(found_names("Un informe de la Universidad de Lisboa y del Estado Mayor.").empty());
}
