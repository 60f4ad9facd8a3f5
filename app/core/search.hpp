// Search in document lists: case-insensitive for Swedish (Å matches å), on title, unit and year;
// and the key that sorts texts in Swedish order.
#pragma once

#include "document.hpp"

#include <string>
#include <string_view>

namespace kvh::core {

// Lower-cases ASCII and the Latin-1 letters Swedish and its neighbours use (ÅÄÖÉÜ…), leaving every
// other byte as it is, so that folded texts compare as a user expects.
std::string fold_case(std::string_view text);

// A key whose byte order is the order a Swedish reader expects of `text`: case ignored, å ä ö after
// z and in that order (æ ø with ä ö, é è with e, ü with y), numbers by their value ("Plan 2" before
// "Plan 10"), the blanks around the text not counted. Plain bytes would put ä before å and 10 before 2.
std::string sort_key(std::string_view text);

// `folded_query` must come from fold_case (done once per search, not once per document).
bool document_matches(const Document& doc, std::string_view folded_query);

} // namespace kvh::core
