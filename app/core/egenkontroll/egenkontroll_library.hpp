// The library of common egenkontroller (assets/egenkontroll_library.json): data, not code, so a new
// template needs no new build. Each entry becomes a new, editable planned check with one tap.
#pragma once

#include "egenkontroll_plan.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct LibraryCheck {
    std::string key; // stable within the library ("genomforandeplaner")
    std::string area, what, purpose;
    CheckMethod method = CheckMethod::aktgranskning;
    int sample_size = 0; // 0 for comparisons, which have no sample
    Frequency frequency = Frequency::ar;
    std::vector<std::string> questions;
};

struct EgenkontrollLibrary {
    int version = 0;
    std::vector<LibraryCheck> checks; // in the order the library gives them
};

// Parses and validates the library file; errors name the place ("checks[4].method: …"). Every entry
// has a unique key, an area, what and why, a known method and frequency, and 3–8 questions.
std::optional<EgenkontrollLibrary> parse_egenkontroll_library(std::string_view text,
                                                              std::vector<ValidationError>& errors);

// A new planned check from a template: fresh ids (check and questions), its months those of its
// frequency, responsible and reported-to left for the unit to fill in.
PlannedCheck check_from_library(const LibraryCheck& t, const Environment& env);

} // namespace kvh::core
