// The exchange file: {"format":"kvalitetshjul","format_version":N,"exported_at":…,"documents":[…]}.
// Reading validates everything and names the exact place of each error; it never throws and
// never returns a half-read file. The same document JSON is what the store keeps per record.
#pragma once

#include "document.hpp"
#include "messages.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

inline constexpr int kFormatVersion = 1;
inline constexpr std::string_view kFormatName = "kvalitetshjul";

// One problem in a file: where (a JSON path like documents[3].title) and what, in the user's language.
struct ValidationError {
    std::string path;
    Msg what;
    std::vector<std::string> args; // filled into `what`'s {0}, {1}, …
    std::string text(Lang lang) const; // "documents[3].title: …"
};

nlohmann::json document_to_json(const Document& doc);
// Validates one document object; errors are appended with `path` as prefix. nullopt if invalid.
std::optional<Document> document_from_json(const nlohmann::json& j, const std::string& path,
                                           std::vector<ValidationError>& errors);

std::string export_documents(const std::vector<const Document*>& docs, const std::string& exported_at);

struct ParsedFile {
    int format_version = 0;
    std::string exported_at;
    std::vector<Document> documents; // empty whenever errors is not empty
    std::vector<ValidationError> errors;
    bool ok() const { return errors.empty(); }
};
// Parses, migrates to kFormatVersion and validates. Never throws; size limit keeps hostile input bounded.
ParsedFile parse_exchange(std::string_view text);

// Migrations from older format versions, applied in order to the raw JSON before validation.
// Returns false with an error when the version is unknown or newer than this build understands.
bool migrate(nlohmann::json& root, std::vector<ValidationError>& errors);

} // namespace kvh::core
