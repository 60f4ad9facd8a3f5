// The kvalitetsberättelse as the parts of a Word file (Office Open XML, WordprocessingML): the same
// content as the HTML with real Heading1/Heading2 styles and tables, so the nämnd secretary can edit
// it in Word: the XML parts by name, and the .docx file that packs them.
// Not here: how a zip is written (report/zip_package.hpp).
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
// The Word file's bytes: those parts in a zip package, the same bytes for the same draft. Empty only
// when zlib cannot allocate.
std::string berattelse_docx(const Kvalitetsberattelse& b, Lang lang);

} // namespace kvh::core
