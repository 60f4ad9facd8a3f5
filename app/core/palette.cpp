// The themes' colours, the risk bands and WCAG 2's relative luminance (sRGB, linearised).
#include "palette.hpp"

#include <algorithm>
#include <cmath>

namespace kvh::core {

namespace {
// Text, muted text, warnings and accents keep at least 4.5:1 (WCAG AA) against the grounds they are
// drawn on; tests/unit/palette_test.cpp checks every pairing.
constexpr Palette kLight{0xF6F7F9, 0xFFFFFF, 0x1A1C20, 0x4A4F57, 0xE4E7EC, 0xD3D8E0,
                         0x1F5FA8, 0x174A85, 0xFFFFFF, 0xB8BFCA, 0xA3211B, 0x1A5E2E};
constexpr Palette kDark{0x16181C, 0x1F2228, 0xECEEF2, 0xB0B6C0, 0x2C3038, 0x3A3F49,
                        0x5B9BE6, 0x7AB0F0, 0x0B1522, 0x4A505B, 0xFF8A80, 0x7CD992};
constexpr Palette kContrast{0x000000, 0x000000, 0xFFFFFF, 0xFFFFFF, 0x1A1A1A, 0x333333,
                            0xFFD400, 0xFFE766, 0x000000, 0xFFFFFF, 0xFFD400, 0x7CFF9B};

double channel(unsigned v) {
    const double c = double(v) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(Rgb c) {
    return 0.2126 * channel((c >> 16) & 0xFF) + 0.7152 * channel((c >> 8) & 0xFF) +
           0.0722 * channel(c & 0xFF);
}
} // namespace

const Palette& palette(PaletteKind kind) {
    switch (kind) {
    case PaletteKind::dark:
        return kDark;
    case PaletteKind::high_contrast:
        return kContrast;
    case PaletteKind::light:
        break;
    }
    return kLight;
}

Rgb band_rgb(std::optional<BandColour> band) {
    // Muted enough for black text, distinct enough from a projector.
    if (!band) return 0xD9DBE0;
    switch (*band) {
    case BandColour::gron:
        return 0x8CCC8C;
    case BandColour::gul:
        return 0xFADE66;
    case BandColour::orange:
        return 0xFAA64D;
    case BandColour::rod:
        return 0xF07068;
    }
    return 0xD9DBE0;
}

Rgb blend(Rgb top, float alpha, Rgb bottom) {
    Rgb out = 0;
    for (int shift : {16, 8, 0}) {
        const float t = float((top >> shift) & 0xFF), b = float((bottom >> shift) & 0xFF);
        out |= Rgb(std::lround(std::clamp(t * alpha + b * (1 - alpha), 0.0f, 255.0f))) << shift;
    }
    return out;
}

double contrast_ratio(Rgb a, Rgb b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace kvh::core
