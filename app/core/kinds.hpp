// The registry of document kinds: for each kind its stable file key, its names, how its body is
// read from JSON (validating, with exact error paths), how an edited body is checked, and where its
// items are kept. A new kind is one entry here plus its screens.
#pragma once

#include "body.hpp"
#include "messages.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct ValidationError;

struct KindSpec {
    DocKind kind;
    std::string_view key; // in files; never translated, never renamed (a rename needs a migration)
    Msg name, plural;     // "Riskanalys", "Riskanalyser"
    // The key of the body's item array that the store keeps one record per item ("risker"), or "".
    std::string_view items_key;
    // A new, empty body.
    BodyPtr (*empty)();
    // Builds the body from JSON, naming each problem under `path` ("documents[3].body"); null if invalid.
    // `doc_id` is the document's: ids a kind gives while reading older data are derived from it, so
    // that every device reading the same document gives the same ones.
    BodyPtr (*from_json)(const nlohmann::json& j, const std::string& path, std::string_view doc_id,
                         std::vector<ValidationError>& errors);
    // Checks an edited body before it is committed. `before` is the version it was made from (the
    // kind may then check only what changed) or null (check everything). False with errors if invalid.
    bool (*validate)(const Body& next, const Body* before, const std::string& path,
                     std::vector<ValidationError>& errors);
};

const KindSpec& kind_spec(DocKind kind);
std::string_view kind_key(DocKind kind);
std::optional<DocKind> kind_from_key(std::string_view key);
Msg kind_name(DocKind kind);        // "Riskanalys"
Msg kind_plural_name(DocKind kind); // "Riskanalyser"
std::string known_kind_keys();      // "riskanalys, egenkontrollplan, …" for error messages

} // namespace kvh::core
