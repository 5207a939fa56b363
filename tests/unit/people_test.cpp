// The people recogniser: roles, hard negatives, coreference, possessives, particles,
// initials, accents and mention counts on short fictional sentences, then every
// annotated fixture in tests/fixtures/people/.
#include "parse/parse.hpp"
#include "parse/people/people.hpp"
#include "parse/text_article.hpp"
#include "text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace morgue;

namespace {

std::vector<Person> people_in(const std::string& body, const std::string& title = "") {
    Article a;
    a.title = title;
    a.body = body;
    return find_people(a);
}

std::vector<std::string> names(const std::vector<Person>& ps) {
    std::vector<std::string> out;
    for (const auto& p : ps)
        out.push_back(p.name);
    return out;
}

std::vector<std::string> names_in(const std::string& body, const std::string& title = "") {
    return names(people_in(body, title));
}

const Person* find(const std::vector<Person>& ps, const std::string& name) {
    for (const auto& p : ps)
        if (p.name == name) return &p;
    return nullptr;
}

using Names = std::vector<std::string>;

} // namespace

TEST_CASE("people: byline authors and photo credits get their roles") {
    Article a;
    a.authors = {"Hollis Brennan", "Newsline Staff"};
    a.captions = {{"Gov. Ruth Abernathy speaks in Port Alden.", "AP Photo/Mateo Ibarra, File"}};
    a.body = "Hollis Brennan contributed. Abernathy said the fair would return.";
    auto ps = find_people(a);
    CHECK(names(ps) == Names{"Hollis Brennan", "Mateo Ibarra", "Ruth Abernathy"});
    REQUIRE(find(ps, "Hollis Brennan"));
    CHECK(find(ps, "Hollis Brennan")->roles == Names{"author", "mentioned"});
    CHECK(find(ps, "Hollis Brennan")->mentions == 2);
    CHECK(find(ps, "Mateo Ibarra")->roles == Names{"photographer"});
    CHECK(find(ps, "Ruth Abernathy")->mentions == 2);
    // A courtesy credit names who provided the photo, not who took it.
    Article b;
    b.captions = {{"The pier in 1950.", "Courtesy of Marta Quiroga"}};
    auto qs = find_people(b);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].name == "Marta Quiroga");
    CHECK(qs[0].roles == Names{"mentioned"});
}

TEST_CASE("people: a byline in capitals is still a person") {
    Article a;
    a.authors = {"NADIA PETROVIC", "D.J. HARROW", "REUTERS"};
    CHECK(names(find_people(a)) == Names{"Nadia Petrovic", "D.J. Harrow"});
}

TEST_CASE("people: a Title Case headline completes a surname used alone in the text") {
    auto ps = people_in("Ruiz said the seat was won. Ruiz thanked voters.",
                        "Ana Ruiz Wins Seat After Recount");
    CHECK(names(ps) == Names{"Ana Ruiz"});
    CHECK(ps[0].mentions == 3);
    CHECK(names_in("The Harbor Council met.", "Harbor Council Wins Grant After Vote").empty());
}

TEST_CASE("people: photo credit shapes") {
    using R = std::pair<std::string, Names>;
    auto row = GENERATE(table<std::string, Names>({
        R{"AP Photo/Alex Brandon, File", {"Alex Brandon"}},
        R{"Photo: Karim Nassar/Eastbrook Tribune", {"Karim Nassar"}},
        R{"Credit: Ines Duarte-Lopes / Pacific Reef Institute", {"Ines Duarte-Lopes"}},
        R{"Hana Sorensen/Getty Images", {"Hana Sorensen"}},
        R{"Photo by Lucía Fernández/Valley Business Wire", {"Lucía Fernández"}},
        R{"AP Photo/J.R. Castellanos, Pool", {"J.R. Castellanos"}},
        R{"Reuters/Omar Bakhit", {"Omar Bakhit"}},
        R{"Photos by Ana Ruiz and Tom Lee for the Ledger", {"Ana Ruiz", "Tom Lee"}},
        R{"Courtesy of the Orbitline Aerospace", {}},
        R{"Courtesy of the Farraday family", {}},
        R{"Getty Images", {}},
        R{"AP Photo, File", {}},
        R{"Ledger Photo", {}},
    }));
    CHECK(credit_names(std::get<0>(row)) == std::get<1>(row));
}

TEST_CASE("people: organisations, publications and places shaped like names") {
    CHECK(names_in("Analysts at Morgan Stanley and Goldman Sachs expect a cut, said Ana "
                   "Ruiz.") == Names{"Ana Ruiz"});
    CHECK(names_in("The plant in Santa Clara opened Monday near Lake Tahoe.").empty());
    CHECK(names_in("The move was first reported by the Harbor Street Journal on Friday.").empty());
    CHECK(names_in("Trains left Victoria Station late. Jordan hosts a million refugees.").empty());
    CHECK(names_in("Some White House officials met the Port Alden Council at Kirkby Vale "
                   "University.")
              .empty());
    CHECK(names_in("Kremlin spokesman Dara Velkov spoke to The Telegraph about Starlink.") ==
          Names{"Dara Velkov"});
    CHECK(names_in("Shares of Vexon Systems fell after the Northern Pines Children's Fund "
                   "sued.")
              .empty());
    CHECK(names_in("The study appeared in the Journal of Reef Science on Monday.").empty());
    CHECK(names_in("Tesla and SpaceX sued the New York Times in Manhattan.").empty());
}

TEST_CASE("people: words that name places and things also end people's names") {
    CHECK(names_in("Nancy Day sang. On Memorial Day she rested. Gary Woods won, and Paula "
                   "Bay filmed it. Tampa Bay lost. Helen Court met us at Harbor Court.") ==
          Names{"Nancy Day", "Gary Woods", "Paula Bay", "Helen Court"});
}

TEST_CASE("people: sentence openers and Title Case words are not names") {
    CHECK(names_in("Meanwhile Dana Whitby said no. But Whitby later agreed.") ==
          Names{"Dana Whitby"});
    CHECK(names_in("Using Chromium Builds is easy. Actually Nobody Knows.").empty());
    // A heading only confirms people named in the text.
    CHECK(names_in("Detecting Anomalies\n\nAnother section.").empty());
    auto ps = people_in("Abigail Whitcombe leads. Whitcombe said so.",
                        "Whitcombe Slams Rival Over Budget Plan");
    CHECK(names(ps) == Names{"Abigail Whitcombe"});
    CHECK(ps[0].mentions == 3);
}

TEST_CASE("people: one-word mentions resolve to the full name, earlier or later") {
    auto ps = people_in("Ruiz spoke first. Later, Mayor Ana Ruiz and Tom Lee met. Ruiz's plan "
                        "won; Ana thanked Lee.");
    CHECK(names(ps) == Names{"Ana Ruiz", "Tom Lee"});
    CHECK(find(ps, "Ana Ruiz")->mentions == 4);
    CHECK(find(ps, "Tom Lee")->mentions == 2);
    // A lone surname is nobody without a title.
    CHECK(names_in("Whitby said the plan was sound.").empty());
    CHECK(names_in("Sen. Whitby said the plan was sound. Whitby voted yes.") == Names{"Whitby"});
    CHECK(people_in("Sen. Whitby said the plan was sound. Whitby voted yes.")[0].mentions == 2);
}

TEST_CASE("people: titles are dropped from names") {
    CHECK(names_in("President Ana Ruiz met Prime Minister Tariq Al-Masri and Dr. Evelyn "
                   "St. Clair.") == Names{"Ana Ruiz", "Tariq Al-Masri", "Evelyn St. Clair"});
    CHECK(names_in("Quillon CEO Dorian Achebe-Mills and Attorney-General Ruth Pryce spoke.") ==
          Names{"Dorian Achebe-Mills", "Ruth Pryce"});
    // Regnal titles stay before a lone name; other titles go.
    CHECK(names_in("Pope Leo spoke. King Alaric III met Crown Prince Khalid bin Rashid.") ==
          Names{"Pope Leo", "King Alaric III", "Khalid bin Rashid"});
    CHECK(names_in("Mr Fairbanks met Councilwoman Tamsin Reyes.") ==
          Names{"Fairbanks", "Tamsin Reyes"});
}

TEST_CASE("people: possessives, particles, hyphens, initials and accents") {
    auto ps = people_in("Cornelius Vandermeer's ship sailed. Vandermeer's crew cheered.");
    CHECK(names(ps) == Names{"Cornelius Vandermeer"});
    CHECK(ps[0].mentions == 2);
    CHECK(names_in("Pieter van der Berg scored. Van der Berg's coach, Marco di Stefano, "
                   "smiled.") == Names{"Pieter van der Berg", "Marco di Stefano"});
    ps = people_in("Crown Prince Khalid bin Rashid spoke. Bin Rashid left with Yusuf "
                   "al-Amiri. Amiri stayed.");
    CHECK(names(ps) == Names{"Khalid bin Rashid", "Yusuf al-Amiri"});
    CHECK(find(ps, "Khalid bin Rashid")->mentions == 2);
    CHECK(find(ps, "Yusuf al-Amiri")->mentions == 2);
    CHECK(names_in("Abu Karim al-Masoudi met Hong Jae-sun and Glen Farrow in Abu Dhabi.") ==
          Names{"Abu Karim al-Masoudi", "Hong Jae-sun", "Glen Farrow"});
    // A lower-case "de" opening a group is a preposition, not part of the name.
    CHECK(names_in("Le film de Jérémy Piette sort en mai. Jérémy Piette a dit oui.") ==
          Names{"Jérémy Piette"});
    CHECK(names_in("Jean-Luc Marchetti and Ana de la Cruz arrived.") ==
          Names{"Jean-Luc Marchetti", "Ana de la Cruz"});
    CHECK(names_in("J.D. Harrow and Mary K. Ruiz joined Samuel K Adeyemi.") ==
          Names{"J.D. Harrow", "Mary K. Ruiz", "Samuel K Adeyemi"});
    ps = people_in("José Álvarez met Łukasz Wiśniewski and Zoë Kowalczyk. Álvarez left.");
    CHECK(names(ps) == Names{"José Álvarez", "Łukasz Wiśniewski", "Zoë Kowalczyk"});
    CHECK(find(ps, "José Álvarez")->mentions == 2);
    CHECK(names_in("She backed a pro-Ruth Abernathy group.") == Names{"Ruth Abernathy"});
    CHECK(names_in("Coach Darnell \"Skip\" Whitfield rested Okoro.") == Names{"Darnell Whitfield"});
}

TEST_CASE("people: partial and longer forms of one name are one person") {
    auto ps =
        people_in("Both Ilan Marom and Michael Forrest Quade run hotels. Forrest Quade said so. "
                  "Quade left.");
    CHECK(names(ps) == Names{"Ilan Marom", "Michael Forrest Quade"});
    CHECK(ps[1].mentions == 3);
    ps = people_in("Rookie Malik Okafor-Banks scored. Guard Malik Okafor-Banks smiled.");
    CHECK(names(ps) == Names{"Malik Okafor-Banks"});
    CHECK(ps[0].mentions == 2);
}

TEST_CASE("people: a name repeated in full but never shortened or cued is a product") {
    CHECK(
        names_in("Quill Reader is fast. Quill Reader is cheap. Quill Reader ships today.").empty());
    CHECK(names_in("Ana Ruiz is fast. Ana Ruiz is cheap. Ana Ruiz said she ships today.") ==
          Names{"Ana Ruiz"});
    CHECK(names_in("Hori Tane left. Hori Tane came back. Hori Tane won. Tane smiled.") ==
          Names{"Hori Tane"});
}

TEST_CASE("people: nothing found in empty or odd text, no crash") {
    CHECK(names_in("").empty());
    CHECK(names_in("'''\"\"\" - -- ... \xE2\x80\x9C \xC2\xA0 \xFF\xFE").empty());
    CHECK(names_in(std::string(5000, 'A')).empty());
    std::string many;
    for (int i = 0; i < 2000; ++i)
        many += "Ana Ruiz ";
    CHECK(names_in(many).size() <= 1);
    // Thousands of distinct people: look-ups are indexed, so this stays linear.
    std::string crowd;
    const char* syl[] = {"ka", "lo", "mi", "ra", "ten", "dor", "vik", "sa", "nu", "bel"};
    for (int i = 0; i < 3000; ++i) {
        std::string first = syl[i % 10],
                    last = std::string(syl[(i / 10) % 10]) + syl[i / 100 % 10] + syl[i / 1000];
        first[0] = static_cast<char>(first[0] - 32);
        last[0] = static_cast<char>(last[0] - 32);
        crowd += first + "a " + last + " said so. " + last + " agreed. ";
    }
    CHECK(names_in(crowd).size() > 100);
    // Many nicknames and soft hyphens: one pass each, not one per occurrence.
    std::string quoted, soft;
    for (int i = 0; i < 20000; ++i)
        quoted += "Ana \"Bo\" Ruiz said. ";
    for (int i = 0; i < 20000; ++i)
        soft += "Vladi\xC2\xADmir Pe\xC2\xADskov said. ";
    CHECK(names_in(quoted) == Names{"Ana Ruiz"});
    CHECK(names_in(soft) == Names{"Vladimir Peskov"});
}

TEST_CASE("people: the annotated fixtures are recognised with high precision and recall") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(MORGUE_FIXTURES) / "people" / "articles";
    fs::path expected_dir = fs::path(MORGUE_FIXTURES) / "people" / "expected";
    int checked = 0, correct = 0, found = 0, expected = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        Article a = parse_text_article(ss.str());
        finish_article(a);
        std::set<std::string> got;
        for (const auto& p : a.people)
            got.insert(fold_for_match(p.name));
        std::set<std::string> want;
        std::ifstream ann(expected_dir / entry.path().filename().replace_extension(".people"));
        REQUIRE(ann);
        for (std::string line; std::getline(ann, line);)
            if (!line.empty() && line[0] != '#') want.insert(fold_for_match(line));
        std::vector<std::string> hit;
        std::set_intersection(got.begin(), got.end(), want.begin(), want.end(),
                              std::back_inserter(hit));
        correct += static_cast<int>(hit.size());
        found += static_cast<int>(got.size());
        expected += static_cast<int>(want.size());
        // Authors and photographers are never missed.
        for (const auto& au : a.authors) {
            INFO(entry.path().filename().string() << ": author " << au);
            CHECK(got.count(fold_for_match(au)) == 1);
        }
        ++checked;
    }
    CHECK(checked >= 15);
    REQUIRE(found > 0);
    double precision = double(correct) / found, recall = double(correct) / expected;
    INFO("precision " << precision << " recall " << recall);
    CHECK(precision >= 0.95);
    CHECK(recall >= 0.95);
}
