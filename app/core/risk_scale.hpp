// The scale a risk analysis is scored on: sannolikhet and konsekvens levels with their words and
// hints, and the colour bands of the risk value (sannolikhet × konsekvens). Stored with each
// analysis, so a later change of the default never rewrites an old analysis.
#pragma once

#include "messages.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kvh::core {

struct ValidationError;

struct ScaleLevel {
    std::string label; // "Mycket liten"
    std::string hint;  // "ungefär en gång per år eller mer sällan"
    bool operator==(const ScaleLevel&) const = default;
};

enum class BandColour { gron, gul, orange, rod };
inline constexpr BandColour all_band_colours[] = {BandColour::gron, BandColour::gul, BandColour::orange,
                                                  BandColour::rod};
std::string_view band_colour_key(BandColour c);
std::optional<BandColour> band_colour_from_key(std::string_view key);
Msg band_colour_name(BandColour c); // "Grön", "Gul", …
Msg band_risk_name(BandColour c);   // after a risk value: "gul (måttlig risk)"

struct RiskBand {
    int min_value = 1, max_value = 1; // inclusive range of sannolikhet × konsekvens
    BandColour colour = BandColour::gron;
    bool operator==(const RiskBand&) const = default;
};

// How many levels a scale may have on each axis (validate_scale checks it).
inline constexpr int kMinScaleLevels = 2;
inline constexpr int kMaxScaleLevels = 10;

struct RiskScale {
    std::string name;                    // "4×4 (Socialstyrelsen/SKR)"
    std::vector<ScaleLevel> sannolikhet; // level 1 first
    std::vector<ScaleLevel> konsekvens;  // level 1 first
    std::vector<RiskBand> bands;         // cover 1 … max value without gaps or overlaps
    bool operator==(const RiskScale&) const = default;

    int levels_s() const { return int(sannolikhet.size()); }
    int levels_k() const { return int(konsekvens.size()); }
    int max_value() const { return levels_s() * levels_k(); }
    // sannolikhet × konsekvens, or 0 when either is not scored (0) or out of range.
    int value(int s, int k) const;
    // The band of a value; nullopt for 0 (not scored) or a value outside every band.
    std::optional<BandColour> band(int value) const;
    bool is_highest_consequence(int k) const { return k > 0 && k == levels_k(); }
    bool is_red(int s, int k) const { return band(value(s, k)) == BandColour::rod; }
};

// The default: 4×4, words of Socialstyrelsen's and SKR's handbooks, bands 1–3 green, 4–6 yellow,
// 8–9 orange, 12–16 red (stored as 1–3, 4–7, 8–11, 12–16: bands cover every value, products or not).
// Texts come from the message catalogue in the current language.
RiskScale scale_4x4();
// A 5×5 preset for organisations that use one (bands 1–4, 5–9, 10–14, 15–25).
RiskScale scale_5x5();

nlohmann::json scale_to_json(const RiskScale& s);
std::optional<RiskScale> scale_from_json(const nlohmann::json& j, const std::string& path,
                                         std::vector<ValidationError>& errors);
// Checks a (custom) scale: 2–10 levels each, non-empty labels, texts UTF-8, bands covering 1 … max
// without gaps or overlaps. Errors name the place under `path`.
bool validate_scale(const RiskScale& s, const std::string& path, std::vector<ValidationError>& errors);

// How scores move when an analysis changes scale; nothing is rescored silently.
enum class ScaleMapping {
    proportional, // level l of n → round(l × m / n) (halves up), at least 1
    clamp,        // same level number, capped at the new top level
    clear         // every score back to "not scored" (0)
};
// 0 (not scored) stays 0 whatever `how` is.
int map_level(int level, int from_levels, int to_levels, ScaleMapping how);

} // namespace kvh::core
