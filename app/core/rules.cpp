// The rules (see rules.hpp): the table of rules, and which of them apply to an action, a risk, a unit.
#include "rules.hpp"

#include "arlig_genomgang/annual_review.hpp"
#include "date_input.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace kvh::core {

namespace {

constexpr std::array<RuleSpec, 13> kRules{{
    {Rule::action_no_responsible, "atgard_utan_ansvarig", Severity::varning, Msg::rule_action_no_responsible,
     RuleTarget::action},
    {Rule::action_no_due_date, "atgard_utan_datum", Severity::varning, Msg::rule_action_no_due_date,
     RuleTarget::action},
    {Rule::action_overdue, "atgard_forsenad", Severity::allvarlig, Msg::rule_action_overdue,
     RuleTarget::action},
    {Rule::action_not_followed_up, "atgard_ej_uppfoljd", Severity::allvarlig,
     Msg::rule_action_not_followed_up, RuleTarget::action},
    {Rule::action_followed_up_same_day, "atgard_uppfoljd_samma_dag", Severity::varning,
     Msg::rule_action_followed_up_same_day, RuleTarget::action},
    {Rule::action_weak_without_cause, "atgard_svag_utan_orsak", Severity::varning,
     Msg::rule_action_weak_without_cause, RuleTarget::action},
    {Rule::action_decided_without_cause, "atgard_beslutad_utan_orsak", Severity::varning,
     Msg::rule_action_decided_without_cause, RuleTarget::action},
    {Rule::action_individual_level, "atgard_individniva", Severity::tips, Msg::rule_action_individual_level,
     RuleTarget::action},
    {Rule::risk_katastrofal_without_action, "risk_hogsta_konsekvens_utan_atgard", Severity::allvarlig,
     Msg::riskflag_katastrofal_without_action, RuleTarget::risk},
    {Rule::risk_red_without_action, "risk_rod_utan_atgard", Severity::allvarlig,
     Msg::riskflag_red_without_action, RuleTarget::risk},
    {Rule::unit_no_risk_analysis, "enhet_utan_riskanalys", Severity::varning, Msg::rule_unit_no_risk_analysis,
     RuleTarget::unit},
    {Rule::check_overdue, "egenkontroll_forsenad", Severity::allvarlig, Msg::rule_check_overdue,
     RuleTarget::check},
    {Rule::unit_no_annual_review, "enhet_utan_arlig_genomgang", Severity::varning,
     Msg::rule_unit_no_annual_review, RuleTarget::unit},
}};
static_assert(kRules.size() == std::size(all_rules));

constexpr Msg kSeverityNames[] = {Msg::severity_tips, Msg::severity_varning, Msg::severity_allvarlig};

// Words that make an action a reminder or a piece of information whatever its kind says: the generic
// actions the seeds find ("info på APT", "påminna personalen"), which change nothing unless they
// answer a cause. Lower case; the action's text is lowered before it is searched.
constexpr std::string_view kWeakWords[] = {"påminn", "informera", "info på apt", "information på apt"};

// ASCII and Å, Ä, Ö to lower case: enough to find the words above in Swedish text.
std::string lowered(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') out[i] = char(c - 'A' + 'a');
        // Å (C3 85), Ä (C3 84), Ö (C3 96) → å (C3 A5), ä (C3 A4), ö (C3 B6)
        if (c == 0xC3 && i + 1 < out.size()) {
            const unsigned char n = static_cast<unsigned char>(out[i + 1]);
            if (n == 0x85 || n == 0x84 || n == 0x96) out[i + 1] = char(n + 0x20);
            ++i;
        }
    }
    return out;
}

bool is_weak(const Action& a) {
    if (a.type == ActionType::information_kommunikation) return true;
    const std::string what = lowered(a.what);
    return std::any_of(std::begin(kWeakWords), std::end(kWeakWords),
                       [&](std::string_view w) { return what.find(w) != std::string::npos; });
}

// Genomförd for longer than the follow-up may wait. Counted from the day it was done or, when that
// was not written down, from its due date; with neither, nothing says it is recent.
bool follow_up_late(const Action& a, std::string_view today, const RuleSettings& settings) {
    if (a.status != ActionStatus::genomford || a.verdict != Verdict::ej_bedomd) return false;
    const std::optional<Ymd> from = ymd_of(!a.done_date.empty() ? a.done_date : a.due);
    return !from || iso_of(add_days(*from, settings.follow_up_days)) < today;
}

void add(std::vector<RuleHit>& out, Rule r, const Acknowledgements& acks) {
    out.push_back({r, find_acknowledgement(acks, rule_spec(r).key)});
}

} // namespace

Msg severity_name(Severity s) {
    return kSeverityNames[static_cast<std::size_t>(s)];
}

const RuleSpec& rule_spec(Rule r) {
    return kRules[static_cast<std::size_t>(r)];
}

std::optional<Rule> rule_from_key(std::string_view key) {
    for (const RuleSpec& r : kRules)
        if (r.key == key) return r.rule;
    return std::nullopt;
}

std::string rule_text(Rule r, const RuleSettings& settings, Lang lang, std::string_view unit) {
    switch (r) {
    case Rule::action_not_followed_up:
        return fmt(rule_spec(r).message, lang, {std::to_string(settings.follow_up_days)});
    case Rule::unit_no_risk_analysis:
    case Rule::unit_no_annual_review:
        return fmt(rule_spec(r).message, lang, {unit});
    default:
        return tr(rule_spec(r).message, lang);
    }
}

std::vector<RuleHit> action_rules(const Action& a, std::string_view today, const RuleSettings& settings) {
    std::vector<RuleHit> out;
    const auto& acks = a.acknowledged;
    // A cancelled action asks for nothing more, a followed-up one for no one to do it by a date.
    const bool open = a.status != ActionStatus::avbruten && a.status != ActionStatus::uppfoljd;
    if (open && is_blank(a.responsible)) add(out, Rule::action_no_responsible, acks);
    if (open && a.due.empty()) add(out, Rule::action_no_due_date, acks);
    if (open && !is_done(a.status) && !a.due.empty() && a.due < today) add(out, Rule::action_overdue, acks);
    if (follow_up_late(a, today, settings)) add(out, Rule::action_not_followed_up, acks);
    if (!a.follow_up_date.empty() && a.follow_up_date == a.done_date)
        add(out, Rule::action_followed_up_same_day, acks);
    const bool cancelled = a.status == ActionStatus::avbruten;
    const bool weak = !cancelled && is_weak(a) && is_blank(a.why);
    if (weak) add(out, Rule::action_weak_without_cause, acks);
    // One missing cause is one finding: a weak action says it already.
    if (!weak && is_decided(a.status) && is_blank(a.why)) add(out, Rule::action_decided_without_cause, acks);
    if (!cancelled && a.level == ActionLevel::individ) add(out, Rule::action_individual_level, acks);
    return out;
}

std::vector<RuleHit> risk_rules(const RiskAnalysis& analysis, const Risk& r) {
    std::vector<RuleHit> out;
    for (RiskFlag f : risk_flags(analysis, r)) {
        if (f == RiskFlag::katastrofal_without_action)
            add(out, Rule::risk_katastrofal_without_action, r.acknowledged);
        if (f == RiskFlag::red_without_action) add(out, Rule::risk_red_without_action, r.acknowledged);
    }
    return out;
}

std::string findings_text(const std::vector<RuleHit>& hits, const RuleSettings& settings, Lang lang) {
    std::string out;
    for (const RuleHit& h : hits) {
        const std::string text = rule_text(h.rule, settings, lang);
        out += (out.empty() ? "" : "; ") +
               (h.open() ? text : fmt(Msg::rule_acknowledged, lang, {text}) + " (" + h.ack->reason + ")");
    }
    return out;
}

std::vector<Rule> rules_of(const std::vector<RuleHit>& hits) {
    std::vector<Rule> out;
    for (const RuleHit& h : hits) out.push_back(h.rule);
    return out;
}

std::vector<std::string> units_without_risk_analysis(const std::vector<const Document*>& docs, int year) {
    std::set<std::string> units, analysed;
    for (const Document* d : docs) {
        if (is_blank(d->unit)) continue;
        units.insert(d->unit);
        if (d->kind == DocKind::riskanalys && d->year == year) analysed.insert(d->unit);
    }
    std::vector<std::string> out;
    std::set_difference(units.begin(), units.end(), analysed.begin(), analysed.end(),
                        std::back_inserter(out));
    return out;
}

std::vector<std::string> units_without_annual_review(const std::vector<const Document*>& docs, int year) {
    std::set<std::string> active, reviewed;
    bool whole = false; // a review of the nämnd or förvaltning covers every unit
    for (const Document* d : docs) {
        if (d->year != year - 1) continue;
        if (const AnnualReviewPtr v = annual_review_of(*d)) {
            whole = whole || v->scope != ReviewScope::enhet;
            reviewed.insert(d->unit);
        } else if (!is_blank(d->unit)) {
            active.insert(d->unit);
        }
    }
    std::vector<std::string> out;
    if (!whole)
        std::set_difference(active.begin(), active.end(), reviewed.begin(), reviewed.end(),
                            std::back_inserter(out));
    return out;
}

} // namespace kvh::core
