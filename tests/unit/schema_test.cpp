// assets/exchange-format.schema.json must describe what the code reads and writes: same kinds,
// statuses, fields, limits and version. (Checked against the sample files with a JSON Schema
// validator by hand; here only that the two do not drift apart.)
#include "core/atgarder/action_plan.hpp"
#include "core/egenkontroll/egenkontroll_run.hpp"
#include "core/exchange_format.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kvh::core;

namespace {

nlohmann::json load_schema() {
    return nlohmann::json::parse(kvh::test::read_asset("exchange-format.schema.json"), nullptr, false);
}

std::set<std::string> consts(const nlohmann::json& one_of) {
    std::set<std::string> out;
    for (const auto& alt : one_of) {
        CHECK(alt.contains("description"));
        out.insert(alt.at("const").get<std::string>());
    }
    return out;
}

} // namespace

TEST_CASE("the JSON Schema matches the code") {
    const nlohmann::json schema = load_schema();
    REQUIRE_FALSE(schema.is_discarded());
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(schema["properties"]["format"]["const"] == kFormatName);
    CHECK(schema["properties"]["format_version"]["const"] == kFormatVersion);

    const nlohmann::json& doc = schema["$defs"]["document"];
    std::set<std::string> kinds, statuses, fields, required;
    for (DocKind k : all_doc_kinds) kinds.insert(std::string(kind_key(k)));
    for (DocStatus s : all_doc_statuses) statuses.insert(std::string(status_key(s)));
    CHECK(consts(doc["properties"]["kind"]["oneOf"]) == kinds);
    CHECK(consts(doc["properties"]["status"]["oneOf"]) == statuses);

    const nlohmann::json written = document_to_json(Document{});
    for (const auto& [key, value] : written.items()) fields.insert(key);
    for (const auto& r : doc["required"]) required.insert(r.get<std::string>());
    CHECK(required == fields);
    for (const auto& [key, value] : doc["properties"].items()) {
        INFO(key);
        CHECK(fields.count(key) == 1);
        CHECK(value.contains("description"));
    }
    CHECK(doc["properties"]["title"]["maxLength"] == kMaxTitleChars);
    CHECK(doc["properties"]["unit"]["maxLength"] == kMaxTitleChars);
    CHECK(doc["properties"]["year"]["minimum"] == kMinYear);
    CHECK(doc["properties"]["year"]["maximum"] == kMaxYear);
    CHECK(schema["$defs"]["revision"]["pattern"] == "^[1-9][0-9]{0,15}-[0-9a-f]{16}$");
}

namespace {

template <class E, std::size_t N>
std::set<std::string> keys_of(const E (&all)[N], std::string_view (*key)(E)) {
    std::set<std::string> out;
    for (E e : all) out.insert(std::string(key(e)));
    return out;
}

std::set<std::string> property_names(const nlohmann::json& def) {
    std::set<std::string> out;
    for (const auto& [key, value] : def["properties"].items()) {
        INFO(key);
        CHECK(value.contains("description"));
        out.insert(key);
    }
    return out;
}

std::set<std::string> key_names(const nlohmann::json& written) {
    std::set<std::string> out;
    for (const auto& [key, value] : written.items()) out.insert(key);
    return out;
}

} // namespace

TEST_CASE("the JSON Schema describes the action, its acknowledgements and the åtgärdsplan as written") {
    const nlohmann::json schema = load_schema();
    REQUIRE_FALSE(schema.is_discarded());
    const nlohmann::json& action = schema["$defs"]["action"];
    Action a;
    a.acknowledged.push_back({"atgard_forsenad", "Skäl", "", ""});
    const nlohmann::json written = action_to_json(a);
    CHECK(property_names(action) == key_names(written));
    CHECK(property_names(schema["$defs"]["acknowledgement"]) == key_names(written["kvitterade"][0]));
    const nlohmann::json& props = action["properties"];
    CHECK(consts(props["status"]["oneOf"]) == keys_of(all_action_statuses, action_status_key));
    CHECK(consts(props["effekt"]["oneOf"]) == keys_of(all_verdicts, verdict_key));
    CHECK(consts(props["niva"]["oneOf"]) == keys_of(all_action_levels, action_level_key));
    CHECK(consts(props["typ"]["oneOf"]) == keys_of(all_action_types, action_type_key));

    const nlohmann::json& plan = schema["$defs"]["atgardsplan_body"];
    CHECK(property_names(plan) == key_names(ActionPlan{}.to_json()));
    CHECK(consts(plan["properties"]["ursprung"]["oneOf"]) == keys_of(all_plan_origins, plan_origin_key));
    CHECK(plan["properties"]["atgarder"]["items"]["$ref"] == "#/$defs/action");
    const nlohmann::json& when = schema["$defs"]["document"]["allOf"][0];
    CHECK(when["if"]["properties"]["kind"]["const"] == "atgardsplan");
    CHECK(when["then"]["properties"]["body"]["$ref"] == "#/$defs/atgardsplan_body");
}

TEST_CASE("the JSON Schema describes the egenkontrollplan and the utförd egenkontroll as written") {
    const nlohmann::json schema = load_schema();
    REQUIRE_FALSE(schema.is_discarded());
    const nlohmann::json& defs = schema["$defs"];
    CHECK(consts(defs["method"]["oneOf"]) == keys_of(all_check_methods, check_method_key));

    EgenkontrollPlan plan;
    plan.checks.push_back(PlannedCheck{});
    const nlohmann::json written_plan = plan.to_json();
    const nlohmann::json& plan_def = defs["egenkontrollplan_body"];
    CHECK(property_names(plan_def) == key_names(written_plan));
    const nlohmann::json& check_def = plan_def["properties"]["kontroller"]["items"];
    CHECK(property_names(check_def) == key_names(written_plan["kontroller"][0]));
    CHECK(consts(check_def["properties"]["frekvens"]["oneOf"]) == keys_of(all_frequencies, frequency_key));
    CHECK(check_def["properties"]["urval"]["maximum"] == kMaxSampleSize);

    EgenkontrollRun run;
    run.questions.push_back({});
    Sample s;
    s.answers.push_back({});
    run.samples.push_back(s);
    const nlohmann::json written_run = run.to_json();
    const nlohmann::json& run_def = defs["egenkontroll_body"];
    CHECK(property_names(run_def) == key_names(written_run));
    CHECK(property_names(run_def["properties"]["dragning"]) == key_names(written_run["dragning"]));
    CHECK(property_names(defs["question"]) == key_names(written_run["fragor"][0]));
    const nlohmann::json& sample_def = run_def["properties"]["urval"]["items"];
    CHECK(property_names(sample_def) == key_names(written_run["urval"][0]));
    const nlohmann::json& answer_def = sample_def["properties"]["svar"]["items"];
    CHECK(property_names(answer_def) == key_names(written_run["urval"][0]["svar"][0]));
    CHECK(consts(answer_def["properties"]["svar"]["oneOf"]) == keys_of(all_answers, answer_key));

    const nlohmann::json& when = schema["$defs"]["document"]["allOf"];
    CHECK(when[1]["if"]["properties"]["kind"]["const"] == "egenkontrollplan");
    CHECK(when[1]["then"]["properties"]["body"]["$ref"] == "#/$defs/egenkontrollplan_body");
    CHECK(when[2]["if"]["properties"]["kind"]["const"] == "egenkontroll");
    CHECK(when[2]["then"]["properties"]["body"]["$ref"] == "#/$defs/egenkontroll_body");
}
