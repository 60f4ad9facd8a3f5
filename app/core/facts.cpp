// The facts index (see facts.hpp).
#include "facts.hpp"

namespace kvh::core {

namespace {

// The facts of one riskanalys; risks that are the very node they were in `before` (same place, same
// scale and participants) keep the flags found then.
AnalysisFacts analysis_facts(const RiskAnalysis& a, const RiskAnalysis* before, const AnalysisFacts* was) {
    AnalysisFacts f;
    const bool reuse = before && was && before->scale == a.scale;
    const int ns = a.scale.levels_s(), nk = a.scale.levels_k();
    f.cells.resize(std::size_t(ns * nk));
    f.residual_cells.resize(std::size_t(ns * nk));
    f.risk_flags.reserve(a.risks.size());
    for (std::size_t i = 0; i < a.risks.size(); ++i) {
        const Risk& r = a.risks[i];
        const bool same = reuse && i < before->risks.size() && a.risks.same_item(i, before->risks, i);
        f.risk_flags.push_back(same ? was->risk_flags[i] : risk_flags(a, r));
        f.flags.risks_flagged += !f.risk_flags.back().empty();
        if (r.s >= 1 && r.s <= ns && r.k >= 1 && r.k <= nk)
            f.cells[std::size_t((r.s - 1) * nk + (r.k - 1))].push_back(int(i));
        if (r.residual_s >= 1 && r.residual_s <= ns && r.residual_k >= 1 && r.residual_k <= nk)
            f.residual_cells[std::size_t((r.residual_s - 1) * nk + (r.residual_k - 1))].push_back(int(i));
    }
    f.flags.no_participants = a.participants.empty();
    f.flags.no_risks = a.risks.empty();
    return f;
}

DocFacts facts_of(const DocumentPtr& doc, const DocFacts* was, const std::string& today) {
    DocFacts f;
    f.doc = doc;
    if (!doc->body) return f;
    doc->body->for_each_action([&](const std::string& item, const Action& a) {
        f.actions.push_back({{doc->id, item, a.id}, &a, action_flags(a, today)});
    });
    if (const AnalysisPtr a = analysis_of(*doc)) {
        const AnalysisPtr before = was ? analysis_of(*was->doc) : nullptr;
        f.analysis = analysis_facts(*a, before.get(), was && was->analysis ? &*was->analysis : nullptr);
    }
    return f;
}

} // namespace

FactsIndex::FactsIndex(Workspace& ws, std::function<std::string()> today)
    : ws_(ws), today_(std::move(today)) {
    token_ = ws_.subscribe([this] { refresh(); });
    refresh();
}

FactsIndex::~FactsIndex() {
    ws_.unsubscribe(token_);
}

void FactsIndex::refresh() {
    const std::string today = today_ ? today_() : std::string();
    const bool new_day = today != facts_day_;
    facts_day_ = today;
    bool changed = new_day;
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
        if (it != docs_.end() && it->second.doc == doc && !new_day) continue;
        DocFacts f = facts_of(doc, it == docs_.end() ? nullptr : &it->second, today);
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
    for (const Document* d : ws_.documents()) {
        const DocFacts& f = docs_.find(d->id)->second;
        for (const ActionFact& a : f.actions) actions_.push_back(&a);
        ++counts_[{d->kind, d->unit, d->year}];
    }
}

const DocFacts* FactsIndex::of(std::string_view doc_id) const {
    const auto it = docs_.find(doc_id);
    return it == docs_.end() ? nullptr : &it->second;
}

bool edit_action(Workspace& ws, const ActionRef& ref, UndoLabel label,
                 const std::function<void(Action&)>& change, bool typing) {
    const DocumentPtr doc = ws.find_shared(ref.doc);
    if (!doc || !doc->body) return false;
    BodyPtr next = doc->body->with_action(ref.item, ref.action, change);
    if (!next) return false;
    return ws.edit(
        ref.doc, std::move(label), [&](Document& d) { d.body = next; }, typing);
}

} // namespace kvh::core
