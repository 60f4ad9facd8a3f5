// The årlig genomgång's typed body: file form round trip, the older free-JSON shape read as meant,
// exact error paths, a review started from the template and from last year's, and the comparison.
#include "core/arlig_genomgang/annual_review.hpp"
#include "core/exchange_format.hpp"
#include "core/workspace.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using kvh::test::fixed_env;
using nlohmann::json;

namespace {

std::optional<AnnualReview> read(const json& body, std::vector<ValidationError>& errors) {
    return annual_review_from_body(body, "body", errors, "237f0de0-5093-4ba9-b55e-e054438973ec");
}

} // namespace

TEST_CASE("a review written before the review had a model is read as meant") {
    // The shape in tests/data/workspace_valid.json (format 1–3).
    const json legacy = {{"fokusomraden", {"Uppföljning av åtgärder efter lex Sarah"}},
                         {"krav",
                          {{{"krav", "3:1"},
                            {"bedomning", "uppfyller"},
                            {"underlag", "Beslutat av nämnden."},
                            {"atgarder", ""}},
                           {{"krav", "5:2"},
                            {"bedomning", "uppfyller_inte"},
                            {"underlag", "Plan saknades för två enheter."},
                            {"atgarder", "Plan upprättas före årsskiftet."}}}}};
    std::vector<ValidationError> errors;
    const auto v = read(legacy, errors);
    REQUIRE(errors.empty());
    REQUIRE(v);
    CHECK(v->focus_areas == std::vector<FocusArea>{{"Uppföljning av åtgärder efter lex Sarah", ""}});
    REQUIRE(v->entries.size() == 2);
    const ReviewItem& k = v->entries[1];
    CHECK(k.requirement == "5-2");
    CHECK(k.reference == "5 kap. 2 §");
    CHECK(k.section == ReportSection::egenkontroll);
    CHECK(k.assessment == Assessment::uppfyller_inte);
    CHECK(k.evidence == "Plan saknades för två enheter.");
    REQUIRE(k.actions.size() == 1); // the planned action became one the register shows
    CHECK(k.actions[0].what == "Plan upprättas före årsskiftet.");
    CHECK(v->entries[0].actions.empty());
    CHECK(v->entries[0].section == ReportSection::ansvar);
    // Every reading derives the same ids, and the file form reads back to the same review.
    std::vector<ValidationError> again;
    CHECK(*read(legacy, again) == *v);
    CHECK(*read(v->to_json(), again) == *v);
    CHECK(again.empty());
}

TEST_CASE("the shipped sample workspaces with their older reviews read and keep their verdicts") {
    const ParsedFile file = parse_exchange(kvh::test::read_data("workspace_valid.json"));
    REQUIRE(file.ok());
    int reviews = 0;
    for (const Document& d : file.documents)
        if (const AnnualReviewPtr v = annual_review_of(d)) {
            ++reviews;
            if (d.year == 2025) CHECK(v->entries.size() == 4);
        }
    CHECK(reviews == 2);
}

TEST_CASE("a review's file form round trips, and bad values name their place") {
    AnnualReview v = review_from_template(kvh::test::shipped_requirements(), fixed_env());
    v.scope = ReviewScope::forvaltning;
    v.overall = Assessment::uppfyller_delvis;
    v.focus_areas = {{"Egenkontroll av social dokumentation", ""}};
    v.narratives[ReportSection::riskanalys] = "Riskanalyser gjordes i nio av tolv enheter.";
    v.decided_by = "Socialnämnden";
    v.decided_date = "2026-03-18";
    v.paragraph = "§ 42";
    std::vector<ValidationError> errors;
    const auto back = read(v.to_json(), errors);
    REQUIRE(back);
    CHECK(*back == v);
    CHECK(back->hash() == v.hash());

    json bad = v.to_json();
    bad["krav"][3]["bedomning"] = "godkand";
    bad["berattelse"]["slutord"] = "x";
    bad["beslutsdatum"] = "2026-02-30";
    errors.clear();
    CHECK_FALSE(read(bad, errors));
    std::vector<std::string> paths;
    for (const auto& e : errors) paths.push_back(e.path);
    CHECK(paths ==
          std::vector<std::string>{"body.beslutsdatum", "body.berattelse.slutord", "body.krav[3].bedomning"});
    CHECK(errors[2].text(Lang::sv).find("uppfyller_delvis") != std::string::npos); // says what is allowed
}

TEST_CASE("an edit of a review is checked: repeated ids, bad dates and broken text are refused") {
    const AnnualReview v = review_from_template(kvh::test::shipped_requirements(), fixed_env());
    std::vector<ValidationError> errors;
    CHECK(check_annual_review(v, nullptr, "body", errors));
    AnnualReview next = v;
    next.entries.edit(1).id = v.entries[0].id;
    CHECK_FALSE(check_annual_review(next, &v, "body", errors));
    CHECK(errors.back().path == "body.krav[1]");
    errors.clear();
    next = v;
    next.decided_date = "18/3";
    next.entries.edit(2).comment = "\xC3";
    CHECK_FALSE(check_annual_review(next, &v, "body", errors));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].path == "body.beslutsdatum");
    CHECK(errors[1].path == "body.krav[2].kommentar");
    errors.clear();
    next = v;
    next.focus_areas = {{"Riskanalys", ""}, {"  ", ""}}; // the file form could not hold it: refused
    CHECK_FALSE(check_annual_review(next, &v, "body", errors));
    CHECK(errors.at(0).path == "body.fokusomraden[1]");
}

TEST_CASE("a review records the template and version it was made with and keeps its references") {
    RequirementTemplate t = kvh::test::shipped_requirements();
    const AnnualReview v = review_from_template(t, fixed_env());
    CHECK(v.template_id == "sosfs_2011_9");
    CHECK(v.template_version == t.version);
    CHECK(v.entries.size() == t.requirements.size());
    for (const ReviewItem& k : v.entries) CHECK(k.assessment == Assessment::ej_bedomt);
    // A later template moves a reference; the review made with the old one keeps it.
    for (Requirement& k : t.requirements)
        if (k.id == "5-1") k.reference = "5 kap. 1 § (ändrad)";
    const ReviewItem* old = nullptr;
    for (const ReviewItem& k : v.entries)
        if (k.requirement == "5-1") old = &k;
    REQUIRE(old);
    CHECK(old->reference == "5 kap. 1 §");
}

TEST_CASE("this year's review starts from last year's: items kept, verdicts left behind, compared") {
    const kvh::core::Environment env = fixed_env();
    RequirementTemplate t = kvh::test::shipped_requirements();
    AnnualReview last = review_from_template(t, env);
    last.kommun = "Exempelkommun";
    last.overall = Assessment::uppfyller_delvis;
    last.focus_areas = {{"Riskanalys i alla enheter", ""}};
    for (std::size_t i = 0; i < last.entries.size(); ++i) {
        ReviewItem& k = last.entries.edit(i);
        k.assessment = i % 2 ? Assessment::uppfyller : Assessment::uppfyller_inte;
        k.evidence = "Underlag " + std::to_string(i);
    }
    last.entries.edit(last.entries.size() - 2).text = "Vår egen formulering"; // 7-2 is uncertain
    ReviewItem own;
    own.id = new_uuid_v4(env);
    own.requirement = "egen-1";
    own.reference = "Nämndens eget mål";
    own.text = "Alla enheter har ett årshjul.";
    own.assessment = Assessment::uppfyller;
    last.entries.push_back(own);
    for (Requirement& k : t.requirements)
        if (k.id == "5-1") k.reference = "5 kap. 1 § (SoL 2025:400)";
    t.version = "2027-1";

    AnnualReview now = review_from_last_year(last, "237f0de0-5093-4ba9-b55e-e054438973ec", t, env);
    CHECK(now.previous == "237f0de0-5093-4ba9-b55e-e054438973ec");
    CHECK(now.template_version == "2027-1");
    CHECK(now.kommun == "Exempelkommun");
    CHECK(now.overall == Assessment::ej_bedomt);
    CHECK(now.focus_areas.empty());
    REQUIRE(now.entries.size() == last.entries.size());
    for (std::size_t i = 0; i < now.entries.size(); ++i) {
        CHECK(now.entries[i].assessment == Assessment::ej_bedomt);
        CHECK(now.entries[i].evidence.empty());
        CHECK(now.entries[i].id != last.entries[i].id);
        CHECK(now.entries[i].requirement == last.entries[i].requirement);
    }
    CHECK(now.entries[9].reference == "5 kap. 1 § (SoL 2025:400)"); // today's reference
    CHECK(now.entries[now.entries.size() - 3].text == "Vår egen formulering");
    CHECK(now.entries.back().text == "Alla enheter har ett årshjul.");
    std::vector<ValidationError> errors;
    CHECK(check_annual_review(now, nullptr, "body", errors));

    now.entries.edit(0).assessment = Assessment::uppfyller_inte;   // as last year
    now.entries.edit(1).assessment = Assessment::uppfyller_delvis; // was uppfyller
    const auto cmp = compare_reviews(now, last);
    REQUIRE(cmp.size() == now.entries.size());
    CHECK(cmp[0].last->assessment == Assessment::uppfyller_inte);
    CHECK_FALSE(cmp[0].changed());
    CHECK(cmp[1].changed());
    CHECK(cmp[2].changed()); // not yet assessed this year
    AnnualReview fresh = review_from_template(kvh::test::shipped_requirements(), env);
    ReviewItem lone;
    lone.id = new_uuid_v4(env);
    lone.requirement = "ny-2027";
    fresh.entries.push_back(lone);
    CHECK(compare_reviews(fresh, last).back().last == nullptr);
    CHECK_FALSE(compare_reviews(fresh, last).back().changed());
}

TEST_CASE("a review is untouched until anything of the nämnd's own is in it") {
    const AnnualReview fresh = review_from_template(kvh::test::shipped_requirements(), fixed_env());
    CHECK(is_untouched(fresh));
    AnnualReview cover = fresh;
    cover.kommun = "Exempelkommun"; // the cover is not a judgement: it survives starting over
    cover.diarienummer = "SN 2026/41";
    CHECK(is_untouched(cover));
    const std::vector<std::function<void(AnnualReview&)>> touches = {
        [](AnnualReview& r) { r.entries.edit(3).assessment = Assessment::ej_tillampligt; },
        [](AnnualReview& r) { r.entries.edit(0).evidence = "Protokoll"; },
        [](AnnualReview& r) { r.entries.edit(0).comment = "x"; },
        [](AnnualReview& r) { r.entries.edit(1).actions.push_back(Action{}); },
        [](AnnualReview& r) { r.narratives[ReportSection::samverkan] = "Samverkan med regionen."; },
        [](AnnualReview& r) { r.overall = Assessment::uppfyller; },
        [](AnnualReview& r) {
            r.focus_areas.push_back({"Riskanalyser", ""});
        },
        [](AnnualReview& r) { r.decided_by = "Socialnämnden"; },
        [](AnnualReview& r) { r.decided_date = "2027-02-20"; },
        [](AnnualReview& r) { r.paragraph = "§ 12"; },
    };
    for (std::size_t i = 0; i < touches.size(); ++i) {
        AnnualReview r = fresh;
        touches[i](r);
        CHECK_MESSAGE(!is_untouched(r), "touch ", i);
    }
}

TEST_CASE("last year's review is the one started from, else last year's of the same scope and unit") {
    Workspace ws(fixed_env());
    const RequirementTemplate t = kvh::test::shipped_requirements();
    auto review = [&](int year, const std::string& unit, ReviewScope scope) {
        auto body = std::make_shared<AnnualReview>(review_from_template(t, ws.env()));
        body->scope = scope;
        return ws.create(DocKind::arlig_genomgang, "Årlig genomgång", unit, year, body);
    };
    const std::string last = review(2025, "Socialnämnden", ReviewScope::namnd);
    review(2025, "Hemtjänst Norra", ReviewScope::enhet);                          // another unit
    const std::string before = review(2024, "Socialnämnden", ReviewScope::namnd); // two years back
    review(2025, "Socialnämnden", ReviewScope::forvaltning);                      // another scope
    const std::string now = review(2026, "Socialnämnden", ReviewScope::namnd);
    const Document* found = last_years_review(ws, *ws.find(now));
    REQUIRE(found);
    CHECK(found->id == last);
    CHECK(last_years_review(ws, *ws.find(last))->id == before);
    CHECK_FALSE(last_years_review(ws, *ws.find(before)));

    // Started from a review of another unit's name: that one is beside it while it exists.
    const std::string renamed = review(2025, "Vård- och omsorgsnämnden", ReviewScope::namnd);
    REQUIRE(ws.edit(now, kvh::test::step("f"), [&](Document& d) {
        auto r = std::make_shared<AnnualReview>(*annual_review_of(d));
        r->previous = renamed;
        d.body = r;
    }));
    CHECK(last_years_review(ws, *ws.find(now))->id == renamed);
    REQUIRE(ws.remove(renamed));
    CHECK(last_years_review(ws, *ws.find(now))->id == last);
    // A document of another kind has no last year's review.
    const std::string plan = ws.create(DocKind::atgardsplan, "Plan", "Socialnämnden", 2026);
    CHECK_FALSE(last_years_review(ws, *ws.find(plan)));
}

TEST_CASE("a focus area names the action made of it by id, and offers it again once that is deleted") {
    AnnualReview v = review_from_template(kvh::test::shipped_requirements(), fixed_env());
    Action act;
    act.id = "6f1c2a5e-3b7d-4c1e-9a2b-0d4e5f6a7b8c";
    act.what = "Riskanalyser i alla enheter";
    v.entries.edit(4).actions.push_back(act);
    v.focus_areas = {{"Riskanalyser i alla enheter", act.id}, {"Social dokumentation", ""}};
    FocusAreaAction made = focus_area_action(v, 0);
    REQUIRE(made.action);
    CHECK(made.action->id == act.id);
    CHECK(made.item == &v.entries[4]);
    CHECK_FALSE(focus_area_action(v, 1).action);
    CHECK_FALSE(focus_area_action(v, 2).action);

    // Rewording either keeps the link: it was the words that let a duplicate be made.
    v.focus_areas[0].text = "Riskanalys i varje enhet före sommaren";
    v.entries.edit(4).actions[0].what = "Varje enhet gör en riskanalys";
    CHECK(focus_area_action(v, 0).action);

    // In a file: a text until linked, then an object; both read back.
    const json file = v.to_json();
    CHECK(file["fokusomraden"] ==
          json::array({{{"text", "Riskanalys i varje enhet före sommaren"}, {"atgard", act.id}},
                       "Social dokumentation"}));
    std::vector<ValidationError> errors;
    const auto back = read(file, errors);
    REQUIRE(back);
    CHECK(*back == v);
    std::vector<ValidationError> check_errors;
    CHECK(check_annual_review(v, nullptr, "body", check_errors));

    // The action deleted: the focus area is offered as one again.
    v.entries.edit(4).actions.clear();
    CHECK_FALSE(focus_area_action(v, 0).action);
}

TEST_CASE("a focus area's file form: format 3's texts read, a bad link or text names its place") {
    std::vector<ValidationError> errors;
    const auto old = read({{"fokusomraden", {"Riskanalyser", "Avvikelser"}}}, errors);
    REQUIRE(old);
    CHECK(old->focus_areas == std::vector<FocusArea>{{"Riskanalyser", ""}, {"Avvikelser", ""}});

    const json bad = {
        {"fokusomraden",
         {json{{"text", "Riskanalyser"}, {"atgard", "nr 3"}}, json{{"atgard", ""}}, 7, json{{"text", " "}}}}};
    errors.clear();
    CHECK_FALSE(read(bad, errors));
    std::vector<std::string> paths;
    for (const auto& e : errors) paths.push_back(e.path);
    CHECK(paths == std::vector<std::string>{"body.fokusomraden[0].atgard", "body.fokusomraden[1].text",
                                            "body.fokusomraden[2]", "body.fokusomraden[3]"});

    AnnualReview v;
    v.focus_areas = {{"Riskanalyser", "nr 3"}};
    errors.clear();
    CHECK_FALSE(check_annual_review(v, nullptr, "body", errors));
    CHECK(errors.at(0).path == "body.fokusomraden[0].atgard");
}
