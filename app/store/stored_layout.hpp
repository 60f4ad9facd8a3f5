// How a document becomes records and back: a head record (the document as in a file, its body
// without the items, and "stored_items" naming the item key) and item records under
// "<document id>/<item id>". A document written whole (created, imported, moved from an older
// layout) keeps its items in one pack record ({"pack": [{…}, …]}, item id "") — few records is what
// makes a 10 MB workspace quick to write and to read. An edit writes the head and a record of each
// item it changed ({"pos": N, "item": {…}}), or of each it removed ({"removed": "<item id>"}), which
// take precedence over the pack; the difference is found by sharing between the version last
// handed to the backend and the current one: items that are the same node are not written again.
//
// Records of older layouts (one record per document with items inline; one record per item without a
// pack) and documents with many item records over their pack read as they are and are reported as
// `rewrite`, so the caller writes them anew as one pack.
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
    bool rewrite = false;                      // in an older or worn layout: write it anew
};
// Builds a document from its records, with the same bounds and checks as an imported file.
ReadResult read_stored(const StoredDocument& stored);

} // namespace kvh::store
