// Random edits for the edit property test (edit_property_test.cpp): field values a person or a broken
// paste can produce, a random edit of each kind through its typed model. Seeded: the same
// generator state gives the same edits.
#pragma once

#include "core/arlig_genomgang/annual_review.hpp"
#include "core/atgarder/action_plan.hpp"
#include "core/egenkontroll/egenkontroll_run.hpp"
#include "core/risk_analysis.hpp"
#include "core/rules.hpp"
#include "core/workspace.hpp"

#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace kvh::test {

using Rng = std::mt19937_64;

inline int pick(Rng& rng, int n) {
    return std::uniform_int_distribution<int>(0, n - 1)(rng);
}
inline int between(Rng& rng, int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}
inline bool chance(Rng& rng, int percent) {
    return pick(rng, 100) < percent;
}
template <class T, std::size_t N> const T& one_of(Rng& rng, const T (&items)[N]) {
    return items[std::size_t(pick(rng, int(N)))];
}

// Text of every kind a field can get: prefixes of valid values, garbage, "", long, broken UTF-8.
std::string text(Rng& rng);
// One change of `a` as a screen makes it (any field, risks and actions added, removed, moved, scores
// off the scale, broken scales…); returns what it did, for the failure message.
std::string random_change(Rng& rng, core::RiskAnalysis& a, const core::Environment& env);
// One change of an åtgärdsplan: its header, actions added, removed, moved and edited like a risk's.
std::string random_plan_change(Rng& rng, core::ActionPlan& p, const core::Environment& env);
// One change of an egenkontrollplan (its checks, months, questions, actions) or of a run (questions,
// samples, answers, dates, the draw, marking it done), as the screens will make them.
std::string random_egenkontroll_plan_change(Rng& rng, core::EgenkontrollPlan& p,
                                            const core::Environment& env);
std::string random_run_change(Rng& rng, core::EgenkontrollRun& r, const core::Environment& env);
// A new analysis with a few risks.
core::RiskAnalysis fresh_analysis(Rng& rng, const core::Environment& env);
// One change of an årlig genomgång: items added, removed, assessed, given texts and actions; the
// narratives, focus areas and decision date.
std::string random_review_change(Rng& rng, core::AnnualReview& v, const core::Environment& env);

} // namespace kvh::test
