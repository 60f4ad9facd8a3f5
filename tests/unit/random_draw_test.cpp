// The random draw: the pasted population read as people paste it, the worked example of
// assets/random_draw.md reproduced exactly, the same seed giving the same sample, and the draw
// uniform over many seeds (chi-square).
#include "core/egenkontroll/random_draw.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kvh::core;

using kvh::test::read_asset;

namespace {

std::string example_population() {
    std::string out;
    for (int k = 101; k <= 120; ++k) out += "Ärende 2025-" + std::to_string(k) + "\n";
    return out;
}

using Texts = std::vector<std::string>;

} // namespace

TEST_CASE("the worked example of assets/random_draw.md comes out exactly as written there") {
    const Population p = parse_population(example_population());
    REQUIRE(p.refs.size() == 20);
    CHECK(population_fingerprint(p) == "44cfb92a15c31b11");
    const std::optional<std::uint64_t> seed = parse_seed("20260301");
    REQUIRE(seed);
    SplitMix64 g{*seed};
    CHECK(g.next() == 12393507560339216050ULL);
    CHECK(g.next() == 11721685452596254399ULL);
    CHECK(draw_places(20, 5, *seed) == std::vector<std::size_t>{10, 5, 8, 0, 11});
    const Texts sample = draw_sample(p, 5, *seed);
    CHECK(sample == Texts{"Ärende 2025-111", "Ärende 2025-106", "Ärende 2025-109", "Ärende 2025-101",
                          "Ärende 2025-112"});
    const std::string doc = read_asset("random_draw.md");
    CHECK(doc.find("Fingeravtryck: `44cfb92a15c31b11`") != std::string::npos);
    CHECK(
        doc.find("**Ärende 2025-111, Ärende 2025-106, Ärende 2025-109, Ärende 2025-101, Ärende 2025-112**") !=
        std::string::npos);
    CHECK(doc.find("| 0      | 20    | 12393507560339216050  |") != std::string::npos);
}

TEST_CASE("the same seed gives the same sample; another seed another; a longer sample starts the same") {
    const Population p = parse_population(example_population());
    CHECK(draw_sample(p, 8, 4711) == draw_sample(p, 8, 4711));
    CHECK(draw_sample(p, 8, 4711) != draw_sample(p, 8, 4712));
    const Texts five = draw_sample(p, 5, 4711), ten = draw_sample(p, 10, 4711);
    CHECK(Texts(ten.begin(), ten.begin() + 5) == five);
    // All of them, each once.
    Texts all = draw_sample(p, 20, 99);
    std::sort(all.begin(), all.end());
    CHECK(all == p.refs);
    CHECK(draw_sample(p, 1, UINT64_MAX).size() == 1);
}

TEST_CASE("a draw that cannot be made says why and draws nothing") {
    const Population p = parse_population("A, B, C");
    CHECK(draw_problem(p, 3) == std::nullopt);
    CHECK(draw_problem(p, 4) == Msg::draw_too_many);
    CHECK(fmt(Msg::draw_too_many, Lang::sv, {"4", "3"}) ==
          "Det går inte att dra 4 av 3 referenser; ange högst 3");
    CHECK(draw_problem(p, 0) == Msg::draw_no_size);
    CHECK(draw_problem(parse_population(" \n ,; "), 1) == Msg::draw_no_population);
    CHECK(draw_sample(p, 4, 1).empty());
}

TEST_CASE("seeds are read as typed; new seeds have six digits") {
    CHECK(parse_seed(" 20260301 ") == 20260301u);
    CHECK(parse_seed("0") == 0u);
    CHECK(parse_seed("18446744073709551615") == UINT64_MAX);
    for (const char* bad :
         {"", " ", "18446744073709551616", "99999999999999999999", "-1", "12a", "1 2", "1.5", "０"})
        CHECK_FALSE(parse_seed(bad));
    for (std::uint64_t r : {std::uint64_t(0), std::uint64_t(899999), std::uint64_t(900000), UINT64_MAX}) {
        const std::uint64_t s = new_seed(r);
        CHECK(s >= 100000);
        CHECK(s <= 999999);
    }
}

TEST_CASE(
    "the population is read as pasted from a column, a list or a line; blanks and repeats are reported") {
    CHECK(parse_population("A\nB\r\nC\rD").refs == Texts{"A", "B", "C", "D"});
    CHECK(parse_population("A, B;C\tD").refs == Texts{"A", "B", "C", "D"});
    CHECK(parse_population("  Akt 1 \xC2\xA0\n\xC2\xA0 Akt 2").refs == Texts{"Akt 1", "Akt 2"});
    CHECK(parse_population("A\n").blanks == 0); // a trailing line break is no entry
    CHECK(parse_population("").refs.empty());
    CHECK(parse_population("").blanks == 0);

    const Population p = parse_population("2025-7\n\n2025-8\n2025-7\n  \n2025-9;2025-8\r\n");
    CHECK(p.refs == Texts{"2025-7", "2025-8", "2025-9"});
    CHECK(p.blanks == 2);
    CHECK(p.repeated == std::vector<RepeatedRef>{{"2025-7", 4, 1}, {"2025-8", 7, 3}});
    CHECK(parse_population("a\nA").refs == Texts{"a", "A"}); // case is kept apart
    // A reference that looks like a personnummer is pointed out (it is still a reference).
    const Population pnr = parse_population("Akt 1\n811218-9876\nAkt 3");
    CHECK(pnr.id_numbers == std::vector<std::size_t>{1});
    // Big pastes: 100,000 references.
    std::string big;
    for (int i = 0; i < 100'000; ++i) big += "R" + std::to_string(i) + "\n";
    const Population large = parse_population(big);
    CHECK(large.refs.size() == 100'000);
    CHECK(draw_sample(large, 200, 1).size() == 200);
}

TEST_CASE("the draw is uniform: every place is drawn equally often over many seeds (chi-square)") {
    // 20,000 draws of 3 of 10: each place is expected 6,000 times. With 9 degrees of freedom the
    // statistic exceeds 27.88 with probability 0.001; the seeds are fixed, so the test is repeatable.
    constexpr int kDraws = 20'000, kN = 10, kPick = 3;
    std::vector<int> count(kN), first(kN);
    for (int s = 0; s < kDraws; ++s) {
        const auto places = draw_places(kN, kPick, std::uint64_t(s));
        for (std::size_t at : places) ++count[at];
        ++first[places[0]];
    }
    auto chi2 = [](const std::vector<int>& observed, double expected) {
        double x = 0;
        for (int o : observed) x += (o - expected) * (o - expected) / expected;
        return x;
    };
    CHECK(chi2(count, double(kDraws) * kPick / kN) < 27.88);
    CHECK(chi2(first, double(kDraws) / kN) < 27.88);
    // A generator that favoured low places would fail: the same test on a skewed count does.
    std::vector<int> skewed = count;
    skewed[0] += 400;
    skewed[9] -= 400;
    CHECK(chi2(skewed, double(kDraws) * kPick / kN) > 27.88);
}

TEST_CASE("uniform_below never favours a remainder: values at the top are drawn again") {
    // With m = 2^63 + 1 nearly half the values lie above the limit and must be rejected.
    const std::uint64_t m = (1ULL << 63) + 1;
    SplitMix64 g{7};
    for (int i = 0; i < 1000; ++i) CHECK(uniform_below(g, m) < m);
    SplitMix64 one{7};
    CHECK(uniform_below(one, 1) == 0);
}
