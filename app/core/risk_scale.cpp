// Risk scales: value and band, the 4×4 and 5×5 presets built from the catalogue, JSON in and out,
// validation of custom scales and the mapping of scores from one scale to another.
#include "risk_scale.hpp"

#include "json_check.hpp"

#include <algorithm>
#include <span>

namespace kvh::core {

namespace {

constexpr std::array<EnumKey<BandColour>, 4> kColours{{
    {BandColour::gron, "gron", Msg::band_gron},
    {BandColour::gul, "gul", Msg::band_gul},
    {BandColour::orange, "orange", Msg::band_orange},
    {BandColour::rod, "rod", Msg::band_rod},
}};
static_assert(kColours.size() == std::size(all_band_colours));

struct LevelText {
    Msg label, hint;
};

constexpr LevelText k4x4S[] = {{Msg::scale_4x4_s1, Msg::scale_4x4_s1_hint},
                               {Msg::scale_4x4_s2, Msg::scale_4x4_s2_hint},
                               {Msg::scale_4x4_s3, Msg::scale_4x4_s3_hint},
                               {Msg::scale_4x4_s4, Msg::scale_4x4_s4_hint}};
constexpr LevelText k4x4K[] = {{Msg::scale_4x4_k1, Msg::scale_4x4_k1_hint},
                               {Msg::scale_4x4_k2, Msg::scale_4x4_k2_hint},
                               {Msg::scale_4x4_k3, Msg::scale_4x4_k3_hint},
                               {Msg::scale_4x4_k4, Msg::scale_4x4_k4_hint}};
constexpr LevelText k5x5S[] = {{Msg::scale_5x5_s1, Msg::scale_5x5_s1_hint},
                               {Msg::scale_5x5_s2, Msg::scale_5x5_s2_hint},
                               {Msg::scale_5x5_s3, Msg::scale_5x5_s3_hint},
                               {Msg::scale_5x5_s4, Msg::scale_5x5_s4_hint},
                               {Msg::scale_5x5_s5, Msg::scale_5x5_s5_hint}};
constexpr LevelText k5x5K[] = {{Msg::scale_5x5_k1, Msg::scale_5x5_k1_hint},
                               {Msg::scale_5x5_k2, Msg::scale_5x5_k2_hint},
                               {Msg::scale_5x5_k3, Msg::scale_5x5_k3_hint},
                               {Msg::scale_5x5_k4, Msg::scale_5x5_k4_hint},
                               {Msg::scale_5x5_k5, Msg::scale_5x5_k5_hint}};

std::vector<ScaleLevel> levels(std::span<const LevelText> texts) {
    std::vector<ScaleLevel> out;
    for (const LevelText& t : texts) out.push_back({tr(t.label), tr(t.hint)});
    return out;
}

nlohmann::json levels_to_json(const std::vector<ScaleLevel>& levels) {
    nlohmann::json out = nlohmann::json::array();
    for (const ScaleLevel& l : levels) out.push_back({{"text", l.label}, {"ledtrad", l.hint}});
    return out;
}

void read_levels(Reader& r, std::string_view key, std::vector<ScaleLevel>& out) {
    if (!r.get(key, Msg::json_type_array)) return;
    read_objects(r, key, [&](const nlohmann::json& item, const std::string& path) {
        Reader lr(item, path, r.errors());
        ScaleLevel level;
        read_string(lr, "text", level.label);
        read_string(lr, "ledtrad", level.hint);
        out.push_back(std::move(level));
    });
}

// A band bound must be an integer; whether it fits the scale is validate_scale's to say, with the band.
void read_bound(Reader& r, std::string_view key, int& out) {
    if (r.get(key, Msg::json_type_integer)) read_score(r, key, kMaxScaleLevels * kMaxScaleLevels, out);
}

} // namespace

int RiskScale::value(int s, int k) const {
    if (s < 1 || s > levels_s() || k < 1 || k > levels_k()) return 0;
    return s * k;
}

std::optional<BandColour> RiskScale::band(int value) const {
    if (value <= 0) return std::nullopt;
    for (const RiskBand& b : bands)
        if (value >= b.min_value && value <= b.max_value) return b.colour;
    return std::nullopt;
}

std::string_view band_colour_key(BandColour c) {
    return enum_entry(kColours, c).key;
}
std::optional<BandColour> band_colour_from_key(std::string_view key) {
    return enum_from_key(kColours, key);
}
Msg band_colour_name(BandColour c) {
    return enum_entry(kColours, c).name;
}
Msg band_risk_name(BandColour c) {
    static constexpr Msg kNames[] = {Msg::band_risk_gron, Msg::band_risk_gul, Msg::band_risk_orange,
                                     Msg::band_risk_rod};
    return kNames[static_cast<std::size_t>(c)];
}

RiskScale scale_4x4() {
    return {tr(Msg::scale_4x4_name),
            levels(k4x4S),
            levels(k4x4K),
            {{1, 3, BandColour::gron},
             {4, 7, BandColour::gul},
             {8, 11, BandColour::orange},
             {12, 16, BandColour::rod}}};
}

RiskScale scale_5x5() {
    return {tr(Msg::scale_5x5_name),
            levels(k5x5S),
            levels(k5x5K),
            {{1, 4, BandColour::gron},
             {5, 9, BandColour::gul},
             {10, 14, BandColour::orange},
             {15, 25, BandColour::rod}}};
}

nlohmann::json scale_to_json(const RiskScale& s) {
    nlohmann::json bands = nlohmann::json::array();
    for (const RiskBand& b : s.bands)
        bands.push_back({{"fran", b.min_value}, {"till", b.max_value}, {"farg", band_colour_key(b.colour)}});
    return {{"namn", s.name},
            {"sannolikhet", levels_to_json(s.sannolikhet)},
            {"konsekvens", levels_to_json(s.konsekvens)},
            {"band", std::move(bands)}};
}

std::optional<RiskScale> scale_from_json(const nlohmann::json& j, const std::string& path,
                                         std::vector<ValidationError>& errors) {
    if (!expect_object(j, path, errors)) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(j, path, errors);
    RiskScale s;
    read_string(r, "namn", s.name);
    read_levels(r, "sannolikhet", s.sannolikhet);
    read_levels(r, "konsekvens", s.konsekvens);
    if (r.get("band", Msg::json_type_array))
        read_objects(r, "band", [&](const nlohmann::json& item, const std::string& item_path) {
            Reader br(item, item_path, errors);
            RiskBand b;
            read_bound(br, "fran", b.min_value);
            read_bound(br, "till", b.max_value);
            if (br.get("farg", Msg::json_type_string)) read_enum(br, "farg", kColours, b.colour);
            s.bands.push_back(b);
        });
    // The shape first: judging levels and bands of a half-read scale would only add noise.
    if (errors.size() != errors_before || !validate_scale(s, path, errors)) return std::nullopt;
    return s;
}

bool validate_scale(const RiskScale& s, const std::string& path, std::vector<ValidationError>& errors) {
    const std::size_t errors_before = errors.size();
    auto check_levels = [&](const std::vector<ScaleLevel>& levels, std::string_view key) {
        const std::string levels_path = join_path(path, key);
        const int n = int(levels.size());
        if (n < kMinScaleLevels || n > kMaxScaleLevels)
            errors.push_back(
                {levels_path,
                 Msg::err_scale_levels,
                 {std::to_string(kMinScaleLevels), std::to_string(kMaxScaleLevels), std::to_string(n)},
                 {}});
        for (std::size_t i = 0; i < levels.size(); ++i) {
            const std::string level_path = index_path(levels_path, i);
            if (is_blank(levels[i].label))
                errors.push_back({join_path(level_path, "text"), Msg::err_empty_text, {}, {}});
            else
                check_text(levels[i].label, level_path, "text", errors);
            check_text(levels[i].hint, level_path, "ledtrad", errors);
        }
    };
    check_text(s.name, path, "namn", errors);
    check_levels(s.sannolikhet, "sannolikhet");
    check_levels(s.konsekvens, "konsekvens");
    if (errors.size() != errors_before) return false;

    const std::string bands_path = join_path(path, "band");
    const int max = s.max_value();
    for (std::size_t i = 0; i < s.bands.size(); ++i) {
        const RiskBand& b = s.bands[i];
        if (b.min_value < 1 || b.min_value > b.max_value || b.max_value > max)
            errors.push_back({index_path(bands_path, i),
                              Msg::err_band_range,
                              {std::to_string(b.min_value), std::to_string(b.max_value), std::to_string(max)},
                              {}});
    }
    if (errors.size() != errors_before) return false;
    // Only the first gap and the first overlap: one wrong bound would otherwise report every value.
    bool gap_reported = false, overlap_reported = false;
    for (int v = 1; v <= max; ++v) {
        int n = 0;
        for (const RiskBand& b : s.bands) n += v >= b.min_value && v <= b.max_value;
        if (n == 0 && !gap_reported) {
            errors.push_back({bands_path, Msg::err_band_gap, {std::to_string(v)}, {}});
            gap_reported = true;
        }
        if (n > 1 && !overlap_reported) {
            errors.push_back({bands_path, Msg::err_band_overlap, {std::to_string(v)}, {}});
            overlap_reported = true;
        }
    }
    return errors.size() == errors_before;
}

int map_level(int level, int from_levels, int to_levels, ScaleMapping how) {
    if (level <= 0 || to_levels < 1) return 0;
    switch (how) {
    case ScaleMapping::proportional: {
        if (from_levels < 1) return 0;
        // round(l × m / n) with halves rounded up, in integers.
        const int mapped = (2 * level * to_levels + from_levels) / (2 * from_levels);
        return std::clamp(mapped, 1, to_levels);
    }
    case ScaleMapping::clamp:
        return std::min(level, to_levels);
    case ScaleMapping::clear:
        return 0;
    }
    return 0;
}

} // namespace kvh::core
