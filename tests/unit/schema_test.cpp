// assets/exchange-format.schema.json must describe what the code reads and writes: same kinds,
// statuses, fields, limits and version. (Checked against the sample files with a JSON Schema
// validator by hand; here only that the two do not drift apart.)
#include "core/exchange_format.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace kvh::core;

namespace {

nlohmann::json load_schema() {
    std::ifstream in(std::string(KVH_ASSETS) + "/exchange-format.schema.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str(), nullptr, false);
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
