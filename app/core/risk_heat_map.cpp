// The open risks of many analyses on one matrix (see risk_heat_map.hpp).
#include "risk_heat_map.hpp"

#include <algorithm>
#include <map>

namespace kvh::core {

bool risk_is_open(const Risk& r) {
    if (r.decision == RiskDecision::acceptera) return false;
    return r.actions.empty() || std::any_of(r.actions.begin(), r.actions.end(), [](const Action& a) {
               return a.status != ActionStatus::uppfoljd && a.status != ActionStatus::avbruten;
           });
}

RiskHeatMap open_risk_heat_map(const std::vector<const Document*>& docs, std::string_view unit,
                               std::string_view untitled) {
    std::vector<std::pair<const Document*, AnalysisPtr>> analyses;
    using Size = std::pair<int, int>;
    std::map<Size, int> sizes;
    for (const Document* d : docs) {
        if (d->kind != DocKind::riskanalys || d->status == DocStatus::arkiverad) continue;
        if (!unit.empty() && d->unit != unit) continue;
        if (const AnalysisPtr a = analysis_of(*d)) {
            analyses.emplace_back(d, a);
            ++sizes[{a->scale.levels_s(), a->scale.levels_k()}];
        }
    }
    RiskHeatMap map;
    if (analyses.empty()) return map;
    const auto size_of = [](const RiskAnalysis& a) { return Size{a.scale.levels_s(), a.scale.levels_k()}; };
    Size size = size_of(*analyses.front().second);
    for (const auto& [s, n] : sizes)
        if (n > sizes[size]) size = s;
    for (const auto& [d, a] : analyses) {
        const std::string title = d->title.empty() ? std::string(untitled) : d->title;
        if (size_of(*a) != size) {
            map.left_out.push_back(title);
            continue;
        }
        if (map.included.empty()) {
            map.scale = a->scale;
            map.scale_of = title;
            map.cells.resize(std::size_t(size.first * size.second));
        }
        map.included.push_back(title);
        for (const Risk& r : a->risks)
            if (r.s >= 1 && r.s <= size.first && r.k >= 1 && r.k <= size.second && risk_is_open(r))
                map.cells[std::size_t((r.s - 1) * size.second + (r.k - 1))].push_back({d->id, r.id});
    }
    return map;
}

} // namespace kvh::core
