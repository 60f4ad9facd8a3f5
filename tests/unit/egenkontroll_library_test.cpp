// The egenkontroll library: the shipped assets/egenkontroll_library.json is complete and covers the
// common checks, a broken library is refused with exact places, and a template becomes a new,
// editable planned check.
#include "core/egenkontroll/egenkontroll_library.hpp"
#include "core/exchange_format.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kvh::core;

using kvh::test::read_asset;
using kvh::test::refusals;

namespace {

constexpr const char* kOne = R"({"format":"kvalitetshjul-egenkontrollbibliotek","version":1,"checks":[
    {"key":"hygien","area":"Hygien","what":"Basala hygienrutiner","purpose":"SOSFS 2015:10","method":"observation",
     "sample_size":20,"frequency":"halvar","questions":["Handdesinfektion?","Handskar?","Arbetsdräkt?"]}]})";

} // namespace

TEST_CASE("the shipped egenkontroll library is complete and covers the common checks") {
    std::vector<ValidationError> errors;
    const auto lib = parse_egenkontroll_library(read_asset("egenkontroll_library.json"), errors);
    for (const auto& e : errors) INFO(e.text(Lang::sv));
    REQUIRE(lib);
    CHECK(errors.empty());
    CHECK(lib->version == 1);
    CHECK(lib->checks.size() >= 15);
    std::set<std::string> keys, whats;
    for (const LibraryCheck& c : lib->checks) {
        INFO(c.key);
        keys.insert(c.key);
        CHECK(whats.insert(c.what).second); // no template twice
        CHECK(c.questions.size() >= 3);
        CHECK(c.questions.size() <= 8);
        // A review of records needs a sample; a comparison has none.
        if (c.method == CheckMethod::aktgranskning) CHECK(c.sample_size > 0);
        if (is_comparison(c.method) && c.method != CheckMethod::kvalitetsregister) CHECK(c.sample_size == 0);
        for (const std::string& q : c.questions) CHECK(q.back() == '?');
    }
    for (const char* k :
         {"genomforandeplaner", "social_dokumentation", "avvikelsehantering", "lakemedelshantering",
          "delegering", "privata_medel", "nyckelhantering", "basal_hygien", "brukarundersokning",
          "oppna_jamforelser", "lex_sarah", "klagomal_synpunkter", "nattfasta_maltider", "riskbedomningar",
          "kompetens_introduktion", "samverkan_sip"})
        CHECK(keys.contains(k));
}

TEST_CASE("a library template becomes a new planned check with fresh ids and its frequency's months") {
    std::vector<ValidationError> errors;
    const auto lib = parse_egenkontroll_library(kOne, errors);
    REQUIRE(lib);
    const auto env = kvh::test::fixed_env();
    const PlannedCheck a = check_from_library(lib->checks[0], env);
    const PlannedCheck b = check_from_library(lib->checks[0], env);
    CHECK(is_uuid(a.id));
    CHECK(a.id != b.id);
    CHECK(a.questions[0].id != b.questions[0].id);
    CHECK(a.area == "Hygien");
    CHECK(a.purpose == "SOSFS 2015:10");
    CHECK(a.method == CheckMethod::observation);
    CHECK(a.sample_size == 20);
    CHECK(month_list(a.months) == std::vector{6, 12});
    REQUIRE(a.questions.size() == 3);
    CHECK(a.questions[1].text == "Handskar?");
    CHECK(a.responsible.empty());
    // What the library gives is what an edit of a plan accepts.
    EgenkontrollPlan p;
    p.checks.push_back(a);
    p.checks.push_back(b);
    CHECK(check_egenkontroll_plan(p, nullptr, "body", errors));
}

TEST_CASE("a broken egenkontroll library is refused with the exact places") {
    CHECK(refusals(parse_egenkontroll_library, R"({"format":"kvalitetshjul-riskbibliotek","version":1})") ==
          std::vector<std::string>{
              "format: ”kvalitetshjul-riskbibliotek” är inget egenkontrollbibliotek; en sådan "
              "fil har ”kvalitetshjul-egenkontrollbibliotek” här"});
    CHECK(refusals(parse_egenkontroll_library,
                   R"({"format":"kvalitetshjul-egenkontrollbibliotek","version":2})")
              .size() == 1);
    nlohmann::json j = nlohmann::json::parse(kOne);
    j["checks"].push_back(j["checks"][0]);
    j["checks"][1]["method"] = "stickprov";
    j["checks"][1]["frequency"] = "egna_manader";
    j["checks"][1]["area"] = " ";
    j["checks"][1]["sample_size"] = "20";
    j["checks"][1]["questions"] = {"En?", "Två?"};
    j["checks"][0].erase("purpose");
    CHECK(
        refusals(parse_egenkontroll_library, j.dump()) ==
        std::vector<std::string>{
            "checks[0].purpose: fältet saknas",
            "checks[1].key: id ”hygien” används redan i checks[0]; varje post ska ha ett eget id",
            "checks[1].area: får inte vara tom",
            "checks[1].method: okänt värde ”stickprov”; kända värden är aktgranskning, enkat, observation, "
            "intervju, oppna_jamforelser, kkik, brukarundersokning, kvalitetsregister, annat",
            "checks[1].sample_size: ska vara ett heltal, men är en text",
            "checks[1].frequency: en mall ska ange hur ofta kontrollen görs (manad, kvartal, tertial, halvar "
            "eller ar)",
            "checks[1].questions: ska ha mellan 3 och 8 frågor, men har 2"});
    CHECK(refusals(parse_egenkontroll_library, "[]").size() == 1);
    CHECK(refusals(parse_egenkontroll_library, "{").size() == 1);
}
