// Text as markup may carry it: the Word file's XML parts (XML 1.0) and the printable HTML both take
// every text from a document through here, so no writer can let through what a reader refuses.
#pragma once

#include <string>
#include <string_view>

namespace kvh::core::report {

// `text` with every byte that is not part of a UTF-8 sequence replaced by U+FFFD, and the characters
// XML 1.0 forbids left out: control characters other than tab, line feed and carriage return, and
// U+FFFE and U+FFFF. Word refuses a part that holds any of them; in HTML they are parse errors. A
// document's texts are UTF-8 when kept (check_text), but a file or record of another tool may not be.
std::string markup_text(std::string_view text);

} // namespace kvh::core::report
