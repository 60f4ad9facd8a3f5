// What an åtgärdsplan reports: its summary line (how many actions, done, followed up, open findings),
// the actions as CSV for Swedish Excel, and the printable HTML of the plan.
// Not here: the plan itself (action_plan.hpp), the blocks every report is built of (report/).
#pragma once

#include "core/atgarder/action_plan.hpp"
#include "core/rules.hpp"

#include <string>
#include <string_view>

namespace kvh::core {

struct PlanSummary {
    int actions = 0;
    int done = 0;        // genomförd or uppföljd
    int followed_up = 0; // uppföljd: closed by a verdict
    int open_findings = 0;
    bool operator==(const PlanSummary&) const = default;
};
// The counts of `p` on `today` (YYYY-MM-DD): findings acknowledged with a reason are not open.
PlanSummary plan_summary(const ActionPlan& p, std::string_view today, const RuleSettings& settings);
// "Åtgärder: 4 · genomförda: 2 · uppföljda: 1 · anmärkningar att se över: 3".
std::string plan_summary_text(const PlanSummary& s, Lang lang);

// One row per action with every field, and its findings on `today`.
std::string plan_to_csv(const ActionPlan& p, Lang lang, std::string_view today, const RuleSettings& settings);
// The plan on A4: header (unit, year, origin, diarienummer, owner), background, summary, and the
// actions as a table with their findings, an acknowledged one with its reason.
std::string plan_report_html(const Document& doc, const ActionPlan& p, Lang lang, std::string_view today,
                             const RuleSettings& settings);

} // namespace kvh::core
