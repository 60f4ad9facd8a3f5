// Search in document lists: case-insensitive for Swedish (Å matches å), on title, unit and year.
#pragma once

#include "document.hpp"

#include <string>
#include <string_view>

namespace kvh::core {

// Lower-cases ASCII and the Latin-1 letters Swedish and its neighbours use (ÅÄÖÉÜ…), leaving every
// other byte as it is, so that folded texts compare as a user expects.
std::string fold_case(std::string_view text);

// `folded_query` must come from fold_case (done once per search, not once per document).
bool document_matches(const Document& doc, std::string_view folded_query);

} // namespace kvh::core
