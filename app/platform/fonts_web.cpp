// The font atlas: Fonts[0] Noto Sans regular, Fonts[1] bold (both 17 px), Fonts[2] bold 22 px for
// headings; Noto Sans regular and bold (embedded by tools/embed_fonts.py) rasterised at the
// device pixel size, so text is crisp at every devicePixelRatio and zoom. No font files are fetched.
#include "platform_web.hpp"

#include <algorithm>
#include <cstddef>

namespace kvh::fonts {
extern const unsigned char regular[];
extern const std::size_t regular_size;
extern const unsigned char bold[];
extern const std::size_t bold_size;
} // namespace kvh::fonts

namespace kvh::platform {

// [SECTION] Glyphs and sizes

// The same characters tools/embed_fonts.py keeps in the subset.
static const ImWchar kGlyphRanges[] = {0x0020, 0x017F, 0x2013, 0x2026, 0x20AC, 0x20AC, 0};

static constexpr float kFontSize = 17.0f;    // ImGui units (CSS px at zoom 100 %)
static constexpr float kHeadingSize = 22.0f; // Fonts[2]: bold, for screen headings
// Above this scale glyphs are magnified instead: a 6x atlas (102 px glyphs) already needs a
// 2048x2048 texture, and nobody reads 300 % zoom on a DPR-3 screen from up close.
static constexpr float kMaxRasterScale = 6.0f;

// [SECTION] Atlas

void build_fonts(float scale) {
    const float raster = std::clamp(scale, 1.0f, kMaxRasterScale);
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // the bytes are static data in the wasm image
    // Rasterised at the exact device size: oversampling would only grow the texture.
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::regular), int(fonts::regular_size),
                                   kFontSize * raster, &cfg, kGlyphRanges);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::bold), int(fonts::bold_size),
                                   kFontSize * raster, &cfg, kGlyphRanges);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::bold), int(fonts::bold_size),
                                   kHeadingSize * raster, &cfg, kGlyphRanges);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / raster;
    renderer_upload_fonts();
}

} // namespace kvh::platform
