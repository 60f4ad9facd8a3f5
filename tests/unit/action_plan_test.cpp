// The åtgärdsplan: its body in and out with exact error places, bodies of formats 1 and 2 (any JSON)
// and records stored by builds of that time (no version), the checks of an edit, the facts index and
// edit_action reaching its actions, and the store writing one action per edit.
#include "core/atgarder/action_plan.hpp"
#include "core/exchange_format.hpp"
#include "core/facts.hpp"
#include "store/save_queue.hpp"
#include "store/stored_layout.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;
using namespace kvh::core;

namespace {

constexpr const char* kDoc = "5fee13c8-3373-42d7-9c78-752d57fbeeeb";
constexpr const char* kA1 = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
constexpr const char* kA2 = "1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";

std::vector<std::string> texts(const std::vector<ValidationError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(Lang::sv));
    return out;
}

nlohmann::json full_body() {
    return nlohmann::json::parse(R"({
      "ursprung": "lex_sarah", "bakgrund": "Insatser uteblev vid sena ändringar i planeringen",
      "diarienummer": "SN 2026/123", "agare": "Enhetschef",
      "atgarder": [
        {"id": "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "vad": "Sena ändringar bekräftas av samordnaren",
         "varfor": "Sena ändringar nådde inte personalen", "niva": "verksamhet", "typ": "rutin_process",
         "ansvarig": "Samordnare", "klart_senast": "2026-03-15", "status": "pagar", "avbrytandeorsak": "",
         "klart_datum": "", "uppfoljningsdatum": "2026-06-15", "effekt": "ej_bedomd", "uppfoljning": "",
         "kvitterade": []},
        {"id": "1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "vad": "Information på APT", "varfor": "",
         "niva": "individ", "typ": "information_kommunikation", "ansvarig": "", "klart_senast": "",
         "status": "foreslagen", "avbrytandeorsak": "", "klart_datum": "", "uppfoljningsdatum": "",
         "effekt": "ej_bedomd", "uppfoljning": "",
         "kvitterade": [{"regel": "atgard_individniva", "motivering": "Gäller en medarbetare", "av": "SAS",
                         "datum": "2026-02-20"}]}
      ]})");
}

ActionPlan parse_ok(const nlohmann::json& body) {
    std::vector<ValidationError> errors;
    auto p = plan_from_body(body, "body", errors, kDoc);
    INFO(texts(errors).size());
    REQUIRE(p);
    CHECK(errors.empty());
    return *p;
}

std::string new_plan(Workspace& ws, int actions) {
    const std::string id = ws.create(DocKind::atgardsplan, "Åtgärdsplan efter IVO-beslut", "IFO", 2026);
    REQUIRE(ws.edit(
        id, kvh::test::step("åtgärder"),
        [&](Document& d) {
            auto p = std::make_shared<ActionPlan>(*plan_of(d));
            for (int i = 0; i < actions; ++i) {
                Action x;
                x.id = new_uuid_v4(ws.env());
                x.what = "Åtgärd " + std::to_string(i);
                x.why = "Orsak " + std::to_string(i);
                x.status = ActionStatus::beslutad;
                p->actions.push_back(x);
            }
            d.body = p;
        },
        false));
    return id;
}

} // namespace

TEST_CASE("origin keys are stable and round trip") {
    for (PlanOrigin o : all_plan_origins) CHECK(plan_origin_from_key(plan_origin_key(o)) == o);
    CHECK(plan_origin_key(PlanOrigin::ivo_beslut) == "ivo_beslut");
    CHECK(std::string(tr(plan_origin_name(PlanOrigin::lex_sarah), Lang::sv)) == "Lex Sarah-utredning");
    CHECK(kind_spec(DocKind::atgardsplan).items_key == "atgarder");
}

TEST_CASE("a plan's body round trips; an empty body is an empty plan; unknown keys are kept") {
    CHECK(parse_ok(nlohmann::json::object()) == ActionPlan{});
    const ActionPlan p = parse_ok(full_body());
    CHECK(p.to_json() == full_body());
    CHECK(p.origin == PlanOrigin::lex_sarah);
    CHECK(p.case_number == "SN 2026/123");
    CHECK(p.owner == "Enhetschef");
    REQUIRE(p.actions.size() == 2);
    CHECK(p.actions[1].acknowledged.at(0).reason == "Gäller en medarbetare");
    CHECK(p.item_count() == 2);
    CHECK(p.item_id(1) == kA2);
    CHECK(p.head_json().contains("atgarder") == false);
    CHECK(p.item_json(0) == full_body()["atgarder"][0]);
    nlohmann::json body = full_body();
    body["bilaga"] = "protokoll.pdf";
    body["agare"] = "SAS";
    const ActionPlan kept = parse_ok(body);
    CHECK(kept.to_json()["bilaga"] == "protokoll.pdf");
    CHECK(kept.extra.contains("agare") == false);
    std::vector<ValidationError> errors;
    CHECK(check_plan(p, nullptr, "body", errors)); // what is read is what an edit may make, here
}

TEST_CASE("a plan's errors name the exact place") {
    nlohmann::json body = full_body();
    body["ursprung"] = "ivo";
    body["atgarder"][0]["klart_senast"] = "2026-02-30";
    body["atgarder"].push_back(body["atgarder"][1]); // the same id again
    body["atgarder"].push_back("en text");
    std::vector<ValidationError> errors;
    CHECK_FALSE(plan_from_body(body, "documents[3].body", errors, kDoc));
    CHECK(texts(errors) ==
          std::vector<std::string>{
              "documents[3].body.ursprung: okänt värde ”ivo”; kända värden är ej_angiven, lex_sarah, "
              "lex_maria, "
              "ivo_beslut, revision, namndbeslut, klagomal, egenkontroll, annat",
              "documents[3].body.atgarder[0].klart_senast: ”2026-02-30” är inget giltigt datum (ange det som "
              "ÅÅÅÅ-MM-DD, t.ex. 2026-03-01)",
              "documents[3].body.atgarder[2].id: id ”1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11” används redan i "
              "documents[3].body.atgarder[1]; varje post ska ha ett eget id",
              "documents[3].body.atgarder[3]: ska vara ett objekt, men är en text"});
}

TEST_CASE("a plan of format 2, when the body was any JSON: actions without ids read as they were meant") {
    const nlohmann::json body = nlohmann::json::parse(R"({
      "bakgrund": "IVO konstaterade långa utredningstider.",
      "atgarder": [
        {"vad": "Veckovis genomgång", "varfor": "Ingen bevakning", "ansvarig": "1:e socialsekreterare",
         "sista_datum": "2025-08-31", "klar_datum": "2025-08-25", "uppfoljning_datum": "2025-11-30",
         "status": "klar", "effekt": "Andelen inom fyra månader ökade."},
        {"vad": "Se över rutinen", "status": "ej_paborjad"},
        {"vad": "Uppföljd", "status": "klar", "effekt": "delvis", "uppfoljning": "Stickprov"},
        {"vad": "Med anteckning", "status": "klar", "effekt": "Bättre", "uppfoljning": "Stickprov"}
      ]})");
    const ActionPlan p = parse_ok(body);
    REQUIRE(p.actions.size() == 4);
    CHECK(p.background == "IVO konstaterade långa utredningstider.");
    const Action& a = p.actions[0];
    CHECK(a.id == legacy_plan_action_id(kDoc, 0));
    CHECK(is_uuid(a.id));
    CHECK(a.due == "2025-08-31");
    CHECK(a.done_date == "2025-08-25");
    CHECK(a.follow_up_date == "2025-11-30");
    CHECK(a.status == ActionStatus::genomford);
    CHECK(a.verdict == Verdict::ej_bedomd);
    CHECK(a.follow_up_note == "Andelen inom fyra månader ökade.");
    CHECK(p.actions[1].status == ActionStatus::beslutad);
    CHECK(p.actions[1].id == legacy_plan_action_id(kDoc, 1));
    CHECK(p.actions[2].status == ActionStatus::uppfoljd);
    CHECK(p.actions[2].verdict == Verdict::delvis);
    CHECK(p.actions[2].follow_up_note == "Stickprov");
    CHECK(p.actions[3].follow_up_note == "Bättre\nStickprov");
    // Every device derives the same ids; another document, other ids.
    CHECK(parse_ok(body) == p);
    CHECK(legacy_plan_action_id(kDoc, 0) != legacy_plan_action_id("e6f1cf5f-c5ba-4cf1-8fe7-a42a5b0c691d", 0));
    CHECK(legacy_plan_action_id(kDoc, 0) != legacy_plan_action_id(kDoc, 1));
}

TEST_CASE("records stored by a build of format 2 (no version) read in today's shape") {
    // A riskanalys record with the old statuses, and a plan record with any JSON, as IndexedDB holds them.
    const std::string analysis = R"({"id":"5d111a9d-5e6c-4992-b5fb-12e0d9090b89","kind":"riskanalys",
      "title":"Riskanalys","unit":"Tallen","year":2026,"status":"pagar","rev":"2-0123456789abcdef",
      "revisions":["1-fedcba9876543210"],"created":"2026-01-02T08:00:00Z","updated":"2026-01-03T09:00:00Z",
      "body":{"risker":[{"id":"11111111-1111-4111-8111-111111111111","atgarder":[
        {"id":"33333333-3333-4333-8333-333333333333","vad":"Rutin","status":"planerad","effekt":"ej_uppfoljd"},
        {"id":"44444444-4444-4444-8444-444444444444","vad":"Larm","status":"klar","effekt":"ingen_effekt"}]}]}})";
    std::vector<ValidationError> errors;
    const auto doc = parse_document(analysis, errors);
    REQUIRE(doc);
    CHECK(errors.empty());
    const AnalysisPtr a = analysis_of(*doc);
    REQUIRE(a);
    CHECK(a->risks[0].actions[0].status == ActionStatus::beslutad);
    CHECK(a->risks[0].actions[1].status == ActionStatus::uppfoljd);
    CHECK(a->risks[0].actions[1].verdict == Verdict::nej);
    CHECK(doc->rev.str() == "2-0123456789abcdef"); // reading is not editing

    const std::string plan = R"({"id":"5fee13c8-3373-42d7-9c78-752d57fbeeeb","kind":"atgardsplan",
      "title":"Plan","unit":"IFO","year":2026,"status":"pagar","rev":"1-0123456789abcdef","revisions":[],
      "created":"2026-01-02T08:00:00Z","updated":"2026-01-03T09:00:00Z",
      "body":{"atgarder":[{"vad":"Se över rutinen","status":"pagar","sista_datum":"2026-04-30"}]}})";
    const auto p = parse_document(plan, errors);
    REQUIRE(p);
    CHECK(errors.empty());
    const PlanPtr typed = plan_of(*p);
    REQUIRE(typed);
    REQUIRE(typed->actions.size() == 1);
    CHECK(typed->actions[0].id == legacy_plan_action_id(kDoc, 0));
    CHECK(typed->actions[0].due == "2026-04-30");
    CHECK(typed->actions[0].status == ActionStatus::pagar);
}

TEST_CASE("a plan stored whole by a build of format 2 reads through the store and is written anew") {
    const std::string head = R"({"id":"5fee13c8-3373-42d7-9c78-752d57fbeeeb","kind":"atgardsplan",
      "title":"Plan","unit":"IFO","year":2026,"status":"pagar","rev":"3-0123456789abcdef","revisions":[],
      "created":"2026-01-02T08:00:00Z","updated":"2026-01-03T09:00:00Z",
      "body":{"bakgrund":"Lex Sarah","atgarder":[{"vad":"Rutin","status":"klar","effekt":"effekt"},
                                                  {"vad":"Utbildning","status":"planerad","varfor":"Okunskap"}]}})";
    const store::ReadResult r = store::read_stored({kDoc, head, {}});
    REQUIRE(r.doc);
    CHECK(r.rewrite); // the first layout: its actions get records of their own when written
    const PlanPtr p = plan_of(*r.doc);
    REQUIRE(p);
    REQUIRE(p->actions.size() == 2);
    CHECK(p->actions[0].status == ActionStatus::uppfoljd);
    CHECK(p->actions[0].verdict == Verdict::ja);
    CHECK(p->actions[1].status == ActionStatus::beslutad);
    CHECK(p->actions[1].id == legacy_plan_action_id(kDoc, 1));
    CHECK(r.doc->rev.str() == "3-0123456789abcdef");

    // Written in today's layout and read again: the same document, the same derived ids.
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

TEST_CASE("an edit of a plan is checked where it changed, at the place it names") {
    Workspace ws(kvh::test::fixed_env());
    const std::string id = new_plan(ws, 3);
    const ActionPlan before = *plan_of(*ws.find(id));
    std::vector<ValidationError> errors;

    ActionPlan next = before;
    next.actions.edit(1).why = " ";
    CHECK_FALSE(check_plan(next, &before, "body", errors));
    CHECK(texts(errors) ==
          std::vector<std::string>{"body.atgarder[1].varfor: ange vilken orsak eller iakttagelse "
                                   "åtgärden riktar sig mot innan den kan få status Beslutad"});
    REQUIRE_FALSE(ws.edit(id, kvh::test::step("orsak"),
                          [&](Document& d) { d.body = std::make_shared<ActionPlan>(next); }));
    CHECK(ws.refusal().at(0).path == "body.atgarder[1].varfor");

    // A duplicate id, at the place of the second.
    next = before;
    Action copy = before.actions[0];
    copy.what = "Kopia";
    next.actions.push_back(copy);
    errors.clear();
    CHECK_FALSE(check_plan(next, &before, "body", errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "body.atgarder[3].id");
    CHECK(errors[0].what == Msg::err_id_repeated);

    // Header texts must be UTF-8.
    next = before;
    next.case_number = "\xC3";
    errors.clear();
    CHECK_FALSE(check_plan(next, &before, "body", errors));
    CHECK(errors.at(0).path == "body.diarienummer");
}

TEST_CASE("older actions without a cause do not block an edit elsewhere in the plan, also when they move") {
    Workspace ws(kvh::test::fixed_env());
    std::vector<ValidationError> errors;
    const std::string text = R"({"id":"5fee13c8-3373-42d7-9c78-752d57fbeeeb","kind":"atgardsplan",
      "title":"Plan","unit":"IFO","year":2026,"status":"pagar","rev":"1-0123456789abcdef","revisions":[],
      "created":"2026-01-02T08:00:00Z","updated":"2026-01-03T09:00:00Z",
      "body":{"atgarder":[{"vad":"Första","status":"planerad"},{"vad":"Andra","status":"pagar"}]}})";
    auto doc = parse_document(text, errors);
    REQUIRE(doc);
    std::vector<Document> docs;
    docs.push_back(*doc);
    ws.load(std::move(docs));
    // Removing the first moves the second, which has no cause, to its place: still accepted.
    CHECK(ws.edit(
        kDoc, kvh::test::step("ta bort"),
        [&](Document& d) {
            auto p = std::make_shared<ActionPlan>(*plan_of(d));
            p->actions.erase(0);
            d.body = p;
        },
        false));
    INFO(texts(ws.refusal()).size());
    CHECK(plan_of(*ws.find(kDoc))->actions.size() == 1);
    // Its other fields can be edited; its status cannot be changed without a cause.
    const std::string second = legacy_plan_action_id(kDoc, 1);
    CHECK(edit_action(ws, {kDoc, second, second}, kvh::test::step("ansvarig"),
                      [](Action& x) { x.responsible = "Enhetschef"; }));
    CHECK_FALSE(edit_action(ws, {kDoc, second, second}, kvh::test::step("status"),
                            [](Action& x) { x.status = ActionStatus::genomford; }));
    CHECK(ws.refusal().at(0).path == "body.atgarder[0].varfor");
}

TEST_CASE("the facts index holds a plan's actions, each its own item; edit_action reaches them") {
    Workspace ws(kvh::test::fixed_env());
    FactsIndex facts(ws, [] { return std::string("2026-03-01"); });
    const std::string id = new_plan(ws, 2);
    REQUIRE(facts.actions().size() == 2);
    const ActionFact& first = *facts.actions()[0];
    CHECK(first.ref.doc == id);
    CHECK(first.ref.item == first.ref.action);
    CHECK(rules_of(first.findings) == std::vector{Rule::action_no_responsible, Rule::action_no_due_date});
    const ActionRef ref = first.ref;
    const ItemFactsPtr other = facts.of(id)->items[1];
    CHECK(edit_action(ws, ref, kvh::test::step("ansvarig"), [](Action& x) { x.responsible = "Enhetschef"; }));
    CHECK(rules_of(facts.actions()[0]->findings) == std::vector{Rule::action_no_due_date});
    CHECK(facts.of(id)->items[1] == other); // the other action's facts are kept
    // The item must be the action itself in a plan.
    CHECK_FALSE(
        edit_action(ws, {id, "annat", ref.action}, kvh::test::step("x"), [](Action& x) { x.what = "y"; }));
}

TEST_CASE("the store writes one action of a plan per edit, and it reads back") {
    Workspace ws(kvh::test::fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = new_plan(ws, 200);
    q.flush();
    CHECK(backend.items[id].size() == 1); // written whole: one pack record
    const std::string which = plan_of(*ws.find(id))->actions[150].id;
    CHECK(edit_action(ws, {id, which, which}, kvh::test::step("vad"), [](Action& x) { x.what = "Ändrad"; }));
    q.flush();
    CHECK(q.last_batch_bytes() < 8 * 1024);
    CHECK(backend.items[id].size() == 2);
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
    CHECK(plan_of(docs[0])->actions[150].what == "Ändrad");
}
