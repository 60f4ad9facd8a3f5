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

// 2: participants of a riskanalys have ids and their scores name them (1 named them by place).
// 3: the action of issue 9 (föreslagen … uppföljd, a verdict on effect, level, kind, acknowledged
//    findings) and the åtgärdsplan as a model of its own (before, its body was any JSON object).
// The egenkontrollplan and the utförd egenkontroll got their models within 3: a build of 3 before them
// keeps their bodies as any JSON, and they read the bodies of that time as meant, so no file changes
// meaning for either.
inline constexpr int kFormatVersion = 4;
inline constexpr std::string_view kFormatName = "kvalitetshjul";

// Bounds that keep hostile input from exhausting memory or the stack.
inline constexpr std::size_t kMaxFileBytes = 64u << 20;
inline constexpr int kMaxDepth = 64;
// The nesting a document body may have (the body itself is 1), so that an export of it stays within
// kMaxDepth: the file, its "documents" list and the document are three levels above it.
inline constexpr int kMaxBodyDepth = kMaxDepth - 3;
inline constexpr std::size_t kMaxJsonValues = 4'000'000;
inline constexpr std::size_t kMaxErrors = 100; // then one "… och N fel till"

// One problem in a file: where (a JSON path like documents[3].title) and what, in the user's language.
struct ValidationError {
    std::string path; // "" for problems with the file as a whole
    Msg what;
    std::vector<std::string> args;     // filled into `what`'s {0}, {1}, …
    std::vector<Msg> msg_args;         // translated when shown, numbered after `args` (e.g. type names)
    std::string text(Lang lang) const; // "documents[3].title: …"
    bool operator==(const ValidationError&) const = default;
};

// The document as in a file. With `head_only` its body leaves out the items the store keeps apart
// (KindSpec::items_key).
nlohmann::json document_to_json(const Document& doc, bool head_only = false);
// Validates one document object; errors are appended with `path` as prefix. nullopt if invalid.
// Fields a document does not know are accepted and dropped: whatever a newer build adds comes with
// a format_version bump (refused before documents are read), so unknown fields can only come from
// other tools, and carrying data along that no one here can see or edit would mislead.
std::optional<Document> document_from_json(const nlohmann::json& j, const std::string& path,
                                           std::vector<ValidationError>& errors);
// One stored record (the text of document_to_json): the same bounds and checks as a file.
std::optional<Document> parse_document(std::string_view text, std::vector<ValidationError>& errors);

// Pretty-printed (2 spaces) UTF-8, keys in a fixed order, documents in the given order.
std::string export_documents(const std::vector<const Document*>& docs, const std::string& exported_at);

struct ParsedFile {
    int format_version = 0;
    std::string exported_at;
    std::vector<Document> documents; // empty whenever errors is not empty
    std::vector<ValidationError> errors;
    bool ok() const { return errors.empty(); }
};
// The file's bytes as read: recognised (recognise_file: UTF-8, not empty, an export at all), parsed,
// migrated to kFormatVersion and validated. Never throws; size limit keeps hostile input bounded.
ParsedFile parse_exchange(std::string_view bytes);

// Migrations from older format versions, applied in order to the raw JSON before validation.
// Returns false with an error when the version is unknown or newer than this build understands.
bool migrate(nlohmann::json& root, std::vector<ValidationError>& errors);

} // namespace kvh::core
