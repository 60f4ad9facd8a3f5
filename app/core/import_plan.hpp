// Import merge: what a parsed file would do to the workspace, decided before anything changes,
// then applied all at once (one undo step) or not at all.
#pragma once

#include "document.hpp"
#include "workspace.hpp"

#include <vector>

namespace kvh::core {

enum class MergeAction {
    add,       // id not in the workspace
    update,    // the local revision is an ancestor of the incoming one
    unchanged, // same revision
    older,     // the incoming revision is an ancestor of the local one: skipped
    conflict   // both changed since they parted
};

enum class ConflictChoice { keep_local, take_incoming, keep_both };

struct ImportItem {
    Document incoming;
    MergeAction action = MergeAction::add;
    const Document* local = nullptr; // valid until the workspace changes
};

struct ImportPlan {
    std::vector<ImportItem> items;
    std::size_t count(MergeAction a) const;
};

ImportPlan plan_import(const Workspace& ws, std::vector<Document> incoming);
// Applies the plan; conflicts follow `choice` (keep_both stores the incoming one as a copy under a
// new id). Returns the number of documents written.
std::size_t apply_import(Workspace& ws, const ImportPlan& plan, ConflictChoice choice);

} // namespace kvh::core
