// What the random edits of every kind share (random_*_edits.cpp): real values to type, dates and scores
// as a control hands them over, and random actions with their changes. Only for those files.
#pragma once

#include "random_edits.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kvh::test {

// Real values; a field typed one key at a time holds every prefix of one of them.
inline constexpr std::string_view kTexts[] = {"Fall vid förflyttning",
                                              "Läkemedel ges till fel brukare",
                                              "Enhetschef Åsa Öberg",
                                              "MAS",
                                              "Brukaren får inte sin insats på grund av personalbrist",
                                              "Hemtjänst Norra – Tallen",
                                              "Ökad tillsyn 🙂 nattetid"};
inline const std::string kDate = "2026-12-02";

// A date as a field holds it: half typed, impossible, garbage, blank or valid.
std::string date(Rng& rng);
// A score as a control could hand it over: mostly on the scale, sometimes just off it.
int score(Rng& rng, int levels);

// Mostly a fresh id; sometimes one already used (of `ids`), one that is no UUID, or none.
std::string new_id(Rng& rng, const std::vector<std::string>& ids, const core::Environment& env);
// An acknowledgement as a screen could hand it over: mostly of a known rule with a reason, sometimes
// with a blank reason, no rule or a date that does not exist.
core::Acknowledgement random_acknowledgement(Rng& rng);
core::Action random_action(Rng& rng, const std::vector<std::string>& ids, const core::Environment& env);
// One change of an action, as its fields in a screen make it; returns what it did.
std::string change_action(Rng& rng, core::Action& x, const std::vector<std::string>& ids,
                          const core::Environment& env);

} // namespace kvh::test
