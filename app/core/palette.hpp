// The app's colours as data — the three themes and the risk bands of the matrix — and the WCAG 2
// contrast ratio between two colours, so that every pairing of text and ground can be checked.
#pragma once

#include "risk_scale.hpp"

#include <optional>

namespace kvh::core {

// 0xRRGGBB.
using Rgb = unsigned;

struct Palette {
    Rgb bg, panel, text, muted, frame, frame_hover, accent, accent_hover, accent_text, border, warning, ok;
};
enum class PaletteKind { light, dark, high_contrast };
const Palette& palette(PaletteKind kind);

// The colour of a risk value's band in the matrix, and of an unscored value (nullopt).
Rgb band_rgb(std::optional<BandColour> band);
// Text on a band colour, whatever the theme: the bands are light enough for it in every theme.
constexpr Rgb kOnBand = 0x141414;
// How opaque the matrix draws its cells over the window's background (the filtered cell: fully).
constexpr float kCellAlpha = 0.85f;

// `top` at `alpha` over `bottom`, as the renderer blends it.
Rgb blend(Rgb top, float alpha, Rgb bottom);
// (L1 + 0.05) / (L2 + 0.05) of the relative luminances, lighter over darker: 1 to 21.
double contrast_ratio(Rgb a, Rgb b);

} // namespace kvh::core
