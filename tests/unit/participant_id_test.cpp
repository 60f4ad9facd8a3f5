// Participants have ids (issue 6): a score names its participant by id, so removing one renumbers no
// one and two devices' copies agree on who scored what. Analyses written before (format version 1, and
// records such a build stored) named participants by place; they read with ids derived from the
// document's, and a place that names no one is refused, never dropped.
#include "core/exchange_format.hpp"
#include "core/risk_analysis.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using nlohmann::json;

namespace {

constexpr const char* kDoc = "5d111a9d-5e6c-4992-b5fb-12e0d9090b89";
constexpr const char* kRisk1 = "11111111-1111-4111-8111-111111111111";
constexpr const char* kRisk2 = "22222222-2222-4222-8222-222222222222";
constexpr const char* kP0 = "a0000000-0000-4000-8000-000000000000";
constexpr const char* kP1 = "a1111111-1111-4111-8111-111111111111";

std::vector<std::string> texts(const std::vector<ValidationError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(Lang::sv));
    return out;
}

// An analysis as a build of format version 1 wrote it: participants without ids, scores by place.
json legacy_body() {
    return json::parse(R"({"deltagare":[{"namn":"A","roll":"Enhetschef"},{"namn":"B","roll":"SAS"},
        {"namn":"C","roll":"MAS"}],
      "risker":[{"id":"11111111-1111-4111-8111-111111111111","sannolikhet":2,"konsekvens":3,
                 "poang":[{"deltagare":0,"sannolikhet":1,"konsekvens":2},{"deltagare":2,"sannolikhet":3,"konsekvens":4}]},
                {"id":"22222222-2222-4222-8222-222222222222","poang":[{"deltagare":1,"sannolikhet":4}]}]})");
}

std::vector<std::string> errors_of(const json& body, std::string_view doc_id = kDoc) {
    std::vector<ValidationError> errors;
    CHECK_FALSE(from_body(body, "documents[0].body", errors, doc_id));
    return texts(errors);
}

} // namespace

TEST_CASE("legacy_participant_id: a UUID of its own per document and place, the same on every reading") {
    const std::string id = legacy_participant_id(kDoc, 0);
    CHECK(is_uuid(id));
    CHECK(id[14] == '8'); // version 8: derived, not random
    CHECK(id == legacy_participant_id(kDoc, 0));
    CHECK(id != legacy_participant_id(kDoc, 1));
    CHECK(id != legacy_participant_id("0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11", 0));
    CHECK(name_based_uuid("x") == name_based_uuid("x"));
    CHECK(name_based_uuid("x") != name_based_uuid("y"));
    CHECK(is_uuid(name_based_uuid("")));
}

TEST_CASE("scores by place read as scores by id: participants get ids in order, scores follow them") {
    std::vector<ValidationError> errors;
    const auto a = from_body(legacy_body(), "body", errors, kDoc);
    REQUIRE(a);
    CHECK(errors.empty());
    const std::vector<std::string> ids{legacy_participant_id(kDoc, 0), legacy_participant_id(kDoc, 1),
                                       legacy_participant_id(kDoc, 2)};
    REQUIRE(a->participants.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(a->participants[i].id == ids[i]);
    CHECK(a->participants[2] == Participant{ids[2], "C", "MAS"});
    CHECK(a->risks[0].scores == std::vector<ParticipantScore>{{ids[0], 1, 2}, {ids[2], 3, 4}});
    CHECK(a->risks[1].scores == std::vector<ParticipantScore>{{ids[1], 4, 0}});

    // Written with the ids, which from then on are the document's own, whatever it is called.
    const json body = to_body(*a);
    CHECK(body["deltagare"][1] == json{{"id", ids[1]}, {"namn", "B"}, {"roll", "SAS"}});
    CHECK(body["risker"][0]["poang"][1] ==
          json{{"deltagare", ids[2]}, {"sannolikhet", 3}, {"konsekvens", 4}});
    CHECK(from_body(body, "body", errors, "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11") == *a);
    // Every reading, on every device, gives the same ids: two copies of one old document agree.
    CHECK(from_body(legacy_body(), "body", errors, kDoc) == *a);
    CHECK(errors.empty());
    // Another document's participants are other people.
    CHECK(from_body(legacy_body(), "body", errors, "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11")
              ->participants[0]
              .id != ids[0]);
}

TEST_CASE("a stored risk that still names participants by place reads right after someone was removed") {
    // The store writes only the items an edit changes: once B is removed, a risk with only C's score
    // stays as a build of format 1 stored it ("deltagare": 2), beside a head whose participants have ids.
    std::vector<ValidationError> errors;
    RiskAnalysis a = *from_body(legacy_body(), "body", errors, kDoc);
    const std::string first = a.participants[0].id, third = a.participants[2].id;
    remove_participant(a, a.participants[1].id);
    json mixed = to_body(a);
    mixed["risker"][0] = legacy_body()["risker"][0]; // A's (place 0) and C's (place 2, now second) scores
    mixed["risker"][1] = {{"id", kRisk2}, {"poang", json::array({{{"deltagare", 2}, {"sannolikhet", 3}}})}};
    const auto back = from_body(mixed, "body", errors, kDoc);
    REQUIRE(back);
    CHECK(errors.empty());
    CHECK(back->risks[0].scores == std::vector<ParticipantScore>{{first, 1, 2}, {third, 3, 4}});
    CHECK(back->risks[1].scores == std::vector<ParticipantScore>{{third, 3, 0}});
    // B's old place names no one now: refused at its place, never dropped or given to someone else.
    mixed["risker"][1]["poang"][0]["deltagare"] = 1;
    CHECK(errors_of(mixed) ==
          std::vector<std::string>{"documents[0].body.risker[1].poang[0].deltagare: 1 hänvisar "
                                   "inte till någon deltagare (analysen har 2, numrerade från 0)"});
}

TEST_CASE("a score by a place beyond the participants is refused with its place, in a body and in a file") {
    json body = legacy_body();
    body["risker"][0]["poang"][1]["deltagare"] = 3;
    body["risker"][1]["poang"][0]["deltagare"] = -1;
    CHECK(
        errors_of(body) ==
        std::vector<std::string>{
            "documents[0].body.risker[0].poang[1].deltagare: 3 hänvisar inte till någon deltagare (analysen "
            "har "
            "3, numrerade från 0)",
            "documents[0].body.risker[1].poang[0].deltagare: -1 hänvisar inte till någon deltagare (analysen "
            "har 3, numrerade från 0)"});
    body["risker"][1]["poang"][0]["deltagare"] = 18446744073709551615u;
    CHECK(errors_of(body).size() == 2);

    // A file of version 1 holding one is refused as a whole, as the build of that time refused it.
    const json file = {{"format", "kvalitetshjul"},
                       {"format_version", 1},
                       {"exported_at", "2026-11-23T10:00:00Z"},
                       {"documents",
                        {{{"id", kDoc},
                          {"kind", "riskanalys"},
                          {"title", "R"},
                          {"unit", ""},
                          {"year", 2026},
                          {"status", "utkast"},
                          {"rev", "1-0123456789abcdef"},
                          {"revisions", json::array()},
                          {"created", "2026-11-23T10:00:00Z"},
                          {"updated", "2026-11-23T10:00:00Z"},
                          {"body", body}}}}};
    const ParsedFile parsed = parse_exchange(file.dump());
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.documents.empty());
    REQUIRE(parsed.errors.size() == 2);
    CHECK(parsed.errors[0].path == "documents[0].body.risker[0].poang[1].deltagare");
    CHECK(parsed.errors[0].what == Msg::err_participant_index);
}

TEST_CASE("reading refuses unknown participant ids in scores, and bad or repeated participant ids") {
    const json body = json::parse(R"({"deltagare":[{"id":"a0000000-0000-4000-8000-000000000000","namn":"A"},
        {"id":"nej"},{"id":"a0000000-0000-4000-8000-000000000000"},{"id":7}],
      "risker":[{"id":"11111111-1111-4111-8111-111111111111","poang":[
        {"deltagare":"b0000000-0000-4000-8000-000000000000","sannolikhet":1},{"deltagare":true},
        {"deltagare":"a0000000-0000-4000-8000-000000000000"},{"deltagare":"a0000000-0000-4000-8000-000000000000"}]}]})");
    CHECK(errors_of(body) ==
          std::vector<std::string>{
              "documents[0].body.deltagare[1].id: ”nej” är inget giltigt UUID (formen är "
              "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx med siffror och små bokstäver a–f)",
              "documents[0].body.deltagare[2].id: id ”a0000000-0000-4000-8000-000000000000” används redan i "
              "documents[0].body.deltagare[0]; varje post ska ha ett eget id",
              "documents[0].body.deltagare[3].id: ska vara en text, men är ett heltal",
              "documents[0].body.risker[0].poang[0].deltagare: ”b0000000-0000-4000-8000-000000000000” är "
              "inte id "
              "för någon av analysens deltagare",
              "documents[0].body.risker[0].poang[1].deltagare: ska vara en text, men är ett sanningsvärde "
              "(true/false)",
              "documents[0].body.risker[0].poang[3].deltagare: deltagaren har redan en bedömning i "
              "documents[0].body.risker[0].poang[2]"});
}

TEST_CASE("an edit whose score names no participant of the analysis is refused at its exact place") {
    Workspace ws(kvh::test::fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    auto change = [&](const std::function<void(RiskAnalysis&)>& f) {
        return ws.edit(
            id, kvh::test::step("x"), [&](Document& d) { kvh::test::change_analysis(d, f); }, false);
    };
    REQUIRE(change([](RiskAnalysis& a) {
        a.participants = {{kP0, "A", "Enhetschef"}, {kP1, "B", "SAS"}};
        Risk r;
        r.id = kRisk1;
        r.scores = {{kP0, 1, 1}, {kP1, 2, 2}};
        a.risks.push_back(r);
    }));
    // Taken out of the list without their scores: the scores would name no one.
    CHECK_FALSE(change([](RiskAnalysis& a) { a.participants.erase(a.participants.begin() + 1); }));
    REQUIRE(ws.refusal().size() == 1);
    CHECK(ws.refusal()[0].path == "body.risker[0].poang[1].deltagare");
    CHECK(ws.refusal()[0].what == Msg::err_participant_unknown);
    CHECK(ws.refusal()[0].text(Lang::sv) == "body.risker[0].poang[1].deltagare: ”" + std::string(kP1) +
                                                "” är inte id för någon av analysens deltagare");
    CHECK(ws.refusal()[0].text(Lang::en) == "body.risker[0].poang[1].deltagare: “" + std::string(kP1) +
                                                "” is not the id of any of the analysis' participants");
    CHECK_FALSE(change([](RiskAnalysis& a) { a.risks.edit(0).scores.push_back({"", 3, 3}); }));
    CHECK(ws.refusal().at(0).path == "body.risker[0].poang[2].deltagare");
    CHECK_FALSE(change([](RiskAnalysis& a) { a.risks.edit(0).scores.push_back({kP0, 3, 3}); }));
    CHECK(ws.refusal().at(0).what == Msg::err_duplicate_score);
    CHECK_FALSE(change([](RiskAnalysis& a) { a.participants.push_back({"", "C", ""}); }));
    CHECK(ws.refusal().at(0).path == "body.deltagare[2].id");
    CHECK(ws.refusal().at(0).what == Msg::err_bad_uuid);
    CHECK_FALSE(change([](RiskAnalysis& a) { a.participants.push_back({kP0, "C", ""}); }));
    CHECK(ws.refusal().at(0).path == "body.deltagare[2].id");
    CHECK(ws.refusal().at(0).what == Msg::err_id_repeated);

    // Removing a participant as the screen does takes their scores and leaves the others' alone.
    CHECK(change([](RiskAnalysis& a) { remove_participant(a, kP0); }));
    const AnalysisPtr a = analysis_of(*ws.find(id));
    CHECK(a->participants == std::vector<Participant>{{kP1, "B", "SAS"}});
    CHECK(a->risks[0].scores == std::vector<ParticipantScore>{{kP1, 2, 2}});
    // The document still reads back from a file and from the store.
    std::vector<ValidationError> errors;
    const auto back = parse_document(document_to_json(*ws.find(id)).dump(), errors);
    REQUIRE(back);
    CHECK(*back == *ws.find(id));
}
