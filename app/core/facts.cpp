// The facts index (see facts.hpp).
#include "facts.hpp"

#include "date_input.hpp"
#include "egenkontroll/year_wheel.hpp"

#include <algorithm>

namespace kvh::core {

namespace {

ItemFactsPtr item_facts(const Document& doc, std::size_t i, const RiskAnalysis* a, const std::string& today,
                        const RuleSettings& settings) {
    auto f = std::make_shared<ItemFacts>();
    doc.body->for_each_item_action(i, [&](const std::string& item, const Action& x) {
        f->actions.push_back({{doc.id, item, x.id}, &x, action_rules(x, today, settings)});
    });
    if (a) {
        f->risk_flags = risk_flags(*a, a->risks[i]);
        f->risk_findings = risk_rules(*a, a->risks[i]);
    }
    return f;
}

// The facts of `doc`; an item that is the very node it was in `was` keeps its facts, unless what
// they depend on changed too (the day or the settings: `redo_all`, a riskanalys' scale).
DocFacts facts_of(const DocumentPtr& doc, const DocFacts* was, const std::string& today, bool redo_all,
                  const RuleSettings& settings) {
    DocFacts f;
    f.doc = doc;
    if (!doc->body) return f;
    const Body& body = *doc->body;
    body.for_each_own_action([&](const std::string& item, const Action& x) {
        f.own_actions.push_back({{doc->id, item, x.id}, &x, action_rules(x, today, settings)});
    });
    const AnalysisPtr a = analysis_of(*doc);
    const AnalysisPtr before = was ? analysis_of(*was->doc) : nullptr;
    const Body* before_body = was && !redo_all && was->doc->body ? was->doc->body.get() : nullptr;
    if (before_body && a && (!before || before->scale != a->scale)) before_body = nullptr;
    f.items.reserve(body.item_count());
    for (std::size_t i = 0; i < body.item_count(); ++i) {
        const bool same = before_body && i < was->items.size() && body.same_item(i, *before_body, i);
        f.items.push_back(same ? was->items[i] : item_facts(*doc, i, a.get(), today, settings));
    }
    if (a) {
        AnalysisFacts& af = f.analysis.emplace();
        const int ns = a->scale.levels_s(), nk = a->scale.levels_k();
        af.cells.resize(std::size_t(ns * nk));
        af.residual_cells.resize(std::size_t(ns * nk));
        for (std::size_t i = 0; i < a->risks.size(); ++i) {
            const Risk& r = a->risks[i];
            af.flags.risks_flagged += !f.items[i]->risk_flags.empty();
            if (r.s >= 1 && r.s <= ns && r.k >= 1 && r.k <= nk)
                af.cells[std::size_t((r.s - 1) * nk + (r.k - 1))].push_back(int(i));
            if (r.residual_s >= 1 && r.residual_s <= ns && r.residual_k >= 1 && r.residual_k <= nk)
                af.residual_cells[std::size_t((r.residual_s - 1) * nk + (r.residual_k - 1))].push_back(
                    int(i));
        }
        af.flags.no_participants = a->participants.empty();
        af.flags.no_risks = a->risks.empty();
    }
    return f;
}

} // namespace

FactsIndex::FactsIndex(Workspace& ws, std::function<std::string()> today, RuleSettings settings)
    : ws_(ws), today_(std::move(today)), settings_(settings) {
    token_ = ws_.subscribe([this] { refresh(); });
    refresh();
}

FactsIndex::~FactsIndex() {
    ws_.unsubscribe(token_);
}

void FactsIndex::refresh() {
    const std::string today = today_ ? today_() : std::string();
    const bool redo_all = today != facts_day_ || stale_;
    facts_day_ = today;
    stale_ = false;
    bool changed = redo_all;
    // In place, so the facts of a document that did not change stay where they are.
    for (auto it = docs_.begin(); it != docs_.end();) {
        if (ws_.find(it->first)) {
            ++it;
        } else {
            it = docs_.erase(it);
            changed = true;
        }
    }
    for (const Document* d : ws_.documents()) {
        const DocumentPtr doc = ws_.find_shared(d->id);
        const auto it = docs_.find(d->id);
        if (it != docs_.end() && it->second.doc == doc && !redo_all) continue;
        DocFacts f = facts_of(doc, it == docs_.end() ? nullptr : &it->second, today, redo_all, settings_);
        if (it == docs_.end())
            docs_.emplace(d->id, std::move(f));
        else
            it->second = std::move(f);
        changed = true;
    }
    if (!changed) return;
    ++generation_;
    actions_.clear();
    counts_.clear();
    findings_stale_ = true;
    for (const Document* d : ws_.documents()) {
        const DocFacts& f = docs_.find(d->id)->second;
        for (const ActionFact& a : f.own_actions) actions_.push_back(&a);
        for (const ItemFactsPtr& item : f.items)
            for (const ActionFact& a : item->actions) actions_.push_back(&a);
        ++counts_[{d->kind, d->unit, d->year}];
    }
}

const std::vector<Finding>& FactsIndex::findings() const {
    gather_findings();
    return findings_;
}

int FactsIndex::open_findings(Severity s) const {
    gather_findings();
    return open_[static_cast<std::size_t>(s)];
}

void FactsIndex::gather_findings() const {
    if (!findings_stale_) return;
    findings_stale_ = false;
    findings_.clear();
    // The runs of each plan, so that each plan's wheel looks at its own (Rule::check_overdue).
    std::map<std::string_view, std::vector<const Document*>> runs;
    for (const Document* d : ws_.documents())
        if (const EgenkontrollRunPtr r = egenkontroll_run_of(*d); r && !r->plan.empty())
            runs[r->plan].push_back(d);
    for (const Document* d : ws_.documents()) {
        const DocFacts& f = docs_.find(d->id)->second;
        const auto add_action = [&](const ActionFact& a) {
            for (const RuleHit& h : a.findings) findings_.push_back({h.rule, a.ref, d->unit, h.ack});
        };
        for (const ActionFact& a : f.own_actions) add_action(a);
        for (std::size_t i = 0; i < f.items.size(); ++i) {
            const ItemFacts& item = *f.items[i];
            for (const RuleHit& h : item.risk_findings)
                findings_.push_back({h.rule, {d->id, d->body->item_id(i), ""}, d->unit, h.ack});
            for (const ActionFact& a : item.actions) add_action(a);
        }
        // An archived plan is history: what it left undone is no longer to be done.
        if (const EgenkontrollPlanPtr plan = egenkontroll_plan_of(*d);
            plan && d->status != DocStatus::arkiverad) {
            const auto mine = runs.find(d->id);
            const YearWheel w = year_wheel(
                *d, mine == runs.end() ? std::vector<const Document*>{} : mine->second, facts_day_);
            for (const YearWheel::Overdue& o : w.overdue) {
                const PlannedCheck& c = plan->checks[o.check];
                findings_.push_back(
                    {Rule::check_overdue,
                     {d->id, c.id, ""},
                     d->unit,
                     find_acknowledgement(c.acknowledged, rule_spec(Rule::check_overdue).key)});
            }
        }
    }
    // Without a date there is no "this year" to ask about.
    if (const auto day = ymd_of(facts_day_)) {
        for (std::string& unit : units_without_risk_analysis(ws_.documents(), day->year))
            findings_.push_back({Rule::unit_no_risk_analysis, {}, std::move(unit), nullptr});
        for (std::string& unit : units_without_annual_review(ws_.documents(), day->year))
            findings_.push_back({Rule::unit_no_annual_review, {}, std::move(unit), nullptr});
    }
    std::fill(std::begin(open_), std::end(open_), 0);
    for (const Finding& f : findings_)
        if (f.open()) ++open_[static_cast<std::size_t>(rule_spec(f.rule).severity)];
}

void FactsIndex::set_settings(const RuleSettings& settings) {
    if (settings == settings_) return;
    settings_ = settings;
    stale_ = true;
    refresh();
}

const DocFacts* FactsIndex::of(std::string_view doc_id) const {
    const auto it = docs_.find(doc_id);
    return it == docs_.end() ? nullptr : &it->second;
}

bool edit_action(Workspace& ws, const ActionRef& ref, UndoLabel label, FunctionRef<void(Action&)> change,
                 bool typing) {
    const DocumentPtr doc = ws.find_shared(ref.doc);
    if (!doc || !doc->body) return false;
    BodyPtr next = doc->body->with_action(ref.item, ref.action, change);
    if (!next) return false;
    return ws.edit(
        ref.doc, std::move(label), [&](Document& d) { d.body = next; }, typing);
}

namespace {

// Puts `ack` in place of the list's acknowledgement of `rule`, or removes that one when `ack` is null.
void set_acknowledgement(Acknowledgements& list, std::string_view rule, const Acknowledgement* ack) {
    std::erase_if(list, [&](const Acknowledgement& a) { return a.rule == rule; });
    if (!ack) return;
    list.push_back(*ack);
    list.back().rule = std::string(rule);
}

} // namespace

bool acknowledge(Workspace& ws, const Finding& finding, const Acknowledgement* ack) {
    const RuleSpec& spec = rule_spec(finding.rule);
    const UndoLabel label(ack ? Msg::undo_acknowledge : Msg::undo_unacknowledge);
    switch (spec.target) {
    case RuleTarget::action:
        return edit_action(ws, finding.where, label,
                           [&](Action& x) { set_acknowledgement(x.acknowledged, spec.key, ack); });
    case RuleTarget::risk: {
        const DocumentPtr doc = ws.find_shared(finding.where.doc);
        const AnalysisPtr a = doc ? analysis_of(*doc) : nullptr;
        if (!a) return false;
        for (std::size_t i = 0; i < a->risks.size(); ++i) {
            if (a->risks[i].id != finding.where.item) continue;
            auto next = std::make_shared<RiskAnalysis>(*a);
            set_acknowledgement(next->risks.edit(i).acknowledged, spec.key, ack);
            return ws.edit(
                finding.where.doc, label, [&](Document& d) { d.body = next; }, false);
        }
        return false;
    }
    case RuleTarget::unit:
        return false;
    case RuleTarget::check: {
        const DocumentPtr doc = ws.find_shared(finding.where.doc);
        const EgenkontrollPlanPtr p = doc ? egenkontroll_plan_of(*doc) : nullptr;
        if (!p) return false;
        for (std::size_t i = 0; i < p->checks.size(); ++i) {
            if (p->checks[i].id != finding.where.item) continue;
            auto next = std::make_shared<EgenkontrollPlan>(*p);
            set_acknowledgement(next->checks.edit(i).acknowledged, spec.key, ack);
            return ws.edit(
                finding.where.doc, label, [&](Document& d) { d.body = next; }, false);
        }
        return false;
    }
    }
    return false;
}

} // namespace kvh::core
