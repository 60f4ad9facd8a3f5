// The risk library: the shipped assets/risk_library.json is complete, a broken library is refused
// with exact places, and a template becomes a new, editable risk.
#include "core/exchange_format.hpp"
#include "core/risk_library.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kvh::core;

using kvh::test::read_asset;
using kvh::test::refusals;

namespace {

constexpr const char* kOneRisk = R"({"format":"kvalitetshjul-riskbibliotek","version":1,
    "categories":["Brukarsäkerhet"],
    "risks":[{"category":"Brukarsäkerhet","description":"Fall som leder till skada","causes":"Ingen fallriskbedömning",
              "consequence_individual":"Fraktur","consequence_verksamhet":"Vårdskada",
              "suggested_actions":["Fallriskbedömning vid inflyttning","Teamgenomgång efter fall"]}]})";

} // namespace

TEST_CASE("the shipped risk library is complete") {
    std::vector<ValidationError> errors;
    const auto lib = parse_risk_library(read_asset("risk_library.json"), errors);
    for (const auto& e : errors) INFO(e.text(Lang::sv));
    REQUIRE(lib);
    CHECK(errors.empty());
    CHECK(lib->version == 1);
    CHECK(lib->risks.size() >= 30);
    CHECK(lib->categories.size() >= 6);
    for (const char* c :
         {"Bemanning och kompetens", "Ledning och organisation", "Processer, rutiner och IT",
          "Kommunikation, överlämning och samverkan", "Dokumentation och uppföljning", "Brukarsäkerhet"})
        CHECK(std::find(lib->categories.begin(), lib->categories.end(), c) != lib->categories.end());

    const std::set<std::string> categories(lib->categories.begin(), lib->categories.end());
    std::set<std::string> used, descriptions;
    for (const LibraryRisk& r : lib->risks) {
        INFO(r.description);
        CHECK(categories.contains(r.category));
        used.insert(r.category);
        CHECK(descriptions.insert(r.description).second); // no template twice
        for (const std::string* field :
             {&r.description, &r.causes, &r.consequence_individual, &r.consequence_verksamhet})
            CHECK_FALSE(is_blank(*field));
        CHECK(r.suggested_actions.size() >= 1);
        CHECK(r.suggested_actions.size() <= 3);
        for (const std::string& a : r.suggested_actions) CHECK_FALSE(is_blank(a));
    }
    CHECK(used == categories); // every category has risks
}

TEST_CASE("a library is read as given") {
    std::vector<ValidationError> errors;
    const auto lib = parse_risk_library(kOneRisk, errors);
    REQUIRE(lib);
    REQUIRE(lib->risks.size() == 1);
    CHECK(lib->categories == std::vector<std::string>{"Brukarsäkerhet"});
    CHECK(lib->risks[0].causes == "Ingen fallriskbedömning");
    CHECK(lib->risks[0].suggested_actions ==
          std::vector<std::string>{"Fallriskbedömning vid inflyttning", "Teamgenomgång efter fall"});
}

TEST_CASE("a broken library is refused with exact places") {
    CHECK(refusals(parse_risk_library, "") == std::vector<std::string>{"filen är tom"});
    CHECK(refusals(parse_risk_library, "{\"format\":") ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 1, kolumn 11"});
    CHECK(refusals(parse_risk_library, "[]") ==
          std::vector<std::string>{"filen ska innehålla ett JSON-objekt, men innehåller en lista"});
    CHECK(refusals(parse_risk_library, R"({"format":"kvalitetshjul","version":1})") ==
          std::vector<std::string>{"format: ”kvalitetshjul” är inget riskbibliotek; en riskbiblioteksfil har "
                                   "”kvalitetshjul-riskbibliotek” här"});
    CHECK(refusals(parse_risk_library, R"({"format":"kvalitetshjul-riskbibliotek","version":2})") ==
          std::vector<std::string>{
              "version: filen är skapad av en nyare version av Kvalitetshjul (formatversion 2; "
              "den här versionen kan läsa till och med version 1). Uppdatera Kvalitetshjul och "
              "försök igen."});

    std::string text = kOneRisk;
    auto replace = [&text](std::string_view from, std::string_view to) {
        text.replace(text.find(from), from.size(), to);
    };
    replace(R"("category":"Brukarsäkerhet")", R"("category":"Hemtjänst")");
    replace(R"("Ingen fallriskbedömning")", R"(" ")");
    replace(R"("Teamgenomgång efter fall")", "3");
    CHECK(refusals(parse_risk_library, text) ==
          std::vector<std::string>{
              "risks[0].category: kategorin ”Hemtjänst” finns inte bland bibliotekets kategorier",
              "risks[0].causes: får inte vara tom",
              "risks[0].suggested_actions[1]: ska vara en text, men är ett heltal"});

    CHECK(refusals(parse_risk_library,
                   R"({"format":"kvalitetshjul-riskbibliotek","version":1,"categories":["A","B","A"],
        "risks":[{"category":"A"},7]})") ==
          std::vector<std::string>{"categories[2]: kategorin ”A” står redan i categories[0]",
                                   "risks[0].description: fältet saknas", "risks[0].causes: fältet saknas",
                                   "risks[0].consequence_individual: fältet saknas",
                                   "risks[0].consequence_verksamhet: fältet saknas",
                                   "risks[0].suggested_actions: fältet saknas",
                                   "risks[1]: ska vara ett objekt, men är ett heltal"});
}

TEST_CASE("a template becomes a new risk with fresh ids and the actions ticked, none unless ticked") {
    std::vector<ValidationError> errors;
    const auto lib = parse_risk_library(kOneRisk, errors);
    REQUIRE(lib);
    const Environment env = kvh::test::fixed_env();
    CHECK(risk_from_library(lib->risks[0], {}, env).actions.empty());
    const Risk second = risk_from_library(lib->risks[0], {1, 7}, env); // 7: no such suggestion
    REQUIRE(second.actions.size() == 1);
    CHECK(second.actions[0].what == lib->risks[0].suggested_actions[1]);
    const Risk a = risk_from_library(lib->risks[0], {0, 1}, env);
    const Risk b = risk_from_library(lib->risks[0], {1, 0}, env);
    CHECK(is_uuid(a.id));
    CHECK(a.id != b.id);
    CHECK(a.description == "Fall som leder till skada");
    CHECK(a.category == "Brukarsäkerhet");
    CHECK(a.consequence_individual == "Fraktur");
    CHECK(a.consequence_verksamhet == "Vårdskada");
    CHECK(a.s == 0);
    CHECK(a.k == 0);
    CHECK(a.decision == RiskDecision::ej_beslutad);
    REQUIRE(a.actions.size() == 2);
    CHECK(a.actions[0].what == "Fallriskbedömning vid inflyttning");
    CHECK(a.actions[0].why == "Ingen fallriskbedömning");
    CHECK(a.actions[0].status == ActionStatus::foreslagen); // a template proposes, nobody has decided
    CHECK(is_uuid(a.actions[1].id));
    CHECK(a.actions[0].id != a.actions[1].id);
    CHECK(a.actions[0].id != a.id);

    // It fits into an analysis and survives the body round trip.
    RiskAnalysis analysis;
    analysis.risks = {a, b};
    CHECK(from_body(to_body(analysis), "body", errors) == analysis);
    CHECK(errors.empty());
}
