// The one editor of an action, wherever it lives (a risk, an åtgärdsplan, an egenkontroll): every
// field of it through core::edit_action, and the findings of the rules on an item, which can be
// acknowledged with a reason and withdrawn.
#pragma once

#include "views.hpp"

#include "core/facts.hpp"

#include <functional>

namespace kvh::ui {

// Where the action is shown from.
struct ActionPlace {
    core::ActionRef ref;  // where it lives: every change goes through core::edit_action with it
    std::size_t item = 0; // index of the item holding it (DocFacts::items), where its findings are
    int number = 0;       // as shown, from 1: "Åtgärd 2"
    // The undo step of a change of `field`: keystrokes in one field of one action are one step.
    std::function<core::UndoLabel(core::Msg field)> label;
};

enum class ActionRowEvent { none, remove };

// The action as a collapsible row headed "Åtgärd 2: what" (with status, due date and open findings
// beneath while it is closed): its findings, then every field. Returns remove when its remove button
// was pressed: taking it away is an edit of what holds it.
ActionRowEvent draw_action(App& app, const ActionPlace& place, const core::Action& act, bool default_open);

// The rule findings of one item, each with its severity in words; an open one can be acknowledged
// with a reason, an acknowledged one stays in sight with its reason and can be withdrawn.
void draw_findings(App& app, const std::vector<core::RuleHit>& hits, const core::ActionRef& where);

} // namespace kvh::ui
