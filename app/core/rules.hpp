// The rules: the checks that catch what auditors find (DESIGN.md "Checks"), each with a stable key,
// a severity, its message and the kind of item it points to, as one table (rules.cpp). Which rules
// apply to an action or a risk, and which units lack this year's risk analysis.
// Not here: computing them for a workspace once per change (FactsIndex in facts.hpp), showing them.
#pragma once

#include "action.hpp"
#include "risk_analysis.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

enum class Severity { tips, varning, allvarlig };
Msg severity_name(Severity s);

enum class Rule {
    action_no_responsible,
    action_no_due_date,
    action_overdue,               // due date passed, work not done
    action_not_followed_up,       // genomförd and no verdict N days after (RuleSettings)
    action_followed_up_same_day,  // cannot have seen any effect (S3)
    action_weak_without_cause,    // information or a reminder answering no cause (S3)
    action_decided_without_cause, // older data: decided before a cause was asked for
    action_individual_level,      // one person's measures belong in the personakt
    risk_katastrofal_without_action,
    risk_red_without_action,
    unit_no_risk_analysis, // a unit with documents but no riskanalys this year
    check_overdue,         // a planned egenkontroll whose month has passed without a done run
    unit_no_annual_review, // a unit active last year that no årlig genomgång of last year covers
};
inline constexpr Rule all_rules[] = {Rule::action_no_responsible,
                                     Rule::action_no_due_date,
                                     Rule::action_overdue,
                                     Rule::action_not_followed_up,
                                     Rule::action_followed_up_same_day,
                                     Rule::action_weak_without_cause,
                                     Rule::action_decided_without_cause,
                                     Rule::action_individual_level,
                                     Rule::risk_katastrofal_without_action,
                                     Rule::risk_red_without_action,
                                     Rule::unit_no_risk_analysis,
                                     Rule::check_overdue,
                                     Rule::unit_no_annual_review};

enum class RuleTarget { action, risk, unit, check }; // check: a planned check of an egenkontrollplan

struct RuleSpec {
    Rule rule;
    std::string_view key; // stable: acknowledgements name the rule by it
    Severity severity;
    Msg message;
    RuleTarget target;
};
const RuleSpec& rule_spec(Rule r);
std::optional<Rule> rule_from_key(std::string_view key);

// What the user can set.
struct RuleSettings {
    int follow_up_days = 90; // a genomförd action should be followed up within this many days
    bool operator==(const RuleSettings&) const = default;
};

// The rule's message with its arguments filled in ("Genomförd men inte uppföljd inom 90 dagar");
// `unit` names the unit of a unit rule.
std::string rule_text(Rule r, const RuleSettings& settings, Lang lang, std::string_view unit = {});

// A rule that applies to an item, and its acknowledgement if the item has one for it. `ack` points
// into the item, so a hit lives as long as the item it was computed from.
struct RuleHit {
    Rule rule;
    const Acknowledgement* ack = nullptr;
    bool open() const { return ack == nullptr; }
    bool operator==(const RuleHit&) const = default;
};

// The rules that apply to `a` on `today` (YYYY-MM-DD), in all_rules order. Dates compare as ISO text.
std::vector<RuleHit> action_rules(const Action& a, std::string_view today, const RuleSettings& settings);
// The rules that apply to a risk of `analysis` (from its risk_flags).
std::vector<RuleHit> risk_rules(const RiskAnalysis& analysis, const Risk& r);
// "Försenad; Kvitterad: Ansvarig saknas (motivering)": the hits in words for a report, an acknowledged
// one with its reason.
std::string findings_text(const std::vector<RuleHit>& hits, const RuleSettings& settings, Lang lang);
// Just the rules of a list of hits, for a test or a short list.
std::vector<Rule> rules_of(const std::vector<RuleHit>& hits);

// The units (non-blank Document::unit, each once, sorted) of `docs` with no riskanalys of `year`.
std::vector<std::string> units_without_risk_analysis(const std::vector<const Document*>& docs, int year);
// The units of `docs` with a document of `year` - 1 (they worked last year) that no årlig genomgång of
// that year covers: one of their own, or one of a nämnd or förvaltning, which covers every unit (a
// review names its scope, not the units under it). Sorted, each once.
std::vector<std::string> units_without_annual_review(const std::vector<const Document*>& docs, int year);

} // namespace kvh::core
