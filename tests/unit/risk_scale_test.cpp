// Risk scales: scoring and banding for both presets and a custom scale, the preset texts in both
// languages, JSON with exact errors, validation of custom scales, and mapping levels between scales.
#include "core/exchange_format.hpp"
#include "core/risk_scale.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

namespace {

struct LanguageGuard {
    Lang saved = language();
    ~LanguageGuard() { set_language(saved); }
};

std::vector<std::string> texts(const std::vector<ValidationError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(Lang::sv));
    return out;
}

std::vector<std::string> labels(const std::vector<ScaleLevel>& levels) {
    std::vector<std::string> out;
    for (const auto& l : levels) out.push_back(l.label);
    return out;
}

RiskScale three_by_three() {
    RiskScale s;
    s.name = "3×3";
    s.sannolikhet = {{"Låg", ""}, {"Medel", ""}, {"Hög", ""}};
    s.konsekvens = {{"Liten", ""}, {"Allvarlig", ""}, {"Mycket allvarlig", "Dödsfall"}};
    s.bands = {{1, 2, BandColour::gron}, {3, 5, BandColour::gul}, {6, 9, BandColour::rod}};
    return s;
}

std::optional<RiskScale> read(const std::string& text, std::vector<ValidationError>& errors) {
    return scale_from_json(nlohmann::json::parse(text), "documents[0].body.skala", errors);
}

} // namespace

TEST_CASE("the 4×4 preset: Swedish words and hints, bands 1–3, 4–7, 8–11, 12–16") {
    LanguageGuard guard;
    set_language(Lang::sv);
    const RiskScale s = scale_4x4();
    CHECK(s.name == "4×4 (Socialstyrelsen/SKR)");
    CHECK(labels(s.sannolikhet) == std::vector<std::string>{"Mycket liten", "Liten", "Stor", "Mycket stor"});
    CHECK(labels(s.konsekvens) == std::vector<std::string>{"Mindre", "Måttlig", "Betydande", "Katastrofal"});
    CHECK(s.sannolikhet[0].hint == "Kan hända ungefär en gång per år eller mer sällan");
    CHECK(s.sannolikhet[3].hint == "Händer dagligen eller nästan dagligen");
    CHECK(s.konsekvens[3].hint ==
          "Dödsfall, bestående skada eller allvarlig kränkning av den enskildes rättigheter");
    for (const auto& l : s.sannolikhet) CHECK_FALSE(l.hint.empty());
    for (const auto& l : s.konsekvens) CHECK_FALSE(l.hint.empty());
    CHECK(s.bands == std::vector<RiskBand>{{1, 3, BandColour::gron},
                                           {4, 7, BandColour::gul},
                                           {8, 11, BandColour::orange},
                                           {12, 16, BandColour::rod}});
    CHECK(s.max_value() == 16);
    std::vector<ValidationError> errors;
    CHECK(validate_scale(s, "skala", errors));
    CHECK(errors.empty());
}

TEST_CASE("4×4 scoring and banding of every cell") {
    const RiskScale s = scale_4x4();
    // Row k, column s: the colour of s × k.
    const BandColour g = BandColour::gron, y = BandColour::gul, o = BandColour::orange, r = BandColour::rod;
    const BandColour expected[4][4] = {{g, g, g, y}, {g, y, y, o}, {g, y, o, r}, {y, o, r, r}};
    for (int k = 1; k <= 4; ++k)
        for (int sv = 1; sv <= 4; ++sv) {
            INFO("s=" << sv << " k=" << k);
            CHECK(s.value(sv, k) == sv * k);
            CHECK(s.band(s.value(sv, k)) == expected[k - 1][sv - 1]);
        }
    CHECK(s.value(0, 3) == 0);
    CHECK(s.value(3, 0) == 0);
    CHECK(s.value(5, 1) == 0);
    CHECK(s.value(1, 5) == 0);
    CHECK(s.value(-1, 2) == 0);
    CHECK_FALSE(s.band(0).has_value());
    CHECK_FALSE(s.band(17).has_value());
    CHECK(s.is_red(3, 4));
    CHECK_FALSE(s.is_red(3, 3));
    CHECK(s.is_highest_consequence(4));
    CHECK_FALSE(s.is_highest_consequence(3));
    CHECK_FALSE(s.is_highest_consequence(0));
}

TEST_CASE("the 5×5 preset: five levels, bands 1–4, 5–9, 10–14, 15–25") {
    LanguageGuard guard;
    set_language(Lang::sv);
    const RiskScale s = scale_5x5();
    CHECK(s.levels_s() == 5);
    CHECK(s.levels_k() == 5);
    CHECK(labels(s.konsekvens) ==
          std::vector<std::string>{"Försumbar", "Mindre", "Måttlig", "Betydande", "Katastrofal"});
    CHECK(s.bands == std::vector<RiskBand>{{1, 4, BandColour::gron},
                                           {5, 9, BandColour::gul},
                                           {10, 14, BandColour::orange},
                                           {15, 25, BandColour::rod}});
    CHECK(s.band(s.value(2, 2)) == BandColour::gron);
    CHECK(s.band(s.value(1, 5)) == BandColour::gul);
    CHECK(s.band(s.value(2, 5)) == BandColour::orange);
    CHECK(s.band(s.value(3, 5)) == BandColour::rod);
    CHECK(s.band(s.value(5, 5)) == BandColour::rod);
    CHECK(s.is_highest_consequence(5));
    CHECK_FALSE(s.is_highest_consequence(4));
    std::vector<ValidationError> errors;
    CHECK(validate_scale(s, "skala", errors));
}

TEST_CASE("preset texts come from the catalogue in the current language") {
    LanguageGuard guard;
    set_language(Lang::en);
    const RiskScale s = scale_4x4();
    CHECK(labels(s.sannolikhet) ==
          std::vector<std::string>{"Very unlikely", "Unlikely", "Likely", "Very likely"});
    CHECK(labels(s.konsekvens) == std::vector<std::string>{"Minor", "Moderate", "Major", "Catastrophic"});
    CHECK(scale_5x5().sannolikhet[4].label == "Almost certain");
}

TEST_CASE("a custom 3×3 scale scores and bands by its own bands") {
    const RiskScale s = three_by_three();
    std::vector<ValidationError> errors;
    CHECK(validate_scale(s, "skala", errors));
    CHECK(s.value(3, 3) == 9);
    CHECK(s.band(2) == BandColour::gron);
    CHECK(s.band(4) == BandColour::gul);
    CHECK(s.band(6) == BandColour::rod);
    CHECK(s.is_red(2, 3));
    CHECK(s.is_highest_consequence(3));
}

TEST_CASE("band colour keys and names") {
    for (BandColour c : all_band_colours) CHECK(band_colour_from_key(band_colour_key(c)) == c);
    CHECK(band_colour_key(BandColour::rod) == "rod");
    CHECK(std::string(tr(band_colour_name(BandColour::rod), Lang::sv)) == "Röd");
    CHECK(std::string(tr(band_colour_name(BandColour::gron), Lang::sv)) == "Grön");
    CHECK_FALSE(band_colour_from_key("röd").has_value());
}

TEST_CASE("a scale is stored as data and read back unchanged") {
    const RiskScale s = three_by_three();
    const nlohmann::json j = scale_to_json(s);
    CHECK(j["band"][2] == nlohmann::json::parse(R"({"fran":6,"till":9,"farg":"rod"})"));
    CHECK(j["konsekvens"][2] == nlohmann::json::parse(R"({"text":"Mycket allvarlig","ledtrad":"Dödsfall"})"));
    std::vector<ValidationError> errors;
    const auto back = scale_from_json(j, "skala", errors);
    REQUIRE(back);
    CHECK(*back == s);
    CHECK(*scale_from_json(scale_to_json(scale_5x5()), "skala", errors) == scale_5x5());
    CHECK(errors.empty());
}

TEST_CASE("scale errors name the exact place") {
    std::vector<ValidationError> errors;
    CHECK_FALSE(read(R"({"namn":"x","sannolikhet":[{"text":"A"}],"konsekvens":[{"text":"A"},{"text":" "}],
        "band":[{"fran":1,"till":2,"farg":"gron"}]})",
                     errors));
    CHECK(texts(errors) ==
          std::vector<std::string>{
              "documents[0].body.skala.sannolikhet: ska ha mellan 2 och 10 nivåer, men har 1",
              "documents[0].body.skala.konsekvens[1].text: får inte vara tom"});

    errors.clear();
    CHECK_FALSE(read(R"({"sannolikhet":[{"text":"A"},{"text":"B"}],"konsekvens":[{"text":"A"},{"text":"B"}],
        "band":[{"fran":1,"till":1,"farg":"gron"},{"fran":3,"till":4,"farg":"rod"}]})",
                     errors));
    CHECK(texts(errors) ==
          std::vector<std::string>{"documents[0].body.skala.band: riskvärdet 2 ingår inte i något band"});

    errors.clear();
    CHECK_FALSE(read(R"({"sannolikhet":[{"text":"A"},{"text":"B"}],"konsekvens":[{"text":"A"},{"text":"B"}],
        "band":[{"fran":1,"till":3,"farg":"gron"},{"fran":3,"till":4,"farg":"rod"}]})",
                     errors));
    CHECK(texts(errors) ==
          std::vector<std::string>{"documents[0].body.skala.band: riskvärdet 3 ingår i mer än ett band"});

    errors.clear();
    CHECK_FALSE(read(R"({"sannolikhet":[{"text":"A"},{"text":"B"}],"konsekvens":[{"text":"A"},{"text":"B"}],
        "band":[{"fran":1,"till":2,"farg":"gron"},{"fran":3,"till":5,"farg":"rod"}]})",
                     errors));
    CHECK(texts(errors) ==
          std::vector<std::string>{
              "documents[0].body.skala.band[1]: bandet 3–5 ska ligga inom 1–4 med det lägsta "
              "värdet först"});

    errors.clear();
    CHECK_FALSE(read(R"({"sannolikhet":[{"text":"A"},{"text":"B"}],"konsekvens":[{"text":"A"},"B"],
        "band":[{"fran":"1","till":4,"farg":"lila"}]})",
                     errors));
    CHECK(texts(errors) == std::vector<std::string>{
                               "documents[0].body.skala.konsekvens[1]: ska vara ett objekt, men är en text",
                               "documents[0].body.skala.band[0].fran: ska vara ett heltal, men är en text",
                               "documents[0].body.skala.band[0].farg: okänt värde ”lila”; kända värden är "
                               "gron, gul, orange, rod"});

    errors.clear();
    CHECK_FALSE(read(R"({"namn":"x"})", errors));
    CHECK(texts(errors) == std::vector<std::string>{"documents[0].body.skala.sannolikhet: fältet saknas",
                                                    "documents[0].body.skala.konsekvens: fältet saknas",
                                                    "documents[0].body.skala.band: fältet saknas"});
}

TEST_CASE("a scale of eleven levels is refused") {
    RiskScale s = three_by_three();
    s.sannolikhet.assign(11, {"Nivå", ""});
    s.bands = {{1, 33, BandColour::gron}};
    std::vector<ValidationError> errors;
    CHECK_FALSE(validate_scale(s, "skala", errors));
    CHECK(texts(errors) ==
          std::vector<std::string>{"skala.sannolikhet: ska ha mellan 2 och 10 nivåer, men har 11"});
}

TEST_CASE("map_level: proportional, clamp and clear between 4 and 5 levels") {
    using M = ScaleMapping;
    auto row = [](int from, int to, M how) {
        std::vector<int> out;
        for (int l = 0; l <= from; ++l) out.push_back(map_level(l, from, to, how));
        return out;
    };
    CHECK(row(4, 5, M::proportional) == std::vector{0, 1, 3, 4, 5});    // 1.25, 2.5, 3.75, 5
    CHECK(row(5, 4, M::proportional) == std::vector{0, 1, 2, 2, 3, 4}); // 0.8, 1.6, 2.4, 3.2, 4
    CHECK(row(4, 5, M::clamp) == std::vector{0, 1, 2, 3, 4});
    CHECK(row(5, 4, M::clamp) == std::vector{0, 1, 2, 3, 4, 4});
    CHECK(row(4, 5, M::clear) == std::vector{0, 0, 0, 0, 0});
    CHECK(row(5, 4, M::clear) == std::vector{0, 0, 0, 0, 0, 0});
    CHECK(row(4, 2, M::proportional) == std::vector{0, 1, 1, 2, 2}); // 0.5 rounds up, then at least 1
    CHECK(map_level(10, 10, 2, M::proportional) == 2);
}
