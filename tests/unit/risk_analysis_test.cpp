// The risk analysis model: body JSON round trip (scale included), exact error places, the rules,
// changing the scale of a scored analysis, participants and the spread of their scores.
#include "core/exchange_format.hpp"
#include "core/risk_analysis.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

namespace {

std::vector<std::string> texts(const std::vector<ValidationError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(Lang::sv));
    return out;
}

constexpr const char* kRisk1 = "11111111-1111-4111-8111-111111111111";
constexpr const char* kRisk2 = "22222222-2222-4222-8222-222222222222";
constexpr const char* kAction1 = "33333333-3333-4333-8333-333333333333";
// Participants' ids.
constexpr const char* kP0 = "a0000000-0000-4000-8000-000000000000";
constexpr const char* kP1 = "a1111111-1111-4111-8111-111111111111";
constexpr const char* kP2 = "a2222222-2222-4222-8222-222222222222";
constexpr const char* kP3 = "a3333333-3333-4333-8333-333333333333";
constexpr const char* kP4 = "a4444444-4444-4444-8444-444444444444";

// A body with every field set, on a 5×5 scale, as the app writes it.
nlohmann::json full_body() {
    nlohmann::json body = nlohmann::json::parse(R"({
      "anledning": "forandring",
      "anledning_text": "Nattpatrullen slås ihop med Hemtjänst Södra",
      "datum": "2026-02-10",
      "fas": "pagar",
      "deltagare": [{"id": "a0000000-0000-4000-8000-000000000000", "namn": "Deltagare A", "roll": "Enhetschef"},
                    {"id": "a1111111-1111-4111-8111-111111111111", "namn": "", "roll": "SAS"},
                    {"id": "a2222222-2222-4222-8222-222222222222", "namn": "Deltagare C", "roll": "Undersköterska"}],
      "uppfoljningsdatum": "2026-09-01",
      "beslutad_av": "Enhetschef",
      "beslutsdatum": "2026-02-20",
      "sammanfattning": "Två risker kräver åtgärd före 1 mars.",
      "risker": [
        {"id": "11111111-1111-4111-8111-111111111111", "beskrivning": "Larm besvaras inte i tid",
         "orsaker": "Längre körsträckor", "konsekvens_individ": "Brukare ligger kvar efter fall",
         "konsekvens_verksamhet": "Lex Sarah-utredning", "kategori": "Bemanning och kompetens",
         "sannolikhet": 3, "konsekvens": 5, "barriarer": "Återuppringning",
         "atgarder": [{"id": "33333333-3333-4333-8333-333333333333", "vad": "Rutin för prioritering av larm",
                       "varfor": "Längre körsträckor", "ansvarig": "Enhetschef", "klart_senast": "2026-02-28",
                       "niva": "verksamhet", "typ": "rutin_process",
                       "status": "pagar", "avbrytandeorsak": "", "klart_datum": "", "uppfoljningsdatum": "2026-05-01",
                       "effekt": "ej_bedomd", "uppfoljning": "", "kvitterade": []}],
         "rest_sannolikhet": 2, "rest_konsekvens": 5, "beslut": "atgarda", "beslutsmotivering": "",
         "poang": [{"deltagare": "a0000000-0000-4000-8000-000000000000", "sannolikhet": 3, "konsekvens": 5},
                   {"deltagare": "a2222222-2222-4222-8222-222222222222", "sannolikhet": 4, "konsekvens": 4}],
         "kvitterade": []},
        {"id": "22222222-2222-4222-8222-222222222222", "beskrivning": "Överlämningen blir ofullständig",
         "orsaker": "", "konsekvens_individ": "", "konsekvens_verksamhet": "", "kategori": "",
         "sannolikhet": 0, "konsekvens": 0, "barriarer": "", "atgarder": [],
         "rest_sannolikhet": 0, "rest_konsekvens": 0, "beslut": "acceptera",
         "beslutsmotivering": "Skriftlig överlämning finns", "poang": [],
         "kvitterade": [{"regel": "risk_rod_utan_atgard", "motivering": "Hanteras i nämndens plan",
                         "av": "Enhetschef", "datum": "2026-02-20"}]}
      ]})");
    body["skala"] = scale_to_json(scale_5x5());
    return body;
}

RiskAnalysis parse_ok(const nlohmann::json& body) {
    std::vector<ValidationError> errors;
    auto a = from_body(body, "body", errors);
    INFO(texts(errors).size());
    REQUIRE(a);
    CHECK(errors.empty());
    return *a;
}

std::vector<std::string> errors_of(const nlohmann::json& body) {
    std::vector<ValidationError> errors;
    CHECK_FALSE(from_body(body, "documents[3].body", errors));
    return texts(errors);
}

Risk scored(int s, int k) {
    Risk r;
    r.id = kRisk1;
    r.description = "Fall";
    r.s = s;
    r.k = k;
    return r;
}

Action action(ActionStatus status = ActionStatus::beslutad) {
    Action a;
    a.id = kAction1;
    a.what = "Åtgärd";
    a.status = status;
    return a;
}

} // namespace

TEST_CASE("enum keys of the analysis round trip") {
    for (AnalysisReason r : all_analysis_reasons) CHECK(reason_from_key(reason_key(r)) == r);
    for (AnalysisPhase p : all_analysis_phases) CHECK(phase_from_key(phase_key(p)) == p);
    for (RiskDecision d : all_risk_decisions) CHECK(decision_from_key(decision_key(d)) == d);
    CHECK(reason_key(AnalysisReason::ny_verksamhet) == "ny_verksamhet");
    CHECK(phase_key(AnalysisPhase::uppfoljd) == "uppfoljd");
    CHECK(decision_key(RiskDecision::ej_beslutad) == "ej_beslutad");
    CHECK(std::string(tr(reason_name(AnalysisReason::forandring), Lang::sv)) ==
          "Förändring eller omorganisation");
    CHECK(std::string(tr(decision_name(RiskDecision::acceptera), Lang::sv)) == "Acceptera");
    CHECK_FALSE(reason_from_key("Årlig").has_value());
}

TEST_CASE("an empty body is a new analysis on the default 4×4 scale") {
    const RiskAnalysis a = parse_ok(nlohmann::json::object());
    CHECK(a == RiskAnalysis{});
    CHECK(a.scale == scale_4x4());
    CHECK(a.risks.empty());
    CHECK(a.reason == AnalysisReason::forandring);
    CHECK(a.phase == AnalysisPhase::utkast);
}

TEST_CASE("body round trip: to_body(from_body(x)) == x, scale included") {
    const nlohmann::json body = full_body();
    const RiskAnalysis a = parse_ok(body);
    CHECK(to_body(a) == body);
    CHECK(a.scale == scale_5x5());
    REQUIRE(a.risks.size() == 2);
    const Risk& r = a.risks[0];
    CHECK(r.id == kRisk1);
    CHECK(r.s == 3);
    CHECK(r.k == 5);
    CHECK(r.residual_s == 2);
    CHECK(r.decision == RiskDecision::atgarda);
    REQUIRE(r.actions.size() == 1);
    CHECK(r.actions[0].status == ActionStatus::pagar);
    CHECK(r.actions[0].level == ActionLevel::verksamhet);
    CHECK(r.actions[0].type == ActionType::rutin_process);
    CHECK(a.risks[1].acknowledged ==
          Acknowledgements{{"risk_rod_utan_atgard", "Hanteras i nämndens plan", "Enhetschef", "2026-02-20"}});
    CHECK(r.scores == std::vector<ParticipantScore>{{kP0, 3, 5}, {kP2, 4, 4}});
    CHECK(a.participants[1] == Participant{kP1, "", "SAS"});
    CHECK(a.risks[1].decision_reason == "Skriftlig överlämning finns");

    // And the model survives the other way round.
    std::vector<ValidationError> errors;
    CHECK(from_body(to_body(a), "body", errors) == a);
}

TEST_CASE("unknown keys of the body and of a risk are kept, also through an edit") {
    nlohmann::json body = full_body();
    body["extra"] = 1;
    body["risker"][0]["farg"] = "rod";
    RiskAnalysis a = parse_ok(body);
    CHECK(to_body(a) == body);
    a.summary = "Ändrad";
    a.risks.edit(0).description = "Ändrad händelse";
    const nlohmann::json after = to_body(a);
    CHECK(after["extra"] == 1);
    CHECK(after["risker"][0]["farg"] == "rod");
    CHECK(after["risker"][0]["beskrivning"] == "Ändrad händelse");
    // A key this build writes is never taken from the kept ones.
    body["risker"][0]["extra_note"] = "x";
    CHECK(parse_ok(body).risks[0].extra.contains("extra_note"));
    CHECK_FALSE(parse_ok(body).risks[0].extra.contains("beskrivning"));
}

TEST_CASE("a score outside the scale names its exact place") {
    nlohmann::json body = nlohmann::json::parse(R"({"risker":[
        {"id":"11111111-1111-4111-8111-111111111111"},
        {"id":"22222222-2222-4222-8222-222222222222"},
        {"id":"44444444-4444-4444-8444-444444444444","sannolikhet":5,"konsekvens":"3","rest_sannolikhet":-1,
         "rest_konsekvens":2.0}]})");
    CHECK(errors_of(body) ==
          std::vector<std::string>{
              "documents[3].body.risker[2].sannolikhet: ska vara ett heltal mellan 0 och 4",
              "documents[3].body.risker[2].konsekvens: ska vara ett heltal mellan 0 och 4",
              "documents[3].body.risker[2].rest_sannolikhet: ska vara ett heltal mellan 0 och 4",
              "documents[3].body.risker[2].rest_konsekvens: ska vara ett heltal mellan 0 och 4"});
    // On a 5×5 scale the same 5 is a level.
    body["skala"] = scale_to_json(scale_5x5());
    body["risker"][2].erase("konsekvens");
    body["risker"][2].erase("rest_sannolikhet");
    body["risker"][2].erase("rest_konsekvens");
    CHECK(parse_ok(body).risks[2].s == 5);
}

TEST_CASE("body errors: fields, ids, participants, actions, scale") {
    CHECK(errors_of(nlohmann::json::parse(R"({"anledning":"omorganisation","datum":"2026-2-1","deltagare":[1],
        "sammanfattning":null})")) ==
          std::vector<std::string>{
              "documents[3].body.anledning: okänt värde ”omorganisation”; kända värden är forandring, "
              "ny_verksamhet, "
              "avvikelse, arlig, individniva, annat",
              "documents[3].body.datum: ”2026-2-1” är inget giltigt datum (ange det som ÅÅÅÅ-MM-DD, t.ex. "
              "2026-03-01)",
              "documents[3].body.deltagare[0]: ska vara ett objekt, men är ett heltal",
              "documents[3].body.sammanfattning: ska vara en text, men är null (inget värde)"});

    CHECK(errors_of(nlohmann::json::parse(R"({"risker":[{"beskrivning":"a"},
        {"id":"11111111-1111-4111-8111-111111111111"},{"id":"11111111-1111-4111-8111-111111111111"}]})")) ==
          std::vector<std::string>{
              "documents[3].body.risker[0].id: fältet saknas",
              "documents[3].body.risker[2].id: id ”11111111-1111-4111-8111-111111111111” används redan i "
              "documents[3].body.risker[1]; varje post ska ha ett eget id"});

    CHECK(errors_of(nlohmann::json::parse(R"({"deltagare":[{"namn":"A"},{"namn":"B"}],"risker":[
        {"id":"11111111-1111-4111-8111-111111111111","poang":[{"deltagare":2,"sannolikhet":1},
         {"deltagare":1,"sannolikhet":9},{"deltagare":1},{"sannolikhet":2}]}]})")) ==
          std::vector<std::string>{
              "documents[3].body.risker[0].poang[0].deltagare: 2 hänvisar inte till någon deltagare "
              "(analysen har "
              "2, numrerade från 0)",
              "documents[3].body.risker[0].poang[1].sannolikhet: ska vara ett heltal mellan 0 och 4",
              "documents[3].body.risker[0].poang[2].deltagare: deltagaren har redan en bedömning i "
              "documents[3].body.risker[0].poang[1]",
              "documents[3].body.risker[0].poang[3].deltagare: fältet saknas"});

    CHECK(errors_of(nlohmann::json::parse(R"({"risker":[{"id":"11111111-1111-4111-8111-111111111111",
        "beslut":"ja","atgarder":[{"id":"11111111-1111-4111-8111-111111111111"},{"status":"klar"}]}]})")) ==
          std::vector<std::string>{
              "documents[3].body.risker[0].atgarder[0].id: id ”11111111-1111-4111-8111-111111111111” används "
              "redan "
              "i documents[3].body.risker[0]; varje post ska ha ett eget id",
              "documents[3].body.risker[0].atgarder[1].id: fältet saknas",
              "documents[3].body.risker[0].beslut: okänt värde ”ja”; kända värden är ej_beslutad, atgarda, "
              "acceptera"});

    CHECK(errors_of(
              nlohmann::json::parse(R"({"skala":{"sannolikhet":[],"konsekvens":[{"text":"a"},{"text":"b"}],
        "band":[]},"risker":[{"id":"11111111-1111-4111-8111-111111111111","sannolikhet":11}]})")) ==
          std::vector<std::string>{
              "documents[3].body.skala.sannolikhet: ska ha mellan 2 och 10 nivåer, men har 0",
              "documents[3].body.risker[0].sannolikhet: ska vara ett heltal mellan 0 och 10"});

    CHECK(errors_of(nlohmann::json::parse(R"({"skala":[],"risker":{}})")) ==
          std::vector<std::string>{"documents[3].body.skala: ska vara ett objekt, men är en lista",
                                   "documents[3].body.risker: ska vara en lista, men är ett objekt"});
    CHECK(errors_of(nlohmann::json::array()) ==
          std::vector<std::string>{"documents[3].body: ska vara ett objekt, men är en lista"});
}

TEST_CASE("rule: the highest consequence needs an action or a reasoned acceptance, whatever the value") {
    RiskAnalysis a;
    Risk r = scored(1, 4); // value 4, yellow, but katastrofal
    CHECK(risk_flags(a, r) == std::vector{RiskFlag::katastrofal_without_action});
    r.actions.push_back(action(ActionStatus::avbruten));
    CHECK(risk_flags(a, r) ==
          std::vector{RiskFlag::katastrofal_without_action}); // a cancelled action treats nothing
    r.actions[0].status = ActionStatus::beslutad;             // planerad in format 2
    CHECK(risk_flags(a, r).empty());

    r.actions.clear();
    r.decision = RiskDecision::acceptera;
    CHECK(risk_flags(a, r) ==
          std::vector{RiskFlag::katastrofal_without_action, RiskFlag::accepted_without_reason});
    r.decision_reason = "  \n";
    CHECK(risk_flags(a, r) ==
          std::vector{RiskFlag::katastrofal_without_action, RiskFlag::accepted_without_reason});
    r.decision_reason = "Larmet är dubblerat och testas varje vecka";
    CHECK(risk_flags(a, r).empty());

    // On a 5×5 scale konsekvens 4 is not the highest level.
    a.scale = scale_5x5();
    CHECK(risk_flags(a, scored(1, 4)).empty());
    CHECK(risk_flags(a, scored(1, 5)) == std::vector{RiskFlag::katastrofal_without_action});
}

TEST_CASE("rule: a red risk without action is flagged, even when accepted") {
    RiskAnalysis a;
    Risk r = scored(4, 3); // 12, red
    CHECK(risk_flags(a, r) == std::vector{RiskFlag::red_without_action});
    r.decision = RiskDecision::acceptera;
    r.decision_reason = "Kan inte påverkas";
    CHECK(risk_flags(a, r) == std::vector{RiskFlag::red_without_action});
    r.actions.push_back(action());
    CHECK(risk_flags(a, r).empty());
    CHECK(risk_flags(a, scored(3, 3)).empty()); // 9, orange
    CHECK(risk_flags(a, scored(4, 4)) ==
          std::vector{RiskFlag::katastrofal_without_action, RiskFlag::red_without_action});
}

TEST_CASE("rule: not scored") {
    RiskAnalysis a;
    CHECK(risk_flags(a, scored(0, 0)) == std::vector{RiskFlag::not_scored});
    CHECK(risk_flags(a, scored(2, 0)) == std::vector{RiskFlag::not_scored});
    CHECK(risk_flags(a, scored(0, 4)) ==
          std::vector{RiskFlag::katastrofal_without_action, RiskFlag::not_scored});
    CHECK(std::string(tr(risk_flag_name(RiskFlag::red_without_action), Lang::sv)) == "Röd risk utan åtgärd");
}

TEST_CASE("analysis flags count flagged risks and notice missing participants and risks") {
    RiskAnalysis a;
    AnalysisFlags f = analysis_flags(a);
    CHECK(f.no_participants);
    CHECK(f.no_risks);
    CHECK(f.risks_flagged == 0);
    CHECK(f.any());

    a.participants.push_back({kP0, "A", "Enhetschef"});
    a.risks = {scored(1, 1), scored(4, 4), scored(0, 2), scored(2, 2)};
    f = analysis_flags(a);
    CHECK_FALSE(f.no_participants);
    CHECK_FALSE(f.no_risks);
    CHECK(f.risks_flagged == 2);
    a.risks = {scored(1, 1)};
    CHECK_FALSE(analysis_flags(a).any());
}

TEST_CASE("change_scale moves every score: 4×4 → 5×5 and back, by each mapping") {
    RiskAnalysis four;
    Risk r = scored(2, 4);
    r.residual_s = 1;
    r.residual_k = 3;
    r.scores = {{kP0, 2, 0}, {kP1, 3, 4}};
    four.risks = {r};

    struct Case {
        ScaleMapping how;
        int s, k, rs, rk, p0s, p1s, p1k;
    };
    // 4 → 5 proportional: 1→1, 2→3, 3→4, 4→5.
    for (const Case& c :
         {Case{ScaleMapping::proportional, 3, 5, 1, 4, 3, 4, 5},
          Case{ScaleMapping::clamp, 2, 4, 1, 3, 2, 3, 4}, Case{ScaleMapping::clear, 0, 0, 0, 0, 0, 0, 0}}) {
        RiskAnalysis a = four;
        change_scale(a, scale_5x5(), c.how);
        const Risk& m = a.risks[0];
        INFO(int(c.how));
        CHECK(a.scale == scale_5x5());
        CHECK(m.s == c.s);
        CHECK(m.k == c.k);
        CHECK(m.residual_s == c.rs);
        CHECK(m.residual_k == c.rk);
        CHECK(m.scores == std::vector<ParticipantScore>{{kP0, c.p0s, 0}, {kP1, c.p1s, c.p1k}});
    }

    RiskAnalysis five;
    five.scale = scale_5x5();
    Risk q = scored(5, 3);
    q.residual_s = 2;
    q.residual_k = 5;
    q.scores = {{kP0, 4, 1}};
    five.risks = {q};
    // 5 → 4 proportional: 1→1, 2→2, 3→2, 4→3, 5→4.
    for (const Case& c :
         {Case{ScaleMapping::proportional, 4, 2, 2, 4, 3, 1, 0},
          Case{ScaleMapping::clamp, 4, 3, 2, 4, 4, 1, 0}, Case{ScaleMapping::clear, 0, 0, 0, 0, 0, 0, 0}}) {
        RiskAnalysis a = five;
        change_scale(a, scale_4x4(), c.how);
        const Risk& m = a.risks[0];
        INFO(int(c.how));
        CHECK(a.scale == scale_4x4());
        CHECK(m.s == c.s);
        CHECK(m.k == c.k);
        CHECK(m.residual_s == c.rs);
        CHECK(m.residual_k == c.rk);
        CHECK(m.scores == std::vector<ParticipantScore>{{kP0, c.p0s, c.how == ScaleMapping::clear ? 0 : 1}});
    }
}

TEST_CASE("removing a participant takes their scores; everyone else's stay as they were") {
    RiskAnalysis a;
    a.participants = {{kP0, "A", "Enhetschef"}, {kP1, "B", "SAS"}, {kP2, "C", "Medarbetare"}};
    Risk r = scored(2, 2);
    r.scores = {{kP0, 1, 1}, {kP1, 2, 2}, {kP2, 3, 3}};
    Risk other = scored(3, 3);
    other.id = kRisk2;
    other.scores = {{kP2, 4, 4}};
    a.risks = {r, other};
    const RiskAnalysis before = a;
    remove_participant(a, kP1);
    CHECK(a.participants == std::vector<Participant>{{kP0, "A", "Enhetschef"}, {kP2, "C", "Medarbetare"}});
    // Not renumbered: C's scores still name C.
    CHECK(a.risks[0].scores == std::vector<ParticipantScore>{{kP0, 1, 1}, {kP2, 3, 3}});
    CHECK(a.risks[1].scores == std::vector<ParticipantScore>{{kP2, 4, 4}});
    CHECK(a.risks.same_item(1, before.risks, 1)); // a risk without B's score is not even copied
    std::vector<ValidationError> errors;
    CHECK(check_analysis(a, &before, "body", errors));
    CHECK(errors.empty());
    remove_participant(a, "no-such-id");
    remove_participant(a, kP1);
    CHECK(a.participants.size() == 2);
    // The id may be the removed participant's own string.
    remove_participant(a, a.participants[0].id);
    CHECK(a.participants == std::vector<Participant>{{kP2, "C", "Medarbetare"}});
    CHECK(a.risks[0].scores == std::vector<ParticipantScore>{{kP2, 3, 3}});
}

TEST_CASE("score spread: min, max, lower median over the scores given") {
    Risk r;
    CHECK(score_spread(r).n == 0);
    CHECK(score_spread(r).median_s == 0);

    r.scores = {{kP0, 3, 4}, {kP1, 1, 0}, {kP2, 4, 2}};
    ScoreSpread s = score_spread(r);
    CHECK(s.n == 3);
    CHECK(s.min_s == 1);
    CHECK(s.max_s == 4);
    CHECK(s.median_s == 3);
    CHECK(s.min_k == 2);
    CHECK(s.max_k == 4);
    CHECK(s.median_k == 2); // two k given: 2 and 4, the lower median

    r.scores = {{kP0, 2, 0}, {kP1, 4, 0}, {kP2, 1, 0}, {kP3, 3, 0}, {kP4, 0, 0}};
    s = score_spread(r);
    CHECK(s.n == 4);
    CHECK(s.median_s == 2); // 1 2 3 4 → lower median 2
    CHECK(s.min_k == 0);
    CHECK(s.max_k == 0);
    CHECK(s.median_k == 0);
}
