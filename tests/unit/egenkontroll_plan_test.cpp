// The egenkontrollplan: its body in and out with exact error places, the bodies written before it had
// a model, months and frequencies, the checks of an edit, the facts index reaching its actions, the
// store writing one check per edit, and the copy into a new year.
#include "core/egenkontroll/egenkontroll_plan.hpp"
#include "core/exchange_format.hpp"
#include "core/facts.hpp"
#include "store/save_queue.hpp"
#include "store/stored_layout.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;
using namespace kvh::core;

namespace {

constexpr const char* kDoc = "adb21095-3bbb-492b-9924-eb8b75750c2b";

std::vector<std::string> texts(const std::vector<ValidationError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(Lang::sv));
    return out;
}

nlohmann::json full_body() {
    return nlohmann::json::parse(R"({
      "faststalld_av": "Enhetschef", "faststalld_datum": "2025-12-15",
      "kontroller": [
        {"id": "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "omrade": "Social dokumentation",
         "vad": "Genomförandeplaner upprättas inom 24 timmar", "syfte": "Rutin för inskrivning; 11 kap. 5 § SoL",
         "metod": "aktgranskning", "urval": 20, "frekvens": "tertial", "manader": [4, 8, 12],
         "ansvarig": "Enhetschef", "rapporteras_till": "Verksamhetschef", "malniva": 100,
         "fragor": [{"id": "1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "text": "Upprättades planen inom 24 timmar?"}],
         "atgarder": [{"id": "2b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "vad": "Överlämning", "varfor": "Missad information",
                       "niva": "verksamhet", "typ": "rutin_process", "ansvarig": "Enhetschef", "klart_senast": "",
                       "status": "foreslagen", "avbrytandeorsak": "", "klart_datum": "", "uppfoljningsdatum": "",
                       "effekt": "ej_bedomd", "uppfoljning": "", "kvitterade": []}],
         "kvitterade": [], "foregaende": ""},
        {"id": "3b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "omrade": "Brukarnas upplevelse", "vad": "", "syfte": "",
         "metod": "brukarundersokning", "urval": 0, "frekvens": "ar", "manader": [],
         "ansvarig": "", "rapporteras_till": "Socialnämnden", "malniva": 90, "fragor": [], "atgarder": [],
         "kvitterade": [], "foregaende": ""}
      ]})");
}

EgenkontrollPlan parse_ok(const nlohmann::json& body) {
    std::vector<ValidationError> errors;
    auto p = egenkontroll_plan_from_body(body, "body", errors, kDoc);
    for (const auto& t : texts(errors)) INFO(t);
    REQUIRE(p);
    CHECK(errors.empty());
    return *p;
}

PlannedCheck new_check(Workspace& ws, std::string area) {
    PlannedCheck c;
    c.id = new_uuid_v4(ws.env());
    c.area = std::move(area);
    c.questions.push_back({new_uuid_v4(ws.env()), "Finns en aktuell genomförandeplan?"});
    c.months = month_bit(3) | month_bit(9);
    return c;
}

std::string new_plan(Workspace& ws, int checks, int year = 2026) {
    const std::string id = ws.create(DocKind::egenkontrollplan, "Egenkontrollplan " + std::to_string(year),
                                     "Hemtjänst Norra", year);
    REQUIRE(ws.edit(
        id, kvh::test::step("kontroller"),
        [&](Document& d) {
            auto p = std::make_shared<EgenkontrollPlan>(*egenkontroll_plan_of(d));
            for (int i = 0; i < checks; ++i)
                p->checks.push_back(new_check(ws, "Område " + std::to_string(i)));
            d.body = p;
        },
        false));
    return id;
}

} // namespace

TEST_CASE("method and frequency keys are stable and round trip; frequencies expand to months") {
    for (CheckMethod m : all_check_methods) CHECK(check_method_from_key(check_method_key(m)) == m);
    for (Frequency f : all_frequencies) CHECK(frequency_from_key(frequency_key(f)) == f);
    CHECK(std::string(tr(check_method_name(CheckMethod::aktgranskning), Lang::sv)) ==
          "Akt- eller journalgranskning");
    CHECK(is_comparison(CheckMethod::oppna_jamforelser));
    CHECK_FALSE(is_comparison(CheckMethod::enkat));
    CHECK(kind_spec(DocKind::egenkontrollplan).items_key == "kontroller");

    CHECK(month_list(months_of(Frequency::manad)) == std::vector{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    CHECK(month_list(months_of(Frequency::kvartal)) == std::vector{3, 6, 9, 12});
    CHECK(month_list(months_of(Frequency::kvartal, 1)) == std::vector{1, 4, 7, 10});
    CHECK(month_list(months_of(Frequency::tertial)) == std::vector{4, 8, 12});
    CHECK(month_list(months_of(Frequency::halvar)) == std::vector{6, 12});
    CHECK(month_list(months_of(Frequency::halvar, 3)) == std::vector{3, 9});
    CHECK(month_list(months_of(Frequency::ar)) == std::vector{12});
    CHECK(month_list(months_of(Frequency::ar, 5)) == std::vector{5});
    CHECK(months_of(Frequency::kvartal, 4) == months_of(Frequency::kvartal)); // outside the period: its end
    CHECK(months_of(Frequency::egna_manader) == 0);
    PlannedCheck c;
    c.frequency = Frequency::halvar;
    CHECK(month_list(planned_months(c)) == std::vector{6, 12});
    c.months = month_bit(2);
    CHECK(month_list(planned_months(c)) == std::vector{2}); // chosen months win
    CHECK(month_bit(0) == 0);
    CHECK(month_bit(13) == 0);
}

TEST_CASE("a plan's body round trips; an empty body is an empty plan; unknown keys are kept") {
    CHECK(parse_ok(nlohmann::json::object()) == EgenkontrollPlan{});
    const EgenkontrollPlan p = parse_ok(full_body());
    CHECK(p.to_json() == full_body());
    CHECK(p.decided_by == "Enhetschef");
    REQUIRE(p.checks.size() == 2);
    CHECK(p.checks[0].method == CheckMethod::aktgranskning);
    CHECK(p.checks[0].frequency == Frequency::tertial);
    CHECK(month_list(p.checks[0].months) == std::vector{4, 8, 12});
    CHECK(p.checks[0].sample_size == 20);
    CHECK(p.checks[1].target == 90);
    CHECK(p.item_count() == 2);
    CHECK(p.head_json().contains("kontroller") == false);
    CHECK(p.item_json(1) == full_body()["kontroller"][1]);
    CHECK(find_check(p, "3b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11") == &p.checks[1]);
    nlohmann::json body = full_body();
    body["bilaga"] = "beslut.pdf";
    body["kontroller"][0]["extra"] = 1;
    const EgenkontrollPlan kept = parse_ok(body);
    CHECK(kept.to_json() == body);
    std::vector<ValidationError> errors;
    CHECK(check_egenkontroll_plan(p, nullptr, "body", errors));
}

TEST_CASE("a plan's errors name the exact place") {
    nlohmann::json body = full_body();
    body["faststalld_datum"] = "2025-13-01";
    body["kontroller"][0]["metod"] = "stickprov";
    body["kontroller"][0]["manader"] = {4, 13, 4};
    body["kontroller"][0]["urval"] = -1;
    body["kontroller"][1]["malniva"] = 101;
    body["kontroller"][1]["fragor"] = {{{"id", "1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11"}, {"text", "Igen"}}};
    std::vector<ValidationError> errors;
    CHECK_FALSE(egenkontroll_plan_from_body(body, "documents[2].body", errors, kDoc));
    CHECK(texts(errors) ==
          std::vector<std::string>{
              "documents[2].body.faststalld_datum: ”2025-13-01” är inget giltigt datum (ange det som "
              "ÅÅÅÅ-MM-DD, "
              "t.ex. 2026-03-01)",
              "documents[2].body.kontroller[0].metod: okänt värde ”stickprov”; kända värden är "
              "aktgranskning, enkat, "
              "observation, intervju, oppna_jamforelser, kkik, brukarundersokning, kvalitetsregister, annat",
              "documents[2].body.kontroller[0].urval: ska vara ett heltal mellan 0 och 100000",
              "documents[2].body.kontroller[0].manader[1]: ska vara en månad från 1 till 12",
              "documents[2].body.kontroller[0].manader[2]: månad 4 står redan med",
              "documents[2].body.kontroller[1].malniva: ska vara ett heltal mellan 0 och 100",
              "documents[2].body.kontroller[1].fragor[0].id: id ”1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11” "
              "används redan "
              "i documents[2].body.kontroller[0].fragor[0]; varje post ska ha ett eget id"});
}

TEST_CASE("a plan written before it had a model (any JSON) reads as meant, with derived ids") {
    const nlohmann::json body = nlohmann::json::parse(R"({"kontroller": [
        {"ansvarig": "Enhetschef", "fraga": "Finns en aktuell genomförandeplan för varje brukare?",
         "manader": [3, 9], "metod": "aktgranskning", "omrade": "Social dokumentation",
         "rapporteras_till": "Verksamhetschef", "rutin": "Rutin för genomförandeplaner", "urval": 20},
        {"ansvarig": "Verksamhetsutvecklare", "fraga": "Hur nöjda är brukarna med bemötandet?", "manader": [10],
         "metod": "brukarundersokning", "omrade": "Brukarnas upplevelse", "rapporteras_till": "Socialnämnden",
         "rutin": "", "urval": null}]})");
    const EgenkontrollPlan p = parse_ok(body);
    REQUIRE(p.checks.size() == 2);
    const PlannedCheck& c = p.checks[0];
    CHECK(c.id == legacy_check_id(kDoc, 0));
    CHECK(is_uuid(c.id));
    REQUIRE(c.questions.size() == 1);
    CHECK(c.questions[0].id == legacy_question_id(kDoc, 0));
    CHECK(c.questions[0].text == "Finns en aktuell genomförandeplan för varje brukare?");
    CHECK(c.purpose == "Rutin för genomförandeplaner");
    CHECK(c.what.empty());
    CHECK(month_list(c.months) == std::vector{3, 9});
    CHECK(c.sample_size == 20);
    CHECK(c.extra.is_null()); // no old key is carried along
    CHECK(p.checks[1].sample_size == 0);
    CHECK(p.checks[1].method == CheckMethod::brukarundersokning);
    CHECK(p.checks[1].id == legacy_check_id(kDoc, 1));
    CHECK(parse_ok(body) == p); // every reading derives the same ids
    CHECK(legacy_question_id(kDoc, 0) != legacy_check_id(kDoc, 0));
    std::vector<ValidationError> errors;
    CHECK(check_egenkontroll_plan(p, nullptr, "body", errors));
}

TEST_CASE("an edit of a plan is checked where it changed, at the place it names") {
    Workspace ws(kvh::test::fixed_env());
    const std::string id = new_plan(ws, 3);
    const EgenkontrollPlan before = *egenkontroll_plan_of(*ws.find(id));
    std::vector<ValidationError> errors;

    EgenkontrollPlan next = before;
    next.checks.edit(1).sample_size = kMaxSampleSize + 1;
    next.checks.edit(2).months = 0x1000;
    CHECK_FALSE(check_egenkontroll_plan(next, &before, "body", errors));
    CHECK(texts(errors) ==
          std::vector<std::string>{"body.kontroller[1].urval: ska vara ett heltal mellan 0 och 100000",
                                   "body.kontroller[2].manader: ska vara en månad från 1 till 12"});
    CHECK_FALSE(ws.edit(id, kvh::test::step("urval"),
                        [&](Document& d) { d.body = std::make_shared<EgenkontrollPlan>(next); }));
    CHECK(ws.refusal().at(0).path == "body.kontroller[1].urval");

    next = before;
    next.checks.edit(0).questions.push_back(before.checks[2].questions[0]); // another check's question id
    errors.clear();
    CHECK_FALSE(check_egenkontroll_plan(next, &before, "body", errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].what == Msg::err_id_repeated);
    CHECK(errors[0].path == "body.kontroller[2]");

    next = before;
    next.checks.edit(0).area = "\xC3";
    errors.clear();
    CHECK_FALSE(check_egenkontroll_plan(next, &before, "body", errors));
    CHECK(errors.at(0).path == "body.kontroller[0].omrade");

    next = before;
    next.checks.edit(0).area = "Hygien";
    errors.clear();
    CHECK(check_egenkontroll_plan(next, &before, "body", errors));
}

TEST_CASE("the facts index holds the actions of a plan's checks; edit_action reaches them") {
    Workspace ws(kvh::test::fixed_env());
    FactsIndex facts(ws, [] { return std::string("2026-03-01"); });
    const std::string id = new_plan(ws, 2);
    const std::string check = egenkontroll_plan_of(*ws.find(id))->checks[1].id;
    const std::string action = new_uuid_v4(ws.env());
    REQUIRE(ws.edit(
        id, kvh::test::step("åtgärd"),
        [&](Document& d) {
            auto p = std::make_shared<EgenkontrollPlan>(*egenkontroll_plan_of(d));
            Action a;
            a.id = action;
            a.what = "Utbilda ombud";
            p->checks.edit(1).actions.push_back(a);
            d.body = p;
        },
        false));
    REQUIRE(facts.actions().size() == 1);
    CHECK(facts.actions()[0]->ref == ActionRef{id, check, action});
    const ItemFactsPtr other = facts.of(id)->items[0];
    CHECK(edit_action(ws, {id, check, action}, kvh::test::step("ansvarig"),
                      [](Action& x) { x.responsible = "SAS"; }));
    CHECK(egenkontroll_plan_of(*ws.find(id))->checks[1].actions[0].responsible == "SAS");
    CHECK(facts.of(id)->items[0] == other); // the other check's facts are kept
}

TEST_CASE("the store writes one check of a plan per edit, and it reads back") {
    Workspace ws(kvh::test::fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = new_plan(ws, 60);
    q.flush();
    const std::string which = egenkontroll_plan_of(*ws.find(id))->checks[45].id;
    CHECK(ws.edit(id, kvh::test::step("område"), [&](Document& d) {
        auto p = std::make_shared<EgenkontrollPlan>(*egenkontroll_plan_of(d));
        p->checks.edit(45).area = "Nyckelhantering";
        d.body = p;
    }));
    q.flush();
    CHECK(q.last_batch_bytes() < 4 * 1024);
    CHECK(backend.items[id].count(which) == 1);
    std::vector<Document> docs;
    backend.load_all([&](std::vector<store::StoredDocument> stored, const std::string& error) {
        CHECK(error.empty());
        for (const auto& s : stored) {
            store::ReadResult r = store::read_stored(s);
            REQUIRE(r.doc);
            docs.push_back(std::move(*r.doc));
        }
    });
    REQUIRE(docs.size() == 1);
    CHECK(docs[0] == *ws.find(id));
}

TEST_CASE("last year's plan is copied into a new year in one step: new ids, no actions, runs stay") {
    Workspace ws(kvh::test::fixed_env());
    const std::string id = new_plan(ws, 3, 2025);
    REQUIRE(ws.edit(
        id, kvh::test::step("åtgärd"),
        [&](Document& d) {
            auto p = std::make_shared<EgenkontrollPlan>(*egenkontroll_plan_of(d));
            p->decided_by = "Enhetschef";
            Action a;
            a.id = new_uuid_v4(ws.env());
            p->checks.edit(0).actions.push_back(a);
            p->checks.edit(0).acknowledged.push_back({"egenkontroll_forsenad", "Flyttad", "", ""});
            d.body = p;
        },
        false));
    const EgenkontrollPlan old = *egenkontroll_plan_of(*ws.find(id));
    const std::size_t docs_before = ws.size();
    const std::string copy = copy_plan_to_year(ws, id, 2026);
    REQUIRE_FALSE(copy.empty());
    CHECK(ws.size() == docs_before + 1);
    const Document& d = *ws.find(copy);
    CHECK(d.title == "Egenkontrollplan 2026");
    CHECK(d.year == 2026);
    CHECK(d.unit == "Hemtjänst Norra");
    CHECK(d.status == DocStatus::utkast);
    const EgenkontrollPlan& p = *egenkontroll_plan_of(d);
    REQUIRE(p.checks.size() == 3);
    CHECK(p.decided_by.empty());
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(p.checks[i].id != old.checks[i].id);
        CHECK(p.checks[i].area == old.checks[i].area);
        CHECK(p.checks[i].months == old.checks[i].months);
        CHECK(p.checks[i].previous == old.checks[i].id);
        CHECK(p.checks[i].questions == old.checks[i].questions); // the same questions, year to year
        CHECK(p.checks[i].actions.empty());
        CHECK(p.checks[i].acknowledged.empty());
    }
    // One undo step takes the copy away, the old plan unchanged.
    CHECK(ws.undo());
    CHECK(ws.find(copy) == nullptr);
    CHECK(*egenkontroll_plan_of(*ws.find(id)) == old);
    // A title without the year keeps its title; a document of another kind is no plan.
    REQUIRE(ws.edit(id, kvh::test::step("titel"), [](Document& x) { x.title = "Plan för Tallen"; }));
    CHECK(ws.find(copy_plan_to_year(ws, id, 2027))->title == "Plan för Tallen");
    const std::string other = ws.create(DocKind::riskanalys, "Riskanalys", "Tallen", 2026);
    CHECK(copy_plan_to_year(ws, other, 2027).empty());
}

TEST_CASE("a document created with a body that its kind refuses is not created") {
    Workspace ws(kvh::test::fixed_env());
    auto bad = std::make_shared<EgenkontrollPlan>();
    PlannedCheck c;
    c.id = "inte-ett-id";
    bad->checks.push_back(c);
    CHECK(ws.create(DocKind::egenkontrollplan, "Plan", "Tallen", 2026, bad).empty());
    CHECK(ws.size() == 0);
    CHECK(ws.refusal().at(0).path == "body.kontroller[0].id");
    CHECK(
        ws.create(DocKind::riskanalys, "Plan", "Tallen", 2026, std::make_shared<EgenkontrollPlan>()).empty());
}

TEST_CASE("a plan stored whole when its body was any JSON reads through the store and is written anew") {
    const std::string head = R"({"id":"adb21095-3bbb-492b-9924-eb8b75750c2b","kind":"egenkontrollplan",
      "title":"Egenkontrollplan 2026","unit":"Hemtjänst Norra","year":2026,"status":"pagar",
      "rev":"4-cc8f7aba4d0a122e","revisions":[],"created":"2025-11-20T10:00:00Z","updated":"2026-01-08T09:12:00Z",
      "body":{"kontroller":[{"ansvarig":"Enhetschef","fraga":"Finns en aktuell genomförandeplan?","manader":[3,9],
                             "metod":"aktgranskning","omrade":"Social dokumentation","rutin":"Rutin","urval":20}]}})";
    const store::ReadResult r = store::read_stored({kDoc, head, {}});
    REQUIRE(r.doc);
    CHECK(r.rewrite); // the first layout: its checks get records of their own when written
    const EgenkontrollPlanPtr p = egenkontroll_plan_of(*r.doc);
    REQUIRE(p);
    REQUIRE(p->checks.size() == 1);
    CHECK(p->checks[0].id == legacy_check_id(kDoc, 0));
    CHECK(r.doc->rev.str() == "4-cc8f7aba4d0a122e"); // reading is not editing

    Workspace ws(kvh::test::fixed_env());
    std::vector<Document> docs{*r.doc};
    ws.load(std::move(docs));
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    q.loaded({kDoc});
    q.flush();
    std::vector<Document> back;
    backend.load_all([&](std::vector<store::StoredDocument> stored, const std::string&) {
        for (const auto& s : stored) {
            store::ReadResult again = store::read_stored(s);
            REQUIRE(again.doc);
            CHECK_FALSE(again.rewrite);
            back.push_back(std::move(*again.doc));
        }
    });
    REQUIRE(back.size() == 1);
    CHECK(back[0] == *r.doc);
}
