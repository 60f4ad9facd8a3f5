// The facts index: what the register, the overview, the yearly review and the reports need to know
// across documents, computed once per workspace change and per document revision, never per frame
// (as Tracy's Worker precomputes its indexes): every action with where it lives and its flags, each
// riskanalys' risk flags and matrix bins, every rule finding (rules.hpp) with its acknowledgement, and
// counts per kind, unit and year.
//
// Call flow: Workspace::edit → listeners → FactsIndex::refresh → for each document whose committed
// version changed: facts_of(doc) (items that are the same node as in the last version keep their
// ItemFacts) → the register and counts are rebuilt from the per-document facts.
#pragma once

#include "risk_analysis.hpp"
#include "rules.hpp"
#include "workspace.hpp"

#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace kvh::core {

// Where an action lives: its document, the item holding it ("" when the document holds it
// directly), and its own id.
struct ActionRef {
    std::string doc, item, action;
    bool operator==(const ActionRef&) const = default;
};

struct ActionFact {
    ActionRef ref;
    const Action* action = nullptr; // into the document's body, kept alive by DocFacts::doc
    std::vector<RuleHit> findings;  // acknowledged ones too, with their acknowledgement
};

// The facts of one item (a risk, an action of a plan): its actions and, in a riskanalys, its flags and
// findings. Shared by the facts
// of every version of the document in which the item is the same node, so an edit of one risk of
// 2,000 finds the facts of that one risk again.
struct ItemFacts {
    std::vector<ActionFact> actions;
    std::vector<RiskFlag> risk_flags;
    std::vector<RuleHit> risk_findings;
};
using ItemFactsPtr = std::shared_ptr<const ItemFacts>;

struct AnalysisFacts {
    AnalysisFlags flags;
    // Risk indexes per matrix cell, at (s-1) × levels_k + (k-1); unscored risks are in none.
    std::vector<std::vector<int>> cells, residual_cells;
};

struct DocFacts {
    DocumentPtr doc;                       // the version these facts are of
    std::vector<ActionFact> own_actions;   // actions the document holds directly
    std::vector<ItemFactsPtr> items;       // by item index
    std::optional<AnalysisFacts> analysis; // for a riskanalys
    const std::vector<RiskFlag>& risk_flags(std::size_t risk) const { return items[risk]->risk_flags; }
};

// One finding of a rule across the workspace, and the place it points to: an action (doc, item,
// action), a risk or a planned check of an egenkontrollplan (doc, item) or a unit (no document: `unit`
// names it).
struct Finding {
    Rule rule;
    ActionRef where;
    std::string unit;
    const Acknowledgement* ack = nullptr; // into the document, like ActionFact::action
    bool open() const { return ack == nullptr; }
};

class FactsIndex {
  public:
    // `today` gives YYYY-MM-DD (rules such as overdue depend on it).
    FactsIndex(Workspace& ws, std::function<std::string()> today, RuleSettings settings = {});
    ~FactsIndex();
    FactsIndex(const FactsIndex&) = delete;
    FactsIndex& operator=(const FactsIndex&) = delete;

    // Brings the index up to the workspace (called by the workspace on every change; call it when
    // the day may have changed).
    void refresh();
    const DocFacts* of(std::string_view doc_id) const;
    const std::vector<const ActionFact*>& actions() const { return actions_; } // every action
    // Documents per kind, unit and year.
    using CountKey = std::tuple<DocKind, std::string, int>;
    const std::map<CountKey, int>& counts() const { return counts_; }
    std::uint64_t generation() const { return generation_; } // grows whenever the facts change
    // Every rule finding, open and acknowledged, in document order, then the units'. Gathered from
    // the per-item facts when first asked for after a change: a keystroke does not copy every
    // finding of the workspace.
    const std::vector<Finding>& findings() const;
    // Open (not acknowledged) findings of a severity.
    int open_findings(Severity s) const;
    const RuleSettings& settings() const { return settings_; }
    // New settings: every finding is computed again.
    void set_settings(const RuleSettings& settings);

  private:
    Workspace& ws_;
    std::function<std::string()> today_;
    RuleSettings settings_;
    std::string facts_day_;
    bool stale_ = false; // the settings changed: no facts may be kept
    int token_ = 0;
    std::map<std::string, DocFacts, std::less<>> docs_;
    std::vector<const ActionFact*> actions_;
    std::map<CountKey, int> counts_;
    void gather_findings() const;
    mutable std::vector<Finding> findings_;
    mutable int open_[3] = {};
    mutable bool findings_stale_ = true;
    std::uint64_t generation_ = 0;
};

// Changes one action wherever it lives, as one undo step (or a typing burst with `typing`): the
// document's kind finds it by `ref`. False when it is not there, nothing changed or the result was
// refused (Workspace::refusal says why).
bool edit_action(Workspace& ws, const ActionRef& ref, UndoLabel label, FunctionRef<void(Action&)> change,
                 bool typing = false);

// Acknowledges a finding with `ack` (its rule set from the finding), kept in the item the finding
// points to — the action, the risk or the planned check — as one undo step; an earlier
// acknowledgement of the same rule there is replaced. With `ack` null, withdraws it. False when the
// item is not there, the result was refused (a blank reason: Workspace::refusal says why), or the
// finding is a unit's: no document holds a unit yet, so such a finding cannot be acknowledged, only
// resolved.
bool acknowledge(Workspace& ws, const Finding& finding, const Acknowledgement* ack);

} // namespace kvh::core
