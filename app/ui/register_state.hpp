// What the Åtgärder register (action_register_view.cpp) and the overview (overview.cpp) keep between
// frames: the filter, sort and rows of the register, the status change under way, the overview's
// chosen person and unit and its figures as last counted.
#pragma once

#include "core/atgarder/action_register.hpp"
#include "core/risk_heat_map.hpp"

#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace kvh::ui {

struct RegisterState {
    core::RegisterFilter filter;
    core::RegisterSort sort;
    core::ActionRegister model; // rebuilt only when the facts, the day, the filter or the sort change
    bool show_plans = false;    // phone: the åtgärdsplaner instead of the register
    bool filters_open = false;  // phone: the filters shown above the cards
    // A row's status chip was tapped: the action, and what the change still needs from the user.
    struct StatusChange {
        core::ActionRef ref;
        std::string what;          // the action's text, for the dialog's heading
        bool verdict = false;      // uppföljd chosen: the verdict is asked for
        bool cancel = false;       // avbruten chosen: the reason is asked for
        std::string cancel_reason; // as typed
        std::string refused;       // why the last try was refused, in words
    };
    std::optional<StatusChange> change;

    // The overview: whose work and which unit it shows ("" for everyone's, every unit), the cell of
    // its heat map whose risks are listed (0: none), and its figures as last counted.
    std::string person, unit;
    int cell_s = 0, cell_k = 0;
    struct Overview {
        std::uint64_t generation = ~0ull;
        std::string today, person, unit;
        int overdue = 0, due_soon = 0;
        int action_findings[3] = {};         // open findings on actions, by core::Severity
        std::vector<core::Finding> other[3]; // open findings on risks and units, by core::Severity
        int year = 0;
        int documents[std::size(core::all_doc_kinds)] = {}; // this year's, by core::DocKind
        int actions = 0, done = 0, followed_up = 0, not_followed_up = 0;
        core::RiskHeatMap heat_map; // the open risks of the analyses (of the unit)
    } overview;
};

} // namespace kvh::ui
