// The facts index (see facts.hpp).
#include "facts.hpp"

namespace kvh::core {

namespace {

ItemFactsPtr item_facts(const Document& doc, std::size_t i, const RiskAnalysis* a, const std::string& today) {
    auto f = std::make_shared<ItemFacts>();
    doc.body->for_each_item_action(i, [&](const std::string& item, const Action& x) {
        f->actions.push_back({{doc.id, item, x.id}, &x, action_flags(x, today)});
    });
    if (a) f->risk_flags = risk_flags(*a, a->risks[i]);
    return f;
}

// The facts of `doc`; an item that is the very node it was in `was` keeps its facts, unless what
// they depend on changed too (the day, a riskanalys' scale).
DocFacts facts_of(const DocumentPtr& doc, const DocFacts* was, const std::string& today, bool new_day) {
    DocFacts f;
    f.doc = doc;
    if (!doc->body) return f;
    const Body& body = *doc->body;
    body.for_each_own_action([&](const std::string& item, const Action& x) {
        f.own_actions.push_back({{doc->id, item, x.id}, &x, action_flags(x, today)});
    });
    const AnalysisPtr a = analysis_of(*doc);
    const AnalysisPtr before = was ? analysis_of(*was->doc) : nullptr;
    const Body* before_body = was && !new_day && was->doc->body ? was->doc->body.get() : nullptr;
    if (before_body && a && (!before || before->scale != a->scale)) before_body = nullptr;
    f.items.reserve(body.item_count());
    for (std::size_t i = 0; i < body.item_count(); ++i) {
        const bool same = before_body && i < was->items.size() && body.same_item(i, *before_body, i);
        f.items.push_back(same ? was->items[i] : item_facts(*doc, i, a.get(), today));
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
        DocFacts f = facts_of(doc, it == docs_.end() ? nullptr : &it->second, today, new_day);
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
        for (const ActionFact& a : f.own_actions) actions_.push_back(&a);
        for (const ItemFactsPtr& item : f.items)
            for (const ActionFact& a : item->actions) actions_.push_back(&a);
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
