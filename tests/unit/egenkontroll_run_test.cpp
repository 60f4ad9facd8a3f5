// The utförd egenkontroll: its body in and out, the body written before it had a model, the checks of
// an edit (personnummer refused where typed, answers naming questions, marking done), compliance with
// its denominator, Wilson intervals against published values, and the store writing one sample per
// answer.
#include "core/egenkontroll/egenkontroll_run.hpp"
#include "core/exchange_format.hpp"
#include "core/facts.hpp"
#include "store/save_queue.hpp"
#include "store/stored_layout.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;
using namespace kvh::core;

namespace {

constexpr const char* kDoc = "cab39a07-9284-4dae-afe9-87c18fdf6614";
constexpr const char* kQ1 = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
constexpr const char* kQ2 = "1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";

std::vector<std::string> texts(const std::vector<ValidationError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(Lang::sv));
    return out;
}

EgenkontrollRun parse_ok(const nlohmann::json& body) {
    std::vector<ValidationError> errors;
    auto r = egenkontroll_run_from_body(body, "body", errors, kDoc);
    for (const auto& t : texts(errors)) INFO(t);
    REQUIRE(r);
    CHECK(errors.empty());
    return *r;
}

// A run with `n` samples answered ja to both questions but for the `no` first ones, nej on question 1.
EgenkontrollRun answered_run(const Environment& env, int n, int no) {
    EgenkontrollRun r;
    r.questions = {{kQ1, "Upprättades genomförandeplanen inom 24 timmar?"},
                   {kQ2, "Är den enskilde delaktig?"}};
    for (int i = 0; i < n; ++i) {
        Sample s;
        s.id = new_uuid_v4(env);
        s.ref = "Akt " + std::to_string(i + 1);
        set_answer(s, kQ1, i < no ? Answer::nej : Answer::ja);
        set_answer(s, kQ2, Answer::ja);
        r.samples.push_back(s);
    }
    return r;
}

} // namespace

TEST_CASE("answer keys are stable; a run's body round trips; unknown keys are kept") {
    for (Answer a : all_answers) CHECK(answer_from_key(answer_key(a)) == a);
    CHECK(std::string(tr(answer_name(Answer::ej_aktuellt), Lang::sv)) == "Ej aktuellt");
    CHECK(kind_spec(DocKind::egenkontroll).items_key == "urval");
    CHECK(parse_ok(nlohmann::json::object()) == EgenkontrollRun{});

    const auto env = kvh::test::fixed_env();
    EgenkontrollRun r = answered_run(env, 3, 1);
    r.plan = "adb21095-3bbb-492b-9924-eb8b75750c2b";
    r.check = kQ2;
    r.area = "Social dokumentation";
    r.method = CheckMethod::aktgranskning;
    r.period_from = "2025-01-01";
    r.period_to = "2025-04-30";
    r.performed_by = "SAS";
    r.target = 95;
    r.draw = {"20260301", 124, "44cfb92a15c31b11"};
    r.samples.edit(0).answers[0].note = "Upprättad efter fyra dagar";
    r.findings = "En plan upprättades efter fyra dagar.";
    r.analysis = "Informationen nådde inte kvällspersonalen.";
    r.conclusion = "Rutinen följs i stort.";
    r.reported_to = "Verksamhetschef";
    r.reported_date = "2025-05-12";
    r.done_date = "2025-05-12";
    Action a;
    a.id = new_uuid_v4(env);
    a.what = "Skriftlig överlämning";
    r.actions.push_back(a);
    nlohmann::json body = r.to_json();
    body["bilaga"] = "lista.xlsx";
    const EgenkontrollRun back = parse_ok(body);
    CHECK(back.to_json() == body);
    CHECK(back.plan == r.plan);
    CHECK(back.samples[0].answers[0].note == "Upprättad efter fyra dagar");
    CHECK(back.head_json().contains("urval") == false);
    CHECK(back.item_json(2) == body["urval"][2]);
    std::vector<ValidationError> errors;
    CHECK(check_egenkontroll_run(back, nullptr, "body", errors));
}

TEST_CASE("a run's errors name the exact place") {
    const nlohmann::json body = nlohmann::json::parse(R"({
      "plan": "inte-ett-id", "period_fran": "2025-02-30", "malniva": 120,
      "fragor": [{"id": "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "text": "Fråga"}],
      "urval": [{"id": "2b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "referens": "Akt 1",
                 "svar": [{"fraga": "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "svar": "kanske"},
                          {"fraga": "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "svar": "ja"},
                          {"fraga": "9b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "svar": "ja"}]},
                {"id": "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", "referens": "Akt 2"}]})");
    std::vector<ValidationError> errors;
    CHECK_FALSE(egenkontroll_run_from_body(body, "documents[4].body", errors, kDoc));
    CHECK(
        texts(errors) ==
        std::vector<std::string>{
            "documents[4].body.plan: ”inte-ett-id” är inget giltigt UUID (formen är "
            "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx med siffror och små bokstäver a–f)",
            "documents[4].body.period_fran: ”2025-02-30” är inget giltigt datum (ange det som ÅÅÅÅ-MM-DD, "
            "t.ex. "
            "2026-03-01)",
            "documents[4].body.malniva: ska vara ett heltal mellan 0 och 100",
            "documents[4].body.urval[0].svar[0].svar: okänt värde ”kanske”; kända värden är ej_besvarad, ja, "
            "nej, "
            "ej_aktuellt",
            "documents[4].body.urval[0].svar[1].fraga: stickprovet har redan ett svar på frågan "
            "”0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11”",
            "documents[4].body.urval[0].svar[2].fraga: ”9b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11” är inte id för "
            "någon av egenkontrollens frågor",
            "documents[4].body.urval[1].id: id ”0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11” används redan i "
            "documents[4].body.fragor[0]; varje post ska ha ett eget id"});
}

TEST_CASE("a run written before it had a model reads as meant: 19 of 20, ej_tillampligt, old actions") {
    // As in the sample workspace of format 3: Kompassen's check of January–April.
    nlohmann::json body = nlohmann::json::parse(R"({
      "analys": "Informationen om ny brukare nådde inte kvällspersonalen.",
      "atgarder": [{"ansvarig": "Enhetschef", "sista_datum": "2025-06-01", "status": "klar",
                    "vad": "Inskrivningen läggs in som punkt i den skriftliga överlämningen"}],
      "fragor": [{"fraga": "Upprättades genomförandeplanen inom 24 timmar?", "svar": []},
                 {"fraga": "Finns en riskbedömning?", "svar": ["ja", "ej_tillampligt"]}],
      "fynd": "En plan upprättades efter fyra dagar.", "rapporterad_till": "SAS",
      "resultat": {"av": 20, "procent": 95.0, "uppfyllt": 19}, "urval": []})");
    for (int i = 0; i < 20; ++i) {
        body["urval"].push_back("Akt " + std::to_string(i + 1));
        body["fragor"][0]["svar"].push_back(i == 18 ? "nej" : "ja");
    }
    const EgenkontrollRun r = parse_ok(body);
    REQUIRE(r.questions.size() == 2);
    CHECK(r.questions[0].id == legacy_run_id(kDoc, "fragor", 0));
    CHECK(r.questions[0].text == "Upprättades genomförandeplanen inom 24 timmar?");
    REQUIRE(r.samples.size() == 20);
    CHECK(r.samples[0].id == legacy_run_id(kDoc, "urval", 0));
    CHECK(r.samples[18].ref == "Akt 19");
    CHECK(answer_of(r.samples[18], r.questions[0].id)->answer == Answer::nej);
    CHECK(answer_of(r.samples[1], r.questions[1].id)->answer == Answer::ej_aktuellt);
    CHECK(answer_of(r.samples[2], r.questions[1].id) == nullptr);
    REQUIRE(r.actions.size() == 1);
    CHECK(r.actions[0].id == legacy_run_id(kDoc, "atgarder", 0));
    CHECK(r.actions[0].due == "2025-06-01");
    CHECK(r.actions[0].status == ActionStatus::genomford);
    CHECK(r.extra.is_null()); // the computed result is not carried along
    CHECK(r.findings == "En plan upprättades efter fyra dagar.");
    CHECK_FALSE(r.done());
    const RunResults res = run_results(r);
    CHECK(res.per_question[0] == Compliance{19, 1, 0, 0});
    CHECK(res.per_question[0].rounded_percent() == 95);
    CHECK(res.per_question[1] == Compliance{1, 0, 1, 18});
    CHECK(parse_ok(body) == r);
    // More answers than references: a sample without a reference, no answer lost.
    body["fragor"][0]["svar"].push_back("ja");
    CHECK(parse_ok(body).samples.size() == 21);
    CHECK(parse_ok(body).samples[20].ref.empty());
    // Only a list of references.
    const EgenkontrollRun refs =
        parse_ok(nlohmann::json::parse(R"({"urval": ["Ärende 2026-114", "Ärende 2026-131"]})"));
    CHECK(refs.samples.size() == 2);
    CHECK(refs.samples[1].ref == "Ärende 2026-131");
    // Its old action has no cause; an edit elsewhere in the run is still accepted.
    EgenkontrollRun next = r;
    next.conclusion = "Rutinen följs i stort.";
    std::vector<ValidationError> errors;
    CHECK(check_egenkontroll_run(next, &r, "body", errors));
}

TEST_CASE("compliance: ja / (ja + nej), ej aktuellt and unanswered apart, empty samples and no questions") {
    const auto env = kvh::test::fixed_env();
    EgenkontrollRun r = answered_run(env, 20, 1);
    RunResults res = run_results(r);
    CHECK(res.per_question[0] == Compliance{19, 1, 0, 0});
    CHECK(res.per_question[0].denominator() == 20);
    CHECK(*res.per_question[0].percent() == doctest::Approx(95.0));
    CHECK(res.per_question[1].rounded_percent() == 100);
    CHECK(res.overall == Compliance{39, 1, 0, 0});
    CHECK(res.deviations == 1);
    CHECK(res.complete_samples == 20);
    CHECK(res.below_target == std::vector<std::size_t>{0});

    set_answer(r.samples.edit(5), kQ1, Answer::ej_aktuellt);
    set_answer(r.samples.edit(6), kQ1, Answer::ej_besvarad);
    res = run_results(r);
    CHECK(res.per_question[0] == Compliance{17, 1, 1, 1});
    CHECK(res.per_question[0].denominator() == 18);
    CHECK(res.per_question[0].rounded_percent() == 94); // 17 of 18 = 94.4 %
    CHECK(res.complete_samples == 19);                  // ej aktuellt is an answer; ej besvarad is not

    // All ej aktuellt: no denominator, no percentage, nothing below the target.
    EgenkontrollRun na = answered_run(env, 3, 0);
    for (std::size_t i = 0; i < 3; ++i) set_answer(na.samples.edit(i), kQ2, Answer::ej_aktuellt);
    res = run_results(na);
    CHECK(res.per_question[1] == Compliance{0, 0, 3, 0});
    CHECK_FALSE(res.per_question[1].percent());
    CHECK(res.below_target.empty());

    // No samples, no questions.
    CHECK(run_results(EgenkontrollRun{}).overall == Compliance{});
    EgenkontrollRun empty = answered_run(env, 0, 0);
    res = run_results(empty);
    CHECK(res.per_question.size() == 2);
    CHECK_FALSE(res.overall.percent());
    CHECK(res.complete_samples == 0);
    // 200 samples × 10 questions: counts add up.
    EgenkontrollRun big;
    for (int q = 0; q < 10; ++q) big.questions.push_back({new_uuid_v4(env), "F"});
    for (int s = 0; s < 200; ++s) {
        Sample x;
        x.id = new_uuid_v4(env);
        for (int q = 0; q < 10; ++q)
            set_answer(x, big.questions[q].id, (s + q) % 7 == 0 ? Answer::nej : Answer::ja);
        big.samples.push_back(x);
    }
    res = run_results(big);
    CHECK(res.overall.denominator() == 2000);
    CHECK(res.deviations == 285); // (s + q) % 7 == 0 for 5 × 29 + 5 × 28 of the 2,000 pairs
}

TEST_CASE("Wilson 95 % intervals match published values (Newcombe 1998, method 3)") {
    const auto near = [](std::optional<Interval> i, double low, double high) {
        REQUIRE(i);
        CHECK(i->low == doctest::Approx(low).epsilon(0.0005));
        CHECK(i->high == doctest::Approx(high).epsilon(0.0005));
    };
    near(wilson_interval(81, 263), 0.2553, 0.3662);
    near(wilson_interval(15, 148), 0.0624, 0.1605);
    near(wilson_interval(0, 20), 0.0, 0.1611);
    near(wilson_interval(1, 29), 0.0061, 0.1718);
    // The issue's example: 19 of 20 is "sannolikt mellan 76 och 99 %".
    const auto k = wilson_interval(19, 20);
    REQUIRE(k);
    CHECK(int(std::floor(k->low * 100 + 0.5)) == 76);
    CHECK(int(std::floor(k->high * 100 + 0.5)) == 99);
    near(wilson_interval(20, 20), 0.8389, 1.0);
    CHECK(wilson_interval(20, 20)->high <= 1.0);
    CHECK_FALSE(wilson_interval(0, 0));
    CHECK_FALSE(wilson_interval(3, 2));
}

TEST_CASE("compliance is written with its denominator, its uncertainty in plain words") {
    CHECK(compliance_text({19, 1, 2, 0}, Lang::sv) == "19 av 20 = 95 %");
    CHECK(compliance_text({19, 1, 2, 0}, Lang::en) == "19 of 20 = 95 %");
    CHECK(uncertainty_text({19, 1, 2, 0}, Lang::sv) == "sannolikt mellan 76 och 99 %");
    CHECK(uncertainty_text({20, 0, 0, 0}, Lang::sv) == "sannolikt mellan 84 och 100 %");
    CHECK(compliance_text({0, 0, 3, 1}, Lang::sv) == "Inga svar att räkna");
    CHECK(uncertainty_text({0, 0, 3, 1}, Lang::sv).empty());
    CHECK(compliance_text({2, 1, 0, 0}, Lang::sv) == "2 av 3 = 67 %");
}

TEST_CASE("a personnummer typed as a reference or a note is refused at its place, with the reason") {
    Workspace ws(kvh::test::fixed_env());
    const std::string id = ws.create(DocKind::egenkontroll, "Granskning", "Kompassen", 2026);
    REQUIRE(ws.edit(
        id, kvh::test::step("urval"),
        [&](Document& d) { d.body = std::make_shared<EgenkontrollRun>(answered_run(ws.env(), 3, 0)); },
        false));
    // Typed character by character: every prefix is accepted until the number is whole.
    const std::string typed = "Akt 811218-9876";
    for (std::size_t n = 1; n <= typed.size(); ++n) {
        const bool ok = ws.edit(id, kvh::test::step("referens"), [&](Document& d) {
            auto r = std::make_shared<EgenkontrollRun>(*egenkontroll_run_of(d));
            r->samples.edit(1).ref = typed.substr(0, n);
            d.body = r;
        });
        INFO(n);
        CHECK(ok == (n < typed.size()));
    }
    REQUIRE(ws.refusal().size() == 1);
    CHECK(ws.refusal()[0].path == "body.urval[1].referens");
    CHECK(ws.refusal()[0].what == Msg::idnr_personnummer);
    CHECK(egenkontroll_run_of(*ws.find(id))->samples[1].ref == "Akt 811218-987");
    // In a note, and a samordningsnummer.
    CHECK_FALSE(ws.edit(id, kvh::test::step("anteckning"), [&](Document& d) {
        auto r = std::make_shared<EgenkontrollRun>(*egenkontroll_run_of(d));
        r->samples.edit(2).answers[1].note = "gäller 701063-2391";
        d.body = r;
    }));
    CHECK(ws.refusal().at(0).path == "body.urval[2].svar[1].anteckning");
    CHECK(ws.refusal().at(0).what == Msg::idnr_samordningsnummer);
    // A case number is fine.
    CHECK(ws.edit(id, kvh::test::step("anteckning"), [&](Document& d) {
        auto r = std::make_shared<EgenkontrollRun>(*egenkontroll_run_of(d));
        r->samples.edit(2).answers[1].note = "Se ärende 2026-114";
        d.body = r;
    }));
}

TEST_CASE("a run is marked done only with a sample, every answer, and an analysis when short of target") {
    const auto env = kvh::test::fixed_env();
    std::vector<ValidationError> errors;
    EgenkontrollRun r;
    r.done_date = "2026-05-12";
    CHECK_FALSE(check_egenkontroll_run(r, nullptr, "body", errors));
    CHECK(texts(errors) == std::vector<std::string>{
                               "body.fragor: lägg till minst en fråga innan egenkontrollen markeras som klar",
                               "body.urval: lägg till stickproven innan egenkontrollen markeras som klar"});

    r = answered_run(env, 20, 1);
    set_answer(r.samples.edit(3), kQ2, Answer::ej_besvarad);
    r.samples.edit(4).answers.pop_back();
    r.done_date = "2026-05-12";
    errors.clear();
    CHECK_FALSE(check_egenkontroll_run(r, nullptr, "body", errors));
    CHECK(texts(errors) == std::vector<std::string>{"body.urval: 2 av 20 stickprov saknar svar på någon "
                                                    "fråga; besvara alla (ja, nej eller ej aktuellt) "
                                                    "innan egenkontrollen markeras som klar",
                                                    "body.analys: minst en fråga når inte målet 100 %; skriv "
                                                    "en analys av orsakerna innan egenkontrollen "
                                                    "markeras som klar"});

    set_answer(r.samples.edit(3), kQ2, Answer::ej_aktuellt);
    set_answer(r.samples.edit(4), kQ2, Answer::ja);
    r.analysis = "En informationsmiss mellan personal.";
    errors.clear();
    CHECK(check_egenkontroll_run(r, nullptr, "body", errors));
    // With a target of 95 %, 19 of 20 reaches it: no analysis needed.
    r.analysis.clear();
    r.target = 95;
    errors.clear();
    CHECK(check_egenkontroll_run(r, nullptr, "body", errors));
    // Not done: anything may be incomplete.
    EgenkontrollRun draft = answered_run(env, 5, 5);
    draft.samples.edit(0).answers.clear();
    errors.clear();
    CHECK(check_egenkontroll_run(draft, nullptr, "body", errors));
}

TEST_CASE("a question below the target proposes an action naming the question and the share") {
    const auto env = kvh::test::fixed_env();
    EgenkontrollRun r = answered_run(env, 20, 1);
    const RunResults res = run_results(r);
    REQUIRE(res.below_target == std::vector<std::size_t>{0});
    const Action a = proposed_action(r, 0, res.per_question[0], env, Lang::sv);
    CHECK(is_uuid(a.id));
    CHECK(a.status == ActionStatus::foreslagen);
    CHECK(a.why == "Upprättades genomförandeplanen inom 24 timmar?: 19 av 20 = 95 %, under målet 100 %");
    CHECK(a.what.empty());
    r.actions.push_back(a);
    std::vector<ValidationError> errors;
    CHECK(check_egenkontroll_run(r, nullptr, "body", errors)); // a proposal needs no decision yet
}

TEST_CASE("a run of a planned check copies its questions; removing a question removes its answers") {
    PlannedCheck c;
    c.id = kQ2;
    c.area = "Social dokumentation";
    c.method = CheckMethod::observation;
    c.target = 90;
    c.questions = {{kQ1, "Fråga"}};
    const EgenkontrollRun r = run_of_check("adb21095-3bbb-492b-9924-eb8b75750c2b", c);
    CHECK(r.plan == "adb21095-3bbb-492b-9924-eb8b75750c2b");
    CHECK(r.check == kQ2);
    CHECK(r.questions == c.questions);
    CHECK(r.target == 90);
    CHECK(r.method == CheckMethod::observation);
    CHECK(r.samples.empty());

    EgenkontrollRun two = answered_run(kvh::test::fixed_env(), 4, 2);
    remove_question(two, kQ1);
    CHECK(two.questions.size() == 1);
    for (const Sample& s : two.samples) CHECK(answer_of(s, kQ1) == nullptr);
    std::vector<ValidationError> errors;
    CHECK(check_egenkontroll_run(two, nullptr, "body", errors));
}

TEST_CASE("the facts index holds a run's actions; the store writes one sample per answer") {
    Workspace ws(kvh::test::fixed_env());
    FactsIndex facts(ws, [] { return std::string("2026-03-01"); });
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = ws.create(DocKind::egenkontroll, "Granskning", "Kompassen", 2026);
    EgenkontrollRun run = answered_run(ws.env(), 200, 0);
    for (int i = 0; i < 8; ++i)
        run.questions.push_back({new_uuid_v4(ws.env()), "Fråga " + std::to_string(i)});
    Action a;
    a.id = new_uuid_v4(ws.env());
    a.what = "Skriftlig överlämning";
    run.actions.push_back(a);
    REQUIRE(ws.edit(
        id, kvh::test::step("urval"), [&](Document& d) { d.body = std::make_shared<EgenkontrollRun>(run); },
        false));
    q.flush();
    REQUIRE(facts.actions().size() == 1);
    CHECK(facts.actions()[0]->ref == ActionRef{id, "", a.id});
    CHECK(edit_action(ws, {id, "", a.id}, kvh::test::step("ansvarig"),
                      [](Action& x) { x.responsible = "SAS"; }));
    CHECK(egenkontroll_run_of(*ws.find(id))->actions[0].responsible == "SAS");
    q.flush();

    const std::string sample = egenkontroll_run_of(*ws.find(id))->samples[150].id;
    CHECK(ws.edit(
        id, kvh::test::step("svar"),
        [&](Document& d) {
            auto r = std::make_shared<EgenkontrollRun>(*egenkontroll_run_of(d));
            set_answer(r->samples.edit(150), kQ1, Answer::nej);
            d.body = r;
        },
        false));
    q.flush();
    CHECK(q.last_batch_bytes() < 8 * 1024);
    CHECK(backend.items[id].count(sample) == 1);
    CHECK(run_results(*egenkontroll_run_of(*ws.find(id))).deviations == 1);
    std::vector<Document> docs;
    backend.load_all([&](std::vector<store::StoredDocument> stored, const std::string&) {
        for (const auto& s : stored) {
            store::ReadResult r = store::read_stored(s);
            REQUIRE(r.doc);
            docs.push_back(std::move(*r.doc));
        }
    });
    REQUIRE(docs.size() == 1);
    CHECK(docs[0] == *ws.find(id));
}
