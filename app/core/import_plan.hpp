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
    unchanged, // same revision (and same content: the same revision with other content is a conflict)
    older,     // the incoming revision is an ancestor of the local one: skipped
    conflict   // both changed since they parted
};

Msg merge_action_name(MergeAction a); // "Ny", "Uppdateras", …

// How conflicts are settled. keep_local and take_incoming write the chosen content under a revision
// that descends from both sides, so that the other device sees an update, not a new conflict, when
// this workspace is exported back to it.
enum class ConflictChoice { keep_local, take_incoming, keep_both };
Msg conflict_choice_name(ConflictChoice c);

struct ImportItem {
    Document incoming;
    MergeAction action = MergeAction::add;
    const Document* local = nullptr; // valid until the workspace changes
};

struct ImportPlan {
    std::vector<ImportItem> items;
    std::size_t count(MergeAction a) const;
};

// `incoming` comes from parse_exchange, so its ids are unique.
ImportPlan plan_import(const Workspace& ws, std::vector<Document> incoming);
// Applies the plan as one undo step; conflicts follow `choice` (keep_both stores the incoming one
// as a copy under a new id, a fresh first revision and a title marked as an imported copy).
// Returns the number of documents written.
std::size_t apply_import(Workspace& ws, const ImportPlan& plan, ConflictChoice choice);

} // namespace kvh::core
