// The risk matrix of a scale as inline SVG for printable reports, and the band colours reports use.
#pragma once

// Does: draw the scale's cells oriented as in the app (sannolikhet up the side, konsekvens along the
// bottom), each cell coloured by its band and always carrying its risk value as a number, the callers'
// markers in their cells, the level words on the axes, and a count where a cell holds several markers.
// Does not: decide what a marker stands for (a risk number, a unit, a check: the caller labels them),
// write a legend (the report says which values each colour covers), or draw the app's ImGui matrix.

#include "core/messages.hpp"
#include "core/risk_scale.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core::report {

// A marker at (s, k) showing `label` (plain text, a few characters: "3"). Marks not on the scale
// (not scored, or beyond its levels) are left out.
struct MatrixMark {
    int s = 0;
    int k = 0;
    std::string label;
};

// The fill of a band as a CSS colour; grey for none. The matrix writes its numbers on these in a
// dark grey at 4.5:1 or more (risk_matrix_svg_test checks it).
std::string_view band_fill(std::optional<BandColour> band);

// An <svg role="img"> with `title` (plain text) as its accessible name. A cell shows up to six markers
// in two rows of three, in the order given; from seven on, the sixth place says "+N" for the rest.
std::string risk_matrix_svg(const RiskScale& scale, const std::vector<MatrixMark>& marks,
                            std::string_view title, Lang lang);

} // namespace kvh::core::report
