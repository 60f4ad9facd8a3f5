// The kvalitetsberättelse as the parts of a Word file (Office Open XML, WordprocessingML): the same
// content as the HTML with real Heading1/Heading2 styles and tables, so the nämnd secretary can edit
// it in Word. The parts are XML texts by name; packing them into the .docx zip is the container's job.
// Not here: the zip container (to come: zlib's minizip, fetched by tools/setup).
#pragma once

#include "kvalitetsberattelse.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kvh::core {

// The parts of the package, by name in it ("[Content_Types].xml", "word/document.xml", …), in the
// order they should be written ([Content_Types].xml first). Every text from a document XML-escaped.
std::vector<std::pair<std::string, std::string>> berattelse_docx_parts(const Kvalitetsberattelse& b,
                                                                       Lang lang);

} // namespace kvh::core
