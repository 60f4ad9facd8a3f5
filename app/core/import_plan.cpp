// Import merge: deciding per document what a file would do, then applying it as one undo step.
#include "import_plan.hpp"

#include <algorithm>

namespace kvh::core {

namespace {

MergeAction decide(const Document& local, const Document& incoming) {
    const std::string local_rev = local.rev.str(), incoming_rev = incoming.rev.str();
    if (local_rev == incoming_rev)
        // Same revision but other content means someone edited the file by hand or a tool skipped
        // the revision: treating it as unchanged would silently drop one of the two.
        return same_content(local, incoming) ? MergeAction::unchanged : MergeAction::conflict;
    if (incoming.ancestors.contains(local_rev)) return MergeAction::update;
    if (local.ancestors.contains(incoming_rev)) return MergeAction::older;
    return MergeAction::conflict;
}

// The winner's content under a revision newer than both sides, listing both as ancestors.
Document settle(const Document& winner, const Document& loser) {
    Document d = winner;
    const std::string parent = winner.rev.str();
    const std::string loser_rev = loser.rev.str();
    if (loser_rev != parent && !d.ancestors.contains(loser_rev)) d.ancestors.push_front(loser_rev);
    d.ancestors.push_front(parent);
    d.rev.number = std::max(winner.rev.number, loser.rev.number) + 1;
    d.rev.hash = revision_hash(parent, d);
    return d;
}

} // namespace

Msg merge_action_name(MergeAction a) {
    switch (a) {
    case MergeAction::add:
        return Msg::merge_add;
    case MergeAction::update:
        return Msg::merge_update;
    case MergeAction::unchanged:
        return Msg::merge_unchanged;
    case MergeAction::older:
        return Msg::merge_older;
    case MergeAction::conflict:
        return Msg::merge_conflict;
    }
    return Msg::merge_conflict;
}

Msg conflict_choice_name(ConflictChoice c) {
    switch (c) {
    case ConflictChoice::keep_local:
        return Msg::merge_keep_local;
    case ConflictChoice::take_incoming:
        return Msg::merge_take_incoming;
    case ConflictChoice::keep_both:
        return Msg::merge_keep_both;
    }
    return Msg::merge_keep_local;
}

std::size_t ImportPlan::count(MergeAction a) const {
    return static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [a](const ImportItem& i) { return i.action == a; }));
}

ImportPlan plan_import(const Workspace& ws, std::vector<Document> incoming) {
    ImportPlan plan;
    plan.items.reserve(incoming.size());
    for (auto& doc : incoming) {
        ImportItem item;
        item.local = ws.find(doc.id);
        item.action = item.local ? decide(*item.local, doc) : MergeAction::add;
        item.incoming = std::move(doc);
        plan.items.push_back(std::move(item));
    }
    return plan;
}

std::size_t apply_import(Workspace& ws, const ImportPlan& plan, ConflictChoice choice) {
    std::vector<Document> writes;
    for (const ImportItem& item : plan.items) {
        // The plan may be older than the workspace (the user kept editing while it was shown): the
        // decision is made again against what is there now, never against a stale pointer.
        const Document* local = ws.find(item.incoming.id);
        const MergeAction action = local ? decide(*local, item.incoming) : MergeAction::add;
        auto as_copy = [&] {
            Document copy = item.incoming;
            copy.id = new_uuid_v4(ws.env());
            const std::string suffix = tr(Msg::merge_copy_suffix);
            limit_chars(copy.title, kMaxTitleChars - std::min(kMaxTitleChars, utf8_chars(suffix)));
            copy.title += suffix;
            copy.rev = {};
            copy.ancestors.clear();
            advance_revision(copy);
            return copy;
        };
        // A stored record that could not be read is never replaced, not even by a good copy of it.
        if (ws.is_held(item.incoming.id)) {
            writes.push_back(as_copy());
            continue;
        }
        switch (action) {
        case MergeAction::add:
        case MergeAction::update:
            writes.push_back(item.incoming);
            break;
        case MergeAction::unchanged:
        case MergeAction::older:
            break;
        case MergeAction::conflict:
            if (choice == ConflictChoice::keep_local) {
                writes.push_back(settle(*local, item.incoming));
            } else if (choice == ConflictChoice::take_incoming) {
                writes.push_back(settle(item.incoming, *local));
            } else {
                writes.push_back(as_copy());
            }
            break;
        }
    }
    const std::size_t n = writes.size();
    ws.put_all(std::move(writes), Msg::merge_undo_label);
    return n;
}

} // namespace kvh::core
