// A planned check's results across runs and years (see check_history.hpp).
#include "check_history.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kvh::core {

std::vector<HistoryPoint> check_history(const std::vector<const Document*>& docs, std::string_view plan,
                                        std::string_view check) {
    // Where each check of each plan is, so the chain of copies is followed without searching.
    std::map<std::string_view, std::pair<const Document*, const PlannedCheck*>> checks;
    for (const Document* d : docs)
        if (const EgenkontrollPlanPtr p = egenkontroll_plan_of(*d))
            for (const PlannedCheck& c : p->checks) checks.emplace(c.id, std::make_pair(d, &c));
    // The chain: (plan, check) of this year, then of each year it was copied from.
    std::map<std::pair<std::string_view, std::string_view>, int> chain; // -> the plan's year
    std::set<std::string_view> seen; // a chain that loops (edited by hand) ends where it loops
    for (std::string_view at = check; !at.empty() && seen.insert(at).second;) {
        const auto it = checks.find(at);
        if (it == checks.end() || (chain.empty() && it->second.first->id != plan)) break;
        chain.emplace(std::make_pair(std::string_view(it->second.first->id), at), it->second.first->year);
        at = it->second.second->previous;
    }
    std::vector<HistoryPoint> out;
    for (const Document* d : docs) {
        const EgenkontrollRunPtr r = egenkontroll_run_of(*d);
        if (!r || !r->done()) continue;
        const auto link = chain.find({std::string_view(r->plan), std::string_view(r->check)});
        if (link == chain.end()) continue;
        const RunResults results = run_results(*r);
        HistoryPoint p{
            d->id, link->second, r->period_to.empty() ? r->done_date : r->period_to, results.overall, {}};
        for (std::size_t i = 0; i < r->questions.size(); ++i)
            p.questions.emplace_back(r->questions[i].id, results.per_question[i]);
        out.push_back(std::move(p));
    }
    std::stable_sort(out.begin(), out.end(), [](const HistoryPoint& a, const HistoryPoint& b) {
        return std::tie(a.year, a.period) < std::tie(b.year, b.period);
    });
    return out;
}

} // namespace kvh::core
