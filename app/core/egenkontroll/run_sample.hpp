// Filling an egenkontroll run's sample: references typed or pasted added as samples, or the sample
// replaced by a random draw from a pasted population, its seed recorded so the draw can be repeated.
// Not here: the draw itself (random_draw.hpp), the run (egenkontroll_run.hpp).
#pragma once

#include "egenkontroll_run.hpp"
#include "random_draw.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct Environment;

// The references in what was typed or pasted (split as a population is: lines, commas, semicolons,
// tabs; trimmed, blanks skipped), without those the run already has and each once.
std::vector<std::string> new_refs(const EgenkontrollRun& r, std::string_view typed);
// Adds a sample, without answers, for each reference, after the ones the run has.
void add_samples(EgenkontrollRun& r, const std::vector<std::string>& refs, const Environment& env);
// Replaces the sample by the `n` references drawn from `p` with `seed` (in the order drawn), and
// records the draw. Nothing changes and false is returned when draw_problem says it cannot be made.
bool apply_draw(EgenkontrollRun& r, const Population& p, std::size_t n, std::uint64_t seed,
                const Environment& env);
// Whether any sample has an answer: a new draw would throw them away, so it is asked first.
bool has_answers(const EgenkontrollRun& r);
// The index of the first sample after `from` (wrapping round, `from` itself last) with a question
// unanswered; nothing when every sample is complete.
std::optional<std::size_t> next_unanswered(const EgenkontrollRun& r, std::size_t from);
// The first question of sample `s` (in the run's order) without an answer, or nothing.
std::optional<std::size_t> first_unanswered_question(const EgenkontrollRun& r, const Sample& s);

} // namespace kvh::core
