// The library of common risks (assets/risk_library.json): data, not code, so a new template needs
// no new build. Each entry becomes a new, editable Risk with one tap.
#pragma once

#include "risk_analysis.hpp"
#include "workspace.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct LibraryRisk {
    std::string category;
    std::string description;
    std::string causes;
    std::string consequence_individual;
    std::string consequence_verksamhet;
    std::vector<std::string> suggested_actions; // each becomes an Action's `what`
};

struct RiskLibrary {
    int version = 0;
    std::vector<std::string> categories; // in the order the library gives them
    std::vector<LibraryRisk> risks;
};

// Parses and validates the library file; errors name the place ("risks[4].category: …").
std::optional<RiskLibrary> parse_risk_library(std::string_view text, std::vector<ValidationError>& errors);

// A new risk from a template: fresh ids (risk and actions), not scored. Of the template's suggested
// actions only those the person ticked (indexes into suggested_actions; others are ignored) become
// actions, proposed with the template's cause as `why`: a suggestion nobody chose is not work to do.
Risk risk_from_library(const LibraryRisk& t, const std::vector<std::size_t>& chosen, const Environment& env);

} // namespace kvh::core
