// The årlig genomgång's evidence (see annual_review_evidence.hpp), from the facts index: the rules it
// already computed (overdue, followed up the same day, high risks without action) say the same here
// as in the register and on the overview.
#include "annual_review_evidence.hpp"

#include "core/egenkontroll/year_wheel.hpp"

#include <algorithm>

namespace kvh::core {

namespace {

bool has_open(const std::vector<RuleHit>& hits, Rule rule) {
    return std::any_of(hits.begin(), hits.end(),
                       [&](const RuleHit& h) { return h.rule == rule && h.open(); });
}
bool has(const std::vector<RuleHit>& hits, Rule rule) {
    return std::any_of(hits.begin(), hits.end(), [&](const RuleHit& h) { return h.rule == rule; });
}

void add(Compliance& sum, const Compliance& c) {
    sum.yes += c.yes;
    sum.no += c.no;
    sum.not_applicable += c.not_applicable;
    sum.unanswered += c.unanswered;
}

} // namespace

std::vector<EvidenceGroup> evidence_groups(ReportSection s) {
    using G = EvidenceGroup;
    switch (s) {
    case ReportSection::inledning:
    case ReportSection::ansvar:
    case ReportSection::fokus:
        return {G::risk_analyses, G::egenkontroller, G::actions};
    case ReportSection::riskanalys:
        return {G::risk_analyses};
    case ReportSection::egenkontroll:
        return {G::egenkontroller};
    case ReportSection::avvikelser:
    case ReportSection::resultat:
        return {G::actions};
    default:
        return {};
    }
}

bool in_scope(const Document& d, int year, std::string_view unit) {
    return d.year == year && (unit.empty() || d.unit == unit);
}

ReviewEvidence review_evidence(const Workspace& ws, const FactsIndex& facts, int year, std::string_view unit,
                               std::string_view today) {
    ReviewEvidence e;
    e.year = year;
    e.unit = std::string(unit);
    const std::vector<const Document*> docs = ws.documents();
    for (const Document* d : docs) {
        if (!in_scope(*d, year, unit)) continue;
        const DocFacts* f = facts.of(d->id);
        if (d->kind == DocKind::riskanalys && f) {
            e.risk_analyses.push_back(d->id);
            const bool handled = std::none_of(f->items.begin(), f->items.end(), [](const ItemFactsPtr& i) {
                return has_open(i->risk_findings, Rule::risk_katastrofal_without_action) ||
                       has_open(i->risk_findings, Rule::risk_red_without_action);
            });
            if (handled) e.analyses_high_handled.push_back(d->id);
        } else if (d->kind == DocKind::egenkontrollplan) {
            const YearWheel w = year_wheel(*d, docs, today);
            for (const CheckYear& c : w.checks)
                for (int m = 1; m <= 12; ++m) {
                    const MonthState s = c.months[std::size_t(m - 1)];
                    if (s == MonthState::none) continue;
                    const CheckMonth at{d->id, c.check, m};
                    e.checks_planned.push_back(at);
                    if (s == MonthState::done || s == MonthState::done_with_deviations)
                        e.checks_done.push_back(at);
                    if (s == MonthState::overdue) e.checks_overdue.push_back(at);
                }
        } else if (const EgenkontrollRunPtr run = egenkontroll_run_of(*d); run && run->done()) {
            e.runs.push_back(d->id);
            add(e.compliance, run_results(*run).overall);
        }
        if (!f) continue;
        auto count = [&](const ActionFact& a) {
            e.actions.push_back(a.ref);
            if (is_done(a.action->status)) e.actions_done.push_back(a.ref);
            if (a.action->status == ActionStatus::uppfoljd) e.actions_followed_up.push_back(a.ref);
            if (a.action->status == ActionStatus::genomford) e.actions_without_follow_up.push_back(a.ref);
            if (has(a.findings, Rule::action_followed_up_same_day))
                e.actions_followed_up_same_day.push_back(a.ref);
            if (has(a.findings, Rule::action_overdue)) e.actions_overdue.push_back(a.ref);
        };
        for (const ActionFact& a : f->own_actions) count(a);
        for (const ItemFactsPtr& i : f->items)
            for (const ActionFact& a : i->actions) count(a);
    }
    return e;
}

} // namespace kvh::core
