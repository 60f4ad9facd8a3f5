// The requirement template of the årlig genomgång: the shipped file covers every SKA and BÖR of
// SOSFS 2011:9 3–7 kap. with its section, a broken template is refused with exact places.
#include "core/arlig_genomgang/requirement_template.hpp"
#include "core/exchange_format.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kvh::core;

using kvh::test::read_asset;
using kvh::test::refusals;

namespace {

constexpr const char* kHead = R"({"format":"kvalitetshjul-kravmall","version":1,"id":"t","mallversion":"1",
    "namn":"Test","källa":"Egen","giltig_fran":"2023-07-01","krav":[)";

} // namespace

TEST_CASE("the shipped template covers every SKA and BÖR of SOSFS 2011:9 3–7 kap.") {
    std::vector<ValidationError> errors;
    const auto t = parse_requirement_template(read_asset("requirements_sosfs_2011_9.json"), errors);
    REQUIRE(errors.empty());
    REQUIRE(t);
    CHECK(t->id == "sosfs_2011_9");
    CHECK_FALSE(t->version.empty());
    CHECK(t->valid_from == "2023-07-01");
    std::set<std::string> references;
    for (const Requirement& k : t->requirements) references.insert(k.reference);
    // domain.md §1: the SKA rows of 3–7 kap. and the paragraphs with a BÖR.
    for (const char* ref :
         {"3 kap. 1 §", "3 kap. 2 §", "3 kap. 3 §", "4 kap. 1 §", "4 kap. 2 §", "4 kap. 3 §", "4 kap. 4 §",
          "4 kap. 5 §", "4 kap. 6 §", "5 kap. 1 §", "5 kap. 2 §", "5 kap. 3 §", "5 kap. 6 §", "5 kap. 7 §",
          "5 kap. 8 §", "6 kap. 1 §", "7 kap. 1 §", "7 kap. 2–3 §§"})
        CHECK_MESSAGE(references.count(ref) == 1, ref);
    int advice = 0, sections_used = 0;
    for (const Requirement& k : t->requirements) advice += k.kind == RequirementKind::allmant_rad;
    CHECK(advice == 4); // 5:2, 7:1 twice, 7:2–3
    for (ReportSection s : all_report_sections)
        for (const Requirement& k : t->requirements)
            if (k.section == s) {
                ++sections_used;
                break;
            }
    CHECK(sections_used == int(std::size(all_report_sections)));
    // The rows domain.md marks (?) stay open to rephrasing.
    CHECK(find_requirement(*t, "5-8")->uncertain);
    CHECK_FALSE(find_requirement(*t, "3-1")->uncertain);
    CHECK(find_requirement(*t, "arlig-genomgang")->kind == RequirementKind::rekommendation);
}

TEST_CASE("a broken requirement template is refused with the place of each fault") {
    CHECK(refusals(parse_requirement_template,
                   R"({"format":"kvalitetshjul-egenkontrollbibliotek","version":1})")
              .at(0) == "format: ”kvalitetshjul-egenkontrollbibliotek” är ingen kravmall; en sådan fil har "
                        "”kvalitetshjul-kravmall” här");
    const auto errors = refusals(parse_requirement_template,
                                 std::string(kHead) +
                                     R"({"id":"a","hanvisning":"3 kap. 1 §","typ":"krav","avsnitt":"ansvar",
         "text":"T","hjalp":"H"},{"id":"a","hanvisning":" ","typ":"bör","avsnitt":"slut","text":"T","hjalp":"H",
         "osaker":"ja"}]})");
    REQUIRE(errors.size() == 5);
    CHECK(errors[0].rfind("krav[1].id: ", 0) == 0);
    CHECK(errors[1].rfind("krav[1].hanvisning: ", 0) == 0);
    CHECK(errors[2].rfind("krav[1].typ: okänt värde ”bör”", 0) == 0);
    CHECK(errors[3].rfind("krav[1].avsnitt: okänt värde ”slut”", 0) == 0);
    CHECK(errors[4].rfind("krav[1].osaker: ", 0) == 0);
    CHECK(refusals(parse_requirement_template, std::string(kHead) + R"({"id":"a"}]})").size() ==
          5); // each required field named
}

TEST_CASE("the sections of the kvalitetsberättelse keep the order of domain.md §2") {
    std::vector<std::string> keys;
    for (ReportSection s : all_report_sections) keys.emplace_back(report_section_key(s));
    CHECK(keys == std::vector<std::string>{"inledning", "ansvar", "processer", "samverkan", "riskanalys",
                                           "egenkontroll", "avvikelser", "personal", "individ", "resultat",
                                           "fokus"});
    CHECK(std::string(tr(report_section_name(ReportSection::avvikelser), Lang::sv)) ==
          "Avvikelser, klagomål och synpunkter");
}
