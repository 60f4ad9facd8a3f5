// How a document becomes records and back: a head record (the document as in a file, its body
// without the items, and "stored_items" naming the item key) and one record per item
// ({"pos": N, "item": {…}}) under the key "<document id>/<item id>". What an edit writes is the
// difference between the version last handed to the backend and the current one, found by sharing:
// items that are the same node in both versions are not written again.
//
// Records of the first layout (one record per document, items inline) still read as they are and
// are reported as `legacy`, so the caller can move them to this layout.
#pragma once

#include "backend.hpp"
#include "core/exchange_format.hpp"
#include "core/workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kvh::store {

// The head record's text of `doc`.
std::string head_text(const core::Document& doc);
// Everything of `doc`, replacing whatever was stored of it.
WriteBatch::Doc full_write(const core::Document& doc);
// What changed from `stored` (the version last handed to the backend, null if none) to `doc`.
WriteBatch::Doc diff_write(const core::Document* stored, const core::Document& doc);

struct ReadResult {
    std::optional<core::Document> doc;         // null when the records cannot be read
    std::vector<core::ValidationError> errors; // why, with places
    bool legacy = false;                       // read from the first layout: write it anew
};
// Builds a document from its records, with the same bounds and checks as an imported file.
ReadResult read_stored(const StoredDocument& stored);

} // namespace kvh::store
