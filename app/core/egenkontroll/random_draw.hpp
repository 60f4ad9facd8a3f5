// The random draw of an egenkontroll's sample: the pasted population read into references, and a
// reproducible draw of n of them from a shown, stored seed. The algorithm is written down for
// auditors in assets/random_draw.md; a change here is a change of that document and its example.
#pragma once

#include "core/messages.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

// [SECTION] The population as pasted
// One reference that came again: its entry number and that of its first occurrence (both from 1, in
// the order pasted, blanks counted).
struct RepeatedRef {
    std::string ref;
    std::size_t entry = 0, first_entry = 0;
    bool operator==(const RepeatedRef&) const = default;
};

struct Population {
    std::vector<std::string> refs;       // trimmed, each once, in the order pasted
    std::size_t blanks = 0;              // empty entries skipped (two separators in a row, blank lines)
    std::vector<RepeatedRef> repeated;   // skipped: only the first occurrence is drawn from
    std::vector<std::size_t> id_numbers; // indexes into refs that look like a personnummer
};

// Splits at line breaks (LF, CR LF, CR), commas, semicolons and tabs; trims spaces (and no-break
// spaces) around each entry. What a spreadsheet column, a list or a line of text gives when pasted.
Population parse_population(std::string_view pasted);

// [SECTION] The draw
// A seed as typed: decimal digits 0 … 18446744073709551615, spaces around allowed.
std::optional<std::uint64_t> parse_seed(std::string_view text);
// A new seed to show and store: six digits, easy to read out and type into another tool.
std::uint64_t new_seed(std::uint64_t random);

// SplitMix64 (Steele, Lea, Flood 2014): the generator of the draw.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
};
// A uniform integer in [0, m), m ≥ 1, by rejection: values at or above the largest multiple of m
// below 2^64 are drawn again, so no remainder is favoured.
std::uint64_t uniform_below(SplitMix64& g, std::uint64_t m);

// The places (from 0) of the `n` drawn of `population` entries, in the order drawn: a partial
// Fisher–Yates shuffle of 0 … population-1 with SplitMix64 seeded with `seed`. n ≤ population.
std::vector<std::size_t> draw_places(std::size_t population, std::size_t n, std::uint64_t seed);

// Why a draw of `n` cannot be made from `p`, or nothing when it can. The message takes n and the
// population's size as {0} and {1}.
std::optional<Msg> draw_problem(const Population& p, std::size_t n);
// The drawn references, in the order drawn; empty when draw_problem says it cannot be made.
std::vector<std::string> draw_sample(const Population& p, std::size_t n, std::uint64_t seed);

// The fingerprint that identifies the population a draw was made from: FNV-1a 64 over the references
// joined by line feeds (UTF-8), as 16 lower-case hex digits. Stored with the seed, so that whoever
// repeats the draw can see they start from the same population.
std::string population_fingerprint(const Population& p);

} // namespace kvh::core
