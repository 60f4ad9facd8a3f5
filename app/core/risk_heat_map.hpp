// The open risks of many risk analyses on one matrix, for the overview: which analyses can share it
// (those whose scale has the most common size), which cannot, and the open risks in each cell.
// Not here: drawing it (app/ui/overview.cpp).
#pragma once

#include "risk_analysis.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

// A risk is open until it is accepted, or every action it has is followed up or cancelled.
bool risk_is_open(const Risk& r);

struct RiskAt {
    std::string doc, risk; // the document's id and the risk's
    bool operator==(const RiskAt&) const = default;
};

struct RiskHeatMap {
    RiskScale scale;                             // the first analysis included: its bands colour the cells
    std::string scale_of;                        // that analysis' title
    std::vector<std::string> included, left_out; // titles, in document order
    // The open, scored risks per cell, at (s-1) × levels_k + (k-1), in document order.
    std::vector<std::vector<RiskAt>> cells;
    const std::vector<RiskAt>& cell(int s, int k) const {
        return cells[std::size_t((s - 1) * scale.levels_k() + (k - 1))];
    }
};

// The risk analyses among `docs` that are not archived, of `unit` ("" any), on one matrix: those whose
// scale has the size most of them have (of sizes equally common, the first analysis'). An analysis
// without a title is named by `untitled`. Empty (no cells) when there is no such analysis.
RiskHeatMap open_risk_heat_map(const std::vector<const Document*>& docs, std::string_view unit,
                               std::string_view untitled);

} // namespace kvh::core
