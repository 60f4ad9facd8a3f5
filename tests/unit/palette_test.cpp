// Every text colour of every theme against every ground it is drawn on: WCAG AA, at least 4.5:1
// (muted hints, warnings and the matrix' cell numbers included), computed from the colours as data.
#include "core/palette.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace kvh::core;

TEST_CASE("the contrast ratio is WCAG 2's") {
    CHECK(contrast_ratio(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
    CHECK(contrast_ratio(0xFFFFFF, 0x000000) == doctest::Approx(21.0));
    CHECK(contrast_ratio(0x777777, 0x777777) == doctest::Approx(1.0));
    CHECK(contrast_ratio(0x767676, 0xFFFFFF) == doctest::Approx(4.54).epsilon(0.01)); // the known AA grey
    CHECK(blend(0xFFFFFF, 0.5f, 0x000000) == 0x808080);
    CHECK(blend(0x123456, 1.0f, 0xABCDEF) == 0x123456);
}

TEST_CASE("every theme's texts read at 4.5:1 or more on every ground they are drawn on") {
    for (const PaletteKind kind : {PaletteKind::light, PaletteKind::dark, PaletteKind::high_contrast}) {
        const Palette& p = palette(kind);
        // The grounds as theme.cpp builds them: window, fields and popups, buttons (also hovered),
        // selected and hovered rows (the accent over the window).
        const std::vector<std::pair<std::string, Rgb>> grounds{
            {"window", p.bg},
            {"field", p.panel},
            {"button", p.frame},
            {"button hovered", p.frame_hover},
            {"row selected", blend(p.accent, 0.18f, p.bg)},
            {"row hovered", blend(p.accent, 0.12f, p.bg)},
            {"row pressed", blend(p.accent, 0.28f, p.bg)},
        };
        const std::vector<std::pair<std::string, Rgb>> texts{
            {"text", p.text}, {"muted", p.muted}, {"warning", p.warning}, {"ok", p.ok}};
        for (const auto& [ground, g] : grounds)
            for (const auto& [what, t] : texts) {
                INFO("theme " << int(kind) << ": " << what << " on " << ground);
                CHECK(contrast_ratio(t, g) >= 4.5);
            }
        // A chosen level or active tab: the accent over a button, with ordinary text on it.
        CHECK(contrast_ratio(p.text, blend(p.accent, 0.35f, p.frame)) >= 4.5);
        // Matrix cells over the window, drawn at kCellAlpha (the filtered one opaque): their numbers
        // and the risk value bar are kOnBand.
        for (const auto band :
             {std::optional<BandColour>{}, std::optional{BandColour::gron}, std::optional{BandColour::gul},
              std::optional{BandColour::orange}, std::optional{BandColour::rod}}) {
            INFO("theme " << int(kind) << ", band " << (band ? int(*band) : -1));
            CHECK(contrast_ratio(kOnBand, blend(band_rgb(band), kCellAlpha, p.bg)) >= 4.5);
            CHECK(contrast_ratio(kOnBand, band_rgb(band)) >= 4.5);
        }
    }
}

TEST_CASE("the focus ring (the accent) stands out at 3:1 or more from every ground it is drawn around") {
    for (const PaletteKind kind : {PaletteKind::light, PaletteKind::dark, PaletteKind::high_contrast}) {
        const Palette& p = palette(kind);
        for (const Rgb g : {p.bg, p.panel, p.frame, p.frame_hover, blend(p.accent, 0.18f, p.bg)}) {
            INFO("theme " << int(kind) << ", ground " << g);
            CHECK(contrast_ratio(p.accent, g) >= 3.0);
        }
    }
}
